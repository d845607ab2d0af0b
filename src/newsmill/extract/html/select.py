"""Pick the article's container among the walked elements, then keep or drop each block, with a reason."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from newsmill.article import Block, BlockKind, Removed, RemovedReason
from newsmill.extract.boilerplate import SECTION_CUE_MAX_CHARS, reason_for_text, section_cue
from newsmill.extract.html.comments import is_comment_section
from newsmill.extract.html.walk import (
    GOOD_MIN_CHARS,
    TIME_CHECK_EVERY,
    WEAK_REASONS,
    Candidate,
    RawBlock,
    Walk,
)

# Noise below a container costs as much as article text gains: a wrapper that adds a sidebar of
# equal size to the body is no better than the body alone.
BAD_WEIGHT = 1.0
# Short lines (headings, datelines, short paragraphs) count a little, so a wrapper that adds them
# to the body beats the bare body; a fifth keeps them from outweighing real paragraphs.
NEUTRAL_WEIGHT = 0.2
# Publisher markup (<article>, itemprop=articleBody, "article-body") is strong evidence: a marked
# element wins unless an unmarked one holds half again as much net text (a wrapper that adds a
# teaser list or a comment thread to the article).
HINT_BONUS = 1.5
# Inside the container, blocks with more link text than this are link lists or teasers.
KEEP_MAX_LINK_DENSITY = 0.5
# A link-heavy block shorter than this is a navigation item; longer ones are teasers.
NAV_MAX_CHARS = 40
# The article is where its headline is: a container holding the headline <h1>, or starting after
# it with no article-like text in between, is preferred over one of similar size elsewhere (a
# "similar articles" timeline after the story).
TITLE_BONUS = 1.25
# A container that is (or sits inside) boilerplate by its class or tag ("footer-text",
# "comment-body") keeps only this share of its score: it wins only when nothing else has text.
FLAGGED_FACTOR = 0.25
# Shorter repeated blocks ("DL", "Foto", "1") are table cells and labels, not copied paragraphs.
DUPLICATE_MIN_CHARS = 40
# JSON-LD articleBody is trusted as a voter only when it is this long (shorter ones are summaries).
BODY_VOTER_MIN_CHARS = 400
# How many of the best-scored containers the JSON-LD body chooses among.
BODY_VOTER_TOP = 5

_WORD = re.compile(r"\w+")


@dataclass
class Selection:
    blocks: list[Block] = field(default_factory=list)
    kept_raw: list[RawBlock] = field(default_factory=list)
    lead: RawBlock | None = None  # a standfirst found outside the body container
    removed: list[Removed] = field(default_factory=list)
    dropped: list[tuple[RemovedReason, list[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What the container choice knows beyond the statistics: wrapper marks to ignore and the
    block index of the headline."""

    ignore: frozenset[int] = frozenset()
    headline: int = -1
    next_good: int = -1  # index of the first article-like block after the headline

    def near_headline(self, c: Candidate) -> bool:
        if self.headline < 0:
            return False
        return c.first <= self.headline < c.last or self.headline < c.first <= self.next_good


def score(c: Candidate, ctx: Context = Context()) -> float:
    s = c.good + NEUTRAL_WEIGHT * c.neutral - BAD_WEIGHT * c.bad
    if s > 0 and c.hint:
        s *= HINT_BONUS
    if s > 0 and ctx.near_headline(c):
        s *= TITLE_BONUS
    ignore = ctx.ignore
    if s > 0 and _flagged(c, ignore):
        s *= FLAGGED_FACTOR
    return s


def _flagged(c: Candidate, ignore: frozenset[int]) -> bool:
    return any(i not in ignore for i in c.flags)


def context(walk: Walk, title: str | None) -> Context:
    """Find the headline: the heading that matches the title (an <h1> first), else the first <h1>
    when the page declares no title. Boilerplate marks on elements around it are wrong: a
    wrapper named "offcanvas" or "has-sidebar" holds the whole page."""
    pick = _headline(walk, title)
    if pick < 0:
        return Context()
    next_good = next((i for i in range(pick + 1, len(walk.blocks)) if walk.blocks[i].good), len(walk.blocks))
    return Context(frozenset(i for i, _ in walk.blocks[pick].flags), pick, next_good)


