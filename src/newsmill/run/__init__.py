"""Runners: map the pipeline (sources -> pages -> articles -> a sink) over many pages.

    from newsmill.run import ingest
    report = ingest(["pages/", "crawl.warc.gz"], "news.db")

``pipeline`` is the path shared by every engine; ``local`` is the process pool with per-page
budgets. Names are loaded on first use, so importing a runner module stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ingest": "newsmill.run.pipeline",
    "IngestOptions": "newsmill.run.pipeline",
    "IngestReport": "newsmill.run.pipeline",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsmill.run' has no attribute {name!r}")
