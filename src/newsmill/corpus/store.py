"""The SQLite store: articles upserted by id, FTS5 search, failures and done inputs.

One file, WAL mode (readers never block the writer), numbered migrations. Writes go through
``transaction()`` in small batches, so an interrupted run keeps everything committed so far.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from newsmill.article import Article
from newsmill.corpus import dedup, links
from newsmill.corpus.schema import MIGRATIONS

# How long a writer waits for another process's lock before reporting the database as locked.
DEFAULT_BUSY_TIMEOUT_S = 5.0
# Highlight marks around matched terms in search snippets (Markdown bold reads well in a terminal).
HIGHLIGHT = ("**", "**")
# Tokens of context around a match in a snippet.
SNIPPET_TOKENS = 24
# bm25 column weights for title, lead, text: a match in the headline says more than one in the body.
BM25_WEIGHTS = (10.0, 5.0, 1.0)

# Characters of a failure's detail kept: enough for a traceback's last lines, and a page that
# fails with a huge message (a whole bad JSON line) does not bloat the failures table.
MAX_FAILURE_DETAIL = 2000

AddOutcome = Literal["new", "updated", "duplicate"]


class StoreError(RuntimeError):
    """The database cannot be used (locked, read-only, full, not a database): a clear message."""


@dataclass
class Filters:
    """Filters shared by search, export and listing."""

    site: str | None = None
    language: str | None = None
    source: str | None = None
    since: str | None = None  # ISO date, inclusive, on ``published``
    until: str | None = None  # ISO date, inclusive

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE condition on the articles table aliased ``a`` and its parameters; only fixed
        column names go into the SQL, every value is a bound parameter."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.site:
            # ``site`` holds the declared site name when the page has one ("WSJ"), else the host:
            # match the name, the host and its subdomains, and the host of the article's URL.
            clauses.append("(a.site = ? COLLATE NOCASE OR a.site LIKE ? "
                           "OR a.url LIKE ? OR a.url LIKE ?)")
            params += [self.site, "%." + self.site, f"%://{self.site}/%", f"%.{self.site}/%"]
        for col in ("language", "source"):
            value = getattr(self, col)
            if value:
                clauses.append(f"a.{col} = ?")
                params.append(value)
        if self.since:
            clauses.append("substr(a.published, 1, 10) >= ?")
            params.append(self.since[:10])
        if self.until:
            clauses.append("substr(a.published, 1, 10) <= ?")
            params.append(self.until[:10])
        return (" AND ".join(clauses) or "1"), params


@dataclass
class Hit:
    id: str
    title: str | None
    url: str | None
    site: str | None
    language: str | None
    published: str | None
    snippet: str
    score: float
    group_id: str | None


@dataclass
class Stats:
    articles: int = 0
    duplicates: int = 0
    near_duplicate_groups: int = 0
    articles_in_groups: int = 0
    failures: int = 0
    done_inputs: int = 0
    by_language: dict[str, int] = field(default_factory=dict)
    by_site: dict[str, int] = field(default_factory=dict)
    failures_by_reason: dict[str, int] = field(default_factory=dict)
    schema_version: int = 0


ROW_COLUMNS = ("id", "url", "site", "source", "language", "published", "title", "lead", "text")


@dataclass
class ArticleRow:
    """An article ready for the store: filter columns, the full JSON record and its dedup keys.

    Made where the article is extracted (a worker), so the writer only writes."""

    columns: dict[str, Any]
    record: str
    text_hash: str
    signature: bytes | None

    @classmethod
    def of(cls, article: Article, signature: bytes | None = None) -> ArticleRow:
        return cls({k: getattr(article, k) for k in ROW_COLUMNS}, article.to_json(indent=None),
                   dedup.text_hash(article.text), signature)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """An article corpus in one SQLite file. Use as a context manager."""

    def __init__(self, path: str | Path, readonly: bool = False,
                 busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.conn = _connect(self.path, readonly, busy_timeout_s)
        if not readonly:
            with _explained(self.path):
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=FULL")  # a commit survives power loss, too
                self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # --- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied TEXT)")
        done = {r[0] for r in self.conn.execute("SELECT version FROM migrations")}
        for version, sql in MIGRATIONS:
            if version in done:
                continue
            # executescript commits first; BEGIN..COMMIT makes the migration and its record atomic
            self.conn.executescript(
                f"BEGIN;\n{sql}\nINSERT INTO migrations VALUES ({version}, '{now()}');\nCOMMIT;")

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    # --- writing ------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic batch of writes; errors are translated into StoreError with the cause."""
        with _explained(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.conn.rollback()
                raise
            self.conn.commit()

    def add(self, article: Article, input_key: str | None = None,
            signature: bytes | None = None) -> AddOutcome:
        """Upsert ``article`` (call inside ``transaction()``); exact duplicates are stored once."""
        return self.add_row(ArticleRow.of(article, signature), input_key)

    def add_row(self, row: ArticleRow, input_key: str | None = None, group: str | None = None) -> AddOutcome:
        """Upsert a prepared row (what the workers send back); see ``add``. ``group`` sets the
        near-duplicate group computed over a whole dataset (the signature is still indexed)."""
        c = row.columns
        article_id = c["id"]
        same = self.conn.execute("SELECT id FROM articles WHERE text_hash = ? AND id != ? LIMIT 1",
                                 (row.text_hash, article_id)).fetchone()
        if same and c["text"].strip():
            self.conn.execute("INSERT OR REPLACE INTO duplicates(id, url, same_as, input) VALUES (?,?,?,?)",
                              (article_id, c["url"], same[0], input_key))
            return "duplicate"
        existed = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        found = dedup.assign_group(self.conn, article_id, row.signature, dedup.group_id(row.text_hash))
        group = group or found
        self.conn.execute(_UPSERT, (*(c[k] for k in ROW_COLUMNS), row.text_hash, group, input_key,
                                    now(), row.record))
        return "updated" if existed else "new"

    def link_entities(self) -> int:
        """Give lone surnames and acronyms the id of the corpus's usual full name (``links``);
        returns how many article mentions were linked. Run after an ingest."""
        with self.transaction():
            found = links.plan(self.conn)
            links.apply(self.conn, found)
        return len(found)

    def add_failure(self, input_key: str, stage: str, reason: str, detail: str = "") -> None:
        self.conn.execute("DELETE FROM failures WHERE input = ?", (input_key,))
        self.conn.execute("INSERT INTO failures(input, stage, reason, detail, at) VALUES (?,?,?,?,?)",
                          (input_key, stage, reason, detail[:MAX_FAILURE_DETAIL], now()))

    def mark_done(self, key: str, status: str = "ok") -> None:
        self.conn.execute("INSERT OR REPLACE INTO done_inputs(key, status, at) VALUES (?,?,?)",
                          (key, status, now()))

    def forget_failures(self) -> int:
        """Make failed inputs eligible again (``--retry-failed``); returns how many."""
        with self.transaction():
            cur = self.conn.execute("DELETE FROM done_inputs WHERE status != 'ok'")
            self.conn.execute("DELETE FROM failures")
        return cur.rowcount

    # --- reading ------------------------------------------------------------------------------
    def is_done(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM done_inputs WHERE key = ?", (key,)).fetchone() is not None

    def get(self, article_id: str) -> Article | None:
        """The article with this id (or the kept copy when the id was an exact duplicate)."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            dup = self.conn.execute("SELECT same_as FROM duplicates WHERE id = ?", (article_id,)).fetchone()
            if dup is None:
                return None
            row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (dup[0],)).fetchone()
        return Article.from_json(row[0]) if row else None

    def group_of(self, article_id: str) -> list[str]:
        """Ids of the near-duplicate group the article belongs to (itself included)."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE group_id = (SELECT group_id FROM articles WHERE id = ?) "
            "ORDER BY published, id", (article_id,))]

    def search(self, query: str, filters: Filters | None = None, limit: int = 20,
               time_limit_s: float | None = None) -> list[Hit]:
        """Ranked full-text search (bm25) with highlighted snippets. A query whose FTS5 syntax is
        wrong is searched as plain words; ``corpus.query.QueryError`` (a StoreError) when it cannot
        be searched at all: empty, too long, too many terms, or slower than ``time_limit_s``."""
        from newsmill.corpus import query as fts

        where, params = (filters or Filters()).where()
        sql = (
            "SELECT a.id, a.title, a.url, a.site, a.language, a.published, "
            f"snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_TOKENS}), "
            f"bm25(articles_fts, {', '.join(map(str, BM25_WEIGHTS))}) AS score, a.group_id "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {where} ORDER BY score LIMIT ?")
        tries = fts.variants(query)
        with fts.time_limit(self.conn, time_limit_s or fts.DEFAULT_TIME_LIMIT_S):
            for q in tries:
                try:
                    rows = self.conn.execute(sql, [*HIGHLIGHT, q, *params, limit]).fetchall()
                except sqlite3.OperationalError as exc:
                    if q != tries[-1] and ("fts5" in str(exc) or "syntax" in str(exc)
                                           or "no such column" in str(exc)):
                        continue  # the query used FTS syntax wrongly: retry with every word quoted
                    raise
                return [Hit(*r) for r in rows]
        return []

    def iter_records(self, filters: Filters | None = None, batch: int = 500) -> Iterator[str]:
        """The stored Article JSON of every (filtered) article, read in batches by rowid."""
        for record, _ in self.iter_grouped(filters, batch):
            yield record

    def iter_grouped(self, filters: Filters | None = None, batch: int = 500) -> Iterator[tuple[str, str | None]]:
        """(Article JSON, near-duplicate group id) pairs, read in batches by rowid."""
        where, params = (filters or Filters()).where()
        last = 0
        while True:
            rows = self.conn.execute(
                f"SELECT a.rowid, a.record, a.group_id FROM articles a WHERE a.rowid > ? AND {where} "
                "ORDER BY a.rowid LIMIT ?", [last, *params, batch]).fetchall()
            if not rows:
                return
            for _, record, group in rows:
                yield record, group
            last = rows[-1][0]

    def failures(self, limit: int = 100) -> list[tuple[str, str, str, str]]:
        return [tuple(r) for r in self.conn.execute(  # type: ignore[misc]
            "SELECT input, stage, reason, detail FROM failures ORDER BY n DESC LIMIT ?", (limit,))]

    def stats(self) -> Stats:
        q = self.conn.execute
        s = Stats(schema_version=self.schema_version())
        s.articles = q("SELECT count(*) FROM articles").fetchone()[0]
        s.duplicates = q("SELECT count(*) FROM duplicates").fetchone()[0]
        s.near_duplicate_groups, s.articles_in_groups = q(
            "SELECT count(*), coalesce(sum(n), 0) FROM "
            "(SELECT count(*) AS n FROM articles GROUP BY group_id HAVING n > 1)").fetchone()
        s.failures = q("SELECT count(*) FROM failures").fetchone()[0]
        s.done_inputs = q("SELECT count(*) FROM done_inputs").fetchone()[0]
        s.by_language = _counts(q("SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY 1"))
        s.by_site = _counts(q("SELECT coalesce(site, '?'), count(*) FROM articles GROUP BY 1 "
                              "ORDER BY 2 DESC, lower(coalesce(site, '?')) LIMIT 20"))
        s.failures_by_reason = _counts(q("SELECT stage || ': ' || reason, count(*) FROM failures GROUP BY 1"))
        return s


_UPSERT = """
INSERT INTO articles(id, url, site, source, language, published, title, lead, text, text_hash,
                     group_id, input, ingested, record)
VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
ON CONFLICT(id) DO UPDATE SET
    url=excluded.url, site=excluded.site, source=excluded.source, language=excluded.language,
    published=excluded.published, title=excluded.title, lead=excluded.lead, text=excluded.text,
    text_hash=excluded.text_hash, group_id=excluded.group_id, input=excluded.input,
    ingested=excluded.ingested, record=excluded.record
"""


def _counts(cur: sqlite3.Cursor) -> dict[str, int]:
    # ties in the alphabet's order, not the table's (which read as reverse alphabetical)
    return {str(k): int(v) for k, v in sorted(cur.fetchall(), key=lambda kv: (-kv[1], str(kv[0]).casefold()))}


def _connect(path: Path, readonly: bool, busy_timeout_s: float) -> sqlite3.Connection:
    if readonly:
        if not path.is_file():
            raise StoreError(f"no corpus at {path}")
        uri = f"file:{path.resolve()}?mode=ro"
    else:
        if path.parent and not path.parent.is_dir():
            raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
        uri = f"file:{path.resolve()}?mode=rwc"
    try:
        return _open_uri(uri, path, busy_timeout_s)
    except StoreError as exc:
        if not readonly or "unable to open" not in str(exc):
            raise
    # A WAL database in a folder we may not write cannot get its -shm file: read it as immutable
    # (no locking; fine for a file nobody can write, as committed at the last checkpoint).
    return _open_uri(uri + "&immutable=1", path, busy_timeout_s)


def _open_uri(uri: str, path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    with _explained(path):
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_s, isolation_level=None,
                               check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


@contextmanager
def _explained(path: Path) -> Iterator[None]:
    """Turn sqlite's terse errors into messages that say what happened and what to do."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(explain(path, exc)) from exc


def explain(path: Path, exc: BaseException) -> str:
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return f"database {path} is locked by another process ({msg}); try again when it is done"
    if "readonly" in msg or "read-only" in msg:
        return f"database {path} is read-only ({msg}); nothing can be written to it"
    if "full" in msg:
        return f"database {path}: disk full ({msg}); everything committed before is kept"
    if "not a database" in msg or "malformed" in msg:
        return f"{path} is not a newsmill database or is damaged ({msg})"
    if "unable to open" in msg:
        return f"cannot open database {path} ({msg})"
    return f"database {path}: {msg}"
