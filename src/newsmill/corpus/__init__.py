"""The corpus: an embedded SQLite store with full-text search, duplicate groups and export.

    from newsmill.corpus import ingest, Store, Filters
    report = ingest(["pages/", "crawl.warc.gz"], "news.db")
    with Store("news.db", readonly=True) as store:
        hits = store.search("Putin Nordkorea", Filters(language="de"))

Export: ``newsmill.corpus.export.export(store, "out.parquet", "parquet")``. Names are loaded on
first use, so ``import newsmill.corpus`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ingest": "newsmill.corpus.pipeline",
    "IngestOptions": "newsmill.corpus.pipeline",
    "IngestReport": "newsmill.corpus.pipeline",
    "Store": "newsmill.corpus.store",
    "Filters": "newsmill.corpus.store",
    "Hit": "newsmill.corpus.store",
    "StoreError": "newsmill.corpus.store",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsmill.corpus' has no attribute {name!r}")
