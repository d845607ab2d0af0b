"""Text-mode benchmark: clean flattened pages (trafeval-de-dev text dumps) and score with gold snippets.

Prints one markdown table: newsmill's text mode beside keeping everything, jusText and trafilatura
fed the dump's lines wrapped as ``<p>`` (they need HTML), for each flattening (bs4, inscriptis,
html2text), plus dumps per second on one core. The text scored for newsmill is headline + lead +
body blocks (``newsmill.extract.text.extractor.article_text_for_scoring``).

A second table scores the metadata text mode recovers (title, authors, date) against the gold of
trafeval-de-dev, with the metric of ``benchmarks/metadata.py`` (accuracy over pages whose gold
field is not null; "has": pages whose gold field has a value), so that changes to the head rules
or the cue tables are measured for text dumps too.

    .venv/bin/python benchmarks/textdump.py [--only newsmill] [--limit N] [--errors N] [--no-metadata]
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.metrics import SnippetCounts, shingle_scores, snippet_counts  # noqa: E402

DATA = ROOT.parent / "shared" / "benchdata" / "trafeval-de-dev"
ZYTE = ROOT.parent / "shared" / "benchdata" / "zyte-article-extraction-benchmark"
FLATTENINGS = ("bs4", "inscriptis", "html2text")
Cleaner = Callable[[str], str]


def newsmill_cleaner(dump: str) -> str:
    from newsmill.extract import extract
    from newsmill.extract.text.extractor import article_text_for_scoring

    return article_text_for_scoring(extract(dump, input_format="text"))


def newsmill_extractor_only(dump: str) -> str:
    """The text extractor alone, without the API's language identification and finalisation."""
    from newsmill.extract.options import ExtractOptions
    from newsmill.extract.text.extractor import article_text_for_scoring, extract_text

    return article_text_for_scoring(extract_text(dump, ExtractOptions()))


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


# The misses listed by --errors are this cleaner's (the extractor-only row would list them again).
NEWSMILL = "newsmill text mode"
CLEANERS: dict[str, Cleaner] = {
    NEWSMILL: newsmill_cleaner,
    "newsmill text extractor only (no language id)": newsmill_extractor_only,
    "keep everything": keep_everything,
    "jusText on lines as <p>": justext_cleaner,
    "trafilatura on lines as <p>": trafilatura_cleaner,
}


def load_gold() -> dict[str, dict[str, object]]:
    gold: dict[str, dict[str, object]] = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    return gold


def evaluate(cleaner: Cleaner, flattening: str, ids: list[str], gold: dict[str, dict[str, object]],
             errors: list[tuple[str, str, SnippetCounts]] | None = None) -> tuple[SnippetCounts, float]:
    """Summed snippet counts and dumps per second of ``cleaner`` over one flattening."""
    total = SnippetCounts()
    elapsed = 0.0
    for page_id in ids:
        dump = (DATA / "textdump" / flattening / f"{page_id}.txt").read_text(encoding="utf-8")
        t0 = time.process_time()
        out = cleaner(dump)
        elapsed += time.process_time() - t0
        g = gold[page_id]
        counts = snippet_counts(out, g["with"], g["without"])  # type: ignore[arg-type]
        total.add(counts)
        if errors is not None and (counts.fn or counts.fp):
            errors.append((page_id, flattening, counts))
    return total, len(ids) / max(elapsed, 1e-9)


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


def flatten_get_text(html: str) -> str:
    """A naive scraper's dump: BeautifulSoup ``get_text`` with one text node per line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return str(soup.get_text("\n"))


def _read_gz(path: Path) -> str:
    import gzip

    with gzip.open(path) as fh:
        return fh.read().decode("utf-8", "replace")


def english_check(limit: int) -> None:
    """Held-out English check (never tuned on): Zyte pages flattened with get_text, shingle F1."""
    truth: dict[str, dict[str, str]] = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: limit or None]
    dumps = {k: flatten_get_text(_read_gz(ZYTE / "html" / f"{k}.html.gz")) for k in keys}
    cleaners: dict[str, Cleaner] = {
        "newsmill text mode": newsmill_cleaner,
        "keep everything": keep_everything,
        "jusText on lines as <p>": lambda d: justext_cleaner(d, "English"),
        "trafilatura on lines as <p>": trafilatura_cleaner,
    }
    print(f"\nEnglish check (held out): Zyte benchmark, {len(keys)} pages flattened with get_text; shingle P / R / F1\n")
    print("| cleaner | get_text dumps |\n|---|---|")
    for name, cleaner in cleaners.items():
        s = shingle_scores((truth[k]["articleBody"], cleaner(dumps[k])) for k in keys)
        print(f"| {name} | {s.precision:.3f} / {s.recall:.3f} / **{s.f1:.3f}** |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="run only cleaners whose name contains this")
    ap.add_argument("--limit", type=int, default=0, help="first N pages only")
    ap.add_argument("--errors", type=int, default=0, help="list N pages with misses (newsmill)")
    ap.add_argument("--no-english", action="store_true", help="skip the English (Zyte) check")
    ap.add_argument("--no-metadata", action="store_true", help="skip the text-mode metadata table")
    ap.add_argument("--metadata-errors", choices=METADATA_FIELDS, help="list text mode's misses on this field")
    args = ap.parse_args()
    gold = load_gold()
    ids = sorted(gold)[: args.limit or None]
    # Warm up outside the timing: imports, cue tables and the language model (loaded on first use).
    newsmill_cleaner((ROOT / "samples" / "000_b03d04e1de56314c.txt").read_text(encoding="utf-8"))
    print(f"trafeval-de-dev text dumps: {len(ids)} pages; snippet P / R / F1 (micro); dumps/s on one core\n")
    print("| cleaner | " + " | ".join(FLATTENINGS) + " | dumps/s |")
    print("|---|" + "---|" * (len(FLATTENINGS) + 1))
    misses: list[tuple[str, str, SnippetCounts]] = []
    for name, cleaner in CLEANERS.items():
        if args.only and args.only not in name:
            continue
        cells, rates = [], []
        for flat in FLATTENINGS:
            counts, rate = evaluate(cleaner, flat, ids, gold, misses if name == NEWSMILL else None)
            s = counts.scores
            cells.append(f"{s.precision:.3f} / {s.recall:.3f} / **{s.f1:.3f}**")
            rates.append(rate)
        print(f"| {name} | " + " | ".join(cells) + f" | {sum(rates) / len(rates):.0f} |")
    for page_id, flat, c in sorted(misses, key=lambda m: -(m[2].fn + m[2].fp))[: args.errors]:
        print(f"{page_id} {flat}: fn={c.fn} fp={c.fp}")
    if not args.no_metadata:
        metadata_check(ids, gold, args.metadata_errors)
    if not args.no_english and ZYTE.is_dir():
        english_check(args.limit)


if __name__ == "__main__":
    main()
