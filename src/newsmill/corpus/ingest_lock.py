"""One ingest at a time per corpus: a second one would re-extract every page the first has not
marked done yet and report them all as "updated" (see docs/decisions.md, "Concurrent ingests").

The lock is ``flock`` on a file beside the database (``<db>.ingest-lock``): the kernel drops it
when the process ends, however it ends (kill -9 included), so a stale lock cannot block a corpus.
Readers (search, export, the web UI) never take it. Where ``fcntl`` is missing (Windows) there is no
lock and SQLite's own write lock is the only guard.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsmill.corpus.store import StoreError

SUFFIX = ".ingest-lock"


class IngestLocked(StoreError):
    """Another ingest is writing to the same corpus."""


@contextmanager
def ingest_lock(db: str | Path) -> Iterator[None]:
    """Hold the corpus's ingest lock for the block; IngestLocked at once if another process has it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    path = Path(f"{db}{SUFFIX}")
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield  # a folder we may not write: the database cannot be written either, SQLite says so
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise IngestLocked(f"another ingest (process {holder}) is writing to {db}; wait for it to "
                               "finish, then run this one again (pages it stored are skipped)") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock
