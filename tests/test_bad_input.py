"""Bad input through the public API: a clear error or a best-effort Article, never a crash or hang."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmill
from newsmill.corpus.store import Store
from newsmill.extract import extract_page
from newsmill.extract.options import MAX_PARTIAL_CHARS, PARTIAL, ExtractOptions
from newsmill.page import InputError, Page
from newsmill.run import pipeline

# Generous bound in CPU seconds (not wall time, which a loaded machine stretches); real pages take ms.
SLOW_PAGE_S = 20.0


def _timed_extract(raw: bytes | str, **kwargs: object) -> newsmill.Article:
    started = time.process_time()
    article = newsmill.extract(raw, **kwargs)  # type: ignore[arg-type]
    assert time.process_time() - started < SLOW_PAGE_S
    return article


@pytest.mark.parametrize("raw", [b"", "   ", b"%PDF-1.4\n...", b"\x00\x01\x02\x03" * 1000])
def test_no_page_is_a_clear_error(raw: bytes | str) -> None:
    with pytest.raises(InputError):
        newsmill.extract(raw)


def test_deeply_nested_dom_still_yields_text() -> None:
    body = "<div>" * 5000 + "<p>" + "Der Gemeinderat hat am Montag das neue Budget beschlossen. " * 5 + "</p>" + "</div>" * 5000
    article = _timed_extract(f"<html><body>{body}</body></html>")
    assert "Gemeinderat" in article.text


def test_huge_page_is_bounded() -> None:
    para = "<p>" + "Ein langer Absatz über die Stadtpolitik und ihre Folgen. " * 20 + "</p>\n"
    raw = ("<html><body><article>" + para * (50_000_000 // len(para)) + "</article></body></html>").encode()
    article = _timed_extract(raw)
    assert any("size" in w for w in article.warnings)


def test_nul_bytes_and_mixed_encodings() -> None:
    raw = (
        "<html><head><meta charset='utf-8'></head><body><article><h1>Überschrift</h1><p>".encode()
        + "Die Bürgerinnen und Bürger stimmten ab. ".encode() * 10
        + "Stra\xdfe".encode("latin-1")
        + b"\x00</p></article></body></html>"
    )
    article = _timed_extract(raw)
    assert "Bürgerinnen" in article.text
    assert article.warnings


def test_broken_json_ld_is_survived() -> None:
    raw = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "X",,,</script>'
        "</head><body><article><h1>Echte Schlagzeile</h1>"
        + "<p>Ein vollständiger Satz des Artikels mit genug Inhalt für die Erkennung.</p>" * 5
        + "</article></body></html>"
    )
    article = _timed_extract(raw)
    assert "vollständiger Satz" in article.text


def test_text_dump_without_article_warns() -> None:
    dump = "\n".join(["Home", "News", "Sport", "Kontakt", "Impressum", "Datenschutz", "Login"] * 5)
    article = _timed_extract(dump, input_format="text")
    assert article.warnings


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    try:
        article = newsmill.extract(raw)
    except InputError:
        return
    assert isinstance(article.text, str)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        article = newsmill.extract(text)
    except InputError:
        return
    assert article.to_dict()["text"] == article.text


# --- a page whose time budget runs out: a partial Article, stored like any other ----------------

_LONG = "Der Gemeinderat hat am Montag nach langer Debatte das neue Budget für {} beschlossen."


def test_text_dump_out_of_time_keeps_its_long_lines() -> None:
    lines = ["Startseite", "Politik", "Teilen"] + [_LONG.format(f"das Jahr {2020 + i}") for i in range(5)] + ["Impressum"]
    article = extract_page(Page(raw="\n".join(lines), input_format="text"), ExtractOptions(time_budget_s=0.0))
    assert [b.text for b in article.blocks] == lines[3:-1]
    assert any(w.startswith("time:") and PARTIAL in w for w in article.warnings)


def test_text_dump_partial_is_capped() -> None:
    lines = [_LONG.format(f"Projekt {i}") for i in range(20_000)]
    article = extract_page(Page(raw="\n".join(lines), input_format="text"), ExtractOptions(time_budget_s=0.0))
    kept = sum(len(b.text) for b in article.blocks)
    assert 0 < kept <= MAX_PARTIAL_CHARS + len(lines[-1]) < sum(map(len, lines))


def _budget_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker function builds its own options: give them no time at all."""
    monkeypatch.setattr(pipeline, "ExtractOptions", functools.partial(ExtractOptions, time_budget_s=0.0))


def test_runner_stores_a_partial_article_with_its_warning(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _budget_zero(monkeypatch)
    html = ('<html><head><title>Neues Budget beschlossen</title><meta name="author" content="Anna Schmidt"></head>'
            "<body><article>" + "".join(f"<p>{_LONG.format(i)}</p>" for i in range(3))
            + '<div class="c"><span>x</span></div>' * 5000 + "</article></body></html>")
    row = pipeline.process_page(Page(raw=html, url="https://example.org/budget", input_format="html"))
    with Store(tmp_path / "c.db") as store:
        with store.transaction():
            store.add_row(row, "page-1")
        stored = store.get(row.columns["id"])
    assert stored is not None
    assert stored.title == "Neues Budget beschlossen" and stored.authors == ["Anna Schmidt"]
    assert len(stored.blocks) == 3
    assert any(PARTIAL in w for w in stored.warnings)


def test_runner_still_fails_a_page_with_nothing_found_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    _budget_zero(monkeypatch)
    html = "<html><head><title>Nur ein Titel</title></head><body>" + '<div class="c"><span>x</span></div>' * 5000
    with pytest.raises(pipeline.EmptyArticle):
        pipeline.process_page(Page(raw=html, input_format="html"))
