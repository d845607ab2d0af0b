"""Marks which judged errors of judged_whole.jsonl newsmill still makes ("known"), after a fix.

    .venv/bin/python tests/data/times_tune/mark_known.py

A judged non-time still predicted, or a wrong value not yet the gold one, gets ``"known": "still
predicted"``; one that is fixed loses the mark, so tests/test_times_tune.py then holds it fixed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILE = HERE / "judged_whole.jsonl"


def main() -> int:
    from newsmill.enrich.times.tagger import tag_times

    texts = {r["id"]: r for r in map(json.loads, (HERE / "texts_whole.jsonl").read_text(encoding="utf-8").splitlines())}
    found: dict[str, list[tuple[int, int, str]]] = {}
    for key, row in texts.items():
        found[key] = [(t.start, t.end, t.value) for t in tag_times(row["text"], row["language"],
                      dt.date.fromisoformat(row["published"])) if t.value[:1].isdigit()]
    rows = [json.loads(line) for line in FILE.read_text(encoding="utf-8").splitlines()]
    still = 0
    for row in rows:
        row.pop("known", None)
        near = [v for s, e, v in found[row["id"]] if s < row["end"] and row["start"] < e]
        if row["v"] == "not" and near or row["v"] in ("wrong", "missed") and row["gold"] not in near:
            row["known"] = "still predicted" if row["v"] != "missed" else "still missed"
            still += 1
    FILE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{still} judged errors still made", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
