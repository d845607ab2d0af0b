"""Options and the per-page budget shared by the extractors."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

# A page that takes longer than this is cut short with a warning; typical pages take ~5 ms.
DEFAULT_TIME_BUDGET_S = 10.0
# The budget counts the CPU time of the extracting thread, not the wall clock: on a busy machine a
# page starved of the processor is not cut short, and the limit means the same everywhere.
_clock = time.thread_time
# Deeper DOMs are flattened below this depth: real pages stay under ~60 levels, and lxml's own
# parser refuses nesting past 255 unless told otherwise.
MAX_DOM_DEPTH = 200
# A page whose budget is spent before its body is read (a slow parse or metadata read) still gets
# this share of the budget, at most FALLBACK_MAX_S, to find body text for a partial result: enough
# for a few hundred thousand elements, small enough that the page ends near its budget.
FALLBACK_SHARE = 0.1
FALLBACK_MAX_S = 1.0
# Every partial result says so with this word in its warning (users and tests look for it).
PARTIAL = "partial result"
# A partial result (HTML or text dump) keeps at most this much body text: twice a long read
# (~50k characters); a page with more article-like text than that before its budget ran out is
# repeating itself.
MAX_PARTIAL_CHARS = 100_000


class BudgetExceeded(RuntimeError):
    """Raised inside an extractor when the page's time budget is spent."""


@dataclass
class ExtractOptions:
    """How one page is extracted. One object, passed down, instead of many keyword arguments."""

    url: str | None = None
    published: str | None = None
    language: str | None = None
    time_budget_s: float = DEFAULT_TIME_BUDGET_S
    max_depth: int = MAX_DOM_DEPTH
    started: float = field(default_factory=lambda: _clock())

    def spent(self) -> bool:
        return _clock() - self.started > self.time_budget_s

    def check_time(self) -> None:
        if self.spent():
            raise BudgetExceeded(self.budget_message())

    def budget_message(self) -> str:
        return f"time: page took longer than {self.time_budget_s:g} s of CPU time"

    def fallback_check(self) -> Callable[[], None]:
        """A time check for the bounded extra work that rescues a partial result once the budget is
        spent: it raises ``BudgetExceeded`` when the grace period from now on is over."""
        deadline = _clock() + min(FALLBACK_MAX_S, FALLBACK_SHARE * self.time_budget_s)
        message = self.budget_message()

        def check() -> None:
            if _clock() > deadline:
                raise BudgetExceeded(message)

        return check


def partial_warning(cause: BudgetExceeded | str, kept: str) -> str:
    """The warning of a page cut short by its budget: why, and what the partial result holds."""
    return f"{cause}; {PARTIAL}: {kept}"
