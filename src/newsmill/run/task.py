"""The task both engines run: one unit of work (an input file) in, one Parquet shard and its
manifest entry out.

The task streams its input through the sources and hands each page to a local ``Pool`` (one
process on Dask, the machine's cores on the local engine): every page runs under the pool's time
and memory budget, and a page that kills its process (a segfault, ``os._exit``, the memory limit)
is recorded as failed while the task goes on with the next record. Only page bytes go to the page
process and only finished rows (JSON text, hashes, the signature) come back; the shard is written
by the task itself, so what crosses the network on Dask is a unit's name and its manifest entry.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from newsmill.page import Page
from newsmill.run.local import Pool, Result, RunOptions
from newsmill.run.manifest import MAX_LISTED_FAILURES, Entry
from newsmill.run.output import Output
from newsmill.run.parquet_sink import ShardWriter
from newsmill.run.units import Unit, is_remote
from newsmill.sources import SourceOptions, open_inputs
from newsmill.sources.files import FileOptions, file_kind
from newsmill.sources.items import Failure, Item, Skipped

PageFunc = Callable[[Page], Any]


@dataclass
class TaskOptions:
    sources: SourceOptions = field(default_factory=SourceOptions)
    run: RunOptions = field(default_factory=RunOptions)
    language: str | None = None
    enrich: bool = True
    # The work for one page (default: ``pipeline.process_page``); a module-level function, so it
    # travels to Dask workers and page processes by name.
    page_func: PageFunc | None = None


def _timed(func: PageFunc, page: Page) -> tuple[Any, float]:
    """Runs in the page process: the row and the CPU seconds it took there."""
    start = time.process_time()
    row = func(page)
    return row, time.process_time() - start


def page_worker(opts: TaskOptions) -> Callable[[Page], tuple[Any, float]]:
    from newsmill.run.pipeline import process_page

    func = opts.page_func or functools.partial(process_page, language=opts.language, enrich=opts.enrich)
    return functools.partial(_timed, func)


def unit_items(unit: Unit, sources: SourceOptions) -> Iterator[Item]:
    """The pages and notes of one unit: local paths through the sources, remote files streamed
    through fsspec."""
    local = [p for p in unit.paths if not is_remote(p)]
    if local:
        yield from open_inputs(local, sources)
    for url in (p for p in unit.paths if is_remote(p)):
        yield from _remote_items(url, sources)


def _remote_items(url: str, sources: SourceOptions) -> Iterator[Item]:
    from newsmill.run.remote import RemotePath
    from newsmill.sources.files import pages_from_jsonl
    from newsmill.sources.warc import pages_from_warc

    try:
        path: Any = RemotePath(url)
        if not path.is_file():
            yield Failure(url, "read", "missing", f"no such remote file: {url}")
            return
    except Exception as exc:  # no fsspec back end for the scheme, unreachable host, bad URL
        yield Failure(url, "read", "unreadable", f"{type(exc).__name__}: {exc}")
        return
    kind = file_kind(path)
    if kind == "warc":
        yield from pages_from_warc(path, sources.max_bytes, _never)
    elif kind == "jsonl":
        yield from pages_from_jsonl(path, FileOptions(sources.max_bytes, sources.input_format), _never)
    else:
        yield Failure(url, "read", "unsupported", "remote inputs are WARC or JSON Lines files")


def _never(_: str) -> bool:
    return False


def ingest_unit(unit: Unit, out_dir: str | Output, opts: TaskOptions,
                on_page: Callable[[bool], None] | None = None) -> Entry:
    """Read, extract and store one unit into ``out_dir/part-<key>.parquet``; its manifest entry."""
    started, cpu_start = time.monotonic(), time.process_time()
    if not opts.run.preload:
        opts.run.preload = ("newsmill.run.warmup_enrich" if opts.enrich else "newsmill.run.warmup",)
    entry = Entry(unit.key, unit.label, unit.stamp)
    failures: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    page_cpu = 0.0
    writer = ShardWriter(out_dir, unit.key)
    try:
        for outcome in Pool(page_worker(opts), opts.run).run(unit_items(unit, opts.sources)):
            if isinstance(outcome, Result):
                row, cpu = outcome.value
                writer.add(row, outcome.key)
                page_cpu += cpu
                entry.records += 1
                entry.pages += 1
            elif isinstance(outcome, Failure):
                failures[f"{outcome.stage}: {outcome.reason}"] += 1
                entry.records += 1
                if len(entry.failed) < MAX_LISTED_FAILURES:
                    entry.failed.append({"key": outcome.key, "stage": outcome.stage,
                                         "reason": outcome.reason, "detail": outcome.detail[:500]})
            elif isinstance(outcome, Skipped):
                skipped[outcome.reason] += outcome.count
                entry.records += outcome.count
            if on_page is not None and isinstance(outcome, Result | Failure):
                on_page(isinstance(outcome, Failure))
        entry.shard = writer.commit()
    except BaseException:
        writer.abort()
        raise
    entry.failures, entry.skipped = dict(failures), dict(skipped)
    entry.cpu_s = round(time.process_time() - cpu_start + page_cpu, 3)
    entry.seconds = round(time.monotonic() - started, 3)
    return entry
