"""Finding time expressions: one scan of the language's compiled rule alternation, guards against
numbers that only look like years, values from the handlers, and intervals over pairs."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from newsmill.article import TimeExpression
from newsmill.enrich.times import normalise as norm
from newsmill.enrich.times import relative as rel
from newsmill.enrich.times.anchor import Reference, sentence_span, tense_at
from newsmill.enrich.times.calendar import Point, add_days, fmt_week, fmt_year, parse_point
from newsmill.enrich.times.normalise import UNKNOWN_DAY
from newsmill.enrich.times.tables import TRIGGER_TAIL_CHARS, Rule, TimeTables

Handler = Callable[[norm.Job], "str | None"]
HANDLERS: dict[str, Handler] = {
    "date": norm.date,
    "season": norm.season,
    "century": norm.century,
    "decade": norm.decade,
    "isoweek": norm.isoweek,
    "half": norm.half_or_quarter("H", 2),
    "quarter": norm.half_or_quarter("Q", 4),
    "weekday": norm.weekday,
    "night_to": norm.night_to,
    "deictic": norm.deictic,
    "holiday": norm.holiday,
    "ref": norm.ref_word,
    "set_weekday": norm.set_weekday,
    "time": norm.time_of_day,
    "duration": norm.duration,
    "relunit": rel.relunit,
    "compound": rel.compound,
    "offset": rel.offset,
}
# Words looked at beside a bare year to tell "1945" from "1945 Soldaten".
_WORD_AFTER = re.compile(r"[ \t\xa0]*([^\s,;:()]+)")
_WORDS_BEFORE = re.compile(r"(\S+(?:\s+\S+)?)\s*$")


@dataclass
class Found:
    start: int
    end: int
    rule: Rule
    groups: norm.Groups


_SPLIT = re.compile(r"(\w+)")
# How many words before a trigger word an expression may start ("gegen Ende des vorangegangenen
# Jahres": the trigger "Jahres" is the fifth word).
LOOKBACK_WORDS = 5


# Rule-alternation attempts allowed per text (~30 µs each): ~1.5 s. A 500-word article needs
# about 100; only pathological text (a megabyte of "1 1 1 …") runs out, and is then cut short
# with a warning rather than tagged for minutes.
MAX_ATTEMPTS = 50_000


@dataclass
class Budget:
    attempts: int = MAX_ATTEMPTS
    stopped_at: int | None = None  # offset where the budget ran out


def _matches(text: str, tables: TimeTables, budget: Budget) -> Iterator[re.Match[str]]:
    """The rule matches, leftmost first, tried only near trigger words (month names, digits, units …).

    Trying the rule alternation at every word would cost ~10 ms per article. Instead the words
    are listed once (in C), the few triggers picked by set lookups, and the alternation is tried
    only from the words just before each trigger that an expression can start with.
    """
    parts = _SPLIT.split(text)  # gaps and words alternating: offsets add up in C
    words = parts[1::2]
    positions = list(accumulate(map(len, parts)))[0::2]
    words = [w.lower() for w in words]
    triggers, suffixes, tails = tables.triggers, tables.trigger_suffixes, tables.trigger_tails
    tail = -TRIGGER_TAIL_CHARS  # a local: this runs once per word
    hits = [i for i, w in enumerate(words)
            if w in triggers or w[0] in _DIGITS or (w[tail:] in tails and w.endswith(suffixes))]
    last_end = 0
    tried: dict[int, re.Match[str] | None] = {}
    for i in hits:
        pos = positions[i]
        if pos < last_end or _inside_number(text, pos):
            continue
        for k in range(max(0, i - LOOKBACK_WORDS), i + 1):
            s = positions[k]
            if s < last_end or (k < i and not _can_start(words[k], tables)) or _inside_number(text, s):
                continue
            if s not in tried:  # a start gives the same match for every trigger: try it once
                if budget.attempts <= 0:
                    budget.stopped_at = s
                    return
                budget.attempts -= 1
                tried[s] = tables.master_for(text[s]).match(text, s)
            m = tried[s]
            if m is not None and m.end() > pos:
                last_end = m.end()
                yield m
                break


_DIGITS = frozenset("0123456789")


def _can_start(word: str, tables: TimeTables) -> bool:
    return word in tables.starters or word[0] in _DIGITS or word in tables.triggers


def _inside_number(text: str, start: int) -> bool:
    """The "000" of "1.000" or the "5" of "3,5": digits that continue a number."""
    return start >= 2 and text[start - 1] in ".," and text[start - 2].isdigit() and text[start].isdigit()


def scan(text: str, tables: TimeTables, budget: Budget) -> Iterator[Found]:
    for m in _matches(text, tables, budget):
        name = m.lastgroup or ""
        rule = tables.rules[int(name[1:])]
        prefix = f"r{rule.index}_"
        groups = {g: v for g in rule.groups if (v := m.group(prefix + g)) is not None}
        start, end = m.span(prefix + "core") if "core" in groups else m.span()
        if rule.groups == ("year",) and _not_a_year(text, start, end, tables):
            continue
        if set(groups) <= _YEAR_ONLY and _guarded_before(text, start, tables):
            continue  # "model year 2025", "Modelljahr 2025": a product's designation
        if "year" in groups and _slashed_number(text, *m.span(prefix + "year")):
            continue  # "Az. 1234/19": a file number, whatever rule read it as years
        if _ends_a_title(text, start, end):
            continue
        yield Found(start, end, rule, groups)


# The opening mark of each closing one: „…“, “…”, »…«, «…», ‚…‘, ‘…’, "…".
_OPENER_OF = {"“": "„", "”": "“", "«": "»", "»": "«", "‘": "‚", "’": "‘", '"': '"'}
# At most this many words of a quoted name stand before the time expression that ends it.
TITLE_WORDS = 3


def _ends_a_title(text: str, start: int, end: int) -> bool:
    """The expression closes a short quoted name whose every word before it is capitalised
    („Rundschau am Sonntag“, "Bild am Sonntag"): part of the name, not a time. A quoted sentence
    ends otherwise („Wir kommen am Sonntag“)."""
    opener = _OPENER_OF.get(text[end:end + 1])
    if opener is None:
        return False
    left = text[max(0, start - 40):start]
    opened = left.rfind(opener)
    if opened < 0:
        return False
    inside = left[opened + 1:].split()
    return 1 <= len(inside) <= TITLE_WORDS and all(w[:1].isupper() and w.isalpha() for w in inside)


_YEAR_ONLY = frozenset({"year", "bc"})
# A bare round hundred below this is a count, not a year, unless a year cue stands before it.
ROUND_YEAR_BELOW = 1500


def _guarded_before(text: str, start: int, tables: TimeTables) -> bool:
    before = _WORDS_BEFORE.search(text, max(0, start - 30), start)
    words = before.group(1).lower().split() if before else []
    if not words:
        return False
    last = words[-1]
    if len(last) == 1 and last.isalpha() and before is not None and before.group(1)[-1].isupper() and last != "i":
        return True  # "B 2020", "A 1917": a road's or a unit's letter and number
    suffixed = tables.year_guard_before_suffix and len(last) > 4 and last.isalpha() \
        and last.endswith(tables.year_guard_before_suffix)
    return bool(suffixed) or last in tables.year_guard_before or " ".join(words) in tables.year_guard_before


# "the 2020 Sentra gets …": a determiner, the year and one capitalised name with no second one
_MODEL_NAME = re.compile(r" ([A-Z][\w-]*)(?=[\s,.;:!?'’)]|$)(?! [A-Z])")
_DETERMINER_BEFORE = re.compile(r"(?<!\w)(?:the|a|an|its|their|this|his|her|my|our|your)\s+$", re.IGNORECASE)


@lru_cache(maxsize=8)
def _about_products(text: str, products: re.Pattern[str]) -> bool:
    return products.search(text) is not None


def _model_year(text: str, start: int, end: int, tables: TimeTables) -> bool:
    """In a text that names makers or product lines, "the 2020 Sentra" is a model year: a
    determiner before the year and one capitalised name after it that is no event ("the 2020
    Olympics"); two names ("the 2019 American Music Awards") are left a year."""
    if tables.products is None or not _DETERMINER_BEFORE.search(text, max(0, start - 8), start):
        return False
    name = _MODEL_NAME.match(text, end)
    if name is None or name.group(1).lower() in tables.year_event_after:
        return False
    return _about_products(text, tables.products)


# How many capitalised names may stand between a club's abbreviation and its year ("TV Fürth 1860").
CLUB_NAMES = 2


def _club_name(text: str, start: int, clubs: frozenset[str]) -> bool:
    """The year ends a sports club's name: an abbreviation of ``clubs`` (case as written) and at
    most CLUB_NAMES capitalised names right before it ("TSV 1860", "TV Fürth 1860")."""
    if not clubs:
        return False
    words = text[max(0, start - 50):start].split()
    for i, word in enumerate(reversed(words[-(CLUB_NAMES + 1):])):
        word = word.lstrip("(„“\"»«")
        if word in clubs:
            return True
        if i == CLUB_NAMES or not (word[:1].isupper() and word.replace("-", "").isalpha()):
            return False
    return False


def _not_a_year(text: str, start: int, end: int, tables: TimeTables) -> bool:
    """A bare four-digit number that counts something ("1500 Panzer", "rund 2000 Mann") or is
    no year at all: a group of a longer number (IBAN, account, phone: "0517 0648"), a score
    ("1917:1"), a title standing alone in quotation marks (the film „1917“)."""
    if _number_part(text, start, end) or _quoted_alone(text, start, end) or _model_year(text, start, end, tables):
        return True
    after = _WORD_AFTER.match(text, end, min(len(text), end + 40))
    after_word = after.group(1) if after else ""
    bare = after_word.rstrip(".")
    if bare in tables.year_guard_after or bare.lower() in tables.year_guard_after:
        return True  # "2025 Model Y" as "2025 models"
    before = _WORDS_BEFORE.search(text, max(0, start - 30), start)
    words = before.group(1).lower().split() if before else []
    if tables.street_after and _street_after(text, end, tables.street_after) and not (
            words and (words[-1] in tables.year_scene_before or words[-1] in tables.round_year_cue)):
        return True  # "2020 Main Street", "1600 Pennsylvania Avenue": a house number; not "In 2008 Wall Street …"
    if _guarded_before(text, start, tables):
        return True
    if _club_name(text, start, tables.club_before):
        return True
    if text[start:end].endswith("00") and int(text[start:end]) < ROUND_YEAR_BELOW and not (
            words and (words[-1] in tables.year_cue_before or words[-1] in tables.year_scene_before
                      or words[-1] in tables.round_year_cue)):
        return True  # "Versuch 1000", "1200 Seiten": a round number; the year 1000 comes with "im", "um"
    # German: a number followed by a capitalised noun counts it, unless a year cue precedes.
    counted = tables.capitalised_nouns and after_word[:1].isupper()
    return bool(counted and not (words and words[-1] in tables.year_cue_before))


_STREET_AFTER = re.compile(r"[ \t\xa0]+(?:[A-Z][\w'-]*[ \t\xa0]+)?([A-Z][a-z]+)\.?(?!\w)")


def _street_after(text: str, end: int, streets: frozenset[str]) -> bool:
    m = _STREET_AFTER.match(text, end, min(len(text), end + 40))
    return m is not None and m.group(1).lower() in streets


_OPENING_MARKS = "„“‚‘\"»«'"
_CLOSING_MARKS = "“”‘’\"«»'"


# A four-character group of a longer grouped number just before or after ("DE12 5001 0517", "1234 5678").
_GROUP_BEFORE = re.compile(r"(?<![\w])[A-Z0-9]{2}\d{2} $")
_GROUP_AFTER = re.compile(r" \d{4}(?!\w)")


# "Presseinfo 46/2023", "Drucksache 19/2023", "Stand 09/2023": a running number of the year or a
# month written as a number; which one, the number alone does not say
_RUNNING_NUMBER_BEFORE = re.compile(r"(?<![\d/.,:])\d{1,3}/$")
# "1-800-555-2020": the last group of a phone number; "1939-1945" has four digits before
_HYPHEN_GROUPS_BEFORE = re.compile(r"(?<![\d-])\d{1,3}(?:-\d{1,3})*-$")


def _number_part(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 6) : start]
    after = text[end : end + 6]
    grouped = bool(_GROUP_BEFORE.search(before) or _GROUP_AFTER.match(after))
    glued = before[-1:].isalnum() or after[:1].isalnum()
    # "1917:1", "2:1917", "1917-1" (a one-digit score; "1939-45" stays a range)
    if _slashed_number(text, start, end, "/-") or _RUNNING_NUMBER_BEFORE.search(before) \
            or _HYPHEN_GROUPS_BEFORE.search(text, max(0, start - 16), start):
        return True
    score = (after[:1] == ":" and after[1:2].isdigit()) or (before[-1:] == ":" and before[-2:-1].isdigit()) \
        or (after[:1] == "-" and after[1:2].isdigit() and not after[2:3].isdigit())
    return grouped or glued or score


