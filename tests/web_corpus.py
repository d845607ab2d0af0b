"""A small corpus for the web tests, written through the real store (triggers fill the mention
tables), with annotations placed at real offsets, one syndicated story and one hostile article."""

from __future__ import annotations

from pathlib import Path

from newsmill.article import Article, Block, Entity, Place, Quote, Removed, Span, Speaker, TimeExpression
from newsmill.corpus import dedup
from newsmill.corpus.store import Store

XSS_TITLE = '<script>window.__pwned=1</script>Breaking <img src=x onerror="window.__pwned=2">'
XSS_URL = "javascript:window.__pwned=3"


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def article(aid: str, title: str, paragraphs: list[str], *, site: str, published: str, source: str | None = None,
            url: str | None = None, people: tuple[str, ...] = (), orgs: tuple[str, ...] = (),
            places: tuple[tuple[str, str, float, float, str], ...] = (),
            quotes: tuple[tuple[str, str], ...] = (), times: tuple[tuple[str, str], ...] = ()) -> Article:
    a = Article(id=aid, url=url or f"https://{site}/{aid}", site=site, source=source, language="de",
                title=title, lead=paragraphs[0], published=published, authors=["Anna Autorin"],
                blocks=[Block("paragraph", p) for p in paragraphs[1:]])
    a.text = "\n\n".join(paragraphs)
    for name in people:
        surname = name.split()[-1]
        for part in (name, surname):
            pos = 0
            while part in a.text[pos:]:
                s, e = _span(a.text, part, pos)
                pos = e
                if not any(x.start <= s < x.end for x in a.entities):
                    a.entities.append(Entity(s, e, part, "PER", name, "per:" + name.lower().replace(" ", "-")))
    for name in orgs:
        s, e = _span(a.text, name)
        a.entities.append(Entity(s, e, name, "ORG", name, "org:" + name.lower().replace(" ", "-")))
    for name, country, lat, lon, gid in places:
        s, e = _span(a.text, name)
        a.places.append(Place(s, e, name, name, "geo:" + gid, int(gid), country, lat, lon))
        a.entities.append(Entity(s, e, name, "LOC", name, "geo:" + gid))
    for said, who in quotes:
        s, e = _span(a.text, said)
        ws, we = _span(a.text, who)
        a.quotes.append(Quote(s, e, said, "direct", Speaker(ws, we, who, who,
                                                             "per:" + who.lower().replace(" ", "-")),
                              Span(*_span(a.text, "sagte"), "sagte") if "sagte" in a.text else None))
    for words, value in times:
        s, e = _span(a.text, words)
        a.times.append(TimeExpression(s, e, words, value))
    a.removed = [Removed("Jetzt abonnieren!", "call_to_action"), Removed("Startseite › Politik", "navigation"),
                 Removed("Mehr zum Thema", "navigation")]
    return a


def build(path: Path) -> Path:
    story = ["Der Hafen von Hamburg meldet einen Rekord: so viel Umschlag gab es in der langen Geschichte "
             "des Hafens noch nie, teilte die Hafenbehörde am Morgen in einer Mitteilung mit.",
             "„Wir haben so viele Container wie nie umgeschlagen“, sagte Erika Hafner am Dienstag.",
             "Hafner lobte die Zusammenarbeit mit der Reederei Nordlicht in Rotterdam."]
    arts = [
        article("hafen1", "Hamburger Hafen meldet Rekord", story, site="www.abendblatt.test",
                source="dpa", published="2024-03-05T10:00:00", people=("Erika Hafner",),
                orgs=("Reederei Nordlicht",), quotes=(("Wir haben so viele Container wie nie umgeschlagen",
                                                       "Erika Hafner"),),
                places=(("Hamburg", "DE", 53.55, 9.99, "2911298"), ("Rotterdam", "NL", 51.92, 4.48, "2747891")),
                times=(("am Dienstag", "2024-03-05"),)),
        article("hafen2", "Rekord im Hamburger Hafen", [*story, "Die Aktie der Reederei stieg leicht."], site="www.morgenpost.test", source="dpa",
                published="2024-03-05T12:30:00", people=("Erika Hafner",), orgs=("Reederei Nordlicht",),
                places=(("Hamburg", "DE", 53.55, 9.99, "2911298"),)),
        article("wahl1", "Wahlkampf in Wien beginnt",
                ["In Wien hat der Wahlkampf begonnen.", "Bürgermeister Max Mustermann sagte: „Wir sind bereit.“",
                 "Mustermann sprach vor 500 Gästen im Rathaus."],
                site="www.wiener.test", published="2024-05-20T08:00:00", people=("Max Mustermann",),
                quotes=(("Wir sind bereit.", "Max Mustermann"),),
                places=(("Wien", "AT", 48.21, 16.37, "2761369"),)),
        article("evil", XSS_TITLE,
                ['Ein Text mit <script>window.__pwned=4</script> und <img src=x onerror="window.__pwned=5"> darin.',
                 "Hafen und Wahl kommen hier auch vor."],
                site="evil.test", url=XSS_URL, published="2024-04-01T00:00:00"),
    ]
    with Store(path) as store, store.transaction():
        for a in arts:
            store.add(a, signature=dedup.signature(a.text))
    return path
