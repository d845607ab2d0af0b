"""Quotation and speaker attribution on English news (quotes-en), newsmill beside a baseline.

Data: ``benchmarks/data/quotes_en/gold.jsonl`` — 48 English news articles of the Zyte benchmark
(MIT), annotated by hand for this project (guidelines: ``docs/annotation.md``, "English quotes";
rebuild the offsets with ``--compile`` after editing ``annotations.jsonl``). The whole set is
blind: no rule is tuned on it. Its two halves by ``benchmarks/splits.py`` (set ``quotes-en``, key:
the page id) are printed beside the whole set only for consistency with the other tables.

Matching is the rule of ``benchmarks/quotes.py``: a predicted quote matches a gold quote when
their character spans overlap by at least half of the longer one (a quote of several spans, gold
or predicted, counts as their union), one-to-one, greedy by overlap. Per-kind rows ask for the same kind;
"indirect + mixed" treats those two as one kind (as the German benchmark does); "all types"
ignores the kind. The gold does not annotate speech acts without content, so predicted
``reported`` quotes are dropped before scoring. Speaker accuracy: on matched quotes whose gold
names a speaker, the predicted speaker span overlaps the gold mention; resolved accuracy also
asks that the predicted speaker's canonical name name the gold referent (its last word occurs in
the referent; an anonymous gold speaker — no referent — is scored on the span alone).

    python -m benchmarks.quotes_en [--half all|tune|blind|each] [--compact] [--compile]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script (`make bench`): the repository root holds `benchmarks`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.metrics import greedy_pairs  # noqa: E402
from benchmarks.quotes import MIN_OVERLAP, pred_length, prf, same_person  # noqa: E402
from benchmarks.quotes_en_gold import (  # noqa: E402
    DATA,
    GoldArticle,
    GoldQuote,
    compile_gold,
    load_gold,
    write_gold,
)
from benchmarks.splits import HALVES, in_half  # noqa: E402
from newsmill.article import Quote  # noqa: E402

SET = "quotes-en"
KINDS = ("direct", "indirect", "mixed")
GROUP = {"direct": "direct", "indirect": "indirect+mixed", "mixed": "indirect+mixed"}


def length(g: GoldQuote) -> int:
    return sum(e - s for s, e in g.spans)


def overlap(p: Quote, g: GoldQuote) -> int:
    return sum(max(0, min(q.end, e) - max(q.start, s)) for q in p.pieces() for s, e in g.spans)


def match(preds: list[Quote], golds: list[GoldQuote], same: Callable[[str, str], bool]) -> list[tuple[Quote, GoldQuote]]:
    """One-to-one pairs, greedy by overlap, of quotes overlapping by ≥ half the longer one."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = overlap(p, g)
            if same(p.kind, g.kind) and ov >= MIN_OVERLAP * max(pred_length(p), length(g)):
                pairs.append((ov, i, j))
    return greedy_pairs(preds, golds, pairs)


def same_kind(kind: str) -> Callable[[str, str], bool]:
    return lambda a, b: a == b == kind


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    hit: Counter[str] = field(default_factory=Counter)
    speaker_n: int = 0
    speaker_ok: int = 0
    resolved_ok: int = 0


def score(articles: list[GoldArticle], predict: Callable[[GoldArticle], list[Quote]]) -> Tally:
    t = Tally()
    for art in articles:
        preds = [p for p in predict(art) if p.kind != "reported"]
        golds = art.quotes
        for k in KINDS:
            t.gold[k] += sum(g.kind == k for g in golds)
            t.pred[k] += sum(p.kind == k for p in preds)
            t.hit[k] += len(match(preds, golds, same_kind(k)))
        t.gold["indirect+mixed"] += sum(GROUP[g.kind] == "indirect+mixed" for g in golds)
        t.pred["indirect+mixed"] += sum(GROUP[p.kind] == "indirect+mixed" for p in preds)
        t.hit["indirect+mixed"] += len(match(preds, golds, lambda a, b: GROUP[a] == GROUP[b] == "indirect+mixed"))
        t.hit["typed"] += len(match(preds, golds, lambda a, b: GROUP[a] == GROUP[b]))
        t.gold["all"] += len(golds)
        t.pred["all"] += len(preds)
        matched = match(preds, golds, lambda a, b: True)
        t.hit["all"] += len(matched)
        for p, g in matched:
            if g.speaker is None:
                continue
            t.speaker_n += 1
            s, e = g.speaker
            ok = p.speaker is not None and p.speaker.start < e and s < p.speaker.end
            t.speaker_ok += ok
            t.resolved_ok += ok and (not g.referent or same_person(p.speaker.name if p.speaker else None, g.referent))
    return t


