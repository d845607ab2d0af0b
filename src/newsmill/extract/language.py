"""Language identification: a maintained model (py3langid) over the extracted text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Below this many letters identification is a coin toss; keep what the page declares instead.
MIN_LETTERS = 40
# Only this much text is fed to the identifier: 1,000 characters (~150 words) identify de/en/fr/…
# reliably, and the cost grows faster than linearly (0.3 ms here vs 1.2 ms for 3,000).
SAMPLE_CHARS = 1000
_NON_LETTERS = re.compile(r"[\W\d_]+", re.U)
_CODE_END = re.compile(r"[-_\s,;]")
_CODE = re.compile(r"[a-z]{2,3}")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from newsmill.extract.langid_model import identifier

    return identifier(MODEL_DIR / MODEL_FILE)


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and confidence, or (None, 0.0) when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(_NON_LETTERS.sub("", sample)) < MIN_LETTERS:  # counted without a list of every letter
        return None, 0.0
    by_words = function_word_language(sample)
    if by_words:
        return by_words, FUNCTION_WORD_CONFIDENCE
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


# Text in a lexicon language is told by its function words alone; the statistical model (numpy
# and a ~0.5 s model load in every process) is asked only when they do not settle it. The text
# must be at least this share a language's own function words (those no other lexicon language
# has), that share this many times the runner-up's, and spread over this many different words
# (a lone "a" or "do" is Portuguese as often as English).
FUNCTION_WORD_SHARE = 0.12
FUNCTION_WORD_DISTINCT = 6
FUNCTION_WORD_MARGIN = 5.0
FUNCTION_WORD_CONFIDENCE = 0.99
_WORD = re.compile(r"[^\W\d_]+", re.U)


def function_word_language(sample: str) -> str | None:
    """The lexicon language whose own function words clearly dominate ``sample``, else None."""
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    own = _own_function_words()
    scores = []
    for lang, table in own.items():
        hits = [w for w in words if w in table]
        scores.append((len(hits) / len(words), len(set(hits)), lang))
    scores.sort(reverse=True)
    best, distinct, lang = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if best >= FUNCTION_WORD_SHARE and distinct >= FUNCTION_WORD_DISTINCT and best >= FUNCTION_WORD_MARGIN * runner_up:
        return lang
    return None


@lru_cache(maxsize=1)
def _own_function_words() -> dict[str, frozenset[str]]:
    from newsmill.extract.lexicon import available_languages, read_table

    tables = {lang: frozenset(read_table(lang).get("stopwords", [])) for lang in available_languages()}
    return {lang: words.difference(*(w for other, w in tables.items() if other != lang))
            for lang, words in tables.items()}


def normalise_code(declared: str | None) -> str | None:
    """'de-AT' -> 'de', 'EN_us' -> 'en'; None for junk."""
    if not declared:
        return None
    code = _CODE_END.split(declared.strip().lower(), maxsplit=1)[0]
    return code if _CODE.fullmatch(code) else None


# A confident detection overrides a page's declaration: CMS templates often declare a site-wide
# language that is wrong for syndicated or translated articles.
OVERRIDE_CONFIDENCE = 0.95


def choose_language(declared: str | None, text: str) -> tuple[str | None, str | None]:
    """The article's language and a warning when the declaration was overridden."""
    code = normalise_code(declared)
    detected, prob = detect_language(text)
    if detected is None:
        return code, None
    if code is None:
        return detected, None
    if code != detected and prob >= OVERRIDE_CONFIDENCE:
        return detected, f"language: page declares {code!r} but the text is {detected!r}"
    return code, None
