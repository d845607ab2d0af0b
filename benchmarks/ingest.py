"""Ingest benchmark: newsmill's whole path (read WARC, extract, store) beside trafilatura.

Builds a WARC from the pages under ../shared/benchdata (Zyte html + trafeval pages), then runs,
each in a fresh child process with the same pool size:

- newsmill: ``newsmill.run.ingest`` (FastWARC read, extraction in the worker pool with budgets,
  MinHash, SQLite store with FTS5 and dedup),
- trafilatura: the same records read with FastWARC, ``trafilatura.extract`` (JSON with metadata)
  on a ``multiprocessing.Pool`` of the same size, results written to SQLite in batched
  transactions (one row per page: URL and JSON; no full-text index).

Reports pages/s per core and the peak memory of the whole process tree (RSS summed over the
child and its workers, and PSS, which counts shared pages once), sampled every 0.1 s. A second
run on 10x the records (same pages repeated under distinct URIs, so newsmill stores the copies as
exact duplicates) shows whether memory stays flat.

    python benchmarks/ingest.py [-j 2] [--scale 10] [--repeat 2]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

BENCHDATA = Path(__file__).resolve().parents[1].parent / "shared" / "benchdata"
SAMPLE_S = 0.1
# Rows per transaction on the trafilatura side: newsmill.run.pipeline.BATCH_ROWS, so both write
# alike (not imported: the child that runs trafilatura should not load newsmill).
BATCH_ROWS = 200


def corpus_pages() -> list[tuple[str, bytes]]:
    pages: list[tuple[str, bytes]] = []
    zyte = BENCHDATA / "zyte-article-extraction-benchmark"
    truth = json.loads((zyte / "ground-truth.json").read_text("utf-8"))
    for path in sorted((zyte / "html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        pages.append((truth.get(key, {}).get("url") or f"https://zyte.invalid/{key}", gzip.decompress(path.read_bytes())))
    trafeval = BENCHDATA / "trafeval-de-dev"
    gold = json.loads((trafeval / "gold.json").read_text("utf-8"))
    for path in sorted((trafeval / "pages").glob("*.html.gz")):
        key = path.name.split(".")[0]
        pages.append((gold.get(key, {}).get("url") or f"https://trafeval.invalid/{key}",
                      gzip.decompress(path.read_bytes())))
    return pages


def build_warc(path: Path, pages: list[tuple[str, bytes]], scale: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    n = 0
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for rep in range(scale):
            for url, body in pages:
                uri = url if rep == 0 else f"{url}{'&' if '?' in url else '?'}copy={rep}"
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                              http_headers=headers))
                n += 1
    return n


# --- the two pipelines (run in a child process) ----------------------------------------------------

def run_newsmill(warc: str, db: str, jobs: int) -> dict[str, Any]:
    from newsmill.corpus import IngestOptions, ingest
    from newsmill.run.local import RunOptions

    start = time.perf_counter()
    report = ingest([warc], db, IngestOptions(run=RunOptions(jobs=jobs), progress=False))
    seconds = time.perf_counter() - start
    return {"pages": report.pages, "seconds": seconds, "stored": report.new, "duplicates": report.duplicates,
            "failed": sum(report.failed.values())}


def _trafilatura_one(item: tuple[str, bytes]) -> tuple[str, str | None]:
    import trafilatura

    url, body = item
    try:
        return url, trafilatura.extract(body, url=url, output_format="json", with_metadata=True)
    except Exception:
        return url, None


def _warc_records(warc: str) -> Any:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(warc, "rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            yield record.headers.get("WARC-Target-URI"), record.reader.read()


def run_trafilatura(warc: str, db: str, jobs: int) -> dict[str, Any]:
    start = time.perf_counter()
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
        pages, stored = _extract_into(conn, warc, jobs)
    return {"pages": pages, "seconds": time.perf_counter() - start, "stored": stored}


def _extract_into(conn: sqlite3.Connection, warc: str, jobs: int) -> tuple[int, int]:
    import multiprocessing as mp

    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS pages (url TEXT PRIMARY KEY, json TEXT)")
    pages = stored = 0
    batch: list[tuple[str, str | None]] = []
    with mp.get_context("fork").Pool(jobs) as pool:
        for url, result in pool.imap(_trafilatura_one, _warc_records(warc), chunksize=4):
            pages += 1
            stored += result is not None
            batch.append((url, result))
            if len(batch) >= BATCH_ROWS:
                _write(conn, batch)
        _write(conn, batch)
    return pages, stored


def _write(conn: sqlite3.Connection, batch: list[tuple[str, str | None]]) -> None:
    conn.execute("BEGIN")
    conn.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?)", batch)
    conn.execute("COMMIT")
    batch.clear()


# --- measuring the process tree --------------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return pids


def _memory(pids: list[int]) -> tuple[int, int]:
    rss = pss = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss


def measure(which: str, warc: Path, jobs: int, workdir: Path) -> dict[str, Any]:
    db = workdir / f"{which}-{time.monotonic_ns()}.db"
    child = subprocess.Popen([sys.executable, __file__, "--child", which, str(warc), str(db), str(jobs)],
                             stdout=subprocess.PIPE, text=True)
    peak = [0, 0]

    def sample() -> None:
        while child.poll() is None:
            rss, pss = _memory(_tree(child.pid))
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = child.communicate()
    sampler.join()
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result.update(peak_rss_mb=peak[0] / 1024, peak_pss_mb=peak[1] / 1024)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--scale", type=int, default=10, help="size of the second run, in copies of the pages")
    parser.add_argument("--repeat", type=int, default=2, help="runs per tool and size (best is reported)")
    parser.add_argument("--peers-at-scale", action="store_true",
                        help="also run trafilatura on the big run (slow; the memory check is newsmill's)")
    args = parser.parse_args()
    pages = corpus_pages()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for scale in (1, args.scale):
            warc = workdir / f"bench-x{scale}.warc.gz"
            n = build_warc(warc, pages, scale)
            tools = ("newsmill", "trafilatura") if scale == 1 or args.peers_at_scale else ("newsmill",)
            for which in tools:
                runs = [measure(which, warc, args.jobs, workdir) for _ in range(args.repeat)]
                best = min(runs, key=lambda r: r["seconds"])
                rows.append((which, scale, n, best, runs))
    print_table(rows, args.jobs)


def print_table(rows: list[tuple[str, int, int, dict[str, Any], list[dict[str, Any]]]], jobs: int) -> None:
    print(f"\nIngest of a WARC built from ../shared/benchdata (zyte + trafeval-de-dev), pool of {jobs} "
          f"worker processes on {os.cpu_count()} cores; best of {len(rows[0][4])} runs (all runs in brackets).\n")
    print("| pipeline | records | pages/s per core | wall s | peak RSS tree MB | peak PSS tree MB | stored |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for which, _scale, n, best, runs in rows:
        rate = best["pages"] / best["seconds"] / jobs
        all_rates = ", ".join(f"{r['pages'] / r['seconds'] / jobs:.1f}" for r in runs)
        print(f"| {which} | {n} | {rate:.1f} ({all_rates}) | {best['seconds']:.1f} | "
              f"{best['peak_rss_mb']:.0f} | {best['peak_pss_mb']:.0f} | {best['stored']} |")
    by = {(r[0], r[1]): r[3] for r in rows}
    scales = sorted({r[1] for r in rows})
    for scale in scales:
        if ("trafilatura", scale) not in by:
            continue
        nm, tr = by[("newsmill", scale)], by[("trafilatura", scale)]
        ratio = (nm["pages"] / nm["seconds"]) / (tr["pages"] / tr["seconds"])
        print(f"\nx{scale}: newsmill / trafilatura throughput = {ratio:.2f} (required >= 1.5)")
    if len(scales) == 2:
        small, big = by[("newsmill", scales[0])], by[("newsmill", scales[1])]
        print(f"newsmill peak PSS x{scales[1]} / x{scales[0]} = {big['peak_pss_mb'] / small['peak_pss_mb']:.2f} "
              f"(flat: well below {scales[1]})")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _, _, which, warc_path, db_path, n_jobs = sys.argv
        runner = run_newsmill if which == "newsmill" else run_trafilatura
        print(json.dumps(runner(warc_path, db_path, int(n_jobs))))
    else:
        main()
