"""What relative expressions are read against: the publication date, the narrative reference time
(the last date the text mentioned) and the tense around an expression.

News style: deictic expressions ("gestern", "am Montag", "vergangene Woche") count from the
publication date, underspecified dates ("13. September") take its year, moved by tense.
Narrative style (history, Wikipedia): everything counts from the reference time, which moves
with each resolved date. Anaphoric expressions ("drei Tage später", "am selben Tag") use the
reference time in both styles, as HeidelTime does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsmill.enrich.times.calendar import Point, parse_point
from newsmill.enrich.times.tables import TimeTables

# How far around an expression tense cues are looked for, in characters: one news sentence is
# rarely longer; a window also keeps a 1 MB sentence linear.
TENSE_WINDOW = 160
# How far (characters) a written year carries to later dates without one, in news.
EXPLICIT_REACH = 600
# How far (characters) a written year carries across paragraphs, in past narration only.
EXPLICIT_REACH_ACROSS = 1000
# How far (characters) a bare clock time in news still belongs to the day mentioned before it.
CLOCK_REACH = 300
# A line of a list (tour dates, a schedule, a chronicle) is at most this long; a longer one is a
# paragraph that happens to open with a date.
LIST_LINE_CHARS = 200
# What may stand before a date that opens a list line: bullets and spaces.
LIST_BULLETS = " \t•*·-–—>"
# A day the text gave (in news) names the same day again later only if it lies this close to the
# publication: "June 9, 2020 … June 9 -- West Palm Beach" is one day; "am 9. November 1989 … am 9.
# November gedenken" is not.
SAME_DAY_REACH_DAYS = 366
# A spaced dash joins two main clauses as a full stop would: its tense stays on its side.
# A quotation opened after a colon is a sentence of its own ("… haben kann: „Im Winter haben …").
# A closing quotation mark before a comma ends the quotation: "«… werden», sagt er am Dienstag"
# takes its tense from the reporting clause, not the quoted words (an opening mark has no comma after it).
# A period after a number of one or two digits is an ordinal ("am 11. August", "zum 3. Mal"), no
# sentence end; a year's ("… im Jahr 2019. Dann …") is one.
# Nor is the period of an abbreviation ("2 a.m. Sunday", "U.S. officials", "Dr. Schmitz").
_SENTENCE_END = re.compile(r"(?:(?<!\b\d)(?<!\b\d\d)(?<!\.\w)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)"
                           r"(?<!\bProf)(?<!\bSt)(?<!\bJr)\.|[!?])\s+(?=[A-ZÄÖÜ\"„“»])|:\s+(?=[\"„“»])|[»“”\"],\s|\n|\s[-–—]\s")
_CLAUSE_END = re.compile(r"[,;:()–—]")
_WORD = re.compile(r"\w+")


@dataclass
class Reference:
    """The moving reference time: last mentioned year/month/day, with the publication date."""

    dct: dt.date | None
    narrative: bool
    point: Point | None = None  # last mentioned calendar point, any granularity
    day: dt.date | None = None  # last mentioned full date
    day_at: int = 0  # where it was mentioned
    explicit: tuple[int, int] | None = None  # (year, offset) of the last date written with its year
    explicit_month: int | None = None  # and its month
    # the explicit year was where a state began ("seit April 2007"): it continues a story told in
    # the past ("seit November 2020 … Im März erklärte …"), not a present one ("… ist ein
    # Haftbefehl vom 23. Mai")
    explicit_since: bool = False
    # weekday (0 = Monday) -> the day a bare weekday of the text was last resolved to
    weekdays: dict[int, dt.date] = field(default_factory=dict)
    night: bool = False  # the last day came from "in der Nacht auf Samstag": the night before that day
    last_year: tuple[int, int] | None = None  # (year, offset) of the last time written with a year, of any kind
    told: bool = False  # the text has written a point of its own ("2019", "im März")
    point_at: int = 0  # where it last did
    written_point: Point | None = None  # and which point that was
    # (month, day) -> the full date the text last gave that day, in news
    days: dict[tuple[int, int], dt.date] = field(default_factory=dict)
    # the date that opened the last list line, and where that line began
    item: tuple[dt.date, int] | None = None

    def __post_init__(self) -> None:
        if self.dct is not None and self.point is None:
            self.point = Point(self.dct.year, self.dct.month, self.dct.day)

    def base_day(self, deictic: bool) -> dt.date | None:
        """The day a relative expression counts from."""
        if deictic and not self.narrative:
            return self.dct
        return self.day or self.dct

    def base_point(self, deictic: bool) -> Point | None:
        if deictic and not self.narrative:
            return Point(self.dct.year, self.dct.month, self.dct.day) if self.dct else None
        return self.point

    def update(self, value: str, at: int = 0, written: bool = True) -> None:
        """Move the reference to ``value``; ``written``: the text gave it itself ("2019", "im
        März"), not by counting from another ("im Vorjahr")."""
        point = parse_point(value)
        if point is None:
            return
        self.point = point
        if written:
            self.told, self.point_at, self.written_point = True, at, point
        day = point.date()
        if day is not None:
            self.day, self.day_at = day, at

    def explicit_year(self, text: str, at: int, across: bool = False) -> int | None:
        """The year of a full date written shortly before in the same paragraph ("am 30. Januar
        1933 … vom 1. September"), which a news text's dates without a year continue; with
        ``across``, also from the paragraphs just before (past narration: "in November 2016.
        … But by December, …")."""
        if self.explicit is None:
            return None
        year, where = self.explicit
        if across:
            return year if at - where <= EXPLICIT_REACH_ACROSS else None
        if at - where > EXPLICIT_REACH or "\n\n" in text[where:at]:
            return None
        return year

    def story_point(self, text: str, at: int) -> Point | None:
        """The point the story gave shortly before ``at`` in the same paragraph ("2019 stieg …
        Im Vorjahr …"), which "im Vorjahr" then counts from instead of the publication year."""
        if not self.told or at - self.point_at > EXPLICIT_REACH or "\n\n" in text[self.point_at:at]:
            return None
        return self.point

    def saw_day(self, text: str, at: int, day: dt.date) -> None:
        """Record a full date the text gave at ``at`` (for ``same_day`` and ``listed_year``)."""
        self.days[(day.month, day.day)] = day
        line = list_line(text, at)
        if line is not None:
            self.item = (day, line)

    def same_day(self, month: int, day: int) -> int | None:
        """The year of the same day-month given earlier with a year the publication is near: a
        list of bare dates repeats the days the story announced ("kicks off June 9, 2020 … June 9
        -- West Palm Beach")."""
        seen = self.days.get((month, day))
        if seen is None or self.dct is None or abs((seen - self.dct).days) > SAME_DAY_REACH_DAYS:
            return None
        return seen.year

    def listed_year(self, text: str, at: int, month: int, day: int) -> int | None:
        """A bare date that opens a list line continues the list: the year of the date that
        opened the line before, or the next or last year where the days run over a new year
        (whichever puts the two closest: "Dec. 28 … Jan. 3" ascending, "Jan. 3 … Dec. 28"
        descending). The first line of a list takes the year of a heading right above it ("Tour
        2020 dates:")."""
        line = list_line(text, at)
        if line is None:
            return None
        before = text.rfind("\n", 0, max(0, line - 1)) + 1  # the line above, through blank lines
        while before > 0 and not text[before:line].strip():
            before = text.rfind("\n", 0, before - 1) + 1
        if self.item is not None and self.item[1] == before < line:
            last = self.item[0]
            candidates = [y for y in (last.year - 1, last.year, last.year + 1)
                          if Point(y, month, day).date() is not None]
            return min(candidates, key=lambda y: abs((dt.date(y, month, min(day, 28)) - last).days), default=None)
        if self.last_year is not None and before <= self.last_year[1] < line:
            heading = text[before:line].strip()
            if len(heading) <= LIST_LINE_CHARS and not heading.endswith("."):
                return self.last_year[0]
        return None

    def clock_day(self, text: str, at: int) -> dt.date | None:
        """The day a bare clock time ("um 19.30 Uhr") is on: in news the day mentioned just
        before in the same paragraph, else none (a clock time alone is on no day the reader is
        told: "Geöffnet 8.30 bis 18 Uhr"); in narrative the last day."""
        if self.narrative:
            return self.day or self.dct
        near = self.day is not None and at - self.day_at <= CLOCK_REACH
        return self.day if near and "\n\n" not in text[self.day_at:at] else None


def schedule_line(text: str, at: int) -> bool:
    """A list line that is no sentence ("June 9 -- Coral Sky Amphitheatre, West Palm Beach"): an
    entry of a schedule. A chronicle's lines are sentences ("7. März: Die Finalisten treten auf.")."""
    start = list_line(text, at)
    if start is None:
        return False
    end = text.find("\n", at)
    return not text[start:len(text) if end < 0 else end].rstrip().rstrip("\"'”“»«)").endswith((".", "!", "?"))


def list_line(text: str, at: int) -> int | None:
    """Where the line begins whose first word is at ``at``, if that line is short enough to be
    an item of a list; else None."""
    start = text.rfind("\n", 0, at) + 1
    if text[start:at].strip(LIST_BULLETS):
        return None
    end = text.find("\n", at)
    return start if (len(text) if end < 0 else end) - start <= LIST_LINE_CHARS else None


# How far apart two dashes may stand to enclose an aside ("am Montag – 3.000 Beamte waren
# aufgeboten – schwere Ausschreitungen gegeben").
ASIDE_CHARS = 120


def _is_dash(m: re.Match[str]) -> bool:
    return m.group().strip() in ("-", "–", "—")


def _aside_dash(text: str, m: re.Match[str]) -> bool:
    """A dash that opens or closes an aside: the sentence end next to it on the other side is a
    dash too. Such a pair is a parenthesis inside one sentence, not two sentence ends."""
    if not _is_dash(m):
        return False
    after = _SENTENCE_END.search(text, m.end(), min(len(text), m.end() + ASIDE_CHARS))
    if after is not None and _is_dash(after):
        return True
    before = [b for b in _SENTENCE_END.finditer(text, max(0, m.start() - ASIDE_CHARS), m.start())]
    return bool(before) and _is_dash(before[-1]) and before[-1].end() <= m.start()


def _sentence_stop(text: str, end: int, hi: int) -> int | None:
    """Where the sentence of an expression ending at ``end`` ends (None: not before ``hi``); an
    aside between dashes is read through."""
    pos = end
    while (m := _SENTENCE_END.search(text, pos, hi)) is not None:
        if not _aside_dash(text, m):
            return m.start()
        pos = m.end()
    return None


def _sentence_ends(text: str, lo: int, start: int) -> list[int]:
    """Where sentences end between ``lo`` and an expression at ``start``. The search runs one
    character past ``start``: a sentence end is known by the capital after it, and when the
    expression opens the sentence ("… Selbsterkenntnis. Heute genießt …") that capital is its own
    first letter, which a search stopping at ``start`` cannot see; the sentence before would then
    lend the expression its tense."""
    return [m.end() for m in _SENTENCE_END.finditer(text, lo, min(len(text), start + 1))
            if m.end() <= start and not _aside_dash(text, m)]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around an expression, at most TENSE_WINDOW characters either side."""
    lo = max(0, start - TENSE_WINDOW)
    hi = min(len(text), end + TENSE_WINDOW)
    cuts = _sentence_ends(text, lo, start)
    stop = _sentence_stop(text, end, hi)
    return (cuts[-1] if cuts else lo), (hi if stop is None else stop)


def tense_at(text: str, start: int, end: int, tables: TimeTables, neutral: frozenset[str] = frozenset()) -> int:
    """-1 past, +1 future, 0 unknown: the nearest tense cue in the expression's clause, else in
    its sentence ("gab bekannt, dass … bis zum 30. März … werde": the clause's "werde" counts)."""
    lo = max(0, start - TENSE_WINDOW)
    hi = min(len(text), end + TENSE_WINDOW)
    cuts = _sentence_ends(text, lo, start)
    if cuts:
        lo = cuts[-1]
    sentence_stop = _sentence_stop(text, end, hi)
    if sentence_stop is not None:
        hi = sentence_stop
    cuts = [m.end() for m in _CLAUSE_END.finditer(text, lo, start)]
    clause_lo = cuts[-1] if cuts else lo
    stop = _CLAUSE_END.search(text, end, hi)
    clause_hi = stop.start() if stop else hi
    return _nearest_cue(text, start, end, clause_lo, clause_hi, tables, neutral) or _nearest_cue(
        text, start, end, lo, hi, tables, neutral)


def present_passives(text: str, start: int, end: int, tables: TimeTables) -> frozenset[str]:
    """The passive auxiliaries of the sentence that follow a participle ("die im Herbst befallen
    werden"): a present passive, no future."""
    participle = tables.participle
    if participle is None or not tables.passive_aux:
        return frozenset()
    lo, hi = sentence_span(text, start, end)
    words = [m.group() for m in _WORD.finditer(text, lo, hi)]
    return frozenset(w.lower() for prev, w in zip(words, words[1:], strict=False)
                     if w.lower() in tables.passive_aux and _surely_participle(prev, participle))


def local_clause(text: str, start: int, end: int, tables: TimeTables) -> tuple[int, int]:
    """The expression's own clause: cut at sentence and clause marks and at coordinators."""
    lo = max(0, start - TENSE_WINDOW)
    hi = min(len(text), end + TENSE_WINDOW)
    cuts = _sentence_ends(text, lo, start)
    cuts += [m.end() for m in _CLAUSE_END.finditer(text, lo, start)]
    cuts += [m.start() for m in _WORD.finditer(text, lo, start) if m.group().lower() in tables.coordinators]
    lo = max(cuts, default=lo)
    stops = [m.start() for m in (_SENTENCE_END.search(text, end, hi), _CLAUSE_END.search(text, end, hi)) if m]
    stops += [m.start() for m in _WORD.finditer(text, end, hi) if m.group().lower() in tables.coordinators][:1]
    return lo, min(stops, default=hi)


def past_verb_in_clause(text: str, start: int, end: int, tables: TimeTables) -> bool:
    """The expression's clause holds a past-tense verb form of the table ("war", "wurde", "was"),
    not merely a perfect participle ("ist ab Montag geöffnet" is a present state)."""
    lo, hi = local_clause(text, start, end, tables)
    return any(m.group().lower() in tables.past for m in _WORD.finditer(text, lo, hi)
               if not start <= m.start() < end)


def local_tense(text: str, start: int, end: int, tables: TimeTables, neutral: frozenset[str] = frozenset()) -> int:
    """The tense of the expression's own clause, cut also at coordinators ("wie es früher war,
    heute ist und wie es in Zukunft sein könnte": "heute" is present). A "wird" whose clause ends
    in a participle is a present passive ("wird heute gut bewahrt"), no future."""
    lo, hi = local_clause(text, start, end, tables)
    tense = _nearest_cue(text, start, end, lo, hi, tables, neutral)
    words = [m.group() for m in _WORD.finditer(text, lo, hi)]
    participle = tables.participle
    if tense > 0 and participle is not None and words and _surely_participle(words[-1], participle) \
            and not any(_cue(w, w.lower(), tables) > 0 for w in words if w.lower() not in tables.passive_aux):
        return 0
    return tense


def _nearest_cue(text: str, start: int, end: int, lo: int, hi: int, tables: TimeTables,
                 neutral: frozenset[str] = frozenset()) -> int:
    best, best_dist = 0, hi - lo + 1
    previous = ""
    words = list(_WORD.finditer(text, lo, hi))
    lows = [m.group().lower() for m in words]  # once per word: every rule below compares it
    # a participle ("geschlossen") is past only with a perfect auxiliary ("ist … gestorben"),
    # not in a stative or passive present ("bleibt geschlossen")
    perfect = any(low in tables.perfect_aux for low in lows)
    # "Im Winter haben Wildtiere drei Bedürfnisse": "haben" is a perfect (past) only beside a participle
    participle = tables.participle
    has_participle = participle is not None and any(
        _surely_participle(m.group(), participle) for m in words)
    for i, (m, low) in enumerate(zip(words, lows, strict=True)):
        word, prev = m.group(), previous
        previous = low
        if start <= m.start() < end or low in neutral:
            continue
        cue = _cue(word, low, tables)
        if not cue and low in tables.past_suffix_stop and low not in tables.plan_participles \
                and word[:1].islower() and not text[m.end():start].strip() and tables.past_suffix is not None \
                and tables.past_suffix.fullmatch(word):
            cue = -1  # "all qualified Saturday": right before the day an -ed word is the verb, no adjective
        elif not cue and low in tables.past_invariant and prev and not (
                {prev, lows[i - 2] if i > 1 else ""} & tables.invariant_not_after):
            cue = -1  # "The storm hit on Sunday"; "will hit", "is now set to", "they cut" are not past
        if cue < 0 and low in tables.aux_present and not has_participle:
            cue = 0
        if cue < 0 and low not in tables.past and _attributive(words, i, tables):
            cue = 0
        if prev in tables.infinitive_after and word[:1].islower() and word.endswith("en"):
            cue = 1  # "zu beginnen": an intention
        elif not cue and perfect and tables.participle is not None and word[:1].islower():
            cue = -1 if tables.participle.fullmatch(word) and low not in tables.past_suffix_stop else 0
        if cue < 0 and prev in tables.participle_after and low not in tables.past:
            continue  # "will be released": a participle, its tense is the auxiliary's
        if cue:
            dist = start - m.end() if m.end() <= start else m.start() - end
            if dist < best_dist:
                best, best_dist = cue, dist
    return best


def _surely_participle(word: str, participle: re.Pattern[str]) -> bool:
    """A participle that is no infinitive: "gewesen", "bewahrt" ("benötigen" matches the pattern too)."""
    return word[:1].islower() and participle.fullmatch(word) is not None and (word.startswith("ge") or word.endswith("t"))


# How many words before a "-ten" word its noun phrase's article is looked for.
ATTRIBUTIVE_WORDS = 5


def _attributive(words: list[re.Match[str]], i: int, tables: TimeTables) -> bool:
    """German: a "-te"/"-ten" word between a lower-case word and a noun is an adjective
    ("über unberührte Hänge", "die erwarteten Spiele"), not a preterite; a verb after the first
    constituent follows a capitalised word or opens the sentence ("Am Sonntag besuchten Tausende")."""
    if not tables.capitalised_nouns or i == 0 or i + 1 >= len(words) or not words[i + 1].group()[:1].isupper():
        return False
    if words[i - 1].group()[:1].islower():
        return True
    # "die ebenfalls mit Spannung erwarteten Viertelfinals": an article opens the noun phrase, and
    # the only nouns between stand in a prepositional phrase inside it
    before = [m.group() for m in words[max(0, i - ATTRIBUTIVE_WORDS):i]]
    for k in range(len(before) - 1, -1, -1):
        if before[k].lower() in tables.articles:
            inside = before[k + 1:]
            return all(w[:1].islower() or (j > 0 and inside[j - 1].lower() in tables.prepositions)
                       for j, w in enumerate(inside))
    return False


def _cue(word: str, low: str, tables: TimeTables) -> int:
    if low in tables.future:
        return 1
    if low in tables.past or (low in tables.past_lower and word[:1].islower()):
        return -1
    if tables.future_suffix is not None and word[:1].islower() and tables.future_suffix.fullmatch(word):
        return 1
    suffix = tables.past_suffix
    past = suffix is not None and word[:1].islower() and low not in tables.past_suffix_stop
    return -1 if past and suffix is not None and suffix.fullmatch(word) else 0
