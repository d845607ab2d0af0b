"""Lone surnames and acronyms linked to the corpus's usual full name, across articles."""

from __future__ import annotations

from pathlib import Path

from newsmill.article import Article, Entity, Place, Quote, Speaker, entity_id
from newsmill.corpus import browse
from newsmill.corpus.store import Store


def _article(aid: str, text: str, names: list[tuple[str, str]], language: str = "de",
             speaker: str | None = None) -> Article:
    """An article whose ``names`` (label, canonical name) are each mentioned once where the text
    says them; ``speaker`` is quoted."""
    a = Article(id=aid, url=f"https://example.org/{aid}", site="example.org", language=language,
                title=aid, text=text, published="2026-01-0" + aid[-1])
    for label, name in names:
        start = text.index(name)
        a.entities.append(Entity(start, start + len(name), name, label, name, entity_id(label, name)))  # type: ignore[arg-type]
    if speaker:
        s = text.index(speaker)
        a.quotes.append(Quote(0, 5, text[:5], "direct", Speaker(s, s + len(speaker), speaker, speaker,
                                                                 entity_id("PER", speaker))))
    return a


def _store(path: Path, articles: list[Article]) -> Store:
    store = Store(path)
    with store.transaction():
        for a in articles:
            store.add(a)
    return store


def _entities(store: Store, aid: str) -> set[str]:
    return {e for e, in store.conn.execute(
        "SELECT m.entity FROM mentions m JOIN articles a ON a.rowid = m.article WHERE a.id = ?", (aid,))}


def test_a_lone_surname_takes_the_usual_full_name_and_its_page(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.db", [
        _article("a1", "Donald Trump sprach in Washington.", [("PER", "Donald Trump")]),
        _article("a2", "Donald Trump reiste ab.", [("PER", "Donald Trump")]),
        _article("a3", "„Nein“, sagte Trump am Abend.", [("PER", "Trump")], speaker="Trump"),
    ])
    assert _entities(store, "a3") == {"per:trump"}
    assert store.link_entities() == 1
    assert _entities(store, "a3") == {"per:donald-trump"}
    speaker = store.conn.execute("SELECT speaker, speaker_name FROM quotes").fetchone()
    assert speaker == ("per:donald-trump", "Donald Trump")
    page = browse.entity(store.conn, "per:trump")
    assert page is not None and page["id"] == "per:donald-trump" and page["linked_from"] == "per:trump"
    assert page["articles"] == 3
    facet = browse.facet_counts(store.conn, None)["people"]
    assert [(f["value"], f["count"]) for f in facet] == [("per:donald-trump", 3)]
    # the record keeps what its enricher found; a second run links nothing new
    assert "per:trump" in store.conn.execute("SELECT record FROM articles WHERE id = 'a3'").fetchone()[0]
    assert store.link_entities() == 0
    store.close()


def test_an_ambiguous_surname_stays_alone(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.db", [
        _article("a1", "Thomas Müller traf.", [("PER", "Thomas Müller")]),
        _article("a2", "Thomas Müller jubelte.", [("PER", "Thomas Müller")]),
        _article("a3", "Gerd Müller war der Bomber.", [("PER", "Gerd Müller")]),
        _article("a4", "Müller sagte ab.", [("PER", "Müller")]),
    ])
    assert store.link_entities() == 0
    assert _entities(store, "a4") == {"per:muller"}
    assert browse.entity(store.conn, "per:muller") is not None
    store.close()


def test_one_article_is_not_enough_evidence(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.db", [
        _article("a1", "Olaf Scholz sprach.", [("PER", "Olaf Scholz")]),
        _article("a2", "Scholz sprach.", [("PER", "Scholz")]),
    ])
    assert store.link_entities() == 0
    store.close()


def test_an_article_that_names_another_bearer_of_the_surname_is_left_alone(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.db", [
        _article("a1", "Donald Trump sprach.", [("PER", "Donald Trump")]),
        _article("a2", "Donald Trump ging.", [("PER", "Donald Trump")]),
        _article("a3", "Melania Trump kam, Trump blieb.", [("PER", "Melania Trump"), ("PER", "Trump")]),
    ])
    store.link_entities()
    assert _entities(store, "a3") == {"per:melania-trump", "per:trump"}
    store.close()


