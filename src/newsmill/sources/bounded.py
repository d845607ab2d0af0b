"""Bounded decompression: gzip/deflate bodies inflated only up to a cap (no gzip bombs)."""

from __future__ import annotations

import zlib

from newsmill.sources.files import TooLarge


class UnsupportedEncoding(ValueError):
    pass


def decompressor(encoding: str | None) -> zlib._Decompress | None:
    """A zlib decompressor for an HTTP Content-Encoding; None for identity."""
    enc = (encoding or "identity").strip().lower()
    if enc in ("", "identity", "none"):
        return None
    if enc in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if enc == "deflate":
        return zlib.decompressobj()
    raise UnsupportedEncoding(f"content encoding {encoding!r} is not supported")


def feed(inflater: zlib._Decompress | None, chunk: bytes, out: bytearray, cap: int) -> None:
    """Append ``chunk`` (inflated when needed) to ``out``; TooLarge past ``cap`` bytes."""
    if inflater is None:
        out += chunk
    else:
        out += inflater.decompress(chunk, cap + 1 - len(out))
        if inflater.unconsumed_tail and len(out) > cap:
            raise TooLarge(f"body decompresses to more than {cap} bytes (a compression bomb?)")
    if len(out) > cap:
        raise TooLarge(f"body is larger than {cap} bytes")


def inflate(data: bytes, encoding: str | None, cap: int) -> bytes:
    out = bytearray()
    feed(decompressor(encoding), data, out, cap)
    return bytes(out)