# A heading this short must equal the title to be the headline; longer ones may contain it or be
# contained in it (titles carry site names, headings carry kickers).
HEADLINE_MIN_OVERLAP_CHARS = 20


def _headline(walk: Walk, title: str | None) -> int:
    h1s = [i for i, b in enumerate(walk.blocks) if b.tag == "h1"]
    if title:
        tkey = _key(title)
        headings = h1s + [i for i, b in enumerate(walk.blocks) if b.kind == "heading" and b.tag != "h1"]
        for i in headings:
            key = _key(walk.blocks[i].text)
            if key == tkey or (len(key) >= HEADLINE_MIN_OVERLAP_CHARS and (key in tkey or tkey in key)):
                return i
    # Without a matching title, the first <h1> is the headline if it comes before the first
    # article-like paragraph (an <h1> after the text is a teaser's or the site's).
    first_good = next((i for i, b in enumerate(walk.blocks) if b.good), len(walk.blocks))
    return h1s[0] if h1s and h1s[0] < first_good else -1


def choose_container(walk: Walk, json_body: str | None, ctx: Context) -> Candidate | None:
    """The element whose subtree holds the most article text net of noise."""
    if not walk.candidates:
        return None
    # Python's sort is stable and candidates come in post-order (children first): of equal
    # scores the deeper element wins.
    ranked = sorted(walk.candidates, key=lambda c: score(c, ctx), reverse=True)
    top = list(islice((c for c in ranked if not is_comment_section(walk, c, ctx.headline, ctx.ignore)),
                      BODY_VOTER_TOP))
    if not top:
        return None  # only comments: no container, the fallback keeps the unmarked text
    best = top[0]
    if json_body and len(json_body) >= BODY_VOTER_MIN_CHARS:
        best = _vote_by_body(walk, top, json_body) or best
    best = _without_noisy_margin(walk, _headline_article(walk, best, ctx), ctx)
    return _with_sibling_parts(walk, _tiny_post(walk, _beyond_one_paragraph(walk, best, ctx), ctx))


# A wrapper whose text beyond its best child is at most this share of the child's article text ...
MARGIN_MAX_SHARE = 0.1
# ... and at least this much noise per character of article text in it is the child with a
# sidebar of promo boxes beside it (an issue's offers, an app box): the child is the article.
MARGIN_MIN_NOISE = 0.5


def _without_noisy_margin(walk: Walk, best: Candidate, ctx: Context) -> Candidate:
    """The child that holds nearly all of the winner's article text, when what the winner adds
    to it is a few short boxes thick with links (see MARGIN_MAX_SHARE)."""
    inner = [c for c in walk.candidates if best.first <= c.first and c.last <= best.last and c is not best
             and 0 < best.good - c.good <= MARGIN_MAX_SHARE * c.good
             and best.bad - c.bad >= MARGIN_MIN_NOISE * (best.good - c.good) and not _own_flags(c, best)
             and (ctx.near_headline(c) or not ctx.near_headline(best))
             # one paragraph is no article body (see _beyond_one_paragraph)
             and sum(1 for b in walk.blocks[c.first:c.last] if b.good) >= 2]
    # Of children with equal article text the outermost: it keeps the headings and lines around it.
    return max(inner, key=lambda c: (c.good, c.last - c.first)) if inner else best


def _headline_article(walk: Walk, best: Candidate, ctx: Context) -> Candidate:
    """The <article> that holds the headline, when the winner wraps it with other <article>s of
    another class (the "you may also like" posts below a post, the next story of an infinite
    scroll): those are other pieces. Articles of the headline's class are parts of one piece
    (see ``_with_sibling_parts``) and keep the winner."""
    if not best.first <= ctx.headline < best.last:
        return best
    owner = walk.blocks[ctx.headline].owner
    if owner is None:
        return best
    article = None
    for up in owner.iterancestors():
        if up is best.element:
            break
        if up.tag == "article":
            article = up
            break
    own = walk.by_element().get(id(article)) if article is not None else None
    if own is None or own.good < TINY_POST_CHARS:
        return best
    others = [c for c in walk.candidates if c.element.tag == "article" and best.first <= c.first
              and c.last <= best.last and (c.last <= own.first or c.first >= own.last) and c.good >= GOOD_MIN_CHARS]
    cls = own.element.get("class")
    if not others or any(c.element.get("class") == cls for c in others):
        return best
    return own


