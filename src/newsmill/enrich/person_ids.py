"""One id for one person however fully the name is written: "Owen John Dempsey" and "Owen Dempsey".

Articles give a person's middle names or initials in one place and not in another ("George W.
Bush" / "George Bush", "Owen John Dempsey" / "Owen Dempsey"), so an id derived from the whole
canonical name splits one person in two. The id of a person is derived from the name without its
middle given names: a word between the first and the last that is an initial ("W.") or a known
first name ("John"). A middle word that is neither ("García" in "Gabriel García Márquez", "Der" in
"James Van Der Beek", "von" in "Johann Wolfgang von Goethe") keeps every word of the name: it may
be part of the surname. The name itself is left as written; only the id is shared.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from newsmill.article import entity_id

# A name needs a first name, a middle word and a surname before anything is dropped.
MIN_WORDS_WITH_MIDDLE = 3


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """First names (``data/quotes/first_names.json``, built from Faker's person providers, MIT)."""
    path = resources.files("newsmill") / "data" / "quotes" / "first_names.json"
    if not path.is_file():
        return frozenset()
    return frozenset(json.loads(path.read_text(encoding="utf-8")).get("names", {}))


def _initial(word: str) -> bool:
    """"W.", "J", "H.W.": capital letters each with or without a period."""
    letters = word.replace(".", "")
    return 0 < len(letters) <= 2 and letters.isalpha() and letters.isupper()


def person_key(name: str) -> str:
    """The name without middle given names and initials, when every middle word is one."""
    words = name.split()
    if len(words) < MIN_WORDS_WITH_MIDDLE:
        return name
    middle = words[1:-1]
    names = _first_names()
    if all(_initial(w) or w in names for w in middle) and not _initial(words[-1]):
        return f"{words[0]} {words[-1]}"
    return name


def canonical_id(label: str, name: str) -> str:
    """``entity_id`` of the canonical name; a person's without middle names ("per:owen-dempsey")."""
    return entity_id(label, person_key(name) if label == "PER" else name)
