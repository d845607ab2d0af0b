"""Big read-only lookup tables as memory-mapped files in a per-machine cache, not Python objects.

A word list held as a dict or a set costs ~100 bytes a word in every process that loads it: with
several workers per machine, each with a fork server and page processes, the NER models' name
lists (~400,000 words a language), the German noun forms (~256,000) and the language identifier's
state machine were ~160 MB of every worker. Here each is written once per machine, from the
shipped source file, to a file in the cache directory and opened memory-mapped: the operating
system keeps one copy in its page cache for every process on the machine, a process maps only
the pages its lookups touch, and none of it is the process's private memory.

The cache file is named by the content hash of its source, so a changed source (a retrained model,
an updated package) gets a new file and never a stale answer. It is written under a temporary name
and renamed, so processes building it at once (the workers of a new machine) never read a half
file. Where no cache directory can be written, callers fall back to loading the source as Python
objects: slower to start, more memory, the same answers.

The directory is ``$NEWSMILL_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsmill``, else ``~/.cache/newsmill``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

# Answers kept per table and process: an article has a few hundred distinct words, and most of them
# come again in the next article. Bounded, so a page process's private memory does not grow.
CACHE_WORDS = 8192
# Part of every cache file's key: bumped when a file's layout changes.
FORMAT = "1"


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSMILL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsmill"


def content_key(source: Path | bytes, kind: str) -> str:
    """A short name for what the cache file is derived from: its kind, the layout and the source's bytes."""
    digest = hashlib.blake2b(digest_size=10)
    digest.update(f"{kind}\0{FORMAT}\0".encode())
    digest.update(source if isinstance(source, bytes) else Path(source).read_bytes())
    return f"{kind}-{digest.hexdigest()}"


def cached(key: str, suffix: str, build: Callable[[Path], None]) -> Path | None:
    """The cache entry ``key``: built by ``build(temporary path)`` when missing, then renamed into
    place. None when the cache directory cannot be written (the caller loads the source instead)."""
    folder = cache_dir()
    final = folder / f"{key}{suffix}"
    if final.exists():
        return final
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=folder))
    except OSError:
        return None
    try:
        target = tmp / f"entry{suffix}"
        build(target)
        try:
            os.replace(target, final)
        except OSError:  # another process renamed its copy first (a directory cannot replace one)
            if not final.exists():
                return None
        return final
    except OSError:
        return None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class WordTable(Mapping[str, str]):
    """A read-only ``str → str`` table in a SQLite file (a set when every value is "").

    Opened immutable and memory-mapped, with SQLite's own (private) page cache cut to 256 KB; a
    connection per thread and a new one in a forked child (a connection must not cross a fork).
    A lookup is an indexed query (~2–3 µs); recent answers are kept in a bounded cache.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._size = path.stat().st_size
        self._local = threading.local()
        self._lookup = lru_cache(maxsize=CACHE_WORDS)(self._query)

    @staticmethod
    def write(path: Path, items: Iterable[tuple[str, str]]) -> None:
        """Write ``items`` (unique keys) to a new table file at ``path``."""
        conn = sqlite3.connect(path)
        try:
            with conn:
                conn.execute("CREATE TABLE word (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
                conn.executemany("INSERT INTO word VALUES (?, ?)", sorted(items))
            conn.execute("VACUUM")
        finally:
            conn.close()

    def _conn(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            conn.execute(f"PRAGMA mmap_size = {self._size}")
            conn.execute("PRAGMA cache_size = -256")
            local.conn, local.pid = conn, os.getpid()
        conn = local.conn
        assert isinstance(conn, sqlite3.Connection)
        return conn

    def _query(self, key: str) -> str | None:
        row = self._conn().execute("SELECT value FROM word WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        value = self._lookup(key)
        return default if value is None else value

    def __getitem__(self, key: str) -> str:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (str(k) for (k,) in self._conn().execute("SELECT key FROM word ORDER BY key").fetchall())

    def __len__(self) -> int:
        return int(self._conn().execute("SELECT count(*) FROM word").fetchone()[0])

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled (spaCy copies a pipeline that way) as the path, reopened on the other side
        return (WordTable, (self.path,))


def word_table(source: Path, kind: str, load: Callable[[], Mapping[str, str] | Iterable[str]]) -> Mapping[str, str]:
    """The table derived from ``source`` (``load()`` reads it: a mapping, or words for a set with
    values ""), memory-mapped from the cache; ``load()``'s own result where no cache can be written."""
    loaded: list[Mapping[str, str] | Iterable[str]] = []

    def build(path: Path) -> None:
        data = load()
        loaded.append(data)
        WordTable.write(path, _items(data))

    with contextlib.suppress(OSError, sqlite3.Error):
        path = cached(content_key(source, kind), ".sqlite", build)
        if path is not None:
            return WordTable(path)
    data = loaded[0] if loaded else load()
    return data if isinstance(data, Mapping) else dict.fromkeys(data, "")


def _items(data: Mapping[str, str] | Iterable[str]) -> Iterable[tuple[str, str]]:
    if isinstance(data, Mapping):
        return data.items()
    return ((word, "") for word in set(data))
