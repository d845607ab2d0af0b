"""Text mode, step 5: a learned second opinion on every line near the body.

The rule stages (``classify``, ``segment``, ``structure``) decide which lines are the article. Hand
rules tuned on one half of the development pages stopped generalising to the other half, so a
small model trained on the tuning half (``training/textdump/train.py``) re-decides the lines that
matter: every body block (keep or drop) and every unused line near the body (add or leave out).
Its input is what the rule stages already know about a line (label, reason, place relative to the
body, its role in the output) with the line's shape (length, punctuation, function-word share,
links, digits, capitals) and the same for its neighbours; the headline and lead stay as found.

The model is a boosted set of shallow decision trees stored as JSON in
``data/models/textdump-lines.json``, evaluated in plain Python: no runtime dependency.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsmill.article import Block
from newsmill.extract.text.classify import Label
from newsmill.extract.text.lines import Line
from newsmill.extract.text.segment import Body, line_weight
from newsmill.extract.text.structure import Parts

MODEL_PATH = Path(__file__).resolve().parents[2] / "data" / "models" / "textdump-lines.json"
# Unused lines are candidates for the article only this close to the body (in lines): farther
# away sit menus and footers, where a model's false positive costs more than a miss saves.
CANDIDATE_GAP = 30
# Dumps with more candidate lines than this are left to the rules (bounded work per page).
MAX_CANDIDATES = 3000
# A line of the head that the page's <title> (the dump's first line) contains is the headline
# printed again; shorter lines match anywhere.
TITLE_MIN_CHARS = 12
# Debris of these reasons is never added back (``_addable``).
HARD_REASONS = frozenset({"markup", "consent", "gallery", "duplicate"})
SENTENCE_END_CHARS = 20
# Segment weights (characters of prose, penalties) are given to the model in hundreds.
WEIGHT_SCALE = 100.0

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)
_SENTENCE_END = re.compile(r"[.!?…][\"“”»«')\]]*$")
_QUOTE_MARKS = frozenset("\"„“”»«")
# A sentence end inside the line: a paragraph holds several, a glued headline or menu none.
_INNER_END = re.compile(r"[.!?…][\"“”»«')]* [\"„“»«(]?[A-ZÄÖÜ]")
# Indentation relative to the body is capped: the trees only need "same", "a little", "far".
INDENT_CLIP = 20
# The dump's language is estimated from this many body blocks (the model is trained on German
# and English pages; subheadings and captions look different in the two).
GERMAN_SAMPLE_BLOCKS = 40

KINDS = ("good", "medium", "short", "bad", "image", "caption")
# Reasons grouped by what they say about the page region: menus, other stories, the end of the
# article, buttons and ads, pictures, copies.
REASON_GROUPS = (
    ("navigation",),
    ("teaser",),
    ("comments", "footer", "consent"),
    ("call_to_action", "advertisement"),
    ("credit", "gallery"),
    ("duplicate",),
    ("markup", "other"),
)
ROLES = ("block", "title", "lead", "used", "none")

# Own features of a line, in this order (names are stored with the model and checked on load).
OWN = (
    "log_chars", "log_words", "stop_share", "sentence_end", "colon_end", "link_share", "markup_share",
    "digit_share", "upper_share", "mean_word_len", "heading", "bullet", "bold", "cut_out", "word_run",
    "truncated", "blank_before", "barrier", "repeated", "bad_no_reason", "comma_per_word", "quote_marks",
    "starts_upper", "starts_digit", "ends_lower", "log_indent", "log_lead_caps", "log_cap_run", "log_inner_ends",
    *(f"kind_{k}" for k in KINDS), *(f"reason_{g[0]}" for g in REASON_GROUPS),
)
PLACE = (
    "seg_weight", "in_page_title", *(f"role_{r}" for r in ROLES), "in_body", "log_above_body", "log_below_body", "rel_position",
    "rel_in_body", "log_barrier_above", "log_barrier_below", "barriers_to_body", "chars_vs_median_block",
    "after_title", "indent_vs_body",
)
# Topicality: an article's lines share its content words, menus and other stories' teasers do not
# (whatever the language: content words are the long words that are no function word).
TOPIC = ("body_share", "title_share", "log_new", "prev_body_share", "next_body_share")
CONTENT_WORD_MIN_CHARS = 4
# Neighbours: the same few facts for the lines at these offsets.
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
NEIGHBOUR = ("exists", "log_chars", "good", "bad", "kept", "sentence_end", "link_share", "same_indent")
WINDOWS = (3, 10)
WINDOW = ("good_share", "kept_share", "bad_share", "mean_log_chars", "weight_plus", "weight_minus")
DUMP = (
    "log_lines", "cut_out_share", "markup_line_share", "link_line_share", "good_share", "log_body_lines",
    "log_kept_chars", "wrapped", "german_share",
)


# Dumps differ in what a line is: in one that lost its line breaks (cut into sentences) a candidate
# is a sentence, elsewhere a paragraph, and German and English pages differ in their subheadings
# and captions. The decision thresholds are chosen per group (``threshold_group``).
THRESHOLD_GROUPS = ("de lines", "de glued", "en lines", "en glued")
GLUED_MIN_CUT_SHARE = 0.5


# The second stage sees the first stage's scores of the line and of the candidates around it (by
# their order among the candidates): articles come in runs, debris too.
CONTEXT = ("self", "prev", "next", "mean3", "mean10", "pos_share5", "log_gap_prev", "log_gap_next")
# A missing neighbour (the first or last candidate) scores as confident debris.
MISSING_SCORE = -5.0


def context_names() -> tuple[str, ...]:
    return tuple(f"ctx_{c}" for c in CONTEXT)


def context_features(which: list[int], scores: list[float]) -> list[list[float]]:
    """Per candidate, the stage-1 scores of itself and its neighbours (``CONTEXT``)."""
    n = len(which)
    prefix = _prefix_sums(scores)
    positive = _prefix_sums([float(v > 0) for v in scores])
    rows = []
    for k in range(n):
        row = [
            scores[k],
            scores[k - 1] if k > 0 else MISSING_SCORE,
            scores[k + 1] if k + 1 < n else MISSING_SCORE,
        ]
        for w in (3, 10):
            a, b = max(0, k - w), min(n, k + w + 1)
            row.append((prefix[b] - prefix[a] - scores[k]) / max(1, b - a - 1) if b - a > 1 else MISSING_SCORE)
        a, b = max(0, k - 5), min(n, k + 6)
        row.append((positive[b] - positive[a] - float(scores[k] > 0)) / max(1, b - a - 1))
        row.append(math.log1p(which[k] - which[k - 1]) if k > 0 else 10.0)
        row.append(math.log1p(which[k + 1] - which[k]) if k + 1 < n else 10.0)
        rows.append(row)
    return rows


def feature_names() -> tuple[str, ...]:
    names = [*OWN, *PLACE]
    names += [f"n{o:+d}_{f}" for o in NEIGHBOUR_OFFSETS for f in NEIGHBOUR]
    names += [f"w{w}_{f}" for w in WINDOWS for f in WINDOW]
    names += [f"topic_{f}" for f in TOPIC]
    names += [f"dump_{f}" for f in DUMP]
    return tuple(names)


@dataclass
class Facts:
    """Per-line facts computed once and shared by the line's own and its neighbours' features."""

    log_chars: float
    good: float
    bad: float
    kept: float
    sentence_end: float
    link_share: float
    indent: int
    weight_plus: float  # the segment weight (``segment.line_weight``) in hundreds, its positive part
    weight_minus: float  # ... and its negative part


def roles(lines: list[Line], parts: Parts) -> list[str]:
    """What each line became in the rule output: a block, the headline, the lead, meta, or nothing."""
    role = ["none"] * len(lines)
    for i in parts.used:
        role[i] = "used"
    for i in parts.block_lines:
        role[i] = "block"
    if parts.title_line is not None:
        role[parts.title_line] = "title"
    if parts.lead_line is not None:
        role[parts.lead_line] = "lead"
    return role


def candidates(lines: list[Line], labels: list[Label], body: Body, role: list[str]) -> list[int]:
    """The lines the model decides on: blocks, and unused lines with text near the body."""
    lo, hi = max(0, body.start - CANDIDATE_GAP), min(len(lines), body.end + CANDIDATE_GAP)
    out = []
    for i in range(len(lines)):
        if role[i] == "block" or lo <= i < hi and role[i] == "none" and lines[i].text and labels[i].kind not in ("image", "caption"):
            out.append(i)
    return out


def _facts(line: Line, label: Label, role: str) -> Facts:
    weight = line_weight(line, label) / WEIGHT_SCALE
    return Facts(
        math.log1p(len(line.text)),
        float(label.kind == "good"),
        float(label.kind == "bad"),
        float(role in ("block", "title", "lead")),
        _ends_sentence(line.text),
        line.link_share,
        line.indent,
        max(0.0, weight),
        min(0.0, weight),
    )


def features(lines: list[Line], labels: list[Label], body: Body, parts: Parts,
             stopwords: frozenset[str], which: list[int] | None = None) -> tuple[list[int], list[list[float]]]:
    """(candidate line indices, one feature row per candidate) in the order of ``feature_names``."""
    role = roles(lines, parts)
    rows_for = candidates(lines, labels, body, role) if which is None else which
    n = len(lines)
    facts = [_facts(ln, lb, r) for ln, lb, r in zip(lines, labels, role, strict=True)]
    window_facts = ("good", "kept", "bad", "log_chars", "weight_plus", "weight_minus")
    prefix = {name: _prefix_sums([getattr(f, name) for f in facts]) for name in window_facts}
    barriers = [i for i, lb in enumerate(labels) if lb.barrier]
    block_chars = sorted(len(lines[i].text) for i in parts.block_lines)
    median_block = block_chars[len(block_chars) // 2] if block_chars else 1
    page_title = lines[0].text.lower() if lines else ""
    title_line = parts.title_line if parts.title_line is not None else -1
    kept_chars = sum(len(lines[i].text) for i in range(n) if facts[i].kept)
    indents = sorted(lines[i].indent for i in parts.block_lines)
    body_indent = indents[len(indents) // 2] if indents else 0
    wrapped = float(any(ln.raw.count("\n") >= 2 for ln in lines[:200]))
    topic = _Topic(lines, parts, stopwords)
    dump = [
        math.log1p(n),
        _share(ln.cut_out for ln in lines),
        _share(ln.markup_chars > 0 for ln in lines),
        _share(ln.link_chars > 0 for ln in lines),
        prefix["good"][n] / max(1, n),
        math.log1p(body.end - body.start),
        math.log1p(kept_chars),
        wrapped,
        _german_share([lines[i].text for i in parts.block_lines[:GERMAN_SAMPLE_BLOCKS]]),
    ]
    rows = []
    for i in rows_for:
        line, label = lines[i], labels[i]
        row = _own(line, label, stopwords)
        row += [facts[i].weight_plus + facts[i].weight_minus,
                float(i > 0 and len(line.text) >= TITLE_MIN_CHARS and line.text.lower() in page_title)]
        row += [float(role[i] == r) for r in ROLES]
        inside = body.start <= i < body.end
        k = bisect_left(barriers, i)
        above = barriers[k - 1] if k > 0 else None
        k2 = bisect_right(barriers, i)
        below = barriers[k2] if k2 < len(barriers) else None
        lo, hi = (i, body.start) if i < body.start else (body.end, i)
        row += [
            float(inside),
            math.log1p(max(0, body.start - i)),
            math.log1p(max(0, i + 1 - body.end)),
            i / max(1, n - 1),
            (i - body.start) / max(1, body.end - body.start) if inside else (-1.0 if i < body.start else 2.0),
            math.log1p(i - above) if above is not None else 10.0,
            math.log1p(below - i) if below is not None else 10.0,
            float(bisect_left(barriers, hi) - bisect_left(barriers, lo)) if not inside else 0.0,
            len(line.text) / max(1, median_block),
            float(title_line >= 0 and i > title_line),
            float(max(-INDENT_CLIP, min(INDENT_CLIP, line.indent - body_indent))),
        ]
        for o in NEIGHBOUR_OFFSETS:
            j = i + o
            if 0 <= j < n:
                f = facts[j]
                row += [1.0, f.log_chars, f.good, f.bad, f.kept, f.sentence_end, f.link_share,
                        float(f.indent == line.indent)]
            else:
                row += [0.0] * len(NEIGHBOUR)
        for w in WINDOWS:
            a, b = max(0, i - w), min(n, i + w + 1)
            size = b - a - 1  # the line itself is not its own context
            for name in window_facts:
                total = prefix[name][b] - prefix[name][a] - getattr(facts[i], name)
                row.append(total / max(1, size))
        row += topic.row(i)
        rows.append(row + dump)
    return rows_for, rows


class _Topic:
    """How much of a line's vocabulary the rest of the body (headline, lead, blocks) uses."""

    def __init__(self, lines: list[Line], parts: Parts, stopwords: frozenset[str]) -> None:
        self.lines, self.stopwords = lines, stopwords
        self.cache: dict[int, frozenset[str]] = {}
        self.in_body = set(parts.block_lines)
        self.df: dict[str, int] = {}
        for i in parts.block_lines:
            for w in self.words(i):
                self.df[w] = self.df.get(w, 0) + 1
        for text in (parts.lead or "", parts.title or ""):
            for w in self._content(text):
                self.df[w] = self.df.get(w, 0) + 1
        self.title = self._content(parts.title or (lines[0].text if lines else ""))

    def _content(self, text: str) -> frozenset[str]:
        return frozenset(w for w in map(str.lower, _WORD.findall(text))
                         if len(w) >= CONTENT_WORD_MIN_CHARS and w not in self.stopwords)

    def words(self, i: int) -> frozenset[str]:
        got = self.cache.get(i)
        if got is None:
            got = self.cache[i] = self._content(self.lines[i].text)
        return got

    def body_share(self, i: int) -> float:
        """Share of line ``i``'s content words found elsewhere in the body (-1: no content word)."""
        if not 0 <= i < len(self.lines):
            return -1.0
        own = self.words(i)
        if not own:
            return -1.0
        mine = int(i in self.in_body)
        return sum(self.df.get(w, 0) > mine for w in own) / len(own)

    def row(self, i: int) -> list[float]:
        own = self.words(i)
        share = self.body_share(i)
        mine = int(i in self.in_body)
        return [
            share,
            len(own & self.title) / len(own) if own else -1.0,
            math.log1p(sum(self.df.get(w, 0) <= mine for w in own)),
            self.body_share(i - 1),
            self.body_share(i + 1),
        ]


