"""NER benchmark: exact-span P/R/F1 of the shipped models on held-out German and English sentences.

Usage: python benchmarks/ner.py [--benchdata ../shared/benchdata/ner] [--limit N] [--split all|tune|blind]

Held-out sets (never used for training or model selection, see docs/design/entities.md):
GermEval 2014 dev (de), UNER English-EWT v1 test and the held-out WikiGold documents (en).
Each set has a tune and a blind half (``benchmarks/splits.py``; key: the sentence's index in its
file, for WikiGold the document's), so that model and rule changes are chosen on tune only.
Rows: the model alone and the model + gazetteer combination newsmill runs. Speed: sentences/s
on the gold tokens and articles/s through the enricher on ~500-word German/English articles, both
per core: CPU time of this process, so that other jobs on a shared machine do not distort them.

Peers: none offline. spaCy's pretrained de/en pipelines are trained on OntoNotes/TIGER-derived data
with licences that forbid shipping here and cannot be downloaded on this machine; flair/transformer
models need downloads too. So the table lists newsmill only, next to published reference numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "ner"))

import convert  # noqa: E402  (training/ner/convert.py: the same readers the training used)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.splits import CHOICES, in_half  # noqa: E402

EVAL_LABELS = ("PER", "LOC", "ORG")
Sentence = list[tuple[str, str]]


def held_out(src: Path, split: str = "all") -> dict[str, tuple[str, list[Sentence]]]:
    docs = convert.wikigold(src / "wikigold-en/wikigold.conll.txt.gz")
    cut = int(len(docs) * convert.WIKIGOLD_TRAIN_SHARE)
    germeval = convert.germeval(src / "germeval2014-de/NER-de-dev.tsv.gz")
    uner = convert.uner(src / "uner-en-ewt/en_ewt-ud-test.iob2.gz")
    return {
        "GermEval 2014 dev (de)": ("de", [s for i, s in enumerate(germeval) if in_half("ner-germeval-dev", str(i), split)]),
        "UNER EWT test (en)": ("en", [s for i, s in enumerate(uner) if in_half("ner-uner-test", str(i), split)]),
        "WikiGold held-out (en)": ("en", [s for i, d in enumerate(docs[cut:], start=cut)
                                          if in_half("ner-wikigold", str(i), split) for s in d]),
    }


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            out.add((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return out


Predictor = Callable[[list[str]], list[str]]


def model_predictor(language: str, gazetteer: bool) -> Predictor:
    from spacy.tokens import Doc

    from newsmill.enrich.entities.gazetteer import combine
    from newsmill.enrich.entities.recognizer import load_model
    from newsmill.enrich.entities.spans import extend_person_spans

    nlp = load_model(language)

    def predict(words: list[str]) -> list[str]:
        doc = nlp(Doc(nlp.vocab, words=words))
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        if gazetteer:
            ents = combine(doc.text, extend_person_spans(doc, ents), language)
        tags = ["O"] * len(words)
        for tok in doc:
            for s, e, label in ents:
                if s <= tok.idx < e:
                    tags[tok.i] = ("B-" if tok.idx == s else "I-") + label
        return tags

    return predict


def score(sents: list[Sentence], predict: Predictor) -> tuple[dict[str, tuple[float, float, float]], float]:
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    start = time.process_time()
    for sent in sents:
        gold = spans([t for _, t in sent])
        pred = spans(predict([w for w, _ in sent]))
        for group, count in ((gold, n_gold), (pred, n_pred)):
            count.update(label for *_, label in group)
        tp.update(label for *_, label in gold & pred)
    rate = len(sents) / (time.process_time() - start)
    table = {label: _prf(tp[label], n_pred[label], n_gold[label]) for label in EVAL_LABELS}
    table["micro"] = _prf(sum(tp[x] for x in EVAL_LABELS), sum(n_pred[x] for x in EVAL_LABELS),
                          sum(n_gold[x] for x in EVAL_LABELS))
    return table, rate


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def articles(sents: list[Sentence], words_per_article: int = 500) -> Iterator[str]:
    """Pseudo-articles of about ``words_per_article`` words from held-out sentences (3 paragraphs)."""
    buf: list[str] = []
    count = 0
    for sent in sents:
        buf.append(" ".join(w for w, _ in sent))
        count += len(sent)
        if count >= words_per_article:
            third = max(1, len(buf) // 3)
            yield "\n\n".join(" ".join(buf[i:i + third]) for i in range(0, len(buf), third))
            buf, count = [], 0


def article_speed(language: str, sents: list[Sentence], n: int = 100) -> float:
    from newsmill.article import Article
    from newsmill.enrich.base import EnrichContext
    from newsmill.enrich.entities.recognizer import EntityRecognizer

    texts = list(articles(sents))[:n]
    step = EntityRecognizer()
    step(Article(text=texts[0]), EnrichContext(language=language))  # load the model first
    start = time.process_time()
    for text in texts:
        step(Article(text=text), EnrichContext(language=language))
    return len(texts) / (time.process_time() - start)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--benchdata", type=Path, default=Path(__file__).resolve().parents[2] / "shared/benchdata/ner")
    ap.add_argument("--limit", type=int, default=0, help="sentences per set (0 = all)")
    ap.add_argument("--lang", nargs="+", default=["de", "en"])
    ap.add_argument("--split", choices=CHOICES, default="all", help="both halves of each set, or one")
    ap.add_argument("--model-dir", type=Path, default=None, help="score the ner-<lang> models in this folder")
    args = ap.parse_args()
    if args.model_dir is not None:
        for lang in args.lang:
            os.environ[f"NEWSMILL_NER_MODEL_{lang.upper()}"] = str(args.model_dir / f"ner-{lang}")
    print("| set | system | PER F1 | LOC F1 | ORG F1 | micro P | micro R | micro F1 | sent/s | articles/s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, (lang, sents) in held_out(args.benchdata, args.split).items():
        if lang not in args.lang:
            continue
        sents = sents[: args.limit] if args.limit else sents
        speed = article_speed(lang, sents)
        for system, gaz in (("newsmill model", False), ("newsmill model + gazetteer", True)):
            table, rate = score(sents, model_predictor(lang, gaz))
            p, r, f = table["micro"]
            per, loc, org = (table[x][2] for x in EVAL_LABELS)
            print(f"| {name} | {system} | {per:.3f} | {loc:.3f} | {org:.3f} | {p:.3f} | {r:.3f} | {f:.3f} "
                  f"| {rate:.0f} | {speed:.0f} |")


if __name__ == "__main__":
    main()
