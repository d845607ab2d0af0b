"""Geocode LOC entities (and country names the recogniser missed) with the shipped gazetteer.

A name is read in the article's context (issue 15, class 2): the countries the article names (and
the countries of its language) decide between towns of one name, a town's name before ", <US state>"
is looked up in that state's country, and a place is refused where the evidence for it is weak: a
number before it ("100 Newton" is a unit), a foreign town found only under one of its alternate
names ("Sylt" is not Sylhet), or a small foreign town that no locative preposition introduces.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from newsmill.article import Article, Entity, Place, entity_id, place_id
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.entities.canonical import word_before
from newsmill.enrich.entities.kinds import celestial_bodies, town_prepositions
from newsmill.enrich.entities.lexicon import common_nouns, word_classes
from newsmill.enrich.entities.recognizer import LANGUAGES, MAX_CHARS  # the recogniser's languages and bound
from newsmill.enrich.places.gazetteer import MIN_SCAN_POPULATION, Gazetteer, PlaceRecord, gazetteer
from newsmill.enrich.places.regions import region

# The countries an article in a language is about when it names none ("Preetz" in a German paper).
HOME_COUNTRIES: dict[str, tuple[str, ...]] = {"de": ("DE", "AT", "CH"), "en": ("US", "GB", "CA", "AU", "IE", "NZ")}
# A foreign town found only under an alternate name is kept when it is at least this big.
MIN_ALTERNATE_POPULATION = 1_000_000
# A hyphenated name is a district of its first part when that is a city this big ("Dortmund-Dorstfeld";
# "Baden-Württemberg" is no part of Baden).
MIN_DISTRICT_CITY = 100_000
# A foreign town this small is kept only after a locative preposition ("in Sambir").
MIN_FOREIGN_POPULATION = 50_000


@dataclass
class PlaceOptions:
    scan_countries: bool = True  # also geocode unambiguous country names the recogniser missed


def _place(start: int, text: str, rec: PlaceRecord) -> Place:
    pid = place_id(rec.geonames_id) if rec.geonames_id else entity_id("LOC", rec.name)
    return Place(start, start + len(text), text, rec.name, pid, rec.geonames_id, rec.country, rec.lat, rec.lon)


def article_countries(entities: list[Entity], gaz: Gazetteer, language: str,
                      surnames: Collection[str] = ()) -> set[str]:
    """The countries an article is about: those it names, those of big cities it names under their
    own name (not named like one of its people), and the home countries of its language."""
    out = set(HOME_COUNTRIES.get(language, ()))
    for ent in entities:
        if ent.label != "LOC" or ent.text in surnames:
            continue
        rec = gaz.lookup(ent.text, language)
        if rec is not None and rec.country and (rec.kind != "city" or rec.primary and
                                                rec.population >= MIN_SCAN_POPULATION):
            out.add(rec.country)
    return out


def _weak(text: str, ent: Entity, rec: PlaceRecord, countries: Collection[str], language: str,
          surnames: Collection[str]) -> bool:
    if rec.kind != "city":
        return False
    before = text[max(0, ent.start - 12):ent.start].rstrip()
    if before[-1:].isdigit():
        return True  # "100 Newton", "5 Watt": a unit after a number
    if _inner_capital(ent.text) and ent.text not in rec.name:
        return True  # "SoFi", "WeWork": a brand's casing the place's own name does not have ("McAllen" has)
    located = word_before(text, ent.start) in word_classes(language).locative_prepositions
    if ent.text in surnames and not located:
        return True  # Joaquin Phoenix … "Phoenix": the person, not the city
    if rec.country in countries:
        return False
    if not rec.primary and rec.population < MIN_ALTERNATE_POPULATION:
        return True
    return rec.population < MIN_FOREIGN_POPULATION and not located


def _noun_named(text: str, ent: Entity, rec: PlaceRecord, countries: Collection[str], language: str) -> bool:
    """A foreign town named like a common noun of the article's language, in an article that does not
    name the town's country and without a preposition that only places take ("in Bordeaux"): the
    noun is meant ("Corona" → Corona, California; "Olympia" → Olympia, Washington). German only: it
    has the dictionary of nouns."""
    if rec.kind != "city" or rec.country in countries or rec.population >= MIN_ALTERNATE_POPULATION:
        return False
    if word_before(text, ent.start) in town_prepositions(language):
        return False
    return " " not in ent.text and ent.text.lower() in common_nouns(language)


def _other_forms(text: str, ent: Entity, gaz: Gazetteer, language: str, countries: Collection[str]) -> PlaceRecord | None:
    """A place under a form the gazetteer does not hold: a region ("Bayern", "Kalifornien"), a state
    named with its word ("New York State"), an abbreviation whose last period the span lost ("U.S"),
    "St." written without its space ("St.Gallen"), or a big city's district ("Dortmund-Dorstfeld")."""
    name = ent.text
    rec = region(name) or (region(ent.name) if ent.name else None)
    if rec is not None:
        return rec
    if name.endswith((" State", " state")):
        return gaz.state(name[:-6])
    if text[ent.end:ent.end + 1] == "." and "." in name:
        return gaz.lookup(name + ".", language, countries)
    if name.startswith(("St.", "St.")) and name[3:4].isupper():
        return gaz.lookup("St. " + name[3:], language, countries)
    if "-" in name:
        first = gaz.lookup(name.split("-", 1)[0], language, countries)
        if first is not None and first.kind == "city" and first.population >= MIN_DISTRICT_CITY:
            return first
    return None


