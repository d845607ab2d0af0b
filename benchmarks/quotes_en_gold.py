"""The English quote gold: compile hand-written annotations into character offsets, and load them.

``benchmarks/data/quotes_en/annotations.jsonl`` is written by hand (exact substrings, see
``docs/annotation.md``, "English quotes"); ``compile_gold`` finds each substring in the Zyte
ground-truth ``articleBody`` and writes ``gold.jsonl`` (text + offsets). Any substring that is
missing or ambiguous stops the compile with the article id and the string, so an offset is never
guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "quotes_en"
ZYTE = Path(__file__).resolve().parents[1].parent / "shared" / "benchdata" / "zyte-article-extraction-benchmark"
KINDS = {"d": "direct", "i": "indirect", "m": "mixed"}
# How far from its quote a speaker or cue mention is looked for.
REACH = 400
ELLIPSIS = " … "


class GoldError(ValueError):
    """An annotation that does not fit its article's text."""


@dataclass
class GoldQuote:
    kind: str
    spans: list[tuple[int, int]]
    speaker: tuple[int, int] | None
    referent: str
    cue: tuple[int, int] | None

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class GoldArticle:
    id: str
    url: str
    text: str
    quotes: list[GoldQuote] = field(default_factory=list)


def _unique(text: str, needle: str, start: int, where: str) -> int:
    at = text.find(needle, start)
    if at < 0:
        raise GoldError(f"{where}: not found: {needle!r}")
    if start == 0 and text.find(needle, at + 1) >= 0:
        raise GoldError(f"{where}: ambiguous (give an anchor 'a'): {needle!r}")
    return at


def _part(text: str, part: str, start: int, where: str) -> tuple[int, int]:
    if ELLIPSIS in part:
        head, tail = part.split(ELLIPSIS, 1)
        s = _unique(text, head, start, where)
        e = text.find(tail, s + len(head))
        if e < 0:
            raise GoldError(f"{where}: end not found after start: {tail!r}")
        return s, e + len(tail)
    s = _unique(text, part, start, where)
    return s, s + len(part)


def _near(text: str, needle: str, spans: list[tuple[int, int]], anchor: str, where: str) -> tuple[int, int]:
    """The whole-word occurrence of ``needle`` nearest to the quote (outside its spans), after ``anchor``."""
    span = (spans[0][0], spans[-1][1])
    if anchor:
        a = _unique(text, anchor, 0, where)
        lo, hi = a, a + len(anchor)
    else:
        lo, hi = max(0, span[0] - REACH), min(len(text), span[1] + REACH)
    best: tuple[int, int] | None = None
    for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text[lo:hi]):
        s, e = lo + m.start(), lo + m.end()
        if not anchor and any(s < qe and qs < e for qs, qe in spans):
            continue
        dist = span[0] - e if e <= span[0] else max(0, s - span[1])
        if best is None or abs(dist) < best[0]:
            best = (abs(dist), s)
    if best is None:
        raise GoldError(f"{where}: {needle!r} not found near the quote")
    return best[1], best[1] + len(needle)


def compile_article(doc_id: str, text: str, url: str, quotes: list[dict[str, Any]]) -> GoldArticle:
    art = GoldArticle(doc_id, url, text)
    for n, q in enumerate(quotes):
        where = f"{doc_id[:8]} quote {n + 1}"
        if q.get("k") not in KINDS:
            raise GoldError(f"{where}: kind must be one of {sorted(KINDS)}: {q.get('k')!r}")
        start = _unique(text, q["a"], 0, where) + len(q["a"]) if q.get("a") else 0
        spans = []
        for part in q["q"].split(" | "):
            s, e = _part(text, part, start, where)
            spans.append((s, e))
            start = e
        speaker = _near(text, q["s"], spans, q.get("sa", ""), where + " speaker") if q.get("s") else None
        cue = _near(text, q["c"], spans, q.get("ca", ""), where + " cue") if q.get("c") else None
        art.quotes.append(GoldQuote(KINDS[q["k"]], spans, speaker, q.get("r", ""), cue))
    return art


def compile_gold(data: Path = DATA, zyte: Path = ZYTE) -> list[GoldArticle]:
    truth = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    with open(data / "annotations.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            ids = [k for k in truth if k.startswith(row["id"])]
            if len(ids) != 1:
                raise GoldError(f"id {row['id']!r} names {len(ids)} ground-truth pages")
            page = truth[ids[0]]
            out.append(compile_article(ids[0], page["articleBody"], page["url"], row["quotes"]))
    return out


def write_gold(articles: list[GoldArticle], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            quotes = [{"kind": q.kind, "spans": q.spans, "text": [a.text[s:e] for s, e in q.spans],
                       "speaker": list(q.speaker) if q.speaker else None,
                       "speaker_text": a.text[q.speaker[0]:q.speaker[1]] if q.speaker else "",
                       "referent": q.referent, "cue": list(q.cue) if q.cue else None} for q in a.quotes]
            fh.write(json.dumps({"id": a.id, "url": a.url, "text": a.text, "quotes": quotes}, ensure_ascii=False) + "\n")


def load_gold(path: Path = DATA / "gold.jsonl") -> list[GoldArticle]:
    """The compiled gold, offsets checked against the stored text."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            art = GoldArticle(row["id"], row["url"], row["text"])
            for q in row["quotes"]:
                spans = [(s, e) for s, e in q["spans"]]
                if [art.text[s:e] for s, e in spans] != q["text"]:
                    raise GoldError(f"{row['id'][:8]}: stored quote text does not match its offsets")
                art.quotes.append(GoldQuote(q["kind"], spans, tuple(q["speaker"]) if q["speaker"] else None,
                                            q["referent"], tuple(q["cue"]) if q["cue"] else None))
            out.append(art)
    return out
