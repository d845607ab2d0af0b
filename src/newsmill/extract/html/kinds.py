"""Pages that are not the usual article: picture galleries and paywalled stubs.

Both are read from structure, never from a site's name:

- A **gallery** is a page whose own text is a line or two and whose telling is in the captions of
  its pictures: then the captions (without their credits) are the body, in page order, and the
  Article says so in a warning. Captions of teasers and menus (marked as such) do not count.
- A **paywalled stub** shows a teaser and then an offer. The evidence is schema.org's paywall
  markup (``isAccessibleForFree: false``, with the subscriber part named by ``cssSelector``) or a
  box named as a paywall after the start of the body; the verdict needs a short body too, and a
  page that ships the subscriber part in its DOM (as Google's markup asks) is not a stub.
"""

from __future__ import annotations

import re
from typing import Any

from newsmill.extract.boilerplate import reason_for_text, split_credit
from newsmill.extract.html.select import KEEP_MAX_LINK_DENSITY, Selection
from newsmill.extract.html.walk import WEAK_REASONS, Candidate, RawBlock, Walk

# A gallery has at least this many captions ...
GALLERY_MIN_CAPTIONS = 3
# ... and less own text than this (an intro line, a dateline); above it the page is an article
# with pictures, whose captions stay Image records.
GALLERY_MAX_BODY_CHARS = 400
# Shorter caption lines are counters ("3 / 12") and labels.
CAPTION_MIN_CHARS = 25
# A body longer than this is not a teaser, whatever the markup says (publishers mark free
# articles as not free by template).
TEASER_MAX_CHARS = 1500
# The subscriber part counts as present when the selected element holds this much text.
PRESENT_MIN_CHARS = 200

PAYWALL_WARNING = "paywalled: only the teaser"


def gallery_blocks(walk: Walk, sel: Selection, ignore: frozenset[int]) -> list[RawBlock] | None:
    """The body of a gallery page (its kept text and its captions, in page order), or None when
    the page is not a gallery."""
    if sum(len(b.text) for b in sel.kept_raw) >= GALLERY_MAX_BODY_CHARS:
        return None
    kept = {id(b) for b in sel.kept_raw}
    out: list[RawBlock] = []
    seen: set[str] = set()
    captions = 0
    for b in walk.blocks:
        if id(b) in kept:
            out.append(b)
            continue
        if not _gallery_text(b, ignore):
            continue
        text, _ = split_credit(b.text)
        if len(text) < CAPTION_MIN_CHARS or text in seen:
            continue
        seen.add(text)
        out.append(RawBlock(text, "paragraph", b.tag, b.owner, b.link_chars, b.flags, False, b.content_hint, True))
        captions += b.caption
    return out if captions >= GALLERY_MIN_CAPTIONS else None


def _gallery_text(b: RawBlock, ignore: frozenset[int]) -> bool:
    """A caption, or a line of the gallery itself (marked "gallery" only, not a teaser or menu)."""
    flags = [r for i, r in b.flags if i not in ignore]
    if not (b.caption or flags) or any(r not in WEAK_REASONS for r in flags):
        return False
    return b.kind != "heading" and b.link_density <= KEEP_MAX_LINK_DENSITY and reason_for_text(b.text) is None


def paywall_warning(root: Any, free: bool | None, paywalled: list[str], walk: Walk,
                    container: Candidate | None, body_chars: int) -> str | None:
    """The warning of a page that shows only a teaser of a paywalled article, or None."""
    if body_chars >= TEASER_MAX_CHARS:
        return None
    if free is False or paywalled:
        if any(_selected_chars(root, s) >= PRESENT_MIN_CHARS for s in paywalled):
            return None  # the subscriber part is in the page: the body is whole
    elif not (walk.paywalls and container is not None and any(i > container.index for i in walk.paywalls)):
        return None
    return f"{PAYWALL_WARNING} ({body_chars} characters); the rest of the article is for subscribers"


# One compound selector: an optional tag, then classes and ids (".paywalled-content", "div#body").
_SIMPLE_SELECTOR = re.compile(r"([a-zA-Z][\w-]*)?((?:[.#][\w-]+)+)$")
_PART = re.compile(r"([.#])([\w-]+)")


def _selected_chars(root: Any, selector: str) -> int:
    """Text length of the elements a simple CSS selector (``.a``, ``#b``, ``div.c``, lists of these)
    selects; 0 for selectors it does not understand."""
    total = 0
    for one in selector.split(","):
        m = _SIMPLE_SELECTOR.search(one.strip())
        if m is None:
            continue
        tests = [f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')" if kind == "." else f"@id='{name}'"
                 for kind, name in _PART.findall(m.group(2))]
        path = f"//{m.group(1) or '*'}[{' and '.join(tests)}]"
        total += sum(len(" ".join(el.text_content().split())) for el in root.xpath(path))
    return total
