"""Text mode, step 3: find the article's body as the densest run of prose lines.

Each line gets a weight: prose counts by its length, short lines and debris count against. The
body is the run with the highest total (a maximum-sum segment), so an article survives the odd
caption, credit or "Lesen Sie auch" line inside it, while menus (runs of short lines) and the
lists after it (teasers, comments, footer) fall outside. Cue lines that open comments, related
links or the footer weigh so much that the body never runs across them into more prose.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsmill.extract.text.classify import Label
from newsmill.extract.text.lines import Line

# Prose weighs its length in characters; a line of medium quality half of that.
MEDIUM_WEIGHT = 0.5
# ... up to this many characters: one giant line (an archive list, a glued teaser block) must not
# outweigh everything else on the page.
WEIGHT_CAP = 800.0
# A short line (heading, label, fragment) costs about a 20-character line of prose: a heading
# between two paragraphs is absorbed, a menu of ten entries is not.
SHORT_PENALTY = 20.0
# A debris line costs about a short sentence of prose.
BAD_PENALTY = 45.0
# Credits sit inside articles (under pictures) and cost little.
CREDIT_PENALTY = 5.0
# Short lines that recur in the dump are menus printed top and bottom (fact-box labels recur too;
# inside the body structure keeps them). Sweeps of 10-45 differed by < 0.003 F1.
REPEAT_PENALTY = 45.0
# Lines of bare numbers or symbols: counters, prices and table cells.
NUMBER_PENALTY = 45.0
# Lines that are mostly link text (Markdown dumps): menus and teaser lists.
LINK_PENALTY = 45.0
# The start of comments, related links, consent or the footer: only a long article part after it
# can outweigh this.
BARRIER_PENALTY = 600.0
# Prose after a section barrier (related articles, comments, footer) is more likely that
# section's content than the article: its weight is scaled by this for each barrier passed.
AFTER_BARRIER_FACTOR = 0.5
MIN_BARRIER_FACTOR = 0.1
# Barrier lines in a row are one section's header (a share bar, a newsletter box): passing them
# counts as one barrier.
BARRIER_RUN_COUNTS_ONCE = True
# ... but only once this much prose came before: barriers in the menus above an article
# ("Neueste Beiträge" in a sidebar) must not discount the article itself.
DISCOUNT_AFTER_WEIGHT = 1500.0
# A body that weighs less than this is no article (a menu page, a cookie wall).
MIN_BODY_WEIGHT = 120.0
# Another run of prose joins the body (with what lies between) when it weighs at least
# EXTRA_MIN_WEIGHT, lies near and no barrier separates them: articles are split by fact boxes,
# tables and galleries. Below the body it must also weigh this share of the body, as teasers and
# comments after an article are prose too; above, an intro before a table of contents is small.
EXTRA_FRACTION_ABOVE = 0.0
EXTRA_FRACTION_BELOW = 0.3
EXTRA_MIN_WEIGHT = 150.0
# ... and when it lies at most this many lines away from the body.
EXTRA_MAX_GAP_LINES = 80
# Small islands of prose at the end of the body, cut off from it by a debris line, are mostly
# the author box, an appeal or a teaser: an island lighter than this is trimmed.
EDGE_ISLAND_MAX_WEIGHT = 300.0
# Debris that sits inside articles (ad slots, credits) does not cut an island off.
INLINE_DEBRIS = frozenset({"credit", "advertisement", "markup"})
# A list opened by a colon has at most this many items (longer runs of short lines are menus).
LIST_MAX_ITEMS = 15
# A dump without line breaks prints a whole menu, share bar or teaser list as one piece, where a
# line-broken dump has one line per item: such a piece costs its penalty once per this many words
# (a menu item's length), up to PIECE_MAX_ITEMS times, so that it separates as many lines would.
# Only debris: a "short" piece is often a sentence cut where a capitalised word followed a title
# (scaling those too cost 0.004 on German one-line dumps, tune half).
PIECE_ITEM_WORDS = 3
PIECE_MAX_ITEMS = 10
# Joining stops after this many extra runs (bounded work on pathological dumps).
MAX_EXTRA_RUNS = 6


@dataclass
class Body:
    start: int  # index of the first body line
    end: int  # index after the last body line
    weight: float


def line_weight(line: Line, label: Label) -> float:
    weight = _own_weight(line, label)
    if weight < 0 and line.cut_out and label.kind == "bad" and not label.barrier:
        weight *= min(PIECE_MAX_ITEMS, max(1, label.words // PIECE_ITEM_WORDS))
    return weight


def _own_weight(line: Line, label: Label) -> float:
    if label.kind == "good":
        return min(float(len(line.text)), WEIGHT_CAP)
    if label.kind == "medium":
        return MEDIUM_WEIGHT * min(len(line.text), WEIGHT_CAP)
    if label.kind in ("image", "caption"):
        return 0.0
    if label.kind == "short":
        return -SHORT_PENALTY
    if label.barrier:
        return -BARRIER_PENALTY
    if label.reason == "credit":
        return -CREDIT_PENALTY
    if label.repeated:
        return -REPEAT_PENALTY
    if label.reason == "other":
        return -NUMBER_PENALTY
    if label.reason is None:
        return -LINK_PENALTY
    return -BAD_PENALTY


def find_body(lines: list[Line], labels: list[Label]) -> Body | None:
    """The maximum-weight run of lines, joined with large prose runs around it; None if no article."""
    weights = _discount_after_barriers([line_weight(ln, lb) for ln, lb in zip(lines, labels, strict=True)], labels)
    _lists_after_colons(lines, labels, weights)
    body = _max_run(weights, 0, len(weights))
    if body.weight < MIN_BODY_WEIGHT:
        return None
    for _ in range(MAX_EXTRA_RUNS):
        grown = _grow(body, weights, labels)
        if grown is None:
            break
        body = grown
    return _trim_tail(body, weights, labels)


def _lists_after_colons(lines: list[Line], labels: list[Label], weights: list[float]) -> None:
    """Short lines right after a prose line ending in a colon are the items of the list it opens.

    Flatteners that drop bullets (newspaper4k, copy-paste) leave an article's list as a run of
    short lines, which would otherwise weigh like a menu and cut the article in two.
    """
    i = 0
    while i < len(lines):
        if labels[i].kind in ("good", "medium") and lines[i].text.endswith(":"):
            j = i + 1
            while j < len(lines) and j - i <= LIST_MAX_ITEMS and labels[j].kind == "short":
                weights[j] = 0.0
                j += 1
            i = j
        else:
            i += 1


def _trim_tail(body: Body, weights: list[float], labels: list[Label]) -> Body:
    for _ in range(MAX_EXTRA_RUNS):
        island = 0.0
        i = body.end - 1
        while i > body.start and not (labels[i].is_bad and labels[i].reason not in INLINE_DEBRIS):
            island += max(0.0, weights[i])
            i -= 1
        if i <= body.start or island >= EDGE_ISLAND_MAX_WEIGHT:
            break
        while i > body.start and weights[i - 1] <= 0:  # the debris run before the island goes too
            i -= 1
        body = Body(body.start, i, body.weight - island)
    return body


def _discount_after_barriers(weights: list[float], labels: list[Label]) -> list[float]:
    """Prose after "Related articles" or "Comments" counts less with each such section passed."""
    factor, seen = 1.0, 0.0
    out: list[float] = []
    in_section_head = False
    for weight, label in zip(weights, labels, strict=True):
        if label.barrier and in_section_head and BARRIER_RUN_COUNTS_ONCE:
            pass  # the next lines of one box ("Newsletter", "Subscribe") open no further section
        elif label.barrier and seen >= DISCOUNT_AFTER_WEIGHT:
            factor = max(MIN_BARRIER_FACTOR, factor * AFTER_BARRIER_FACTOR)
        in_section_head = label.barrier
        seen += max(0.0, weight)
        out.append(weight * factor if weight > 0 else weight)
    return out


def _max_run(weights: list[float], lo: int, hi: int) -> Body:
    best = Body(lo, lo, 0.0)
    run_start, run_weight = lo, 0.0
    for i in range(lo, hi):
        if run_weight <= 0:
            run_start, run_weight = i, 0.0
        run_weight += weights[i]
        if run_weight > best.weight:
            best = Body(run_start, i + 1, run_weight)
    return best


def _grow(body: Body, weights: list[float], labels: list[Label]) -> Body | None:
    above = _max_run(weights, 0, body.start)
    below = _max_run(weights, body.end, len(weights))
    threshold = max(EXTRA_MIN_WEIGHT, EXTRA_FRACTION_ABOVE * body.weight)
    near = body.start - above.end <= EXTRA_MAX_GAP_LINES
    if above.weight >= threshold and near and not _barrier(labels, above.end, body.start):
        return Body(above.start, body.end, body.weight + above.weight)
    threshold = max(EXTRA_MIN_WEIGHT, EXTRA_FRACTION_BELOW * body.weight)
    near = below.start - body.end <= EXTRA_MAX_GAP_LINES
    if below.weight >= threshold and near and not _barrier(labels, body.end, below.start):
        return Body(body.start, below.end, body.weight + below.weight)
    return None


def _barrier(labels: list[Label], lo: int, hi: int) -> bool:
    return any(labels[i].barrier for i in range(lo, hi))
