"""Preloaded by the fork server when ingest enriches: the extractors and the enrichment models
(both languages) are loaded once, so every worker is forked with them in shared memory."""

from __future__ import annotations

import contextlib
import gc

import newsmill.run.warmup  # noqa: F401  the extractors first
from newsmill.run.local import release_free_memory

with contextlib.suppress(Exception):
    from newsmill.enrich import annotate

    for language in ("de", "en"):
        annotate("Warm-up: Anna Berger sagte am Montag in Berlin, sie komme wieder.", language=language)

# What was loaded is never collected again: the cyclic collector would otherwise write to every
# object's header in each forked worker and turn the shared models into private copies.
gc.collect()
gc.freeze()
# The garbage of loading (the GeoNames JSON behind the gazetteer, ~10 MB) goes back to the system
# rather than stay resident in the fork server, where each worker's allocations would land in it
# and turn those pages private.
release_free_memory()
