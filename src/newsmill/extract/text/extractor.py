"""Text mode: rebuild a clean, structured Article from a flattened page (a scraper's text dump).

The pipeline, one module per step:

1. ``lines``: split into lines; repair mojibake; strip Markdown, tags and entities while
   remembering what they said (heading, bullet, link share, images); join broken paragraphs.
2. ``classify``: label each line on its own evidence (prose, short, or debris with a reason).
3. ``segment``: the body is the densest run of prose lines.
4. ``structure``: section, headline, lead, byline/source, date and pictures around the
   body; paragraphs and subheadings in it; every unused line goes to ``removed``.
5. ``line_model``: a learned keep/drop decision on the body's blocks and the lines near it.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsmill.article import Article, Removed
from newsmill.extract.lexicon import Lexicon, load_lexicon
from newsmill.extract.options import ExtractOptions
from newsmill.extract.text.classify import Label, classify_lines
from newsmill.extract.text.line_model import refine
from newsmill.extract.text.lines import Line, merge_fragments, split_lines
from newsmill.extract.text.segment import Body, find_body
from newsmill.extract.text.structure import Parts, recover

NO_ARTICLE_WARNING = "content: no article-like text found (a menu, a list or a consent page?)"


@dataclass
class Analysis:
    """What the rule stages found in a dump (``parts`` is None when no body was found)."""

    lines: list[Line]
    labels: list[Label]
    body: Body | None
    parts: Parts | None
    warnings: list[str]
    lex: Lexicon


def analyse(text: str, opts: ExtractOptions) -> Analysis:
    """Steps 1-4 (the rule stages); ``training/textdump`` reads their output too."""
    lex = load_lexicon()
    split = split_lines(text, lex.stopwords, lex.exact)
    lines = merge_fragments(split.lines)
    opts.check_time()
    labels = classify_lines(lines, lex)
    opts.check_time()
    body = find_body(lines, labels)
    parts = recover(lines, labels, body, lex) if body is not None else None
    return Analysis(lines, labels, body, parts, split.warnings, lex)


def extract_text(text: str, opts: ExtractOptions, learned: bool = True) -> Article:
    """Turn a flattened text dump into an Article (best effort, never raises on content).

    ``learned`` False leaves out the line model (step 5): the rule stages alone.
    """
    article = Article(url=opts.url)
    found = analyse(text, opts)
    article.warnings.extend(found.warnings)
    lines, labels, body, parts = found.lines, found.labels, found.body, found.parts
    if body is None or parts is None:
        article.warnings.append(NO_ARTICLE_WARNING)
        article.removed = [
            Removed(text=shown, reason=label.reason or "other")  # type: ignore[arg-type]
            for line, label in zip(lines, labels, strict=True)
            if (shown := line.text or line.raw.strip())
        ]
        return article
    if learned:
        refine(lines, labels, body, parts, found.lex.stopwords)
    article.section, article.title, article.lead = parts.section, parts.title, parts.lead
    article.source, article.authors, article.published = parts.source, parts.authors, parts.published
    article.images, article.blocks, article.removed = parts.images, parts.blocks, parts.removed
    return article


def article_text_for_scoring(article: Article) -> str:
    """The text the snippet metric sees: headline, lead and body blocks, one per paragraph."""
    parts = [article.title or "", article.lead or ""] + [b.text for b in article.blocks]
    return "\n\n".join(p for p in parts if p)
