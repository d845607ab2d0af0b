"""Enrichers: Article -> Article with span annotations (entities, places, quotes, times).

Each enricher is a small class in its own module (``entities``, ``places``, ``quotes``,
``times``) with ``name``, ``requires``, ``assigns`` and ``__call__(article, context)``.
The pipeline below runs them in order and checks that each one's requirements were assigned
by an earlier step.

Pages that are no article (imprint, privacy notice, terms, contact, shop; see ``pagekind``) get
only their organisations: people, places, quotes and times there are addresses, managing
directors, opening hours and "Stand: 1. März", not news. The Article says so in a warning.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Sequence

from newsmill.article import Article
from newsmill.enrich.base import EnrichContext, Enricher
from newsmill.enrich.pagekind import boilerplate_term, page_kind

# module:class, in pipeline order
DEFAULT_STEPS: tuple[str, ...] = (
    "newsmill.enrich.entities.recognizer:EntityRecognizer",
    "newsmill.enrich.places.resolver:PlaceResolver",
    "newsmill.enrich.quotes.finder:QuoteFinder",
    "newsmill.enrich.times.tagger:TimeTagger",
)
# Article fields that exist before any enricher runs.
_BASE_FIELDS = ("text", "language", "published")


def load_steps(names: Sequence[str] = DEFAULT_STEPS) -> list[Enricher]:
    steps: list[Enricher] = []
    assigned = set(_BASE_FIELDS)
    for spec in names:
        module, _, cls = spec.partition(":")
        step: Enricher = getattr(importlib.import_module(module), cls)()
        missing = set(step.requires) - assigned
        if missing:
            raise ValueError(f"enricher {step.name} needs {sorted(missing)} from an earlier step")
        assigned.update(step.assigns)
        steps.append(step)
    return steps


_STEPS: list[Enricher] | None = None


# What runs on a page that is no article, and which entity labels it keeps.
NON_ARTICLE_STEPS = frozenset({"entities"})
NON_ARTICLE_LABELS = frozenset({"ORG"})


def enrich(article: Article, published: str | None = None, skip: Sequence[str] = (),
           gate: bool = True) -> Article:
    """Run every enricher over ``article`` in place and return it.

    With ``gate`` (the default) a page that reads as no article gets only its organisations.
    """
    global _STEPS
    if _STEPS is None:
        _STEPS = load_steps()
    from newsmill.enrich.entities.recognizer import LANGUAGES
    from newsmill.extract.language import detect_language

    language = article.language or detect_language(article.text)[0] or "en"
    if language not in LANGUAGES:  # the languages models ship for
        # English models on another language find its pronouns and capitalised words (Portuguese
        # "Eu" as the EU, "Das" as a speaker): nothing is the honest answer, and says so
        article.warnings.append(f"enrich: no models for language {language!r}; not annotated")
        return article
    context = EnrichContext(language=language, anchor=_parse_date(published or article.published))
    verdict = page_kind(article.text, article.url, article.title) if gate else None
    for step in _STEPS:
        if step.name not in skip and (verdict is None or step.name in NON_ARTICLE_STEPS):
            step(article, context)
    if verdict is not None:
        article.entities = [e for e in article.entities
                            if e.label in NON_ARTICLE_LABELS and not boilerplate_term(e.text)]
        article.warnings.append(f"enrich: not an article ({verdict.kind}: {verdict.evidence}); "
                                "only organisations tagged")
    article.warnings.extend(context.warnings)
    return article


def annotate(text: str, language: str | None = None, published: str | None = None) -> Article:
    """Annotate clean text as is: ``Article.text == text``; nothing is cleaned or dropped."""
    from newsmill.article import article_id
    from newsmill.extract.language import normalise_code

    article = Article(id=article_id(None, text), text=text, language=normalise_code(language),
                      published=published)
    return enrich(article)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
