"""Builds texts.jsonl, the texts of the entity tuning set (run once; the output is kept, not rebuilt).

The same rule as the precision set (tests/data/precision/select.py, docs/annotation.md) on the
other half: the TUNE half of trafeval-de-dev and of the Zyte benchmark (benchmarks/splits.py), key
order, the first pages with a publication date (German) or an English ground-truth body of at least
500 characters (English); each text is the article's opening. Nothing of the blind precision set is
read. Every entity newsmill finds in these texts is judged by hand in judged.jsonl.

    .venv/bin/python tests/data/entities_tune/build.py
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import half  # noqa: E402


def _precision_select() -> ModuleType:
    """The precision set's builder (its opening cut), loaded by path: "select" is a stdlib name."""
    spec = importlib.util.spec_from_file_location("precision_select", HERE.parent / "precision" / "select.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


opening = _precision_select().opening

BENCH = ROOT.parent / "shared" / "benchdata"
# Round 1 took 40 + 30 texts; round 2 (2026-12-07) continued the same key order to 52 + 40, round 3
# (2026-12-07, English precision) to 52 + 92 (every English tune page of the rule), then to 67 + 92.
N_DE, N_EN = 67, 92
MIN_BODY = 500
# Round 4 (2026-12-07, fourth session): the text right after the opening of the first pages of each
# language, cut by the same rule. Openings hold few of some classes (bylines and glossaries come
# later, so do sports tables and surnames alone); these "-more" texts are from the same TUNE pages
# (first 15 + 40, then the English to 60; round 5, 2026-12-07 sixth session: the English to all 92;
# round 6, seventh session: the German to 35).
N_MORE_DE, N_MORE_EN = 35, 92
# Round 7 (2026-12-07, eighth session, English precision): the cut after that one ("<id>-more2"),
# for the English pages in the same order, because English precision was lowest and every English
# tune page's first two cuts were judged.
N_MORE2_EN = 92


def german() -> list[dict[str, str]]:
    import newsmill

    gold = json.loads((BENCH / "trafeval-de-dev" / "gold.json").read_text())
    rows = []
    for key in sorted(k for k in gold if half("trafeval", k) == "tune"):
        if not gold[key].get("date"):
            continue
        raw = gzip.decompress((BENCH / "trafeval-de-dev" / "pages" / f"{key}.html.gz").read_bytes())
        article = newsmill.extract(raw, url=gold[key]["url"])
        if article.language != "de":
            continue
        rows.append({"id": f"de-{key}", "language": "de", "url": gold[key]["url"], "text": opening(article.text),
                     "body": article.text})
        if len(rows) == N_DE:
            break
    return rows


def english() -> list[dict[str, str]]:
    from newsmill.extract.language import detect_language

    truth = json.loads((BENCH / "zyte-article-extraction-benchmark" / "ground-truth.json").read_text())
    rows = []
    for key in sorted(k for k in truth if half("zyte", k) == "tune"):
        body = truth[key].get("articleBody") or ""
        if len(body) < MIN_BODY or detect_language(body[:2000])[0] != "en":
            continue
        rows.append({"id": f"en-{key[:12]}", "language": "en", "url": truth[key]["url"], "text": opening(body),
                     "body": body})
        if len(rows) == N_EN:
            break
    return rows


def after_opening(text: str) -> str:
    """``text`` after its opening (empty when nothing follows)."""
    first = opening(text)
    return text[text.find(first[-200:]) + min(200, len(first)):].strip() if first else ""


def continuation(text: str, depth: int = 1) -> str:
    """The ``depth``-th opening-sized cut of ``text`` after its opening (empty when nothing follows)."""
    for _ in range(depth):
        text = after_opening(text)
    return opening(text)


def more(rows: list[dict[str, str]], n: int, depth: int = 1) -> list[dict[str, str]]:
    """The ``depth``-th cut after the opening of the first ``n`` rows (ids ``-more``, ``-more2``)."""
    out = []
    for row in rows[:n]:
        text = continuation(row["body"], depth)
        if len(text) >= MIN_BODY:
            suffix = "-more" if depth == 1 else f"-more{depth}"
            out.append({k: v for k, v in row.items() if k != "body"} | {"id": row["id"] + suffix, "text": text})
    return out


def main() -> int:
    # texts already judged stay as they were (the extractor may have changed since): only new ids
    # are appended, so every judgement keeps pointing at its text
    path = HERE / "texts.jsonl"
    kept = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    have = {json.loads(line)["id"] for line in kept}
    de, en = german(), english()
    texts = more(de, N_MORE_DE) + more(en, N_MORE_EN) + more(en, N_MORE2_EN, 2) + [
        {k: v for k, v in row.items() if k != "body"} for row in de + en]
    new = [row for row in texts if row["id"] not in have]
    with path.open("a", encoding="utf-8") as fh:
        for row in new:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(kept)} texts kept, {len(new)} added", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
