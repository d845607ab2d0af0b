"""German common nouns told from names by the words around them (issue 15, class 1).

German capitalises every noun, so the model takes dictionary nouns for names ("Jägerinnen und
Jäger", "Säure, Extrakt, Aromen und Zucker", "der üblichen Formel", a heading "Tipps"). The name
lists cannot settle it: many nouns are also surnames ("Zucker", "Klima", "Tipps"). The context can:

* a noun listed with other dictionary nouns that are no names is one of them (a coordination:
  "Filme, Serien und Shows", "Likes und Follower");
* a determiner and an inflected adjective before a word make it a noun ("der üblichen Formel");
* a quantity before a noun ("150 Gramm Zucker", "ein paar Tipps") says it is counted, not named;
* a heading of one noun, a line of its own or a kicker before a colon ("Tipps", "Klima: ..."), is
  a topic, not a person;
* once an article shows a word to be a noun, its other mentions are that noun too.

A word that one of the article's full names contains ("Weber" of "Terence Weber"), that the
organisation gazetteer knows, or that is written in capitals is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache

from newsmill.enrich.entities.kinds import country_like
from newsmill.enrich.entities.lexicon import FIRST, WordClasses, common_nouns
from newsmill.enrich.places.regions import is_region
from newsmill.extract.lexicon import read_table
from newsmill.patterns import alternation

Span = tuple[int, int, str]

# How far back and ahead a coordinated noun is looked for.
_REACH = 60
# The shortest part of a compound read as two nouns ("Ski|kontrolle").
MIN_PART = 3
# The shortest inflected adjective: shorter words so ending are pronouns ("eine", "seine" are longer
# but are determiners, which come first).
MIN_ADJECTIVE = 4


@lru_cache(maxsize=4)
def _coordination(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    words = (read_table("entities").get(language) or {}).get("coordinators")
    if not words:
        return None
    joint = rf"(?:\s*,\s*|\s+(?:{alternation(words)})\s+)"
    return (re.compile(rf"(?<![\w-])([A-ZÄÖÜ][\w-]*){joint}$"), re.compile(rf"^{joint}([A-ZÄÖÜ][\w-]*)(?![\w-])"))


def _is_noun(word: str, compounds: bool = False) -> bool:
    """A dictionary noun, or with ``compounds`` also one noun after another ("Ski|kontrolle")."""
    if word.isupper():
        return False
    low = word.lower().replace("\u00ad", "")
    nouns = common_nouns("de")
    if low in nouns:
        return True
    if not compounds:
        return False
    if "-" in low:
        return low.rsplit("-", 1)[-1] in nouns and low.split("-", 1)[0] in nouns
    return any(low[:i] in nouns and low[i:] in nouns for i in range(MIN_PART, len(low) - MIN_PART + 1))


def _unnamed_compound(mention: str, codes: Mapping[str, str] | None) -> bool:
    """A compound of nouns that no name list or gazetteer knows ("Skikontrolle"; not "Rosenheim")."""
    from newsmill.enrich.places.gazetteer import gazetteer

    return codes is not None and not codes.get(mention.lower(), "") and _is_noun(mention, compounds=True) \
        and gazetteer().lookup(mention, "de") is None


def noun_mentions(text: str, spans: list[Span], full_names: Collection[str], classes: WordClasses,
                  codes: Mapping[str, str] | None = None) -> set[str]:
    """The one-word mentions of ``spans`` that the article shows to be German common nouns."""
    from newsmill.enrich.entities.gazetteer import organisation_names

    patterns = _coordination("de")
    orgs = organisation_names()
    found: set[str] = set()
    for start, end, label in spans:
        mention = text[start:end]
        if label not in ("PER", "ORG", "LOC") or " " in mention or mention in found \
                or mention.lower() in full_names or mention in orgs or mention.casefold() in classes.platform_keys \
                or label == "LOC" and (country_like(mention, "de") or is_region(mention)):
            continue
        # (not organisations: "Bosch, Siemens, Volkswagen", whose names the dictionary lists as nouns)
        noun = _is_noun(mention)
        if not noun and (label == "ORG" or not _unnamed_compound(mention, codes)):
            continue
        listed = label != "ORG" and patterns is not None and _listed_with_nouns(text, start, end, spans, patterns)
        # an adjective before a first name is the speaker's ("die kleine Maria")
        attributive = _after_adjective(text, start, classes) and not (codes and FIRST in codes.get(mention.lower(), ""))
        counted = noun and label != "ORG" and _counted(text, start)
        if noun and _heading(text, start, end) or listed or noun and attributive or counted:
            found.add(mention)
    return found


@lru_cache(maxsize=1)
def _counting() -> tuple[frozenset[str], re.Pattern[str]] | None:
    row = read_table("entities").get("de") or {}
    quantifiers, units = row.get("quantifiers"), row.get("units")
    if not quantifiers or not units:
        return None
    return frozenset(quantifiers), re.compile(
        rf"(?<![\w.])(?:\d(?:[\d.,/]*\d)?|[½¼¾])\s*(?:(?:{alternation(units)})\.?\s+)?$", re.IGNORECASE)


def _counted(text: str, start: int) -> bool:
    """A quantity before the word: a number, with or without a unit, or a quantifier ("150 Gramm
    Zucker", "ein paar Tipps"): people and places are not counted out so. A number with a period
    is an enumeration or a rank ("1. Müller"), no quantity."""
    from newsmill.enrich.entities.canonical import word_before

    counting = _counting()
    if counting is None:
        return False
    quantifiers, quantity = counting
    return word_before(text, start) in quantifiers or quantity.search(text, max(0, start - 20), start) is not None


def _heading(text: str, start: int, end: int) -> bool:
    """The word is a line of its own, or a kicker before a colon at a line's start ("Klima: ...")."""
    line_start = start == 0 or text[start - 1] == "\n"
    after = text[end:end + 2]
    return line_start and (end == len(text) or after[:1] == "\n" or after[:1] == ":")


def _listed_with_nouns(text: str, start: int, end: int, spans: list[Span],
                       patterns: tuple[re.Pattern[str], re.Pattern[str]]) -> bool:
    """A neighbour in a list ("X, Y und Z") is a dictionary noun that no name span covers."""
    before, after = patterns
    m = before.search(text, max(0, start - _REACH), start)
    if m is not None and _plain_noun(m.group(1), m.start(1), m.end(1), spans):
        return True
    m = after.match(text[end:end + _REACH])
    return m is not None and _plain_noun(m.group(1), end + m.start(1), end + m.end(1), spans)


def _plain_noun(word: str, start: int, end: int, spans: list[Span]) -> bool:
    if not _is_noun(word, compounds=True):
        return False
    return not any(s < end and start < e and label in ("PER", "ORG", "LOC") for s, e, label in spans)


_NOUN_PHRASE = re.compile(r"(?<![\w-])([a-zäöüß]+) ([a-zäöüß]+(?:e|en|er|es|em)) $")


def _after_adjective(text: str, start: int, classes: WordClasses) -> bool:
    """A determiner and an inflected adjective right before, in lower case: "der üblichen Formel";
    a verb before a name ("stellte Krupp") or a noun at a line's start ("Finanzämter Essen") is none."""
    m = _NOUN_PHRASE.search(text, max(0, start - _REACH), start)
    return m is not None and m.group(1) in classes.determiners and len(m.group(2)) >= MIN_ADJECTIVE
