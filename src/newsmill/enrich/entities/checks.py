"""Checks of entity spans against what the words around them and the name lists say.

Each check is a class of error, not a list of examples (issue 15, classes 1, 3 and 4):

* a person's span that starts with a word that is no part of the name: a byline cue ("Von Daniel
  Weinmann"), a role noun ("Verwaltungsmann Carsten Froß", "Präsidenten Macron") or a dateline town
  ("Preetz Friedhelm Funkel") before a first name;
* German common nouns taken as people or places (every German noun is capitalised): a single word with an
  abstract-noun suffix that no name list knows ("Pädophilie", "Waffenstillstand"), or a common word
  right after an article ("in den Bergen", "das Essen") that is not a country;
* wrong types: online platforms are organisations ("Instagram"), streets are places, a one-word
  "person" after an indefinite article is a product or brand ("einen Porsche"), a "person" that
  is exactly the text inside quotation marks is a title ("„Joker“"), a "person" that opens a paragraph
  as a dateline before "(" or a dash is a place.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsmill.enrich.entities.canonical import word_before
from newsmill.enrich.entities.lexicon import (
    COMMON,
    COUNTRY,
    FIRST,
    LAST,
    PLACE_CODES,
    WordClasses,
    name_codes,
    word_classes,
)

Span = tuple[int, int, str]

_OPEN_QUOTES = "„“\"»«‚‘'"
_CLOSE_QUOTES = "“”\"«»‘’'"
_DATELINE_NEXT = ("(", "–", "—", "- ", "/")
# A word shorter than this is too short for its ending to say it is a common noun.
MIN_SUFFIX_WORD = 6
# Articles proper (not "im", "am": those precede places, "im Elsass", "am Rhein").
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"})


def check_spans(text: str, spans: list[Span], language: str) -> list[Span]:
    """``spans`` with leading non-name words trimmed, common nouns dropped and types corrected."""
    codes = name_codes(language)
    classes = word_classes(language)
    out: list[Span] = []
    for start, end, label in spans:
        if label == "PER":
            start = _trim_leading(text, start, end, codes, classes, language == "de")
        new = _retype(text, start, end, label, language, codes, classes)
        if new is not None and not _common_noun(text, start, end, new, language, codes, classes):
            out.append((start, end, new))
    return out


def _trim_leading(text: str, start: int, end: int, codes: Mapping[str, str], classes: WordClasses,
                  german: bool) -> int:
    while True:
        words = text[start:end].split(" ")
        if len(words) < 2 or not words[1][:1].isupper():
            return start
        first, low = words[0], words[0].lower()
        first_codes = codes.get(low, "")
        next_is_first_name = FIRST in codes.get(words[1].lower(), "")
        if low in classes.leading_non_name and first[:1].isupper() and next_is_first_name:
            pass  # a byline cue: "Von Daniel Weinmann", "By Jane Doe"
        elif FIRST in first_codes:
            return start
        elif low.endswith(classes.role_suffixes) and LAST not in first_codes:
            pass  # "Verwaltungsmann Carsten Froß", "Präsidenten Macron"
        elif next_is_first_name and len(words) > 2 and (COMMON in first_codes or german and _line_start(text, start) and any(
                c in PLACE_CODES for c in first_codes)):
            pass  # a common word, or a dateline town opening a line, before a full name: "Preetz Friedhelm Funkel"
        else:
            return start
        start += len(first) + 1


def _line_start(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] == "\n"


def _town(mention: str, codes: Mapping[str, str]) -> bool:
    """One word that the place lists know and the person lists do not."""
    word_codes = codes.get(mention.lower(), "")
    return " " not in mention and any(c in PLACE_CODES for c in word_codes) and not any(
        c in word_codes for c in FIRST + LAST)


def _retype(text: str, start: int, end: int, label: str, language: str, codes: Mapping[str, str],
            classes: WordClasses) -> str | None:
    mention = text[start:end]
    if mention in classes.platforms:
        return "ORG"
    words = mention.split(" ")
    last = words[-1].lower()
    # German writes a street as one compound ("Bahnhofstraße"), English as words ("Main Street")
    street = last in classes.street_suffixes if language == "en" else last.endswith(classes.street_suffixes)
    if label in ("PER", "ORG") and street and len(words[-1]) > 4 and (language != "en" or len(words) > 1):
        return "LOC"
    closing = text[end:end + 1] if text[end:end + 1] not in (",", ".") else text[end + 1:end + 2]
    if label == "PER" and start > 0 and text[start - 1] in _OPEN_QUOTES and closing and closing in _CLOSE_QUOTES:
        return "MISC"  # a title in quotation marks: "„Joker“", "“Marriage Story,”"
    # German only: English says "a Tom, Dick and Harry"
    if label == "PER" and language == "de" and " " not in mention and word_before(text, start) in \
            classes.indefinite_articles:
        return "MISC"  # a product or brand: "einen Porsche", "a Tesla"
    if label == "PER" and _line_start(text, start) and text[end:end + 3].lstrip(" ").startswith(
            _DATELINE_NEXT) and (mention.isupper() or _town(mention, codes)):
        return "LOC"  # a dateline: "Preetz (dpa) –", "BERLIN –"; not "John Smith (born 1950)"
    return label


def _common_noun(text: str, start: int, end: int, label: str, language: str, codes: Mapping[str, str],
                 classes: WordClasses) -> bool:
    mention = text[start:end]
    # organisations and other names take articles and noun endings ("die Bundesregierung", "die Bundesliga")
    if language != "de" or label not in ("PER", "LOC") or " " in mention or "-" in mention or not mention[:1].isupper():
        return False
    low = mention.lower()
    word_codes = codes.get(low, "")
    if COUNTRY in word_codes or mention.isupper():
        return False
    named = any(c in word_codes for c in (FIRST + LAST if label == "PER" else PLACE_CODES + FIRST + LAST))
    if len(mention) >= MIN_SUFFIX_WORD and low.endswith(classes.noun_suffixes) and not named:
        return True
    return COMMON in word_codes and word_before(text, start) in _ARTICLES and not _country(mention, language)


def _country(word: str, language: str) -> bool:
    """A country's name, also in the dative plural ("den Niederlanden")."""
    from newsmill.enrich.places.gazetteer import gazetteer

    gaz = gazetteer()
    return any(rec is not None and rec.kind != "city" for rec in (
        gaz.exact(word, language), gaz.exact(word[:-1], language) if word.endswith("n") else None))
