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


def test_cities_and_countries_have_coordinates() -> None:
    city = gazetteer().lookup("Hamburg", "de")
    country = gazetteer().lookup("Frankreich", "de")
    assert city is not None and city.lat is not None and 53 < city.lat < 54
    # the shipped centroid table: a point inside metropolitan France
    assert country is not None and country.kind == "country" and country.lat is not None and country.lon is not None
    assert 42 < country.lat < 51 and -5 < country.lon < 8


@pytest.mark.parametrize(("name", "language", "kind", "geo_name", "lat_range", "lon_range"), [
    ("Russland", "de", "country", "Russia", (45, 65), (30, 100)),
    ("Nordkorea", "de", "country", "North Korea", (37, 43), (124, 131)),
    ("Ukraine", "en", "country", "Ukraine", (44, 53), (22, 41)),
    ("Asien", "de", "continent", "Asia", (0, 60), (40, 140)),
    ("Africa", "en", "continent", "Africa", (-35, 37), (-17, 51)),  # not Mahdia, whose old name it is
    ("Nordostasien", "de", "region", "Northeast Asia", (29.9, 80), (89.3, 180)),  # north and east of Asia's point
    ("Westafrika", "de", "region", "West Africa", (-35, 37), (-17, 21)),
    ("Nordchina", "de", "region", "North China", (32.8, 54), (73, 135)),
    ("northern Europe", "en", "region", "North Europe", (48.7, 82), (-25, 70)),
])
def test_countries_continents_and_compass_regions_have_points(
        name: str, language: str, kind: str, geo_name: str, lat_range: tuple[float, float],
        lon_range: tuple[float, float]) -> None:
    rec = gazetteer().lookup(name, language)
    assert rec is not None and rec.kind == kind and rec.name == geo_name
    assert rec.lat is not None and rec.lon is not None
    assert lat_range[0] < rec.lat < lat_range[1] and lon_range[0] < rec.lon < lon_range[1]


def test_a_compass_word_alone_or_before_a_town_is_no_region() -> None:
    assert gazetteer().region("Nordhausen", "de") is None
    assert gazetteer().region("Westfalen", "de") is None
    assert gazetteer().region("Nord", "de") is None


def test_unknown_names_are_not_resolved() -> None:
    assert gazetteer().lookup("Kreml", "de") is None
    assert gazetteer().lookup("Xyzzyland", "en") is None


def _resolve(text: str, ents: list[tuple[str, str]], language: str, scan: bool = True) -> Article:
    entities = []
    pos = 0
    for mention, label in ents:  # in the order of the text
        start = text.index(mention, pos)
        pos = start + len(mention)
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


@pytest.mark.parametrize(("text", "ents", "language"), [
    # a unit after a number
    ("Die Kraft beträgt 100 Newton.", [("Newton", "LOC")], "de"),
    # a foreign town known only under an alternate name, in an article about elsewhere
    ("Auf Sylt regnet es seit Tagen.", [("Sylt", "LOC")], "de"),
    # the surname of a person the article names, without a locative preposition
    ("Der Film mit Joaquin Phoenix lief gut. Phoenix spielte großartig.",
     [("Joaquin Phoenix", "PER"), ("Phoenix", "LOC")], "de"),
])
def test_weak_evidence_refuses_a_place(text: str, ents: list[tuple[str, str]], language: str) -> None:
    assert _resolve(text, ents, language, scan=False).places == []


def test_a_locative_preposition_keeps_a_place_named_like_a_person() -> None:
    article = _resolve("Joaquin Phoenix wohnt in Phoenix.", [("Joaquin Phoenix", "PER"), ("Phoenix", "LOC")], "de")
    assert [(p.name, p.country) for p in article.places] == [("Phoenix", "US")]


def test_a_town_before_a_us_state_is_looked_up_in_the_us() -> None:
    article = _resolve("Microsoft is based in Redmond, Washington.", [("Redmond", "LOC"), ("Washington", "LOC")], "en")
    assert [(p.text, p.country, p.name) for p in article.places] == [
        ("Redmond", "US", "Redmond"), ("Washington", "US", "Washington")]
    state = article.places[1]
    assert state.geonames_id is not None and state.geonames_id != 4140963  # the state, not the capital
    assert state.lat is not None and 45.5 < state.lat < 49 and state.lon is not None and -125 < state.lon < -117


def test_a_us_state_beats_a_small_town_of_its_name_and_a_big_city_keeps_it() -> None:
    florida = gazetteer().lookup("Florida", "en")
    assert florida is not None and florida.kind == "state" and florida.country == "US"
    washington = gazetteer().lookup("Washington", "en")
    assert washington is not None and washington.kind == "city" and washington.geonames_id == 4140963


def test_the_article_country_decides_between_towns_of_one_name() -> None:
    gaz = gazetteer()
    default = gaz.lookup("Frankfurt", "en")
    assert default is not None
    other = {"US"} if default.country != "US" else {"DE"}
    chosen = gaz.lookup("Frankfurt", "en", other)
    assert chosen is not None and chosen.country in other | {default.country}