# A one-paragraph winner whose ancestor holds this many times its article text is one paragraph
# of a body that a teaser box inside it pushed down (link lists and teasers inside the body are
# dropped block by block anyway).
LONE_PARAGRAPH_FACTOR = 3.0


def _beyond_one_paragraph(walk: Walk, best: Candidate, ctx: Context) -> Candidate:
    if best.last - best.first > 1:
        return best
    by_element = walk.by_element()
    parent = _parent_of_paragraphs(best, by_element, ctx)
    if parent is not None:
        return parent
    for el in best.element.iterancestors():
        up = by_element.get(id(el))
        if up is None:
            continue
        if up.good >= LONE_PARAGRAPH_FACTOR * best.good and score(up, ctx) > 0 and not _flagged(up, ctx.ignore):
            return up
        if el.tag in ("body", "html"):
            break
    return best


def _parent_of_paragraphs(best: Candidate, by_element: dict[int, Candidate], ctx: Context) -> Candidate | None:
    """The parent of a one-paragraph winner whose sibling paragraphs (same tag, article-like, not
    marked) hold as much text again: the body, though a widget or a comment box inside it took
    the parent's score below zero (marked and link-heavy blocks are dropped one by one after)."""
    el = best.element
    parent = el.getparent()
    up = by_element.get(id(parent)) if parent is not None else None
    if up is None or parent.tag in ("body", "html") or _flagged(up, ctx.ignore):
        return None
    siblings = (by_element.get(id(s)) for s in parent.iterchildren(el.tag) if s is not el)
    rest = sum(c.good for c in siblings if c is not None and c.last - c.first == 1 and not _own_flags(c, up))
    return up if rest >= best.good else None


# A post with less article-like text than this is tiny: a quip, a link, a picture with two lines.
TINY_POST_CHARS = 300


def _tiny_post(walk: Walk, best: Candidate, ctx: Context) -> Candidate:
    """A tiny post's container is the element that holds its headline and the text right after it.

    Its one article-like line wins the container choice alone, without the short lines beside it
    ("– Ok.") or, when that line is the byline, without the post ("PDF: handout"). Climb to the
    nearest unflagged ancestor that holds the headline and the first unflagged block after it, as
    long as that adds no article-like text (then the scores compared it already); what else it
    adds is dropped block by block (marks, links, lonely short lines)."""
    if best.good >= TINY_POST_CHARS or ctx.headline < 0:
        return best
    after = next((i for i in range(ctx.headline + 1, len(walk.blocks))
                  if not _own_marks(walk.blocks[i], ctx.ignore)), ctx.headline)
    lo, hi = min(ctx.headline, best.first), max(after + 1, best.last)
    if best.first <= lo and hi <= best.last:
        return best
    by_element = walk.by_element()
    for el in best.element.iterancestors():
        up = by_element.get(id(el))
        if up is None or up.good > best.good or _flagged(up, ctx.ignore) or el.tag in ("body", "html"):
            return best
        if up.first <= lo and hi <= up.last:
            return up
    return best


def _own_marks(b: RawBlock, ignore: frozenset[int]) -> bool:
    return any(i not in ignore for i, _ in b.flags) or b.caption


