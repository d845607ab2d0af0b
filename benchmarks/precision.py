"""Enrichment precision and recall on the hand-annotated precision set (issue 15).

Data: tests/data/precision/ — texts.jsonl (32 article openings, 20 German from trafeval-de-dev,
12 English from the Zyte benchmark, both from the blind halves), gold.jsonl (complete gold for
entities, places, quotes and times; guidelines in docs/annotation.md, "Precision set") and
nonarticle/*.html (imprint, shop, contact and privacy pages: nothing is expected there).
**The whole set is blind**: nobody tunes on it; it is read only to report.

Each text goes through ``newsmill.annotate`` as is. Matching, one-to-one and greedy by overlap,
as in benchmarks/quotes.py: a prediction and a gold item match when their spans overlap by at
least half of the longer one and
- entities: the types agree (PER/ORG/LOC; MISC predictions are not scored);
- places: the countries agree and, when both have coordinates, lie within 100 km;
- quotes: the predicted speaker names the gold speaker (the last word of its name occurs in the
  gold speaker's name), whatever the kind; a direct quote of several parts counts as each part
  (the gold annotates "X", said Y, "Z" as two quotes);
- times: the values agree, or the predicted value is the gold date with a time of day added
  (times match on any overlap: they are short).
A "span" column scores the spans alone. Outputs the gold does not cover are counted in "not
scored": MISC entities, and times whose value is no calendar value (durations "P8Y", vague
references "PRESENT_REF"); a line below gives times precision with those counted as errors. Prints a markdown table per language and category, the
canonical-name accuracy of matched entities, and the outputs on the non-article pages.

    python benchmarks/precision.py [--errors N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: the repository root holds `benchmarks`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.metrics import greedy_pairs  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "precision"
CATEGORIES = ("entities", "places", "quotes", "times")
MIN_OVERLAP = 0.5
MAX_KM = 100.0
SCORED_LABELS = ("PER", "ORG", "LOC")


class GoldError(ValueError):
    """A gold item that does not resolve to exactly one place in its text."""


@dataclass
class Item:
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Doc:
    id: str
    language: str
    published: str | None
    text: str
    gold: dict[str, list[Item]]


# --- gold: exact substrings to offsets -----------------------------------------------------------

def _occurrences(text: str, needle: str) -> list[int]:
    """Starts of ``needle`` in ``text`` not inside a longer word or hyphenated compound (so
    "Pocher" is not found in "Pocher-Ehedrama"; a context string can still point there)."""
    head = r"(?<![\w-])" if needle[:1].isalnum() else ""
    tail = r"(?![\w-])" if needle[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(head + re.escape(needle) + tail, text)]


def locate(text: str, needle: str, where: int | str | None, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The span(s) a gold item names. ``where``: None (the needle occurs once), n (its n-th
    occurrence, 1-based), "*" (every occurrence not inside a span already taken in the same
    category), or a context string that occurs once and contains the needle once."""
    if not needle:
        raise GoldError("empty span")
    starts = _occurrences(text, needle)
    if isinstance(where, str) and where != "*":
        ctx = [m.start() for m in re.finditer(re.escape(where), text)]
        if len(ctx) != 1:
            raise GoldError(f"context {where!r} occurs {len(ctx)} times")
        inside = [ctx[0] + m.start() for m in re.finditer(re.escape(needle), where)]
        if len(inside) != 1:
            raise GoldError(f"{needle!r} occurs {len(inside)} times in its context {where!r}")
        return [(inside[0], inside[0] + len(needle))]
    if where == "*":
        free = [(s, s + len(needle)) for s in starts if not any(a <= s and s + len(needle) <= b for a, b in taken)]
        if not free:
            raise GoldError(f"{needle!r} not found (or only inside longer spans)")
        return free
    if isinstance(where, int):
        if not 1 <= where <= len(starts):
            raise GoldError(f"{needle!r}: occurrence {where} asked, {len(starts)} found")
        s = starts[where - 1]
        return [(s, s + len(needle))]
    if len(starts) != 1:
        raise GoldError(f"{needle!r} occurs {len(starts)} times: give nth or a context")
    return [(starts[0], starts[0] + len(needle))]


# Field names of the compact gold rows, after the span text; an optional last element is ``where``.
FIELDS = {"entities": ("label", "name"), "places": ("name", "country", "lat", "lon"),
          "quotes": ("kind", "speaker"), "times": ("value",)}


