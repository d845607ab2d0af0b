"""Build ``newsmill/data/quotes/first_names.json``: first names with their usual gender.

Source: the person providers of Faker (MIT licence, https://github.com/joke2k/faker), which list
male and female first names for ~80 locales. A name listed only as male is "m", only as female
"f"; a name listed as both (Andrea, Kim, Jean) is left out, since it says nothing. Only names in
Latin script are kept (news text in German and English writes names that way), and only names
of at least two letters. The output is sorted, so a rebuild with the same Faker version gives the
same file. Used by the quote finder to pick a gender-compatible antecedent for "sie"/"er" and
"die Ministerin"/"der Minister".

    pip install faker==40.54.0   # the version the shipped table was built with (the `train` extra pins
                                 # 40.63.0 for the NER name lists); newsmill does not depend on Faker
    python training/quotes/first_names.py
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import unicodedata
from pathlib import Path

import faker
import faker.providers.person as person_providers

OUT = Path(__file__).resolve().parents[2] / "src" / "newsmill" / "data" / "quotes" / "first_names.json"
MIN_LETTERS = 2


def _latin(name: str) -> bool:
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name if ch.isalpha())


def _names(provider: type, attribute: str) -> set[str]:
    raw = getattr(provider, attribute, ())
    names = raw.keys() if isinstance(raw, dict) else raw  # some locales weight names: {name: weight}
    return {n.strip() for n in names if isinstance(n, str)}


def main() -> None:
    male: set[str] = set()
    female: set[str] = set()
    locales = []
    for mod in sorted(pkgutil.iter_modules(person_providers.__path__), key=lambda m: m.name):
        if not mod.ispkg:
            continue
        provider = importlib.import_module(f"{person_providers.__name__}.{mod.name}").Provider
        male |= _names(provider, "first_names_male")
        female |= _names(provider, "first_names_female")
        locales.append(mod.name)
    keep = {n for n in male | female
            if len(n) >= MIN_LETTERS and n.replace("-", "").isalpha() and n[:1].isupper() and _latin(n)}
    genders = {n: ("m" if n in male else "f") for n in keep if (n in male) != (n in female)}
    data = {
        "_source": f"Faker {faker.VERSION} person providers (MIT licence), locales: {', '.join(locales)}",
        "_built_by": "training/quotes/first_names.py",
        "names": dict(sorted(genders.items())),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    counts = {g: sum(1 for v in genders.values() if v == g) for g in "mf"}
    print(f"{len(genders)} names ({counts['m']} m, {counts['f']} f) from {len(locales)} locales -> {OUT}")


if __name__ == "__main__":
    main()
