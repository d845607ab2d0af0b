"""The page metadata the body extractor needs: from ``metadata.read_metadata`` when available.

``metadata.py`` (JSON-LD, OpenGraph, meta tags, htmldate, bylines) is the real reader; the small
fallback below only keeps the HTML extractor usable without it (title, language, canonical URL).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Meta:
    title: str | None = None
    lead: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    published: str | None = None
    modified: str | None = None
    canonical_url: str | None = None
    site: str | None = None
    language: str | None = None
    body: str | None = None
    warnings: list[str] = field(default_factory=list)


_FIELDS = ("title", "lead", "section", "authors", "source", "published", "modified", "canonical_url",
           "site", "language", "body", "warnings")


def page_meta(doc: Any, url: str | None) -> Meta:
    """Metadata of the page ``doc`` (an lxml.html tree); never raises on page content."""
    try:
        from newsmill.extract.metadata import read_metadata
    except ImportError:
        return _fallback(doc)
    found = read_metadata(doc, url)
    meta = Meta()
    for name in _FIELDS:
        setattr(meta, name, getattr(found, name, getattr(meta, name)))
    return meta


def _fallback(doc: Any) -> Meta:
    meta = Meta()
    meta.language = (doc.get("lang") or "").split("-")[0].lower() or None
    for el in doc.iter("meta"):
        prop = (el.get("property") or el.get("name") or "").lower()
        content = " ".join((el.get("content") or "").split())
        if prop == "og:title" and content and not meta.title:
            meta.title = content
        elif prop in ("og:description", "description") and content and not meta.lead:
            meta.lead = content
        elif prop == "og:site_name" and content:
            meta.site = content
    for el in doc.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.canonical_url = el.get("href")
            break
    if not meta.title:
        for el in doc.iter("title"):
            meta.title = " ".join((el.text or "").split()) or None
            break
    return meta
