"""The HTML extractor: one parse, one walk, one container choice -> an Article.

Steps: parse with lxml (depth-bounded, see ``dom``), read the page metadata (``metadata.py``),
walk the DOM once into text blocks with per-element statistics (``walk``), pick the container
with the most article text net of noise (``select``; JSON-LD articleBody votes when present),
keep or drop each block with a reason, split the lead off, and collect figures with captions and
credits (``images``).

When the page's time budget runs out, the page still yields a partial Article (see ``_partial``):
the metadata, read before the body, and the body text found so far, with a "partial result"
warning. The rescue is bounded in size and time.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import cast

from newsmill.article import BLOCK_KINDS, Article, Block, BlockKind, Removed, RemovedReason
from newsmill.extract.html.dom import parse_html, strip_invisible
from newsmill.extract.html.hydration import hydration_body, hydration_scripts
from newsmill.extract.html.images import collect_images, image_scope
from newsmill.extract.html.kinds import gallery_blocks, paywall_warning
from newsmill.extract.html.lead import lead_index, outer_lead_index
from newsmill.extract.html.select import Selection, choose_container, context, select
from newsmill.extract.html.walk import Candidate, RawBlock, walk
from newsmill.extract.metadata.index import index_page
from newsmill.extract.metadata.reader import MetadataOptions, PageMetadata, read_metadata
from newsmill.extract.options import MAX_PARTIAL_CHARS, BudgetExceeded, ExtractOptions, partial_warning

# When the DOM yields less body text than this but JSON-LD articleBody is longer, the page
# renders its body with scripts: the JSON-LD text is the better body.
MIN_DOM_BODY_CHARS = 200
NO_CONTAINER_WARNING = "content: no article container found; kept all unmarked text"
# htmldate's free-text date search (run on pages without date markup) costs ~0.85 µs per character
# of page (measured: 6 s of a 9 MB page, 0.8 s of a 2 MB one) and cannot be interrupted ...
EXTENSIVE_DATE_S_PER_CHAR = 0.85e-6
# ... so it may cost at most this share of the page's time budget; a larger page gets the fast date
# search only (markup and URL). At the default 10 s that means pages past ~3 MB; the largest
# benchmark page has 1.5 MB.
EXTENSIVE_DATE_BUDGET_SHARE = 0.25
# A partial result looks at most at this many walked blocks (~20 ms), however many the walk found.
MAX_PARTIAL_SCAN_BLOCKS = 200_000


def extract_html(text: str, opts: ExtractOptions) -> tuple[Article, str | None]:
    """Extract an Article from one HTML page; returns it with the language the page declares."""
    warnings: list[str] = []
    root = parse_html(text, opts.max_depth, warnings)
    if root is None:
        return Article(url=opts.url, warnings=warnings + ["html: nothing parseable in the page"]), None
    index = index_page(root)  # one pass for all the elements metadata and hydration look for
    meta = read_metadata(root, opts.url, _metadata_options(text, opts), index)
    scripts = hydration_scripts(index.tagged("script"))  # read only when the DOM turns out to hold no body
    strip_invisible(root)  # after the metadata, which reads JSON-LD scripts and <head>
    # A budget spent on the parse or the metadata leaves the walk a short grace period, for text.
    walked = walk(root, opts.fallback_check() if opts.spent() else opts.check_time)
    if walked.stopped is not None:
        return _partial(meta, opts, warnings, walked.blocks, -1, walked.stopped), meta.language
    ctx = context(walked, meta.title)
    container = choose_container(walked, meta.body, ctx)
    if container is None and walked.blocks:
        # No block is long enough to mark an article: keep the page's unmarked, link-poor text.
        container = Candidate(root, 0, 0, len(walked.blocks), 0, 0, 0, False, ())
        warnings.append(NO_CONTAINER_WARNING)
    try:
        sel = select(walked, container, meta.title, ctx.ignore, outer_lead_index(walked, ctx, container),
                     opts.check_time, ctx.headline)
    except BudgetExceeded as exc:
        if container is None:
            return _partial(meta, opts, warnings, walked.blocks, -1, exc), meta.language
        inside = walked.blocks[container.first:container.last]
        return _partial(meta, opts, warnings, inside, container.index, exc), meta.language
    article = _article(meta, opts, warnings)
    gallery = gallery_blocks(walked, sel, ctx.ignore)
    if gallery is not None:
        sel.kept_raw = gallery
        sel.blocks = [Block(_kind(b.kind), b.text) for b in gallery]
        _replace_fallback_warning(article, "content: a picture gallery; the body is its captions")
    _fill_body(article, sel, meta, scripts)
    if not article.blocks and not article.lead:
        # Nothing kept: "kept all unmarked text" would say there was some ("no article text found"
        # is added for every input kind).
        article.warnings = [w for w in article.warnings if w != NO_CONTAINER_WARNING]
    body_chars = len(article.lead or "") + sum(len(b.text) for b in article.blocks)
    paywalled = paywall_warning(root, meta.free, meta.paywalled, walked, container, body_chars)
    if paywalled:
        article.warnings.append(paywalled)
    headline = walked.blocks[ctx.headline].owner if ctx.headline >= 0 else None
    scope = image_scope(container.element, headline) if container is not None else root
    article.images = collect_images(scope, meta.canonical_url or opts.url)
    _account_for_captions(article, walked.blocks)
    return article, meta.language


def _metadata_options(text: str, opts: ExtractOptions) -> MetadataOptions:
    cost = len(text) * EXTENSIVE_DATE_S_PER_CHAR
    return MetadataOptions(extensive_date_search=cost <= EXTENSIVE_DATE_BUDGET_SHARE * opts.time_budget_s)


def _account_for_captions(article: Article, blocks: list[RawBlock]) -> None:
    """Captions of pictures that are not the article's (teasers, galleries elsewhere on the page)
    are dropped text too: list them in ``removed`` so nothing disappears silently."""
    covered = " ".join(f"{i.caption or ''} {i.credit or ''}" for i in article.images)
    covered += " ".join(b.text for b in article.blocks)  # a gallery's captions are its body
    for b in blocks:
        if b.caption and b.text not in covered:
            reason: RemovedReason = b.flags[-1][1] if b.flags else "gallery"
            article.removed.append(Removed(text=b.text, reason=reason))


def _article(meta: PageMetadata, opts: ExtractOptions, warnings: list[str]) -> Article:
    return Article(
        url=opts.url,
        canonical_url=meta.canonical_url,
        site=meta.site,
        source=meta.source,
        section=meta.section,
        title=meta.title,
        authors=list(meta.authors),
        published=meta.published,
        modified=meta.modified,
        warnings=warnings + list(meta.warnings),
    )


def _fill_body(article: Article, sel: Selection, meta: PageMetadata, scripts: list[tuple[str, str]]) -> None:
    article.removed = sel.removed
    body_chars = sum(len(b.text) for b in sel.blocks)
    if body_chars < MIN_DOM_BODY_CHARS and meta.body and len(meta.body) > body_chars:
        article.blocks = [Block("paragraph", p.strip()) for p in meta.body.split("\n") if p.strip()]
        _replace_fallback_warning(article, "content: little text in the page body; used the JSON-LD articleBody")
        return
    hydrated = hydration_body(scripts) if body_chars < MIN_DOM_BODY_CHARS and scripts else None
    if hydrated is not None and hydrated.chars > body_chars:
        article.blocks = [Block(_kind(kind), text) for kind, text in hydrated.blocks]
        _replace_fallback_warning(
            article, f"content: little text in the page body; used the page's hydration data ({hydrated.source})")
        return
    if sel.lead is not None:
        article.lead = sel.lead.text
        article.blocks = sel.blocks
        return
    lead_at = lead_index(sel.kept_raw, meta.lead)
    # A standfirst introduces a body: the only paragraph of a page is the body, not its lead.
    if lead_at is not None and len(sel.blocks) > 1:
        article.lead = sel.blocks[lead_at].text
        del sel.blocks[lead_at]
    article.blocks = sel.blocks


def _replace_fallback_warning(article: Article, warning: str) -> None:
    """The body came from structured data: "kept all unmarked text" no longer describes it."""
    article.warnings = [w for w in article.warnings if w != NO_CONTAINER_WARNING] + [warning]


def _partial(meta: PageMetadata, opts: ExtractOptions, warnings: list[str], blocks: list[RawBlock],
             above: int, cause: BudgetExceeded) -> Article:
    """The Article of a page whose budget ran out: its metadata and the article-like blocks found
    (boilerplate marks at or above element index ``above`` do not count), or the JSON-LD
    articleBody when the page ships a longer one: it is the publisher's whole body, not a prefix."""
    article = _article(meta, opts, warnings)
    article.blocks = _partial_blocks(blocks, above)
    found = sum(len(b.text) for b in article.blocks)
    if meta.body and len(meta.body) > found:
        article.blocks = _capped(Block("paragraph", p.strip()) for p in meta.body.split("\n") if p.strip())
        article.warnings.append(partial_warning(cause, "metadata and the JSON-LD articleBody"))
    else:
        article.warnings.append(partial_warning(
            cause, f"metadata and {len(article.blocks)} article-like blocks found before time ran out, "
                   "not cleaned block by block"))
    return article


def _partial_blocks(blocks: list[RawBlock], above: int) -> list[Block]:
    """The walk's article-like blocks (long, link-poor, not captions or headings) outside
    boilerplate marks; when marks cover them all (a theme wraps the page in "offcanvas"), with them."""
    good = [b for b in islice(blocks, MAX_PARTIAL_SCAN_BLOCKS) if b.good]
    clean = [b for b in good if all(i <= above for i, _ in b.flags)]
    return _capped(Block(_kind(b.kind), b.text) for b in clean or good)


def _capped(blocks: Iterable[Block]) -> list[Block]:
    """The blocks up to MAX_PARTIAL_CHARS, without exact repeats (the cheap part of cleaning)."""
    kept: list[Block] = []
    seen: set[str] = set()
    chars = 0
    for b in blocks:
        if chars >= MAX_PARTIAL_CHARS:
            break
        if b.text not in seen:
            seen.add(b.text)
            kept.append(b)
            chars += len(b.text)
    return kept


def _kind(kind: str) -> BlockKind:
    return cast(BlockKind, kind) if kind in BLOCK_KINDS else "paragraph"
