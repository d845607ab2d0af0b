"""Build texts.jsonl of the quote tuning set (quotes helper, 2026-12-07); kept to document it.

German: trafeval-de-dev, TUNE half (benchmarks/splits.py, set "trafeval"), keys in order, pages whose
gold has a date, text as ``newsmill.extract`` gives it (what a reader sees), the first 26 with at
least 500 characters. English: the Zyte benchmark, TUNE half (set "zyte"), keys in order, pages
not in the English quote gold's selection (benchmarks/data/quotes_en/selection.tsv: that set is
blind) and with an English ground-truth articleBody of at least 500 characters; the first 16.
Each text is the opening: whole paragraphs up to 3,000 characters (at least one paragraph).

    python tests/data/quotes_tune/build.py   # appends new pages to texts.jsonl; judged.jsonl is by hand

Texts already in texts.jsonl are kept as they are (extraction changes would move the offsets of
their judgements); the pages the rule takes that are not yet in it are appended.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import half  # noqa: E402

BENCH = ROOT.parent / "shared" / "benchdata"
OPENING_CHARS = 3000
MIN_CHARS = 500
# Second to eighth batches (2026-12-07, 09:40, 10:10, 12:55, 13:30, 15:45, 15:55 and 20:40): the next pages by the same rule, so the set grows without
# changing a text already judged (offsets in judged.jsonl point into them).
N_DE, N_EN = 150, 60
# Eighth batch (20:40): the dated German and the English pages ran out (2 new texts), so German
# TUNE pages whose gold has no date follow, by the same rule otherwise (key order, the first 16).
N_DE_UNDATED = 16
# Ninth batch (session 8, qprec helper, 23:50): the remaining 25 undated German TUNE pages, and,
# since the English pages ran out, the continuation of the first English pages: the text after
# their opening, whole paragraphs up to 3,000 more characters (ids ending in "-2").
N_DE_UNDATED_9 = 41
N_EN_CONTINUED = 16


def continuation(text: str) -> str:
    """The paragraphs after the opening, up to OPENING_CHARS more."""
    return opening(text[len(opening(text)):].lstrip("\n"))


def opening(text: str) -> str:
    out: list[str] = []
    for para in text.split("\n"):
        if out and len("\n".join([*out, para])) > OPENING_CHARS:
            break
        out.append(para)
    return "\n".join(out).strip()


def german(dated: bool = True, wanted: int = N_DE) -> list[dict[str, str]]:
    import newsmill

    gold = json.loads((BENCH / "trafeval-de-dev" / "gold.json").read_text())
    rows = []
    for key in sorted(gold):
        if half("trafeval", key) != "tune" or bool(gold[key].get("date")) != dated:
            continue
        raw = gzip.decompress((BENCH / "trafeval-de-dev" / "pages" / f"{key}.html.gz").read_bytes())
        art = newsmill.extract(raw, url=gold[key]["url"])
        if art.language != "de" or len(art.text or "") < MIN_CHARS:
            continue
        rows.append({"id": f"de-{key}", "language": "de", "url": gold[key]["url"], "text": opening(art.text or "")})
        if len(rows) == wanted:
            break
    return rows


def english(full: bool = False) -> list[Any]:
    """The English rows; with ``full``, (row, whole body) pairs."""
    from newsmill.extract.language import detect_language

    blind_gold = {line.split("\t")[0] for line in (ROOT / "benchmarks" / "data" / "quotes_en" / "selection.tsv")
                  .read_text().splitlines() if line and not line.startswith("#")}
    gt = json.loads((BENCH / "zyte-article-extraction-benchmark" / "ground-truth.json").read_text())
    rows = []
    for key in sorted(gt):
        body = gt[key].get("articleBody") or ""
        if half("zyte", key) != "tune" or key[:8] in blind_gold or len(body) < MIN_CHARS:
            continue
        if detect_language(body)[0] != "en":
            continue
        row = {"id": f"en-{key[:16]}", "language": "en", "url": gt[key]["url"], "text": opening(body)}
        rows.append((row, body) if full else row)
        if len(rows) == N_EN:
            break
    return rows


if __name__ == "__main__":
    path = Path(__file__).with_name("texts.jsonl")
    kept = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line] if path.exists() else []
    known = {row["id"] for row in kept}
    with open(path, "w", encoding="utf-8") as fh:
        fresh = german() + english() + german(dated=False, wanted=N_DE_UNDATED)
        fresh += german(dated=False, wanted=N_DE_UNDATED_9)
        fresh += [{**row, "id": row["id"] + "-2", "text": continuation(full)} for row, full in english(full=True)[:N_EN_CONTINUED]
                  if len(continuation(full)) >= MIN_CHARS]
        for row in kept + [r for r in fresh if r["id"] not in known]:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
