"""German Wikinews openings for the times tuning set, read from the shared benchmark data and never
stored here: the quotes-de corpus (../shared/benchdata/quotes-de, CC BY-NC-SA: used to develop
rules, not shipped) holds short dated news reports, the kind of text the precision set is made of.

Rule: TUNE half by benchmarks/splits.py (set "quotes-de", key = file name, as benchmarks/quotes.py
splits it), key order, reports of at least MIN_BODY characters; the publication date is the one the
file name ends in. Each text is the precision set's opening: whole paragraphs until at least 700
characters, a paragraph that would pass 1,300 cut after its last sentence that fits. The gold of
judged_wikinews.jsonl (every time of the opening, written before newsmill was run on it) holds
offsets into these openings.
"""

from __future__ import annotations

import gzip
import json
import re

from pages import BENCH, MIN_BODY, half, opening  # type: ignore[import-not-found]

SOURCE = BENCH / "quotes-de"
# How many openings (in the order of ``texts``) judged_wikinews.jsonl covers completely (215, then
# 85 more in the sixth session): an opening
# without a row there holds no time.
JUDGED_TEXTS = 300
_DATE = re.compile(r"\((\d{4}-\d\d-\d\d)\)\.pretty\.json$")


def available() -> bool:
    return (SOURCE / "dev.jsonl.gz").exists()


def texts(n: int) -> list[dict[str, str]]:
    docs = [json.loads(line) for split in ("dev", "train")
            for line in gzip.decompress((SOURCE / f"{split}.jsonl.gz").read_bytes()).decode("utf-8").splitlines()]
    out: list[dict[str, str]] = []
    for doc in sorted(docs, key=lambda d: d["file"]):
        date = _DATE.search(doc["file"])
        if half("quotes-de", doc["file"]) != "tune" or not date or len(doc["originalText"]) < MIN_BODY:
            continue
        out.append({"id": "wn-" + doc["file"].split(" ", 1)[0], "language": "de", "file": doc["file"],
                    "published": date.group(1), "text": opening(doc["originalText"], 1300, 700)})
        if len(out) == n:
            break
    return out


if __name__ == "__main__":
    import sys

    for row in texts(int(sys.argv[1]) if len(sys.argv) > 1 else 30)[int(sys.argv[2]) if len(sys.argv) > 2 else 0:]:
        print(f"=== {row['id']} published {row['published']}\n{row['text']}\n")
