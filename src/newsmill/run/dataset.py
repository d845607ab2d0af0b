"""Ingest into a Parquet dataset: inputs -> units of work -> one shard each, on either engine.

    from newsmill.run.dataset import ingest_dataset, DatasetOptions
    report = ingest_dataset(["crawl/warc.paths.gz"], "news-parquet", DatasetOptions(engine="dask"))

The driver lists the units, drops those the manifest says are complete (resume), runs the rest on
the local engine (one unit after another, its pages over all cores) or on Dask (units spread over
workers), and appends each unit's manifest line as it finishes. Killing the driver at any moment
loses only the units still running.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsmill.run.dask_engine import DaskOptions
from newsmill.run.manifest import Entry, Manifest, failed_entry
from newsmill.run.output import Output
from newsmill.run.parquet_sink import remove_stale_temps
from newsmill.run.progress import DatasetProgress
from newsmill.run.task import TaskOptions, ingest_unit
from newsmill.run.units import Unit, expand

ENGINES = ("local", "dask")


@dataclass
class DatasetOptions:
    task: TaskOptions = field(default_factory=TaskOptions)
    engine: str = "local"
    dask: DaskOptions = field(default_factory=DaskOptions)
    retry_failed: bool = False
    progress: bool = True


@dataclass
class DatasetReport:
    inputs: int = 0
    skipped_done: int = 0  # complete before this run (resume)
    done: int = 0
    failed_inputs: int = 0
    pages: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    cpu_s: float = 0.0
    seconds: float = 0.0
    dashboard: str | None = None

    def add(self, entry: Entry) -> None:
        self.done += 1
        self.failed_inputs += entry.status == "failed"
        self.pages += entry.pages
        self.failures.update(entry.failures)
        self.cpu_s += entry.cpu_s

    def summary(self) -> str:
        lines = [f"{self.done} inputs done ({self.skipped_done} already complete, {self.failed_inputs} failed), "
                 f"{self.pages} pages stored, {sum(self.failures.values())} failed, "
                 f"{self.cpu_s:.1f} CPU s in {self.seconds:.1f} s"]
        lines += [f"  failed ({reason}): {n}" for reason, n in self.failures.most_common()]
        return "\n".join(lines)


def pending_units(inputs: list[str], out: str | Path | Output, retry_failed: bool) -> tuple[list[Unit], int]:
    """The units still to do and how many are complete already."""
    manifest = Manifest(out)
    units, done, seen = [], 0, set()
    for unit in expand(inputs):
        if unit.key in seen:  # the same input named twice
            continue
        seen.add(unit.key)
        if manifest.is_done(unit, retry_failed):
            done += 1
        else:
            units.append(unit)
    return units, done


def ingest_dataset(inputs: list[str], out: str | Path, options: DatasetOptions | None = None) -> DatasetReport:
    import time

    opts = options or DatasetOptions()
    if opts.engine not in ENGINES:
        raise ValueError(f"unknown engine {opts.engine!r} (one of {', '.join(ENGINES)})")
    started = time.monotonic()
    out_dir = Output(out)
    if opts.engine == "dask" and out_dir.protocol == "memory":
        raise ValueError(f"{out}: a memory:// folder lives in one process; the Dask engine needs an "
                         "output every worker can reach (a shared folder, s3://...)")
    out_dir.makedirs()
    remove_stale_temps(out_dir)
    manifest = Manifest(out_dir)
    units, already = pending_units(inputs, out_dir, opts.retry_failed)
    report = DatasetReport(inputs=len(units) + already, skipped_done=already)
    progress = DatasetProgress(len(units), sum(u.size for u in units), enabled=opts.progress)
    sizes = {u.key: u.size for u in units}

    def finished(entry: Entry, counted: bool) -> None:
        manifest.append(entry)
        report.add(entry)
        if counted:
            progress.unit_done(0, 0, sizes.get(entry.key, 0))
        else:
            progress.unit_done(entry.pages, entry.failure_count, sizes.get(entry.key, 0))

    try:
        if opts.engine == "local":
            _run_local(units, out_dir, opts, progress, finished)
        else:
            from newsmill.run.dask_engine import client, dashboard, run_units

            with client(replace(opts.dask, dashboard=opts.dask.dashboard and opts.progress)) as c:
                report.dashboard = progress.dashboard = dashboard(c)
                progress.update()
                run_units(c, units, out_dir.location(), opts.task, lambda e: finished(e, counted=True),
                          lambda pages, failures: progress.update(pages, failures, progress.bytes_done))
    finally:
        report.seconds = time.monotonic() - started
        # the live counts may include attempts that died and ran again: end on the manifest's
        progress.pages, progress.failures = report.pages, sum(report.failures.values())
        progress.finish()
    return report


def _run_local(units: list[Unit], out_dir: Output, opts: DatasetOptions, progress: DatasetProgress,
               finished: Callable[[Entry, bool], None]) -> None:
    def on_page(failed: bool) -> None:
        progress.update(pages=1, failures=int(failed), bytes_read=progress.bytes_done)

    for unit in units:
        try:
            entry = ingest_unit(unit, out_dir, opts.task, on_page=on_page)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # a bug or a dead pool: this unit fails, the others go on
            entry = failed_entry(unit, f"{type(exc).__name__}: {exc}"[:500])
        finished(entry, True)
