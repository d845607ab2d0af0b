"""newsmill: raw news pages in, clean, structured, understood articles out."""

from __future__ import annotations

from typing import Any

from newsmill.article import Article, Block, Image, Removed, json_schema
from newsmill.page import InputError, InputFormat, Page

# Loaded before ``extract`` below is defined: importing the subpackage later would otherwise
# rebind the name ``newsmill.extract`` to the module.
from newsmill import extract as _extract_package  # noqa: E402, F401  isort: skip
# Likewise for ``enrich``: once anything imported the subpackage, ``newsmill.enrich`` would be the
# module, not the function below. Its import is light (the enrichers load on first use).
from newsmill import enrich as _enrich_package  # noqa: E402, F401  isort: skip

__version__ = "0.1.0"
__all__ = ["Article", "Block", "Image", "Removed", "Page", "InputError", "extract", "json_schema",
           "annotate", "enrich"]


def extract(
    raw: bytes | str,
    url: str | None = None,
    input_format: InputFormat = "auto",
    published: str | None = None,
    enrich: bool = False,
) -> Article:
    """Turn one raw page (HTML bytes/str or a flattened text dump) into an Article.

    With ``enrich=True`` the Article also gets entities, places, quotes and time expressions.
    Raises ``InputError`` for input that holds no page at all (empty, binary, PDF).
    """
    article = _extract_package.extract(raw, url=url, input_format=input_format, published=published)
    return _enrich_article(article) if enrich else article


def annotate(text: str, language: str | None = None, published: str | None = None) -> Article:
    """Annotate clean text as is (``Article.text == text``): entities, places, quotes, times."""
    from newsmill.enrich import annotate as _annotate

    return _annotate(text, language=language, published=published)


def enrich(article: Article, **kwargs: Any) -> Article:
    """Add entities, places, quotes and time expressions to an extracted Article (on a page that
    is no article, such as an imprint or a shop page, only its organisations; ``gate=False``
    enriches it in full)."""
    return _enrich_article(article, **kwargs)


def _enrich_article(article: Article, **kwargs: Any) -> Article:
    from newsmill.enrich import enrich as _enrich

    return _enrich(article, **kwargs)
