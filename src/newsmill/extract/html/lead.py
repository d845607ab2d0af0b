"""The standfirst (lead): inside the body container, or between the headline and the body."""

from __future__ import annotations

import re
from typing import Any

from newsmill.extract.boilerplate import reason_for_text
from newsmill.extract.html.select import Context
from newsmill.extract.html.walk import Candidate, RawBlock, Walk

# The lead may not be longer than this: longer first paragraphs are body text.
MAX_LEAD_CHARS = 700
# Between headline and body, a longer intro is still the article's opening paragraph.
MAX_OUTER_LEAD_CHARS = 2000
# A paragraph between headline and body this long is a standfirst even without a lead class;
# shorter ones there are datelines, bylines and captions.
MIN_UNMARKED_LEAD_CHARS = 80
# Link-heavier paragraphs between headline and body are breadcrumbs or teasers.
MAX_LEAD_LINK_DENSITY = 0.2
# How many blocks before the body are searched for the standfirst.
LEAD_LOOKBACK = 8
# The standfirst opens the kept text, after at most a kicker or a dateline that is no paragraph.
LEAD_FIRST_BLOCKS = 3
# Class words of standfirsts in CMS themes (English and German newsrooms).
_LEAD_CLASS = re.compile(
    r"lead|intro|standfirst|summary|dek\b|abstract|excerpt|subtitle|subhead|description|vorspann|"
    r"einleitung|teaser-text|article-teaser|kurztext|anriss", re.I
)
# How much of the description must open the paragraph for the two to be the same standfirst.
_SAME_START_CHARS = 60
_WORD = re.compile(r"\w+")


def outer_lead_index(walk: Walk, ctx: Context, container: Candidate | None) -> int | None:
    """The standfirst between the headline and the body container, if the page has one there."""
    if container is None or ctx.headline < 0 or ctx.headline >= container.first:
        return None
    start = max(ctx.headline + 1, container.first - LEAD_LOOKBACK)
    for i in range(container.first - 1, start - 1, -1):
        b = walk.blocks[i]
        if b.caption or b.kind != "paragraph" or len(b.text) > MAX_OUTER_LEAD_CHARS:
            continue
        if any(index not in ctx.ignore for index, _ in b.flags):
            continue
        if b.link_density > MAX_LEAD_LINK_DENSITY or reason_for_text(b.text):
            continue
        if len(b.text) >= MIN_UNMARKED_LEAD_CHARS or _has_lead_class(b.owner):
            return i
    return None


def lead_index(kept: list[RawBlock], description: str | None) -> int | None:
    """The standfirst among the first kept blocks: marked by its class, or repeated as the description."""
    for i, b in enumerate(kept[:LEAD_FIRST_BLOCKS]):
        if b.kind != "paragraph" or len(b.text) > MAX_LEAD_CHARS:
            continue
        if _has_lead_class(b.owner):
            return i
        if description and _same_start(b.text, description):
            return i
        if i > 0:
            break
    return None


def _has_lead_class(el: Any) -> bool:
    for node in (el, el.getparent() if el is not None else None):
        if node is not None and _LEAD_CLASS.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return True
    return False


def _same_start(text: str, description: str) -> bool:
    a = " ".join(_WORD.findall(text.lower()))
    b = " ".join(_WORD.findall(description.lower()))
    n = min(len(a), len(b), _SAME_START_CHARS)
    return n >= _SAME_START_CHARS // 2 and a[:n] == b[:n]
