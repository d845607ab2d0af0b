"""Train the text-mode line model on the tuning half and write ``src/newsmill/data/models/textdump-lines.json``.

Input: ``training/textdump/.data/lines.pkl`` from ``build_data.py`` (tuning half only). The model is
gradient-boosted regression trees on the logit scale (logistic loss), written here in numpy so that
nothing beyond numpy is needed to train and nothing at all to run it (``line_model.Model`` walks the
trees in plain Python).

Choices are made by cross-validation inside the tuning half: pages (all their dumps together, so a
page never sits on both sides) go to ``FOLDS`` folds by a hash of their key; for each setting the
out-of-fold scores of every dump are turned into the text newsmill would print and scored with the
benchmark's own metrics (snippet F1 on trafeval, shingle F1 on Zyte), per flattener and language.
The thresholds with the best mean F1 over the 24 cells are kept; a second stage, which adds the
stage-1 scores of the neighbouring candidates, is shipped when its cross-validated mean is higher.
Both stages are then trained on the whole tuning half (stage 2 on out-of-fold stage-1 scores).
``--group-thresholds`` then picks the two thresholds per dump group (German / English, cut into
sentences or not: ``line_model.threshold_group``), one group at a time from the common pair, on the
same out-of-fold scores. The shipped model: ``--one-stage --group-thresholds`` (``make textdump-model``).

    nice .venv/bin/python training/textdump/train.py [--no-write] [--one-stage] [--group-thresholds]
        [--trees 150 --depth 4 --rate 0.1]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.metrics import SnippetCounts, page_precision_recall, snippet_counts  # noqa: E402
from benchmarks.textdump import load_pages  # noqa: E402

from newsmill.extract.text.line_model import (  # noqa: E402
    MODEL_PATH,
    THRESHOLD_GROUPS,
    context_features,
    context_names,
    feature_names,
    threshold_group,
)

DATA = Path(__file__).resolve().parent / ".data" / "lines.pkl"
SEED = 20261207
FOLDS = 4
BINS = 32
# A Zyte line's weight is its share of the page's gold tokens, scaled so that a page weighs about
# as much as a trafeval page's dozen snippets (each labelled trafeval line weighs 1).
ZYTE_PAGE_WEIGHT = 12.0
# Decision thresholds tried (logit scale) for dropping a block and adding an unused line.
THRESHOLDS = (-1.5, -1.0, -0.5, 0.0, 0.5, 1.0)


@dataclass
class Setting:
    trees: int
    depth: int
    rate: float
    min_hess: float = 5.0
    l2: float = 1.0
    subsample: float = 0.8


@dataclass
class Tree:
    feature: list[int]
    threshold: list[float]
    left: list[int]
    right: list[int]


def quantile_edges(x: np.ndarray, bins: int) -> list[np.ndarray]:
    """Per feature, the candidate split thresholds (midpoints of distinct quantiles)."""
    edges = []
    for f in range(x.shape[1]):
        q = np.unique(np.quantile(x[:, f], np.linspace(0, 1, bins + 1)))
        edges.append((q[:-1] + q[1:]) / 2 if len(q) > 1 else np.array([], dtype=np.float64))
    return edges


def bin_matrix(x: np.ndarray, edges: list[np.ndarray]) -> np.ndarray:
    out = np.zeros(x.shape, dtype=np.int32)
    for f, e in enumerate(edges):
        out[:, f] = np.searchsorted(e, x[:, f], side="left")  # bin b: x <= e[b] (first edge above)
    return out


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, s: Setting, rng: np.random.Generator) -> tuple[float, list[Tree]]:
    edges = quantile_edges(x, BINS)
    xb = bin_matrix(x, edges)
    nf = x.shape[1]
    flat = xb + (np.arange(nf, dtype=np.int32) * (BINS + 1))[None, :]
    pos = float(np.sum(w * y)) / float(np.sum(w))
    base = float(np.log(pos / (1 - pos)))
    margin = np.full(len(y), base)
    trees: list[Tree] = []
    for _ in range(s.trees):
        p = 1 / (1 + np.exp(-margin))
        g, h = w * (p - y), w * np.maximum(p * (1 - p), 1e-6)
        rows = np.flatnonzero(rng.random(len(y)) < s.subsample)
        tree = Tree([], [], [], [])
        _grow(tree, rows, 0, flat, xb, g, h, edges, s, nf)
        trees.append(tree)
        margin += _predict_tree(tree, x)
    return base, trees


def _grow(tree: Tree, rows: np.ndarray, depth: int, flat: np.ndarray, xb: np.ndarray, g: np.ndarray,
          h: np.ndarray, edges: list[np.ndarray], s: Setting, nf: int) -> int:
    node = len(tree.feature)
    tree.feature.append(-1)
    tree.threshold.append(0.0)
    tree.left.append(-1)
    tree.right.append(-1)
    gs, hs = float(g[rows].sum()), float(h[rows].sum())
    leaf = -gs / (hs + s.l2) * s.rate
    if depth >= s.depth or hs < 2 * s.min_hess:
        tree.threshold[node] = leaf
        return node
    size = nf * (BINS + 1)
    sub = flat[rows]
    hg = np.bincount(sub.ravel(), weights=np.repeat(g[rows], nf), minlength=size).reshape(nf, BINS + 1)
    hh = np.bincount(sub.ravel(), weights=np.repeat(h[rows], nf), minlength=size).reshape(nf, BINS + 1)
    gl, hl = np.cumsum(hg, axis=1)[:, :-1], np.cumsum(hh, axis=1)[:, :-1]
    gr, hr = gs - gl, hs - hl
    gain = gl**2 / (hl + s.l2) + gr**2 / (hr + s.l2) - gs**2 / (hs + s.l2)
    valid = (hl >= s.min_hess) & (hr >= s.min_hess)
    for f, e in enumerate(edges):
        valid[f, len(e):] = False
    gain = np.where(valid, gain, -np.inf)
    f, b = np.unravel_index(int(np.argmax(gain)), gain.shape)
    if not np.isfinite(gain[f, b]) or gain[f, b] <= 0:
        tree.threshold[node] = leaf
        return node
    go_left = xb[rows, f] <= b
    tree.feature[node] = int(f)
    tree.threshold[node] = float(edges[f][b])
    tree.left[node] = _grow(tree, rows[go_left], depth + 1, flat, xb, g, h, edges, s, nf)
    tree.right[node] = _grow(tree, rows[~go_left], depth + 1, flat, xb, g, h, edges, s, nf)
    return node


def _predict_tree(tree: Tree, x: np.ndarray) -> np.ndarray:
    node = np.zeros(len(x), dtype=np.int64)
    feat, thr = np.array(tree.feature), np.array(tree.threshold)
    left, right = np.array(tree.left), np.array(tree.right)
    while True:
        inner = feat[node] >= 0
        if not inner.any():
            return thr[node]
        idx = np.flatnonzero(inner)
        n = node[idx]
        go_left = x[idx, feat[n]] <= thr[n]
        node[idx] = np.where(go_left, left[n], right[n])


def predict(base: float, trees: list[Tree], x: np.ndarray) -> np.ndarray:
    out = np.full(len(x), base)
    for t in trees:
        out += _predict_tree(t, x)
    return out


def fold_of(set_name: str, key: str) -> int:
    return hashlib.sha1(f"fold:{set_name}:{key}".encode()).digest()[0] % FOLDS


def training_arrays(records: list[dict[str, Any]], zyte_weight: float = ZYTE_PAGE_WEIGHT,
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Labelled rows: features, label, weight, fold."""
    xs, ys, ws, folds = [], [], [], []
    for r in records:
        if r["set"] == "zyte":
            tokens = [max(1, len(t.split())) for t in r["texts"]]
            total = max(1, sum(tk for tk, y in zip(tokens, r["y"], strict=True) if y))
        for k, (row, y) in enumerate(zip(r["rows"], r["y"], strict=True)):
            if y is None:
                continue
            xs.append(row)
            ys.append(y)
            ws.append(1.0 if r["set"] == "trafeval" else zyte_weight * min(1.0, tokens[k] / total))
            folds.append(fold_of(r["set"], r["key"]))
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64), np.array(ws), np.array(folds)


