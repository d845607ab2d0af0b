"""Units of work for a dataset run: one input file (a WARC, a JSON Lines file) per unit.

``expand(inputs)`` turns what the user named into units: files as they are, folders walked (each
container file its own unit, the loose pages of one folder one unit together), lists of WARC paths
(``warc.paths``, ``warc.paths.gz``, as Common Crawl publishes them) one unit per line, and fsspec
URLs (``s3://``, ``memory://``, ``https://...warc.gz``) read through fsspec. A unit's ``key``
names its shard; its ``stamp`` (size and modification time) tells a rerun whether the input changed.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsmill.sources.files import file_kind, walk

# Names of path lists: one WARC path or URL per line (Common Crawl's ``warc.paths.gz``).
PATH_LIST_SUFFIXES = (".paths", ".paths.gz")
# Characters of the input's own name kept in its key, so a shard name says what it came from.
_KEY_NAME_CHARS = 60
# Hex digits of the full input's hash in a key: two inputs with the same file name never collide.
_KEY_HASH_HEX = 10
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_CONTAINER_SUFFIXES = (".warc.gz", ".warc", ".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".gz")
# URL schemes read through fsspec; plain http(s) URLs of pages are fetched by the sources instead.
_REMOTE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


@dataclass(frozen=True)
class Unit:
    """One unit of work: ``paths`` are read in order into one shard named by ``key``."""

    key: str
    paths: tuple[str, ...]
    size: int = 0  # bytes of input (progress and ETA)
    stamp: str = ""  # size and mtime of the input: a changed input is redone on resume

    @property
    def label(self) -> str:
        return self.paths[0] if len(self.paths) == 1 else f"{Path(self.paths[0]).parent}/ ({len(self.paths)} pages)"


def unit_key(spec: str) -> str:
    """``<file name without container suffix>-<hash of the full spec>``: readable and unique."""
    name = spec.rstrip("/").rsplit("/", 1)[-1] or "input"
    for suffix in _CONTAINER_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    digest = hashlib.sha1(spec.encode("utf-8")).hexdigest()[:_KEY_HASH_HEX]
    return f"{_UNSAFE.sub('_', name)[:_KEY_NAME_CHARS]}-{digest}"


def is_remote(spec: str) -> bool:
    """A URL for fsspec: any scheme but a page's http(s) URL (a ``.warc.gz`` over https counts)."""
    if not _REMOTE.match(spec):
        return False
    if spec.lower().startswith(("http://", "https://")):
        return spec.lower().split("?", 1)[0].endswith((".warc.gz", ".warc", ".jsonl", ".jsonl.gz"))
    return True


def expand(inputs: list[str] | tuple[str, ...]) -> Iterator[Unit]:
    """The units of work of ``inputs``, in order; an input that does not exist is still a unit
    (reading it makes the failure that the manifest records)."""
    for spec in inputs:
        if is_remote(spec):
            if spec.lower().endswith(PATH_LIST_SUFFIXES):
                yield from _path_list(spec)
            else:
                yield _remote_unit(spec)
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _folder(path)
        elif path.name.lower().endswith(PATH_LIST_SUFFIXES) and path.is_file():
            yield from _path_list(spec)
        else:
            yield _local_unit(path)


def _local_unit(path: Path) -> Unit:
    try:
        st = path.stat()
        size, stamp = st.st_size, f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        size, stamp = 0, "missing"
    return Unit(unit_key(str(path)), (str(path),), size, stamp)


def _remote_unit(url: str) -> Unit:
    try:
        info = remote_info(url)
    except Exception:  # unreachable or missing: the task reports it, the listing must not fail
        return Unit(unit_key(url), (url,), 0, "missing")
    size = int(info.get("size") or 0)
    mtime = info.get("mtime") or info.get("LastModified") or info.get("ETag") or ""
    return Unit(unit_key(url), (url,), size, f"{size}:{mtime}")


def _folder(root: Path) -> Iterator[Unit]:
    """Container files are units of their own; the loose pages of each folder form one unit."""
    loose: dict[Path, list[Path]] = {}
    for entry in walk(root):
        if not isinstance(entry, Path):
            continue  # an unreadable subfolder: its pages are not listed
        if file_kind(entry) == "page":
            loose.setdefault(entry.parent, []).append(entry)
        else:
            yield _local_unit(entry)
    for folder, files in loose.items():
        size = sum(_size(f) for f in files)
        newest = max((_mtime(f) for f in files), default=0)
        yield Unit(unit_key(str(folder) + "/"), tuple(str(f) for f in files), size,
                   f"{len(files)}:{size}:{newest}")


def _path_list(spec: str) -> Iterator[Unit]:
    """Lines of a path list: URLs as they are, relative paths against the list's own folder."""
    base = spec.rsplit("/", 1)[0] if "/" in spec else "."
    with open_binary(spec) as raw:
        stream: IO[bytes] = gzip.open(raw) if spec.lower().endswith(".gz") else raw  # type: ignore[assignment]  # noqa: SIM115 (closed with raw)
        for line in stream:
            entry = line.decode("utf-8", "replace").strip()
            if not entry or entry.startswith("#"):
                continue
            full = entry if _REMOTE.match(entry) or entry.startswith("/") else f"{base}/{entry}"
            yield _remote_unit(full) if is_remote(full) else _local_unit(Path(full))


def open_binary(spec: str) -> IO[bytes]:
    if is_remote(spec):
        import fsspec

        return fsspec.open(spec, "rb").open()  # type: ignore[no-any-return]
    return open(spec, "rb")


def remote_info(url: str) -> dict[str, Any]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url)
    return dict(fs.info(path))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
