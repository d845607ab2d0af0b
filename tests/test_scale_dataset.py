"""Parquet datasets on the local engine: units of work, shards and manifest, path lists and
fsspec inputs, resume after the run is killed, loading into the corpus with groups over all shards."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("warcio")
pa = pytest.importorskip("pyarrow")

from newsmill.corpus.store import Store  # noqa: E402
from newsmill.run.dataset import DatasetOptions, ingest_dataset  # noqa: E402
from newsmill.run.load import load_dataset  # noqa: E402
from newsmill.run.manifest import MANIFEST, Manifest  # noqa: E402
from newsmill.run.progress import DatasetProgress  # noqa: E402
from newsmill.run.task import TaskOptions  # noqa: E402
from newsmill.run.units import expand, unit_key  # noqa: E402
from scale_data import article_html, make_warcs, news_pages, words, write_warc  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def local(**kw: object) -> DatasetOptions:
    task = TaskOptions(enrich=False)
    task.run.jobs = 2
    return DatasetOptions(task=task, progress=False, **kw)  # type: ignore[arg-type]


def test_unit_keys_are_readable_and_never_collide() -> None:
    a, b = unit_key("/x/CC-NEWS-2024-00001.warc.gz"), unit_key("/y/CC-NEWS-2024-00001.warc.gz")
    assert a.startswith("CC-NEWS-2024-00001-") and b.startswith("CC-NEWS-2024-00001-") and a != b
    assert unit_key("s3://b/a b?.warc") == unit_key("s3://b/a b?.warc")
    assert "/" not in unit_key("https://h/x/a b?.warc") and " " not in unit_key("https://h/x/a b?.warc")


def test_a_folder_gives_one_unit_per_container_and_one_for_its_loose_pages(tmp_path: Path) -> None:
    make_warcs(tmp_path / "crawl", 2, 1)
    (tmp_path / "crawl" / "a.html").write_text("<p>a</p>")
    (tmp_path / "crawl" / "b.html").write_text("<p>b</p>")
    units = list(expand([str(tmp_path / "crawl")]))
    assert [len(u.paths) for u in units] == [1, 1, 2]
    assert units[2].paths == (str(tmp_path / "crawl" / "a.html"), str(tmp_path / "crawl" / "b.html"))


def test_shards_and_manifest_are_readable_by_pyarrow_pandas_and_duckdb(tmp_path: Path) -> None:
    make_warcs(tmp_path / "in", 2, 3)
    report = ingest_dataset([str(tmp_path / "in")], tmp_path / "out", local())
    assert report.pages == 6 and report.done == 2
    shards = sorted(p.name for p in (tmp_path / "out").glob("part-*.parquet"))
    assert [s.rsplit("-", 1)[0] for s in shards] == ["part-crawl-00", "part-crawl-01"]
    lines = [json.loads(line) for line in (tmp_path / "out" / MANIFEST).read_text().splitlines()]
    assert [(e["records"], e["pages"], e["failures"]) for e in lines] == [(3, 3, {}), (3, 3, {})]
    assert all(e["cpu_s"] > 0 and e["shard"] in shards for e in lines)
    import pyarrow.dataset as ds

    table = ds.dataset(str(tmp_path / "out"), format="parquet").to_table()
    assert table.num_rows == 6
    assert pa.types.is_list(table.schema.field("blocks").type)
    assert pa.types.is_struct(table.schema.field("blocks").type.value_type)
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(tmp_path / "out")
    assert sorted(frame["url"]) == sorted(u for u, _ in news_pages(0, 3) + news_pages(1, 3))
    assert frame["blocks"].iloc[0][0]["kind"] == "heading" or frame["blocks"].iloc[0][0]["text"]
    try:
        import duckdb
    except ImportError:
        return
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'out'}/*.parquet')").fetchone()
    assert n == (6,)


def test_path_lists_and_fsspec_memory_inputs(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    make_warcs(tmp_path / "crawl", 2, 2)
    with gzip.open(tmp_path / "crawl" / "warc.paths.gz", "wt") as f:
        f.write("# two archives, relative to the list\ncrawl-00.warc.gz\ncrawl-01.warc.gz\n")
    buf = io.BytesIO()
    remote = tmp_path / "remote.warc.gz"
    write_warc(remote, news_pages(9, 2, host="remote.example"))
    buf.write(remote.read_bytes())
    fs = fsspec.filesystem("memory")
    fs.pipe("/bucket/remote.warc.gz", buf.getvalue())
    inputs = [str(tmp_path / "crawl" / "warc.paths.gz"), "memory://bucket/remote.warc.gz",
              "memory://bucket/missing.warc.gz"]
    report = ingest_dataset(inputs, tmp_path / "out", local())
    assert report.pages == 6
    entries = Manifest(tmp_path / "out").entries.values()
    by_input = {e.input: e for e in entries}
    assert by_input["memory://bucket/remote.warc.gz"].pages == 2
    assert by_input["memory://bucket/remote.warc.gz"].failed == []
    assert by_input["memory://bucket/missing.warc.gz"].failures == {"read: missing": 1}
    keys = {k for k in _column(tmp_path / "out", "record_key")}
    assert any(k.startswith("memory://bucket/remote.warc.gz@") for k in keys)


def _column(out: Path, name: str) -> list[object]:
    import pyarrow.dataset as ds

    return ds.dataset(str(out), format="parquet").to_table(columns=[name]).column(name).to_pylist()


def test_a_killed_run_resumes_without_redoing_complete_inputs(tmp_path: Path) -> None:
    make_warcs(tmp_path / "in", 4, 4)
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", "import sys; from newsmill.cli import main; sys.exit(main())", "ingest", str(tmp_path / "in"), "--out", str(out),
           "--no-enrich", "-j", "1", "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (out / MANIFEST).is_file() and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its page processes, mid-run
    proc.wait()
    first = set(Manifest(out).entries)
    assert 1 <= len(first) < 4
    report = ingest_dataset([str(tmp_path / "in")], out, local())
    assert report.skipped_done == len(first) and report.done == 4 - len(first)
    lines = (out / MANIFEST).read_text().splitlines()
    assert len(lines) == 4  # each input done exactly once
    assert len(_column(out, "id")) == 16
    assert not list(out.glob(".*tmp-*"))


def test_loading_groups_near_duplicates_across_shards(tmp_path: Path) -> None:
    import random

    rng = random.Random(5)
    story = [words(rng, 40) for _ in range(4)]
    edited = story[:3] + [words(rng, 40)]  # the same agency story with its last paragraph replaced
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "a.warc.gz", [("https://a.example/story", article_html("Story", story)),
                                               *news_pages(21, 3, "a.example")])
    write_warc(tmp_path / "in" / "b.warc.gz", [("https://b.example/copy", article_html("Copy", edited)),
                                               *news_pages(22, 3, "b.example")])
    ingest_dataset([str(tmp_path / "in")], tmp_path / "out", local())
    db = tmp_path / "news.db"
    report = load_dataset(tmp_path / "out", db)
    assert (report.shards, report.new) == (2, 8)
    with Store(db, readonly=True) as store:
        ids = {r[0]: r[1] for r in store.conn.execute("SELECT url, group_id FROM articles")}
        assert ids["https://a.example/story"] == ids["https://b.example/copy"]
        assert len(set(ids.values())) == 7
        assert store.search(story[0].split()[3])
    again = load_dataset(tmp_path / "out", db)
    assert (again.shards, again.already) == (0, 2)


def test_dataset_progress_line_shows_inputs_rate_failures_eta_and_dashboard() -> None:
    stream = io.StringIO()
    progress = DatasetProgress(4, 4000, stream=stream, dashboard="http://127.0.0.1:8787/status")
    progress.unit_done(pages=30, failures=2, size=1000)
    line = progress.line(0)
    assert line.startswith("inputs 1/4  30 pages") and "2 failed" in line and "ETA " in line
    assert line.endswith("dashboard http://127.0.0.1:8787/status")


def test_cli_writes_a_dataset_then_loads_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsmill.cli import main

    make_warcs(tmp_path / "in", 2, 2)
    out, db = tmp_path / "out", tmp_path / "news.db"
    assert main(["ingest", str(tmp_path / "in"), "--out", str(out), "--no-enrich", "-j", "1", "--quiet"]) == 0
    assert main(["ingest", str(out), "--db", str(db)]) == 0
    assert "loaded 2 shards" in capsys.readouterr().err
    with Store(db, readonly=True) as store:
        assert store.stats().articles == 4
    assert main(["ingest", str(tmp_path / "in")]) == 2  # neither --db nor --out
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "--engine", "dask"]) == 2  # dask needs --out
    assert "--out" in capsys.readouterr().err


def test_a_dataset_on_an_fsspec_memory_file_system_is_written_resumed_and_loaded(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    make_warcs(tmp_path / "in", 3, 3)
    write_warc(tmp_path / "in" / "cut.warc", news_pages(5, 3), truncate_last=True)
    out = "memory://datasets/run-1"
    report = ingest_dataset([str(tmp_path / "in")], out, local())
    assert (report.done, report.pages) == (4, 9 + 2)
    fs = fsspec.filesystem("memory")
    names = sorted(p.rsplit("/", 1)[-1] for p in fs.ls("/datasets/run-1", detail=False))
    assert names[0] == MANIFEST and len(names) == 5 and all(n.startswith("part-") for n in names[1:])
    assert not [n for n in names if ".tmp-" in n]
    assert len(fs.cat_file(f"/datasets/run-1/{MANIFEST}").decode().splitlines()) == 4
    again = ingest_dataset([str(tmp_path / "in")], out, local())
    assert (again.done, again.skipped_done) == (0, 4)
    local_out = tmp_path / "plain"
    ingest_dataset([str(tmp_path / "in")], local_out, local())
    db = tmp_path / "news.db"
    loaded = load_dataset(out, db)
    assert (loaded.shards, loaded.new) == (4, 11)
    with Store(db, readonly=True) as store:
        remote_ids = {r[0] for r in store.conn.execute("SELECT id FROM articles")}
    assert remote_ids == set(_column(local_out, "id"))


def test_a_file_url_output_is_the_same_as_the_folder(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    make_warcs(tmp_path / "in", 2, 3)
    ingest_dataset([str(tmp_path / "in")], (tmp_path / "out").as_uri(), local())
    assert sorted(p.name for p in (tmp_path / "out").iterdir())[0] == MANIFEST
    assert len(_column(tmp_path / "out", "id")) == 6
    assert load_dataset((tmp_path / "out").as_uri(), tmp_path / "news.db").new == 6


def test_the_dask_engine_refuses_a_memory_output(tmp_path: Path) -> None:
    pytest.importorskip("fsspec")
    opts = local()
    opts.engine = "dask"
    with pytest.raises(ValueError, match="memory://"):
        ingest_dataset([str(tmp_path)], "memory://datasets/nowhere", opts)
