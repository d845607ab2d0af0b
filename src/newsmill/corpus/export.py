"""Export the corpus as JSON Lines or Parquet, the full Article record per row, streamed in batches."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sys
import tempfile
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from newsmill.article import Article
from newsmill.corpus.store import Filters, Store, StoreError

# Rows per Parquet row group and per read from SQLite: memory stays bounded by one batch.
BATCH = 1000


class ExportError(StoreError):
    """The export file cannot be written (no such folder, a directory, disk full, no permission)."""


def export(store: Store, output: str | Path, fmt: str = "jsonl", filters: Filters | None = None,
           with_groups: bool = False) -> int:
    """Write every (filtered) article to ``output``; returns how many were written.

    ``with_groups`` adds a ``group`` field (the near-duplicate group id) beside the Article fields;
    without it every row is exactly an Article as its JSON Schema describes."""
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"unknown export format {fmt!r} (jsonl or parquet)")
    records = _with_groups(store, filters) if with_groups else store.iter_records(filters, BATCH)
    if fmt == "jsonl" and str(output) == "-":
        return _write_lines(records, sys.stdout)
    if fmt == "jsonl":
        return _atomic(Path(output), lambda tmp: _jsonl(records, tmp))
    return _atomic(Path(output), lambda tmp: _parquet(records, tmp, with_groups))


def _atomic(target: Path, write: Callable[[Path], int]) -> int:
    """Write to a temporary file beside ``target`` and rename it into place once complete, so a
    failed or interrupted export never leaves a partial file under the target name."""
    if target.is_dir():
        raise ExportError(f"cannot export to {target}: it is a folder; give a file name inside it")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"cannot export to {target}: folder {folder} does not exist")
    if target.exists() and not target.is_file():  # /dev/null, a FIFO: write to it directly
        return _explained(target, lambda: write(target))
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot export to {target}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        n = _explained(target, lambda: write(tmp))
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(f"cannot export to {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return n


def _explained(target: Path, write: Callable[[], int]) -> int:
    try:
        return write()
    except OSError as exc:  # disk full, permission, I/O error: one line, the partial file is dropped
        raise ExportError(f"cannot write {target}: {exc.strerror or exc} (nothing was exported)") from exc


def _with_groups(store: Store, filters: Filters | None) -> Iterator[str]:
    for record, group in store.iter_grouped(filters, BATCH):
        data = json.loads(record)
        data["group"] = group
        yield json.dumps(data, ensure_ascii=False)


def _jsonl(records: Iterator[str], output: Path) -> int:
    with open(output, "w", encoding="utf-8") as f:
        n = _write_lines(records, f)
        f.flush()
        if output.is_file():  # the data is on disk before the rename makes it the export
            os.fsync(f.fileno())
    return n


def _write_lines(records: Iterator[str], out: typing.TextIO) -> int:
    n = 0
    for record in records:
        out.write(record + "\n")  # the stored record is already compact JSON of the full Article
        n += 1
    return n


def _parquet(records: Iterator[str], output: Path, with_groups: bool = False) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    if with_groups:
        schema = schema.append(pa.field("group", pa.string()))
    n = 0
    with pq.ParquetWriter(output, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(json.loads(record))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def arrow_schema() -> Any:
    """The Arrow schema of an Article, derived from the dataclass (so it follows the contract)."""
    import pyarrow as pa

    return pa.schema(_struct_fields(Article))


def _struct_fields(cls: Any) -> list[Any]:
    import pyarrow as pa

    hints = typing.get_type_hints(cls)
    return [pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)]


def _arrow_type(tp: Any) -> Any:
    import pyarrow as pa

    origin = get_origin(tp)
    if origin is list:
        return pa.list_(_arrow_type(get_args(tp)[0]))
    if origin is Literal:
        return pa.string()
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _arrow_type(options[0]) if len(options) == 1 else pa.string()
    if dataclasses.is_dataclass(tp):
        return pa.struct(_struct_fields(tp))
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    return simple[tp]
