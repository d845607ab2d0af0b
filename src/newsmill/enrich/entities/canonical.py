"""Base forms of entity mentions, decided on evidence rather than by stripping endings blindly.

German marks the genitive of a name with "-s" ("Chinas", "Putins", "des Kremls", "Nordostasiens"),
but many names end in "-s" of their own ("Paris", "Markus", "Jens", "Los Angeles", "Mars"). An
ending is taken off when the evidence says it is one:

1. the article names the base form elsewhere ("Putin" … "Putins");
2. it is not a name known with the "-s" (the place gazetteer, the first-name and surname lists of
   the NER model), and either a genitive determiner stands right before it ("des Kremls"), or the
   base form is a known name ("Chinas" → "China"), or the base form ends like a place name does
   ("Nordostasiens": "-ien", "-land", "-stan") and the mention is a place, or a common noun follows
   it the way a pre-posed genitive is followed by its head ("Kims Regime").

Adjectives inside a name follow the determiner before it ("den Olympischen Spielen", "des Östlichen
Wirtschaftsforums"): after a determiner they take the citation ending "-e", and a dative plural
noun loses its "-n" when the shipped table of dative plurals knows it ("Spielen" → "Spiele").
English possessives are apostrophe endings and always come off ("Putin's", "Jones'").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from newsmill.article import Entity
from newsmill.enrich.entities.gazetteer import organisation_names
from newsmill.enrich.entities.lexicon import (
    COMMON,
    PART,
    PERSON_CODES,
    PLACE_CODES,
    WordClasses,
    word_classes,
)
from newsmill.enrich.morphology import strip_possessive
from newsmill.names import initials
from newsmill.names import is_acronym as is_acronym  # re-exported: the quote finder tests speakers with it

# A stem this short is a code or a word ("Uss" → "Us"), not the name meant.
MIN_STEM = 3
# Letters after which German writes the genitive with an apostrophe, never with a bare "-s".
_SIBILANTS = "sxzß"
_ADJECTIVE = re.compile(
    r"^(?:[A-ZÄÖÜ]\w*(?:sch|lich|ig|al|iv|ell|är|ant|ent)|Neu|Rot|Weiß|Grün|Schwarz|Blau|Gelb|Erst|Zweit|"
    r"Dritt|Vereint|Vereinigt|Heilig|Hoh|Groß|Klein|Alt|Nah|Fern|Mittler|Ober|Unter|Frei|Jung|Allgemein|"
    r"Gemeinsam)(en|em|er|es)$")

KnownPlace = Callable[[str], bool]


def mention_bases(entities: Sequence[Entity], text: str, language: str) -> list[str]:
    """The base form of every mention of an article, read in the article's context."""
    from newsmill.enrich.entities.lexicon import name_codes
    from newsmill.enrich.places.gazetteer import gazetteer

    gaz = gazetteer()
    codes = name_codes(language)
    mentioned = {e.text for e in entities}
    known: dict[str, bool] = {}

    orgs = organisation_names()

    def known_place(name: str) -> bool:  # or a known organisation: a name that is known as written
        if name not in known:
            known[name] = name in orgs or gaz.exact(name, language) is not None
        return known[name]

    return [base_form(e.text, e.label, language, before=word_before(text, e.start), after=word_after(text, e.end),
                      mentioned=mentioned, codes=codes, known_place=known_place) for e in entities]


def word_before(text: str, start: int) -> str:
    """The word right before ``start`` (lower case), "" when punctuation or nothing comes first."""
    i = start
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "-"):
        j -= 1
    return text[j:i].lower() if i < start else ""


def word_after(text: str, end: int) -> str:
    """The word right after ``end`` (as written), "" when punctuation or nothing follows."""
    i = end
    while i < len(text) and text[i] == " ":
        i += 1
    j = i
    while j < len(text) and (text[j].isalpha() or text[j] == "-"):
        j += 1
    return text[i:j] if i > end else ""


def base_form(mention: str, label: str, language: str, *, before: str, after: str, mentioned: Collection[str],
              codes: Mapping[str, str], known_place: KnownPlace) -> str:
    """The canonical base form of one mention, read with the words around it."""
    words = mention.split()
    if not words:
        return mention
    words[-1] = strip_possessive(words[-1], language)
    name = " ".join(words)
    if language != "de" or name != mention:
        return name
    classes = word_classes(language)
    if label != "PER" and len(words) > 1:
        words = _adjectives_base(words, before, classes)
    return _genitive_base(" ".join(words), label, before, after, mentioned, codes, known_place, classes)


def _genitive_base(name: str, label: str, before: str, after: str, mentioned: Collection[str],
                   codes: Mapping[str, str], known_place: KnownPlace, classes: WordClasses) -> str:
    last = name.rsplit(" ", 1)[-1]
    if not last.endswith("s") or len(last) - 1 < MIN_STEM or last[-2] in _SIBILANTS or not last[-2].isalpha():
        return name
    stems = [name[:-1]]
    if last.endswith("es") and before in classes.genitive_determiners and last[-3] not in "aeiouäöü":
        stems.insert(0, name[:-2])  # "des Bundestages"
    for stem in stems:
        if stem in mentioned:
            return stem
    multi = " " in name
    own = PLACE_CODES + PERSON_CODES + (PART if multi else "")
    if known_place(name) or any(c in own for c in codes.get(last.lower(), "")):
        return name  # "Paris", "Markus", "Los Angeles", "New York Times"
    stem = stems[0]
    stem_last = stem.rsplit(" ", 1)[-1].lower()
    if before in classes.genitive_determiners:
        return stem
    # a word list knows single words; a longer name must be known whole
    if known_place(stem) or not multi and any(c in PLACE_CODES + PERSON_CODES for c in codes.get(stem_last, "")):
        return stem
    if label == "LOC" and stem_last.endswith(classes.place_stem_suffixes):
        return stem
    follower = codes.get(after.lower(), "")
    if label == "PER" and after[:1].isupper() and COMMON in follower and not any(c in PERSON_CODES for c in follower):
        return stem  # "Kims Regime": a pre-posed genitive before its head noun
    return name


def _adjectives_base(words: list[str], before: str, classes: WordClasses) -> list[str]:
    """Adjectives of a name after a determiner take the citation ending; a dative plural its nominative."""
    if before not in classes.determiners:
        return words
    out = list(words)
    changed = False
    for i, word in enumerate(words[:-1]):
        m = _ADJECTIVE.match(word)
        if m is None and word.endswith("er") and word[:1].isupper():
            continue  # a town's adjective does not inflect: "der Frankfurter Allgemeinen Zeitung"
        if m is None:
            break
        out[i] = word[: m.start(1)] + "e"
        changed = True
    if changed and before in classes.plural_determiners and out[-1] in classes.dative_plurals:
        out[-1] = out[-1][:-1]
    return out


def spell_out_acronyms(entities: Sequence[Entity]) -> None:
    """An organisation's acronym takes the name the article spells it out with ("WHO" → "World
    Health Organization", "EU" → "Europäische Union"), so its mentions are one organisation and
    share an id with a speaker the quote finder expands the same way."""
    full_names: dict[str, str] = {}
    for e in entities:
        full = e.name or e.text
        short = initials(full) if e.label == "ORG" else None
        if short:
            full_names.setdefault(short, full)
    for e in entities:
        name = e.name or e.text
        if e.label == "ORG" and is_acronym(name):
            e.name = full_names.get(name, e.name)
