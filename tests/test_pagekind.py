"""Non-article pages (issue 15): imprint, privacy, terms, contact and shop pages get only their
organisations, with the reason in a warning; articles are untouched. Fixtures in
tests/data/nonarticle/ are pages written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsmill
from newsmill.enrich.pagekind import boilerplate_term, page_kind, title_kind, url_kind

PAGES = sorted((Path(__file__).parent / "data" / "nonarticle").glob("*.html"))
KIND_OF_PAGE = {"impressum": "imprint", "imprint": "imprint", "datenschutz": "privacy", "privacy": "privacy",
                "agb": "terms", "terms": "terms", "kontakt": "contact", "contact": "contact", "shop": "shop",
                "shop-en": "shop"}


def test_fixtures_cover_every_kind_in_both_languages() -> None:
    assert {p.stem for p in PAGES} == set(KIND_OF_PAGE)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_non_article_gets_only_organisations(path: Path) -> None:
    article = newsmill.extract(path.read_bytes(), url=f"https://www.example.com/service/{path.stem}", enrich=True)
    assert article.text  # the page was extracted; enrichment is what the gate holds back
    assert not article.places and not article.quotes and not article.times
    assert all(e.label == "ORG" for e in article.entities)
    warning = next(w for w in article.warnings if w.startswith("enrich: not an article"))
    assert f"({KIND_OF_PAGE[path.stem]}:" in warning


@pytest.mark.parametrize("path", [p for p in PAGES if p.stem != "terms"], ids=lambda p: p.stem)
def test_text_alone_tells_dense_pages(path: Path) -> None:
    """Without URL and title (``annotate``) the text's boilerplate density decides."""
    article = newsmill.extract(path.read_bytes())
    assert page_kind(article.text) is not None


def test_gate_can_be_switched_off() -> None:
    path = next(p for p in PAGES if p.stem == "kontakt")
    article = newsmill.extract(path.read_bytes(), url="https://www.example.com/kontakt")
    newsmill.enrich(article, gate=False)
    assert article.times and not any(w.startswith("enrich: not an article") for w in article.warnings)


ARTICLES = [
    # news that mentions the things boilerplate is made of: paragraphs, prices, phones, courts
    ("de", "Das Amtsgericht Hamburg hat am Dienstag einen 43-jährigen Mann verurteilt. Er hatte nach "
           "Überzeugung des Gerichts gegen § 263 StGB verstoßen und Kunden um insgesamt 12.000 Euro "
           "betrogen. Die Staatsanwaltschaft hatte eine höhere Strafe gefordert. Der Verteidiger kündigte "
           "an, Rechtsmittel einzulegen. Zeugen können sich unter Telefon 040 123456 bei der Polizei melden. "
           "Der Prozess hatte im Oktober begonnen und sechs Verhandlungstage gedauert."),
    ("en", "The company said on Tuesday that it would raise the price of its basic plan to $9.99 a month "
           "from January. Analysts said the move, which follows a similar increase by a rival last year, "
           "was expected. Customers who signed up before the change will keep the old price for six months, "
           "a spokeswoman said. Shares rose 3 percent in early trading in New York."),
]


@pytest.mark.parametrize(("language", "text"), ARTICLES)
def test_articles_pass_the_gate(language: str, text: str) -> None:
    assert page_kind(text) is None
    article = newsmill.annotate(text, language=language, published="2023-11-15")
    assert article.times and not any(w.startswith("enrich: not an article") for w in article.warnings)


@pytest.mark.parametrize(("url", "kind"), [
    ("https://www.example.com/impressum", "imprint"),
    ("https://www.example.com/service/impressum.html", "imprint"),
    ("https://www.example.com/de/datenschutz/", "privacy"),
    ("https://www.example.com/privacy-policy", "privacy"),
    ("https://shop.example.com/shop/jahresabo-print", "shop"),
    ("https://www.example.com/contact-us-en", "contact"),
    # an article's slug is a headline: its words name nothing
    ("https://www.example.com/politik/facebook-privacy-scandal-widens-123.html", None),
    ("https://www.example.com/wirtschaft/letzter-shop-in-der-altstadt-schliesst", None),
    (None, None),
])
def test_url_kind(url: str | None, kind: str | None) -> None:
    assert url_kind(url) == kind


@pytest.mark.parametrize(("title", "kind"), [
    ("Impressum", "imprint"), ("Kontakt | Lindenblatt", "contact"), ("Lindenblatt Shop – Jahresabo", "shop"),
    ("Privacy Policy", "privacy"), ("Kontakt zu Russland abgebrochen", None), ("Europe's oldest shop closes", None),
])
def test_title_kind(title: str, kind: str | None) -> None:
    assert title_kind(title) == kind


def test_boilerplate_words_are_no_organisations() -> None:
    assert boilerplate_term("DSGVO") and boilerplate_term("TMG")
    assert not boilerplate_term("Lindenblatt Verlag GmbH")


def test_a_page_of_table_rows_is_a_list_page_and_an_article_is_not() -> None:
    from newsmill.enrich.pagekind import list_lines

    rows = "\n".join(f"AMA Hubraum Teil {i} X {i} X 12{i}" for i in range(30))
    table = "Lehrberufe\n\n" + rows + "\n\nDie Tabelle nennt die Seiten der Bücher, die im Unterricht gebraucht werden."
    lines = list_lines(table)
    assert lines is not None and len(lines) == 31  # the title and the rows, not the sentence
    prose = "\n\n".join(["Die Regierung hat am Montag in Berlin beschlossen, die Steuern zu senken."] * 25)
    assert list_lines(prose) is None
    assert list_lines("Kurz\nzu kurz") is None  # too few lines to tell


def test_on_a_list_page_only_names_also_in_a_sentence_stay() -> None:
    rows = "\n".join(f"AMA Buch Seite {i} X {i}" for i in range(30))
    text = rows + "\n\nDie Schüler der Klasse lernen mit Peter Müller in Wien, wie ein Motor funktioniert."
    entities = newsmill.annotate(text, language="de").entities
    assert not [e for e in entities if e.text.startswith("AMA")]
    assert "Wien" in {e.text for e in entities}
