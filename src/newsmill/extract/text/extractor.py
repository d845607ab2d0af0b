"""Text mode: rebuild a clean, structured Article from a flattened page (a scraper's text dump).

The pipeline, one module per step:

1. ``lines``: split into lines; repair mojibake; strip Markdown, tags and entities while
   remembering what they said (heading, bullet, link share, images); join broken paragraphs.
2. ``classify``: label each line on its own evidence (prose, short, or debris with a reason).
3. ``segment``: the body is the densest run of prose lines.
4. ``structure``: section, headline, lead, byline/source, date and pictures around the
   body; paragraphs and subheadings in it; every unused line goes to ``removed``.
"""

from __future__ import annotations

from newsmill.article import Article, Removed
from newsmill.extract.lexicon import load_lexicon
from newsmill.extract.options import ExtractOptions
from newsmill.extract.text.classify import classify_lines
from newsmill.extract.text.lines import merge_fragments, split_lines
from newsmill.extract.text.segment import find_body
from newsmill.extract.text.structure import recover

NO_ARTICLE_WARNING = "content: no article-like text found (a menu, a list or a consent page?)"


def extract_text(text: str, opts: ExtractOptions) -> Article:
    """Turn a flattened text dump into an Article (best effort, never raises on content)."""
    article = Article(url=opts.url)
    lex = load_lexicon()
    split = split_lines(text, lex.stopwords, lex.exact)
    article.warnings.extend(split.warnings)
    lines = merge_fragments(split.lines)
    opts.check_time()
    labels = classify_lines(lines, lex)
    opts.check_time()
    body = find_body(lines, labels)
    if body is None:
        article.warnings.append(NO_ARTICLE_WARNING)
        article.removed = [
            Removed(text=shown, reason=label.reason or "other")  # type: ignore[arg-type]
            for line, label in zip(lines, labels, strict=True)
            if (shown := line.text or line.raw.strip())
        ]
        return article
    parts = recover(lines, labels, body, lex)
    article.section, article.title, article.lead = parts.section, parts.title, parts.lead
    article.source, article.authors, article.published = parts.source, parts.authors, parts.published
    article.images, article.blocks, article.removed = parts.images, parts.blocks, parts.removed
    return article


def article_text_for_scoring(article: Article) -> str:
    """The text the snippet metric sees: headline, lead and body blocks, one per paragraph."""
    parts = [article.title or "", article.lead or ""] + [b.text for b in article.blocks]
    return "\n\n".join(p for p in parts if p)
