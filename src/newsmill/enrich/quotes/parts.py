"""One quotation in several pieces: the attribution that interrupts it is left out of its parts.

Three shapes, each read after the sentences have been read:

- an attribution inside reported content: "Der Abschuss soll laut Schnappauf aus
  Sicherheitsgründen erfolgen", "Doch sei es, so X in einem Blog, ein Haufen …": the content is
  the words before and after "laut Schnappauf" / ", so X …,";
- a quotation its attribution interrupts: `"We won," he said, "and we will win again."`,
  „Wir haben gewonnen“, sagte er, „und …“, and reported content around its cue ("The plan, Smith
  said, would fail"): the two quotes the sentence gave are one;
- a quotation over several paragraphs with an opening mark at each and a closing mark at the end
  only (``Marked.runs_on``): one quote with a part per paragraph.
"""

from __future__ import annotations

from newsmill.article import Quote, Span
from newsmill.enrich.quotes.lexicon import QuoteLexicon
from newsmill.enrich.quotes.marks import Marked

# Words an interrupting attribution may have (", sagte der Sprecher der Stadt am Montag in
# Berlin,"); more is a clause of its own, and the quotes on either side stay two.
MAX_ATTRIBUTION_WORDS = 12
# Words between a cue and the name it gives for the two to be one attribution phrase ("so der
# ugandische Schriftsteller Musa Okwanga"); farther, the name is not the one the cue attaches to.
MAX_CUE_SPEAKER_GAP = 4
# Words of an attribution between commas inside reported content (", so X in einem Blogeintrag auf
# der Website der Zeitung „…“,"): longer than an interrupting one, since the commas bound it.
MAX_PARENTHESIS_WORDS = 20
# Characters that end a part: punctuation between the content and its attribution belongs to neither.
_EDGE = " \t\n,;–—-"
_SENTENCE_END = frozenset(".!?;:\n")
REPORTED = ("indirect", "mixed")


def join_parts(quotes: list[Quote], outer: list[Marked], text: str, lex: QuoteLexicon) -> list[Quote]:
    """``quotes`` with the pieces of one quotation made one quote with parts."""
    mark_chars = frozenset(c for pair in lex.marks for c in pair)
    quotes = [_cut_attribution(q, text, lex) for q in quotes]
    quotes = _join_paragraphs(quotes, outer, text)
    return _join_interrupted(quotes, text, mark_chars)