def _own(line: Line, label: Label, stopwords: frozenset[str]) -> list[float]:
    text = line.text
    words = _WORD.findall(text)
    nw = max(1, len(words))
    chars = max(1, len(text))
    # Capitalised words in a row: a menu, a headline or a name list glued to a sentence (a dump
    # that lost its line breaks) shows as a long run, or as many of them before the first
    # lower-case word.
    lead_caps = cap_run = run = 0
    lower_seen = False
    for w in words:
        if w[:1].isupper():
            run += 1
            cap_run = max(cap_run, run)
            if not lower_seen:
                lead_caps += 1
        else:
            run = 0
            lower_seen = True
    row = [
        math.log1p(len(text)),
        math.log1p(len(words)),
        sum(map(stopwords.__contains__, map(str.lower, words))) / nw,
        _ends_sentence(text),
        float(text.endswith(":")),
        line.link_share,
        line.markup_share,
        sum(map(str.isdigit, text)) / chars,
        sum(1 for w in words if w[:1].isupper()) / nw,
        sum(map(len, words)) / nw,
        float(line.heading > 0),
        float(line.bullet),
        float(line.bold),
        float(line.cut_out),
        float(line.word_run),
        float(text.endswith(("...", "…"))),
        float(line.blank_before),
        float(label.barrier),
        float(label.repeated),
        float(label.kind == "bad" and label.reason is None),
    ]
    row += [
        text.count(",") / nw,
        float(not _QUOTE_MARKS.isdisjoint(text)),
        float(text[:1].isupper()),
        float(text[:1].isdigit()),
        float(text[-1:].islower()),
        math.log1p(line.indent),
        math.log1p(lead_caps),
        math.log1p(cap_run),
        math.log1p(len(_INNER_END.findall(text))),
    ]
    row += [float(label.kind == k) for k in KINDS]
    row += [float(label.reason in g) for g in REASON_GROUPS]
    return row


