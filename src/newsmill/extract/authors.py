"""Bylines: person names out of credit strings, and the agency a credit names.

``split_byline("Von Anna Muster und Max Beispiel, dpa | 12.03.2024")`` gives
``(["Anna Muster", "Max Beispiel"], "dpa")``. Cue words, joiners, agencies and non-person words
are data (``newsmill/data/metadata/*.json``), per language where they differ.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# Longer "names" are sentences that happened to sit in a byline element.
MAX_NAME_CHARS = 60
# A person name has at most this many words ("Anna Maria von der Muster-Beispiel" has 5).
MAX_NAME_WORDS = 6
# A byline string longer than this is body text, not a credit.
MAX_BYLINE_CHARS = 300

_DATEISH = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\s?[A-ZÄÖÜ][a-zäöü]+\.?\s\d{4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s\d{1,2},?\s\d{4}\b",
    re.IGNORECASE,
)
_URLISH = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_PARENS = re.compile(r"\(([^()]{1,40})\)")
_SEPARATORS = re.compile(r"\s*(?:[|•·–—]|\s-\s|\n)\s*")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class BylineTables:
    prefixes: tuple[str, ...]
    joiners: frozenset[str]
    not_person: frozenset[str]
    roles: frozenset[str]
    agencies: dict[str, str]
    source_cues: tuple[str, ...]


@lru_cache(maxsize=1)
def tables() -> BylineTables:
    bylines = _load("bylines.json")
    agencies = _load("agencies.json")
    prefixes = sorted({p for words in bylines["prefixes"].values() for p in words}, key=len, reverse=True)
    return BylineTables(
        prefixes=tuple(prefixes),
        joiners=frozenset(bylines["joiners"]),
        not_person=frozenset(bylines["not_person"]),
        roles=frozenset(bylines["roles"]),
        agencies=dict(agencies["agencies"]),
        source_cues=tuple(sorted(agencies["source_cues"], key=len, reverse=True)),
    )


def _load(name: str) -> dict[str, Any]:
    path = resources.files("newsmill").joinpath("data", "metadata", name)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def agency_of(text: str | None) -> str | None:
    """The agency named by a credit string ("dpa", "APA/AP", "(afp)", "Quelle: Reuters")."""
    if not text:
        return None
    known = tables().agencies
    cleaned = _strip_source_cue(text.strip().strip("()[]").strip())
    key = cleaned.casefold().strip(" .,;:")
    if key in known:
        return known[key]
    # "dpa/lno", "APA/AP", "afp/dpa": an agency with a regional desk or a second agency.
    first = key.split("/", 1)[0].strip(" .")
    if "/" in key and first in known:
        return known[first]
    return None


def _strip_source_cue(text: str) -> str:
    low = text.casefold()
    for cue in tables().source_cues:
        if low.startswith(cue) and len(text) > len(cue) and not text[len(cue)].isalnum():
            return text[len(cue) :].lstrip(" :")
    return text


def split_byline(text: str | None) -> tuple[list[str], str | None]:
    """Person names and the credited agency (or ``None``) from one byline string."""
    if not text or len(text) > MAX_BYLINE_CHARS:
        return [], None
    text = " ".join(_URLISH.sub(" ", text).split())
    source = None
    for inner in _PARENS.findall(text):
        source = source or agency_of(inner)
    text = _PARENS.sub(" ", text)
    names: list[str] = []
    for segment in _SEPARATORS.split(text):
        seg_names, seg_source = _segment(segment)
        source = source or seg_source
        names.extend(n for n in seg_names if n not in names)
    return names, source


def _segment(segment: str) -> tuple[list[str], str | None]:
    segment = _strip_prefix(segment.strip(" ,;:"))
    if not segment or _DATEISH.search(segment) and not _HAS_LETTER.search(_DATEISH.sub("", segment)):
        return [], None
    source = agency_of(segment)
    if source:
        return [], source
    names: list[str] = []
    for part in _split_names(_DATEISH.sub(" ", segment)):
        part_source = agency_of(part)
        if part_source:
            source = source or part_source
            continue
        name = clean_name(part)
        if name:
            names.append(name)
    return names, source


def _strip_prefix(text: str) -> str:
    low = text.casefold()
    for prefix in tables().prefixes:
        if low.startswith(prefix) and (len(text) == len(prefix) or not text[len(prefix)].isalnum()):
            return text[len(prefix) :].lstrip(" :.-")
    return text


def _split_names(text: str) -> list[str]:
    words = tables().joiners
    pattern = r"\s*[,;/&+]\s*|\s+(?:" + "|".join(re.escape(w) for w in words if w.isalpha()) + r")\s+"
    return [p for p in re.split(pattern, text, flags=re.IGNORECASE) if p and p.strip()]


def clean_name(text: str) -> str | None:
    """One person name, trimmed of cue words, roles and handles; ``None`` when it is not a name."""
    name = _HANDLE.sub(" ", _strip_prefix(text.strip()))
    name = " ".join(name.split()).strip(" .,;:-–|*\"'„“”«»")
    if not name or len(name) > MAX_NAME_CHARS or not _HAS_LETTER.search(name):
        return None
    low = name.casefold()
    t = tables()
    if low in t.not_person or low in t.roles or low in t.joiners:
        return None
    words = name.split()
    # "Anna Muster, Redakteurin" arrives here as "Redakteurin" (dropped above); "Redakteurin Anna
    # Muster" keeps the name after the role word.
    while words and words[0].casefold() in t.roles:
        words = words[1:]
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    return " ".join(words)


def clean_authors(candidates: list[str]) -> tuple[list[str], str | None]:
    """Person names from several byline strings (deduplicated, case-insensitively) and an agency."""
    names: list[str] = []
    seen: set[str] = set()
    source = None
    for raw in candidates:
        found, credited = split_byline(raw)
        source = source or credited
        for name in found:
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                names.append(name)
    return names, source


# --- the page's DOM ------------------------------------------------------------------------------

# Elements whose class or id names one of these hold a byline; checked in this order.
_BYLINE_XPATH = (
    '//*[@itemprop="author"]',
    '//*[@rel="author"]',
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')"
    " or contains(@class, 'byline') or contains(@class, 'author') or contains(@class, 'autor')"
    " or contains(@id, 'byline') or contains(@id, 'author')]",
)
# Byline elements with more text than this are author boxes with biographies; take none of them.
MAX_BYLINE_ELEMENT_CHARS = 120
# How many byline elements to read before giving up (menus of author archives are long).
MAX_BYLINE_ELEMENTS = 6
# Paragraphs looked at from each end of the page for an agency credit like "Berlin (dpa) -".
CREDIT_PARAGRAPHS = 4
_LEADING_CREDIT = re.compile(r"^[^()]{0,60}?\(([^()]{1,30})\)\s*[-–—.:]")


def byline_candidates(doc: Any) -> list[str]:
    """Texts of byline-looking elements, in page order within each kind, best kinds first."""
    from lxml import etree

    found: list[str] = []
    for xpath in _BYLINE_XPATH:
        try:
            elements = doc.xpath(xpath)
        except etree.XPathError:
            continue
        for el in elements[: MAX_BYLINE_ELEMENTS * 3]:
            if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script", "style", "body", "html"):
                continue
            name_el = el.find('.//*[@itemprop="name"]')
            text = " ".join((name_el if name_el is not None else el).text_content().split())
            if text and len(text) <= MAX_BYLINE_ELEMENT_CHARS and text not in found:
                found.append(text)
            if len(found) >= MAX_BYLINE_ELEMENTS:
                return found
        if found:
            return found
    return found


def text_credits(doc: Any) -> list[str]:
    """Agency credits in body text: "Berlin (dpa) - ..." openings and "Quelle: APA" closings."""
    paragraphs = doc.xpath("//p")
    picked = paragraphs[:CREDIT_PARAGRAPHS] + paragraphs[-CREDIT_PARAGRAPHS:]
    out: list[str] = []
    for p in picked:
        text = " ".join(p.text_content().split())[:MAX_BYLINE_CHARS]
        match = _LEADING_CREDIT.match(text)
        if match:
            out.append(match.group(1))
        elif text and len(text) <= MAX_NAME_CHARS:
            out.append(text)
    return out
