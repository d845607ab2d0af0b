"""Options and the per-page budget shared by the extractors."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

# A page that takes longer than this is cut short with a warning; typical pages take ~5 ms.
DEFAULT_TIME_BUDGET_S = 10.0
# Deeper DOMs are flattened below this depth: real pages stay under ~60 levels, and lxml's own
# parser refuses nesting past 255 unless told otherwise.
MAX_DOM_DEPTH = 200


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
    started: float = field(default_factory=time.monotonic)

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.time_budget_s:
            raise BudgetExceeded(f"time: page took longer than {self.time_budget_s:.0f} s")
