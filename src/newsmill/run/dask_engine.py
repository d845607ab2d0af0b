"""The Dask engine: units of work as Dask tasks on a LocalCluster or an existing scheduler.

Each task is ``task.ingest_unit`` for one input file, with a one-process page pool inside it, so a
page that kills its process costs that page only. If the Dask worker itself dies (killed, out of
memory), its Nanny starts a new one and the scheduler runs the task again from the start; the
shard of the dead attempt was never renamed, so nothing half-written is ever seen. A unit whose
workers die more than Dask's ``allowed-failures`` times is recorded as failed, never retried for ever.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from newsmill.run.manifest import Entry, failed_entry
from newsmill.run.task import TaskOptions, ingest_unit
from newsmill.run.units import Unit

# Seconds to wait for a LocalCluster's workers to come up (a loaded 2-core machine is slow).
CLUSTER_START_TIMEOUT_S = 60
# Live page counts go from the tasks to the driver as Dask events, batched this often (seconds).
PAGE_EVENT_EVERY_S = 1.0
PAGE_TOPIC = "newsmill-pages"
# Settings for the workers of our own LocalCluster (an existing cluster's workers keep theirs; the
# runbook in docs/design/scale.md gives the same as environment variables for `dask worker`):
# - daemon off: the task's page pool starts child processes (see ``local._children_allowed``);
# - no statistical profiler: it samples the task thread's stack every 10 ms, on the CPU the task
#   is charged for, to draw a dashboard panel nobody needs for a unit of whole-file tasks. Off, the
#   extract-only x1 run went from 58.7 to 63.4 pages per manifest CPU s (Dask overhead 19 -> 16 %).
# - the periodic monitors less often: an idle 1-worker LocalCluster burned 22 ms of CPU per second
#   in the driver (scheduler, nanny) and 16 ms in the worker, mostly the memory monitor (every
#   100 ms, psutil), the system monitor (every 500 ms, for dashboard plots) and the event-loop
#   health tick (every 20 ms); with the settings below 7 and 4 ms. A task's pages are bounded by
#   their own process's memory limit, so a worker's memory checked every second is soon enough.
#   The tick at 1 s instead of 200 ms took an idle 2-worker cluster from 17 to 13 ms of CPU a
#   second (it only measures the loop's own lag, for a warning after 3 s).
# - no work stealing: a task is a whole input file, queued on the scheduler until a worker is free;
#   there is nothing to steal, only a balancing pass every second to pay for.
# - no MALLOC_TRIM_THRESHOLD_ in the workers' environment (Dask sets 65536 to hand freed memory
#   back sooner): setting it turns off glibc's sliding mmap threshold, so every buffer over
#   128 kB (a page's HTML, its pickle to the page process) is mapped, faulted in and unmapped
#   each time. Reading a WARC's records took 0.32 instead of 0.21 ms a record under it, in the
#   worker's reader thread and again in the page processes, which inherit the environment. The
#   task trims the heap itself where memory is freed in bulk (after each page, each row group).
LOCAL_CLUSTER_CONFIG = {"distributed.worker.daemon": False, "distributed.worker.profile.enabled": False,
                        "distributed.worker.memory.monitor-interval": "1s",
                        "distributed.admin.system-monitor.interval": "2s",  # 10 s without a dashboard
                        "distributed.admin.system-monitor.disk": False,
                        "distributed.admin.tick.interval": "1s",
                        "distributed.scheduler.work-stealing": False,
                        "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}

# The system monitor samples CPU, memory and the host's network counters for the dashboard's
# plots (psutil; the network read was 28 % of an idle worker's CPU at 2 s): every 10 s when no
# dashboard is served.
UNWATCHED_SYSTEM_MONITOR = "10s"
# Seconds between a worker's heartbeats on our own LocalCluster. Dask's scheduler asks every
# worker of a cluster of up to ten for one every 0.5 s (its metrics, its running tasks), which was
# half of an idle worker's CPU and a third of the scheduler's; liveness needs far less (a worker
# is given up after five minutes without one), and our tasks report their pages by events.
HEARTBEAT_S = 2.0


@dataclass
class DaskOptions:
    workers: int = 0  # LocalCluster processes (0: the cores of this machine)
    scheduler: str | None = None  # tcp://host:port of an existing cluster instead
    memory_limit: str = "auto"  # per worker, as Dask takes it ("4GB", "auto")
    # Serve the dashboard (a LocalCluster's; an existing scheduler has its own). Importing Bokeh
    # and serving it costs ~0.4 s of CPU per run, so a run nobody watches (--quiet, scripts,
    # benchmarks) goes without.
    dashboard: bool = True


@contextlib.contextmanager
def client(options: DaskOptions) -> Iterator[Any]:
    """A Dask client on ``options.scheduler`` or on a new LocalCluster (closed on exit)."""
    import dask
    from distributed import Client, LocalCluster

    # The task's page pool starts child processes. It can do so on a daemonic worker too (see
    # ``local._children_allowed``, what an existing cluster's `dask worker` is by default); our own
    # LocalCluster's workers are simply started non-daemonic.
    config = dict(LOCAL_CLUSTER_CONFIG)
    if not options.dashboard:
        config["distributed.admin.system-monitor.interval"] = UNWATCHED_SYSTEM_MONITOR
    with dask.config.set(config):
        if options.scheduler:
            with Client(options.scheduler, timeout=CLUSTER_START_TIMEOUT_S) as c:  # type: ignore[no-untyped-call]
                yield c
            return
        from newsmill.run.local import RunOptions

        n = options.workers or RunOptions().workers()
        with _heartbeats_every(HEARTBEAT_S):
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                                   dashboard_address=":0" if options.dashboard else None,
                                   memory_limit=options.memory_limit, silence_logs=logging.ERROR)
            with cluster, Client(cluster, timeout=CLUSTER_START_TIMEOUT_S) as c:  # type: ignore[no-untyped-call]
                yield c


@contextlib.contextmanager
def _heartbeats_every(seconds: float) -> Iterator[None]:
    """Workers of a LocalCluster started meanwhile beat at most every ``seconds``.

    The interval is not a setting: the scheduler computes it from the number of workers
    (``distributed.scheduler.heartbeat_interval``) and sends it back with every heartbeat. A
    LocalCluster's scheduler runs in this process, so the function is wrapped here for the
    cluster's lifetime (restored after; a Dask without it keeps its own interval).
    """
    from distributed import scheduler

    original = getattr(scheduler, "heartbeat_interval", None)
    if not callable(original):
        yield
        return
    scheduler.heartbeat_interval = functools.partial(_at_least, original, seconds)
    try:
        yield
    finally:
        scheduler.heartbeat_interval = original


def _at_least(interval: Callable[[int], float], seconds: float, workers: int) -> float:
    return max(float(interval(workers)), seconds)


def dashboard(c: Any) -> str | None:
    with contextlib.suppress(Exception):
        link = c.dashboard_link
        return str(link) if link else None
    return None


class _PageEvents:
    """In a task: counts pages and failures, sends them to the driver at most every second."""

    def __init__(self) -> None:
        from distributed import get_worker

        self.worker = get_worker()
        self.pages = self.failures = 0
        self.last = time.monotonic()

    def __call__(self, failed: bool) -> None:
        self.pages += 1
        self.failures += failed
        if time.monotonic() - self.last >= PAGE_EVENT_EVERY_S:
            self.flush()

    def flush(self) -> None:
        if self.pages:
            with contextlib.suppress(Exception):  # progress is best effort, never the task's failure
                self.worker.log_event(PAGE_TOPIC, {"pages": self.pages, "failures": self.failures})
        self.pages = self.failures = 0
        self.last = time.monotonic()


def dask_task(unit: Unit, out_dir: str, opts: TaskOptions) -> Entry:
    """``ingest_unit`` on a Dask worker, with live page counts for the driver's progress line."""
    events = _PageEvents()
    try:
        return ingest_unit(unit, out_dir, opts, on_page=events)
    finally:
        events.flush()


def run_units(c: Any, units: list[Unit], out_dir: str, opts: TaskOptions,
              on_done: Callable[[Entry], None], on_pages: Callable[[int, int], None] | None = None) -> None:
    """Every unit as a task; ``on_done`` gets each manifest entry as its task finishes and
    ``on_pages(pages, failures)`` the live counts the tasks send while they run."""
    from distributed import as_completed

    if on_pages is not None:
        c.subscribe_topic(PAGE_TOPIC, lambda event: on_pages(event[1]["pages"], event[1]["failures"]))
    task_opts = replace(opts, run=replace(opts.run, jobs=1))  # Dask spreads units over workers
    by_key = {}
    futures = []
    for unit in units:
        # pure=False: a rerun after --retry-failed must not reuse a remembered result
        fut = c.submit(dask_task, unit, out_dir, task_opts, key=f"ingest-{unit.key}", pure=False)
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
