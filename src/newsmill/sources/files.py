"""Files and folders: HTML pages (also gzipped), text dumps, JSON Lines of pages or dumps.

Every read is bounded: a file larger than the cap is refused, a gzip stream is decompressed only
up to the cap (a gzip bomb stops there), a JSON line longer than the cap is skipped. Gzip is read by
``bounded`` (the reader HTTP bodies and WARC payloads use too): all members, a truncated or damaged
stream is a failure, trailing garbage after a complete member is ignored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsmill.page import InputFormat, Page
from newsmill.sources.bounded import DamagedStream, TooLarge, inflate_file, open_gzip
from newsmill.sources.items import Failure, Finished, Item, Skipped, Task

# Bytes one page may have on disk and after decompression: real article pages stay well under
# 5 MB; anything past 20 MB is a dump or a bomb and only costs time and memory.
MAX_PAGE_BYTES = 20_000_000

PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
# A .txt file whose lines (ignoring blanks and # comments) are all URLs is a URL list, not a dump.
_URL_LIST_SNIFF_BYTES = 65_536
# Characters of a JSON parser's message kept for a bad row: its position and cause, not the row.
_JSON_ERROR_CHARS = 200


@dataclass
class FileOptions:
    max_bytes: int = MAX_PAGE_BYTES
    input_format: InputFormat = "auto"


def file_kind(path: Path) -> str:
    """page | jsonl | warc | urls | unknown, from the name (and, for .txt, the first lines)."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    suffix = _inner_suffix(path)
    if suffix == ".txt" and not _gzipped(path) and looks_like_url_list(path):
        return "urls"
    return "page" if suffix in PAGE_SUFFIXES else "unknown"


def _gzipped(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _inner_suffix(path: Path) -> str:
    """The lower-case suffix under a .gz: ".html" for page.HTML.gz, ".txt" for dump.txt."""
    name = path.name.lower()
    return Path(name[:-3] if name.endswith(".gz") else name).suffix


def looks_like_url_list(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(_URL_LIST_SNIFF_BYTES).decode("utf-8", "replace")
    except OSError:
        return False
    lines = [ln.strip() for ln in head.splitlines() if ln.strip() and not ln.startswith("#")]
    return bool(lines) and all(ln[:8].lower().startswith(("http://", "https://")) and " " not in ln for ln in lines)


def read_capped(path: Path, cap: int) -> bytes:
    """The file's bytes (gunzipped when it ends in .gz), refusing more than ``cap`` bytes."""
    if path.stat().st_size > cap:
        raise TooLarge(f"file of {path.stat().st_size} bytes is over the {cap}-byte cap")
    if not _gzipped(path):
        return path.read_bytes()
    return inflate_file(path, cap)


def read_failure(key: str, exc: BaseException) -> Failure:
    """A read error as a Failure with a short reason for the stats."""
    if isinstance(exc, TooLarge):
        return Failure(key, "read", "too large", str(exc))
    if isinstance(exc, PermissionError):
        return Failure(key, "read", "unreadable", f"permission denied: {exc}")
    if isinstance(exc, DamagedStream):  # its message says cut short or damaged, and where
        return Failure(key, "read", "bad gzip", str(exc))
    if isinstance(exc, IsADirectoryError | FileNotFoundError):
        return Failure(key, "read", "missing", str(exc))
    return Failure(key, "read", "unreadable", f"{type(exc).__name__}: {exc}")


def page_from_file(path: Path, options: FileOptions, skip: Callable[[str], bool]) -> Iterator[Item]:
    key = str(path)
    if skip(key):
        return
    try:
        raw = read_capped(path, options.max_bytes)
    except (OSError, ValueError) as exc:  # TooLarge and DamagedStream are ValueErrors
        yield read_failure(key, exc)
        return
    fmt = options.input_format
    if fmt == "auto":
        fmt = "text" if PAGE_SUFFIXES.get(_inner_suffix(path)) == "text" else "auto"
    yield Task(key, Page(raw=raw, input_format=fmt), size=path.stat().st_size)


def pages_from_jsonl(path: Path, options: FileOptions, skip: Callable[[str], bool]) -> Iterator[Item]:
    """Rows ``{"url": ..., "html": ...}`` or ``{"url": ..., "text": ...}`` (plus optional "published")."""
    try:
        with _open_maybe_gzip(path) as stream:
            yield from _jsonl_rows(path, stream, options, skip)
    except (OSError, DamagedStream) as exc:
        yield read_failure(str(path), exc)
        return
    yield Finished(container_key(path))


def _open_maybe_gzip(path: Path) -> IO[bytes]:
    if _gzipped(path):
        return open_gzip(path)
    return path.open("rb")


def _jsonl_rows(path: Path, stream: IO[bytes], options: FileOptions,
                skip: Callable[[str], bool]) -> Iterator[Item]:
    lineno = 0
    while True:
        line = stream.readline(options.max_bytes + 1)
        if not line:
            return
        lineno += 1
        key = f"{path}#L{lineno}"
        if len(line) > options.max_bytes:
            _drain_line(stream, options.max_bytes)
            yield Failure(key, "read", "too large", f"JSON line over {options.max_bytes} bytes")
            continue
        if not line.strip() or skip(key):
            continue
        item = _row_item(key, line)
        if isinstance(item, Task):
            item.size = len(line)
        yield item


def _drain_line(reader: IO[bytes], chunk: int) -> None:
    while True:
        rest = reader.readline(chunk)
        if not rest or rest.endswith(b"\n"):
            return


def _row_item(key: str, line: bytes) -> Item:
    try:
        row = json.loads(line)
    except ValueError as exc:
        return Failure(key, "read", "bad json", str(exc)[:_JSON_ERROR_CHARS])
    if not isinstance(row, dict):
        return Failure(key, "read", "bad json", "row is not a JSON object")
    url = row.get("url") if isinstance(row.get("url"), str) else None
    published = row.get("published") if isinstance(row.get("published"), str) else None
    for field_name, fmt in (("html", "html"), ("text", "text")):
        value = row.get(field_name)
        if isinstance(value, str):
            page = Page(raw=value, url=url, input_format=fmt, published=published)  # type: ignore[arg-type]
            return Task(key, page)
    return Skipped(key, "jsonl row without html or text")


def container_key(path: Path) -> str:
    """The done-marker of a whole file: changes when the file does (size, mtime)."""
    try:
        st = path.stat()
        return f"file:{path}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        return f"file:{path}"


def walk(root: Path) -> Iterator[Path | Failure]:
    """Files under ``root`` in a stable (sorted) order, not following symlinked folders."""
    try:
        entries = sorted(root.iterdir())
    except OSError as exc:
        yield read_failure(str(root), exc)
        return
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            yield from walk(entry)
        elif entry.is_file():
            yield entry


def unknown_file(path: Path) -> Skipped:
    return Skipped(str(path), "unsupported file type")
