"""Kinds of words the model takes for names, or names it gives the wrong type (issue 15, classes 1 and 4).

Each check is a class of word, decided by grammar and the shipped tables (``entities.json``), not by
a list of mistakes:

* nationality adjectives and nouns ("Israeli", "North American", "Koreans") are no names of a
  person, organisation or place: a country, continent or state name with a demonym ending, or one
  of the irregular forms of the table; so are the people of a city ("Londoners", "Delhiites");
* celestial bodies ("Europa", "Jupiter") are places of no town: LOC, and never geocoded;
* a one-word "person" or "organisation" before a year is an event's edition ("Olympia 2022");
* a venue or building named with its head word ("Ryman Auditorium") is a place, not an organisation;
* an institution's name the model cut before its head word runs on to it ("Santa Fe Animal Shelter");
* a person's name written with a hyphen ("Eva-Marie Persson", "Jennifer Ngo-Anh") is one name
  though the tokenizer cut it in two;
* a place written right before a person's full name ("ambassador to Ukraine Marie Yovanovitch") is
  two names;
* an English adverb opening a sentence ("Historically,") is no name;
* English month and weekday names end a name ("Budweiser Stage July") and are none alone;
* a name inside an idiom of myth or literature ("Achilles heel", "Pandora's box") names nobody;
* an abbreviation whose expansion is written in lower case is a term ("FIRE (financial
  independence, retire early)");
* a span without a letter of the Latin script is no name the German or English model can know
  (a Cyrillic or Korean page read with the English model).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import Any

from newsmill.extract.lexicon import read_table

Span = tuple[int, int, str]

# A year right after a name ("Olympia 2022"), not a longer number or a date ("2022.10.").
_YEAR_AFTER = re.compile(r" (?:19|20)\d\d(?![\d.,:/-]\d)")
# A demonym's stem keeps at least this many letters ("Iran|ian"); shorter stems are words ("Br|ian").
MIN_DEMONYM_STEM = 3
# A town whose people are named after it in news ("Londoners", "Delhiites") is a city of this size;
# smaller towns' names are surnames' stems too often ("Sand|ers").
MIN_DEMONYM_CITY = 100_000


@lru_cache(maxsize=8)
def _row(language: str) -> Mapping[str, Any]:
    data = read_table("entities")
    row: Mapping[str, Any] = data.get(language) or data["en"]
    return row


@lru_cache(maxsize=8)
def celestial_bodies(language: str) -> frozenset[str]:
    """Names of planets, moons and the like, as written."""
    return frozenset(_row(language).get("celestial_bodies", ()))


@lru_cache(maxsize=8)
def _figurative_pattern(language: str) -> re.Pattern[str] | None:
    phrases = sorted(_row(language).get("figurative_phrases", ()), key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


def figurative_ranges(text: str, language: str) -> list[tuple[int, int]]:
    """Where ``text`` uses an idiom built on a figure of myth or literature ("Achilles heel",
    "Büchse der Pandora"): the name inside names nobody (``figurative_phrases``)."""
    pattern = _figurative_pattern(language)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


@lru_cache(maxsize=8)
def trailing_heads(language: str) -> frozenset[str]:
    """Head words of institutions' names ("Center", "Museum"), lower case."""
    return frozenset(_row(language).get("trailing_heads", ()))


@lru_cache(maxsize=8)
def venue_heads(language: str) -> frozenset[str]:
    """Head words of venues' and buildings' names ("Auditorium", "Pavilion"), lower case."""
    return frozenset(_row(language).get("venue_heads", ()))


@lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Words after a name that make it an organisation's, in any of the tables' languages
    (``org_words``: "International", "Airways", "Comics"), lower case."""
    data = read_table("entities")
    return frozenset(w for row in data.values() if isinstance(row, dict) for w in row.get("org_words", ()))


@lru_cache(maxsize=1)
def institution_modifiers() -> tuple[str, ...]:
    """First parts of German compounds that name an institution ("Bundes|nachrichtendienst")."""
    return tuple(_row("de").get("institution_modifiers", ()))


@lru_cache(maxsize=8)
def town_prepositions(language: str) -> frozenset[str]:
    """Prepositions that introduce a place and nothing else ("in Bordeaux"; "nach Corona" is "after")."""
    return frozenset(_row(language).get("town_prepositions", ()))


@lru_cache(maxsize=4096)
def is_demonym(word: str, language: str) -> bool:
    """``word`` is a nationality adjective or noun ("Israeli", "Ukrainians", "Mid-American"): one of
    the table's irregular forms, or a country, continent, region or state with a demonym ending
    ("Ukrain|ian" ← Ukraine, "Korea|n", "Chin|ese" ← China). A word that is itself a place is none
    ("Jordan", "Indiana")."""
    row = _row(language)
    suffixes, restores = row.get("demonym_suffixes"), row.get("demonym_restores")
    if not suffixes or not restores or not word[:1].isupper():
        return False
    word = word.rsplit("-", 1)[-1]  # "Mid-American", "Anglo-Saxon" is no adjective of a country
    forms = [word, word[:-1]] if word.endswith("s") and len(word) > 3 else [word]  # "Koreans"
    irregular = frozenset(row.get("demonyms", ()))
    if any(f in irregular for f in forms):
        return True
    if not word.isalpha() or country_like(word, language):
        return False
    for form in forms:
        for suffix in suffixes:
            stem = form[: -len(suffix)]
            if form.endswith(suffix) and len(stem) >= MIN_DEMONYM_STEM and any(
                    country_like(stem + r, language) for r in restores):
                return True
    # the people of a city, in the plural only: "Londoners", "Delhiites", "Bostonians", "New Yorkers"
    return any(word.endswith(suffix) and len(word) - len(suffix) >= MIN_DEMONYM_STEM
               and _big_city(word[: -len(suffix)], language) for suffix in row.get("city_demonym_suffixes", ()))


def _big_city(name: str, language: str) -> bool:
    from newsmill.enrich.places.gazetteer import gazetteer

    rec = gazetteer().exact(name, language)
    return rec is not None and rec.kind == "city" and rec.population >= MIN_DEMONYM_CITY


def country_like(name: str, language: str) -> bool:
    """A country, continent, region or US state by this name (not a town)."""
    from newsmill.enrich.places.gazetteer import gazetteer
    from newsmill.enrich.places.regions import is_region

    gaz = gazetteer()
    rec = gaz.exact(name, language)
    return rec is not None and rec.kind != "city" or gaz.state(name) is not None or is_region(name)


def retype_kind(text: str, start: int, end: int, label: str, language: str, codes: Mapping[str, str]) -> str:
    """The label a span's kind of word gives it: MISC for a nationality word or an event's edition,
    LOC for a celestial body or a venue; else ``label``."""
    mention = text[start:end]
    words = mention.split(" ")
    if label in ("PER", "ORG", "LOC") and is_demonym(words[-1], language) and (
            len(words) > 1 or text[end:end + 1] != "-") \
            and not (label == "PER" and len(words) > 1 and _first_name(words[0], codes)):
        return "MISC"  # "Israeli", "North American", "Österreicherinnen"; not "Israeli-" of a longer
        # compound, nor a surname that reads as one after a first name ("Hans Schweizer")
    if label in ("PER", "ORG") and len(words) == 1 and not mention.isupper() and _YEAR_AFTER.match(text, end) \
            and _edition(text, start, label, language, codes):
        return "MISC"  # "Olympia 2022", "Expo 2020": an event's edition, not the person or town
    if label in ("ORG", "PER", "LOC") and lowercase_term(text, start, end):
        return "MISC"  # "FIRE (financial independence, retire early)"
    if label == "PER" and any(c.isdigit() for c in mention):
        return "MISC"  # "G20", "Hoodie GHH 12+18V": a person's name has no digits
    if label in ("ORG", "MISC") and mention in celestial_bodies(language):
        return "LOC"
    if label in ("ORG", "PER") and len(words) > 1 and words[-1].lower() in venue_heads(language) \
            and not (label == "PER" and _first_name(words[0], codes) and (
                len(words) == 2 or _surname(words[-1], codes))):
        return "LOC"  # "Ryman Auditorium", "Cynthia Woods Mitchell Pavilion": buildings are places;
        # "Mike Stage" and "Mary Anne Park" are people
    if label in ("PER", "LOC") and end < len(text) and text[end] in _BRAND_MARKS:
        return "ORG"  # "Don Victor® Honey": a registered brand, the company (docs/annotation.md)
    if label in ("PER", "ORG", "LOC") and start >= 2 and text[start - 2] in _BRAND_MARKS and text[start - 1] == " ":
        return "MISC"  # "Don Victor® Orange Blossom Comb Honey": what the brand names is its product
    return label


# Signs a brand's owner writes after its name.
_BRAND_MARKS = "®™"


def _first_name(word: str, codes: Mapping[str, str]) -> bool:
    from newsmill.enrich.entities.lexicon import FIRST

    return FIRST in codes.get(word.lower(), "")


def _edition(text: str, start: int, label: str, language: str, codes: Mapping[str, str]) -> bool:
    """A person's or organisation's name before a year is an event's edition, unless it is a surname
    ("als Merkel 2015 ..."). Places are left alone: "Tübingen 1991" is a book's imprint, "Berlin
    2015" the city in that year."""
    from newsmill.enrich.entities.lexicon import LAST

    mention = text[start:text.index(" ", start)]
    return label == "ORG" or LAST not in codes.get(mention.lower(), "")