# "1778/16. September": a date follows, not a number
_SLASH_AFTER = {"/": re.compile(r"/(\d+)(?![\d.])"), "/-": re.compile(r"[/-](\d+)(?![\d.])")}
_SLASH_BEFORE = {"/": re.compile(r"(?<!\d)(\d{4})/$"), "/-": re.compile(r"(?<!\d)(\d{4})[/-]$")}
# A year pair "1939/1945" spans at most this many years; "1234/2019" is a file number.
MAX_YEAR_PAIR_SPAN = 10


def _slashed_number(text: str, start: int, end: int, marks: str = "/") -> bool:
    """"Az. 1234/19", "1234/2019", "Artikelnummer 2023-4711": a number joined by a slash (or, for
    a bare year, a hyphen) to one that cannot continue it as a year ("2020/21", "1944/45",
    "1939-1945" and "2022/3", an issue of the year, stay years)."""
    year = int(text[start:end])
    after = _SLASH_AFTER[marks].match(text, end, end + 8)
    if after:
        other = after.group(1)
        if len(other) == 1:
            return False
        if len(other) == 2:
            return int(other) not in ((year + 1) % 100, year % 100)
        if len(other) == 4:
            return not 0 <= int(other) - year <= MAX_YEAR_PAIR_SPAN
        return True  # "2019/123", "2021-55731": a running number
    before = _SLASH_BEFORE[marks].search(text, max(0, start - 5), start)
    return before is not None and not 0 <= year - int(before.group(1)) <= MAX_YEAR_PAIR_SPAN


