"""Whether a position lies inside a direct quotation of its paragraph.

"today", "heute", "yesterday" inside quotation marks count from the day the words were said,
which a news text often does not give ("we needed to win this game today," the coach said — the
day of the game; a statement from Friday quoted on Monday). Such a deictic is a day, but not one
the reader can date from the publication day.
"""

from __future__ import annotations

# Opening -> closing marks. German „…“ and »…«, English “…”, Swiss/French «…»; the straight " pairs with itself.
_PAIRS = (("„", "“"), ("“", "”"), ("»", "«"), ("«", "»"))


def inside_quotation(text: str, at: int) -> bool:
    """True when more quotations open than close between the paragraph's start and ``at``."""
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    if before.count('"') % 2:
        return True
    german = "„" in before
    for opening, closing in _PAIRS:
        if opening == "“" and german:
            continue  # in „…“ the “ closes
        if closing == "“" and not german:
            continue
        if before.count(opening) > before.count(closing):
            return True
    return False
