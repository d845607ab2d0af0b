"""From a matched rule's groups to a TIMEX2/TIMEX3-style value; language knowledge comes from the
tables, reference times from ``anchor``. A handler returns the value, "" when the expression
is relative and nothing anchors it, or None when the match is not a time expression after all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from newsmill.enrich.times.anchor import (
    EXPLICIT_REACH_ACROSS,
    Reference,
    local_tense,
    past_verb_in_clause,
    present_passives,
    schedule_line,
    sentence_span,
    tense_at,
)
from newsmill.enrich.times.calendar import (
    Point,
    add_days,
    expand_two_digit_year,
    fmt_date,
    fmt_point,
    fmt_year,
    holiday_date,
    week_monday,
    weekday_near,
)
from newsmill.enrich.times.quoted import inside_quotation
from newsmill.enrich.times.tables import TimeTables

Groups = dict[str, str]
DURATION_UNITS = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "DE": "DE", "CE": "CE",
                  "WE": "WE", "Q": "Q", "HY": "HY"}
_TIME_UNITS = ("H", "MIN")
# TIMEX3's unspecified date, the day part of a clock time that no date in the text fixes.
UNKNOWN_DAY = "XXXX-XX-XX"


@dataclass
class Job:
    """What a handler needs: the groups, the tables, the reference time, tense and options."""

    groups: Groups
    tables: TimeTables
    ref: Reference
    text: str
    span: tuple[int, int]
    part_of_day: bool
    _tense: int | None = None

    @property
    def tense(self) -> int:
        """-1 past, +1 future, 0 unknown; looked up only for expressions that need it."""
        if self._tense is None:
            start = self.span[0]
            words = self.text[start:self.span[1]].split()
            since = self.tables.past_before
            if since is not None and (since.search(self.text[max(0, start - 16):start])
                                      or (len(words) > 1 and since.search(words[0] + " "))):
                self._tense = -1  # "seit März", "since March 3": what has begun is past
            elif _moved_to(self):
                self._tense = 1
            else:
                self._tense = tense_at(self.text, start, self.span[1], self.tables)
        return self._tense

    def lex(self, table: str, group: str) -> object:
        word = self.groups.get(group)
        return None if word is None else self.tables.lookup(table, word)

    def number(self, group: str) -> float | str | None:
        word = self.groups.get(group)
        if word is None:
            return None
        word = word.rstrip("-")
        if word.isdigit():
            return int(word)
        value = self.tables.lookup("NUM", word)
        if value is None:
            value = self.tables.lookup("VAGUE", word)  # "vor wenigen Tagen": X
        return value if isinstance(value, (int, float, str)) else None

    def part_suffix(self) -> str:
        if not self.part_of_day:
            return ""
        for name, table in (("part", "PART"), ("part_b", "PART"), ("part", "PARTSUFFIX")):
            code = self.lex(table, name)
            if isinstance(code, str):
                return "T" + code
        return ""

    def clock(self, day: str) -> str:
        hour = self.groups.get("hour")
        if hour is None:
            return day + self.part_suffix()
        minute = self.groups.get("minute") or self.groups.get("minute_b") or "00"
        h = self.hour()
        return f"{day}T{h:02d}:{minute}" if h is not None else day

    def hour(self) -> int | None:
        """The 24-hour clock hour of the hour group ("8 p.m." -> 20), None when out of range."""
        word = self.groups["hour"]
        clock_word = self.lex("CLOCKWORD", "hour")
        hour = int(word) if word.isdigit() else (clock_word if isinstance(clock_word, int) else 99)
        shift = self.lex("AMPM", "ampm")
        if isinstance(shift, int):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + shift
        return hour if hour <= 24 else None


def _moved_to(job: Job) -> bool:
    """The expression is where a thing was moved to in time ("auf den 28. November vertagt",
    "postponed until March 3"): ahead of the report, whatever its tense."""
    before, verbs = job.tables.moved_to, job.tables.moved_verbs
    start, end = job.span
    if before is None or verbs is None or not before.search(job.text, max(0, start - 16), start):
        return False
    lo, hi = sentence_span(job.text, start, end)
    return verbs.search(job.text, lo, hi) is not None


def _year(job: Job) -> int | None:
    """The year written or implied by the year groups, or None when none is given."""
    g = job.groups
    written = g.get("year") or g.get("year_b") or g.get("year_c")
    if written is not None:
        year = int(written)
        if "bc" in g and job.lex("BC", "bc") == -1:
            year = -year
        elif len(g.get("year") or "") == 2 and "monthnum" in g:
            near = job.ref.point.year if job.ref.point else 1950
            year = expand_two_digit_year(year, near)
        return year
    if "yearshort" in g:
        near = job.ref.point.year if job.ref.point else 1950
        return expand_two_digit_year(int(g["yearshort"].lstrip("'")), near)
    shift = job.lex("COMPOUND", "yearword")
    if isinstance(shift, list) and shift[:1] == ["Y"]:
        # "im April des Vorjahres": the month of the year before the story's (or publication's)
        base = job.ref.story_point(job.text, job.span[0]) or job.ref.base_point(True)
        return base.year + int(shift[1]) if base else None
    rel = job.lex("RELA", "rela")
    deictic = rel is None
    if rel is None:
        rel = job.lex("REL", "rela") if "rela" in g else job.lex("REL", "relyear")
    if isinstance(rel, int):
        base = job.ref.base_point(deictic)
        return base.year + rel if base else None
    return None


# A date without a year more than this many days after the publication date, in a past-tense
# clause, is last year's ("Am 28. Dezember hatte …" published on 2 January); closer ones stay in
# the publication year (deadlines and schedules reported in the past tense: "gab bekannt, dass
# … bis zum 30. März"). The same, mirrored, for the future tense.
TENSE_SHIFT_DAYS = 30
HALF_YEAR_DAYS = 183
YEAR_DAYS = 365
HALF_YEAR_MONTHS = 6


def _underspecified_year(job: Job, month: int, day: int | None) -> int | None:
    """The year of a date written without one: in narrative the reference year; in news the year
    of a full date just before in the same paragraph, else the publication year moved by tense."""
    ref = job.ref
    if ref.narrative or ref.dct is None:
        return ref.point.year if ref.point else None
    listed = None if day is None else ref.listed_year(job.text, job.span[0], month, day)
    if listed is not None:
        return listed
    if ref.explicit_since and local_tense(job.text, job.span[0], job.span[1], job.tables) >= 0:
        return tense_year(ref.dct, month, day, job.tense)
    explicit = ref.explicit_year(job.text, job.span[0])
    if explicit is None and day is not None:
        explicit = ref.same_day(month, day)
    if explicit is None:
        # past narration continues the story's year, a schedule its coming year ("kicks off June
        # 9, 2020 … ¶ … the final date on the tour, Oct. 10"); only a later month continues it
        # ("since July 2013" is where a state began: no story told in that year to continue)
        explicit = None if ref.explicit_since else ref.explicit_year(job.text, job.span[0], across=True)
        em = ref.explicit_month
        ahead = explicit is not None and explicit > ref.dct.year and job.tense >= 0
        back = explicit is not None and job.tense < 0 and dt.date(explicit, month, min(day or 1, 28)) <= ref.dct
        if explicit is not None and (em is None or month < em or not (ahead or back)):
            explicit = None
    if explicit is not None and explicit > ref.dct.year and job.tense < 0 \
            and dt.date(explicit, month, min(day or 1, 28)) > ref.dct:
        explicit = None  # "ab dem 1. Januar 2013 … am 28. Dezember bekannt gegeben": a past clause is not ahead
    if explicit is not None and explicit == ref.dct.year + 1 and day is not None \
            and 0 <= (dt.date(ref.dct.year, month, min(day, 28)) - ref.dct).days <= TENSE_SHIFT_DAYS:
        # "bis zum 1. Januar 2009 … bis zum 28. Dezember" written on 23 December: a day just
        # ahead in this year comes before the next year's date, it does not continue it
        return ref.dct.year
    if explicit is not None:
        # "seit November 2020 … Im März erklärte …": told in the past, an earlier month after a
        # later one is the next year's, if that is not after the publication
        em = ref.explicit_month
        if em is not None and month < em and job.tense < 0 and dt.date(explicit + 1, month, min(day or 1, 28)) <= ref.dct:
            return explicit + 1
        return explicit
    tense = job.tense
    if tense < 0 and (until := _until_ahead(job, month, day)) is not None:
        return until
    if tense == 0 and day is not None and schedule_line(job.text, job.span[0]):
        tense = 1  # a list of days that are no sentences is a schedule (tour dates, fixtures): days to come
    if tense == 0 and _scheduled(job):
        tense = 1  # "The tour kicks off June 9", written in November: next June
    return tense_year(ref.dct, month, day, tense)


# A month that ends a stretch ("bis Mitte Juni") reported in the past tense may lie this many days ahead.
UNTIL_AHEAD_DAYS = 92


def _until_ahead(job: Job, month: int, day: int | None) -> int | None:
    """"hat die Räumungen bis Mitte Juni ausgesetzt" written in April: the end of a stretch set
    in the past, a few months ahead, is the coming one (this year's or, over a new year, the
    next), not last year's. Returns its year, or None."""
    until, dct = job.tables.until_before, job.ref.dct
    if until is None or dct is None or day is not None:
        return None  # a day keeps the tense's reading ("Until Feb. 3 he had waited")
    start = job.span[0]
    first = job.text[start:job.span[1]].split(" ")[0]
    if not (until.search(job.text, max(0, start - 16), start) or until.search(first + " ")):
        return None
    for year in (dct.year, dct.year + 1):
        if 0 < (dt.date(year, month, 15) - dct).days <= UNTIL_AHEAD_DAYS:
            return year
    return None


