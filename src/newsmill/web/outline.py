"""Build the shipped world outline (``static/world.path``: one SVG path, equirectangular, 720×360)
from Natural Earth land polygons as TopoJSON (npm ``world-atlas``, ``land-110m.json``). Run once at
development time: ``python -m newsmill.web.outline land-110m.json``; the server only reads the result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = 720, 360
OUT = Path(__file__).parent / "static" / "world.path"


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) * WIDTH / 360, (90 - lat) * HEIGHT / 180


def _arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs, delta-decoded and un-quantised to (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def svg_path(topo: dict[str, Any]) -> str:
    arcs = _arcs(topo)
    rings: list[list[int]] = []
    for geom in topo["objects"]["land"]["geometries"]:
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for poly in polys:
            rings.extend(poly)
    parts = []
    for ring in rings:
        pts: list[tuple[float, float]] = []
        for i in ring:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(arc if not pts else arc[1:])
        # a ring that jumps across the antimeridian (Chukotka, Fiji) is drawn as separate pieces,
        # else its jump becomes a line across the whole map
        pieces: list[list[tuple[float, float]]] = [[]]
        for k, (lon, lat) in enumerate(pts):
            if k and abs(lon - pts[k - 1][0]) > 180:
                pieces.append([])
            pieces[-1].append(project(lon, lat))
        for piece in pieces:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in piece) + "Z")
    return "".join(parts)


if __name__ == "__main__":
    OUT.write_text(svg_path(json.loads(Path(sys.argv[1]).read_text())) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")