def _quoted_alone(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPENING_MARKS and text[end : end + 1] in _CLOSING_MARKS \
        and text[end : end + 1] != ""


# Values that are no point in time the narrative could move to.
_NO_REFERENCE = frozenset({"duration", "ref", "century", "decade", "set_weekday"})
# How far back an open parenthesis makes a date an aside ("(1939–1945)", "(bis 1881)").
ASIDE_WINDOW = 80


def _aside(text: str, start: int) -> bool:
    """Inside parentheses: a date given in passing, which does not move the narrative time."""
    left = text[max(0, start - ASIDE_WINDOW):start]
    return left.rfind("(") > max(left.rfind(")"), left.rfind("\n"))


_RELATIVE = frozenset({"relunit", "compound", "offset"})
# Characters between the two ends of an interval at most ("ab Sonntag und noch bis").
MAX_INTERVAL_GAP = 40
# Characters before an interval's first end searched for its opener ("vom", "zwischen dem", "from"):
# the longest opener and its spaces fit.
MAX_OPENER_CHARS = 20
_YEAR_GROUPS = ("year", "year_b", "year_c")


def _written_year(found: Found) -> bool:
    return any(g in found.groups for g in _YEAR_GROUPS)


def _attributive(text: str, found: Found, tables: TimeTables) -> bool:
    """The date stands inside an extended attribute, between an article and the participle of
    its noun ("Das im Februar 2018 gegründete Start-up", "der 2015 eröffnete Bahnhof"): told in
    passing, it sets neither the news story's point nor the year later dates continue (a
    narrative's reference moves with every date it gives). An article
    after a preposition ("seit dem 1. Januar") opens a prepositional phrase instead."""
    after = tables.attributive_after
    if after is None:
        return False
    words = text[max(0, found.start - 30):found.start].split()
    first = text[found.start:found.end].split(" ")[0].lower()
    if words and words[-1].lower() in tables.prepositions and first not in tables.prepositions:
        words = words[:-1]  # "Das im | Februar 2018"
    elif first in tables.prepositions:
        pass  # "Das | im Februar 2018"
    if not words or words[-1].lower() not in tables.articles:
        return False
    if len(words) > 1 and words[-2].lower().strip(",") in tables.prepositions:
        return False
    return after.match(text, found.end) is not None


def _moves_reference(text: str, found: Found, value: str, ref: Reference, tables: TimeTables) -> bool:
    if found.rule.type in _NO_REFERENCE or _aside(text, found.start) or (
            not ref.narrative and _attributive(text, found, tables)):
        return False
    point = parse_point(value)
    if point is None:
        return False
    if ref.narrative and found.rule.type in _RELATIVE and ref.point is not None and _key(point) < _key(ref.point):
        return False  # a look back ("Ende des vorangegangenen Jahres") leaves the narrative where it is
    if point.month is None and found.rule.type == "date" and len(found.groups) == 1:
        return _sets_the_scene(text, found.start, tables)
    return True


def _key(point: Point) -> tuple[int, int, int]:
    return point.year, point.month or 0, point.day or 0


# A line this short without a full stop is a heading ("Westfront 1944/1945").
HEADING_MAX_CHARS = 100


def _sets_the_scene(text: str, start: int, tables: TimeTables) -> bool:
    """A bare year moves the narrative time only where it sets the scene: in a heading, at the
    start of a sentence, or after a scene-setting word ("im", "Jahr", "Anfang"); a year in passing
    ("die Grenze von 1940", "ab 1941 geplant") does not."""
    lo, hi = max(0, start - HEADING_MAX_CHARS), min(len(text), start + HEADING_MAX_CHARS)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", start, hi)
    line_end = hi if line_end < 0 else line_end
    line = text[line_start:line_end].rstrip()
    if line_end - line_start < HEADING_MAX_CHARS and not line.endswith("."):
        return True
    before = text[max(line_start, start - 40):start].rstrip()
    if not before or before.endswith((".", ":", ";")):
        return True
    return before.split()[-1].lower() in tables.year_scene_before


# Expressions that can be said of every year ("jedes Jahr am 8. November", "every Christmas").
_RECURRING = frozenset({"date", "holiday", "weekday", "season"})
UNKNOWN_YEAR = "XXXX"
# How far (characters) a recurrence cue may stand before or after the date, within its sentence.
RECURRENCE_WINDOW = 40
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _recurring_value(value: str, kind: str) -> str:
    """The TIMEX3 value of a date said of every year ("XXXX-11-08") or a weekday said of every
    week ("jedes Jahr am Samstag vor dem Advent": "XXXX-WXX-6")."""
    point = parse_point(value)
    day = point.date() if point else None
    if kind == "weekday":
        return f"XXXX-WXX-{day.isoweekday()}" if day else value
    return UNKNOWN_YEAR + value[len(UNKNOWN_YEAR):] if point else value


def _recurring(text: str, found: Found, tables: TimeTables) -> bool:
    """The date recurs: a cue such as "jedes Jahr" or "annually" near it in its sentence, or
    "every"/"jeden" right before it. Such a date is no one day: its year becomes XXXX (TIMEX3)."""
    lo = max(0, found.start - RECURRENCE_WINDOW)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, found.start)]
    lo = breaks[-1] if breaks else lo
    hi = min(len(text), found.end + RECURRENCE_WINDOW)
    stop = _SENTENCE_BREAK.search(text, found.end, hi)
    hi = stop.start() if stop else hi
    if tables.recurrence is not None and tables.recurrence.search(text, lo, hi):
        return True
    verbs = tables.recurrence_verbs
    if verbs is not None and verbs.search(text, lo, hi) and tense_at(text, found.start, found.end, tables) == 0:
        return True
    adjacent = tables.recurrence_adjacent
    return adjacent is not None and adjacent.search(text[lo:found.start]) is not None


