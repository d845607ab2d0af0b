"""Pages that are no article (imprint, privacy notice, terms, contact, shop): told apart so that
enrichment makes little of them.

Three kinds of evidence, none from a site's name:

- the **URL path** names the page ("/impressum", "/privacy-policy", "/shop/…");
- the **title** is such a page's title ("Impressum", "Lindenblatt Shop", "Contact us");
- the **text** is dense in legal boilerplate (§, DSGVO, Handelsregister, personal data,
  governing law), contact blocks (e-mail, phone, postcode and street) or shop furniture
  (prices, "inkl. MwSt.", "add to cart").

A name in the URL or title with some boilerplate is enough; text alone must be very dense, since
a news article can mention a paragraph, a price or a phone number. The word lists and patterns
are in ``newsmill/data/lexicon/pagekinds.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from newsmill.extract.lexicon import read_table

# Boilerplate hits per 100 words that make a page with a telling URL or title a non-article ...
NAMED_MIN_DENSITY = 2.0
# ... and that make a page a non-article on its text alone (a news article reaches ~1-3 with
# a price list or a court case; imprints and privacy notices 8 and more).
TEXT_MIN_DENSITY = 7.0
# The opening looked at first, and the density below which it settles the page as an article.
PREFIX_CHARS = 1000
PREFIX_MIN_DENSITY = 1.0
# Texts shorter than this many words carry too little to judge by density alone.
TEXT_MIN_WORDS = 40
# Title segments are cut at these separators ("Kontakt | Lindenblatt", "Shop – Jahresabo").
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•-]\s+|\s*[|·•]\s*")
_URL_PARTS = re.compile(r"[-_\d]+")
# A URL segment of at most this many words can be a page's name ("contact-us-de").
MAX_SLUG_WORDS = 3


@dataclass(frozen=True)
class PageKind:
    """The verdict on a page that is no article: its kind and the evidence, for the warning."""

    kind: str
    evidence: str


@dataclass(frozen=True)
class _Signals:
    url: dict[str, str]  # URL word -> kind
    title: dict[str, str]  # title phrase -> kind
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]  # (group, pattern)


@functools.lru_cache(maxsize=1)
def _signals() -> _Signals:
    table = read_table("pagekinds")
    url: dict[str, str] = {}
    title: dict[str, str] = {}
    for kind, words in table["kinds"].items():
        url.update(dict.fromkeys(words["url"], kind))
        title.update(dict.fromkeys(words["title"], kind))
    groups = tuple((group, re.compile("|".join(f"(?:{p})" for p in table[group]), re.IGNORECASE))
                   for group in ("legal", "contact", "commerce"))
    return _Signals(url, title, groups)


def url_kind(url: str | None) -> str | None:
    """The kind a URL's path names ("/service/impressum.html" -> "imprint"), or None."""
    if not url:
        return None
    path = unquote(urlsplit(url).path).lower()
    words = _signals().url
    for segment in path.split("/"):
        stem = segment.rsplit(".", 1)[0]
        if stem in words:
            return words[stem]
        # a short slug ("impressum-de", "contact_us"); an article's slug is a headline
        # ("facebook-privacy-scandal-widens") whose words say nothing of the page
        parts = [w for w in _URL_PARTS.split(stem) if w]
        if len(parts) <= MAX_SLUG_WORDS:
            for word in parts:
                if word in words:
                    return words[word]
    return None


def title_kind(title: str | None) -> str | None:
    """The kind a page's title names: a segment equal to, or ending in, such a page's title."""
    if not title:
        return None
    phrases = _signals().title
    for segment in _TITLE_SEPARATORS.split(title.lower()):
        segment = segment.strip(" .!?")
        for phrase, kind in phrases.items():
            if segment == phrase or segment.endswith(" " + phrase):
                return kind
    return None


def boilerplate(text: str) -> tuple[int, dict[str, int]]:
    """The number of words of ``text`` and the boilerplate hits of each group in it."""
    hits = {group: len(pattern.findall(text)) for group, pattern in _signals().boilerplate}
    return len(text.split()), hits


def boilerplate_term(text: str) -> bool:
    """A word of the boilerplate itself ("DSGVO", "TMG", "SKU"): no organisation of the page."""
    return any(pattern.fullmatch(text.strip()) for _, pattern in _signals().boilerplate)


def page_kind(text: str, url: str | None = None, title: str | None = None) -> PageKind | None:
    """The verdict for a page, or None when it reads as an article (or is too short to tell)."""
    if len(text) > PREFIX_CHARS:
        # boilerplate pages are dense from their first lines: an article's opening, far below
        # the density asked for, spares scanning the rest (most texts end here, in ~0.5 ms)
        words, hits = boilerplate(text[:PREFIX_CHARS])
        if 100 * sum(hits.values()) / max(1, words) < PREFIX_MIN_DENSITY:
            return None
    words, hits = boilerplate(text)
    if words == 0:
        return None
    density = 100 * sum(hits.values()) / words
    named = url_kind(url) or title_kind(title)
    strongest = max(hits, key=lambda g: hits[g])
    detail = f"{density:.1f} boilerplate hits per 100 words, mostly {strongest}"
    if named is not None and density >= NAMED_MIN_DENSITY:
        source = "URL" if url_kind(url) else "title"
        return PageKind(named, f"{source} names it; {detail}")
    if words >= TEXT_MIN_WORDS and density >= TEXT_MIN_DENSITY:
        return PageKind(named or _KIND_OF_GROUP[strongest], detail)
    return None


_KIND_OF_GROUP = {"legal": "legal", "contact": "contact", "commerce": "shop"}


# A line reads as running text when it has this many words, this share of them in lower case (the
# verbs, articles and prepositions of a sentence; a table row or a term list is capitalised nouns
# and abbreviations; numbers count for neither: "Davis 17 points." is a sentence of a score sheet)
# and ends as a sentence does.
PROSE_MIN_WORDS = 8
PROSE_MIN_LOWER = 0.3
# A text of at least this many lines with less than this share of its characters in such lines is
# a list or a table (a curriculum, a glossary, a quest list): what it names has no sentence around.
LIST_MIN_LINES = 20
LIST_MAX_PROSE = 0.35
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?…:][\"“”»«’)\]]*$")


def _is_prose(line: str) -> bool:
    words = line.split()
    if len(words) < PROSE_MIN_WORDS:
        return False
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    lower = sum(w[:1].islower() for w in lettered)
    return lower >= PROSE_MIN_LOWER * len(lettered) and _SENTENCE_END.search(line.rstrip()) is not None


def list_lines(text: str) -> list[tuple[int, int]] | None:
    """The (start, end) of the lines outside running text when ``text`` is a list or table page,
    else None (an article: its headings and captions are no reason to doubt a name)."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(lines) < LIST_MIN_LINES:
        return None
    prose = [_is_prose(text[s:e]) for s, e in lines]
    total = sum(e - s for s, e in lines)
    in_prose = sum(e - s for (s, e), p in zip(lines, prose, strict=True) if p)
    if in_prose >= LIST_MAX_PROSE * total:
        return None
    return [span for span, p in zip(lines, prose, strict=True) if not p]