def output_text(r: dict[str, Any], scores: Iterable[float] | None, drop_below: float, add_above: float) -> str:
    """What newsmill prints for the dump (``line_model.refine``'s decision); None scores: rules alone."""
    texts = {t for t, role in zip(r["texts"], r["roles"], strict=True) if role == "block"}
    texts |= {r["title"] or "", r["lead"] or ""}
    kept = []
    sc = list(scores) if scores is not None else [None] * len(r["lines"])
    for text, role, s in zip(r["texts"], r["roles"], sc, strict=True):
        if role == "block" and (s is None or s >= drop_below):
            kept.append(text)
        elif role == "none" and s is not None and s > add_above and text not in texts:
            kept.append(text)
            texts.add(text)
    head = [r["title"] or ""] if r["set"] == "trafeval" else []
    return "\n\n".join(p for p in [*head, r["lead"] or "", *kept] if p)


def cell_scores(records: list[dict[str, Any]], scores: list[np.ndarray] | None, gold: dict[tuple[str, str], Any],
                drop_below: float = 0.0, add_above: float = 0.0) -> dict[tuple[str, str], float]:
    """F1 per (flattener, set) with the benchmark's metrics."""
    snip: dict[tuple[str, str], SnippetCounts] = {}
    pr: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for n, r in enumerate(records):
        out = output_text(r, None if scores is None else scores[n], drop_below, add_above)
        cell = (r["flattener"], r["set"])
        g = gold[(r["set"], r["key"])]
        if r["set"] == "trafeval":
            snip.setdefault(cell, SnippetCounts()).add(snippet_counts(out, g[0], g[1]))
        else:
            pr.setdefault(cell, []).append(page_precision_recall(g, out))
    f1 = {c: v.scores.f1 for c, v in snip.items()}
    for c, values in pr.items():
        p = sum(v[0] for v in values) / len(values)
        rc = sum(v[1] for v in values) / len(values)
        f1[c] = 2 * p * rc / (p + rc) if p + rc else 0.0
    return f1


