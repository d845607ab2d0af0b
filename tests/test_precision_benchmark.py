"""The precision set's loader and scorer (benchmarks/precision.py): gold offsets, matching, P/R."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("precision_bench", ROOT / "benchmarks" / "precision.py")
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up by name
_spec.loader.exec_module(bench)

CATEGORIES, DATA, Doc, GoldError, Item, Tally = bench.CATEGORIES, bench.DATA, bench.Doc, bench.GoldError, bench.Item, bench.Tally
agrees, load, locate, match, resolve, same_person, score = (
    bench.agrees, bench.load, bench.locate, bench.match, bench.resolve, bench.same_person, bench.score)

TEXT = "Oliver Pocher und das Pocher-Ehedrama: Pocher sagte am Montag in Berlin, Pocher sei müde."


def test_whole_set_resolves_with_valid_offsets() -> None:
    docs = load()
    texts = [json.loads(line) for line in (DATA / "texts.jsonl").open(encoding="utf-8")]
    assert len(docs) == len(texts) >= 30
    langs = [d.language for d in docs]
    assert langs.count("de") >= 20 and langs.count("en") >= 12
    for doc in docs:
        for cat in CATEGORIES:
            for item in doc.gold[cat]:
                assert doc.text[item.start : item.end] == item.text
        spans = [(i.start, i.end) for i in doc.gold["entities"]]
        assert len(spans) == len(set(spans)), doc.id


def test_gold_fields_are_well_formed() -> None:
    for doc in load():
        assert all(i.attrs["label"] in ("PER", "ORG", "LOC") for i in doc.gold["entities"])
        assert all(i.attrs["kind"] in ("direct", "indirect") and i.attrs["speaker"] for i in doc.gold["quotes"])
        assert all(i.attrs["country"] is None or len(i.attrs["country"]) == 2 for i in doc.gold["places"])
        assert all(i.attrs["value"][:1].isdigit() for i in doc.gold["times"])


def test_nonarticle_pages_exist() -> None:
    assert len(list((DATA / "nonarticle").glob("*.html"))) >= 4


def test_locate_whole_words_only() -> None:
    # "Pocher" in "Pocher-Ehedrama" is part of a compound, so three free occurrences remain.
    assert len(locate(TEXT, "Pocher", "*", [(0, 13)])) == 2
    with pytest.raises(GoldError, match="occurs 3 times"):
        locate(TEXT, "Pocher", None, [])
    second = TEXT.index("Pocher sagte")
    assert locate(TEXT, "Pocher", 2, []) == [(second, second + 6)]


def test_locate_context_and_failures() -> None:
    start = TEXT.index("Pocher-Ehedrama")
    assert locate(TEXT, "Pocher", "das Pocher-Ehedrama", []) == [(start, start + 6)]
    with pytest.raises(GoldError, match="not found"):
        locate(TEXT, "Merkel", "*", [])
    with pytest.raises(GoldError, match="occurrence 9"):
        locate(TEXT, "Pocher", 9, [])
    with pytest.raises(GoldError, match="context"):
        locate(TEXT, "Pocher", "Hamburg", [])


def test_resolve_places_longer_spans_first() -> None:
    gold = resolve(TEXT, {"entities": [["Pocher", "PER", "Oliver Pocher", "*"], ["Oliver Pocher", "PER", "Oliver Pocher"]]})
    assert [(i.text, i.start) for i in gold["entities"]] == [
        ("Oliver Pocher", 0), ("Pocher", TEXT.index("Pocher sagte")), ("Pocher", TEXT.index("Pocher sei"))]
    with pytest.raises(GoldError, match="fields"):
        resolve(TEXT, {"times": [["am Montag"]]})


def test_match_is_one_to_one_and_needs_half_overlap() -> None:
    gold = [Item(0, 10, "x" * 10, {"label": "PER"})]
    assert len(match("entities", [Item(0, 10, "", {"label": "PER"}), Item(0, 9, "", {"label": "PER"})], gold, True)) == 1
    assert match("entities", [Item(0, 4, "", {"label": "PER"})], gold, True) == []  # 4 < half of 10
    assert match("entities", [Item(0, 10, "", {"label": "ORG"})], gold, True) == []
    assert len(match("entities", [Item(0, 10, "", {"label": "ORG"})], gold, False)) == 1


def test_attribute_agreement() -> None:
    berlin = Item(0, 6, "Berlin", {"country": "DE", "lat": 52.5, "lon": 13.4})
    assert agrees("places", Item(0, 6, "", {"country": "DE", "lat": 52.52, "lon": 13.41}), berlin)
    assert not agrees("places", Item(0, 6, "", {"country": "DE", "lat": 48.1, "lon": 11.6}), berlin)  # Munich
    assert not agrees("places", Item(0, 6, "", {"country": "US", "lat": None, "lon": None}), berlin)
    monday = Item(0, 6, "", {"value": "2019-11-18"})
    assert agrees("times", Item(0, 6, "", {"value": "2019-11-18TNI"}), monday)
    assert not agrees("times", Item(0, 6, "", {"value": "2019-11-25"}), monday)
    assert same_person("Kristi Noem", "Kristi Noem") and same_person("Noem", "Kristi Noem")
    assert not same_person("Publizist", "Richard David Precht") and not same_person(None, "Noem")


def test_score_perfect_and_empty_predictors() -> None:
    doc = Doc("t", "de", "2024-01-01", TEXT, resolve(TEXT, {
        "entities": [["Oliver Pocher", "PER", "Oliver Pocher"]], "places": [["Berlin", "Berlin", "DE", 52.5, 13.4]],
        "quotes": [["Pocher sei müde", "indirect", "Oliver Pocher"]], "times": [["am Montag", "2023-12-25"]]}))
    perfect = score([doc], lambda d: d.gold)
    assert all(t.hit == t.gold == t.pred == 1 for t in perfect.values())
    assert perfect[("de", "entities")].names_ok == 1
    empty = score([doc], lambda d: {c: [] for c in CATEGORIES})
    p, r, _ = empty[("de", "quotes")].prf(0)
    assert math.isnan(p) and r == 0.0
    assert Tally(gold=4, pred=2, hit=1).prf(1)[:2] == (0.5, 0.25)
