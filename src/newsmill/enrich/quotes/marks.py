"""Pair quotation marks into quoted stretches, tolerating odd, missing and ASCII marks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

# A quotation longer than this is an unclosed mark swallowing the text, not a quote.
MAX_QUOTE_CHARS = 3000
# Deeper nesting than this is noise (stray marks); real news nests at most twice.
MAX_DEPTH = 3


@dataclass(frozen=True, slots=True)
class Marked:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark
    depth: int  # 0 for outermost
    # The quotation runs on into the next paragraph (the convention of an opening mark at each
    # paragraph and a closing mark only at the end): no closing mark here, ``end`` is just after
    # the paragraph's line break, so ``inner`` is still the paragraph's words.
    runs_on: bool = False

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _flanking(text: str, i: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``i`` from the characters around it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    can_open = not after.isspace() and (before.isspace() or before in "([{/–—-:" or not before.isalnum())
    can_close = not before.isspace() and (after.isspace() or not after.isalnum())
    if before.isalnum() and after.isalnum():  # an apostrophe: Kim's, geht's
        return False, False
    return can_open, can_close


@lru_cache(maxsize=16)
def _mark_table(marks: tuple[tuple[str, str], ...]) -> tuple[Mapping[str, frozenset[str]], re.Pattern[str]]:
    """Closing marks of each opening mark, and a pattern for every mark and line break; built once
    per set of marks (one per language), not per article."""
    closers_of: dict[str, set[str]] = {}
    for o, c in marks:
        closers_of.setdefault(o, set()).add(c)
    mark_chars = set(closers_of) | {c for _, c in marks}
    pattern = re.compile("[\n" + re.escape("".join(sorted(mark_chars))) + "]")
    return {o: frozenset(cs) for o, cs in closers_of.items()}, pattern


def _reopens(text: str, i: int, opener: str) -> bool:
    """The line break at ``i`` ends a paragraph and the next one opens with the same mark: the
    quotation open here goes on there (a closing mark then follows only its last paragraph)."""
    k = i
    while k < len(text) and text[k].isspace():
        k += 1
    return text.count("\n", i, k) >= 2 and k + 1 < len(text) and text[k] == opener and not text[k + 1].isspace()


def find_marked(text: str, marks: tuple[tuple[str, str], ...], warnings: list[str]) -> list[Marked]:
    """All quoted stretches (outermost and nested), sorted by start."""
    closers_of, pattern = _mark_table(marks)
    stack: list[tuple[str, int]] = []
    found: list[Marked] = []
    dropped = 0
    for m in pattern.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n" and stack:  # quotes reopen in every paragraph; an open one here is unclosed
            if len(stack) == 1 and _reopens(text, i, stack[0][0]):
                found.append(Marked(stack[0][1], i + 1, 0, runs_on=True))
            else:
                dropped += len(stack)
            stack.clear()
            continue
        if ch == "\n":
            continue
        while stack and i - stack[0][1] > MAX_QUOTE_CHARS:
            stack.pop(0)
            dropped += 1
        can_open, can_close = _flanking(text, i)
        if stack and ch in closers_of[stack[-1][0]] and can_close:
            _, start = stack.pop()
            found.append(Marked(start, i + 1, len(stack)))
        elif ch in closers_of and can_open and len(stack) < MAX_DEPTH:
            stack.append((ch, i))
    dropped += len(stack)
    if dropped:
        warnings.append(f"quotes: {dropped} quotation mark(s) left unpaired")
    found.sort(key=lambda m: (m.start, -m.end))
    return found
