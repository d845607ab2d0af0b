"""Text mode, step 1: split a flattened dump into cleaned lines with the traces of markup kept.

Scrapers flatten pages in different ways: BeautifulSoup's ``get_text`` (one text node per line),
layout renderers like inscriptis (indented bullets), Markdown converters like html2text (links,
images, ``#`` headings, ``**bold**``), or leave raw tags and entities in the text. Each line keeps
what its markup said (a heading, a bullet, link share, an image) and loses the markup itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from newsmill.extract.lexicon import cue_key

# Text beyond this is not analysed (with a warning): a news article is far shorter, and the cost
# of the analysis grows with the text. 100 MB dumps are data files, not pages.
MAX_ANALYSED_CHARS = 1_000_000
# Lines longer than this are split at sentence ends: a dump without line breaks (a whole page on
# one line) still has to be separated into article and debris.
MAX_LINE_CHARS = 2_000
# A dump that is one line from start to end lost its breaks, however short: one piece would
# hold the menu, the headline and the article together. Only a short note stays whole.
GLUED_DUMP_MIN_CHARS = 300
# More lines than this are not analysed: real pages have a few thousand at most.
MAX_LINES = 20_000

_MOJIBAKE = re.compile(r"[ÃÂâÅÄ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")
_MD_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\(\s*([^)\s]{0,3000})(?:\s+\"[^\"]*\")?\s*\)")
_MD_OPEN_IMAGE = re.compile(r"!\[([^\]\n]{0,500})\]\(\s*([^)\s]{0,3000})\s*$")
_MD_LINK = re.compile(r"\[([^\]\n]{0,1000})\]\(\s*([^)\s]{0,3000})(?:\s+\"[^\"]*\")?\s*\)")
_MD_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]{0,3000}>")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_HEADING_TAIL = re.compile(r"\s+#+\s*$")
_BULLET = re.compile(r"^\s*(?:[*+•·▪◦‣-]|\d{1,3}\))\s+")
_QUOTE_MARK = re.compile(r"^\s*(?:>\s*)+")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
# The URL part stops at brackets too: a run of "](](" must not be scanned 3000 characters a position.
_DANGLING_LINK_END = re.compile(r"\]\(\s*[^()\[\]\s]{0,3000}(?:\s+\"[^\"]*\")?\s*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,2000}>|<!--.*?-->|<![^<>]{0,500}>", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")
# Soft hyphens and zero-width characters: invisible on the page, but they split words for search
# ("Mag\u00adda\u00adle\u00adner") and for the cue tables.
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[\"„“»«]?[A-ZÄÖÜ0-9]|©)")
_RULE = re.compile(r"^\s*(?:[-*_=~#|:.•·]\s*){3,}$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}")
_RULE_START = frozenset("-*_=~#|:.•·")
# lynx -dump numbers every link ("[12]Home") and lists the URLs at the end ("12. https://...").
_LYNX_LINK = re.compile(r"\[\d{1,4}\](?=\S)")
_URL_LINE = re.compile(r"^(?:\d{1,4}\.\s+)?(?:https?|file|ftp|mailto):\S*$")
# Raw links in a dump that kept markup: their text is link text, as in Markdown.
_HTML_LINK = re.compile(r"<a\b[^<>]{0,2000}>(.*?)</a\s*>", re.S | re.I)
# Text browsers (w3m, lynx) wrap paragraphs at a fixed width. A dump is wrapped when at least this
# share of its lines ends within WRAP_FULL_SLACK columns of the widest (98th percentile) line,
# and that width is a terminal's.
WRAP_MIN_FULL_SHARE = 0.15
WRAP_FULL_SLACK = 15
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH = 60, 200
WRAP_MIN_LINES = 20
# A continuation line is indented like the line it continues, or a little more (list items).
WRAP_MAX_EXTRA_INDENT = 4
# Sentences glued without a space when a page's paragraphs were flattened with textContent
# ("...endete.Die nächste..."): split where a lower-case word ends and a capitalised one begins.
_GLUED_SENTENCE = re.compile(r"(?<=[a-zäöüß]{2}[.!?])(?=[A-ZÄÖÜ][a-zäöüß])")
# In a dump without line breaks, a menu runs into the next sentence: a run of this many words
# without a function word before a sentence's start is cut off as a line of its own.
NAV_RUN_WORDS = 6
_BULLET_START = frozenset("*+•·▪◦‣-")
# No sentence starts right after these (a colon, a quote or bracket opened, a dash, a comma).
_NO_CUT_AFTER = frozenset(":\"„“«»(–—-,;/&+")
# A capitalised word glued to a lower-case one ("GewaltDer"): two elements whose space was lost.
_GLUED_FUNCTION_WORD = re.compile(r"(?<=[a-zäöüß]{2})([A-ZÄÖÜ][a-zäöüß]+)\b")
_GLUE_LOOKAHEAD_CHARS = 80
# Section cues cut off the front of such a piece have at most this many words ("Das könnte Sie auch
# interessieren" is six).
CUE_MAX_WORDS = 6
# ... and a sentence's first words include a lower-case one within this many words.
_SENTENCE_LOOKAHEAD_WORDS = 4


@dataclass
class MdImage:
    alt: str
    url: str


@dataclass
class Line:
    """One non-blank line of the dump, cleaned, with what its markup told."""

    index: int
    raw: str
    text: str
    blank_before: bool = False
    indent: int = 0
    heading: int = 0  # Markdown heading level, 0 when none
    bullet: bool = False
    bold: bool = False  # the whole line was emphasised (**lead**)
    link_chars: int = 0  # characters of link text within ``text``
    markup_chars: int = 0  # characters of HTML tags removed from ``raw``
    images: list[MdImage] = field(default_factory=list)
    rule: bool = False  # a horizontal rule or table separator
    word_run: bool = False  # cut out of a dump without line breaks as a run without function words
    cut_out: bool = False  # a piece of an overlong line (a dump without line breaks)

    @property
    def link_share(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def markup_share(self) -> float:
        return self.markup_chars / max(1, len(self.raw.strip()))


@dataclass
class SplitResult:
    lines: list[Line]
    warnings: list[str]


def split_lines(text: str, stopwords: frozenset[str] = frozenset(), cues: Mapping[str, str] | None = None) -> SplitResult:
    """Cut the dump into cleaned ``Line``s (blank lines dropped, remembered as ``blank_before``)."""
    warnings: list[str] = []
    if len(text) > MAX_ANALYSED_CHARS:
        warnings.append(f"size: text of {len(text)} characters, only the first {MAX_ANALYSED_CHARS} analysed")
        text = text[:MAX_ANALYSED_CHARS]
    if _MOJIBAKE.search(text):
        fixed = _repair_mojibake(text)
        if fixed != text:
            warnings.append("encoding: mis-decoded text (mojibake) repaired")
            text = fixed
    if _INVISIBLE_RE.search(text):
        text = text.translate(_INVISIBLE)
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(raw_lines) > MAX_LINES:
        warnings.append(f"size: {len(raw_lines)} lines, only the first {MAX_LINES} analysed")
        raw_lines = raw_lines[:MAX_LINES]
    width = _wrap_width(raw_lines)
    if width:
        raw_lines = _reflow(raw_lines, width)
        warnings.append(f"structure: lines wrapped at {width} columns joined into paragraphs")
    lines: list[Line] = []
    blank = False
    long_split = False
    one_line = len(raw_lines) <= 3 and sum(1 for r in raw_lines if r.strip()) == 1
    limit = GLUED_DUMP_MIN_CHARS if one_line else MAX_LINE_CHARS
    for raw in raw_lines:
        if not raw.strip():
            blank = True
            continue
        pieces = _split_long(raw, stopwords, cues) if len(raw) > limit else [(raw, False)]
        long_split = long_split or len(pieces) > 1
        for i, (piece, run) in enumerate(pieces):
            line = clean_line(len(lines), piece)
            line.word_run = run
            line.cut_out = len(pieces) > 1
            line.blank_before = blank or i > 0
            lines.append(line)
        blank = False
    if long_split:
        warnings.append(f"structure: lines longer than {MAX_LINE_CHARS} characters split at sentence ends")
    return SplitResult(lines, warnings)


def _repair_mojibake(text: str) -> str:
    import ftfy

    # Only the damaged lines go through ftfy: it is thorough but slow on long clean text.
    out = []
    for chunk in text.split("\n"):
        out.append(ftfy.fix_encoding(chunk) if _MOJIBAKE.search(chunk) else chunk)
    return "\n".join(out)


def _wrap_width(raw_lines: list[str]) -> int:
    """The column a text browser wrapped the dump at, or 0 when it is not wrapped."""
    lengths = sorted(len(r.rstrip().expandtabs(4)) for r in raw_lines if r.strip())
    if len(lengths) < WRAP_MIN_LINES:
        return 0
    width = lengths[int(0.98 * (len(lengths) - 1))]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return 0
    full = sum(1 for n in lengths if width - WRAP_FULL_SLACK <= n <= width)
    return width if full >= WRAP_MIN_FULL_SHARE * len(lengths) else 0


def _reflow(raw_lines: list[str], width: int) -> list[str]:
    """Join lines the browser broke because the next word did not fit any more."""
    out: list[str] = []
    prev = ""  # the last physical line, as the browser printed it
    for raw in raw_lines:
        line = raw.expandtabs(4).rstrip()
        words = line.split()
        if prev.strip() and words and len(prev) <= width + WRAP_FULL_SLACK and len(prev) + 1 + len(words[0]) > width:
            indent = len(line) - len(line.lstrip())
            prev_indent = len(prev) - len(prev.lstrip())
            bullet = bool(_BULLET.match(line)) and not _BULLET.match(prev)
            if prev_indent <= indent <= prev_indent + WRAP_MAX_EXTRA_INDENT and not bullet:
                out[-1] = out[-1].rstrip() + " " + line.strip()
                prev = line
                continue
        out.append(raw)
        prev = line
    return out


def _split_long(raw: str, stopwords: frozenset[str] = frozenset(), cues: Mapping[str, str] | None = None) -> list[tuple[str, bool]]:
    """Pieces of an overlong line, each with True when it is a run without function words."""
    sentences = [
        q for r in _cut_repeats(raw) for p in _SENTENCE_SPLIT.split(r) if p.strip() for q in _GLUED_SENTENCE.split(p) if q.strip()
    ]
    if stopwords:
        sentences = [q for p in sentences for q in _cut_glued_elements(p, stopwords)]
        sentences = [q for p in sentences for q in _cut_sentence_starts(p, stopwords)]
    if cues:
        sentences = [q for p in sentences for q in _cut_leading_cue(p, cues)]
    if ":" in raw:
        sentences = [q for p in sentences for q in _cut_comment_heads(p)]
    pieces = [q for p in sentences for q in _cut_word_runs(p, stopwords)] if stopwords else [(p, False) for p in sentences]
    out: list[tuple[str, bool]] = []
    for piece, run in pieces:  # text without sentence ends is cut hard, still in order
        out.extend((piece[i : i + MAX_LINE_CHARS], run) for i in range(0, len(piece), MAX_LINE_CHARS))
    return out


# A phrase printed twice in a row is two elements that said the same (a teaser's linked title over
# its heading, a section name in a breadcrumb and a heading): its copies are cut apart and from
# what surrounds them. Phrases of this many words; two-word doubles occur in prose ("very, very").
REPEAT_MIN_WORDS, REPEAT_MAX_WORDS = 3, 40


def _cut_repeats(piece: str) -> list[str]:
    """Cut ``piece`` around every word run that is followed by itself (see ``REPEAT_MIN_WORDS``)."""
    words = piece.split(" ")
    last: dict[tuple[str, str, str], int] = {}
    cuts: set[int] = set()
    done = 0  # a copy found is not searched again: in a run of copies each rotation repeats too
    for i in range(len(words) - 2):
        key = (words[i], words[i + 1], words[i + 2])
        j = last.get(key)
        last[key] = i
        if (j is not None and i >= done and REPEAT_MIN_WORDS <= i - j <= REPEAT_MAX_WORDS
                and words[j:i] == words[i : 2 * i - j]):
            cuts.update((j, i, 2 * i - j))
            done = 2 * i - j
    if not cuts:
        return [piece]
    bounds = sorted({0, len(words), *cuts})
    return [q for a, b in zip(bounds, bounds[1:], strict=False) if (q := " ".join(words[a:b]).strip())]


def split_sentences(text: str) -> list[str]:
    """``text`` cut at sentence ends (a period, ! or ? before a capitalised word)."""
    return [p for p in _SENTENCE_SPLIT.split(text) if p.strip()]


# A comment's header in a dump without line breaks: "... games. v2787 says: November 19, 2019 at
# 7:02 am Rivers is done." The name's last word and the speech verb become a piece of their own
# when a date or time follows within this many characters (a quote's "Merkel sagt:" has none).
COMMENT_STAMP_WINDOW_CHARS = 40
_STAMP_START = re.compile(r"\d")


@lru_cache(maxsize=1)
def _comment_head_pattern() -> re.Pattern[str]:
    from newsmill.extract.lexicon import table_words

    verbs = "|".join(sorted(map(re.escape, table_words("comment_verbs")), key=len, reverse=True))
    return re.compile(rf" (?:{verbs}):(?=\s)", re.I)


def _cut_comment_heads(piece: str) -> list[str]:
    """Cut each "name says:" that a timestamp follows out of ``piece`` (see ``COMMENT_STAMP_WINDOW_CHARS``)."""
    cuts: list[int] = []
    for m in _comment_head_pattern().finditer(piece):  # the verb first, then the name before it
        if m.start() == 0 or not _STAMP_START.search(piece, m.end(), m.end() + COMMENT_STAMP_WINDOW_CHARS):
            continue
        name = piece.rfind(" ", 0, m.start()) + 1
        if not cuts or name >= cuts[-1]:
            cuts.extend((name, m.end()))
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(piece)]
    return [q for a, b in zip(bounds, bounds[1:], strict=False) if (q := piece[a:b].strip())]


def _cut_leading_cue(piece: str, cues: Mapping[str, str]) -> list[str]:
    """Cut a section cue off the front of a piece: "Kommentare Hans sagt: ...", "Weiterlesen: Die ...".

    With its line break lost, the header of the comments, a teaser list or a share bar runs into
    what follows it; on a line of its own it is a cue the line tables know (``Lexicon.exact``).
    """
    words = piece.split(" ")
    for n in range(min(CUE_MAX_WORDS, len(words) - 1), 0, -1):
        if cue_key(" ".join(words[:n])) in cues and words[n][:1].isupper():
            return [" ".join(words[:n]), " ".join(words[n:])]
    return [piece]


@lru_cache(maxsize=1)
def _mid_sentence_capitals() -> frozenset[str]:
    from newsmill.extract.lexicon import table_words

    return frozenset(table_words("mid_sentence_capitals"))


def _cut_sentence_starts(piece: str, stopwords: frozenset[str]) -> list[str]:
    """Cut ``piece`` where a sentence starts without the previous text ending in punctuation.

    Inside a sentence function words are lower case ("sagte der Minister"); a capitalised one
    after an unpunctuated word ("Ländliche Räume Die Bevölkerung ...") opens a new sentence,
    and what stood before it was a heading, a caption or a menu whose line break was lost. The
    next few words must hold a lower-case one: in a title-case headline ("How To Get The Best")
    every word is capitalised. Pronouns written capitalised ("Sie", "I") open nothing.
    """
    words = piece.split(" ")
    keep = _mid_sentence_capitals()
    cuts = [0]
    for i in range(1, len(words)):
        word, prev = words[i], words[i - 1]
        core = word.strip("\"„“”»«(").lower()
        if "'" in core or "’" in core:  # a contraction opens a sentence as its pronoun does ("We've")
            core = core.replace("’", "'").split("'", 1)[0]
        if not word[:1].isupper() or core not in stopwords or core in keep:
            continue
        if not prev or prev[-1] in _NO_CUT_AFTER or prev.lower() in stopwords or i - cuts[-1] < 1:
            continue
        if not any(w[:1].islower() for w in words[i + 1 : i + 1 + _SENTENCE_LOOKAHEAD_WORDS]):
            continue
        cuts.append(i)
    if len(cuts) == 1:
        return [piece]
    return [" ".join(words[a:b]) for a, b in zip(cuts, [*cuts[1:], len(words)], strict=True)]


def _cut_glued_elements(piece: str, stopwords: frozenset[str]) -> list[str]:
    """Cut where ``textContent`` glued two elements without a space: a capitalised function word
    right after a lower-case letter ("... schwerer GewaltDer Corona-Lockdown ...", "... shares
    plungeThe retailer ...") starts the next heading, paragraph or menu item. Words are not written
    so; a brand that is ("LinkedIn") stays whole unless a lower-case word follows within a few
    words, as it does after a sentence's first word."""
    cuts = [0]
    for m in _GLUED_FUNCTION_WORD.finditer(piece):
        if m.group(1).lower() not in stopwords:
            continue
        after = piece[m.end() : m.end() + _GLUE_LOOKAHEAD_CHARS].split(" ")[1 : 1 + _SENTENCE_LOOKAHEAD_WORDS]
        if any(w[:1].islower() for w in after):
            cuts.append(m.start())
    if len(cuts) == 1:
        return [piece]
    return [q for a, b in zip(cuts, [*cuts[1:], len(piece)], strict=True) if (q := piece[a:b].strip())]


def _cut_word_runs(piece: str, stopwords: frozenset[str]) -> list[tuple[str, bool]]:
    """Cut menus out of the sentences they ran into: a long run of words without a function word
    (menus, name lists and headlines have none, sentences have many) becomes a piece of its own."""
    words = piece.split(" ")
    cuts: list[int] = []
    run_start, run = 0, 0
    for i, word in enumerate([*words, "."]):
        end = i == len(words)
        is_stop = word.strip(".,:;!?\"„“”»«()").lower() in stopwords or end
        if is_stop:
            if run >= NAV_RUN_WORDS:
                # A capitalised function word opens the sentence ("Der Rat ..."); a lower-case one
                # follows its first word ("Scholz hat ..."), which is capitalised then.
                opens = end or word[:1].isupper()
                if (
                    (end and words[-1][-1:] in ".!?")  # the run ends the sentence: its end, no menu
                    or (not opens and not words[i - 1][:1].isupper())
                ):
                    run = 0
                    continue
                cuts.extend((run_start, i if opens else max(run_start, i - 1)))
            run = 0
        elif word:
            if run == 0:
                run_start = i
            run += 1
    bounds = sorted({0, len(words), *cuts})
    runs = set(cuts[::2])
    out = [(" ".join(words[a:b]), a in runs) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
    return [o for o in out if o[0].strip()] or [(piece, False)]


def clean_line(index: int, raw: str) -> Line:
    """Strip Markdown syntax, HTML tags and entities from one line, counting what they were."""
    line = Line(index=index, raw=raw, text="")
    stripped = raw.expandtabs(4)
    line.indent = len(stripped) - len(stripped.lstrip())
    s = stripped.strip()
    if s[:1] in _RULE_START and (_RULE.match(s) or _TABLE_SEP.match(s)):
        line.rule = True
        return line
    if ":" in s and _URL_LINE.match(s):
        line.rule = True  # a bare URL (lynx's reference list) shows nothing of the page
        return line
    link_from_start = False
    if "[" in s and _LYNX_LINK.search(s):
        s, link_from_start = _strip_lynx_links(s, line)
    if "<" in s and "</" in s:
        for m in _HTML_LINK.finditer(s):
            line.link_chars += len(" ".join(_TAG.sub(" ", m.group(1)).split()))
    if "<" in s:
        s = _strip_tags(s, line)
    if "](" in s or "<http" in s:
        s = _strip_links(s, line)
    s = _strip_block_marks(s, line)
    if "*" in s or "_" in s:
        s = _strip_emphasis(s, line)
    if "[" in s or "]" in s or "**" in s or "__" in s:
        s = _strip_dangling(s, line)
    if "\\" in s:
        s = _MD_ESCAPE.sub(r"\1", s)
    if "&" in s and _ENTITY.search(s):
        s = html.unescape(s)
    if "<" in s and ">" in s:  # tags that were escaped as entities (&lt;p&gt;)
        s = _strip_tags(s, line)
    line.text = " ".join(s.split())
    if link_from_start:
        line.link_chars = len(line.text)
    return line


def _strip_lynx_links(s: str, line: Line) -> tuple[str, bool]:
    """Remove lynx's link numbers; a line that starts with one is a link (a menu entry, a teaser)."""
    head = _BULLET.sub("", s, count=1) if _BULLET.match(s) else s
    from_start = bool(_LYNX_LINK.match(head))
    for m in _LYNX_LINK.finditer(s):  # the word after the number is link text at least
        line.link_chars += len(s[m.end() :].split(" ", 1)[0])
    return _LYNX_LINK.sub("", s), from_start


def _strip_tags(s: str, line: Line) -> str:
    def repl(m: re.Match[str]) -> str:
        line.markup_chars += len(m.group(0))
        return " "

    return _TAG.sub(repl, s)


def _strip_links(s: str, line: Line) -> str:
    def image(m: re.Match[str]) -> str:
        line.images.append(MdImage(alt=m.group(1).strip(), url=m.group(2)))
        return " "

    def link(m: re.Match[str]) -> str:
        label = m.group(1).strip()
        line.link_chars += len(label)
        return label

    s = _MD_IMAGE.sub(image, s)
    s = _MD_OPEN_IMAGE.sub(image, s)  # html2text breaks long image URLs onto the next line
    s = _MD_LINK.sub(link, s)
    return _MD_AUTOLINK.sub(" ", s)


def _strip_block_marks(s: str, line: Line) -> str:
    first = s[:1]
    m = _MD_HEADING.match(s) if first == "#" else None
    if m:
        line.heading = len(m.group(1))
        s = _MD_HEADING_TAIL.sub("", s[m.end() :])
    m = _QUOTE_MARK.match(s) if first == ">" else None
    if m:
        s = s[m.end() :]
    first = s[:1]
    m = _BULLET.match(s) if first in _BULLET_START or first.isdigit() else None
    if m:
        line.bullet = True
        s = s[m.end() :]
    return s


def _strip_dangling(s: str, line: Line) -> str:
    # Markdown links and emphasis that html2text spread over several lines leave halves behind.
    m = _DANGLING_LINK_END.search(s)
    if m and "[" not in s[: m.start()]:
        line.link_chars += m.start()  # the end of a link label begun on an earlier line
    s = _DANGLING_LINK_END.sub(" ", s)
    cut = s.rfind("]") + 1  # brackets opened after the last "]" are never closed on this line
    s = s[:cut] + s[cut:].replace("![", "").replace("[", "")
    return s.replace("**", "").replace("__", "")


def _strip_emphasis(s: str, line: Line) -> str:
    whole = s.startswith(("**", "__")) and s.endswith(("**", "__")) and len(s) > 4
    out = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", s)
    line.bold = whole and "**" not in out
    return out


_SENTENCE_END = ".!?…:;\"“”»«)'"
_CONTINUES = re.compile(r"^[a-zäöüß,.;:!?)\]}\"“”»«'’-]")
# get_text puts each inline element on its own line; punctuation right after the break was
# written without a space in the page ("KI" + "-Systemen", "Anmeldung" + ".").
_GLUED = re.compile(r"^[-),.;:!?’”“\]]")
_LOWER_WORD = re.compile(r"^[a-zäöüß]+$")


def merge_fragments(lines: list[Line]) -> list[Line]:
    """Join lines that one paragraph was broken into at inline elements (``get_text`` dumps).

    Only lines without a blank between them are joined, and only where the break falls inside a
    sentence: the next line starts lower case or with a space, or the previous ends in a lower-case
    word (German and English capitalise the first word of a sentence, not the last).
    """
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, line):
            glue = "" if _GLUED.match(line.raw) or prev.text.endswith(("(", "„", "/")) else " "
            prev.raw += "\n" + line.raw
            prev.text = f"{prev.text}{glue}{line.text}".strip()
            prev.link_chars += line.link_chars
            prev.markup_chars += line.markup_chars
            prev.images.extend(line.images)
            prev.bold = prev.bold and line.bold
        else:
            out.append(line)
    return out


def _continues(prev: Line, line: Line) -> bool:
    if line.blank_before or not prev.text or not line.text or prev.rule or line.rule:
        return False
    if len(prev.text) > MAX_LINE_CHARS:
        return False  # joined paragraphs stay paragraph-sized
    if line.heading or prev.heading or line.bullet:
        return False
    if prev.text[-1] in _SENTENCE_END:
        return False
    if line.raw[:1] in (" ", "\t") and prev.indent == 0 and line.indent <= 2:
        return True
    if line.indent != prev.indent:
        return False
    last = prev.text.rsplit(" ", 1)[-1]
    return bool(_CONTINUES.match(line.text)) or (bool(_LOWER_WORD.match(last)) and " " in prev.text)
