"""File and folder sources: kinds, size caps, gzip bombs, JSON Lines rows, unreadable files."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.sources import SourceOptions, input_kind, open_inputs
from newsmill.sources.items import Failure, Finished, Skipped, Task

HTML = b"<html><head><title>T</title></head><body><article><p>Ein Absatz.</p></article></body></html>"


def items(*inputs: Path | str, **opts: int) -> list[object]:
    return list(open_inputs([str(i) for i in inputs], SourceOptions(**opts)))  # type: ignore[arg-type]


def test_folders_are_walked_recursively_by_kind(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.html").write_bytes(HTML)
    (tmp_path / "a" / "b" / "two.htm.gz").write_bytes(gzip.compress(HTML))
    (tmp_path / "a" / "b" / "dump.txt").write_text("Titel\n\nEin flacher Text.\n", "utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG....")
    out = items(tmp_path)
    tasks = {Path(t.key).name: t for t in out if isinstance(t, Task)}
    assert set(tasks) == {"one.html", "two.htm.gz", "dump.txt"}
    assert tasks["two.htm.gz"].page.raw == HTML
    assert tasks["dump.txt"].page.input_format == "text"
    assert [s.reason for s in out if isinstance(s, Skipped)] == ["unsupported file type"]


def test_gzip_bomb_and_oversized_files_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        for _ in range(30):
            f.write(b"\0" * 1_000_000)
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 3_000_000)
    ok = tmp_path / "ok.html"
    ok.write_bytes(HTML)
    out = items(bomb, big, ok, max_bytes=2_000_000)
    failures = {Path(f.key).name: f for f in out if isinstance(f, Failure)}
    assert "gzip bomb" in failures["bomb.html.gz"].detail and failures["bomb.html.gz"].reason == "too large"
    assert failures["big.html"].reason == "too large"
    assert [Path(t.key).name for t in out if isinstance(t, Task)] == ["ok.html"]


def test_damaged_gzip_and_missing_files_are_failures(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html.gz"
    bad.write_bytes(gzip.compress(HTML)[:20])
    out = items(bad, tmp_path / "nope.html")
    assert [(f.reason) for f in out if isinstance(f, Failure)] == ["bad gzip", "missing"]


def test_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "secret.html"
    page.write_bytes(HTML)
    if os.geteuid() != 0:
        page.chmod(0)
    else:  # root reads anything: simulate the permission error
        def deny(self: Path) -> bytes:
            raise PermissionError(13, "Permission denied", str(self))
        monkeypatch.setattr(Path, "read_bytes", deny)
    (failure,) = items(page)
    assert isinstance(failure, Failure) and failure.reason == "unreadable"


def test_jsonl_rows_of_pages_and_dumps(tmp_path: Path) -> None:
    rows = [{"url": "https://a.example/1", "html": HTML.decode()},
            {"url": "https://a.example/2", "text": "Titel\n\nText."},
            {"url": "https://a.example/3"},
            "not an object"]
    src = tmp_path / "rows.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
        f.write("{broken json\n\n")
    out = items(src)
    tasks = [t for t in out if isinstance(t, Task)]
    assert [(t.page.url, t.page.input_format) for t in tasks] == [
        ("https://a.example/1", "html"), ("https://a.example/2", "text")]
    assert [f.reason for f in out if isinstance(f, Failure)] == ["bad json", "bad json"]
    assert [s.reason for s in out if isinstance(s, Skipped)] == ["jsonl row without html or text"]
    assert isinstance(out[-1], Finished)


def test_overlong_jsonl_line_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "rows.jsonl"
    src.write_text(json.dumps({"url": "u1", "html": "x" * 5000}) + "\n"
                   + json.dumps({"url": "u2", "html": "<p>ok</p>"}) + "\n", "utf-8")
    out = items(src, max_bytes=1000)
    assert [f.reason for f in out if isinstance(f, Failure)] == ["too large"]
    assert [t.page.url for t in out if isinstance(t, Task)] == ["u2"]


def test_kinds_url_lists_and_dumps(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# my list\nhttps://a.example/1\n\nhttp://b.example/x?y=1\n", "utf-8")
    dump = tmp_path / "dump.txt"
    dump.write_text("https://a.example/1\nEin Artikel beginnt hier.\n", "utf-8")
    assert input_kind(str(urls)) == "urls"
    assert input_kind(str(dump)) == "page"
    assert input_kind("https://a.example/x") == "url"
    assert input_kind(str(tmp_path)) == "folder"
    assert input_kind(str(tmp_path / "x.warc.gz")) == "missing"


def test_skip_leaves_out_done_inputs(tmp_path: Path) -> None:
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_bytes(HTML)
    done = {str(tmp_path / "a.html")}
    out = list(open_inputs([str(tmp_path)], skip=done.__contains__))
    assert [Path(t.key).name for t in out if isinstance(t, Task)] == ["b.html"]


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.jsonl", "x.jsonl.gz", "x.html.gz", "x.txt", "x.html"]))
def test_arbitrary_bytes_become_tasks_or_failures(data: bytes, name: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        out = items(path)
    assert all(isinstance(o, Task | Failure | Skipped | Finished) for o in out)


def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    (failure,) = items(fifo)
    assert isinstance(failure, Failure) and "not a regular file" in failure.detail


# --- gzip read by the one bounded reader (sources/bounded.py): members, cuts, garbage, bombs ----------

def test_every_gzip_member_of_a_page_is_read(tmp_path: Path) -> None:
    page = tmp_path / "two.html.gz"
    page.write_bytes(gzip.compress(HTML[:40]) + gzip.compress(HTML[40:]))  # what `cat a.gz b.gz` makes
    (task,) = items(page)
    assert isinstance(task, Task) and task.page.raw == HTML


def test_a_truncated_gzip_page_is_a_failure_naming_the_cut(tmp_path: Path) -> None:
    data = gzip.compress(HTML) + gzip.compress(HTML)
    page = tmp_path / "cut.html.gz"
    page.write_bytes(data[:-6])  # the second member loses its CRC and length
    (failure,) = items(page)
    assert isinstance(failure, Failure) and failure.reason == "bad gzip"
    assert f"cut short: {2 * len(HTML)} bytes decoded" in failure.detail  # all but the unchecked trailer


@pytest.mark.parametrize("tail", [b"\0" * 20_000, b"<!-- appended by a broken tool -->"])
def test_padding_and_trailing_garbage_after_a_complete_member_are_ignored(
        tmp_path: Path, tail: bytes, caplog: pytest.LogCaptureFixture) -> None:
    page = tmp_path / "tail.html.gz"
    page.write_bytes(gzip.compress(HTML) + tail)
    with caplog.at_level("WARNING", logger="newsmill.sources.bounded"):
        (task,) = items(page)
    assert isinstance(task, Task) and task.page.raw == HTML
    assert ("trailing garbage" in caplog.text) == (tail.strip(b"\0") != b"")


def test_a_corrupt_gzip_member_is_a_failure(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(HTML))
    data[-8] ^= 0xFF  # the CRC no longer matches
    page = tmp_path / "crc.html.gz"
    page.write_bytes(bytes(data))
    (failure,) = items(page)
    assert isinstance(failure, Failure) and failure.reason == "bad gzip" and "damaged" in failure.detail


def test_the_cap_counts_all_members_of_a_bomb(tmp_path: Path) -> None:
    page = tmp_path / "members.html.gz"
    page.write_bytes(gzip.compress(b"\0" * 800_000) * 3)  # each member under the cap, together over it
    (failure,) = items(page, max_bytes=2_000_000)
    assert isinstance(failure, Failure) and failure.reason == "too large" and "gzip bomb" in failure.detail


def _jsonl_gz(rows: list[dict[str, str]]) -> bytes:
    return gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode())


def test_jsonl_gz_members_are_all_read_and_a_cut_keeps_the_rows_before_it(tmp_path: Path) -> None:
    first = _jsonl_gz([{"url": "u1", "html": "<p>1</p>"}, {"url": "u2", "html": "<p>2</p>"}])
    second = _jsonl_gz([{"url": "u3", "html": "<p>3</p>"}])
    whole = tmp_path / "whole.jsonl.gz"
    whole.write_bytes(first + second)
    out = items(whole)
    assert [t.page.url for t in out if isinstance(t, Task)] == ["u1", "u2", "u3"]
    assert isinstance(out[-1], Finished)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(first + second[:-6])
    out = items(cut)
    assert [t.page.url for t in out if isinstance(t, Task)] == ["u1", "u2", "u3"]
    assert [f.reason for f in out if isinstance(f, Failure)] == ["bad gzip"]
    assert not any(isinstance(o, Finished) for o in out)  # a rerun reads it again


def test_a_bomb_line_in_jsonl_gz_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "bomb.jsonl.gz"
    src.write_bytes(_jsonl_gz([{"url": "u1", "html": " " * 3_000_000}, {"url": "u2", "html": "<p>ok</p>"}]))
    out = items(src, max_bytes=100_000)
    assert [f.reason for f in out if isinstance(f, Failure)] == ["too large"]
    assert [t.page.url for t in out if isinstance(t, Task)] == ["u2"]