def _part(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    if not any(c.isalnum() for c in text[a:b]):
        return None
    return Span(a, b, text[a:b])


def _words(s: str) -> int:
    return sum(any(c.isalnum() for c in w) for w in s.split())


def _within(inner: Span, a: int, b: int) -> bool:
    return a <= inner.start and inner.end <= b


def _cut_attribution(q: Quote, text: str, lex: QuoteLexicon) -> Quote:
    """Reported content with its attribution inside: the words before and after it, within the
    subordinate clause that holds the attribution when there is one."""
    cue = q.cue
    if q.kind not in REPORTED or cue is None or q.parts or not (q.start < cue.start and cue.end < q.end):
        return q
    a, b = cue.start, cue.end
    spk = q.speaker
    if spk is not None and _within(spk, q.start, q.end) and (
            spk.start < b and a < spk.end
            or (spk.end <= a and _adjacent(text[spk.end : a]))
            or (spk.start >= b and _adjacent(text[b : spk.start]))):
        a, b = min(a, spk.start), max(b, spk.end)  # "laut Schnappauf", "Zeitungsberichten zufolge"
    start, end = _clause(q, a, b, text, lex)
    if text[start:a].rstrip().endswith(","):
        # a parenthesis between commas (", so der Schriftsteller X in einem Blog,"): up to its comma
        close = text.find(",", b, end)
        if close >= 0 and _words(text[b:close]) <= MAX_PARENTHESIS_WORDS:
            b = close + 1
    left, right = _part(text, start, a), _part(text, b, end)
    if left is not None and right is not None and spk is not None and text[spk.end : right.start].strip() == "," \
            and right.text.split()[0].lower() in lex.relative_forms:
        # "„…“, so Landesjägermeister X, der auf sechs Regeln verweist": a clause about the
        # speaker, not the speaker's words; the content ends before the attribution
        return Quote(left.start, left.end, left.text, q.kind, q.speaker, q.cue)
    if left is None or right is None:
        return q
    return Quote(left.start, right.end, text[left.start : right.end], q.kind, q.speaker, q.cue, [left, right])


def _adjacent(gap: str) -> bool:
    """Only a few words, no punctuation, between a cue and a speaker: one phrase."""
    return _words(gap) <= MAX_CUE_SPEAKER_GAP and not any(c in ",;:()" for c in gap)


def _clause(q: Quote, a: int, b: int, text: str, lex: QuoteLexicon) -> tuple[int, int]:
    """The clause the attribution at ``a``–``b`` stands in, when a comma before it opens one: what
    the source says is that clause, not the sentence. A relative or subordinate clause ("…, der
    laut einer Meldung … einsteigen will, …") ends at its next comma; a main clause after a comma
    ("…, diese Taten seien aber laut X verjährt", "…, im Jahr 2004 war die Gruppe nach eigener
    Aussage am Ziel") runs to the end. A verb after the comma ("X, Sprecher des Vereins, hat laut
    …") goes on the clause before it: the sentence stays whole."""
    comma = text.rfind(",", q.start, a)
    words = text[comma + 1 : a].split() if comma >= 0 else []
    if not words or not words[0][:1].islower():
        return q.start, q.end
    w0, w1 = words[0].lower(), words[1].lower() if len(words) > 1 else ""
    if w0 in lex.relative_forms or w0 in lex.subordinators or w0 in lex.complementizers or (
            w0 in lex.prepositions and w1 in lex.relative_forms):  # "unter denen"
        close = text.find(",", b, q.end)
        return comma + 1, q.end if close < 0 else close
    if w0 in lex.determiners or w0 in lex.prepositions or w0 in lex.speaker_pronouns:
        return comma + 1, q.end
    return q.start, q.end


def _join_paragraphs(quotes: list[Quote], outer: list[Marked], text: str) -> list[Quote]:
    chains: list[list[Marked]] = []
    for k, m in enumerate(outer):
        if not m.runs_on or k + 1 >= len(outer):
            continue
        if chains and chains[-1][-1] is m:
            chains[-1].append(outer[k + 1])
        else:
            chains.append([m, outer[k + 1]])
    for chain in chains:
        quotes = _join_chain(quotes, chain, text)
    return quotes


def _join_chain(quotes: list[Quote], chain: list[Marked], text: str) -> list[Quote]:
    starts = {m.start for m in chain}
    found = [q for q in quotes if q.kind == "direct" and q.start in starts and not q.parts]
    if not found:
        return quotes
    others = [q for q in quotes if not any(q is f for f in found)]
    pieces = [p for m in chain if (p := _part(text, m.start, m.end)) is not None
              and not any(o.start <= p.start and p.end <= o.end for o in others)]
    if len(pieces) < 2:
        return quotes
    said = next((q for q in found if q.speaker is not None and q.cue is not None), None) \
        or next((q for q in found if q.speaker is not None), found[0])
    start, end = pieces[0].start, pieces[-1].end
    joined = Quote(start, end, text[start:end], "direct", said.speaker, said.cue, pieces)
    return sorted([*others, joined], key=lambda q: q.start)


def _join_interrupted(quotes: list[Quote], text: str, mark_chars: frozenset[str]) -> list[Quote]:
    # a quoted fragment inside a mixed quote is not a quotation of its own to join
    nested = {id(q) for q in quotes if any(o is not q and o.start <= q.start and q.end <= o.end
                                           and (o.start, o.end) != (q.start, q.end) for o in quotes)}
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        prev = next((o for o in reversed(out) if id(o) not in nested), None)
        cue = _interrupting_cue(prev, q, text, mark_chars) if prev is not None and id(q) not in nested else None
        if prev is None or cue is None:
            out.append(q)
            continue
        at = next(k for k, o in enumerate(out) if o is prev)
        out[at] = _merge(prev, q, cue, text)
    return out


def _interrupting_cue(q1: Quote, q2: Quote, text: str, mark_chars: frozenset[str]) -> Span | None:
    """The cue of an attribution standing between ``q1`` and ``q2`` inside one sentence."""
    if q1.end > q2.start:
        return None
    both_direct = q1.kind == q2.kind == "direct"
    if not both_direct and not (q1.kind in REPORTED and q2.kind in REPORTED and q1.cue == q2.cue):
        return None
    gap = text[q1.end : q2.start]
    if any(c in _SENTENCE_END or c in mark_chars for c in gap) or _words(gap) > MAX_ATTRIBUTION_WORDS:
        return None
    if not gap.rstrip().endswith(","):
        return None  # "„A“, sagte er. „B“": two sentences, two quotes
    # "We won," he said, — the comma inside the marks (English) or after them (German)
    if both_direct and not (gap.lstrip().startswith(",") or q1.text.rstrip()[-2:-1] == ","):
        return None
    return next((c for c in (q1.cue, q2.cue) if c is not None and _within(c, q1.end, q2.start)), None)


def _merge(q1: Quote, q2: Quote, cue: Span, text: str) -> Quote:
    kind = "direct" if q1.kind == q2.kind == "direct" else "mixed" if "mixed" in (q1.kind, q2.kind) else "indirect"
    # the speaker the attribution between them names, else whichever the two have
    speakers = [s for s in (q1.speaker, q2.speaker) if s is not None]
    speaker = next((s for s in speakers if _within(s, q1.end, q2.start)), speakers[0] if speakers else None)
    return Quote(q1.start, q2.end, text[q1.start : q2.end], kind, speaker, cue,  # type: ignore[arg-type]
                 [*q1.pieces(), *q2.pieces()])
