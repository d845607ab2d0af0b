"""Builds texts.jsonl, the texts of the times tuning set (run once; the output is kept, not rebuilt).

The precision set's rule (tests/data/precision/select.py, docs/annotation.md) on the other half:
the TUNE half of trafeval-de-dev and of the Zyte benchmark (benchmarks/splits.py), key order,
German pages whose gold has a valid publication date, English pages with a ground-truth body of at
least 500 characters and a publication date newsmill's metadata finds (relative times need an
anchor). Each text is the article's opening, longer than the precision set's (whole paragraphs up
to 2,000 characters) because a news opening holds only two or three times. Nothing of the blind
precision set is read. Every time newsmill finds in these texts is judged by hand in judged.jsonl.

    .venv/bin/python tests/data/times_tune/build.py
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import half  # noqa: E402

BENCH = ROOT.parent / "shared" / "benchdata"
N_DE, N_EN = 80, 60
MIN_BODY = 500
MAX_CHARS = 2000


def _iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def opening(text: str) -> str:
    """Whole paragraphs up to MAX_CHARS; a paragraph that would pass it is cut after a sentence."""
    out: list[str] = []
    for para in (p.strip() for p in text.split("\n\n")):
        if not para:
            continue
        if len("\n\n".join([*out, para])) > MAX_CHARS:
            room = MAX_CHARS - len("\n\n".join(out)) - (2 if out else 0)
            cut = [m.end() for m in re.finditer(r"[.!?][”“\"«»]?(?=\s)", para) if m.end() <= room]
            if cut:
                out.append(para[: cut[-1]])
            break
        out.append(para)
    return "\n\n".join(out)


def german() -> list[dict[str, str]]:
    import newsmill

    gold = json.loads((BENCH / "trafeval-de-dev" / "gold.json").read_text())
    rows = []
    for key in sorted(k for k in gold if half("trafeval", k) == "tune"):
        if not _iso_date(gold[key].get("date") or ""):
            continue  # no date, or one the gold wrote day and month swapped ("2022-29-11")
        raw = gzip.decompress((BENCH / "trafeval-de-dev" / "pages" / f"{key}.html.gz").read_bytes())
        article = newsmill.extract(raw, url=gold[key]["url"])
        if article.language != "de" or len(article.text) < MIN_BODY:
            continue
        rows.append({"id": f"de-{key}", "language": "de", "url": gold[key]["url"],
                     "published": gold[key]["date"][:10], "text": opening(article.text)})
        if len(rows) == N_DE:
            break
    return rows


def english() -> list[dict[str, str]]:
    import newsmill
    from newsmill.extract.language import detect_language

    base = BENCH / "zyte-article-extraction-benchmark"
    truth = json.loads((base / "ground-truth.json").read_text())
    rows = []
    for key in sorted(k for k in truth if half("zyte", k) == "tune"):
        body = truth[key].get("articleBody") or ""
        if len(body) < MIN_BODY or detect_language(body[:2000])[0] != "en":
            continue
        raw = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        published = newsmill.extract(raw, url=truth[key]["url"]).published
        if not published:
            continue
        rows.append({"id": f"en-{key[:12]}", "language": "en", "url": truth[key]["url"],
                     "published": str(published)[:10], "text": opening(body)})
        if len(rows) == N_EN:
            break
    return rows


def main() -> int:
    rows = german() + english()
    with (HERE / "texts.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} texts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
