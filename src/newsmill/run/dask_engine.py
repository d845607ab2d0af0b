"""The Dask engine: units of work as Dask tasks on a LocalCluster or an existing scheduler.

Each task is ``task.ingest_unit`` for one input file, with a one-process page pool inside it, so a
page that kills its process costs that page only. If the Dask worker itself dies (killed, out of
memory), its Nanny starts a new one and the scheduler runs the task again from the start; the
shard of the dead attempt was never renamed, so nothing half-written is ever seen. A unit whose
workers die more than Dask's ``allowed-failures`` times is recorded as failed, never retried for ever.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from newsmill.run.manifest import Entry, failed_entry
from newsmill.run.task import TaskOptions, ingest_unit
from newsmill.run.units import Unit

# Seconds to wait for a LocalCluster's workers to come up (a loaded 2-core machine is slow).
CLUSTER_START_TIMEOUT_S = 60


@dataclass
class DaskOptions:
    workers: int = 0  # LocalCluster processes (0: the cores of this machine)
    scheduler: str | None = None  # tcp://host:port of an existing cluster instead
    memory_limit: str = "auto"  # per worker, as Dask takes it ("4GB", "auto")


@contextlib.contextmanager
def client(options: DaskOptions) -> Iterator[Any]:
    """A Dask client on ``options.scheduler`` or on a new LocalCluster (closed on exit)."""
    import dask
    from distributed import Client, LocalCluster

    # the task's page pool starts child processes, which a daemonic worker may not
    with dask.config.set({"distributed.worker.daemon": False}):
        if options.scheduler:
            with Client(options.scheduler, timeout=CLUSTER_START_TIMEOUT_S) as c:  # type: ignore[no-untyped-call]
                yield c
            return
        from newsmill.run.local import RunOptions

        n = options.workers or RunOptions().workers()
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                               dashboard_address=":0", memory_limit=options.memory_limit,
                               silence_logs=logging.ERROR)
        with cluster, Client(cluster, timeout=CLUSTER_START_TIMEOUT_S) as c:  # type: ignore[no-untyped-call]
            yield c


def dashboard(c: Any) -> str | None:
    with contextlib.suppress(Exception):
        link = c.dashboard_link
        return str(link) if link else None
    return None


def run_units(c: Any, units: list[Unit], out_dir: str, opts: TaskOptions,
              on_done: Callable[[Entry], None]) -> None:
    """Every unit as a task; ``on_done`` gets each manifest entry as its task finishes."""
    from distributed import as_completed

    task_opts = replace(opts, run=replace(opts.run, jobs=1))  # Dask spreads units over workers
    by_key = {}
    futures = []
    for unit in units:
        # pure=False: a rerun after --retry-failed must not reuse a remembered result
        fut = c.submit(ingest_unit, unit, out_dir, task_opts, key=f"ingest-{unit.key}", pure=False)
        by_key[fut.key] = unit
        futures.append(fut)
    for fut in as_completed(futures):  # type: ignore[no-untyped-call]
        unit = by_key[fut.key]
        try:
            entry = fut.result()
        except Exception as exc:  # KilledWorker after repeated deaths, or a bug in the task
            entry = failed_entry(unit, f"{type(exc).__name__}: {exc}"[:500])
        on_done(entry)
        fut.release()
