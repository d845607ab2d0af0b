"""A local process pool where every page runs inside a time and memory budget.

Each worker is a process with an address-space limit (``RLIMIT_AS``); the parent watches the
clock of the page each worker is on. A page that overruns its time is killed with its worker, a
page that exhausts memory or crashes the worker (a segfault in a C parser) is recorded; either
way a fresh worker takes the dead one's place and the batch goes on. Pages still queued on a
dead worker are handed out again, so only the guilty page is lost.

Inputs are read on a thread (a slow URL fetch must not stall the watchdog), and notes from the
sources (failures, skips, "this file is finished") are passed on only once every page read
before them has come back, so a "finished" marker is never stored before its pages.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from newsmill.sources.items import Failure, Item, Note, Task

# Wall-clock seconds one page may take in a worker before it is killed. The extractors have their
# own 10 s budget and stop politely; this is the hard stop for a page stuck in C code.
DEFAULT_PAGE_TIMEOUT_S = 60.0
# Address space per worker. A worker with lxml, numpy and a big page uses ~300-600 MB of address
# space; 2 GB leaves room for a 20 MB page's DOM and stops a runaway one long before the machine swaps.
DEFAULT_MEMORY_MB = 2048
# Items read ahead from the sources (bounds memory when reading is faster than extracting).
READ_AHEAD_PER_WORKER = 8
# ... and at most this many bytes of pages waiting in the queue, however many workers: 64 workers
# times 8 pages of 20 MB would otherwise be 10 GB in the parent.
MAX_QUEUED_BYTES = 256_000_000
# How long the parent waits for a worker message before checking the clocks again.
_POLL_S = 0.05
# Idle nap while no worker is busy and the reader has not delivered yet: short, so new pages start fast.
_IDLE_S = _POLL_S / 5
# Seconds the reader thread blocks on a full queue or a byte budget before checking for a stop.
_READER_WAIT_S = 0.2
# At shutdown, workers get this long to exit on their own before they are killed.
_SHUTDOWN_GRACE_S = 2.0
# Seconds to wait for a killed worker to be reaped (SIGKILL cannot be ignored, so these are ample);
# shorter at shutdown, where every worker is waited for in turn and the user is waiting.
_KILL_JOIN_S = 5.0
_SHUTDOWN_KILL_JOIN_S = 1.0
# Pages one worker process handles before a fresh one, forked from the fork server, takes over.
# spaCy's vocabulary and string store grow with every new word and Python's heap does not shrink
# after a big page; a fresh process starts from the fork server's shared, frozen state, so a
# worker's private memory stays flat however long the input. Forking a warm worker costs ~20 ms.
DEFAULT_PAGES_PER_PROCESS = 200
# Workers that die before they are ready: past this many, something is broken, not a page.
MAX_START_FAILURES = 5
_EXIT_MEMORY = 3
# The page clock is the worker's CPU time, so a busy machine that starves a worker of the processor
# does not kill a normal page; a worker stuck without using the CPU (blocked in I/O or C code that
# sleeps) is still stopped once its wall time passes this multiple of the limit, and never before
# the floor: with a short limit a loaded machine can hold a worker off the processor for seconds.
_WALL_BACKSTOP = 3.0
_WALL_BACKSTOP_MIN_S = 15.0
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# Characters of an unexpected exception's message sent back: the cause, not a dump of the page.
_ERROR_DETAIL_CHARS = 500
_END = object()


@dataclass
class RunOptions:
    jobs: int = 0  # 0: all cores
    page_timeout_s: float = DEFAULT_PAGE_TIMEOUT_S
    memory_mb: int = DEFAULT_MEMORY_MB
    pages_per_process: int = DEFAULT_PAGES_PER_PROCESS  # 0: a worker lives until it dies
    # modules the fork server imports once, so every worker starts with them loaded
    preload: tuple[str, ...] = ()

    def workers(self) -> int:
        if self.jobs > 0:
            return self.jobs
        try:
            return len(os.sched_getaffinity(0))  # the cores this process may use, not all there are
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1


@dataclass
class Result:
    """The value ``func`` returned for one task."""

    key: str
    value: Any


Outcome = Result | Note


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: time budget still applies
        pass


def release_free_memory() -> None:
    """Hands the C heap's free pages back to the system (glibc ``malloc_trim``; elsewhere nothing).

    A big page's DOM (libxml2) and spaCy Doc are freed when the page is done, but glibc keeps the
    freed pages resident, so a page process's memory would stay at the high-water mark of its
    biggest page until it is recycled. Trimming after each page costs ~0.5 ms (under 1 % of an
    enriched page) and took a page process's private memory after 200 pages from 118 to 84 MB.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        func: Callable[[int], int] = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return None
    return func