def resolve(text: str, tables: TimeTables, ref: Reference, part_of_day: bool,
            budget: Budget | None = None,
            dct_at: Callable[[int], dt.date | None] | None = None) -> list[TimeExpression]:
    """Every expression with its value, in text order; the reference time moves as dates resolve.
    ``dct_at`` gives another publication day for some offsets (an embedded post's own date)."""
    out: list[TimeExpression] = []
    written: list[bool] = []
    kinds: list[str] = []
    published = ref.dct
    for found in scan(text, tables, budget or Budget()):
        if dct_at is not None:
            ref.dct = dct_at(found.start) or published
        job = norm.Job(found.groups, tables, ref, text, (found.start, found.end), part_of_day)
        value = HANDLERS[found.rule.type](job)
        if value is None:
            continue
        if found.rule.type in _RECURRING and not _written_year(found) and _recurring(text, found, tables):
            value = _recurring_value(value, found.rule.type)
        elif found.rule.type == "date" and not ref.narrative and (point := parse_point(value)) \
                and (day := point.date()) is not None:
            ref.saw_day(text, found.start, day)
        if value and out and kinds[-1] == "weekday" and _names_the_weekday(text, out[-1], found, value):
            # "on Friday (Sept. 1)": the date says which Friday the tense only guessed, and the
            # story is at that day
            out[-1].value = value[:DATE_CHARS] + out[-1].value[DATE_CHARS:]
            ref.update(value, found.start)
        elif value and _moves_reference(text, found, value, ref, tables):
            ref.update(value, found.start, written=found.rule.type not in _RELATIVE)
            ref.night = found.rule.type == "night_to"
        has_year = _written_year(found)
        if value and has_year and not (not ref.narrative and _attributive(text, found, tables)) \
                and (point := parse_point(value)):
            ref.last_year = (point.year, found.start)
            if point.month:
                ref.explicit = (point.year, found.start)
                ref.explicit_month = point.month
                ref.explicit_since = _since(text, found, tables)
        out.append(TimeExpression(found.start, found.end, text[found.start:found.end], value))
        written.append(has_year)
        kinds.append(found.rule.type)
    _weekday_of_week(text, out, kinds, written, tables)
    _same_day_in_year(text, out, kinds, written, tables)
    _apposed_dates(text, out, kinds, written)
    _borrow_years(text, out, written, tables)
    _order_weekdays(text, out, kinds, tables)
    _clock_then_day(text, out, kinds)
    _weeks_of_days(text, out, kinds, tables)
    _clocks_of_every_day(text, out, kinds, tables)
    return out


