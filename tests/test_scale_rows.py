"""A shard's row group parsed by Arrow's JSON reader is the table the dict path makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmill.page import Page
from newsmill.run.parquet_sink import PendingRow, _rows_table_from_dicts, rows_table, shard_schema
from newsmill.run.pipeline import process_page

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def rows() -> list[PendingRow]:
    out: list[PendingRow] = []
    for i, path in enumerate(sorted(SAMPLES.glob("*.html"))):
        row = process_page(Page(raw=path.read_bytes(), url=f"https://example.org/{path.stem}"), enrich=True)
        out.append((row.record, f"{path.name}@{i}", row.text_hash, row.signature))
    assert len(out) >= 4
    return out


def test_enriched_rows_make_the_same_table_both_ways(rows: list[PendingRow]) -> None:
    schema = shard_schema()
    fast, slow = rows_table(rows, schema), _rows_table_from_dicts(rows, schema)
    assert fast.num_rows == len(rows)
    assert fast.equals(slow)
    assert fast.column("entities").to_pylist() == slow.column("entities").to_pylist()
    assert any(fast.column("entities").to_pylist())  # enriched: there is something to compare


def test_a_record_arrow_refuses_and_missing_or_unknown_fields(rows: list[PendingRow]) -> None:
    schema = shard_schema()
    record, key, text_hash, signature = rows[0]
    data = json.loads(record)
    data["places"] = [{**p, "lat": float("nan")} for p in data.get("places") or [{"lat": 1.0}]][:1]
    with_nan = json.dumps(data)  # "NaN": Python's json writes it, Arrow's reader does not read it
    trimmed = json.loads(record)
    trimmed.pop("quotes", None)
    trimmed["not_a_field"] = {"x": 1}
    odd: list[PendingRow] = [(with_nan, "a", text_hash, None), (json.dumps(trimmed), "b", text_hash, signature)]
    fast, slow = rows_table(odd, schema), _rows_table_from_dicts(odd, schema)
    assert fast.num_rows == 2
    assert fast.to_pylist()[1] == slow.to_pylist()[1]
    assert fast.column("record_key").to_pylist() == ["a", "b"]