_DIGIT_AFTER = re.compile(r"[ ,]*\d")


def trim_calendar(text: str, start: int, end: int, codes: Mapping[str, str],
                  full_names: Collection[str]) -> tuple[int, int] | None:
    """English month and weekday names are no part of a name: a span ends before one ("Budweiser
    Stage July", "Ak-Chin Pavilion October 9"), and one alone is no name ("July"). A month that is also
    a name ("Theresa May", "June Carter") stays unless a day or year follows it."""
    from newsmill.enrich.entities.gazetteer import calendar_words
    from newsmill.enrich.entities.lexicon import PERSON_CODES

    calendar = calendar_words("en")
    words = text[start:end].split(" ")
    offset = start
    for i, word in enumerate(words):
        bare = word.rstrip(".,")
        if bare in calendar:
            w_end = offset + len(word)
            dated = _DIGIT_AFTER.match(text, w_end) is not None
            named = any(c in codes.get(bare.lower(), "") for c in PERSON_CODES) or bare.lower() in full_names
            if not dated and named:
                return start, end
            if i == 0:
                return None if len(words) == 1 else (start, end)  # "March Madness" is another name
            return start, offset - 1
        offset += len(word) + 1
    return start, end


_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:][\"”’»)]{0,2}\s+|\n)$")


def sentence_adverb(text: str, start: int, end: int, codes: Mapping[str, str]) -> bool:
    """An English adverb that opens a sentence before a comma ("Historically, ...", "Critically,"):
    capitalised only by its place; a name ending in "-ly" is known to the name lists ("Kelly")."""
    from newsmill.enrich.entities.lexicon import PERSON_CODES, PLACE_CODES

    word = text[start:end]
    if " " in word or not word.endswith("ly") or text[end:end + 1] != ",":
        return False
    if any(c in codes.get(word.lower(), "") for c in PERSON_CODES + PLACE_CODES):
        return False
    return _SENTENCE_BEFORE.search(text, max(0, start - 4), start) is not None


# What may follow a name the model cut before its "of" part, up to the abbreviation in brackets:
# "Federal Bureau| of Investigation (FBI)".
_OF_TAIL = re.compile(r"(?: (?:of|for|and|on|de|der|für|des|the)(?= )|,? [A-ZÄÖÜ][\w-]*){1,6}(?= \(([A-ZÄÖÜ]{2,8})\))")


def extend_to_acronym(text: str, spans: list[Span]) -> list[Span]:
    """An organisation's name the model cut before its "of" part runs on to the abbreviation the
    text gives in brackets when the initials of the longer name spell it: "Federal Bureau of
    Investigation (FBI)"."""
    out: list[Span] = []
    for start, end, label in spans:
        m = _OF_TAIL.match(text, end) if label == "ORG" and text[end:end + 1] == " " else None
        if m is not None and not m.group().endswith((" of", " for", " and", " on", " the")):
            longer = text[start:m.end()]
            words = longer.replace(",", " ").split()
            spelt = ("".join(w[0] for w in words if w[:1].isupper()), "".join(w[0] for w in words).upper())
            if m.group(1) in spelt and not any(s < m.end() and start < e and (s, e) != (start, end) and s >= end
                                                  for s, e, _ in spans):
                end = m.end()
        out.append((start, end, label))
    return out


def extend_to_head(text: str, spans: list[Span], language: str) -> list[Span]:
    """A name the model cut before its head word ("Santa Fe Animal" | "Shelter", "Goddard Space
    Flight" | "Center", also when it took the rest for a person) runs on to it: the head of an institution's name (``trailing_heads``), written
    with a capital right after the span, is the organisation's last word; so is a company's word
    after an organisation ("LG" | "Electronics") and a newspaper's or airline's after a place
    ("Hollywood" | "Reporter", ``media_heads``). A span of the head word alone there is dropped."""
    heads = frozenset(_row(language).get("trailing_heads", ()))
    if not heads:
        return spans
    # a company's words after an organisation, even of one word: "LG Electronics", "Tequila Works"
    company = heads | frozenset(_row(language).get("org_heads", ()))
    # a newspaper or a company named by its town: "The Hollywood" | "Reporter", "Denver" | "Post"
    media = frozenset(_row(language).get("media_heads", ()))
    out: list[Span] = []
    skip_until = -1
    for start, end, label in sorted(spans):
        if start < skip_until:
            continue
        m = _NEXT_WORD.match(text, end)
        if m is not None and (label in ("ORG", "LOC", "PER") and " " in text[start:end] and m.group(1).lower() in heads
                              or label == "ORG" and m.group(1).lower() in company
                              or label == "LOC" and m.group(1).lower() in media):
            new_end = m.end(1)
            out.append((start, new_end, "ORG"))
            skip_until = new_end
            continue
        out.append((start, end, label))
    return out


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


