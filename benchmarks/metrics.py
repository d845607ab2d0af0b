"""The two extraction metrics of the benchmark sets, importable by other benchmarks and tests.

- ``shingle_scores``: the Zyte article-extraction-benchmark metric. Per page, the multiset of
  4-token shingles of lowercased ``\\w+`` tokens of the prediction is matched against the truth;
  precision and recall are averaged over pages, F1 is taken of the two means.
- ``snippet_counts``: trafilatura's evaluation metric. A ``with`` snippet found in the output
  (whitespace-normalised substring) is a true positive, missing a false negative; a ``without``
  snippet found is a false positive. Counts are summed over the set (micro average).

``greedy_pairs`` is the one-to-one span matching of the enrichment benchmarks (quotes, English
quotes, precision set): candidate pairs taken by overlap, largest first, each side used once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

P = TypeVar("P")
G = TypeVar("G")

_TOKEN = re.compile(r"\w+")
SHINGLE_N = 4


def shingles(text: str, n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle of what it has."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    """Shingle precision and recall of one page. An empty prediction has precision 0 unless the
    truth is empty too (then both are 1): an extractor must not gain by returning nothing."""
    gold, pred = shingles(truth), shingles(predicted)
    if not gold and not pred:
        return 1.0, 1.0
    tp = sum((gold & pred).values())
    precision = tp / sum(pred.values()) if pred else 0.0
    recall = tp / sum(gold.values()) if gold else 0.0
    return precision, recall


@dataclass
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> Scores:
    """Mean precision and recall over (truth, predicted) pages; F1 of the means."""
    ps: list[float] = []
    rs: list[float] = []
    for truth, predicted in pairs:
        p, r = page_precision_recall(truth, predicted)
        ps.append(p)
        rs.append(r)
    n = max(1, len(ps))
    return Scores(sum(ps) / n, sum(rs) / n)


def normalize_ws(text: str) -> str:
    return " ".join(text.split())


@dataclass
class SnippetCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: SnippetCounts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    @property
    def scores(self) -> Scores:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return Scores(p, r)


def snippet_counts(output: str, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """Counts of one page: ``with`` snippets found (tp) or missing (fn); ``without`` found (fp)."""
    text = normalize_ws(output)
    c = SnippetCounts()
    for s in with_:
        if normalize_ws(s) in text:
            c.tp += 1
        else:
            c.fn += 1
    for s in without:
        if normalize_ws(s) in text:
            c.fp += 1
        else:
            c.tn += 1
    return c


def greedy_pairs(preds: Sequence[P], golds: Sequence[G],
                 candidates: Iterable[tuple[int, int, int]]) -> list[tuple[P, G]]:
    """One-to-one pairs from ``(overlap, pred index, gold index)`` candidates, largest overlap first."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[P, G]] = []
    for _, i, j in sorted(candidates, key=lambda c: -c[0]):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((preds[i], golds[j]))
    return out
