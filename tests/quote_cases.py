"""What the speaker tests build by hand: an article with given entities, its quotes, and the
speaker of the quote that holds some words."""

from __future__ import annotations

from newsmill.article import Article, Entity, Quote, Speaker
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder, QuoteOptions


def quotes_of(text: str, entities: list[Entity], language: str = "de") -> list[Quote]:
    article = Article(text=text, language=language, entities=sorted(entities, key=lambda e: e.start))
    QuoteFinder()(article, EnrichContext(language=language))
    return article.quotes


def entity(text: str, name: str, label: str = "PER", at: int = 0, canonical: str = "") -> Entity:
    """The mention ``name`` (first found from ``at``), its canonical name and id as the linker gives them."""
    start = text.index(name, at)
    key = canonical or name
    return Entity(start, start + len(name), name, label, key,  # type: ignore[arg-type]
                  f"{label.lower()[:3]}:{key.lower().replace(' ', '-')}")


def speaker_of(quotes: list[Quote], contains: str) -> Speaker | None:
    hit = next((q for q in quotes if contains in q.text), None)
    assert hit is not None, [q.text for q in quotes]
    return hit.speaker


def grammar_quotes(text: str, language: str = "de") -> list[Quote]:
    """Every quote the grammar finds in ``text`` (no entities given), those with no speaker
    included (not shown by default); each span is checked against the text."""
    article = Article(text=text, language=language)
    QuoteFinder(QuoteOptions(unattributed=True))(article, EnrichContext(language=language))
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
    return article.quotes
