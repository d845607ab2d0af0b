"""Base forms of a name written with a genitive or possessive ending.

"Russlands" → "Russland", "Putins" → "Putin", "Putin's" → "Putin", "Hans'" → "Hans". Shared by the
recogniser's alias resolution, the gazetteer lookups, the consistency pass over model spans and the
quote finder's fallback names. ``entities/features.py`` keeps its own lookup on purpose: the shipped
NER models were trained on its output, so changing it would silently change their inputs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GenitiveEndings:
    """The endings a name may carry in one language, each list tried in order."""

    possessive: tuple[str, ...] = ()  # marked by an apostrophe: always an ending, never part of a name
    names: tuple[str, ...] = ()  # bare genitive endings of proper names; some names end so too ("Paris")
    nouns: tuple[str, ...] = ()  # further bare endings of common nouns ("des Landes"), for place lookups


# Apostrophe possessives, straight or typographic: English "Putin's", "Hans'"; German "Hans'", "Max'"
# (names ending in s, x, z) and the colloquial "Putin's".
APOSTROPHE_ENDINGS = ("'s", "’s", "'", "’")

ENDINGS: dict[str, GenitiveEndings] = {
    # "Putins", "Russlands"; "-es" only after common nouns and old-style names ("des Rheines").
    "de": GenitiveEndings(possessive=APOSTROPHE_ENDINGS, names=("s",), nouns=("es",)),
    # A bare "-s" is a plural, not a genitive.
    "en": GenitiveEndings(possessive=APOSTROPHE_ENDINGS),
}
# Languages without a row: only an apostrophe ending is taken off (it never ends a name).
DEFAULT_ENDINGS = GenitiveEndings(possessive=APOSTROPHE_ENDINGS)


def endings(language: str) -> GenitiveEndings:
    """The genitive endings of ``language`` (apostrophe endings only when it has no row)."""
    return ENDINGS.get(language, DEFAULT_ENDINGS)


def strip_possessive(word: str, language: str) -> str:
    """``word`` without an apostrophe possessive ending ("Putin's" → "Putin"), else unchanged."""
    for ending in endings(language).possessive:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def base_forms(name: str, language: str, *, nouns: bool = False, min_stem: int = 1) -> list[str]:
    """``name`` first, then the forms it may have without a genitive ending, most likely first.

    An apostrophe ending is the only candidate when there is one ("Putin's" → "Putin"); otherwise
    each bare ending of the language that ``name`` ends with gives one ("Landes" → "Lande", and with
    ``nouns`` also "Land"). Bare endings are ambiguous ("Paris"), so callers check the candidates
    against names they know. Stems shorter than ``min_stem`` characters are not offered."""
    out = [name]
    stem = strip_possessive(name, language)
    if stem != name:
        return out + [stem] if len(stem) >= min_stem else out
    table = endings(language)
    for ending in (*table.names, *table.nouns) if nouns else table.names:
        if name.endswith(ending) and len(name) - len(ending) >= min_stem:
            out.append(name[: -len(ending)])
    return out
