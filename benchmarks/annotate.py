"""Speed of `newsmill.annotate` (all enrichers) on news articles of about 500 words, per core.

German: the WikiNews articles of quotes-de/dev (read for measuring only, never shipped);
English: the Zyte benchmark's ground-truth article bodies. Each text is cut to ~500 words.
Prints a markdown table: articles/s and ms/article for the whole pipeline and for each step.
Times are CPU time of this process (per core), so other jobs on a shared machine do not distort them.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

from newsmill.article import Article, article_id
from newsmill.enrich import load_steps
from newsmill.enrich.base import EnrichContext, Enricher

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchdata"
WORDS = 500
LIMIT = 150


def _articles_of_500_words(texts: list[str]) -> list[str]:
    """Short articles are joined with the next ones, long ones cut, so each has ~WORDS words."""
    out: list[str] = []
    words: list[str] = []
    for text in texts:
        words += text.split(" ")
        if len(words) >= WORDS:
            out.append(" ".join(words[:WORDS]))
            words = []
    return out[:LIMIT]


def german_texts() -> list[str]:
    with gzip.open(BENCH / "quotes-de" / "dev.jsonl.gz", "rt") as fh:
        return _articles_of_500_words([json.loads(line)["originalText"] for line in fh])


def english_texts() -> list[str]:
    truth = json.loads((BENCH / "zyte-article-extraction-benchmark" / "ground-truth.json").read_text())
    return _articles_of_500_words([v["articleBody"] for v in truth.values()])


def measure(texts: list[str], language: str) -> dict[str, float]:
    steps = load_steps()
    per_step = {s.name: 0.0 for s in steps}
    for text in texts[:3]:  # warm-up: model loading is not what we measure
        _run(steps, text, language, {s.name: 0.0 for s in steps})
    started = time.process_time()
    for text in texts:
        _run(steps, text, language, per_step)
    total = time.process_time() - started
    return {"total": total, **per_step}


def _run(steps: list[Enricher], text: str, language: str, per_step: dict[str, float]) -> None:
    article = Article(id=article_id(None, text), text=text, language=language, published="2024-03-14")
    context = EnrichContext(language=language, anchor=dt.date(2024, 3, 14))
    for step in steps:
        t0 = time.process_time()
        step(article, context)
        per_step[step.name] += time.process_time() - t0


def main() -> int:
    rows = []
    for language, texts in (("de", german_texts()), ("en", english_texts())):
        timing = measure(texts, language)
        n = len(texts)
        words = sum(len(t.split()) for t in texts) / max(1, n)
        cells = [f"{1000 * timing[name] / n:.1f}" for name in timing if name != "total"]
        rows.append(f"| {language} | {n} | {words:.0f} | **{n / timing['total']:.1f}** | " + " | ".join(cells) + " |")
    names = [s.name for s in load_steps()]
    print("| lang | articles | words/article | articles/s (1 core) | " + " | ".join(f"{n} ms" for n in names) + " |")
    print("|---|---|---|---|" + "---|" * len(names))
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
