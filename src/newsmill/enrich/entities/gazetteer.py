"""Corrections of model entity spans by gazetteers, by consistency within one article and, for
German, by capitalised adjectives that only a proper name has ("das Östliche Wirtschaftsforum").

Spans are (start, end, label) character triples into the text the model read.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from newsmill.enrich.morphology import base_forms, endings
from newsmill.extract.lexicon import read_table
from newsmill.patterns import alternation

Span = tuple[int, int, str]


@lru_cache(maxsize=1)
def organisation_names() -> frozenset[str]:
    """The organisation names of the shipped gazetteer, as written ("New York Times")."""
    path = resources.files("newsmill").joinpath("data", "models", "gazetteer-org.json")
    return frozenset(n for n in json.loads(path.read_text(encoding="utf-8"))["names"] if n)


@lru_cache(maxsize=1)
def _org_pattern() -> re.Pattern[str]:
    names = sorted(organisation_names(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


def apply_places(text: str, ents: list[Span], language: str) -> list[Span]:
    """A span that is exactly a country name becomes LOC; country names, exonyms and big cities the
    model missed are added as LOC; a country's name the model cut into places is one place."""
    from newsmill.enrich.places.gazetteer import gazetteer

    found = gazetteer().find(text, language)
    exact = {(s, e) for s, e, _ in found}
    # a country's name of several words the model read as two places is one: "Bosnia and Herzegovina"
    whole = [(s, e) for s, e, rec in found if rec.kind == "country" and " " in text[s:e] and (s, e) not in {
        (a, b) for a, b, _ in ents} and _split_into_places(s, e, ents)]
    if whole:
        ents = [x for x in ents if not any(s <= x[0] and x[1] <= e for s, e in whole)] + [(s, e, "LOC") for s, e in whole]
    out = [(s, e, "LOC" if (s, e) in exact else label) for s, e, label in ents]
    out += [(s, e, "LOC") for s, e, _ in found if not _overlaps(s, e, ents)]
    from newsmill.enrich.places.regions import compound_regions

    out += [(s, e, "LOC") for s, e in compound_regions(text) if not _overlaps(s, e, out)]
    return sorted(out)


def _split_into_places(start: int, end: int, ents: list[Span]) -> bool:
    """The model's spans over [start, end) are places, more than one, and none reaches outside it."""
    inside = [label for s, e, label in ents if start <= s and e <= end]
    return len(inside) > 1 and set(inside) == {"LOC"} and not any(
        s < end and start < e and not (start <= s and e <= end) for s, e, _ in ents)


def apply_orgs(text: str, ents: list[Span]) -> list[Span]:
    """Well-known organisations (news media, international bodies) written in full are ORG, whatever
    the model said about them or inside them ("New York Times" is not a place)."""
    orgs = [(m.start(), m.end(), "ORG") for m in _org_pattern().finditer(text)]
    if not orgs:
        return ents
    kept = [(s, e, label) for s, e, label in ents if not _overlaps(s, e, orgs) or _covers(s, e, orgs)]
    return sorted(kept + [o for o in orgs if not _overlaps(o[0], o[1], kept)])


def _covers(start: int, end: int, orgs: list[Span]) -> bool:
    """The model span contains an org name and more ("Die New York Times-Redaktion")."""
    return any(start <= s and e <= end and (start, end) != (s, e) for s, e, _ in orgs)


def propagate(text: str, ents: list[Span], language: str) -> list[Span]:
    """Document consistency: once "Wladimir Putin" is a person, a lone "Putin"/"Putins" elsewhere is
    one too (added where the model saw nothing, relabelled where it said LOC/ORG/MISC but the
    gazetteer knows no place of that name); multi-word names recur with their label."""

    found = dict.fromkeys(text[s:e].split()[-1] for s, e, label in ents if label == "PER" and len(text[s:e].split()) > 1)
    # longest first, then in order of mention: of two overlapping surnames the longer wins ("Kim-Jong"
    # over "Kim"), and the same one in every run (a set's order varied with the hash seed)
    surnames = dict.fromkeys(sorted(found, key=len, reverse=True))
    out: list[Span] = []
    for s, e, label in ents:
        mention = text[s:e]
        if label != "PER" and any(f in surnames for f in base_forms(mention, language)) \
                and not _place_meant(text, s, mention, language):
            label = "PER"
        out.append((s, e, label))
    known = {text[s:e]: label for s, e, label in out if " " in text[s:e]}
    known.update({name: "PER" for name in surnames})
    for name, label in known.items():
        suffixes = endings(language).names if label == "PER" else ()
        for start, end in _occurrences(text, name, suffixes, language):
            if not _overlaps(start, end, out):
                out.append((start, end, label))
    return sorted(out)


def _place_meant(text: str, start: int, mention: str, language: str) -> bool:
    """A mention that is also a person's surname in the article still means a place when it is a
    country, continent or big city, or a known town after a locative preposition ("in Preetz", not
    "Preetz sagte"); the place resolver still refuses a big city named like a person without such evidence."""
    from newsmill.enrich.entities.canonical import word_before
    from newsmill.enrich.entities.lexicon import word_classes
    from newsmill.enrich.places.gazetteer import MIN_SCAN_POPULATION, gazetteer

    rec = gazetteer().lookup(mention, language)
    if rec is None:
        return False
    return rec.kind != "city" or rec.population >= MIN_SCAN_POPULATION \
        or word_before(text, start) in word_classes(language).locative_prepositions


