"""Bad input through the public API: a clear error or a best-effort Article, never a crash or hang."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmill
from newsmill.page import InputError

# Generous bound for one pathological page on a loaded 2-core CI machine; real pages take ms.
SLOW_PAGE_S = 20.0


def _timed_extract(raw: bytes | str, **kwargs: object) -> newsmill.Article:
    started = time.monotonic()
    article = newsmill.extract(raw, **kwargs)  # type: ignore[arg-type]
    assert time.monotonic() - started < SLOW_PAGE_S
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
