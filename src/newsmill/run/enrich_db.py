"""Enrich an existing corpus in place (``newsmill enrich --db``): entities, places, quotes and times
for every stored article that has not been enriched yet.

Resumable like ingest: each article is marked done (``enrich:<id>`` in ``done_inputs``) in the same
transaction that stores it, batch by batch, so an interrupted run goes on where it stopped. The
mention tables follow the stored records by trigger (schema migration 2).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsmill.article import Article
from newsmill.corpus.store import Store

# Articles per transaction: small enough that an interruption loses little, big enough to amortise commits.
BATCH = 50
DONE_PREFIX = "enrich:"


@dataclass
class EnrichReport:
    enriched: int = 0
    skipped: int = 0  # already enriched by an earlier run
    failed: int = 0
    linked: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.enriched} enriched, {self.skipped} already done, {self.failed} failed "
                f"in {self.seconds:.1f} s")


def enrich_corpus(db: str | Path, redo: bool = False,
                  progress: Callable[[EnrichReport], None] | None = None) -> EnrichReport:
    """Enrich every article of the corpus at ``db`` not yet enriched (all of them with ``redo``)."""
    from newsmill.enrich import enrich

    report = EnrichReport()
    started = time.monotonic()
    with Store(db) as store:
        last = 0
        while True:
            rows = store.conn.execute("SELECT rowid, id, record FROM articles WHERE rowid > ? ORDER BY rowid "
                                      "LIMIT ?", (last, BATCH)).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            with store.transaction():
                for rowid, article_id, record in rows:
                    key = DONE_PREFIX + article_id
                    if not redo and (store.is_done(key) or _has_enrichment(record)):
                        report.skipped += 1
                        continue
                    try:
                        article = Article.from_json(record)
                        # enriching again replaces what an earlier run found instead of adding to it
                        article.entities, article.places, article.quotes, article.times = [], [], [], []
                        enrich(article)
                    except Exception as exc:  # one bad record never sinks the run
                        store.add_failure(key, "enrich", type(exc).__name__, str(exc))
                        store.mark_done(key, "failed")
                        report.failed += 1
                        continue
                    store.conn.execute("UPDATE articles SET record = ? WHERE rowid = ?",
                                       (article.to_json(indent=None), rowid))
                    store.mark_done(key)
                    report.enriched += 1
            if progress:
                progress(report)
        report.linked = store.link_entities()
    report.seconds = time.monotonic() - started
    return report


def _has_enrichment(record: str) -> bool:
    """Whether ingest already enriched this record (it enriches by default)."""
    article = Article.from_json(record)
    return bool(article.entities or article.places or article.quotes or article.times)
