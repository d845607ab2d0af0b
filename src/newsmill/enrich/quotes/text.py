"""Tokens and sentences for the quote finder: regular expressions, no model, linear time."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words keep inner hyphens, apostrophes and dots ("SPD-Chef", "Kim's", "z.B"); anything else
# that is not a space is a one-character token. Digit groups ("100,000", "7,1") are one number:
# a comma between digits opens no clause. A dot before a capitalised word ("wurden.Das") is a
# full stop whose space was lost, not a dot inside a word.
_TOKEN = re.compile(r"\d+(?:,\d+)+|[^\W_]+(?:(?:[-'’&]|\.(?![A-ZÄÖÜ][a-zäöüß]))[^\W_]+)*|\S")
_SENTENCE_END = frozenset(".!?…")
# Numbers this short before a dot are ordinals ("am 13. September"), not sentence ends.
MAX_ORDINAL_DIGITS = 2
# Sentences longer than this are cut: clause analysis is linear in it, and longer "sentences" are
# lists, tables or broken text where quote patterns do not apply anyway.
MAX_SENTENCE_TOKENS = 300


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    low: str  # lower-cased once: every rule compares it


@dataclass(frozen=True, slots=True)
class Sentence:
    first: int  # index of the first token
    last: int  # index one past the last token
    start: int  # character offsets
    end: int
    paragraph: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), (w := m.group()), w.lower()) for m in _TOKEN.finditer(text)]


def _is_boundary(text: str, tokens: list[Token], i: int, abbreviations: frozenset[str], closers: frozenset[str],
                 starters: frozenset[str] = frozenset()) -> int:
    """If a sentence ends after token ``i``, return the index of its last token (after closers), else -1."""
    tok = tokens[i]
    if tok.text == ";":
        return i  # a semicolon joins two main clauses: each is read as a sentence of its own
    if tok.text not in _SENTENCE_END:
        return -1
    if i > 0 and tok.text == "." and tokens[i - 1].end == tok.start:
        prev = tokens[i - 1].text
        if prev in abbreviations or (len(prev) == 1 and prev.isupper()):
            return -1
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        # "am 3. Oktober" is an ordinal, "des Modells 3. Ein Sprecher …" a sentence end
        decimal = i > 1 and tokens[i - 2].text in ",." and tokens[i - 2].end == tokens[i - 1].start  # "7,1."
        if prev.isdigit() and len(prev) <= MAX_ORDINAL_DIGITS and "\n" not in text[tok.end : tok.end + 2] \
                and following not in starters and not decimal:
            return -1
    j = i
    while j + 1 < len(tokens) and (tokens[j + 1].text in closers or tokens[j + 1].text in ")]") and tokens[j + 1].start == tokens[j].end:
        j += 1
    if j + 1 >= len(tokens):
        return j
    nxt = tokens[j + 1]
    if nxt.start == tokens[j].end:
        # "wurden.Das": a full stop whose space was lost ends the sentence after a lower-case word
        lost_space = j == i and tok.text == "." and i > 0 and tokens[i - 1].text.isalpha() \
            and tokens[i - 1].text.islower() and nxt.text[:1].isupper() and nxt.text[1:2].islower()
        return i if lost_space else -1
    first = nxt.text[0]
    return j if (first.isupper() or first.isdigit() or not first.isalnum()) else -1


def split_sentences(
    text: str, tokens: list[Token], abbreviations: frozenset[str], closers: frozenset[str],
    starters: frozenset[str] = frozenset(),
) -> list[Sentence]:
    """Sentences over ``tokens``; newlines always end a sentence, blank lines a paragraph."""
    out: list[Sentence] = []
    start = 0
    paragraph = 0
    i = 0
    n = len(tokens)
    while i < n:
        end = _is_boundary(text, tokens, i, abbreviations, closers, starters)
        gap = text[tokens[i].end : tokens[i + 1].start] if i + 1 < n else ""
        if end < 0 and ("\n" in gap or i + 1 - start >= MAX_SENTENCE_TOKENS):
            end = i
        if end >= 0:
            out.append(Sentence(start, end + 1, tokens[start].start, tokens[end].end, paragraph))
            after = text[tokens[end].end : tokens[end + 1].start] if end + 1 < n else ""
            paragraph += after.count("\n") >= 2
            start = i = end + 1
            continue
        i += 1
    if start < n:
        out.append(Sentence(start, n, tokens[start].start, tokens[n - 1].end, paragraph))
    return out


def merge_across(sentences: list[Sentence], spans: list[tuple[int, int]]) -> list[Sentence]:
    """Join sentences whose boundary falls inside one of ``spans`` (a quotation running over several)."""
    if not spans or not sentences:
        return sentences
    out = [sentences[0]]
    k = 0
    for sent in sentences[1:]:
        prev = out[-1]
        while k < len(spans) and spans[k][1] <= prev.end:
            k += 1
        inside = k < len(spans) and spans[k][0] < prev.end and spans[k][1] > sent.start
        if inside and prev.paragraph == sent.paragraph:
            out[-1] = Sentence(prev.first, sent.last, prev.start, sent.end, prev.paragraph)
        else:
            out.append(sent)
    return out


# Tokens of a sentence that may be only the attribution of the question or exclamation before it.
MAX_ATTRIBUTION_TOKENS = 10
# Tokens from its start within which such an attribution has its verb ("Brooke tearfully asked").
MAX_ATTRIBUTION_VERB = 4


def join_attributions(sentences: list[Sentence], tokens: list[Token], closers: frozenset[str],
                      cue_forms: frozenset[str], openers: frozenset[str]) -> list[Sentence]:
    """Join a quotation ending in "?" or "!" and the short attribution after it, which the
    splitter took for a new sentence: "“Can I give it to James?” Brooke tearfully asked." """
    out: list[Sentence] = []
    for sent in sentences:
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == sent.paragraph and sent.last - sent.first <= MAX_ATTRIBUTION_TOKENS \
                and prev.last - prev.first >= 2 and tokens[prev.last - 1].text in closers \
                and tokens[prev.last - 2].text in "?!" \
                and any(t.low in cue_forms for t in tokens[sent.first : sent.first + MAX_ATTRIBUTION_VERB]) \
                and not any(t.text in openers or t.text in closers for t in tokens[sent.first : sent.last]):
            out[-1] = Sentence(prev.first, sent.last, prev.start, sent.end, prev.paragraph)
        else:
            out.append(sent)
    return out
