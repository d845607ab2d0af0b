"""Text-mode benchmark: clean flattened pages and score them, newsmill beside its peers.

Material: the German pages of trafeval-de-dev (snippet P / R / F1, micro) and the English pages of
the Zyte benchmark (shingle F1 against the gold article body), each flattened twelve ways
(``benchmarks/flatteners.py``: bs4, inscriptis, html2text, html-text, w3m, lynx, trafilatura's and
newspaper4k's plain text, a browser copy-paste, and degraded dumps: one line, ``textContent``, raw
markup and entities). trafeval's bs4 / inscriptis / html2text dumps are the shipped ones in
``../shared``; every other dump is made once and cached under ``benchmarks/.cache`` (gitignored).

Every page is in the tuning or the blind half (``benchmarks/splits.py``); the table reports both.
Rules are tuned on ``--split tune`` only. The text scored for newsmill is headline + lead + body
blocks (``newsmill.extract.text.extractor.article_text_for_scoring``) on trafeval, whose snippets
include headlines, and the body (lead + blocks) on Zyte, whose gold ``articleBody`` has no headline
(as ``benchmarks/extraction.py`` scores it); jusText and trafilatura get the dump's lines wrapped
as ``<p>`` (they need HTML). CPU time per dump is reported as mean, p99 and max.

A second table scores the metadata text mode recovers (title, authors, date) against the gold of
trafeval-de-dev, with the metric of ``benchmarks/metadata.py``.

    .venv/bin/python benchmarks/textdump.py [--split tune] [--flatteners w3m,lynx] [--only newsmill]
        [--limit N] [--errors N] [--no-metadata] [--rules-only]

``--rules-only`` leaves out text mode's learned line model (step 5), for before/after figures.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import html
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.flatteners import flatten  # noqa: E402
from benchmarks.metrics import SnippetCounts, page_precision_recall, shingle_scores, snippet_counts  # noqa: E402
from benchmarks.splits import CHOICES, HALVES, half, in_half  # noqa: E402

DATA = ROOT.parent / "shared" / "benchdata" / "trafeval-de-dev"
ZYTE = ROOT.parent / "shared" / "benchdata" / "zyte-article-extraction-benchmark"
FLATTENINGS = ("bs4", "inscriptis", "html2text")
Cleaner = Callable[[str], str]


def newsmill_cleaner(dump: str, with_title: bool = True) -> str:
    """newsmill's text of a dump: headline, lead and blocks, or (``with_title`` False) the body
    (lead + blocks, ``Article.text``), as ``benchmarks/extraction.py`` scores the Zyte pages."""
    from newsmill.extract import extract
    from newsmill.extract.text.extractor import article_text_for_scoring
    from newsmill.page import InputError

    try:
        article = extract(dump, input_format="text")
    except InputError:  # an empty dump (a flattener that found nothing): nothing to score
        return ""
    return article_text_for_scoring(article) if with_title else article.text


def keep_everything(dump: str) -> str:
    return dump


def _as_paragraphs(dump: str) -> str:
    paras = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in dump.splitlines() if line.strip())
    return f"<html><body>{paras}</body></html>"


def justext_cleaner(dump: str, stoplist: str = "German") -> str:
    import justext

    paragraphs = justext.justext(_as_paragraphs(dump), justext.get_stoplist(stoplist))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def trafilatura_cleaner(dump: str) -> str:
    import trafilatura

    return trafilatura.extract(_as_paragraphs(dump)) or ""




def load_gold() -> dict[str, dict[str, object]]:
    gold: dict[str, dict[str, object]] = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    return gold


METADATA_FIELDS = ("title", "author", "date")


def newsmill_metadata(dump: str) -> tuple[str | None, list[str], str | None]:
    """(title, authors, published) of text mode, in the form ``benchmarks/metadata.py`` scores."""
    from newsmill.extract import extract

    article = extract(dump, input_format="text")
    return article.title, list(article.authors), article.published


def metadata_check(ids: list[str], gold: dict[str, dict[str, object]], errors: str | None = None) -> None:
    """Title/author/date accuracy of text mode per flattening (metric of ``benchmarks/metadata.py``)."""
    from benchmarks.metadata import correct, score

    sub = {k: gold[k] for k in ids}
    rows, counts, misses = [], [], []
    for flat in FLATTENINGS:
        preds = {k: newsmill_metadata((DATA / "textdump" / flat / f"{k}.txt").read_text(encoding="utf-8")) for k in ids}
        cells = []
        for field in METADATA_FIELDS:
            for with_value in (False, True):
                acc, n = score(sub, preds, field, with_value)
                cells.append(f"{acc:.3f}")
                counts.append(n)
        rows.append(f"| {flat} | " + " | ".join(cells) + " |")
        if errors:
            index = METADATA_FIELDS.index(errors)
            misses.extend(
                (k, flat, gold[k][errors], preds[k][index])
                for k in ids
                if gold[k].get(errors) is not None and not correct(errors, gold[k][errors], preds[k])
            )
    print("\nText-mode metadata on the same dumps: accuracy; 'all': pages with a gold field (gold \"\" = none),")
    print("'has': pages whose gold field has a value. n = " + ", ".join(map(str, counts[: 2 * len(METADATA_FIELDS)])) + "\n")
    print("| flattening | title all | title has | author all | author has | date all | date has |")
    print("|---|" + "---|" * 2 * len(METADATA_FIELDS))
    print("\n".join(rows))
    for page_id, flat, want, got in misses:
        print(f"{page_id} {flat}: gold {want!r} got {got!r}")


LANG_OF_SET = {"trafeval": "de", "zyte": "en"}
STOPLISTS = {"de": "German", "en": "English"}
SHIPPED = DATA / "textdump"


@dataclass
class Page:
    set_name: str
    key: str
    path: Path  # the gzipped HTML
    truth: str = ""  # Zyte: the gold article body
    with_: list[str] = dataclasses.field(default_factory=list)  # trafeval: snippets that must appear
    without: list[str] = dataclasses.field(default_factory=list)  # ... and must not

    def html(self) -> str:
        from newsmill.page import decode

        return decode(gzip.decompress(self.path.read_bytes())).text

    def dump(self, flattener: str) -> str:
        shipped = SHIPPED / flattener / f"{self.key}.txt"
        if self.set_name == "trafeval" and shipped.exists():
            return shipped.read_text(encoding="utf-8")
        return flatten(flattener, self.set_name, self.key, self.html)


def load_pages(limit: int) -> list[Page]:
    """trafeval-de-dev (German) and the English pages of the Zyte benchmark."""
    import py3langid

    gold = load_gold()
    pages = [Page("trafeval", k, DATA / "pages" / f"{k}.html.gz", with_=list(gold[k]["with"]),  # type: ignore[call-overload]
                  without=list(gold[k]["without"])) for k in sorted(gold)[: limit or None]]  # type: ignore[call-overload]
    if ZYTE.is_dir():
        truth: dict[str, dict[str, str]] = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
        english = [k for k in sorted(truth) if py3langid.classify(truth[k]["articleBody"])[0] == "en"]
        pages += [Page("zyte", k, ZYTE / "html" / f"{k}.html.gz", truth=truth[k]["articleBody"])
                  for k in english[: limit or None]]
    return pages


def cleaners_for(lang: str) -> dict[str, Cleaner]:
    return {
        # Zyte's gold is the body without the headline (its ``articleBody``): newsmill's body is
        # scored there, as in benchmarks/extraction.py; trafeval's snippets include headlines.
        "newsmill": newsmill_cleaner if lang == "de" else lambda d: newsmill_cleaner(d, with_title=False),
        "jusText": lambda d: justext_cleaner(d, STOPLISTS[lang]),
        "trafilatura": trafilatura_cleaner,
        "keep all": keep_everything,
    }


def f1_of(pages: list[Page], outputs: list[str]) -> float:
    """F1 of one cleaner on pages of one set: snippets (trafeval) or shingles (Zyte)."""
    if not pages:
        return float("nan")
    if pages[0].set_name == "zyte":
        return shingle_scores((p.truth, o) for p, o in zip(pages, outputs, strict=True)).f1
    total = SnippetCounts()
    for p, o in zip(pages, outputs, strict=True):
        total.add(snippet_counts(o, p.with_, p.without))
    return total.scores.f1


def page_misses(page: Page, out: str) -> float:
    if page.set_name == "zyte":
        p, r = page_precision_recall(page.truth, out)
        return 2 - p - r
    c = snippet_counts(out, page.with_, page.without)
    return float(c.fn + c.fp)


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def dump_table(pages: list[Page], flatteners: list[str], halves: list[str], only: str | None,
               errors: int) -> None:
    names = [n for n in cleaners_for("de") if not only or only in n]
    print(f"Text dumps: {sum(p.set_name == 'trafeval' for p in pages)} German pages (trafeval-de-dev, snippet F1), "
          f"{sum(p.set_name == 'zyte' for p in pages)} English (Zyte, shingle F1); halves by benchmarks/splits.py\n")
    print("| flattener | lang | " + " | ".join(f"{n} {h}" for n in names for h in halves) + " |")
    print("|---|---|" + "---|" * (len(names) * len(halves)))
    worst: list[tuple[float, str, str]] = []
    cpu = {n: 0.0 for n in names}
    per_dump: dict[str, list[float]] = {n: [] for n in names}
    count = 0
    for flat in flatteners:
        for set_name, lang in LANG_OF_SET.items():
            cells = []
            for name in names:
                cleaner = cleaners_for(lang)[name]
                for h in halves:
                    sub = [p for p in pages if p.set_name == set_name and half(set_name, p.key) == h]
                    outs = []
                    for p in sub:
                        dump = p.dump(flat)
                        t0 = time.process_time()
                        outs.append(cleaner(dump))
                        cpu[name] += time.process_time() - t0
                        per_dump[name].append(time.process_time() - t0)
                        count += name == names[0]
                        if errors and name == "newsmill" and h == "tune":
                            worst.append((page_misses(p, outs[-1]), f"{set_name}:{p.key}", flat))
                    f1 = f1_of(sub, outs)
                    cells.append(f"**{f1:.3f}**" if name == "newsmill" else f"{f1:.3f}")
            if any(p.set_name == set_name for p in pages):
                print(f"| {flat} | {lang} | " + " | ".join(cells) + " |")
    print("\nCPU ms per dump: " + ", ".join(f"{n} {1000 * t / max(1, count):.1f}" for n, t in cpu.items()))
    print("CPU ms per dump, p99 / max: " + ", ".join(
        f"{n} {1000 * _quantile(ts, 0.99):.1f} / {1000 * max(ts, default=0.0):.1f}" for n, ts in per_dump.items()))
    for misses, page, flat in sorted(worst, reverse=True)[:errors]:
        print(f"{page} {flat}: misses {misses:.2f}")


def main() -> None:
    from benchmarks.flatteners import FLATTENERS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=CHOICES, default="all", help="halves to score (tune while tuning)")
    ap.add_argument("--flatteners", default=",".join(FLATTENERS), help="comma-separated flatteners")
    ap.add_argument("--only", help="run only cleaners whose name contains this")
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each set only")
    ap.add_argument("--errors", type=int, default=0, help="list newsmill's N worst tune-half dumps")
    ap.add_argument("--no-metadata", action="store_true", help="skip the text-mode metadata table")
    ap.add_argument("--rules-only", action="store_true", help="text mode without its learned line model (step 5)")
    ap.add_argument("--metadata-errors", choices=METADATA_FIELDS, help="list text mode's misses on this field")
    args = ap.parse_args()
    if args.rules_only:
        from newsmill.extract.text import line_model

        line_model.shipped_model.cache_clear()
        line_model.MODEL_PATH = Path("/nonexistent")  # shipped_model() then finds no model: rules alone
    pages = load_pages(args.limit)
    halves = list(HALVES) if args.split == "all" else [args.split]
    # Warm up outside the timing: imports, cue tables and the language model (loaded on first use).
    newsmill_cleaner((ROOT / "samples" / "000_b03d04e1de56314c.txt").read_text(encoding="utf-8"))
    from newsmill.extract.language import _identifier

    _identifier()  # py3langid's model (~0.8 s CPU) loads on the first page whose language is in doubt
    dump_table(pages, args.flatteners.split(","), halves, args.only, args.errors)
    if not args.no_metadata:
        gold = load_gold()
        ids = [p.key for p in pages if p.set_name == "trafeval" and in_half("trafeval", p.key, args.split)]
        metadata_check(ids, gold, args.metadata_errors)


if __name__ == "__main__":
    main()
