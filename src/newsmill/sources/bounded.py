"""One bounded reader for compressed data: HTTP bodies, WARC payloads and .gz files all go through it.

The behaviour, the same for every caller:

- **gzip members**: every member is read in turn (``cat a.gz b.gz`` is valid gzip and decodes to
  both texts); zero bytes after a member are padding (tape and block writers add them) and skipped.
- **cap**: no more than ``cap`` bytes are ever inflated; past it ``TooLarge`` (a bomb stops there).
  The compressed input is capped too, so an endless stream of empty members cannot run forever.
- **truncated** (the data ends inside a member) is an error, ``DamagedStream``, naming how much was
  decoded. A cut page would otherwise be stored as if complete, marked done and never retried; as a
  failure it shows in the stats and ``--retry-failed`` fetches or reads it again. The member's CRC and
  length (gzip's only integrity check) sit at its end, so a cut member was never verified either.
- **damaged** (a bad header, a corrupt block, a wrong CRC or length) is a ``DamagedStream`` too.
- **trailing garbage** (bytes after a complete member that do not start another one) is ignored with
  a logged warning: what came before is complete and checked, and the gzip tool, browsers and urllib3
  all keep it (Python's gzip module alone refuses it). A started member must be complete, though,
  and data that ends in the first one or two bytes of the gzip magic counts as a started member
  (cut short): at the end of the input they cannot be told apart from a next member that was cut.
"""

from __future__ import annotations

import io
import logging
import zlib
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

# The first bytes of a gzip member: magic number and the deflate method (RFC 1952 2.3.1). Three
# bytes, not two, so that trailing garbage starts a bogus member only once in 16 million times.
GZIP_MAGIC = b"\x1f\x8b\x08"
# Compressed bytes handed to zlib per call. zlib copies whatever follows the end of a member, so with
# bounded slices a run of many tiny members costs O(members x slice), not O(members x input).
_SLICE = 8_192
# Bytes read from a file per call.
_READ_CHUNK = 65_536


class TooLarge(ValueError):
    pass


class UnsupportedEncoding(ValueError):
    pass


class DamagedStream(ValueError):
    """Compressed data that is cut short or corrupt."""


def encoding_kind(encoding: str | None) -> str:
    """identity | gzip | deflate for an HTTP Content-Encoding; UnsupportedEncoding otherwise."""
    enc = (encoding or "identity").strip().lower()
    if enc in ("", "identity", "none"):
        return "identity"
    if enc in ("gzip", "x-gzip"):
        return "gzip"
    if enc == "deflate":
        return "deflate"
    raise UnsupportedEncoding(f"content encoding {encoding!r} is not supported")