def per_record_scores(records: list[dict[str, Any]], model: tuple[float, list[Tree]]) -> list[np.ndarray]:
    out = []
    for r in records:
        x = np.array(r["rows"], dtype=np.float64) if r["rows"] else np.zeros((0, len(feature_names())))
        out.append(predict(model[0], model[1], x) if len(x) else np.zeros(0))
    return out


def cross_validate(records: list[dict[str, Any]], s: Setting, zyte_weight: float = ZYTE_PAGE_WEIGHT) -> list[np.ndarray]:
    """Out-of-fold scores of every record's candidate lines."""
    x, y, w, folds = training_arrays(records, zyte_weight)
    scores: list[np.ndarray] = [np.zeros(0)] * len(records)
    for k in range(FOLDS):
        rng = np.random.default_rng(SEED + k)
        model = fit(x[folds != k], y[folds != k], w[folds != k], s, rng)
        held = [n for n, r in enumerate(records) if fold_of(r["set"], r["key"]) == k]
        for n, sc in zip(held, per_record_scores([records[n] for n in held], model), strict=True):
            scores[n] = sc
    return scores


def table(rows: dict[str, dict[tuple[str, str], float]], cells: list[tuple[str, str]]) -> str:
    names = list(rows)
    out = ["| flattener | lang | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for c in cells:
        out.append(f"| {c[0]} | {'de' if c[1] == 'trafeval' else 'en'} | "
                   + " | ".join(f"{rows[n][c]:.3f}" for n in names) + " |")
    out.append("| mean | | " + " | ".join(f"{np.mean([rows[n][c] for c in cells]):.4f}" for n in names) + " |")
    out.append("| min | | " + " | ".join(f"{min(rows[n][c] for c in cells):.3f}" for n in names) + " |")
    return "\n".join(out)


def stage_json(base: float, trees: list[Tree]) -> dict[str, Any]:
    return {
        "base": round(base, 6),
        "trees": [
            {"feature": t.feature, "threshold": [round(v, 6) for v in t.threshold], "left": t.left, "right": t.right}
            for t in trees
        ],
    }


def with_context(records: list[dict[str, Any]], scores: list[np.ndarray]) -> list[dict[str, Any]]:
    """The records with the stage-1 context features appended to every row (stage 2's input)."""
    out = []
    for r, sc in zip(records, scores, strict=True):
        ctx = context_features(r["lines"], [float(v) for v in sc])
        out.append({**r, "rows": [row + c for row, c in zip(r["rows"], ctx, strict=True)]})
    return out


def best_thresholds(records: list[dict[str, Any]], scores: list[np.ndarray], gold: dict[tuple[str, str], Any],
                    cells: list[tuple[str, str]]) -> tuple[float, float, float, dict[tuple[str, str], float]]:
    """(mean F1, drop_below, add_above, F1 per cell) of the best pair of thresholds."""
    best: tuple[float, float, float, dict[tuple[str, str], float]] | None = None
    for drop, add in product(THRESHOLDS, [*THRESHOLDS, 99.0]):
        f1 = cell_scores(records, scores, gold, drop, add)
        mean = float(np.mean([f1[c] for c in cells]))
        if best is None or mean > best[0]:
            best = (mean, drop, add, f1)
    assert best is not None
    return best


def record_group(r: dict[str, Any]) -> str:
    """The threshold group of a record's dump (from its dump features, as ``refine`` decides it)."""
    return threshold_group(r["rows"][0]) if r["rows"] else THRESHOLD_GROUPS[0]


def group_thresholds(records: list[dict[str, Any]], scores: list[np.ndarray], gold: dict[tuple[str, str], Any],
                     cells: list[tuple[str, str]], start: tuple[float, float],
                     ) -> tuple[float, dict[str, tuple[float, float]], dict[tuple[str, str], float]]:
    """Thresholds per dump group (``line_model.THRESHOLD_GROUPS``), one group at a time from the best
    common pair: (mean F1, thresholds by group, F1 per cell)."""
    groups = [record_group(r) for r in records]
    chosen = {g: start for g in THRESHOLD_GROUPS}
    part: list[Any] = [None] * len(records)

    def contribution(n: int, drop: float, add: float) -> Any:
        r = records[n]
        out = output_text(r, scores[n], drop, add)
        g = gold[(r["set"], r["key"])]
        return snippet_counts(out, g[0], g[1]) if r["set"] == "trafeval" else page_precision_recall(g, out)

    def mean_f1() -> tuple[float, dict[tuple[str, str], float]]:
        snip: dict[tuple[str, str], SnippetCounts] = {}
        pr: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for r, c in zip(records, part, strict=True):
            cell = (r["flattener"], r["set"])
            if r["set"] == "trafeval":
                snip.setdefault(cell, SnippetCounts()).add(c)
            else:
                pr.setdefault(cell, []).append(c)
        f1 = {c: v.scores.f1 for c, v in snip.items()}
        for c, values in pr.items():
            p = sum(v[0] for v in values) / len(values)
            rc = sum(v[1] for v in values) / len(values)
            f1[c] = 2 * p * rc / (p + rc) if p + rc else 0.0
        return float(np.mean([f1[c] for c in cells])), f1

    for n in range(len(records)):
        part[n] = contribution(n, *start)
    best, best_f1 = mean_f1()
    for g in THRESHOLD_GROUPS:
        members = [n for n in range(len(records)) if groups[n] == g]
        for pair in product(THRESHOLDS, [*THRESHOLDS, 99.0]):
            if pair == chosen[g]:
                continue
            saved = {n: part[n] for n in members}
            for n in members:
                part[n] = contribution(n, *pair)
            mean, f1 = mean_f1()
            if mean > best + 1e-9:
                best, best_f1, chosen[g] = mean, f1, pair
            else:
                for n, c in saved.items():
                    part[n] = c
    return best, chosen, best_f1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true", help="cross-validate, do not write the model")
    ap.add_argument("--trees", type=int, default=150, help="number of trees of each stage")
    ap.add_argument("--depth", type=int, default=4, help="tree depth")
    ap.add_argument("--rate", type=float, default=0.1, help="learning rate")
    ap.add_argument("--zyte-weight", type=float, help=f"weight of one Zyte page (default {ZYTE_PAGE_WEIGHT})")
    ap.add_argument("--one-stage", action="store_true", help="do not try the second stage")
    ap.add_argument("--group-thresholds", action="store_true", help="decision thresholds per dump group")
    ap.add_argument("--without", help="comma-separated feature-name prefixes held at 0 (an ablation; implies --no-write)")
    ap.add_argument("--save-oof", type=Path, help="pickle the out-of-fold stage-1 scores here (error analysis)")
    args = ap.parse_args()
    zyte_weight = args.zyte_weight or ZYTE_PAGE_WEIGHT
    with DATA.open("rb") as fh:
        data = pickle.load(fh)
    if tuple(data["features"]) != feature_names():
        sys.exit("lines.pkl was built with other features: run build_data.py again")
    records = data["records"]
    if args.without:
        args.no_write = True
        prefixes = tuple(args.without.split(","))
        gone = [k for k, name in enumerate(feature_names()) if name.startswith(prefixes)]
        print(f"ablation: {len(gone)} features held at 0", flush=True)
        for r in records:
            for row in r["rows"]:
                for k in gone:
                    row[k] = 0.0
    pages = {(p.set_name, p.key): p for p in load_pages(0)}
    gold = {k: (p.with_, p.without) if p.set_name == "trafeval" else p.truth for k, p in pages.items()}
    cells = sorted({(r["flattener"], r["set"]) for r in records}, key=lambda c: (c[0], c[1]))
    s = Setting(args.trees, args.depth, args.rate)
    results: dict[str, dict[tuple[str, str], float]] = {"rules": cell_scores(records, None, gold)}
    oof1 = cross_validate(records, s, zyte_weight)
    if args.save_oof:
        with args.save_oof.open("wb") as fh:
            pickle.dump(oof1, fh)
    mean1, drop1, add1, results["stage 1 (cv)"] = best_thresholds(records, oof1, gold, cells)
    print(f"{s}: stage 1 cv mean {mean1:.4f} (drop < {drop1}, add > {add1})", flush=True)
    groups: dict[str, tuple[float, float]] = {}
    mean_g = 0.0
    if args.group_thresholds:
        mean_g, groups, results["stage 1, groups (cv)"] = group_thresholds(records, oof1, gold, cells, (drop1, add1))
        print(f"stage 1 with thresholds by group: cv mean {mean_g:.4f} {groups}", flush=True)
    stacked = with_context(records, oof1)
    mean2, drop2, add2 = 0.0, 0.0, 0.0
    if not args.one_stage:
        oof2 = cross_validate(stacked, s, zyte_weight)
        mean2, drop2, add2, results["stage 2 (cv)"] = best_thresholds(records, oof2, gold, cells)
        print(f"stage 2 cv mean {mean2:.4f} (drop < {drop2}, add > {add2})", flush=True)
    print(table(results, cells))
    if args.no_write:
        return
    x, y, w, _ = training_arrays(records, zyte_weight)
    first = fit(x, y, w, s, np.random.default_rng(SEED))
    use_second = mean2 > mean1
    model: dict[str, Any] = {
        "format": "newsmill text-mode line model 1: boosted regression trees, logit scale, in two stages",
        "trained_on": "tune half of trafeval-de-dev (Apache-2.0) and Zyte English pages (MIT), every flattener; "
                      "training/textdump/manifest.json",
        "seed": SEED,
        "setting": {**s.__dict__, "zyte_page_weight": zyte_weight},
        "cv_mean_f1": {"rules": round(float(np.mean([results["rules"][c] for c in cells])), 4),
                       "stage1": round(mean1, 4), "stage1_groups": round(mean_g, 4),
                       "stage2": round(mean2, 4)},
        "features": list(feature_names()),
        "context": list(context_names()),
        "first": stage_json(*first),
        "second": None,
        "drop_below": drop2 if use_second else drop1,
        "add_above": add2 if use_second else add1,
        "thresholds": {g: list(v) for g, v in groups.items()} if not use_second else {},
    }
    if use_second:  # trained on out-of-fold stage-1 scores, as it was cross-validated
        x2, y2, w2, _ = training_arrays(stacked, zyte_weight)
        model["second"] = stage_json(*fit(x2, y2, w2, s, np.random.default_rng(SEED + 1)))
    MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB), stage 2: {use_second}")


if __name__ == "__main__":
    main()
