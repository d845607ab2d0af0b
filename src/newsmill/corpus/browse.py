"""Read-only queries behind the web views: search with filters, facets and a timeline; entities,
quotes, places and syndication groups, from the read-side tables of schema migrations 2 and 3.

Every value is a bound parameter; only fixed column names and fixed SQL go into statements.
What keeps a view fast on a large corpus (docs/decisions.md, "Show"):

- filters, facets and the timeline read ``article_meta`` (a few bytes per article), never the
  articles' own multi-page rows; only the shown page of results is read from ``articles``;
- a search's page is found first (ranked by FTS5 ``rank`` inside the full-text index, or in date
  order driven from whichever side is more selective), and snippets are made for that page only;
- facet counts are over the first ``FACET_MATCHES`` matches in the page's order (the page says
  so when there are more); the whole corpus's facets are computed once per database version;
- an entity's articles are one range of ``entity_articles``, in date order; its co-mentions are
  counted over its ``RECENT_ARTICLES`` most recent articles.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from array import array
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from newsmill.corpus import links
from newsmill.corpus import query as fts
from newsmill.corpus.query import QueryError

__all__ = ["Query", "QueryError", "SearchPage", "search", "timeline", "entity", "quotes", "places", "groups"]

# Page sizes: a request may ask for fewer, never more.
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
# Rows in one CSV / JSON Lines download (a list view's "download"; page on for more).
MAX_DOWNLOAD = 1000
# Matches that facets and the map count when a search has more: the first ones in the page's order
# (best-ranked, or newest). Counting 2,000 takes milliseconds; counting 50,000 took most of a second.
FACET_MATCHES = 2000
# Matches ranked for relevance when more match: the most recently added ones (highest rowids).
# bm25 costs ~2 µs an article: ranking 97,000 matches of a common word took 180 ms, 10,000 take 20.
RANK_CANDIDATES = 10_000
# Read all matches and sort them, or walk a date index until a page of them is found? Finding n of
# `total` matches in a corpus of `size` by walking reads ~n * size / total rows; sorting reads
# `total`. Sorting is chosen while total < SORT_OVER_WALK * n * size / total: reading an index row
# costs less than a row of the walk, which also tests the filters. (Speaker quotes weigh the
# speaker's quotes against their articles the same way.)
SORT_OVER_WALK = 4
# An entity's most recent articles over which "mentioned with" is counted.
RECENT_ARTICLES = 2000
FACET_SIZE = 10
# Snippet highlight marks: control characters no article text holds, replaced by <mark> after escaping.
MARK = ("\x02", "\x03")
SNIPPET_TOKENS = 28
BM25_WEIGHTS = "10.0, 5.0, 1.0"  # title, lead, text: as the CLI search ranks
SORTS = ("relevance", "date", "oldest")
# Timeline periods as SQL over ``m.published`` (ISO text); a week is named by its Monday.
INTERVALS = {"day": "substr(m.published, 1, 10)",
             "week": "date(substr(m.published, 1, 10), 'weekday 0', '-6 days')",
             "month": "substr(m.published, 1, 7)", "year": "substr(m.published, 1, 4)"}
LABELS = {"PER": "people", "ORG": "organisations", "LOC": "places", "MISC": "other names"}
# Read-side schema this module needs (corpus/schema.py); an older corpus is upgraded by any
# writable open (``newsmill enrich --db`` or an ingest), never by the read-only server.
SCHEMA_VERSION = 6


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
        return bool(self.q) or self.has_filters()

    def has_filters(self) -> bool:
        return any(getattr(self, f) for f in ("since", "until", "language", "site", "source", "author",
                                               "entity", "speaker", "has_quotes"))

    def only_entity(self) -> bool:
        """Whether the query is one entity's articles and nothing else (one index range)."""
        return bool(self.entity) and not self.q and not any(
            getattr(self, f) for f in ("since", "until", "language", "site", "source", "author", "speaker",
                                       "has_quotes"))

    def where(self) -> tuple[str, list[Any]]:
        """Conditions on ``article_meta m`` for every filter except the text query."""
        clauses: list[str] = []
        params: list[Any] = []
        for col in ("language", "site", "source"):
            if getattr(self, col):
                clauses.append(f"m.{col} = ?")
                params.append(getattr(self, col))
        if self.since:
            clauses.append("m.published >= ?")
            params.append(self.since[:10])
        if self.until:  # before the next day: a range the date index can serve
            clauses.append("m.published < ?")
            params.append(next_day(self.until))
        if self.author:
            clauses.append("m.rowid IN (SELECT article FROM authors WHERE name = ?)")
            params.append(self.author)
        if self.entity:
            clauses.append("m.rowid IN (SELECT article FROM entity_articles WHERE entity = ?)")
            params.append(self.entity)
        if self.speaker:
            clauses.append("m.rowid IN (SELECT article FROM quotes WHERE speaker = ?)")
            params.append(self.speaker)
        if self.has_quotes:
            clauses.append("m.quotes > 0")
        return " AND ".join(clauses) or "1", params


