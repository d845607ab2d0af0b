"""Refuse inputs that are not prose at all (random bytes, binary files, mojibake) before extraction.

Random bytes otherwise reach the extractor, which finds "paragraphs" in them and stores a
garbage article. The test is on character statistics of a sample, markup removed, so it is cheap
(~0.3 ms per page, on the reader thread) and works for any language: real pages, whatever their
script or encoding, are almost free of control, unassigned and undecodable characters and use few
scripts; random bytes are full of the first and random code points spread over many scripts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Raw bytes looked at: the head of a page says whether it is text; the rest costs time only.
SAMPLE_BYTES = 32_768
# Below this many visible characters there is too little to judge: the extractor decides.
MIN_CHARS = 64
# Share of control / unassigned / private-use / undecodable characters above which it is not text.
# A legacy-encoded page read as UTF-8 loses its umlauts (~2 %); random bytes are over 40 %.
MAX_BAD_SHARE = 0.10
# Distinct scripts among the letters above which it is random code points, not a language
# (a Japanese page uses 4: CJK, hiragana, katakana, Latin; a multilingual page rarely more than 6).
MAX_SCRIPTS = 8
_TAGS = re.compile(rb"<[^>]{0,2000}>")
_WHITESPACE = {"\t", "\n", "\r", "\f", "\v"}
_BAD_CATEGORIES = {"Cc", "Cn", "Co", "Cs"}
# Bad characters counted one str.count scan each up to this many distinct ones; past it, one pass.
_COUNT_EACH_MAX = 64


def not_prose(raw: bytes | str) -> str | None:
    """Why ``raw`` cannot be a page of text, or None when it may be."""
    data = raw[:SAMPLE_BYTES].encode("utf-8", "replace") if isinstance(raw, str) else raw[:SAMPLE_BYTES]
    head = _TAGS.sub(b" ", data)
    text = _decode(head)
    # Over distinct characters, not every character: this runs on the task's reader thread for
    # every record, and a Python loop over 32 KB of characters cost ~2.5 ms a page there (more
    # than the rest of reading). A page has ~100 distinct characters; the bad ones among them
    # (usually none) are counted by str.count, whitespace by str.split, both at C speed.
    distinct = set(text)
    visible = sum(map(len, text.split()))  # str.split cuts at exactly the characters isspace() is true of
    if visible < MIN_CHARS:
        return None
    bad_chars = [c for c in distinct if not c.isspace() and (
        c == "\ufffd" or (unicodedata.category(c) in _BAD_CATEGORIES and c not in _WHITESPACE))]
    if len(bad_chars) > _COUNT_EACH_MAX:  # random code points: one pass, not a scan per character
        counts = Counter(text)
        bad = sum(counts[c] for c in bad_chars)
    else:
        bad = sum(text.count(c) for c in bad_chars)
    if bad / visible > MAX_BAD_SHARE:
        return (f"not prose: {100 * bad / visible:.0f}% of the characters are control, unassigned "
                "or undecodable (binary data or random bytes?)")
    scripts = {_script(c) for c in distinct if c.isalpha()}
    if len(scripts) > MAX_SCRIPTS:
        return f"not prose: letters from {len(scripts)} different scripts (random characters?)"
    return None


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    text = data.decode("utf-8", "replace")
    if text.count("\ufffd") > MAX_BAD_SHARE * len(text):
        # a legacy single-byte encoding: every byte is a character, and control bytes still show
        text = data.decode("latin-1")
    return text


def _script(char: str) -> str:
    """The script of a letter by its Unicode name's first word (LATIN, CYRILLIC, CJK, ...)."""
    return unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
