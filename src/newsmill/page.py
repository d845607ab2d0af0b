"""Page: what came in (raw bytes or text plus where it came from), and how bytes become text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Literal

InputFormat = Literal["auto", "html", "text"]

# Pages larger than this are cut (with a warning): real article pages are well under 5 MB; the
# 50 MB monsters are data dumps or inlined media that only cost time.
MAX_PAGE_BYTES = 10_000_000


class InputError(ValueError):
    """The input cannot be turned into an article at all (empty, binary, a PDF, ...)."""


@dataclass
class Page:
    """Raw input of one page. Sources only make pages; extractors turn them into Articles."""

    raw: bytes | str
    url: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fetched: str | None = None  # ISO 8601 time of the fetch or WARC record
    input_format: InputFormat = "auto"
    published: str | None = None  # publication date known from outside (a feed, the caller)


@dataclass
class DecodedPage:
    text: str
    encoding: str
    warnings: list[str]


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or office document)",
    b"\x1f\x8b": "gzip-compressed data (decompress it first)",
    b"WARC/": "a WARC archive (use `newsmill ingest`)",
}
# Share of control characters above which input is taken as binary rather than text.
_BINARY_CONTROL_SHARE = 0.10


def decode(raw: bytes | str, content_type: str | None = None) -> DecodedPage:
    """Turn raw bytes into text: BOM, then declared charset, then detection; never raises on content."""
    warnings: list[str] = []
    if isinstance(raw, str):
        text = raw
        encoding = "str"
    else:
        if len(raw) > MAX_PAGE_BYTES:
            warnings.append(f"size: input of {len(raw)} bytes cut to {MAX_PAGE_BYTES}")
            raw = raw[:MAX_PAGE_BYTES]
        _refuse_binary(raw)
        encoding = _pick_encoding(raw, content_type, warnings)
        text = raw.decode(encoding, errors=_MIXED if encoding == "utf-8" else "replace")
        if "\ufffd" in text:
            warnings.append(f"encoding: undecodable bytes replaced while reading as {encoding}")
    if len(text) > MAX_PAGE_BYTES:
        warnings.append(f"size: input of {len(text)} characters cut to {MAX_PAGE_BYTES}")
        text = text[:MAX_PAGE_BYTES]
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("encoding: NUL characters removed")
    if not text.strip():
        raise InputError("empty input: nothing to extract")
    return DecodedPage(text, encoding, warnings)


def _refuse_binary(raw: bytes) -> None:
    head = raw[:8].lstrip()
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"input is {what}, not an HTML page or text")
    sample = raw[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 0))
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise InputError("input looks binary, not an HTML page or text")


def _pick_encoding(raw: bytes, content_type: str | None, warnings: list[str]) -> str:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return name
    declared = []
    if content_type and (m := _HEADER_CHARSET.search(content_type)):
        declared.append(m.group(1))
    if m2 := _META_CHARSET.search(raw[:4096]):
        declared.append(m2.group(1).decode("ascii", "ignore"))
    for name in declared:
        enc = _known(name)
        if enc and enc != "utf-8" and _is_utf8_text(raw):
            # Bytes that decode as UTF-8 and hold multi-byte sequences are UTF-8 whatever the
            # page says: a page saved or re-served as UTF-8 keeps its old "iso-8859-1" meta, and
            # trusting it turns every "ü" into "Ã¼". Real Latin-1 or CJK text is never valid UTF-8
            # all through ("für" alone breaks it).
            warnings.append(f"encoding: declared {name!r} but the bytes are utf-8, read as utf-8")
            return "utf-8"
        if enc and _decodes(raw, enc):
            return enc
    # Most of the web is UTF-8; a strict decode succeeding is strong evidence.
    if _decodes(raw, "utf-8"):
        if declared:
            warnings.append(f"encoding: declared {declared[0]!r} is wrong, read as utf-8")
        return "utf-8"
    if _mostly_utf8(raw):
        warnings.append("encoding: mixed encodings, stray bytes read as cp1252")
        return "utf-8"
    guess = _detect(raw)
    if declared:
        enc = _known(declared[0])
        if enc and enc not in ("utf-8",):
            return enc  # declared single-byte charsets decode anything; trust them over guessing
    warnings.append(f"encoding: no usable charset declared, detected {guess}")
    return guess


_MIXED = "newsmill-cp1252-fallback"


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    # Pages pasted together from UTF-8 and legacy parts: read the stray bytes as Windows-1252.
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error(_MIXED, _cp1252_fallback)

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few legacy bytes mixed in: valid multi-byte sequences outnumber invalid bytes."""
    sample = raw[:500_000]
    valid = len(_UTF8_MULTIBYTE.findall(sample))
    invalid = len(sample.decode("utf-8", errors="replace").encode("utf-8")) - len(sample)
    # Each replacement char adds 2 bytes net per invalid byte (3-byte U+FFFD for 1 byte).
    return valid > 0 and invalid // 2 < valid


def _is_utf8_text(raw: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(raw) is not None and _decodes(raw, "utf-8")


def _known(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decodes(raw: bytes, enc: str) -> bool:
    try:
        raw.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _detect(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    return best.encoding if best is not None else "cp1252"


_HTML_SIGNS = re.compile(
    r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<article[\s>]", re.I
)
_TAG = re.compile(r"<[a-zA-Z/][^<>]{0,200}>")
# A text dump may carry a few stray tags (the user's sample does); HTML is a page of them.
_MIN_TAGS_PER_KB = 3.0


def sniff_format(text: str) -> Literal["html", "text"]:
    """Tell an HTML page from a flattened text dump."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    sample = text[:100_000]
    if not _HTML_SIGNS.search(sample):
        return "text"
    tags = len(_TAG.findall(sample))
    return "html" if tags / max(1, len(sample) / 1000) >= _MIN_TAGS_PER_KB else "text"
