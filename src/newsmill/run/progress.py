"""Progress of a batch: a one-line bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

# Redraws of the terminal line per second: smooth enough, and cheap at thousands of pages/s.
TTY_REFRESH_S = 0.2
# A plain log line this often when output is not a terminal (a CI log, a file).
LOG_EVERY_S = 10.0


class Progress:
    """Counts pages and failures; ``update`` redraws at most every TTY_REFRESH_S."""

    def __init__(self, total_bytes: int = 0, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.start = time.monotonic()
        self.pages = 0
        self.failures = 0
        self._last_draw = 0.0

    def update(self, pages: int = 0, failures: int = 0, bytes_read: int = 0) -> None:
        self.pages += pages
        self.failures += failures
        now = time.monotonic()
        every = TTY_REFRESH_S if self.tty else LOG_EVERY_S
        if self.enabled and now - self._last_draw >= every:
            self._last_draw = now
            self._draw(self.line(bytes_read, now))

    def line(self, bytes_read: int, now: float | None = None) -> str:
        elapsed = max(1e-6, (now or time.monotonic()) - self.start)
        rate = self.pages / elapsed
        parts = [f"{self.pages} pages", f"{rate:.1f} pages/s", f"{self.failures} failed"]
        if self.total_bytes and bytes_read > 0:
            share = min(1.0, bytes_read / self.total_bytes)
            left = elapsed * (1 - share) / share
            parts.insert(0, _bar(share))
            parts.append(f"ETA {_clock(left)}")
        return "  ".join(parts)

    def _draw(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[K" + text)
        else:
            self.stream.write(f"newsmill: {text}\n")
        self.stream.flush()

    def finish(self, bytes_read: int = 0) -> None:
        if not self.enabled:
            return
        # The batch is over: inputs skipped unread (unsupported files) no longer count as pending.
        self._draw(self.line(self.total_bytes or bytes_read))
        if self.tty:
            self.stream.write("\n")  # leave the final bar on its own line
            self.stream.flush()


def _bar(share: float, width: int = 20) -> str:
    full = int(share * width)
    return "[" + "#" * full + "." * (width - full) + f"] {share * 100:3.0f}%"


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class DatasetProgress(Progress):
    """Progress of a dataset run: inputs done of all, pages, rate, failures, ETA by input bytes,
    and where to watch the cluster (the Dask dashboard)."""

    def __init__(self, inputs: int, total_bytes: int, stream: TextIO | None = None, enabled: bool = True,
                 dashboard: str | None = None) -> None:
        super().__init__(total_bytes, stream, enabled)
        self.inputs = inputs
        self.inputs_done = 0
        self.bytes_done = 0
        self.dashboard = dashboard

    def unit_done(self, pages: int, failures: int, size: int) -> None:
        """A whole unit came back (the Dask engine counts pages per unit)."""
        self.inputs_done += 1
        self.bytes_done += size
        self.update(pages=pages, failures=failures, bytes_read=self.bytes_done)

    def line(self, bytes_read: int, now: float | None = None) -> str:
        elapsed = max(1e-6, (now or time.monotonic()) - self.start)
        parts = [f"inputs {self.inputs_done}/{self.inputs}", f"{self.pages} pages",
                 f"{self.pages / elapsed:.1f} pages/s", f"{self.failures} failed"]
        if self.total_bytes and self.bytes_done > 0 and self.inputs_done < self.inputs:
            share = min(1.0, self.bytes_done / self.total_bytes)
            parts.append(f"ETA {_clock(elapsed * (1 - share) / share)}")
        if self.dashboard:
            parts.append(f"dashboard {self.dashboard}")
        return "  ".join(parts)
