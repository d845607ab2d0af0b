"""Loaded by every Python process of a ``scale.py`` run (its folder is put on ``PYTHONPATH``):
gives each thread a kernel name, so the benchmark can read CPU per thread from
``/proc/<pid>/task/<tid>/stat`` and say which part of the engine spent it.

Python 3.11 leaves every thread with the process's name. Only the names change here: no
behaviour of the engine does. The names are short (the kernel keeps 15 bytes).
"""

from __future__ import annotations

import threading

_NAMES = (("(_read_into)", "reader"), ("Dask-Default-Threads", "dask-task"), ("Dask-Offload", "dask-offload"),
          ("IO loop", "io-loop"), ("AsyncProcess", "async-proc"), ("Profile", "profile"))


def _short(name: str) -> str:
    for part, short in _NAMES:
        if part in name:
            return short
    return name.split(" (")[0][:15]


def _set_native_name(name: str) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.prctl(15, _short(name).encode("ascii", "replace")[:15] + b"\0", 0, 0, 0)  # 15: PR_SET_NAME
    except Exception:  # not Linux, no libc: the benchmark then counts by process only
        pass


_bootstrap = threading.Thread._bootstrap_inner  # type: ignore[attr-defined]


def _named_bootstrap(self: threading.Thread) -> None:
    _set_native_name(self.name)
    _bootstrap(self)


threading.Thread._bootstrap_inner = _named_bootstrap  # type: ignore[attr-defined]
