"""Builds ``newsmill/data/lexicon/de_common_nouns.txt.gz``: every inflected form of the German common
nouns of the ``german-nouns`` package (WiktionaryDE, CC BY-SA 4.0), one lower-case form a line.

Rows whose part of speech marks a proper noun (Toponym, Vorname, Nachname, Eigenname,
Straßenname), an abbreviation, a letter or symbol, an affix or a multi-word unit are left out:
the table is the evidence that a capitalised word is an ordinary German noun (issue 15, class 1).

    pip install german-nouns==1.2.5 && python training/nouns/build.py
"""

from __future__ import annotations

import csv
import gzip
import sys
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "newsmill" / "data" / "lexicon" / "de_common_nouns.txt.gz"
EXCLUDED_POS = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname", "Abkürzung", "Buchstabe", "Symbol",
                "Affix", "Suffix", "Präfix", "Gebundenes Lexem", "Wortverbindung", "Redewendung", "Initialwort"}
MIN_LENGTH = 3


def forms() -> set[str]:
    path = resources.files("german_nouns").joinpath("nouns.csv")
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if set(row["pos"].split(",")) & EXCLUDED_POS:
                continue
            for key, value in row.items():
                if key in ("pos", "genus") or key.startswith("genus ") or not value:
                    continue
                word = value.strip()
                if len(word) >= MIN_LENGTH and word[:1].isupper() and word.replace("-", "").isalpha():
                    out.add(word.lower())
    return out


def main() -> int:
    words = sorted(forms())
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(words) + "\n")
    print(f"{len(words)} forms -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
