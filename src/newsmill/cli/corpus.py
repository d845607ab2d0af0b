"""Corpus sub-commands (ingest, search, show, export, stats, enrich, serve): thin layers over the Python API."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import TYPE_CHECKING, Any

from newsmill.corpus.store import DEFAULT_BUSY_TIMEOUT_S, Filters, Store, StoreError

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(sub: SubParsers) -> None:
    """Add the corpus commands to the CLI."""
    _add_ingest(sub)
    _add_search(sub)
    _add_show(sub)
    _add_export(sub)
    _add_stats(sub)
    _add_enrich(sub)
    _add_serve(sub)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", required=True, help="the corpus database file (SQLite)")


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--site", help="host name, e.g. www.heute.at (subdomains included)")
    p.add_argument("--language", help="ISO 639-1 code")
    p.add_argument("--source", help="publication name as extracted")
    p.add_argument("--since", help="published on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="published on or before this date (YYYY-MM-DD)")


def _filters_of(args: argparse.Namespace) -> Filters:
    return Filters(site=args.site, language=args.language, source=args.source, since=args.since,
                   until=args.until)


def _add_ingest(sub: SubParsers) -> None:
    p = sub.add_parser("ingest", help="read folders, files, JSON Lines, WARC archives and URLs into a corpus "
                                      "or a Parquet dataset")
    p.add_argument("inputs", nargs="+", help="files, folders, .jsonl, .warc(.gz), URL lists (.txt) or URLs; "
                                             "with --out also warc.paths(.gz) lists and fsspec URLs (s3://...); "
                                             "a Parquet dataset folder with --db loads it")
    p.add_argument("--db", help="the corpus database file (SQLite)")
    _add_dataset_options(p)
    p.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument("--page-timeout", type=float, default=None, help="CPU seconds one page may take (default 60; wall time: 3x that, at least 15 s)")
    p.add_argument("--memory-mb", type=int, default=None, help="memory per worker in MB (default 2048)")
    p.add_argument("--input-format", choices=("auto", "html", "text"), default="auto")
    p.add_argument("--language", help="force this language instead of detecting it")
    p.add_argument("--no-enrich", dest="enrich", action="store_false",
                   help="store extracted articles without entities, places, quotes and times (faster)")
    p.add_argument("--allow-private", action="store_true",
                   help="allow fetching from loopback, private and link-local addresses")
    p.add_argument("--delay", type=float, default=None, help="seconds between requests to one host (default 1)")
    p.add_argument("--timeout", type=float, default=None, help="total seconds per URL fetch (default 30)")
    p.add_argument("--fetch-threads", type=int, default=None, help="hosts fetched in parallel (default 8)")
    p.add_argument("--retry-failed", action="store_true", help="try inputs that failed before again")
    p.add_argument("--busy-timeout", type=float, default=DEFAULT_BUSY_TIMEOUT_S,
                   help="seconds to wait for another process's write lock on the database "
                        f"(default {DEFAULT_BUSY_TIMEOUT_S:g})")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=_run_ingest)


def _add_dataset_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", help="write a Parquet dataset to this folder (one shard per input file)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine's process pool; dask: a Dask cluster (with --out)")
    p.add_argument("--workers", type=int, default=0, help="Dask LocalCluster worker processes (default: all cores)")
    p.add_argument("--scheduler", help="address of an existing Dask scheduler (tcp://HOST:PORT)")


def _ingest_options(args: argparse.Namespace) -> Any:
    from newsmill.run.pipeline import IngestOptions

    opts = IngestOptions(language=args.language, retry_failed=args.retry_failed, progress=not args.quiet,
                         busy_timeout_s=args.busy_timeout, enrich=args.enrich)
    opts.run.jobs = args.jobs
    if args.page_timeout:
        opts.run.page_timeout_s = args.page_timeout
    if args.memory_mb:
        opts.run.memory_mb = args.memory_mb
    opts.sources.input_format = args.input_format
    fetch = opts.sources.fetch
    fetch.allow_private = args.allow_private
    if args.delay is not None:
        fetch.host_delay_s = args.delay
    if args.timeout:
        fetch.total_timeout_s = args.timeout
    if args.fetch_threads:
        fetch.fetch_threads = args.fetch_threads
    return opts


def _run_ingest(args: argparse.Namespace) -> int:
    if not args.db and not args.out:
        print("newsmill: ingest needs --db (a SQLite corpus) or --out (a Parquet dataset)", file=sys.stderr)
        return 2
    if args.out or args.engine == "dask" or any(_is_dataset(i) for i in args.inputs):
        from newsmill.cli.dataset import run_dataset_ingest

        return run_dataset_ingest(args, _ingest_options(args))
    from newsmill.run.pipeline import ingest

    try:
        report = ingest(args.inputs, args.db, _ingest_options(args))
    except StoreError as exc:
        print(f"newsmill: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nnewsmill: interrupted; everything stored so far is kept, run the same command to go on",
              file=sys.stderr)
        return 130
    print(report.summary(), file=sys.stderr)
    if report.failed and report.pages == sum(report.failed.values()):
        print("newsmill: every input failed, nothing was stored (see the reasons above; "
              "`newsmill stats --failures 20` lists them)", file=sys.stderr)
        return 1
    return 1 if report.stopped else 0


def _is_dataset(spec: str) -> bool:
    from newsmill.run.load import is_dataset

    return is_dataset(spec)


def _add_search(sub: SubParsers) -> None:
    p = sub.add_parser("search", help="full-text search in a corpus (ranked, with snippets)")
    p.add_argument("query", help="words to find; FTS5 syntax (\"a phrase\", OR, NOT, title:word) works too")
    _db(p)
    _filters(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=_run_search)


def _run_search(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        hits = store.search(args.query, _filters_of(args), limit=args.limit)
    if args.format == "json":
        for hit in hits:
            print(json.dumps(dataclasses.asdict(hit), ensure_ascii=False))
        return 0
    for hit in hits:
        meta = " · ".join(x for x in (hit.site, hit.published, hit.language) if x)
        print(f"{hit.id}  {hit.title or '(no title)'}\n    {meta}\n    {hit.snippet}\n")
    if not hits:
        print("no matches", file=sys.stderr)
    return 0


def _add_show(sub: SubParsers) -> None:
    p = sub.add_parser("show", help="print one stored article")
    p.add_argument("id", help="article id (as printed by search)")
    _db(p)
    p.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    p.set_defaults(func=_run_show)


def _run_show(args: argparse.Namespace) -> int:
    from newsmill.cli import print_article

    with _open(args.db) as store:
        article = store.get(args.id)
        group = store.group_of(article.id) if article else []
    if article is None:
        print(f"newsmill: no article {args.id} in {args.db}", file=sys.stderr)
        return 1
    print_article(article, args.format)
    if len(group) > 1:
        others = ", ".join(i for i in group if i != article.id)
        print(f"near-duplicates (same story): {others}", file=sys.stderr)
    return 0


def _add_export(sub: SubParsers) -> None:
    p = sub.add_parser("export", help="export the corpus as JSON Lines or Parquet (full Article records)")
    _db(p)
    _filters(p)
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl")
    p.add_argument("-o", "--output", required=True, help="output file, or - for standard output (jsonl)")
    p.add_argument("--with-groups", action="store_true",
                   help="add a 'group' field: the near-duplicate group of each article")
    p.set_defaults(func=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from newsmill.corpus.export import export

    with _open(args.db) as store:
        n = export(store, args.output, args.format, _filters_of(args), with_groups=args.with_groups)
    print(f"exported {n} articles to {args.output}", file=sys.stderr)
    return 0


def _add_stats(sub: SubParsers) -> None:
    p = sub.add_parser("stats", help="counts: articles, duplicates, groups, languages, sites, failures")
    _db(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--failures", type=int, default=0, metavar="N", help="also list the last N failures")
    p.set_defaults(func=_run_stats)


def _run_stats(args: argparse.Namespace) -> int:
    with _open(args.db) as store:
        stats = store.stats()
        failures = store.failures(args.failures) if args.failures else []
    if args.format == "json":
        data = dataclasses.asdict(stats)
        data["recent_failures"] = [dict(zip(("input", "stage", "reason", "detail"), f, strict=True))
                                   for f in failures]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"articles: {stats.articles}\nexact duplicates (stored once): {stats.duplicates}\n"
          f"near-duplicate groups: {stats.near_duplicate_groups} ({stats.articles_in_groups} articles)\n"
          f"failures: {stats.failures}\ninputs done: {stats.done_inputs}")
    for title, counts in (("languages", stats.by_language), ("sites", stats.by_site),
                          ("failures by reason", stats.failures_by_reason)):
        if counts:
            print(f"{title}:")
            for key, n in counts.items():
                print(f"  {n:7d}  {key}")
    for inp, stage, reason, detail in failures:
        print(f"  {stage}: {reason}: {inp}: {detail}")
    return 0


def _add_enrich(sub: SubParsers) -> None:
    p = sub.add_parser("enrich", help="add entities, places, quotes and times to a corpus in place (resumable)")
    _db(p)
    p.add_argument("--redo", action="store_true", help="enrich every article again, also those done before")
    p.add_argument("--quiet", action="store_true", help="no progress display")
    p.set_defaults(func=_run_enrich)


def _run_enrich(args: argparse.Namespace) -> int:
    from newsmill.run.enrich_db import enrich_corpus

    def show(r: Any) -> None:
        print(f"\r{r.enriched} enriched, {r.skipped} already done, {r.failed} failed", end="", file=sys.stderr)

    try:
        report = enrich_corpus(args.db, redo=args.redo, progress=None if args.quiet else show)
    except StoreError as exc:
        print(f"newsmill: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nnewsmill: interrupted; everything enriched so far is kept, run the same command to go on",
              file=sys.stderr)
        return 130
    print(("" if args.quiet else "\n") + report.summary(), file=sys.stderr)
    return 0


def _add_serve(sub: SubParsers) -> None:
    p = sub.add_parser("serve", help="browse a corpus in a web browser: search, facets, entities, quotes, map")
    _db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=_run_serve)


def _run_serve(args: argparse.Namespace) -> int:
    from newsmill.web.server import serve

    try:
        return serve(args.db, args.host, args.port)
    except StoreError as exc:
        print(f"newsmill: {exc}", file=sys.stderr)
        return 1


def _open(db: str) -> Store:
    try:
        return Store(db, readonly=True)
    except StoreError as exc:
        raise SystemExit(f"newsmill: {exc}") from exc
