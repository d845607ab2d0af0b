"""Handlers for expressions that count from a reference: "vergangene Woche", "drei Tage später",
"vor 75 Jahren", "im Vorjahr", "am selben Tag"."""

from __future__ import annotations

import datetime as dt
import re

from newsmill.enrich.times.anchor import EXPLICIT_REACH, EXPLICIT_REACH_ACROSS, local_tense
from newsmill.enrich.times.calendar import (
    Point,
    add_days,
    add_months,
    fmt_date,
    fmt_point,
    fmt_week,
    fmt_year,
    parse_point,
)
from newsmill.enrich.times.normalise import UNKNOWN_DAY, Job
from newsmill.enrich.times.quoted import inside_quotation


def _calendar_shift(point: Point, day: dt.date | None, unit: str, n: int) -> str | None:
    """The calendar unit ``n`` units from the one containing the reference ("nächste Woche")."""
    if unit == "Y":
        return fmt_year(point.year + n)
    if unit == "M" and point.month is not None:
        return fmt_point(Point(*add_months(point.year, point.month, n)))
    if unit in ("W", "WE") and day is not None:
        shifted = add_days(day, 7 * n)
        return None if shifted is None else fmt_week(shifted) + ("-WE" if unit == "WE" else "")
    if unit == "D" and day is not None:
        shifted = add_days(day, n)
        return None if shifted is None else fmt_date(shifted)
    if unit == "DE":
        return f"{point.year // 10 + n:03d}"
    if unit == "CE":
        return f"{point.year // 100 + n:02d}"
    if unit in ("Q", "HY") and point.month is not None:
        size = 3 if unit == "Q" else 6
        index = (point.year * 12 + point.month - 1) // size + n
        per_year = 12 // size
        return f"{fmt_year(index // per_year)}-{'Q' if unit == 'Q' else 'H'}{index % per_year + 1}"
    return None


def _distance_shift(point: Point, day: dt.date | None, unit: str, n: float) -> str | None:
    """The point ``n`` units of time away ("drei Tage später", "vor 75 Jahren")."""
    if unit == "Y" or (unit in ("M", "W", "D") and point.month is None):
        return fmt_year(point.year + round(n)) if unit == "Y" else fmt_year(point.year)
    if unit == "M":
        if day is not None and n.is_integer():
            y, m = add_months(day.year, day.month, int(n))
            return fmt_point(Point(y, m))
        assert point.month is not None
        return fmt_point(Point(*add_months(point.year, point.month, round(n))))
    if unit in ("W", "D"):
        if day is None:
            return fmt_point(Point(point.year, point.month))
        shifted = add_days(day, round(n * (7 if unit == "W" else 1)))
        return None if shifted is None else fmt_date(shifted)
    if unit == "DE":
        return fmt_year(point.year + round(10 * n))
    if unit == "CE":
        return fmt_year(point.year + round(100 * n))
    return fmt_date(day) if day is not None else None


def _base(job: Job, deictic: bool, reported: bool = False) -> tuple[Point | None, dt.date | None]:
    """The point and day counted from; with ``reported``, a day still to come that a past clause
    cannot be on is replaced by the report's day ("Die Wahl ist am 18. September. … Der Kanzler
    nahm am Abend Stellung", "announced over the weekend"). Not for a demonstrative ("an diesem
    Tag", "am selben Tag"), which names the day the story gave, whatever its tense."""
    point, day = job.ref.base_point(deictic), job.ref.base_day(deictic)
    dct = job.ref.dct
    if reported and not deictic and not job.ref.narrative and day is not None and dct is not None \
            and day > dct and job.tense < 0:
        return Point(dct.year, dct.month, dct.day), dct
    return point, day


