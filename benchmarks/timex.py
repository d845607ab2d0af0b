"""Time-expression benchmark: detection P/R/F1 (strict and relaxed) and value accuracy.

Usage: python benchmarks/timex.py [--split all|tune|blind] [--wikiwars DIR] [--news tests/data/timex_news_de.jsonl ...]

Sets:
- WikiWarsDE (22 German Wikipedia war articles, TIMEX2 gold inline in keyinline/, document date
  in in/*.sgm). Narrative text: newsmill runs in narrative style with TIMEX2 part-of-day codes
  and without the extra interval spans (TIMEX2 gold has no intervals; the parts are scored).
- tests/data/timex_news_{de,en}.jsonl: short news sentences with a publication date and every
  time expression in them with its value, written while developing (a development set);
  tests/data/timex_news_{de,en}_heldout.jsonl: written afterwards and scored once before any
  fix (first-run numbers in docs/design/times.md). newsmill runs in news style (its default).

Matching, one-to-one, gold in text order: strict = identical character span; relaxed = spans
overlap (the ACE TERN/TempEval "lenient" match that HeidelTime's published WikiWarsDE numbers
use). Value accuracy = share of relaxed matches whose value equals the gold value exactly
(TIMEX2 mod attributes are not compared; newsmill has no mod field).

Peers: dateparser's search_dates (if installed: pip install dateparser), which finds and
resolves dates but not durations or TIMEX values (its datetimes are written as dates); a
year-regex baseline; and HeidelTime's published WikiWarsDE numbers (Java, GPL: not run here).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository root holds `benchmarks`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.splits import CHOICES, in_half  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WIKIWARS = ROOT.parent / "shared" / "benchdata" / "timex-de" / "WikiWarsDE_20110412"
NEWS_SETS = tuple(sorted((ROOT / "tests" / "data").glob("timex_news_*.jsonl")))
HEIDELTIME_WIKIWARSDE = {"precision": 0.98, "recall": 0.90, "value": 0.87}  # Strötgen & Gertz 2011/2013
SPEED_WORDS = 500  # words per article in the speed test (the "article of about 500 words")

Span = tuple[int, int, str]  # start, end, value


@dataclass
class Doc:
    name: str
    text: str
    language: str
    published: dt.date | None
    gold: list[Span] = field(default_factory=list)


_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_VAL = re.compile(r'\bval="([^"]*)"', re.IGNORECASE)


def load_wikiwars(folder: Path) -> list[Doc]:
    docs = []
    for path in sorted((folder / "keyinline").glob("*.xml")):
        raw = path.read_text(encoding="utf-8")
        dct_m = re.search(r"<DATETIME>.*?(\d{4}-\d{2}-\d{2})", raw, re.S)
        body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
        text, gold = _strip_inline(body)
        dct = dt.date.fromisoformat(dct_m.group(1)) if dct_m else None
        docs.append(Doc(path.name.split(".")[0], text, "de", dct, gold))
    return docs


def _strip_inline(body: str) -> tuple[str, list[Span]]:
    out: list[str] = []
    pos, length = 0, 0
    stack: list[tuple[int, str]] = []
    gold: list[Span] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(1) is not None:
            val = _VAL.search(m.group(1))
            stack.append((length, val.group(1) if val else ""))
        elif stack:
            start, value = stack.pop()
            gold.append((start, length, value))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    return text, sorted(_trim(text, g) for g in gold)


def _trim(text: str, span: Span) -> Span:
    start, end, value = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, value


def load_news(path: Path) -> list[Doc]:
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        case = json.loads(line)
        text = case["text"]
        gold: list[Span] = []
        for item in case["times"]:
            start = _nth(text, item["text"], item.get("occurrence", 0))
            gold.append((start, start + len(item["text"]), item["value"]))
        published = dt.date.fromisoformat(case["published"]) if case.get("published") else None
        docs.append(Doc(f"{path.stem}:{n + 1}", text, case["language"], published, sorted(gold)))
    return docs


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"{needle!r} not in {text!r}")
    return pos


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, doc: Doc, pred: list[Span]) -> None:
        self.gold += len(doc.gold)
        self.pred += len(pred)
        used: set[int] = set()
        for gs, ge, gv in doc.gold:
            best = _best_match(gs, ge, pred, used)
            if best is None:
                self.errors.append(f"{doc.name} MISSED {doc.text[gs:ge]!r} {gv}")
                continue
            used.add(best)
            ps, pe, pv = pred[best]
            self.relaxed += 1
            self.strict += (ps, pe) == (gs, ge)
            self.value_ok += pv == gv
            if pv != gv:
                self.errors.append(f"{doc.name} VALUE {doc.text[gs:ge]!r} gold={gv} ours={pv} "
                                   f"({doc.text[ps:pe]!r})")
        for i, (ps, pe, pv) in enumerate(pred):
            if i not in used:
                self.errors.append(f"{doc.name} EXTRA {doc.text[ps:pe]!r} {pv}")

    def row(self, name: str) -> str:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp, sr = ratio(self.strict, self.pred), ratio(self.strict, self.gold)
        rp, rr = ratio(self.relaxed, self.pred), ratio(self.relaxed, self.gold)
        return (f"| {name} | {self.gold} | {self.pred} | {sp:.3f} | {sr:.3f} | {f1(sp, sr):.3f} | "
                f"{rp:.3f} | {rr:.3f} | {f1(rp, rr):.3f} | {ratio(self.value_ok, self.relaxed):.3f} |")


def _best_match(gs: int, ge: int, pred: list[Span], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, (ps, pe, _) in enumerate(pred):
        if i in used or pe <= gs or ps >= ge:
            continue
        overlap = min(pe, ge) - max(ps, gs) + (1000 if (ps, pe) == (gs, ge) else 0)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


Tagger = Callable[[Doc], list[Span]]


def newsmill_tagger(style: str) -> Tagger:
    from newsmill.enrich.times.tagger import TimeOptions, tag_times

    narrative = style == "narrative"
    options = TimeOptions(style="narrative" if narrative else "news", part_of_day=narrative,
                          intervals=not narrative)

    def tag(doc: Doc) -> list[Span]:
        return [(t.start, t.end, t.value) for t in tag_times(doc.text, doc.language, doc.published, options)]

    return tag


def dateparser_tagger() -> Tagger | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def tag(doc: Doc) -> list[Span]:
        base = dt.datetime.combine(doc.published or dt.date.today(), dt.time())
        settings = {"RELATIVE_BASE": base}
        found = search_dates(doc.text, languages=[doc.language], settings=settings) or []
        out: list[Span] = []
        pos = 0
        for text, when in found:
            start = doc.text.find(text, pos)
            if start < 0:
                continue
            pos = start + len(text)
            out.append((start, pos, when.date().isoformat()))
        return out

    return tag


_YEAR = re.compile(r"(?<![\w.,])(1[0-9]\d\d|20\d\d)(?![\w]|[.,]\d)")


def year_baseline(doc: Doc) -> list[Span]:
    return [(m.start(), m.end(), m.group()) for m in _YEAR.finditer(doc.text)]


HEADER = ("| system | gold | predicted | strict P | strict R | strict F1 | relaxed P | relaxed R | "
          "relaxed F1 | value acc. |\n|---|---|---|---|---|---|---|---|---|---|")


def evaluate(docs: Iterable[Doc], tagger: Tagger) -> Counts:
    counts = Counts()
    for doc in docs:
        counts.add(doc, tagger(doc))
    return counts


def speed(docs: list[Doc], repeats: int = 3) -> float:
    """Articles of SPEED_WORDS words per CPU-second through the German news-style tagger."""
    from newsmill.enrich.times.tagger import tag_times

    words = " ".join(d.text for d in docs).split(" ")
    articles = [" ".join(words[i:i + SPEED_WORDS]) for i in range(0, len(words) - SPEED_WORDS, SPEED_WORDS)]
    anchor = dt.date(2023, 9, 9)
    tag_times(articles[0], "de", anchor)  # tables compiled outside the clock
    best = float("inf")
    for _ in range(repeats):
        # CPU time of this process: articles per CPU-second is the per-core rate, and other jobs
        # on the machine (which stretch wall time) do not count against it
        t0 = time.process_time()
        for text in articles:
            tag_times(text, "de", anchor)
        best = min(best, time.process_time() - t0)
    return len(articles) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wikiwars", type=Path, default=WIKIWARS)
    parser.add_argument("--news", type=Path, nargs="*", default=list(NEWS_SETS))
    parser.add_argument("--errors", type=Path, help="write every miss, extra and wrong value here")
    parser.add_argument("--split", choices=CHOICES, default="all",
                        help="score one half (benchmarks/splits.py; key: the document's name)")
    args = parser.parse_args()
    peers: list[tuple[str, Tagger | None]] = [("dateparser.search_dates", dateparser_tagger()),
                                              ("year regex baseline", year_baseline)]
    errors: list[str] = []
    sets: list[tuple[str, list[Doc], str]] = []
    if args.wikiwars.is_dir():
        wiki = [d for d in load_wikiwars(args.wikiwars) if in_half("wikiwarsde", d.name, args.split)]
        sets.append((f"WikiWarsDE ({len(wiki)} docs, {args.split})", wiki, "narrative"))
    for p in args.news:
        if p.is_file():
            docs = [d for d in load_news(p) if in_half("timex_news", d.name, args.split)]
            sets.append((f"{p.stem} ({len(docs)} sentences, {args.split})", docs, "news"))
    for title, docs, style in sets:
        print(f"\n### {title}\n\n{HEADER}")
        counts = evaluate(docs, newsmill_tagger(style))
        errors += counts.errors
        print(counts.row(f"newsmill ({style})"))
        for name, tagger in peers:
            if tagger is not None:
                print(evaluate(docs, tagger).row(name))
        if title.startswith("WikiWars"):
            h = HEIDELTIME_WIKIWARSDE
            print(f"| HeidelTime (published) | | | | | | {h['precision']:.2f} | {h['recall']:.2f} | | "
                  f"{h['value']:.2f} |")
            print(f"\nnewsmill speed: {speed(docs):.0f} articles per CPU-second ({SPEED_WORDS}-word slices of "
                  "WikiWarsDE, German, news style)")
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
