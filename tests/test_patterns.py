"""The one word-table alternation builder (newsmill.patterns) that extract and enrich share."""

import re

from newsmill.patterns import alternation


def test_longer_entries_win_over_their_prefixes() -> None:
    pattern = re.compile(alternation(["Foto", "Fotos", "Fotografie"]))
    assert pattern.match("Fotografie: X").group(0) == "Fotografie"
    assert pattern.match("Fotos").group(0) == "Fotos"


def test_blank_entries_and_empty_tables_never_match_everything() -> None:
    assert re.search(alternation(["", "  "]), "any text") is None
    assert re.search(alternation([]), "") is None
    assert re.fullmatch(alternation(["", "dpa"]), "dpa")


def test_words_are_escaped() -> None:
    assert re.fullmatch(alternation(["(c)", "a.b"]), "(c)")
    assert re.fullmatch(alternation(["a.b"]), "axb") is None


def test_any_space_and_case_sensitive_entries() -> None:
    pattern = re.compile(alternation(["am Vortag", "Mai"], case_sensitive=frozenset({"Mai"}), any_space=True), re.I)
    assert pattern.fullmatch("AM\n  vortag")
    assert pattern.fullmatch("Mai")
    assert pattern.fullmatch("mai") is None
    assert re.fullmatch(alternation(["am Vortag"]), "am  Vortag") is None