def next_day(day: str) -> str:
    """The ISO date after ``day`` (YYYY-MM-DD); ValueError if it is not a date."""
    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=1)).isoformat()


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
    capped: bool = False  # more than FACET_MATCHES matched: facets count the first ones
    ranked_among: int = 0  # when not every match was ranked: how many (the most recently added)
    counted: int = 0  # how many matches the facets count
    searched_as: str = ""  # the words actually searched, when the query's syntax had to be dropped
    series: list[dict[str, Any]] = field(default_factory=list)  # the timeline, when asked for


def match_text(conn: sqlite3.Connection, q: str) -> str:
    """The FTS5 query to run for what the user typed: as typed when SQLite can read it, else as
    plain words (``corpus.query.variants``); ``QueryError`` when nothing can be searched."""
    tries = fts.variants(q)
    for text in tries:
        try:
            conn.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1", (text,)).fetchall()
            return text
        except sqlite3.OperationalError as exc:
            msg = str(exc)
            if not any(k in msg for k in ("fts5", "syntax", "no such column", "unterminated",
                                          "unknown special query")):
                raise  # not the query's fault (e.g. interrupted by the request's deadline)
            if text != tries[-1]:
                continue
            raise QueryError(f"the search words cannot be read as a query ({msg}); put a phrase in "
                             "double quotes, and write AND, OR, NOT between words") from exc
    raise QueryError("nothing to search for")  # variants() never returns an empty list