def resolve(text: str, raw: dict[str, list[list[Any]]]) -> dict[str, list[Item]]:
    """Gold rows (``[span text, *FIELDS, where?]``) of one text as items with offsets.
    Longer spans are placed first, so "*" on a surname skips the full name's mentions."""
    out: dict[str, list[Item]] = {}
    for cat in CATEGORIES:
        names = FIELDS[cat]
        items: list[Item] = []
        taken: list[tuple[int, int]] = []
        for row in sorted(raw.get(cat, []), key=lambda r: -len(r[0])):
            if len(row) not in (len(names) + 1, len(names) + 2):
                raise GoldError(f"{cat} row {row!r}: expected {1 + len(names)} or {2 + len(names)} fields")
            where = row[len(names) + 1] if len(row) == len(names) + 2 else None
            attrs = dict(zip(names, row[1 : len(names) + 1], strict=True))
            for s, e in locate(text, row[0], where, taken):
                if (s, e) in taken:
                    raise GoldError(f"{cat} span {row[0]!r} at {s} annotated twice")
                taken.append((s, e))
                items.append(Item(s, e, text[s:e], attrs))
        out[cat] = sorted(items, key=lambda i: i.start)
    return out


def load(data: Path = DATA) -> list[Doc]:
    """The precision set with its gold resolved to offsets; raises GoldError naming the text."""
    texts = {r["id"]: r for r in _jsonl(data / "texts.jsonl")}
    docs = []
    for row in _jsonl(data / "gold.jsonl"):
        if row["id"] not in texts:
            raise GoldError(f"gold for unknown text {row['id']!r}")
        t = texts[row["id"]]
        try:
            gold = resolve(t["text"], row)
        except GoldError as exc:
            raise GoldError(f"{row['id']}: {exc}") from None
        docs.append(Doc(t["id"], t["language"], t.get("published") or None, t["text"], gold))
    return docs


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GoldError(f"{path.name}:{n}: {exc}") from None


# --- matching ----------------------------------------------------------------------------------

def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def same_person(name: str | None, referent: str) -> bool:
    """The predicted speaker's name names the gold speaker: its last word occurs in the referent."""
    words = re.findall(r"\w+", name or "")
    return bool(words) and re.search(rf"(?<!\w){re.escape(words[-1])}(?!\w)", referent) is not None


def agrees(cat: str, pred: Item, gold: Item) -> bool:
    p, g = pred.attrs, gold.attrs
    if cat == "entities":
        return bool(p["label"] == g["label"])
    if cat == "places":
        if p.get("country") != g["country"]:
            return False
        if None not in (p.get("lat"), p.get("lon"), g["lat"], g["lon"]):
            return km((p["lat"], p["lon"]), (g["lat"], g["lon"])) <= MAX_KM
        return True
    if cat == "quotes":
        return same_person(p.get("speaker"), g["speaker"])
    # A time of day on the right date is a refinement, not an error ("Monday night" -> ...TNI).
    return bool(p["value"] == g["value"] or str(p["value"]).startswith(g["value"] + "T"))


def match(cat: str, preds: list[Item], golds: list[Item], check: bool) -> list[tuple[Item, Item]]:
    """One-to-one pairs, greedy by overlap; ``check`` also asks the attributes to agree."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = min(p.end, g.end) - max(p.start, g.start)
            need = 1 if cat == "times" else MIN_OVERLAP * max(p.end - p.start, g.end - g.start)
            if ov > 0 and ov >= need and (not check or agrees(cat, p, g)):
                pairs.append((ov, i, j))
    return greedy_pairs(preds, golds, pairs)


def calendar(value: str) -> bool:
    """A date, month, year, week, half or interval: what the gold's times are. Durations ("P8Y")
    and vague references ("PRESENT_REF") are outside the gold and counted apart."""
    return value[:1].isdigit()


def predictions(article: Any) -> dict[str, list[Item]]:
    """newsmill's output in the benchmark's terms; ``<category>:out`` holds what the gold does not
    cover (MISC entities, durations and vague time references): counted, not scored."""
    return {
        "entities": [Item(e.start, e.end, e.text, {"label": e.label, "name": e.name})
                     for e in article.entities if e.label in SCORED_LABELS],
        "entities:out": [Item(e.start, e.end, e.text, {"label": e.label}) for e in article.entities
                         if e.label not in SCORED_LABELS],
        "times:out": [Item(t.start, t.end, t.text, {"value": t.value}) for t in article.times if not calendar(t.value)],
        "places": [Item(p.start, p.end, p.text, {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon})
                   for p in article.places],
        "quotes": [Item(part.start, part.end, part.text, {"kind": q.kind, "speaker": q.speaker.name or q.speaker.text if q.speaker else None})
                   for q in article.quotes for part in quote_items(q)],
        "times": [Item(t.start, t.end, t.text, {"value": t.value}) for t in article.times if calendar(t.value)],
    }


def quote_items(q: Any) -> list[Any]:
    """The spans a quote is scored as: the gold annotates a direct quote its cue interrupts ("X",
    said Y, "Z") as two quotes, so a direct quote counts as each of its parts; other quotes as
    their whole extent (a gold row is one stretch of text)."""
    return list(q.pieces()) if q.kind == "direct" else [q]


# --- scoring -----------------------------------------------------------------------------------

@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    hit: int = 0  # span and attributes
    span_hit: int = 0  # span alone
    names_ok: int = 0  # entities: canonical name equal, among span+type hits
    out: int = 0  # predictions outside the gold's scope (MISC, durations, vague references)
    errors: list[str] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall, F1; NaN where undefined (nothing predicted, nothing to find)."""
        p = hits / self.pred if self.pred else math.nan
        r = hits / self.gold if self.gold else math.nan
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _cell(x: float) -> str:
    return "–" if math.isnan(x) else f"{x:.2f}"