def _with_sibling_parts(walk: Walk, best: Candidate) -> Candidate:
    """An article split into several elements of one kind (``<article class="story-part">`` with
    ads and teasers between them) is their parent: the hint bonus of one part must not cut off
    the rest. A sibling counts as a part when it has the same tag and class, article-like text,
    and no headline of its own: an infinite-scroll page stacks whole articles, each with its h1, and
    then no sibling is merged."""
    el = best.element
    parent = el.getparent()
    if parent is None or parent.tag in ("html", "body"):
        return best
    tag, cls = el.tag, el.get("class")
    if tag not in ("article", "section") and not cls:
        return best
    by_element = walk.by_element()
    siblings = [by_element.get(id(s)) for s in parent.iterchildren(tag) if s is not el and s.get("class") == cls]
    parts = [p for p in siblings if p is not None and p.good >= GOOD_MIN_CHARS and not _own_flags(p, best)]
    if not parts or any(_has_h1(p.element) for p in parts):
        return best
    return by_element.get(id(parent), best)


def _own_flags(part: Candidate, best: Candidate) -> bool:
    return any(i not in best.flags for i in part.flags)


def _has_h1(el: Any) -> bool:
    for _ in el.iter("h1"):
        return True
    return False


def _vote_by_body(walk: Walk, top: list[Candidate], body: str) -> Candidate | None:
    gold = set(_WORD.findall(body.lower()))
    best, best_f = None, 0.0
    for c in top:
        words = set(_WORD.findall(" ".join(b.text for b in walk.blocks[c.first:c.last]).lower()))
        hit = len(words & gold)
        if not hit:
            continue
        p, r = hit / len(words), hit / len(gold)
        f = 2 * p * r / (p + r)
        if f > best_f:
            best, best_f = c, f
    return best


def block_reason(b: RawBlock, container: Candidate | None, position: int,
                 ignore: frozenset[int] = frozenset()) -> RemovedReason | None:
    """Why block number ``position`` is not article text, or None to keep it."""
    inside = container is not None and container.first <= position < container.last
    flags = [f for f in b.flags if f[0] not in ignore] if ignore else b.flags
    if not inside:
        if flags:
            return flags[-1][1]
        if b.link_density > KEEP_MAX_LINK_DENSITY:
            return "navigation"
        return reason_for_text(b.text) or "other"
    assert container is not None
    for index, reason in flags:
        # A gallery or lightbox mark inside the body sits on a media object: its pictures are
        # the gallery, the long paragraph beside them is article text.
        if index > container.index and not (b.good and reason in WEAK_REASONS):
            return reason
    if b.link_density > KEEP_MAX_LINK_DENSITY:
        return "navigation" if len(b.text) < NAV_MAX_CHARS else "teaser"
    return reason_for_text(b.text)


