"""Regions, states and districts the gazetteer does not hold are geocoded (issue 15.2)."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.enrich.entities.recognizer import load_model
from newsmill.enrich.places.regions import region

pytestmark = pytest.mark.skipif(load_model("de") is None or load_model("en") is None,
                                reason="the NER models are not built")


def test_region_table_reads_names_genitives_and_us_exonyms() -> None:
    bavaria = region("Bayern")
    assert bavaria is not None and bavaria.country == "DE" and bavaria.kind == "region"
    assert region("Bayerns") == bavaria
    california = region("Kalifornien")
    assert california is not None and california.name == "California" and california.country == "US"
    assert region("Kuchen") is None


@pytest.mark.parametrize(("text", "language", "mention", "country"), [
    ("Der Landtag in Nordrhein-Westfalen tagte.", "de", "Nordrhein-Westfalen", "DE"),
    ("In Kalifornien brennen die Wälder.", "de", "Kalifornien", "US"),
    ("Er wohnt in Dortmund-Dorstfeld.", "de", "Dortmund-Dorstfeld", "DE"),  # a big city's district
    ("Die Tanzkompanie des Theaters St.Gallen tanzt in St.Gallen.", "de", "St.Gallen", "CH"),
    ("She wrote to the New York State Attorney General.", "en", "New York State", "US"),
    ("Voters in Scotland went to the polls.", "en", "Scotland", "GB"),
])
def test_regions_and_spellings_are_geocoded(text: str, language: str, mention: str, country: str) -> None:
    places = {p.text: p.country for p in newsmill.annotate(text, language=language).places}
    assert places.get(mention) == country


def test_a_hyphenated_name_is_no_district_of_a_small_town() -> None:
    # a hyphenated name is placed by its first part only when that is a big city
    places = newsmill.annotate("Er kam aus Kleinstadt-Unbekannt nach Hause.", language="de").places
    assert [p.text for p in places] == []
