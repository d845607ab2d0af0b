"""Text mode, step 2: label every line as article-like prose, a short line, or debris with a reason.

A line's label comes from its own evidence only (length, sentence punctuation, share of function
words, link share, cue words, credit and counter patterns, repetition in the dump); where the
article is comes later, from runs of lines (``segment``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsmill.extract.lexicon import Lexicon, cue_key, table_words
from newsmill.extract.text.lines import Line

Kind = Literal["good", "medium", "short", "bad", "image", "caption"]

# A prose line has at least this many words: menu entries, headlines and bylines have fewer.
GOOD_MIN_WORDS = 10
# ... and at least this share of function words ("der", "und", "the"): running text has 30-50 %,
# headline lists and keyword clouds far less.
GOOD_MIN_STOP_SHARE = 0.12
# A line this long counts as prose even without a sentence end (a paragraph cut off by the page).
GOOD_MIN_CHARS_UNPUNCTUATED = 200
# Prose repeats few of its words: fewer than this share of distinct words (on lines of at least
# this many words) is a keyword list, a tag cloud or junk.
DISTINCT_MIN_SHARE = 0.25
DISTINCT_MIN_WORDS = 30
# Lines longer than this are looked up in the cue tables by their first this many words, for the
# kind of box whose opening sentence names it (a cookie notice: "This website uses cookies ...").
LONG_LINE_HEAD_WORDS = 40
LONG_LINE_HEAD_REASONS = frozenset({"consent"})
# Lines with fewer words than this and no sentence end are headings, labels or fragments.
MEDIUM_MIN_WORDS = 5
# A line whose visible text is mostly link labels is navigation or a teaser, not the article.
LINK_SHARE_BAD = 0.6
# Raw tags in a text dump mean the line came from an attribute, a script or a template (teasers,
# widgets), not from the visible article; a quarter of the line in tags is enough to tell.
MARKUP_SHARE_BAD = 0.25
MARKUP_MIN_CHARS = 20
# ... unless the whole dump kept its markup (at least this share of its lines carry tags): then
# tags say nothing about a line, and its links (counted as link text) tell menus from prose.
MARKUP_DUMP_SHARE = 0.3
MARKUP_DUMP_MIN_LINES = 10
# Short lines repeated in a dump are menus (printed at top and bottom); prose is never repeated
# except as a caption printed twice, which structure recovery handles.
REPEAT_MAX_WORDS = 6
# Credits are short: "Foto: Max Muster / dpa"; a longer line that starts with "Foto:" is a caption.
CREDIT_MAX_WORDS = 12
# A line closing with a photo credit ("… Foto: Max Muster / dpa") is a picture caption if it is
# no longer than this, and the credit itself is a name or two, not a sentence.
CAPTION_MAX_WORDS = 60
CAPTION_CREDIT_MAX_WORDS = 8
# A credit may hold one function word ("Max Muster für dpa"); two or more make it a sentence.
CAPTION_CREDIT_MAX_STOPWORDS = 1
CAPTION_MIN_WORDS = 3
# A row of share buttons has a few words ("Teilen Twittern Drucken Merken"); a longer line made of
# such words ("Details folgen ...") is not taken for one. A lone share verb ("Twittern") is left to
# the line cues: as a call to action it joined share bars into barriers that cut leads (measured).
SHARE_ROW_MIN_WORDS = 2
SHARE_ROW_MAX_WORDS = 6
# CSS and JavaScript printed as text: at least this many of { } ; = and this many per word
# (prose has a semicolon now and then; a style sheet has one per declaration).
CODE_MIN_SYMBOLS = 4
CODE_SYMBOLS_PER_WORD = 0.25
# A row of at least this many separators between items of at most this many words is a menu.
MENU_BAR_MIN_SEPARATORS = 3
MENU_ITEM_MAX_WORDS = 4
# "(c)" and "©" mark a credit or a copyright footer only on short lines.
COPYRIGHT_MAX_WORDS = 16
# A line of at most this many words may be a bare dateline ("23.12.2024"), a gallery counter
# ("1/66") or only symbols; longer lines are never one of those.
TINY_MAX_WORDS = 2
# The agency pattern is slow: it runs on lines shorter than this, or on longer ones only when they
# hold a separator an agency credit needs ("/", "|", "©", "(", " via ").
AGENCY_CHECK_MAX_CHARS = 40
# A line that starts with "©" or "(c)" is a credit only while this short; longer, it is a footer.
COPYRIGHT_CREDIT_MAX_CHARS = 120
# Without a precomputed key, the first word of this many characters decides the credit-prefix check.
CREDIT_FIRST_WORD_CHARS = 30

# Blogs and comments close sentences with an emoji or emoticon instead of a period ("... gefällt
# mir 😉", "wissen ;-P )").
# Only a line's last characters are searched for them (a pattern anchored at the end would be
# tried at every position of a long line).
_EMOJI_END = re.compile(r"(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?|[:;]-?[)(PpDd])[\s)]*$")
EMOJI_END_CHARS = 8
_PUNCTUATION_END = re.compile(r"[.!?…][\"“”»«')\]]*$|[.!?…][\"“”»«')\]]*\s+\S")


def _sentence_end(text: str) -> bool:
    return bool(_PUNCTUATION_END.search(text) or _EMOJI_END.search(text, max(0, len(text) - EMOJI_END_CHARS)))
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)
_ONLY_SYMBOLS = re.compile(r"^[\W\d_]*$", re.U)
_NUMERIC_DATE = re.compile(r"^\W*(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2})\b")
_MENU_SEPARATOR = re.compile(r"\s*[|·•]\s*")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", re.I)


@dataclass
class Label:
    """What a line is, on its own evidence."""

    kind: Kind
    reason: str | None = None  # the Removed reason for bad lines
    words: int = 0
    barrier: bool = False  # a cue that opens a section the article does not continue into
    repeated: bool = False  # debris only because the same short text occurs elsewhere in the dump

    @property
    def is_bad(self) -> bool:
        return self.kind == "bad"


# Cue reasons after which the page rarely returns to the article (the start of the comments, the
# footer, a consent box, a "related articles" list).
BARRIER_REASONS = frozenset({"comments", "footer", "consent", "teaser"})
# "Weitere Artikel", "More stories:" headers open teaser lists; as barriers they also cut the odd
# article that uses such a line as a subheading, so the choice is measured.
TEASER_HEADER_IS_BARRIER = False
# A teaser header with paragraphs this many lines after it heads a box inside the article
# (``_unmark_inline_boxes``; on the tune half 4 lines recovered less of the English articles,
# 12 kept more teasers).
INLINE_BOX_MAX_LINES = 8
_CUT_SHORT = ("...", "…")
# Share bars mark the end of an article (or the gap between head and body, where a barrier
# costs only the lead): this many calls to action in a row make one.
SHARE_BAR_MIN_LINES = 3
SHARE_BAR_IS_BARRIER = True
# Phrases of comment forms and consent boxes ("Diese Website verwendet Akismet") are specific
# enough to end the article wherever they stand in a line.
PHRASE_BARRIER_REASONS = frozenset({"comments", "footer"})
# A comment's header is a name and a speech verb ("Graugans sagt:", "joe says:") beside the
# comment's timestamp; a name has at most this many words, the timestamp line at most this many.
# get_text dumps put the verb on a line of its own ("says:" under the name): that line counts too.
COMMENT_HEAD_MAX_WORDS = 5
COMMENT_STAMP_MAX_WORDS = 10
# Teaser lists print each item's summary cut short with an ellipsis; an article's paragraphs end
# with one now and then, but not this many in a row (prose lines, other lines between them
# allowed: a teaser's headline and date).
TRUNCATED_RUN_MIN = 3
TRUNCATED_MAX_GAP = 3
_TRUNCATED = re.compile(r"\w[\"“”»«')\]]?\s?(?:\.{3}|…)$")
# A teaser header ("Related links:", "Mehr zum Thema") followed by this many pairs of a headline
# and one prose line (each story's title and summary) opens a teaser list: a barrier then.
TEASER_PAIRS_MIN = 2
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def classify_lines(lines: list[Line], lex: Lexicon) -> list[Label]:
    """Label each line; the list is parallel to ``lines``."""
    keys = [cue_key(line.text) for line in lines]
    counts = Counter(keys)
    labels: list[Label] = []
    bad_texts: set[str] = set()
    tagged = sum(1 for line in lines if line.markup_chars)
    markup_dump = tagged >= max(MARKUP_DUMP_MIN_LINES, MARKUP_DUMP_SHARE * len(lines))
    for line, key in zip(lines, keys, strict=True):
        label = _classify(line, key, counts[key], lex, markup_dump)
        if label.kind != "bad" and key and key in bad_texts:
            # The same text as a line already judged debris (a teaser printed raw, then clean).
            label = Label("bad", "duplicate", label.words)
        if label.kind == "bad" and key:
            bad_texts.add(key)
        labels.append(label)
    _mark_share_bars(labels)
    _mark_comment_heads(lines, labels, lex)
    _mark_comment_stamps(lines, labels, lex)
    _mark_truncated_runs(lines, labels)
    _unmark_inline_boxes(lines, labels)
    _mark_teaser_lists(labels)  # after: a header over headline + summary pairs stays a barrier
    return labels


def _unmark_inline_boxes(lines: list[Line], labels: list[Label]) -> None:
    """A "Related articles" header followed within a few lines by paragraphs is a box inside the
    article, not the start of the teaser list after it: no barrier (the header stays debris).

    Pages put such boxes between paragraphs, and text browsers print their header with little
    or nothing of their links; as a barrier it cut the article in two. Two prose lines in a row
    that end a sentence, not cut short with "...", are paragraphs: a teaser list alternates
    headlines and summaries.
    """
    for i, label in enumerate(labels):
        if label.reason != "teaser" or not label.barrier:
            continue
        for j in range(i + 1, min(len(labels) - 1, i + 2 + INLINE_BOX_MAX_LINES)):
            if labels[j].barrier:
                break
            if all(labels[k].kind == "good" and _sentence_end(lines[k].text) and not lines[k].text.endswith(_CUT_SHORT)
                   for k in (j, j + 1)):
                label.barrier = False
                break


def _mark_teaser_lists(labels: list[Label]) -> None:
    """A teaser header over headline + summary pairs is the start of a list of other stories.

    As a barrier on its own such a header cuts the odd article that uses it as a subheading
    (``TEASER_HEADER_IS_BARRIER``); a subheading is followed by paragraphs, not by alternating
    short and prose lines.
    """
    for i, label in enumerate(labels):
        if label.reason != "teaser" or label.barrier:
            continue
        pairs = labels[i + 1 : i + 1 + 2 * TEASER_PAIRS_MIN]
        if len(pairs) == 2 * TEASER_PAIRS_MIN and all(
            (p.kind == "short") if k % 2 == 0 else (p.kind in ("good", "medium")) for k, p in enumerate(pairs)
        ):
            label.barrier = True


def _mark_truncated_runs(lines: list[Line], labels: list[Label]) -> None:
    """Prose lines cut short with "..." several in a row are teaser summaries, not paragraphs."""
    run: list[int] = []
    gap = 0
    for i in [*range(len(lines)), -1]:
        prose = i >= 0 and labels[i].kind in ("good", "medium")
        if prose and lines[i].text.endswith((".", "…")) and _TRUNCATED.search(lines[i].text):
            run.append(i)
            gap = 0
            continue
        if i >= 0 and not prose and run and gap < TRUNCATED_MAX_GAP:
            gap += 1
            continue
        if len(run) >= TRUNCATED_RUN_MIN:
            for j in run:
                labels[j] = Label("bad", "teaser", labels[j].words)
        run, gap = [], 0


@lru_cache(maxsize=1)
def _comment_verbs() -> frozenset[str]:
    return frozenset(table_words("comment_verbs"))


def _mark_comment_heads(lines: list[Line], labels: list[Label], lex: Lexicon) -> None:
    """"Name says:" next to a timestamp opens a comment: a comments barrier.

    Comment threads print each comment as its author, a speech verb and the time it was posted;
    the comments themselves are prose and would otherwise extend the article. The timestamp
    tells a comment's header from a quote's speaker line ("Der Minister sagt:") in the article.
    """
    verbs = _comment_verbs()
    for i, line in enumerate(lines):
        text = line.text
        if not text.endswith(":") or labels[i].words > COMMENT_HEAD_MAX_WORDS:
            continue
        if text[:-1].rsplit(" ", 1)[-1].lower() not in verbs:
            continue
        if any(_timestamp(*_stamp_part(lines[j], labels[j]), lex) for j in (i - 1, i + 1) if 0 <= j < len(lines)):
            labels[i] = Label("bad", "comments", labels[i].words, barrier=True)


def _stamp_part(line: Line, label: Label) -> tuple[str, int]:
    """The text that may be a comment's timestamp and its word count: the line, or for a piece of
    a dump without line breaks its first words (the comment runs on after the timestamp there)."""
    if not line.cut_out:
        return line.text, label.words
    head = " ".join(line.text.split(" ", COMMENT_STAMP_MAX_WORDS)[:COMMENT_STAMP_MAX_WORDS])
    return head, min(label.words, COMMENT_STAMP_MAX_WORDS)


# A comment thread prints each comment under its author and a full timestamp, a date with its
# year and a clock time ("Pamela Wilson August 8, 2018 at 7:07 pm", "12.03.2021 um 14:05"). An
# article names such moments rarely, a live blog stamps entries with the time alone. This many
# lines starting with one (within COMMENT_STAMP_HEAD_CHARS) among COMMENT_STAMP_SPAN lines make a
# thread: its first stamp opens the comments.
COMMENT_STAMPS_MIN = 3
COMMENT_STAMP_SPAN = 40
COMMENT_STAMP_HEAD_CHARS = 60
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4)
def _full_stamp(months: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    date = (
        rf"(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
        rf"|(?:{names})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}|\d{{1,2}}\.?\s(?:{names})\.?\s\d{{4}})"
    )
    return re.compile(rf"\b{date}\W{{0,3}}(?:[^\W\d]{{1,4}}\s)?\d{{1,2}}[:.]\d{{2}}\b", re.I)


def _mark_comment_stamps(lines: list[Line], labels: list[Label], lex: Lexicon) -> None:
    """The first of a series of lines opening with a full timestamp is a comments barrier."""
    pattern = _full_stamp(tuple(lex.months))
    # A stamp above the first prose line is the article's own dateline (the head of the page), which
    # the date reader needs: comments come after the body.
    first_prose = next((i for i, label in enumerate(labels) if label.kind == "good"), len(labels))
    stamps = [
        i for i, line in enumerate(lines)
        if i > first_prose
        and _DIGIT.search(line.text, 0, COMMENT_STAMP_HEAD_CHARS)  # cheap test first
        and pattern.search(line.text, 0, COMMENT_STAMP_HEAD_CHARS)
    ]
    for k in range(len(stamps) - COMMENT_STAMPS_MIN + 1):
        if stamps[k + COMMENT_STAMPS_MIN - 1] - stamps[k] <= COMMENT_STAMP_SPAN:
            i = stamps[k]
            # One barrier: a page has one thread (a forum's posts are its article, and the
            # discount per barrier passed must not fall on every post).
            labels[i] = Label("bad", "comments", labels[i].words, barrier=True)
            return


def _timestamp(text: str, words: int, lex: Lexicon) -> bool:
    if words > COMMENT_STAMP_MAX_WORDS or not any(c.isdigit() for c in text):
        return False
    if _TIME.search(text) or _NUMERIC_DATE.match(text):
        return True
    return any(w in lex.months for w in cue_key(text).split(" "))


def _mark_share_bars(labels: list[Label]) -> None:
    """A run of calls to action ("Teilen", "Facebook", "Drucken") is a share bar: barrier."""
    run: list[Label] = []
    for label in [*labels, Label("short")]:
        if label.reason == "call_to_action":
            run.append(label)
            continue
        if len(run) >= SHARE_BAR_MIN_LINES:
            for member in run:
                member.barrier = SHARE_BAR_IS_BARRIER
        run = []


def _classify(line: Line, key: str, repeats: int, lex: Lexicon, markup_dump: bool = False) -> Label:
    text = line.text
    if line.rule:
        return Label("bad", "markup")
    if not text:
        return Label("image") if line.images else Label("bad", "markup")
    if not markup_dump and line.markup_chars >= MARKUP_MIN_CHARS and line.markup_share >= MARKUP_SHARE_BAD and not line.images:
        return Label("bad", "markup")
    words = _WORD.findall(text)
    n = len(words)
    if _code_like(text, n):
        return Label("bad", "markup", n)
    if n <= TINY_MAX_WORDS:
        if text[0].isdigit() and _NUMERIC_DATE.match(text):
            return Label("short", None, n)  # a dateline: meta for the head, not debris
        if lex.counter.match(text):
            return Label("bad", "gallery", n)
        if _ONLY_SYMBOLS.match(text):
            return Label("bad", "other", n)
    if n <= CREDIT_MAX_WORDS and is_credit(text, lex, key):
        if lex.cue_reason(text, key) == "footer":  # "© 2023 Verlag. Alle Rechte vorbehalten."
            return Label("bad", "footer", n, barrier=True)
        return Label("bad", "credit", n)
    if n <= CAPTION_MAX_WORDS and caption_credit(text, lex):
        return Label("caption", None, n)
    reason, whole = lex.cue_match(text, key)
    if not reason and n > LONG_LINE_HEAD_WORDS:
        # A long consent notice says what it is in its first sentence.
        head, _ = lex.cue_match(" ".join(text.split()[:LONG_LINE_HEAD_WORDS]))
        reason = head if head in LONG_LINE_HEAD_REASONS else None
    if reason:
        barrier = (whole and reason in BARRIER_REASONS) or reason in PHRASE_BARRIER_REASONS
        return Label("bad", reason, n, barrier=barrier)
    if line.word_run and not _sentence_end(text):
        return Label("bad", "navigation", n)  # a menu that ran into the article's sentences
    if _menu_bar(text):
        return Label("bad", "navigation", n)
    if key and lex.teaser_header(text, key):
        return Label("bad", "teaser", n, barrier=TEASER_HEADER_IS_BARRIER)
    if key and _share_row(text, key, lex):
        return Label("bad", "call_to_action", n)
    if n <= COPYRIGHT_MAX_WORDS and ("©" in text or "(" in text or "opyright" in text) and _COPYRIGHT.search(text):
        return Label("bad", "footer", n)
    if line.link_share >= LINK_SHARE_BAD:
        return Label("bad", None, n)
    if repeats > 1 and n <= REPEAT_MAX_WORDS:
        return Label("bad", "navigation", n, repeated=True)
    return Label(_prose_kind(text, words, lex, line.cut_out), None, n)


def _prose_kind(text: str, words: list[str], lex: Lexicon, cut_out: bool = False) -> Kind:
    n = len(words)
    # A long line ending in a colon (a sentence opening a list) is not counted as punctuated: that
    # gained 0.003 on newspaper4k dumps and cost 0.013 on w3m's English ones (measured, tune half).
    punctuated = _sentence_end(text)
    # A piece cut out of an overlong line ends at a sentence end, unless it is the menu, heading or
    # caption run that stood before a sentence: long and unpunctuated is then no paragraph.
    long_enough = len(text) >= GOOD_MIN_CHARS_UNPUNCTUATED and not cut_out
    if n >= GOOD_MIN_WORDS and (punctuated or long_enough):
        if n >= DISTINCT_MIN_WORDS and len(set(words)) < DISTINCT_MIN_SHARE * n:
            return "short"  # the same few words over and over: a tag cloud or junk, not prose
        stops = sum(map(lex.stopwords.__contains__, map(str.lower, words)))
        if stops / n >= GOOD_MIN_STOP_SHARE:
            return "good"
        # Long, unpunctuated and without function words: a menu or a list of names run together.
        return "medium" if punctuated else "short"
    if n >= MEDIUM_MIN_WORDS and punctuated:
        return "medium"
    return "short"


def _share_row(text: str, key: str, lex: Lexicon) -> bool:
    """Share buttons printed in one row: "Facebook Twitter E-Mail", "Teilen Twittern", "Share Tweet".

    Every word is a social network or a one-word call to action; such a row is no headline, name
    or source ("Teilen Twittern" read as a two-word name made it an author).
    """
    words = key.split(" ")
    if all(w in lex.social for w in words):
        return True
    if not SHARE_ROW_MIN_WORDS <= len(words) <= SHARE_ROW_MAX_WORDS or _sentence_end(text):
        return False
    return all(w in lex.share_words for w in words)


def _code_like(text: str, words: int) -> bool:
    """Style sheets and scripts that a scraper printed as text (".td-x { margin: 0; }")."""
    if "{" not in text and ";" not in text:
        return False
    symbols = text.count("{") + text.count("}") + text.count(";") + text.count("=")
    return symbols >= CODE_MIN_SYMBOLS and symbols >= CODE_SYMBOLS_PER_WORD * max(1, words)


def _menu_bar(text: str) -> bool:
    """Links printed in one row: "Impressum | Datenschutz | Kontakt", "Home · News · Sport"."""
    if text.count("|") + text.count("·") + text.count("•") < MENU_BAR_MIN_SEPARATORS:
        return False
    items = [p for p in _MENU_SEPARATOR.split(text) if p.strip()]
    if len(items) <= MENU_BAR_MIN_SEPARATORS or any(c.isdigit() for c in text):
        return False  # digits: a table row ("Tag | Datum | 12:00"), not a menu
    return all(len(p.split()) <= MENU_ITEM_MAX_WORDS for p in items)


def is_credit(text: str, lex: Lexicon, key: str | None = None) -> bool:
    """A photo or copyright credit: "Foto: X", "X / picturedesk.com", "REUTERS", "© X"."""
    first = (cue_key(text[:CREDIT_FIRST_WORD_CHARS]) if key is None else key).split(" ", 1)[0]
    if first in lex.credit_words and lex.credit_prefix.match(text):
        return True
    if (len(text) < AGENCY_CHECK_MAX_CHARS or any(c in text for c in "/|©(") or " via " in text) and lex.agency_credit.match(text):
        return True
    bare = text[1:].lstrip() if text.startswith("((") else text  # "((C) FEI/Max Muster)"
    return bare.startswith(("©", "(c)", "(C)")) and len(text) < COPYRIGHT_CREDIT_MAX_CHARS


def caption_credit(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """(caption, credit) when ``text`` is a caption closed by a photo credit, else None."""
    if ":" not in text and "©" not in text and "(c)" not in text and "(C)" not in text:
        return None  # cheap test first: the pattern is slow and nearly every line fails it
    m = lex.caption_credit.search(text)
    if not m or m.start() == 0:
        return None
    words = m.group("credit").split()
    if not words or len(words) > CAPTION_CREDIT_MAX_WORDS or not words[0][:1].isupper() and not words[0][:1].isdigit():
        return None  # a credit names someone: "Max Muster / dpa", "2021 CTMG"
    if sum(1 for w in words if w.lower() in lex.stopwords) > CAPTION_CREDIT_MAX_STOPWORDS:
        return None
    caption = text[: m.start()].strip(" (|")
    if len(caption.split()) < CAPTION_MIN_WORDS:
        return None
    credit = text[m.start() :].strip()
    if credit.startswith("(") and credit.endswith(")") and credit.count("(") == credit.count(")"):
        credit = credit[1:-1].strip()
    return caption, credit