class _Plan:
    """The SQL pieces of one query: which articles match (``m`` is article_meta)."""

    def __init__(self, conn: sqlite3.Connection, query: Query) -> None:
        self.query = query
        self.match = match_text(conn, query.q) if query.q else ""
        self.where, self.params = query.where()
        self.ranked_among = 0

    def matching(self, columns: str) -> tuple[str, list[Any]]:
        """``SELECT columns`` over the matching articles (no order). With words, the full-text index
        is the outer loop (CROSS JOIN): left to itself SQLite may walk a filter's index and run the
        MATCH once per article, which took seconds."""
        if columns == "count(*)" and self.query.only_entity():
            return "SELECT count(*) FROM entity_articles WHERE entity = ?", [self.query.entity]
        if self.match:
            if not self.query.has_filters() and columns == "count(*)":
                return "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [self.match]
            return (f"SELECT {columns} FROM articles_fts CROSS JOIN article_meta m ON m.rowid = articles_fts.rowid "
                    f"WHERE articles_fts MATCH ? AND {self.where}", [self.match, *self.params])
        return f"SELECT {columns} FROM article_meta m WHERE {self.where}", list(self.params)

    def ordered(self, conn: sqlite3.Connection, n: int, total: int, corpus_size: int) -> list[int]:
        """The rowids of the first ``n`` matches in the query's order."""
        q = self.query
        desc = "" if q.sort == "oldest" else " DESC"
        if q.only_entity():
            return [r[0] for r in conn.execute(
                f"SELECT article FROM entity_articles WHERE entity = ? ORDER BY published{desc}, article{desc} "
                "LIMIT ?", (q.entity, n))]
        if self.match and q.sort == "relevance":
            join, cond, params = "", "", [self.match]
            if q.has_filters():
                join, cond = " CROSS JOIN article_meta m ON m.rowid = articles_fts.rowid", f" AND {self.where}"
                params += self.params
            if total > RANK_CANDIDATES:
                floor = conn.execute(f"SELECT articles_fts.rowid FROM articles_fts{join} WHERE articles_fts MATCH ?"
                                     f"{cond} ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?",
                                     [*params, RANK_CANDIDATES - 1]).fetchone()
                if floor:
                    cond += " AND articles_fts.rowid >= ?"
                    params.append(floor[0])
                    self.ranked_among = RANK_CANDIDATES
            return [r[0] for r in conn.execute(
                f"SELECT articles_fts.rowid FROM articles_fts{join} WHERE articles_fts MATCH ? "
                f"AND rank MATCH 'bm25({BM25_WEIGHTS})'{cond} ORDER BY rank LIMIT ?", [*params, n])]
        if self.match and total * total < SORT_OVER_WALK * n * corpus_size:
            # few matches: read them all from the index and sort them
            sql, params = self.matching("m.rowid")
            return [r[0] for r in conn.execute(f"{sql} ORDER BY m.published{desc}, m.rowid{desc} LIMIT ?",
                                               [*params, n])]
        # many matches (or no words): walk the date index and keep the matching ones
        cond, params = self.where, list(self.params)
        if self.match:
            cond += " AND m.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            params.append(self.match)
        # with a site, agency or language filter SQLite walks that index's date order instead
        index = "" if q.site or q.source or q.language else " INDEXED BY article_meta_published"
        return [r[0] for r in conn.execute(
            f"SELECT m.rowid FROM article_meta m{index} WHERE {cond} "
            f"ORDER BY m.published{desc} LIMIT ?", [*params, n])]


def search(conn: sqlite3.Connection, query: Query, facets: bool = True, max_size: int = MAX_PAGE_SIZE,
           with_timeline: bool = False) -> SearchPage:
    """One page of results, the total, facets and (``with_timeline``) the timeline of a query."""
    plan = _Plan(conn, query)
    size = max(1, min(query.size, max_size, MAX_DOWNLOAD))
    offset = (max(1, query.page) - 1) * size
    series: list[dict[str, Any]] | None = None
    if with_timeline and plan.match and query.has_filters() and not query.only_entity():
        # words and filters: one pass over the matches gives the timeline and (summed) the total
        period = INTERVALS.get(query.interval, INTERVALS["month"])
        sql, params = plan.matching(f"{period} AS d, count(*)")
        rows = conn.execute(f"{sql} GROUP BY d ORDER BY d", params).fetchall()
        total = sum(n for _, n in rows)
        series = [{"period": d, "count": n} for d, n in rows if d is not None]
    elif query.filtered():
        sql, params = plan.matching("count(*)")
        total = conn.execute(sql, params).fetchone()[0]
    else:
        total = corpus_size(conn)
    if with_timeline and series is None:
        series = timeline(conn, query)
    want = max(offset + size, FACET_MATCHES) if facets and query.filtered() else offset + size
    ids = plan.ordered(conn, want, total, corpus_size(conn)) if total else []
    page = SearchPage(total, show(conn, ids[offset:offset + size], plan.match), ranked_among=plan.ranked_among,
                      series=series or [])
    if query.q and plan.match != query.q.strip():
        page.searched_as = plan.match
    if facets:
        if query.filtered():
            counted = ids[:FACET_MATCHES]
            page.facets = facet_counts(conn, counted)
            page.capped, page.counted = total > len(counted), len(counted)
        else:
            page.facets = corpus_facets(conn)
            page.counted = total
    return page


TEASER_CHARS = 240


