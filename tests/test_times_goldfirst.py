"""Times annotated gold-first, the way the blind precision set was made: every time in a news opening
written down by hand before newsmill was run on it, and scored the way benchmarks/precision.py
scores times. Two parts: German Wikinews openings of the TUNE half (tests/data/times_tune/wikinews.py,
judged_wikinews.jsonl; the texts stay in the shared benchmark data, whose licence does not allow
shipping them, and that part is skipped without it), and precision-style openings of news pages of
the times tuning set (openings_news.txt; texts_news.jsonl; gold for both in judged_openings.jsonl)."""

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
MIN_PRECISION = 0.95
MIN_RECALL = 0.88

MIN_PRECISION_OPENINGS = 0.95
MIN_RECALL_OPENINGS = 0.95
needs_shared = pytest.mark.skipif(not wikinews.available(), reason="shared benchmark data not present")

Gold = tuple[int, int, str, dict[str, Any]]


def _find(text: str, span: str, nth: int | None) -> int:
    starts = [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(span) + r"(?![\w-])", text)]
    assert starts and (nth or len(starts) == 1), f"{span!r} occurs {len(starts)} times"
    return starts[(nth or 1) - 1]


def _gold(docs: dict[str, dict[str, str]], name: str) -> dict[str, list[Gold]]:
    gold: dict[str, list[Gold]] = {key: [] for key in docs}
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        start = _find(docs[row["id"]]["text"], row["text"], row.get("nth"))
        gold[row["id"]].append((start, start + len(row["text"]), row["value"], row))
    return gold


def _wikinews() -> tuple[dict[str, dict[str, str]], dict[str, list[Gold]]]:
    docs = {row["id"]: row for row in wikinews.texts(wikinews.JUDGED_TEXTS)}
    return docs, _gold(docs, "judged_wikinews.jsonl")


def _openings() -> tuple[dict[str, dict[str, str]], dict[str, list[Gold]]]:
    from pages import opening  # type: ignore[import-not-found]

    ids = [line for line in (DATA / "openings_news.txt").read_text(encoding="utf-8").splitlines()
           if line and not line.startswith("#")]
    rows = {r["id"]: r for r in map(json.loads, (DATA / "texts.jsonl").read_text(encoding="utf-8").splitlines())}
    docs = {key: {**rows[key], "text": opening(rows[key]["text"], 1300, 700)} for key in ids}
    # and the news pages no other part took, already cut so (build_news.py)
    docs |= {r["id"]: r for r in map(json.loads, (DATA / "texts_news.jsonl").read_text(encoding="utf-8").splitlines())}
    return docs, _gold(docs, "judged_openings.jsonl")


def _agrees(value: str, gold: str) -> bool:
    return value == gold or value.startswith(gold + "T")


@lru_cache(maxsize=2)
def _score(part: str) -> tuple[int, int, int, list[dict[str, Any]]]:
    """(right, predicted, gold) over calendar-valued times, and the gold rows not found with their value."""
    docs, gold = _wikinews() if part == "wikinews" else _openings()
    right = predicted = 0
    lost: list[dict[str, Any]] = []
    for key, doc in docs.items():
        preds = [t for t in tag_times(doc["text"], doc["language"], dt.date.fromisoformat(doc["published"]))
                 if t.value[:1].isdigit()]
        rows = gold[key]
        pairs = sorted(((min(t.end, e) - max(t.start, s), i, j) for i, t in enumerate(preds)
                        for j, (s, e, v, _) in enumerate(rows)
                        if t.start < e and s < t.end and v != "skip" and _agrees(t.value, v)), reverse=True)
        used_p: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
        # a prediction on a span whose value the text does not settle is not scored
        unscored = [i for i, t in enumerate(preds) if i not in used_p
                    and any(v == "skip" and t.start < e and s < t.end for s, e, v, _ in rows)]
        predicted += len(preds) - len(unscored)
        right += len(used_g)
        lost += [row for j, (_, _, v, row) in enumerate(rows) if j not in used_g and v != "skip"]
    n_gold = sum(1 for rows in gold.values() for g in rows if g[2] != "skip")
    return right, predicted, n_gold, lost


@pytest.mark.parametrize(("part", "min_precision", "min_recall"), [
    pytest.param("wikinews", MIN_PRECISION, MIN_RECALL, marks=needs_shared),
    ("openings", MIN_PRECISION_OPENINGS, MIN_RECALL_OPENINGS),
])
def test_precision_and_recall_do_not_fall_back(part: str, min_precision: float, min_recall: float) -> None:
    right, predicted, n_gold, _ = _score(part)
    assert right / predicted >= min_precision, (right, predicted)
    assert right / n_gold >= min_recall, (right, n_gold)


@pytest.mark.parametrize("part", [pytest.param("wikinews", marks=needs_shared), "openings"])
def test_every_gold_time_not_marked_known_is_found(part: str) -> None:
    lost = [row for row in _score(part)[3] if "known" not in row]
    assert not lost, lost
