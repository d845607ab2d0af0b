"""Headlines: which of h1, og:title, JSON-LD headline and <title> is the article's title.

Used by ``metadata.read_metadata``; ``choose_title`` is the entry point.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newsmill.extract.metadata.index import PageIndex

# A kicker longer than this is a sentence (a standfirst), not a rubric.
MAX_KICKER_CHARS = 40
# An h1 shorter than this is a logo or a section label, not a headline.
MIN_H1_CHARS = 8
# Declared titles and headings are cut to this length: no headline is longer, and a page that
# puts its whole text in <title> must not cost quadratic string work.
MAX_TITLE_CHARS = 1000


# Separators between a headline and the site name in <title> and og:title.
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•»:~/-]\s+|\s+[|–—]|[|–—]\s+|\s*::\s*")
_NON_ALNUM = re.compile(r"[\W_]+")


def text_key(text: str) -> str:
    """Lower-case letters and digits only: for comparing titles, site names and names."""
    return _NON_ALNUM.sub("", text.casefold())


def choose_title(index: PageIndex, candidates: list[str], sites: list[str]) -> str | None:
    """The headline: an h1 that the declared titles confirm, else a declared title minus the site.

    An h1 wins when a declared title (og:title, JSON-LD headline, <title>; raw or with the site
    name stripped) equals it or contains it: pages put kicker and site name around the headline
    in declared titles, rarely in the h1. A kicker inside the h1 (its own element) is dropped. An
    h1 that is the site name (equal to it, or the last part of a declared title) is skipped.
    Pages without an agreeing h1 get the same test on their h2 elements (old blog templates keep
    the site name in h1 and the post title in h2); then a page's only h1 is the headline.
    """
    stripped = [strip_site(c, sites) for c in candidates]
    keys = {text_key(c) for c in stripped if c}
    raw_keys = {text_key(c) for c in candidates}
    not_headline = {text_key(s) for s in sites} | {text_key(_last_part(c)) for c in candidates}
    h1s = [h for h in _heading_texts(index, "h1") if text_key(h[1]) not in not_headline]
    # Reading the h2 texts costs: only pages without an agreeing h1 pay for it.
    agreeing = _agreeing(h1s, keys, raw_keys) or _agreeing(_heading_texts(index, "h2"), keys, raw_keys)
    if agreeing:
        return agreeing
    # A page's only h1 (not the site name) is its visible headline even when the declared
    # titles are worded differently (SEO titles): +4 points of exact titles on trafeval-de-dev.
    if len(h1s) == 1 and len(h1s[0][0]) >= MIN_H1_CHARS:
        return h1s[0][0]
    for title in stripped:
        if _HAS_WORD.search(title):
            return title
    return h1s[0][0] if h1s else None


def _agreeing(headings: list[tuple[str, str]], keys: set[str], raw_keys: set[str]) -> str | None:
    """The first heading text (without kicker, then in full) that a declared title confirms."""
    for headline, full in headings:
        for text in (headline, full):
            k = text_key(text)
            if k and (k in raw_keys or any(k == o or (len(k) >= MIN_H1_CHARS and k in o) for o in keys)):
                return text
    return None


def _last_part(title: str) -> str:
    """The last part of "Headline | Site": a site name when there is more than one part."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return parts[-1] if len(parts) > 1 else ""


_HAS_WORD = re.compile(r"[^\W\d_]{2}")
# Classes of h1 children that are not the headline: kickers (Dachzeile) and hidden separators.
_KICKER_WORDS = "kicker|overline|dachzeile|topline|roofline|eyebrow|supertitle|spitzmarke"
_KICKER_CLASS = re.compile(_KICKER_WORDS + "|visually-hidden|sr-only|screen-reader", re.IGNORECASE)


def _heading_texts(index: PageIndex, tag: str) -> list[tuple[str, str]]:
    """(headline without kicker, full text) of the page's first h1 (or h2) elements."""
    out = []
    for el in index.tagged(tag):
        full = " ".join(el.text_content()[:MAX_TITLE_CHARS].split())
        if not full or len(full) < MIN_H1_CHARS // 2:
            continue
        parts = [t for t in _h1_parts(el) if t.strip()]
        headline = " ".join(" ".join(parts).split()).strip(_HEADLINE_TRIM) or full
        out.append((headline, full))
        if len(out) >= MAX_H1:
            break
    return out


# Separators left over when a kicker element is dropped (": Wie Firmen ..."), and the permalink
# signs documentation generators put after a heading ("Configuration¶").
_HEADLINE_TRIM = " :|–—-·•¶🔗"  # not » «: German quotation marks
# Pages with more h1 elements than this use h1 for teasers; the first ones are enough.
MAX_H1 = 5


_KICKER_ONLY = re.compile(_KICKER_WORDS, re.IGNORECASE)


def h1_kicker(index: PageIndex) -> str | None:
    """The kicker (Dachzeile) of the first h1: a child element, or the element just before it."""
    h1s = index.tagged("h1")
    if not h1s:
        return None
    h1 = h1s[0]
    near = [*h1, h1.getprevious()]
    for el in near:
        if el is not None and isinstance(el.tag, str) and _KICKER_ONLY.search(el.get("class", "")):
            text = " ".join(el.text_content().split()).strip(_HEADLINE_TRIM)
            if text and len(text) <= MAX_KICKER_CHARS:
                return text
    return None


def _h1_parts(el: HtmlElement) -> list[str]:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not _KICKER_CLASS.search(child.get("class", "")):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return parts


def strip_site(title: str, sites: list[str]) -> str:
    """"Headline | Site" -> "Headline": drop leading/trailing parts that name the site."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    site_keys = {text_key(s) for s in sites if text_key(s)}
    host_keys = {text_key(s.split(".")[-2]) for s in sites if "." in s}
    site_keys |= {k for k in host_keys if len(k) >= MIN_HOST_KEY_CHARS}

    def is_site(part: str) -> bool:
        k = text_key(part)
        return bool(k) and any(_names_site(k, s) for s in site_keys)

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == 1:
        return parts[0].strip()
    return _rejoin(title, parts)


# A title part names the site when it is the site name plus at most this many characters
# ("ZEIT ONLINE" for "zeit.de", "Tagesspiegel Wirtschaft"), or a piece of the site name.
SITE_PART_SLACK = 16
# A shorter host label ("br" of br.de) or piece of a site name occurs inside ordinary words.
MIN_HOST_KEY_CHARS = 3
MIN_SITE_PIECE_CHARS = 4


def _names_site(part: str, site: str) -> bool:
    if part == site:
        return True
    if site in part:
        return len(part) <= len(site) + SITE_PART_SLACK
    return len(part) >= MIN_SITE_PIECE_CHARS and part in site


def _rejoin(title: str, parts: list[str]) -> str:
    """The original text spanning the kept parts (keeps their own separators intact)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(parts)