def rows(name: str, t: Tally, seconds: float | None, docs: int) -> list[str]:
    """Table rows; ``seconds`` is the CPU time spent on ``docs`` articles (None: not timed)."""
    out = []
    for k in (*KINDS, "indirect+mixed"):
        p, r, f = prf(t.hit[k], t.pred[k], t.hit[k], t.gold[k])
        bold = "**" if k == "direct" else ""
        out.append(f"| {name} | {k} | {t.gold[k]} | {t.pred[k]} | {p:.3f} | {r:.3f} | {bold}{f:.3f}{bold} | |")
    p, r, f = prf(t.hit["typed"], t.pred["all"], t.hit["typed"], t.gold["all"])
    out.append(f"| {name} | all, kind must match (indirect = mixed) | {t.gold['all']} | {t.pred['all']} | {p:.3f} | {r:.3f} | {f:.3f} | |")
    p, r, f = prf(t.hit["all"], t.pred["all"], t.hit["all"], t.gold["all"])
    acc = t.speaker_ok / t.speaker_n if t.speaker_n else 0.0
    res = t.resolved_ok / t.speaker_n if t.speaker_n else 0.0
    speed = f"; {docs / max(seconds, 1e-9):.0f} docs/s" if seconds is not None else ""
    out.append(f"| {name} | **all types** | {t.gold['all']} | {t.pred['all']} | {p:.3f} | {r:.3f} | **{f:.3f}** | "
               f"{acc:.3f} / **{res:.3f}** ({t.speaker_n}){speed} |")
    return out


COMPACT_HEADER = ("| system | half | gold / predicted | direct F1 | indirect F1 | mixed F1 | indirect+mixed F1 | "
                  "all, kind must match F1 | all types P / R / **F1** | speaker span / resolved acc. (n) |\n"
                  "|---|---|---|---|---|---|---|---|---|---|")


def compact_row(name: str, half: str, t: Tally) -> str:
    """One line per system and half: the figures docs/benchmarks.md shows."""
    f1 = {k: prf(t.hit[k], t.pred[k], t.hit[k], t.gold[k])[2] for k in (*KINDS, "indirect+mixed")}
    typed = prf(t.hit["typed"], t.pred["all"], t.hit["typed"], t.gold["all"])[2]
    p, r, f = prf(t.hit["all"], t.pred["all"], t.hit["all"], t.gold["all"])
    acc = t.speaker_ok / t.speaker_n if t.speaker_n else 0.0
    res = t.resolved_ok / t.speaker_n if t.speaker_n else 0.0
    return (f"| {name} | {half} | {t.gold['all']} / {t.pred['all']} | {f1['direct']:.3f} | {f1['indirect']:.3f} | "
            f"{f1['mixed']:.3f} | {f1['indirect+mixed']:.3f} | {typed:.3f} | {p:.3f} / {r:.3f} / **{f:.3f}** | "
            f"{acc:.3f} / **{res:.3f}** ({t.speaker_n}) |")


def newsmill_quotes(art: GoldArticle) -> list[Quote]:
    import newsmill

    return newsmill.annotate(art.text, language="en").quotes