def _year_written_last(job: Job, across: bool = False) -> Point | None:
    """In news, the year the text wrote last in this paragraph, if after the story's point: "1972
    hatten … und bereits ein Jahr später", "in Hessen 2013 …, bei der im selben Jahr …" count
    from a year in passing, which does not move the story's point. With ``across`` (an anaphor
    that can only count from a year of the story: "im Jahr zuvor", "a year later"), also from
    the paragraphs just before ("wurde 2015 gegründet.\n\nIm Jahr zuvor …")."""
    ref = job.ref
    if ref.narrative or ref.last_year is None:
        return None
    year, at = ref.last_year
    paragraph = "\n\n" not in job.text[at:job.span[0]]
    if not (job.span[0] - at <= EXPLICIT_REACH and paragraph) and not (
            across and job.span[0] - at <= EXPLICIT_REACH_ACROSS):
        return None
    if ref.told and ref.point_at >= at:
        return None
    return Point(year)


def _coarse_story_point(job: Job) -> bool:
    """The story's last point, written by the text in this paragraph, is a month or a year."""
    ref = job.ref
    point = ref.point
    return ref.told and point is not None and point.day is None and ref.point_at >= ref.day_at \
        and "\n\n" not in job.text[ref.point_at:job.span[0]] and job.span[0] - ref.point_at <= EXPLICIT_REACH


def _story_day(job: Job) -> bool:
    """"that day", "am selben Tag", "later that evening" point back to a day: in news, the story
    must have told one, and as the last point it told ("18 years ago – on the same day" names a
    day of that year the reader is not given). Narrative text always has its reference day."""
    ref = job.ref
    if ref.narrative:
        return True
    return ref.day is not None and ref.point is not None and ref.point.date() == ref.day


def _no_story_day(job: Job) -> bool:
    """News that has given no day yet. A day after a day of the story ("am nächsten Tag", "Tags
    darauf", "two days later") then lies after an event the reader is not told the day of, not
    after the publication ("Die Polizei nahm ihn fest. Am nächsten Tag …"); a day before one
    ("am Tag zuvor") is the report's eve, as news tells of its own day unless it says otherwise."""
    return not job.ref.narrative and job.ref.day is None


def _final_of(job: Job) -> bool:
    word = job.groups.get("rel", "").lower()
    final = job.tables.final_of
    if word not in final.get("words", frozenset()):
        return False
    after = job.text[job.span[1]:job.span[1] + 12].split()
    return bool(after) and after[0].lower() in final.get("after", frozenset())


def _story_told(job: Job, unit: str) -> bool:
    """"that day", "later that month", "the same year" point back to a point the story told: a
    day for days and weeks, a month for months, a year for years; else there is none to count from."""
    if unit in ("D", "W"):
        return _story_day(job)
    ref = job.ref
    if ref.narrative or unit not in ("M", "Y"):
        return True
    told = ref.written_point if ref.told else None
    if unit == "Y" and _year_written_last(job, across=True) is not None:
        return True
    return told is not None and (unit == "Y" or told.month is not None)


