"""The process pool: a page that hangs, blows memory, crashes or raises is recorded; the batch goes on."""

from __future__ import annotations

import io
import os
import signal
import time

import pytest

from newsmill.page import Page
from newsmill.run import local
from newsmill.run.local import Pool, Result, RunOptions
from newsmill.run.progress import Progress
from newsmill.sources.items import Failure, Finished, Skipped, Task


def behave(page: Page) -> str:
    """Worker function: what the page's text asks for."""
    command = str(page.raw)
    if command == "hang":
        time.sleep(60)
    elif command == "memory":
        hog = []
        for _ in range(100):
            hog.append(bytearray(50_000_000))
    elif command == "segfault":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif command == "raise":
        raise ValueError("bad page")
    elif command == "slow":
        time.sleep(0.2)
    elif command == "spin":
        end = time.monotonic() + 60
        while time.monotonic() < end:
            pass
    return command.upper()


def tasks(commands: list[str]) -> list[Task]:
    return [Task(f"k{i}", Page(raw=c)) for i, c in enumerate(commands)]


def run(commands: list[object], **opts: float) -> list[object]:
    items = [c if not isinstance(c, str) else Task(f"k{i}", Page(raw=c)) for i, c in enumerate(commands)]
    options = RunOptions(jobs=2, page_timeout_s=opts.get("timeout", 5.0), memory_mb=int(opts.get("memory", 1024)))
    return list(Pool(behave, options).run(items))  # type: ignore[arg-type]


def test_every_page_comes_back_once() -> None:
    out = run(["a", "b", "c", "d", "e", "f", "g"])
    assert sorted(o.key for o in out) == [f"k{i}" for i in range(7)]  # type: ignore[attr-defined]
    assert {o.value for o in out if isinstance(o, Result)} == set("ABCDEFG")


def test_bad_pages_are_recorded_and_the_batch_goes_on() -> None:
    commands: list[object] = ["a", "hang", "b", "memory", "c", "segfault", "raise", "d", "e"]
    start = time.monotonic()
    out = run(commands, timeout=3.0, memory=400)
    assert time.monotonic() - start < 45  # the hanging page waits for the 15 s wall backstop
    results = {o.key: o.value for o in out if isinstance(o, Result)}
    failures = {o.key: o.reason for o in out if isinstance(o, Failure)}
    assert set(results.values()) == {"A", "B", "C", "D", "E"}, failures  # the reasons, if it ever fails
    assert failures["k1"] == "timeout"
    assert failures["k3"] in ("memory", "crashed")
    assert failures["k5"] == "crashed"
    assert failures["k6"].startswith("error: ValueError")
    assert len(out) == len(commands)


def test_the_page_clock_is_cpu_time_with_a_wall_backstop() -> None:
    # a page that burns the CPU and one that sleeps are both stopped; a sleeping one only at the
    # wall backstop (3x the limit, at least 15 s), so a worker starved by a busy machine is not
    # killed early
    start = time.monotonic()
    out = run(["spin", "hang", "a"], timeout=1.0)
    assert time.monotonic() - start < 45
    failures = {o.key: o.reason for o in out if isinstance(o, Failure)}
    assert failures == {"k0": "timeout", "k1": "timeout"}
    assert [o.value for o in out if isinstance(o, Result)] == ["A"]


def test_cpu_seconds_reads_a_live_process_and_refuses_a_gone_one() -> None:
    before = local._cpu_seconds(os.getpid())
    assert before is not None
    sum(i * i for i in range(2_000_000))
    after = local._cpu_seconds(os.getpid())
    assert after is not None and after > before
    assert local._cpu_seconds(2**22 + 12345) is None
    assert local._cpu_seconds(None) is None


def test_notes_follow_the_pages_read_before_them() -> None:
    items: list[object] = ["slow", "slow", "slow", Finished("file:x"), "a", Skipped("y", "not html")]
    out = run(items)
    keys = [getattr(o, "key", None) for o in out]
    finished_at = keys.index("file:x")
    assert {"k0", "k1", "k2"} <= set(keys[:finished_at])
    assert "y" in keys


def test_progress_line_shows_rate_failures_and_eta() -> None:
    stream = io.StringIO()
    progress = Progress(total_bytes=1000, stream=stream)
    progress.update(pages=10, failures=2, bytes_read=500)
    line = progress.line(500)
    assert "10 pages" in line and "2 failed" in line and "ETA" in line and "pages/s" in line
    assert stream.getvalue().startswith("newsmill: ")  # not a terminal: plain log lines


def test_a_tiny_queue_budget_slows_reading_but_loses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmill.run import local

    monkeypatch.setattr(local, "MAX_QUEUED_BYTES", 10)  # smaller than any page: one at a time
    out = run([f"page{i}" for i in range(12)])
    assert sorted(o.value for o in out if isinstance(o, Result)) == sorted(f"PAGE{i}" for i in range(12))


def test_progress_on_a_terminal_redraws_one_line() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    progress = Progress(stream=stream)
    progress.update(pages=3)
    progress.finish()
    text = stream.getvalue()
    assert text.startswith("\r") and text.endswith("\n") and "3 pages" in text


