"""Ingest: sources -> pages -> (worker pool) extraction -> the SQLite store.

``ingest(inputs, db, options)`` is the whole path; ``newsmill ingest`` is a thin layer over it.
Results are written in small transactions (every BATCH_ROWS rows or COMMIT_EVERY_S seconds), each
with the "done" marks of its inputs, so an interrupted run keeps what it stored and a rerun skips
it. A store fault (disk full, database locked too long) stops the batch with a clear message;
everything committed before stays.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsmill.corpus.ingest_lock import ingest_lock
from newsmill.corpus.store import DEFAULT_BUSY_TIMEOUT_S, ArticleRow, Store, StoreError
from newsmill.extract.options import ExtractOptions
from newsmill.page import Page
from newsmill.run.local import Outcome, Pool, Result, RunOptions
from newsmill.run.progress import Progress
from newsmill.sources import SourceOptions, open_inputs
from newsmill.sources.files import walk
from newsmill.sources.items import Failure, Finished, Skipped

# Rows per transaction: large enough that commits cost little (~1 ms each in WAL mode), small
# enough that a crash loses at most a second of work.
BATCH_ROWS = 200
COMMIT_EVERY_S = 1.0
# Attempts at a batch when another process holds the write lock past the busy timeout.
LOCK_RETRIES = 3


class EmptyArticle(ValueError):
    """The page held no article text (a front page, an error page, a gallery)."""

    reason = "empty"


@dataclass
class IngestOptions:
    sources: SourceOptions = field(default_factory=SourceOptions)
    run: RunOptions = field(default_factory=RunOptions)
    language: str | None = None  # force a language instead of detecting it
    enrich: bool = True  # entities, places, quotes and times for every article (``--no-enrich``: off)
    retry_failed: bool = False  # run inputs that failed before again
    progress: bool = True
    busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    stopped: str | None = None  # why the batch stopped early (a store fault), else None
    linked: int = 0  # lone surnames and acronyms given their full name's id (corpus/links.py)

    @property
    def pages(self) -> int:
        return self.new + self.updated + self.duplicates + sum(self.failed.values())

    def summary(self) -> str:
        lines = [f"{self.new} new, {self.updated} updated, {self.duplicates} exact duplicates, "
                 f"{sum(self.failed.values())} failed in {self.seconds:.1f} s"]
        lines += [f"  failed ({reason}): {n}" for reason, n in self.failed.most_common()]
        lines += [f"  skipped ({reason}): {n}" for reason, n in self.skipped.most_common()]
        if self.linked:
            lines.append(f"  linked across articles: {self.linked} surname or acronym mentions")
        if self.stopped:
            lines.append(f"stopped early: {self.stopped}")
        return "\n".join(lines)


def process_page(page: Page, language: str | None = None, enrich: bool = False) -> ArticleRow:
    """The work done for one page in a worker: extract (and enrich), then prepare the row and its
    dedup keys."""
    from newsmill.corpus.dedup import signature
    from newsmill.extract import extract_page

    article = extract_page(page, ExtractOptions(url=page.url, published=page.published, language=language))
    if not article.text.strip():
        raise EmptyArticle("no article text found on the page")
    if enrich:
        from newsmill.enrich import enrich as enrich_article

        enrich_article(article)
    return ArticleRow.of(article, signature(article.text))


class _Done:
    """``skip(key)`` for the sources: asks the store on the calling thread's own read-only connection."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.local = threading.local()
        self._stores: list[Store] = []
        self._guard = threading.Lock()

    def __call__(self, key: str) -> bool:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.db, readonly=True)
            with self._guard:
                self._stores.append(store)
        return store.is_done(key)

    def close(self) -> None:
        with self._guard:
            for store in self._stores:
                store.close()
            self._stores.clear()


class _Writer:
    """Buffers outcomes and writes them in small transactions."""

    def __init__(self, store: Store, report: IngestReport) -> None:
        self.store = store
        self.report = report
        self.pending: list[Outcome] = []
        self.last = time.monotonic()

    def add(self, outcome: Outcome) -> None:
        self.pending.append(outcome)
        if len(self.pending) >= BATCH_ROWS or time.monotonic() - self.last >= COMMIT_EVERY_S:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        for attempt in range(LOCK_RETRIES):
            try:
                with self.store.transaction():
                    counts = [self._write(o) for o in self.pending]
                break
            except StoreError as exc:
                if "locked" not in str(exc) or attempt == LOCK_RETRIES - 1:
                    raise
        for outcome in counts:
            self._count(outcome)
        self.pending.clear()
        self.last = time.monotonic()

    def _write(self, outcome: Outcome) -> tuple[str, str, int]:
        """(kind, what, how many) for the report, once the transaction has committed."""
        if isinstance(outcome, Result):
            result = self.store.add_row(outcome.value, outcome.key)
            self.store.mark_done(outcome.key)
            return ("stored", result, 1)
        if isinstance(outcome, Failure):
            self.store.add_failure(outcome.key, outcome.stage, outcome.reason, outcome.detail)
            self.store.mark_done(outcome.key, "failed")
            return ("failed", f"{outcome.stage}: {outcome.reason}", 1)
        if isinstance(outcome, Finished):
            self.store.mark_done(outcome.key)
            return ("finished", "", 1)
        assert isinstance(outcome, Skipped)
        return ("skipped", outcome.reason, outcome.count)

    def _count(self, counted: tuple[str, str, int]) -> None:
        kind, what, n = counted
        r = self.report
        if kind == "stored":
            r.new += what == "new"
            r.updated += what == "updated"
            r.duplicates += what == "duplicate"
        elif kind == "failed":
            r.failed[what] += 1
        elif kind == "skipped":
            r.skipped[what] += n


def input_bytes(inputs: Sequence[str]) -> int:
    """Total size of the local inputs, for the progress bar's ETA (URLs count as nothing)."""
    total = 0
    for spec in inputs:
        path = Path(spec)
        files = [p for p in walk(path) if isinstance(p, Path)] if path.is_dir() else [path]
        total += sum(p.stat().st_size for p in files if p.is_file())
    return total


def ingest(inputs: Sequence[str], db: str | Path, options: IngestOptions | None = None,
           on_outcome: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Read, extract and store every page of ``inputs`` into the corpus at ``db``."""
    opts = options or IngestOptions()
    if not opts.run.preload:
        opts.run.preload = ("newsmill.run.warmup_enrich" if opts.enrich else "newsmill.run.warmup",)
    report = IngestReport()
    started = time.monotonic()
    with ingest_lock(db), Store(db, busy_timeout_s=opts.busy_timeout_s) as store:
        if opts.retry_failed:
            store.forget_failures()
        writer = _Writer(store, report)
        pool = Pool(functools.partial(process_page, language=opts.language, enrich=opts.enrich), opts.run)
        progress = Progress(input_bytes(inputs), enabled=opts.progress)
        done = _Done(Path(db))
        items = open_inputs(inputs, opts.sources, skip=done)
        try:
            for outcome in pool.run(items):
                writer.add(outcome)
                progress.update(pages=isinstance(outcome, Result | Failure),
                                failures=isinstance(outcome, Failure), bytes_read=pool.bytes_read)
        except StoreError as exc:
            report.stopped = str(exc)
        finally:
            report.seconds = time.monotonic() - started
            if report.stopped is None:
                try:
                    writer.flush()  # also on Ctrl-C: keep what the workers already finished
                    report.linked = store.link_entities()
                except StoreError as exc:
                    report.stopped = str(exc)
            progress.finish(pool.bytes_read)
            done.close()
    return report
