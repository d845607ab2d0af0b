"""One pass over the page for every element the metadata readers look for.

Each reader used to scan the whole tree for its own elements (``<meta>``, ``<link>``, scripts,
``<time>``, headings, paragraphs, bylines, breadcrumbs): a dozen traversals of ~0.13 ms each on a
news page, plus XPath queries (``//time[@datetime]``, ``//p``) that build node sets in libxml2.

The elements taken by tag come from one tag-filtered traversal, which libxml2 runs in C and which
makes Python objects only for the elements it yields. The class/id scans must look at every
element from Python (~0.5 ms a page for the byline scan), so they run on first use only: the
byline scan on the ~1 page in 6 whose JSON-LD and meta tags name no author, the breadcrumb
search (one attribute an element, stopping at the first hit) on pages without a JSON-LD
BreadcrumbList or declared section. The first ``<article>``/``<main>`` is a C-filtered search.
"""

from __future__ import annotations

from typing import Any

# Elements the readers take by tag, in document order.
INDEXED_TAGS = ("meta", "link", "script", "time", "title", "h1", "h2", "p")
# Where a page's own text starts: the first of these (printed-date search).
_REGION_TAGS = ("article", "main")
_UNSET: Any = object()


class PageIndex:
    """The elements of one page that metadata is read from; valid until the tree is changed (the
    lazy parts too: they are read from the tree as it is on first use)."""

    __slots__ = ("root", "by_tag", "_bylines", "_breadcrumb", "_region")

    def __init__(self, root: Any, by_tag: dict[str, list[Any]] | None = None) -> None:
        self.root = root
        self.by_tag = by_tag if by_tag is not None else {}
        self._bylines: list[Any] | None = None
        self._breadcrumb: Any = _UNSET
        self._region: Any = _UNSET

    def tagged(self, tag: str) -> list[Any]:
        return self.by_tag.get(tag, [])

    @property
    def bylines(self) -> list[Any]:
        """Elements whose class or id names a byline or author, or marked itemprop/rel="author"."""
        if self._bylines is None:
            self._bylines = _bylines(self.root)
        return self._bylines

    @property
    def breadcrumb(self) -> Any | None:
        """The first element with "breadcrumb" in its class."""
        if self._breadcrumb is _UNSET:
            self._breadcrumb = next((el for el in self.root.iter() if "breadcrumb" in (el.get("class") or "")), None)
        return self._breadcrumb

    @property
    def region(self) -> Any | None:
        """The first <article> or <main>."""
        if self._region is _UNSET:
            self._region = next(self.root.iter(*_REGION_TAGS), None)
        return self._region


def _bylines(root: Any) -> list[Any]:
    bylines: list[Any] = []
    add = bylines.append
    for el in root.iter():
        get = el.get
        cls = get("class")
        if cls and ("byline" in cls or "author" in cls or "autor" in cls):
            add(el)
            continue
        ident = get("id")
        if ident and ("byline" in ident or "author" in ident):
            add(el)
            continue
        if (get("itemprop") == "author" or get("rel") == "author") and el.tag.__class__ is str:
            add(el)
    return bylines


def index_page(root: Any) -> PageIndex:
    """Sort the elements of ``root`` (itself included) by tag into a ``PageIndex``."""
    by_tag: dict[str, list[Any]] = {tag: [] for tag in INDEXED_TAGS}
    for el in root.iter(*INDEXED_TAGS):
        by_tag[el.tag].append(el)
    return PageIndex(root, by_tag)
