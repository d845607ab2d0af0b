"""Page -> Article. Two extractors (``html`` and ``text``); ``auto`` picks one per page."""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import urlsplit

from newsmill.article import Article, Block
from newsmill.extract.language import choose_language
from newsmill.extract.options import MAX_PARTIAL_CHARS, BudgetExceeded, ExtractOptions, partial_warning
from newsmill.page import InputError, InputFormat, Page, decode, sniff_format

__all__ = ["extract", "extract_page", "ExtractOptions", "InputError"]

# A text dump cut short by its budget keeps its lines of prose (as long as the HTML walk's "good"
# blocks, GOOD_MIN_CHARS), not the menus, bylines and share rows around them: at most
# MAX_PARTIAL_CHARS of text, from at most this many lines (a few ms of regex).
PARTIAL_MAX_LINES = 200_000
_LINE = re.compile(r"[^\r\n]+")


def extract(
    raw: bytes | str,
    url: str | None = None,
    input_format: InputFormat = "auto",
    published: str | None = None,
) -> Article:
    """Turn one raw page (HTML bytes/str or a flattened text dump) into an Article.

    Raises ``InputError`` for input that holds no page at all (empty, binary, PDF); anything
    else yields a best-effort Article whose ``warnings`` say what was doubtful or bounded.
    """
    page = Page(raw=raw, url=url, input_format=input_format, published=published)
    return extract_page(page)


def extract_page(page: Page, options: ExtractOptions | None = None) -> Article:
    """The extraction stage of the pipeline: Page -> Article."""
    opts = options or ExtractOptions(url=page.url, published=page.published)
    decoded = decode(page.raw, page.headers.get("content-type"))
    fmt = page.input_format if page.input_format != "auto" else sniff_format(decoded.text)
    article, declared_language = _run_extractor(fmt, decoded.text, page.url, opts)
    article.warnings[:0] = decoded.warnings
    _complete(article, page, opts, declared_language)
    return article


def _run_extractor(fmt: str, text: str, url: str | None, opts: ExtractOptions) -> tuple[Article, str | None]:
    if fmt == "html":
        from newsmill.extract.html.extractor import extract_html

        return extract_html(text, opts)  # never raises BudgetExceeded: it makes its own partial Article
    from newsmill.extract.text.extractor import extract_text

    try:
        return extract_text(text, opts), None
    except BudgetExceeded as exc:
        return _partial_text(text, url, exc), None


def _partial_text(text: str, url: str | None, cause: BudgetExceeded) -> Article:
    """A text dump whose budget ran out: its long lines, in order, up to a cap (bounded work)."""
    from newsmill.extract.html.walk import GOOD_MIN_CHARS

    article = Article(url=url)
    chars = 0
    for m in islice(_LINE.finditer(text), PARTIAL_MAX_LINES):
        line = " ".join(m.group().split())
        if len(line) >= GOOD_MIN_CHARS:
            article.blocks.append(Block("paragraph", line))
            chars += len(line)
            if chars >= MAX_PARTIAL_CHARS:
                break
    article.warnings.append(partial_warning(
        cause, f"the {len(article.blocks)} long lines of the dump, not cleaned; no title or metadata"))
    return article


def _complete(article: Article, page: Page, opts: ExtractOptions, declared: str | None) -> None:
    article.url = article.url or page.url
    if page.published:
        article.published = page.published
    if not article.site and (article.canonical_url or article.url):
        from newsmill.extract.metadata.reader import unarchived

        article.site = urlsplit(unarchived(article.canonical_url or article.url or "")).hostname
    article.finalize()
    language, warning = choose_language(opts.language or declared or article.language, article.text)
    article.language = language
    if warning:
        article.warnings.append(warning)
    if not article.text:
        article.warnings.append("content: no article text found")
