"""The word classes of ``data/lexicon/entities.json`` and the name lists of the NER model.

The model's gazetteer component already holds, per lower-case word, which name lists know it
(countries, cities, towns, first names, surnames) and, in German, whether it is a common word
(see ``features``); reading them here costs nothing at run time and keeps one source of truth.
"""

from __future__ import annotations

import gzip
from collections.abc import Container, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsmill.enrich.entities.features import CODES
from newsmill.extract.lexicon import read_table

COUNTRY, BIG, TOWN, PART, FIRST, LAST, COMMON = (CODES[k] for k in
                                                 ("country", "big", "town", "part", "first", "last", "common"))
PLACE_CODES = COUNTRY + BIG + TOWN
PERSON_CODES = FIRST + LAST


@dataclass(frozen=True)
class WordClasses:
    """One language's row of ``entities.json``."""

    genitive_determiners: frozenset[str]
    determiners: frozenset[str]
    plural_determiners: frozenset[str]
    indefinite_articles: frozenset[str]
    locative_prepositions: frozenset[str]
    noun_suffixes: tuple[str, ...]
    place_stem_suffixes: tuple[str, ...]
    leading_non_name: frozenset[str]
    role_suffixes: tuple[str, ...]
    compass: Mapping[str, str]
    street_suffixes: tuple[str, ...]
    platforms: frozenset[str]
    # the same, case-folded: pages write them as they like ("Tiktok", "YOUTUBE")
    platform_keys: frozenset[str]
    dative_plurals: frozenset[str]
    company_suffixes: tuple[str, ...]
    org_heads: tuple[str, ...]
    place_heads: tuple[str, ...]
    name_particles: frozenset[str]
    contractions: frozenset[str]
    event_heads: tuple[str, ...]
    compass_nouns: frozenset[str]
    member_roles: frozenset[str]
    club_prefixes: frozenset[str]
    demonstratives: frozenset[str]


@lru_cache(maxsize=8)
def word_classes(language: str) -> WordClasses:
    data = read_table("entities")
    row = data.get(language) or data["en"]
    plurals = frozenset(read_table("de_dative_plurals")["forms"]) if language == "de" else frozenset()
    return WordClasses(
        genitive_determiners=frozenset(row["genitive_determiners"]), determiners=frozenset(row["determiners"]),
        plural_determiners=frozenset(row["plural_determiners"]),
        indefinite_articles=frozenset(row["indefinite_articles"]),
        locative_prepositions=frozenset(row["locative_prepositions"]),
        noun_suffixes=tuple(row["noun_suffixes"]), place_stem_suffixes=tuple(row["place_stem_suffixes"]),
        leading_non_name=frozenset(row["leading_non_name"]),
        # longest first: "bürgermeister" is tried before "meister"
        role_suffixes=tuple(sorted(row["role_suffixes"], key=len, reverse=True)),
        compass=dict(sorted(row["compass"].items(), key=lambda kv: -len(kv[0]))),
        street_suffixes=tuple(row["street_suffixes"]), platforms=frozenset(data["platforms"]),
        platform_keys=frozenset(p.casefold() for p in data["platforms"]),
        dative_plurals=plurals, company_suffixes=tuple(data["company_suffixes"]), org_heads=tuple(row["org_heads"]),
        place_heads=tuple(row["place_heads"]), name_particles=frozenset(row["name_particles"]),
        contractions=frozenset(row["contractions"]), event_heads=tuple(row["event_heads"]),
        compass_nouns=frozenset(row["compass_nouns"]), member_roles=frozenset(row["member_roles"]),
        club_prefixes=frozenset(data["club_prefixes"]), demonstratives=frozenset(row.get("demonstratives", ())))


@lru_cache(maxsize=8)
def common_nouns(language: str) -> Container[str]:
    """Lower-case forms of the language's common nouns (German: ``de_common_nouns.txt.gz``, every
    inflected form of WiktionaryDE's nouns without proper nouns; empty for other languages).

    256,000 forms: as a set ~18 MB in every process that enriches German, so it is a memory-mapped
    table in the machine's cache instead (``newsmill.mapped``)."""
    from newsmill.mapped import word_table

    path = Path(str(resources.files("newsmill").joinpath("data", "lexicon", f"{language}_common_nouns.txt.gz")))
    if not path.is_file():
        return frozenset()

    def load() -> list[str]:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read().split()

    return word_table(path, "common-nouns", load)


def name_codes(language: str) -> Mapping[str, str]:
    """Lower-case word → the codes of the name lists that know it (empty without a model)."""
    from newsmill.enrich.entities.recognizer import load_model

    nlp = load_model(language)
    if nlp is None:
        return {}
    for _, component in nlp.pipeline:
        classes = getattr(component, "classes", None)
        if isinstance(classes, Mapping):  # a dict, a memory-mapped table or the sorted lists
            return classes
    return {}
