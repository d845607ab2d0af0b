"""The MinHash signature without the rest of datasketch (issue 11: what a fork server holds)."""

from __future__ import annotations

import subprocess
import sys

_CHILD = """
import sys
from newsmill.corpus import dedup
text = " ".join(f"word{i % 37} x{i}" for i in range(60))
sig = dedup.signature(text)
light = sorted(m for m in sys.modules if m.split(".")[0] in ("scipy", "datasketch"))
import datasketch
full = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=1)
words = dedup._WORDS.findall(text.lower())
n = dedup.SHINGLE_WORDS
full.update_batch([" ".join(words[i:i + n]).encode("utf-8") for i in range(len(words) - n + 1)])
same = bytes(full.hashvalues.astype("<u4").tobytes()) == sig
print(light, same, datasketch.minhash.MinHash is not None, "datasketch.lsh" in sys.modules)
"""


def test_signature_loads_neither_scipy_nor_datasketchs_other_sketches() -> None:
    out = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, timeout=120)
    # nothing of scipy or datasketch left loaded; then the real package imports as usual and
    # gives the very same signature
    assert out.stdout.split() == ["[]", "True", "True", "True"]
