"""Canonical base forms of entity mentions: genitive and weak declension undone on evidence,
names that end in -s of their own kept, English possessives taken off."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.article import Entity
from newsmill.enrich.entities.canonical import base_form, mention_bases, word_after, word_before
from newsmill.enrich.entities.recognizer import load_model

needs_model = pytest.mark.skipif(load_model("de") is None, reason="the German NER model is not built")


def _bases(text: str, mentions: list[tuple[str, str]], language: str = "de") -> list[str]:
    entities, pos = [], 0
    for mention, label in mentions:
        start = text.index(mention, pos)
        pos = start + len(mention)
        entities.append(Entity(start, pos, mention, label))  # type: ignore[arg-type]
    return mention_bases(entities, text, language)


@needs_model
@pytest.mark.parametrize(("text", "mention", "label", "expected"), [
    # the base form is a known place
    ("Die Stärke Chinas wächst.", "Chinas", "LOC", "China"),
    ("Russlands Armee zog ab.", "Russlands", "LOC", "Russland"),
    # an unknown place whose stem ends like a place name does, and a compass region
    ("die Sicherheit Nordostasiens", "Nordostasiens", "LOC", "Nordostasien"),
    ("die Städte Transnistriens", "Transnistriens", "LOC", "Transnistrien"),
    # a genitive determiner before an unknown name
    ("Die Mauern des Kremls sind hoch.", "Kremls", "ORG", "Kreml"),
    ("Die Sitzung des Bundestages begann.", "Bundestages", "ORG", "Bundestag"),
    # a known surname
    ("Müllers Rede war kurz.", "Müllers", "PER", "Müller"),
    # names that end in -s of their own
    ("Sie reiste nach Paris.", "Paris", "LOC", "Paris"),
    ("Markus sagte nichts.", "Markus", "PER", "Markus"),
    ("Jens lachte.", "Jens", "PER", "Jens"),
    ("Sie flog nach Los Angeles.", "Los Angeles", "LOC", "Los Angeles"),
    ("Der Mars ist rot.", "Mars", "LOC", "Mars"),
    ("Die New York Times berichtete.", "New York Times", "ORG", "New York Times"),
    ("Siemens baut Züge.", "Siemens", "ORG", "Siemens"),
    # a German apostrophe genitive
    ("Hans' Auto", "Hans'", "PER", "Hans"),
])
def test_german_genitives_are_undone_on_evidence(text: str, mention: str, label: str, expected: str) -> None:
    assert _bases(text, [(mention, label)]) == [expected]


@needs_model
def test_the_article_naming_the_base_form_is_evidence_for_unknown_names() -> None:
    text = "Selenskyj reiste ab. Selenskyjs Berater blieben."
    assert _bases(text, [("Selenskyj", "PER"), ("Selenskyjs", "PER")]) == ["Selenskyj", "Selenskyj"]
    # without that evidence an unknown name ending in -s is left alone
    assert _bases("Ein Interview mit Xorbas.", [("Xorbas", "PER")]) == ["Xorbas"]


@needs_model
@pytest.mark.parametrize(("text", "mention", "label", "expected"), [
    ("Bei den Olympischen Spielen gewann sie Gold.", "Olympischen Spielen", "MISC", "Olympische Spiele"),
    ("Die Lage der Europäischen Union ist ernst.", "Europäischen Union", "ORG", "Europäische Union"),
    ("Zum Auftakt des Östlichen Wirtschaftsforums kam er.", "Östlichen Wirtschaftsforums", "MISC",
     "Östliche Wirtschaftsforum"),
    ("Der Sitz der Vereinten Nationen ist in New York.", "Vereinten Nationen", "ORG", "Vereinte Nationen"),
    # no determiner, no evidence: a strong ending stays ("Roter Platz")
    ("Roter Platz heißt der Ort.", "Roter Platz", "LOC", "Roter Platz"),
])
def test_inflected_multi_word_names_get_their_citation_form(text: str, mention: str, label: str,
                                                            expected: str) -> None:
    assert _bases(text, [(mention, label)]) == [expected]


@pytest.mark.parametrize(("mention", "expected"), [("Putin's", "Putin"), ("Jones'", "Jones"), ("Biden’s", "Biden"),
                                                   ("Paris", "Paris"), ("Hopkins", "Hopkins")])
def test_english_possessives_come_off_and_a_bare_s_stays(mention: str, expected: str) -> None:
    assert base_form(mention, "PER", "en", before="", after="", mentioned=(), codes={},
                     known_place=lambda _: False) == expected


def test_words_around_a_span() -> None:
    text = "Die Pläne des  Kremls, sagte er"
    start = text.index("Kremls")
    assert word_before(text, start) == "des"
    assert word_after(text, start + len("Kremls")) == ""
    assert word_before(text, 0) == "" and word_after(text, 3) == "Pläne"


@needs_model
def test_the_sample_sentence_gives_base_forms_and_one_id_per_thing() -> None:
    article = newsmill.annotate(
        "Die Annäherung Nordkoreas an Russland sorgt für Unruhe in Nordostasiens Hauptstädten. "
        "Auch die Rolle Chinas ist offen. Der Präsident Wladimir Putin empfing Kim Jong Un. Putins Gast blieb.",
        language="de")
    names = {e.text: e.name for e in article.entities}
    assert names.get("Chinas") == "China"
    assert names.get("Nordostasiens") == "Nordostasien"
    assert names.get("Nordkoreas") == "Nordkorea"
    ids = {e.id for e in article.entities if "Putin" in e.text}
    assert ids == {"per:wladimir-putin"}


@needs_model
@pytest.mark.parametrize(("text", "name"), [
    ("Die Linke kritisierte die Pläne der Deutschen Bahn.", "Deutsche Bahn"),        # "-sch" adjectives
    ("Der Chef sprach mit der Süddeutschen Zeitung.", "Süddeutsche Zeitung"),
    ("Laut der Frankfurter Allgemeinen Zeitung stieg der Preis.", "Frankfurter Allgemeine Zeitung"),  # a town's adjective
])
def test_german_names_with_adjectives_take_the_citation_form(text: str, name: str) -> None:
    assert name in {e.name for e in newsmill.annotate(text, language="de").entities}