def teaser(text: str, limit: int = TEASER_CHARS) -> str:
    """The opening of ``text`` cut at a word boundary, with an ellipsis when it goes on: a teaser
    ending in "Lit" (for "Liter") reads like a typo."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rstrip()
    space = cut.rfind(" ")
    if space > limit // 2:  # one long word (a URL) is cut inside rather than leaving half a teaser
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + "…"


def show(conn: sqlite3.Connection, ids: list[int], match: str = "") -> list[Result]:
    """The result rows of ``ids``, in that order, with a highlighted snippet when words were searched."""
    if not ids:
        return []
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT rowid, id, title, url, site, source, language, published, substr(coalesce(lead, text), 1, ?), "
        "group_id FROM articles WHERE rowid IN (SELECT value FROM json_each(?))", (TEASER_CHARS + 1, json.dumps(ids)))}
    rows = {k: (*r[:7], teaser(r[7] or ""), r[8]) for k, r in rows.items()}
    if match:
        for rowid in ids:
            hit = conn.execute(f"SELECT snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_TOKENS}) FROM articles_fts "
                               "WHERE articles_fts MATCH ? AND rowid = ?", (*MARK, match, rowid)).fetchone()
            if hit and rowid in rows:
                r = rows[rowid]
                rows[rowid] = (*r[:7], hit[0], r[8])
    return [Result(*rows[i]) for i in ids if i in rows]


def corpus_size(conn: sqlite3.Connection) -> int:
    return int(_cached(conn, "size", lambda: conn.execute("SELECT count(*) FROM article_meta").fetchone()[0]))


def _in(ids: list[int], col: str) -> tuple[str, list[Any]]:
    return f"{col} IN (SELECT value FROM json_each(?))", [json.dumps(ids)]


def facet_counts(conn: sqlite3.Connection, ids: list[int] | None) -> dict[str, list[dict[str, Any]]]:
    """Facets over the articles ``ids`` (None: the whole corpus): sites, agencies, languages, top
    people, organisations, places and speakers, each with its number of articles."""
    whole = ids is None
    cond, p = ("1", []) if whole else _in(ids or [], "article")
    out: dict[str, list[dict[str, Any]]] = {}
    mcond, mp = ("1", []) if whole else _in(ids or [], "m.rowid")
    counts: dict[str, Counter[str]] = {"site": Counter(), "source": Counter(), "language": Counter()}
    for site, source, language in conn.execute(f"SELECT m.site, m.source, m.language FROM article_meta m WHERE {mcond}", mp):
        counts["site"][site] += 1
        counts["source"][source] += 1
        counts["language"][language] += 1
    for name, counter in counts.items():
        counter.pop(None, None)  # type: ignore[call-overload]
        out[name] = [{"value": v, "count": n} for v, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
                     [:FACET_SIZE]]
    by_label: dict[str, list[tuple[int, int, str, str]]] = {}
    for label, entity, name, n, said in conn.execute(
            f"SELECT label, entity, max(name), count(*), sum(n) FROM mentions WHERE {cond} "
            "AND label IN ('PER', 'ORG') GROUP BY 1, 2", p):
        by_label.setdefault(label, []).append((n, said, entity, name))
    for label in ("PER", "ORG"):
        # ties in articles (a search's few hits, each name in one) go to the names mentioned most,
        # not to the alphabet: a glossary page's one-off "AMA …" entries no longer fill the facet
        top = sorted(by_label.get(label, []), key=lambda t: (-t[0], -t[1], t[3] or ""))[:FACET_SIZE]
        out[LABELS[label]] = [{"value": e, "name": links.usual_name(conn, e) or name, "count": n}
                              for n, _, e, name in top]
    # counted from the (article, entity) indexes alone; names looked up for the top ones only
    out["places"] = _named(conn, f"SELECT entity, count(*) FROM places WHERE {cond} GROUP BY 1", p,
                           "SELECT name FROM places WHERE entity = ? LIMIT 1")
    out["speakers"] = _named(conn, f"SELECT speaker, count(DISTINCT article) FROM quotes WHERE {cond} AND speaker "
                             "IS NOT NULL GROUP BY 1", p, "SELECT speaker_name FROM quotes WHERE speaker = ? LIMIT 1",
                             usual=True)
    return out


def _named(conn: sqlite3.Connection, count_sql: str, params: list[Any], name_sql: str,
           usual: bool = False) -> list[dict[str, Any]]:
    counted = conn.execute(count_sql, params).fetchall()
    top = sorted(counted, key=lambda vn: (-vn[1], vn[0]))[:FACET_SIZE]
    # a speaker is shown by the name articles write most often; a place by its gazetteer name
    named = [(v, n, (usual and links.usual_name(conn, v)) or (conn.execute(name_sql, (v,)).fetchone() or (v,))[0])
             for v, n in top]
    return [{"value": v, "name": name, "count": n} for v, n, name in sorted(named, key=lambda t: (-t[1], t[2] or ""))]


def corpus_facets(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """The whole corpus's facets, computed once per version of the database file."""
    return _cached(conn, "facets", lambda: facet_counts(conn, None))  # type: ignore[no-any-return]