def _is_word_char(text: str, i: int) -> bool:
    """``text[i]`` exists and is what a regular expression's \\w matches."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _in_noun_compound(text: str, start: int, end: int, language: str) -> bool:
    """The name is part of a hyphenated compound whose head is a common noun: no mention of the
    name ("Synergy-Steve-Vai-Signature-Modul", "VW-Chef"); a hyphenated name is ("Kim-Jong")."""
    if text[start - 1:start] != "-" and text[end:end + 1] != "-":
        return False
    from newsmill.enrich.entities.lexicon import common_nouns

    match = re.compile(r"[\w-]*").match(text, end)
    head = (match.group() if match else "").rsplit("-", 1)[-1].lower()
    return bool(head) and head in common_nouns(language)


def _occurrences(text: str, name: str, suffixes: tuple[str, ...], language: str = "") -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of ``name`` as whole words, left to right, with the first of
    ``suffixes`` that completes a word ("Putin" → "Putins"). A plain substring search: one regular
    expression per name and article cost more than the search itself."""
    out: list[tuple[int, int]] = []
    i = text.find(name)
    while i >= 0 and name:
        end = i + len(name)
        if not _is_word_char(text, i - 1) and not _in_noun_compound(text, i, end, language):
            ends = [end + len(x) for x in suffixes if text.startswith(x, end)] + [end]
            end = next((k for k in ends if not _is_word_char(text, k)), -1)
        else:
            end = -1
        if end >= 0:
            out.append((i, end))
        i = text.find(name, end if end >= 0 else i + 1)
    return out


# German writes adjectives in lower case except inside a name: "das Östliche Wirtschaftsforum",
# "die Neue Zürcher Zeitung", "der Zweite Weltkrieg". A capitalised adjective after a lower-case word
# (so not at a sentence start), followed by capitalised words, is a name the model may have missed.
# Adjectives are recognised by derivational endings or as one of a few plain adjectives, inflected
# (``entities.json``: ``proper_adjective_endings``, ``proper_adjective_words``, ``adjective_inflections``;
# a language without them has no such rule).
@lru_cache(maxsize=8)
def _proper_adjectives(language: str) -> re.Pattern[str] | None:
    row = read_table("entities").get(language) or {}
    endings, words = row.get("proper_adjective_endings"), row.get("proper_adjective_words")
    inflections = row.get("adjective_inflections")
    if not endings or not words or not inflections:
        return None
    return re.compile(
        rf"(?<=[a-zäöüß,] )(?:[A-ZÄÖÜ]\w*(?:{alternation(endings)})|{alternation(words)})"
        rf"(?:{alternation(inflections)})(?: [A-ZÄÖÜ][\w\-]+){{1,3}}")


@lru_cache(maxsize=8)
def calendar_words(language: str) -> frozenset[str]:
    """Capitalised words that end such a run without belonging to the name: the month and weekday
    names of the time tagger's tables ("im Östlichen Mittelmeer Montag")."""
    from newsmill.enrich.times.tables import load_tables

    tables = load_tables(language)
    if tables is None:
        return frozenset()
    words = [*tables.lexicon.get("MONTH", {}), *tables.lexicon.get("WEEKDAY", {})]
    return frozenset(w.capitalize() for w in words if w.isalpha())


def proper_adjectives(text: str, ents: list[Span], language: str) -> list[Span]:
    """Add MISC for "capitalised adjective + capitalised words" runs no entity overlaps (German)."""
    pattern = _proper_adjectives(language)
    if pattern is None:
        return ents
    not_name = calendar_words(language)
    added: list[Span] = []
    for m in pattern.finditer(text):
        words = m.group().split(" ")
        while len(words) > 1 and words[-1] in not_name:
            words.pop()
        end = m.start() + len(" ".join(words))
        if len(words) > 1 and not _overlaps(m.start(), end, ents):
            added.append((m.start(), end, "MISC"))
    return sorted(ents + added)


def combine(text: str, ents: list[Span], language: str) -> list[Span]:
    """All corrections, in order: names cut or run together, organisations, places, consistency,
    proper-name adjectives, the span checks, the types the words around a name give it, and one type
    per name where the other has no evidence."""
    from newsmill.enrich.entities.agreement import agree_types
    from newsmill.enrich.entities.checks import check_spans, club_names, company_names
    from newsmill.enrich.entities.context import context_types
    from newsmill.enrich.entities.kinds import (
        extend_to_acronym,
        extend_to_head,
        join_hyphenated,
        split_place_person,
        split_two_people,
    )
    from newsmill.enrich.entities.known_orgs import apply_known_orgs
    from newsmill.enrich.entities.lexicon import name_codes
    from newsmill.enrich.entities.spans import complete_first_names, given_names

    codes = name_codes(language)
    ents = extend_to_acronym(text, extend_to_head(text, join_hyphenated(text, ents), language))
    ents = split_place_person(text, ents, language, codes)
    ents = given_names(text, split_two_people(text, ents, codes), language, codes)
    ents = complete_first_names(text, ents, language, codes)
    ents = apply_known_orgs(text, ents, language)
    spans = club_names(text, company_names(text, apply_places(text, apply_orgs(text, ents), language), language),
                       language)
    spans = propagate(text, spans, language)
    spans = context_types(text, check_spans(text, proper_adjectives(text, spans, language), language), language)
    return agree_types(text, spans, language, codes)
