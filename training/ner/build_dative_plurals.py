"""Generate src/newsmill/data/lexicon/de_dative_plurals.json: German dative plurals that are the
nominative plural + "n" ("Spielen" → "Spiele", "Bergen" → "Berge").

Usage: python training/ner/build_dative_plurals.py OUT_JSON

Source: spaCy's German lemma lookup table and lexeme probabilities (spacy-lookups-data 1.0.5, MIT).
A form F is kept when F and F minus its last "n" are both inflections of one noun lemma, the shorter
form is not the lemma itself ("Schulen" is the nominative plural of "Schule") and it is not a rare
old dative singular ("Staate" of "Staat": less probable than the -en form by a wide margin).
The name canonicaliser uses it to give "den Olympischen Spielen" its base form "Olympische Spiele".
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

# How much less probable (natural log) the -e form may be than the -en form.
MAX_LOG_PROB_GAP = 2.5


def _table(name: str) -> dict[str, Any]:
    data = resources.files("spacy_lookups_data").joinpath("data")
    with data.joinpath(f"de_{name}.json.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    return loaded


def dative_plurals() -> list[str]:
    lemmas = _table("lemma_lookup")
    prob = _table("lexeme_prob")
    out = []
    for form, lemma in lemmas.items():
        if not (isinstance(lemma, str) and form.endswith("en") and form[:1].isupper() and lemma[:1].isupper()):
            continue
        short = form[:-1]
        if lemmas.get(short) != lemma or short == lemma or not short.endswith("e"):
            continue
        floor = -30.0
        if prob.get(short, floor) < prob.get(form, floor) - MAX_LOG_PROB_GAP:
            continue
        out.append(form)
    return sorted(out)


def main() -> None:
    forms = dative_plurals()
    doc = {"_source": "spacy-lookups-data 1.0.5 (MIT): de_lemma_lookup, de_lexeme_prob; built by "
                      "training/ner/build_dative_plurals.py", "forms": forms}
    Path(sys.argv[1]).write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(forms)} forms")


if __name__ == "__main__":
    main()
