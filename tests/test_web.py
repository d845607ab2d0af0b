"""The web app over a small real corpus, through Starlette's test client: views, API, downloads,
security headers and limits, the mention-table migration and ``newsmill enrich --db``."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from newsmill.article import Article, Entity, Quote, Speaker  # noqa: E402
from newsmill.cli import main  # noqa: E402
from newsmill.corpus.schema import MIGRATIONS  # noqa: E402
from newsmill.corpus.store import Store  # noqa: E402
from newsmill.web.server import create_app, is_loopback, safe_url, templates  # noqa: E402
from web_corpus import XSS_TITLE, XSS_URL, build  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web") / "news.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def test_search_api_counts_facets_and_groups_name_forms(client: TestClient) -> None:
    data = client.get("/api/search", params={"q": "Hafen"}).json()
    assert data["total"] == 3
    people = {f["value"]: f for f in data["facets"]["people"]}
    # "Erika Hafner" and "Hafner" are one person, counted once per article
    assert people["per:erika-hafner"]["count"] == 2
    assert {f["value"] for f in data["facets"]["source"]} == {"dpa"}
    assert {f["name"] for f in data["facets"]["places"]} == {"Hamburg", "Rotterdam"}
    assert data["facets"]["speakers"][0]["value"] == "per:erika-hafner"


def test_filters_narrow_results(client: TestClient) -> None:
    by_entity = client.get("/api/search", params={"q": "Hafen", "entity": "geo:2747891"}).json()
    assert [r["id"] for r in by_entity["results"]] == ["hafen1"]
    by_site = client.get("/api/search", params={"site": "www.wiener.test"}).json()
    assert [r["id"] for r in by_site["results"]] == ["wahl1"]
    dated = client.get("/api/search", params={"since": "2024-04-01", "until": "2024-04-30"}).json()
    assert [r["id"] for r in dated["results"]] == ["evil"]
    quoted = client.get("/api/search", params={"has_quotes": "1", "sort": "oldest"}).json()
    assert [r["id"] for r in quoted["results"]] == ["hafen1", "wahl1"]
    assert client.get("/api/search", params={"author": "Anna Autorin"}).json()["total"] == 4


def test_search_page_shows_highlighted_snippets_facet_links_and_timeline(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Rekord"}).text
    assert "<mark>Rekord</mark>" in html
    assert "/search?q=Rekord&amp;entity=per%3Aerika-hafner" in html
    assert '<svg class="timeline"' in html
    paged = client.get("/api/search", params={"size": "1", "page": "2", "sort": "date"}).json()
    assert paged["total"] == 4 and [r["id"] for r in paged["results"]] == ["evil"]


def test_malformed_query_is_searched_as_words_or_refused_readably(client: TestClient) -> None:
    # FTS syntax typos are searched as plain words, and the page says so
    for q, words in (('"Rekord', '"Rekord"'), ("Rekord AND", '"Rekord"'), ("title:", '"title"')):
        r = client.get("/search", params={"q": q})
        assert r.status_code == 200 and "could not be read" in r.text, q
        assert f"<code>{words}</code>".replace('"', "&#34;") in r.text
    assert client.get("/api/search", params={"q": '"Rekord'}).json()["total"] == 2
    # nothing searchable, or too long: a readable message (corpus.QueryError), never a 500
    r = client.get("/search", params={"q": "AND OR"})
    assert r.status_code == 400 and "nothing to search for" in r.text
    assert "at most 64" in client.get("/api/search", params={"q": " ".join(["w"] * 70)}).json()["error"]


def test_article_page_marks_annotations_and_folds_removed(client: TestClient) -> None:
    html = client.get("/articles/hafen1").text
    assert 'class="m per" href="/entities/per:erika-hafner" title="PER: Erika Hafner"' in html
    assert 'class="m place" href="/entities/geo:2911298" title="Hamburg (DE, 53.55, 9.99)"' in html
    assert 'class="m time" tabindex="0" title="2024-03-05"' in html
    assert 'class="m quote"' in html and "Erika Hafner — direct quote (sagte)" in html
    assert "<summary>navigation <span class=\"n\">2</span></summary>" in html
    assert "/articles/hafen2" in html  # the same story elsewhere
    record = client.get("/api/articles/hafen1").json()
    assert Article.from_dict(record).quotes[0].speaker.id == "per:erika-hafner"  # type: ignore[union-attr]


def test_untrusted_article_is_escaped_and_its_link_dropped(client: TestClient) -> None:
    r = client.get("/articles/evil")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "<script>" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in r.text
    assert 'href="javascript:' not in r.text
    assert safe_url(XSS_URL) is None and safe_url(" JavaScript:alert(1)") is None
    assert safe_url("https://example.org/a") == "https://example.org/a"
    search = client.get("/search", params={"q": "Wahl"}).text
    assert XSS_TITLE not in search and "&lt;img src=x" in search


def test_entity_page_and_quotes(client: TestClient) -> None:
    data = client.get("/api/entities/per:erika-hafner").json()
    assert data["articles"] == 2 and data["mentions"] == 4
    assert [q["text"] for q in data["quotes"]] == ["Wir haben so viele Container wie nie umgeschlagen"]
    assert {w["value"] for w in data["with"]} >= {"org:reederei-nordlicht", "geo:2911298"}
    html = client.get("/entities/per:erika-hafner").text
    assert "What Erika Hafner said" in html and "2 articles · 4 mentions" in html
    quotes = client.get("/api/quotes", params={"q": "bereit"}).json()
    assert [q["speaker"] for q in quotes["results"]] == ["per:max-mustermann"]
    assert client.get("/entities/nobody").status_code == 404


def test_quotes_keep_their_own_marks() -> None:
    said = templates().get_template("macros.html").module.said  # type: ignore[attr-defined]
    # the article printed its marks: shown once, not wrapped in <q> as well (“„Wir …““)
    for text, shown in (("„Wir gewinnen“", "„Wir gewinnen“"), ('"We won,"', "&#34;We won,&#34;"),
                        ("»Nie wieder«", "»Nie wieder«")):
        assert str(said({"kind": "direct", "text": text})).strip() == f'<span class="said direct">{shown}</span>'
    assert str(said({"kind": "direct", "text": "Wir gewinnen"})).strip() == '<q class="said">Wir gewinnen</q>'
    # reported speech is nobody's words: no marks added
    shown = str(said({"kind": "indirect", "text": "dass sie gewinnen"})).strip()
    assert shown == '<span class="said indirect">dass sie gewinnen</span>'


def test_places_groups_stats(client: TestClient) -> None:
    places = client.get("/api/places", params={"q": "Wahlkampf"}).json()["places"]
    assert [(p["name"], p["country"]) for p in places] == [("Wien", "AT")]
    html = client.get("/places").text
    assert html.count("<circle") == 3 and 'class="land" d="M' in html
    groups = client.get("/api/groups").json()["groups"]
    assert len(groups) == 1 and {m["id"] for m in groups[0]["members"]} == {"hafen1", "hafen2"}
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["mentions"]["quotes"] == 2
    assert "Near-duplicate groups" in client.get("/stats").text


def test_downloads_as_csv_and_jsonl(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "Hafen", "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == {"hafen1", "hafen2", "evil"}
    lines = client.get("/api/quotes", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["article"] for line in lines)
    flat = list(csv.DictReader(io.StringIO(client.get("/api/groups", params={"format": "csv"}).text)))
    assert [row["id"] for row in flat] == ["hafen1", "hafen2"]


def test_limits_refuse_oversized_and_cap_pages(client: TestClient, db: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert client.get("/search", params={"q": "x" * 600}).status_code == 400
    assert client.get("/api/search", params={"size": "100000"}).json()["size"] == 100
    assert client.get("/api/search", params={"page": "abc"}).status_code == 400
    assert client.get("/api/search", params={"sort": "rowid; DROP TABLE articles"}).status_code == 400
    monkeypatch.setattr("newsmill.web.server.PROGRESS_STEPS", 1)  # check the deadline at every step
    slow = TestClient(create_app(db, timeout_s=0.0))
    r = slow.get("/api/search", params={"q": "Hafen"})
    assert r.status_code == 503 and "longer than" in r.json()["error"]


def test_server_connection_is_read_only(db: Path) -> None:
    from newsmill.web.server import Corpus

    conn = Corpus(db).conn()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")


def test_migration_backfills_an_existing_corpus(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0][1] + "CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied TEXT);"
                       "INSERT INTO migrations VALUES (1, 'then');")
    text = "Olaf Scholz traf Scholz."
    a = Article(id="a1", text=text, entities=[Entity(0, 11, "Olaf Scholz", "PER", "Olaf Scholz", "per:olaf-scholz"),
                                              Entity(17, 23, "Scholz", "PER", "Olaf Scholz", "per:olaf-scholz")])
    conn.execute("INSERT INTO articles(id, text, text_hash, ingested, record) VALUES ('a1', ?, 'h', 'now', ?)",
                 (text, a.to_json(indent=None)))
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        q = store.conn.execute
        assert q("SELECT entity, n FROM mentions").fetchall() == [("per:olaf-scholz", 2)]
        # migration 3 backfills the read side too
        assert q("SELECT entity, published FROM entity_articles").fetchall() == [("per:olaf-scholz", "")]
        assert q("SELECT published, quotes FROM article_meta").fetchall() == [(None, 0)]
        a.entities = a.entities[:1]  # an update replaces the article's rows
        a.entities[0].id = "per:scholz"
        with store.transaction():
            store.conn.execute("UPDATE articles SET record = ?, published = '2024-01-02', site = 's' "
                               "WHERE id = 'a1'", (a.to_json(indent=None),))
        assert q("SELECT entity, n FROM mentions").fetchall() == [("per:scholz", 1)]
        assert q("SELECT entity, published FROM entity_articles").fetchall() == [("per:scholz", "2024-01-02")]
        assert q("SELECT published, site FROM article_meta").fetchall() == [("2024-01-02", "s")]
        with store.transaction():
            store.conn.execute("DELETE FROM articles")
        for table in ("mentions", "entity_articles", "article_meta"):
            assert q(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_enrich_db_fills_an_unenriched_corpus_and_resumes(tmp_path: Path, samples_dir: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("spacy")
    db = tmp_path / "plain.db"
    assert main(["ingest", str(samples_dir / "de_lokal_brand.html"), "--db", str(db), "--no-enrich",
                 "--quiet", "-j", "1"]) == 0
    with Store(db, readonly=True) as store:
        assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0
    assert main(["enrich", "--db", str(db), "--quiet"]) == 0
    assert "1 enriched, 0 already done" in capsys.readouterr().err
    with Store(db, readonly=True) as store:
        assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
    assert main(["enrich", "--db", str(db), "--quiet"]) == 0
    assert "0 enriched, 1 already done" in capsys.readouterr().err


def test_speaker_filter_week_timeline_and_entity_downloads(client: TestClient) -> None:
    said = client.get("/api/search", params={"speaker": "per:max-mustermann"}).json()
    assert [r["id"] for r in said["results"]] == ["wahl1"]
    assert said["facets"]["speakers"] == [{"value": "per:max-mustermann", "name": "Max Mustermann", "count": 1}]
    weeks = client.get("/api/timeline", params={"q": "Hafen", "interval": "week"}).json()["series"]
    # 2024-03-05 is a Tuesday, 2024-04-01 a Monday: weeks are named by their Monday
    assert weeks == [{"period": "2024-03-04", "count": 2}, {"period": "2024-04-01", "count": 1}]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/timeline", params={
        "entity": "per:erika-hafner", "format": "csv"}).text)))
    assert rows == [{"period": "2024-03", "count": "2"}]
    html = client.get("/entities/per:erika-hafner").text
    assert "/api/quotes?speaker=per%3Aerika-hafner&amp;size=1000&amp;format=csv" in html
    assert "/api/search?entity=per%3Aerika-hafner&amp;sort=date&amp;size=1000&amp;format=jsonl" in html
    # a download may hold up to 1,000 rows, a JSON page at most 100
    assert client.get("/api/search", params={"size": "5000", "format": "csv"}).status_code == 200
    assert client.get("/api/search", params={"size": "5000"}).json()["size"] == 100


def test_facets_count_the_first_matches_and_say_so(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmill.corpus import browse

    monkeypatch.setattr(browse, "FACET_MATCHES", 2)
    with Store(db, readonly=True) as store:
        page = browse.search(store.conn, browse.Query(q="Hafen", sort="date"))
    assert page.total == 3 and page.capped and page.counted == 2
    # the two newest of the three matches: hafen2 (12:30) and hafen1 (10:00) are older than evil
    assert {f["value"] for f in page.facets["site"]} == {"evil.test", "www.morgenpost.test"}
    html = TestClient(create_app(db)).get("/search", params={"q": "Hafen", "sort": "date"}).text
    assert "Counts are of the 2 newest of the 3 matches." in html


def test_whole_corpus_views_are_cached_until_the_file_changes(tmp_path: Path) -> None:
    from newsmill.corpus import browse

    db = build(tmp_path / "news.db")
    client = TestClient(create_app(db))
    assert client.get("/api/search").json()["facets"]["site"][0]["count"] == 1
    with Store(db) as store, store.transaction():
        a = Article(id="more", text="Noch ein Text aus Wien.", site="www.wiener.test", published="2024-06-01")
        store.add(a)
    sites = {f["value"]: f["count"] for f in client.get("/api/search").json()["facets"]["site"]}
    assert sites["www.wiener.test"] == 2
    assert browse.corpus_size(Store(db, readonly=True).conn) == 5


def test_server_refuses_a_corpus_whose_schema_is_behind(tmp_path: Path) -> None:
    from newsmill.corpus.store import StoreError

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0][1] + MIGRATIONS[1][1] + "CREATE TABLE migrations (version INTEGER "
                       "PRIMARY KEY, applied TEXT); INSERT INTO migrations VALUES (1, 'then'), (2, 'then');")
    conn.close()
    with pytest.raises(StoreError, match=r"schema version 2.*newsmill enrich --db"):
        create_app(path)
    Store(path).close()  # any writable open upgrades it
    assert TestClient(create_app(path)).get("/api/search").json()["total"] == 0


def test_common_words_rank_the_most_recently_added_matches_and_say_so(db: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmill.corpus import browse

    with Store(db, readonly=True) as store:
        everything = browse.search(store.conn, browse.Query(q="Hafen"))
        monkeypatch.setattr(browse, "RANK_CANDIDATES", 2)
        capped = browse.search(store.conn, browse.Query(q="Hafen"))
        newest_two = {r[0] for r in store.conn.execute("SELECT id FROM articles WHERE rowid IN (SELECT rowid "
                                                       "FROM articles_fts WHERE articles_fts MATCH 'Hafen') "
                                                       "ORDER BY rowid DESC LIMIT 2")}
    assert everything.ranked_among == 0 and len(everything.results) == 3
    assert capped.total == 3 and capped.ranked_among == 2
    assert {r.id for r in capped.results} == newest_two
    client = TestClient(create_app(db))
    html = client.get("/search", params={"q": "Hafen"}).text
    assert "the 2 most recently added are ranked" in html
    # the pager offers the ranked pages only
    assert "page 1 of 2<" in client.get("/search", params={"q": "Hafen", "size": "1"}).text


def test_one_entity_fast_path_agrees_with_the_general_one(client: TestClient) -> None:
    for sort in ("date", "oldest", "relevance"):
        fast = client.get("/api/search", params={"entity": "geo:2911298", "sort": sort}).json()
        general = client.get("/api/search", params={"entity": "geo:2911298", "sort": sort,
                                                    "since": "1900-01-01"}).json()
        assert fast["total"] == general["total"] == 2
        assert [r["id"] for r in fast["results"]] == [r["id"] for r in general["results"]]
        assert fast["facets"] == general["facets"]
    assert client.get("/api/timeline", params={"entity": "geo:2911298", "interval": "day"}).json()["series"] == \
        client.get("/api/timeline", params={"entity": "geo:2911298", "interval": "day",
                                            "since": "1900-01-01"}).json()["series"]
    # until is inclusive of its whole day; a date that is not one is refused
    day = client.get("/api/search", params={"since": "2024-03-05", "until": "2024-03-05"}).json()
    assert {r["id"] for r in day["results"]} == {"hafen1", "hafen2"}
    assert client.get("/api/search", params={"until": "2024-13-01"}).status_code == 400


def test_search_page_timeline_and_total_agree_with_the_timeline_api(db: Path) -> None:
    from newsmill.corpus import browse

    with Store(db, readonly=True) as store:
        for q in (browse.Query(q="Hafen", source="dpa", interval="day"), browse.Query(q="Hafen"),
                  browse.Query(entity="per:erika-hafner"), browse.Query()):
            page = browse.search(store.conn, q, with_timeline=True)
            assert page.series == browse.timeline(store.conn, q), q
            assert page.total == browse.search(store.conn, q).total
    assert browse.search(Store(db, readonly=True).conn, browse.Query(q="Hafen", source="dpa"),
                         with_timeline=True).total == 2


def test_words_with_filters_read_the_full_text_index_first(db: Path) -> None:
    # driven from a filter's index instead, SQLite ran the MATCH once per article: seconds at 100k
    from newsmill.corpus import browse

    with Store(db, readonly=True) as store:
        plan = browse._Plan(store.conn, browse.Query(q="Hafen", language="de", sort="date"))
        for columns in ("count(*)", "m.rowid"):
            sql, params = plan.matching(columns)
            steps = [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
            assert steps[0].startswith("SCAN articles_fts"), steps


def test_facet_ties_go_to_the_names_mentioned_most(tmp_path: Path) -> None:
    from newsmill.article import Article, Entity
    from newsmill.corpus.browse import facet_counts
    from newsmill.corpus.store import Store

    text = "Zora Zander sprach. Zora Zander lachte. Zora Zander ging. Anton Abel kam."
    art = Article(id="a1", url="https://x.example/a1", site="x.example", language="de", title="T", text=text)
    for name, label in (("Zora Zander", "PER"), ("Anton Abel", "PER")):
        pos = 0
        while name in text[pos:]:
            s = text.index(name, pos)
            pos = s + len(name)
            art.entities.append(Entity(s, pos, name, label, name, "per:" + name.lower().replace(" ", "-")))
    db = tmp_path / "t.db"
    with Store(db) as store:
        store.add(art)
    with Store(db, readonly=True) as store:
        people = [f["name"] for f in facet_counts(store.conn, None)["people"]]
    assert people == ["Zora Zander", "Anton Abel"]  # both in one article; Zander three times


def test_a_speaker_without_an_entity_is_named_not_called_unattributed(tmp_path: Path) -> None:
    text = "„Egal wie heiß es ist“, erklärte eine Nutzerin. Der Rest ist Text ohne Zitat."
    said = "Egal wie heiß es ist"
    s = text.index(said)
    w = text.index("eine Nutzerin")
    a = Article(id="q1", title="Nutzerin spricht", text=text, language="de",
                quotes=[Quote(s, s + len(said), said, "direct", Speaker(w, w + 13, "eine Nutzerin", "Nutzerin", ""))])
    db = tmp_path / "q.db"
    with Store(db) as store, store.transaction():
        store.add(a)
    html = TestClient(create_app(db)).get("/quotes").text
    assert "Nutzerin" in html and "unattributed" not in html