def _worker_main(conn: Connection, func: Callable[[Any], Any], memory_mb: int,
                 preload: tuple[str, ...] = ()) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    _limit_memory(memory_mb)
    # Already loaded when the fork server preloaded them; not when that server was started earlier
    # in this process by a pool without them (it is one per process): then warm up here, before
    # the ready message, so loading models is never charged to the first page's clock.
    for module in preload:
        with contextlib.suppress(Exception):
            importlib.import_module(module)
    conn.send((None, True, None))  # ready: the page clock starts only now, not while starting up
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        key, payload = msg
        try:
            result = func(payload)
            release_free_memory()
            conn.send((key, True, result))
        except MemoryError:
            # the heap may be in a bad state: report if possible, then let a fresh worker take over
            with contextlib.suppress(BaseException):
                conn.send((key, False, ("memory", f"page needed more than {memory_mb} MB")))
            os._exit(_EXIT_MEMORY)
        except Exception as exc:  # one bad page must not stop the worker
            conn.send((key, False, _classify(exc)))


def _classify(exc: Exception) -> tuple[str, str]:
    from newsmill.page import InputError

    if isinstance(exc, InputError):
        return "input", str(exc)
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str):
        return reason, str(exc)
    return f"error: {type(exc).__name__}", str(exc)[:_ERROR_DETAIL_CHARS]


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds of a live process (Linux /proc); None where that cannot be read."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            # the command name may hold spaces or parentheses: the fields start after its last ")"
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    # One page at a time: a send then never blocks on a worker stuck in C code with a full pipe.
    inflight: deque[tuple[int, Task]] = field(default_factory=deque)
    started: float = 0.0  # when the page in ``inflight`` was handed over
    cpu_started: float | None = None  # the worker's CPU seconds then (None: not readable here)
    ready: bool = False
    retiring: bool = False  # reported a MemoryError and is exiting: give it no more pages
    pages: int = 0  # pages it has returned