def relunit(job: Job) -> str | None:
    g = job.groups
    unit = job.lex("UNIT", "unit")
    part_unit = job.lex("PART", "unit")
    if "part" in g or isinstance(part_unit, str):
        return _part_of_day(job, part_unit)
    if not isinstance(unit, str):
        return None
    rel = job.lex("REL", "rel")
    rela = job.lex("RELA", "rela")
    post = job.lex("POST", "post")
    if "unit" in g and g["unit"].lower() in job.tables.unit_plural:
        return f"PX{unit}" if unit not in ("H", "MIN") else f"PTX{unit}"
    if rel is None and rela == 0 and post is None and not _story_told(job, unit):
        return None
    if rel is None and rela == 0 and post is None and unit in ("D", "W") and job.tables.quoted_deictic_undated \
            and not job.ref.narrative and inside_quotation(job.text, job.span[0]):
        # "“We've never had demand that we saw that day,” Mayer said": the speaker's day, which
        # the story around the quotation need not have told last
        return UNKNOWN_DAY
    if _final_of(job):
        return None  # "im letzten Jahr der Prämie", "the last week of the season": a final one, not the past
    ahead = (rel if isinstance(rel, int) else (rela if isinstance(rela, int) else 0)) \
        + (post if isinstance(post, int) else 0)
    if unit == "D" and ahead > 0 and _no_story_day(job) and g.get("rel", "").lower() not in job.tables.deictic_rel:
        return UNKNOWN_DAY
    # "an diesem Tag", "am nächsten Tag" after a day the story gives count from that day
    deictic = isinstance(rel, int) and (g.get("rel", "").lower() in job.tables.deictic_rel
                                        or not (unit == "D" and job.ref.day is not None))
    n = rel if isinstance(rel, int) else (rela if isinstance(rela, int) else 0)
    if isinstance(post, int):
        n += post
    point, day = _base(job, deictic, reported=unit in ("W", "WE"))
    if unit == "Y" and not deictic and (last := _year_written_last(job, across=True)) is not None:
        point = last
    if rel is None and rela is None and post is None and not job.ref.narrative and unit in ("Y", "M"):
        # "before the end of the year", "Ende des Monats" in news: the story's year when it wrote one
        # in this paragraph ("In 2015 … by the end of the year"), else the current one; not a year
        # counted long before ("four years ago" two paragraphs up)
        told = job.ref.story_point(job.text, job.span[0])
        dct = job.ref.dct
        point = told if told is not None else (Point(dct.year, dct.month, dct.day) if dct else None)
    if point is None:
        return ""
    if unit == "WE" and rel is None and rela is None and day is not None and job.tense < 0 and day.weekday() < 5:
        n = -1  # "am Wochenende hatten …" written on a weekday: the weekend just past
    if unit == "WE" and n == 1 and day is not None and day.weekday() < 5 \
            and g.get("rel", "").lower() in job.tables.nearest_rel:
        n = 0  # "am kommenden Wochenende" written on a Thursday: the weekend two days on
    return _calendar_shift(point, day, unit, n)


def _part_of_day(job: Job, part_unit: object) -> str | None:
    """"am Abend", "am nächsten Morgen", "Morgen darauf", "Nachmittag desselben Tages"."""
    rela = job.lex("RELA", "rela")
    post = job.lex("POST", "post")
    if rela == 0 and post is None and not _story_day(job):
        return None
    n = (rela if isinstance(rela, int) else 0) + (post if isinstance(post, int) else 0)
    if n > 0 and _no_story_day(job):
        return UNKNOWN_DAY  # "am nächsten Morgen" with no day of the story before it
    base = _base(job, deictic=False, reported=rela is None and post is None)[1]
    day = add_days(base, n) if base else None
    if day is None:
        return ""
    code = part_unit if isinstance(part_unit, str) else job.lex("PART", "part")
    suffix = f"T{code}" if job.part_of_day and isinstance(code, str) else ""
    return fmt_date(day) + suffix


def _of_event(job: Job) -> bool:
    """An anaphoric day followed by the event it is counted from ("Vorabend der Wahl")."""
    pattern = job.tables.event_of
    m = pattern.match(job.text, job.span[1]) if pattern is not None else None
    return m is not None and job.text[m.end():m.end() + 1].isupper()


def compound(job: Job) -> str | None:
    spec = job.lex("COMPOUND", "compound")
    if not isinstance(spec, list) or len(spec) not in (2, 3):
        return None
    unit, n = str(spec[0]), int(spec[1])
    if spec[2:] == ["narrative"]:
        if not job.ref.narrative:
            return None  # "binnen Jahresfrist" in news: within a year from now, a span, no date
        spec = spec[:2]
    if spec[2:] == ["anaphoric"] and not job.ref.narrative and _of_event(job):
        # "am Vorabend der Wahl", "am Vortag des Gipfels": the day before an event the phrase
        # names, not before a day the story gave
        return UNKNOWN_DAY
    if spec[2:] == ["anaphoric"] and not job.ref.narrative and _coarse_story_point(job):
        # "Im März 2021 wurde er festgenommen. Am Vortag …": the day before a day the story did
        # not give; neither the publication's eve nor an older day of the text
        return None
    if spec[2:] == ["anaphoric"] and n > 0 and _no_story_day(job):
        return UNKNOWN_DAY  # "Am Folgetag" with no day of the story before it
    # "Vortag", "Folgetag": the day before or after the day the story is at, not the publication
    point, day = _base(job, deictic=spec[2:] != ["anaphoric"])
    if not spec[2:] and n != 0 and not job.ref.narrative:
        # "2019 stieg der Umsatz … Im Vorjahr …": the year before the one the story just gave
        told = job.ref.story_point(job.text, job.span[0])
        if told is not None and (unit == "Y" or told.month is not None):
            point, day = told, job.ref.day
        elif unit == "Y" and (last := _year_written_last(job)) is not None and job.ref.dct is not None \
                and last.year <= job.ref.dct.year:
            # "meldete für 2022 einen Gewinn. Im Vorjahr …": a year in passing is the story's year
            # too; not one still to come ("soll bis 2030 … Im Vorjahr" counts from the publication)
            point = last
    return "" if point is None else _calendar_shift(point, day, unit, n)


