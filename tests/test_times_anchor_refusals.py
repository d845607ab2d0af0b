"""Issue #15 class 7 on sentences written for the purpose: anaphoric days count from the day the
story is at, not the publication date; numbers that are not years are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmill.enrich.times.tagger import tag_times

PUBLISHED = dt.date(2024, 6, 1)


def _values(text: str, language: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, language, PUBLISHED)}


@pytest.mark.parametrize(("text", "language", "expression", "value"), [
    ("Am 3. März 2021 traf er den Minister. Am Vortag hatte er abgesagt.", "de", "Vortag", "2021-03-02"),
    ("Am 3. März 2021 traf er den Minister. Tags darauf kam er zurück.", "de", "Tags darauf", "2021-03-04"),
    ("Am 3. März 2021 traf er den Minister. Am Folgetag reiste er ab.", "de", "Folgetag", "2021-03-04"),
    ("Am 3. März 2021 traf er den Minister. Am selben Tag reiste er ab.", "de", "Am selben Tag", "2021-03-03"),
    ("In 2015 the company was founded. The year before, it had no name.", "en", "The year before", "2014"),
    ("On March 3, 2021, he met the minister. The day before, he had cancelled.", "en", "The day before",
     "2021-03-02"),
])
def test_anaphoric_days_follow_the_story(text: str, language: str, expression: str, value: str) -> None:
    assert _values(text, language)[expression] == value


def test_without_a_story_date_the_publication_date_anchors() -> None:
    assert _values("Am Vortag hatte er abgesagt.", "de")["Vortag"] == "2024-05-31"


@pytest.mark.parametrize(("text", "language", "number"), [
    ("Spenden bitte an IBAN DE12 5001 0517 0648 4898 90.", "de", "0517"),
    ("Donate to account 1234 5678 2019 0001 today.", "en", "2019"),
    ("Das Hinspiel endete 1917:1, das Rückspiel 2:1917.", "de", "1917"),
    ("The score was 1917-1 after extra time.", "en", "1917"),
    ("Der Film „1917“ läuft im Kino.", "de", "1917"),
    ("Sam Mendes directed “1917” in London.", "en", "1917"),
])
def test_numbers_that_are_not_years(text: str, language: str, number: str) -> None:
    assert not any(number in t.text for t in tag_times(text, language, PUBLISHED))


@pytest.mark.parametrize(("text", "language", "year"), [
    ("Der Krieg dauerte von 1939-45 und endete 1945.", "de", "1945"),
    ("1986 wurden 8, 1987 18 Raketen abgeschossen.", "de", "1987"),
    ("Im Jahr 2019 drehte Sam Mendes den Film „1917“.", "de", "2019"),
])
def test_years_beside_other_numbers_stay(text: str, language: str, year: str) -> None:
    assert any(year in t.text for t in tag_times(text, language, PUBLISHED))