def _inner_capital(name: str) -> bool:
    """A capital after a lower-case letter inside one word ("SoFi", "McAllen")."""
    return any(a.islower() and b.isupper() for a, b in zip(name, name[1:], strict=False))


class PlaceResolver:
    """Enricher: fills ``article.places`` from LOC entities (+ unambiguous country names)."""

    name = "places"
    requires = ("entities",)
    assigns = ("places",)

    def __init__(self, options: PlaceOptions | None = None) -> None:
        self.options = options or PlaceOptions()

    def __call__(self, article: Article, context: EnrichContext) -> None:
        language = context.language if context.language in LANGUAGES else "en"
        gaz = gazetteer()
        text = article.text
        surnames = {e.text.split()[-1] for e in article.entities if e.label == "PER" and " " in e.text}
        countries = article_countries(article.entities, gaz, language, surnames)
        places: list[Place] = []
        locs = [e for e in article.entities if e.label == "LOC"]
        for i, ent in enumerate(locs):
            nxt = locs[i + 1] if i + 1 < len(locs) else None
            state = gaz.state(nxt.text) if nxt is not None and text[ent.end:nxt.start] == ", " else None
            prev = locs[i - 1] if i else None
            if state is None and ent.text in celestial_bodies(language):
                continue  # "Jupiter", "Europa": a planet or moon, not the town of that name
            if prev is not None and text[prev.end:ent.start] == ", " and gaz.state(ent.text) is not None:
                rec: PlaceRecord | None = gaz.state(ent.text)  # "Redmond, Washington": the state
            else:
                where = {state.country} if state is not None and state.country else countries
                rec = gaz.lookup(ent.text, language, where) or (
                    gaz.lookup(ent.name, language, where) if ent.name else None)
                if rec is not None and state is not None and rec.country != state.country:
                    rec = None
            if rec is None and state is None:
                rec = _other_forms(text, ent, gaz, language, countries)
            if rec is None or _weak(text, ent, rec, countries, language, surnames):
                continue
            if _noun_named(text, ent, rec, countries, language):
                # "Corona" the virus, "Olympia" the Games: no place, so no LOC either
                ent.label = "MISC"
                ent.id = entity_id("MISC", ent.name or ent.text)
                continue
            place = _place(ent.start, ent.text, rec)
            ent.id = place.id  # a geocoded place is the same thing in every language
            places.append(place)
        if self.options.scan_countries:
            taken = [(e.start, e.end) for e in article.entities]
            for start, end, found in gaz.find(text[:MAX_CHARS], language, cities=False):
                if not any(s < end and start < e for s, e in taken):
                    places.append(_place(start, text[start:end], found))
        places.sort(key=lambda p: p.start)
        article.places = places
