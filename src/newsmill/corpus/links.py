"""Across articles: a surname or an acronym that stands alone in an article names the person or
organisation the rest of the corpus names in full.

An article links "Trump" to "Donald Trump" itself when it names him in full (the enricher does
that); one that only says "Trump" cannot, so its mentions get ``per:trump`` and the corpus showed
two people. Here, after an ingest, such a mention takes the id of the one full name in the
corpus's articles of the same language that ends in that surname ("EU": whose initials are
that acronym), when that full name is clearly the usual one: at least ``LINK_SHARE`` of the
articles naming any such full name, and in at least ``MIN_TARGET_ARTICLES`` articles. An article
that itself names a full name with that surname is left as its enricher decided (it told two
people apart, or could not).

Only the read-side rows change (``mentions``, ``quotes``, ``entity_articles``); the stored records
keep what their enricher found, and ``entity_links`` says which mention was linked, so an entity
page asked for by the alias id shows the linked entity. A link is made once: when an article's
record changes its rows are derived afresh and linked again on the next ingest.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass

from newsmill.article import entity_id
from newsmill.names import initials, is_acronym

# The full name's share of the articles that name any full name for the key, and its article
# count: below either, "Müller" alone may be any of several Müllers and stays unlinked.
LINK_SHARE = 0.8
MIN_TARGET_ARTICLES = 2


@dataclass(frozen=True)
class Link:
    article: int
    alias: str
    entity: str
    name: str


def key_of_full_name(label: str, name: str) -> str | None:
    """The alias id a full name answers for: a person's surname alone, an organisation's acronym."""
    words = name.split()
    if len(words) < 2:
        return None
    if label == "PER":
        return entity_id("PER", words[-1])
    if label == "ORG":
        short = initials(name)
        return entity_id("ORG", short) if short else None
    return None


def usual_name(conn: sqlite3.Connection, entity: str) -> str | None:
    """The name the corpus's articles write most often for ``entity``; on a tie the shorter one.
    (An alphabetical ``max(name)`` showed "Owen John Dempsey" where most articles say "Owen Dempsey".)
    A place is shown by its gazetteer name, as on the places facet and map ("United States", not
    the "USA" of one mention)."""
    place = conn.execute("SELECT name FROM places WHERE entity = ? AND name IS NOT NULL LIMIT 1", (entity,)).fetchone()
    if place:
        return str(place[0])
    row = conn.execute("SELECT name FROM mentions WHERE entity = ? AND name IS NOT NULL GROUP BY name "
                       "ORDER BY count(*) DESC, length(name), name LIMIT 1", (entity,)).fetchone()
    return str(row[0]) if row else None


def is_alias(label: str, name: str) -> bool:
    """A one-word person (a surname or a first name) or an organisation's acronym."""
    if not name or " " in name.strip():
        return False
    return label == "PER" or (label == "ORG" and is_acronym(name))


def plan(conn: sqlite3.Connection) -> list[Link]:
    """The links to make now: every unlinked alias mention with one clearly usual full name."""
    by_key: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for entity, label, name, language, n in conn.execute(
            "SELECT m.entity, m.label, max(m.name), coalesce(a.language, ''), count(*) FROM mentions m "
            "JOIN article_meta a ON a.rowid = m.article WHERE m.label IN ('PER', 'ORG') "
            "AND instr(trim(m.name), ' ') > 0 GROUP BY 1, 2, 4"):
        key = key_of_full_name(label, name or "")
        if key and key != entity:
            by_key[(language, key)][entity] += n
            names[entity] = usual_name(conn, entity) or name
    if not by_key:
        return []
    target: dict[tuple[str, str], str] = {}
    for lang_key, counts in by_key.items():
        (best, n), total = counts.most_common(1)[0], sum(counts.values())
        if n >= MIN_TARGET_ARTICLES and n >= LINK_SHARE * total:
            target[lang_key] = best
    links = []
    for entity, label, name, article, language in conn.execute(
            "SELECT m.entity, m.label, m.name, m.article, coalesce(a.language, '') FROM mentions m "
            "JOIN article_meta a ON a.rowid = m.article WHERE m.label IN ('PER', 'ORG') "
            "AND instr(trim(m.name), ' ') = 0"):
        if not is_alias(label, name or ""):
            continue
        linked = target.get((language, entity))
        if linked is None:
            continue
        own = by_key[(language, entity)]
        if any(own.get(e) for e, in conn.execute("SELECT entity FROM mentions WHERE article = ?", (article,))):
            continue  # the article names a full name with that surname itself
        links.append(Link(article, entity, linked, names[linked]))
    return links


def apply(conn: sqlite3.Connection, links: list[Link]) -> None:
    """Rewrite the read-side rows of ``links`` (call inside a transaction)."""
    for link in links:
        conn.execute("UPDATE mentions SET entity = ?, name = ? WHERE entity = ? AND article = ?",
                     (link.entity, link.name, link.alias, link.article))
        conn.execute("UPDATE quotes SET speaker = ?, speaker_name = ? WHERE speaker = ? AND article = ?",
                     (link.entity, link.name, link.alias, link.article))
        conn.execute("DELETE FROM entity_articles WHERE entity = ? AND article = ?", (link.alias, link.article))
        conn.execute("INSERT OR IGNORE INTO entity_articles SELECT ?, coalesce(published, ''), rowid "
                     "FROM articles WHERE rowid = ?", (link.entity, link.article))
        conn.execute("INSERT OR REPLACE INTO entity_links(article, alias, entity) VALUES (?, ?, ?)",
                     (link.article, link.alias, link.entity))


def linked_to(conn: sqlite3.Connection, alias: str) -> str | None:
    """The entity most of the alias's linked mentions went to (None: never linked)."""
    row = conn.execute("SELECT entity FROM entity_links WHERE alias = ? GROUP BY entity "
                       "ORDER BY count(*) DESC, entity LIMIT 1", (alias,)).fetchone()
    return str(row[0]) if row else None
