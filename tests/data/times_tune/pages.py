"""The pages the times tuning set is built from, shared by its builders (build.py, build_whole.py,
build_news.py): the TUNE halves of trafeval-de-dev and of the Zyte benchmark (benchmarks/splits.py),
key order, filtered as the precision set's rule does (tests/data/precision/select.py,
docs/annotation.md). Each builder chooses which of these pages it keeps and how much of the text.
Nothing of the blind precision set is read.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import half  # noqa: E402

BENCH = ROOT.parent / "shared" / "benchdata"
MIN_BODY = 500


class Page(NamedTuple):
    key: str
    url: str
    published: str  # YYYY-MM-DD: the anchor of relative times
    text: str


def _iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def german() -> Iterator[Page]:
    """trafeval-de-dev, TUNE half: German pages whose gold has a valid date (one gold has day and
    month swapped, "2022-29-11"), text as ``newsmill.extract`` gives it, at least MIN_BODY chars."""
    import newsmill

    gold = json.loads((BENCH / "trafeval-de-dev" / "gold.json").read_text())
    for key in sorted(k for k in gold if half("trafeval", k) == "tune"):
        if not _iso_date(gold[key].get("date") or ""):
            continue
        raw = gzip.decompress((BENCH / "trafeval-de-dev" / "pages" / f"{key}.html.gz").read_bytes())
        article = newsmill.extract(raw, url=gold[key]["url"])
        if article.language != "de" or len(article.text) < MIN_BODY:
            continue
        yield Page(key, gold[key]["url"], gold[key]["date"][:10], article.text)


def english() -> Iterator[Page]:
    """Zyte benchmark, TUNE half: English ground-truth ``articleBody`` of at least MIN_BODY chars
    and a publication date newsmill's metadata finds (relative times need an anchor)."""
    import newsmill
    from newsmill.extract.language import detect_language

    base = BENCH / "zyte-article-extraction-benchmark"
    truth = json.loads((base / "ground-truth.json").read_text())
    for key in sorted(k for k in truth if half("zyte", k) == "tune"):
        body = truth[key].get("articleBody") or ""
        if len(body) < MIN_BODY or detect_language(body[:2000])[0] != "en":
            continue
        raw = gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes())
        published = newsmill.extract(raw, url=truth[key]["url"]).published
        if published:
            yield Page(key, truth[key]["url"], str(published)[:10], body)


def opening(text: str, max_chars: int, min_chars: int = 0) -> str:
    """Whole paragraphs up to ``max_chars`` (and, with ``min_chars``, no more once that many are
    in); a paragraph that would pass ``max_chars`` is cut after its last sentence that fits."""
    out: list[str] = []
    for para in (p.strip() for p in text.split("\n\n")):
        if not para:
            continue
        if min_chars and len("\n\n".join(out)) >= min_chars:
            break
        if len("\n\n".join([*out, para])) > max_chars:
            room = max_chars - len("\n\n".join(out)) - (2 if out else 0)
            cut = [m.end() for m in re.finditer(r"[.!?][”“\"«»]?(?=\s)", para) if m.end() <= room]
            if cut:
                out.append(para[: cut[-1]])
            break
        out.append(para)
    return "\n\n".join(out)


def ids(name: str) -> set[str]:
    """The ids of a texts file already built (a builder skips the pages another one took)."""
    path = HERE / name
    if not path.exists():
        return set()
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()}


def write(name: str, rows: list[dict[str, str]]) -> None:
    with (HERE / name).open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(rows)} texts", file=sys.stderr)