def without_fragments(predict: Callable[[GoldArticle], list[Quote]]) -> Callable[[GoldArticle], list[Quote]]:
    """newsmill also emits the quoted fragments of a mixed quote as direct quotes (the German gold
    annotates them); the English gold does not, so this variant drops a direct quote that lies
    inside another predicted quote."""

    def predict_outer(art: GoldArticle) -> list[Quote]:
        preds = predict(art)
        return [p for p in preds if not (p.kind == "direct" and any(
            o is not p and o.kind != "direct" and o.start <= p.start and p.end <= o.end for o in preds))]

    return predict_outer


def marks_baseline(art: GoldArticle) -> list[Quote]:
    """Every outermost pair of quotation marks is a direct quote, without a speaker."""
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.marks import find_marked

    marked = find_marked(art.text, load_lexicon("en").marks, [])
    return [Quote(m.start, m.end, art.text[m.start : m.end], "direct") for m in marked if m.depth == 0 and not m.runs_on]


def describe(articles: list[GoldArticle]) -> str:
    kinds = Counter(q.kind for a in articles for q in a.quotes)
    with_speaker = sum(q.speaker is not None for a in articles for q in a.quotes)
    empty = sum(not a.quotes for a in articles)
    return (f"quotes-en: {len(articles)} articles ({empty} without quotes), {sum(kinds.values())} quotes "
            f"(direct {kinds['direct']}, indirect {kinds['indirect']}, mixed {kinds['mixed']}), "
            f"{with_speaker} with a speaker mention")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", default="each", choices=["all", "tune", "blind", "each"])
    ap.add_argument("--compact", action="store_true", help="one row per system and half")
    ap.add_argument("--compile", action="store_true", help="rebuild gold.jsonl from annotations.jsonl first")
    args = ap.parse_args()
    if args.compile:
        write_gold(compile_gold(), DATA / "gold.jsonl")
    articles = load_gold()
    print(describe(articles) + "; the whole set is blind, halves by benchmarks/splits.py (key: page id)\n")
    if args.compact:
        print(COMPACT_HEADER)
    else:
        print("| system | kind | gold | predicted | P | R | F1 | speaker span / resolved acc. (n); speed |")
        print("|---|---|---|---|---|---|---|---|")
    halves = ("all", *HALVES) if args.half == "each" else (args.half,)
    cache: dict[str, list[Quote]] = {}
    spent = [0.0]

    def newsmill_cached(art: GoldArticle) -> list[Quote]:
        if art.id not in cache:
            started = time.process_time()
            cache[art.id] = newsmill_quotes(art)
            spent[0] += time.process_time() - started
        return cache[art.id]

    newsmill_quotes(articles[0])  # load the models before anything is timed
    for which in halves:
        docs = [a for a in articles if in_half(SET, a.id, which)]
        label = f"{which} ({len(docs)} art.)"
        started = time.process_time()
        base = score(docs, marks_baseline)
        base_seconds = time.process_time() - started
        timed = all(a.id not in cache for a in docs)
        before = spent[0]
        tally = score(docs, newsmill_cached)
        seconds = spent[0] - before if timed else None
        outer = score(docs, without_fragments(newsmill_cached))
        if args.compact:
            print(compact_row("marks only (baseline)", label, base))
            print(compact_row("newsmill", label, tally))
            print(compact_row("newsmill, nested fragments dropped", label, outer))
            continue
        print("\n".join(rows(f"marks only (baseline), {label}", base, base_seconds, len(docs))))
        print("\n".join(rows(f"newsmill, {label}", tally, seconds, len(docs))))
        print("\n".join(rows(f"newsmill, nested fragments dropped, {label}", outer, None, len(docs))))
    if args.compact:
        rate = len(articles) / spent[0] if spent[0] else 0.0
        print(f"\nnewsmill.annotate (all enrichers, models loaded): {rate:.0f} articles per CPU second.")
        return
    print("\ndocs/s: CPU time (process_time) of newsmill.annotate (all enrichers, models loaded), "
          "timed on the first pass over the articles only; later rows reuse its output.")


if __name__ == "__main__":
    main()
