"""WARC and WARC.gz archives (CC-NEWS shape): HTML response records become pages.

Read with FastWARC (C++, several times faster than warcio). Other records (requests, metadata,
non-HTML responses, error statuses) are skipped and counted. A file that is not a WARC, or an
archive cut short, is reported as a failure; the records before the damage are kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsmill.page import Page
from newsmill.sources.bounded import TooLarge, inflate
from newsmill.sources.files import container_key, read_failure
from newsmill.sources.items import Failure, Finished, Item, Skipped, Task

HTML_TYPES = ("text/html", "application/xhtml+xml")


def pages_from_warc(path: Path, max_bytes: int, skip: Callable[[str], bool]) -> Iterator[Item]:
    """Tasks for the HTML responses of one archive, then counts of what was skipped."""
    try:
        from fastwarc.warc import ArchiveIterator
    except ImportError:  # pragma: no cover - the collect extra brings it
        yield Failure(str(path), "read", "missing dependency", "pip install 'newsmill[collect]' for WARC")
        return
    skipped: Counter[str] = Counter()
    records = 0
    last_pos = 0
    try:
        if path.stat().st_size == 0:  # fastwarc reads an empty file as an archive of no records
            yield Failure(str(path), "read", "empty file", f"{path} is empty (0 bytes): no WARC records")
            return
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, parse_http=True, max_content_length=None):
                records += 1
                item = _record_item(path, record, max_bytes, skip, skipped)
                if isinstance(item, Task):
                    item.size, last_pos = record.stream_pos - last_pos, record.stream_pos
                if item is not None:
                    yield item
                    if isinstance(item, Failure) and item.reason == "truncated archive":
                        break
            else:
                if records == 0 and path.stat().st_size > 0:
                    yield Failure(str(path), "read", "not a warc", "no WARC record found in the file")
                    return
    except Exception as exc:  # FastWARC raises OSError on damage; anything else is damage too
        yield _archive_failure(path, exc, records)
        return
    yield from (Skipped(str(path), reason, n) for reason, n in skipped.items())
    yield Finished(container_key(path))


def _archive_failure(path: Path, exc: Exception, records: int) -> Failure:
    if isinstance(exc, PermissionError | FileNotFoundError):
        return read_failure(str(path), exc)
    if records == 0:
        return Failure(str(path), "read", "not a warc", f"not a WARC archive ({exc})")
    return Failure(str(path), "read", "damaged archive", f"archive damaged after {records} records ({exc})")


def _record_item(path: Path, record: Any, max_bytes: int, skip: Callable[[str], bool],
                 skipped: Counter[str]) -> Item | None:
    kind = str(record.record_type)
    if kind != "response":
        skipped[f"warc {kind} record"] += 1
        return None
    http = record.http_headers
    if http is None:
        skipped["warc response without HTTP"] += 1
        return None
    ctype = (record.http_content_type or "").lower()
    if not ctype.startswith(HTML_TYPES):
        skipped["not html"] += 1
        return None
    if not 200 <= (http.status_code or 0) < 300:
        skipped["http status not 2xx"] += 1
        return None
    key = f"{path}@{record.stream_pos}"
    if skip(key):
        return None
    return _read_record(key, record, http, max_bytes)


def _read_record(key: str, record: Any, http: Any, max_bytes: int) -> Item:
    expected = record.content_length
    if expected is not None and expected > max_bytes:
        return Failure(key, "read", "too large", f"record of {expected} bytes is over the cap")
    body = record.reader.read(max_bytes + 1)
    if expected is not None and len(body) < expected:
        return Failure(key, "read", "truncated archive",
                       f"record cut short: {len(body)} of {expected} bytes (archive truncated?)")
    encoding = http.get("Content-Encoding")
    try:
        body = inflate(body, encoding, max_bytes)
    except ValueError as exc:  # TooLarge, UnsupportedEncoding, DamagedStream (cut or corrupt)
        reason = "too large" if isinstance(exc, TooLarge) else "bad encoding"
        return Failure(key, "read", reason, str(exc))
    except Exception as exc:  # inflate wraps zlib errors itself: anything else is a bug, yet one record must not stop the archive
        return Failure(key, "read", "bad encoding", f"{type(exc).__name__}: {exc}")
    url = record.headers.get("WARC-Target-URI")
    date = record.record_date
    page = Page(raw=body, url=url, headers={"content-type": http.get("Content-Type") or ""},
                fetched=date.isoformat() if date else None, input_format="html")
    return Task(key, page)