def select(walk: Walk, container: Candidate | None, title: str | None,
           ignore: frozenset[int] = frozenset(), lead_at: int | None = None,
           check_time: Callable[[], None] = lambda: None, headline: int = -1) -> Selection:
    """Keep or drop each block; ``headline`` is the block index of the headline (``Context``)."""
    sel = Selection()
    title_key = _key(title) if title else None
    # Only lines about as long as the title can repeat it: the word key is not worth computing
    # for every block of the page.
    title_chars = 2 * len(title) + 20 if title else 0
    seen: set[str] = set()
    cut: _Cut | None = None
    reasons: dict[int, RemovedReason | None] = {}  # block_reason by block index, shared with the next step
    lonely = _lonely_short_blocks(walk, container, ignore, reasons)
    boxed_links = _link_boxes(walk, container, headline) | _teaser_cards(walk, container, headline)
    pitches = _form_boxes(walk, container, headline)
    boxed_body = _boxed_text_is_body(walk, container)
    # Three picture boxes or more in a row tell in pictures (a how-to's steps): their text is the body.
    step_blocks = {i for first, last, n in walk.box_runs if n >= STEP_MIN_BOXES for i in range(first, last)}
    links_before: list[int] = []  # per kept block: link-list items dropped since the kept block before it
    links = 0
    for i, b in enumerate(walk.blocks):
        if i % TIME_CHECK_EVERY == 0:
            check_time()
        if b.caption and not (b.boxed and (boxed_body or i in step_blocks)):
            continue  # captions become Image records, not body text and not "removed"
        if i == lead_at:
            sel.lead = b
            continue
        key = " ".join(b.text.lower().split())
        # The headline is Article.title; a line that repeats it (a gallery's or share box's title)
        # is the headline again, whatever its tag.
        if title_key and len(b.text) <= title_chars and _key(b.text) == title_key:
            _note(sel.dropped, b.text, "duplicate")
            continue
        # The heading that context() took for the headline is the title with a kicker or a site
        # name around it ("Thema Verbraucherschutz Mehr Transparenz …"): the title, not the body.
        if i == headline and b.kind == "heading":
            _note(sel.dropped, b.text, "duplicate")
            continue
        reason = reasons[i] if i in reasons else block_reason(b, container, i, ignore)
        if cut is not None and not cut.covers(b):
            cut = None
        if reason is None and cut is not None:
            reason = cut.reason
        elif reason is None and (cue := _cue(b)) is not None:
            cut = _Cut(b.owner.getparent() if b.owner is not None else None, cue)
            reason = cue
        if reason is None and i in lonely:
            reason = "other"
        if reason is None and i in boxed_links:
            reason = "teaser"
        if reason is None and i in pitches:
            reason = "call_to_action"
        if reason is None and i < headline and b.kind == "list_item" and b.link_chars:
            reason = "teaser"  # linked list items above the headline: a ticker, a menu, a teaser list
        if reason is None and len(key) >= DUPLICATE_MIN_CHARS and key in seen:
            reason = "duplicate"
        if reason is not None:
            _note(sel.dropped, b.text, reason)
            if b.link_density > KEEP_MAX_LINK_DENSITY:
                links += 1
            continue
        seen.add(key)
        sel.kept_raw.append(b)
        links_before.append(links)
        links = 0
    _drop_trailing_headings(sel)
    # After the trim: the tail's paragraph must not be what protected the lines before the link
    # list (a list of short points closing the article) from it.
    if _drop_tail_after_link_list(sel, links_before):
        while sel.kept_raw and sel.kept_raw[-1].kind == "heading":
            _note(sel.dropped, sel.kept_raw.pop().text, "other")
    sel.removed = [Removed(text="\n".join(texts), reason=reason) for reason, texts in sel.dropped]
    sel.blocks = [Block(kind=_kind(b.kind), text=b.text) for b in sel.kept_raw]
    return sel


# A short line (not a heading) counts as article text only next to article text: between link
# lists and boilerplate it is a label, a date or a teaser fragment (jusText's context rule).
def _lonely_short_blocks(walk: Walk, container: Candidate | None, ignore: frozenset[int],
                         reasons: dict[int, RemovedReason | None]) -> set[int]:
    """The short blocks of the container with no article text next to them; fills ``reasons``
    with the ``block_reason`` of each block it looks at."""
    if container is None or container.good == 0:
        return set()  # no article text to be next to: keep what the fallback found
    marks: list[tuple[int, int]] = []  # (block index, 1 good / -1 dropped anyway / 0 short), in order
    for i in range(container.first, container.last):
        b = walk.blocks[i]
        if b.caption or b.kind == "heading":
            continue
        reasons[i] = reason = block_reason(b, container, i, ignore)
        marks.append((i, 1 if b.good else -1 if reason is not None else 0))
    before: list[int] = []  # the nearest non-short mark before each entry (0: none)
    last = 0
    for _, mark in marks:
        before.append(last)
        last = mark or last
    lonely: set[int] = set()
    last = 0
    for (i, mark), prev in zip(reversed(marks), reversed(before), strict=True):
        if mark == 0 and prev != 1 and last != 1:
            lonely.add(i)
        last = mark or last
    return lonely


# A box inside the body with at least this many link-list items ...
LINK_BOX_MIN_ITEMS = 3
# ... more link text than other text, and at most this much article-like text is a link box
# ("Highlights aus dem Heft", "Mehr zum Thema" with a picture and a line of synopsis): its
# heading and synopsis go with its links.
LINK_BOX_MAX_GOOD_CHARS = 400


