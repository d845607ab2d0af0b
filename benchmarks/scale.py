"""Scale benchmark: the Parquet dataset path on the local engine and on Dask, same WARCs.

Builds WARCs from the benchmark pages under ../shared/benchdata (Zyte + trafeval, 527 pages;
copies get distinct URIs), split over 4 archives at x1 and 8 at the larger scale, then runs
``newsmill.run.dataset.ingest_dataset`` in a fresh child process per configuration:

- local -j1, local -j2: the local engine (units one after another, pages over the pool),
- dask 1 worker, dask 2 workers: a LocalCluster (processes, 1 thread each), units as tasks,
  cluster start-up included in the wall time and reported on its own.

Reported: pages/s (wall), pages per CPU-second (the CPU the manifest records: page work in the
page processes plus the task's reading and Parquet writing), CPU of the whole process tree
(user + system time of every process in the tree, read from /proc every 0.1 s: the driver,
Dask's scheduler, nannies and workers, fork servers and page processes), and peak PSS of
the whole tree and of the largest worker subtree, sampled every 0.1 s. On a shared 2-core machine
the wall numbers move with the other load; the CPU-second rates are the ones to compare.

The load average (1 min) is read before and after each configuration and printed beside it: on
a machine other work shares, a wall-clock ratio means little without it.

    python benchmarks/scale.py [--scale 10] [--enrich] [--base 120] [--configs ...] [--large-configs ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import SAMPLE_S, _memory, _tree, build_warc, corpus_pages  # noqa: E402

CONFIGS = {"local -j1": ("local", 1), "local -j2": ("local", 2), "dask 1 worker": ("dask", 1),
           "dask 2 workers": ("dask", 2)}


def build_warcs(folder: Path, pages: list[tuple[str, bytes]], scale: int, count: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    copies = [(url if rep == 0 else f"{url}{'&' if '?' in url else '?'}copy={rep}", body)
              for rep in range(scale) for url, body in pages]
    n = 0
    for w in range(count):
        n += build_warc(folder / f"bench-{w:02d}.warc.gz", copies[w::count], 1)
    return n


def child(engine: str, workers: int, inputs: str, out: str, enrich: bool) -> None:
    from newsmill.run.dataset import DatasetOptions, ingest_dataset
    from newsmill.run.task import TaskOptions

    task = TaskOptions(enrich=enrich)
    task.run.jobs = workers
    opts = DatasetOptions(task=task, engine=engine, progress=False)
    opts.dask.workers = workers
    opts.dask.dashboard = False  # a run nobody watches, as ingest --quiet
    start = time.perf_counter()
    if engine == "dask":
        from newsmill.run import dask_engine

        # the cluster's start-up on its own: opened once here, then reused through its address
        with dask_engine.client(opts.dask) as c:
            c.wait_for_workers(workers)
            startup = time.perf_counter() - start
            opts.dask.scheduler = c.scheduler.address
            report = ingest_dataset([inputs], out, opts)
    else:
        startup = 0.0
        report = ingest_dataset([inputs], out, opts)
    seconds = time.perf_counter() - start
    print(json.dumps({"pages": report.pages, "failed": sum(report.failures.values()), "seconds": seconds,
                      "startup": startup, "cpu": report.cpu_s}))


def measure(name: str, inputs: Path, workdir: Path, enrich: bool) -> dict[str, Any]:
    engine, workers = CONFIGS[name]
    out = workdir / f"out-{time.monotonic_ns()}"
    proc = subprocess.Popen([sys.executable, __file__, "--child", engine, str(workers), str(inputs), str(out),
                             "1" if enrich else "0"], stdout=subprocess.PIPE, text=True)
    peak = {"pss": 0, "worker": 0}
    cpu: dict[int, float] = {}  # pid -> CPU seconds last seen (the tree's processes come and go)
    roles: dict[int, str] = {}  # pid -> what the process is (driver, nanny, dask worker, ...)

    def sample() -> None:
        while proc.poll() is None:
            pids = _tree(proc.pid)
            for pid in pids:
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_s(pid))
                if pid not in roles:
                    roles[pid] = _role(pid, proc.pid, roles)
            peak["pss"] = max(peak["pss"], _memory(pids)[1])
            children = [p for p in pids if p != proc.pid and _parent(p) == proc.pid]
            peak["worker"] = max(peak["worker"], max((_memory(_tree(p))[1] for p in children), default=0))
            time.sleep(SAMPLE_S)

    load_before = os.getloadavg()[0]
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.join()
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["load"] = (load_before, os.getloadavg()[0])
    result["tree_cpu"] = sum(cpu.values())
    by_role: dict[str, float] = {}
    for pid, seconds in cpu.items():
        by_role[roles.get(pid, "other")] = by_role.get(roles.get(pid, "other"), 0.0) + seconds
    result["cpu_by_role"] = by_role
    result["pss_mb"] = peak["pss"] / 1024
    result["worker_pss_mb"] = peak["worker"] / 1024
    return result


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far (/proc/PID/stat fields 14 and 15)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _role(pid: int, driver: int, known: dict[int, str]) -> str:
    """What a process of the tree is, from its command line and its parent's role."""
    if pid == driver:
        return "driver (+ scheduler, nannies)"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "other"
    parent = known.get(_parent(pid), "")
    if parent == "fork server":  # forked from it, so with its command line
        return "page process"
    if "resource_tracker" in cmd:
        return "resource tracker"
    if "forkserver" in cmd:
        return "fork server"
    if parent == "driver (+ scheduler, nannies)":
        # a LocalCluster's nannies run inside the driver process and spawn the worker processes
        return "dask worker"
    return "other"