def test_finished_batch_shows_a_full_bar_even_when_inputs_were_skipped() -> None:
    stream = io.StringIO()
    progress = Progress(total_bytes=1000, stream=stream)
    progress.update(pages=2, bytes_read=600)
    progress.finish(bytes_read=680)  # the rest were files skipped unread
    assert stream.getvalue().splitlines()[-1].count("100%") == 1


def preloaded(page: Page) -> bool:
    import sys

    return "colorsys" in sys.modules


def test_workers_load_the_preload_modules_even_when_the_fork_server_ran_without_them() -> None:
    # the fork server is one per process: a pool started before it (here, or in a notebook) left it
    # without the preload list, and the models must still load before the page clock starts
    list(Pool(behave, RunOptions(jobs=1)).run(tasks(["a"])))
    out = list(Pool(preloaded, RunOptions(jobs=1, preload=("colorsys",))).run(tasks(["a"])))
    assert [o.value for o in out if isinstance(o, Result)] == [True]

def _pool_in_daemon(conn: object) -> None:
    outcomes = run(["ok", "segfault", "fine"])
    conn.send([(type(o).__name__, getattr(o, "value", getattr(o, "reason", None))) for o in outcomes])  # type: ignore[attr-defined]


def test_a_daemonic_process_can_run_the_pool() -> None:
    # a `dask worker` is a daemonic process by default; multiprocessing refuses it children
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_pool_in_daemon, args=(child,), daemon=True)
    proc.start()
    assert parent.poll(60), "the pool in a daemonic process gave no answer"
    # outcomes come in the order pages finish, not the order they were given
    assert sorted(parent.recv()) == [("Failure", "crashed"), ("Result", "FINE"), ("Result", "OK")]
    proc.join(10)
    assert proc.exitcode == 0


def test_workers_are_recycled_after_their_share_of_pages_and_lose_nothing() -> None:
    items = [Task(f"k{i}", Page(raw=f"page {i}")) for i in range(23)]
    pool = Pool(_pid_of, RunOptions(jobs=2, pages_per_process=5))
    outcomes = list(pool.run(items))
    assert sorted(o.key for o in outcomes) == sorted(f"k{i}" for i in range(23))  # type: ignore[union-attr]
    pids = [o.value for o in outcomes]  # type: ignore[union-attr]
    assert len(set(pids)) >= 5  # 23 pages, at most 5 per process
    assert max(pids.count(p) for p in set(pids)) <= 5


def _pid_of(page: Page) -> int:
    return os.getpid()


def test_the_warm_up_loads_minhash_so_page_processes_share_it() -> None:
    # a warm-up article too short for a signature left MinHash to every page process's first
    # page, privately, once per unit; scipy (datasketch's LSH) is not needed for it at all
    import subprocess
    import sys

    code = ("import sys, newsmill.run.warmup; from newsmill.corpus.dedup import _template; "
            "print(_template.cache_info().currsize, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["1", "False"]


_TRIM_PROBE = """
import sys
from newsmill.run.local import release_free_memory

def rss():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) // 1024

blocks = [bytes(2000) + bytes([i % 256]) for i in range(60_000)]  # ~120 MB in the C heap
keep = blocks[-1]  # the top of the heap stays in use, so only trimming can return the rest
del blocks
before = rss()
release_free_memory()
print(before - rss())
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads RSS from /proc")
def test_freed_c_heap_goes_back_to_the_system_after_a_page() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _TRIM_PROBE], capture_output=True, text=True, timeout=60, check=True)
    assert int(out.stdout.strip()) > 50  # MB given back


_SHARING_PROBE = """
import sys
sys.path.insert(0, sys.argv[1])
from scale_data import article_html, private_mb_after_page
from newsmill.page import Page
from newsmill.run.local import Pool, Result, RunOptions
from newsmill.sources.items import Task

if __name__ == "__main__":
    text = " ".join(f"Satz {i} ueber die Stadt und ihre Leute." for i in range(60))
    pages = [Task(f"k{i}", Page(raw=article_html(f"Titel {i}", [text] * 3), url=f"https://a.example/{i}"))
             for i in range(3)]
    opts = RunOptions(jobs=1, preload=("newsmill.run.warmup",))
    out = [o.value for o in Pool(private_mb_after_page, opts).run(pages) if isinstance(o, Result)]
    print(*out[-1])
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/smaps_rollup"), reason="reads memory from /proc")
def test_page_processes_share_what_the_fork_server_preloaded() -> None:
    # a fresh interpreter: the fork server is one per process and the test session's has no preload
    import subprocess
    import sys
    from pathlib import Path

    here = str(Path(__file__).resolve().parent)
    out = subprocess.run([sys.executable, "-c", _SHARING_PROBE, here], capture_output=True, text=True,
                         timeout=120, check=True)
    private, rss = map(int, out.stdout.split())
    # lxml, the extractors and MinHash are in this process (~57 MB; py3langid's model is a mapped
    # file now, touched only when a page needs it)...
    assert rss > 40
    assert private < rss / 4  # ...but shared with the fork server, not copied
