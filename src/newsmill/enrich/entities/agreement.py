"""One name, one type in one article, where the other type has no word list behind it (issue 15, class 4).

The model types each mention from its sentence alone, so one name can come out two ways in one
article ("Ascom’s Unite" ORG … "with Ascom" PER; "Braun" PER … "the Braun-owned company" LOC).
Where a type is backed by nothing but the sentence — no person list knows the word of a "person",
no gazetteer knows the "place" — and the article types the same name otherwise, the other type
wins. A name both types support ("Jordan", "Washington") keeps its types: a person and a place
may share a name in one article.

* a one-word "person" that no first-name or surname list knows and no full name of the article
  holds, written at least as often as an organisation elsewhere, is the organisation ("Ascom");
* a one-word "place" no gazetteer knows, written as a person or an organisation elsewhere, is that
  ("Braun");
* an "organisation" or "place" of a first word and a surname that the article writes alone as a
  person ("Aseem Prakash" … "Prakash said") is the person, unless an organisation's or venue's word
  is in it ("Walter Reed Hospital") or a gazetteer knows it as written;
* a "place" of several words no gazetteer knows, written as an organisation elsewhere, is the
  organisation ("Dick Clark Productions"), and an "organisation" or "place" of several words that
  ends a longer person's name of the article is that person ("Kathleen Hawk Sawyer" … "Hawk Sawyer").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from newsmill.enrich.entities.lexicon import PERSON_CODES

Span = tuple[int, int, str]

# Words of a full name that a lone surname stands for: first name(s) and surname.
MAX_NAME_WORDS = 3


def agree_types(text: str, spans: list[Span], language: str, codes: Mapping[str, str]) -> list[Span]:
    """``spans`` with the types of one name made to agree where one of them has no evidence."""
    alone: dict[str, Counter[str]] = {}
    several: dict[str, Counter[str]] = {}
    for s, e, label in spans:
        mention = text[s:e]
        if label in ("PER", "ORG", "LOC"):
            (several if " " in mention else alone).setdefault(mention, Counter())[label] += 1
    if not alone and not several:
        return spans
    tails = _person_tails(several)
    # the words of the article's full person names: "Weber" of "Terence Weber" is a person whatever a list says
    named = {w for s, e, label in spans if label == "PER" and " " in text[s:e] for w in text[s:e].split(" ")}
    out: list[Span] = []
    for s, e, label in spans:
        mention = text[s:e]
        types = alone.get(mention)
        if types is not None and len(types) > 1:
            label = _agreed(mention, label, types, language, codes, named)
        elif label in ("ORG", "LOC") and " " in mention and (
                mention in tails or _person_named(mention, alone, language, codes)):
            label = "PER"
        elif label == "LOC" and several.get(mention, Counter())["ORG"] and not _known_place(mention, language):
            label = "ORG"
        out.append((s, e, label))
    return out


def _person_tails(several: Mapping[str, Counter[str]]) -> set[str]:
    """The last two or more words of the article's person names of three or more words."""
    out: set[str] = set()
    for mention, types in several.items():
        words = mention.split(" ")
        if types["PER"] and 3 <= len(words) <= MAX_NAME_WORDS + 1:
            out.update(" ".join(words[i:]) for i in range(1, len(words) - 1))
    return out


def _agreed(mention: str, label: str, types: Counter[str], language: str, codes: Mapping[str, str],
            named: set[str]) -> str:
    if label == "PER" and types["ORG"] >= types["PER"] and mention not in named and not any(
            c in codes.get(mention.lower(), "") for c in PERSON_CODES):
        return "ORG"  # (a person named more often than not is one the model mistyped once)
    if label == "LOC" and not _known_place(mention, language):
        others = [t for t in ("PER", "ORG") if types[t]]
        if len(others) == 1:
            return others[0]
    return label


def _person_named(mention: str, alone: Mapping[str, Counter[str]], language: str, codes: Mapping[str, str]) -> bool:
    words = mention.split(" ")
    surname = words[-1]
    types = alone.get(surname)
    if types is None or set(types) != {"PER"} or len(words) > MAX_NAME_WORDS:
        return False
    if not all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words):
        return False
    from newsmill.enrich.entities.gazetteer import organisation_names
    from newsmill.enrich.entities.kinds import organisation_words, trailing_heads, venue_heads
    from newsmill.enrich.entities.lexicon import word_classes

    classes = word_classes(language)
    org = {*organisation_words(), *trailing_heads(language), *venue_heads(language)}
    if any(w.lower() in org or w.lower().endswith(classes.org_heads) for w in words):
        return False
    return mention not in organisation_names() and not _known_place(mention, language)


def _known_place(mention: str, language: str) -> bool:
    from newsmill.enrich.places.gazetteer import gazetteer
    from newsmill.enrich.places.regions import is_region

    return gazetteer().lookup(mention, language) is not None or is_region(mention)