class Decoder:
    """Decodes one stream incrementally; ``decode`` never returns more than ``limit`` bytes."""

    def __init__(self, encoding: str | None) -> None:
        self.kind = encoding_kind(encoding)
        self.taken = 0  # compressed bytes received
        self.decoded = 0  # bytes produced
        self.ignored = 0  # bytes of trailing garbage skipped
        self.members = 0  # complete members (gzip) or streams (deflate)
        self._buf = b""
        self._pos = 0
        self._carry = b""  # input zlib gave back (unconsumed tail, or the bytes after a member)
        self._z: zlib._Decompress | None = None
        self._more_output = False  # zlib stopped at the limit and may hold more output
        self._garbage = False

    def decode(self, data: bytes, limit: int) -> bytes:
        """The next bytes (at most ``limit``) from what was fed so far plus ``data``."""
        if data:  # no copy of the rest when only draining output (DecodingReader calls that per read)
            self.taken += len(data)
            self._buf = self._buf[self._pos:] + data if self._pos < len(self._buf) else data
            self._pos = 0
        out = bytearray()
        while len(out) < limit:
            piece = self._take(limit - len(out)) if self.kind == "identity" else self._inflate(limit - len(out))
            if piece is None:
                break
            out += piece
            self.decoded += len(piece)
        return bytes(out)

    def finish(self) -> None:
        """Call at the end of the input: DamagedStream when it ended inside a member."""
        if self.kind == "identity":
            return
        if self._carry or (self._z is not None and not self._z.eof):  # inside a member or its header
            raise DamagedStream(f"{self.kind} data cut short: {self.decoded} bytes decoded before it "
                                "ended (a truncated file or download?)")
        if self.ignored:
            log.warning("%d bytes of trailing garbage after the %s data ignored", self.ignored, self.kind)

    # --- steps ---------------------------------------------------------------------------------------
    def _take(self, limit: int) -> bytes | None:
        piece = self._buf[self._pos:self._pos + limit]
        self._pos += len(piece)
        return piece or None

    def _next_input(self) -> bytes:
        if self._carry:
            piece, self._carry = self._carry, b""
            return piece
        piece = self._buf[self._pos:self._pos + _SLICE]
        self._pos += len(piece)
        return piece

    def _inflate(self, limit: int) -> bytes | None:
        """One zlib call's output; None when nothing more can come out of the input at hand."""
        piece = self._next_input()
        if self._z is None or self._z.eof:
            piece = self._between_members(piece)
            if not piece:
                return None
        elif not piece and not self._more_output:
            return None
        assert self._z is not None
        try:
            got = self._z.decompress(piece, limit)
        except zlib.error as exc:
            raise DamagedStream(f"damaged {self.kind} data after {self.decoded} decoded bytes: {exc}") from exc
        self._more_output = len(got) == limit
        self._carry = self._z.unused_data if self._z.eof else self._z.unconsumed_tail
        if self._z.eof:
            self.members += 1
        return got

    def _between_members(self, piece: bytes) -> bytes:
        """Start the next member with ``piece``; b"" when there is none (yet)."""
        if self._garbage:
            return self._skip_garbage(piece)
        piece = self._gather(piece)
        if self.members and self.kind == "deflate":  # a zlib stream has one member: the rest is garbage
            return self._skip_garbage(piece)
        if not piece or (self.kind == "gzip" and len(piece) < len(GZIP_MAGIC) and GZIP_MAGIC.startswith(piece)):
            self._carry = piece  # wait for more input (or finish() calls it cut short)
            return b""
        if self.kind == "gzip" and not piece.startswith(GZIP_MAGIC):
            if not self.members:
                raise DamagedStream(f"not gzip data (starts with {piece[:8]!r})")
            return self._skip_garbage(piece)
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS if self.kind == "gzip" else zlib.MAX_WBITS)
        return piece

    def _gather(self, piece: bytes) -> bytes:
        """Enough input to tell what comes next: zero padding after a member dropped, a header
        split across slices or chunks joined."""
        while True:
            if self.members:
                piece = piece.lstrip(b"\0")
            if len(piece) >= len(GZIP_MAGIC) or self._pos >= len(self._buf):
                return piece
            piece += self._next_input()

    def _skip_garbage(self, piece: bytes) -> bytes:
        self._garbage = self._garbage or bool(piece)
        self.ignored += len(piece) + len(self._buf) - self._pos
        self._pos = len(self._buf)
        return b""


def feed(decoder: Decoder, chunk: bytes, out: bytearray, cap: int) -> None:
    """Append ``chunk`` decoded to ``out``; TooLarge past ``cap`` bytes of input or output."""
    out += decoder.decode(chunk, cap + 1 - len(out))
    if len(out) > cap:
        if decoder.kind == "identity":
            raise TooLarge(f"body is larger than {cap} bytes")
        raise TooLarge(f"decompresses to more than {cap} bytes (a {decoder.kind} bomb?)")
    if decoder.taken > cap:
        raise TooLarge(f"compressed data is larger than {cap} bytes")


def inflate(data: bytes, encoding: str | None, cap: int) -> bytes:
    """``data`` decoded for its Content-Encoding, at most ``cap`` bytes (see the module docstring)."""
    decoder = Decoder(encoding)
    out = bytearray()
    feed(decoder, data, out, cap)
    decoder.finish()
    return bytes(out)


def inflate_file(path: Path, cap: int) -> bytes:
    """A gzip file's content, at most ``cap`` bytes (see the module docstring)."""
    decoder = Decoder("gzip")
    out = bytearray()
    with path.open("rb") as f:
        while chunk := f.read(_READ_CHUNK):
            feed(decoder, chunk, out, cap)
    decoder.finish()
    return bytes(out)


class DecodingReader(io.RawIOBase):
    """A binary stream decoding another one (for line-by-line reading through ``io.BufferedReader``).

    Not capped in total: the caller bounds what it reads at a time (a JSON Lines file holds many pages)."""

    def __init__(self, raw: IO[bytes], encoding: str = "gzip") -> None:
        super().__init__()
        self._raw = raw
        self._decoder = Decoder(encoding)
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while buffer.nbytes and not self._ended:
            got = self._decoder.decode(b"", len(buffer))
            if not got:
                chunk = self._raw.read(_READ_CHUNK)
                if not chunk:
                    self._ended = True
                    self._decoder.finish()
                    return 0
                got = self._decoder.decode(chunk, len(buffer))
            if got:
                buffer[:len(got)] = got
                return len(got)
        return 0

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_gzip(path: Path) -> io.BufferedReader:
    """A gzip file opened for reading with the behaviour of this module (not capped in total)."""
    return io.BufferedReader(DecodingReader(path.open("rb")))
