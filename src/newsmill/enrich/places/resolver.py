"""Geocode LOC entities (and country names the recogniser missed) with the shipped gazetteer."""

from __future__ import annotations

from dataclasses import dataclass

from newsmill.article import Article, Place, entity_id, place_id
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.entities.recognizer import LANGUAGES, MAX_CHARS  # the recogniser's languages and bound
from newsmill.enrich.places.gazetteer import PlaceRecord, gazetteer


@dataclass
class PlaceOptions:
    scan_countries: bool = True  # also geocode unambiguous country names the recogniser missed


def _place(start: int, text: str, rec: PlaceRecord) -> Place:
    pid = place_id(rec.geonames_id) if rec.geonames_id else entity_id("LOC", rec.name)
    return Place(start, start + len(text), text, rec.name, pid, rec.geonames_id, rec.country, rec.lat, rec.lon)


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
        places: list[Place] = []
        for ent in article.entities:
            if ent.label != "LOC":
                continue
            rec = gaz.lookup(ent.text, language) or (gaz.lookup(ent.name, language) if ent.name else None)
            if rec is not None:
                place = _place(ent.start, ent.text, rec)
                ent.id = place.id  # a geocoded place is the same thing in every language
                places.append(place)
        if self.options.scan_countries:
            taken = [(e.start, e.end) for e in article.entities]
            for start, end, rec in gaz.find(article.text[:MAX_CHARS], language, cities=False):
                if not any(s < end and start < e for s, e in taken):
                    places.append(_place(start, article.text[start:end], rec))
        places.sort(key=lambda p: p.start)
        article.places = places
