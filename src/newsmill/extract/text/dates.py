"""Dates as pages print them ("6. Oktober 2022", "23.12.2024", "May 4, 2021", "2021-05-04")."""

from __future__ import annotations

import re
from datetime import date

from newsmill.extract.lexicon import Lexicon

# Years outside this range are not publication dates of web pages (a century, a founding year).
MIN_YEAR = 1995
MAX_YEAR = 2100

_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\.?\s+([^\W\d_]{3,10})\.?,?\s+(\d{4})\b", re.U)
_MONTH_DAY = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.U)
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def find_date(text: str, lex: Lexicon) -> str | None:
    """The first plausible calendar date in ``text`` as ISO ``YYYY-MM-DD``, or None."""
    # Tried in order and lazily: most head lines hold no date, the first form found wins.
    return _iso(text) or _numeric(text) or _named(text, lex) or _slashed(text)


def _valid(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _iso(text: str) -> str | None:
    m = _ISO.search(text)
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _numeric(text: str) -> str | None:
    m = _NUMERIC.search(text)
    return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None


def _slashed(text: str) -> str | None:
    # Ambiguous (US month/day vs day/month): only accepted where one reading is impossible.
    m = _SLASHED.search(text)
    if not m:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if a > 12:
        return _valid(y, b, a)
    return _valid(y, a, b) if b > 12 else None


def _named(text: str, lex: Lexicon) -> str | None:
    for m in _DAY_MONTH.finditer(text):
        month = lex.months.get(m.group(2).lower())
        if month:
            return _valid(int(m.group(3)), month, int(m.group(1)))
    for m in _MONTH_DAY.finditer(text):
        month = lex.months.get(m.group(1).lower())
        if month:
            return _valid(int(m.group(3)), month, int(m.group(2)))
    return None
