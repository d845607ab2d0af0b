"""The Parquet sink: one shard per unit of work, written to a temporary name and renamed when whole.

A shard row is an Article (every field, nested lists as Arrow lists of structs, the same schema as
``newsmill export --format parquet``) followed by three columns for the dataset's own use:
``record_key`` (where in the input the page was: ``file@offset``, ``file#L12``), ``text_hash``
(exact duplicates) and ``minhash`` (the 128 x uint32 MinHash signature as 512 little-endian bytes,
null for texts too short to have one; near-duplicate grouping reads it from the shards).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from newsmill.corpus.export import arrow_schema
from newsmill.corpus.store import ArticleRow
from newsmill.run.local import release_free_memory
from newsmill.run.output import Output

SHARD_PREFIX = "part-"
SHARD_SUFFIX = ".parquet"
# Rows per row group: a few MB each; a reader streams a shard one row group at a time.
ROW_GROUP_ROWS = 500
# ... or fewer when the records are big (enriched articles with many entities and quotes): the
# pending rows are Python objects, several times their JSON size, held by the task until written.
ROW_GROUP_JSON_BYTES = 4_000_000
EXTRA_COLUMNS = ("record_key", "text_hash", "minhash")
PendingRow = tuple[str, str, str, bytes | None]


def shard_name(key: str) -> str:
    return f"{SHARD_PREFIX}{key}{SHARD_SUFFIX}"


def shard_schema() -> Any:
    import pyarrow as pa

    schema = arrow_schema()
    for name, kind in zip(EXTRA_COLUMNS, (pa.string(), pa.string(), pa.binary()), strict=True):
        schema = schema.append(pa.field(name, kind))
    return schema.with_metadata({"newsmill": "article shard", "article_schema_version": _version()})


def _version() -> str:
    from newsmill.article import SCHEMA_VERSION

    return str(SCHEMA_VERSION)


class ShardWriter:
    """Rows in, one complete ``part-<key>.parquet`` out; nothing under the final name until done."""

    def __init__(self, out: str | Path | Output, key: str) -> None:
        self.out = out if isinstance(out, Output) else Output(out)
        self.final = shard_name(key)
        # unique per attempt: a rescheduled task never writes into a half file of a dead one
        self.temp = f".{self.final}.tmp-{uuid.uuid4().hex[:12]}"
        self.schema = shard_schema()
        # (record JSON, record key, text hash, signature) per row: the JSON text until the row
        # group is written, several times smaller than the same record as Python objects (an
        # enriched row group of 4 MB of JSON was ~25 MB of dicts in the task's process)
        self.pending: list[PendingRow] = []
        self.pending_bytes = 0
        self.rows = 0
        self._file: Any = None
        self._writer: Any = None

    def add(self, row: ArticleRow, record_key: str) -> None:
        self.pending.append((row.record, record_key, row.text_hash, row.signature))
        self.pending_bytes += len(row.record)
        if len(self.pending) >= ROW_GROUP_ROWS or self.pending_bytes >= ROW_GROUP_JSON_BYTES:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._writer is None:
            self._file = self.out.open(self.temp, "wb")
            self._writer = pq.ParquetWriter(self._file, self.schema, compression="zstd")
        if self.pending:
            self._writer.write_table(rows_table(self.pending, self.schema))
            self.rows += len(self.pending)
            self.pending.clear()
            self.pending_bytes = 0
            # The row group's Arrow buffers are garbage now; give their memory back so the
            # task's process stays at one row group, not its peak.
            pa.default_memory_pool().release_unused()
            release_free_memory()

    def _close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._file is not None:
            self._file.close()
            self._file = None

    def commit(self) -> str:
        """Close the shard and move it to its final name; the shard's file name."""
        self._flush()  # an input with no article still gets a shard: its manifest entry points at it
        self._close()
        self.out.replace(self.temp, self.final)
        return self.final

    def abort(self) -> None:
        self._close()
        self.out.remove(self.temp)


def rows_table(rows: list[PendingRow], schema: Any) -> Any:
    """One row group as an Arrow table: the records' JSON parsed by Arrow's JSON reader straight
    into the Article columns (C++, the schema given), then the dataset's three columns.

    The same table as ``json.loads`` of every record and ``Table.from_pylist`` over the dicts (a
    test compares them), at ~60 % of the CPU for enriched rows and without the dicts in memory.
    A record Arrow's reader refuses (JSON's ``NaN`` is not JSON to it) takes the dict path.
    """
    import pyarrow as pa
    import pyarrow.json as pj

    article_fields = [f for f in schema if f.name not in EXTRA_COLUMNS]
    data = "\n".join(record for record, *_ in rows).encode("utf-8")
    try:
        articles = pj.read_json(
            pa.py_buffer(data),
            # one block: a record must not straddle two (the reader refuses that); no reader
            # threads, since a task has one core
            read_options=pj.ReadOptions(use_threads=False, block_size=len(data) + 1),
            parse_options=pj.ParseOptions(explicit_schema=pa.schema(article_fields),
                                          unexpected_field_behavior="ignore"))
    except pa.ArrowInvalid:
        return _rows_table_from_dicts(rows, schema)
    if articles.num_rows != len(rows):
        return _rows_table_from_dicts(rows, schema)
    columns = [articles.column(f.name) for f in article_fields]
    columns += [pa.array([r[1] for r in rows], pa.string()), pa.array([r[2] for r in rows], pa.string()),
                pa.array([r[3] for r in rows], pa.binary())]
    return pa.Table.from_arrays(columns, schema=schema).combine_chunks()


def _rows_table_from_dicts(rows: list[PendingRow], schema: Any) -> Any:
    import pyarrow as pa

    dicts = []
    for record, record_key, text_hash, signature in rows:
        data = json.loads(record)
        data["record_key"], data["text_hash"], data["minhash"] = record_key, text_hash, signature
        dicts.append(data)
    return pa.Table.from_pylist(dicts, schema=schema)


def remove_stale_temps(out: Output) -> int:
    """Half-written shards of attempts that died; called by the driver before it starts tasks."""
    names = out.names(f".{SHARD_PREFIX}*{SHARD_SUFFIX}.tmp-*")
    for name in names:
        out.remove(name)
    return len(names)


def article_of(row: dict[str, Any]) -> dict[str, Any]:
    """The Article fields of a shard row (the dataset columns dropped)."""
    return {k: v for k, v in row.items() if k not in EXTRA_COLUMNS}
