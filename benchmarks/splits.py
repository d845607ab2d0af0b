"""Tuning and blind halves of every development set, the same for every benchmark and helper.

A page (or article, or sentence group) is in the blind half when the first byte of the SHA-1 of
``"<set>:<key>"`` is odd. The rule needs no list to keep in sync, gives ~50/50 on any set, and
cannot be nudged page by page. Rules are developed and tuned on ``tune`` only; ``blind`` is read
only to report it (``docs/benchmarks.md`` shows both side by side).

    from benchmarks.splits import half, in_half
    half("trafeval", "0a1b2c")          # -> "tune" or "blind"
    [p for p in pages if in_half("zyte", p.id, "tune")]
"""

from __future__ import annotations

import hashlib
from typing import Literal

Half = Literal["tune", "blind"]
HALVES: tuple[Half, ...] = ("tune", "blind")
# Split names for the command-line flag of each benchmark: both halves, or one.
CHOICES = ("all", "tune", "blind")


def half(set_name: str, key: str) -> Half:
    """The half of ``key`` (a page id, an article's file name) in the set ``set_name``."""
    digest = hashlib.sha1(f"{set_name}:{key}".encode()).digest()
    return "blind" if digest[0] & 1 else "tune"


def in_half(set_name: str, key: str, which: str) -> bool:
    """True when ``key`` belongs to ``which`` ("tune", "blind"; "all" takes every key)."""
    return which == "all" or half(set_name, key) == which
