"""Bare dates in lists (issue 15.7; found on tune-half tour-date pages): a run of dates without a
year, one opening each line, continues the year of the line before, the year of a heading above
it, or of the same day the story gave earlier; without any of these a list without verbs is a
schedule, whose days are to come. Hand-made texts, none copied from a benchmark page."""

from __future__ import annotations

import datetime as dt

from newsmill.enrich.times.tagger import tag_times

PUB = dt.date(2023, 11, 15)


def _calendar(text: str, language: str, published: dt.date = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_times(text, language, published) if t.value[:1].isdigit()]


def test_a_list_repeats_the_day_the_story_gave_and_continues_its_year() -> None:
    text = ("The band will start the tour on June 4, 2024 in Austin.\n\n"
            + "Several more paragraphs follow about the band. " * 30
            + "\n\nThe band's dates:\nJune 4 -- Austin, TX\nJune 9 -- Dallas, TX\nJuly 2 -- Denver, CO\n")
    got = dict(_calendar(text, "en"))
    assert got["June 4"] == "2024-06-04"
    assert got["July 2"] == "2024-07-02"


def test_a_heading_year_carries_to_the_list_under_it() -> None:
    text = "Die Tour im Jahr 2024 wurde bestätigt:\n9. Juni – Köln, Arena\n12. Juni – Hamburg, Halle\n"
    assert _calendar(text, "de")[1:] == [("9. Juni", "2024-06-09"), ("12. Juni", "2024-06-12")]


def test_a_list_runs_over_the_new_year_and_back() -> None:
    up = "Dates:\nDec. 28 -- Boston\nJan. 3 -- Chicago\n"
    assert dict(_calendar(up, "en", dt.date(2024, 2, 1))) == {"Dec. 28": "2024-12-28", "Jan. 3": "2025-01-03"}
    # a descending chronicle, newest first, told in the past
    down = "Timeline:\nJan. 9 -- The council voted.\nDec. 12 -- The council met.\n"
    assert dict(_calendar(down, "en", dt.date(2024, 2, 1))) == {"Jan. 9": "2024-01-09", "Dec. 12": "2023-12-12"}


def test_a_verbless_list_is_a_schedule_of_days_to_come() -> None:
    text = "Tour dates:\nJune 9 -- West Park, FL\nJune 12 -- Tampa, FL\n"
    assert dict(_calendar(text, "en")) == {"June 9": "2024-06-09", "June 12": "2024-06-12"}


def test_a_list_told_in_the_past_stays_in_the_past() -> None:
    text = "What happened:\nJune 9 -- Protesters gathered in the square.\nJune 12 -- Police cleared it.\n"
    assert dict(_calendar(text, "en")) == {"June 9": "2023-06-09", "June 12": "2023-06-12"}


def test_a_date_in_a_paragraph_is_no_list_item() -> None:
    # a long line that opens with a date is a paragraph: tense decides, as before
    text = ("June 9 was the day the council met to decide on the new budget, which took many hours of "
            "debate, several votes and a long night of negotiations between the parties, the mayor and "
            "the unions, and it ended without agreement.")
    assert dict(_calendar(text, "en"))["June 9"] == "2023-06-09"


def test_the_same_day_far_from_the_publication_is_another_day() -> None:
    text = "Am 9. November 1989 fiel die Mauer.\n\n" + "Die Stadt hat sich verändert. " * 40 + \
        "\n\nAm 9. November gedenkt die Stadt der Opfer."
    assert _calendar(text, "de")[-1] == ("9. November", "2023-11-09")


def test_a_present_schedule_is_the_coming_occurrence() -> None:
    pub = dt.date(2019, 11, 19)
    assert dict(_calendar("The tour kicks off June 9 in Austin.", "en", pub)) == {"June 9": "2020-06-09"}
    assert dict(_calendar("Die Tournee startet am 9. Juni in Köln.", "de", pub)) == {"9. Juni": "2020-06-09"}
    # told in the past, or no schedule: as before
    assert dict(_calendar("The tour started June 9 in Austin.", "en", pub)) == {"June 9": "2019-06-09"}
    assert dict(_calendar("Die Studie vom 9. Juni zeigt einen Anstieg.", "de", pub)) == {"9. Juni": "2019-06-09"}
