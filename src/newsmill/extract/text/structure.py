"""Text mode, step 4: recover the article's structure around and inside the body.

Above the body sit the section label, headline, lead, byline or source, date and pictures; in
it, paragraphs and subheadings; every line not used is recorded in ``removed`` with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsmill.article import Block, Image, Removed, RemovedReason
from newsmill.extract.lexicon import Lexicon, cue_key
from newsmill.extract.metadata.authors import agency_of
from newsmill.extract.text.classify import Label, caption_credit
from newsmill.extract.text.dates import find_date
from newsmill.extract.text.lines import Line, split_sentences
from newsmill.extract.text.meta import META_MAX_WORDS, person_name, read_byline, scan
from newsmill.extract.text.segment import Body

# Section headers after the body ("Kommentare", "Related stories") give their reason to the
# unlabelled lines that follow them.
SECTION_REASONS = frozenset({"teaser", "comments", "footer", "consent"})
# How far above the body the headline, lead and byline are looked for (non-blank lines).
HEADER_MAX_LINES = 12
# Debris that may stand inside the head (share bar, ad label, credit), and how much of it.
HEAD_INLINE_DEBRIS = frozenset({"credit", "call_to_action", "advertisement"})
HEAD_MAX_SKIPPED = 3
# A headline found in the page title must be this long to count (short words match anywhere).
HEADLINE_MIN_CHARS = 12
# Headlines have at least this many words (one or two words above it are a section label).
TITLE_MIN_WORDS = 3
# ... and at most this many: a longer line is a paragraph.
TITLE_MAX_WORDS = 30
# A head line longer than this with a sentence break inside is prose (a bio, a teaser text).
TITLE_PROSE_WORDS = 12
# A section label or kicker above the headline ("Lokales", "Kultur & Medien") is this short.
SECTION_MAX_WORDS = 3
# A caption printed twice (alt text and caption) is recognised from this many words on.
CAPTION_MIN_WORDS = 3
# A byline's names in the head are short (the head's meta lines share META_MAX_WORDS with meta).
BYLINE_MAX_WORDS = 6
# A byline line also carries its prefix and perhaps a month name ("Von Georg Kasch, 31. Oktober
# 2023"): this many words more than the names alone.
BYLINE_EXTRA_WORDS = 2
# A bare source or author line in the head ("dpa", "Georg Kasch") has at most this many words.
BARE_SOURCE_MAX_WORDS = 4
# A subheading is a short unpunctuated line; longer ones are paragraphs.
HEADING_MAX_WORDS = 15
# Inside the body, a short line that is debris only because it recurs (a speaker label "Atim:" in
# an interview, a fact-box label) is kept: the surrounding prose outweighs the weak evidence.
KEEP_REPEATED_IN_BODY = True
KEEP_NUMBERS_IN_BODY = True

# Sentences this long are compared to find a repeated copy of the body (short ones recur: "Ja.").
REPEAT_MIN_CHARS = 30
# ... and a line is a copy when this share of its sentences' text is: the second rendition breaks
# lines differently, gluing a heading or list number to a sentence ("2. Take inventory Leif ...").
REPEAT_MIN_SHARE = 0.6

_SITE_SUFFIX = re.compile(r"\s+(?:[|–—·:]{1,2}|-)\s+[^|–—·]{1,60}$")
_INNER_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÄÖÜ]")


@dataclass
class Parts:
    """The recovered fields, filled step by step."""

    section: str | None = None
    title: str | None = None
    lead: str | None = None
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    images: list[Image] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    # Where each output field came from, for the learned line model (``line_model``): the line of
    # every block (parallel to ``blocks``), of the headline and of the lead; lines used as meta.
    block_lines: list[int] = field(default_factory=list)
    title_line: int | None = None
    lead_line: int | None = None
    used: set[int] = field(default_factory=set)
    head_lines: set[int] = field(default_factory=set)  # lines the head walk judged, before the first block


@dataclass
class _Ctx:
    lines: list[Line]
    labels: list[Label]
    lex: Lexicon
    parts: Parts
    used: set[int] = field(default_factory=set)  # lines consumed into images
    bare_line_seen: bool = False  # the head's one bare short line that is no name or agency was taken
    headline: int | None = None  # the head line the page's own title repeats, when there is one
    sentences: set[str] = field(default_factory=set)  # the body's sentences so far (as cue keys)


def recover(lines: list[Line], labels: list[Label], body: Body, lex: Lexicon) -> Parts:
    """Fill ``Parts`` from the lines; ``body`` is the densest prose run found before."""
    ctx = _Ctx(lines, labels, lex, Parts())
    start = header_start(labels, body.start)
    if start > 0 and _section_label(lines, labels, start - 1):
        ctx.parts.section = lines[start - 1].text
        ctx.used.add(start - 1)
    meta = scan(lines, labels, start, (body.start, body.end), lex, ctx.used)
    ctx.used |= meta.used
    ctx.parts.published, ctx.parts.authors, ctx.parts.source = meta.published, meta.authors, meta.source
    for i in meta.cue_lines:
        _drop(ctx, i, "other")
    for i in range(start):
        if i not in ctx.used:
            _drop(ctx, i, "navigation")
    _find_images(ctx, start, body.end)
    ctx.headline = _headline_from_page_title(ctx, start, body.start)
    _walk(ctx, start, body.end)
    section: RemovedReason | None = None  # the kind of box the lines after the body sit in
    if ctx.parts.title is None:  # get_text dumps print the page's <title> first
        ctx.parts.title = _page_title(lines, labels)
        ctx.parts.title_line = 0 if ctx.parts.title is not None else None
    for i in range(body.end, len(lines)):
        if i in ctx.used:
            continue
        if labels[i].barrier and labels[i].reason in SECTION_REASONS:
            section = labels[i].reason  # type: ignore[assignment]
        _drop(ctx, i, section or ("teaser" if labels[i].kind in ("good", "medium") else "navigation"))
    ctx.parts.used = ctx.used
    return ctx.parts


def header_start(labels: list[Label], body_start: int) -> int:
    """Where the article's head begins: up to the nearest debris above the body.

    A share bar or ad label right above the body is stepped over: pages put them between the
    headline block and the text.
    """
    i, start, skipped = body_start, body_start, 0
    while i > 0 and body_start - i < HEADER_MAX_LINES:
        label = labels[i - 1]
        if label.is_bad and label.reason not in HEAD_INLINE_DEBRIS:
            break
        if label.is_bad and label.reason != "credit":
            skipped += 1
            if skipped > HEAD_MAX_SKIPPED:
                break
        else:
            start = i - 1
        i -= 1
    return start


def _section_label(lines: list[Line], labels: list[Label], i: int) -> bool:
    """A menu word right above the headline is the article's section ("Lokales", a linked kicker).

    Pages print the section label as a repeat of a menu entry or as a link, so the label is debris
    by its own evidence; its place (directly above a headline-like line) is what tells.
    """
    label = labels[i]
    if label.reason not in (None, "navigation") or not 1 <= label.words <= SECTION_MAX_WORDS:
        return False
    nxt = i + 1
    return nxt < len(lines) and _title_like(lines[nxt], labels[nxt]) and labels[nxt].words > label.words


def _drop(ctx: _Ctx, i: int, default: RemovedReason) -> None:
    label, line = ctx.labels[i], ctx.lines[i]
    text = line.raw.strip() if label.reason == "markup" or not line.text else line.text
    if text:
        reason = label.reason or default
        ctx.parts.removed.append(Removed(text=text, reason=reason))  # type: ignore[arg-type]


def _find_images(ctx: _Ctx, start: int, end: int) -> None:
    lines, labels = ctx.lines, ctx.labels
    for i in range(start, end):
        line = lines[i]
        for img in line.images:
            image = Image(url=img.url or None, alt=img.alt or None)
            nxt = i + 1
            if img.alt and nxt < end and lines[nxt].text == img.alt and not labels[nxt].is_bad:
                image.caption = img.alt  # html2text prints the alt text, the page then the caption
                ctx.used.add(nxt)
                _credit_below(ctx, image, nxt + 1, end)
            ctx.parts.images.append(image)
        if i in ctx.used:
            continue
        nxt = i + 1
        if labels[i].kind == "caption" and (found := caption_credit(line.text, ctx.lex)):
            if not (ctx.parts.images and ctx.parts.images[-1].caption == found[0]):  # printed twice
                ctx.parts.images.append(Image(caption=found[0], credit=found[1]))
            ctx.used.add(i)
        elif nxt < end and line.text and lines[nxt].text == line.text and labels[i].words >= CAPTION_MIN_WORDS:
            image = Image(caption=line.text)
            ctx.used.update((i, nxt))
            ctx.parts.removed.append(Removed(text=line.text, reason="duplicate"))
            _credit_below(ctx, image, nxt + 1, end)
            ctx.parts.images.append(image)
        elif labels[i].reason == "credit":
            _attach_credit(ctx, i)


def _credit_below(ctx: _Ctx, image: Image, j: int, end: int) -> None:
    """A credit line right under a caption belongs to that picture."""
    if j < end and ctx.labels[j].reason == "credit":
        image.credit = ctx.lines[j].text
        ctx.used.add(j)


def _attach_credit(ctx: _Ctx, i: int) -> None:
    images = ctx.parts.images
    if images and images[-1].credit is None and (images[-1].caption or images[-1].url):
        images[-1].credit = ctx.lines[i].text
        ctx.used.add(i)


def _walk(ctx: _Ctx, start: int, end: int) -> None:
    """Top to bottom: head fields first, then blocks once the first body paragraph is reached."""
    parts, labels = ctx.parts, ctx.labels
    in_body = False
    for i in range(start, end):
        if i in ctx.used:
            continue
        label = labels[i]
        if not in_body:
            parts.head_lines.add(i)
        if label.is_bad and not (in_body and _weak_debris(label)):
            _drop(ctx, i, "other")
            continue
        if label.kind in ("image", "caption"):
            _drop(ctx, i, "credit")
            continue
        if not in_body and _head_line(ctx, i):
            continue
        in_body = True
        _add_block(ctx, i)
    if parts.title is None and parts.blocks and parts.blocks[0].kind == "heading":
        parts.title = parts.blocks.pop(0).text
        parts.title_line = parts.block_lines.pop(0)


def _weak_debris(label: Label) -> bool:
    if label.repeated:
        return KEEP_REPEATED_IN_BODY
    return label.reason == "other" and KEEP_NUMBERS_IN_BODY


def _head_line(ctx: _Ctx, i: int) -> bool:
    """Consume line ``i`` as a head field; False when the body starts here."""
    parts, line, label = ctx.parts, ctx.lines[i], ctx.labels[i]
    text = line.text
    found = find_date(text, ctx.lex) if label.words <= META_MAX_WORDS and parts.published is None else None
    byline = _byline(ctx, i)  # "Von Georg Kasch, 31. Oktober 2023" carries both
    if found:
        parts.published = found
    if found or byline:
        return True
    if parts.title is None:
        if ctx.headline is not None and i < ctx.headline and _title_like(line, label):
            if parts.section is None:  # a kicker above the headline ("Dachzeile")
                parts.section = text
            else:
                _add_block(ctx, i)
            return True
        if _title_like(line, label):
            nxt = _next_text_line(ctx, i)
            if (
                parts.section is None
                and label.words <= SECTION_MAX_WORDS
                and nxt is not None
                and _title_like(ctx.lines[nxt], ctx.labels[nxt])
                and ctx.labels[nxt].words > label.words
            ):
                parts.section = text
            else:
                parts.title, parts.title_line = text, i
            return True
        nxt = _next_text_line(ctx, i)
        short = label.kind == "short" and label.words <= SECTION_MAX_WORDS and parts.section is None
        if short and nxt is not None and _title_like(ctx.lines[nxt], ctx.labels[nxt]):
            parts.section = text
            return True
        return False
    if parts.lead is None and label.kind in ("good", "medium") and (line.bold or _meta_follows(ctx, i)):
        parts.lead, parts.lead_line = text, i
        return True
    return label.kind == "short" and _bare_source(ctx, i)


def _page_title(lines: list[Line], labels: list[Label]) -> str | None:
    """The page's ``<title>`` that dumps print first, without the site name ("X | RosaMag").

    A first line without a site name is taken only when the page prints it again as a headline-like
    line: a lone first line may be anything (a skip link, a menu), but the ``<title>`` repeated in
    the page is the headline, also where the head walk stopped short of it (a caption or a byline
    row of debris between headline and body).
    """
    if not lines or lines[0].index != 0:
        return None
    text = _SITE_SUFFIX.sub("", lines[0].text).strip()
    words = len(text.split())
    if not TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS:
        return None
    if text != lines[0].text:
        return text
    repeated = any(line.text == text and _title_like(line, label) for line, label in zip(lines[1:], labels[1:], strict=True))
    return text if repeated else None


def _headline_from_page_title(ctx: _Ctx, start: int, body_start: int) -> int | None:
    """The head line that the page title (a dump's first line) contains, if not the first candidate.

    Dumps begin with the HTML ``<title>``, which repeats the headline ("Kaeser verarscht Neubauer
    - taz.de"); a kicker above the headline does not appear there.
    """
    if not ctx.lines or start == 0:
        return None
    page_title = ctx.lines[0].text.lower()
    candidates = [i for i in range(start, body_start) if i not in ctx.used and _title_like(ctx.lines[i], ctx.labels[i])]
    for n, i in enumerate(candidates):
        if n > 0 and len(ctx.lines[i].text) >= HEADLINE_MIN_CHARS and ctx.lines[i].text.lower() in page_title:
            return i
    return None


def _byline(ctx: _Ctx, i: int) -> bool:
    """A byline line in the head (the scan of ``meta`` took the nearest one already)."""
    if ctx.labels[i].words > BYLINE_MAX_WORDS + BYLINE_EXTRA_WORDS:
        return False

    def names_line_ok(j: int) -> bool:  # the next unused line with text, short enough for names
        return _next_text_line(ctx, i) == j and ctx.labels[j].words <= BYLINE_MAX_WORDS

    found = read_byline(ctx.lines, i, ctx.lex, names_line_ok)
    if found is None:
        return False
    names, source, nxt = found
    if nxt is not None:
        ctx.used.add(nxt)
        _drop(ctx, i, "other")  # the cue line ("Von") holds no field of its own
    known = {n.casefold() for n in ctx.parts.authors}
    ctx.parts.authors.extend(n for n in names if n.casefold() not in known)
    ctx.parts.source = ctx.parts.source or source
    return True


def _bare_source(ctx: _Ctx, i: int) -> bool:
    """A short unlabelled line in the head: a news agency is the source, a person's name an author.

    Only a known agency (``agencies.json``, the metadata readers' check) is a source: a bare line
    below the lead is as often a place ("Kücknitz"), a rubric ("Essay") or a button, and is
    removed as head debris.
    """
    text, label = ctx.lines[i].text, ctx.labels[i]
    if label.words > BARE_SOURCE_MAX_WORDS or not text[:1].isalnum() or text[-1] in ".!?:":
        return False
    tokens = text.split()
    if not all(t[:1].isupper() or t[:1].isdigit() for t in tokens):
        return False  # a lower-case word makes it a phrase, not a name ("Kaeser verarscht Neubauer")
    agency = agency_of(text)
    if agency is not None:
        if ctx.parts.source is not None:
            return False
        ctx.parts.source = agency
    elif person_name(text):  # two or three name words, no role or word of the language
        if text.casefold() not in {a.casefold() for a in ctx.parts.authors}:
            ctx.parts.authors.append(text)
    elif not ctx.bare_line_seen:  # head debris: kept out of the text, but not called the source
        ctx.bare_line_seen = True
        _drop(ctx, i, "other")
    else:
        return False  # a second such line: the body has begun
    return True


def _title_like(line: Line, label: Label) -> bool:
    text = line.text
    if label.is_bad or not text or text[-1] in ".,;" or not TITLE_MIN_WORDS <= label.words <= TITLE_MAX_WORDS:
        return line.heading in (1, 2) and not label.is_bad and bool(text)
    # Two sentences in a long line are prose (a bio, a teaser text), not a headline.
    return not (label.words > TITLE_PROSE_WORDS and _INNER_SENTENCE_END.search(text))


def _next_text_line(ctx: _Ctx, i: int) -> int | None:
    for j in range(i + 1, len(ctx.lines)):
        if j not in ctx.used and ctx.lines[j].text:
            return j
    return None


def _meta_follows(ctx: _Ctx, i: int) -> bool:
    """True when byline, source, date or a picture separate this paragraph from the next."""
    for j in range(i + 1, min(len(ctx.lines), i + 1 + HEADER_MAX_LINES)):
        if j in ctx.used or ctx.labels[j].reason == "credit":
            return True
        label = ctx.labels[j]
        if label.kind in ("good", "medium"):
            return False
        if label.kind == "short" and label.words <= BYLINE_MAX_WORDS:
            return True
    return False


def _add_block(ctx: _Ctx, i: int) -> None:
    line, label, blocks = ctx.lines[i], ctx.labels[i], ctx.parts.blocks
    text = line.text
    if (blocks and blocks[-1].text == text) or _repeats_body(ctx, text, label):
        ctx.parts.removed.append(Removed(text=text, reason="duplicate"))
        return
    ctx.parts.block_lines.append(i)
    if line.heading or (label.kind == "short" and _heading_like(text, label)):
        blocks.append(Block("heading", text))
    elif line.bullet:
        blocks.append(Block("list_item", text))
    else:
        blocks.append(Block("paragraph", text))


def _repeats_body(ctx: _Ctx, text: str, label: Label) -> bool:
    """True when (nearly) every sentence of this prose line is in the body already.

    Pages print the article twice (a second rendition for print, AMP or a script's template, a
    lead repeated as the first paragraph), and a dump keeps both; an article does not repeat its
    paragraphs. Sentences, not lines, are compared: the copies are often broken into lines
    differently.
    """
    if label.kind not in ("good", "medium") or len(text) < REPEAT_MIN_CHARS:
        return False
    sentences = [cue_key(p) for p in split_sentences(text)]
    sentences = [p for p in sentences if len(p) >= REPEAT_MIN_CHARS]
    if not sentences:
        return False
    seen = ctx.sentences
    repeated = sum(len(p) for p in sentences if p in seen)
    if repeated >= REPEAT_MIN_SHARE * sum(map(len, sentences)):
        return True
    seen.update(sentences)
    return False


def _heading_like(text: str, label: Label) -> bool:
    return 1 <= label.words <= HEADING_MAX_WORDS and text[:1].isupper() and text[-1] not in ".,;"
