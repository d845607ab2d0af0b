"""Builds ``newsmill/data/lexicon/known_orgs.txt.gz``: names of well-known companies, one a line,
from the stock-index constituents of the ``pytickersymbols`` package (MIT; its table is compiled
from Wikipedia's index articles): DAX, MDAX, SDAX, TecDAX, EURO STOXX 50, S&P 500/100/600, NASDAQ
100, Dow Jones, FTSE 100, CAC 40, Nikkei 225 and others, about 1,800 companies.

Each company gives its name as listed ("Volkswagen Group", "Swiss Reinsurance Company Ltd") and
the name without its legal form and corporate descriptor words ("Volkswagen", "Swiss Reinsurance").
What the entity step may do with a name depends on how else a reader could take it (column 2:
``A`` add it where the model saw nothing, ``P``/``L``/``M`` turn the model's PER/LOC/MISC span of
it into ORG). A German common noun ("Allianz", "Linde", "Puma"), an English common word ("Apple",
"Shell") or a town ("Nokia") is never added unseen; a first name ("Dell") never overrides PER, a
town or a WordNet word ("Amazon", the river) never overrides LOC. Left out: big places ("Phoenix"),
short words, descriptor-stripped names made of common words only ("Global Net"). Person surnames
stay ("Siemens", "Bosch"): companies named after their founders are the rule, and the entity step
lets an article's own person ("Werner von Siemens") outweigh the list.

    pip install pytickersymbols==1.17.10 spacy-lookups-data==1.0.5 german-nouns==1.2.5  # not in .venv: german-nouns pins an old lxml
    python training/orgs/build.py
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "newsmill" / "data" / "lexicon" / "known_orgs.txt.gz"
# Words that end a company's listed name without being its name: legal forms and descriptors.
TRAILING = {"AG", "SE", "plc", "PLC", "Inc.", "Inc", "Corp.", "Corp", "Co.", "Co", "Ltd.", "Ltd", "Limited",
            "LLC", "N.V.", "NV", "S.A.", "SA", "S.p.A.", "SpA", "A/S", "ASA", "AB", "Oyj", "Abp", "KGaA", "GmbH",
            "&", "Group", "Groupe", "Gruppe", "Holding", "Holdings", "Corporation", "Company", "Incorporated",
            "Aktiengesellschaft", "Technologies", "Industries", "Enterprises", "S.E.", "Se", "K.K.", "Tbk"}
LEADING = {"The"}
MIN_SINGLE = 3
# An English word is common when written in lower case at least e^-1 (37 %) as often as the name is
# (log-probabilities): "apple" against "Apple", "sap" against "SAP"; "nvidia" is no word at all.
LOWER_MARGIN = -1.0


def companies() -> list[str]:
    from pytickersymbols.indices_data import INDICES  # type: ignore[import-not-found]

    return sorted({c["name"].strip() for index in INDICES.values() for c in index["companies"] if c.get("name")})


def variants(name: str) -> list[str]:
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    words = name.replace(",", " ").split()
    out = [" ".join(name.split())]
    while words and words[0] in LEADING:
        words = words[1:]
    while len(words) > 1 and words[-1] in TRAILING:
        words = words[:-1]
        out.append(" ".join(words))
    return list(dict.fromkeys(out))


def english_tables() -> tuple[set[str], dict[str, float]]:
    """WordNet's lemma index (lower-case English words) and the word log-probabilities of spaCy's
    English lexeme table, both from ``spacy-lookups-data`` (WordNet licence, MIT)."""
    import gzip as gz
    from importlib import resources

    base = resources.files("spacy_lookups_data").joinpath("data")
    index = json.loads(gz.decompress(base.joinpath("en_lemma_index.json.gz").read_bytes()))
    prob = json.loads(gz.decompress(base.joinpath("en_lexeme_prob.json.gz").read_bytes()))
    return {w for part in index.values() for w in part if w.isalpha()}, prob


# What the entity step may do with a name (see ``enrich/entities/known_orgs.py``): A add it where
# the model saw nothing; P, L, M turn the model's PER, LOC, MISC span of exactly the name into ORG.
ALL = "APLM"


def flags(name: str, company: str, tables: dict[str, object]) -> str:
    """The actions a name allows; "" leaves it out."""
    words = name.split()
    low = name.lower()
    single = len(words) == 1
    caps = name.isupper()
    if not name[:1].isupper() and not name[:1].isdigit():
        return ""
    if single and len(name) < MIN_SINGLE:
        # "BP", "HP": never added unseen; "Q2", "M3" read as a quarter or a product
        return "PLM" if name.isalpha() and caps and len(name) == MIN_SINGLE - 1 else ""
    if not single and name != " ".join(company.split()) \
            and all(w.lower() in tables["english"] or w in tables["german"] for w in words):  # type: ignore[operator]
        return ""  # "Global Net" of "Global Net Lease": only the name as listed
    out = ALL
    place = tables["places"].exact(name, "de") or tables["places"].exact(name, "en")  # type: ignore[attr-defined]
    if place is not None:
        if place.kind != "city" or place.population >= tables["big"]:  # type: ignore[operator]
            return ""  # "Phoenix", "Orange" of "Orange S.A." is a country's region
        out = "PM"  # "Nokia", "Toyota": a town too, so never a LOC span, never unseen
    if single and (not caps and name in tables["german"] or _english_common(name, tables)):
        out = "".join(c for c in out if c in "PM")  # "Allianz", "Apple", "Amazon": only a name the model saw, not a place
    if single and any(c in tables["codes"][lang].get(low, "") for lang in ("de", "en") for c in tables["first"]):  # type: ignore[index]
        out = "".join(c for c in out if c in "LM")  # "Dell", "Porsche": a lone first name may be a person
    if single and low in tables["wordnet"]:  # type: ignore[operator]
        out = out.replace("L", "")  # "Amazon" is WordNet's river too: the model's LOC may be right
    codes = tables["codes"]["en"]  # type: ignore[index]
    if not single and tables["first"] in codes.get(words[0].lower(), "") \
            and all(tables["last"] in codes.get(w.lower(), "") and w.lower() not in tables["english"]  # type: ignore[operator]
                    for w in words[1:]):
        out = "".join(c for c in out if c in "LM")  # "Ethan Allen", "Walt Disney" read as a person's name
    return out


def _english_common(name: str, tables: dict[str, object]) -> bool:
    prob: dict[str, float] = tables["prob"]  # type: ignore[assignment]
    low = name.lower()
    return low in tables["wordnet"] and low in prob \
        and prob[low] >= prob.get(name, prob.get(low.capitalize(), -99.0)) + LOWER_MARGIN  # type: ignore[operator]


def german_words(codes: dict[str, str], common: str) -> set[str]:
    """German words a capitalised name may be (case kept): the forms of WiktionaryDE's common nouns
    (``german-nouns``, CC BY-SA 4.0, proper-noun rows left out as in ``training/nouns/build.py``)
    that are an inflected form, a lemma with its own plural ("Allianz", "Allianzen") or a word of
    the German model's common-word class. A lemma without a plural of its own is a brand's eponym
    ("Microsoft", "Volkswagen": "der Volkswagen, die Volkswagen") and stays a name."""
    import csv
    from importlib import resources

    excluded = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname", "Abkürzung", "Initialwort"}
    lemmas: dict[str, bool] = {}
    inflected: set[str] = set()
    with resources.files("german_nouns").joinpath("nouns.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if set(row["pos"].split(",")) & excluded:
                continue
            lemma = row["lemma"]
            forms = {v.strip() for k, v in row.items() if v and k not in ("pos", "lemma") and not k.startswith("genus")}
            plurals = {v.strip() for k, v in row.items() if v and "plural" in k}
            lemmas[lemma] = lemmas.get(lemma, False) or bool(plurals - {lemma})
            inflected |= forms - {lemma}
    return inflected | {w for w, plural in lemmas.items() if plural} \
        | {w for w in lemmas if common in codes.get(w.lower(), "")}


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from newsmill.enrich.entities.lexicon import CODES, name_codes
    from newsmill.enrich.places.gazetteer import MIN_SCAN_POPULATION, gazetteer

    wordnet, prob = english_tables()
    tables: dict[str, object] = {
        "german": german_words(name_codes("de"), CODES["common"]), "english": {w for w in wordnet if _english_common(w.capitalize(), {"wordnet": wordnet, "prob": prob})},
        "wordnet": wordnet, "prob": prob, "codes": {lang: name_codes(lang) for lang in ("de", "en")},
        "first": CODES["first"], "last": CODES["last"], "places": gazetteer(), "big": MIN_SCAN_POPULATION}
    kept: dict[str, str] = {}
    dropped: list[str] = []
    for company in companies():
        for name in variants(company):
            got = flags(name, company, tables)
            if not got:
                dropped.append(name)
            elif name in kept:
                kept[name] = "".join(c for c in ALL if c in kept[name] or c in got)
            else:
                kept[name] = got
    data = "".join(f"{name}\t{kept[name]}\n" for name in sorted(kept)).encode("utf-8")
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)  # mtime 0: the same input gives the same bytes
    print(f"{len(kept)} names -> {OUT} ({len(dropped)} left out)", file=sys.stderr)
    if "-v" in sys.argv:
        print("\n".join(f"-\t{n}" for n in dropped))
        print("\n".join(f"{f}\t{n}" for n, f in sorted(kept.items()) if f != ALL))
    return 0


if __name__ == "__main__":
    sys.exit(main())