def _link_boxes(walk: Walk, container: Candidate | None, headline: int) -> set[int]:
    """The block indices of the link boxes inside the container (see LINK_BOX_MIN_ITEMS)."""
    if container is None:
        return set()
    out: set[int] = set()
    blocks = walk.blocks
    for c in walk.candidates:
        if not container.first <= c.first < c.last <= container.last or c is container:
            continue
        if c.good > LINK_BOX_MAX_GOOD_CHARS or c.bad <= c.good + c.neutral or c.first <= headline < c.last:
            continue
        items = sum(1 for b in blocks[c.first:c.last] if b.link_density > KEEP_MAX_LINK_DENSITY)
        if items >= LINK_BOX_MIN_ITEMS:
            # A heading right above the box is its title ("TR 7/2019" over the highlights).
            above = c.first - 1
            first = above if above > max(headline, container.first - 1) and blocks[above].kind == "heading" else c.first
            out.update(range(first, c.last))
    return out


# A box inside the body around a form (a donation, newsletter or poll form) with at most this
# much text is the form's pitch ("Sichere diesen Journalismus!", "Unser täglicher Newsletter …") ...
FORM_BOX_MAX_CHARS = 1200
# ... in at most this many blocks (a heading, a few lines, a label: a recipe card with its rating
# form holds a list of ingredients and steps) ...
FORM_BOX_MAX_BLOCKS = 8
# ... as long as it holds at most this share of the container's article text.
FORM_BOX_MAX_SHARE = 0.5


def _form_boxes(walk: Walk, container: Candidate | None, headline: int) -> set[int]:
    """The block indices of the boxes that hold a form and its pitch inside the container: the
    nearest element around the form with article-like text, if it is small (FORM_BOX_MAX_CHARS)."""
    if container is None or not walk.forms:
        return set()
    by_element = walk.by_element()
    out: set[int] = set()
    for form in walk.forms:
        for el in form.iterancestors():
            if el is container.element:
                break
            box = by_element.get(id(el))
            if box is None:
                continue
            if container.first <= box.first and box.last <= container.last and not box.first <= headline < box.last \
                    and box.good + box.neutral <= FORM_BOX_MAX_CHARS and box.last - box.first <= FORM_BOX_MAX_BLOCKS \
                    and box.good <= FORM_BOX_MAX_SHARE * container.good:
                out.update(range(box.first, box.last))
            break
    return out


# Sibling cards of one tag and class from this many on are a teaser list.
TEASER_CARDS_MIN = 3


def _teaser_cards(walk: Walk, container: Candidate | None, headline: int) -> set[int]:
    """The block indices of teaser lists inside the container: runs of sibling cards of one shape
    (``walk._card``), the "related articles" with pictures whose links carry no text."""
    if container is None or len(walk.cards) < TEASER_CARDS_MIN:
        return set()
    groups: dict[tuple[int, str, str | None], list[tuple[int, int]]] = {}
    for parent, tag, cls, first, last in walk.cards:
        if container.first <= first and last <= container.last and not first <= headline < last:
            groups.setdefault((id(parent), tag, cls), []).append((first, last))
    return {i for spans in groups.values() if len(spans) >= TEASER_CARDS_MIN
            for first, last in spans for i in range(first, last)}


# Picture boxes in a row from this many on are steps told in pictures, not captions.
STEP_MIN_BOXES = 3


def _boxed_text_is_body(walk: Walk, container: Candidate | None) -> bool:
    """Text in boxes beside a picture is the body, not captions, when the container's other
    article-like text is shorter: a short post that is a picture and its paragraph."""
    if container is None or not walk.boxes:
        return False
    boxed = plain = 0
    for b in walk.blocks[container.first:container.last]:
        if b.good:
            if b.boxed:
                boxed += len(b.text)
            elif not b.caption:
                plain += len(b.text)
    return plain < boxed


def _cue(b: RawBlock) -> RemovedReason | None:
    """The section cue of a heading, or of a short paragraph that is nothing but the cue."""
    if b.kind == "heading":
        return section_cue(b.text)
    if b.kind == "paragraph" and len(b.text) <= SECTION_CUE_MAX_CHARS and not b.good:
        return section_cue(b.text, alone=True)
    return None


