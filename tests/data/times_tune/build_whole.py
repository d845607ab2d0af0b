"""Builds texts_whole.jsonl: WHOLE articles for the times tuning set (run once; the output is kept).

The openings of texts.jsonl hold few of the times a reader meets further down an article (stories
that set their own reference day, durations, ages, scores), so the second part of the set is whole
articles, chosen by the rule of build.py: TUNE half of trafeval-de-dev and of the Zyte benchmark
(benchmarks/splits.py), key order. German: the 40 pages after those of texts.jsonl, text as
``newsmill.extract`` gives it, published from the gold. English: the TUNE-half pages after those of
texts.jsonl, then (there are not 30 of them) the first pages of texts.jsonl again, whole; text the
ground-truth ``articleBody``, published from newsmill's metadata. Nothing of the blind precision set
is read.

    .venv/bin/python tests/data/times_tune/build_whole.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import half  # noqa: E402

BENCH = ROOT.parent / "shared" / "benchdata"
N_DE, N_EN = 40, 30
MIN_BODY = 500
# Whole articles, but a page of more than this many characters (a forum thread, a live blog) is
# cut at a paragraph: judging it would be most of the set.
MAX_CHARS = 12_000


def _cut(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    return text[: text.rfind("\n\n", 0, MAX_CHARS)]


def _opening_ids() -> set[str]:
    return {json.loads(line)["id"] for line in (HERE / "texts.jsonl").read_text(encoding="utf-8").splitlines()}


def german() -> list[dict[str, str]]:
    from build import _iso_date  # type: ignore[import-not-found]

    import newsmill

    seen = _opening_ids()
    gold = json.loads((BENCH / "trafeval-de-dev" / "gold.json").read_text())
    rows = []
    for key in sorted(k for k in gold if half("trafeval", k) == "tune"):
        if f"de-{key}" in seen or not _iso_date(gold[key].get("date") or ""):
            continue
        raw = gzip.decompress((BENCH / "trafeval-de-dev" / "pages" / f"{key}.html.gz").read_bytes())
        article = newsmill.extract(raw, url=gold[key]["url"])
        if article.language != "de" or len(article.text) < MIN_BODY:
            continue
        rows.append({"id": f"dw-{key}", "language": "de", "url": gold[key]["url"],
                     "published": gold[key]["date"][:10], "text": _cut(article.text)})
        if len(rows) == N_DE:
            break
    return rows


def english() -> list[dict[str, str]]:
    import newsmill
    from newsmill.extract.language import detect_language

    seen = _opening_ids()
    base = BENCH / "zyte-article-extraction-benchmark"
    truth = json.loads((base / "ground-truth.json").read_text())
    fresh: list[dict[str, str]] = []
    again: list[dict[str, str]] = []
    for key in sorted(k for k in truth if half("zyte", k) == "tune"):
        body = truth[key].get("articleBody") or ""
        if len(body) < MIN_BODY or detect_language(body[:2000])[0] != "en":
            continue
        raw = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        published = newsmill.extract(raw, url=truth[key]["url"]).published
        if not published:
            continue
        row = {"id": f"ew-{key[:12]}", "language": "en", "url": truth[key]["url"],
               "published": str(published)[:10], "text": _cut(body)}
        (again if f"en-{key[:12]}" in seen else fresh).append(row)
    return (fresh + again)[:N_EN]


def main() -> int:
    sys.path.insert(0, str(HERE))
    rows = german() + english()
    with (HERE / "texts_whole.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
