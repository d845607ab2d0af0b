"""Quotation and speaker attribution on German WikiNews (quotes-de), newsmill beside a baseline.

Data: ../shared/benchdata/quotes-de/{train,dev}.jsonl.gz (CC BY-NC-SA: read here, never shipped).
A predicted quote matches a gold quote when their character spans overlap by at least half of the
longer one (a quote of several spans, gold or predicted, counts as their union: an interrupting
attribution is in neither); matching is one-to-one, greedy
by overlap. Gold types map to our kinds: Direct -> direct; Indirect, FreeIndirect and
IndirectFreeIndirect -> indirect (our ``indirect`` and ``mixed``); Reported -> reported.
Speaker accuracy: on matched quotes whose gold has a speaker, the predicted speaker span
overlaps a gold speaker span. Resolved accuracy (the #13 measure) also asks for the right person:
the predicted speaker's canonical name must name the gold speaker's referent. The gold marks the
mention, not its referent, so a gold pronoun, role noun or source adverb ("er", "die Ministerin",
"demnach") stands for the
nearest earlier gold speaker of the article that is a name (the gold's own antecedent, not ours);
a name matches when its last word (a surname) occurs in the referent's text, or (referent scoring)
when one is the acronym of the other ("EU" / "Europäische Union"). A gold pronoun with
no named gold speaker before it is scored on span alone.

Every set is split by ``benchmarks/splits.py`` (key: the article's ``file``): rules are tuned on
the tune half; the blind half is only reported.

    python benchmarks/quotes.py [--split dev|train|both] [--half all|tune|blind|each] [--entities auto|none] [--errors N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.metrics import greedy_pairs
from benchmarks.splits import HALVES, in_half
from newsmill.article import Article, Quote
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder, QuoteOptions

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchdata" / "quotes-de"
GROUP = {"Direct": "direct", "Indirect": "indirect", "FreeIndirect": "indirect",
         "IndirectFreeIndirect": "indirect", "Reported": "reported"}
KIND_GROUP = {"direct": "direct", "indirect": "indirect", "mixed": "indirect", "reported": "reported"}
MIN_OVERLAP = 0.5
# Referent scoring (default; --old-scoring turns it off): a gold relative pronoun stands for the
# phrase before its comma, a gold "Die Agentur" for the named agency, and a referent written short
# ("Thaksin") matches a fuller name; a gold "eigenen Angaben", or a compound role ("der
# GdP-Vorsitzende") that no earlier gold speaker names, has a referent the gold does not give and
# is scored on its span (2026-12-07, session 6). At most this many words before the comma are the antecedent.
REFERENT_SCORING = True
RELATIVE_ANTECEDENT_WORDS = 6
STATS: Counter[str] = Counter()


@dataclass
class Gold:
    spans: list[tuple[int, int]]
    type: str
    speaker: list[tuple[int, int]]
    referent: str = ""  # the name the gold speaker refers to ("" when unknown)
    named: bool = False  # the referent is written at the mention or carries its noun, not a guess

    @property
    def length(self) -> int:
        return sum(e - s for s, e in self.spans)


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    hit_gold: Counter[str] = field(default_factory=Counter)  # gold of this type matched (type-agnostic)
    hit_typed: Counter[str] = field(default_factory=Counter)  # group matched by the same group
    hit_pred: Counter[str] = field(default_factory=Counter)
    speaker_ok: int = 0
    speaker_n: int = 0
    resolved_ok: int = 0
    errors: list[str] = field(default_factory=list)


def load(split: str) -> list[dict[str, Any]]:
    with gzip.open(BENCH / f"{split}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


# Gold speaker mentions that refer rather than name: a pronoun, or a determiner with a role noun
# ("die Ministerin", "der frühere Präsident"). Their referent is the nearest earlier gold speaker
# that names someone (not a determiner phrase, not "Angaben"-like source nouns).
_PRONOUNS = {"er", "sie", "Er", "Sie"}
_OWN_WORDS = ("eigene", "eigenen", "eigener", "eigenem", "eigenes")  # "nach eigenen Angaben"
_SOURCE_HEADS = ("angaben", "berichten", "bericht", "meldungen", "informationen", "aussagen", "meinung", "ansicht")


def _referring(said: str) -> bool:
    from newsmill.enrich.quotes.lexicon import load_lexicon

    lex = load_lexicon("de")
    words = said.split()
    if said in _PRONOUNS or said.lower() in lex.according_adverbs:
        return True  # "er", and "Demnach"/"wonach": a source named before
    return len(words) >= 2 and words[0] in lex.determiners and _referring_noun(words[-1]) \
        and all(w[:1].islower() for w in words[1:-1])


def _referring_noun(word: str) -> bool:
    """A role noun ("Ministerin"), or, scored by referent only, an organisation noun ("Agentur")."""
    from newsmill.enrich.quotes.lexicon import load_lexicon

    lex = load_lexicon("de")
    return word in lex.role_nouns or (REFERENT_SCORING and word in lex.group_speakers and not word.endswith("en"))


def _compound_role(word: str) -> str | None:
    """Referent scoring: the role noun a compound ends in ("GdP-Vorsitzende", "Linkspolitiker" →
    "Vorsitzende", "Politiker"). "Der GdP-Vorsitzende" refers to the person an earlier gold speaker
    names with that compound ("GdP-Vorsitzender Konrad Freiberg"); with no such speaker the gold
    does not say whom it means, and the mention is scored on its span alone (as quotes-en scores
    anonymous speakers) — not, as before, against its own words, which counted a speaker left
    unresolved as right and the person resolved from the article as wrong."""
    if not REFERENT_SCORING or not word[:1].isupper():
        return None
    roles = _role_nouns()
    return next((r for k in range(1, len(word) - 4) if (r := word[k].upper() + word[k + 1 :]) in roles), None)


def _compound_referent(named: list[tuple[int, str]], at: int, said: str) -> str | None:
    """For "der/die <compound role>": the nearest earlier named gold speaker carrying the compound,
    "" when there is none (referent unknown); None for any other mention."""
    words = said.split()
    if len(words) < 2 or words[0].lower() not in ("der", "die", "das", "den", "dem", "des") \
            or not all(w[:1].islower() for w in words[1:-1]):
        return None
    role = _compound_role(words[-1]) if words[-1] not in _role_nouns() else None
    if role is None:
        return None
    stem = words[-1].lower()  # the compound itself: "die CDU-Chefin" is not the CSU's "Chefin"
    carrying = [t for st, t in named if st < at and any(w.lower().startswith(stem) for w in re.findall(r"[\w-]+", t))]
    return carrying[-1] if carrying else ""


def _role_nouns() -> frozenset[str]:
    from newsmill.enrich.quotes.lexicon import load_lexicon

    return load_lexicon("de").role_nouns


def _relative_antecedent(text: str, start: int, said: str) -> str | None:
    """A gold relative pronoun (", das vorschlug") stands for the phrase right before its comma."""
    from newsmill.enrich.quotes.lexicon import load_lexicon

    if not REFERENT_SCORING or said.lower() not in load_lexicon("de").relative_pronouns:
        return None
    before = text[max(0, start - 120) : start].rstrip()
    if not before.endswith(","):
        return None
    clause = re.split(r"[.;:!?()\n]", before[:-1])[-1]
    return " ".join(clause.split()[-RELATIVE_ANTECEDENT_WORDS:]) or None


def _names_someone(said: str) -> bool:
    from newsmill.enrich.quotes.lexicon import load_lexicon

    first = said.split()[0] if said.split() else ""
    return first[:1].isupper() and first not in load_lexicon("de").determiners and not _referring(said) \
        and not first.lower().endswith(_SOURCE_HEADS) and first.lower() not in ("demnach", "danach", "wonach")


def _antecedent(named: list[tuple[int, str]], at: int, said: str) -> str:
    """The gold referent of a referring mention: the nearest earlier named gold speaker; with
    referent scoring, the nearest one whose words carry the mention's noun ("die Anwältin" →
    "Rechtsanwältin X", "Die Agentur" → "die Nachrichtenagentur Xinhua") comes first."""
    before = [t for st, t in named if st < at]
    if REFERENT_SCORING and said not in _PRONOUNS:
        noun = said.split()[-1].lower()
        carrying = [t for t in before if any(w.lower().endswith(noun) for w in re.findall(r"\w+", t))]
        if carrying:
            return carrying[-1]
        if said.split()[-1] not in _role_nouns() and _referring_noun(said.split()[-1]):
            # an organisation noun no named speaker carried: itself ("Die Staatsanwaltschaft") or
            # the one named last ("Die Agentur" after "Xinhua") — either is its referent
            return f"{said} / {before[-1]}" if before else said
    return before[-1] if before else ""


def gold_quotes(doc: dict[str, Any]) -> list[Gold]:
    out = []
    text = doc["originalText"]
    named: list[tuple[int, str]] = []  # (start, text) of gold speakers that are names
    for a in doc["annotations"]:
        for sp in a["speaker"]["spans"]:
            said = text[sp["charBegin"] : sp["charEnd"]]
            if _names_someone(said):
                named.append((sp["charBegin"], said))
    named.sort()
    for a in doc["annotations"]:
        spans = [(s["charBegin"], s["charEnd"]) for s in a["quote"]["spans"]]
        if not spans:
            continue
        speaker = [(s["charBegin"], s["charEnd"]) for s in a["speaker"]["spans"]]
        referent, certain = "", False
        if speaker:
            said = " ".join(text[s:e] for s, e in speaker)
            relative = _relative_antecedent(text, speaker[0][0], said)
            compound = _compound_referent(named, speaker[0][0], said)
            if relative is not None:
                referent = relative
            elif REFERENT_SCORING and said.split()[0].lower() in _OWN_WORDS:
                referent = ""  # "nach eigenen Angaben": the clause's subject, which the gold does not mark
            elif compound is not None:
                referent = compound
            elif not _referring(said):
                referent = said
            else:
                referent = _antecedent(named, speaker[0][0], said)
            certain = relative is not None or not _referring(said) or (
                said not in _PRONOUNS and said.split()[-1].lower() in referent.lower())
        out.append(Gold(spans, a["type"], speaker, referent, certain))
    return out


def same_person(name: str | None, referent: str, strict: bool = False) -> bool:
    """The predicted canonical name names the referent: its last word occurs in the referent's text.
    ``strict`` (for a speaker at another mention than the gold's): the referent's last capitalised
    word, its head ("Frankreichs Präsident Jacques Chirac" is Chirac, not Frankreich)."""
    if not name or not referent:
        return False
    words = re.findall(r"\w+", name)
    if strict:
        capitals = [w for w in re.findall(r"\w+", referent.split(" / ")[0].split("(")[0]) if w[:1].isupper()]
        if words and capitals and words[-1] == capitals[-1]:
            return True
    elif bool(words) and re.search(rf"\b{re.escape(words[-1])}", referent) is not None:
        return True
    if not REFERENT_SCORING:
        return False
    if _acronym_of(name, referent) or _acronym_of(referent, name):
        return True  # "Europäische Union" for a gold "die EU", "WHO" for "World Health Organization"
    # the referent written short: every capitalised word of "Thaksin" or "Die Demokratische Partei"
    # (determiners aside) is a word of the name "Thaksin Shinawatra", "Demokratische Partei Thailands"
    from newsmill.enrich.quotes.lexicon import load_lexicon

    dets = load_lexicon("de").determiners
    heads = [w for w in re.findall(r"\w+", referent) if w[:1].isupper() and w not in dets]
    return bool(heads) and set(heads) <= set(words)


def _acronym_of(full: str, short: str) -> bool:
    """A word of ``short`` in capitals ("EU", "WHO") spells the initials of ``full``'s capitalised
    words ("Europäische Union", "World Health Organization"; "of", "and" left out)."""
    initials = "".join(w[0] for w in re.findall(r"\w+", full) if w[:1].isupper())
    return len(initials) >= 2 and any(w == initials for w in re.findall(r"\w+", short) if w.isupper())


def overlap(q: Quote, g: Gold) -> int:
    """Characters the quote's parts (its whole extent when it has none) share with the gold's spans:
    both sides leave an interrupting attribution out."""
    return sum(max(0, min(p.end, e) - max(p.start, s)) for p in q.pieces() for s, e in g.spans)


def pred_length(q: Quote) -> int:
    return sum(p.end - p.start for p in q.pieces())


def match(preds: list[Quote], golds: list[Gold], typed: bool) -> list[tuple[Quote, Gold]]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if typed and KIND_GROUP[p.kind] != GROUP[g.type]:
                continue
            ov = overlap(p, g)
            if ov >= MIN_OVERLAP * max(pred_length(p), g.length):
                pairs.append((ov, i, j))
    return greedy_pairs(preds, golds, pairs)


def score(docs: list[dict[str, Any]], predict: Callable[[dict[str, Any]], list[Quote]], errors: int = 0) -> Tally:
    t = Tally()
    for doc in docs:
        preds, golds = predict(doc), gold_quotes(doc)
        t.gold.update(GROUP[g.type] for g in golds)
        t.gold.update("all" for _ in golds)
        t.gold.update("type:" + g.type for g in golds)
        t.pred.update(KIND_GROUP[p.kind] for p in preds)
        t.pred.update("all" for _ in preds)
        for p, g in match(preds, golds, typed=False):
            t.hit_gold.update(["all", "type:" + g.type])
            t.hit_pred["all"] += 1
            if g.speaker:
                t.speaker_n += 1
                ok = p.speaker is not None and any(p.speaker.start < e and s < p.speaker.end for s, e in g.speaker)
                t.speaker_ok += ok
                named = same_person(p.speaker.name if p.speaker else None, g.referent)
                # referent scoring: the right person is right from any mention of them (a quote that
                # continues a speaker points at the mention that introduced them, the gold at the
                # nearest one)
                resolved = (ok and (not g.referent or named)) or (
                    REFERENT_SCORING and g.named and same_person(p.speaker.name if p.speaker else None, g.referent, strict=True))
                t.resolved_ok += resolved
                if ok and not resolved and len(t.errors) < errors:
                    t.errors.append(f"RESOLVE {p.kind} {doc['originalText'][max(0, p.start - 150):p.start]!r} [[{p.text[:60]}]] "
                                    f"pred={p.speaker.text if p.speaker else None!r} name={p.speaker.name if p.speaker else None!r} "
                                    f"gold={[doc['originalText'][s:e] for s, e in g.speaker]} referent={g.referent!r}")
                if not resolved and not ok and len(t.errors) < errors:
                    t.errors.append(f"SPEAKER {p.kind} cue={p.cue.text if p.cue else None} {doc['originalText'][max(0, p.start - 150):p.start]!r} [[{p.text[:80]}]] pred={p.speaker.text if p.speaker else None!r} "
                                    f"gold={[doc['originalText'][s:e] for s, e in g.speaker]}")
        for p, g in match(preds, golds, typed=True):
            t.hit_typed[GROUP[g.type]] += 1
            t.hit_pred[KIND_GROUP[p.kind]] += 1
    return t


def prf(hit_p: int, pred: int, hit_g: int, gold: int) -> tuple[float, float, float]:
    p = hit_p / pred if pred else 0.0
    r = hit_g / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(name: str, t: Tally, seconds: float, docs: int) -> list[str]:
    rows = []
    for group in ("direct", "indirect", "reported"):
        p, r, f = prf(t.hit_pred[group], t.pred[group], t.hit_typed[group], t.gold[group])
        bold = "**" if group == "direct" else ""
        rows.append(f"| {name} | {group} | {t.gold[group]} | {t.pred[group]} | {p:.3f} | {r:.3f} | {bold}{f:.3f}{bold} | |")
    typed_hits = sum(t.hit_typed[g] for g in ("direct", "indirect", "reported"))
    p, r, f = prf(typed_hits, t.pred["all"], typed_hits, t.gold["all"])
    rows.append(f"| {name} | all, kind must match | {t.gold['all']} | {t.pred['all']} | {p:.3f} | {r:.3f} | {f:.3f} | |")
    p, r, f = prf(t.hit_pred["all"], t.pred["all"], t.hit_gold["all"], t.gold["all"])
    acc = t.speaker_ok / t.speaker_n if t.speaker_n else 0.0
    res = t.resolved_ok / t.speaker_n if t.speaker_n else 0.0
    rows.append(f"| {name} | **all types** | {t.gold['all']} | {t.pred['all']} | {p:.3f} | {r:.3f} | **{f:.3f}** | "
                f"{acc:.3f} / **{res:.3f}** ({t.speaker_n}) |")
    recalls = ", ".join(f"{k[5:]} {t.hit_gold[k] / t.gold[k]:.2f}" for k in sorted(t.gold) if k.startswith("type:"))
    rows.append(f"| {name} | recall by gold type | | | | {recalls} | | {docs / seconds:.0f} docs/s |")
    return rows


def newsmill_predictor(entities: str, options: QuoteOptions) -> Callable[[dict[str, Any]], list[Quote]]:
    recogniser = None
    if entities == "auto":
        try:
            from newsmill.enrich.entities.recognizer import EntityRecognizer  # type: ignore[import-not-found,unused-ignore]

            recogniser = EntityRecognizer()
        except Exception as exc:  # the entities step may not exist yet
            print(f"(no EntityRecognizer: {exc}; capitalised-name fallback)", file=sys.stderr)
    finder = QuoteFinder(options)

    def predict(doc: dict[str, Any]) -> list[Quote]:
        article = Article(text=doc["originalText"], language="de")
        context = EnrichContext(language="de")
        if recogniser is not None:
            recogniser(article, context)
            STATS["with entities"] += bool(article.entities)
        finder(article, context)
        return article.quotes

    return predict


def marks_baseline(doc: dict[str, Any]) -> list[Quote]:
    """Every pair of quotation marks is a direct quote, without a speaker."""
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.marks import find_marked

    text = doc["originalText"]
    marked = find_marked(text, load_lexicon("de").marks, [])
    return [Quote(m.start, m.end, text[m.start : m.end], "direct") for m in marked if m.depth == 0 and not m.runs_on]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="both", choices=["dev", "train", "both"])
    ap.add_argument("--half", default="each", choices=["all", "tune", "blind", "each"])
    ap.add_argument("--entities", default="auto", choices=["auto", "none"])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--old-scoring", action="store_true",
                    help="score resolved speakers as before 2026-12-07: a gold relative pronoun is its own referent")
    ap.add_argument("--no-fragments", action="store_true", help="do not emit quoted fragments of mixed quotes")
    args = ap.parse_args()
    global REFERENT_SCORING
    REFERENT_SCORING = not args.old_scoring
    if args.errors and args.half not in ("tune",):
        ap.error("--errors shows mistakes: only on the tune half (--half tune)")
    splits = ("train", "dev") if args.split == "both" else (args.split,)
    docs_all = [d for split in splits for d in load(split)]
    halves = HALVES if args.half == "each" else (args.half,)
    # the gold's conventions: quoted fragments of mixed quotes, and quotes with no speaker found
    # (both annotated there, not shown by default)
    predictor = newsmill_predictor(args.entities, QuoteOptions(fragments=not args.no_fragments, unattributed=True))
    print(f"quotes-de/{'+'.join(splits)}: {len(docs_all)} articles, halves by benchmarks/splits.py (key: file)\n")
    print("| system | kind | gold | predicted | P | R | F1 | speaker span / resolved acc. (n) |")
    print("|---|---|---|---|---|---|---|---|")
    for which in halves:
        docs = [d for d in docs_all if in_half("quotes-de", d["file"], which)]
        systems = [(f"marks only (baseline), {which}", marks_baseline),
                   (f"newsmill (entities={args.entities}), {which} ({len(docs)} art.)", predictor)]
        for name, predict in systems:
            started = time.process_time()
            tally = score(docs, predict, args.errors if name.startswith("newsmill") else 0)
            print("\n".join(table(name, tally, max(time.process_time() - started, 1e-9), len(docs))))
            for line in tally.errors:
                print(line, file=sys.stderr)
    print(f"\nArticles with recognised entities: {STATS['with entities']}; docs/s is CPU time (process_time).")


if __name__ == "__main__":
    main()
