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
from functools import lru_cache
from typing import Any

from newsmill.article import RemovedReason
from newsmill.extract.boilerplate import (
    ROLE_REASONS,
    TAG_REASONS,
    is_content_attrs,
    is_paywall_attrs,
    is_permalink_attrs,
    reason_for_attrs,
)
from newsmill.extract.html.dom import INVISIBLE_TAGS
from newsmill.extract.options import BudgetExceeded

BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "caption", "legend"]
)
# Never visible as text: what ``strip_invisible`` removes, plus the title and form controls.
SKIP_TAGS = frozenset(INVISIBLE_TAGS) | {"title", "input", "select", "textarea", "option"}
KIND_OF_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
    "h6": "heading", "li": "list_item", "dd": "list_item", "dt": "list_item", "blockquote": "quote",
    "pre": "code", "tr": "table",
}
# Class/id flags never apply to these: a <body class="has-comments"> is still the page.
_UNFLAGGABLE = frozenset({"html", "body", "main", "article"})
_BR = "\u2028"
_CELLS = frozenset({"td", "th"})
# Soft hyphens, zero-width spaces and byte-order marks are line-breaking hints, not text: kept,
# they split words for every search, quote and name ("Touristen\xadattraktion"). The joiners
# stay (emoji sequences and Persian spelling need them).
_INVISIBLE = str.maketrans("", "", "\xad\u200b\ufeff")
# Two line breaks in a row separate paragraphs in br-formatted pages.
_PARA_BREAK = re.compile("\u2028\\s*\u2028")
# "(CNN)President": a source tag styled apart by CSS (margin, not a space) runs into the first word.
# Only an acronym in parentheses: "(Forst-)Straßen", "(Holz)Balken" are German compounds.
_GLUED_AFTER_PAREN = re.compile(r"(\([A-Z]{2,5}\))(?=[A-ZÄÖÜ][a-zäöüß])")
# Inline elements that need the full treatment even without attributes.
_SPECIAL_INLINE = frozenset({*KIND_OF_TAG, "figure", "figcaption", "td", "th"})
# Inline elements that are part of a sentence even when their class sounds like boilerplate.
_PHRASING = frozenset({"a", "b", "i", "em", "strong", "u", "sup", "sub", "abbr", "mark", "q", "code"})

# A block with less than this share of its characters in links is prose.
GOOD_MAX_LINK_DENSITY = 0.25
# Shorter blocks are neutral: headings, datelines and captions neither make nor break a container.
GOOD_MIN_CHARS = 50
# Boilerplate-marked subtrees with more text than this (and few links) are walked element by
# element: menus, share bars and footers are shorter, mislabelled content wrappers longer.
COLLAPSE_MAX_CHARS = 1500
# Headings are short; a "heading" this long is a paragraph styled with <h2>-<h4> (blogs, leads).
LONG_HEADING_CHARS = 150
# Marks that are right for a few lines but wrong for a wrapper: "js-lightbox-gallery" classes sit
# on media objects that hold the text beside the picture. Their blocks are still dropped inside a
# container, but they neither penalise a container nor count as noise. (Making credit and
# kicker marks weak too was measured: no gain.)
WEAK_REASONS = frozenset({"gallery"})
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
    boxed: bool = False  # a caption because it sits in a box beside one picture (``_picture_box``)

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
    weak: bool = False  # flagged for a reason that says little about a whole container
    pictures: int = 0  # <img> below it that are not icons
    picture_at: int = -1  # block count at its first picture (-1: text of the block before it)
    links: int = 0  # links below it that point with a picture or an empty box (``_is_pointer``)


@dataclass
class Walk:
    blocks: list[RawBlock] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    # Pre-order indices of the paywall and registration boxes (short elements named so).
    paywalls: list[int] = field(default_factory=list)
    boxes: int = 0  # picture boxes whose text became captions (see ``_picture_box``)
    # Runs of adjacent picture boxes: (first block, last block + 1, number of boxes).
    box_runs: list[tuple[int, int, int]] = field(default_factory=list)
    forms: list[Any] = field(default_factory=list)  # the <form> elements, in page order
    # Teaser cards (see ``_card``): (parent element, tag, class, first block, last block + 1).
    cards: list[tuple[Any, str, str | None, int, int]] = field(default_factory=list)
    # Set when the time budget ran out mid-walk: the blocks are then those of the page up to there,
    # and the candidates miss every element still open (the statistics are incomplete).
    stopped: BudgetExceeded | None = None
    _by_element: dict[int, Candidate] | None = None

    def by_element(self) -> dict[int, Candidate]:
        """The candidates by ``id`` of their element, built once per page for all who ask."""
        if self._by_element is None:
            self._by_element = {id(c.element): c for c in self.candidates}
        return self._by_element


