"""Pages that are not the usual article (issue 12, item 3): live blogs, split articles, galleries,
interviews, bodies in JSON-LD or hydration data, AMP, paywalled stubs, blogs, docs, encyclopedias,
and pages with no text to find (an app shell, a video page): those must say so.

The fixtures in ``tests/pages/kinds`` were written for newsmill (no such pages are in the
benchmark data), modelled on how real sites and generators build these kinds of page; several
variants per kind, so that no rule can be fitted to one file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmill.extract import extract

KINDS = Path(__file__).parent / "pages" / "kinds"
EXPECTED = {k: v for k, v in json.loads((KINDS / "expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_every_fixture_has_expectations() -> None:
    assert sorted(p.name for p in KINDS.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_kind_body_and_warnings(name: str) -> None:
    gold = EXPECTED[name]
    article = extract((KINDS / name).read_bytes(), input_format="html")
    text = _norm(article.text)
    for snippet in gold["with"]:
        assert _norm(snippet) in text, snippet
    for snippet in gold["without"]:
        assert snippet not in article.text, snippet
    warnings = " | ".join(article.warnings)
    for part in gold["warnings"]:
        assert part in warnings, (part, article.warnings)
    for part in gold["no_warnings"]:
        assert part not in warnings, (part, article.warnings)


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("docs_")))
def test_code_blocks_keep_their_lines(name: str) -> None:
    article = extract((KINDS / name).read_bytes(), input_format="html")
    code = [b for b in article.blocks if b.kind == "code"]
    assert code and all("¶" not in b.text for b in article.blocks)
    assert article.title and "¶" not in article.title


def test_paywall_stub_keeps_the_offer_out_of_the_body_but_in_removed() -> None:
    article = extract((KINDS / "paywall_de.html").read_bytes(), input_format="html")
    assert any("Jetzt 1 Monat" in r.text and r.reason == "call_to_action" for r in article.removed)


def test_a_paywall_vendor_class_on_the_whole_post_is_not_a_paywall_box() -> None:
    page = (KINDS / "paywall_full_de.html").read_text(encoding="utf-8")
    page = page.replace('<div class="article-content">', '<div class="article-content steady-paywall-container">')
    page = page.replace('"isAccessibleForFree":false,', '')
    article = extract(page, input_format="html")
    assert "Die Ausleihe läuft dann über Automaten" in article.text
    assert not any("paywalled" in w for w in article.warnings)


def test_stacked_whole_articles_are_not_merged_as_parts() -> None:
    """Infinite scroll stacks whole articles, each with its own h1: the next story is not a part."""
    page = (KINDS / "split_articles_long_first.html").read_text(encoding="utf-8")
    page = page.replace('<article class="story-part">\n<p>Nicht alle',
                        '<article class="story-part">\n<h1>Neue Buslinie im Hunsrück</h1>\n<p>Nicht alle')
    article = extract(page, input_format="html")
    assert "Als die Bürgerversammlung" in article.text
    assert "Eine Bürgerinitiative klagt" not in article.text


def _page(body: str) -> str:
    return ("<html lang='de'><head><title>Der Haushalt steht</title></head><body><h1>Der Haushalt steht</h1>"
            + body + "<footer><a href='/i'>Impressum</a></footer></body></html>")


_SENTENCE = "Der Gemeinderat hat den Haushalt für das kommende Jahr nach langer Debatte beschlossen. "


def test_a_short_paragraph_that_is_only_a_cue_closes_the_body() -> None:
    body = ("<div class='text'>" + "".join(f"<p>{_SENTENCE * 2}</p>" for _ in range(3))
            + "<p><strong>Kontakt:</strong></p><p>Pressestelle der Stadt, Telefon 0761 201-0</p></div>")
    article = extract(_page(body), input_format="html")
    assert _SENTENCE.strip() in article.text
    assert "Pressestelle" not in article.text and "Kontakt" not in article.text


def test_a_teaser_box_inside_the_body_does_not_shrink_the_body_to_one_paragraph() -> None:
    links = "".join(f"<li><a href='/t{i}'>Weitere Meldung Nummer {i} aus der Region und dem Land</a></li>"
                    for i in range(33))
    paras = [f"<p>{_SENTENCE * 4}</p>"] + [f"<p>Absatz {i}: {_SENTENCE * 3}</p>" for i in range(6)]
    body = "<div class='text'>" + paras[0] + "<ul>" + links + "</ul>" + "".join(paras[1:]) + "</div>"
    article = extract(_page(body), input_format="html")
    for i in range(6):
        assert f"Absatz {i}:" in article.text
    assert "Weitere Meldung" not in article.text


@pytest.mark.parametrize("text", [
    "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu "
    "Twitter her. Hier kannst du deine Einstellungen verwalten.",
    "An dieser Stelle finden Sie externe Inhalte von YouTube, die wir nur mit Ihrer Zustimmung laden.",
    "This embed shows external content. By clicking below you agree that data is sent to the provider.",
])
def test_an_embed_consent_placeholder_is_consent(text: str) -> None:
    from newsmill.extract.boilerplate import reason_for_text

    assert reason_for_text(text) == "consent"


def test_a_sentence_with_one_consent_phrase_is_not_a_placeholder() -> None:
    from newsmill.extract.boilerplate import reason_for_text

    assert reason_for_text("Die Gewerkschaft erklärte sich damit einverstanden, im März weiter zu verhandeln.") is None


def test_two_short_posts_under_the_same_comment_form_are_not_one_story() -> None:
    """The comment form is the same on every post of a blog host: had it been the body, two
    unrelated short posts would read as near-duplicates (one syndication group)."""
    from newsmill.corpus.dedup import NEAR_DUP_JACCARD, signature, similarity

    page = (KINDS / "short_post_comment_form_de.html").read_text(encoding="utf-8")
    other = page.replace("Hast du den Kaffee schon aufgesetzt, oder soll ich das heute machen?",
                         "Der Zug fällt heute schon wieder aus, wir fahren also mit dem Rad.")
    other = other.replace("Welchen Kaffee?", "Im Regen?").replace("Ach so.", "Na dann.")
    a, b = (extract(p, input_format="html") for p in (page, other))
    assert "Kommentar" not in a.text and "Kommentar" not in b.text
    sig_a, sig_b = signature(a.text), signature(b.text)
    assert sig_a is None or sig_b is None or similarity(sig_a, sig_b) < NEAR_DUP_JACCARD


def test_a_long_comment_thread_without_comment_class_words_is_not_the_body() -> None:
    article = extract((KINDS / "short_post_comment_thread_en.html").read_bytes(), input_format="html")
    assert article.text.startswith("The school closed at six")
    assert any("winter of 1963" in r.text for r in article.removed)
