"""Embedded social-media posts: their own date line, and the day their deictic words count from.

A post quoted by embed code ends with a signature line, "— Name (@handle) November 1, 2019"
(Twitter/X's embed format, written in English whatever the page's language). "today" in the post
is that day, not the article's publication day, and the signature's date is one time expression.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# The signature line: a dash, a display name, the handle in parentheses, then the date to the end
# of the line. The name is short and has no line break or parenthesis of its own.
_SIGNATURE = re.compile(r"(?m)^[—–-][ \t]?[^\n()]{1,80}\(@\w{1,30}\)[ \t]+(?P<date>[^\n]{6,40}?)[ \t]*$")


@dataclass(frozen=True)
class Embed:
    body_start: int  # where the post's text begins: the block before the signature line
    line_start: int  # where the signature line begins
    date_start: int  # the signature's date
    date_end: int


def find_embeds(text: str) -> list[Embed]:
    """The signature lines of embedded posts, each with the block of text before it."""
    if "(@" not in text:
        return []
    out = []
    for m in _SIGNATURE.finditer(text):
        line_start = m.start()
        body_end = text.rstrip().rfind("\n\n", 0, line_start)
        body_end = body_end if body_end >= 0 and not text[body_end:line_start].strip() else line_start
        body_start = text.rfind("\n\n", 0, max(0, body_end))
        out.append(Embed(0 if body_start < 0 else body_start + 2, line_start, m.start("date"), m.end("date")))
    return out


def day_of(embeds: list[Embed], days: dict[int, dt.date], at: int) -> dt.date | None:
    """The date of the embedded post whose text holds offset ``at``, if it was read."""
    for e in embeds:
        if e.body_start <= at < e.line_start:
            return days.get(e.line_start)
    return None
