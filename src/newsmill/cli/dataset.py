"""``newsmill ingest`` into a Parquet dataset (``--out``), on the local engine or Dask, and loading
a dataset into a corpus (``ingest DIR --db``): a thin layer over ``newsmill.run.dataset`` and
``newsmill.run.load``."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from typing import Any


def run_dataset_ingest(args: argparse.Namespace, ingest_opts: Any) -> int:
    from newsmill.corpus.store import StoreError
    from newsmill.run.load import is_dataset

    datasets = [i for i in args.inputs if is_dataset(i)]
    raw = [i for i in args.inputs if not is_dataset(i)]
    if raw and not args.out:
        print("newsmill: with --engine dask, give --out DIR (the Parquet dataset), and --db to load it",
              file=sys.stderr)
        return 2
    try:
        with _client(args) as client:
            if raw:
                report = _ingest(args, ingest_opts, raw)
                print(report.summary(), file=sys.stderr)
                datasets.append(args.out)
            if args.db:
                from newsmill.run.load import load_dataset

                for folder in datasets:
                    print(load_dataset(folder, args.db, client).summary(), file=sys.stderr)
    except (StoreError, ValueError, OSError) as exc:
        print(f"newsmill: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nnewsmill: interrupted; every finished shard is kept, run the same command to go on",
              file=sys.stderr)
        return 130
    return 0


def _ingest(args: argparse.Namespace, ingest_opts: Any, inputs: list[str]) -> Any:
    from newsmill.run.dataset import DatasetOptions, ingest_dataset
    from newsmill.run.task import TaskOptions

    task = TaskOptions(sources=ingest_opts.sources, run=ingest_opts.run, language=ingest_opts.language,
                       enrich=ingest_opts.enrich)
    opts = DatasetOptions(task=task, engine=args.engine, retry_failed=args.retry_failed,
                          progress=not args.quiet)
    opts.dask.workers = args.workers
    opts.dask.scheduler = args.scheduler
    return ingest_dataset(inputs, args.out, opts)


@contextlib.contextmanager
def _client(args: argparse.Namespace) -> Iterator[Any]:
    """A Dask client for the grouping step of a load on Dask; None on the local engine. (The
    ingest step opens its own, so its LocalCluster is sized and set up for ingest tasks.)"""
    if args.engine != "dask" or not args.db or (args.out and not args.scheduler):
        yield None
        return
    from newsmill.run.dask_engine import DaskOptions, client

    with client(DaskOptions(workers=args.workers, scheduler=args.scheduler)) as c:
        yield c
