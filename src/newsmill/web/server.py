"""The web app (Starlette + Jinja2, server-rendered; the pages work without JavaScript).

Security, because the corpus holds untrusted text from the web: the database is opened read-only;
templates escape everything; article links are shown only for http(s) URLs; a Content-Security-Policy
allows scripts, styles and images from this server alone (no inline script); every statement runs
under a deadline (SQLite progress handler) and page sizes are capped; oversized parameters are refused.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import ipaddress
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from newsmill.corpus import QueryError, browse
from newsmill.corpus.browse import Query
from newsmill.corpus.store import Store, StoreError
from newsmill.web import charts
from newsmill.web.annotate import article_html

HERE = Path(__file__).parent
# Seconds one request's SQL may run before it is interrupted.
QUERY_TIMEOUT_S = 2.0
# Progress-handler period in SQLite virtual-machine steps: a deadline check costs ~nothing at this rate.
PROGRESS_STEPS = 10_000
MAX_PARAM_CHARS = 500
MAX_QUERY_STRING = 4000
MAX_PAGE = 500  # deeper pages cost an OFFSET scan each; narrow the search instead
# Read-only connections may map the file and keep more pages: a facet or timeline over thousands of
# articles then reads memory, not system calls (SQLite's default cache is 2 MB).
MMAP_BYTES = 1 << 30
CACHE_KIB = 65536
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


class BadRequest(ValueError):
    pass


class Corpus:
    """One read-only connection per server thread, each with a per-request deadline."""

    def __init__(self, path: str | Path, timeout_s: float = QUERY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.timeout_s = timeout_s
        self.local = threading.local()
        with Store(self.path, readonly=True) as store:  # fail at start-up, not on the first request
            version = store.schema_version()
            if version >= browse.SCHEMA_VERSION:
                browse.warm(store.conn)
        if version < browse.SCHEMA_VERSION:
            raise StoreError(f"the corpus {self.path} has schema version {version}; the web UI needs "
                             f"{browse.SCHEMA_VERSION}. Run `newsmill enrich --db {self.path}` once: it "
                             "upgrades the schema in place (the server itself never writes to the corpus)")

    def store(self) -> Store:
        """This thread's store, its deadline reset: call once per request."""
        store: Store | None = getattr(self.local, "store", None)
        if store is None:
            store = Store(self.path, readonly=True)
            store.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            store.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            local = self.local
            local.deadline = 0.0
            store.conn.set_progress_handler(lambda: int(time.monotonic() > local.deadline), PROGRESS_STEPS)
            local.store = store
        self.local.deadline = time.monotonic() + self.timeout_s
        return store

    def conn(self) -> sqlite3.Connection:
        return self.store().conn

    def expired(self) -> bool:
        return time.monotonic() > getattr(self.local, "deadline", float("inf"))


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a ``javascript:`` link from a page never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def marked(snippet: str) -> Markup:
    """A search snippet escaped, its hit marks turned into <mark>."""
    return Markup(str(escape(snippet)).replace(browse.MARK[0], "<mark>").replace(browse.MARK[1], "</mark>"))