class Pool:
    """Runs ``func(page)`` for every Task in worker processes; yields Results and Notes in order."""

    def __init__(self, func: Callable[[Any], Any], options: RunOptions | None = None) -> None:
        self.func = func
        self.options = options or RunOptions()
        methods = mp.get_all_start_methods()
        # forkserver: workers start from a clean process, not a copy of a parent with threads
        self.ctx: Any = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
        if self.options.preload and "forkserver" in methods:
            self.ctx.set_forkserver_preload(list(self.options.preload))
        self.workers: list[_Worker] = []
        self.retired: list[_Worker] = []  # recycled workers on their way out
        self.retry: deque[tuple[int, Task]] = deque()
        self.outstanding: set[int] = set()
        self.notes: deque[tuple[int, Note]] = deque()
        self.seq = 0
        self.dead_on_start = 0
        self.bytes_read = 0  # input bytes read so far (the reader thread adds to it)
        self._queued_bytes = 0
        self._room = threading.Condition()

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.func, self.options.memory_mb, self.options.preload),
                                daemon=True)
        with _children_allowed():
            proc.start()
        child.close()
        return _Worker(proc, parent)

    def run(self, items: Iterable[Item]) -> Iterator[Outcome]:
        feed: queue.Queue[Any] = queue.Queue(maxsize=READ_AHEAD_PER_WORKER * self.options.workers())
        stop = threading.Event()
        reader = threading.Thread(target=self._read_into, args=(items, feed, stop), daemon=True)
        reader.start()
        self.workers = [self._spawn() for _ in range(self.options.workers())]
        try:
            yield from self._loop(feed)
        finally:
            stop.set()
            self._shutdown()

    def _loop(self, feed: queue.Queue[Any]) -> Iterator[Outcome]:
        exhausted = False
        while True:
            exhausted = self._dispatch(feed, exhausted)
            yield from self._ready_notes()
            busy = [w for w in self.workers if w.inflight or not w.ready]
            if exhausted and not busy and not self.retry:
                yield from (note for _, note in self.notes)
                return
            if busy:
                yield from self._collect(busy)
            elif not exhausted:
                time.sleep(_IDLE_S)
            yield from self._watchdog()

    def _dispatch(self, feed: queue.Queue[Any], exhausted: bool) -> bool:
        self._recycle()
        for w in self.workers:
            while w.ready and not w.inflight:
                if self.retry:
                    seq, task = self.retry.popleft()
                else:
                    if exhausted:
                        return True
                    try:
                        item = feed.get_nowait()
                    except queue.Empty:
                        return False
                    self._unqueue(item)
                    if item is _END:
                        return True
                    if isinstance(item, BaseException):
                        raise item
                    self.seq += 1
                    if not isinstance(item, Task):
                        self.notes.append((self.seq, item))
                        continue
                    seq, task = self.seq, item
                    self.outstanding.add(seq)
                self._send(w, seq, task)
        return exhausted

    def _recycle(self) -> None:
        """Idle workers past ``pages_per_process`` exit and fresh ones take their place."""
        limit = self.options.pages_per_process
        if limit <= 0:
            return
        for i, w in enumerate(self.workers):
            if w.ready and not w.inflight and w.pages >= limit:
                with contextlib.suppress(BrokenPipeError, OSError):
                    w.conn.send(None)
                self.retired.append(w)
                self.workers[i] = self._spawn()
        for w in [w for w in self.retired if not w.proc.is_alive()]:
            w.proc.join(timeout=0)
            w.conn.close()
            self.retired.remove(w)

    def _send(self, w: _Worker, seq: int, task: Task) -> None:
        w.started = time.monotonic()
        w.cpu_started = _cpu_seconds(w.proc.pid)
        w.inflight.append((seq, task))
        # if the worker died, the watchdog sees it and hands the page out again
        with contextlib.suppress(BrokenPipeError, OSError):
            w.conn.send((task.key, task.page))

    def _collect(self, busy: list[_Worker]) -> Iterator[Outcome]:
        by_conn = {w.conn: w for w in busy}
        ready = wait(list(by_conn) + [w.proc.sentinel for w in busy], timeout=_POLL_S)
        for obj in ready:
            w = by_conn.get(obj)  # type: ignore[call-overload]
            if w is None:
                continue
            try:
                while w.conn.poll():
                    outcome = self._receive(w)
                    if outcome is not None:
                        yield outcome
            except (EOFError, OSError):
                continue  # died mid-message: the watchdog handles it

    def _receive(self, w: _Worker) -> Outcome | None:
        key, ok, value = w.conn.recv()
        if key is None:
            w.ready = True
            return None
        seq, task = w.inflight.popleft()
        self.outstanding.discard(seq)
        w.pages += 1
        if ok:
            return Result(task.key, value)
        reason, detail = value
        if reason == "memory":
            w.ready, w.retiring = False, True
        return Failure(task.key, "extract", reason, detail)

    def _watchdog(self) -> Iterator[Outcome]:
        now = time.monotonic()
        for i, w in enumerate(self.workers):
            if not w.inflight:
                if not w.proc.is_alive():
                    self._respawn_idle(i)
                continue
            if w.proc.is_alive() and not self._over_time(w, now):
                continue
            if w.proc.is_alive():
                reason, detail = "timeout", f"page took longer than {self.options.page_timeout_s:g} s: killed"
            else:
                code = w.proc.exitcode
                reason = "memory" if code == _EXIT_MEMORY else "crashed"
                detail = f"worker died (exit code {code}) while extracting this page"
            yield self._replace(i, reason, detail)

    def _over_time(self, w: _Worker, now: float) -> bool:
        limit = self.options.page_timeout_s
        wall = now - w.started
        if wall <= limit:
            return False
        cpu = _cpu_seconds(w.proc.pid)
        if cpu is None or w.cpu_started is None:
            return True
        return cpu - w.cpu_started > limit or wall > max(limit * _WALL_BACKSTOP, _WALL_BACKSTOP_MIN_S)

    def _respawn_idle(self, i: int) -> None:
        w = self.workers[i]
        if not w.ready and not w.retiring:
            self.dead_on_start += 1
            if self.dead_on_start > MAX_START_FAILURES:
                raise RuntimeError(f"worker processes die while starting (exit code {w.proc.exitcode})")
        w.conn.close()
        self.workers[i] = self._spawn()

    def _replace(self, i: int, reason: str, detail: str) -> Failure:
        w = self.workers[i]
        w.proc.kill()
        w.proc.join(timeout=_KILL_JOIN_S)
        w.conn.close()
        (seq, guilty), *rest = w.inflight
        self.outstanding.discard(seq)
        self.retry.extend(rest)
        self.workers[i] = self._spawn()
        return Failure(guilty.key, "extract", reason, detail)

    def _ready_notes(self) -> Iterator[Note]:
        while self.notes:
            seq, note = self.notes[0]
            if self.outstanding and min(self.outstanding) < seq:
                return
            self.notes.popleft()
            yield note

    def _shutdown(self) -> None:
        self.workers += self.retired
        self.retired = []
        for w in self.workers:
            with contextlib.suppress(BrokenPipeError, OSError):
                w.conn.send(None)
        deadline = time.monotonic() + _SHUTDOWN_GRACE_S
        for w in self.workers:
            w.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(timeout=_SHUTDOWN_KILL_JOIN_S)
            w.conn.close()

    def _wait_for_room(self, size: int, stop: threading.Event) -> None:
        with self._room:
            while self._queued_bytes and self._queued_bytes + size > MAX_QUEUED_BYTES and not stop.is_set():
                self._room.wait(timeout=_READER_WAIT_S)
            self._queued_bytes += size

    def _unqueue(self, item: Any) -> None:
        if isinstance(item, Task):
            with self._room:
                self._queued_bytes -= _page_bytes(item)
                self._room.notify()

    def _read_into(self, items: Iterable[Item], feed: queue.Queue[Any], stop: threading.Event) -> None:
        try:
            for item in items:
                if isinstance(item, Task):
                    self.bytes_read += item.size
                    self._wait_for_room(_page_bytes(item), stop)
                while not stop.is_set():
                    try:
                        feed.put(item, timeout=_READER_WAIT_S)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            feed.put(_END)
        except BaseException as exc:  # a bug in a source must surface in the parent, not vanish
            feed.put(exc)


@contextlib.contextmanager
def _children_allowed() -> Iterator[None]:
    """Lets a daemonic process (a ``dask worker`` with its default ``daemon: True``) start pages.

    multiprocessing refuses children to a daemonic process so that none outlives it. A page
    process cannot: it waits on its pipe between pages and exits at end-of-file, which the death
    of this process causes, and its fork server exits with this process too. So the flag is
    lifted for the start alone, and a cluster's workers need no special setting.
    """
    config: dict[str, Any] = mp.current_process()._config  # type: ignore[attr-defined]
    daemon = config.get("daemon")
    if not daemon:
        yield
        return
    with _DAEMON_LOCK:
        config["daemon"] = False
        try:
            yield
        finally:
            config["daemon"] = daemon


_DAEMON_LOCK = threading.Lock()


def _page_bytes(task: Task) -> int:
    return sys.getsizeof(task.page.raw)  # what the bytes or str really take in memory