_CACHE: dict[tuple[str, str], tuple[tuple[float, ...], Any]] = {}
_CACHE_LOCK = threading.Lock()


def _cached(conn: sqlite3.Connection, name: str, compute: Any) -> Any:
    """``compute()``, remembered per database file until the file (or its WAL) changes."""
    path = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == "main"), "")
    if not path:
        return compute()
    stamp = tuple(_mtime(path + suffix) for suffix in ("", "-wal"))
    with _CACHE_LOCK:
        hit = _CACHE.get((path, name))
    if hit and hit[0] == stamp:
        return hit[1]
    value = compute()
    with _CACHE_LOCK:
        _CACHE[(path, name)] = (stamp, value)
    return value


def _mtime(path: str) -> float:
    try:
        st = os.stat(path)
    except OSError:
        return 0.0
    return st.st_mtime_ns + st.st_size / 1e12


def timeline(conn: sqlite3.Connection, query: Query) -> list[dict[str, Any]]:
    """Matching articles per day, month or year (of ``published``): all of them, not a capped set."""
    period = INTERVALS.get(query.interval, INTERVALS["month"])
    plan = _Plan(conn, query)

    def count() -> list[dict[str, Any]]:
        sql, params = plan.matching(f"{period} AS d, count(*)")
        return [{"period": d, "count": n} for d, n in conn.execute(
            f"{sql} AND m.published IS NOT NULL GROUP BY d HAVING d IS NOT NULL ORDER BY d", params)]
    if not query.filtered():
        return _cached(conn, f"timeline-{query.interval}", count)  # type: ignore[no-any-return]
    if plan.match and not query.has_filters():
        return _timeline_of_words(conn, plan.match, query.interval)
    if query.only_entity():
        return _count_periods(conn, conn.execute("SELECT group_concat(article) FROM entity_articles WHERE "
                                                 "entity = ?", (query.entity,)).fetchone()[0], query.interval)
    return count()


def _timeline_of_words(conn: sqlite3.Connection, match: str, interval: str) -> list[dict[str, Any]]:
    """The timeline of a words-only search: the matching rowids straight from the full-text index,
    counted by a rowid → period table kept per database version (joining tens of thousands of
    matches to ``article_meta`` row by row cost 4× more)."""
    joined = conn.execute("SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?",
                          (match,)).fetchone()[0]
    return _count_periods(conn, joined, interval)


def _count_periods(conn: sqlite3.Connection, joined: str | None, interval: str) -> list[dict[str, Any]]:
    """Articles per period of the comma-separated rowids ``joined``."""
    labels, of_rowid = _cached(conn, f"periods-{interval}", lambda: _periods(conn, interval))
    if not joined:
        return []
    n = len(of_rowid)
    counts = Counter(of_rowid[i] if i < n else -1 for i in map(int, joined.split(",")))
    counts.pop(-1, None)
    return [{"period": labels[k], "count": counts[k]} for k in sorted(counts)]


def _periods(conn: sqlite3.Connection, interval: str) -> tuple[list[str], array[int]]:
    """Every period of ``interval`` in the corpus (sorted) and, per rowid, its period's index (-1: none)."""
    rows = conn.execute(f"SELECT m.rowid, {INTERVALS[interval]} FROM article_meta m "
                        "WHERE m.published IS NOT NULL").fetchall()
    labels = sorted({p for _, p in rows if p is not None})
    index = {p: i for i, p in enumerate(labels)}
    of_rowid = array("i", [-1]) * (max((r for r, _ in rows), default=0) + 1)
    for rowid, p in rows:
        if p is not None:
            of_rowid[rowid] = index[p]
    return labels, of_rowid


