"""Builds texts.jsonl, the texts of the times tuning set (run once; the output is kept, not rebuilt).

The precision set's rule on the other half (pages.py): the first 80 German and 60 English TUNE-half
pages. Each text is the article's opening, longer than the precision set's (whole paragraphs up to
2,000 characters) because a news opening holds only two or three times. Every time newsmill finds
in these texts is judged by hand in judged.jsonl.

    .venv/bin/python tests/data/times_tune/build.py
"""

from __future__ import annotations

import itertools
import sys

from pages import english, german, opening, write  # type: ignore[import-not-found]

N_DE, N_EN = 80, 60
MAX_CHARS = 2000


def rows() -> list[dict[str, str]]:
    out = [{"id": f"de-{p.key}", "language": "de", "url": p.url, "published": p.published,
            "text": opening(p.text, MAX_CHARS)} for p in itertools.islice(german(), N_DE)]
    return out + [{"id": f"en-{p.key[:12]}", "language": "en", "url": p.url, "published": p.published,
                   "text": opening(p.text, MAX_CHARS)} for p in itertools.islice(english(), N_EN)]


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else "texts.jsonl", rows())