def _scheduled(job: Job) -> bool:
    """The expression's sentence speaks of a schedule (a tour, a start, tickets): a present tense
    there is the coming occurrence."""
    schedule = job.tables.schedule
    if schedule is None:
        return False
    lo, hi = sentence_span(job.text, job.span[0], job.span[1])
    return schedule.search(job.text, lo, hi) is not None


def _weekday_year(job: Job, year: int, month: int, day: int | None) -> int:
    """"Friday, Dec. 6" without a year: of the guessed year and the publication's year the one
    whose 6 December is a Friday."""
    weekday = job.lex("WEEKDAY", "weekday")
    dct = job.ref.dct
    if not isinstance(weekday, int) or day is None or dct is None:
        return year
    for candidate in (year, dct.year, dct.year + 1, dct.year - 1):
        point = Point(candidate, month, day).date()
        if point is not None and point.weekday() == weekday:
            return candidate
    return year


def tense_year(dct: dt.date, month: int, day: int | None, tense: int) -> int:
    """The year of a day-month (or, with ``day`` None, a month) in a clause of ``tense``."""
    if day is None:
        # a whole month: one still to come told in the past is last year's ("Im Dezember hatte
        # …" in November), one gone by told in the future is next year's
        if tense < 0 and month > dct.month:
            return dct.year - 1
        if tense > 0 and month < dct.month:
            return dct.year + 1
        if tense == 0 and dct.month - month > HALF_YEAR_MONTHS:
            return dct.year + 1  # "Im Januar steigen die Preise" written in November
        return dct.year
    delta = (dt.date(dct.year, month, min(day, 28)) - dct).days
    if tense < 0 and delta > TENSE_SHIFT_DAYS:
        return dct.year - 1
    if tense > 0 and delta < -TENSE_SHIFT_DAYS:
        return dct.year + 1
    # no tense: a present, which news writes for what is scheduled ("the tour picks up February
    # 7th", "Am 3. Oktober feiert …"): a day more than half a year gone is next year's
    if tense == 0 and delta < -HALF_YEAR_DAYS:
        return dct.year + 1
    if tense == 0 and delta > YEAR_DAYS - TENSE_SHIFT_DAYS:
        return dct.year - 1  # "verweisen auf einen Anschlag am 31. Dezember" on 5 January: days ago, not next December
    return dct.year


