"""Place resolution: GeoNames cities, German exonyms, country names and their genitive."""

from __future__ import annotations

import pytest

from newsmill.article import Article, Entity
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.places.gazetteer import gazetteer
from newsmill.enrich.places.resolver import PlaceOptions, PlaceResolver


@pytest.mark.parametrize(("name", "language", "country", "geo_name"), [
    ("Wladiwostok", "de", "RU", "Vladivostok"),
    ("Pjöngjang", "de", "KP", "Pyongyang"),
    ("Moskau", "de", "RU", "Moscow"),
    ("Peking", "de", "CN", "Beijing"),
    ("Kiews", "de", "UA", "Kyiv"),
    ("Nordkoreas", "de", "KP", "North Korea"),
    ("Russland", "de", "RU", "Russia"),
    ("Vereinigte Staaten", "de", "US", "United States"),
    ("Paris", "en", "FR", "Paris"),
    ("Florence", "en", "IT", "Florence"),
    ("Germany", "en", "DE", "Germany"),
    ("Germany’s", "en", "DE", "Germany"),
    ("Iraks", "de", "IQ", "Iraq"),
    ("Paris'", "de", "FR", "Paris"),  # the German apostrophe genitive of a name ending in s
])
def test_lookup(name: str, language: str, country: str, geo_name: str) -> None:
    rec = gazetteer().lookup(name, language)
    assert rec is not None and rec.country == country and rec.name == geo_name


def test_cities_have_coordinates_and_countries_have_none() -> None:
    city = gazetteer().lookup("Hamburg", "de")
    country = gazetteer().lookup("Frankreich", "de")
    assert city is not None and city.lat is not None and 53 < city.lat < 54
    assert country is not None and country.kind == "country" and country.lat is None


def test_unknown_names_are_not_resolved() -> None:
    assert gazetteer().lookup("Kreml", "de") is None
    assert gazetteer().lookup("Xyzzyland", "en") is None


def _resolve(text: str, ents: list[tuple[str, str]], language: str, scan: bool = True) -> Article:
    entities = []
    for mention, label in ents:
        start = text.index(mention)
        entities.append(Entity(start, start + len(mention), mention, label, mention))  # type: ignore[arg-type]
    article = Article(text=text, entities=entities)
    PlaceResolver(PlaceOptions(scan_countries=scan))(article, EnrichContext(language=language))
    return article


def test_loc_entities_are_geocoded_and_others_not() -> None:
    article = _resolve("Kim reiste nach Wladiwostok, wo Paris Hilton wartete.",
                       [("Kim", "PER"), ("Wladiwostok", "LOC"), ("Paris Hilton", "PER")], "de")
    assert [(p.text, p.country) for p in article.places] == [("Wladiwostok", "RU")]


def test_country_names_the_recogniser_missed_are_found() -> None:
    text = "Die Stärkung Chinas und der Vereinigten Staaten beschäftigt Jordanien."
    article = _resolve(text, [], "de")
    assert [(p.text, p.country) for p in article.places] == [
        ("Chinas", "CN"), ("Vereinigten Staaten", "US"), ("Jordanien", "JO")]
    assert all(text[p.start:p.end] == p.text for p in article.places)
    assert _resolve(text, [], "de", scan=False).places == []


def test_ambiguous_english_country_names_need_the_recogniser() -> None:
    article = _resolve("Michael Jordan and Chad met in Georgia. Turkey was served.", [], "en")
    assert article.places == []
