"""newsmill: raw news pages in, clean, structured, understood articles out."""

from __future__ import annotations

from typing import Any

from newsmill.article import Article, Block, Image, Removed, json_schema
from newsmill.extract import extract
from newsmill.page import InputError, Page

__version__ = "0.1.0"
__all__ = ["Article", "Block", "Image", "Removed", "Page", "InputError", "extract", "json_schema",
           "annotate", "enrich"]


def annotate(text: str, language: str | None = None, published: str | None = None) -> Article:
    """Annotate clean text as is (``Article.text == text``): entities, places, quotes, times."""
    from newsmill.enrich import annotate as _annotate

    return _annotate(text, language=language, published=published)


def enrich(article: Article, **kwargs: Any) -> Article:
    """Add entities, places, quotes and time expressions to an extracted Article."""
    from newsmill.enrich import enrich as _enrich

    return _enrich(article, **kwargs)
