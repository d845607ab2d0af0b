"""Duplicates: an exact hash of the normalised text, and MinHash/LSH groups for near-duplicates.

The signature is computed where the page is extracted (in a worker); the store keeps the
signature and its LSH band keys in SQLite, so the index is persistent, needs no rebuild on open
and costs no memory that grows with the corpus.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import re
import sqlite3
import sys
import types
from functools import lru_cache
from typing import Any

# 128 permutations give a Jaccard estimate within about ±0.09 (1/sqrt(128)); enough to tell a
# syndicated copy with edits (J ~0.6-0.9) from a different story on the same topic (J < 0.2).
NUM_PERM = 128
# 32 bands of 4 rows: a pair becomes a candidate from J ~0.42 ((1/32)^(1/4)) with high recall at
# J >= 0.5; candidates are then checked against NEAR_DUP_JACCARD with the full signature.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Estimated Jaccard of word 5-shingles from which two articles are the same story: agency copies
# with a changed intro or an added paragraph stay above ~0.6; topical neighbours stay far below.
NEAR_DUP_JACCARD = 0.5
# Word n-grams: 5 words keep shared common phrases ("in der Nacht zum") from linking stories.
SHINGLE_WORDS = 5
# Texts shorter than this many words have too few shingles for a stable estimate: no signature.
MIN_WORDS = 20
# Candidates checked per article: a bound on the work for a text that collides with many others.
MAX_CANDIDATES = 50
_SEED = 1
# Hex digits of the founding text's hash in a group id: "g" plus 15 hex digits (60 bits) is 16
# characters, and collisions stay unlikely far beyond any corpus on one machine.
_GROUP_ID_HEX = 15

_WORDS = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Case, punctuation and whitespace folded: copies that differ only in those are the same."""
    return " ".join(_WORDS.findall(text.lower()))


def text_hash(text: str) -> str:
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def group_id(founding_text_hash: str) -> str:
    """The id of a near-duplicate group founded by the text with this ``text_hash``."""
    return "g" + founding_text_hash[:_GROUP_ID_HEX]


@lru_cache(maxsize=1)
def _minhash_class() -> Any:
    """datasketch's MinHash without the rest of datasketch.

    The package's ``__init__`` imports every sketch it has, and its LSH classes import scipy:
    ~530 modules, ~43 MB and ~0.5 s of CPU that MinHash never uses, held by every fork server
    and Dask worker that extracts. So ``datasketch.minhash`` (numpy and hashlib only) is loaded
    under a bare package object, and the package and its modules are taken out of
    ``sys.modules`` again at once: a later ``import datasketch`` anywhere loads the real package
    afresh, as if this had never happened.
    """
    if "datasketch" in sys.modules:
        return sys.modules["datasketch"].MinHash
    spec = importlib.util.find_spec("datasketch")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'datasketch'", name="datasketch")
    package = types.ModuleType("datasketch")
    package.__path__ = list(spec.submodule_search_locations)
    sys.modules["datasketch"] = package
    try:
        module = importlib.import_module("datasketch.minhash")
    finally:
        for name in [n for n in sys.modules if n == "datasketch" or n.startswith("datasketch.")]:
            del sys.modules[name]
    return module.MinHash


@lru_cache(maxsize=1)
def _template() -> Any:
    return _minhash_class()(num_perm=NUM_PERM, seed=_SEED)


def signature(text: str) -> bytes | None:
    """The MinHash signature (NUM_PERM uint32 values) of the text's word shingles, or None."""
    words = _WORDS.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    tpl = _template()
    mh = _minhash_class()(num_perm=NUM_PERM, permutations=tpl.permutations, scheme=tpl.scheme)
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return bytes(mh.hashvalues.astype("<u4").tobytes())


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal minima."""
    import numpy as np

    va = np.frombuffer(a, dtype="<u4")
    vb = np.frombuffer(b, dtype="<u4")
    if va.shape != vb.shape:
        return 0.0
    return float(np.count_nonzero(va == vb)) / len(va)


def band_keys(sig: bytes) -> list[tuple[int, int]]:
    """(band, key) pairs: the 64-bit hash of each band of ROWS values."""
    width = ROWS * 4
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * width:(band + 1) * width], digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def assign_group(conn: sqlite3.Connection, article_id: str, sig: bytes | None, new_group: str) -> str:
    """Index ``sig`` for ``article_id`` and return its near-duplicate group id.

    The group is that of the most similar earlier article above NEAR_DUP_JACCARD, else
    ``new_group`` (named after the founding text, so an article whose text is later replaced
    founds a new group instead of dragging its old copies along). Runs inside the caller's
    transaction.
    """
    _unindex(conn, article_id)
    if sig is None:
        return new_group
    keys = band_keys(sig)
    best_id, best = None, NEAR_DUP_JACCARD
    for cand, cand_sig in _candidates(conn, article_id, keys):
        sim = similarity(sig, cand_sig)
        if sim >= best:
            best_id, best = cand, sim
    conn.execute("INSERT INTO minhash(id, signature) VALUES (?, ?)", (article_id, sig))
    conn.executemany("INSERT OR IGNORE INTO lsh_bands(band, key, id) VALUES (?, ?, ?)",
                     [(b, k, article_id) for b, k in keys])
    if best_id is None:
        return new_group
    row = conn.execute("SELECT group_id FROM articles WHERE id = ?", (best_id,)).fetchone()
    return str(row[0]) if row and row[0] else new_group


def _unindex(conn: sqlite3.Connection, article_id: str) -> None:
    """Drop an updated article's old bands: by their keys, so no scan of the band table."""
    old = conn.execute("SELECT signature FROM minhash WHERE id = ?", (article_id,)).fetchone()
    if old is None:
        return
    conn.executemany("DELETE FROM lsh_bands WHERE band = ? AND key = ? AND id = ?",
                     [(b, k, article_id) for b, k in band_keys(bytes(old[0]))])
    conn.execute("DELETE FROM minhash WHERE id = ?", (article_id,))


def _candidates(conn: sqlite3.Connection, article_id: str,
                keys: list[tuple[int, int]]) -> list[tuple[str, bytes]]:
    where = " OR ".join("(band = ? AND key = ?)" for _ in keys)
    params: list[Any] = [v for pair in keys for v in pair]
    ids = [r[0] for r in conn.execute(
        f"SELECT DISTINCT id FROM lsh_bands WHERE {where} LIMIT {MAX_CANDIDATES + 1}", params)]
    ids = [i for i in ids if i != article_id][:MAX_CANDIDATES]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [(r[0], bytes(r[1])) for r in conn.execute(
        f"SELECT id, signature FROM minhash WHERE id IN ({marks})", ids)]
