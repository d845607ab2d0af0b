"""Text mode: bylines and datelines around the body, wherever the flattening left them.

The head walk (``structure``) stops at the first debris line above the body, but dumps
print the byline and the date among such lines: a date printed again in a sidebar is "repeated"
debris, a "Veröffentlicht von Chris Jung" line too, and a "Text vorlesen | Stop | Pause" row
ends the walk before the "Von David Hutzler, dpa" right above the text. This scan looks at a
window around the body's start (and a few lines after its end, where blogs print "Autor: X"),
nearest lines first, and takes at most one date line and one byline. The lines it takes are
head fields (like the walk's), so the walk and the tail skip them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from newsmill.extract.lexicon import Lexicon, cue_key, load_lexicon, table_words
from newsmill.extract.metadata.authors import agency_of, clean_name, split_byline, tables
from newsmill.extract.text.classify import Label
from newsmill.extract.text.dates import find_date
from newsmill.extract.text.lines import Line

# Lines above the body's head that may still hold its date or byline (a date printed between
# share buttons and "Text vorlesen" rows sat up to 14 lines above the text on the dev dumps;
# further up are menus and sidebars whose dates belong to other articles).
SCAN_ABOVE = 15
# The head is read top-down (the first date under the headline is the publication date, an
# "aktualisiert" line follows it).
HEAD_TOP_DOWN = True
# Lines of the body's top that may be a date or byline row the body run swallowed.
SCAN_INTO = 8
# Lines after the body where blogs print "Autor: X" ...
SCAN_AFTER = 6
# ... a bare date line right under the text ("07.08.2013 um 09:07 Uhr") ...
TAIL_BARE_DATE = 3
# ... and how far a date with a cue word ("Erschienen am: 01.11.2023", "Veröffentlicht am")
# is looked for, below the body and above the head: the cue says whose date it is.
CUED_AFTER = 30
CUED_ABOVE = 45
# A date or byline line is short; longer lines are prose that mentions a date.
META_MAX_WORDS = 12
# Words before a byline cue in the same line ("9. Februar 2019 von Heiko", "vor 11 Minuten von
# X"): a date or time, so they hold a digit and stay this short.
LEAD_MAX_WORDS = 6
# A name line under a cue line ("Post author" / "Helge Fahrnberger") has at most this many words.
NAME_LINE_MAX_WORDS = 5
# A bare name line counts as the byline this close to the date line ("Carola Pönisch" over
# "30. Oktober 2023") ...
NAME_DATE_DISTANCE = 2
# ... and this far above the body (further up are menus and teaser lists of names).
BARE_NAME_ABOVE = 8
# A person's name alone on a line has two or three words ("Boris T. Kaiser"); one word is as
# often a rubric or a place.
NAME_MIN_WORDS = 2
NAME_MAX_WORDS = 3
# Words besides the date and date words a date line in the body may hold (a rubric, a byline);
# outside the body any short line counts: as a strict rule everywhere it cost 7-13 dates on the
# inscriptis/html2text dumps, whose date lines carry bylines and category lists.
DATE_LINE_OTHER_WORDS = 3
# Reasons of lines that never hold the article's own byline or date (comment dates, teasers).
FOREIGN_REASONS = frozenset({"comments", "teaser", "consent"})

_TIME_OR_DATE = re.compile(r"\d")
# A blog user name: one lower-case token ("gizzmo", "r23", "fri.juli"), not a word of the language.
_NAME_PART = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ'’]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàíóúçñ'’]+)?|[A-ZÄÖÜ]\.)$")
_SEGMENT = re.compile(r"\s+(?:[|•·–—]|//?|-)\s+|,\s+")
_HANDLE = re.compile(r"^[a-z][a-z0-9._-]{2,30}$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass
class Meta:
    """What the scan found and which lines it used."""

    published: str | None = None
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    used: set[int] = field(default_factory=set)
    date_line: int | None = None
    cue_lines: list[int] = field(default_factory=list)  # "Post author" above the names: no field of its own


def scan(lines: list[Line], labels: list[Label], head: int, body: tuple[int, int], lex: Lexicon, taken: set[int]) -> Meta:
    """Date and byline near the body: the head top-down, the body's top, upwards, the tail.

    ``taken``: lines already given a role (the section label), left alone.
    """
    start, end = body
    in_head = list(range(head, start)) if HEAD_TOP_DOWN else list(range(start - 1, head - 1, -1))
    above = list(range(head - 1, max(-1, head - 1 - SCAN_ABOVE), -1))
    into = list(range(start, min(end, start + SCAN_INTO)))
    far = list(range(head - 1 - SCAN_ABOVE, max(-1, head - 1 - CUED_ABOVE), -1))
    near, far_set = in_head + into + above, set(far)
    meta = Meta()
    for i in near + far + list(range(end, min(len(lines), end + CUED_AFTER))):
        label = labels[i]
        if label.barrier and i >= end:
            break  # comments or teasers begin: their dates and names are not the article's
        if label.reason in FOREIGN_REASONS or label.words > META_MAX_WORDS or i in meta.used or i in taken:
            continue
        bylines = i not in far_set and i < end + SCAN_AFTER
        if bylines and not meta.authors and not meta.source and _take_byline(lines, labels, i, lex, meta):
            continue
        if meta.published is None and label.kind != "good":
            bare = i not in far_set and (i < end or _date_under_body(lines, labels, end, i, lex))
            if bare or _cued_date(lines[i].text, lex):
                _take_date(lines[i].text, i, lex, meta, strict=start <= i < end)
        elif bylines and not meta.authors and not meta.source and label.kind != "good" and find_date(lines[i].text, lex):
            meta.authors = _names_beside_date(lines[i].text)  # a second date line: "X | 24.10.2023"
            if meta.authors:
                meta.used.add(i)
    if not meta.authors and not meta.source:
        _bare_name(lines, labels, in_head + above[:BARE_NAME_ABOVE] + into, meta, taken)
    return meta


def _take_date(text: str, i: int, lex: Lexicon, meta: Meta, strict: bool) -> None:
    """``strict``: a line of the body is taken only when it is mostly a date (``_mostly_date``):
    taking it removes it from the text."""
    found = find_date(text, lex)
    if found and (not strict or _mostly_date(text, lex)):
        meta.published, meta.date_line = found, i
        meta.used.add(i)
        if not meta.authors and not meta.source:
            meta.authors = _names_beside_date(text)


def _bare_name(lines: list[Line], labels: list[Label], window: list[int], meta: Meta, taken: set[int]) -> None:
    """A line that is only a person's name, next to the date line.

    A name alone says little ("Angelschein Bayern" looks like one); the byline's place beside
    the date is the evidence (a name printed twice, e.g. in an author box, is debris only by
    repetition and still counts).
    """
    if meta.date_line is None:
        return
    for i in window:
        if i in meta.used or i in taken or abs(i - meta.date_line) > NAME_DATE_DISTANCE:
            continue
        label = labels[i]
        if not (label.reason is None or label.repeated):
            continue
        name = person_name(lines[i].text)
        if name:
            meta.authors = [name]
            meta.used.add(i)
            return


def _names_beside_date(text: str) -> list[str]:
    """A person's name beside the date in one line: "Felix Eisenreich // 1. November 2023"."""
    for part in _SEGMENT.split(text):
        name = person_name(part)
        if name:
            return [name]
    return []


