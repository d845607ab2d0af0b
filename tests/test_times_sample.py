"""The user's sample (published 2023-09-09) must yield the listed time expressions and values."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from newsmill.article import Article
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.times.tagger import TimeTagger

SAMPLE = "000_b03d04e1de56314c"


def _sample_article(samples_dir: Path) -> tuple[Article, dict[str, object]]:
    page = json.loads((samples_dir / f"{SAMPLE}.expected.json").read_text(encoding="utf-8"))
    expected = json.loads((samples_dir / f"{SAMPLE}.enrich.expected.json").read_text(encoding="utf-8"))
    text = "\n\n".join([page["lead"], *(b["text"] for b in page["blocks"])])
    return Article(text=text, language="de"), expected


def test_sample_times_listed_are_found(samples_dir: Path) -> None:
    article, expected = _sample_article(samples_dir)
    published = dt.date.fromisoformat(str(expected["published"]))
    TimeTagger()(article, EnrichContext(language="de", anchor=published))
    found = {(t.text, t.value) for t in article.times}
    for item in expected["times"]:  # type: ignore[attr-defined]
        assert (item["text"], item["value"]) in found, item
    assert ("ab Sonntag und noch bis 13. September", "2023-09-10/2023-09-13") in found
    for t in article.times:
        assert article.text[t.start:t.end] == t.text


def test_sample_without_anchor_keeps_absolute_values(samples_dir: Path) -> None:
    article, _ = _sample_article(samples_dir)
    context = EnrichContext(language="de", anchor=None)
    TimeTagger()(article, context)
    values = {t.text: t.value for t in article.times}
    assert values["2019"] == "2019"
    assert values["am Samstag"] == ""
    assert values["vor 75 Jahren"] == ""
    assert context.warnings
