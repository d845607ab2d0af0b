"""Name shapes shared by the enricher (one article) and the corpus (across articles)."""

from __future__ import annotations

# Acronyms: two to six capitals ("EU", "WHO", "UNESCO").
MIN_ACRONYM, MAX_ACRONYM = 2, 6


def is_acronym(name: str) -> bool:
    return MIN_ACRONYM <= len(name) <= MAX_ACRONYM and name.isalpha() and name.isupper()


def initials(full_name: str) -> str | None:
    """The acronym a multi-word name may be shortened to ("Europäische Union" → "EU"): the first
    letters of its capitalised words, None when that is no acronym's length."""
    if " " not in full_name.strip():
        return None
    letters = "".join(w[0] for w in full_name.split() if w[:1].isupper())
    return letters if MIN_ACRONYM <= len(letters) <= MAX_ACRONYM else None
