"""Language tables for time expressions: loaded once from ``newsmill/data/times/<lang>.json``.

Each table holds lexicons (month names, weekdays, number words, cue words …), tense cues and an
ordered list of rules. A rule pattern is a regular expression written with two conveniences: a
space stands for one or more whitespace characters, and ``{NAME}`` expands to the alternation of
lexicon ``NAME`` (longest entries first). The rules act as one alternation tried at each candidate
start: earlier rules win at the same start position, which is why the tables list the longer, more
specific rules first. Nothing is compiled when the tables load; each rule is compiled alone when a
text first needs it, and tried with the other rules that can start with the same character
(``RuleSet``).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from newsmill.enrich.times.firstchar import first_chars
from newsmill.patterns import alternation

# The fixed sub-patterns every language shares.
_BUILTIN = {
    "DAY": r"(?:0?[1-9]|[12]\d|3[01])",
    "MONTHNUM": r"(?:0?[1-9]|1[0-2])",
    "YEAR": r"(?:1[0-9]\d\d|20\d\d)(?![.,]\d)",
}
# Trigger suffixes are pre-filtered by their last this many letters (a set lookup per word before
# the endswith test); every suffix in the tables must be at least this long (checked on load).
TRIGGER_TAIL_CHARS = 4
_PLACEHOLDER = re.compile(r"\{([A-Z]+)\}")
_GROUP = re.compile(r"\(\?P<([a-z_]+)>")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    index: int
    groups: tuple[str, ...]


class RuleSet:
    """The rules that can start with one character, in table order, tried one by one.

    ``match`` gives what their joined alternation gives: a regex alternation tries its branches in
    order and takes the first one that matches (with the shared word boundaries) at the position,
    which is what trying each branch alone in the same order does; the group names are the same.
    They are never joined: each rule is compiled once for all characters (~0.05 s per language),
    where the joined sets of the characters recompiled the rules they share (up to ~0.55 s per
    language, German) for an attempt no faster than the loop (~12 µs either way).
    """

    __slots__ = ("tables", "keep")

    def __init__(self, tables: TimeTables, keep: tuple[int, ...]) -> None:
        self.tables, self.keep = tables, keep

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        branch = self.tables.branch
        for index in self.keep:
            m = branch(index).match(text, pos)
            if m is not None:
                return m
        return None


@dataclass
class TimeTables:
    """Everything the engine knows about one language."""

    language: str
    lexicon: dict[str, dict[str, Any]]
    rules: list[Rule]
    past: frozenset[str]
    future: frozenset[str]
    past_suffix: re.Pattern[str] | None
    past_suffix_stop: frozenset[str]
    participle_after: frozenset[str]
    interval_open: re.Pattern[str]
    interval_gap: re.Pattern[str]
    # "zwischen", "between": the only openers a bare "und", "and" joins the two ends after
    # ("von 1830 und 1848" names two years, "zwischen 1830 und 1848" one stretch)
    interval_between: re.Pattern[str] | None = None
    interval_and: re.Pattern[str] | None = None
    # preterites that are also nouns ("riss" / "der Riss"): past only when written lower-case
    past_lower: frozenset[str] = field(default_factory=frozenset)
    # English verbs whose past is their present ("hit", "cut"): past unless a modal, "to" or a
    # subject that takes the bare present stands before ("will cut", "to cut", "they cut")
    past_invariant: frozenset[str] = field(default_factory=frozenset)
    # stop-listed "-ed" words that stay no past verb even right before a day ("planned Saturday")
    plan_participles: frozenset[str] = field(default_factory=frozenset)
    invariant_not_after: frozenset[str] = field(default_factory=frozenset)
    participle: re.Pattern[str] | None = None  # past only beside a perfect auxiliary
    future_suffix: re.Pattern[str] | None = None  # "anzutreten": an intention, the future
    perfect_aux: frozenset[str] = field(default_factory=frozenset)
    # present forms of the perfect auxiliary ("hat", "haben"): past only beside a participle
    aux_present: frozenset[str] = field(default_factory=frozenset)
    articles: frozenset[str] = field(default_factory=frozenset)  # open a noun phrase
    # prepositions fused with an article ("im", "zum"): before a capitalised deictic, a noun ("im Heute")
    noun_contractions: frozenset[str] = field(default_factory=frozenset)
    prepositions: frozenset[str] = field(default_factory=frozenset)
    # "last Tuesday", "vergangenen Dienstag": the weekday of the week before ("am gestrigen Montag" is yesterday)
    last_weekday: frozenset[str] = field(default_factory=frozenset)
    # "das Deutschland von morgen", "the cities of tomorrow": the future, no day. "before": the
    # preposition; "not_after": nouns whose "of tomorrow" is a day ("the end of tomorrow");
    # "not_before": words after that make it a day again ("von morgen an")
    figurative_future: dict[str, frozenset[str]] = field(default_factory=dict)
    # "des gestrigen Tages", "am heutigen Tag": words that count from the publication even where
    # a day of the story would anchor "am nächsten Tag"
    deictic_rel: frozenset[str] = field(default_factory=frozenset)
    # "letzten" before a unit and a genitive ("im letzten Jahr der Prämie"): the final one
    final_of: dict[str, frozenset[str]] = field(default_factory=dict)
    after_event: frozenset[str] = field(default_factory=frozenset)  # "after Monday's loss": the past
    passive_aux: frozenset[str] = field(default_factory=frozenset)  # "wird … bewahrt": present passive
    # "am Montag zu beginnen": after these a verb is an infinitive of intention, the future
    infinitive_after: frozenset[str] = field(default_factory=frozenset)
    capitalised_nouns: bool = False  # German: a capitalised word after a number is what it counts
    # English news quotes words said on another day ("we needed to win this game today," he said
    # after the game): a deictic inside a direct quotation gets no date (German quotes of the day
    # mostly keep it: two of three on the tuning set)
    quoted_deictic_undated: bool = False
    triggers: frozenset[str] = field(default_factory=frozenset)
    starters: frozenset[str] = field(default_factory=frozenset)
    trigger_suffixes: tuple[str, ...] = ()
    trigger_tails: frozenset[str] = field(default_factory=frozenset)  # their last four letters
    year_cue_before: frozenset[str] = field(default_factory=frozenset)
    year_scene_before: frozenset[str] = field(default_factory=frozenset)
    round_year_cue: frozenset[str] = field(default_factory=frozenset)  # "um 1000": a round year after all
    unit_plural: frozenset[str] = field(default_factory=frozenset)
    branches: list[str] = field(default_factory=list)
    _first: list[frozenset[str] | None] | None = None
    _by_char: dict[str, RuleSet] = field(default_factory=dict)
    _by_rules: dict[tuple[int, ...], RuleSet] = field(default_factory=dict)
    _branch_patterns: dict[int, re.Pattern[str]] = field(default_factory=dict)
    _master: re.Pattern[str] | None = None
    year_guard_after: frozenset[str] = field(default_factory=frozenset)
    year_guard_before: frozenset[str] = field(default_factory=frozenset)
    # German compounds whose head names a numbered thing ("Startnummer 2012", "Buslinie 2020",
    # "Kriegsdrama 1917"): the year-like number after them is its number or title
    year_guard_before_suffix: tuple[str, ...] = ()
    # sports clubs' abbreviations ("TSV", "VfB"): a year after one and at most two capitalised
    # names is the club's founding in its name ("TV Fürth 1860", "TSV 1860"), no time of the text
    club_before: frozenset[str] = field(default_factory=frozenset)
    # "am kommenden Wochenende", "this coming weekend": the next weekend to come, this week's
    # when said on a weekday (not the next week's, as "nächstes Wochenende" may be)
    nearest_rel: frozenset[str] = field(default_factory=frozenset)
    # makers and product lines (year_product_after) anywhere in the text: a text about products,
    # where "the 2020 Sentra" is a model year; the events such a text may still date
    products: re.Pattern[str] | None = None
    year_event_after: frozenset[str] = field(default_factory=frozenset)
    street_after: frozenset[str] = field(default_factory=frozenset)  # "2020 Main Street": an address
    # "heute" meaning nowadays: words just before or after it, and then/now contrasts in its sentence
    nowadays_before: frozenset[str] = field(default_factory=frozenset)
    # "bereits heute … geworden", "already today": nowadays only in a perfect or past clause
    nowadays_before_perfect: frozenset[str] = field(default_factory=frozenset)
    # present modals ("kann", "muss", "can"): no future for "heute" ("kann bis heute nicht vergessen")
    nowadays_modal: frozenset[str] = field(default_factory=frozenset)
    # words that join two clauses of their own tense ("war, heute … ist und … sein könnte")
    coordinators: frozenset[str] = field(default_factory=frozenset)
    nowadays_after: re.Pattern[str] | None = None
    nowadays_contrast: re.Pattern[str] | None = None
    # anywhere in the clause: "Heute rollen die Köpfe zwar nicht mehr", "is no longer … today"
    nowadays_clause: re.Pattern[str] | None = None
    # "jedes Jahr am 8. November", "every Christmas": a recurring date, no one day
    recurrence: re.Pattern[str] | None = None
    # "Halloween is celebrated on Oct. 31": said of every year when the clause has no tense
    recurrence_verbs: re.Pattern[str] | None = None
    recurrence_adjacent: re.Pattern[str] | None = None  # "every", "jeden": only right before the date
    nowadays_age: re.Pattern[str] | None = None  # "die heute 80-Jährige": an age now, no day
    # states and generic subjects ("gilt", "leben", "viele"): in a clause without tense, "heute"
    # with them is nowadays ("Heute leben viele …"), where an event ("beginnt") is today
    nowadays_stative: re.Pattern[str] | None = None
    # a present copula ("Heute ist er Schauspieler", "is in service today") is a state now, unless
    # the clause names the day itself ("Heute ist Weltfrauentag", "Today is the deadline")
    nowadays_copula: frozenset[str] = field(default_factory=frozenset)
    nowadays_copula_day: frozenset[str] = field(default_factory=frozenset)
    nowadays_copula_day_suffix: tuple[str, ...] = ()
    # "ab Montag", "starting Monday": the start of something to come, whatever the clause's tense
    forward_before: re.Pattern[str] | None = None
    approximate: re.Pattern[str] | None = None  # "vor fast fünf Jahren": no value a reader can rely on
    past_before: re.Pattern[str] | None = None  # "seit März", "since March": gone by, whatever the tense
    # "wurde auf den 28. November vertagt", "was adjourned until Nov. 28": the date a thing is moved
    # to lies ahead of the report, though the report is in the past tense (preposition before the
    # expression, verbs of moving in time in its sentence)
    moved_to: re.Pattern[str] | None = None
    # "bis", "until": a month or day that ends a stretch; in a past clause a deadline set then,
    # which may still lie ahead ("hat die Räumungen bis Mitte Juni ausgesetzt", written in April)
    until_before: re.Pattern[str] | None = None
    # what follows a date inside an extended attribute, up to its participle and noun ("Das im
    # Februar 2018 als Spin-off gegründete Start-up"): such a date is told in passing
    attributive_after: re.Pattern[str] | None = None
    # "an diesem Tag", "that day": the story's day, which a year in its clause moves to that year
    # ("An diesem Tag wurde sie im Jahr 1435 erstmals erwähnt")
    same_day: re.Pattern[str] | None = None
    moved_verbs: re.Pattern[str] | None = None
    # "The tour kicks off June 9", "Der Vorverkauf … beginnt": words of a schedule, whose
    # present-tense dates are to come
    schedule: re.Pattern[str] | None = None
    # "an einem Dienstagabend im März", "on a Monday": a weekday, but no one day
    indefinite_day: re.Pattern[str] | None = None
    # German: a bare weekday right after a capitalised word that opens no time is a surname
    # ("Jerzy Montag", "dem Abgeordneten Montag"); the words that do ("Stand Montag") are listed
    weekday_name_after: frozenset[str] | None = None
    # "in der Woche vom 6. November": the day names its week
    week_of: re.Pattern[str] | None = None
    # "am Vorabend der Wahl", "am Vorabend von Aschura": the words between an anaphoric day and
    # the event it is counted from (a capitalised word follows)
    event_of: re.Pattern[str] | None = None
    # opening hours and the like: their clock times are on every such day, not one
    daily: re.Pattern[str] | None = None
    # "24 points in the third quarter", "in der zweiten Halbzeit": a bare quarter or half of a game
    game_period: re.Pattern[str] | None = None

    def master_for(self, char: str) -> RuleSet:
        """The rules that can start with ``char``, tried as one alternation (same order and groups)."""
        rules = self._by_char.get(char)
        if rules is None:
            keep = tuple(i for i, first in enumerate(self.first) if first is None or char in first)
            rules = self._by_rules.get(keep)
            if rules is None:
                rules = self._by_rules[keep] = RuleSet(self, keep)
            self._by_char[char] = rules
        return rules

    @property
    def first(self) -> list[frozenset[str] | None]:
        """Per rule, the characters it can start with (None: any); worked out on first use, since
        a caller that only reads the lexicons (the entity step's month names) never needs them."""
        if self._first is None:
            self._first = [first_chars(b, re.IGNORECASE) for b in self.branches]
        return self._first

    def branch(self, index: int) -> re.Pattern[str]:
        """Rule ``index`` alone, compiled on first use."""
        pattern = self._branch_patterns.get(index)
        if pattern is None:
            pattern = self._branch_patterns[index] = re.compile(_join([self.branches[index]]), re.IGNORECASE)
        return pattern

    @property
    def master(self) -> re.Pattern[str]:
        """Every rule in one alternation (compiled on first use: the scan itself dispatches by first character)."""
        if self._master is None:
            self._master = re.compile(_join(self.branches), re.IGNORECASE)
        return self._master

    def lookup(self, table: str, word: str) -> Any:
        """The lexicon value of ``word`` (whitespace-normalised, case-folded), or None."""
        return self.lexicon.get(table, {}).get(_key(word))


def _key(word: str) -> str:
    return " ".join(word.split()).lower()


def _expand(pattern: str, alternations: dict[str, str]) -> str:
    # a space in a rule is one or more spaces; " ?" an optional one ("20.April", "10am"), which
    # the plain replacement made "\s+?", a space still required
    pattern = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
    return _PLACEHOLDER.sub(lambda m: alternations[m.group(1)], pattern)


def _compile_rules(raw_rules: list[dict[str, str]], alternations: dict[str, str]) -> tuple[list[Rule], list[str]]:
    rules: list[Rule] = []
    branches: list[str] = []
    for index, raw in enumerate(raw_rules):
        body = _expand(raw["pattern"], alternations)
        groups = tuple(dict.fromkeys(_GROUP.findall(body)))
        body = _GROUP.sub(lambda m, i=index: f"(?P<r{i}_{m.group(1)}>", body)  # type: ignore[misc]
        rules.append(Rule(raw["name"], raw["type"], index, groups))
        branches.append(f"(?P<r{index}>{body})")
    return rules, branches


def _join(branches: list[str]) -> str:
    # word boundaries around the whole alternation: no expression starts or ends inside a word
    return r"(?<![\w.:])(?:" + "|".join(branches) + r")(?!\w)"


def build_tables(data: dict[str, Any]) -> TimeTables:
    case_sensitive = frozenset(data.get("case_sensitive", []))
    raw_lex: dict[str, dict[str, Any]] = data["lexicon"]
    alternations = dict(_BUILTIN)
    for name, table in raw_lex.items():
        alternations[name] = "(?:" + alternation(table, case_sensitive=case_sensitive, any_space=True) + ")"
    rules, branches = _compile_rules(data["rules"], alternations)
    tense = data.get("tense", {})
    suffix = tense.get("past_suffix")
    interval = data["interval"]
    nowadays = data.get("nowadays", {})
    return TimeTables(
        language=data["language"],
        lexicon={name: {_key(k): v for k, v in table.items()} for name, table in raw_lex.items()},
        rules=rules,
        branches=branches,
        past=frozenset(w.lower() for w in tense.get("past", [])),
        future=frozenset(w.lower() for w in tense.get("future", [])),
        past_suffix=re.compile(suffix) if suffix else None,
        past_suffix_stop=frozenset(tense.get("past_suffix_stop", [])),
        past_lower=frozenset(tense.get("past_lower", [])),
        past_invariant=frozenset(tense.get("past_invariant", [])),
        plan_participles=frozenset(tense.get("plan_participles", [])),
        invariant_not_after=frozenset(tense.get("invariant_not_after", [])),
        participle_after=frozenset(tense.get("participle_after", [])),
        participle=re.compile(tense["participle"]) if tense.get("participle") else None,
        future_suffix=re.compile(tense["future_suffix"]) if tense.get("future_suffix") else None,
        perfect_aux=frozenset(tense.get("perfect_aux", [])),
        aux_present=frozenset(tense.get("aux_present", [])),
        articles=frozenset(tense.get("articles", [])),
        noun_contractions=frozenset(data.get("noun_contractions", [])),
        prepositions=frozenset(tense.get("prepositions", [])),
        last_weekday=frozenset(w.lower() for w in data.get("last_weekday", [])),
        figurative_future={k: frozenset(w.lower() for w in v) for k, v in data.get("figurative_future", {}).items()},
        deictic_rel=frozenset(w.lower() for w in data.get("deictic_rel", [])),
        after_event=frozenset(w.lower() for w in data.get("after_event", [])),
        final_of={k: frozenset(w.lower() for w in v) for k, v in data.get("final_of", {}).items()},
        passive_aux=frozenset(tense.get("passive_aux", [])),
        infinitive_after=frozenset(tense.get("infinitive_after", [])),
        interval_open=re.compile(r"(?:^|\W)" + interval["open"] + r"\s+$", re.IGNORECASE),
        interval_gap=re.compile(interval["gap"], re.IGNORECASE),
        interval_between=re.compile(r"(?:^|\W)" + interval["between"] + r"\s+$", re.IGNORECASE)
        if "between" in interval else None,
        interval_and=re.compile(interval["and"], re.IGNORECASE) if "and" in interval else None,
        capitalised_nouns=bool(data.get("capitalised_nouns", False)),
        quoted_deictic_undated=bool(data.get("quoted_deictic_undated", False)),
        triggers=_triggers(data),
        starters=_starters(data),
        trigger_suffixes=tuple(data.get("trigger_suffixes", [])),
        trigger_tails=_trigger_tails(data.get("trigger_suffixes", [])),
        year_cue_before=frozenset(data.get("year_cue_before", [])),
        year_scene_before=frozenset(data.get("year_scene_before", [])),
        round_year_cue=frozenset(w.lower() for w in data.get("round_year_cue", [])),
        unit_plural=frozenset(data.get("unit_plural", [])),
        # a year before a maker or a product line ("the 2016 MacBook Pro", "2020 VW ID.3"): a model year
        year_guard_after=frozenset(data.get("year_guard_after", []) + data.get("year_product_after", [])),
        year_guard_before=frozenset(w.lower() for w in data.get("year_guard_before", [])),
        year_guard_before_suffix=tuple(w.lower() for w in data.get("year_guard_before_suffix", [])),
        club_before=frozenset(data.get("club_before", [])),
        nearest_rel=frozenset(w.lower() for w in data.get("nearest_rel", [])),
        products=re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, data["year_product_after"])) + r")(?![\w-])")
        if data.get("year_product_after") else None,
        year_event_after=frozenset(w.lower() for w in data.get("year_event_after", [])),
        street_after=frozenset(w.lower() for w in data.get("street_after", [])),
        nowadays_before=frozenset(nowadays.get("before", [])),
        nowadays_before_perfect=frozenset(nowadays.get("before_perfect", [])),
        nowadays_modal=frozenset(w.lower() for w in nowadays.get("modal", [])),
        coordinators=frozenset(tense.get("coordinators", [])),
        nowadays_after=_phrases(nowadays.get("after", []), r"^\s*(?:", r")\b"),
        nowadays_contrast=_phrases(nowadays.get("contrast", []), r"(?<!\w)(?:", r")(?!\w)"),
        nowadays_clause=_phrases(nowadays.get("clause", []), r"(?<!\w)(?:", r")(?!\w)"),
        recurrence=_phrases(data.get("recurrence", []), r"(?<!\w)(?:", r")(?!\w)"),
        nowadays_age=re.compile(r"^\s*(?:" + nowadays["after_age"] + ")", re.IGNORECASE)
        if nowadays.get("after_age") else None,
        forward_before=_phrases(data.get("forward_before", []), r"(?:^|(?<!\w))(?:", r")\s+$"),
        approximate=_phrases(data.get("approximate", []), r"(?<!\w)(?:", r")\s+(?=\w)"),
        past_before=_phrases(data.get("past_before", []), r"(?:^|(?<!\w))(?:", r")\s+$"),
        moved_to=_phrases(data.get("moved_to", {}).get("before", []), r"(?:^|(?<!\w))(?:", r")\s+$"),
        same_day=_phrases(data.get("same_day", []), r"(?<!\w)(?:", r")$"),
        attributive_after=re.compile(data["attributive_after"]) if "attributive_after" in data else None,
        until_before=_phrases(data.get("until_before", []), r"(?:^|(?<!\w))(?:", r")\s+$"),
        moved_verbs=_phrases(data.get("moved_to", {}).get("verbs", []), r"(?<!\w)(?:", r")\w*"),
        schedule=_phrases(data.get("schedule", []), r"(?<!\w)(?:", r")(?!\w)"),
        weekday_name_after=frozenset(w.lower() for w in data["weekday_name_after"])
        if "weekday_name_after" in data else None,
        indefinite_day=_phrases(data.get("indefinite_day", []), r"(?<!\w)(?:", r")\s+$"),
        nowadays_copula=frozenset(w.lower() for w in nowadays.get("copula", [])),
        nowadays_copula_day=frozenset(w.lower() for w in nowadays.get("copula_day", [])),
        nowadays_copula_day_suffix=tuple(w.lower() for w in nowadays.get("copula_day_suffix", [])),
        nowadays_stative=_phrases(nowadays.get("stative", []), r"(?<!\w)(?:", r")(?!\w)"),
        week_of=_phrases(data.get("week_of", []), r"(?<!\w)(?:", r")\s*$"),
        event_of=_phrases(data.get("event_of", []), r"\s+(?:", r")\s+(?=[^\W\d_])"),
        daily=_phrases(data.get("daily", []), r"(?<!\w)(?:", r")(?!\w)"),
        game_period=_phrases(data.get("game_period", []), r"(?<!\w)(?:", r")(?!\w)"),
        recurrence_verbs=_phrases(data.get("recurrence_verbs", []), r"(?<!\w)(?:", r")(?!\w)"),
        # the cue, at most one short word ("on", "am"), then the date
        recurrence_adjacent=_phrases(data.get("recurrence_adjacent", []), r"(?<!\w)(?:", r")(?:\s+\w{1,3})?\s*$"),
    )


