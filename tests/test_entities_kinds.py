"""Kinds of words the model mistypes (enrich/entities/kinds.py): nationality words, celestial bodies,
venues, hyphenated names, a place run into a person's name, spans in a script the model cannot read."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.enrich.entities.kinds import has_latin_letter, is_demonym, join_hyphenated
from newsmill.enrich.entities.recognizer import load_model

needs_models = pytest.mark.skipif(load_model("de") is None or load_model("en") is None,
                                  reason="the NER models are not built")


@pytest.mark.parametrize("word", ["Israeli", "Ukrainian", "Korean", "Koreans", "Chinese", "European",
                                  "American", "Mid-American", "Iranian", "Canadian", "Mexican", "Dutch"])
def test_nationality_words_are_demonyms(word: str) -> None:
    assert is_demonym(word, "en")


@pytest.mark.parametrize("word", ["Jordan", "Indiana", "Brian", "Roman", "Julian", "Christian", "Ukraine",
                                  "Sheridan", "american"])
def test_places_and_names_are_no_demonyms(word: str) -> None:
    assert not is_demonym(word, "en")


def test_hyphen_joins_two_parts_of_one_person() -> None:
    text = "said Eva-Marie Persson and neo-Nazis"
    spans = [(5, 8, "PER"), (9, 22, "PER"), (27, 30, "PER"), (31, 36, "ORG")]
    assert join_hyphenated(text, spans) == [(5, 22, "PER"), (27, 30, "PER"), (31, 36, "ORG")]


def test_latin_letters() -> None:
    assert has_latin_letter("Düsseldorf") and has_latin_letter("Łódź") and has_latin_letter("Nguyễn")
    assert not has_latin_letter("Очень") and not has_latin_letter("기사입력")


def _entities(text: str, language: str) -> dict[str, str]:
    return {e.text: e.label for e in newsmill.annotate(text, language=language).entities}


@needs_models
def test_kinds_in_english_text() -> None:
    text = ("Former U.S. ambassador to Ukraine Marie Yovanovitch testified. The band played the Ryman "
            "Auditorium in Nashville on a North American tour. Jupiter's icy moon Europa may hold water.")
    ents = _entities(text, "en")
    assert ents.get("Marie Yovanovitch") == "PER" and ents.get("Ukraine") == "LOC"
    assert ents.get("Ryman Auditorium") == "LOC"
    assert ents.get("North American", "MISC") == "MISC"
    assert ents.get("Europa") == "LOC"


@needs_models
def test_celestial_bodies_are_not_geocoded() -> None:
    article = newsmill.annotate("Jupiter's icy moon Europa may hold water, NASA said.", language="en")
    assert not {p.text for p in article.places} & {"Jupiter", "Europa"}


@needs_models
def test_a_cyrillic_word_is_no_english_name() -> None:
    assert not [t for t in _entities("Очень хорошо, said Boris Johnson in London.", "en") if not has_latin_letter(t)]