def date(job: Job) -> str | None:
    g = job.groups
    month_v = job.lex("MONTH", "month") or job.lex("MONTH", "month_b") or job.lex("MONTHEN", "month_en")
    month = month_v if isinstance(month_v, int) else (int(g["monthnum"]) if "monthnum" in g else None)
    day = int(g["day"]) if "day" in g else None
    year = _year(job)
    if month is None:
        return fmt_year(year) if year is not None else None
    if year is None:
        year = _underspecified_year(job, month, day)
        if year is None:
            return ""
        year = _weekday_year(job, year, month, day)
    if day is None:
        return fmt_point(Point(year, month))
    point = Point(year, month, day)
    if point.date() is None and year > 0:
        return None  # 31. Februar: not a date
    return job.clock(fmt_point(point))


def season(job: Job) -> str | None:
    code = job.lex("SEASON", "season")
    year = _year(job)
    rel = job.lex("REL", "rel")
    if year is None and isinstance(rel, int):
        base = job.ref.base_point(True)
        year = base.year + rel if base else None
    shift = job.lex("COMPOUND", "yearword")
    if year is None and isinstance(shift, list):
        # "im Herbst des Vorjahres": the season of the year before the story's (or publication's)
        base = job.ref.story_point(job.text, job.span[0]) or job.ref.base_point(True)
        year = base.year + int(shift[1]) if base else None
    if year is None:
        if job.ref.narrative:
            year = job.ref.point.year if job.ref.point else None
        elif job.tense == 0 or (job.tense > 0 and _only_modal_future(job)):
            # "Island lockt auch im Winter", "Im Winter haben Wildtiere …": a season in a clause
            # with no tense is every such season; a news report's own season is told in the past
            # or the future ("im Herbst hatte …", "im Sommer wird gebaut"). A present modal or
            # passive is no future ("was im Winter Folgen haben kann", "die im Herbst befallen werden").
            return None
        elif job.ref.dct is not None:
            year = _season_year(job.ref.dct, code, job.tense)
    return "" if year is None else f"{fmt_year(year)}-{code}"


