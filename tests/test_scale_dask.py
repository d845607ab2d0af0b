"""The Dask engine on a real distributed.LocalCluster (2 worker processes) with WARCs the tests
write: same output as the local engine, a poisoned record and a killed worker still end in a
complete dataset, a rerun does no work."""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")
pytest.importorskip("warcio")
pytest.importorskip("pyarrow")

from newsmill.run.dask_engine import HEARTBEAT_S, UNWATCHED_SYSTEM_MONITOR, DaskOptions, client  # noqa: E402
from newsmill.run.dataset import DatasetOptions, ingest_dataset  # noqa: E402
from newsmill.run.manifest import Manifest  # noqa: E402
from newsmill.run.task import TaskOptions  # noqa: E402
from scale_data import make_warcs, news_pages, page_work, write_warc  # noqa: E402


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with client(DaskOptions(workers=2)) as c:
        c.wait_for_workers(2, timeout=60)
        yield c.scheduler.address


def options(engine: str, scheduler: str = "", marker: str = "", **kw: Any) -> DatasetOptions:
    task = TaskOptions(enrich=False, page_func=functools.partial(page_work, marker=marker))
    task.run.jobs = 2
    opts = DatasetOptions(task=task, engine=engine, progress=False, **kw)
    opts.dask.scheduler = scheduler or None
    return opts


def rows(out: Path) -> list[tuple[str, str, str]]:
    import pyarrow.dataset as ds

    table = ds.dataset(str(out), format="parquet").to_table(columns=["record_key", "id", "text"])
    return sorted(zip(*(table.column(c).to_pylist() for c in ("record_key", "id", "text")), strict=True))


def test_dask_output_equals_local_output(tmp_path: Path, scheduler: str) -> None:
    make_warcs(tmp_path / "in", 3, 6)
    write_warc(tmp_path / "in" / "cut.warc", news_pages(5, 4), truncate_last=True)
    local = ingest_dataset([str(tmp_path / "in")], tmp_path / "local", options("local"))
    dask = ingest_dataset([str(tmp_path / "in")], tmp_path / "dask", options("dask", scheduler))
    assert local.pages == dask.pages == 18 + 3  # the cut archive's records before the damage
    assert local.failures == dask.failures == {"read: truncated archive": 1}
    assert rows(tmp_path / "local") == rows(tmp_path / "dask")
    assert sorted(p.name for p in (tmp_path / "dask").iterdir()) == sorted(
        p.name for p in (tmp_path / "local").iterdir())
    rerun = ingest_dataset([str(tmp_path / "in")], tmp_path / "dask", options("dask", scheduler))
    assert (rerun.done, rerun.skipped_done, rerun.pages) == (0, 4, 0)


def test_poisoned_record_is_reported_and_the_rest_of_its_warc_is_stored(tmp_path: Path, scheduler: str) -> None:
    pages = news_pages(7, 6)
    pages.insert(3, ("https://news.example/poison/1", pages[0][1]))
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "bad.warc.gz", pages)
    make_warcs(tmp_path / "in", 1, 4)
    report = ingest_dataset([str(tmp_path / "in")], tmp_path / "out", options("dask", scheduler))
    assert report.pages == 10
    assert report.failures == {"extract: crashed": 1}
    (entry,) = [e for e in Manifest(tmp_path / "out").entries.values() if e.failures]
    assert entry.input.endswith("bad.warc.gz") and entry.pages == 6 and entry.status == "complete"
    assert entry.failed[0]["key"].startswith(entry.input + "@") and entry.failed[0]["reason"] == "crashed"
    assert entry.failed[0]["key"] not in {k for k, _, _ in rows(tmp_path / "out")}
    again = ingest_dataset([str(tmp_path / "in")], tmp_path / "out", options("dask", scheduler))
    assert again.done == 0  # failed pages are not redone without --retry-failed
    retry = ingest_dataset([str(tmp_path / "in")], tmp_path / "out",
                           options("dask", scheduler, retry_failed=True))
    assert retry.done == 1 and retry.failures == {"extract: crashed": 1}  # redone, and it fails alike


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the worker process through /proc")
def test_a_killed_worker_still_ends_in_a_complete_dataset(tmp_path: Path, scheduler: str) -> None:
    pages = news_pages(11, 5)
    pages.insert(2, ("https://news.example/kill-worker/1", news_pages(12, 1)[0][1]))
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "victim.warc.gz", pages)
    make_warcs(tmp_path / "in", 2, 4)
    marker = tmp_path / "killed"
    report = ingest_dataset([str(tmp_path / "in")], tmp_path / "out",
                            options("dask", scheduler, marker=str(marker)))
    assert marker.exists()  # the worker really was killed once
    assert report.failed_inputs == 0 and report.pages == 6 + 8
    assert len(rows(tmp_path / "out")) == 14
    assert not list((tmp_path / "out").glob(".*tmp-*"))  # no half shard left behind


