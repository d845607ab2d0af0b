"""Imported once by the worker pool's fork server: load extractors and models before forking.

Every worker is then forked with lxml, the language model and MinHash already in memory (shared
copy-on-write) instead of spending ~1.5 s loading them on its first page, and a replacement for
a killed worker is ready at once.

The warm-up article must be long enough to get a near-duplicate signature: a shorter one skips
MinHash, and then every page process imported datasketch (and the scipy it pulls in, ~30 MB and
~0.5 s of CPU) on its first real page, privately, once per unit and once per recycling.
"""

from __future__ import annotations

import contextlib
import gc

_SENTENCE = "This page only loads the extractors and the models before the workers fork. "
_PAGE = ("<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
         + "".join(f"<p>{_SENTENCE * 3}</p>" for _ in range(3))
         + "</article></body></html>")

with contextlib.suppress(Exception):
    from newsmill.page import Page
    from newsmill.run.pipeline import process_page

    process_page(Page(raw=_PAGE, url="https://warm-up.invalid/"))

# As in warmup_enrich: what was loaded is never collected again (the cyclic collector would write
# to every object's header in each forked worker and turn shared pages private), and the garbage
# of loading goes back to the system instead of becoming the page processes' heap.
with contextlib.suppress(Exception):
    from newsmill.run.local import release_free_memory

    gc.collect()
    gc.freeze()
    release_free_memory()
