"""The SQLite store: migrations, upserts, duplicates, search, filters, faults, export."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from newsmill.article import Article, Block
from newsmill.corpus import dedup
from newsmill.corpus.export import export
from newsmill.corpus.store import Filters, Store, StoreError

WORDS = ["regierung", "minister", "stadt", "polizei", "bericht", "woche", "jahr", "land", "frage", "zeit", "partei", "gericht", "schule", "wasser", "energie", "preis", "markt", "arbeit", "kinder", "familie", "haus", "strasse", "zug", "flug", "wetter", "sturm"]


def story(seed: int, n: int = 120) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 99)) for _ in range(n))


def article(url: str | None, text: str, **kw: str) -> Article:
    return Article(url=url, title=kw.pop("title", "Titel"), blocks=[Block("paragraph", text)], **kw).finalize()


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "c.db")


def add(store: Store, *articles: Article) -> list[str]:
    with store.transaction():
        return [store.add(a, signature=dedup.signature(a.text)) for a in articles]


def test_migrations_are_recorded_and_run_once(tmp_path: Path) -> None:
    Store(tmp_path / "c.db").close()
    with Store(tmp_path / "c.db") as s:
        versions = [r[0] for r in s.conn.execute("SELECT version FROM migrations")]
        assert versions == sorted(set(versions)) and s.schema_version() == versions[-1]
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upsert_by_id_and_full_record_round_trip(store: Store) -> None:
    a = article("https://a.example/1", story(1), language="de", site="a.example")
    assert add(store, a) == ["new"]
    a.title = "Neuer Titel"
    assert add(store, a) == ["updated"]
    got = store.get(a.id)
    assert got is not None and got.title == "Neuer Titel" and got.to_dict() == a.to_dict()
    assert store.stats().articles == 1
    assert [h.id for h in store.search("Neuer")] == [a.id]  # the FTS index followed the update


def test_exact_duplicates_are_stored_once(store: Store) -> None:
    text = story(2)
    a = article("https://a.example/1", text)
    b = article("https://b.example/x", "  " + text.upper() + " ")  # same words, other case/spacing
    assert add(store, a, b) == ["new", "duplicate"]
    assert store.stats().articles == 1 and store.stats().duplicates == 1
    kept = store.get(b.id)
    assert kept is not None and kept.id == a.id


def test_near_duplicates_share_a_group_and_others_do_not(store: Store) -> None:
    base = story(3, 200).split()
    edited = base[:100] + ["neu", "eingefuegt", "satz"] + base[100:190] + ["ende"]
    a = article("https://20min.example/a", " ".join(base))
    b = article("https://heute.example/b", " ".join(edited))
    c = article("https://other.example/c", story(4, 200))
    add(store, a, b, c)
    groups = dict(store.conn.execute("SELECT id, group_id FROM articles").fetchall())
    assert groups[a.id] == groups[b.id] != groups[c.id]
    assert set(store.group_of(b.id)) == {a.id, b.id}
    assert store.stats().near_duplicate_groups == 1


def test_near_duplicate_index_persists_across_reopen(tmp_path: Path) -> None:
    base = story(5, 200)
    with Store(tmp_path / "c.db") as s:
        add(s, article("https://x.example/1", base))
    with Store(tmp_path / "c.db") as s:
        b = article("https://y.example/2", base + " und ein letzter satz dazu")
        add(s, b)
        assert len(s.group_of(b.id)) == 2


def test_search_ranks_highlights_and_filters(store: Store) -> None:
    add(store,
        article("https://a.example/1", story(6) + " Putin traf Kim in Nordkorea.", title="Putin in Nordkorea",
                language="de", site="www.a.example", published="2023-09-13"),
        article("https://b.example/2", story(7) + " Nordkorea testet Raketen.", title="Raketen",
                language="de", site="b.example", published="2023-08-01"),
        article("https://c.example/3", story(8) + " Putin spoke about Korea.", title="Putin",
                language="en", site="c.example", published="2023-09-20"))
    hits = store.search("Putin Nordkorea")
    assert [h.title for h in hits] == ["Putin in Nordkorea"]
    assert "**Nordkorea**" in hits[0].snippet or "**Putin**" in hits[0].snippet
    assert len(store.search("Nordkorea")) == 2
    assert [h.site for h in store.search("Nordkorea", Filters(site="a.example"))] == ["www.a.example"]
    assert [h.title for h in store.search("Nordkorea", Filters(since="2023-09-01"))] == ["Putin in Nordkorea"]
    assert [h.title for h in store.search("Putin", Filters(language="en"))] == ["Putin"]
    assert [h.title for h in store.search("Nordkorea", Filters(until="2023-08-31"))] == ["Raketen"]
    assert store.search('U.S. "unbalanced') == []  # bad FTS syntax is quoted, not an error


def test_site_filter_matches_declared_names_and_url_hosts(store: Store) -> None:
    add(store,
        article("https://www.wsj.example/articles/x", story(9) + " Zinsen steigen.", title="Zinsen", site="WSJ"),
        article("https://other.example/y", story(10) + " Zinsen fallen.", title="Andere", site="other.example"))
    for site in ("wsj", "wsj.example", "www.wsj.example"):
        assert [h.title for h in store.search("Zinsen", Filters(site=site))] == ["Zinsen"], site
    assert [h.title for h in store.search("Zinsen", Filters(site="other.example"))] == ["Andere"]
    assert store.search("Zinsen", Filters(site="sj.example")) == []


def test_locked_database_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    Store(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        s = Store(db, busy_timeout_s=0.1)
        with pytest.raises(StoreError, match="locked"), s.transaction():
            s.add(article("https://a.example/1", story(9)))
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_read_only_database_can_be_read_but_not_written(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store(db) as s:
        add(s, article("https://a.example/1", story(10)))
    with Store(db, readonly=True) as ro:
        assert ro.stats().articles == 1
        with pytest.raises(StoreError, match="read-only"), ro.transaction():
            ro.add(article("https://a.example/2", story(11)))
    with pytest.raises(StoreError, match="no corpus"):
        Store(tmp_path / "missing.db", readonly=True)


def test_disk_full_keeps_what_was_committed(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store(db) as s:
        add(s, article("https://a.example/1", story(12)))
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(StoreError, match="disk full"), s.transaction():
            for i in range(50):
                s.add(article(f"https://a.example/big{i}", story(100 + i, 3000)))
    with Store(db) as s:
        assert s.stats().articles == 1
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_not_a_database_is_reported(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 200)
    with pytest.raises(StoreError, match="not a newsmill database"):
        Store(junk)


def test_export_jsonl_and_parquet_hold_the_full_record(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    arts = [article(f"https://a.example/{i}", story(20 + i), language="de") for i in range(3)]
    arts[0].authors = ["A. Autorin"]
    add(store, *arts)
    n = export(store, tmp_path / "out.jsonl", "jsonl")
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert n == 3 and [Article.from_dict(r).to_dict() for r in rows] == [a.to_dict() for a in arts]
    assert export(store, tmp_path / "out.parquet", "parquet", Filters(language="de")) == 3
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 3 and set(table.column_names) == set(arts[0].to_dict())
    assert table.to_pylist()[0]["authors"] == ["A. Autorin"]
    assert Article.from_dict(table.to_pylist()[1]).to_dict() == arts[1].to_dict()


def test_syndicated_copy_of_the_sample_story_joins_its_group(store: Store, samples_dir: Path) -> None:
    expected = json.loads((samples_dir / "000_b03d04e1de56314c.expected.json").read_text("utf-8"))
    blocks = [Block(b["kind"], b["text"]) for b in expected["blocks"]]
    original = Article(url="https://www.20min.ch/story/x", title=expected["title"], lead=expected["lead"],
                       blocks=blocks).finalize()
    # the copy on another site: its own lead, the last paragraph dropped, a sentence added
    copy_blocks = [Block(b.kind, b.text) for b in blocks[:-1]]
    copy_blocks[0].text = "Wie die Nachrichtenagentur berichtet: " + copy_blocks[0].text
    copy = Article(url="https://www.heute.at/s/y", title=expected["title"] + " – heute.at",
                   lead="Putin sucht die Nähe zu Kim Jong Un.", blocks=copy_blocks).finalize()
    unrelated = article("https://a.example/z", story(99, 300))
    add(store, original, copy, unrelated)
    assert set(store.group_of(copy.id)) == {original.id, copy.id}
    assert store.group_of(unrelated.id) == [unrelated.id]
    assert dedup.similarity(dedup.signature(original.text) or b"", dedup.signature(copy.text) or b"") < 1.0


def test_updating_an_article_replaces_its_minhash_bands(store: Store) -> None:
    a = article("https://a.example/1", story(30, 200))
    b = article("https://b.example/2", story(30, 200) + " mit einem zusatz am ende")
    add(store, a, b)
    assert len(store.group_of(b.id)) == 2
    a.blocks = [Block("paragraph", story(31, 200))]
    a.finalize()
    assert add(store, a) == ["updated"]
    rows = store.conn.execute("SELECT id, count(*) FROM lsh_bands GROUP BY id").fetchall()
    assert sorted(n for _, n in rows) == [dedup.BANDS, dedup.BANDS]
    c = article("https://c.example/3", story(31, 200) + " noch ein satz")
    add(store, c)
    assert set(store.group_of(c.id)) == {a.id, c.id}


def test_export_with_groups_adds_the_group_of_each_article(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    base = story(40, 200)
    a, b = article("https://a.example/1", base), article("https://b.example/2", base + " plus ein satz")
    add(store, a, b, article("https://c.example/3", story(41, 200)))
    export(store, tmp_path / "g.jsonl", "jsonl", with_groups=True)
    groups = [json.loads(line)["group"] for line in (tmp_path / "g.jsonl").read_text().splitlines()]
    assert groups[0] == groups[1] != groups[2]
    export(store, tmp_path / "g.parquet", "parquet", with_groups=True)
    assert pq.read_table(tmp_path / "g.parquet").column("group").to_pylist() == groups


def test_read_only_folder_falls_back_to_an_immutable_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsmill.corpus import store as store_mod

    db = tmp_path / "c.db"
    with Store(db) as s:
        add(s, article("https://a.example/1", story(50)))
    real = store_mod._open_uri
    tried: list[str] = []

    def no_shm(uri: str, path: Path, timeout: float) -> sqlite3.Connection:
        tried.append(uri)
        if "immutable" not in uri:  # what sqlite says when it cannot create the -shm file
            raise StoreError(store_mod.explain(path, sqlite3.OperationalError("unable to open database file")))
        return real(uri, path, timeout)

    monkeypatch.setattr(store_mod, "_open_uri", no_shm)
    with Store(db, readonly=True) as ro:
        assert ro.stats().articles == 1
    assert len(tried) == 2 and tried[1].endswith("immutable=1")


def _quoted(url: str, seed: int, speakers: list[dict[str, str]]) -> Article:
    from newsmill.article import Quote, Speaker

    a = article(url, story(seed))
    a.quotes = [Quote(0, 5, a.text[:5], speaker=Speaker(0, 1, a.text[:1], **s)) for s in speakers]
    return a


def _speaker_rows(s: Store) -> tuple[list[str], list[str]]:
    quotes = sorted(r[0] or "" for r in s.conn.execute("SELECT speaker FROM quotes"))
    indexed = sorted(r[0] for r in s.conn.execute("SELECT DISTINCT entity FROM entity_articles WHERE entity LIKE 'per:%'"))
    return quotes, indexed


ARTS = [
    _quoted("https://a.example/1", 1, [{"name": "sie", "id": ""}, {"name": "Olaf Scholz", "id": "per:olaf-scholz"}]),
    _quoted("https://a.example/2", 2, [{"name": "sie", "id": ""}]),
]


def test_an_unresolved_speaker_is_no_one_and_a_record_without_ids_keeps_its_name(store: Store) -> None:
    add(store, *ARTS)
    assert _speaker_rows(store) == (["", "", "per:olaf-scholz"], ["per:olaf-scholz"])
    legacy = _quoted("https://a.example/3", 3, [{"name": "Angela Merkel"}])
    record = legacy.to_dict()
    del record["quotes"][0]["speaker"]["id"]  # a record from before speaker ids
    add(store, legacy)
    store.conn.execute("UPDATE articles SET record = ? WHERE id = ?", (json.dumps(record), legacy.id))
    assert "per:angela merkel" in _speaker_rows(store)[0]


def test_migration_5_rebuilds_the_speakers_of_a_schema_4_corpus(tmp_path: Path) -> None:
    from newsmill.corpus.schema import MIGRATIONS

    path = tmp_path / "c.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied TEXT);"
                       + "".join(f"{sql}\nINSERT INTO migrations VALUES ({v}, 'x');" for v, sql in MIGRATIONS if v <= 4))
    for a in ARTS:
        conn.execute("INSERT INTO articles(id, text, text_hash, ingested, record) VALUES (?, ?, ?, 'x', ?)",
                     (a.id, a.text, a.id, json.dumps(a.to_dict())))
    conn.commit()
    # the previous release's triggers made every "sie" one speaker
    assert sorted(r[0] for r in conn.execute("SELECT DISTINCT speaker FROM quotes")) == ["per:olaf-scholz", "per:sie"]
    conn.close()
    with Store(path) as s:
        assert s.schema_version() >= 5
        assert _speaker_rows(s) == (["", "", "per:olaf-scholz"], ["per:olaf-scholz"])
        add(s, _quoted("https://a.example/4", 4, [{"name": "er", "id": ""}]))  # the new triggers
        assert _speaker_rows(s)[1] == ["per:olaf-scholz"]


def test_stats_list_sites_by_count_then_alphabet(store: Store) -> None:
    with store.transaction():
        for i, site in enumerate(["zeta.example", "Alpha.example", "mid.example", "mid.example"]):
            store.add(article(f"https://{site}/{i}", story(i), site=site))
    assert list(store.stats().by_site) == ["mid.example", "Alpha.example", "zeta.example"]
