"""Base forms of inflected names (enrich.morphology) and the whole-word name search of the consistency pass."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.enrich.entities.gazetteer import _occurrences
from newsmill.enrich.morphology import ENDINGS, base_forms, strip_possessive


@pytest.mark.parametrize(("name", "language", "nouns", "expected"), [
    ("Russlands", "de", False, ["Russlands", "Russland"]),
    ("Putins", "de", False, ["Putins", "Putin"]),
    ("Landes", "de", False, ["Landes", "Lande"]),
    ("Landes", "de", True, ["Landes", "Lande", "Land"]),
    ("Hans'", "de", False, ["Hans'", "Hans"]),
    ("Max’", "de", False, ["Max’", "Max"]),
    ("Putin's", "de", False, ["Putin's", "Putin"]),  # colloquial; never "Putin'"
    ("Biden's", "en", False, ["Biden's", "Biden"]),
    ("Biden’s", "en", False, ["Biden’s", "Biden"]),
    ("Bidens", "en", False, ["Bidens"]),  # an English -s is a plural
    ("Paris", "en", True, ["Paris"]),
    ("Chirac's", "fr", False, ["Chirac's", "Chirac"]),  # no row: the apostrophe still marks an ending
    ("Paris", "fr", True, ["Paris"]),
])
def test_base_forms(name: str, language: str, nouns: bool, expected: list[str]) -> None:
    assert base_forms(name, language, nouns=nouns) == expected


def test_short_stems_are_not_offered() -> None:
    assert base_forms("Uss", "de", min_stem=3) == ["Uss"]
    assert base_forms("Ulms", "de", min_stem=3) == ["Ulms", "Ulm"]
    assert base_forms("'s", "en", min_stem=1) == ["'s"]


def test_strip_possessive_only_takes_apostrophe_endings() -> None:
    assert strip_possessive("Putin's", "en") == "Putin"
    assert strip_possessive("Hans'", "de") == "Hans"
    assert strip_possessive("Putins", "de") == "Putins"


@given(st.text(max_size=12), st.sampled_from([*ENDINGS, "xx"]), st.booleans())
def test_base_forms_are_the_name_and_shorter_prefixes(name: str, language: str, nouns: bool) -> None:
    forms = base_forms(name, language, nouns=nouns)
    assert forms[0] == name
    assert all(name.startswith(f) and len(f) < len(name) for f in forms[1:])


def _regex_occurrences(text: str, name: str, suffixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """The per-name regular expression the substring search replaced."""
    suffix = "(?:" + "|".join(map(re.escape, suffixes)) + ")?" if suffixes else ""
    return [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(name) + suffix + r"(?!\w)", text)]


@pytest.mark.parametrize(("text", "name", "suffixes", "expected"), [
    ("Putin, Putins Plan, Putinismus, DePutin", "Putin", ("s",), ["Putin", "Putins"]),
    ("Angela Merkel und Angela Merkels Rede", "Angela Merkel", ("s",), ["Angela Merkel", "Angela Merkels"]),
    ("Putins Plan", "Putin", (), []),
    ("Kim-Jong sprach; Kim_Jong nicht", "Kim", (), ["Kim"]),
])
def test_occurrences_are_whole_words(text: str, name: str, suffixes: tuple[str, ...], expected: list[str]) -> None:
    assert [text[s:e] for s, e in _occurrences(text, name, suffixes)] == expected


@settings(max_examples=300)
@given(st.text(alphabet="ab s-_.é1", max_size=30), st.text(alphabet="ab s-é", min_size=1, max_size=4),
       st.sampled_from([(), ("s",), ("s", "es")]))
def test_occurrences_match_the_regular_expression(text: str, name: str, suffixes: tuple[str, ...]) -> None:
    assert _occurrences(text, name, suffixes) == _regex_occurrences(text, name, suffixes)


def test_a_name_inside_a_hyphenated_common_noun_is_no_mention() -> None:
    # the compound's head decides: "-Modul", "-Chef" are nouns, "-Jong" is part of a name
    text = "Das Synergy-Steve-Vai-Signature-Modul klingt gut, sagt der VW-Chef über Kim-Jong."
    assert _occurrences(text, "Vai", (), "de") == []
    assert _occurrences(text, "VW", (), "de") == []
    assert [text[s:e] for s, e in _occurrences(text, "Kim", (), "de")] == ["Kim"]
