"""Classes of wrong times found on tune-half trafeval and Zyte pages in the eighth session
(issue 15.7): fixed by general rules, pinned by hand-made sentences, none copied from a
benchmark text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmill.enrich.times.tagger import tag_times

PUB = dt.date(2023, 11, 15)  # a Wednesday


def _values(text: str, language: str = "de", published: dt.date = PUB) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, language, published)}


@pytest.mark.parametrize(("language", "text", "two"), [
    ("de", "Sie verglich die Aufstände von 1830 und 1848 miteinander.", ("1830", "1848")),
    ("en", "The report uses figures from 2010 and 2015.", ("2010", "2015")),
])
def test_a_bare_and_joins_a_stretch_only_after_between(language: str, text: str, two: tuple[str, str]) -> None:
    got = _values(text, language)
    assert got.get(two[0]) == two[0] and got.get(two[1]) == two[1]
    assert not any("/" in v for v in got.values()), got


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    ("de", "Zwischen 1830 und 1848 wuchs die Stadt.", "1830 und 1848", "1830/1848"),
    ("en", "Between 2010 and 2015 the town grew.", "2010 and 2015", "2010/2015"),
])
def test_between_still_makes_a_stretch(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language).get(span) == value
