"""The user's sample: four quotations, three by Putin (one via "Der russische Staatschef"), one by the NYT."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsmill.article import Article, Block, Entity, Quote
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder

SAMPLE = "000_b03d04e1de56314c"


def _article(samples_dir: Path) -> Article:
    data = json.loads((samples_dir / f"{SAMPLE}.expected.json").read_text(encoding="utf-8"))
    blocks = [Block(b["kind"], b["text"]) for b in data["blocks"]]
    return Article(lead=data["lead"], blocks=blocks, language="de").finalize()


def _hand_entities(text: str) -> list[Entity]:
    """Entities as a recogniser would give them: every mention with the fullest name."""
    names = [("Wladimir Putin", "PER", "Wladimir Putin"), ("Putins", "PER", "Wladimir Putin"),
             ("Putin", "PER", "Wladimir Putin"), ("Kim Jong Un", "PER", "Kim Jong Un"),
             ("Kim", "PER", "Kim Jong Un"), ("New York Times", "ORG", "New York Times"), ("Kreml", "ORG", "Kreml")]
    out: list[Entity] = []
    for mention, label, name in names:
        for m in re.finditer(rf"\b{re.escape(mention)}\b", text):
            if not any(e.start <= m.start() < e.end for e in out):
                out.append(Entity(m.start(), m.end(), m.group(), label, name))  # type: ignore[arg-type]
    return sorted(out, key=lambda e: e.start)


def _expected(samples_dir: Path) -> list[dict[str, str]]:
    data = json.loads((samples_dir / f"{SAMPLE}.enrich.expected.json").read_text(encoding="utf-8"))
    return list(data["quotes"])


def _check(article: Article, expected: list[dict[str, str]]) -> None:
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text
        if q.speaker:
            assert article.text[q.speaker.start : q.speaker.end] == q.speaker.text
        if q.cue:
            assert article.text[q.cue.start : q.cue.end] == q.cue.text
    for want in expected:
        hits: list[Quote] = [q for q in article.quotes if want["contains"] in q.text]
        assert hits, f"no quote contains {want['contains']!r}"
        assert any(q.speaker and q.speaker.name == want["speaker"] and q.cue and want["cue"] in q.cue.text
                   for q in hits), f"{want} not attributed: {[(q.speaker, q.cue) for q in hits]}"


def test_sample_quotes_with_hand_entities(samples_dir: Path) -> None:
    article = _article(samples_dir)
    article.entities = _hand_entities(article.text)
    QuoteFinder()(article, EnrichContext(language="de"))
    _check(article, _expected(samples_dir))
    staatschef = [q for q in article.quotes if q.speaker and q.speaker.text == "Der russische Staatschef"]
    assert staatschef and staatschef[0].speaker and staatschef[0].speaker.name == "Wladimir Putin"


def test_sample_quotes_with_the_real_recogniser(samples_dir: Path) -> None:
    entities = pytest.importorskip("newsmill.enrich.entities.recognizer")
    article = _article(samples_dir)
    context = EnrichContext(language="de")
    try:
        entities.EntityRecognizer()(article, context)
    except Exception as exc:  # no trained model in this checkout
        pytest.skip(f"entity recogniser unavailable: {exc}")
    if not any(e.label == "PER" for e in article.entities):
        pytest.skip("entity recogniser found no persons (no model?)")
    QuoteFinder()(article, context)
    _check(article, _expected(samples_dir))
