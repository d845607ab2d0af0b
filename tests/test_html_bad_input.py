"""Bad HTML never crashes or hangs the extractor: it yields a best-effort Article with warnings."""

from __future__ import annotations

import json
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.article import Article
from newsmill.extract import extract, extract_page
from newsmill.extract.html.dom import flatten_deep
from newsmill.extract.html.extractor import extract_html
from newsmill.extract.options import MAX_PARTIAL_CHARS, PARTIAL, BudgetExceeded, ExtractOptions
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


# --- a page whose time budget runs out keeps what was extracted so far ---------------------------

_HEAD = ('<html lang="de"><head><title>Großbrand in der Altstadt | Kurier</title>'
         '<meta name="author" content="Anna Schmidt">'
         '<link rel="canonical" href="https://example.org/2024/brand-altstadt">'
         '<meta property="article:published_time" content="2024-03-01T10:00:00+01:00">{extra}</head>')
_NAV = '<nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>'
# Elements with attributes go through the walker's full treatment, where the clock is checked.
_FILLER = '<div class="c"><span class="s">x</span></div>'


def _paragraphs(n: int) -> list[str]:
    return [f"Absatz {i}: Die Feuerwehr war mit vielen Einsatzkräften vor Ort und löschte den Brand."
            for i in range(n)]


def _page(body: str, extra_head: str = "") -> str:
    return _HEAD.format(extra=extra_head) + "<body>" + body + "</body></html>"


def _timed(html: str, opts: ExtractOptions) -> tuple[Article, float]:
    started = time.process_time()
    article = extract_page(Page(raw=html, input_format="html", url="https://example.org/a"), opts)
    return article, time.process_time() - started


def _partial_warnings(article: Article) -> list[str]:
    return [w for w in article.warnings if w.startswith("time:") and PARTIAL in w]


def test_exhausted_budget_keeps_metadata_and_the_blocks_found_so_far() -> None:
    paras = _paragraphs(4)
    html = _page(_NAV + "<article><h1>Großbrand in der Altstadt</h1>" + "".join(f"<p>{p}</p>" for p in paras)
                 + _FILLER * 100_000 + "</article>")
    extract_page(Page(raw="<p>warm-up: imports and tables load once per process</p>", input_format="html"))
    full, full_s = _timed(html, ExtractOptions())
    partial, partial_s = _timed(html, ExtractOptions(time_budget_s=0.05))
    assert not _partial_warnings(full) and len(_partial_warnings(partial)) == 1
    for field in ("title", "authors", "published", "canonical_url", "language", "site"):
        assert getattr(partial, field) == getattr(full, field), field
    assert partial.title and partial.authors and partial.published and partial.language == "de"
    assert [b.text for b in partial.blocks] == paras  # in order, without the menu
    # The walk stops near the budget instead of reading all 200,000 elements (a ratio, not a
    # wall-clock bound: other jobs on the machine slow both runs alike).
    assert partial_s < 0.5 * full_s


def test_budget_spent_before_the_body_uses_the_json_ld_body() -> None:
    paras = _paragraphs(3)
    ld = json.dumps({"@type": "NewsArticle", "headline": "Großbrand in der Altstadt", "articleBody": "\n".join(paras)})
    # The body sits behind thousands of elements: the walk cannot reach it within the budget.
    html = _page(_FILLER * 20_000 + "<article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>",
                 f'<script type="application/ld+json">{ld}</script>')
    article, _ = _timed(html, ExtractOptions(time_budget_s=0.0))
    assert [b.text for b in article.blocks] == paras
    assert article.title == "Großbrand in der Altstadt"
    assert any("JSON-LD" in w for w in _partial_warnings(article))


class _SelectionRunsOut(ExtractOptions):
    """The clock runs out after the walk (small pages never check it there), in the block selection."""

    def check_time(self) -> None:
        raise BudgetExceeded(self.budget_message())


def test_budget_spent_in_the_selection_keeps_the_container_text() -> None:
    paras = _paragraphs(4)
    teaser = "Weitere Meldungen aus der Region und dem Rest der Welt, die Sie interessieren könnten"
    html = _page(_NAV + "<main><article><h1>Großbrand in der Altstadt</h1>"
                 + "".join(f"<p>{p}</p>" for p in paras) + "</article>"
                 + f"<aside><p>{teaser}, heute und morgen und übermorgen.</p></aside></main>")
    article, _ = _timed(html, _SelectionRunsOut())
    assert [b.text for b in article.blocks] == paras
    assert article.authors == ["Anna Schmidt"]
    assert len(_partial_warnings(article)) == 1


def test_partial_body_is_capped() -> None:
    paras = [f"{p} Dazu kommt noch ein Satz, damit der Absatz lang genug ist." for p in _paragraphs(3000)]
    html = _page("<article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>")
    article, _ = _timed(html, ExtractOptions(time_budget_s=0.0))
    assert _partial_warnings(article)
    kept = sum(len(b.text) for b in article.blocks)
    assert 0 < kept <= MAX_PARTIAL_CHARS + max(len(p) for p in paras)
    assert kept < sum(len(p) for p in paras)
