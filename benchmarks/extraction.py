"""Extraction benchmark: newsmill beside trafilatura, readability-lxml and jusText, in one run.

    python benchmarks/extraction.py [--sets zyte,trafeval] [--tools newsmill,...] [--limit N]
                                    [--dump DIR]

Prints one markdown table (precision, recall, F1, docs/s per tool and set) and, for the German
set, title/author/date accuracy. Every tool gets the same decoded page text and URL; timing
covers the tool's call only, one page after the other in one process, and counts CPU time
(``time.process_time``): docs/s on one core, robust to other jobs sharing the machine. Each tool
is warmed up on one page first so that import and model loading are not counted.

``--cold N`` measures what a user meets instead: for newsmill and trafilatura, one fresh Python
process each that imports the tool and extracts the first N pages of Zyte + trafeval in turn
(decoded beforehand, outside the timing). It reports import + first page, the whole run and the
steady part after the first COLD_STEADY_FROM pages, wall and CPU time, and the per-page CPU worst
case (p99, max); wall time is shown but is at the mercy of other jobs on the machine.

What is compared: the article body text. The Zyte ground truth ``articleBody`` holds the body
without the headline, and trafilatura's and jusText's outputs are bodies too, so no tool's title
is added. For newsmill that is ``Article.text`` (lead + blocks).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.metrics import SnippetCounts, normalize_ws, shingle_scores, snippet_counts  # noqa: E402
from benchmarks.splits import CHOICES, in_half  # noqa: E402

BENCHDATA = Path(__file__).resolve().parents[2] / "shared" / "benchdata"


@dataclass
class Output:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass
class Page:
    id: str
    html: str
    url: str | None
    gold: dict[str, Any]


Tool = Callable[[str, str | None, str], Output]


# --- tools --------------------------------------------------------------------------------------

def run_newsmill(html: str, url: str | None, lang: str) -> Output:
    from newsmill.extract import extract

    a = extract(html, url=url, input_format="html")
    return Output(a.text, a.title, "; ".join(a.authors) or None, a.published)


def _trafilatura(html: str, url: str | None, precision: bool) -> Output:
    import trafilatura

    raw = trafilatura.extract(html, url=url, output_format="json", with_metadata=True,
                              favor_precision=precision)
    if not raw:
        return Output("")
    d = json.loads(raw)
    return Output(d.get("text") or "", d.get("title"), d.get("author"), d.get("date"))


def run_trafilatura(html: str, url: str | None, lang: str) -> Output:
    return _trafilatura(html, url, False)


def run_trafilatura_precision(html: str, url: str | None, lang: str) -> Output:
    return _trafilatura(html, url, True)


def run_readability(html: str, url: str | None, lang: str) -> Output:
    import lxml.html
    from readability import Document

    doc = Document(html, url=url)
    summary = doc.summary(html_partial=True)
    tree = lxml.html.fromstring(summary) if summary.strip() else None
    if tree is None:
        return Output("", doc.short_title())
    # Separate block elements so that adjacent paragraphs do not run into one word.
    for el in tree.iter(*_READABILITY_BLOCKS):
        el.tail = "\n" + (el.tail or "")
    text = "\n".join(normalize_ws(line) for line in tree.text_content().split("\n"))
    return Output(text.strip(), doc.short_title())


_READABILITY_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "tr",
                       "td", "br", "section", "article", "figure", "table", "ul", "ol")


def run_justext(html: str, url: str | None, lang: str) -> Output:
    import justext

    stop = justext.get_stoplist("German" if lang == "de" else "English")
    paras = justext.justext(html.encode("utf-8"), stop, encoding="utf-8")
    return Output("\n".join(p.text for p in paras if not p.is_boilerplate))


TOOLS: dict[str, Tool] = {
    "newsmill": run_newsmill,
    "trafilatura": run_trafilatura,
    "trafilatura (favor_precision)": run_trafilatura_precision,
    "readability-lxml": run_readability,
    "jusText": run_justext,
}


# --- data ---------------------------------------------------------------------------------------

def _decode(raw: bytes) -> str:
    from newsmill.page import decode

    return decode(raw).text


def load_zyte(limit: int | None) -> list[Page]:
    root = BENCHDATA / "zyte-article-extraction-benchmark"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        pages.append(Page(key, _decode(raw), gold[key].get("url"), gold[key]))
    return pages


def load_trafeval(limit: int | None) -> list[Page]:
    root = BENCHDATA / "trafeval-de-dev"
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold)[:limit]:
        raw = gzip.decompress((root / "pages" / f"{key}.html.gz").read_bytes())
        url = gold[key].get("url")
        pages.append(Page(key, _decode(raw), url if url and url.startswith("http") else None, gold[key]))
    return pages


# --- scoring ------------------------------------------------------------------------------------

@dataclass
class Result:
    outputs: dict[str, Output] = field(default_factory=dict)
    seconds: float = 0.0
    failures: int = 0


def run_tool(tool: Tool, pages: list[Page], lang: str) -> Result:
    res = Result()
    if pages:
        tool(pages[0].html, pages[0].url, lang)  # warm-up: imports, models, caches
    for page in pages:
        t0 = time.process_time()
        try:
            out = tool(page.html, page.url, lang)
        except Exception:
            out = Output("")
            res.failures += 1
        res.seconds += time.process_time() - t0
        res.outputs[page.id] = out
    return res


def score_zyte(pages: list[Page], res: Result) -> tuple[float, float, float]:
    s = shingle_scores((_visible(p.gold["articleBody"]), _visible(res.outputs[p.id].text)) for p in pages)
    return s.precision, s.recall, s.f1


# Soft hyphens and zero-width spaces are invisible: gold snippets copied from a page keep them
# (trafeval-de has three), outputs may or may not. Both sides are compared without them.
_INVISIBLE = str.maketrans("", "", "\xad\u200b\ufeff")


def _visible(text: str) -> str:
    return text.translate(_INVISIBLE)


def score_trafeval(pages: list[Page], res: Result) -> tuple[float, float, float]:
    total = SnippetCounts()
    for p in pages:
        total.add(snippet_counts(_visible(res.outputs[p.id].text), [_visible(s) for s in p.gold.get("with") or []],
                                 [_visible(s) for s in p.gold.get("without") or []]))
    s = total.scores
    return s.precision, s.recall, s.f1


def metadata_accuracy(pages: list[Page], res: Result) -> dict[str, float | None]:
    """Share of pages with gold title/author/date where the tool's value matches."""
    acc: dict[str, float | None] = {}
    for key in ("title", "author", "date"):
        hits = total = 0
        for p in pages:
            gold = p.gold.get(key)
            if not gold:
                continue
            total += 1
            hits += _same(key, gold, getattr(res.outputs[p.id], key))
        acc[key] = hits / total if total else None
    return acc