def _fold(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


def score(docs: list[Doc], run: Callable[[Doc], dict[str, list[Item]]], errors: int = 0) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = {}
    for doc in docs:
        preds = run(doc)
        for cat in CATEGORIES:
            t = tallies.setdefault((doc.language, cat), Tally())
            p_items, g_items = preds[cat], doc.gold[cat]
            t.gold += len(g_items)
            t.pred += len(p_items)
            t.out += len(preds.get(cat + ":out", []))
            hits = match(cat, p_items, g_items, check=True)
            t.hit += len(hits)
            t.span_hit += len(match(cat, p_items, g_items, check=False))
            if cat == "entities":
                t.names_ok += sum(_fold(p.attrs["name"]) == _fold(g.attrs["name"]) for p, g in hits)
            if errors:
                hit_p = {id(p) for p, _ in hits}
                hit_g = {id(g) for _, g in hits}
                t.errors += [f"{doc.id} FP {p.text!r} {p.attrs}" for p in p_items if id(p) not in hit_p]
                t.errors += [f"{doc.id} FN {g.text!r} {g.attrs}" for g in g_items if id(g) not in hit_g]
    return tallies


def newsmill_run(doc: Doc) -> dict[str, list[Item]]:
    import newsmill

    return predictions(newsmill.annotate(doc.text, language=doc.language, published=doc.published))


def table(tallies: dict[tuple[str, str], Tally], docs: list[Doc]) -> list[str]:
    rows = ["| lang | articles | category | gold | predicted | precision | recall | F1 | span P | span R | target P | not scored |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    target = {"entities": 0.85, "places": 0.85, "quotes": 0.80, "times": 0.95}
    for lang in ("de", "en"):
        n = sum(d.language == lang for d in docs)
        for cat in CATEGORIES:
            t = tallies.get((lang, cat))
            if t is None:
                continue
            p, r, f = t.prf(t.hit)
            sp, sr, _ = t.prf(t.span_hit)
            rows.append(f"| {lang} | {n} | {cat} | {t.gold} | {t.pred} | **{_cell(p)}** | {_cell(r)} | {_cell(f)} | "
                        f"{_cell(sp)} | {_cell(sr)} | {target[cat]:.2f} | {t.out or ''} |")
    return rows


def names_line(tallies: dict[tuple[str, str], Tally]) -> str:
    bits = []
    for lang in ("de", "en"):
        t = tallies.get((lang, "entities"))
        if t and t.hit:
            bits.append(f"{lang} {t.names_ok}/{t.hit} = {t.names_ok / t.hit:.2f}")
    out = "Canonical name equal (case and punctuation folded) on matched entities: " + ", ".join(bits)
    bits = []
    for lang in ("de", "en"):
        t = tallies.get((lang, "times"))
        if t:
            bits.append(f"{lang} {t.hit}/{t.pred + t.out} = {t.hit / max(1, t.pred + t.out):.2f}")
    return out + ".\nTimes precision counting durations and vague references as errors: " + ", ".join(bits)


def nonarticle_table(data: Path = DATA) -> list[str]:
    import newsmill

    rows = ["| non-article page | text chars | entities | places | quotes | times |", "|---|---|---|---|---|---|"]
    total = [0, 0, 0, 0, 0]
    for path in sorted((data / "nonarticle").glob("*.html")):
        art = newsmill.extract(path.read_bytes(), url=f"https://example.org/{path.stem}", enrich=True)
        counts = [len(art.text), len(art.entities), len(art.places), len(art.quotes), len(art.times)]
        total = [a + b for a, b in zip(total, counts, strict=True)]
        rows.append(f"| {path.stem} | " + " | ".join(map(str, counts)) + " |")
    rows.append("| **all** | " + " | ".join(map(str, total)) + " |")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per language and category")
    args = ap.parse_args(argv)
    docs = load()
    started = time.process_time()
    tallies = score(docs, newsmill_run, errors=args.errors)
    seconds = time.process_time() - started
    print("\n".join(table(tallies, docs)))
    print()
    print(names_line(tallies))
    print(f"\nnewsmill.annotate: {len(docs)} texts, {seconds:.1f} s CPU (models loaded once)\n")
    print("\n".join(nonarticle_table()))
    if args.errors:
        for (lang, cat), t in sorted(tallies.items()):
            for line in t.errors[: args.errors]:
                print(f"{lang} {cat}: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
