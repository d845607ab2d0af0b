"""newsmill's reader of date markup beyond the common meta tags (``metadata.markup_dates``)."""

from __future__ import annotations

import lxml.html
import pytest

from newsmill.extract.metadata.index import index_page
from newsmill.extract.metadata.markup_dates import date_in_line, markup_date, url_date


def date_of(html: str, url: str | None = None) -> str | None:
    return markup_date(index_page(lxml.html.document_fromstring(html)), url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/2019/11/19/opinion/a-title.html", "2019-11-19"),
        ("https://example.de/news/2022-01-27-gedenkstunde.html", "2022-01-27"),
        ("https://example.de/artikel/12345/titel-2019.html", None),  # a year is not a day
        ("https://example.de/2019/13/40/x", None),  # no such month
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: str | None) -> None:
    assert url_date(url) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Veröffentlicht am 19.11.2019 um 10:30 Uhr", "2019-11-19"),
        ("By Carrie Arnold November 15, 2019", "2019-11-15"),
        ("6. Oktober 2022 | Lesezeit 3 Minuten", "2022-10-06"),
        ("20191115 Bericht", "2019-11-15"),
        ("10:30 Uhr", None),  # a time of day only
        ("Seit 2019 dabei", None),  # a lone year
        ("Tel. 0800 123 456 789 012 345 678 9", None),  # too many digits for a date
    ],
)
def test_date_in_line(line: str, expected: str | None) -> None:
    assert date_in_line(line) == expected


def test_the_url_wins_over_markup() -> None:
    page = '<html><head><meta name="citation_date" content="2020-05-05"></head><body></body></html>'
    assert date_of(page, "https://example.org/2019/11/19/a.html") == "2019-11-19"
    assert date_of(page) == "2020-05-05"


def test_canonical_url_when_the_page_url_is_unknown() -> None:
    page = '<html><head><link rel="canonical" href="https://example.org/2018/02/16/x.html"></head></html>'
    assert date_of(page) == "2018-02-16"


def test_modified_meta_is_only_a_reserve() -> None:
    head = '<meta name="last-modified" content="2021-03-04"><meta name="dc.date.created" content="2020-01-02">'
    assert date_of(f"<html><head>{head}</head></html>") == "2020-01-02"
    assert date_of('<html><head><meta name="last-modified" content="2021-03-04"></head></html>') == "2021-03-04"


def test_jsonld_date_outside_the_article_and_in_broken_json() -> None:
    script = '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2019-11-14T08:00", }}</script>'
    assert date_of(f"<html><head>{script}</head></html>") == "2019-11-14"


def test_marked_date_line_before_title_and_h1() -> None:
    body = ('<h1>Bericht vom 01.02.2020</h1><div class="article-meta"><a>Anna Muster</a>'
            '<span>3. März 2021</span></div>')
    assert date_of(f"<html><body>{body}</body></html>") == "2021-03-03"
    assert date_of("<html><body><h1>Bericht vom 01.02.2020</h1></body></html>") == "2020-02-01"


def test_timestamp_in_source_but_not_in_comments() -> None:
    page = ('<html><body><!-- $Id: tracking.ccml 21 2014-06-01 13:09:34Z $ --><div data-x="1">'
            '<span data-published="2018-09-28 17:32">Text</span></div></body></html>')
    assert date_of(page) == "2018-09-28"
    assert date_of("<html><body><!-- rev 2014-06-01 13:09:34 --><p>Text</p></body></html>") is None


def test_no_date() -> None:
    assert date_of("<html><body><p>Nur Text ohne Datum, Preis 12,99 Euro.</p></body></html>") is None
