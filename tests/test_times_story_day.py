"""Times counted from a day or year the story gives (issue 15.7, times helper, eighth session;
classes found on tune-half trafeval and Zyte pages): a day after a day of the story that the text
never gave has no date; a month "des Vorjahres" or "last year" is that year's month. Hand-made
sentences, none copied from a benchmark text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmill.enrich.times.tagger import tag_times

PUB = dt.date(2023, 11, 15)  # a Wednesday


def _values(text: str, language: str = "de", published: dt.date = PUB) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, language, published)}


@pytest.mark.parametrize(("language", "text", "span"), [
    ("de", "Die Polizei nahm den Mann fest. Am nächsten Tag wurde er wieder freigelassen.", "Am nächsten Tag"),
    ("de", "Er wurde verhaftet. Zwei Tage später kam er frei.", "Zwei Tage später"),
    ("de", "Sie reiste nach Rom. Tags darauf traf sie den Papst.", "Tags darauf"),
    ("de", "Die Firma wurde gegründet. Drei Jahre später ging sie pleite.", "Drei Jahre später"),
    ("en", "He was arrested after the match. The next day he was freed.", "The next day"),
    ("en", "She moved to Rome. Two days later she met the pope.", "Two days later"),
])
def test_a_day_after_a_day_the_story_never_gave_has_no_date(language: str, text: str, span: str) -> None:
    got = _values(text, language)
    assert span in got and not got[span][:1].isdigit(), got


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    ("de", "Am Montag wurde er verhaftet. Am nächsten Tag kam er frei.", "Am nächsten Tag", "2023-11-14"),
    ("de", "Am 3. Oktober fand die Wahl statt. Tags darauf trat er zurück.", "Tags darauf", "2023-10-04"),
    ("en", "He was arrested on Monday. The next day he was freed.", "The next day", "2023-11-14"),
    # a day before: news tells of its own day, whose eve that is
    ("de", "Die beiden Sportler sind positiv getestet worden. Sie waren am Tag zuvor gelandet.",
     "am Tag zuvor", "2023-11-14"),
])
def test_a_day_after_a_day_the_story_gave_counts_from_it(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language).get(span) == value


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    ("de", "Der Umsatz lag über dem im April des Vorjahres.", "April des Vorjahres", "2022-04"),
    ("de", "Am 5. März des Vorjahres kam er, im Mai des Folgejahres ging er.", "Mai des Folgejahres", "2023-05"),
    ("en", "Beijing cut subsidies at the end of May last year.", "the end of May last year", "2022-05"),
    ("en", "The plant opens in March next year.", "March next year", "2024-03"),
    ("en", "It was signed on June 3 last year.", "June 3 last year", "2022-06-03"),
])
def test_a_month_of_a_counted_year_is_one_time(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language).get(span) == value
