"""DOM readers of page metadata: ``<meta>`` tags and breadcrumbs (used by ``metadata.read_metadata``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml.html import HtmlElement

from newsmill.extract.lexicon import table_words
from newsmill.extract.metadata import jsonld


def meta_tags(doc: HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents by lower-cased property/name/itemprop/http-equiv, in page order."""
    out: dict[str, list[str]] = {}
    for el in doc.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(content)
    # Microdata dates sit on <time> (the <meta> case is read above); a full scan for any element
    # with itemprop would cost more than the rest of this function.
    for el in doc.iter("time"):
        prop = (el.get("itemprop") or "").lower()
        value = el.get("datetime") or el.get("content")
        if prop in ("datepublished", "datemodified") and value:
            out.setdefault(prop, []).append(value)
    return out


def breadcrumb_section(doc: HtmlElement, objects: list[dict[str, Any]]) -> str | None:
    """The last breadcrumb above the article: JSON-LD BreadcrumbList, else a breadcrumb nav."""
    for obj in objects:
        if "breadcrumblist" in jsonld.types_of(obj):
            names = [jsonld.text_of(i.get("name") or i.get("item")) for i in _list_items(obj)]
            return _crumb([n for n in names if n])
    # A loop that stops at the first match: breadcrumbs sit near the top, and libxml2's
    # ``//*[contains(@class, …)]`` scans the whole tree (the XPath cost ~0.6 ms a page).
    for nav in doc.iter():
        cls = nav.get("class")
        if cls and "breadcrumb" in cls:
            names = [" ".join(a.text_content().split()) for a in nav.iter("a")]
            return _crumb([n for n in names if n])
    return None


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
