"""The place scan's shortcuts (answers kept per phrase, big-city names fetched at once) answer as
the plain lookups do."""

from __future__ import annotations

import pytest

from newsmill.enrich.places import gazetteer as gaz_module
from newsmill.enrich.places.gazetteer import Gazetteer

TEXTS = {
    "de": "In Berlin, Hamburg und München, in Lagos und São Paulo, in Bergen und Essen, in Frankreich "
          "und den Vereinigten Staaten sprach der Bürgermeister von Wladiwostok mit Gästen aus New York.",
    "en": "From Berlin to New York, Lagos and Sao Paulo, from Springfield and Reading to France and the "
          "United States, the mayor of Vladivostok met guests from Los Angeles and Bergen.",
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_scan_with_big_city_names_fetched_answers_as_the_queries(language: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[language]
    monkeypatch.setattr(gaz_module, "SCAN_CITIES_AFTER", 10**9)
    queried = Gazetteer()
    want = queried.find(text, language)
    monkeypatch.setattr(gaz_module, "SCAN_CITIES_AFTER", 0)
    fetched = Gazetteer()
    got = fetched.find(text, language)
    assert fetched._scan_cities is not None and queried._scan_cities is None
    assert [(s, e, r.name, r.kind) for s, e, r in got] == [(s, e, r.name, r.kind) for s, e, r in want]
    assert any(r.kind == "city" for _, _, r in want) and any(r.kind == "country" for _, _, r in want)
    # asked again, the kept answers are the same
    assert fetched.find(text, language) == got and fetched.find(text, language, cities=False) == \
        queried.find(text, language, cities=False)
