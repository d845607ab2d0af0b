"""Memory-mapped tables in the machine's cache (newsmill.mapped): same answers as the Python
objects they replace, rebuilt when their source changes, a fallback where no cache can be written."""

from __future__ import annotations

import gzip
import json
import os
import pickle
from pathlib import Path

import pytest

from newsmill.mapped import WordTable, word_table


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSMILL_CACHE_DIR", str(folder))
    return folder


def _source(tmp_path: Path, data: dict[str, str], name: str = "src.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_table_answers_as_its_dict(tmp_path: Path, cache: Path) -> None:
    data = {"berlin": "BT", "essen": "TW", "anna": "F", "ü-straße": "P"}
    src = _source(tmp_path, data)
    table = word_table(src, "t", lambda: json.loads(src.read_text(encoding="utf-8")))
    assert isinstance(table, WordTable)
    assert len(list(cache.glob("t-*.sqlite"))) == 1
    assert dict(table) == data and len(table) == 4
    assert table.get("essen") == "TW" and table.get("paris") is None and table.get("paris", "") == ""
    assert "anna" in table and "paris" not in table and 3 not in table
    with pytest.raises(KeyError):
        table["paris"]
    # a second open reads the cached file and does not load the source again
    again = word_table(src, "t", lambda: pytest.fail("the cached file was not used"))
    assert dict(again) == data


def test_words_make_a_set_and_a_changed_source_a_new_file(tmp_path: Path, cache: Path) -> None:
    src = tmp_path / "words.txt"
    src.write_text("haus\nbaum\n", encoding="utf-8")
    first = word_table(src, "w", lambda: src.read_text(encoding="utf-8").split())
    assert "haus" in first and "maus" not in first
    src.write_text("haus\nmaus\n", encoding="utf-8")
    second = word_table(src, "w", lambda: src.read_text(encoding="utf-8").split())
    assert "maus" in second and "baum" not in second
    assert len(list(cache.glob("w-*.sqlite"))) == 2


def test_no_writable_cache_falls_back_to_the_loaded_objects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSMILL_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    src = _source(tmp_path, {"a": "1"})
    table = word_table(src, "t", lambda: {"a": "1"})
    assert not isinstance(table, WordTable) and dict(table) == {"a": "1"}
    words = word_table(src, "s", lambda: ["x", "y"])
    assert "x" in words and "z" not in words


def test_a_forked_child_and_a_pickled_copy_read_the_table(tmp_path: Path, cache: Path) -> None:
    src = _source(tmp_path, {"köln": "B"})
    table = word_table(src, "t", lambda: {"köln": "B"})
    assert table.get("köln") == "B"  # the parent's connection is open before the fork
    copy = pickle.loads(pickle.dumps(table))
    assert copy.get("köln") == "B"
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through the pipe
        os.close(read)
        ok = isinstance(table, WordTable) and table._query("köln") == "B" and table._query("x") is None
        os.write(write, b"1" if ok else b"0")
        os._exit(0)
    os.close(write)
    assert os.read(read, 1) == b"1"
    os.waitpid(pid, 0)


def test_the_ner_name_lists_load_mapped_with_the_same_codes(tmp_path: Path, cache: Path) -> None:
    from newsmill.enrich.entities.features import GazetteerFeatures

    model = tmp_path / "gaz"
    model.mkdir()
    data = {"berlin": "B", "anna": "F", "meier": "L"}
    with gzip.open(model / "classes.json.gz", "wt", encoding="utf-8") as fh:
        json.dump(data, fh)
    comp = GazetteerFeatures(common_words=True).from_disk(model)
    assert isinstance(comp.classes, WordTable)
    assert [comp._code(w) for w in ("Berlin", "Annas", "Meier", "haus", "X")] == ["B", "F", "L", "_", "_"]
    # serialised as the plain mapping, read back into a dict
    assert GazetteerFeatures().from_bytes(comp.to_bytes()).classes == data


def test_the_mapped_language_identifier_answers_as_py3langid(cache: Path) -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from newsmill.extract.langid_model import identifier

    stock = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    mapped = identifier(MODEL_DIR / MODEL_FILE)
    assert list(cache.glob("langid-*"))
    texts = ["Der Bundestag hat am Donnerstag über den Haushalt beraten.",
             "The council voted on Tuesday to close the library for a year.",
             "Le gouvernement a présenté son budget mercredi à Paris.",
             "El presidente habló ayer con los periodistas en Madrid.",
             "Rząd przedstawił w środę projekt budżetu.", "12345 ... !!!", ""]
    for text in texts:
        assert mapped.classify(text) == stock.classify(text), text