# At most this many characters between "an diesem Tag" and the year of its clause.
SAME_DAY_YEAR_GAP = 40
_YEAR_VALUE = re.compile(r"^-?\d{4}$")


def _same_day_in_year(text: str, times: list[TimeExpression], kinds: list[str], written: list[bool],
                      tables: TimeTables) -> None:
    """"feiert am 13. März 2022 Geburtstag. An diesem Tag wurde sie im Jahr 1435 erwähnt": the
    story's day and month, in the year the clause names right after."""
    same = tables.same_day
    if same is None:
        return
    for i in range(len(times) - 1):
        day, year = times[i], times[i + 1]
        point = parse_point(day.value)
        if kinds[i] != "relunit" or not same.search(day.text.lower()) or not written[i + 1] \
                or not _YEAR_VALUE.match(year.value) or point is None or point.date() is None:
            continue
        gap = text[day.end:year.start]
        if len(gap) > SAME_DAY_YEAR_GAP or _SENTENCE_BREAK.search(gap) or "," in gap:
            continue
        moved = Point(int(year.value), point.month, point.day)
        if moved.date() is not None:
            day.value = year.value + day.value[DATE_CHARS - 6:]


# What may stand between a day and a date that names it again: "am Mittwoch (9. Januar)".
# A weekday is moved to the date apposed to it when they lie at most this many weeks apart.
APPOSED_WEEKS = 2
_APPOSITION_GAP = re.compile(r"\s*[(,]\s*")


