"""German Wikinews openings of the TUNE half (tests/data/times_tune/wikinews.py), every time in them
annotated by hand before newsmill was run on them (judged_wikinews.jsonl): the kind of text the
blind precision set is made of, scored the way benchmarks/precision.py scores times. The texts stay
in the shared benchmark data (their licence does not allow shipping them); without it the test is
skipped."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from newsmill.enrich.times.tagger import tag_times

DATA = Path(__file__).parent / "data" / "times_tune"
sys.path.insert(0, str(DATA))

import wikinews  # type: ignore[import-not-found]  # noqa: E402

# Measured on this branch (docs/benchmarks.md) less a small margin.
MIN_PRECISION = 0.94
MIN_RECALL = 0.88

pytestmark = pytest.mark.skipif(not wikinews.available(), reason="shared benchmark data not present")

Gold = tuple[int, int, str, dict[str, Any]]


def _find(text: str, span: str, nth: int | None) -> int:
    starts = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(span) + r"(?![\w-])", text)]
    assert starts and (nth or len(starts) == 1), f"{span!r} occurs {len(starts)} times"
    return starts[(nth or 1) - 1]


@lru_cache(maxsize=1)
def _docs() -> tuple[dict[str, dict[str, str]], dict[str, list[Gold]]]:
    docs = {row["id"]: row for row in wikinews.texts(wikinews.JUDGED_TEXTS)}
    gold: dict[str, list[Gold]] = {key: [] for key in docs}
    for line in (DATA / "judged_wikinews.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        start = _find(docs[row["id"]]["text"], row["text"], row.get("nth"))
        gold[row["id"]].append((start, start + len(row["text"]), row["value"], row))
    return docs, gold


def _agrees(value: str, gold: str) -> bool:
    return value == gold or value.startswith(gold + "T")


@lru_cache(maxsize=1)
def _score() -> tuple[int, int, int, list[dict[str, Any]]]:
    """(right, predicted, gold) over calendar-valued times, and the gold rows not found with their value."""
    docs, gold = _docs()
    right = predicted = 0
    lost: list[dict[str, Any]] = []
    for key, doc in docs.items():
        preds = [t for t in tag_times(doc["text"], "de", dt.date.fromisoformat(doc["published"]))
                 if t.value[:1].isdigit()]
        rows = gold[key]
        pairs = sorted(((min(t.end, e) - max(t.start, s), i, j) for i, t in enumerate(preds)
                        for j, (s, e, v, _) in enumerate(rows)
                        if t.start < e and s < t.end and (v == "skip" or _agrees(t.value, v))), reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
        skipped = sum(1 for j in used_g if rows[j][2] == "skip")
        predicted += len(preds) - skipped
        right += len(used_g) - skipped
        lost += [row for j, (_, _, v, row) in enumerate(rows) if j not in used_g and v != "skip"]
    n_gold = sum(1 for rows in gold.values() for g in rows if g[2] != "skip")
    return right, predicted, n_gold, lost


def test_precision_and_recall_do_not_fall_back() -> None:
    right, predicted, n_gold, _ = _score()
    assert right / predicted >= MIN_PRECISION, (right, predicted)
    assert right / n_gold >= MIN_RECALL, (right, n_gold)


def test_every_gold_time_not_marked_known_is_found() -> None:
    lost = [row for row in _score()[3] if "known" not in row]
    assert not lost, lost
