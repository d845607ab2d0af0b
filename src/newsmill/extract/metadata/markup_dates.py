"""The publication date a page marks up beyond the usual meta tags: newsmill's own reader.

``read_metadata`` first takes the common declarations (``article:published_time`` and its kin,
JSON-LD ``datePublished`` of the article, ``<time datetime>``). Pages without them still mark
their date in a few regular ways, tried here in this order (the first found wins):

1. the URL (``/2019/11/19/``, ``2019-11-19``);
2. the other ``<meta>`` names CMSs use for the publication date (``citation_date``,
   ``dc.date.created``, ``og:publish_date``, ...), in page order;
3. ``datePublished`` / ``dateCreated`` anywhere in the JSON-LD, also in objects that are not the
   article (a ``WebPage``) and in scripts too broken to parse;
4. ``<abbr class="published" title="...">`` (hAtom microformat);
5. the first short date line in an element whose class, id or itemprop names a date, a
   timestamp or the byline ("date", "datum", "meta", "time", "publish", "byline", ...), then the
   ``<title>`` and ``<h1>``;
6. a date-time (``2019-11-18T10:00``) anywhere in the page's source outside comments, then the
   lead image's URL.

This replaces htmldate's fast mode (``find_date(extensive_search=False)``), which newsmill called
here before: the same kinds of evidence in much the same order, read from the page index that
``index_page`` built instead of a deep copy of the tree, a cleaning pass and a serialisation of
the whole page (~2-5 ms a page). Its last resort, a bare ``2019-11-18`` anywhere in the visible
text, is left out: it decided no page of the tuning halves and cost ~2 ms where it ran.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsmill.extract.metadata.dates import normalize_date
from newsmill.extract.metadata.index import PageIndex

# The "-" "/" "_" separated full date in a URL; the year bounds keep ids and prices out.
_URL_DATE = re.compile(r"\D((?:199\d|20[0-3]\d))[/_-](\d{1,2})[/_-](\d{1,2})(?:\D|$)")

# <meta> names, properties and itemprops that carry the original publication date.
PUBLISHED_META_NAMES = frozenset({
    "analyticsattributes.articledate", "article.created", "article_date_original", "article:post_date",
    "article.published", "article:published", "article:published_date", "article:published_time",
    "article:publicationdate", "bt:pubdate", "citation_date", "citation_publication_date",
    "content_create_date", "created", "cxenseparse:recs:publishtime", "date", "date_created",
    "date_published", "datecreated", "dateposted", "datepublished", "dc.date", "dc.created",
    "dc.date.created", "dc.date.issued", "dc.date.publication", "dcsext.articlefirstpublished",
    "dcterms.created", "dcterms.date", "dcterms.issued", "dc:created", "dc:date", "displaydate",
    "doc_date", "field-name-post-date", "gentime", "mediator_published_time", "og:article:published",
    "og:article:published_time", "og:datepublished", "og:pubdate", "og:publish_date",
    "og:published_time", "og:question:published_time", "og:regdate", "originalpublicationdate",
    "parsely-pub-date", "pdate", "ptime", "pubdate", "publishdate", "publish_date", "publish_time",
    "publish-date", "published-date", "published_date", "published_time", "publisheddate",
    "publication_date", "rbpubdate", "release_date", "rnews:datepublished", "sailthru.date",
    "shareaholic:article_published_time", "timestamp", "twt-published-at", "video:release_date",
    "vr:published_time", "pubyear",
})
# A modification date is only a reserve: taken when the page declares no publication date.
MODIFIED_META_NAMES = frozenset({
    "lastdate", "lastmod", "lastmodified", "last-modified", "modified", "utime", "article:modified",
    "article:modified_date", "article:modified_time", "article:post_modified", "bt:moddate",
    "datemodified", "dc.modified", "dcterms.modified", "modified_time", "modificationdate",
    "og:article:modified_time", "og:modified_time", "og:updated_time", "revision_date", "updated_time",
})

_LD_DATE = re.compile(r'"date(?:Published|Created)"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_ABBR_CLASSES = frozenset({"published", "date-published", "time published"})

# Tags whose class/id/itemprop may name a date line, and tags that hold one whatever their class.
DATE_LINE_TAGS = ("div", "h2", "h3", "h4", "li", "p", "span", "time", "ul")
_ALWAYS_TAGS = frozenset({"footer", "small"})
_ID_CLASS_CUES = re.compile("[Mm]eta|time|publish|footer")
_CLASS_CUES = re.compile(
    "info|post_detail|block-content|byline|subline|posted|submitted|created-post|"
    "publication|author|autor|field-content|fa-clock-o|fa-calendar|fecha|parution"
)
# More marked elements than this: the marks are a grid of teasers, not one date line.
MAX_DATE_LINES = 1000
# A date line is short: its first characters are read, and one with too few or too many digits
# is a price, a time or a phone number.
DATE_LINE_CHARS = 52
MIN_DATE_LINE_CHARS = 7
MIN_DIGITS, MAX_DIGITS = 4, 18
# Only a time of day, or a lone year: no date.
_NOT_A_DATE = re.compile(r"^\d{2}:\d{2}(?: |:|$)|^\D*\d{4}\D*$")
_TRAILING_NON_DIGITS = re.compile(r"\D+$")

_TIMESTAMP = re.compile(
    r"((?:199\d|20[0-3]\d)-[01]?\d-[0-3]?\d)[T ][0-2]\d:[0-5]\d")
_LOOSE_ISO = re.compile(r"(?<!\d)((?:199\d|20[0-3]\d)-[01]?\d-[0-3]?\d)(?!\d)")


def markup_date(index: PageIndex, url: str | None) -> str | None:
    """The publication date (ISO day) from the markup described above, or ``None``.

    ``index``: the page before any element was removed."""
    if url is None:
        url = _canonical_href(index)
    return (
        url_date(url)
        or _meta_date(index)
        or _jsonld_date(index)
        or _abbr_date(index)
        or _date_line(index)
        or _source_timestamp(index.root)
        or _image_url_date(index)
    )


def url_date(url: str | None) -> str | None:
    """The full date a URL's path spells out (``/2019/11/19/``, ``_2019-11-19``)."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    return _day(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _day(year: int, month: int, day: int) -> str | None:
    return normalize_date(f"{year:04d}-{month:02d}-{day:02d}") if 1 <= month <= 12 and 1 <= day <= 31 else None


