"""Charts drawn as SVG on the server: no chart library, no script, readable without JavaScript.

Labels go through ``html.escape``; numbers are formatted by us, so the SVG carries nothing unescaped.
"""

from __future__ import annotations

import math
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup

from newsmill.web.outline import HEIGHT, WIDTH, project

WORLD = Path(__file__).parent / "static" / "world.path"
CHART_W, CHART_H, PAD = 720, 140, 24
MAX_BARS = 400
MAX_BAR_W = 48


def timeline(series: list[dict[str, Any]]) -> Markup:
    """Articles per period as bars, with the first, last and highest period labelled."""
    series = series[-MAX_BARS:]
    if not series:
        return Markup("")
    top = max(s["count"] for s in series) or 1
    n = len(series)
    step = min((CHART_W - 2 * PAD) / n, MAX_BAR_W)  # a few periods stay bars, not slabs
    bars = []
    for i, s in enumerate(series):
        h = (CHART_H - 2 * PAD) * s["count"] / top
        x, y = PAD + i * step, CHART_H - PAD - h
        label = escape(f"{s['period']}: {s['count']} articles")
        bars.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(step - 1, 1):.1f}" height="{h:.1f}">'
                    f"<title>{label}</title></rect>")
    first, last = escape(str(series[0]["period"])), escape(str(series[-1]["period"]))
    ends = (f'<text x="{PAD}" y="{CHART_H - 6}">{first}</text>'
            + (f'<text x="{PAD + n * step}" y="{CHART_H - 6}" text-anchor="end">{last}</text>' if n > 1 else ""))
    axis = (ends +
            f'<text x="{PAD}" y="{PAD - 8}">{top} max</text>')
    return Markup(f'<svg class="timeline" viewBox="0 0 {CHART_W} {CHART_H}" role="img" '
                  f'aria-label="matching articles over time">{"".join(bars)}{axis}</svg>')


@lru_cache(maxsize=1)
def _outline() -> str:
    return WORLD.read_text().strip()


def world_map(places: list[dict[str, Any]]) -> Markup:
    """The world outline with a circle per place, its area proportional to its article count."""
    top = max((p["articles"] for p in places), default=1)
    dots = []
    for p in sorted(places, key=lambda p: -p["articles"]):
        if p["lat"] is None or p["lon"] is None:
            continue
        x, y = project(float(p["lon"]), float(p["lat"]))
        r = 2 + 12 * math.sqrt(p["articles"] / top)
        label = escape(f"{p['name']} ({p['country'] or '?'}): {p['articles']} articles")
        href = escape("/entities/" + str(p["id"]))
        dots.append(f'<a href="{href}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
                    f"<title>{label}</title></circle></a>")
    return Markup(f'<svg class="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="map of places">'
                  f'<rect class="sea" width="{WIDTH}" height="{HEIGHT}"/><path class="land" d="{_outline()}"/>'
                  f'{"".join(dots)}</svg>')