def warm(conn: sqlite3.Connection) -> None:
    """Compute the whole corpus's facets, timeline, map and top speakers now (a server does this at
    start-up, outside any request's time bound), so the first visitor does not wait for them."""
    corpus_size(conn)
    corpus_facets(conn)
    timeline(conn, Query())
    _cached(conn, "periods-month", lambda: _periods(conn, "month"))
    places(conn, Query())
    top_speakers(conn)


def places(conn: sqlite3.Connection, query: Query, limit: int = 300) -> list[dict[str, Any]]:
    """Geocoded places of the matching articles (the first FACET_MATCHES of them), by how many
    articles mention them; the whole corpus's when nothing is asked."""
    def count(ids: list[int] | None) -> list[dict[str, Any]]:
        cond, p = ("1", []) if ids is None else _in(ids, "article")
        return [{"id": e, "name": name, "country": c, "lat": lat, "lon": lon, "articles": n}
                for e, name, c, lat, lon, n in conn.execute(
                    f"SELECT entity, max(name), max(country), max(lat), max(lon), count(*) FROM places "
                    f"WHERE {cond} AND lat IS NOT NULL GROUP BY 1 ORDER BY 6 DESC, 2 LIMIT ?", [*p, limit])]
    if not query.filtered():
        return _cached(conn, f"places-{limit}", lambda: count(None))  # type: ignore[no-any-return]
    plan = _Plan(conn, query)
    sql, params = plan.matching("count(*)")
    total = conn.execute(sql, params).fetchone()[0]
    return count(plan.ordered(conn, FACET_MATCHES, total, corpus_size(conn)) if total else [])


def entity(conn: sqlite3.Connection, entity_id: str, limit: int = DEFAULT_PAGE_SIZE,
           follow_link: bool = True) -> dict[str, Any] | None:
    """One entity across the corpus: names, mentions over time, co-mentioned entities, articles, quotes."""
    total = conn.execute("SELECT count(*) FROM entity_articles WHERE entity = ?", (entity_id,)).fetchone()[0]
    if not total:
        # a lone surname or acronym linked to its full name across articles (corpus/links.py)
        target = links.linked_to(conn, entity_id) if follow_link else None
        found = entity(conn, target, limit, follow_link=False) if target else None
        if found:
            found["linked_from"] = entity_id
        return found
    recent = f"SELECT article FROM entity_articles WHERE entity = :e ORDER BY published DESC LIMIT {RECENT_ARTICLES}"
    row = conn.execute("SELECT label, name FROM mentions WHERE entity = ? LIMIT 1", (entity_id,)).fetchone()
    place = conn.execute("SELECT name, country, lat, lon FROM places WHERE entity = ? LIMIT 1",
                         (entity_id,)).fetchone()
    speaker = conn.execute("SELECT speaker_name FROM quotes WHERE speaker = ? LIMIT 1", (entity_id,)).fetchone()
    label = row[0] if row else ("LOC" if place else "PER")
    mentions = conn.execute("SELECT coalesce(sum(n), 0) FROM mentions WHERE entity = ?", (entity_id,)).fetchone()[0]
    if not row and place:
        mentions = conn.execute("SELECT coalesce(sum(n), 0) FROM places WHERE entity = ?", (entity_id,)).fetchone()[0]
    names = [n for n, in conn.execute(
        f"SELECT name FROM mentions WHERE entity = :e AND article IN ({recent}) GROUP BY name "
        "ORDER BY count(*) DESC, name LIMIT 8", {"e": entity_id})]
    name = names[0] if names else (place[0] if place else speaker[0] if speaker else entity_id)
    over_time = _count_periods(conn, conn.execute("SELECT group_concat(article) FROM entity_articles WHERE entity = ?",
                                                  (entity_id,)).fetchone()[0], "month")
    with_it = [{"value": e, "name": links.usual_name(conn, e) or nm, "label": lb, "count": n}
               for e, nm, lb, n in conn.execute(
        f"SELECT m.entity, max(m.name), m.label, count(*) FROM mentions m WHERE m.article IN ({recent}) "
        f"AND m.entity != :e GROUP BY 1 ORDER BY 4 DESC, 2 LIMIT {FACET_SIZE}", {"e": entity_id})]
    ids = [r[0] for r in conn.execute("SELECT article FROM entity_articles WHERE entity = ? "
                                      "ORDER BY published DESC LIMIT ?", (entity_id, limit))]
    return {"id": entity_id, "label": label, "name": name, "names": names,
            "articles": total, "mentions": int(mentions or 0),
            "place": ({"country": place[1], "lat": place[2], "lon": place[3]} if place else None),
            "over_time": over_time, "with": with_it, "with_over": min(total, RECENT_ARTICLES),
            "recent": show(conn, ids), "quotes": quotes(conn, speaker=entity_id, limit=limit)}