def _asked_in_general(job: Job) -> bool:
    """A question with no tense but a present modal's: asked of every such day."""
    lo, hi = sentence_span(job.text, job.span[0], job.span[1])
    question = job.text[lo:hi].rstrip().endswith("?") or job.text[hi:hi + 1] == "?"
    return question and (job.tense == 0 or (job.tense > 0 and _only_modal_future(job)))


def _only_modal_future(job: Job) -> bool:
    """The future of the season's sentence is a present modal or passive only: without them its
    sentence has no tense, or its own clause has none and the sentence's other tense is a past
    ("hat sich … erhöht, was gerade im Winter … Auswirkungen haben kann")."""
    start, end = job.span
    neutral = job.tables.nowadays_modal | present_passives(job.text, start, end, job.tables)
    sentence = tense_at(job.text, start, end, job.tables, neutral)
    return sentence == 0 or (sentence < 0 and local_tense(job.text, start, end, job.tables, neutral) == 0)


# The months of the seasons that lie within one calendar year (winter spans two: left as it is).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


def _season_year(dct: dt.date, code: object, tense: int) -> int:
    """"Im Sommer wird gebaut" written in November is next summer; "im Herbst hatte …" written
    in May, last autumn."""
    months = _SEASON_MONTHS.get(code) if isinstance(code, str) else None
    if months is None:
        return dct.year
    first, last = months
    if tense > 0 and dct.month > last:
        return dct.year + 1
    if tense < 0 and dct.month < first:
        return dct.year - 1
    return dct.year


def century(job: Job) -> str | None:
    n = int(job.groups["cent"])
    if n < 1:
        return None
    bc = "bc" in job.groups and job.lex("BC", "bc") == -1
    return f"BC{n - 1:02d}" if bc else f"{n - 1:02d}"


def decade(job: Job) -> str | None:
    if "decade" in job.groups:
        return job.groups["decade"]
    digit = int(job.groups["decadedigit"]) if "decadedigit" in job.groups else job.lex("DECADEWORD", "decadeword")
    point = job.ref.point
    if not isinstance(digit, int) or point is None:
        return ""
    century = point.year // 100
    if not job.ref.narrative and century * 100 + digit * 10 > point.year:
        # news: "die achtziger Jahre", "the '90s" written in 2006 are the latest such decade that
        # has begun (a narrative keeps its story's century: "die zwanziger Jahre" told of 1914)
        century -= 1
    return f"{century:02d}{digit}"


def isoweek(job: Job) -> str | None:
    week = int(job.groups["week"])
    year = _year(job)
    if year is None:
        year = job.ref.dct.year if job.ref.dct else None
    if year is None or not 1 <= week <= 53:
        return "" if year is None else None
    return f"{year:04d}-W{week:02d}"


def half_or_quarter(prefix: str, limit: int) -> Callable[[Job], str | None]:
    def handler(job: Job) -> str | None:
        n = job.lex("ORDINAL", "ord") or job.lex("ORDINAL", "ord_b")
        if not isinstance(n, int) or not 1 <= n <= limit:
            return None
        year = _year(job)
        shift = job.lex("COMPOUND", "yearword")
        if year is None and isinstance(shift, list):
            # "im letzten Quartal des Vorjahres": of the year before the story's (or publication's)
            base = job.ref.story_point(job.text, job.span[0]) or job.ref.base_point(True)
            year = base.year + int(shift[1]) if base else None
        if year is None and _game_period(job):
            return None  # "24 points in the third quarter": a period of a game
        if year is None:
            # a bare quarter is in the year the text last wrote ("erstes Halbjahr 2019 … das
            # zweite Halbjahr"), not one it counted to ("gegenüber dem Vorjahr … dritten Quartal")
            # — nor one written pages before ("in 2008 … ¶ … ¶ the third quarter ended Sept. 29")
            written = job.ref.written_point if job.span[0] - job.ref.point_at <= EXPLICIT_REACH_ACROSS else None
            point = job.ref.base_point(False) if job.ref.narrative else (written or job.ref.base_point(True))
            year = point.year if point else None
            dct = job.ref.dct
            if year is not None and dct is not None and not job.ref.narrative and written is None:
                # counted from the publication, a quarter told ahead that has ended is next
                # year's ("soll Ende des ersten Quartals beginnen" in December), one told in the
                # past that has not begun last year's
                size = 12 // limit
                if job.tense > 0 and n * size < dct.month:
                    year += 1
                elif job.tense < 0 and (n - 1) * size + 1 > dct.month:
                    year -= 1
        return "" if year is None else f"{fmt_year(year)}-{prefix}{n}"

    return handler


