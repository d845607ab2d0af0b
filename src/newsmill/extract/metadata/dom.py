"""DOM readers of page metadata: ``<meta>`` tags and breadcrumbs (used by ``metadata.read_metadata``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement

from newsmill.extract.lexicon import table_words
from newsmill.extract.metadata import jsonld
from newsmill.extract.metadata.index import PageIndex


def meta_tags(index: PageIndex) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased property/name/itemprop/http-equiv, in page order."""
    out: dict[str, list[str]] = {}
    for el in index.tagged("meta"):
        content = el.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(content)
    # Microdata dates sit on <time> (the <meta> case is read above); a full scan for any element
    # with itemprop would cost more than the rest of this function.
    for el in index.tagged("time"):
        prop = (el.get("itemprop") or "").lower()
        value = el.get("datetime") or el.get("content")
        if prop in ("datepublished", "datemodified") and value:
            out.setdefault(prop, []).append(value)
    return out


def breadcrumb_section(index: PageIndex, objects: list[dict[str, Any]]) -> str | None:
    """The last breadcrumb above the article: JSON-LD BreadcrumbList, else the links of the
    page's first element with "breadcrumb" in its class (``PageIndex.breadcrumb``, whose scan of
    the page is then paid only by pages without the JSON-LD list)."""
    for obj in objects:
        if "breadcrumblist" in jsonld.types_of(obj):
            names = [jsonld.text_of(i.get("name") or i.get("item")) for i in _list_items(obj)]
            return _crumb([n for n in names if n])
    nav: HtmlElement | None = index.breadcrumb
    if nav is None:
        return None
    names = [" ".join(a.text_content().split()) for a in nav.iter("a")]
    return _crumb([n for n in names if n])


def _list_items(obj: dict[str, Any]) -> list[dict[str, Any]]:
    items = obj.get("itemListElement")
    items = items if isinstance(items, list) else [items]
    return [i for i in items if isinstance(i, dict)]


# Breadcrumbs longer than this are the article title, not a section.
MAX_SECTION_CHARS = 40


@lru_cache(maxsize=1)
def _home_crumbs() -> frozenset[str]:
    """Breadcrumbs that name the site's front page ("Home", "Startseite"), in any language."""
    return frozenset(table_words("home_crumbs", (), shared=("common",)))


def _crumb(names: list[str]) -> str | None:
    """The deepest breadcrumb that is a section (not "Home", not the headline)."""
    home = _home_crumbs()
    usable = [n for n in names if n.casefold() not in home and len(n) <= MAX_SECTION_CHARS]
    return usable[-1] if usable else None
