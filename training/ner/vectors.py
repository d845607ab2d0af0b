"""Train small floret subword vectors per language on licence-clean unlabelled text.

Usage: python training/ner/vectors.py BENCHDATA CORPUS_DIR OUT_DIR [--lang de en]

Text per language (all licence-clean, see the model's meta "sources"):
- the running text of the NER training corpus itself (CORPUS_DIR/<lang>-train.spacy, de-duplicated
  sentences; the same CC BY / CC0 / CC BY-SA data the model learns from);
- de: the flattened text of the trafilatura evaluation pages (benchdata trafeval-de-dev, Apache-2.0
  repository), prose lines only; en/de: the article bodies of the Zyte extraction benchmark (MIT).
No NER held-out text (GermEval dev, UNER test, held-out WikiGold) is read: the vectors must not
have seen the sentences they are scored on.

The table is small on purpose (BUCKETS rows × DIM, float32 ≈ 20 MB) so a worker's memory grows
little; floret hashes every word into it by its character n-grams, so rare and unseen words
(inflected names, compounds) get a vector too. Writes OUT_DIR/<lang>-vectors (a spaCy vectors
directory for `[initialize] vectors`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

BUCKETS = 50000
DIM = 100
# Character n-gram lengths: German compounds and inflection need the shorter 4-grams too.
MINN = {"de": 4, "en": 4}
MAXN = 5
EPOCHS = 10
MIN_PROSE_WORDS = 6  # a flattened line shorter than this is mostly menu and boilerplate


def corpus_sentences(path: Path) -> Iterator[str]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("xx")
    seen: set[str] = set()
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        text = " ".join(t.text for t in doc)
        if text not in seen:
            seen.add(text)
            yield text


def prose_lines(texts: Iterator[str], lang: str) -> Iterator[str]:
    import spacy

    tok = spacy.blank(lang).tokenizer
    for text in texts:
        for line in text.splitlines():
            if len(line.split()) >= MIN_PROSE_WORDS:
                yield " ".join(t.text for t in tok(line))


def raw_texts(bench: Path, lang: str) -> Iterator[str]:
    if lang == "de":
        for f in sorted((bench / "trafeval-de-dev" / "textdump" / "bs4").glob("*.txt")):
            yield f.read_text(encoding="utf-8", errors="replace")
    truth = bench / "zyte-article-extraction-benchmark" / "ground-truth.json"
    if truth.exists():
        import py3langid

        for item in json.loads(truth.read_text(encoding="utf-8")).values():
            body = item.get("articleBody", "")
            if body and py3langid.classify(body[:2000])[0] == lang:
                yield body


def write_text(bench: Path, corpus: Path, lang: str, dest: Path) -> int:
    n = 0
    with dest.open("w", encoding="utf-8") as out:
        for line in corpus_sentences(corpus / f"{lang}-train.spacy"):
            out.write(line + "\n")
            n += 1
        for line in prose_lines(raw_texts(bench, lang), lang):
            out.write(line + "\n")
            n += 1
    return n


def train(text: Path, lang: str, out: Path) -> None:
    import floret

    # One thread: floret is then deterministic for a given input.
    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", hashCount=2, bucket=BUCKETS, dim=DIM,
        minn=MINN[lang], maxn=MAXN, minCount=2, epoch=EPOCHS, thread=1, verbose=0)
    vec = out.with_suffix(".floret")
    model.save_floret_vectors(str(vec))
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", lang, str(vec), str(out),
                    "--mode", "floret"], check=True)
    vec.unlink()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("benchdata", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--lang", nargs="+", default=["de", "en"])
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    bench = args.benchdata.parent  # BENCHDATA is benchdata/ner; the page sets sit beside it
    for lang in args.lang:
        with tempfile.TemporaryDirectory() as tmp:
            text = Path(tmp) / f"{lang}.txt"
            n = write_text(bench, args.corpus, lang, text)
            print(f"{lang}: {n} lines of text for the vectors", file=sys.stderr)
            train(text, lang, args.out / f"{lang}-vectors")


if __name__ == "__main__":
    main()
