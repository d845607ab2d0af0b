"""Near-duplicate groups over a whole Parquet dataset, from the MinHash signatures in its shards.

The same LSH bands as the SQLite store (``corpus.dedup``: 32 bands of 4 rows, a pair is the same
story from an estimated Jaccard of NEAR_DUP_JACCARD). One job per band reads the ``id`` and
``minhash`` columns of every shard, buckets the articles by that band's key and checks each
bucket's members against its first ones; the verified pairs of all bands are joined by union-find.
Bands are independent, so on Dask they run as 32 tasks; each holds the signatures once
(~0.55 GB per million articles). A group is named after its founder, the earliest article
(by published date, then id), as the store names them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsmill.corpus import dedup
from newsmill.run.output import open_binary

# Members of one bucket each article is checked against (the bucket's first ones): a band key
# shared by thousands of boilerplate texts costs O(n * this), not O(n^2).
MAX_CHECKS_PER_BUCKET = dedup.MAX_CANDIDATES


def _signatures(shards: Iterable[str]) -> tuple[list[str], list[bytes]]:
    import pyarrow.parquet as pq

    ids: list[str] = []
    sigs: list[bytes] = []
    for shard in shards:
        with open_binary(shard) as f:
            table = pq.read_table(f, columns=["id", "minhash"])
        for i, sig in zip(table.column("id").to_pylist(), table.column("minhash").to_pylist(), strict=True):
            if sig is not None:
                ids.append(i)
                sigs.append(sig)
    return ids, sigs


def band_pairs(shards: list[str], band: int) -> list[tuple[str, str]]:
    """Verified near-duplicate pairs among articles that share this band's key."""
    import hashlib

    ids, sigs = _signatures(shards)
    width = dedup.ROWS * 4
    buckets: dict[bytes, list[int]] = {}
    for n, sig in enumerate(sigs):
        key = hashlib.blake2b(sig[band * width:(band + 1) * width], digest_size=8).digest()
        buckets.setdefault(key, []).append(n)
    pairs = []
    for members in buckets.values():
        for pos, n in enumerate(members[1:], start=1):
            for m in members[:min(pos, MAX_CHECKS_PER_BUCKET)]:
                if ids[m] != ids[n] and dedup.similarity(sigs[m], sigs[n]) >= dedup.NEAR_DUP_JACCARD:
                    pairs.append((ids[m], ids[n]))
                    break  # one link joins n to the bucket's group
    return pairs


def _founders(shards: list[str]) -> dict[str, tuple[str, str]]:
    """id -> (published or "", text_hash) for naming groups."""
    import pyarrow.parquet as pq

    out: dict[str, tuple[str, str]] = {}
    for shard in shards:
        with open_binary(shard) as f:
            t = pq.read_table(f, columns=["id", "published", "text_hash"])
        for i, pub, th in zip(*(t.column(c).to_pylist() for c in ("id", "published", "text_hash")), strict=True):
            out.setdefault(i, (pub or "", th))
    return out


def near_duplicate_groups(shards: list[str], client: Any = None) -> dict[str, str]:
    """article id -> group id for every article with a near-duplicate; on Dask when ``client``."""
    bands = range(dedup.BANDS)
    if client is None:
        results = [band_pairs(shards, b) for b in bands]
    else:
        futures = client.map(band_pairs, [shards] * dedup.BANDS, list(bands), pure=False)
        results = client.gather(futures)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for pairs in results:
        for a, b in pairs:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    if not parent:
        return {}
    info = _founders(shards)
    members: dict[str, list[str]] = {}
    for x in list(parent):
        members.setdefault(find(x), []).append(x)
    groups: dict[str, str] = {}
    for root, rest in members.items():
        everyone = {root, *rest}
        founder = min(everyone, key=lambda i: (info.get(i, ("", ""))[0], i))
        gid = dedup.group_id(info.get(founder, ("", founder))[1])
        groups.update(dict.fromkeys(everyone, gid))
    return groups

