"""Search queries: checked before they reach SQLite FTS5, and bounded in size and time.

A user types words, "a phrase", OR / AND / NOT, NEAR(...), title:word, prefix*. Typos in that
syntax (an unclosed quote, a lone ``*``, an unbalanced bracket, a bare operator) would be FTS5
syntax errors; such a query is searched as plain words instead (every word quoted), which is what
the user almost always meant. What cannot be searched at all — nothing left to search, too many
terms, too long, too slow — raises ``QueryError``, whose message is one line saying what to change:
the CLI prints it, the web UI shows it.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from newsmill.corpus.store import StoreError

# Terms (words, phrases, operators) in one query: 1,000 ORed terms took 21 s on a small corpus;
# a person's query has a handful, a generated "any of these names" list a few dozen.
MAX_TERMS = 64
# Characters in one query: longer than any query typed, short enough to parse in no time.
MAX_CHARS = 1000
# Seconds one query may run before it is stopped (the web UI serves several users).
DEFAULT_TIME_LIMIT_S = 5.0
# SQLite virtual-machine steps between two checks of the clock: frequent enough to stop within
# milliseconds of the limit, rare enough to cost nothing measurable.
_PROGRESS_STEPS = 10_000
_TERM = re.compile(r'"[^"]*"?|[^\s"()]+|[()]')
_OPERATORS = {"AND", "OR", "NOT"}
_COLUMNS = {"title", "lead", "text"}


class QueryError(StoreError):
    """A search query that cannot be run as given; the message says what to change."""


def terms(query: str) -> list[str]:
    """The query's terms: quoted phrases, words (with their operators and prefixes), brackets."""
    return [t for t in _TERM.findall(query) if t not in "()"]


def check(query: str) -> str:
    """The query, stripped, if it may be run; QueryError if it is empty, too long or has too many terms."""
    q = query.strip()
    if len(q) > MAX_CHARS:
        raise QueryError(f"the query is {len(q)} characters long; at most {MAX_CHARS} are searched "
                         "(search for fewer, more telling words)")
    n = len(terms(q))
    if n > MAX_TERMS:
        raise QueryError(f"the query has {n} terms; at most {MAX_TERMS} are searched "
                         "(split it into several searches)")
    if not as_words(q):
        raise QueryError("nothing to search for: give at least one word, e.g. newsmill search Putin")
    return q


def looks_valid(query: str) -> bool:
    """Whether the query is well-formed FTS5 as far as cheap checks tell: balanced quotes and
    brackets, no operator or ``*`` standing alone, no unknown ``column:``. A query that passes
    may still be refused by SQLite; the caller then falls back to ``as_words`` too."""
    if query.count('"') % 2:
        return False
    depth = 0
    for ch in re.sub(r'"[^"]*"', "", query):
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    if depth:
        return False
    words = re.sub(r'"[^"]*"', " x ", query).replace("(", " ").replace(")", " ").split()
    if not words or words[0] in _OPERATORS or words[-1] in _OPERATORS | {"NEAR"}:
        return False
    for a, b in zip(words, words[1:], strict=False):
        if a in _OPERATORS and b in _OPERATORS:
            return False
    for w in words:
        if w.strip("*^+-") == "" or w.startswith("*"):
            return False
        if ":" in w and w.split(":", 1)[0].lstrip("-{") not in _COLUMNS:
            return False
    return True


def as_words(query: str) -> str:
    """Every word of the query as a quoted FTS5 string: no syntax left that could be wrong.
    Only letters and digits make a word (FTS5's tokenizer ignores the rest anyway); operators
    written in capitals were meant as syntax and are dropped ("Putin OR" searches Putin)."""
    words = [re.sub(r"[^\w]+", " ", w).strip() for w in query.split() if w not in _OPERATORS | {"NEAR"}]
    return " ".join(f'"{w}"' for w in words if w)


def variants(query: str) -> list[str]:
    """The forms to try in order: the query as given when it looks valid, then as plain words."""
    q = check(query)
    plain = as_words(q)
    return [q, plain] if looks_valid(q) and q != plain else [plain]


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt any statement on ``conn`` that runs past ``seconds``; QueryError then."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), _PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" not in str(exc):
            raise
        raise QueryError(f"the search took longer than {seconds:g} s and was stopped; "
                         "use fewer or more specific words, or a filter (--site, --since)") from exc
    finally:
        conn.set_progress_handler(None, 0)
