"""Dates: normalising what pages declare to ISO 8601, and the search of the printed text."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from lxml import etree
from lxml.html import HtmlElement

from newsmill.extract.metadata.index import PageIndex, index_page

# Web news did not exist before this; earlier "dates" are birthdays, founding years or junk.
MIN_YEAR = 1995
# A declared date this far in the future is a typo or an event date, not a publication date.
MAX_FUTURE = timedelta(days=2)

_NUMERIC_DMY = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:[,\s]+(\d{1,2}):(\d{2}))?")
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalize_date(value: str | None, now: datetime | None = None) -> str | None:
    """An ISO 8601 string (date, or date-time with offset when given) or ``None`` if unusable."""
    if not value:
        return None
    text = value.strip()
    parsed = _parse(text)
    if parsed is None:
        return None
    if not _plausible(parsed, now):
        return None
    if isinstance(parsed, datetime) and _is_shifted_midnight(parsed):
        # A date-only value stored as local midnight and written out in UTC: the day is the next
        # one, and the time means nothing.
        return (parsed.date() + timedelta(days=1)).isoformat()
    return parsed.isoformat()


# UTC hours that are midnight in Central European time (CET +1, CEST +2): the zones of the
# German-language press this library is tuned on.
SHIFTED_MIDNIGHT_HOURS = (22, 23)


def _is_shifted_midnight(value: datetime) -> bool:
    offset = value.utcoffset()
    return (
        offset is not None
        and offset == timedelta(0)
        and value.hour in SHIFTED_MIDNIGHT_HOURS
        and value.minute == value.second == value.microsecond == 0
    )


def _parse(text: str) -> datetime | date | None:
    if _ISO_PREFIX.match(text):
        return _parse_iso(text)
    match = _NUMERIC_DMY.match(text)
    if match:
        day, month, year, hour, minute = match.groups()
        try:
            if hour is not None:
                return datetime(int(year), int(month), int(day), int(hour), int(minute))
            return date(int(year), int(month), int(day))
        except ValueError:
            return None
    return None


def _parse_iso(text: str) -> datetime | date | None:
    cleaned = text.replace("Z", "+00:00").replace(" ", "T", 1) if len(text) > 10 else text
    cleaned = _COMPACT_OFFSET.sub(r"\1:\2", cleaned)
    try:
        if len(cleaned) <= 10:
            return date.fromisoformat(cleaned[:10])
        return datetime.fromisoformat(cleaned)
    except ValueError:
        try:
            return date.fromisoformat(cleaned[:10])
        except ValueError:
            return None


def _plausible(value: datetime | date, now: datetime | None) -> bool:
    now = now or datetime.now(timezone.utc)
    day = value.date() if isinstance(value, datetime) else value
    return day.year >= MIN_YEAR and day <= (now + MAX_FUTURE).date()


# Class words of the elements where pages print their date line ("byline" holds it too); "date"
# counts in the id as well, in any case.
_DATE_CLASS_WORDS = ("datum", "time", "publish", "posted", "byline")
# How many marked elements, and how much of each, are read: the date line is short and early.
MAX_MARKED = 8
MAX_MARKED_CHARS = 200
# Without a marked element, the article's printed text is searched this far from its start.
MAX_TEXT_CHARS = 4000
_SKIP_TEXT = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form")


def printed_date(doc: HtmlElement, index: PageIndex | None = None) -> str | None:
    """The date a page prints for its readers ("6. Oktober 2022", "May 4, 2021", "23.12.2024").

    newsmill's own reading of the free-text dates htmldate's extensive search found through
    dateparser (whose locale tables cost ~10 ms a page to compile on first use): first the
    elements a CMS marks as a date line, then the start of the article's text.
    """
    from newsmill.extract.lexicon import load_lexicon
    from newsmill.extract.text.dates import find_date

    lex = load_lexicon()
    for el in _date_marked(doc):
        if el.tag in _SKIP_TEXT:
            continue
        found = find_date(" ".join(el.itertext())[:MAX_MARKED_CHARS], lex)
        if found and normalize_date(found):
            return found
    scope = (index or index_page(doc)).region
    if scope is None:
        scope = doc.find("body") if doc.find("body") is not None else doc
    found = find_date(_visible_text(scope, MAX_TEXT_CHARS), lex)
    return normalize_date(found)


def _date_marked(doc: HtmlElement) -> list[HtmlElement]:
    """The first MAX_MARKED elements whose class or id names a date line, in document order.

    A Python scan that stops at the last one is several times cheaper than an XPath query with
    ``translate()`` over every element of the page."""
    marked: list[HtmlElement] = []
    for el in doc.iter(etree.Element):
        cls = el.get("class")
        ident = el.get("id")
        if cls is None and ident is None:
            continue
        if "date" in f"{cls or ''} {ident or ''}".lower() or \
                (cls is not None and any(w in cls for w in _DATE_CLASS_WORDS)):
            marked.append(el)
            if len(marked) == MAX_MARKED:
                break
    return marked


def _visible_text(root: HtmlElement, limit: int) -> str:
    parts: list[str] = []
    size = 0
    for el in root.iter():
        if el.tag in _SKIP_TEXT or not isinstance(el.tag, str):
            continue
        if el.text and el.getparent() is not None and el.getparent().tag not in _SKIP_TEXT:
            parts.append(el.text)
            size += len(el.text)
        if el.tail:
            parts.append(el.tail)
            size += len(el.tail)
        if size >= limit:
            break
    return " ".join(parts)[:limit]


def time_element_date(times: list[HtmlElement]) -> str | None:
    """The ``datetime`` of the article's own ``<time>``: inside ``<article>`` first, else the page's.

    ``times``: the page's ``<time>`` elements in document order."""
    elements = [el for el in times if el.get("datetime") is not None]
    inside = [el for el in elements if any(True for _ in el.iterancestors("article"))]
    for group in (inside, elements):
        for el in group[:3]:
            value = el.get("datetime")
            if value and normalize_date(value):
                return str(value)
    return None

