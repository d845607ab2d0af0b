"""Error classes of issue 15.7, each pinned by hand-made sentences (none from any benchmark set):
tense sends relative dates the right way, story anchors, durations, recurring dates, clock times
alone, "heute" meaning nowadays."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmill.enrich.times.tagger import tag_times

PUB = dt.date(2023, 11, 15)  # a Wednesday


def _values(text: str, language: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, language, PUB)}


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # tense of the clause decides the direction of a weekday, a month, a season
    ("de", "Die Firma meldete am Montag Insolvenz an.", "am Montag", "2023-11-13"),
    ("de", "Der Minister wird am Montag nach Paris reisen.", "am Montag", "2023-11-20"),
    ("en", "Russia beat Croatia on Monday.", "on Monday", "2023-11-13"),
    ("en", "The minister will travel to Paris on Monday.", "on Monday", "2023-11-20"),
    ("de", "Im Dezember hatte die Regierung das Gesetz beschlossen.", "Dezember", "2022-12"),
    ("en", "In December the government passed the law.", "December", "2022-12"),
    ("de", "Im Februar will die Regierung das Gesetz beschließen.", "Februar", "2024-02"),
    ("de", "Im Sommer wird gebaut.", "Sommer", "2024-SU"),
    ("de", "Im Sommer war es heiß.", "Sommer", "2023-SU"),
    ("de", "Die Schauspielerin ist am Sonntag im Alter von 90 Jahren verstorben.", "am Sonntag", "2023-11-12"),
    ("de", "Das Museum ist ab Montag geöffnet.", "ab Montag", "2023-11-20"),
    ("de", "Er ist entschlossen, am Montag zu beginnen.", "am Montag", "2023-11-20"),
    ("de", "Im Januar steigen die Preise.", "Januar", "2024-01"),
    ("en", "About 400 jets have been grounded since March.", "March", "2023-03"),
    ("de", "Seit dem 7. Februar gilt die Regel.", "7. Februar", "2023-02-07"),
    ("de", "Er ließ sein Amt seit November 2020 ruhen. Im März erklärte das Präsidium seinen Rückzug.",
     "März", "2021-03"),
    # a spaced dash ends the clause's tense: the past after it does not pull the Friday back
    ("de", "Kurz vor der Feier am Freitag spielt der Sport nur eine Nebenrolle - die Vergangenheit holte "
           "den Verband ein.", "am Freitag", "2023-11-17"),
    # a schedule in the present: a day long gone this year is next year's
    ("en", "After a break, the schedule picks up February 7th in Las Vegas.", "February 7th", "2024-02-07"),
    # the story's date anchors "that day", not the publication date
    ("de", "Der Riesling feiert am 13. März 2022 Geburtstag. An diesem Tag wurde er erwähnt.",
     "diesem Tag", "2022-03-13"),
    ("de", "Am 3. März 2021 traf er den Minister. Am Vortag hatte er abgesagt.", "Vortag", "2021-03-02"),
    ("en", "On March 3, 2021, he met the minister. The day before, he had cancelled.", "The day before",
     "2021-03-02"),
    ("de", "2019 stieg der Umsatz um zehn Prozent. Im Vorjahr war er noch gesunken.", "Vorjahr", "2018"),
    ("de", "Der Umsatz stieg im Vorjahr um zehn Prozent.", "Vorjahr", "2022"),
    ("de", "Am 3. Mai 2021 kam es zum Streit. Am nächsten Tag trat er zurück.", "Am nächsten Tag", "2021-05-04"),
    ("en", "Sales rose in March 2021, up from the previous year.", "the previous year", "2020"),
    ("en", "The bill was passed last year. The year before, a similar bill failed.", "The year before", "2021"),
    ("de", "Mit einem Plus gegenüber dem Vorjahr wurden bis zum dritten Quartal 500 Pumpen verkauft.",
     "dritten Quartal", "2023-Q3"),
])
def test_resolves(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language).get(span) == value


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # durations, not dates: "within", and offsets from an event rather than from a date
    ("en", "Apple issued four updates within 18 months.", "18 months", "P18M"),
    ("en", "Eat 60 minutes before your workout.", "60 minutes", "PT60M"),
    ("en", "Troops remain, 18 years after Washington invaded the country.", "18 years", "P18Y"),
    # recurring dates have no year (TIMEX3 XXXX), recurring weekdays are sets
    ("de", "Der Feiertag wird jedes Jahr am 8. November gefeiert.", "8. November", "XXXX-11-08"),
    ("en", "Every Christmas the family gathers.", "Christmas", "XXXX-12-25"),
    ("en", "The festival is held each year on July 4.", "July 4", "XXXX-07-04"),
    ("de", "Das Fest beginnt jedes Jahr am Samstag vor dem Advent.", "am Samstag", "XXXX-WXX-6"),
    ("en", "Halloween is celebrated on Oct. 31.", "Oct. 31", "XXXX-10-31"),
    # a clock time alone is on no day the text gives
    ("de", "Um 18 Uhr beginnt das Konzert.", "18 Uhr", "XXXX-XX-XXT18:00"),
    ("en", "The show starts at 8 p.m.", "8 p.m.", "XXXX-XX-XXT20:00"),
    ("de", "Geöffnet täglich von 10 bis 18 Uhr.", "10 bis 18 Uhr", "XXXX-XX-XXT10:00/XXXX-XX-XXT18:00"),
    # a wait, not a day, when the story has given no date to count from
    ("en", "A new game is finally coming out after 12 years.", "after 12 years", "P12Y"),
    ("de", "Nach drei Tagen wurde er freigelassen.", "Nach drei Tagen", "P3D"),
    # week offsets in news have the week's granularity, as year offsets have the year's
    ("de", "Vor zwei Wochen kam er an.", "Vor zwei Wochen", "2023-W44"),
    ("en", "On May 2, 2022, he arrived. A week later he left.", "A week later", "2022-W19"),
    # approximate references give a direction, not a date
    ("en", "Jones lost by five points, nearly five years ago.", "nearly five years ago", "PAST_REF"),
    ("de", "Vor knapp einem Jahr gab es Neuerungen.", "Vor knapp einem Jahr", "PAST_REF"),
    # a day that names its week
    ("de", "Das Treffen findet in der Woche vom 6. November statt.", "6. November", "2023-W45"),
    # opening hours: clock times on every such day, not on the date before
    ("de", "Die Ausstellung läuft bis zum 30. Juni 2024. Sie ist dienstags bis sonntags von 10 bis 18 Uhr "
           "geöffnet.", "18 Uhr", "XXXX-XX-XXT18:00"),
    ("de", "Die heute 80-Jährige lebt in Berlin.", "heute", "PRESENT_REF"),
    # "heute" meaning nowadays
    ("de", "Bis heute hat der Verband nur elf Mitglieder.", "heute", "PRESENT_REF"),
    ("de", "Früher war das anders, heute ist es normal.", "heute", "PRESENT_REF"),
    ("de", "Die Filme sind auch heute noch bekannt.", "heute", "PRESENT_REF"),
    ("de", "Heute leben in der Stadt 80.000 Menschen.", "Heute", "PRESENT_REF"),
    ("en", "Today, most people own a smartphone.", "Today", "PRESENT_REF"),
    ("en", "Many people today use the app.", "today", "PRESENT_REF"),
])
def test_typed_apart(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language).get(span) == value


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Das Urteil mit dem Aktenzeichen 2 BvR 1234/19 ist rechtskräftig."),
    ("de", "Der Film 1917 von Sam Mendes lief im Kino."),
    ("en", "Sam Mendes' film 1917 won three Oscars."),
    ("en", "The Class of 2024 met again."),
    ("de", "Die Kontonummer lautet 1234 5678 2019."),
    ("de", "Artikelnummer: 2023-4711, Lieferzeit drei Tage."),
    # a deictic word inside a name
    ("en", "Richardson, via USA Today, said that Rudolph was to blame."),
    ("de", "Das Verfahren 2019/123 ist abgeschlossen."),
    # some weekday, not one the reader can date
    ("de", "Neulich, an einem Dienstagabend, fuhr ich nach München."),
    ("en", "It happened on a Monday."),
])
def test_numbers_that_are_no_times(language: str, text: str) -> None:
    assert not [t for t in tag_times(text, language, PUB) if t.value[:1].isdigit()]


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # the same words stay dates where they are dates
    ("de", "Heute um 18 Uhr beginnt das Konzert.", "18 Uhr", "2023-11-15T18:00"),
    ("de", "Noch heute soll die Entscheidung fallen.", "heute", "2023-11-15"),
    ("de", "Am 8. November 2022 wurde gefeiert.", "8. November 2022", "2022-11-08"),
    # counted from the story's day (with none, the day is not told: tests/test_times_story_day.py)
    ("en", "He lost the vote on Monday. Three days later, he resigned.", "Three days later", "2023-11-16"),
    ("en", "The minister spoke today.", "today", "2023-11-15"),
    ("en", "The trial begins today.", "today", "2023-11-15"),
    ("de", "Vor zwei Jahren gab es Neuerungen.", "Vor zwei Jahren", "2021"),
    ("en", "The festival was held on Oct. 31.", "Oct. 31", "2023-10-31"),
    ("de", "Heute beginnt der Prozess gegen den Mann.", "Heute", "2023-11-15"),
    ("de", "Der Ministerpräsident hat heute Hilfe in Aussicht gestellt.", "heute", "2023-11-15"),
    ("de", "Am 2. Mai 2022 wurde er festgenommen. Nach drei Tagen kam er frei.", "Nach drei Tagen", "2022-05-05"),
    ("de", "Zum Ende der Saison 2020/21 trat er zurück.", "2020", "2020"),
    ("de", "Der Krieg dauerte von 1939-1945.", "1939-1945", "1939/1945"),
    ("de", "Savannah, 29. Dezember 1778/16. September bis 10. Oktober 1779", "29. Dezember 1778", "1778-12-29"),
    ("de", "Am 5. März kam es zu einem Unfall. Gegen 22 Uhr wurde die Polizei gerufen.", "22 Uhr",
     "2023-03-05T22:00"),
])
def test_dates_stay_dates(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language).get(span) == value