def test_cli_ingest_on_a_dask_local_cluster_end_to_end(tmp_path: Path) -> None:
    """`newsmill ingest IN --engine dask --workers 2 --out URL --db DB` in a fresh process, with no
    Dask setting in its environment: the engine makes its own workers fit for page processes."""
    import os
    import subprocess

    from newsmill.corpus.store import Store
    from newsmill.run.manifest import MANIFEST

    make_warcs(tmp_path / "in", 3, 4)
    write_warc(tmp_path / "in" / "cut.warc", news_pages(5, 4), truncate_last=True)
    out, db = tmp_path / "out", tmp_path / "news.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASK_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1] / "src")
    cmd = [sys.executable, "-c", "import sys; from newsmill.cli import main; sys.exit(main())", "ingest",
           str(tmp_path / "in"), "--engine", "dask", "--workers", "2", "--out", out.as_uri(), "--db", str(db),
           "--no-enrich"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "inputs 4/4  15 pages" in done.stderr and "1 failed" in done.stderr
    assert "dashboard http://" in done.stderr  # where to watch the cluster
    assert "4 inputs done (0 already complete, 0 failed), 15 pages stored" in done.stderr
    assert "loaded 4 shards" in done.stderr
    assert len((out / MANIFEST).read_text().splitlines()) == 4
    assert len(rows(out)) == 15
    with Store(db, readonly=True) as store:
        assert store.stats().articles == 15
        assert store.conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 1


def test_near_duplicate_groups_on_dask_equal_the_local_grouping(tmp_path: Path, scheduler: str) -> None:
    import random

    from distributed import Client

    from newsmill.run.groups import near_duplicate_groups
    from scale_data import article_html, words

    rng = random.Random(8)
    story = [words(rng, 40) for _ in range(4)]
    (tmp_path / "in").mkdir()
    for n, host in enumerate(("a.example", "b.example", "c.example")):
        edited = story[:3] + [words(rng, 40)]  # one agency story, a different last paragraph each
        write_warc(tmp_path / "in" / f"{host}.warc.gz",
                   [(f"https://{host}/story", article_html("Story", edited)), *news_pages(30 + n, 3, host)])
    ingest_dataset([str(tmp_path / "in")], tmp_path / "out", options("local"))
    shards = [str(tmp_path / "out" / e.shard) for e in Manifest(tmp_path / "out").complete() if e.shard]
    local = near_duplicate_groups(shards)
    with Client(scheduler, timeout=60) as c:  # type: ignore[no-untyped-call]
        on_dask = near_duplicate_groups(shards, c)
    assert on_dask == local and len(local) == 3 and len(set(local.values())) == 1


def _worker_setting(key: str) -> Any:
    import dask

    return dask.config.get(key)


def test_our_cluster_workers_run_without_the_statistical_profiler(scheduler: str) -> None:
    # the profiler samples the task thread every 10 ms on the CPU the unit is charged for
    from distributed import Client

    with Client(scheduler, timeout=60) as c:  # type: ignore[no-untyped-call]
        settings = c.run(_worker_setting, "distributed.worker.profile.enabled")
        daemon = c.run(_worker_setting, "distributed.worker.daemon")
    assert len(settings) == 2
    assert set(settings.values()) == {False}
    assert set(daemon.values()) == {False}


def _environment(name: str) -> str | None:
    import os

    return os.environ.get(name)


def test_our_cluster_workers_keep_glibc_sliding_mmap_threshold(scheduler: str) -> None:
    # Dask's MALLOC_TRIM_THRESHOLD_ would make every buffer over 128 kB a fresh mapping in the
    # worker and in the page processes it starts (they inherit its environment)
    from distributed import Client

    with Client(scheduler, timeout=60) as c:  # type: ignore[no-untyped-call]
        trim = c.run(_environment, "MALLOC_TRIM_THRESHOLD_")
        threads = c.run(_environment, "OMP_NUM_THREADS")
    assert len(trim) == 2
    assert set(trim.values()) == {None}
    assert set(threads.values()) == {"1"}  # the rest of Dask's worker environment stays


def _heartbeat_ms(dask_worker: Any) -> float:
    return float(dask_worker.periodic_callbacks["heartbeat"].callback_time)


def test_our_cluster_workers_beat_every_two_seconds_not_every_half(scheduler: str) -> None:
    # the scheduler sends the interval back with every heartbeat: read it after one has come back
    import time

    from distributed import Client

    with Client(scheduler, timeout=60) as c:  # type: ignore[no-untyped-call]
        deadline = time.monotonic() + 30
        while True:
            beats = c.run(_heartbeat_ms)
            if set(beats.values()) == {HEARTBEAT_S * 1000} or time.monotonic() > deadline:
                break
            time.sleep(0.5)
    assert len(beats) == 2
    assert set(beats.values()) == {HEARTBEAT_S * 1000}


def test_an_unwatched_local_cluster_serves_no_dashboard() -> None:
    import urllib.error
    import urllib.request

    with client(DaskOptions(workers=1, dashboard=False)) as c:
        port = c.cluster.scheduler.http_server.port
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=10)  # noqa: S310
        assert err.value.code == 404
        # and samples the system for the dashboard's plots less often
        assert set(c.run(_worker_setting, "distributed.admin.system-monitor.interval").values()) == {
            UNWATCHED_SYSTEM_MONITOR}