def quotes(conn: sqlite3.Connection, speaker: str = "", q: str = "", limit: int = DEFAULT_PAGE_SIZE,
           page: int = 1, max_size: int = MAX_PAGE_SIZE) -> list[dict[str, Any]]:
    """Quotes by speaker id and/or containing every word of ``q``, newest first."""
    clauses, params = _quote_where(speaker, q)
    size = max(1, min(limit, max_size, MAX_DOWNLOAD))
    offset = (max(1, page) - 1) * size
    if speaker:
        said = conn.execute("SELECT count(*) FROM quotes WHERE speaker = ?", (speaker,)).fetchone()[0]
        articles = conn.execute("SELECT count(*) FROM entity_articles WHERE entity = ?", (speaker,)).fetchone()[0]
        if said * said >= SORT_OVER_WALK * (offset + size) * articles:
            # quoted in many of their articles: walk those newest first (CROSS JOIN keeps SQLite
            # from sorting all of them) and stop at the page
            frm = "entity_articles m CROSS JOIN quotes q ON q.article = m.article"
            clauses += " AND m.entity = ? AND q.speaker = m.entity"
        else:  # rarely quoted: read their quotes and sort them
            frm = "quotes q JOIN entity_articles m ON m.article = q.article AND m.entity = q.speaker"
            clauses += " AND q.speaker = ?"
        params.append(speaker)
        order = "m.published DESC, m.article DESC, q.i"
    elif q:  # few quotes hold the words: find them, then sort them
        frm, order = "quotes q JOIN article_meta m ON m.rowid = q.article", "m.published DESC, q.article DESC, q.i"
    else:  # every quote: walk the articles newest first
        frm = "article_meta m INDEXED BY article_meta_published CROSS JOIN quotes q ON q.article = m.rowid"
        order = "m.published DESC, q.article DESC, q.i"
    ids = [r[0] for r in conn.execute(f"SELECT q.rowid FROM {frm} WHERE {clauses} ORDER BY {order} LIMIT ? OFFSET ?",
                                      [*params, size, offset])]
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT q.rowid, q.speaker, q.speaker_name, q.kind, q.text, q.cue, a.id, a.title, a.site, a.published "
        "FROM quotes q JOIN articles a ON a.rowid = q.article WHERE q.rowid IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),))}
    keys = ("speaker", "speaker_name", "kind", "text", "cue", "article", "title", "site", "published")
    return [dict(zip(keys, rows[i], strict=True)) for i in ids if i in rows]


def top_speakers(conn: sqlite3.Connection, q: str = "", limit: int = FACET_SIZE) -> list[dict[str, Any]]:
    """The speakers quoted most often (in quotes holding every word of ``q``)."""
    clauses, params = _quote_where("", q)

    def count() -> list[dict[str, Any]]:
        return [{"value": s, "name": links.usual_name(conn, s) or n, "count": c} for s, n, c in conn.execute(
            f"SELECT q.speaker, max(q.speaker_name), count(*) FROM quotes q WHERE {clauses} AND q.speaker "
            "IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 2 LIMIT ?", [*params, limit])]
    return count() if q else _cached(conn, f"speakers-{limit}", count)  # type: ignore[no-any-return]


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
