"""Accuracy floors of read_metadata on trafeval-de-dev (gold title, author, date per page).

The floors sit a little below what newsmill measures (docs/design/metadata.md) and above the best
peer, so a regression that loses the lead fails the build. Metric as in benchmarks/metadata.py.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from newsmill.extract.metadata.reader import read_metadata
from newsmill.page import decode

# Measured: title 0.843, author 0.642, date 0.792; best peer: 0.632 (newspaper4k), 0.563 and
# 0.733 (trafilatura 2.3.1). Over the 318 pages with a gold field; "" gold means "none".
FLOORS = {"title": 0.81, "author": 0.60, "date": 0.76}

_NAME_SPLIT = re.compile(r"\s*[,;&]\s*|\s+(?:und|and)\s+", re.IGNORECASE)


def _names(value: Any) -> frozenset[str]:
    items = value if isinstance(value, list) else [value or ""]
    out = [n for item in items for n in _NAME_SPLIT.split(item)]
    return frozenset(" ".join(n.split()).casefold() for n in out if n.strip())


def _right(field: str, gold: Any, title: str | None, authors: list[str], published: str | None) -> bool:
    if field == "title":
        norm = [" ".join(unicodedata.normalize("NFC", v or "").split()) for v in (gold, title)]
        return norm[0] == norm[1]
    if field == "author":
        return _names(gold) == _names(authors)
    return (gold or "")[:10] == (published or "")[:10]


def _parse(html: str) -> Any:
    try:
        return lxml.html.document_fromstring(html)
    except ValueError:  # a str with an XML encoding declaration
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))


@pytest.mark.shared
def test_metadata_accuracy_floors(benchdata: Path) -> None:
    folder = benchdata / "trafeval-de-dev"
    gold: dict[str, dict[str, Any]] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    right = dict.fromkeys(FLOORS, 0)
    total = dict.fromkeys(FLOORS, 0)
    for key, entry in gold.items():
        with gzip.open(folder / "pages" / f"{key}.html.gz") as fh:
            html = decode(fh.read()).text
        url = entry["url"] if str(entry.get("url", "")).startswith("http") else None
        meta = read_metadata(_parse(html), url)
        for field in FLOORS:
            if entry.get(field) is None:
                continue
            total[field] += 1
            right[field] += _right(field, entry[field], meta.title, meta.authors, meta.published)
    for field, floor in FLOORS.items():
        assert right[field] / total[field] >= floor, (field, right[field] / total[field])
