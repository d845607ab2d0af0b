"""Regions the gazetteer does not hold: first-level regions outside the US (German Länder, Austrian
Länder, Swiss cantons, the nations of the UK), islands and landscapes news names ("Sylt", "Harz"),
and German exonyms of US states ("Kalifornien"). Read from ``data/places/regions.json``; the
gazetteer's own tables and storage are left as they are (issue 15.2: regions were not geocoded)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from newsmill.enrich.places.gazetteer import PlaceRecord, gazetteer


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, PlaceRecord], dict[str, str]]:
    path = resources.files("newsmill").joinpath("data", "places", "regions.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    regions: dict[str, PlaceRecord] = {}
    for row in data["regions"]:
        rec = PlaceRecord(row["name"], row["country"], None, row["lat"], row["lon"], 0, "region")
        for name in row["names"]:
            regions[_key(name)] = rec
    return regions, {_key(k): v for k, v in data["us_states"].items()}


def region(name: str) -> PlaceRecord | None:
    """The region called ``name`` (as written or in the genitive: "Bayerns"), or None."""
    regions, states = _table()
    for form in (name, name[:-1] if name.endswith("s") else None):
        if not form:
            continue
        key = _key(form)
        if key in regions:
            return regions[key]
        if key in states:
            return gazetteer().state(states[key])
    return None


def is_region(name: str) -> bool:
    return region(name) is not None


@lru_cache(maxsize=1)
def _compound_names() -> re.Pattern[str] | None:
    path = resources.files("newsmill").joinpath("data", "places", "regions.json")
    names = sorted({n for row in json.loads(path.read_text(encoding="utf-8"))["regions"] for n in row["names"]
                    if "-" in n or " " in n}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")s?(?![\w-])")


def compound_regions(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a region of several words or a hyphenated one ("Sachsen-Anhalt",
    "Nordrhein-Westfalens", "Black Forest"): the German model misses such states as one token, and
    written so they name nothing else."""
    pattern = _compound_names()
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]
