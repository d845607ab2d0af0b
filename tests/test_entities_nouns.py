"""German common nouns told from names by their context (enrich/entities/nouns.py), compounds taken for
organisations, events' editions, and towns named like nouns (issue 15, classes 1, 2 and 4)."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.enrich.entities.recognizer import load_model

pytestmark = pytest.mark.skipif(load_model("de") is None, reason="the German NER model is not built")


def _labels(text: str) -> dict[str, str]:
    return {e.text: e.label for e in newsmill.annotate(text, language="de").entities}


def _scored(text: str) -> set[str]:
    return {t for t, label in _labels(text).items() if label in ("PER", "ORG", "LOC")}


@pytest.mark.parametrize(("text", "noun"), [
    ("Die Jägerinnen und Jäger füttern das Wild im Winter.", "Jäger"),
    ("Säure, Extrakt, Aromen und Zucker prägen den Wein.", "Zucker"),
    ("Die Blüte bleibt aus.\n\nTipps\n\nAuch wenn es regnet, gießen Sie.", "Tipps"),
    ("Klima: Die Erde wird wärmer, sagt der Forscher Hans Müller.", "Klima"),
    ("Das weicht von der üblichen Formel ab.", "Formel"),
    ("Zutaten\n\n250 Gramm Butter\n\n150 Gramm Zucker\n\n4 Eier", "Zucker"),
    ("Ich habe ein paar Tipps, wie man Geld spart.", "Tipps"),
])
def test_a_noun_in_a_noun_context_is_no_name(text: str, noun: str) -> None:
    assert noun not in _scored(text)


def test_names_in_a_list_of_names_stay() -> None:
    found = _scored("Praxislabore gibt es in Unternehmen wie Bosch, Siemens und Volkswagen.")
    assert "Siemens" in found


def test_a_compound_of_nouns_is_no_organisation() -> None:
    found = _scored("Der Meeresspiegel steigt, und der Bundesnachrichtendienst warnt vor dem Platzmangel.")
    assert not found & {"Meeresspiegel", "Platzmangel"}
    assert "Bundesnachrichtendienst" in found


def test_an_edition_before_a_year_is_an_event() -> None:
    labels = _labels("Olympia 2022 - Nordische Kombination: Zeitplan. Als Merkel 2015 die Grenzen öffnete, "
                     "war Berlin voll.")
    assert labels.get("Olympia", "MISC") == "MISC"
    assert labels.get("Merkel") == "PER"


def test_a_town_named_like_a_noun_is_the_noun() -> None:
    article = newsmill.annotate("Corona hat die Wirtschaft getroffen. Viele Betriebe in Bayern schlossen.",
                                language="de")
    assert "Corona" not in {p.text for p in article.places}
    assert {e.label for e in article.entities if e.text == "Corona"} <= {"MISC"}


def test_a_town_after_a_preposition_of_place_stays() -> None:
    article = newsmill.annotate("Der Winzer lebt in Bordeaux und verkauft seinen Wein in Köln.", language="de")
    assert "Bordeaux" in {p.text for p in article.places}


def test_a_rank_is_no_quantity() -> None:
    assert "Müller" in _scored("Ergebnis: 1. Müller 2. Schmidt, sagte Anna Schmidt.")
