"""Text mode, step 3: find the article's body as the densest run of prose lines.

Each line gets a weight: prose counts by its length, short lines and debris count against. The
body is the run with the highest total (a maximum-sum segment), so an article survives the odd
caption, credit or "Lesen Sie auch" line inside it, while menus (runs of short lines) and the
lists after it (teasers, comments, footer) fall outside. Cue lines that open comments, related
links or the footer weigh so much that the body never runs across them into more prose.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsmill.extract.text_classify import Label
from newsmill.extract.text_lines import Line

# Prose weighs its length in characters; a line of medium quality half of that.
MEDIUM_WEIGHT = 0.5
# A short line (heading, label, fragment) costs about a 20-character line of prose: a heading
# between two paragraphs is absorbed, a menu of ten entries is not.
SHORT_PENALTY = 20.0
# A debris line costs about a short sentence of prose.
BAD_PENALTY = 45.0
# Credits sit inside articles (under pictures) and cost little.
CREDIT_PENALTY = 5.0
# The start of comments, related links, consent or the footer: only a long article part after it
# can outweigh this.
BARRIER_PENALTY = 600.0
# A body that weighs less than this is no article (a menu page, a cookie wall).
MIN_BODY_WEIGHT = 120.0


@dataclass
class Body:
    start: int  # index of the first body line
    end: int  # index after the last body line
    weight: float


def line_weight(line: Line, label: Label) -> float:
    if label.kind == "good":
        return float(len(line.text))
    if label.kind == "medium":
        return MEDIUM_WEIGHT * len(line.text)
    if label.kind == "image":
        return 0.0
    if label.kind == "short":
        return -SHORT_PENALTY
    if label.barrier:
        return -BARRIER_PENALTY
    if label.reason == "credit":
        return -CREDIT_PENALTY
    return -BAD_PENALTY


def find_body(lines: list[Line], labels: list[Label]) -> Body | None:
    """The maximum-weight run of lines, or None when nothing article-like is there."""
    best = Body(0, 0, 0.0)
    run_start, run_weight = 0, 0.0
    for i, (line, label) in enumerate(zip(lines, labels, strict=True)):
        if run_weight <= 0:
            run_start, run_weight = i, 0.0
        run_weight += line_weight(line, label)
        if run_weight > best.weight:
            best = Body(run_start, i + 1, run_weight)
    return best if best.weight >= MIN_BODY_WEIGHT else None
