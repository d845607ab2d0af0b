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
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import _memory, _tree, build_warc, corpus_pages  # noqa: E402

# CPU of every thread of the tree is read this often; memory (smaps_rollup, far dearer) every
# MEMORY_EVERY-th time. A process's CPU since its last sample is lost when it exits, so the total
# comes from the kernel instead and the difference is printed as not sampled.
CPU_SAMPLE_S = 0.05
MEMORY_EVERY = 4
THREAD_NAMES = Path(__file__).resolve().parent / "threadnames"
_TICKS = os.sysconf("SC_CLK_TCK")

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
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(THREAD_NAMES), os.environ.get("PYTHONPATH", ""))
                                                      if p))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen([sys.executable, __file__, "--child", engine, str(workers), str(inputs), str(out),
                             "1" if enrich else "0"], stdout=subprocess.PIPE, text=True, env=env)
    peak = {"pss": 0, "worker": 0}
    cpu: dict[tuple[int, int], float] = {}  # (pid, tid) -> CPU seconds last seen (threads come and go)
    threads: dict[tuple[int, int], str] = {}  # (pid, tid) -> the thread's name (see threadnames/)
    roles: dict[int, str] = {}  # pid -> what the process is (driver, dask worker, fork server, ...)

    def sample() -> None:
        rounds = 0
        while proc.poll() is None:
            pids = _tree(proc.pid)
            for pid in pids:
                for tid, comm, seconds in _thread_cpu(pid):
                    cpu[(pid, tid)] = max(cpu.get((pid, tid), 0.0), seconds)
                    threads[(pid, tid)] = "main" if tid == pid else comm
                # asked again each time: a process sampled between its fork and its exec still
                # shows its parent's command line
                role = _role(pid, proc.pid, roles)
                if role != "other" or pid not in roles:  # "other" also when it just exited
                    roles[pid] = role
            if rounds % MEMORY_EVERY == 0:  # smaps_rollup walks every mapping: not at the CPU rate
                peak["pss"] = max(peak["pss"], _memory(pids)[1])
                children = [p for p in pids if p != proc.pid and _parent(p) == proc.pid]
                peak["worker"] = max(peak["worker"], max((_memory(_tree(p))[1] for p in children), default=0))
            rounds += 1
            time.sleep(CPU_SAMPLE_S)

    load_before = os.getloadavg()[0]
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.join()
    _reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    result["name"] = name
    result["load"] = (load_before, os.getloadavg()[0])
    result["sampled_cpu"] = sum(cpu.values())
    # exact: every process of the tree has been waited for by its parent or, orphaned, by this
    # one (a subreaper), so the kernel's children's rusage holds all of it, tails included
    result["tree_cpu"] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    by_part: dict[str, float] = {}
    for (pid, tid), seconds in cpu.items():
        part = _component(roles.get(pid, "other"), threads.get((pid, tid), "?"))
        by_part[part] = by_part.get(part, 0.0) + seconds
    by_part["not sampled (tails of exited processes)"] = max(0.0, result["tree_cpu"] - result["sampled_cpu"])
    result["cpu_by_role"] = by_part
    result["pss_mb"] = peak["pss"] / 1024
    result["worker_pss_mb"] = peak["worker"] / 1024
    return result


def _component(role: str, thread: str) -> str:
    """A process's role, and for the engine's own processes the thread: that is where Dask and the
    local engine differ (page processes and fork servers do the same work under either)."""
    if role in ("page process", "fork server", "resource tracker", "other"):
        return role
    return f"{role}: {thread}"


def _thread_cpu(pid: int) -> list[tuple[int, str, float]]:
    """(thread id, thread name, user + system CPU seconds) of every thread of one process."""
    found = []
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        head, _, rest = text.rpartition(")")
        fields = rest.split()
        with contextlib.suppress(ValueError, IndexError):
            found.append((int(tid), head.split("(", 1)[-1], (int(fields[11]) + int(fields[12])) / _TICKS))
    return found