def _game_period(job: Job) -> bool:
    """A sports cue ("points", "halftime", "scored") in the sentence of a bare half or quarter."""
    cues = job.tables.game_period
    if cues is None:
        return False
    text, (start, end) = job.text, job.span
    lo = max([m.end() for m in _SENTENCE_MARK.finditer(text, max(0, start - CONTRAST_WINDOW), start)],
             default=max(0, start - CONTRAST_WINDOW))
    stop = _SENTENCE_MARK.search(text, end, min(len(text), end + CONTRAST_WINDOW))
    return cues.search(text, lo, stop.start() if stop else min(len(text), end + CONTRAST_WINDOW)) is not None


def _weekday_date(job: Job) -> dt.date | None:
    weekday = job.lex("WEEKDAY", "weekday")
    base = job.ref.base_day(deictic=True)
    if not isinstance(weekday, int) or base is None:
        return None
    rel = job.lex("REL", "rel")
    if rel == -1 and not job.ref.narrative and job.groups["rel"].lower() in job.tables.last_weekday:
        # "last Tuesday", "am vergangenen Dienstag": the latest Tuesday before the day, unless
        # that is yesterday, which the writer would have called "yesterday" ("gestern"): said on
        # a Friday, three days before; said on a Wednesday, the Tuesday of the week before
        day = weekday_near(base, weekday, -1, strict=True)
        return None if day is None else (day if (base - day).days > 1 else add_days(day, -7))
    if isinstance(rel, int) and rel != 0:
        return weekday_near(base, weekday, rel, strict=True)
    if isinstance(rel, int):
        return add_days(week_monday(base), weekday)
    direction = job.tense if not job.ref.narrative else (job.tense or 1)
    start = job.span[0]
    before = job.text[max(0, start - INDEFINITE_CHARS):start].split()
    after_event = job.tables.after_event
    if direction == 0 and before and (before[-1].lower() in after_event
                                      or (len(before) > 1 and before[-2].lower() in after_event
                                          and before[-1].lower() in job.tables.articles)):
        # "hopes are slim after Monday night's loss", "feiert nach dem Montag wieder": what came after is past
        direction = -1
    if (_forward(job) or (job.tables.forward_before is not None
                          and job.tables.forward_before.search(job.text[max(0, start - INDEFINITE_CHARS):start]))) \
            and not past_verb_in_clause(job.text, start, job.span[1], job.tables):
        direction = 1  # "ab Montag gilt …"; not "so dass die Bahn ab Montag wieder im Einsatz war"
    told = job.ref.weekdays.get(weekday)
    if direction == 0 and told is not None and not job.ref.narrative:
        # no tense says which way: the same day as the article's earlier "Saturday" ("made a trip
        # on Saturday … Now consider the visit on Saturday"), not the next one
        return told
    day = weekday_near(base, weekday, -1 if direction < 0 else 1)
    if day is not None:
        job.ref.weekdays[weekday] = day
    return day


_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_][\w-]*) $")


def _surname(job: Job) -> bool:
    """A bare weekday right after a capitalised word that is no time word: a name ("Jerzy Montag",
    "dem Abgeordneten Montag"), as a German day after a noun comes with "am" or a verb between."""
    after = job.tables.weekday_name_after
    start, end = job.span
    if after is None or job.text[start:end] != job.groups.get("weekday"):
        return False
    before = _WORD_BEFORE.search(job.text, max(0, start - 40), start)
    if before is None or not before.group(1)[:1].isupper():
        return False
    word = before.group(1).lower()
    return word not in after and word not in job.tables.starters and word not in job.tables.triggers


def _forward(job: Job) -> bool:
    """The match itself opens with "ab"/"from" ("ab Montag")."""
    forward = job.tables.forward_before
    words = job.text[job.span[0]:job.span[1]].split()
    return forward is not None and len(words) > 1 and forward.search(words[0] + " ") is not None


# Characters before a weekday searched for an indefinite article ("an einem Dienstag").
INDEFINITE_CHARS = 12


