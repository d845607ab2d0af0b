"""Anaphoric times and the story's reference (issue 15.7; classes found on tune-half Wikinews and
news pages): a day still to come is not the day of what a past clause tells; the eve of an event
the phrase names has no day; a year offset counts from the year the text wrote last, even in
passing. Hand-made sentences, none copied from a benchmark text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmill.enrich.times.tagger import tag_times

PUB = dt.date(2023, 11, 15)  # a Wednesday


def _values(text: str, language: str = "de", published: dt.date = PUB) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, language, published)}


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # the last day the story gave lies ahead: the evening of a past clause is the report's
    ("de", "Die Wahl findet am 3. Dezember statt. Der Kanzler bestätigte das am Abend.", "am Abend", "2023-11-15"),
    ("en", "The vote is set for Dec. 3. The group announced over the weekend that it would run.",
     "the weekend", "2023-W45-WE"),
    # a day the story told in the past keeps its evening
    ("de", "Am Montag tagte der Rat. Der Bürgermeister bestätigte das am Abend.", "am Abend", "2023-11-13"),
    # year offsets from a year written in passing
    ("de", "Die Löhne stiegen, 1972 kam die 40-Stunden-Woche und bereits ein Jahr später ein 13. Gehalt.",
     "bereits ein Jahr später", "1973"),
    ("de", "Bei der Landtagswahl in Hessen 2013 schaffte sie die Hürde, bei der im selben Jahr folgenden Wahl nicht.",
     "selben Jahr", "2013"),
])
def test_the_story_sets_the_reference(language: str, text: str, span: str, value: str) -> None:
    got = _values(text, language)
    assert got.get(span) == value, got


def test_an_anaphoric_day_names_the_day_even_when_it_lies_ahead() -> None:
    # "an diesem Tag" names the day the story gave, whatever the tense of its clause
    # (with a year in its clause, "An diesem Tag wurde er 1920 gegründet", it is that year's day:
    # tests/test_times_session8.py)
    got = _values("Der Verein feiert am 3. Dezember sein Jubiläum. An diesem Tag wurde er gegründet.")
    assert got["diesem Tag"] == "2023-12-03"


@pytest.mark.parametrize("text", [
    "Die Bombe explodierte, als Anhänger am Vorabend von Aschura eine Zeremonie abhielten.",
    "Am Vorabend der Wahl sprach sie in Köln.",
])
def test_the_eve_of_a_named_event_has_no_date(text: str) -> None:
    assert not _values(text)["Vorabend"][:1].isdigit()


def test_a_day_just_ahead_comes_before_the_next_years_date() -> None:
    text = "Gesendet wird bis zum 1. Januar 2024.\nDas Programm ist bis zum 28. November abrufbar."
    assert _values(text)["28. November"] == "2023-11-28"
    # a later month of the next year's schedule continues it
    text = "Die Tour beginnt am 3. Februar 2024.\n\nDas Finale ist am 28. Oktober."
    assert _values(text)["28. Oktober"] == "2024-10-28"


@pytest.mark.parametrize(("language", "text", "span"), [
    ("de", "Das berichtete die „Rundschau am Sonntag“ gestern.", "am Sonntag"),
    ("de", "Er schrieb für die «Welt am Sonntag».", "am Sonntag"),
    ("de", "Die Zeitung hat ein „Szenario 2030“ beschlossen.", "2030"),
    ("en", 'He wrote for the "Mail on Sunday" for years.', "on Sunday"),
])
def test_a_time_that_ends_a_quoted_name_is_no_time(language: str, text: str, span: str) -> None:
    assert not any(t.text.endswith(span.split()[-1]) for t in tag_times(text, language, PUB)
                   if t.value[:1].isdigit())


def test_a_quoted_sentence_keeps_its_time() -> None:
    got = _values("„Wir kommen am Sonntag“, sagte er.")
    assert got["am Sonntag"] == "2023-11-19"


@pytest.mark.parametrize(("text", "span", "value"), [
    # "ab Montag" starts something to come, unless its own clause is past
    ("Nach der Prüfung am Sonntag war klar, dass die Bahn ab Montag wieder im Einsatz war.", "ab Montag", "2023-11-13"),
    ("Die Regierung kündigte an, dass ab Montag neue Regeln gelten.", "ab Montag", "2023-11-20"),
    # an age "now" is nowadays whatever the clause's tense
    ("Mit zwölf Jahren soll die heute 46-Jährige erstmals bedroht worden sein.", "heute", "PRESENT_REF"),
    # a season each year is no one season
    ("Dort wird das Loch jeweils im Spätwinter festgestellt.", "Spätwinter", "XXXX-WI"),
])
def test_tense_and_recurrence_cues(text: str, span: str, value: str) -> None:
    assert _values(text).get(span) == value, _values(text)


def test_yesterday_as_an_adjective_counts_from_the_publication() -> None:
    text = "Sie bot am gestrigen Dienstag ihren Rücktritt an. Im Verlauf des gestrigen Tages kam es zu keiner Einigung."
    assert _values(text)["gestrigen Tages"] == "2023-11-14"
    # "am nächsten Tag" after a day of the story still counts from that day
    assert _values("Am 3. Mai tagte der Rat. Am nächsten Tag kam es zum Streik.")["Am nächsten Tag"] == "2023-05-04"


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    ("de", "Sie einigten sich bereits am Freitag vergangener Woche auf einen Vertrag.", "am Freitag vergangener Woche",
     "2023-11-10"),
    ("de", "Am Mittwoch dieser Woche wurde der Vertrag unterschrieben.", "Am Mittwoch dieser Woche", "2023-11-15"),
    ("en", "The deal was signed Friday last week.", "Friday last week", "2023-11-10"),
])
def test_a_weekday_of_the_week_named_after_it(language: str, text: str, span: str, value: str) -> None:
    got = [(t.text, t.value) for t in tag_times(text, language, PUB) if t.value[:1].isdigit()]
    assert got == [(span, value)]


@pytest.mark.parametrize(("text", "published", "span", "value"), [
    ("Der Test soll Ende des ersten Quartals beginnen.", dt.date(2004, 12, 4), "ersten Quartals", "2005-Q1"),
    ("Der Test soll Ende des ersten Quartals 2005 beginnen.", dt.date(2004, 12, 4), "ersten Quartals 2005", "2005-Q1"),
    ("Österreich feiert nach dem Montag wieder einen Erfolg.", dt.date(2005, 7, 8), "Montag", "2005-07-04"),
    ("Sie verweisen auf einen Anschlag auf die Botschaft, am 31. Dezember.", dt.date(2020, 1, 5), "31. Dezember",
     "2019-12-31"),
    ("Das Gesetz gilt ab dem 1. Januar 2013. Das wurde am 28. Dezember bekannt gegeben.", dt.date(2012, 12, 30),
     "28. Dezember", "2012-12-28"),
    ("Im Juni 2011 wurde die Studie beschlossen. Am Mittwoch dieser Woche (9. Januar) wurde sie gekündigt.",
     dt.date(2013, 1, 13), "9. Januar", "2013-01-09"),
])
def test_years_of_days_near_a_new_year(text: str, published: dt.date, span: str, value: str) -> None:
    assert _values(text, "de", published).get(span) == value, _values(text, "de", published)
