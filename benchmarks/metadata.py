"""Page metadata (title, authors, date) on trafeval-de-dev: newsmill beside its peers, one run.

Peers: trafilatura 2.3.1 (``extract_metadata``), htmldate alone (dates; default extensive search
with ``original_date=True``, as trafilatura calls it), newspaper4k (when installed: the ``bench``
extra). Prints a markdown table; ``--errors FIELD`` also lists newsmill's misses on that field.

Metrics, the same for every tool, over the pages whose gold field is not null (a gold ``""``
means "the page has none": correct only when the tool also gives nothing):

- title: exact match after whitespace normalisation (runs of whitespace -> one space, stripped)
  and Unicode NFC.
- author: the set of names equal, case-insensitively; a gold or predicted author string is split
  into names at "," ";" "&" " und " " and " (gold writes several authors either way).
- date: the same day (``YYYY-MM-DD``).

Timing: ms per page of each tool's metadata step alone, on an already decoded page (newsmill's
and trafilatura's on a tree parsed beforehand; newspaper4k parses inside its own call).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import re
import signal
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.splits import CHOICES, in_half  # noqa: E402

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchdata" / "trafeval-de-dev"

Prediction = tuple[str | None, list[str], str | None]  # title, authors, date (YYYY-MM-DD)


def load_pages(bench: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    from newsmill.page import decode

    gold: dict[str, dict[str, Any]] = json.loads((bench / "gold.json").read_text(encoding="utf-8"))
    pages = {}
    for key in gold:
        with gzip.open(bench / "pages" / f"{key}.html.gz") as fh:
            pages[key] = decode(fh.read()).text
    return gold, pages


def page_url(entry: dict[str, Any]) -> str | None:
    url = entry.get("url") or ""
    return url if url.startswith("http") else None


# --- normalisation shared by all tools -----------------------------------------------------------


def norm_title(value: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", value or "").split())


_NAME_SPLIT = re.compile(r"\s*[,;&]\s*|\s+(?:und|and)\s+", re.IGNORECASE)


def name_set(value: str | list[str] | None) -> frozenset[str]:
    items = value if isinstance(value, list) else [value or ""]
    names = []
    for item in items:
        names.extend(_NAME_SPLIT.split(item))
    return frozenset(" ".join(n.split()).casefold() for n in names if n.strip())


def norm_day(value: str | None) -> str:
    return (value or "").strip()[:10]


# --- tools ---------------------------------------------------------------------------------------


def parse(html: str) -> Any:
    """One lxml tree per page for every tool (a str with an XML encoding declaration is refused
    by lxml, so that case is parsed from UTF-8 bytes)."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except ValueError:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)


def run_newsmill(html: str, url: str | None) -> tuple[Prediction, float]:
    from newsmill.extract.metadata.reader import read_metadata

    doc = parse(html)
    start = time.perf_counter()
    meta = read_metadata(doc, url)
    elapsed = time.perf_counter() - start
    return (meta.title, meta.authors, meta.published), elapsed


def run_trafilatura(html: str, url: str | None) -> tuple[Prediction, float]:
    from trafilatura.metadata import extract_metadata

    doc = parse(html)
    start = time.perf_counter()
    meta = extract_metadata(doc, default_url=url)
    elapsed = time.perf_counter() - start
    authors = [a for a in (meta.author or "").split("; ") if a]
    return (meta.title, authors, meta.date), elapsed


def run_htmldate(html: str, url: str | None) -> tuple[Prediction, float]:
    from htmldate import find_date

    doc = parse(html)
    start = time.perf_counter()
    found = find_date(doc, extensive_search=True, original_date=True, url=url)
    return (None, [], found), time.perf_counter() - start


def _offline_tldextract() -> None:
    """newspaper4k calls tldextract, which by default fetches the suffix list from the network."""
    from tldextract import tldextract

    tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def run_newspaper(html: str, url: str | None) -> tuple[Prediction, float]:
    import newspaper

    _offline_tldextract()
    start = time.perf_counter()
    # fetch_images=False: it would download images over the network to rank them by size
    art = newspaper.Article(url or "http://example.org/article.html", fetch_images=False)
    art.download(input_html=html)
    art.parse()
    elapsed = time.perf_counter() - start
    day = art.publish_date.strftime("%Y-%m-%d") if art.publish_date else None
    return (art.title or None, list(art.authors), day), elapsed


def available_tools() -> dict[str, Callable[[str, str | None], tuple[Prediction, float]]]:
    tools = {"newsmill": run_newsmill, "trafilatura 2.3.1": run_trafilatura, "htmldate": run_htmldate}
    try:
        import newspaper  # noqa: F401

        tools["newspaper4k"] = run_newspaper
    except ImportError:
        print("(newspaper4k not installed: pip install -e '.[bench]')", file=sys.stderr)
    return tools


# --- scoring -------------------------------------------------------------------------------------


def correct(field: str, gold: Any, pred: Prediction) -> bool:
    if field == "title":
        return norm_title(gold) == norm_title(pred[0])
    if field == "author":
        return name_set(gold) == name_set(pred[1])
    return norm_day(gold) == norm_day(pred[2])


def score(
    gold: dict[str, dict[str, Any]], preds: dict[str, Prediction], field: str, with_value: bool = False
) -> tuple[float, int]:
    """Accuracy over pages whose gold field is not null (``with_value``: and not empty)."""
    keys = [k for k, g in gold.items() if g.get(field) is not None and (g[field] or not with_value)]
    right = sum(correct(field, gold[k][field], preds[k]) for k in keys)
    return right / len(keys), len(keys)