def _same(key: str, gold: Any, got: str | None) -> bool:
    if not got:
        return False
    if isinstance(gold, list):
        gold = "; ".join(str(g) for g in gold)
    if key == "date":
        return got[:10] == gold[:10]
    if key == "author":
        return _names(gold) == _names(got)
    return normalize_ws(gold).lower() == normalize_ws(got).lower()


def _names(value: str) -> set[str]:
    for sep in (";", ",", " und ", " and ", "/", "&"):
        value = value.replace(sep, "|")
    return {normalize_ws(v).lower() for v in value.split("|") if v.strip()}


SETS: dict[str, tuple[Callable[[int | None], list[Page]], Callable[[list[Page], Result], tuple[float, float, float]], str]] = {
    "zyte": (load_zyte, score_zyte, "en"),
    "trafeval": (load_trafeval, score_trafeval, "de"),
}


# --- cold runs ----------------------------------------------------------------------------------

COLD_TOOLS = ("newsmill", "trafilatura")
# Pages after this many count as the steady state (imports, caches and lazy tables all paid).
COLD_STEADY_FROM = 200

_COLD_CHILD = """
import json, sys, time
w0, c0 = time.perf_counter(), time.process_time()
tool, path = sys.argv[1], sys.argv[2]
pages = [json.loads(line) for line in open(path, encoding="utf-8")]
w0, c0 = time.perf_counter(), time.process_time()
if tool == "newsmill":
    from newsmill.extract import extract
    run = lambda html, url: extract(html, url=url, input_format="html")
else:
    import trafilatura
    run = lambda html, url: trafilatura.extract(html, url=url, output_format="json", with_metadata=True)
marks = []
for html, url in pages:
    run(html, url)
    marks.append((time.perf_counter() - w0, time.process_time() - c0))
print(json.dumps(marks))
"""


