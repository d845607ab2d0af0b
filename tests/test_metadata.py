"""Page metadata: small inline pages, each testing one rule of read_metadata."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.extract.metadata.authors import agency_of, split_byline
from newsmill.extract.metadata.dates import normalize_date, printed_date
from newsmill.extract.metadata.jsonld import parse_lenient
from newsmill.extract.metadata.reader import PageMetadata, read_metadata, strip_site


def meta_of(head: str, body: str = "", url: str | None = "https://www.example-news.de/politik/a-1.html") -> PageMetadata:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(lxml.html.document_fromstring(page), url)


def ld(payload: str) -> str:
    return f'<script type="application/ld+json">{payload}</script>'


ARTICLE_LD = ld(
    """{"@context": "https://schema.org", "@type": "NewsArticle",
    "headline": "Regierung beschließt neues Gesetz",
    "datePublished": "2024-03-12T08:15:00+01:00", "dateModified": "2024-03-12T10:00:00+01:00",
    "author": [{"@type": "Person", "name": "Anna Muster"}, {"@type": "Person", "name": "Max Beispiel"}],
    "publisher": {"@type": "Organization", "name": "Example News"},
    "articleSection": "Politik", "articleBody": "Der erste Absatz. Der zweite Absatz.",
    "image": {"@type": "ImageObject", "url": "/img/a.jpg"}, "keywords": ["Gesetz", "Regierung"]}"""
)


def test_jsonld_article_fields() -> None:
    meta = meta_of(ARTICLE_LD + '<title>Regierung beschließt neues Gesetz | Example News</title>')
    assert meta.title == "Regierung beschließt neues Gesetz"
    assert meta.authors == ["Anna Muster", "Max Beispiel"]
    assert meta.published == "2024-03-12T08:15:00+01:00"
    assert meta.modified == "2024-03-12T10:00:00+01:00"
    assert meta.section == "Politik"
    assert meta.site == "Example News"
    assert meta.body == "Der erste Absatz. Der zweite Absatz."
    assert meta.images == ["https://www.example-news.de/img/a.jpg"]
    assert meta.keywords == ["Gesetz", "Regierung"]
    assert meta.warnings == []


@pytest.mark.parametrize(
    "payload",
    [
        '{"@type": "NewsArticle", "headline": "Kaputt", }',  # trailing comma
        '{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Kaputt"}]}',
        '[{"@type": "Organization", "name": "X"}, {"@type": "NewsArticle", "headline": "Kaputt"}]',
        '{&quot;@type&quot;: &quot;NewsArticle&quot;, &quot;headline&quot;: &quot;Kaputt&quot;}',
        '<![CDATA[{"@type": "NewsArticle", "headline": "Kaputt"}]]>',
        '{"@type": "WebPage", "mainEntity": {"@type": "NewsArticle", "headline": "Kaputt"}}',
        '{"@type": ["NewsArticle", "Article"], "headline": "Kaputt\nund neu"}',
    ],
)
def test_broken_jsonld_is_repaired(payload: str) -> None:
    meta = meta_of(ld(payload))
    assert meta.title is not None and meta.title.startswith("Kaputt")


@pytest.mark.parametrize("payload", ['{"@type": "NewsArticle", "headline": ', "<<<>>>", "null", '"text"', "[[[[]]]]"])
def test_hopeless_jsonld_warns_and_never_raises(payload: str) -> None:
    meta = meta_of(ld(payload) + "<title>Fallback-Titel aus dem Kopf</title>")
    assert meta.title == "Fallback-Titel aus dem Kopf"
    if payload.startswith(("{", "<")):
        assert any(w.startswith("jsonld:") for w in meta.warnings)


def test_parse_lenient_concatenated_objects() -> None:
    assert parse_lenient('{"a": 1}\n{"b": 2}') == [{"a": 1}, {"b": 2}]
    assert parse_lenient("{") is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Regierung beschließt neues Gesetz | Example News", "Regierung beschließt neues Gesetz"),
        ("Example News - Regierung beschließt neues Gesetz", "Regierung beschließt neues Gesetz"),
        ("Regierung beschließt neues Gesetz – example-news.de", "Regierung beschließt neues Gesetz"),
        ("Krieg und Frieden - eine Bilanz", "Krieg und Frieden - eine Bilanz"),
    ],
)
def test_strip_site(title: str, expected: str) -> None:
    assert strip_site(title, ["Example News", "example-news.de"]) == expected


def test_h1_preferred_when_declared_title_agrees() -> None:
    head = '<meta property="og:title" content="Neues Gesetz: Das ändert sich jetzt - Example News">'
    meta = meta_of(head, "<article><h1>Neues Gesetz: Das ändert sich jetzt</h1></article>")
    assert meta.title == "Neues Gesetz: Das ändert sich jetzt"


def test_meta_tags_when_no_jsonld() -> None:
    head = (
        '<meta property="og:title" content="Ein Titel">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2023-05-01T12:00:00Z">'
        '<meta name="author" content="Von Anna Muster und Max Beispiel">'
        '<meta property="article:section" content="Sport">'
        '<meta property="og:description" content="Der Vorspann.">'
        '<link rel="canonical" href="/sport/ein-titel.html">'
        '<meta http-equiv="content-language" content="de-AT">'
    )
    meta = meta_of(head)
    assert meta.title == "Ein Titel"
    assert meta.published == "2023-05-01T12:00:00+00:00"
    assert meta.authors == ["Anna Muster", "Max Beispiel"]
    assert meta.section == "Sport"
    assert meta.lead == "Der Vorspann."
    assert meta.canonical_url == "https://www.example-news.de/sport/ein-titel.html"
    assert meta.language == "de"


def test_site_falls_back_to_host() -> None:
    assert meta_of("<title>x</title>").site == "example-news.de"


@pytest.mark.parametrize(
    ("byline", "names", "source"),
    [
        ("Von Anna Muster und Max Beispiel, dpa | 12.03.2024", ["Anna Muster", "Max Beispiel"], "dpa"),
        ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"], None),
        ("Text: Hans Meier (APA)", ["Hans Meier"], "APA"),
        ("Autor: Peter Müller | Redaktion", ["Peter Müller"], None),
        ("dpa/lno", [], "dpa"),
        ("Quelle: Reuters", [], "Reuters"),
        ("Anna Muster, Redakteurin", ["Anna Muster"], None),
        ("A. Muster; B. Beispiel", ["A. Muster", "B. Beispiel"], None),
    ],
)
def test_split_byline(byline: str, names: list[str], source: str | None) -> None:
    assert split_byline(byline) == (names, source)


def test_agency_as_jsonld_author_becomes_source() -> None:
    payload = '{"@type": "NewsArticle", "headline": "X", "author": {"@type": "Organization", "name": "dpa"}}'
    meta = meta_of(ld(payload))
    assert meta.authors == []
    assert meta.source == "dpa"


def test_agency_credit_in_text() -> None:
    body = "<article><h1>Ein Titel</h1><p>Berlin (dpa) - Die Regierung hat am Dienstag beschlossen.</p></article>"
    assert meta_of("", body).source == "dpa"


def test_byline_element() -> None:
    body = '<article><h1>Ein Titel</h1><p class="byline">Von <a rel="author">Anna Muster</a></p><p>Text.</p></article>'
    assert meta_of("", body).authors == ["Anna Muster"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-12", "2024-03-12"),
        ("2024-03-12T08:15:00Z", "2024-03-12T08:15:00+00:00"),
        ("2024-03-12T08:15:00+0100", "2024-03-12T08:15:00+01:00"),
        ("2024-03-12 08:15:00", "2024-03-12T08:15:00"),
        ("12.03.2024", "2024-03-12"),
        ("1970-01-01", None),
        ("2999-01-01", None),
        ("gestern", None),
        ("", None),
    ],
)
def test_normalize_date(raw: str, expected: str | None) -> None:
    assert normalize_date(raw) == expected


def test_time_element_and_url_date_fallback() -> None:
    body = '<article><h1>Titel hier</h1><time datetime="2022-02-04T10:00">4. Februar</time></article>'
    assert meta_of("", body).published == "2022-02-04T10:00:00"
    url = "https://www.example-news.de/2021/11/05/ein-titel.html"
    assert (meta_of("<title>Titel</title>", "<p>Text</p>", url).published or "").startswith("2021-11-05")


def test_modified_before_published_is_dropped() -> None:
    payload = '{"@type": "NewsArticle", "headline": "X", "datePublished": "2024-03-12", "dateModified": "2020-01-01"}'
    meta = meta_of(ld(payload))
    assert meta.published == "2024-03-12"
    assert meta.modified is None


def test_agency_of() -> None:
    assert agency_of("(AFP)") == "AFP"
    assert agency_of("APA/AP") == "APA"
    assert agency_of("Anna Muster") is None


def test_empty_and_odd_documents_never_raise() -> None:
    for page in ["<html></html>", "<p>nur Text</p>", "<html><head><meta name='author'></head></html>"]:
        meta = read_metadata(lxml.html.document_fromstring(page), None)
        assert isinstance(meta, PageMetadata)


def test_kicker_inside_h1_is_not_part_of_the_title() -> None:
    head = '<meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird | Example News">'
    body = (
        '<h1><span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">: </span>'
        "<span>Bohren, bis es heiß wird</span></h1>"
    )
    assert meta_of(head, body).title == "Bohren, bis es heiß wird"


def test_utc_midnight_of_a_local_date_is_that_date() -> None:
    assert normalize_date("2022-11-06T23:00:00+00:00") == "2022-11-07"
    assert normalize_date("2022-11-06T23:00:00Z") == "2022-11-07"
    assert normalize_date("2022-11-06T23:15:00+00:00") == "2022-11-06T23:15:00+00:00"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Veröffentlicht vonChris Jung", ["Chris Jung"]),
        ("lupa am 26. Juli 2020", ["lupa"]),
        ("Richard David Precht im Gespräch mit Karin Fischer", ["Richard David Precht", "Karin Fischer"]),
        ("FOCUS-Online-Experte Robin Tschöpe", ["Robin Tschöpe"]),
        ("© Kathrin Führes", ["Kathrin Führes"]),
        ("Redaktion", ["Redaktion"]),
        ("Name", []),
    ],
)
def test_names_are_trimmed(byline: str, names: list[str]) -> None:
    assert split_byline(byline)[0] == names


def test_comment_authors_are_not_bylines() -> None:
    body = (
        '<article><h1>Ein Titel hier</h1><span class="author">Heiko Adams</span><p>Text.</p></article>'
        '<div id="comments"><span class="comment-author">Vinz</span><span class="comment-author">Ute</span></div>'
    )
    assert meta_of("", body).authors == ["Heiko Adams"]
    only_comments = '<div id="comments"><span class="comment-author">Vinz</span></div>'
    assert meta_of("", "<h1>Ein Titel hier</h1>" + only_comments).authors == []


def test_site_and_organisation_are_not_authors() -> None:
    payload = (
        '{"@type": "NewsArticle", "headline": "X",'
        ' "author": {"@type": "Organization", "name": "Deutsches Rotes Kreuz"}}'
    )
    assert meta_of(ld(payload)).authors == []
    head = '<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">'
    assert meta_of(head).authors == []
    assert meta_of('<meta name="author" content="example-news.de">').authors == []


def test_options_turn_off_extensive_date_search() -> None:
    from newsmill.extract.metadata.reader import MetadataOptions

    page = "<html><body><h1>Titel hier</h1><p>Geschrieben am 14. März 2021 in Berlin.</p></body></html>"
    doc = lxml.html.document_fromstring(page)
    fast = read_metadata(doc, None, MetadataOptions(extensive_date_search=False))
    assert fast.published is None or fast.published.startswith("2021-03-14")
    assert (read_metadata(doc, None).published or "").startswith("2021-03-14")


@pytest.mark.parametrize(
    ("byline", "names", "source"),
    [
        ("TOM KRISHER, AP Auto Writer", ["TOM KRISHER"], "AP"),
        ("Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"], None),
        ("jdadmin", [], None),
    ],
)
def test_staff_lines_and_credentials(byline: str, names: list[str], source: str | None) -> None:
    assert split_byline(byline) == (names, source)


def test_citation_is_not_a_source_and_site_skips_handles() -> None:
    payload = '{"@type": "NewsArticle", "headline": "X", "isBasedOn": "Muster, A. et al. (2015): Eine Studie, S. 3"}'
    head = ld(payload) + '<meta name="application-name" content="@examplenews">'
    meta = meta_of(head)
    assert meta.source is None
    assert meta.site == "example-news.de"


@pytest.mark.parametrize(
    "page",
    [
        "<div>" * 3000 + "<h1>Tief verschachtelt</h1>" + "</div>" * 3000,
        '<script type="application/ld+json">' + "/*" * 300_000 + "</script><title>T</title>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A\x00B"}</script>',
        "<title>" + "Wort | " * 50_000 + "</title>",
        '<h1 class="author">' + "Von Anna Muster und " * 2000 + "</h1>",
    ],
)
def test_pathological_pages_are_read_without_crash(page: str) -> None:
    meta = read_metadata(lxml.html.document_fromstring(f"<html><body>{page}</body></html>"), None)
    assert isinstance(meta, PageMetadata)
    assert all(len(name) <= 60 for name in meta.authors)


@pytest.mark.parametrize(
    ("head", "body", "url", "title"),
    [
        # The blog name is og:site_name ...
        ('<title>Nach langer Zeit mal wieder | Ein Hundetagebuch</title><meta property="og:site_name" '
         'content="Ein Hundetagebuch">', "<h1>Ein Hundetagebuch</h1><h2>Nach langer Zeit mal wieder</h2>",
         "https://www.example-news.de/politik/a-1.html", "Nach langer Zeit mal wieder"),
        # ... or only the last part of <title>, with no URL to name the site.
        ("<title>Was ist Virales Marketing? | DimidoBlog</title>",
         "<h1>DimidoBlog</h1><h2>Was ist Virales Marketing?</h2><h2>Kategorien</h2>", None,
         "Was ist Virales Marketing?"),
    ],
)
def test_post_title_in_h2_when_h1_is_the_blog_name(head: str, body: str, url: str | None, title: str) -> None:
    assert meta_of(head, body, url=url).title == title


def test_only_h1_wins_over_a_differently_worded_seo_title() -> None:
    head = '<meta property="og:title" content="Zaubernuss im Winter » Wann blüht die Hamamelis?">'
    body = "<article><h1>Wie pflege ich meine Zaubernuss im Winter?</h1><p>Text.</p></article>"
    assert meta_of(head, body).title == "Wie pflege ich meine Zaubernuss im Winter?"


def test_german_quotes_stay_in_the_title() -> None:
    head = '<meta property="og:title" content="»Abzocke wird als Klimaschutz verkauft« | Example News">'
    assert meta_of(head, "<h1>»Abzocke wird als Klimaschutz verkauft«</h1>").title == (
        "»Abzocke wird als Klimaschutz verkauft«"
    )


def test_jsonld_author_reference_is_resolved() -> None:
    payload = (
        '{"@graph": [{"@type": "Article", "headline": "X", "author": {"@id": "https://e.de/#/person/1"}},'
        ' {"@type": "Person", "@id": "https://e.de/#/person/1", "name": "Doris Schuppe"}]}'
    )
    assert meta_of(ld(payload)).authors == ["Doris Schuppe"]


def test_companies_are_not_authors_and_meta_follows_empty_jsonld() -> None:
    assert meta_of('<meta name="author" content="Olympia-Verlag GmbH">').authors == []
    payload = '{"@type": "NewsArticle", "headline": "X", "author": {"@type": "Person", "name": "Name"}}'
    head = ld(payload) + '<meta name="shareaholic:article_author_name" content="Wolfgang Michal">'
    assert meta_of(head).authors == ["Wolfgang Michal"]


def test_kicker_is_the_section_when_nothing_else_names_one() -> None:
    body = '<h1><span class="kicker">Ukraine</span> <span>Putin will engere Verbindung</span></h1>'
    assert meta_of("", body).section == "Ukraine"
    body = '<p class="article-dachzeile">Klimaschutz</p><h1>Bohren, bis es heiß wird</h1>'
    assert meta_of("", body).section == "Klimaschutz"


@pytest.mark.parametrize(
    "payload",
    [
        '{"@context": "https://schema.org", "@type": "NewsArticle", //"BlogPosting",\n "headline": "Kaputt"}',
        """{"@type": "NewsArticle", "headline": 'Kaputt "und" neu', "x": 1}""",
        """{"@type": "NewsArticle", "headline": "Kaputt: 'so', sagt er",}""",
    ],
)
def test_javascript_style_jsonld_is_repaired(payload: str) -> None:
    assert (meta_of(ld(payload)).title or "").startswith("Kaputt")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.text(max_size=120))
def test_arbitrary_jsonld_and_byline_never_raise(payload: str, byline: str) -> None:
    assert isinstance(parse_lenient(payload), object)
    names, _ = split_byline(byline)
    assert all(name.strip() == name and name for name in names)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Finian Cunningham. Sputnik International", ["Finian Cunningham"]),
        ("Prof. Dr. Rainer Quitzow", ["Dr. Rainer Quitzow"]),
        ("Boris T. Kaiser", ["Boris T. Kaiser"]),
    ],
)
def test_full_stop_after_a_word_ends_a_name(byline: str, names: list[str]) -> None:
    assert split_byline(byline)[0] == names


@pytest.mark.parametrize(
    ("byline", "names"),
    [("Reporting by Anna Muster", ["Anna Muster"]), ("Text von Max Beispiel", ["Max Beispiel"]),
     ("Recherche: Eva Probe", ["Eva Probe"])],
)
def test_byline_cues_of_language_and_metadata_tables(byline: str, names: list[str]) -> None:
    # "reporting by" / "text von" come from the language tables, "recherche" from bylines.json.
    assert split_byline(byline)[0] == names


@pytest.mark.parametrize("comment_words", [(), ("*",), ("kommentar", "")])
def test_comment_area_words_never_exclude_every_byline(monkeypatch: pytest.MonkeyPatch,
                                                       comment_words: tuple[str, ...]) -> None:
    """An empty or blank comments row in the class tables must not turn into a match-all pattern."""
    from newsmill.extract.metadata import authors

    monkeypatch.setattr(authors, "table_groups", lambda *a, **k: {"comments": comment_words})
    pattern = authors._excluded_area.__wrapped__()
    assert pattern.search("article-header byline") is None
    assert bool(pattern.search("kommentar-box")) == ("kommentar" in comment_words)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<div class="post-meta">Veröffentlicht am 6. Oktober 2022, 14:05 Uhr</div><p>Text.</p>', "2022-10-06"),
        ('<span id="Article_Date">May 4, 2021</span><p>Text.</p>', "2021-05-04"),
        ("<article><h1>Titel</h1><p>Berlin, 23.12.2024 – Der Rat tagte.</p></article>", "2024-12-23"),
        ("<article><p>Kein Datum hier, nur 1999 Gründung.</p></article>", None),
        ('<script class="date">var d = "2021-01-01";</script><p>Nichts.</p>', None),
    ],
)
def test_printed_date(body: str, expected: str | None) -> None:
    doc = lxml.html.fromstring(f"<html><body>{body}</body></html>")
    assert printed_date(doc) == expected


@pytest.mark.parametrize("placeholder", ["{$plugin.tx_news.opengraph.site_name}", "{{ site.name }}", "${siteName}",
                                         "<%= site %>"])
def test_an_unfilled_template_placeholder_is_no_value(placeholder: str) -> None:
    meta = meta_of(f'<meta property="og:site_name" content="{placeholder}">'
                   f'<meta property="og:title" content="{placeholder}"><title>Real headline</title>')
    assert meta.site == "example-news.de"
    assert placeholder not in (meta.title or "")


@pytest.mark.parametrize("canonical, url, expected_url, expected_site", [
    # the archive rewrote the canonical link into its replay URL
    ('<link rel="canonical" href="https://web.archive.org/web/20150206075900/http://www.steinzeit-beispiel.de/a/b">',
     "https://web.archive.org/web/20150206075900/http://www.steinzeit-beispiel.de/a/b",
     "http://www.steinzeit-beispiel.de/a/b", "steinzeit-beispiel.de"),
    # no canonical link: the fetched replay URL, with a replay flag and a collapsed "//"
    ("", "https://archive.example.org/wayback/20160330101229id_/https:/muffin-beispiel.net/rezept/",
     None, "muffin-beispiel.net"),
    # a date in an ordinary news path is no archive
    ('<link rel="canonical" href="https://news.example.com/2024/20240102/story">', None,
     "https://news.example.com/2024/20240102/story", "news.example.com"),
])
def test_an_archived_copy_is_the_original_page(canonical: str, url: str | None, expected_url: str | None,
                                               expected_site: str) -> None:
    meta = meta_of(canonical, url=url)
    assert meta.canonical_url == expected_url
    assert meta.site == expected_site
