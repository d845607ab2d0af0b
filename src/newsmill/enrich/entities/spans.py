"""Person spans completed with the name lists the model reads as features.

The model sometimes stops one token short of a person's name ("Kim Jong" of "Kim Jong Un", "Maric"
of "Sven Maric"): the last or first part of a name it has not seen. The gazetteer component has
already marked every token found in the first-name and surname lists (``token.lemma_`` holds its
class code, see ``features``), so a PER span is extended over adjacent capitalised tokens
that are in those lists and not common words. First names extend to the left only: a surname
before a person ("Merkel Angela") is not how news writes names.
"""

from __future__ import annotations

from typing import Any

from newsmill.enrich.entities.features import CODES

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