def person_name(text: str) -> str | None:
    """``text`` when it is a person's name only ("Boris T. Kaiser", "Carola Pönisch", "Julia
    Steinhoff /"); None for one word, lower-case words, or words of the language ("Die Tagespresse")."""
    text = text.strip(" |/-–—,·•")
    words = text.split()
    if not NAME_MIN_WORDS <= len(words) <= NAME_MAX_WORDS or not all(_NAME_PART.match(w) for w in words):
        return None
    if any(w.casefold().strip(".") in _not_name_words() for w in words) or agency_of(text):
        return None  # "Published Wed", "Associated Press" (an agency is the source)
    if words[0].casefold().endswith(_adjective_endings()):
        return None  # "Aktuelle Produkte", "Gesundheitliche Probleme": an adjective and a noun
    return text


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Words of the language, roles and date words: never part of a name alone on a line.

    Month names are left out: "Jan", "April" and "August" are first names too.
    """
    lex = load_lexicon()
    words = lex.stopwords | tables().not_person | tables().roles | lex.date_cues | _date_line_words()
    return frozenset(words - set(lex.months))


@lru_cache(maxsize=1)
def _lower_name_words() -> frozenset[str]:
    """Lower-case words a byline's names may hold: particles ("von der") and joiners ("und")."""
    return tables().particles | tables().joiners


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[str, ...]:
    return table_words("adjective_endings")


def _mostly_date(text: str, lex: Lexicon) -> bool:
    """A date line says little besides the date: "Energie & Umwelt 26. Oktober 2023", "9. Februar
    2019 von Heiko"; a sentence with a date in it ("In seinem Beitrag von 5. Januar 2015 erörtert
    Wolfgang") is not one."""
    allowed = _date_line_words() | lex.time_words | lex.date_cues
    other = [w for w in cue_key(text).split() if w not in lex.months and w not in allowed]
    return len(other) <= DATE_LINE_OTHER_WORDS


