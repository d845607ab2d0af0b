"""Load a Parquet dataset into the SQLite corpus (``newsmill ingest DIR --db news.db``).

Near-duplicate groups are computed first over the whole dataset (``groups``), then every shard
is streamed one row group at a time into the store in small transactions, with the failures its
manifest lists. A loaded shard is marked done in the store by name and size, so loading the same
dataset again (after more shards were added) only reads the new ones.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmill.corpus.store import ROW_COLUMNS, ArticleRow, Store
from newsmill.run.manifest import MANIFEST, Manifest
from newsmill.run.output import Output, is_url
from newsmill.run.parquet_sink import article_of

# Rows per transaction, as in the pipeline: cheap commits, little lost on a crash.
BATCH_ROWS = 500


@dataclass
class LoadReport:
    shards: int = 0
    already: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    failures: int = 0
    groups: int = 0
    linked: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"loaded {self.shards} shards ({self.already} loaded before): {self.new} new, "
                f"{self.updated} updated, {self.duplicates} exact duplicates, {self.failures} failures "
                f"recorded, {self.groups} articles in near-duplicate groups")


def is_dataset(spec: str) -> bool:
    """A folder or fsspec URL with a manifest (web addresses are pages to fetch, never datasets)."""
    if spec.lower().startswith(("http://", "https://")):
        return False
    if not is_url(spec):
        return (Path(spec) / MANIFEST).is_file()
    try:
        return Output(spec).isfile(MANIFEST)
    except Exception:  # no fsspec back end for the scheme, unreachable: not a dataset we can load
        return False


def load_dataset(out_dir: str | Path, db: str | Path, client: Any = None,
                 on_row: Callable[[], None] | None = None) -> LoadReport:
    import pyarrow.parquet as pq

    from newsmill.run.groups import near_duplicate_groups

    root = Output(out_dir)
    entries = Manifest(root).complete()
    report = LoadReport()
    with Store(db) as store:
        todo = [e for e in entries if not store.is_done(_done_key(root, e.shard or ""))]
        report.already = len(entries) - len(todo)
        if not todo:
            return report
        groups = near_duplicate_groups([root.url(e.shard or "") for e in entries], client)
        report.groups = len(groups)
        for entry in todo:
            with root.open(entry.shard or "", "rb") as f:
                for batch in pq.ParquetFile(f).iter_batches(batch_size=BATCH_ROWS):
                    with store.transaction():
                        for row in batch.to_pylist():
                            outcome = store.add_row(_article_row(row), row["record_key"], groups.get(row["id"]))
                            setattr(report, _FIELD[outcome], getattr(report, _FIELD[outcome]) + 1)
                            if on_row:
                                on_row()
            with store.transaction():
                for failed in entry.failed:
                    store.add_failure(failed["key"], failed["stage"], failed["reason"], failed["detail"])
                    report.failures += 1
                if entry.error:
                    store.add_failure(entry.input, "task", "failed", entry.error)
                    report.failures += 1
                store.mark_done(_done_key(root, entry.shard or ""))
            report.shards += 1
        report.linked = store.link_entities()
    return report


_FIELD = {"new": "new", "updated": "updated", "duplicate": "duplicates"}


def _article_row(row: dict[str, Any]) -> ArticleRow:
    record = article_of(row)
    return ArticleRow({k: record[k] for k in ROW_COLUMNS}, json.dumps(record, ensure_ascii=False),
                      row["text_hash"], row["minhash"])


def _done_key(root: Output, shard: str) -> str:
    size = root.size(shard) if root.isfile(shard) else 0
    return f"parquet:{root.url(shard)}:{size}"
