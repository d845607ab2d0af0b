"""Training material for the text-mode line model: the TUNE half only, every flattener.

For each page of the tuning half (``benchmarks/splits.py``) of trafeval-de-dev (German) and the
English pages of the Zyte benchmark, and each flattener of ``benchmarks/flatteners.py``, the dump
is run through the rule stages (``newsmill.extract.text.extractor.analyse``) and every candidate
line of the line model gets its feature row and, where the gold says so, a label:

- trafeval (snippet gold): 1 when the line holds a ``with`` snippet (or is a piece of one, at least
  ``PIECE_MIN_CHARS`` long), 0 when it holds a ``without`` snippet; other lines carry no label.
- Zyte (full article body): 1 when at least ``SHINGLE_KEEP_SHARE`` of the line's 4-token shingles
  are in the gold body (a line shorter than 4 tokens: when it occurs in the gold body), else 0.

The blind half is never read. Writes ``training/textdump/.data/lines.pkl`` (gitignored: it is made
from the third-party pages) and ``training/textdump/manifest.json`` (what went in: page keys per
set, flatteners, a digest of every flattener's dumps), which is committed.

    nice .venv/bin/python training/textdump/build_data.py [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.flatteners import FLATTENERS  # noqa: E402
from benchmarks.metrics import normalize_ws, shingles  # noqa: E402
from benchmarks.splits import half  # noqa: E402
from benchmarks.textdump import Page, load_pages  # noqa: E402

from newsmill.extract.options import ExtractOptions  # noqa: E402
from newsmill.extract.text.extractor import analyse  # noqa: E402
from newsmill.extract.text.line_model import feature_names, features, roles  # noqa: E402

OUT = Path(__file__).resolve().parent / ".data" / "lines.pkl"
MANIFEST = Path(__file__).resolve().parent / "manifest.json"
PIECE_MIN_CHARS = 20
_TOKEN = re.compile(r"\w+")  # the tokens of benchmarks.metrics.shingles
SHINGLE_KEEP_SHARE = 0.5


def snippet_label(text: str, with_: list[str], without: list[str]) -> int | None:
    t = normalize_ws(text)
    if not t:
        return None
    if any(s in t or (len(t) >= PIECE_MIN_CHARS and t in s) for s in with_):
        return 1
    if any(s in t or (len(t) >= PIECE_MIN_CHARS and t in s) for s in without):
        return 0
    return None


def shingle_label(text: str, gold: set[tuple[str, ...]], gold_text: str) -> int:
    own = shingles(text)
    if not own:
        return 0
    if len(next(iter(own))) < 4:
        return int(f" {' '.join(next(iter(own)))} " in gold_text)
    inside = sum(c for s, c in own.items() if s in gold)
    return int(inside >= SHINGLE_KEEP_SHARE * sum(own.values()))


def dump_record(page: Page, flattener: str, dump: str, gold: Any) -> dict[str, Any]:
    """The candidate lines of one dump; a dump without a body (nothing extracted) has none."""
    empty = {"set": page.set_name, "key": page.key, "flattener": flattener, "title": None, "lead": None,
             "lines": [], "roles": [], "texts": [], "bullets": [], "rows": [], "y": []}
    if not dump.strip():
        return empty
    found = analyse(dump, ExtractOptions())
    if found.body is None or found.parts is None:
        return empty
    lines, parts = found.lines, found.parts
    which, rows = features(lines, found.labels, found.body, parts, found.lex.stopwords)
    role = roles(lines, parts)
    if page.set_name == "trafeval":
        with_ = [normalize_ws(s) for s in page.with_]
        without = [normalize_ws(s) for s in page.without]
        ys = [snippet_label(lines[i].text, with_, without) for i in which]
    else:
        gold_set, gold_text = gold
        ys = [shingle_label(lines[i].text, gold_set, gold_text) for i in which]
    return {
        "set": page.set_name, "key": page.key, "flattener": flattener,
        "title": parts.title, "lead": parts.lead,
        "lines": which, "roles": [role[i] for i in which], "texts": [lines[i].text for i in which],
        "bullets": [lines[i].bullet for i in which],
        "rows": rows, "y": ys,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each set only (a smoke test)")
    args = ap.parse_args()
    pages = [p for p in load_pages(args.limit) if half(p.set_name, p.key) == "tune"]
    golds: dict[str, Any] = {}
    for p in pages:
        if p.set_name == "zyte":
            golds[p.key] = (set(shingles(p.truth)), " " + " ".join(_TOKEN.findall(p.truth.lower())) + " ")
    records: list[dict[str, Any]] = []
    digests: dict[str, str] = {}
    for flattener in FLATTENERS:
        digest = hashlib.sha256()
        for p in pages:
            dump = p.dump(flattener)
            digest.update(f"{p.set_name}:{p.key}\0".encode() + dump.encode("utf-8", "surrogatepass") + b"\0")
            records.append(dump_record(p, flattener, dump, golds.get(p.key)))
        digests[flattener] = digest.hexdigest()
        print(f"{flattener}: {sum(r['flattener'] == flattener for r in records)} dumps", flush=True)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as fh:
        pickle.dump({"features": feature_names(), "records": records}, fh)
    manifest = {
        "half": "tune",
        "sets": {s: sorted(p.key for p in pages if p.set_name == s) for s in ("trafeval", "zyte")},
        "flatteners": list(FLATTENERS),
        "dump_sha256": digests,
        "labels": {"PIECE_MIN_CHARS": PIECE_MIN_CHARS, "SHINGLE_KEEP_SHARE": SHINGLE_KEEP_SHARE},
        "rows": sum(len(r["rows"]) for r in records),
        "labelled_rows": sum(y is not None for r in records for y in r["y"]),
    }
    if not args.limit:
        MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{len(records)} dumps, {manifest['rows']} rows, {manifest['labelled_rows']} labelled -> {OUT}")


if __name__ == "__main__":
    main()