def _canonical_href(index: PageIndex) -> str | None:
    for link in index.tagged("link"):
        if link.get("rel") == "canonical":
            href = link.get("href")
            return str(href) if href else None
    return None


def _meta_date(index: PageIndex) -> str | None:
    reserve = None
    for el in index.tagged("meta"):
        attrs = el.attrib
        content = attrs.get("content")
        if content is None:
            continue
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or ""
        key = key.strip().lower()
        if key in PUBLISHED_META_NAMES:
            found = date_in_line(attrs.get("datetime") or content)
            if found:
                return found
        elif key in MODIFIED_META_NAMES and reserve is None:
            reserve = date_in_line(content)
        elif key == "og:url" and reserve is None:
            reserve = url_date(content)
        elif attrs.get("http-equiv", "").lower() == "date":
            found = date_in_line(content)
            if found:
                return found
    return reserve


def _jsonld_date(index: PageIndex) -> str | None:
    for script in index.tagged("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        m = _LD_DATE.search(script.text or "")
        if m:
            found = normalize_date(m.group(1))
            if found:
                return found
    return None


def _abbr_date(index: PageIndex) -> str | None:
    for el in index.root.iter("abbr"):
        if (el.get("class") or "") in _ABBR_CLASSES:
            found = date_in_line(el.get("title") or "") or date_in_line(el.text_content())
            if found:
                return found
    return None


def _date_line(index: PageIndex) -> str | None:
    marked = [el for el in index.root.iter(*DATE_LINE_TAGS, *_ALWAYS_TAGS)
              if el.tag in _ALWAYS_TAGS or _names_a_date(el)]
    if len(marked) > MAX_DATE_LINES:
        marked = []
    for el in (*marked, *index.tagged("title"), *index.tagged("h1")):
        found = date_in_line(_head_text(el)) or date_in_line(el.get("title") or "")
        if found:
            return found
    return None


def _names_a_date(el: Any) -> bool:
    """Whether an element's first class or id (in source order), or its itemprop, names a date
    line; of the two, the first one written is the element's name in most CMS templates."""
    get = el.get
    cls, ident, itemprop = get("class"), get("id"), get("itemprop")
    if cls is None and ident is None and itemprop is None:
        return False  # most elements: three C calls instead of a list of all attributes
    first = cls if ident is None else ident if cls is None else next(v for k, v in el.items() if k in ("id", "class"))
    for cue in (first, itemprop):
        if cue is not None:
            folded = cue.replace("D", "d")
            if "date" in folded or "datum" in folded:
                return True
    if first is None:
        return False
    if _ID_CLASS_CUES.search(first):
        return True
    if cls is not None and _CLASS_CUES.search(cls):
        return True
    return ident is not None and "footer-info-lastmod" in ident


def _head_text(el: Any) -> str:
    """The start of an element's text, whitespace collapsed, without reading a long subtree whole.
    Its pieces are joined with a space: in a date line, adjacent elements are separate fields
    ("<a>Carrie Arnold</a><span>November 15, 2019</span>")."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > 8 * DATE_LINE_CHARS:
            break
    return " ".join(" ".join(parts).split())[:DATE_LINE_CHARS]


def date_in_line(line: str) -> str | None:
    """The date of a short line ("Veröffentlicht am 19.11.2019", "Nov. 19, 2019 | 10:00"), or
    ``None`` when the line is not a date line."""
    text = " ".join(line.split())[:DATE_LINE_CHARS]
    if len(text) < MIN_DATE_LINE_CHARS:
        return None
    text = _TRAILING_NON_DIGITS.sub("", text)
    if not MIN_DIGITS <= sum(c.isdigit() for c in text) <= MAX_DIGITS or _NOT_A_DATE.search(text):
        return None
    found = normalize_date(_compact(text) or _find(text))
    return found[:10] if found else None


_COMPACT = re.compile(r"^((?:199\d|20[0-3]\d))([01]\d)([0-3]\d)(?!\d)")


def _compact(text: str) -> str | None:
    m = _COMPACT.match(text)
    return _day(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _find(text: str) -> str | None:
    from newsmill.extract.text.dates import find_date

    return find_date(text, _lexicon())


@lru_cache(maxsize=1)
def _lexicon() -> Any:
    from newsmill.extract.lexicon import load_lexicon

    return load_lexicon()


def _source_timestamp(root: Any) -> str | None:
    """The first date-time written anywhere in the page's markup outside comments (a JSON state, a
    data attribute, a "[Eingabe: 2018-09-28 17:32]" line). The tree is serialised for it: one C
    call, on the few pages that get this far."""
    import lxml.html

    html = lxml.html.tostring(root, encoding="unicode")
    pos = 0
    for _ in range(MAX_COMMENTED_STAMPS):
        m = _TIMESTAMP.search(html, pos)
        if m is None:
            return None
        pos = m.end()
        if html.rfind("<!--", 0, m.start()) > html.rfind("-->", 0, m.start()):
            continue  # a CMS revision stamp in a comment
        found = _iso_day(m.group(1))
        if found:
            return found
    return None


# Date-times inside comments (or impossible ones) skipped before the search gives up.
MAX_COMMENTED_STAMPS = 20


def _iso_day(value: str) -> str | None:
    year, month, day = (int(x) for x in value.split("-"))
    return _day(year, month, day)


def _image_url_date(index: PageIndex) -> str | None:
    for el in index.tagged("meta"):
        if el.get("property") == "og:image" and el.get("content"):
            return url_date(el.get("content"))
    return None
