"""Builds texts_rest.jsonl: the German TUNE-half pages of pages.py that no earlier part of the set
took (eighth session, times helper; the openings, whole articles and list pages had used all
others), WHOLE, over 12,000 characters cut at a paragraph as build_whole.py does.

    .venv/bin/python tests/data/times_tune/build_rest.py
"""

from __future__ import annotations

import sys

from build_whole import _cut  # type: ignore[import-not-found]

from pages import german, ids, write  # type: ignore[import-not-found]


def rows() -> list[dict[str, str]]:
    seen = {i.split("-", 1)[1] for name in ("texts.jsonl", "texts_whole.jsonl", "texts_lists.jsonl")
            for i in ids(name)}
    return [{"id": f"dx-{p.key}", "language": "de", "url": p.url, "published": p.published, "text": _cut(p.text)}
            for p in german() if p.key not in seen]


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else "texts_rest.jsonl", rows())