@lru_cache(maxsize=1)
def _language_stopwords() -> tuple[frozenset[str], frozenset[str]]:
    """German-only and English-only function words (the ones both languages share say nothing)."""
    from newsmill.extract.lexicon import table_words

    de, en = frozenset(table_words("stopwords", ("de",))), frozenset(table_words("stopwords", ("en",)))
    return de - en, en - de


def _german_share(texts: list[str]) -> float:
    """Share of German among the language-specific function words of ``texts`` (0.5: no evidence)."""
    de, en = _language_stopwords()
    n_de = n_en = 0
    for text in texts:
        for w in text.lower().split():
            if w in de:
                n_de += 1
            elif w in en:
                n_en += 1
    return n_de / (n_de + n_en) if n_de + n_en else 0.5


def _ends_sentence(text: str) -> float:
    # Only the line's end is searched: a pattern anchored at the end is otherwise tried at every
    # position of a long line (a closing run of quotes and brackets is never this long).
    return float(bool(_SENTENCE_END.search(text, max(0, len(text) - SENTENCE_END_CHARS))))


def _prefix_sums(values: list[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


def _share(flags: object) -> float:
    values = list(flags)  # type: ignore[call-overload]
    return sum(map(bool, values)) / max(1, len(values))


Tree = tuple[list[int], list[float], list[int], list[int]]


@dataclass
class Stage:
    """Boosted regression trees on the logit scale."""

    base: float
    # One tree is four parallel lists: feature index (-1 at a leaf), threshold, left child, right
    # child; at a leaf the threshold slot holds the leaf's value.
    trees: list[Tree]
    _fn: Callable[[list[float]], float] | None = field(default=None, repr=False, compare=False)

    def score(self, row: list[float]) -> float:
        return self._compiled()(row)

    def walk(self, row: list[float]) -> float:
        """The score by walking the trees node by node (the reference ``score`` is checked against)."""
        total = self.base
        for feat, thr, left, right in self.trees:
            node = 0
            while (f := feat[node]) >= 0:
                node = left[node] if row[f] <= thr[node] else right[node]
            total += thr[node]
        return total

    def _compiled(self) -> Callable[[list[float]], float]:
        """The trees as one Python expression of nested conditionals, compiled once: walking 150
        trees node by node cost as much CPU as the rest of text mode (measured, 2026-12-07)."""
        if self._fn is None:
            terms = [repr(float(self.base))] + [_tree_source(t, 0) for t in self.trees]
            code = compile("lambda r: " + " + ".join(terms), "<line model>", "eval")
            self._fn = eval(code, {"__builtins__": {}})  # noqa: S307 - numbers and indices only
        return self._fn


@dataclass
class Model:
    """Stage 1 scores each candidate on its features; stage 2 (optional) rescores it with its
    neighbours' stage-1 scores added (``context_features``); then the two decision thresholds."""

    first: Stage
    second: Stage | None
    drop_below: float  # a block whose score is below this is dropped
    add_above: float  # an unused candidate whose score is above this is added
    # (drop_below, add_above) by ``threshold_group``, where they differ from the common pair.
    thresholds: dict[str, tuple[float, float]] = field(default_factory=dict)

    def decision(self, row: list[float]) -> tuple[float, float]:
        """(drop_below, add_above) for the dump a candidate's ``row`` comes from."""
        if not self.thresholds:
            return self.drop_below, self.add_above
        return self.thresholds.get(threshold_group(row), (self.drop_below, self.add_above))

    def scores(self, which: list[int], rows: list[list[float]]) -> list[float]:
        first = [self.first.score(r) for r in rows]
        if self.second is None:
            return first
        second = self.second
        return [second.score(r + c) for r, c in zip(rows, context_features(which, first), strict=True)]


def threshold_group(row: list[float]) -> str:
    """The threshold group of a dump, from the dump features every candidate's row ends with."""
    names = feature_names()
    glued = row[names.index("dump_cut_out_share")] > GLUED_MIN_CUT_SHARE
    german = row[names.index("dump_german_share")] >= 0.5
    return f"{'de' if german else 'en'} {'glued' if glued else 'lines'}"


def _tree_source(tree: Tree, node: int) -> str:
    feat, thr, left, right = tree
    if feat[node] < 0:
        return repr(float(thr[node]))
    f, t = int(feat[node]), float(thr[node])
    return f"({_tree_source(tree, left[node])} if r[{f}] <= {t!r} else {_tree_source(tree, right[node])})"


def _stage(data: dict[str, object]) -> Stage:
    trees = [(t["feature"], t["threshold"], t["left"], t["right"]) for t in data["trees"]]  # type: ignore[attr-defined, index]
    return Stage(float(data["base"]), trees)  # type: ignore[arg-type]


def load_model(path: Path = MODEL_PATH) -> Model:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != feature_names() or (data.get("second") and tuple(data["context"]) != context_names()):
        raise ValueError(f"{path.name}: trained on other features than this code computes; retrain it")
    second = _stage(data["second"]) if data.get("second") else None
    groups = {g: (float(v[0]), float(v[1])) for g, v in (data.get("thresholds") or {}).items()}
    return Model(_stage(data["first"]), second, float(data["drop_below"]), float(data["add_above"]), groups)


@lru_cache(maxsize=1)
def shipped_model() -> Model | None:
    """The model in ``data/models``, or None when the package was built without it."""
    return load_model() if MODEL_PATH.exists() else None


def refine(lines: list[Line], labels: list[Label], body: Body, parts: Parts, stopwords: frozenset[str],
           model: Model | None = None) -> None:
    """Drop the blocks the model calls debris and add the nearby lines it calls article, in place.

    A body block the dump marked as a heading (Markdown ``#``) is not dropped: the page's author
    said it is a subheading, and the English training gold (Zyte's article bodies) leaves most
    subheadings out, which taught the model to drop short title-like lines there.

    Lines the head walk judged (a source, a place name or a rubric between lead and body) are not
    added back: the head's fields are structure's decision, and a stray name there costs more than
    a missed one (the model, trained on whole-page gold, has no notion of a byline).
    """
    model = model or shipped_model()
    if model is None:
        return
    which, rows = features(lines, labels, body, parts, stopwords)
    if len(which) > MAX_CANDIDATES:
        return
    role = roles(lines, parts)
    texts = {b.text for b in parts.blocks} | {parts.title or "", parts.lead or ""}
    kept: dict[int, Block] = dict(zip(parts.block_lines, parts.blocks, strict=True))
    duplicates = {r.text for r in parts.removed if r.reason == "duplicate"}
    barriers = [i for i, lb in enumerate(labels) if lb.barrier]
    in_list = _colon_list_items(lines, labels, parts.block_lines)
    drop_below, add_above = model.decision(rows[0]) if rows else (model.drop_below, model.add_above)
    for i, s in zip(which, model.scores(which, rows), strict=True):
        if role[i] == "block" and s < drop_below and i not in in_list and not lines[i].heading:
            block = kept.pop(i)
            parts.removed.append(_removed(block.text, labels[i]))
        elif (role[i] == "none" and s > add_above and lines[i].text not in texts and _addable(labels[i])
              and i not in parts.head_lines and lines[i].text not in duplicates
              and not _beyond_barrier(i, body, barriers)):
            kept[i] = Block("list_item" if lines[i].bullet else "paragraph", lines[i].text)
            texts.add(lines[i].text)
            _unremove(parts, lines[i])
    order = sorted(kept)
    parts.block_lines = order
    parts.blocks = [kept[i] for i in order]


def _beyond_barrier(i: int, body: Body, barriers: list[int]) -> bool:
    """A section barrier (comments, footer, related stories) between the body and line ``i``."""
    lo, hi = (i, body.start) if i < body.start else (body.end, i)
    return bisect_left(barriers, hi) > bisect_left(barriers, lo)


def _colon_list_items(lines: list[Line], labels: list[Label], block_lines: list[int]) -> set[int]:
    """Short blocks right after a block ending in a colon: the items of the list it opens, which
    ``segment`` keeps on purpose (flatteners that drop bullets leave them as bare short lines)."""
    items: set[int] = set()
    opened = False
    for i in block_lines:
        if opened and labels[i].kind == "short":
            items.add(i)
            continue
        opened = lines[i].text.endswith(":")
    return items


def _addable(label: Label) -> bool:
    """Code, tags and section barriers are hard evidence the model is not asked to overrule: the
    training pages hold too few of them for it to have learnt that (a style sheet between two
    paragraphs was added back)."""
    return not label.barrier and not (label.kind == "bad" and label.reason in HARD_REASONS)


def _removed(text: str, label: Label):  # type: ignore[no-untyped-def]
    from newsmill.article import Removed

    return Removed(text=text, reason=label.reason if label.kind == "bad" and label.reason else "other")  # type: ignore[arg-type]


def _unremove(parts: Parts, line: Line) -> None:
    """A line the model adds back is no longer among the removed."""
    for k in range(len(parts.removed) - 1, -1, -1):
        if parts.removed[k].text in (line.text, line.raw.strip()):
            del parts.removed[k]
            return
