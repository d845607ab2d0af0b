"""Sources: turn inputs (files, folders, JSON Lines, WARC archives, URLs) into pages.

``open_inputs`` dispatches each input by kind and yields ``Task``s (a page to extract) and notes
(``Failure``, ``Skipped``, ``Finished``) in input order. Sources only make pages; they never parse
articles. ``skip(key)`` says whether an input is already done (a rerun after an interruption).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsmill.page import InputFormat
from newsmill.sources.files import (
    MAX_PAGE_BYTES,
    FileOptions,
    container_key,
    file_kind,
    page_from_file,
    pages_from_jsonl,
    read_failure,
    unknown_file,
    walk,
)
from newsmill.sources.items import Failure, Finished, Item, Note, Skipped, Task
from newsmill.sources.prose import not_prose
from newsmill.sources.warc import pages_from_warc
from newsmill.sources.web import FetchOptions, pages_from_urls

__all__ = ["SourceOptions", "open_inputs", "Task", "Failure", "Skipped", "Finished", "Item", "Note",
           "FetchOptions", "input_kind"]


@dataclass
class SourceOptions:
    max_bytes: int = MAX_PAGE_BYTES
    input_format: InputFormat = "auto"
    fetch: FetchOptions = field(default_factory=FetchOptions)


def _never(_: str) -> bool:
    return False


def is_url(spec: str) -> bool:
    """Whether an input names a web page: http(s)://, the scheme in any case (HTTP:// is a URL too)."""
    return spec[:8].lower().startswith(("http://", "https://"))


def input_kind(spec: str) -> str:
    """url | folder | warc | jsonl | urls | page | unknown | missing."""
    if is_url(spec):
        return "url"
    path = Path(spec)
    if path.is_dir():
        return "folder"
    if not path.exists():
        return "missing"
    return file_kind(path)


def open_inputs(inputs: Sequence[str], options: SourceOptions | None = None,
                skip: Callable[[str], bool] = _never) -> Iterator[Item]:
    """Every page of every input, in order; unreadable inputs become Failures, never exceptions,
    and so do pages whose bytes are not text at all (``prose.not_prose``)."""
    for item in _items(inputs, options or SourceOptions(), skip):
        why = not_prose(item.page.raw) if isinstance(item, Task) else None
        yield Failure(item.key, "read", "not prose", why) if isinstance(item, Task) and why else item


def _items(inputs: Sequence[str], opts: SourceOptions, skip: Callable[[str], bool]) -> Iterator[Item]:
    urls: list[str] = []
    for spec in inputs:
        if is_url(spec):
            urls.append(spec)  # URLs given directly are fetched together, in order, at the end
            continue
        yield from _open_path(Path(spec), opts, skip, explicit=True)
    if urls:
        yield from pages_from_urls(urls, opts.fetch, skip)


def _open_path(path: Path, opts: SourceOptions, skip: Callable[[str], bool], explicit: bool) -> Iterator[Item]:
    if path.is_dir():
        for entry in walk(path):
            if isinstance(entry, Failure):
                yield entry
            else:
                yield from _open_path(entry, opts, skip, explicit=False)
        return
    if not path.exists():
        yield Failure(str(path), "read", "missing", f"no such file or folder: {path}")
        return
    if not path.is_file():  # a FIFO or device would block or never end
        yield Failure(str(path), "read", "unreadable", f"not a regular file: {path}")
        return
    kind = file_kind(path)
    if kind != "page" and skip(container_key(path)):
        return
    if kind == "warc":
        yield from pages_from_warc(path, opts.max_bytes, skip)
    elif kind == "jsonl":
        yield from pages_from_jsonl(path, FileOptions(opts.max_bytes, opts.input_format), skip)
    elif kind == "urls":
        yield from _url_list(path, opts, skip)
    elif kind == "page" or explicit:
        yield from page_from_file(path, FileOptions(opts.max_bytes, opts.input_format), skip)
    else:
        yield unknown_file(path)


def _url_list(path: Path, opts: SourceOptions, skip: Callable[[str], bool]) -> Iterator[Item]:
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError as exc:
        yield read_failure(str(path), exc)
        return
    urls = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    yield from pages_from_urls(urls, opts.fetch, skip)
    yield Finished(container_key(path))