def test_an_acronym_takes_the_full_name_of_its_own_language(tmp_path: Path) -> None:
    store = _store(tmp_path / "c.db", [
        _article("a1", "Die Europäische Union tagt.", [("ORG", "Europäische Union")]),
        _article("a2", "Die Europäische Union streitet.", [("ORG", "Europäische Union")]),
        _article("a3", "The European Union met.", [("ORG", "European Union")], language="en"),
        _article("a4", "The European Union agreed.", [("ORG", "European Union")], language="en"),
        _article("a5", "Die EU lehnt ab.", [("ORG", "EU")]),
        _article("a6", "The EU said no.", [("ORG", "EU")], language="en"),
    ])
    assert store.link_entities() == 2
    assert _entities(store, "a5") == {"org:europaische-union"}
    assert _entities(store, "a6") == {"org:european-union"}
    store.close()


def test_a_changed_record_is_derived_afresh_and_linked_again(tmp_path: Path) -> None:
    articles = [
        _article("a1", "Donald Trump sprach.", [("PER", "Donald Trump")]),
        _article("a2", "Donald Trump ging.", [("PER", "Donald Trump")]),
        _article("a3", "Trump blieb.", [("PER", "Trump")]),
    ]
    store = _store(tmp_path / "c.db", articles)
    store.link_entities()
    with store.transaction():
        store.add(articles[2])  # the same page ingested again
    assert _entities(store, "a3") == {"per:trump"}
    assert store.conn.execute("SELECT count(*) FROM entity_links").fetchone()[0] == 0
    assert store.link_entities() == 1
    assert _entities(store, "a3") == {"per:donald-trump"}
    store.close()


def test_an_entity_is_shown_by_the_name_most_articles_write(tmp_path: Path) -> None:
    # one id, two written forms: the alphabetical maximum ("Owen John Dempsey") was shown before
    pid = entity_id("PER", "Owen Dempsey")
    articles = []
    for aid, name in (("a1", "Owen Dempsey"), ("a2", "Owen John Dempsey"), ("a3", "Owen Dempsey")):
        a = _article(aid, f"Im Rat sprach {name} mit Anna Berg.", [("PER", "Anna Berg")], speaker=name)
        start = a.text.index(name)
        a.entities.append(Entity(start, start + len(name), name, "PER", name, pid))  # type: ignore[arg-type]
        a.quotes[0].speaker.id = pid  # type: ignore[union-attr]
        articles.append(a)
    store = _store(tmp_path / "c.db", articles)
    facets = browse.facet_counts(store.conn, None)
    assert {f["value"]: f["name"] for f in facets["people"]}[pid] == "Owen Dempsey"
    assert {f["value"]: f["name"] for f in facets["speakers"]}[pid] == "Owen Dempsey"
    assert {s["value"]: s["name"] for s in browse.top_speakers(store.conn)}[pid] == "Owen Dempsey"
    page = browse.entity(store.conn, entity_id("PER", "Anna Berg"))
    assert page is not None and {w["value"]: w["name"] for w in page["with"]}[pid] == "Owen Dempsey"
    store.close()


def test_a_place_is_shown_by_its_gazetteer_name_among_co_mentions(tmp_path: Path) -> None:
    a = _article("a1", "Anna Berg flog in die USA.", [("PER", "Anna Berg")])
    start = a.text.index("USA")
    a.entities.append(Entity(start, start + 3, "USA", "LOC", "USA", "geo:6252001"))  # type: ignore[arg-type]
    a.places.append(Place(start, start + 3, "USA", "United States", "geo:6252001", 6252001, "US", 39.8, -98.5))
    store = _store(tmp_path / "c.db", [a])
    page = browse.entity(store.conn, entity_id("PER", "Anna Berg"))
    assert page is not None and {w["value"]: w["name"] for w in page["with"]}["geo:6252001"] == "United States"
    store.close()