def _date_under_body(lines: list[Line], labels: list[Label], end: int, i: int, lex: Lexicon) -> bool:
    """A line of only a date right under the text ("07.08.2013 um 09:07 Uhr"), no debris between.

    A teaser's date sits after a header or a link row, and carries its title ("23.12.2024:
    Anderer Artikel."), so it is never taken.
    """
    if i >= end + TAIL_BARE_DATE or any(labels[j].is_bad for j in range(end, i)):
        return False
    return all(word in lex.months or word in _date_line_words() for word in cue_key(lines[i].text).split())


@lru_cache(maxsize=1)
def _date_line_words() -> frozenset[str]:
    return frozenset(table_words("date_line_words"))


def _cued_date(text: str, lex: Lexicon) -> bool:
    """After the body only a date with a cue word counts ("Erstellt am: 01.11.2023")."""
    return any(word in lex.date_cues for word in cue_key(text).split(" ")[:2])


def _take_byline(lines: list[Line], labels: list[Label], i: int, lex: Lexicon, meta: Meta) -> bool:
    found = read_byline(lines, i, lex, lambda j: j < len(lines) and _name_line(lines[j], labels[j]))
    if found is None:
        return False
    meta.authors, meta.source, names_line = found
    meta.used.add(i)
    date = find_date(lines[i].text, lex)  # "9. Februar 2019 von Heiko" carries both
    if names_line is not None:
        meta.used.add(names_line)
        if not date:
            meta.cue_lines.append(i)
    if meta.published is None and date:
        meta.published = date
    return True


def read_byline(
    lines: list[Line], i: int, lex: Lexicon, names_line_ok: Callable[[int], bool]
) -> tuple[list[str], str | None, int | None] | None:
    """(names, source, index of the names line) of a byline at line ``i``, or None.

    When the cue stands alone ("Von", "Post author"), the names are on line ``i + 1``, taken
    only if ``names_line_ok`` accepts it; the index is None when the names share the cue's line.
    """
    names_text = byline_names(lines[i].text, lex)
    if names_text is None:
        return None
    names_line: int | None = None
    if not names_text.strip(" :,|-–"):
        names_line = i + 1
        if not names_line_ok(names_line):
            return None
        names_text = lines[names_line].text
    names, source = names_from(names_text, lex)
    if not names and not source:
        return None
    return names, source, names_line


def _name_line(line: Line, label: Label) -> bool:
    """A line that can hold the names under a cue line: short, no cue of its own ("Suche"), no
    label ("Organization:"); a name printed twice on the page is debris only by repetition."""
    text = line.text
    if not text or label.words > NAME_LINE_MAX_WORDS or text.endswith(":"):
        return False
    return label.reason is None or label.repeated


def byline_names(text: str, lex: Lexicon) -> str | None:
    """The part of a byline line after its cue ("" when the names follow on the next line).

    The cue opens the line ("Von X", "Autor: X"), is the whole line ("Post author", "Von"
    above the names), or follows a date or time ("9. Februar 2019 von Heiko"); else ``None``.
    """
    m = lex.byline_cue.search(text)
    if m is None:
        return None
    before = text[: m.start()].strip(" |·•,-–")
    if before and not _date_words_only(before, lex):
        return None  # "Zitat von", "1 Heft zum Befragen von": what precedes the cue is no date
    return text[m.end() :]


def _date_words_only(text: str, lex: Lexicon) -> bool:
    """A date or time and nothing else: "9. Februar 2019", "25. Oktober 2023 15:31", "vor 11 Minuten"."""
    if len(text.split()) > LEAD_MAX_WORDS or _TIME_OR_DATE.search(text) is None:
        return False
    allowed = _date_line_words() | lex.time_words
    return all(w in lex.months or w in allowed for w in cue_key(text).split())


def names_from(text: str, lex: Lexicon) -> tuple[list[str], str | None]:
    """Names and agency of the text after a byline cue, when every word of it can be part of one.

    "Berlin nach Hamburg" or "der Leyen reist nach Kiew" (a headline that starts with "Von") has
    lower-case words outside name particles, so it is no byline.
    """
    cut = lex.names_end.split(text, maxsplit=1)[0]
    handle = cut.strip()
    if _HANDLE.match(handle):  # a user name under a cue: "von" / "gizzmo"
        ok = handle not in lex.stopwords and clean_name(handle) == handle
        return ([handle] if ok else []), None
    for word in _WORD.findall(cut):
        if word[:1].islower() and word.casefold() not in _lower_name_words() and agency_of(word) is None:
            return [], None
    names, source = split_byline(cut)
    roles = tables().roles  # "Jamelle Bouie, Opinion Columnist": the role line is no second author
    names = [n for n in names if clean_name(n) and n[:1].isupper() and roles.isdisjoint(n.casefold().split())]
    names = [n for n in names if n.casefold() not in lex.months]  # "X, IFZ, Oktober 2008"
    return names, source
