"""The corpus: an embedded SQLite store with full-text search, duplicate groups and export.

    from newsmill.corpus import Store, Filters
    with Store("news.db", readonly=True) as store:
        hits = store.search("Putin Nordkorea", Filters(language="de"))

Filling a corpus is the runner's job (``newsmill.run.ingest``); the store imports neither the
runners nor the CLI. Export: ``newsmill.corpus.export.export(store, "out.parquet", "parquet")``.
Names are loaded on first use, so ``import newsmill.corpus`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Store": "newsmill.corpus.store",
    "Filters": "newsmill.corpus.store",
    "Hit": "newsmill.corpus.store",
    "StoreError": "newsmill.corpus.store",
    "QueryError": "newsmill.corpus.query",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'newsmill.corpus' has no attribute {name!r}")
