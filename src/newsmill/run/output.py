"""Where a dataset lives: a local folder, or any fsspec URL (``file://``, ``memory://``, ``s3://``).

A local folder (a plain path or a ``file://`` URL) keeps the strongest guarantees: shards are
fsynced and renamed into place atomically and manifest lines are appended with an fsync. On other
file systems a shard is written under its temporary name and moved (on an object store the
final object appears whole or not at all), and the manifest is rewritten whole on each new line,
since object stores cannot append (a few hundred lines per CC-NEWS month: cheap).

An ``Output`` is rebuilt from its ``spec`` string wherever it is needed, so only the string
travels to Dask workers.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import IO, Any

# Any "scheme://" is an fsspec URL here: an output is never a web page.
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def is_url(spec: str) -> bool:
    return bool(_URL.match(spec))


class Output:
    """The dataset folder ``spec``; names inside it are plain file names (``part-….parquet``)."""

    def __init__(self, spec: str | Path) -> None:
        self.spec = str(spec)
        self.fs: Any = None  # None: the local file system, through os and pathlib
        self.root = self.spec
        if is_url(self.spec):
            import fsspec
            from fsspec.implementations.local import LocalFileSystem

            fs, root = fsspec.core.url_to_fs(self.spec)
            if isinstance(fs, LocalFileSystem):
                self.root = root
            else:
                self.fs, self.root = fs, root.rstrip("/")
        if self.fs is None:
            self.root = str(Path(self.root).resolve())

    @property
    def local(self) -> bool:
        return self.fs is None

    @property
    def protocol(self) -> str:
        if self.fs is None:
            return "file"
        proto = self.fs.protocol
        return str(proto if isinstance(proto, str) else proto[0])

    def path(self, name: str) -> str:
        """Where ``name`` is, as this file system names it (a local path, or a path for ``fs``)."""
        return os.path.join(self.root, name) if self.fs is None else f"{self.root}/{name}"

    def location(self) -> str:
        """The folder as a spec for other processes (an absolute path or a full URL)."""
        return self.root if self.fs is None else str(self.fs.unstrip_protocol(self.root))

    def url(self, name: str) -> str:
        """``name`` as a spec any process can open (``open_binary``): a local path or a full URL."""
        return self.path(name) if self.fs is None else self.fs.unstrip_protocol(self.path(name))

    def makedirs(self) -> None:
        if self.fs is None:
            Path(self.root).mkdir(parents=True, exist_ok=True)
        else:
            self.fs.makedirs(self.root, exist_ok=True)

    def isfile(self, name: str) -> bool:
        if self.fs is None:
            return os.path.isfile(self.path(name))
        return bool(self.fs.isfile(self.path(name)))

    def size(self, name: str) -> int:
        if self.fs is None:
            return os.path.getsize(self.path(name))
        return int(self.fs.size(self.path(name)) or 0)

    def read_text(self, name: str) -> str | None:
        """The file's text, or None when it is not there."""
        if not self.isfile(name):
            return None
        with self.open(name, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def open(self, name: str, mode: str = "rb") -> IO[bytes]:
        if self.fs is None:
            return open(self.path(name), mode)  # noqa: SIM115 (the caller closes it)
        return self.fs.open(self.path(name), mode)  # type: ignore[no-any-return]

    def append_line(self, name: str, line: str) -> None:
        """Add one line to a file; durable when this returns."""
        data = (line + "\n").encode("utf-8")
        if self.fs is None:
            with open(self.path(name), "ab") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            return
        old = self.read_text(name) or ""
        if old and not old.endswith("\n"):
            old += "\n"
        self.fs.pipe_file(self.path(name), old.encode("utf-8") + data)

    def replace(self, temp: str, final: str) -> None:
        """Move ``temp`` to ``final``: atomic on a local folder, whole-or-nothing on object stores."""
        if self.fs is None:
            with open(self.path(temp), "rb") as f:
                os.fsync(f.fileno())
            os.replace(self.path(temp), self.path(final))
        else:
            self.fs.mv(self.path(temp), self.path(final))

    def remove(self, name: str) -> None:
        if self.fs is None:
            Path(self.path(name)).unlink(missing_ok=True)
        elif self.fs.exists(self.path(name)):
            self.fs.rm_file(self.path(name))

    def names(self, pattern: str) -> list[str]:
        """File names in the folder matching a glob ``pattern``."""
        if self.fs is None:
            return sorted(p.name for p in Path(self.root).glob(pattern))
        return sorted(str(p).rsplit("/", 1)[-1] for p in self.fs.glob(self.path(pattern)))


def open_binary(spec: str) -> IO[bytes]:
    """A file named by a local path or an fsspec URL, for reading."""
    if is_url(spec):
        import fsspec

        return fsspec.open(spec, "rb").open()  # type: ignore[no-any-return]
    return open(spec, "rb")  # noqa: SIM115 (the caller closes it)