def weekday(job: Job) -> str | None:
    indefinite = job.tables.indefinite_day
    if indefinite is not None and indefinite.search(job.text[max(0, job.span[0] - INDEFINITE_CHARS):job.span[0]]):
        return None  # "an einem Dienstagabend im März": some Tuesday, not one the reader can date
    if _surname(job):
        return None
    day = _weekday_date(job)
    return "" if day is None else job.clock(fmt_date(day))


def night_to(job: Job) -> str | None:
    """"in der Nacht zu Sonntag" is dated by the Sunday, as German reports write it ("in der
    Nacht zum Sonntag, 10. September") and as "in der Nacht zum 10. September" reads."""
    day = _weekday_date(job)
    return "" if day is None else fmt_date(day) + ("TNI" if job.part_of_day else "")


def deictic(job: Job) -> str | None:
    offset = job.lex("DEICTIC", "deictic")
    if not isinstance(offset, int):
        return None
    if _in_name(job) or _as_noun(job) or _quoted_alone(job):
        return None  # "USA Today", "im Heute", the paper “Heute”: a title or a noun, no time
    if offset == 1 and _figurative_future(job):
        return "FUTURE_REF"
    if job.ref.narrative and offset == 0:
        return "PRESENT_REF"
    if offset == 0 and "part" not in job.groups and " " not in job.groups["deictic"].strip() and _nowadays(job):
        return "PRESENT_REF"
    if job.tables.quoted_deictic_undated and not job.ref.narrative and inside_quotation(job.text, job.span[0]):
        return UNKNOWN_DAY  # said on a day the text need not give: a day, but no date to count from
    base = job.ref.base_day(deictic=True)
    day = add_days(base, offset) if base else None
    return "" if day is None else job.clock(fmt_date(day))


_PREVIOUS_WORD = re.compile(r"(\S+)\s+$")
_QUOTE_MARKS = "\"„“”»«‚‘’'"


def _figurative_future(job: Job) -> bool:
    """"die Mobilität von morgen", "the leaders of tomorrow": tomorrow after a noun and its
    preposition is the future, not the day after the publication."""
    table = job.tables.figurative_future
    start, end = job.span
    if not table or " " in job.text[start:end].strip():
        return False
    words = job.text[max(0, start - 40):start].split()
    after = job.text[end:end + 12].split()
    if len(words) < 2 or words[-1].lower() not in table.get("before", frozenset()):
        return False
    noun = words[-2].strip(_QUOTE_MARKS + ",;:()")
    if not noun.isalpha() or noun.lower() in table.get("not_after", frozenset()):
        return False
    if job.tables.capitalised_nouns and not noun[:1].isupper():
        return False
    nxt = after[0].strip(".,;:!?").lower() if after else ""
    return not job.text[end:end + 2].startswith(("'", "’")) and nxt not in table.get("not_before", frozenset())


def _as_noun(job: Job) -> bool:
    """German "im Heute", "das Heute": capitalised after an article or a fused preposition, the
    present as a noun, no day (the adverb never follows an article)."""
    start, end = job.span
    word = job.text[start:end]
    if not job.tables.capitalised_nouns or not word[:1].isupper() or " " in word.strip():
        return False
    before = _PREVIOUS_WORD.search(job.text, max(0, start - 20), start)
    prev = before.group(1).lower() if before else ""
    return prev in job.tables.articles or prev in job.tables.noun_contractions


def _quoted_alone(job: Job) -> bool:
    """The deictic word is all a quotation holds (the paper “Heute”, the show "Today"): a name."""
    start, end = job.span
    text = job.text
    return start > 0 and end < len(text) and text[start - 1] in _QUOTE_MARKS and text[end] in _QUOTE_MARKS


def _in_name(job: Job) -> bool:
    """A capitalised deictic word right after a capitalised word, inside a sentence: part of a
    name ("via USA Today"), not the day."""
    start, end = job.span
    word = job.text[start:end]
    if not word[:1].isupper() or " " in word.strip():
        return False
    before = _PREVIOUS_WORD.search(job.text, max(0, start - 40), start)
    prev = before.group(1) if before else ""
    return prev[:1].isupper() and prev[-1:].isalnum() and not _SENTENCE_MARK.search(job.text, max(0, start - 2), start)


# How far (characters) around "heute" a then/now contrast ("früher … heute") is looked for.
CONTRAST_WINDOW = 120
_SENTENCE_MARK = re.compile(r"[.!?]\s|\n")
_WORDS = re.compile(r"\w+")
_CLAUSE_MARK = re.compile(r"[,;:()–—]")
_ASIDE = re.compile(r"^\s*\([^()\n]{0,40}\)")


