"""Builds texts_whole.jsonl: WHOLE articles for the times tuning set (run once; the output is kept).

The openings of texts.jsonl hold few of the times a reader meets further down an article (stories
that set their own reference day, durations, ages, scores), so the second part of the set is whole
articles of the pages of pages.py. German: the 40 pages after those of texts.jsonl. English: the
TUNE-half pages after those of texts.jsonl, then (there are not 30 of them) the first pages of
texts.jsonl again, whole.

    .venv/bin/python tests/data/times_tune/build_whole.py
"""

from __future__ import annotations

import itertools
import sys

from pages import english, german, ids, write  # type: ignore[import-not-found]

N_DE, N_EN = 40, 30
# Whole articles, but a page of more than this many characters (a forum thread, a live blog) is
# cut at a paragraph: judging it would be most of the set.
MAX_CHARS = 12_000


def _cut(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    return text[: text.rfind("\n\n", 0, MAX_CHARS)]


def rows() -> list[dict[str, str]]:
    seen = ids("texts.jsonl")
    out = [{"id": f"dw-{p.key}", "language": "de", "url": p.url, "published": p.published,
            "text": _cut(p.text)}
           for p in itertools.islice((p for p in german() if f"de-{p.key}" not in seen), N_DE)]
    fresh: list[dict[str, str]] = []
    again: list[dict[str, str]] = []
    for p in english():
        row = {"id": f"ew-{p.key[:12]}", "language": "en", "url": p.url, "published": p.published,
               "text": _cut(p.text)}
        (again if f"en-{p.key[:12]}" in seen else fresh).append(row)
    return out + (fresh + again)[:N_EN]


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else "texts_whole.jsonl", rows())
