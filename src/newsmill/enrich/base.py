"""What every enricher is: Article -> Article, declaring what it needs and what it adds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from newsmill.article import Article


@dataclass
class EnrichContext:
    """What enrichers know beyond the Article: its language and the date relative times anchor on."""

    language: str
    anchor: dt.date | None = None  # the publication date; relative dates are read against it
    warnings: list[str] = field(default_factory=list)


class Enricher(Protocol):
    """A pipeline step. ``requires``/``assigns`` name Article fields; the pipeline checks the order."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article, context: EnrichContext) -> None:
        """Add annotations to ``article`` in place; spans index into ``article.text``."""