def _parent(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10, help="the larger run, in copies of the pages")
    parser.add_argument("--base", type=int, default=0, help="use only the first N benchmark pages (0: all 527)")
    parser.add_argument("--large-configs", default="local -j2,dask 1 worker,dask 2 workers",
                        help="configurations run at --scale too")
    parser.add_argument("--enrich", action="store_true", help="enrich every article (default: extract only)")
    parser.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated subset of: " + ", ".join(CONFIGS))
    args = parser.parse_args()
    pages = corpus_pages()
    if args.base:
        pages = pages[: args.base]
    names = [c.strip() for c in args.configs.split(",")]
    large = [c.strip() for c in args.large_configs.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        runs = ((1, 4), (args.scale, 8)) if args.scale > 1 else ((1, 4),)  # --scale 1: the x1 run only
        for scale, count in runs:
            inputs = workdir / f"x{scale}"
            n = build_warcs(inputs, pages, scale, count)
            for name in names if scale == 1 else large:
                rows.append((name, scale, count, n, measure(name, inputs, workdir, args.enrich)))
    print_table(rows, args.enrich)


def print_table(rows: list[tuple[str, int, int, int, dict[str, Any]]], enrich: bool) -> None:
    print(f"\nParquet dataset ingest ({'extract + enrich' if enrich else 'extract only'}), "
          f"{os.cpu_count()} cores seen; CPU s from /proc (tree) and process_time (manifest)\n")
    print("| engine | input | pages | failed | wall s | cluster start s | pages/s wall | pages per CPU s "
          "(manifest) | tree CPU s | pages per tree CPU s | peak PSS tree MB | peak PSS per worker MB | "
          "load avg before/after |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for name, scale, count, n, r in rows:
        print(f"| {name} | x{scale} ({count} WARCs, {n} records) | {r['pages']} | {r['failed']} | "
              f"{r['seconds']:.1f} | {r['startup']:.1f} | {r['pages'] / r['seconds']:.1f} | "
              f"{r['pages'] / max(r['cpu'], 1e-9):.1f} | {r['tree_cpu']:.1f} | "
              f"{r['pages'] / max(r['tree_cpu'], 1e-9):.1f} | {r['pss_mb']:.0f} | {r['worker_pss_mb']:.0f} | "
              f"{r['load'][0]:.1f} / {r['load'][1]:.1f} |")
    roles = sorted({role for *_, r in rows for role in r["cpu_by_role"]})
    print("\nCPU ms per page by process (page processes do the page work; the rest is the engine)\n")
    print("| engine | input | " + " | ".join(roles) + " |")
    print("|---|---|" + "--:|" * len(roles))
    for name, scale, _, _, r in rows:
        print(f"| {name} | x{scale} | " + " | ".join(
            f"{r['cpu_by_role'].get(role, 0.0) / max(r['pages'], 1) * 1000:.1f}" for role in roles) + " |")
    by = {(name, scale): r for name, scale, _, _, r in rows}
    for scale in sorted({scale for _, scale, _, _, _ in rows}):
        one, two = by.get(("dask 1 worker", scale)), by.get(("dask 2 workers", scale))
        if one and two:
            print(f"\nx{scale}: 2 workers vs 1, wall {one['seconds'] / two['seconds']:.2f}x "
                  f"(load avg {one['load'][0]:.1f}-{one['load'][1]:.1f} and {two['load'][0]:.1f}-{two['load'][1]:.1f} "
                  f"on {os.cpu_count()} cores); CPU per page {one['tree_cpu'] / max(one['pages'], 1) * 1000:.0f} ms "
                  f"vs {two['tree_cpu'] / max(two['pages'], 1) * 1000:.0f} ms")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        engine, workers, inputs, out, enrich = sys.argv[2:7]
        child(engine, int(workers), inputs, out, enrich == "1")
    else:
        main()