def element_reason(el: Any, tag: str) -> RemovedReason | None:
    """Why an element is boilerplate, from its tag, role, hidden state or class/id."""
    return profile(el, tag)[0]


_CAPTION_TAGS = frozenset({"figure", "figcaption"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


# Attributes that can make an element boilerplate, the article or a caption.
_TELLING_ATTRS = frozenset({"class", "id", "itemprop", "hidden", "aria-hidden", "style", "role"})


def profile(el: Any, tag: str) -> tuple[RemovedReason | None, bool, bool, bool]:
    """(boilerplate reason, marked as article body, is a caption, named as a paywall box) of one
    element."""
    items = el.items()
    # One C call for all attributes, then dict reads: cheaper than up to eight ``el.get`` calls.
    attrs = dict(items) if items else None
    if attrs is None or _TELLING_ATTRS.isdisjoint(attrs):
        return TAG_REASONS.get(tag), tag == "article", tag in _CAPTION_TAGS, False
    get = attrs.get
    if _STATE_ATTRS.isdisjoint(attrs):  # class and id only: the whole profile is cached
        return _class_only_profile(tag, get("class") or "", get("id") or "")
    class_reason, content, caption, paywall = _class_profile(tag, get("class") or "", get("id") or "")
    hint = content or get("itemprop") == "articleBody"
    return _attr_reason(get, tag) or class_reason, hint, caption, paywall


# The telling attributes besides class and id (see ``_attr_reason``).
_STATE_ATTRS = _TELLING_ATTRS - {"class", "id"}


@lru_cache(maxsize=8192)
def _class_only_profile(tag: str, cls: str, id_: str) -> tuple[RemovedReason | None, bool, bool, bool]:
    """``profile`` of an element whose only telling attributes are class and id."""
    class_reason, content, caption, paywall = _class_profile(tag, cls, id_)
    return TAG_REASONS.get(tag) or class_reason, content, caption, paywall


@lru_cache(maxsize=8192)
def _class_profile(tag: str, cls: str, id_: str) -> tuple[RemovedReason | None, bool, bool, bool]:
    attrs = f"{cls} {id_}"
    content = tag == "article" or (len(attrs) > 1 and is_content_attrs(attrs))
    # A heading is never a caption by its class: "caption" there names a type style.
    caption = tag in _CAPTION_TAGS or (bool(cls) and tag in BLOCK_TAGS and tag not in _UNFLAGGABLE
                                       and tag not in _HEADINGS and _is_caption_class(cls))
    # Headings carry anchor ids made from their words ("nav_nur_die_folie"); a heading in a menu
    # is marked by the menu around it.
    class_words = tag not in _UNFLAGGABLE and tag not in _HEADINGS and len(attrs) > 1
    reason = reason_for_attrs(attrs) if class_words else None
    paywall = len(attrs) > 1 and tag not in _UNFLAGGABLE and not content and is_paywall_attrs(attrs)
    return reason, content, caption, paywall


def _attr_reason(get: Any, tag: str) -> RemovedReason | None:
    """The reason from tag, hidden state and role (class words come from ``_class_profile``)."""
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
    return None


# Class words of picture captions outside <figure> (WordPress, German "Bildunterschrift").
_CAPTION_WORDS = re.compile("caption|bildunterschrift|bildtext|image-credit|photo-credit", re.I)


@lru_cache(maxsize=4096)
def _is_caption_class(cls: str) -> bool:
    return _CAPTION_WORDS.search(cls) is not None


@lru_cache(maxsize=1)
def _collapse_xpaths() -> tuple[Any, Any]:
    """The subtree's text and its links' text, compiled once (``el.xpath(str)`` compiles per call)."""
    import lxml.etree

    # Plain strings: lxml's default "smart" strings each keep a reference to their element (~35 %
    # slower here).
    return lxml.etree.XPath("string()", smart_strings=False), lxml.etree.XPath(".//a//text()", smart_strings=False)


def _holds_quote(el: Any) -> bool:
    """The element's first child element is a <blockquote>: the markup of an embedded post
    (a share bar or a follow box holds buttons and links, never a quotation)."""
    for child in el.iterchildren("*"):
        return bool(child.tag == "blockquote")
    return False


# Where a picture link goes when it only enlarges the picture (a lightbox), not to another page.
_PICTURE_FILES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg")


def _is_pointer(el: Any) -> bool:
    """A link that shows no words: an empty box stretched over a teaser card, or a picture that
    leads to another page (a picture that opens itself enlarged is no pointer)."""
    if (el.text or "").strip():
        return False
    n = len(el)
    if n == 0:
        return True
    if n > 1 or el[0].tag not in ("img", "picture", "amp-img") or (el[0].tail or "").strip():
        return False
    return not el.get("href", "").lower().split("?")[0].endswith(_PICTURE_FILES)


def _is_link(el: Any) -> bool:
    """An anchor without href (<a name="…">) is a target, not a link."""
    return el.get("href") is not None


# What a permalink beside a heading shows instead of words.
_PERMALINK_SYMBOLS = frozenset({"¶", "#", "§", "🔗", "⚓", "∞"})


def _is_permalink(el: Any) -> bool:
    cls = el.get("class")
    if cls and is_permalink_attrs(cls):
        return True
    text = el.text
    return text is not None and len(text) <= 3 and text.strip() in _PERMALINK_SYMBOLS \
        and (el.get("href") or "").startswith("#")


_ARTICLE_TAGS = ("h1", "article", "main")


def _article_holders(root: Any) -> set[Any]:
    """The elements that are or hold an <h1>, <article> or <main>: one C-filtered pass over those
    few elements and their ancestors, instead of a subtree search at every marked element."""
    holders: set[Any] = set()
    for el in root.iter(*_ARTICLE_TAGS):
        if el in holders:
            continue
        holders.add(el)
        for up in el.iterancestors():
            if up in holders:
                break
            holders.add(up)
    return holders


class _Walker:
    def __init__(self, root: Any = None) -> None:
        self.root = root
        self.holders: set[Any] | None = None  # see ``_holds_article``, built on first use
        self.out = Walk()
        self.stack: list[_Frame] = []  # every open element, with the walk's markers for inline ones
        self.real: list[_Frame] = []  # the open elements that keep statistics (innermost last)
        self.owners: list[Any] = []  # the open block-level elements (innermost last)
        self.parts: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.kinds: list[str] = []
        self.flags: list[tuple[int, RemovedReason]] = []
        self.caption_depth = 0
        self.hint_depth = 0
        self.count = 0

    def add(self, text: str | None) -> None:
        if text:
            # Whitespace before a block's first text is never part of it (outside code, where it is
            # indentation): not keeping it spares the flush of an empty block at every element edge.
            if not self.parts and text.isspace() and not (self.kinds and self.kinds[-1] == "code"):
                return
            self.parts.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        if "\xad" in raw or "\u200b" in raw or "\ufeff" in raw:
            raw = raw.translate(_INVISIBLE)
        self.parts = []
        links, self.link_chars = self.link_chars, 0
        code = bool(self.kinds) and self.kinds[-1] == "code"
        if not code and _BR not in raw:  # the common case: one piece of running text
            text = " ".join(raw.split())
            if ")" in text:
                text = _GLUED_AFTER_PAREN.sub(r"\1 ", text)
            if text:
                self._emit(text, min(links, len(text)))
            return
        pieces = _PARA_BREAK.split(raw) if _BR in raw else [raw]
        for piece in pieces:
            if code:  # a program's lines are its syntax: keep them, and their indentation
                lines = piece.replace(_BR, "\n").replace("\t", "    ").splitlines()
                text = "\n".join(line.rstrip() for line in lines if line.strip())
            else:
                text = " ".join(piece.replace(_BR, " ").split())
                if ")" in text:
                    text = _GLUED_AFTER_PAREN.sub(r"\1 ", text)
            if text:
                self._emit(text, min(links, len(text)) if len(pieces) == 1 else 0)

    def _emit(self, text: str, links: int) -> None:
        owner = self.owners[-1] if self.owners else None
        kind = self.kinds[-1] if self.kinds else "paragraph"
        if kind == "heading" and len(text) >= LONG_HEADING_CHARS:
            kind = "paragraph"  # body text set in heading tags for its size, not a heading
        block = RawBlock(
            text=text,
            kind=kind,
            tag=owner.tag if owner is not None else "",
            owner=owner,
            link_chars=links,
            flags=tuple(self.flags),
            caption=self.caption_depth > 0,
            content_hint=self.hint_depth > 0,
        )
        self.out.blocks.append(block)
        if not self.real:
            return
        top = self.real[-1]
        n = len(text)
        density = links / max(1, n)
        if density >= BAD_MIN_LINK_DENSITY:
            top.bad += n
        elif n >= GOOD_MIN_CHARS and density <= GOOD_MAX_LINK_DENSITY and block.kind != "heading" \
                and not block.caption:
            top.good += n
            block.good = True
        else:
            top.neutral += n

    def start(self, el: Any, tag: str, prof: tuple[RemovedReason | None, bool, bool, bool] | None = None) -> bool:
        """Open an element (``prof``: its ``profile`` when known); returns True when its subtree
        was read whole (do not descend)."""
        self.count += 1
        block_level = tag in BLOCK_TAGS
        if tag == "br":
            self.parts.append(_BR)
        elif tag in _CELLS:
            self.parts.append(" ")  # a table row is one block, its cells apart
        reason, hint, caption, paywall = prof or profile(el, tag)
        if tag == "form":
            self.out.forms.append(el)
        if reason == "call_to_action" and _holds_quote(el):
            reason = None  # a "social-embed" wrapper around an embedded post: the post is quoted text
        if paywall and self._is_box(el):
            # A paywall box, not a wrapper named after the paywall vendor ("steady-paywall-container"
            # on the whole post): what it says is an offer.
            reason = reason or "call_to_action"
            self.out.paywalls.append(self.count)
        # A flagged inline element (a kicker <span>, a credit <small>) becomes a block of its own,
        # so its text can be dropped without its sentence; emphasis and links stay in the sentence.
        split = block_level or (reason is not None and tag not in _PHRASING)
        if split and self.parts:
            self.flush()
        frame = _Frame(el, self.count, len(self.out.blocks), block_level, 0, 0, 0, False, False, False, split)
        if reason is not None:
            frame.flagged = True
            frame.weak = reason in WEAK_REASONS
            self.flags.append((self.count, reason))
        if tag in KIND_OF_TAG:
            self.kinds.append(KIND_OF_TAG[tag])
        if caption:
            frame.caption = True
            self.caption_depth += 1
        frame.hint = hint and block_level
        if frame.hint:
            self.hint_depth += 1
        self.stack.append(frame)
        self.real.append(frame)
        if block_level:
            self.owners.append(el)
        if split and reason is not None and not frame.weak and not self._holds_article(el):
            share = self._collapse(el)
            if share is None:
                return True
            if reason == "navigation" and share < GOOD_MAX_LINK_DENSITY and tag not in TAG_REASONS \
                    and el.get("role") not in ROLE_REASONS:
                # A "menu" by its class with pages of link-poor prose is a wrapper named for the
                # tab bar or menu it also holds (product tabs, an off-canvas page): navigation is links.
                frame.flagged = False
                self.flags.pop()
        self.add(el.text)
        return False

    def _holds_article(self, el: Any) -> bool:
        """A boilerplate-marked element around the headline or an <article> is a mislabelled wrapper."""
        if self.holders is None:
            self.holders = _article_holders(self.root)
        return el in self.holders

    @staticmethod
    def _is_box(el: Any) -> bool:
        all_text, _ = _collapse_xpaths()
        return len(str(all_text(el))) <= COLLAPSE_MAX_CHARS

    def _collapse(self, el: Any) -> float | None:
        """Read a boilerplate subtree (menu, footer, share bar) in two C calls as one removed block:
        most of a page's elements are there and walking them costs. Large link-poor subtrees
        are walked after all: a mislabelled wrapper may hold the article. Returns None when the
        subtree was read whole, else its share of link text."""
        all_text, link_texts = _collapse_xpaths()
        text = str(all_text(el))
        links = sum(map(len, map(str.strip, link_texts(el))))
        if len(text) > COLLAPSE_MAX_CHARS and links < BAD_MIN_LINK_DENSITY * len(text):
            return links / len(text)
        self.parts = [text]
        self.link_chars = links
        self.flush()
        return None

    def end(self, el: Any, tag: str) -> None:
        frame = self.stack.pop()
        if frame.split and self.parts:
            self.flush()
        self.real.pop()
        if frame.block_level:
            self.owners.pop()
        self._close_frame(frame, tag)
        tail = el.tail
        if tail:
            self.add(tail)

    def _close_frame(self, frame: _Frame, tag: str) -> None:
        if frame.good > 0 and frame.block_level:
            self.out.candidates.append(
                Candidate(frame.element, frame.index, frame.first, len(self.out.blocks),
                          frame.good, frame.bad, frame.neutral, frame.hint,
                          tuple(i for i, r in self.flags if r not in WEAK_REASONS))
            )
        if frame.flagged:
            self.flags.pop()
        if tag in KIND_OF_TAG:
            self.kinds.pop()
        if frame.caption:
            self.caption_depth -= 1
        if frame.hint:
            self.hint_depth -= 1
        pictures = frame.pictures
        if pictures and not frame.caption and frame.block_level:
            self._picture_box(frame)
        if frame.links and frame.block_level:
            self._card(frame)
        if self.real:
            parent = self.real[-1]
            parent.links += frame.links
            if pictures:
                if not parent.pictures:
                    parent.picture_at = frame.picture_at
                parent.pictures += pictures
            if frame.flagged and not frame.weak:
                parent.bad += frame.good + frame.bad + frame.neutral
            else:
                parent.good += frame.good
                parent.bad += frame.bad
                parent.neutral += frame.neutral


    def _picture_box(self, frame: _Frame) -> None:
        """A box that holds one picture and a line or two of text is a figure without the tag
        (``<div class="image-box"><img><p>…</p></div>``, an image with its legend): its text is
        the caption."""
        if frame.pictures > BOX_MAX_PICTURES or frame.element.tag not in _BOX_TAGS:
            return
        chars = frame.good + frame.neutral + frame.bad
        blocks = self.out.blocks
        if not 0 < chars <= BOX_MAX_CHARS or len(blocks) - frame.first > BOX_MAX_BLOCKS:
            return
        if frame.picture_at != frame.first:
            return  # text above the picture: a standfirst over its title picture, not a caption
        inside = blocks[frame.first:]
        if any(b.kind != "paragraph" or b.caption for b in inside):
            return  # a teaser card (picture, headline, summary), a list of points, or a figure already
        for b in inside:
            b.caption = b.boxed = True
        self.out.boxes += 1
        runs = self.out.box_runs
        if runs and runs[-1][1] == frame.first:
            runs[-1] = (runs[-1][0], len(blocks), runs[-1][2] + 1)
        else:
            runs.append((frame.first, len(blocks), 1))

    def _card(self, frame: _Frame) -> None:
        """Note a teaser card: a few short blocks (a date, a headline, two lines of summary) beside
        a link that points with a picture or with an empty box laid over the card. Only a run of
        them among siblings is a teaser list (``select``); one alone is a figure or a box."""
        blocks = self.out.blocks
        n = len(blocks) - frame.first
        if not CARD_MIN_BLOCKS <= n <= CARD_MAX_BLOCKS or frame.good + frame.neutral + frame.bad > CARD_MAX_CHARS:
            return
        el = frame.element
        self.out.cards.append((el.getparent(), el.tag, el.get("class"), frame.first, len(blocks)))

    def picture(self, el: Any) -> None:
        """Count an <img> that is not an icon or a tracking pixel for the innermost element."""
        if self.real and not _tiny(el.get("width")) and not _tiny(el.get("height")):
            top = self.real[-1]
            if not top.pictures:
                top.picture_at = -1 if self.parts else len(self.out.blocks)
            top.pictures += 1


# A picture box holds at most this many pictures (more are a gallery: see ``kinds``), ...
BOX_MAX_PICTURES = 1
# ... at most this many characters of text beside it ...
BOX_MAX_CHARS = 500
# ... in at most this many blocks (a caption, its credit, a label).
BOX_MAX_BLOCKS = 3
_BOX_TAGS = frozenset({"div", "section", "center"})
# A teaser card holds this many blocks (a date or kicker, a headline, a summary, "read more") ...
CARD_MIN_BLOCKS = 2
CARD_MAX_BLOCKS = 5
# ... of at most this many characters in all.
CARD_MAX_CHARS = 600
# Pictures declared smaller than this (px) are icons, logos and tracking pixels.
_MIN_PICTURE_PX = 100


def _tiny(size: str | None) -> bool:
    return size is not None and size.isdigit() and int(size) < _MIN_PICTURE_PX


# Check the time budget once per this many elements: often enough to stop a runaway page
# within milliseconds, rarely enough to cost nothing.
TIME_CHECK_EVERY = 2000


def walk(root: Any, check_time: Callable[[], None]) -> Walk:
    """Cut the visible text of ``root`` into blocks and collect container candidates.

    When ``check_time`` raises ``BudgetExceeded`` the walk stops there and returns the blocks found
    so far with ``stopped`` set, so the caller can still make a partial Article of them."""
    w = _Walker(root)
    try:
        _walk_into(w, root, check_time)
    except BudgetExceeded as exc:
        w.out.stopped = exc
    w.flush()
    return w.out


# What the walk does at an element's start, by tag (one dict read instead of five set tests).
# _PLAIN_IF_BARE and _CELL elements are neither block-level nor captions nor part kinds: unless
# their attributes flag them, they are plain inline text (a table cell adds a space), and an
# element frame for them would only pass its statistics up.
_SKIP, _INLINE, _FULL, _PLAIN_IF_BARE, _CELL = 0, 1, 2, 3, 4


def _tag_actions() -> dict[str, int]:
    actions = {tag: _SKIP for tag in SKIP_TAGS}
    actions.update({tag: _INLINE for tag in _PHRASING if tag not in actions})
    actions.update({tag: _CELL for tag in _CELLS if tag not in actions and tag not in TAG_REASONS})
    actions.update({tag: _FULL for tag in (*_SPECIAL_INLINE, *BLOCK_TAGS, *TAG_REASONS) if tag not in actions})
    return actions


_TAG_ACTIONS = _tag_actions()


def _walk_into(w: _Walker, root: Any, check_time: Callable[[], None]) -> None:
    import lxml.etree

    stack = w.stack
    push, pop = stack.append, stack.pop
    add, start, end = w.add, w.start, w.end
    actions = _TAG_ACTIONS
    skip = _Frame(None, -1, 0, False)  # marks an element whose subtree is not visited
    plain = _Frame(None, -2, 0, False)  # an inline element without attributes: only its text counts
    link = _Frame(None, -3, 0, False)  # a link: its text counts as link text
    it = lxml.etree.iterwalk(root, events=("start", "end"))
    skip_subtree = it.skip_subtree
    for event, el in it:
        tag = el.tag
        if event == "start":
            action = actions.get(tag, _PLAIN_IF_BARE) if tag.__class__ is str else _SKIP
            prof = None
            if action == _PLAIN_IF_BARE and not el.attrib:
                action = _INLINE
            elif action >= _PLAIN_IF_BARE:
                prof = profile(el, tag) if el.attrib else None
                if prof is None or (prof[0] is None and not prof[3]):
                    # Counted like every element that may be flagged, so element indices stay those
                    # of the full treatment.
                    w.count += 1
                    if action == _CELL:
                        w.parts.append(" ")
                    elif tag == "br":
                        w.parts.append(_BR)
                    elif tag == "img" or tag == "amp-img":
                        w.picture(el)
                    push(plain)
                    text = el.text
                    if text:
                        add(text)
                    if w.count % TIME_CHECK_EVERY == 0:
                        check_time()
                    continue
                action = _FULL
            if action == _FULL:
                if start(el, tag, prof):
                    skip_subtree()
                if w.count % TIME_CHECK_EVERY == 0:
                    check_time()
            elif action == _SKIP:
                skip_subtree()
                push(skip)
            else:
                # Links and emphasis never split a block, so their classes do not matter, except
                # a heading's permalink or edit link ("¶", "[edit]"): never text.
                if tag == "a":
                    if _is_permalink(el):
                        skip_subtree()
                        push(skip)
                        continue
                    if _is_link(el):
                        w.link_depth += 1
                        if w.real and _is_pointer(el):
                            w.real[-1].links += 1
                        push(link)
                    else:
                        push(plain)
                else:
                    if tag == "br":
                        w.parts.append(_BR)
                    push(plain)
                text = el.text
                if text:
                    add(text)
        else:
            top = stack[-1]
            if top is skip or top is plain or top is link:
                pop()
                if top is link:
                    w.link_depth -= 1
                tail = el.tail
                if tail:
                    add(tail)
            else:
                end(el, tag)