def _apposed_dates(text: str, times: list[TimeExpression], kinds: list[str], written: list[bool]) -> None:
    """"Am Mittwoch dieser Woche (9. Januar)": a date without a year right after the day it
    names again is that day, whatever year the story's earlier dates would lend it."""
    for i in range(1, len(times)):
        day, date = times[i - 1], times[i]
        if kinds[i] != "date" or written[i] or not _APPOSITION_GAP.fullmatch(text[day.end:date.start]):
            continue
        a, b = parse_point(day.value), parse_point(date.value)
        if a is None or b is None or a.date() is None or b.day is None:
            continue
        if (a.month, a.day) == (b.month, b.day) and a.year != b.year:
            date.value = fmt_year(a.year) + date.value[len(fmt_year(b.year)):]


def _names_the_weekday(text: str, weekday: TimeExpression, found: Found, value: str) -> bool:
    if found.rule.type != "date" or not _APPOSITION_GAP.fullmatch(text[weekday.end:found.start]):
        return False
    a, b = parse_point(weekday.value), parse_point(value)
    da, db = (a.date() if a else None), (b.date() if b else None)
    return da is not None and db is not None and da != db and da.weekday() == db.weekday() \
        and abs((da - db).days) <= APPOSED_WEEKS * 7


_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _weekday_of_week(text: str, times: list[TimeExpression], kinds: list[str], written: list[bool],
                     tables: TimeTables) -> None:
    """"am Freitag vergangener Woche", "Friday last week": the weekday of the week named right
    after it, one expression; not the nearest such weekday and a week beside it."""
    drop: list[int] = []
    for i in range(len(times) - 1):
        day, week = times[i], times[i + 1]
        m = _ISO_WEEK.match(week.value)
        if kinds[i] != "weekday" or m is None or text[day.end:week.start].strip():
            continue
        weekday = tables.lookup("WEEKDAY", day.text.split()[-1])
        point = parse_point(day.value)
        if not isinstance(weekday, int) or point is None or point.date() is None:
            continue
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        day.value = (monday + dt.timedelta(days=weekday)).isoformat() + day.value[DATE_CHARS:]
        day.end, day.text = week.end, text[day.start:week.end]
        drop.append(i + 1)
    for i in reversed(drop):
        del times[i], kinds[i], written[i]


