"""``_manifest.jsonl``: one line per finished unit of work, appended by the driver alone.

A line says what the unit read and stored, its failures by reason (and the first few failed
records with their cause), and its CPU time. The last line of a key wins. Resume rule: a unit is
skipped when its last line is ``complete``, for the same input stamp, and its shard exists; a
``failed`` unit, or one with failed records, is redone only with ``--retry-failed``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsmill.run.output import Output
from newsmill.run.parquet_sink import shard_name
from newsmill.run.units import Unit

MANIFEST = "_manifest.jsonl"
# Failed records listed by name per unit (all are counted): enough to find them, bounded per WARC.
MAX_LISTED_FAILURES = 200


@dataclass
class Entry:
    key: str
    input: str
    stamp: str
    status: str = "complete"  # complete | failed (the unit as a whole could not be done)
    shard: str | None = None
    records: int = 0  # pages and records read (stored, failed or skipped)
    pages: int = 0  # pages stored in the shard
    failures: dict[str, int] = field(default_factory=dict)  # "stage: reason" -> count
    failed: list[dict[str, str]] = field(default_factory=list)  # first MAX_LISTED_FAILURES
    skipped: dict[str, int] = field(default_factory=dict)
    cpu_s: float = 0.0
    seconds: float = 0.0
    error: str | None = None  # why a failed unit failed

    @property
    def failure_count(self) -> int:
        return sum(self.failures.values())


class Manifest:
    def __init__(self, out: str | Path | Output) -> None:
        self.out = out if isinstance(out, Output) else Output(out)
        self.entries: dict[str, Entry] = {}
        text = self.out.read_text(MANIFEST)
        if text:
            for line in text.splitlines():
                try:
                    data: dict[str, Any] = json.loads(line)
                    self.entries[data["key"]] = Entry(**data)
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut by a crash mid-write: that unit is simply redone

    def is_done(self, unit: Unit, retry_failed: bool = False) -> bool:
        entry = self.entries.get(unit.key)
        if entry is None or entry.stamp != unit.stamp:
            return False
        if entry.status == "failed" or entry.failure_count:
            return not retry_failed
        return entry.shard is not None and self.out.isfile(entry.shard)

    def append(self, entry: Entry) -> None:
        self.entries[entry.key] = entry
        self.out.append_line(MANIFEST, json.dumps(asdict(entry), ensure_ascii=False))

    def complete(self) -> list[Entry]:
        """The units whose shard is there, in key order (what a loader reads)."""
        return sorted((e for e in self.entries.values()
                       if e.shard and self.out.isfile(e.shard)), key=lambda e: e.key)


def failed_entry(unit: Unit, error: str) -> Entry:
    return Entry(unit.key, unit.label, unit.stamp, status="failed", error=error,
                 failures={"task: failed": 1}, shard=None)


def expected_shard(unit: Unit) -> str:
    return shard_name(unit.key)
