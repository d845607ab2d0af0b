"""Word tables as regular expressions: the one alternation builder of extract and enrich."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], *, case_sensitive: frozenset[str] = frozenset(), any_space: bool = False) -> str:
    """``words`` as regex alternatives, longest first so that a longer entry wins over its prefix.

    Blank words are left out, and no words give a pattern that never matches: an empty alternative
    would match everywhere, so one blank entry in a table would mark every block. ``any_space``
    lets the words of a multi-word entry be separated by any run of white space (line breaks in
    dumps); entries in ``case_sensitive`` keep their case under a pattern compiled with ``re.I``.
    """
    kept = sorted({w for w in words if w.strip()}, key=lambda w: (-len(w), w))
    parts = []
    for word in kept:
        body = r"\s+".join(re.escape(w) for w in word.split()) if any_space else re.escape(word)
        parts.append(f"(?-i:{body})" if word in case_sensitive else body)
    return "|".join(parts) or "(?!)"
