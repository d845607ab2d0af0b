"""Time expressions, normalised to calendar values: the ``times`` enricher.

Rules and words live in ``newsmill/data/times/<lang>.json`` (German and English); the engine in
``time_*`` modules is language-independent. Values follow TIMEX2/TIMEX3: 2023-09-09, 2024-05,
1948, 199 (a decade), 19 (a century), 2024-W12, 2023-SU, P3Y, PRESENT_REF, and intervals as
"start/end". Each interval is reported beside its two parts, so both the parts and the whole
can be found. Relative expressions are read against the publication date (news style) or the
last mentioned date (narrative style); see ``anchor``. A relative expression that nothing
anchors keeps the value "" and the article gets a warning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from newsmill.article import Article, TimeExpression
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.times.anchor import Reference
from newsmill.enrich.times.calendar import parse_point
from newsmill.enrich.times.detect import Budget, intervals, resolve
from newsmill.enrich.times.embeds import Embed, day_of, find_embeds
from newsmill.enrich.times.tables import TimeTables, load_tables

# Languages without tables are tagged with these (dates like 2024-03-14 still come out right).
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class TimeOptions:
    """How values are written and anchored."""

    style: Literal["news", "narrative"] = "news"
    # Append TIMEX2 part-of-day codes ("2023-09-08TEV"); off by default so "am Freitagabend"
    # is the plain date 2023-09-08 that users compare on.
    part_of_day: bool = False
    # Report "ab Sonntag … bis 13. September" also as one interval "2023-09-10/2023-09-13".
    intervals: bool = True


def tag_times(text: str, language: str, anchor: object, options: TimeOptions | None = None,
              warnings: list[str] | None = None) -> list[TimeExpression]:
    """The time expressions of ``text``: spans into it with normalised values."""
    from newsmill.extract.language import normalise_code

    options = options or TimeOptions()
    code = normalise_code(language)  # "de-AT" → "de"; None for junk (never a path to a table file)
    tables = (load_tables(code) if code else None) or load_tables(FALLBACK_LANGUAGE)
    if tables is None or not text:
        return []
    dct = anchor if isinstance(anchor, dt.date) else None
    ref = Reference(dct=dct, narrative=options.style == "narrative")
    budget = Budget()
    embeds = find_embeds(text)
    days = _embed_days(text, embeds, tables)
    times = resolve(text, tables, ref, options.part_of_day, budget,
                    dct_at=(lambda at: day_of(embeds, days, at)) if days else None)
    if days:
        times = _with_embed_dates(text, times, embeds, days)
    if warnings is not None and budget.stopped_at is not None:
        warnings.append(f"times: text too dense in numbers and dates; tagged up to offset {budget.stopped_at}")
    if options.intervals:
        times = sorted(times + intervals(text, times, tables), key=lambda t: (t.start, -t.end))
    if warnings is not None and any(not t.value for t in times):
        warnings.append("times: relative time expressions left without a value (no publication date)")
    return times


# The language embed code writes a post's date in, whatever the page's language.
EMBED_DATE_LANGUAGE = "en"


def _embed_days(text: str, embeds: list[Embed], tables: TimeTables) -> dict[int, dt.date]:
    """The date of each embedded post (keyed by where its signature line starts), read from the
    signature as one full date."""
    days: dict[int, dt.date] = {}
    readers = [t for t in (load_tables(EMBED_DATE_LANGUAGE), tables) if t is not None]
    for e in embeds:
        line = text[e.date_start:e.date_end]
        for reader in readers:
            found = resolve(line, reader, Reference(dct=None, narrative=False), False)
            whole = [t for t in found if t.start == 0 and t.end == len(line)]
            point = parse_point(whole[0].value) if whole else None
            day = point.date() if point else None
            if day is not None:
                days[e.line_start] = day
                break
    return days


def _with_embed_dates(text: str, times: list[TimeExpression], embeds: list[Embed],
                      days: dict[int, dt.date]) -> list[TimeExpression]:
    """The signature's date as one expression, in place of what the page language's rules made
    of it ("October 27, 2021" in a German text: only "2021")."""
    for e in embeds:
        day = days.get(e.line_start)
        if day is None:
            continue
        times = [t for t in times if not (t.start < e.date_end and e.date_start < t.end)]
        times.append(TimeExpression(e.date_start, e.date_end, text[e.date_start:e.date_end], day.isoformat()))
    return sorted(times, key=lambda t: (t.start, -t.end))


class TimeTagger:
    """Enricher: fills ``article.times``."""

    name = "times"
    requires: tuple[str, ...] = ("text", "language")
    assigns: tuple[str, ...] = ("times",)

    def __init__(self, options: TimeOptions | None = None) -> None:
        self.options = options or TimeOptions()

    def __call__(self, article: Article, context: EnrichContext) -> None:
        article.times = tag_times(article.text, context.language, context.anchor, self.options,
                                  context.warnings)