def cold_run(tool: str, page_file: Path) -> list[tuple[float, float]]:
    """Cumulative (wall, CPU) seconds after each page, from before the import, in a fresh process."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", _COLD_CHILD, tool, str(page_file)], check=True,
                         capture_output=True, text=True).stdout
    return [tuple(m) for m in json.loads(out.strip().splitlines()[-1])]


def cold_table(n: int) -> str:
    import tempfile

    pages = (load_zyte(None) + load_trafeval(None))[:n]
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "pages.jsonl"
        page_file.write_text("".join(json.dumps([p.html, p.url]) + "\n" for p in pages), encoding="utf-8")
        marks = {tool: cold_run(tool, page_file) for tool in COLD_TOOLS}
    steady_from = min(COLD_STEADY_FROM, len(pages) - 1)
    rows = {}
    slowest: dict[str, str] = {}
    for tool, m in marks.items():
        per_page = sorted(m[i][1] - m[i - 1][1] for i in range(1, len(m)))
        if len(m) > 1:
            at = max(range(1, len(m)), key=lambda i: m[i][1] - m[i - 1][1])
            slowest[tool] = f"{pages[at].id} (page {at + 1})"
        rows[tool] = {
            "import + first page, wall s": m[0][0], "import + first page, CPU s": m[0][1],
            f"N={len(m)}, wall s": m[-1][0], f"N={len(m)}, CPU s": m[-1][1],
            f"steady (pages {steady_from + 1}–{len(m)}), CPU ms/page":
                1000 * (m[-1][1] - m[steady_from][1]) / max(1, len(m) - 1 - steady_from),
            "per page p99, CPU ms": 1000 * per_page[int(0.99 * (len(per_page) - 1))] if per_page else 0.0,
            "per page max, CPU ms": 1000 * per_page[-1] if per_page else 0.0,
        }
    lines = ["| fresh process | newsmill | trafilatura | trafilatura / newsmill |", "|---|---|---|---|"]
    for key in rows["newsmill"]:
        a, b = rows["newsmill"][key], rows["trafilatura"][key]
        lines.append(f"| {key} | {a:.3f} | {b:.3f} | {b / a if a else 0:.1f}× |")
    # Which page is the worst case, so that it can be profiled on its own.
    lines.append(f"| per page max, which page | {slowest.get('newsmill', '–')} | {slowest.get('trafilatura', '–')} | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cold", type=int, metavar="N", help="fresh-process runs over the first N pages instead")
    ap.add_argument("--sets", default="zyte,trafeval")
    ap.add_argument("--split", choices=CHOICES, default="all", help="score one half (benchmarks/splits.py)")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--dump", type=Path, help="write per-page newsmill outputs and scores here")
    args = ap.parse_args(argv)
    if args.cold:
        print(cold_table(args.cold))
        return 0
    rows = ["| set | tool | precision | recall | F1 | docs/s | failures |", "|---|---|---|---|---|---|---|"]
    meta_rows = ["| tool | title | author | date |", "|---|---|---|---|"]
    for set_name in args.sets.split(","):
        loader, scorer, lang = SETS[set_name]
        pages = [p for p in loader(args.limit) if in_half(set_name, p.id, args.split)]
        for tool_name in args.tools.split(","):
            res = run_tool(TOOLS[tool_name], pages, lang)
            p, r, f = scorer(pages, res)
            rate = len(pages) / res.seconds if res.seconds else 0.0
            rows.append(f"| {set_name} ({len(pages)}) | {tool_name} | {p:.3f} | {r:.3f} | {f:.3f} | {rate:.0f} | {res.failures} |")
            print(rows[-1], file=sys.stderr, flush=True)
            if set_name == "trafeval":
                acc = metadata_accuracy(pages, res)
                meta_rows.append(f"| {tool_name} | " + " | ".join(
                    "–" if acc[k] is None else f"{acc[k]:.2f}" for k in ("title", "author", "date")) + " |")
            if args.dump and tool_name == "newsmill":
                _dump(args.dump / set_name, pages, res)
    print("\n".join(rows))
    if len(meta_rows) > 2:
        print("\nMetadata on trafeval-de-dev (share of pages with gold values that match):\n")
        print("\n".join(meta_rows))
    return 0


def _dump(folder: Path, pages: list[Page], res: Result) -> None:
    from benchmarks.metrics import page_precision_recall

    folder.mkdir(parents=True, exist_ok=True)
    for p in pages:
        out = res.outputs[p.id]
        info: dict[str, Any] = {"url": p.url, "text": out.text}
        if "articleBody" in p.gold:
            info["pr"] = page_precision_recall(_visible(p.gold["articleBody"]), _visible(out.text))
        else:
            c = snippet_counts(_visible(out.text), [_visible(s) for s in p.gold.get("with") or []],
                               [_visible(s) for s in p.gold.get("without") or []])
            info["counts"] = [c.tp, c.fn, c.fp]
        (folder / f"{p.id}.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
