"""A floor on quote and speaker quality over a slice of quotes-de (German WikiNews, read-only).

The full numbers come from ``benchmarks/quotes.py``; this guards against regressions in CI.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsmill.enrich.quotes.finder import QuoteOptions

ROOT = Path(__file__).resolve().parents[1]
# The slice of train articles checked (about 0.3 s) and the floors, a few points under what the
# rules reach there, so that a real regression fails and noise does not.
ARTICLES = 120
FLOOR_ALL_F1 = 0.68  # measured 0.725 when written
FLOOR_DIRECT_F1 = 0.82  # 0.885
FLOOR_SPEAKER = 0.76  # 0.818


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_bench", ROOT / "benchmarks" / "quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_quote_quality_floor(benchdata: Path) -> None:
    bench = _bench()
    bench.BENCH = benchdata / "quotes-de"
    docs = bench.load("train")[:ARTICLES]
    # fragments of mixed quotes as quotes of their own, as the German gold and benchmarks/quotes.py count them
    tally = bench.score(docs, bench.newsmill_predictor("none", QuoteOptions(fragments=True, unattributed=True)))
    _, _, f_all = bench.prf(tally.hit_pred["all"], tally.pred["all"], tally.hit_gold["all"], tally.gold["all"])
    _, _, f_direct = bench.prf(tally.hit_pred["direct"], tally.pred["direct"], tally.hit_typed["direct"],
                               tally.gold["direct"])
    speaker = tally.speaker_ok / tally.speaker_n
    assert f_all >= FLOOR_ALL_F1, f_all
    assert f_direct >= FLOOR_DIRECT_F1, f_direct
    assert speaker >= FLOOR_SPEAKER, speaker