@dataclass
class _Cut:
    """A recirculation or comment section opened by a cue heading: the rest of its parent."""

    parent: Any
    reason: RemovedReason

    def covers(self, b: RawBlock) -> bool:
        if self.parent is None or b.owner is None:
            return False
        return b.owner is self.parent or any(a is self.parent for a in b.owner.iterancestors())


# A link list of at least this many items ("Mehr zum Thema", the tag cloud, the related posts)
# closes the article when only a short tail follows it ...
TAIL_LINK_ITEMS = 2
# ... of at most this many characters ...
TAIL_MAX_CHARS = 500
# ... with this many times as much text before the list.
TAIL_BODY_FACTOR = 4


def _drop_tail_after_link_list(sel: Selection, links_before: list[int]) -> bool:
    """Drop the lines after the article's last link list when they are a short tail: a promo box,
    a job ad, a subscription offer or an author's line, not the rest of the article (that is
    longer). True when it dropped some."""
    kept = sel.kept_raw
    cut = next((t for t in range(len(kept) - 1, 0, -1) if links_before[t] >= TAIL_LINK_ITEMS), None)
    if cut is None:
        return False
    tail = sum(len(b.text) for b in kept[cut:])
    head = sum(len(b.text) for b in kept[:cut])
    if tail > TAIL_MAX_CHARS or head < TAIL_BODY_FACTOR * tail or not any(b.good for b in kept[:cut]):
        return False
    for b in kept[cut:]:
        _note(sel.dropped, b.text, "teaser")
    del kept[cut:]
    return True


def _drop_trailing_headings(sel: Selection) -> None:
    """Trim the end of the body: fragments after the last article-like paragraph ("Related"
    headings, dates, product boxes) are not sentences."""
    if any(b.good for b in sel.kept_raw):
        while sel.kept_raw and not sel.kept_raw[-1].good and not _sentence(sel.kept_raw[-1]) \
                and not _closing_list(sel.kept_raw):
            _note(sel.dropped, sel.kept_raw.pop().text, "other")
    while sel.kept_raw and sel.kept_raw[-1].kind == "heading" and not _sentence(sel.kept_raw[-1]):
        _note(sel.dropped, sel.kept_raw.pop().text, "other")


# A list of at least this many unlinked items closes an article as its points ("Qualified
# teams: England (Group A) …"), not as fragments.
CLOSING_LIST_MIN_ITEMS = 3


def _closing_list(kept: list[RawBlock]) -> bool:
    """The kept blocks end in CLOSING_LIST_MIN_ITEMS or more unlinked items of one list."""
    last = kept[-1]
    if last.kind != "list_item" or last.link_chars or last.owner is None:
        return False
    parent = last.owner.getparent()
    tail = kept[-CLOSING_LIST_MIN_ITEMS:]
    return len(tail) == CLOSING_LIST_MIN_ITEMS and all(
        b.kind == "list_item" and not b.link_chars and b.owner is not None and b.owner.getparent() is parent
        for b in tail)


_SENTENCE_END = tuple(".!?:;\"'»«“”’)…")
# A "heading" this long that ends in a full stop is a pull quote set in heading tags, not a title.
PULL_QUOTE_MIN_CHARS = 40


def _sentence(b: RawBlock) -> bool:
    text = b.text.rstrip()
    if b.kind == "heading":
        return len(text) >= PULL_QUOTE_MIN_CHARS and text.endswith(".")
    return b.kind in ("paragraph", "quote") and text.endswith(_SENTENCE_END)


def _kind(kind: str) -> BlockKind:
    if kind in ("heading", "quote", "list_item", "table", "code"):
        return kind  # type: ignore[return-value]
    return "paragraph"


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _note(removed: list[tuple[RemovedReason, list[str]]], text: str, reason: RemovedReason) -> None:
    """Record a dropped block; neighbours dropped for the same reason share one entry."""
    if removed and removed[-1][0] == reason:
        removed[-1][1].append(text)
    else:
        removed.append((reason, [text]))
