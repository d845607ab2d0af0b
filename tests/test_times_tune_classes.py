"""Error classes found on the times tuning set (tests/data/times_tune), each pinned by hand-made
sentences (none copied from a benchmark text): anaphoric days, generic seasons, tense cues,
embedded posts, "heute" meaning nowadays, ranges, numbers that are no years, bylines."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmill.enrich.times.tagger import tag_times

PUB = dt.date(2023, 11, 15)  # a Wednesday


def _values(text: str, language: str, published: dt.date = PUB) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, language, published)}


def _calendar(text: str, language: str, published: dt.date = PUB) -> dict[str, str]:
    return {k: v for k, v in _values(text, language, published).items() if v[:1].isdigit()}


@pytest.mark.parametrize(("language", "text", "span"), [
    # an anaphoric day with no day the story told, or after a year-only point
    ("en", "We moved here two years ago. Since that day he has carried water.", "that day"),
    ("en", "He said he was at home 18 years ago – on the same day the crime took place.", "on the same day"),
    ("en", "The man took the child. Later that evening, he admitted it.", "that evening"),
    # a season in a clause without tense is every such season
    ("de", "Die Insel lockt auch im Winter: Abfahrten über unberührte Hänge.", "Winter"),
    ("de", "Der Druck hat sich erhöht: „Im Winter haben Wildtiere drei Bedürfnisse.“", "Winter"),
    # an approximation before an offset the rule did not take in
    ("en", "Barely a week ago, he had scored just once.", "a week ago"),
    # numbers that are no years
    ("de", "Bekomme beim Versuch 1000 immer noch den Fehler.", "1000"),
    ("de", "Der Wagen kommt im Modelljahr 2025 mit neuem Motor.", "2025"),
    ("en", "The 2025 Model Y costs less.", "2025"),
    ("en", "The Eagles led 14-7 at halftime before scoring 24 points in the third quarter.", "the third quarter"),
    ("de", "Im dritten und letzten Jahr der Prämie stiegen die Anträge.", "letzten Jahr"),
    ("en", "The symptoms improved after that visit, then worsened later that month.", "that month"),
])
def test_no_calendar_value(language: str, text: str, span: str) -> None:
    assert span not in _calendar(text, language)


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # the anaphoric day is kept when the story told the day
    ("en", "The plant closed on March 3. Since that day workers have protested.", "that day", "2023-03-03"),
    ("de", "Im Winter hatte es viel geschneit.", "Winter", "2023-WI"),
    ("de", "Sie arbeitete dort bis zum Herbst des Vorjahres.", "Herbst des Vorjahres", "2022-FA"),
    # "haben" is a perfect only beside a participle; an attributive "-ten" word is no preterite
    ("de", "Am Montag haben die Schüler frei.", "Am Montag", "2023-11-20"),
    ("de", "Am Montag haben die Schüler gestreikt.", "Am Montag", "2023-11-13"),
    ("de", "Am Sonntag stehen die lange erwarteten Spiele an.", "Am Sonntag", "2023-11-19"),
    ("de", "Am Sonntag stehen die ebenfalls mit Spannung erwarteten Duelle an.", "Am Sonntag", "2023-11-19"),
    ("de", "Am Sonntag besuchten Tausende die Messe.", "Am Sonntag", "2023-11-12"),
    # a closed quotation keeps its tense; a present reporting verb reports the past
    ("de", "«Wir werden das schaffen», sagt der Präsident am Dienstagabend am Telefon.", "am Dienstagabend",
     "2023-11-14"),
    # "last <weekday>" is the week before's; "am gestrigen Dienstag" yesterday
    ("en", "The service launched last Tuesday.", "last Tuesday", "2023-11-07"),
    ("de", "Am gestrigen Dienstag tagte der Rat.", "Am gestrigen Dienstag", "2023-11-14"),
    # ranges written without spaces, and a bare dash between like points
    ("de", "Das Festival findet vom 09.-11. September 2024 statt.", "09.-11. September 2024", "2024-09-09/2024-09-11"),
    ("de", "Die Jahre 2020–2023 waren schwer.", "Jahre 2020–2023", "2020/2023"),
    ("de", "Die Ausstellung lief Juni–August 2022.", "Juni–August 2022", "2022-06/2022-08"),
    # a round year with its cue stays a year
    ("de", "Um 1000 lebten hier Bauern.", "1000", "1000"),
    # an English-format byline date in a German text
    ("de", "Von Anna Muster | Oct 24, 2023 | Zuletzt geändert: Nov 7, 2023", "Oct 24, 2023", "2023-10-24"),
    # a bare quarter outside a game is the year's
    ("en", "Revenue rose in the third quarter.", "the third quarter", "2023-Q3"),
    # "after <weekday>'s event" in a present clause is the past
    ("en", "Their hopes are slim after Monday night's loss.", "Monday night", "2023-11-13"),
    # a weekday given with a date picks the year it falls in
    ("en", "The tour starts June 9, 2024.\n\nTickets go on sale Friday, Dec. 8.", "Friday, Dec. 8", "2023-12-08"),
    # a schedule's later date continues its year across paragraphs
    ("en", "The tour kicks off June 9, 2024 in Florida.\n\nThe final date is in Houston on Oct. 10.", "Oct. 10",
     "2024-10-10"),
    # past narration continues the story's year into the next paragraph
    ("en", "He visited his doctor in November 2016.\n\nBut by December, his symptoms had worsened.", "December",
     "2016-12"),
])
def test_value(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language).get(span) == value


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Sie schildern, wie es früher für Frauen war, heute für Frauen ist und wie es in Zukunft sein könnte."),
    ("de", "Ein Spiel, das heute (zu Recht) kaum noch jemand kennt."),
    ("de", "Die alte Backtradition wird heute gut bewahrt."),
    ("de", "Software ist bereits heute zu einer Kulturtechnik geworden."),
])
def test_heute_meaning_nowadays(language: str, text: str) -> None:
    assert _values(text, language)["heute"] == "PRESENT_REF"


def test_heute_with_schon_in_a_present_clause_is_today() -> None:
    assert _values("Die Entscheidung fällt schon heute.", "de")["heute"] == "2023-11-15"


def test_an_embedded_post_has_its_own_day() -> None:
    text = ("The haze thickened all week.\n\nWe have started distributing masks today\n\n"
            "— Some Minister (@someminister) November 1, 2023\n\nThe government acted.")
    values = _values(text, "en", dt.date(2023, 11, 8))
    assert values["today"] == "2023-11-01"
    assert values["November 1, 2023"] == "2023-11-01"


def test_an_embedded_post_date_in_a_german_text_is_one_expression() -> None:
    text = "Der Minister schrieb dazu.\n\nDas ist heute beschlossen.\n\n— Max Muster (@maxmuster) October 27, 2021"
    values = _values(text, "de", dt.date(2021, 10, 28))
    assert values["October 27, 2021"] == "2021-10-27"
    assert "2021" not in values


# Whole tune-half articles (tests/data/times_tune/texts_whole.jsonl): "heute" read as nowadays.
@pytest.mark.issue(15)
@pytest.mark.parametrize(("text", "span"), [
    # a then/now contrast with a year the text told just before (the sentence before lent its past)
    ("Die Sängerin zog 1998 nach Berlin. Heute lebt und malt sie in einem Dorf an der Küste.", "Heute"),
    ("Der Verband war schon 1985 gegen die Brücke. Heute ist er halt gegen den Tunnel.", "Heute"),
    # a present modal is no future
    ("Ehrlich gesagt kann ich mich bis heute an keinen einzigen Satz erinnern.", "heute"),
    ("Viele Gäste können sich heute nicht mehr an den Abend erinnern.", "heute"),
    # "-tet" after a t-stem is a present ("bedeutet", "arbeitet"), no preterite
    ("Im Handel bedeutet das Siegel heute vor allem: Die Ware ist geprüft.", "heute"),
])
def test_heute_meaning_nowadays_on_whole_articles(text: str, span: str) -> None:
    assert span not in _calendar(text, "de")


@pytest.mark.issue(15)
@pytest.mark.parametrize("text", [
    "Die Firma wurde 1998 gegründet. Heute wurde der neue Standort eröffnet.",  # an event, told in the past
    "Der Vertrag stammt von 2019. Heute soll er verlängert werden.",  # and in the future
    "Seit 2015 gibt es den Markt. Heute Abend öffnet er wieder.",  # a part of today
    "Die Firma wurde 2023 gegründet. Heute ist sie umgezogen.",  # the year of publication: no then
])
def test_heute_stays_today_after_a_year(text: str) -> None:
    found = _calendar(text, "de")
    assert any(v == "2023-11-15" for k, v in found.items() if k.lower().startswith("heute")), found


@pytest.mark.issue(15)
def test_a_weekday_without_tense_is_the_one_the_article_dated() -> None:
    text = ("The president made an unscheduled trip to the hospital on Saturday for an exam.\n\n"
            "Now consider what we know about the visit on Saturday. It was unscheduled.")
    values = [t.value for t in tag_times(text, "en", PUB) if t.text == "on Saturday"]
    assert values == ["2023-11-11", "2023-11-11"]
    # a tense still decides: the next Saturday when the text says so
    later = "He was at the clinic on Saturday. He will be back on Saturday."
    assert [t.value for t in tag_times(later, "en", PUB)] == ["2023-11-11", "2023-11-18"]


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "want"), [
    # "the year" of a news text is its own year, not one counted paragraphs before
    ("en", "It was a turnaround from four years ago, when he won.\n\nThey could not finish before the end of the year.", "2023"),
    ("en", "In 2015 the firm moved. By the end of the year it had 40 staff.", "2015"),  # the story's year
])
def test_the_end_of_the_year_in_news(language: str, text: str, want: str) -> None:
    assert _values(text, language)["the end of the year"] == want


@pytest.mark.issue(15)
@pytest.mark.parametrize(("text", "want"), [
    ("In der Nacht auf Samstag verunglückte ein Wagen um 23.50 Uhr.", "2023-11-10T23:50"),
    ("In der Nacht auf Samstag verunglückte ein Wagen um 2.30 Uhr.", "2023-11-11T02:30"),
])
def test_a_clock_time_in_the_night_before_a_day(text: str, want: str) -> None:
    assert want in _calendar(text, "de").values()


@pytest.mark.issue(15)
@pytest.mark.parametrize("text", [
    "I replaced the battery of my 15-inch 2016 MacBook Pro.",
    "Story timeline: 2021 VW ID.4 arrives in the US.",
])
def test_a_year_before_a_maker_or_product_line_is_a_model_year(text: str) -> None:
    assert not [v for v in _calendar(text, "en").values() if v[:2] in ("20", "19")]


@pytest.mark.issue(15)
def test_an_english_deictic_inside_a_quotation_gets_no_date() -> None:
    text = ('"We needed to win this game today," the coach said after the loss.\n\n'
            "The team plays again today.")
    values = [t.value for t in tag_times(text, "en", PUB) if t.text == "today"]
    assert values == ["XXXX-XX-XX", "2023-11-15"]  # a day, but not one counted from publication
    # German quotations of the day keep it
    assert _calendar("„Ich hoffe, dass ich morgen besser spiele“, sagte er.", "de") == {"morgen": "2023-11-16"}


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span"), [
    ("de", "Sie fragt, wie man im Heute mit alten Geschichten umgeht.", "Heute"),  # the present as a noun
    ("de", "Neben der „Krone“ verwechselt auch „Heute“ Meinung mit Nachricht.", "Heute"),  # a paper's name
    ("en", 'He was a guest on "Today" last year.', "Today"),  # a show's name
])
def test_a_deictic_as_a_noun_or_a_name_is_no_time(language: str, text: str, span: str) -> None:
    assert span not in _values(text, language)


def test_a_deictic_beside_quoted_words_is_still_a_day() -> None:
    assert _calendar("Sie kommt heute „sehr spät“ an.", "de") == {"heute": "2023-11-15"}


# Wikinews openings of the TUNE half, gold written first (tests/data/times_tune/wikinews.py).
FRIDAY = dt.date(2023, 11, 17)


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # the latest such weekday, unless that is yesterday (then it would be "gestern")
    ("de", "Am vergangenen Dienstag gewann die Mannschaft.", "Am vergangenen Dienstag", "2023-11-14"),
    ("de", "Am vergangenen Donnerstag gewann die Mannschaft.", "Am vergangenen Donnerstag", "2023-11-09"),
    ("en", "The ceasefire expired last Monday.", "last Monday", "2023-11-13"),
    ("en", "The ceasefire expired last Friday.", "last Friday", "2023-11-10"),
])
def test_last_weekday_is_the_latest_but_not_yesterday(language: str, text: str, span: str, value: str) -> None:
    assert _calendar(text, language, FRIDAY)[span] == value


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # the date a thing was moved to lies ahead, though the report is in the past tense
    ("de", "Nach drei Stunden wurde die Verhandlung auf den 28. Dezember vertagt.", "28. Dezember", "2023-12-28"),
    ("de", "Das Konzert ist auf den 3. Februar verschoben worden.", "3. Februar", "2024-02-03"),
    ("en", "The hearing was adjourned until Dec. 28.", "Dec. 28", "2023-12-28"),
    ("en", "The vote was postponed to Feb. 3.", "Feb. 3", "2024-02-03"),
    # without the move, a past clause keeps a later day in the past year
    ("de", "Am 28. Dezember hatte die Verhandlung begonnen.", "28. Dezember", "2022-12-28"),
    ("en", "Until Feb. 3 he had waited.", "Feb. 3", "2023-02-03"),
])
def test_a_date_moved_to_lies_ahead(language: str, text: str, span: str, value: str) -> None:
    assert _calendar(text, language)[span] == value


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text"), [
    # a copyright line's year dates the notice, not anything the story tells
    ("en", "Copyright 2019 The Associated Press. All rights reserved."),
    ("en", "© 2019 Reuters"),
    ("en", "(C) 2018 Bloomberg L.P."),
    ("de", "Copyright 2019 dpa"),
])
def test_a_copyright_year_is_no_time(language: str, text: str) -> None:
    assert not _calendar(text, language)


def test_a_year_after_other_words_stays_a_year() -> None:
    assert _calendar("The law, passed in 2019, still holds.", "en") == {"2019": "2019"}


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # a strong preterite is a past cue: the weekday before, not the next
    ("de", "Am Sonntag riss der Wolf zwei Schafe.", "Am Sonntag", "2023-11-12"),
    ("de", "Dort starben am Sonntag viele Menschen.", "am Sonntag", "2023-11-12"),
    # a preterite that is also a noun counts only written lower-case
    ("de", "Am Sonntag wird der Riss im Damm geflickt.", "Am Sonntag", "2023-11-19"),
    # "11. August" is a date, not a sentence end: the clause before lends its past
    ("de", "Die Bank nannte am Montag, den 13. November die Täter der Anschläge vom Donnerstag.",
     "Donnerstag", "2023-11-09"),
    # hyphenated and two-digit decades; a decade word in news is the latest begun
    ("de", "Das Lager entstand in den 1950-er Jahren.", "den 1950-er Jahren", "195"),
    ("de", "Seit den 90er Jahren wächst der Ort.", "den 90er Jahren", "199"),
    ("de", "In den achtziger Jahren wuchs der Ort.", "den achtziger Jahren", "198"),
    ("en", "It was a hit in the '80s.", "the '80s", "198"),
    # "Vorabend" counts from the day the story gave, as "Vortag"
    ("de", "Das Spiel fand am 14. Oktober statt. Am Vorabend waren sie im Kino.", "Vorabend", "2023-10-13"),
])
def test_tense_decades_and_eves(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language)[span] == value


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span"), [
    # "in four days" told in the past is how long it took
    ("de", "Der Bär legte in vier Tagen 80 Kilometer zurück.", "in vier Tagen"),
    ("en", "He walked 80 km in four days.", "in four days"),
    # minutes later: a moment of the story's day, no date to count
    ("de", "Zehn Minuten später fiel das zweite Tor.", "Zehn Minuten später"),
    # the eve of an event the phrase names
    ("de", "Am Vorabend der Wahl demonstrierten Tausende.", "Vorabend"),
])
def test_durations_moments_and_eves_of_events_get_no_date(language: str, text: str, span: str) -> None:
    assert span not in _calendar(text, language)


def test_in_n_days_said_of_the_future_is_a_day() -> None:
    assert _calendar("Er sagte, er komme in vier Tagen zurück.", "de") == {"in vier Tagen": "2023-11-19"}


@pytest.mark.issue(15)
@pytest.mark.parametrize(("text", "value"), [
    # a separable verb's participle ("aufgefordert") makes "hat" a perfect: the Saturday before
    ("Die Ministerin hat am Samstag in einer Videobotschaft die Hersteller dazu aufgefordert.", "2023-11-11"),
    # "ist für Dienstag angesetzt": a schedule, the Tuesday to come
    ("Die Abstimmung ist für Dienstag angesetzt.", "2023-11-21"),
])
def test_separable_participles_and_schedules(text: str, value: str) -> None:
    assert list(_calendar(text, "de").values()) == [value]


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # a rule's optional space is optional: "20.April", "10am"
    ("de", "Der Rat hat am 20.April 2007 beschlossen.", "20.April 2007", "2007-04-20"),
    ("de", "Am Mittwoch, den 5.März 2008, streiken sie.", "Am Mittwoch, den 5.März 2008", "2008-03-05"),
    ("en", "He came home at 10am on March 3, 2008.", "10am", "2008-03-03T10:00"),
    # an aside between dashes is inside the sentence: "hat … gegeben" is its perfect
    ("de", "In Paris hat es am Montag – 3.000 Beamte waren aufgeboten – schwere Ausschreitungen gegeben.",
     "am Montag", "2023-11-13"),
    # the night and the date it leads to are one expression
    ("de", "In der Nacht zu Samstag, dem 24. November, kam es zu einem Unfall.",
     "In der Nacht zu Samstag, dem 24. November", "2023-11-24"),
])
def test_spacing_asides_and_nights(language: str, text: str, span: str, value: str) -> None:
    assert _calendar(text, language)[span] == value


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "kept"), [
    # the day a thing was moved from and the day it was moved to are no stretch of days
    ("en", "A planned meeting will be postponed from Tuesday to Friday.", False),
    ("de", "Die Sitzung wurde von Montag auf Dienstag verschoben.", False),
    ("en", "The fair runs from Tuesday to Friday.", True),
])
def test_a_move_is_no_interval(language: str, text: str, kept: bool) -> None:
    assert any("/" in v for v in _calendar(text, language).values()) == kept


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # a half or a quarter of a year counted from now is that half or quarter, not the whole year
    ("en", "The deal is expected to close in the first half of next year.", "the first half of next year", "2024-H1"),
    ("en", "Sales fell in the fourth quarter of last year.", "the fourth quarter of last year", "2022-Q4"),
    ("de", "Im ersten Halbjahr des kommenden Jahres soll es fertig sein.",
     "ersten Halbjahr des kommenden Jahres", "2024-H1"),
    ("de", "Im dritten Quartal des Vorjahres sank der Umsatz.", "dritten Quartal des Vorjahres", "2022-Q3"),
])
def test_half_and_quarter_of_a_counted_year(language: str, text: str, span: str, value: str) -> None:
    assert _calendar(text, language)[span] == value


@pytest.mark.issue(15)
@pytest.mark.parametrize(("text", "value"), [
    # an English verb whose past is its present ("hit", "cut") is past, unless an auxiliary, a
    # modal or "to" stands before it
    ("The storm hit the coast late Sunday.", "2023-11-12"),
    ("The company cut 500 jobs on Monday.", "2023-11-13"),
    ("The company will cut 500 jobs on Monday.", "2023-11-20"),
    ("They plan to cut jobs on Monday.", "2023-11-20"),
])
def test_english_invariant_past(text: str, value: str) -> None:
    assert list(_calendar(text, "en").values()) == [value]


def test_a_set_date_after_is_stays_ahead() -> None:
    assert _calendar("The license is now set to expire in February.", "en") == {"February": "2024-02"}


@pytest.mark.issue(15)
@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # an abbreviation's period ends no sentence: the weekday keeps the clause's past
    ("en", "Police said the shooting happened around 2 a.m. Sunday.", "Sunday", "2023-11-12"),
    # "in jedem Jahr" marks a date said of every year
    ("de", "Wie in jedem Jahr beginnt am 11. November die Karnevalssession.", "11. November", "XXXX-11-11"),
])
def test_abbreviations_and_yearly_dates(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language)[span] == value


def test_a_states_start_year_dates_no_later_day() -> None:
    text = ("Bemba, der seit dem April 2007 im Exil lebt, wurde verhaftet. "
            "Grundlage ist ein Haftbefehl vom 23. Mai in Den Haag.")
    assert _calendar(text, "de", dt.date(2008, 5, 25))["23. Mai"] == "2008-05-23"
    # a date the story told still gives its year to the next one
    told = "Am 30. Januar 1933 kam er an die Macht. Am 1. Februar löste er den Reichstag auf."
    assert _calendar(told, "de", dt.date(2008, 5, 25))["1. Februar"] == "1933-02-01"
