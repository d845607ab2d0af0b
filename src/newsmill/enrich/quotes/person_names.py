"""Person names as a speaker's name: the parts the recogniser cut off or added.

The entity recogniser sometimes stops a name at a lower-case particle ("Karl-Theodor" for
"Karl-Theodor zu Guttenberg"), keeps a German genitive ending ("Rafael van der Vaarts
Abschiedsgala"), and a speaker phrase may open with a dateline ("BERLIN -- The European Space
Agency says"). These functions repair the name the speaker resolver uses; the tables are
``newsmill/data/quotes/speaker_words.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from newsmill.article import Entity
from newsmill.enrich.quotes.text import Token

# Particles a name holds between first name and surname: "de la", "van der", at most this many.
MAX_PARTICLES = 3
# A surname without its genitive ending is at least this long ("Vaart"; not "Ms" from "Mss").
MIN_SURNAME = 3
# Words of a dateline before its dash: "NEW YORK", "RIO DE JANEIRO", at most this many.
MAX_DATELINE_WORDS = 4
# Letters after which a name never takes a bare genitive "s" (it takes an apostrophe: "Strauß'").
NO_GENITIVE_AFTER = "sxzß"

_NEXT_WORD = re.compile(r" ([^\W\d_]+)\b")
_SURNAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’]*(?:-[A-ZÀ-ÖØ-Þ][\w'’]*)*")


@dataclass(frozen=True)
class NameTables:
    particles: frozenset[str]
    dateline_dashes: frozenset[str]
    genitive_ending: str
    share_nouns: frozenset[str] = frozenset()
    share_modifiers: frozenset[str] = frozenset()  # lower-cased
    agency_nouns: frozenset[str] = frozenset()  # lower-cased
    prefield_prepositions: frozenset[str] = frozenset()  # beyond the quote tables' prepositions
    time_nouns: frozenset[str] = frozenset()  # as written ("Stunden", "hours")
    adjective_endings: tuple[str, ...] = ()


@lru_cache(maxsize=8)
def name_tables(language: str) -> NameTables:
    path = resources.files("newsmill") / "data" / "quotes" / "speaker_words.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    row = data.get(language) or data["en"]
    return NameTables(frozenset(row["particles"]), frozenset(row["dateline_dashes"]), str(row["genitive_ending"]),
                      frozenset(row.get("share_nouns", ())), frozenset(row.get("share_modifiers", ())),
                      frozenset(row.get("agency_nouns", ())), frozenset(row.get("prefield_prepositions", ())),
                      frozenset(row.get("time_nouns", ())), tuple(row.get("adjective_endings", ())))


@lru_cache(maxsize=1)
def news_agencies() -> frozenset[str]:
    """Lower-cased names of the news agencies bylines credit (``data/lexicon/agencies.json``)."""
    from newsmill.extract.lexicon import read_table

    return frozenset(str(k) for k in read_table("agencies")["news"])


def _first_name(word: str, first_names: Mapping[str, str]) -> bool:
    """A known first name, hyphenated ones included: "Karl-Theodor", "Hans-Peter"."""
    return all(part in first_names for part in word.split("-"))


def with_particles(text: str, entities: Iterable[Entity], first_names: Mapping[str, str],
                   tables: NameTables) -> list[Entity]:
    """Persons whose recognised name ends in a first name and goes on in the text with particles
    and a capitalised surname ("Karl-Theodor zu Guttenberg"): the whole name. A name that already
    has a surname keeps its end ("Peter Müller von der SPD")."""
    ents = list(entities)
    # a place after the particle is the name's own ("zu Guttenberg", "von Weizsäcker": noble names
    # are place names); an organisation is not ("von der SPD")
    starts = {e.start for e in ents if e.label == "ORG"}
    out = []
    for e in ents:
        words = e.text.split()
        if e.label == "PER" and words and _first_name(words[-1], first_names):
            end = _particle_end(text, e.end, tables, starts)
            if end is not None:
                whole = text[e.start : end]
                e = replace(e, end=end, text=whole, name=whole if (e.name or e.text) == e.text else e.name)
        out.append(e)
    return out


def _particle_end(text: str, at: int, tables: NameTables, other_starts: set[int]) -> int | None:
    k, n = at, 0
    while n < MAX_PARTICLES:
        m = _NEXT_WORD.match(text, k)
        if m is None or m.group(1) not in tables.particles:
            break
        k, n = m.end(), n + 1
    if n == 0 or text[k : k + 1] != " ":
        return None
    m = _SURNAME.match(text, k + 1)
    if m is None or m.start() in other_starts or m.group().isupper():
        return None  # an organisation or an acronym after "von der": "Müller von der SPD"
    return m.end()


def genitive_base(name: str, text: str, end: int, first_names: Mapping[str, str], tables: NameTables) -> str:
    """"Rafael van der Vaart" for "Rafael van der Vaarts" when a noun follows the name
    ("Vaarts Abschiedsgala"): German puts a bare "s" on a name in the genitive before its noun.
    First names ("Thomas", "Andreas") and names ending in a sibilant keep their "s"."""
    ending = tables.genitive_ending
    words = name.split()
    after = _NEXT_WORD.match(text, end)
    if not ending or not words or after is None or not after.group(1)[:1].isupper():
        return name
    last = words[-1]
    base = last[: -len(ending)]
    if not last.endswith(ending) or len(base) < MIN_SURNAME or base[-1:] in NO_GENITIVE_AFTER \
            or last in first_names or not base.isalpha():
        return name
    return " ".join([*words[:-1], base])


def after_dateline(tokens: list[Token], text: str, first: int, last: int, tables: NameTables) -> int:
    """The first token after a dateline that opens the phrase at the start of a line: upper-case
    place words and a dash ("BERLIN -- The European Space Agency", "NEW YORK - The company").
    ``first`` if there is none."""
    if first > 0 and "\n" not in text[tokens[first - 1].end : tokens[first].start]:
        return first
    k = first
    while k < last and k - first < MAX_DATELINE_WORDS and tokens[k].text.isalpha() and tokens[k].text.isupper() \
            and len(tokens[k].text) > 1:
        k += 1
    if k == first or k >= last or tokens[k].text not in tables.dateline_dashes:
        return first
    while k < last and tokens[k].text in tables.dateline_dashes:
        k += 1
    return k if k < last else first
