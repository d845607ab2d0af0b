"""Ingest end to end (files, JSON Lines, WARC, URLs -> store), resuming, store faults, and the CLI."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import newsmill.run.pipeline as ingest_mod
from newsmill.cli import main
from newsmill.corpus.store import Store
from newsmill.run.local import RunOptions
from newsmill.run.pipeline import IngestOptions, ingest

TOPICS = ["Zebrastreifen", "Windkraftanlage", "Bibliothek", "Hochwasser", "Stadtrat", "Marathon"]


def page(topic: str, n: int = 0) -> str:
    paras = "".join(
        f"<p>Der {topic} beschäftigt die Gemeinde seit Wochen, sagte die Sprecherin am Montag. "
        f"Viele Anwohner haben sich zum {topic} geäußert, Absatz {i} mit Nummer {n} und mehr Text dazu.</p>"
        for i in range(5))
    return (f"<html><head><title>{topic} {n}</title></head><body><nav><a href='/'>Start</a></nav>"
            f"<article><h1>Neues zum {topic} {n}</h1>{paras}</article><footer>Impressum</footer></body></html>")


def options(**kw: object) -> IngestOptions:
    opts = IngestOptions(run=RunOptions(jobs=2, page_timeout_s=20), progress=False)
    for k, v in kw.items():
        setattr(opts, k, v)
    return opts


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    folder = tmp_path / "pages" / "sub"
    folder.mkdir(parents=True)
    for i, topic in enumerate(TOPICS[:3]):
        (folder / f"{i}.html").write_text(page(topic), "utf-8")
    (folder / "empty.html").write_text("<html><body></body></html>", "utf-8")
    rows = tmp_path / "rows.jsonl"
    lines = [{"url": f"https://j.example/{t}", "html": page(t, 7)} for t in TOPICS[3:]]
    lines.append({"url": "https://copy.example/z", "html": page(TOPICS[0])})  # same text: stored once
    rows.write_text("".join(json.dumps(row) + "\n" for row in lines), "utf-8")
    return [str(tmp_path / "pages"), str(rows)]


def count(db: Path, sql: str = "SELECT count(*) FROM articles") -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_ingest_stores_searches_and_reruns_skip(tmp_path: Path, inputs: list[str]) -> None:
    db = tmp_path / "c.db"
    report = ingest(inputs, db, options())
    assert report.new == 6 and report.duplicates == 1
    assert report.failed == {"extract: empty": 1} and report.stopped is None
    with Store(db, readonly=True) as store:
        hits = store.search("Windkraftanlage")
        assert len(hits) == 1 and "Windkraftanlage" in hits[0].snippet
        assert store.stats().failures_by_reason == {"extract: empty": 1}
    again = ingest(inputs, db, options())
    assert again.pages == 0 and count(db) == 6


def test_interrupted_run_keeps_what_was_stored_and_resumes(tmp_path: Path, inputs: list[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "c.db"
    real = ingest_mod.open_inputs

    def interrupted(*args: object, **kw: object) -> Iterator[object]:
        for i, item in enumerate(real(*args, **kw)):  # type: ignore[arg-type]
            if i == 3:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(ingest_mod, "open_inputs", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(inputs, db, options())
    stored = count(db)
    assert 1 <= stored <= 3
    monkeypatch.setattr(ingest_mod, "open_inputs", real)
    report = ingest(inputs, db, options())
    assert count(db) == 6 and report.updated == 0 and report.new == 6 - stored


class _TinyDisk(Store):
    """A store whose file may grow only a little: sqlite reports "database or disk is full"."""

    def __init__(self, *args: object, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages + 3}")


class _ReadOnly(Store):
    def __init__(self, *args: object, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        self.conn.execute("PRAGMA query_only = ON")


@pytest.mark.parametrize(("store_cls", "message"), [(_TinyDisk, "disk full"), (_ReadOnly, "read-only")])
def test_store_faults_stop_cleanly_and_keep_stored_articles(tmp_path: Path, inputs: list[str],
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            store_cls: type[Store], message: str) -> None:
    db = tmp_path / "c.db"
    first = tmp_path / "first.html"
    first.write_text(page("Vorher"), "utf-8")
    assert ingest([str(first)], db, options()).new == 1
    monkeypatch.setattr(ingest_mod, "Store", store_cls)
    big = tmp_path / "big"
    big.mkdir()
    for i in range(30):
        (big / f"{i}.html").write_text(page(f"Thema{i}", i) * 3, "utf-8")
    report = ingest([str(big)], db, options())
    assert report.stopped is not None and message in report.stopped
    with Store(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.search("Vorher") and store.stats().articles >= 1


def test_locked_database_is_reported_by_the_cli(tmp_path: Path, inputs: list[str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "c.db"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code = main(["ingest", *inputs, "--db", str(db), "--quiet", "-j", "1", "--busy-timeout", "0.2"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 1 and "locked" in capsys.readouterr().err


def test_cli_commands(tmp_path: Path, inputs: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    db = str(tmp_path / "c.db")
    assert main(["ingest", *inputs, "--db", db, "-j", "2", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["search", "Hochwasser", "--db", db, "--format", "json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 1 and "**Hochwasser**" in hits[0]["snippet"]
    assert main(["show", hits[0]["id"], "--db", db, "--format", "markdown"]) == 0
    assert "Hochwasser" in capsys.readouterr().out
    assert main(["show", "nope", "--db", db]) == 1
    assert main(["export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "o.parquet")]) == 0
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "o.parquet").num_rows == 6
    capsys.readouterr()
    assert main(["stats", "--db", db, "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["articles"] == 6 and stats["duplicates"] == 1 and stats["failures"] == 1


class _Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        body = page("Feuerwehr").encode() if self.path == "/news" else b"User-agent: *\nAllow: /\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8" if self.path == "/news" else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_ingest_urls_needs_allow_private_for_localhost(tmp_path: Path) -> None:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/news"
    try:
        refused = ingest([url], tmp_path / "a.db", options())
        assert refused.failed == {"fetch: private address": 1}
        opts = options()
        opts.sources.fetch.allow_private = True
        report = ingest([url], tmp_path / "b.db", opts)
        assert report.new == 1
        with Store(tmp_path / "b.db", readonly=True) as store:
            (hit,) = store.search("Feuerwehr")
            assert hit.url == url
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_ingest_a_warc_counts_what_it_skips(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from test_warc import write_warc

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("request", "https://w.example/1", 0, "", b""),
                      ("response", "https://w.example/1", 200, "text/html", page("Leuchtturm").encode()),
                      ("response", "https://w.example/2", 200, "text/html", page("Seilbahn").encode()),
                      ("response", "https://w.example/3.png", 200, "image/png", b"\x89PNG")])
    report = ingest([str(warc)], tmp_path / "c.db", options())
    assert report.new == 2 and report.skipped == {"warc request record": 1, "not html": 1}
    with Store(tmp_path / "c.db", readonly=True) as store:
        (hit,) = store.search("Seilbahn")
        assert hit.url == "https://w.example/2" and hit.site == "w.example"


def test_ingest_enriches_by_default_and_not_with_no_enrich(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>Besuch</title></head><body><article><h1>Besuch in Berlin</h1>"
                    "<p>Bundeskanzler Olaf Scholz empfing am Montag in Berlin den Präsidenten Frankreichs. "
                    "Die beiden sprachen lange über die Lage in der Ukraine und über neue Hilfen.</p>"
                    "<p>\u201eWir stehen zusammen\u201c, sagte Scholz nach dem Treffen vor Journalisten.</p>"
                    "</article></body></html>", encoding="utf-8")
    enriched, plain = tmp_path / "e.db", tmp_path / "p.db"
    assert main(["ingest", str(page), "--db", str(enriched), "-j", "1", "--quiet"]) == 0
    assert main(["ingest", str(page), "--db", str(plain), "-j", "1", "--quiet", "--no-enrich"]) == 0
    with Store(enriched, readonly=True) as store:
        (hit,) = store.search("Scholz")
        article = store.get(hit.id)
    assert article is not None and any(e.id == "per:olaf-scholz" for e in article.entities)
    assert any(p.country == "DE" for p in article.places) and article.quotes
    with Store(plain, readonly=True) as store:
        (hit,) = store.search("Scholz")
        bare = store.get(hit.id)
    assert bare is not None and bare.entities == [] and bare.quotes == []


def test_teaser_ends_at_a_word_with_an_ellipsis_when_the_text_goes_on() -> None:
    from newsmill.corpus.browse import teaser

    text = "Die Österreicher trinken pro Kopf 11,1 Liter reinen Alkohol im Jahr, " * 5
    short = teaser(text, limit=60)
    assert short.endswith("…") and len(short) <= 61
    assert text.startswith(short[:-1])
    assert text[len(short) - 1] == " "  # the cut falls before a space, never inside a word
    assert teaser("Kurz und gut.", limit=60) == "Kurz und gut."
