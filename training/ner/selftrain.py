"""Pseudo-labelled news sentences for self-training: a teacher model + gazetteer tags unlabelled
news text, and only the sentences it is sure of are kept.

Usage: python training/ner/selftrain.py BENCHDATA TEACHER_DIR OUT.spacy --lang de|en

Text (unlabelled; no NER held-out set is read, and only the TUNE half of each page set, so the
extraction benchmarks' blind halves stay unseen):
- de: the trafeval-de-dev pages (Apache-2.0 repository), article text by newsmill's own extractor;
  the German article bodies of the Zyte benchmark (MIT);
- en: the English article bodies of the Zyte benchmark (MIT).

Labels: what newsmill runs (model, person-span completion, gazetteer corrections). Confidence:
each entity's probability under a beam search over the teacher's own scores (the share of the
beam's probability mass whose parse holds that span); a sentence is kept when every entity in it
reaches ``MIN_ENTITY_PROB`` and no span left out gets more than 1 − ``MIN_ENTITY_PROB`` (a share
of sentences without entities is kept so that the student also sees plain text). Entities that the
gazetteer added or changed count as sure: they are dictionary hits.
Deterministic: sorted inputs, no sampling beyond a seeded RNG.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.splits import in_half  # noqa: E402  (the same halves as every benchmark)

BEAM_WIDTH = 16
MIN_ENTITY_PROB = 0.9
EMPTY_SHARE = 0.25  # at most this share of kept sentences without entities
MIN_TOKENS, MAX_TOKENS = 6, 60
SEED = 13


def news_texts(bench: Path, lang: str) -> Iterator[str]:
    if lang == "de":
        import newsmill

        root = bench / "trafeval-de-dev"
        for key in sorted(json.loads((root / "gold.json").read_text(encoding="utf-8"))):
            if not in_half("trafeval", key, "tune"):
                continue
            raw = gzip.decompress((root / "pages" / f"{key}.html.gz").read_bytes())
            try:
                yield newsmill.extract(raw).text
            except Exception:  # a page the extractor rejects has no text to give
                continue
    truth = bench / "zyte-article-extraction-benchmark" / "ground-truth.json"
    if truth.exists():
        import py3langid

        items = json.loads(truth.read_text(encoding="utf-8"))
        for key in sorted(items):
            body = items[key].get("articleBody", "")
            if body and in_half("zyte", key, "tune") and py3langid.classify(body[:2000])[0] == lang:
                yield body


def sentences(nlp: object, texts: Iterator[str]) -> Iterator[list[tuple[str, bool]]]:
    """(word, trailing space) lists of prose sentences, de-duplicated."""
    import spacy

    splitter = spacy.blank(nlp.lang)  # type: ignore[attr-defined]
    splitter.add_pipe("sentencizer")
    seen: set[str] = set()
    for text in texts:
        for para in text.split("\n"):
            if len(para.split()) < MIN_TOKENS:
                continue
            for sent in splitter(para).sents:
                words = [(t.text, bool(t.whitespace_)) for t in sent if not t.is_space]
                key = " ".join(w for w, _ in words)
                if not MIN_TOKENS <= len(words) <= MAX_TOKENS or key in seen:
                    continue
                if sum(w[0][:1].islower() for w in words) < len(words) // 3:  # headlines, lists, menus
                    continue
                seen.add(key)
                yield words


def label(nlp: object, lang: str, sents: list[list[tuple[str, bool]]]) -> list[tuple[object, bool]]:
    """(doc with pseudo-entities, has entities) for the sentences the teacher is sure of."""
    from spacy.tokens import Doc, Span

    from newsmill.enrich.entities.gazetteer import combine
    from newsmill.enrich.entities.spans import extend_person_spans

    ner = nlp.get_pipe("ner")  # type: ignore[attr-defined]
    before = [(name, pipe) for name, pipe in nlp.pipeline if name != "ner"]  # type: ignore[attr-defined]
    kept: list[tuple[object, bool]] = []
    for start in range(0, len(sents), 256):
        batch = [Doc(nlp.vocab, words=[w for w, _ in s], spaces=[sp for _, sp in s])  # type: ignore[attr-defined]
                 for s in sents[start:start + 256]]
        for _, pipe in before:
            batch = [pipe(d) for d in batch]
        greedy = [ner(d.copy()) for d in batch]
        beams = ner.beam_parse(batch, beam_width=BEAM_WIDTH)
        scores = ner.scored_ents(beams)
        for doc, pdoc, score in zip(batch, greedy, scores, strict=True):
            model = [(e.start_char, e.end_char, e.label_) for e in pdoc.ents]
            final = [(s, e, lab) for s, e, lab in combine(pdoc.text, extend_person_spans(pdoc, model), lang)
                     if lab in ("PER", "LOC", "ORG")]
            spans = [doc.char_span(s, e, label=lab) for s, e, lab in final]
            if any(sp is None for sp in spans):
                continue
            final_tok = {(sp.start, sp.end, sp.label_) for sp in spans if sp is not None}
            model_tok = {(e.start, e.end, e.label_) for e in pdoc.ents}
            # the model's own entities must be sure; spans the gazetteer or the person rule made
            # (not in the model's output) are list hits and count as sure
            if any(score.get(s, 0.0) < MIN_ENTITY_PROB for s in final_tok & model_tok):
                continue
            # and the beam must not give real weight to an entity that the final tags leave out
            if any(p >= 1 - MIN_ENTITY_PROB for s, p in score.items() if s not in final_tok):
                continue
            doc.ents = [Span(doc, sp.start, sp.end, label=sp.label_) for sp in spans if sp is not None]
            kept.append((doc, bool(final_tok)))
    return kept


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("benchdata", type=Path, help="benchdata/ner (the page sets sit beside it)")
    ap.add_argument("teacher", type=Path, help="a spaCy pipeline directory (ner-<lang>)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--lang", required=True, choices=("de", "en"))
    args = ap.parse_args()
    import spacy
    from spacy.tokens import DocBin

    from newsmill.enrich.entities.features import register
    from newsmill.enrich.entities.recognizer import set_weight_dtype

    register()
    nlp = spacy.load(args.teacher)
    set_weight_dtype(nlp, "float32")
    sents = list(sentences(nlp, news_texts(args.benchdata.parent, args.lang)))
    kept = label(nlp, args.lang, sents)
    with_ents = [d for d, has in kept if has]
    without = [d for d, has in kept if not has]
    random.Random(SEED).shuffle(without)
    limit = int(len(with_ents) * EMPTY_SHARE / (1 - EMPTY_SHARE))
    docs = with_ents + without[:limit]
    n_ents = sum(len(d.ents) for d in docs)  # type: ignore[attr-defined]
    print(f"{args.lang}: {len(sents)} news sentences, {len(with_ents)} sure with entities, "
          f"{len(without)} sure without; kept {len(docs)} ({n_ents} entities)", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(args.out)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
