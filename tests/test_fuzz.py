"""Property-based hostile input (issue #14): generated HTML, text, WARC records, JSON Lines, URL lists,
queries and export targets thrown at the Python API and every CLI verb.

Asserted for every input: no uncaught exception (the CLI answers with a documented exit code and
at most one ``newsmill:`` line, never a traceback), a bounded CPU time, and nothing stored that was
not asked for (readers leave the corpus as it was; ingest stores only pages of the inputs given).

Budget: small in ``make test``; ``make fuzz`` (NEWSMILL_FUZZ=1) runs many more examples. Times are
CPU seconds (``time.process_time``): the test machine is shared, wall time says little.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsmill.sources.web as web
from newsmill import annotate, extract
from newsmill.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main
from newsmill.corpus import QueryError, Store
from newsmill.corpus.export import ExportError, export
from newsmill.page import InputError
from newsmill.sources import Failure, Finished, Skipped, Task, open_inputs

FUZZ = bool(os.environ.get("NEWSMILL_FUZZ"))


def budget(quick: int, fuzz: int | None = None) -> settings:
    return settings(max_examples=(fuzz or quick * 20) if FUZZ else quick, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])


# CPU seconds one input may take: the page caps bound extraction; this catches a runaway.
MAX_CPU_S = 10.0
DOCUMENTED_EXITS = {EXIT_OK, EXIT_ERROR, EXIT_USAGE}

_TAGS = ["html", "body", "head", "title", "article", "div", "p", "span", "a", "script", "style", "h1",
         "table", "tr", "td", "ul", "li", "br", "meta", "time", "blockquote", "nav", "footer", "!--"]
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
prose = st.lists(st.sampled_from(["Der", "Stadtrat", "sagte", "am", "Montag", "the", "mayor", "said",
                                  "„Wir", "bauen", "Putin", "Wien", "2024", ".", ","]), max_size=60).map(" ".join)


@st.composite
def html(draw: st.DrawFn, depth: int = 0) -> str:
    """Tag soup: well- and ill-formed elements, attributes, entities, text of any script."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 2 else 2))):
        kind = draw(st.integers(0, 5))
        if kind == 0 or depth > 3:
            parts.append(draw(st.one_of(words, prose)))
        elif kind == 1:
            parts.append(draw(st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "<", ">", "<!DOCTYPE",
                                               "]]>", "<?xml?>", "\x00", "\ufeff"])))
        else:
            tag = draw(st.sampled_from(_TAGS))
            attr = draw(st.sampled_from(["", ' class="article-body"', " lang=de", ' content="2024-13-45"',
                                         ' datetime="x"', ' href="javascript:x"', " itemprop=articleBody"]))
            inner = draw(html(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}", "</p>"]))
            parts.append(f"<{tag}{attr}>{inner}{close}")
    return "".join(parts)


urls = st.one_of(
    st.builds(lambda s, h, p: f"{s}://{h}{p}", st.sampled_from(["http", "https", "HTTP", "ftp", "hTTps"]),
              st.sampled_from(["[::1", "127.0.0.1:99999", "[zz]", "", ":80", "a b", "x.example", "10.0.0.1",
                               "[::ffff:127.0.0.1]", "0x7f.1", "xn--", "ä.example", "%00", "user@x.example:0"]),
              st.one_of(st.just("/"), words.map(lambda w: "/" + w))),
    words.map(lambda w: "http://" + w))

warc_record = st.builds(
    lambda kind, length, body, http: (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:1>\r\nContent-Length: {length}\r\n"
        f"WARC-Target-URI: http://x.example/a\r\nContent-Type: application/http; msgtype=response\r\n\r\n"
        ).encode() + (http + body).encode("utf-8", "replace") + b"\r\n\r\n",
    st.sampled_from(["response", "request", "resource", "warcinfo", "bogus"]),
    st.one_of(st.integers(-5, 5000), st.just("x")),
    html(), st.sampled_from(["", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
                             "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", "HTTP/9 x\r\n\r\n"]))

jsonl_line = st.one_of(
    st.builds(lambda u, h: json.dumps({"url": u, "html": h}), urls, html()),
    st.builds(lambda t: json.dumps({"text": t, "published": "yesterday"}), prose),
    st.builds(json.dumps, st.recursive(st.none() | st.booleans() | st.integers() | words,
                                       lambda c: st.lists(c, max_size=3) | st.dictionaries(words, c, max_size=3),
                                       max_leaves=8)),
    words)

queries = st.one_of(
    st.lists(st.sampled_from(list('ab "*()^:-+{}\\\'') + ["OR", "AND", "NOT", "NEAR", "title:", "Putin"]),
             max_size=30).map("".join),
    words, st.lists(st.sampled_from(["Putin", "OR", "a", "*", '"']), max_size=200).map(" ".join))


def cpu_bounded(fn: Callable[[], Any]) -> Any:
    started = time.process_time()
    result = fn()
    assert time.process_time() - started < MAX_CPU_S
    return result


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every host resolves to loopback, which the fetcher refuses: generated URLs never go out."""
    def getaddrinfo(host: str, port: int, *a: object, **kw: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(web.socket, "getaddrinfo", getaddrinfo)


def digest(db: Path) -> str:
    with Store(db, readonly=True) as store:
        rows = store.conn.execute("SELECT id, record FROM articles ORDER BY id").fetchall()
        rows += store.conn.execute("SELECT input, reason FROM failures ORDER BY n").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("fuzzcorpus") / "c.db"
    body = "".join(f"<p>Der Stadtrat sagte am Montag, Putin {i} sei in Wien gewesen, und mehr Text dazu.</p>"
                   for i in range(6))
    with Store(db) as store, store.transaction():
        for i in range(3):
            store.add(extract(f"<html><title>T{i}</title><article>{body}</article></html>",
                              url=f"https://a.example/{i}"), f"k{i}")
    return db


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = cpu_bounded(lambda: main(argv))
    except SystemExit as exc:  # argparse refusing the arguments
        code = exc.code if isinstance(exc.code, int) else EXIT_ERROR
    _, err = capsys.readouterr()
    assert code in DOCUMENTED_EXITS, err
    assert "Traceback" not in err and "internal error" not in err
    assert sum(ln.startswith("newsmill:") for ln in err.splitlines()) <= 1, err
    return code, err


# --- the Python API ----------------------------------------------------------------------------------
@budget(12)
@given(html(), st.sampled_from(["auto", "html", "text"]))
def test_extract_any_html(markup: str, fmt: str) -> None:
    try:
        article = cpu_bounded(lambda: extract(markup, input_format=fmt))  # type: ignore[arg-type]
    except InputError:
        return
    assert isinstance(article.text, str)


@budget(8)
@given(st.one_of(prose, words, st.binary(max_size=2000)))
def test_extract_and_annotate_any_text(data: str | bytes) -> None:
    with contextlib.suppress(InputError):
        cpu_bounded(lambda: extract(data, input_format="text"))
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    assert cpu_bounded(lambda: annotate(text[:500], language="de")).text == text[:500]


@budget(6)
@given(st.lists(warc_record, max_size=3), st.lists(jsonl_line, max_size=4), st.lists(urls, max_size=4),
       st.binary(max_size=300))
def test_sources_never_raise(tmp_path_factory: pytest.TempPathFactory, records: list[bytes],
                             lines: list[str], url_list: list[str], junk: bytes) -> None:
    folder = tmp_path_factory.mktemp("in")
    (folder / "a.warc").write_bytes(b"".join(records) + junk)
    (folder / "b.jsonl").write_text("\n".join(lines), "utf-8")
    (folder / "c.txt").write_text("\n".join(url_list), "utf-8")
    (folder / "d.html").write_bytes(junk)
    opts_urls = [u for u in url_list[:3] if u.strip()]
    items = cpu_bounded(lambda: list(open_inputs([str(folder), *opts_urls])))
    assert all(isinstance(i, Task | Failure | Skipped | Finished) for i in items)
    # every URL fetch is refused (all hosts are loopback here): none becomes a page
    assert not [i for i in items if isinstance(i, Task) and (i.page.url or "").startswith("http")
                and "#" not in i.key and "@" not in i.key and i.key in url_list]


@budget(40)
@given(queries)
def test_search_any_query(corpus: Path, query: str) -> None:
    before = digest(corpus)
    with Store(corpus, readonly=True) as store:
        try:
            hits = cpu_bounded(lambda: store.search(query, limit=5))
        except QueryError as exc:
            assert "\n" not in str(exc) and str(exc)
        else:
            assert len(hits) <= 5
    assert digest(corpus) == before


@budget(10)
@given(st.one_of(words.filter(lambda w: "/" not in w and "\x00" not in w and w not in ("", ".", "..")),
                 st.sampled_from(["/dev/full", "/dev/null", "missing/x.jsonl", ".", "a/../b.jsonl", "-x"])),
       st.sampled_from(["jsonl", "parquet"]))
def test_export_any_target(corpus: Path, tmp_path_factory: pytest.TempPathFactory, name: str, fmt: str) -> None:
    folder = tmp_path_factory.mktemp("out")
    target = Path(name) if name.startswith("/") else folder / name
    with Store(corpus, readonly=True) as store:
        try:
            n = cpu_bounded(lambda: export(store, target, fmt))
        except ExportError as exc:
            assert "\n" not in str(exc)
        else:
            assert n == 3
    assert not list(folder.glob("**/*.part"))


# --- every CLI verb, in process ----------------------------------------------------------------------
@budget(10)
@given(st.one_of(html().map(str.encode), st.binary(max_size=500)),
       st.sampled_from(["extract", "annotate"]), st.sampled_from(["json", "markdown", "text"]))
def test_cli_extract_annotate(tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
                              data: bytes, verb: str, fmt: str) -> None:
    path = tmp_path_factory.mktemp("x") / "p.html"
    path.write_bytes(data)
    cli([verb, str(path), "--format", fmt], capsys)


@budget(20)
# "-o" only with its value attached: a bare "-o" took the next random word ("-1", a date) as a file in the working directory
@given(st.sampled_from(["search", "show", "export", "stats", "schema", "nothing"]), queries,
       st.lists(st.sampled_from(["--limit", "-1", "0", "--format", "json", "--site", "x", "--since", "2024-99-99",
                                 "--failures", "3", "--language", "", "--with-groups", "-o/dev/full", "/dev/full"]),
                max_size=4))
def test_cli_readers(corpus: Path, capsys: pytest.CaptureFixture[str], verb: str, arg: str,
                     extra: list[str]) -> None:
    before = digest(corpus)
    positional = {"search": [arg], "show": [arg], "export": ["-o", "/dev/null"]}.get(verb, [])
    argv = [verb, *positional, *(["--db", str(corpus)] if verb not in ("schema", "nothing") else []), *extra]
    cli(argv, capsys)
    assert digest(corpus) == before


@budget(2, 30)
@given(st.lists(st.one_of(html().map(str.encode), st.binary(max_size=400)), min_size=1, max_size=3),
       st.lists(jsonl_line, max_size=3), st.lists(urls, max_size=3))
def test_cli_ingest_stores_only_what_it_was_given(tmp_path_factory: pytest.TempPathFactory,
                                                   capsys: pytest.CaptureFixture[str], pages: list[bytes],
                                                   lines: list[str], url_list: list[str]) -> None:
    folder = tmp_path_factory.mktemp("ing")
    for i, data in enumerate(pages):
        (folder / f"{i}.html").write_bytes(data)
    (folder / "rows.jsonl").write_text("\n".join(lines), "utf-8")
    db = folder.parent / f"{folder.name}.db"
    code, err = cli(["ingest", str(folder), *url_list, "--db", str(db), "--quiet", "--no-enrich", "-j", "1",
                     "--page-timeout", "20", "--delay", "0"], capsys)
    assert code in (EXIT_OK, EXIT_ERROR)
    with Store(db, readonly=True) as store:
        stored = [r[0] for r in store.conn.execute("SELECT input FROM articles")]
    assert len(stored) <= len(pages) + len(lines)
    assert all(key.startswith(str(folder)) for key in stored)  # never a fetched URL: all were refused
    if code == EXIT_ERROR:
        assert "every input failed" in err or "newsmill:" in err
