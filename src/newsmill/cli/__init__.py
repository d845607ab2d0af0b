"""The newsmill command line: a thin layer over the Python API.

Exit codes: 0 done; 1 the input, the database or an output could not be used (one line on standard
error says what and what to do; ``ingest``: also when every input failed); 2 wrong usage;
70 an internal error (a bug: please report it with the ``--debug`` traceback); 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from newsmill.article import Article, json_schema
from newsmill.page import InputError

# Modules that add their own sub-commands: each has register(subparsers).
_COMMAND_MODULES = ("newsmill.cli.corpus",)


EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 70, 130


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    # --debug anywhere on the line (before or after the command): tracebacks instead of one line
    debug = "--debug" in args_in
    parser = build_parser()
    args = parser.parse_args([a for a in args_in if a != "--debug"])
    if not hasattr(args, "func"):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("\nnewsmill: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        return _report(exc, debug)


def _report(exc: Exception, debug: bool) -> int:
    """One line for an error the user can fix; a bug says so. ``--debug``: the traceback too."""
    from newsmill.corpus.store import StoreError

    if debug:
        traceback.print_exc()
    if isinstance(exc, InputError | StoreError):
        print(f"newsmill: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        print(f"newsmill: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR
    print(f"newsmill: internal error {type(exc).__name__}: {exc} "
          f"(a bug; {'' if debug else 'run again with --debug and '}report the traceback)", file=sys.stderr)
    return EXIT_BUG


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsmill", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debug", action="store_true", help="show tracebacks (for developers)")
    sub = parser.add_subparsers(title="commands")
    _add_extract(sub)
    _add_annotate(sub)
    p = sub.add_parser("schema", help="print the JSON Schema of the Article record")
    p.set_defaults(func=lambda a: print(json.dumps(json_schema(), indent=2)))
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _add_extract(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("extract", help="extract one page (HTML or flattened text) into an Article")
    p.add_argument("path", help="file to read, or - for standard input")
    p.add_argument("--url", help="the page's URL (helps with ids, sites and relative links)")
    p.add_argument("--input-format", choices=("auto", "html", "text"), default="auto")
    p.add_argument("--published", help="publication date known from elsewhere (ISO 8601)")
    p.add_argument("--enrich", action="store_true", help="add entities, places, quotes and times")
    p.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    p.set_defaults(func=_run_extract)


def _add_annotate(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("annotate", help="annotate clean text as is (no cleaning)")
    p.add_argument("path", help="text file to read, or - for standard input")
    p.add_argument("--language", help="ISO 639-1 code; detected when omitted")
    p.add_argument("--published", help="date the text was written, anchors relative dates")
    p.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    p.set_defaults(func=_run_annotate)


def read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise InputError(f"no such file: {path}")
    if not file.name.lower().endswith(".gz"):
        return file.read_bytes()  # an oversized page is cut with a warning when it is decoded
    # a crawl keeps pages as page.html.gz: `ingest` reads them, so `extract` and `annotate` do too
    from newsmill.page import MAX_PAGE_BYTES
    from newsmill.sources.bounded import DamagedStream, TooLarge
    from newsmill.sources.files import read_capped

    try:
        return read_capped(file, MAX_PAGE_BYTES)
    except (TooLarge, DamagedStream) as exc:
        raise InputError(f"{path}: {exc}") from exc


def _run_extract(args: argparse.Namespace) -> int:
    from newsmill import extract

    article = extract(read_input(args.path), url=args.url, input_format=args.input_format,
                      published=args.published, enrich=args.enrich)
    print_article(article, args.format)
    return 0


def _run_annotate(args: argparse.Namespace) -> int:
    from newsmill import annotate

    text = read_input(args.path).decode("utf-8", errors="replace")
    print_article(annotate(text, language=args.language, published=args.published), args.format)
    return 0


def print_article(article: Article, fmt: str) -> None:
    if fmt == "markdown":
        sys.stdout.write(article.to_markdown())
    elif fmt == "text":
        sys.stdout.write(article.text + "\n")
    else:
        sys.stdout.write(article.to_json() + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
