"""Builds texts_lists.jsonl: WHOLE tune-half pages that hold a list of dates (sixth session; the
class of bare dates in a run of lines, such as a tour's dates, that the openings and the whole
articles of build_whole.py did not reach). Rule: every page of pages.py whose text has at least
MIN_ITEMS lines that open with a date newsmill finds and are short enough to be list items
(``anchor.list_line``); over 12,000 characters cut at a paragraph, as build_whole.py does.

    .venv/bin/python tests/data/times_tune/build_lists.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys

from build_whole import _cut  # type: ignore[import-not-found]

from pages import english, german, write  # type: ignore[import-not-found]

MIN_ITEMS = 3


def _items(text: str, language: str, published: str) -> int:
    from newsmill.enrich.times.anchor import list_line
    from newsmill.enrich.times.tagger import tag_times

    times = tag_times(text, language, dt.date.fromisoformat(published))
    return sum(1 for t in times if t.value[:1].isdigit() and list_line(text, t.start) is not None
               and not text[text.rfind("\n", 0, t.start) + 1:t.start].strip())


def rows() -> list[dict[str, str]]:
    out = []
    for language, page in itertools.chain((("de", p) for p in german()), (("en", p) for p in english())):
        text = _cut(page.text)
        if _items(text, language, page.published) >= MIN_ITEMS:
            key = page.key if language == "de" else page.key[:12]
            out.append({"id": f"{language[0]}l-{key}", "language": language, "url": page.url,
                        "published": page.published, "text": text})
    return out


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else "texts_lists.jsonl", rows())
