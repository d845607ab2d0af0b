"""WARC archives written with warcio: HTML responses become pages, the rest is skipped and counted."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.sources.items import Failure, Finished, Skipped, Task
from newsmill.sources.warc import pages_from_warc

warcio = pytest.importorskip("warcio")
pytest.importorskip("fastwarc")


def html(i: int) -> bytes:
    return f"<html><body><article><h1>Nummer {i}</h1><p>Absatz {i}.</p></article></body></html>".encode()


def write_warc(path: Path, records: list[tuple[str, str, int, str, bytes]], gz: bool = True) -> None:
    """records: (kind, uri, status, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for kind, uri, status, ctype, body in records:
            if kind == "response":
                headers = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            elif kind == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "a.example")], is_http_request=True)
                rec = writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=headers)
            else:
                rec = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), warc_content_type=ctype)
            writer.write_record(rec)


MIXED = [
    ("request", "https://a.example/1", 0, "", b""),
    ("response", "https://a.example/1", 200, "text/html; charset=utf-8", html(1)),
    ("response", "https://a.example/logo.png", 200, "image/png", b"\x89PNG"),
    ("response", "https://a.example/gone", 404, "text/html", html(9)),
    ("metadata", "https://a.example/1", 0, "application/warc-fields", b"fetchTimeMs: 12\r\n"),
    ("response", "https://a.example/2", 200, "application/xhtml+xml", html(2)),
]


def read(path: Path, skip: set[str] | None = None) -> list[object]:
    return list(pages_from_warc(path, 20_000_000, (skip or set()).__contains__))


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_pages_with_uri_and_date(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(path, MIXED, gz=gz)
    out = read(path)
    tasks = [t for t in out if isinstance(t, Task)]
    assert [t.page.url for t in tasks] == ["https://a.example/1", "https://a.example/2"]
    assert tasks[0].page.raw == html(1) and tasks[0].page.fetched and tasks[0].page.fetched[:2] == "20"
    skipped = {s.reason: s.key for s in out if isinstance(s, Skipped)}
    assert set(skipped) == {"warc request record", "warc metadata record", "not html", "http status not 2xx"}
    assert isinstance(out[-1], Finished)


def test_records_already_done_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, MIXED)
    first = [t.key for t in read(path) if isinstance(t, Task)]
    again = [t.key for t in read(path, skip={first[0]}) if isinstance(t, Task)]
    assert again == first[1:]


def test_truncated_archive_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    big = [("response", f"https://a.example/{i}", 200, "text/html", html(i) + b"<!--" + bytes(range(256)) * 200 + b"-->")
           for i in range(4)]
    write_warc(path, big)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.85)])
    out = read(cut)
    assert len([t for t in out if isinstance(t, Task)]) == 3
    failures = [f for f in out if isinstance(f, Failure)]
    assert len(failures) == 1 and failures[0].reason in ("truncated archive", "damaged archive")


@pytest.mark.parametrize("content", [b"<html>this is not a warc</html>" * 50,
                                     gzip.compress(b"<html>not a warc either</html>" * 50)])
def test_non_warc_named_warc_gz_is_reported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(content)
    out = read(path)
    assert len(out) == 1 and isinstance(out[0], Failure) and out[0].reason == "not a warc"


def write_gzip_encoded(path: Path, bodies: list[tuple[str, bytes]]) -> None:
    """A WARC of HTML responses sent with Content-Encoding: gzip; bodies: (uri, encoded body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for uri, body in bodies:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_gzip_encoded_record_is_inflated_within_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "enc.warc.gz"
    bomb = gzip.compress(b" " * 5_000_000)
    write_gzip_encoded(path, [("https://a.example/ok", gzip.compress(html(1))), ("https://a.example/bomb", bomb)])
    out = list(pages_from_warc(path, 1_000_000, lambda _: False))
    assert [t.page.raw for t in out if isinstance(t, Task)] == [html(1)]
    assert [f.reason for f in out if isinstance(f, Failure)] == ["too large"]


@pytest.mark.parametrize(("body", "expect"), [
    (gzip.compress(html(1)[:25]) + gzip.compress(html(1)[25:]), html(1)),  # two members: both read
    (gzip.compress(html(1)) + b"\0\0\0\0", html(1)),  # zero padding after the member
    (gzip.compress(html(1)) + b"garbage", html(1)),  # trailing garbage ignored (logged)
    (gzip.compress(html(1))[:-5], "cut short"),  # truncated: a failure, not a silently cut page
    (gzip.compress(b"\0" * 400_000) * 3, "gzip bomb"),  # the cap counts every member
])
def test_gzip_encoded_payloads_follow_the_bounded_reader(tmp_path: Path, body: bytes, expect: bytes | str) -> None:
    path = tmp_path / "enc.warc.gz"
    write_gzip_encoded(path, [("https://a.example/x", body)])
    out = list(pages_from_warc(path, 1_000_000, lambda _: False))
    if isinstance(expect, bytes):
        assert [t.page.raw for t in out if isinstance(t, Task)] == [expect]
    else:
        (failure,) = [f for f in out if isinstance(f, Failure)]
        assert failure.reason == ("too large" if "bomb" in expect else "bad encoding") and expect in failure.detail
        assert not any(isinstance(t, Task) for t in out) and isinstance(out[-1], Finished)


def _valid_warc_bytes() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v.warc.gz"
        write_warc(path, MIXED)
        return path.read_bytes()


_VALID = _valid_warc_bytes()


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(0, len(_VALID)), flip=st.integers(0, len(_VALID) - 1), junk=st.binary(max_size=64))
def test_damaged_archives_never_raise(cut: int, flip: int, junk: bytes) -> None:
    import tempfile

    data = bytearray(_VALID[:cut] + junk)
    if flip < len(data):
        data[flip] ^= 0xFF
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.warc.gz"
        path.write_bytes(bytes(data))
        out = read(path)
    assert all(isinstance(o, Task | Failure | Skipped | Finished) for o in out)
