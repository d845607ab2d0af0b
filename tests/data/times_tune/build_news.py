"""Builds texts_news.jsonl: precision-style openings of the German TUNE-half pages that no other part
of the times tuning set took (pages.py; run once, the output is kept). Of the 16 pages left after
texts.jsonl and texts_whole.jsonl, the news reports are kept as the precision set's rule keeps them
(a news outlet or a news / press section, judged from the URL before anything was run); the opening
is the precision set's (whole paragraphs to at least 700 characters, cut at 1,300). Their times are
annotated gold-first in judged_openings.jsonl.

    .venv/bin/python tests/data/times_tune/build_news.py
"""

from __future__ import annotations

import sys

from pages import german, ids, opening, write  # type: ignore[import-not-found]

# Left out, with the reason (judged from the URL): a blog, a guide, a shop or a recipe.
SKIPPED = {
    "d7eb4b3c731ded47": "running blog", "de106a7b0a82883a": "angling product page",
    "dfdfe1e39ffecffa": "magazine guide", "e104674199f4c346": "research blog",
    "e36a45d9a10a3a83": "how-to page", "e6dac5e680ed20a3": "reblogged blog post",
    "ee69edcf98b6afbd": "blog", "fb381b5242fcf5bb": "finance guide",
}


def rows() -> list[dict[str, str]]:
    seen = {i[3:] for i in ids("texts.jsonl") | ids("texts_whole.jsonl")}
    return [{"id": f"dn-{p.key}", "language": "de", "url": p.url, "published": p.published,
             "text": opening(p.text, 1300, 700)}
            for p in german() if p.key not in seen and p.key not in SKIPPED]


if __name__ == "__main__":
    write(sys.argv[1] if len(sys.argv) > 1 else "texts_news.jsonl", rows())