def _reap_orphans(timeout_s: float = 15.0) -> None:
    """Waits for the processes of the run that outlived their parents (reparented to this one)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)


def _become_subreaper() -> None:
    """Orphans of the run (a fork server whose parent exited first) become this process's
    children, so their CPU reaches ``RUSAGE_CHILDREN`` instead of vanishing with init."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # 36: PR_SET_CHILD_SUBREAPER (Linux)


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
    parser.add_argument("--repeat", type=int, default=1,
                        help="rounds: every configuration once per round, the order rotated each round, so "
                             "local and Dask runs alternate and meet the same load")
    parser.add_argument("--no-x1", action="store_true", help="only the --scale run")
    parser.add_argument("--json", help="also write every run's figures to this file")
    args = parser.parse_args()
    _become_subreaper()
    pages = corpus_pages()
    if args.base:
        pages = pages[: args.base]
    names = [c.strip() for c in args.configs.split(",")]
    large = [c.strip() for c in args.large_configs.split(",")]
    rows = []
    runs = ((1, 4), (args.scale, 8)) if args.scale > 1 else ((1, 4),)  # --scale 1: the x1 run only
    if args.no_x1 and args.scale > 1:
        runs = ((args.scale, 8),)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for scale, count in runs:
            inputs = workdir / f"x{scale}"
            n = build_warcs(inputs, pages, scale, count)
            configs = names if scale == 1 else large
            for r in range(args.repeat):
                for name in configs[r % len(configs):] + configs[: r % len(configs)]:
                    result = measure(name, inputs, workdir, args.enrich)
                    result["round"] = r
                    rows.append((name, scale, count, n, result))
                    print(f"[{time.strftime('%H:%M:%S')}] x{scale} round {r + 1} {name}: "
                          f"{result['pages'] / max(result['tree_cpu'], 1e-9):.1f} pages per tree CPU s, "
                          f"{result['seconds']:.0f} s wall, load {result['load'][0]:.1f}; ms/page: " + ", ".join(
                              f"{part} {seconds / max(result['pages'], 1) * 1000:.2f}"
                              for part, seconds in sorted(result["cpu_by_role"].items(), key=lambda x: -x[1])
                              if seconds / max(result["pages"], 1) >= 0.00005), file=sys.stderr, flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps([{"config": name, "scale": scale, "units": count, "records": n, **r}
                                               for name, scale, count, n, r in rows], indent=1))
    print_table(rows, args.enrich)
    print_summary(rows)


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


def _rate(r: dict[str, Any]) -> float:
    return float(r["pages"]) / max(float(r["tree_cpu"]), 1e-9)


def _spread(values: list[float], fmt: str = "{:.1f}") -> str:
    """Median, and the range when there is more than one value."""
    med = fmt.format(statistics.median(values))
    return med if len(values) == 1 else f"{med} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def print_summary(rows: list[tuple[str, int, int, int, dict[str, Any]]]) -> None:
    """Median and range over the rounds, CPU by component, and the Dask overhead paired by round."""
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for name, scale, _, _, r in rows:
        groups.setdefault((name, scale), []).append(r)
    print("\nOver the rounds: median (min–max). Engine ms/page = tree CPU minus page processes and fork servers.\n")
    print("| engine | input | runs | pages | pages per tree CPU s | engine CPU ms/page | wall s | "
          "peak PSS per worker MB | load avg |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for (name, scale), rs in groups.items():
        engine = [(r["tree_cpu"] - r["cpu_by_role"].get("page process", 0.0) - r["cpu_by_role"].get("fork server", 0.0))
                  / max(r["pages"], 1) * 1000 for r in rs]
        loads = [x for r in rs for x in r["load"]]
        print(f"| {name} | x{scale} | {len(rs)} | {rs[0]['pages']} | {_spread([_rate(r) for r in rs])} | "
              f"{_spread(engine, '{:.2f}')} | {_spread([r['seconds'] for r in rs], '{:.0f}')} | "
              f"{_spread([r['worker_pss_mb'] for r in rs], '{:.0f}')} | {min(loads):.1f}–{max(loads):.1f} |")
    for scale in sorted({scale for _, scale in groups}):
        names = [name for name, s in groups if s == scale]
        parts = sorted({part for name in names for r in groups[(name, scale)] for part in r["cpu_by_role"]})
        print(f"\nx{scale}: CPU ms per page by component (median over the rounds)\n")
        print("| component | " + " | ".join(names) + " |")
        print("|---|" + "--:|" * len(names))
        for part in parts:
            cells = [statistics.median(r["cpu_by_role"].get(part, 0.0) / max(r["pages"], 1) * 1000
                                       for r in groups[(name, scale)]) for name in names]
            if max(cells) >= 0.005:
                print(f"| {part} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
        print("| **tree (exact)** | " + " | ".join(
            f"**{statistics.median(r['tree_cpu'] / max(r['pages'], 1) * 1000 for r in groups[(name, scale)]):.2f}**"
            for name in names) + " |")
        for dask_name, local_name in (("dask 1 worker", "local -j1"), ("dask 2 workers", "local -j2"),
                                      ("dask 1 worker", "local -j2")):
            dask_runs, local_runs = groups.get((dask_name, scale)), groups.get((local_name, scale))
            if not dask_runs or not local_runs:
                continue
            paired = [1 - _rate(d) / _rate(loc) for d in dask_runs for loc in local_runs if d["round"] == loc["round"]]
            of_medians = 1 - statistics.median(map(_rate, dask_runs)) / statistics.median(map(_rate, local_runs))
            print(f"\nx{scale}: Dask overhead, {dask_name} vs {local_name}: {of_medians:.1%} of the medians; "
                  f"paired by round {_spread([x * 100 for x in paired])} %")
        one, two = groups.get(("dask 1 worker", scale)), groups.get(("dask 2 workers", scale))
        if one and two:
            ratios = [o["seconds"] / t["seconds"] for o in one for t in two if o["round"] == t["round"]]
            print(f"x{scale}: 2 workers vs 1, wall, paired by round: {_spread(ratios, '{:.2f}')}×")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        engine, workers, inputs, out, enrich = sys.argv[2:7]
        child(engine, int(workers), inputs, out, enrich == "1")
    else:
        main()
