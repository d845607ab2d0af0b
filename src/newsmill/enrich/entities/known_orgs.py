"""Well-known companies the model does not know: the names of ``data/lexicon/known_orgs.txt.gz``
(stock-index constituents, built by ``training/orgs/build.py``) make a mention an organisation.

Each name carries what it allows (the build decides from how ambiguous the name is): ``A`` add it
where the model saw nothing ("BASF", "General Motors"); ``P``, ``L``, ``M`` turn the model's PER,
LOC or MISC span of exactly the name into ORG ("Ikea" as LOC). "Allianz" or "Apple" are also common
words, so they are never added unseen; "Dell" is also a first name, so a PER "Dell" stays a person.
Later steps (one person's surname spread through the article, the words around a name) still
outweigh the list.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from newsmill.enrich.morphology import endings

Span = tuple[int, int, str]
_RELABEL = {"PER": "P", "LOC": "L", "MISC": "M"}
# where a name may start: a capital or digit not inside a word, an abbreviation or a compound
_START = re.compile(r"(?<![\w.&'’-])[^\W_a-zäöüß]")


@lru_cache(maxsize=1)
def known_orgs() -> dict[str, list[tuple[str, str]]]:
    """Name → what it allows, bucketed by the name's first two characters, longest name first."""
    path = resources.files("newsmill").joinpath("data", "lexicon", "known_orgs.txt.gz")
    buckets: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        name, _, allows = line.partition("\t")
        if name and allows:
            buckets[name[:2]].append((name, allows))
    return {key: sorted(names, key=lambda x: -len(x[0])) for key, names in buckets.items()}


# Names are looked up by their first this many characters (the shorter ones by their first two):
# a two-character key left ~60 names to compare at a capital like "Ba".
PREFIX_CHARS = 4


@lru_cache(maxsize=1)
def _by_prefix() -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]]:
    """``known_orgs`` again: names of at least PREFIX_CHARS characters by their first PREFIX_CHARS,
    the shorter ones by their first two; longest name first in each, as there."""
    long: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    short: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, names in known_orgs().items():
        for name, allows in names:
            if len(name) >= PREFIX_CHARS:
                long[name[:PREFIX_CHARS]].append((name, allows))
            else:
                short[key].append((name, allows))
    return dict(long), dict(short)


def mentions(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, allows) of the known names written in ``text`` as whole words, a genitive
    ending of the language's names included ("Volkswagens"; English keeps "'s" outside); not a compound's part ("BASF-Chef")."""
    long, short = _by_prefix()
    out: list[tuple[int, int, str]] = []
    last = 0
    for m in _START.finditer(text):
        i = m.start()
        if i < last:
            continue
        # every longer name before every shorter one: the longest name written there wins
        found = _known_at(text, i, long.get(text[i:i + PREFIX_CHARS], ()), language) \
            or _known_at(text, i, short.get(text[i:i + 2], ()), language)
        if found is not None:
            out.append(found)
            last = found[1]
    return out


def _known_at(text: str, i: int, names: Iterable[tuple[str, str]], language: str) -> tuple[int, int, str] | None:
    for name, allows in names:
        if not text.startswith(name, i):
            continue
        end = i + len(name)
        end += next((len(x) for x in endings(language).names if text.startswith(x, end)
                     and not _word_char(text, end + len(x))), 0)
        if not _word_char(text, end):
            return i, end, allows
    return None


def _word_char(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] in "_-")


def apply_known_orgs(text: str, ents: list[Span], language: str) -> list[Span]:
    """Known names the model missed become ORG spans (where allowed); a PER/LOC/MISC span of exactly
    a known name becomes ORG (where allowed); the model's spans inside a longer known name ("General"
    of "General Motors") give way to the whole name."""
    found = mentions(text, language)
    if not found:
        return ents
    exact = {(s, e): allows for s, e, allows in found}
    out = [(s, e, "ORG" if label in _RELABEL and _RELABEL[label] in exact.get((s, e), "") else label)
           for s, e, label in ents]
    for s, e, allows in found:
        if "A" not in allows:
            continue
        touching = [x for x in out if x[0] < e and s < x[1]]
        if all(s <= a and b <= e and (a, b) != (s, e) and (label != "PER" or "P" in allows)
               for a, b, label in touching):
            out = [x for x in out if x not in touching] + [(s, e, "ORG")]
    return sorted(out)
