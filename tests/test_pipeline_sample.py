"""End to end on the user's dump: extract (text mode) + enrich must give the reviewed expectations."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import newsmill
from newsmill.article import Article

SAMPLE = "000_b03d04e1de56314c"
MAX_DISTANCE_KM = 25.0  # the expectation file's tolerance for coordinates


def _same_mention(found: str, listed: str) -> bool:
    """Listed mentions may be given in their base form ("Östliches Wirtschaftsforum" for the
    text's "Östliche Wirtschaftsforum"): words match when they differ only in an inflection ending."""
    a, b = found.split(), listed.split()
    return len(a) == len(b) and all(x.rstrip("esn") == y.rstrip("esn") for x, y in zip(a, b, strict=True))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def result(samples_dir: Path) -> tuple[Article, dict[str, Any]]:
    expected = json.loads((samples_dir / f"{SAMPLE}.enrich.expected.json").read_text(encoding="utf-8"))
    raw = (samples_dir / f"{SAMPLE}.txt").read_bytes()
    return newsmill.extract(raw, published=expected["published"], enrich=True), expected


def test_every_span_indexes_the_text(result: tuple[Article, dict[str, Any]]) -> None:
    article, _ = result
    spans: list[Any] = [*article.entities, *article.places, *article.quotes, *article.times]
    spans += [q.speaker for q in article.quotes if q.speaker] + [q.cue for q in article.quotes if q.cue]
    assert spans
    for span in spans:
        assert article.text[span.start : span.end] == span.text


def test_entities(result: tuple[Article, dict[str, Any]]) -> None:
    article, expected = result
    for item in expected["entities"]:
        labels = set(item["label"] if isinstance(item["label"], list) else [item["label"]])
        hits = [e for e in article.entities if _same_mention(e.text, item["text"]) and e.label in labels]
        assert hits, (item, [(e.text, e.label) for e in article.entities])
    names = {e.name for e in article.entities if e.label == "PER"}
    assert {"Wladimir Putin", "Kim Jong Un"} <= names


def test_places(result: tuple[Article, dict[str, Any]]) -> None:
    article, expected = result
    for item in expected["places"]:
        matches = [p for p in article.places if p.text.startswith(item["text"]) and p.country == item["country"]]
        assert matches, item
        if "lat" in item:
            place = matches[0]
            assert place.lat is not None and place.lon is not None
            assert _km(place.lat, place.lon, item["lat"], item["lon"]) < MAX_DISTANCE_KM


def test_quotes(result: tuple[Article, dict[str, Any]]) -> None:
    article, expected = result
    for item in expected["quotes"]:
        hits = [
            q for q in article.quotes
            if item["contains"] in q.text and q.speaker and q.speaker.name == item["speaker"]
            and q.cue and item["cue"] in q.cue.text
        ]
        assert hits, item


def test_times(result: tuple[Article, dict[str, Any]]) -> None:
    article, expected = result
    pairs = {(t.text, t.value) for t in article.times}
    for item in expected["times"]:
        assert (item["text"], item["value"]) in pairs, item