def _phrases(words: list[str], head: str, tail: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern for a list of words and phrases (longest first)."""
    if not words:
        return None
    body = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(head + body + tail, re.IGNORECASE)


def _trigger_tails(suffixes: list[str]) -> frozenset[str]:
    short = [x for x in suffixes if len(x) < TRIGGER_TAIL_CHARS]
    if short:  # a shorter suffix would never pass the tail filter: a data error, not a silent miss
        raise ValueError(f"trigger_suffixes shorter than {TRIGGER_TAIL_CHARS} letters: {short}")
    return frozenset(x[-TRIGGER_TAIL_CHARS:] for x in suffixes)


# Lexicons whose words never make a time expression on their own: they do not trigger matching.
_NON_TRIGGER = frozenset({"MOD", "REL", "RELA", "POST", "SIGN", "VAGUE", "NUM", "ORDINAL", "BC"})


def _triggers(data: dict[str, Any]) -> frozenset[str]:
    """Lower-case words at least one of which every time expression contains."""
    words = {w.lower() for w in data.get("triggers", [])}
    for name, table in data["lexicon"].items():
        if name in _NON_TRIGGER:
            continue
        # of a several-word entry only the last word, its head ("Tag der Deutschen Einheit")
        words.update(entry.split()[-1].strip(".").lower() for entry in table)
    return frozenset(words)


_LITERAL = re.compile(r"\(\?P<\w+>|\{[A-Z]+\}|\\\w|([^\W\d_]+)")


def _starters(data: dict[str, Any]) -> frozenset[str]:
    """Lower-case words an expression may start with: any lexicon word or word of a rule."""
    words = set(_triggers(data))
    for table in data["lexicon"].values():
        for entry in table:
            words.update(w.strip(".").lower() for w in entry.split())
    for rule in data["rules"]:
        words.update(m.group(1).lower() for m in _LITERAL.finditer(rule["pattern"]) if m.group(1))
    return frozenset(words)


@functools.lru_cache(maxsize=8)
def load_tables(language: str) -> TimeTables | None:
    """The tables for ``language``, or None when newsmill has none for it."""
    path = resources.files("newsmill").joinpath("data").joinpath("times").joinpath(f"{language}.json")
    if not path.is_file():
        return None
    return build_tables(json.loads(path.read_text(encoding="utf-8")))
