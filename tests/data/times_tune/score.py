"""Prints the figures of every part of the times tuning set (what tests/test_times_tune.py and
tests/test_times_goldfirst.py assert), to compare before and after a change:

    .venv/bin/python tests/data/times_tune/score.py [--lost]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests"))

import test_times_goldfirst as goldfirst  # noqa: E402
import test_times_tune as tune  # noqa: E402


def main() -> int:
    lang = {row["id"]: row["language"] for row in tune._texts().values()}
    judged = {(r["id"], r["start"], r["end"]): r for r in tune._judged()}
    for whole in (False, True):
        for language in ("de", "en"):
            right = wrong = unjudged = 0
            for key, value in tune._predictions().items():
                if key[0].startswith(tune.WHOLE) != whole or lang[key[0]] != language:
                    continue
                row = judged.get(key)
                if row is None:
                    unjudged += 1
                elif tune._verdict(row, value):
                    right += 1
                else:
                    wrong += 1
            name = "whole" if whole else "openings (judged output)"
            print(f"{name:26} {language}: {right} / {right + wrong} = {right / max(1, right + wrong):.3f}"
                  f"  unjudged {unjudged}")
    parts = ["openings"] + (["wikinews"] if goldfirst.wikinews.available() else [])
    for part in parts:
        right, predicted, n_gold, lost = goldfirst._score(part)
        print(f"gold-first {part:15}: P {right} / {predicted} = {right / predicted:.3f}"
              f"  R {right} / {n_gold} = {right / n_gold:.3f}")
        if "--lost" in sys.argv:
            for row in lost:
                print("   lost", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
