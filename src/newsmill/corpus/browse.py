"""Read-only queries behind the web views: search with filters, facets and a timeline; entities,
quotes, places and syndication groups, from the mention tables of schema migration 2.

Every value is a bound parameter; only fixed column names and fixed SQL go into statements. The
set of articles a search matches is read once (capped at ``MAX_MATCHES``) and handed to each facet
query as a JSON list, so facets cost one pass over their index each instead of re-running the search.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field, fields
from typing import Any

# Page sizes: a request may ask for fewer, never more.
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# Matching articles read for facets, timeline and map: beyond this the counts are of the best-ranked.
MAX_MATCHES = 20_000
FACET_SIZE = 10
# Snippet highlight marks: control characters no article text holds, replaced by <mark> after escaping.
MARK = ("\x02", "\x03")
SNIPPET_TOKENS = 28
BM25_WEIGHTS = "10.0, 5.0, 1.0"  # title, lead, text: as the CLI search ranks
SORTS = ("relevance", "date", "oldest")
INTERVALS = {"day": 10, "month": 7, "year": 4}
LABELS = {"PER": "people", "ORG": "organisations", "LOC": "places", "MISC": "other names"}


class QueryError(ValueError):
    """The full-text query cannot be read: a message for the person who typed it."""


@dataclass
class Query:
    """What a search asks for; the same fields are the URL parameters of every view."""

    q: str = ""
    since: str = ""
    until: str = ""
    language: str = ""
    site: str = ""
    source: str = ""
    author: str = ""
    entity: str = ""
    speaker: str = ""
    has_quotes: bool = False
    sort: str = "relevance"
    interval: str = "month"
    page: int = 1
    size: int = DEFAULT_PAGE_SIZE

    @classmethod
    def fields(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def params(self, **changes: Any) -> dict[str, str]:
        """The non-default URL parameters of this query with ``changes`` applied (for links)."""
        out: dict[str, str] = {}
        default = Query()
        for name in self.fields():
            value = changes.get(name, getattr(self, name))
            if value != getattr(default, name):
                out[name] = "1" if value is True else str(value)
        return out

    def filtered(self) -> bool:
        return any(getattr(self, f) for f in ("q", "since", "until", "language", "site", "source", "author",
                                               "entity", "speaker", "has_quotes"))

    def where(self) -> tuple[str, list[Any]]:
        """Conditions on ``articles a`` for every filter except the text query."""
        clauses: list[str] = []
        params: list[Any] = []
        for col in ("language", "site", "source"):
            if getattr(self, col):
                clauses.append(f"a.{col} = ?")
                params.append(getattr(self, col))
        if self.since:
            clauses.append("a.published >= ?")
            params.append(self.since[:10])
        if self.until:
            clauses.append("substr(a.published, 1, 10) <= ?")
            params.append(self.until[:10])
        if self.author:
            clauses.append("a.rowid IN (SELECT article FROM authors WHERE name = ?)")
            params.append(self.author)
        if self.entity:
            clauses.append("a.rowid IN (SELECT article FROM mentions WHERE entity = ? "
                           "UNION SELECT article FROM places WHERE entity = ?)")
            params += [self.entity, self.entity]
        if self.speaker:
            clauses.append("a.rowid IN (SELECT article FROM quotes WHERE speaker = ?)")
            params.append(self.speaker)
        if self.has_quotes:
            clauses.append("EXISTS (SELECT 1 FROM quotes WHERE article = a.rowid)")
        return " AND ".join(clauses) or "1", params


@dataclass
class Result:
    id: str
    title: str | None
    url: str | None
    site: str | None
    source: str | None
    language: str | None
    published: str | None
    snippet: str  # plain text with MARK around the hits: escape, then mark
    group_id: str | None


@dataclass
class SearchPage:
    total: int
    results: list[Result]
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    capped: bool = False  # more than MAX_MATCHES matched: facets count the best-ranked ones


def _fts(query: Query) -> tuple[str, str, list[Any]]:
    """FROM clause, WHERE clause and parameters selecting the matching articles."""
    where, params = query.where()
    if query.q:
        return ("articles_fts JOIN articles a ON a.rowid = articles_fts.rowid",
                f"articles_fts MATCH ? AND {where}", [query.q, *params])
    return "articles a", where, params


def _run(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[Any]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        if "fts5" in msg or "syntax" in msg or "no such column" in msg or "unterminated" in msg:
            raise QueryError(f"the search words cannot be read as a query ({msg}); put a phrase in "
                             "double quotes, and write AND, OR, NOT between words") from exc
        raise


def matching_rowids(conn: sqlite3.Connection, query: Query) -> tuple[list[int], bool]:
    frm, where, params = _fts(query)
    order = "articles_fts.rank" if query.q else "a.rowid DESC"
    rows = _run(conn, f"SELECT a.rowid FROM {frm} WHERE {where} ORDER BY {order} LIMIT ?",
                [*params, MAX_MATCHES + 1])
    return [r[0] for r in rows[:MAX_MATCHES]], len(rows) > MAX_MATCHES


def search(conn: sqlite3.Connection, query: Query, facets: bool = True) -> SearchPage:
    frm, where, params = _fts(query)
    total = _run(conn, f"SELECT count(*) FROM {frm} WHERE {where}", params)[0][0]
    size = max(1, min(query.size, MAX_PAGE_SIZE))
    offset = (max(1, query.page) - 1) * size
    if query.q:
        snippet = f"snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_TOKENS})"
        order = {"date": "a.published DESC", "oldest": "a.published"}.get(
            query.sort, f"bm25(articles_fts, {BM25_WEIGHTS})")
        sql_params = [*MARK, *params]
    else:
        snippet = "substr(coalesce(a.lead, a.text), 1, 240)"
        order = "a.published" if query.sort == "oldest" else "a.published DESC"
        sql_params = list(params)
    rows = _run(conn, f"SELECT a.id, a.title, a.url, a.site, a.source, a.language, a.published, {snippet}, "
                f"a.group_id FROM {frm} WHERE {where} ORDER BY {order}, a.rowid LIMIT ? OFFSET ?",
                [*sql_params, size, offset])
    page = SearchPage(total, [Result(*r) for r in rows])
    if facets:
        ids, page.capped = matching_rowids(conn, query) if query.filtered() else ([], False)
        page.facets = facet_counts(conn, ids if query.filtered() else None)
    return page


def _in(ids: list[int] | None, col: str) -> tuple[str, list[Any]]:
    """A condition restricting ``col`` to the matched articles (none: the whole corpus)."""
    if ids is None:
        return "1", []
    return f"{col} IN (SELECT value FROM json_each(?))", [json.dumps(ids)]


def facet_counts(conn: sqlite3.Connection, ids: list[int] | None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    cond, p = _in(ids, "a.rowid")
    for name in ("site", "source", "language"):
        out[name] = [{"value": v, "count": n} for v, n in conn.execute(
            f"SELECT a.{name}, count(*) FROM articles a WHERE {cond} AND a.{name} IS NOT NULL "
            f"GROUP BY 1 ORDER BY 2 DESC LIMIT {FACET_SIZE}", p)]
    cond, p = _in(ids, "article")
    for label in ("PER", "ORG"):
        out[LABELS[label]] = [{"value": e, "name": name, "count": n} for e, name, n in conn.execute(
            f"SELECT entity, max(name), count(*) FROM mentions WHERE {cond} AND label = ? "
            f"GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT {FACET_SIZE}", [*p, label])]
    out["places"] = [{"value": e, "name": name, "count": n} for e, name, n in conn.execute(
        f"SELECT entity, max(name), count(*) FROM places WHERE {cond} GROUP BY 1 ORDER BY 3 DESC, 2 "
        f"LIMIT {FACET_SIZE}", p)]
    out["speakers"] = [{"value": s, "name": name, "count": n} for s, name, n in conn.execute(
        f"SELECT speaker, max(speaker_name), count(DISTINCT article) FROM quotes WHERE {cond} AND speaker "
        f"IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT {FACET_SIZE}", p)]
    return out


def timeline(conn: sqlite3.Connection, query: Query) -> list[dict[str, Any]]:
    """Matching articles per day, month or year (of ``published``)."""
    chars = INTERVALS.get(query.interval, 7)
    frm, where, params = _fts(query)
    return [{"period": d, "count": n} for d, n in _run(
        conn, f"SELECT substr(a.published, 1, {chars}) AS d, count(*) FROM {frm} WHERE {where} "
        "AND a.published IS NOT NULL GROUP BY d ORDER BY d", params)]


def places(conn: sqlite3.Connection, query: Query, limit: int = 300) -> list[dict[str, Any]]:
    """Geocoded places of the matching articles, by how many articles mention them."""
    ids = matching_rowids(conn, query)[0] if query.filtered() else None
    cond, p = _in(ids, "article")
    return [{"id": e, "name": name, "country": c, "lat": lat, "lon": lon, "articles": n}
            for e, name, c, lat, lon, n in conn.execute(
                f"SELECT entity, max(name), max(country), max(lat), max(lon), count(*) FROM places "
                f"WHERE {cond} AND lat IS NOT NULL GROUP BY 1 ORDER BY 6 DESC LIMIT ?", [*p, limit])]


def entity(conn: sqlite3.Connection, entity_id: str, limit: int = DEFAULT_PAGE_SIZE) -> dict[str, Any] | None:
    """One entity across the corpus: names, mentions over time, co-mentioned entities, articles, quotes."""
    row = conn.execute("SELECT label, name, count(*), sum(n) FROM mentions WHERE entity = ? "
                       "GROUP BY label ORDER BY 3 DESC LIMIT 1", (entity_id,)).fetchone()
    place = conn.execute("SELECT max(name), max(country), max(lat), max(lon), count(*), sum(n) FROM places "
                         "WHERE entity = ?", (entity_id,)).fetchone()
    speaker = conn.execute("SELECT max(speaker_name), count(*) FROM quotes WHERE speaker = ?",
                           (entity_id,)).fetchone()
    if row is None and not place[4] and not speaker[1]:
        return None
    label, name, articles, mentions = row or ("LOC" if place[4] else "PER", place[0] or speaker[0], 0, 0)
    src = ("SELECT article FROM mentions WHERE entity = :e UNION SELECT article FROM places WHERE entity = :e "
           "UNION SELECT article FROM quotes WHERE speaker = :e")
    over_time = [{"period": d, "count": n} for d, n in conn.execute(
        f"SELECT substr(a.published, 1, 7) AS d, count(*) FROM articles a WHERE a.rowid IN ({src}) "
        "AND a.published IS NOT NULL GROUP BY d ORDER BY d", {"e": entity_id})]
    names = [n for n, in conn.execute("SELECT name FROM mentions WHERE entity = ? GROUP BY name "
                                      "ORDER BY count(*) DESC LIMIT 8", (entity_id,))]
    with_it = [{"value": e, "name": nm, "label": lb, "count": n} for e, nm, lb, n in conn.execute(
        f"SELECT m.entity, max(m.name), m.label, count(*) FROM mentions m WHERE m.article IN ({src}) "
        f"AND m.entity != :e GROUP BY 1 ORDER BY 4 DESC, 2 LIMIT {FACET_SIZE}", {"e": entity_id})]
    rows = conn.execute(
        f"SELECT a.id, a.title, a.url, a.site, a.source, a.language, a.published, substr(coalesce(a.lead, "
        f"a.text), 1, 240), a.group_id FROM articles a WHERE a.rowid IN ({src}) "
        "ORDER BY a.published DESC LIMIT :n", {"e": entity_id, "n": limit}).fetchall()
    total = conn.execute(f"SELECT count(*) FROM ({src})", {"e": entity_id}).fetchone()[0]
    return {"id": entity_id, "label": label, "name": name, "names": names,
            "articles": total, "mentions": int(mentions or 0) + int(place[5] or 0),
            "place": ({"country": place[1], "lat": place[2], "lon": place[3]} if place[4] else None),
            "over_time": over_time, "with": with_it, "recent": [Result(*r) for r in rows],
            "quotes": quotes(conn, speaker=entity_id, limit=limit)}


def quotes(conn: sqlite3.Connection, speaker: str = "", q: str = "", limit: int = DEFAULT_PAGE_SIZE,
           page: int = 1) -> list[dict[str, Any]]:
    """Quotes by speaker id and/or containing every word of ``q``, newest first."""
    clauses, params = _quote_where(speaker, q)
    size = max(1, min(limit, MAX_PAGE_SIZE))
    return [{"speaker": s, "speaker_name": sn, "kind": k, "text": t, "cue": c, "article": aid,
             "title": title, "site": site, "published": pub}
            for s, sn, k, t, c, aid, title, site, pub in conn.execute(
                "SELECT q.speaker, q.speaker_name, q.kind, q.text, q.cue, a.id, a.title, a.site, a.published "
                f"FROM quotes q JOIN articles a ON a.rowid = q.article WHERE {clauses} "
                "ORDER BY a.published DESC, q.article, q.i LIMIT ? OFFSET ?",
                [*params, size, (max(1, page) - 1) * size])]


def top_speakers(conn: sqlite3.Connection, q: str = "", limit: int = FACET_SIZE) -> list[dict[str, Any]]:
    clauses, params = _quote_where("", q)
    return [{"value": s, "name": n, "count": c} for s, n, c in conn.execute(
        f"SELECT q.speaker, max(q.speaker_name), count(*) FROM quotes q WHERE {clauses} AND q.speaker "
        "IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT ?", [*params, limit])]


def _quote_where(speaker: str, q: str) -> tuple[str, list[Any]]:
    clauses, params = ["1"], []
    if speaker:
        clauses.append("q.speaker = ?")
        params.append(speaker)
    for word in q.split()[:8]:
        clauses.append("q.text LIKE ? ESCAPE '\\'")
        params.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    return " AND ".join(clauses), params


def groups(conn: sqlite3.Connection, limit: int = DEFAULT_PAGE_SIZE) -> list[dict[str, Any]]:
    """The largest near-duplicate groups (one agency text carried by several outlets) with members."""
    out = []
    for gid, n in conn.execute("SELECT group_id, count(*) FROM articles WHERE group_id IS NOT NULL "
                               "GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT ?",
                               (min(limit, MAX_PAGE_SIZE),)).fetchall():
        out.append({"group": gid, "size": n, "members": group(conn, gid)})
    return out


def group(conn: sqlite3.Connection, group_id: str) -> list[dict[str, Any]]:
    return [{"id": i, "title": t, "url": u, "site": s, "source": src, "published": p}
            for i, t, u, s, src, p in conn.execute(
                "SELECT id, title, url, site, source, published FROM articles WHERE group_id = ? "
                "ORDER BY published, id LIMIT ?", (group_id, MAX_PAGE_SIZE))]