_EXPANSION_AFTER = re.compile(r"s?\s*\((?:kurz\s+)?([a-zäöü][^()]{3,80})\)")
_GLOSS_INSIDE = re.compile(r":\s*[a-zäöü][a-zäöü -]{3,80}\)")
_EXPANSION_BEFORE = re.compile(r"((?:[A-Za-zÄÖÜäöüß][\w-]*,?\s+){1,8})\($")


def lowercase_term(text: str, start: int, end: int) -> bool:
    """An abbreviation whose expansion the text writes in lower case is a term, not an organisation:
    "FIRE (financial independence, retire early)", "nationally determined contributions (NDCs)"."""
    abbr = text[start:end].rstrip("s")
    if not (2 <= len(abbr) <= 6 and abbr.isalpha() and abbr.isupper()):
        return False
    if _EXPANSION_AFTER.match(text, end) is not None:
        return True
    if text[start - 1:start] != "(":
        return False
    if _GLOSS_INSIDE.match(text, end) is not None:
        return True  # "(NDCs: nationally determined contributions)"
    m = _EXPANSION_BEFORE.search(text, max(0, start - 120), start)
    if m is None:
        return False
    words = m.group(1).replace(",", " ").split()[-len(abbr):]
    initials = "".join(w[0] for w in words).upper()
    # the first word may carry a capital of its own: a sentence's or a German noun's ("Beats per minute (BPM)")
    return initials == abbr.upper() and len(words) > 1 and all(w[0].islower() for w in words[1:])


def join_hyphenated(text: str, spans: list[Span]) -> list[Span]:
    """Two capitalised spans of which one is a person, joined by a hyphen and nothing else, are one
    name: "Eva" + "-" + "Marie Persson" (not "neo" + "-" + "Nazis")."""
    out: list[Span] = []
    for start, end, label in sorted(spans):
        if out:
            p_start, p_end, p_label = out[-1]
            if "PER" in (p_label, label) and start == p_end + 1 and text[p_end] == "-" and text[start].isupper() \
                    and text[p_start].isupper():
                out[-1] = (p_start, end, "PER")
                continue
        out.append((start, end, label))
    return out


def split_place_person(text: str, spans: list[Span], language: str, codes: Mapping[str, str]) -> list[Span]:
    """A place's span that runs on into a person's full name is two names: "Ukraine Marie
    Yovanovitch" is the country and the person (a first name after a known country or state, and
    a capitalised surname closing the span)."""
    out: list[Span] = []
    for start, end, label in spans:
        words = text[start:end].split(" ")
        if label == "LOC" and len(words) >= 3:
            cut = next((i for i in range(1, len(words) - 1) if _first_name(words[i], codes)
                        and country_like(" ".join(words[:i]), language)), None)
            if cut is not None and all(w[:1].isupper() for w in words[cut:]):
                place_end = start + len(" ".join(words[:cut]))
                out += [(start, place_end, "LOC"), (place_end + 1, end, "PER")]
                continue
        out.append((start, end, label))
    return out


def has_latin_letter(mention: str) -> bool:
    """A letter of the Latin script (with its accented forms) is in ``mention``."""
    return any(c.isalpha() and ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 for c in mention)


def split_two_people(text: str, spans: list[Span], codes: Mapping[str, str]) -> list[Span]:
    """A person's span that is two people of the article side by side is two names: "konfrontieren
    Fichtner und Geyer Claas Relotius" names Geyer and Claas Relotius, each named on their own
    elsewhere. Left whole, the long form became the canonical name of every mention of both."""
    alone = {text[s:e] for s, e, label in spans if label == "PER"}
    out: list[Span] = []
    for start, end, label in spans:
        words = text[start:end].split(" ")
        if label == "PER" and len(words) >= 3:
            cut = next((i for i in range(1, len(words) - 1)
                        if " ".join(words[:i]) in alone and " ".join(words[i:]) in alone
                        and not _first_name(words[i - 1], codes)), None)
            if cut is not None:
                first_end = start + len(" ".join(words[:cut]))
                out += [(start, first_end, "PER"), (first_end + 1, end, "PER")]
                continue
        out.append((start, end, label))
    return out


def _surname(word: str, codes: Mapping[str, str]) -> bool:
    from newsmill.enrich.entities.lexicon import LAST

    return LAST in codes.get(word.lower(), "")
