"""Time expressions: news cases (German, English), WikiWarsDE floors, bad input, invariants."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.article import Article
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.times.tagger import TimeOptions, TimeTagger, tag_times

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def _cases(language: str) -> list[dict[str, object]]:
    lines = (DATA / f"timex_news_{language}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timex_benchmark", ROOT / "benchmarks" / "timex.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", _cases("de") + _cases("en"), ids=lambda c: str(c["text"])[:40])
def test_news_case(case: dict[str, object]) -> None:
    text = str(case["text"])
    anchor = dt.date.fromisoformat(str(case["published"]))
    found = {(t.text, t.value) for t in tag_times(text, str(case["language"]), anchor)}
    for item in case["times"]:  # type: ignore[attr-defined]
        assert (item["text"], item["value"]) in found


def test_tense_decides_the_weekday() -> None:
    anchor = dt.date(2024, 3, 14)  # a Thursday
    past = tag_times("Er war am Montag nach Paris gereist.", "de", anchor)
    future = tag_times("Er will am Montag nach Paris reisen.", "de", anchor)
    assert [t.value for t in past] == ["2024-03-11"]
    assert [t.value for t in future] == ["2024-03-18"]


def test_narrative_style_anchors_on_the_last_date() -> None:
    text = "Am 6. Juni 1944 landeten die Alliierten. Drei Tage später fiel die Stadt. Im Juli folgte der Ausbruch."
    times = tag_times(text, "de", dt.date(2011, 2, 16), TimeOptions(style="narrative"))
    assert [t.value for t in times] == ["1944-06-06", "1944-06-09", "1944-07"]


def test_part_of_day_codes_are_optional() -> None:
    text = "Nordkorea hatte am Freitagabend eine Parade abgehalten."
    plain = tag_times(text, "de", dt.date(2023, 9, 9))
    coded = tag_times(text, "de", dt.date(2023, 9, 9), TimeOptions(part_of_day=True))
    assert plain[0].value == "2023-09-08"
    assert coded[0].value == "2023-09-08TEV"


def test_counts_are_not_years() -> None:
    times = tag_times("Die Armee griff mit 1500 Panzern an, rund 2000 Soldaten fielen.", "de", None)
    assert times == []
    assert [t.value for t in tag_times("Some 1,500 people and 2000 soldiers came.", "en", None)] == []


@pytest.mark.parametrize("text", ["", " ", "\n\n", "„Heute“ sagte er „morgen“ – «bald»"])
def test_odd_input_does_not_crash(text: str) -> None:
    article = Article(text=text, language="de")
    TimeTagger()(article, EnrichContext(language="de", anchor=dt.date(2024, 3, 14)))
    for t in article.times:
        assert text[t.start:t.end] == t.text


def test_language_without_tables_uses_the_fallback() -> None:
    times = tag_times("Le sommet a eu lieu le 2024-03-14.", "fr", None)
    assert [t.value for t in times] == ["2024-03-14"]


def test_megabyte_sentence_is_bounded() -> None:
    dense = "Am 3. Mai 1945, drei Tage später, 12 Uhr, " * 25_000
    warnings: list[str] = []
    t0 = time.process_time()
    times = tag_times(dense[:1_000_000], "de", dt.date(2024, 3, 14), warnings=warnings)
    assert time.process_time() - t0 < 30
    assert times and warnings


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789. -/:amMAIJuniTgsvorhe\n")), max_size=200))
def test_spans_index_the_text(text: str) -> None:
    for t in tag_times(text, "de", dt.date(2024, 3, 14)):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text


@pytest.mark.shared
def test_wikiwarsde_floors(benchdata: Path) -> None:
    """HeidelTime's published WikiWarsDE numbers are the floor (relaxed match)."""
    bench = _benchmark()
    docs = bench.load_wikiwars(benchdata / "timex-de" / "WikiWarsDE_20110412")
    counts = bench.evaluate(docs, bench.newsmill_tagger("narrative"))
    assert counts.relaxed / counts.pred >= 0.95
    assert counts.relaxed / counts.gold >= 0.90
    assert counts.value_ok / counts.relaxed >= 0.87


@pytest.mark.parametrize(("text", "language"), [
    ("Die Lebenserwartung liegt mit 81,3 Jahren über dem Schnitt.", "de"),
    ("Life expectancy rose to 78.5 years last decade.", "en"),
])
def test_the_decimals_of_a_number_are_not_a_duration(text: str, language: str) -> None:
    found = [t.text for t in tag_times(text, language, dt.date(2023, 11, 7))]
    assert not any(f[0].isdigit() and f.split()[0] in {"3", "5"} for f in found), found
