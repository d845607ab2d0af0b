"""Imported once by the worker pool's fork server: load extractors and models before forking.

Every worker is then forked with lxml, the language model and MinHash already in memory (shared
copy-on-write) instead of spending ~1.5 s loading them on its first page, and a replacement for
a killed worker is ready at once.
"""

from __future__ import annotations

import contextlib
import gc

_PAGE = ("<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
         "<p>This page only loads the extractors and models before the workers fork. " * 3
         + "</p></article></body></html>")

with contextlib.suppress(Exception):
    from newsmill.page import Page
    from newsmill.run.pipeline import process_page

    process_page(Page(raw=_PAGE, url="https://warm-up.invalid/"))

# What was loaded is never collected again: the cyclic collector would otherwise write to every
# object's header in each forked worker and turn the shared extractors into private copies.
gc.collect()
gc.freeze()