def _nowadays(job: Job) -> bool:
    """"heute"/"today" meaning nowadays, not the publication day: after "bis", "noch", "von",
    before "noch", "längst", or set against a past ("früher … heute"); never in a clause
    about the future ("noch heute soll …" is later today)."""
    tables, text = job.tables, job.text
    start, end = job.span
    before = text[max(0, start - 20):start].split()
    after = _ASIDE.sub("", text[end:end + 50], count=1)  # "heute (zu Recht) kaum noch …"
    lo = max(0, start - CONTRAST_WINDOW)
    marks = [m.end() for m in _SENTENCE_MARK.finditer(text, lo, start)]
    lo = marks[-1] if marks else lo
    stop = _SENTENCE_MARK.search(text, end, min(len(text), end + CONTRAST_WINDOW))
    hi = stop.start() if stop else min(len(text), end + CONTRAST_WINDOW)
    cued = bool(before and before[-1].lower() in tables.nowadays_before) \
        or bool(tables.nowadays_after and tables.nowadays_after.match(after)) \
        or bool(tables.nowadays_age and tables.nowadays_age.match(after)) \
        or bool(tables.nowadays_contrast and tables.nowadays_contrast.search(text, lo, hi)) \
        or bool(tables.nowadays_clause and tables.nowadays_clause.search(text, lo, hi)) \
        or _contrast_before(job, lo)
    # "kann ich mich bis heute nicht …", "can": a present modal says what is possible, no future
    tense = local_tense(text, start, end, tables, tables.nowadays_modal)
    if tables.nowadays_age and tables.nowadays_age.match(after):
        return True  # "die heute 46-Jährige soll … gezwungen worden sein": her age now, whatever the clause
    if cued:
        return tense <= 0
    if tense == 0 and _after_an_earlier_year(job):
        return True
    if before and before[-1].lower() in tables.nowadays_before_perfect:
        # "ist bereits heute … geworden"; "fällt schon heute" is today. The cue word itself
        # ("schon" is a past cue) is read as part of the expression, not as the clause's tense.
        cue_start = text.rfind(before[-1], 0, start)
        return local_tense(text, cue_start, end, tables) < 0
    stative = tables.nowadays_stative
    if stative is None or tense != 0:
        return False
    clause_lo = max([m.end() for m in _CLAUSE_MARK.finditer(text, lo, start)], default=lo)
    stop = _CLAUSE_MARK.search(text, end, hi)
    if stop is not None and not text[clause_lo:start].strip() and not text[end:stop.start()].strip():
        stop = _CLAUSE_MARK.search(text, stop.end(), hi)  # "Today, most people …": the clause it opens
    clause_hi = stop.start() if stop else hi
    return stative.search(text, clause_lo, clause_hi) is not None or _copula_state(job, clause_lo, clause_hi)


def _contrast_before(job: Job, sentence_start: int) -> bool:
    """"Damals war ich toleranter. Heute vergeht mir …": a sentence opened by the expression
    after one set in the past by a contrast word ("damals", "früher") is about nowadays."""
    contrast = job.tables.nowadays_contrast
    if contrast is None or job.text[sentence_start:job.span[0]].strip():
        return False
    lo = max(0, sentence_start - CONTRAST_WINDOW)
    marks = [m.end() for m in _SENTENCE_MARK.finditer(job.text, lo, max(lo, sentence_start - 2))]
    lo = marks[-1] if marks else lo
    return "\n\n" not in job.text[lo:sentence_start] and contrast.search(job.text, lo, sentence_start) is not None


# At most this many words between a copula and the "heute"/"today" it makes a state now.
COPULA_WORDS = 3


def _copula_state(job: Job, lo: int, hi: int) -> bool:
    """A present copula in the clause says what someone or something is now ("Heute ist er ein
    erfolgreicher Schauspieler", "may only be a concept today"), unless the clause names the day
    ("Heute ist Weltfrauentag", "today is the deadline") or holds another time."""
    tables = job.tables
    start, end = job.span
    found = [m for m in _WORDS.finditer(job.text, lo, hi) if not start <= m.start() < end]
    words = [m.group().lower() for m in found]
    # the copula close to the expression, with no quotation between ("zitiert heute den Tweet
    # „Wien ist …“" is an act of the day)
    near = [m for m in found if m.group().lower() in tables.nowadays_copula
            and len(job.text[min(m.end(), end):max(m.start(), start)].split()) <= COPULA_WORDS
            and not any(q in job.text[min(m.end(), end):max(m.start(), start)] for q in _QUOTE_MARKS)]
    if not near:
        return False
    return not any(w in tables.nowadays_copula_day or w.endswith(tables.nowadays_copula_day_suffix) or w[:1].isdigit()
                   for w in words)