def parse_query(request: Request) -> Query:
    if len(request.url.query) > MAX_QUERY_STRING:
        raise BadRequest(f"the request's parameters are longer than {MAX_QUERY_STRING} characters")
    values: dict[str, Any] = {}
    for name in Query.fields():
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            continue
        if len(raw) > MAX_PARAM_CHARS:
            raise BadRequest(f"parameter {name} is longer than {MAX_PARAM_CHARS} characters")
        if name in ("page", "size"):
            if not raw.isdigit():
                raise BadRequest(f"parameter {name} must be a whole number")
            download = request.query_params.get("format") in ("csv", "jsonl")
            values[name] = min(int(raw), MAX_PAGE if name == "page" else
                               browse.MAX_DOWNLOAD if download else browse.MAX_PAGE_SIZE)
        elif name in ("since", "until"):
            try:
                browse.next_day(raw.strip())
            except ValueError:
                raise BadRequest(f"parameter {name} must be a date, YYYY-MM-DD") from None
            values[name] = raw.strip()
        elif name == "has_quotes":
            values[name] = raw not in ("0", "false", "")
        else:
            values[name] = raw.strip()
    query = Query(**values)
    if query.sort not in browse.SORTS:
        raise BadRequest(f"sort must be one of {', '.join(browse.SORTS)}")
    if query.interval not in browse.INTERVALS:
        raise BadRequest(f"interval must be one of {', '.join(browse.INTERVALS)}")
    return query


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def rows_response(rows: list[dict[str, Any]], fmt: str, name: str) -> Response:
    """A list view as CSV or JSON Lines, for download."""
    if fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return Response(body, media_type="application/x-ndjson",
                        headers={"Content-Disposition": f'attachment; filename="{name}.jsonl"'})
    out = io.StringIO()
    columns = list(rows[0]) if rows else []
    writer = csv.DictWriter(out, columns, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in r.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


# Marks a direct quote's text may open with; such a text is shown with its own marks, not wrapped
# in <q> (which would print “„Wir …““).
QUOTE_MARKS = "\"'„“”‚‘’»«›‹"


def templates() -> Environment:
    """The page templates with the filters and names they use."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["marks"] = marked
    env.globals["urlencode"] = urlencode
    env.globals["QUOTE_MARKS"] = QUOTE_MARKS
    return env


def create_app(db: str | Path, timeout_s: float = QUERY_TIMEOUT_S) -> Starlette:
    corpus = Corpus(db, timeout_s)
    env = templates()

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def view(html: Callable[[Request, sqlite3.Connection], Response],
             ) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return await _in_thread(request, html)
        return endpoint

    async def _in_thread(request: Request, fn: Callable[[Request, sqlite3.Connection], Response]) -> Response:
        from starlette.concurrency import run_in_threadpool

        api = request.url.path.startswith("/api/")

        def run() -> Response:
            try:
                return fn(request, corpus.conn())
            except (BadRequest, QueryError) as exc:
                return _error(api, 400, str(exc))
            except sqlite3.OperationalError as exc:
                # interrupted by the deadline (SQLite words it per statement kind: "interrupted",
                # "vtable constructor failed", ...)
                if "interrupted" in str(exc) or corpus.expired():
                    return _error(api, 503, f"the query took longer than {corpus.timeout_s:g} s and was "
                                  "stopped; narrow it with more words or filters")
                raise
        return await run_in_threadpool(run)

    def _error(api: bool, status: int, message: str) -> Response:
        if api:
            return JSONResponse({"error": message}, status_code=status)
        return page("error.html", status, message=message, query=Query())

    def want(request: Request) -> str:
        fmt = request.query_params.get("format", "json")
        if fmt not in ("json", "csv", "jsonl"):
            raise BadRequest("format must be json, csv or jsonl")
        return fmt

    # --- search -------------------------------------------------------------------------------
    def search_html(request: Request, conn: sqlite3.Connection) -> Response:
        query = parse_query(request)
        result = browse.search(conn, query, with_timeline=True)
        return page("search.html", query=query, result=result, chart=charts.timeline(result.series),
                    pages=min(MAX_PAGE, -(-(result.ranked_among or result.total) // max(1, query.size))),
                    labels=browse.LABELS)

    def search_api(request: Request, conn: sqlite3.Connection) -> Response:
        query = parse_query(request)
        fmt = want(request)
        result = browse.search(conn, query, facets=fmt == "json",
                               max_size=browse.MAX_PAGE_SIZE if fmt == "json" else browse.MAX_DOWNLOAD)
        rows = [dataclasses.asdict(r) for r in result.results]
        for r in rows:
            r["snippet"] = r["snippet"].replace(browse.MARK[0], "").replace(browse.MARK[1], "")
        if fmt != "json":
            return rows_response(rows, fmt, "search")
        return JSONResponse({"total": result.total, "page": query.page, "size": query.size,
                             "results": rows, "facets": result.facets, "facets_capped": result.capped,
                             "facets_counted": result.counted, "ranked_among": result.ranked_among or None,
                             "searched_as": result.searched_as or None})

    def timeline_api(request: Request, conn: sqlite3.Connection) -> Response:
        query = parse_query(request)
        fmt = want(request)
        rows = browse.timeline(conn, query)
        return rows_response(rows, fmt, "timeline") if fmt != "json" else JSONResponse(
            {"interval": query.interval, "series": rows})

    # --- one article --------------------------------------------------------------------------
    def _article(request: Request, conn: sqlite3.Connection) -> Any:
        from newsmill.article import Article

        article_id = request.path_params["id"]
        if len(article_id) > MAX_PARAM_CHARS:
            raise BadRequest("article id too long")
        row = conn.execute("SELECT record, group_id FROM articles WHERE id = ? UNION ALL "
                           "SELECT a.record, a.group_id FROM duplicates d JOIN articles a ON a.id = d.same_as "
                           "WHERE d.id = ? LIMIT 1", (article_id, article_id)).fetchone()
        if row is None:
            return None, None
        return Article.from_json(row[0]), row[1]

    def article_page(request: Request, conn: sqlite3.Connection) -> Response:
        article, group_id = _article(request, conn)
        if article is None:
            return _error(False, 404, "no such article in this corpus")
        removed: dict[str, list[str]] = {}
        for r in article.removed:
            removed.setdefault(r.reason, []).append(r.text)
        group = [g for g in browse.group(conn, group_id) if g["id"] != article.id] if group_id else []
        return page("article.html", query=Query(), a=article, blocks=article_html(article), removed=removed,
                    group=group, people=_people(article))

    def article_api(request: Request, conn: sqlite3.Connection) -> Response:
        article, _ = _article(request, conn)
        if article is None:
            return _error(True, 404, "no such article in this corpus")
        return JSONResponse(article.to_dict())

    # --- entities, quotes, places, groups, stats ---------------------------------------------
    def _entity(request: Request, conn: sqlite3.Connection) -> dict[str, Any] | None:
        entity_id = request.path_params["id"]
        if len(entity_id) > MAX_PARAM_CHARS:
            raise BadRequest("entity id too long")
        return browse.entity(conn, entity_id)

    def entity_page(request: Request, conn: sqlite3.Connection) -> Response:
        data = _entity(request, conn)
        if data is None:
            return _error(False, 404, "no such person, organisation or place in this corpus")
        return page("entity.html", query=Query(entity=data["id"]), e=data, chart=charts.timeline(data["over_time"]),
                    labels=browse.LABELS)

    def entity_api(request: Request, conn: sqlite3.Connection) -> Response:
        data = _entity(request, conn)
        if data is None:
            return _error(True, 404, "no such entity in this corpus")
        return JSONResponse(_jsonable(data))

    def _quotes(request: Request, conn: sqlite3.Connection) -> tuple[Query, list[dict[str, Any]]]:
        query = parse_query(request)
        return query, browse.quotes(conn, speaker=query.speaker, q=query.q, limit=query.size, page=query.page,
                                    max_size=browse.MAX_DOWNLOAD if want(request) != "json" else browse.MAX_PAGE_SIZE)

    def quotes_page(request: Request, conn: sqlite3.Connection) -> Response:
        query, rows = _quotes(request, conn)
        return page("quotes.html", query=query, quotes=rows, speakers=browse.top_speakers(conn, query.q))

    def quotes_api(request: Request, conn: sqlite3.Connection) -> Response:
        fmt = want(request)
        query, rows = _quotes(request, conn)
        return rows_response(rows, fmt, "quotes") if fmt != "json" else JSONResponse(
            {"results": rows, "top_speakers": browse.top_speakers(conn, query.q)})

    def places_page(request: Request, conn: sqlite3.Connection) -> Response:
        query = parse_query(request)
        rows = browse.places(conn, query)
        return page("places.html", query=query, places=rows, map=charts.world_map(rows))

    def places_api(request: Request, conn: sqlite3.Connection) -> Response:
        fmt = want(request)
        rows = browse.places(conn, parse_query(request))
        return rows_response(rows, fmt, "places") if fmt != "json" else JSONResponse({"places": rows})

    def groups_page(request: Request, conn: sqlite3.Connection) -> Response:
        query = parse_query(request)
        return page("groups.html", query=query, groups=browse.groups(conn, query.size))

    def groups_api(request: Request, conn: sqlite3.Connection) -> Response:
        fmt = want(request)
        rows = browse.groups(conn, parse_query(request).size)
        if fmt != "json":
            flat = [{"group": g["group"], "size": g["size"], **m} for g in rows for m in g["members"]]
            return rows_response(flat, fmt, "groups")
        return JSONResponse({"groups": rows})

    def _stats(conn: sqlite3.Connection) -> dict[str, Any]:
        data = dataclasses.asdict(corpus.local.store.stats())
        data["mentions"] = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                            for t in ("mentions", "places", "quotes")}
        return data

    def stats_page(request: Request, conn: sqlite3.Connection) -> Response:
        return page("stats.html", query=Query(), s=_stats(conn))

    def stats_api(request: Request, conn: sqlite3.Connection) -> Response:
        return JSONResponse(_stats(conn))

    routes = [
        Route("/", view(search_html)), Route("/search", view(search_html)),
        Route("/api/search", view(search_api)), Route("/api/timeline", view(timeline_api)),
        Route("/articles/{id}", view(article_page)), Route("/api/articles/{id}", view(article_api)),
        Route("/entities/{id:path}", view(entity_page)), Route("/api/entities/{id:path}", view(entity_api)),
        Route("/quotes", view(quotes_page)), Route("/api/quotes", view(quotes_api)),
        Route("/places", view(places_page)), Route("/api/places", view(places_api)),
        Route("/groups", view(groups_page)), Route("/api/groups", view(groups_api)),
        Route("/stats", view(stats_page)), Route("/api/stats", view(stats_api)),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)])


class SecurityHeaders:
    """ASGI middleware adding the CSP and related headers to every response."""

    HEADERS = ((b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"))

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *self.HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def _people(article: Any) -> list[tuple[str, list[Any]]]:
    """The article's entities by kind, each once (by id), for the side panel."""
    seen: dict[str, dict[str, Any]] = {}
    for e in article.entities:
        key = e.id or e.name
        if key not in seen:
            seen[key] = {"id": e.id, "name": e.name, "label": e.label, "n": 0}
        seen[key]["n"] += 1
    out = []
    for label, title in browse.LABELS.items():
        items = sorted((v for v in seen.values() if v["label"] == label), key=lambda v: -v["n"])
        if items:
            out.append((title, items))
    return out


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    import uvicorn

    app = create_app(db)
    if not is_loopback(host):
        print(f"newsmill: warning: serving on {host}, reachable from other machines; the corpus and "
              "everything in it is readable by anyone who can connect", file=sys.stderr)
    print(f"newsmill: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0


