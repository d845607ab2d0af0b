"""What sources yield: pages to process, and notes (failures, skips, finished inputs) for the store."""

from __future__ import annotations

from dataclasses import dataclass

from newsmill.page import Page


@dataclass
class Task:
    """One page to extract; ``key`` names its input uniquely (path, path#line, warc@offset, URL)."""

    key: str
    page: Page
    size: int = 0  # bytes of input this page used up (for progress and ETA)


@dataclass
class Failure:
    """An input that could not be read or processed, at which stage and why."""

    key: str
    stage: str  # read | fetch | extract | store
    reason: str  # short category, counted by `newsmill stats`
    detail: str = ""


@dataclass
class Skipped:
    """Something deliberately not processed (a non-HTML WARC record, an unknown file type)."""

    key: str
    reason: str
    count: int = 1  # a WARC reports its skipped records once per reason, with how many


@dataclass
class Finished:
    """A whole input (file, archive, URL list) was read to its end: a rerun may skip it."""

    key: str


Note = Failure | Skipped | Finished
Item = Task | Note
