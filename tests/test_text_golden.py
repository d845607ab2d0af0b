"""Golden dumps for text mode: the user's sample and dumps written for these tests (German, English).

Each ``*.txt`` has an ``*.expected.json`` beside it: the fields it lists must match exactly,
``must_not_appear_in_article`` must not occur in the article's title, lead, blocks or captions,
and every ``must_be_accounted_as_removed`` snippet must occur in some ``removed`` entry.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsmill
from newsmill.article import REMOVED_REASONS, Article

GOLDEN = Path(__file__).resolve().parent / "golden"
FIELDS = ("language", "section", "title", "lead", "source", "authors", "published")
USER_SAMPLE = "000_b03d04e1de56314c"


def _cases() -> list[Path]:
    return sorted(GOLDEN.glob("*.txt"))


def _extract(path: Path) -> Article:
    return newsmill.extract(path.read_bytes())


def _visible(article: Article) -> str:
    captions = [i.caption or "" for i in article.images]
    return "\n".join([article.title or "", article.lead or "", article.text, *captions])


def check_golden(article: Article, expected: dict[str, object]) -> None:
    for name in FIELDS:
        if name in expected:
            assert getattr(article, name) == expected[name], name
    if "blocks" in expected:
        got = [{"kind": b.kind, "text": b.text} for b in article.blocks]
        assert got == expected["blocks"]
    if "images" in expected:
        exp_images = expected["images"]
        assert isinstance(exp_images, list)
        assert len(article.images) == len(exp_images)
        for img, exp in zip(article.images, exp_images, strict=True):
            for key, value in exp.items():
                assert getattr(img, key) == value, key
    visible = _visible(article)
    for snippet in expected.get("must_not_appear_in_article", []):  # type: ignore[attr-defined]
        assert snippet not in visible, snippet
    removed = [r.text for r in article.removed]
    for snippet in expected.get("must_be_accounted_as_removed", []):  # type: ignore[attr-defined]
        assert any(snippet in r for r in removed), snippet
    assert all(r.reason in REMOVED_REASONS for r in article.removed)


def test_user_sample(samples_dir: Path) -> None:
    expected = json.loads((samples_dir / f"{USER_SAMPLE}.expected.json").read_text(encoding="utf-8"))
    article = _extract(samples_dir / f"{USER_SAMPLE}.txt")
    check_golden(article, expected)
    assert article.published is None  # 23.12.2024 belongs to a teaser, not to the article
    assert len(article.images) == 1 and article.images[0].credit == "REUTERS"


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_golden_dump(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    check_golden(_extract(path), expected)
