"""One linear walk over the DOM: visible text cut into blocks, and per-element text statistics.

Every block-level element starts a new block; inline content (links, emphasis, spans) joins the
block it sits in. While walking, each element sums the "good" (long, link-poor) and "bad"
(link-heavy or boilerplate) characters below it, so the main container can be picked without a
second pass. A boilerplate element passes its good text up as bad: the statistics of its
ancestors see it as noise, its own statistics do not (so a mis-flagged wrapper can still win).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsmill.article import RemovedReason
from newsmill.extract.boilerplate import ROLE_REASONS, TAG_REASONS, is_content_attrs, reason_for_attrs

BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend"]
)
# Never visible as text.
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video", "head", "title", "link", "meta", "base", "input", "select", "textarea", "option"]
)
KIND_OF_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "dd": "list_item", "dt": "list_item", "blockquote": "quote",
    "pre": "code", "td": "table", "th": "table",
}
# Class/id flags never apply to these: a <body class="has-comments"> is still the page.
_UNFLAGGABLE = frozenset({"html", "body", "main", "article"})
_BR = "\u2028"
# Two line breaks in a row separate paragraphs in br-formatted pages.
_PARA_BREAK = re.compile("\u2028\\s*\u2028")
# Inline elements that are part of a sentence even when their class sounds like boilerplate.
_PHRASING = frozenset({"a", "b", "i", "em", "strong", "u", "sup", "sub", "abbr", "mark", "q", "code"})

# A block with less than this share of its characters in links is prose.
GOOD_MAX_LINK_DENSITY = 0.25
# Shorter blocks are neutral: headings, datelines and captions neither make nor break a container.
GOOD_MIN_CHARS = 50
# A block with more than this share of link text is navigation or a teaser.
BAD_MIN_LINK_DENSITY = 0.5


@dataclass(slots=True)
class RawBlock:
    text: str
    kind: str
    tag: str
    owner: Any  # the lxml element that holds the block
    link_chars: int
    flags: tuple[tuple[int, RemovedReason], ...]  # (element index, reason) of flagged ancestors
    caption: bool  # inside <figure>/<figcaption>
    content_hint: bool  # inside an element marked as the article body
    good: bool = False  # counted as article-like text in the container statistics

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


@dataclass(slots=True)
class Candidate:
    """An element with article-like text below it: a possible main container."""

    element: Any
    index: int  # pre-order index of the element
    first: int  # its blocks are blocks[first:last]
    last: int
    good: int
    bad: int
    neutral: int
    hint: bool  # marked as the article body (itemprop, class) or an <article>
    flags: tuple[int, ...]  # element indices of itself and ancestors marked as boilerplate


@dataclass(slots=True)
class _Frame:
    element: Any
    index: int
    first: int
    block_level: bool
    good: int = 0
    bad: int = 0
    neutral: int = 0
    flagged: bool = False
    hint: bool = False
    caption: bool = False
    split: bool = False


@dataclass
class Walk:
    blocks: list[RawBlock] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


def element_reason(el: Any, tag: str) -> RemovedReason | None:
    """Why an element is boilerplate, from its tag, role, hidden state or class/id."""
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return "markup"
    style = get("style")
    if style and ("none" in style or "hidden" in style):
        squashed = style.replace(" ", "").lower()
        if "display:none" in squashed or "visibility:hidden" in squashed:
            return "markup"
    reason = TAG_REASONS.get(tag)
    if reason is not None:
        return reason
    role = get("role")
    if role and role in ROLE_REASONS:
        return ROLE_REASONS[role]
    if tag in _UNFLAGGABLE:
        return None
    attrs = (get("class") or "") + " " + (get("id") or "")
    if len(attrs) > 1:
        return reason_for_attrs(attrs)
    return None


# Class words of picture captions outside <figure> (WordPress, German "Bildunterschrift").
_CAPTION_WORDS = ("caption", "bildunterschrift", "bildtext", "image-credit", "photo-credit")


def _is_caption_class(el: Any) -> bool:
    cls = el.get("class")
    if not cls:
        return False
    low = cls.lower()
    return any(w in low for w in _CAPTION_WORDS)


def _is_hint(el: Any, tag: str) -> bool:
    if tag == "article":
        return True
    if el.get("itemprop") == "articleBody":
        return True
    attrs = (el.get("class") or "") + " " + (el.get("id") or "")
    return len(attrs) > 1 and is_content_attrs(attrs)


class _Walker:
    def __init__(self, check_time: Callable[[], None]) -> None:
        self.out = Walk()
        self.stack: list[_Frame] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.kinds: list[str] = []
        self.flags: list[tuple[int, RemovedReason]] = []
        self.caption_depth = 0
        self.hint_depth = 0
        self.count = 0
        self.check_time = check_time

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts = []
        links, self.link_chars = self.link_chars, 0
        pieces = _PARA_BREAK.split(raw) if _BR in raw else [raw]
        for piece in pieces:
            text = " ".join(piece.replace(_BR, " ").split())
            if text:
                self._emit(text, min(links, len(text)) if len(pieces) == 1 else 0)

    def _emit(self, text: str, links: int) -> None:
        owner = self._owner()
        block = RawBlock(
            text=text,
            kind=self.kinds[-1] if self.kinds else "paragraph",
            tag=owner.tag if owner is not None else "",
            owner=owner,
            link_chars=links,
            flags=tuple(self.flags),
            caption=self.caption_depth > 0,
            content_hint=self.hint_depth > 0,
        )
        self.out.blocks.append(block)
        if not self.stack:
            return
        top = self.stack[-1]
        n = len(text)
        density = block.link_density
        if density >= BAD_MIN_LINK_DENSITY:
            top.bad += n
        elif n >= GOOD_MIN_CHARS and density <= GOOD_MAX_LINK_DENSITY and block.kind != "heading" \
                and not block.caption:
            top.good += n
            block.good = True
        else:
            top.neutral += n

    def _owner(self) -> Any:
        for frame in reversed(self.stack):
            if frame.block_level:
                return frame.element
        return None

    def start(self, el: Any, tag: str) -> None:
        self.count += 1
        block_level = tag in BLOCK_TAGS
        if tag == "br":
            self.parts.append(_BR)
        reason = element_reason(el, tag)
        # A flagged inline element (a kicker <span>, a credit <small>) becomes a block of its own,
        # so its text can be dropped without its sentence; emphasis and links stay in the sentence.
        split = block_level or (reason is not None and tag not in _PHRASING)
        if split:
            self.flush()
        frame = _Frame(el, self.count, len(self.out.blocks), block_level, split=split)
        if reason is not None:
            frame.flagged = True
            self.flags.append((self.count, reason))
        if tag in KIND_OF_TAG:
            self.kinds.append(KIND_OF_TAG[tag])
        if tag in ("figure", "figcaption") or (block_level and tag not in _UNFLAGGABLE and _is_caption_class(el)):
            frame.caption = True
            self.caption_depth += 1
        if tag == "a":
            self.link_depth += 1
        frame.hint = _is_hint(el, tag) if block_level else False
        if frame.hint:
            self.hint_depth += 1
        self.stack.append(frame)
        self.add(el.text)

    def end(self, el: Any, tag: str) -> None:
        frame = self.stack[-1]
        if frame.split:
            self.flush()
        self.stack.pop()
        self._close_frame(frame, tag, frame.hint)
        self.add(el.tail)

    def _close_frame(self, frame: _Frame, tag: str, hint: bool) -> None:
        flags = tuple(i for i, _ in self.flags)
        if frame.flagged:
            self.flags.pop()
        if tag in KIND_OF_TAG:
            self.kinds.pop()
        if frame.caption:
            self.caption_depth -= 1
        if tag == "a":
            self.link_depth -= 1
        if hint:
            self.hint_depth -= 1
        if frame.good > 0 and frame.block_level:
            self.out.candidates.append(
                Candidate(frame.element, frame.index, frame.first, len(self.out.blocks),
                          frame.good, frame.bad, frame.neutral, hint, flags)
            )
        if self.stack:
            parent = self.stack[-1]
            if frame.flagged:
                parent.bad += frame.good + frame.bad + frame.neutral
            else:
                parent.good += frame.good
                parent.bad += frame.bad
                parent.neutral += frame.neutral


# Check the time budget once per this many elements: often enough to stop a runaway page
# within milliseconds, rarely enough to cost nothing.
TIME_CHECK_EVERY = 2000


def walk(root: Any, check_time: Callable[[], None]) -> Walk:
    """Cut the visible text of ``root`` into blocks and collect container candidates."""
    import lxml.etree

    w = _Walker(check_time)
    it = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in it:
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end":
                w.add(el.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if tag in SKIP_TAGS:
                it.skip_subtree()
                w.stack.append(_Frame(el, -1, 0, False))
                if tag == "br":
                    w.parts.append(_BR)
                continue
            w.start(el, tag)
            if w.count % TIME_CHECK_EVERY == 0:
                check_time()
        else:
            if w.stack and w.stack[-1].index == -1:
                w.stack.pop()
                w.add(el.tail)
                continue
            w.end(el, tag)
    w.flush()
    return w.out
