"""An fsspec file seen through the few ``Path`` methods the sources use (open, stat, name).

The WARC and JSON Lines readers take a ``Path``; a remote WARC is streamed to them through this
adapter instead of being downloaded first, so a task holds one record at a time, never the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO, Any


@dataclass
class RemoteStat:
    st_size: int
    st_mtime_ns: int


class RemotePath:
    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url
        self.fs, self.path = fsspec.core.url_to_fs(url)
        self.name = PurePosixPath(self.path).name

    def __str__(self) -> str:
        return self.url

    def __repr__(self) -> str:
        return f"RemotePath({self.url!r})"

    def open(self, mode: str = "rb") -> IO[bytes]:
        if mode != "rb":
            raise ValueError("remote inputs are read only")
        return self.fs.open(self.path, "rb")  # type: ignore[no-any-return]

    def stat(self) -> RemoteStat:
        info: dict[str, Any] = self.fs.info(self.path)
        size = int(info.get("size") or 0)
        mtime = info.get("mtime") or info.get("created") or 0
        try:
            mtime_ns = int(float(mtime) * 1e9)
        except (TypeError, ValueError):  # a datetime or an ETag: the size alone stamps the file
            mtime_ns = 0
        return RemoteStat(size, mtime_ns)

    def exists(self) -> bool:
        return bool(self.fs.exists(self.path))

    def is_file(self) -> bool:
        return bool(self.fs.isfile(self.path))
