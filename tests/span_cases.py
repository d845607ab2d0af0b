"""Entity spans written by hand for the gazetteer tests: (start, end, label) from mentions."""

from __future__ import annotations


def spans(text: str, *items: tuple[str, str]) -> list[tuple[int, int, str]]:
    """The span of each (mention, label), at the mention's first place in ``text``."""
    out = []
    for mention, label in items:
        start = text.index(mention)
        out.append((start, start + len(mention), label))
    return out


def texts(text: str, found: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in found]
