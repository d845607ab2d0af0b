"""Calendar arithmetic and TIMEX value formatting for the time tagger (no language knowledge)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_POINT = re.compile(r"^(BC)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class Point:
    """A calendar point of year, month or day granularity; BC years are negative."""

    year: int
    month: int | None = None
    day: int | None = None

    def date(self) -> dt.date | None:
        if self.month is None or self.day is None or not 1 <= self.year <= 9999:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def fmt_year(year: int) -> str:
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def fmt_point(point: Point) -> str:
    out = fmt_year(point.year)
    if point.month is not None:
        out += f"-{point.month:02d}"
        if point.day is not None:
            out += f"-{point.day:02d}"
    return out


def fmt_date(day: dt.date) -> str:
    return day.isoformat()


def fmt_week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def parse_point(value: str) -> Point | None:
    """The calendar point a value starts with ("1944-06-06TMO" -> 1944-06-06), or None."""
    m = _POINT.match(value)
    if not m:
        return None
    year = int(m.group(2)) * (-1 if m.group(1) else 1)
    month = int(m.group(3)) if m.group(3) else None
    day = int(m.group(4)) if m.group(4) else None
    return Point(year, month, day)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def add_days(day: dt.date, n: int) -> dt.date | None:
    try:
        return day + dt.timedelta(days=n)
    except OverflowError:
        return None


def weekday_near(base: dt.date, weekday: int, direction: int, strict: bool = False) -> dt.date | None:
    """The ``weekday`` on or before (direction < 0) or on or after (>= 0) ``base``.

    ``strict`` excludes ``base`` itself ("letzten Montag" said on a Monday is a week ago).
    """
    delta = weekday - base.weekday()
    if direction < 0:
        back = (-delta) % 7 or (7 if strict else 0)
        return add_days(base, -back)
    ahead = delta % 7 or (7 if strict else 0)
    return add_days(base, ahead)


def week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(spec: str, year: int) -> dt.date | None:
    """``spec`` is "MM-DD", "E+n"/"E-n" (days from Easter Sunday) or "N<n>-<weekday>-<MM>"
    (the n-th weekday of the month, Monday = 0; n = -1 the last: "N4-3-11" is Thanksgiving)."""
    if not 1 <= year <= 9999:
        return None
    if spec.startswith("E"):
        return add_days(easter(year), int(spec[1:]))
    if spec.startswith("N"):
        n, weekday, month = (int(x) for x in spec[1:].rsplit("-", 2))
        return nth_weekday(year, month, weekday, n)
    month, day = (int(x) for x in spec.split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def expand_two_digit_year(short: int, near: int) -> int:
    """The year ending in ``short`` closest to ``near`` ("39" near 1941 -> 1939)."""
    century = near - near % 100
    candidates = (century - 100 + short, century + short, century + 100 + short)
    return min(candidates, key=lambda y: abs(y - near))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The n-th ``weekday`` of the month (n = -1: the last one)."""
    if n > 0:
        first = dt.date(year, month, 1)
        day = add_days(first, (weekday - first.weekday()) % 7 + 7 * (n - 1))
    else:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        day = add_days(last, -((last.weekday() - weekday) % 7))
    return day if day is not None and day.month == month else None