# Characters before a date searched for "Woche vom" / "week of".
WEEK_OF_CHARS = 25


def _weeks_of_days(text: str, times: list[TimeExpression], kinds: list[str], tables: TimeTables) -> None:
    """"in der Woche vom 6. November", "the week of March 4": the week, not the day."""
    if tables.week_of is None:
        return
    for t, kind in zip(times, kinds, strict=True):
        point = parse_point(t.value) if kind == "date" else None
        day = point.date() if point else None
        if day is not None and tables.week_of.search(text[max(0, t.start - WEEK_OF_CHARS):t.start]):
            t.value = fmt_week(day)


def _clocks_of_every_day(text: str, times: list[TimeExpression], kinds: list[str], tables: TimeTables) -> None:
    """Opening hours ("dienstags bis sonntags von 10 bis 18 Uhr", "täglich 9-17 Uhr"): a clock
    time in a sentence with a weekly set or a daily cue is on every such day, not on the date
    mentioned before."""
    # the weekly sets' starts, sorted: one lookup per clock time (a scan of all times for each was
    # quadratic, ~20 s on a megabyte of dense dates)
    weekly = sorted(times[j].start for j in range(len(times)) if kinds[j] == "set_weekday")
    for t, kind in zip(times, kinds, strict=True):
        if kind != "time" or t.value.startswith(UNKNOWN_DAY) or len(t.value) <= DATE_CHARS:
            continue
        lo, hi = _sentence(text, t.start, t.end)
        first = bisect_left(weekly, lo)
        every = first < len(weekly) and weekly[first] < hi
        if every or (tables.daily is not None and tables.daily.search(text, lo, hi)):
            t.value = UNKNOWN_DAY + t.value[DATE_CHARS:]


# How far (characters) a sentence is looked at around an expression.
SENTENCE_CHARS = 200


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - SENTENCE_CHARS)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, start)]
    lo = breaks[-1] if breaks else lo
    hi = min(len(text), end + SENTENCE_CHARS)
    stop = _SENTENCE_BREAK.search(text, end, hi)
    return lo, (stop.start() if stop else hi)


# Characters of an ISO date value ("2024-03-14"): what follows is the clock part ("T15:00").
DATE_CHARS = len("YYYY-MM-DD")
# A clock time this close before a date, in the same sentence, is on that date
# ("um 3 Uhr in der Nacht zu Samstag", "at 3 a.m. local time on Saturday").
CLOCK_DAY_GAP = 30
_SENTENCE_MARK = re.compile(r"[.!?\n]\s")


def _clock_then_day(text: str, times: list[TimeExpression], kinds: list[str]) -> None:
    for i in range(len(times) - 1):
        clock, day = times[i], times[i + 1]
        if kinds[i] != "time" or len(clock.value) <= DATE_CHARS or day.start - clock.end > CLOCK_DAY_GAP:
            continue
        point = parse_point(day.value)
        if point is None or point.date() is None or _SENTENCE_MARK.search(text, clock.end, day.start):
            continue
        clock.value = day.value[:DATE_CHARS] + clock.value[DATE_CHARS:]


_BARE_DASHES = frozenset({"-", "–", "—"})