def _duration(unit: str, num: float | str) -> str:
    n = f"{num:g}" if isinstance(num, float) else str(num)
    return f"PT{n}{'M' if unit == 'MIN' else unit}" if unit in ("H", "MIN") else f"P{n}{unit}"


# Characters before an offset searched for an approximation word the rule left out ("barely a week ago").
APPROXIMATE_CHARS = 24


def _approximate_before(job: Job, approximate: re.Pattern[str]) -> bool:
    start = job.span[0]
    return any(m.end() == start for m in approximate.finditer(job.text, max(0, start - APPROXIMATE_CHARS), job.span[1]))


def offset(job: Job) -> str | None:
    unit = job.lex("UNIT", "unit")
    num = job.number("num")
    if not isinstance(unit, str) or num is None:
        return None
    sign_spec = job.lex("SIGN", "sign")
    post = job.lex("POST", "post")
    if isinstance(sign_spec, list):
        sign, deictic = int(sign_spec[0]), sign_spec[1] == "deictic"
    elif isinstance(post, int):
        sign, deictic = post, False
    else:
        return None
    approximate = job.tables.approximate
    if isinstance(num, str) or (not job.ref.narrative and approximate is not None
                                and (approximate.search(job.text, job.span[0], job.span[1])
                                     or _approximate_before(job, approximate))):
        # "vor einigen Tagen", "nearly five years ago": a direction, not a date (TIMEX3 would
        # need a mod; the record has none, so the value stays vague)
        return "FUTURE_REF" if sign > 0 else "PAST_REF"
    if deictic and sign > 0 and not job.ref.narrative \
            and local_tense(job.text, job.span[0], job.span[1], job.tables) < 0:
        # "legte in vier Tagen 80 Kilometer zurück", "walked 80 km in four days": told in the
        # past, "in four days" is how long it took, not a day still to come
        return _duration(unit, num)
    if unit == "MIN" and not job.ref.narrative:
        # "zehn Minuten später", "minutes earlier": a moment of the day the story is at, which
        # news gives by no more than the minutes; not a date to count
        return UNKNOWN_DAY
    last = _year_written_last(job, across=True) if unit == "Y" and not deictic else None
    if isinstance(sign_spec, list) and not deictic and not job.ref.narrative and not job.ref.told and last is None:
        # "nach drei Tagen", "after 12 years" in news with no date of the story to count from:
        # the length of a wait, not a day after the publication
        return _duration(unit, num)
    if isinstance(post, int) and post > 0 and not isinstance(sign_spec, list) and not job.ref.narrative and (
            (unit in ("D", "W") and job.ref.day is None) or (unit in ("M", "Y") and not job.ref.told and last is None)):
        # "zwei Tage später", "a year later" with no day (or point) of the story before: counted
        # from a point the reader is not told, not from the publication
        return UNKNOWN_DAY
    point, day = _base(job, deictic)
    if last is not None:
        point = last
    if point is None:
        return ""
    value = _distance_shift(point, day, unit, sign * float(num))
    if unit == "W" and value is not None and not job.ref.narrative and (shifted := parse_point(value)):
        # news (TIMEX3): "vor zwei Wochen" has the granularity of its unit, a week, as "vor zwei
        # Jahren" is a year; WikiWarsDE's TIMEX2 narrative gold keeps the day
        when = shifted.date()
        return fmt_week(when) if when is not None else value
    return value