# How far (characters) before "heute" a year written by the text sets a then against its now.
THEN_REACH = 300


def _after_an_earlier_year(job: Job) -> bool:
    """"hat sich 2006 geoutet. … Heute genießt er …", "war schon 1980 dagegen. Heute ist sie …":
    a present "heute" just after the text told of a year before the publication year is the now
    of a then/now contrast, not the publication day (an event of the day is told in the past or
    future: "Heute wurde …", "Heute soll …")."""
    ref, start = job.ref, job.span[0]
    if ref.last_year is None or ref.dct is None:
        return False
    year, at = ref.last_year
    return year < ref.dct.year and start - at <= THEN_REACH and "\n\n" not in job.text[at:start]


def holiday(job: Job) -> str | None:
    spec = job.lex("HOLIDAY", "holiday")
    if not isinstance(spec, str):
        return None
    year = _year(job)
    if year is not None or job.ref.narrative or job.ref.dct is None:
        if year is None:
            year = job.ref.point.year if job.ref.point else None
        day = holiday_date(spec, year) if year is not None else None
        return "" if day is None else fmt_date(day)
    dct = job.ref.dct
    day = holiday_date(spec, dct.year)
    rel = job.lex("REL", "rel")
    if rel is None and _asked_in_general(job):
        return None  # "Können Sie sich Weihnachten ohne Stollen vorstellen?": any Christmas
    if day is not None and isinstance(rel, int) and rel != 0:
        # "last Christmas": the latest one before publication; "next Christmas": the first after
        year = dct.year - (day >= dct) if rel < 0 else dct.year + (day <= dct)
        day = holiday_date(spec, year)
    elif day is not None:
        day = holiday_date(spec, tense_year(dct, day.month, day.day, job.tense))
    return "" if day is None else fmt_date(day)


def set_weekday(job: Job) -> str | None:
    """"jeden Dienstag", "dienstags", "every Tuesday": a TIMEX3 set value."""
    weekday = job.lex("WEEKDAY", "weekday")
    if not isinstance(weekday, int):
        weekday = job.lex("WEEKDAYS", "weekday_b")
    return f"XXXX-WXX-{weekday + 1}" if isinstance(weekday, int) else None


def ref_word(job: Job) -> str | None:
    if "vague" in job.groups:
        return "FUTURE_REF" if job.lex("POST", "post") == 1 else "PAST_REF"
    value = job.lex("REF", "ref")
    return value if isinstance(value, str) else None


# In a night dated by the day it leads to, clock times from this hour on are on the day before.
NIGHT_EVENING_FROM = 12


def time_of_day(job: Job) -> str | None:
    if job.hour() is None:
        return None
    base = job.ref.clock_day(job.text, job.span[0])
    if base is None and not job.ref.narrative:
        return job.clock(UNKNOWN_DAY)  # a clock time alone: the hour, on no day the text gives
    hour = job.hour()
    if base is not None and job.ref.night and hour is not None and hour >= NIGHT_EVENING_FROM:
        base = add_days(base, -1)  # "in der Nacht auf Samstag um 23.50 Uhr": still Friday
    return "" if base is None else job.clock(fmt_date(base))


def duration(job: Job) -> str | None:
    unit = job.lex("UNIT", "unit") or job.lex("ADJUNIT", "unit") or job.lex("LANGUNIT", "unit")
    if not isinstance(unit, str):
        return None
    n = "X" if "vague" in job.groups else (job.number("num") if "num" in job.groups else 1)
    if n is None:
        return None
    out = _duration_part(n, unit)
    unit_b = job.lex("UNIT", "unit_b")
    n_b = job.number("num_b")
    # "drei Jahre und sechs Monate" -> P3Y6M; other pairs ("sieben Monaten und zweieinhalb
    # Jahren") are no single ISO duration: the first one stands for the span
    if (isinstance(unit_b, str) and isinstance(n_b, int) and isinstance(n, int)
            and _UNIT_ORDER.index(unit_b) > _UNIT_ORDER.index(unit) and "T" not in out):
        out += _duration_part(n_b, unit_b)[1:]
    return out


_UNIT_ORDER = ("CE", "DE", "Y", "HY", "Q", "M", "W", "WE", "D", "H", "MIN")


def _duration_part(n: float | str, unit: str) -> str:
    if isinstance(n, float) and not n.is_integer():
        n = f"{n:g}"
    elif isinstance(n, float):
        n = int(n)
    prefix = "PT" if unit in _TIME_UNITS else "P"
    return f"{prefix}{n}{DURATION_UNITS[unit]}"