def _same_granularity(a: str, b: str) -> bool:
    pa, pb = parse_point(a), parse_point(b)
    if pa is None or pb is None or "T" in a or "T" in b:
        return False
    return (pa.month is None) == (pb.month is None) and (pa.day is None) == (pb.day is None) \
        and len(a) == len(b)


def _paired(text: str, a: TimeExpression, b: TimeExpression, tables: TimeTables) -> bool:
    """``a`` and ``b`` are the two ends of one interval: an opener before (or at the start of)
    ``a`` and only a connector between them."""
    if not (a.value and b.value) or b.start - a.end > MAX_INTERVAL_GAP:
        return False
    gap = text[a.end:b.start]
    if not tables.interval_gap.search(gap):
        return False
    if gap in _BARE_DASHES and _same_granularity(a.value, b.value):
        return True  # "2020–2023", "Juni–August 2022": a dash between two like points is a range
    opener_re = tables.interval_open
    if tables.interval_and is not None and tables.interval_between is not None and tables.interval_and.search(gap):
        opener_re = tables.interval_between  # "von 1830 und 1848": two points, not a stretch
    opener = opener_re.search(text, max(0, a.start - MAX_OPENER_CHARS), a.start)
    return opener is not None or opener_re.search(a.text.split(" ")[0] + " ") is not None


def _borrow_years(text: str, times: list[TimeExpression], written: list[bool], tables: TimeTables) -> None:
    """"vom 2. April bis zum 20. Juni 1943": the start takes the year written at the end."""
    for i in range(len(times) - 1):
        a, b = times[i], times[i + 1]
        if written[i] or not written[i + 1] or not _paired(text, a, b, tables):
            continue
        pa, pb = parse_point(a.value), parse_point(b.value)
        if pa is None or pb is None or pa.month is None or pa.year == pb.year:
            continue
        a.value = fmt_year(pb.year) + a.value[len(fmt_year(pa.year)):]


def _order_weekdays(text: str, times: list[TimeExpression], kinds: list[str], tables: TimeTables) -> None:
    """"von Dienstag bis Donnerstag" said on a Wednesday: the end is the Thursday after the start."""
    for i in range(len(times) - 1):
        a, b = times[i], times[i + 1]
        if kinds[i + 1] != "weekday" or not _paired(text, a, b, tables):
            continue
        pa, pb = parse_point(a.value), parse_point(b.value)
        da, db = (pa.date() if pa else None), (pb.date() if pb else None)
        if da is not None and db is not None and db < da:
            later = add_days(db, 7 * ((da - db).days // 7 + 1))
            if later is not None:
                b.value = later.isoformat() + b.value[DATE_CHARS:]


def _clock_alone(value: str) -> bool:
    return value.startswith(UNKNOWN_DAY + "T")


def _moved(text: str, a: TimeExpression, b: TimeExpression, tables: TimeTables) -> bool:
    """"postponed from Tuesday to Friday", "von Montag auf Dienstag verschoben": the day a thing
    was moved from and the day it was moved to, not a stretch of days."""
    verbs = tables.moved_verbs
    if verbs is None:
        return False
    lo, hi = sentence_span(text, a.start, b.end)
    return verbs.search(text, lo, hi) is not None


def _since(text: str, found: Found, tables: TimeTables) -> bool:
    """The expression is where a state began ("seit April 2007", "since March 2020")."""
    since = tables.past_before
    if since is None:
        return False
    words = text[found.start:found.end].split()
    return bool(since.search(text, max(0, found.start - 16), found.start)
                or (len(words) > 1 and since.search(words[0] + " ")))


def intervals(text: str, times: list[TimeExpression], tables: TimeTables) -> list[TimeExpression]:
    """"ab Sonntag … bis 13. September", "vom 10. bis 13. September": start/end intervals."""
    out: list[TimeExpression] = []
    for a, b in zip(times, times[1:], strict=False):
        if not _paired(text, a, b, tables) or _moved(text, a, b, tables):
            continue
        pa, pb = parse_point(a.value), parse_point(b.value)
        if pa is None and pb is None and _clock_alone(a.value) and _clock_alone(b.value):
            if a.value >= b.value:  # "von 10 bis 18 Uhr" on no given day: the hours still pair
                continue
        elif pa is None or pb is None or _key(pa) > (pb.year, pb.month or 99, pb.day or 99):
            continue
        out.append(TimeExpression(a.start, b.end, text[a.start:b.end], f"{a.value}/{b.value}"))
    return out
