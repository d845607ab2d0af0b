"""Person spans completed with the name lists the model reads as features.

The model sometimes stops one token short of a person's name ("Kim Jong" of "Kim Jong Un", "Maric"
of "Sven Maric"): the last or first part of a name it has not seen. The gazetteer component has
already marked every token found in the first-name and surname lists (``token.lemma_`` holds its
class code, see ``features``), so a PER span is extended over adjacent capitalised tokens
that are in those lists and not common words. First names extend to the left only: a surname
before a person ("Merkel Angela") is not how news writes names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Any

from newsmill.enrich.entities.features import CODES
from newsmill.enrich.entities.lexicon import PLACE_CODES

_FIRST = CODES["first"]
_LAST = CODES["last"]
_COMMON = CODES["common"]
# A one-letter token is an initial or debris, not a name part the lists can vouch for.
MIN_PART_LENGTH = 2

Span = tuple[int, int, str]


def extend_person_spans(doc: Any, spans: list[Span]) -> list[Span]:
    """``spans`` (character offsets into ``doc.text``) with PER spans grown over listed name parts.

    Spans never come to overlap: a token is claimed by one span only, and first names are claimed
    leftwards before any span grows to the right ("Olaf Scholz Sven Maric": "Sven" is Maric's)."""
    taken = {i for start, end, _ in spans for i in range(start, end)}
    grown: list[tuple[int, int] | None] = []
    for start, end, label in spans:
        tokens = doc.char_span(start, end, alignment_mode="expand") if label == "PER" else None
        if tokens is None:
            grown.append(None)
            continue
        first = tokens.start
        while first > 0 and _name_part(doc[first - 1], _FIRST, taken):
            first -= 1
        taken.update(range(doc[first].idx, start))
        grown.append((first, tokens.end))
    out: list[Span] = []
    for (start, end, label), bounds in zip(spans, grown, strict=True):
        if bounds is None:
            out.append((start, end, label))
            continue
        first, last = bounds
        while last < len(doc) and _name_part(doc[last], _FIRST + _LAST, taken):
            last += 1
        new_end = max(end, doc[last - 1].idx + len(doc[last - 1].text))
        taken.update(range(end, new_end))
        out.append((min(start, doc[first].idx), new_end, label))
    return out


def _name_part(token: Any, codes: str, taken: set[int]) -> bool:
    text, code = token.text, token.lemma_
    return (len(text) >= MIN_PART_LENGTH and text[:1].isupper() and text.isalpha() and token.idx not in taken
            and _COMMON not in code and any(c in code for c in codes))


# A capitalised word right before a name: "Irme" of "Irme Stetter-Karp".
_WORD_BEFORE = re.compile(r"(?<![\w.-])([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?) $")
# What ends a sentence before a word that is capitalised for its place alone.
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”„»«(]\s*|\n)$")
# The shortest surname looked for in the article's other sentences.
MIN_SURNAME = 3


def given_names(text: str, spans: list[Span], language: str, codes: Mapping[str, str]) -> list[Span]:
    """A surname the model found alone, written elsewhere after a given name it did not see, is one
    name there: "Stetter-Karp" … "die Sozialwissenschaftlerin Irme Stetter-Karp" (which the model
    missed), so the surname alone links to the full name. The given name is one a first-name list
    knows; in German also a capitalised word inside a sentence that is no common noun, no place and
    no role ("Irme"), since German capitalises only nouns and names."""
    from newsmill.enrich.entities.gazetteer import _occurrences
    from newsmill.enrich.entities.lexicon import common_nouns, word_classes

    surnames = {text[s:e] for s, e, label in spans if label == "PER" and " " not in text[s:e]
                and len(text[s:e]) >= MIN_SURNAME and text[s].isupper() and not text[s:e].isupper()}
    if not surnames:
        return spans
    classes = word_classes(language)
    alone = {(s, e) for s, e, label in spans if label == "PER"}
    taken = sorted((s, e) for s, e, _ in spans)
    added: dict[tuple[int, int], tuple[int, int]] = {}  # (start, end) of the surname → of the full name
    for surname in sorted(surnames):
        for start, end in _occurrences(text, surname, ()):
            if (start, end) not in alone and _overlapping(start, end, taken):
                continue
            m = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if m is None or _overlapping(m.start(1), start - 1, taken):
                continue
            low = m.group(1).lower()
            word_codes = codes.get(low, "")
            if low in classes.role_suffixes or low in classes.leading_non_name or low.endswith(
                    classes.role_suffixes) or _COMMON in word_codes:
                continue
            known_first = _FIRST in word_codes
            opens = _SENTENCE_END.search(text, max(0, m.start(1) - 3), m.start(1)) is not None
            unknown_german = language == "de" and not opens and low not in common_nouns(language) and not any(
                c in word_codes for c in PLACE_CODES)
            if known_first or unknown_german:
                added[(start, end)] = (m.start(1), end)
    if not added:
        return spans
    out = [(s, e, label) for s, e, label in spans if (s, e) not in added]
    return sorted(out + [(s, e, "PER") for s, e in added.values()])


def _overlapping(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(taken, (end, end))
    return any(s < end and start < e for s, e in taken[max(0, i - 8):i])


# A capitalised word after a name: "Menear" of "Craig Menear"; then what may follow a name's end.
_WORD_AFTER = re.compile(r" ([A-ZÄÖÜ][a-zäöüß]+(?:['’-][A-ZÄÖÜ]?[a-zäöüß]+)?)(?=[\s,.;:!?)]|['’]s\b|$)")
_NEXT_CAPITAL = re.compile(r" [A-ZÄÖÜ]")


def complete_first_names(text: str, spans: list[Span], language: str, codes: Mapping[str, str]) -> list[Span]:
    """A person of one word that a first-name list knows, written right before a capitalised word
    no name list, gazetteer or dictionary knows, is that word's first name: "chairman Craig|
    Menear", "said Singh| Jabarjung" (the model stopped at the surname it had not seen). Not in
    title-case lines (a third capitalised word follows), nor before an institution's, a venue's or
    a company's word."""
    from newsmill.enrich.entities.kinds import organisation_words, trailing_heads, venue_heads
    from newsmill.enrich.entities.lexicon import common_nouns, word_classes

    starts = {s for s, _, _ in spans}
    ends = {e for _, e, _ in spans}
    classes = word_classes(language)
    heads = {*organisation_words(), *trailing_heads(language), *venue_heads(language)}
    out: list[Span] = []
    for start, end, label in spans:
        mention = text[start:end]
        m = _WORD_AFTER.match(text, end) if label == "PER" and " " not in mention else None
        if m is not None and _FIRST in codes.get(mention.lower(), "") and m.start(1) not in starts \
                and m.end(1) not in ends and not _NEXT_CAPITAL.match(text, m.end(1)):
            low = m.group(1).lower()
            known = codes.get(low, "")
            if not known and low not in heads and low not in classes.event_heads and not low.endswith(classes.org_heads) and (
                    language != "de" or low not in common_nouns(language)):
                end = m.end(1)
        out.append((start, end, label))
    return out