def run_tools(
    tools: dict[str, Callable[[str, str | None], tuple[Prediction, float]]],
    gold: dict[str, dict[str, Any]],
    pages: dict[str, str],
) -> dict[str, tuple[dict[str, Prediction], list[float]]]:
    """All tools page by page, interleaved, so that the load of other jobs on the machine falls on
    every tool alike (run one after the other, a load spike penalises whichever runs then)."""
    out: dict[str, tuple[dict[str, Prediction], list[float]]] = {name: ({}, []) for name in tools}
    signal.signal(signal.SIGALRM, _timeout)
    for key in list(pages)[:WARM_UP_PAGES]:  # lazy imports and regex compilation are not per page
        for tool in tools.values():
            with contextlib.suppress(Exception):
                tool(pages[key], page_url(gold[key]))
    for key, html in pages.items():
        for name, tool in tools.items():
            preds, times = out[name]
            preds[key], elapsed = _one(tool, html, page_url(gold[key]))
            times.append(elapsed)
    return out


def _one(tool: Callable[[str, str | None], tuple[Prediction, float]], html: str, url: str | None) -> tuple[Prediction, float]:
    signal.alarm(PAGE_TIMEOUT_S)
    try:
        return tool(html, url)
    except PageTimeout:  # a peer hanging on a page counts as an empty answer at the limit
        return (None, [], None), float(PAGE_TIMEOUT_S)
    except Exception:  # a peer crashing on a page counts as an empty answer
        return (None, [], None), 0.0
    finally:
        signal.alarm(0)


# Pages run untimed first, so one-time costs (imports, data tables) are not counted per page.
WARM_UP_PAGES = 20
# Some peers hang on a few pages (regex backtracking); each page gets this many seconds.
PAGE_TIMEOUT_S = 10


class PageTimeout(Exception):
    pass


def _timeout(signum: int, frame: Any) -> None:
    raise PageTimeout


def run_cached(gold: Any, pages: Any, cache: Path | None) -> dict[str, tuple[dict[str, Prediction], list[float]]]:
    """``--cache DIR`` keeps the peers' answers and times between runs (never newsmill's): quick
    accuracy checks while developing. Timings are comparable only in a run without it."""
    tools = available_tools()
    results: dict[str, tuple[dict[str, Prediction], list[float]]] = {}
    for name in tools:
        path = cache / (re.sub(r"\W+", "_", name) + ".json") if cache and name != "newsmill" else None
        if path and path.exists():
            data = json.loads(path.read_text())
            results[name] = ({k: tuple(v) for k, v in data["preds"].items()}, data["times"])
    fresh = run_tools({n: t for n, t in tools.items() if n not in results}, gold, pages)
    for name, (preds, times) in fresh.items():
        if cache and name != "newsmill":
            cache.mkdir(parents=True, exist_ok=True)
            path = cache / (re.sub(r"\W+", "_", name) + ".json")
            path.write_text(json.dumps({"preds": preds, "times": times}, default=str))
    results.update(fresh)
    return {name: results[name] for name in tools}


def run_all(gold: dict[str, dict[str, Any]], pages: dict[str, str], errors: str | None, cache: Path | None) -> None:
    columns = [(f, v) for f in ("title", "author", "date") for v in (False, True)]
    rows = []
    all_preds = {}
    for name, (preds, times) in run_cached(gold, pages, cache).items():
        all_preds[name] = preds
        accs = [score(gold, preds, f, v)[0] if name != "htmldate" or f == "date" else None for f, v in columns]
        rows.append((name, accs, 1000 * statistics.mean(times), 1000 * statistics.median(times)))
    counts = [score(gold, all_preds["newsmill"], f, v)[1] for f, v in columns]
    print(f"trafeval-de-dev, {len(pages)} pages. 'all': pages with a gold field (gold \"\" = the page has none);")
    print("'has': pages whose gold field has a value. n = " + ", ".join(map(str, counts)) + "\n")
    print("| tool | title all | title has | author all | author has | date all | date has | ms/page mean | ms/page median |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, accs, mean, median in rows:
        cells = " | ".join("–" if a is None else f"{a:.3f}" for a in accs)
        print(f"| {name} | {cells} | {mean:.2f} | {median:.2f} |")
    if errors:
        show_errors(gold, all_preds, errors)


def show_errors(gold: dict[str, dict[str, Any]], all_preds: dict[str, dict[str, Prediction]], field: str) -> None:
    index = {"title": 0, "author": 1, "date": 2}[field]
    print(f"\nnewsmill misses on {field}:")
    for key, entry in gold.items():
        if entry.get(field) is None or correct(field, entry[field], all_preds["newsmill"][key]):
            continue
        peers = {n: p[key][index] for n, p in all_preds.items() if n != "newsmill" and correct(field, entry[field], p[key])}
        print(f"{key} gold={entry[field]!r} newsmill={all_preds['newsmill'][key][index]!r} right:{sorted(peers)} {entry['url'][:60]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--errors", choices=("title", "author", "date"))
    parser.add_argument("--cache", type=Path, help="keep the peers' answers here between runs")
    parser.add_argument("--split", choices=CHOICES, default="all", help="score one half (benchmarks/splits.py)")
    args = parser.parse_args()
    gold, pages = load_pages(args.bench)
    gold = {k: v for k, v in gold.items() if in_half("trafeval", k, args.split)}
    pages = {k: pages[k] for k in gold}
    print(f"half: {args.split}")
    run_all(gold, pages, args.errors, args.cache)


if __name__ == "__main__":
    main()
