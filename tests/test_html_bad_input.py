"""Bad HTML never crashes or hangs the extractor: it yields a best-effort Article with warnings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.extract import extract, extract_page
from newsmill.extract.dom import flatten_deep
from newsmill.extract.html import extract_html
from newsmill.extract.options import ExtractOptions
from newsmill.page import Page

PARAGRAPH = "<p>Die Feuerwehr war mit vielen Einsatzkräften vor Ort und löschte den Brand in der Nacht.</p>"


def test_deep_dom_keeps_text_past_the_parser_limit() -> None:
    depth = 5000
    html = ("<html><body><article><h1>Tief verschachtelt</h1>" + PARAGRAPH + "<div>" * depth
            + "<p>Der Text ganz unten in der Verschachtelung muss erhalten bleiben, auch hier.</p>"
            + "</div>" * depth + "</article></body></html>")
    article = extract(html, input_format="html")
    assert "Der Text ganz unten in der Verschachtelung" in article.text
    assert any(w.startswith("depth:") for w in article.warnings)


def test_flatten_deep_is_bounded_and_keeps_text() -> None:
    flat = flatten_deep("<div>" * 10 + "x" + "</div>" * 10, 3)
    assert flat.count("<div>") == 3 and flat.count("</div>") == 3 and "x" in flat


def test_huge_page_is_cut_not_hung() -> None:
    body = PARAGRAPH * (50_000_000 // len(PARAGRAPH))
    raw = ("<html><body><article>" + body + "</article></body></html>").encode("utf-8")
    article = extract(raw, input_format="html")
    assert any(w.startswith("size:") for w in article.warnings)
    # On a loaded machine the page may also hit its time budget; either way it returns.
    assert article.blocks or any(w.startswith("time:") for w in article.warnings)


def test_nul_bytes_and_broken_markup() -> None:
    html = "<html><body><div><p>Erster\x00 Absatz mit <b>kaputtem <i>Markup</p> und\x00 mehr Text, der lang genug ist, um zu zählen.<div></td></body>"
    article, _ = extract_html(html, ExtractOptions())
    text = " ".join(b.text for b in article.blocks)
    assert "\x00" not in text
    assert "Absatz" in text and "mehr Text" in text


def test_empty_body_and_page_without_article() -> None:
    empty = extract("<html><head><title>Leer</title></head><body></body></html>", input_format="html")
    assert empty.blocks == [] and "content: no article text found" in empty.warnings
    nav_only = "<html><body><nav><a href='/'>Start</a> <a href='/a'>Politik</a></nav><footer>© 2024</footer></body></html>"
    article = extract(nav_only, input_format="html")
    assert article.text == ""
    assert {r.reason for r in article.removed} >= {"navigation", "footer"}


def test_broken_json_ld_does_not_break_the_body() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
            "</head><body><article>" + PARAGRAPH * 3 + "</article></body></html>")
    article = extract(html, input_format="html")
    assert "Feuerwehr" in article.text


def test_time_budget_is_enforced() -> None:
    html = "<html><body>" + "<div><span>x</span></div>" * 20_000 + "</body></html>"
    opts = ExtractOptions(time_budget_s=0.0)
    article = extract_page(Page(raw=html, input_format="html"), opts)
    assert any(w.startswith("time:") for w in article.warnings)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    article, _ = extract_html("<html><body>" + text + "</body></html>", ExtractOptions())
    assert isinstance(article.text, str)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<figure>", "<nav>", "</nav>", "<a href=x>",
                                 "</a>", "Text ", "Mehr zum Thema", "<h2>", "</h2>", "<br>", "<table><td>"]),
                max_size=80))
def test_tag_soup_never_raises(parts: list[str]) -> None:
    article, _ = extract_html("".join(parts), ExtractOptions())
    assert all(r.text for r in article.removed)
