"""Importing spaCy for running a pipeline, without its command line.

``import spacy`` imports ``spacy.cli`` only to offer ``spacy.info``; the command line pulls in
typer, weasel, httpx, requests and the project tooling: ~0.15 s CPU of the ~0.5 s the import costs,
on every fresh process that tags one page (issue 13: ``extract --enrich`` in ≤ 1 s). Loading and
running a pipeline never touches it. While spaCy imports, ``spacy.cli`` and ``spacy.cli.info``
are empty stand-ins; afterwards they are taken out again, so a later ``import spacy.cli`` (the
training scripts, ``spacy.info()``) imports the real command line.
"""

from __future__ import annotations

import sys
import threading
import types
from typing import Any

_STAND_INS = ("spacy.cli", "spacy.cli.info")
_LOCK = threading.Lock()


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` when no one imported spaCy before."""
    with _LOCK:
        if "spacy" in sys.modules:
            return sys.modules["spacy"]
        placed: dict[str, types.ModuleType] = {}
        for name in _STAND_INS:
            if name not in sys.modules:
                stand_in = types.ModuleType(name)
                stand_in.__path__ = []  # a package, as the real one is
                stand_in.info = _info  # type: ignore[attr-defined]
                sys.modules[name] = placed[name] = stand_in
        try:
            import spacy
        finally:
            for name, stand_in in placed.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            parent = sys.modules.get("spacy")
            if parent is not None and getattr(parent, "cli", None) in placed.values():
                delattr(parent, "cli")
        return spacy


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
