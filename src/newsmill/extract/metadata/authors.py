"""Bylines: person names out of credit strings, and the agency a credit names.

``split_byline("Von Anna Muster und Max Beispiel, dpa | 12.03.2024")`` gives
``(["Anna Muster", "Max Beispiel"], "dpa")``. Cue words, joiners, agencies and non-person words
are data (``newsmill/data/lexicon/{bylines,agencies}.json``, read through ``extract.lexicon``), per
language where they differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsmill.extract.lexicon import read_table, table_groups, table_words
from newsmill.patterns import alternation

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
    collective: frozenset[str]
    not_person: frozenset[str]
    roles: frozenset[str]
    particles: frozenset[str]
    credentials: frozenset[str]
    org_words: frozenset[str]
    agencies: dict[str, str]
    source_cues: tuple[str, ...]


@lru_cache(maxsize=1)
def tables() -> BylineTables:
    bylines = read_table("bylines")
    agencies = read_table("agencies")
    # Byline cues of the language tables ("redaktion:", "reporting by") join the metadata's own.
    cues = {p for words in bylines["prefixes"].values() for p in words} | set(table_words("byline_prefixes"))
    prefixes = sorted(cues, key=len, reverse=True)
    return BylineTables(
        prefixes=tuple(prefixes),
        joiners=frozenset(bylines["joiners"]),
        collective=frozenset(bylines["collective"]),
        not_person=frozenset(bylines["not_person"]),
        roles=frozenset(bylines["roles"]),
        particles=frozenset(bylines["particles"]),
        credentials=frozenset(bylines["credentials"]),
        org_words=frozenset(bylines["org_words"]),
        agencies=dict(agencies["news"]),
        source_cues=tuple(sorted(agencies["source_cues"], key=len, reverse=True)),
    )


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
    return prefer_people(names), source


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
        credited = agency_of(name.split()[0]) if name and _is_role_line(part) else None
        if credited:  # "AP Auto Writer", "CNN Editor-at-large": the agency's staff line
            source = source or credited
        elif name:
            names.append(name)
    return names, source


def _is_role_line(part: str) -> bool:
    words = part.split()
    return len(words) >= 2 and words[-1].casefold() in tables().roles


def _strip_prefix(text: str) -> str:
    low = text.casefold()
    for prefix in tables().prefixes:
        if low.startswith(prefix) and _prefix_ends(text, len(prefix)):
            return text[len(prefix) :].lstrip(" :.-")
    return text


def _prefix_ends(text: str, at: int) -> bool:
    """A cue word ends at a word boundary, or glued to a capitalised name ("vonChris Jung")."""
    return at == len(text) or not text[at].isalnum() or (text[at].isupper() and text[at - 1].islower())


def _split_names(text: str) -> list[str]:
    return [p for p in _name_separators().split(text) if p and p.strip()]


@lru_cache(maxsize=1)
def _name_separators() -> re.Pattern[str]:
    words = tables().joiners
    # ". " after a full word (not an initial or "Dr.") ends a name: "Finian Cunningham. Sputnik".
    pattern = r"\s*[,;/&+]\s*|(?<=[a-zäöüß]{3})\.\s+|\s+(?:" + alternation(w for w in words if w.isalpha()) + r")\s+"
    return re.compile(pattern, re.IGNORECASE)


_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_TRIM = " .,;:-–|*\"'„“”«»©"


def clean_name(text: str) -> str | None:
    """One name, trimmed of cue words, roles, handles and trailing chatter; ``None`` if not a name.

    Collective credits ("Redaktion") come back as they are; ``clean_authors`` decides on them.
    """
    name = " ".join(_HANDLE.sub(" ", _strip_prefix(text.strip(_TRIM))).split()).strip(_TRIM)
    if not name or len(name) > MAX_NAME_CHARS or not _HAS_LETTER.search(name) or _DOMAIN.match(name):
        return None
    t = tables()
    low = name.casefold()
    if low in t.not_person or low in t.roles or low in t.joiners or low.strip(".") in t.credentials:
        return None
    if "admin" in low:  # CMS accounts ("wpadmin", "jdadmin"), not bylines
        return None
    if any(w.strip(",") in t.org_words for w in low.split()[1:]):  # "Olympia-Verlag GmbH": a company
        return None
    if low in t.collective:
        return name
    words = _trim_roles(_name_words(name.split()), t.roles)
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    return " ".join(words)


def _name_words(words: list[str]) -> list[str]:
    """Words up to the first that cannot be part of a name: digits, or lower case after the first
    word that is no particle ("Anna Muster sagt", "lupa am 26", "Precht im Gespräch")."""
    particles = tables().particles
    kept: list[str] = []
    for i, word in enumerate(words):
        if any(c.isdigit() for c in word):
            break
        if i > 0 and word[:1].islower() and word.casefold() not in particles:
            break
        kept.append(word)
    while kept and kept[-1].casefold() in particles:
        kept.pop()
    return kept


def _trim_roles(words: list[str], roles: frozenset[str]) -> list[str]:
    """Drop role words around the name: "Redakteurin Anna Muster", "Christoph Hein Chefredakteur",
    "FOCUS-Online-Experte Robin Tschöpe"."""

    def is_role(word: str) -> bool:
        low = word.casefold().strip(_TRIM)
        return low in roles or low.rsplit("-", 1)[-1] in roles

    while words and is_role(words[0]):
        words = words[1:]
    while words and is_role(words[-1]):
        words = words[:-1]
    return words


def clean_authors(candidates: list[str]) -> tuple[list[str], str | None]:
    """Names from byline strings (deduplicated case-insensitively) and the credited agency.

    A collective credit ("Redaktion", "Newsdesk") is the author only when nobody is named.
    """
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
    return prefer_people(names), source


def prefer_people(names: list[str]) -> list[str]:
    """Names without collective credits, or the first collective credit when nobody is named."""
    collective = tables().collective
    people = [n for n in names if n.casefold() not in collective]
    return people or names[:1]


# --- the page's DOM ------------------------------------------------------------------------------

# Elements that hold a byline, by kind (``_byline_kind``): itemprop, rel, then class or id words.
_BYLINE_XPATH = (
    '//*[@itemprop="author" or @rel="author"'
    " or contains(@class, 'byline') or contains(@class, 'author') or contains(@class, 'autor')"
    " or contains(@id, 'byline') or contains(@id, 'author')]"
)
# Byline elements with more text than this are author boxes with biographies; take none of them.
MAX_BYLINE_ELEMENT_CHARS = 120
# How many byline elements to read before giving up (menus of author archives are long).
MAX_BYLINE_ELEMENTS = 6
# Paragraphs looked at from each end of the page for an agency credit like "Berlin (dpa) -".
CREDIT_PARAGRAPHS = 4
_LEADING_CREDIT = re.compile(r"^[^()]{0,60}?\(([^()]{1,30})\)\s*[-–—.:]")


def byline_candidates(elements: list[Any]) -> list[str]:
    """Texts of the first byline-looking elements outside comments and forms, best kinds first.

    ``elements``: the page's elements whose class or id names a byline or author, or marked
    itemprop/rel="author", in document order (``PageIndex.bylines``). Only the first element that
    holds a usable name counts, plus others with the same kind that follow it closely: later
    matches are comment authors, teasers and author lists.
    """
    kinds: list[list[Any]] = [[] for _ in range(BYLINE_KINDS)]
    for el in elements:
        kinds[_byline_kind(el)].append(el)
    for group in kinds:
        found = _usable_bylines(group)
        if found:
            return found
    return []


BYLINE_KINDS = 3


def _byline_kind(el: Any) -> int:
    if el.get("itemprop") == "author":
        return 0
    return 1 if el.get("rel") == "author" else 2


def _usable_bylines(elements: list[Any]) -> list[str]:
    found: list[str] = []
    for el in elements[: MAX_BYLINE_ELEMENTS * 3]:
        if not isinstance(el.tag, str) or el.tag in _NOT_BYLINE_TAGS or _in_excluded_area(el):
            continue
        name_el = el.find('.//*[@itemprop="name"]')
        text = " ".join((name_el if name_el is not None else el).text_content().split())
        if not text or len(text) > MAX_BYLINE_ELEMENT_CHARS or text in found:
            continue
        names, source = split_byline(text)
        if names or source:
            found.append(text)
            # A byline with a name closes the search; only its siblings (co-authors) join it.
            if names:
                found.extend(_sibling_bylines(el, found))
                return found
    return found


_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "style", "body", "html", "input", "textarea", "label"})
# Comment threads carry many author names; bylines of the article sit outside them. (Teasers,
# asides and footers are not excluded: many CMS put the article's own byline in such elements.)
@lru_cache(maxsize=1)
def _excluded_area() -> re.Pattern[str]:
    """Class/id words of comment areas: the HTML extractor's ``comments`` class tokens."""
    words = [w.rstrip("*") for w in table_groups("class_tokens", shared=("common",)).get("comments", ())]
    return re.compile(alternation(words), re.I)


def _in_excluded_area(el: Any) -> bool:
    excluded = _excluded_area()
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):
            return False
        if anc.tag == "form":
            return True
        if excluded.search(f"{anc.get('class', '')} {anc.get('id', '')}"):
            return True
    return False


def _sibling_bylines(el: Any, found: list[str]) -> list[str]:
    out: list[str] = []
    parent = el.getparent()
    if parent is None:
        return out
    for sib in parent:
        if sib is el or not isinstance(sib.tag, str) or sib.get("class") != el.get("class") or sib.tag != el.tag:
            continue
        text = " ".join(sib.text_content().split())
        if text and len(text) <= MAX_BYLINE_ELEMENT_CHARS and text not in found and text not in out:
            out.append(text)
    return out[:MAX_BYLINE_ELEMENTS]


def text_credits(paragraphs: list[Any]) -> list[str]:
    """Agency credits in body text: "Berlin (dpa) - ..." openings and "Quelle: APA" closings,
    from the page's ``<p>`` elements in document order."""
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
