"""What a fresh process pays before tagging its first page (issue 13: ``extract --enrich`` ≤ 1 s),
and that each shortcut gives the same answers as the long way."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsmill.enrich.entities.features import SortedClasses
from newsmill.enrich.entities.model_load import tokenizer_is_whole, vocab_is_bare
from newsmill.enrich.entities.recognizer import model_path
from newsmill.enrich.times import tables as times_tables
from newsmill.enrich.times.tables import RuleSet, load_tables

TEXTS = [
    "Am 3. März 2021 um 14.30 Uhr, zwei Tage später und am Montag danach kam er; seit 1998 im Amt.",
    "Vor zwei Wochen, im Sommer 2019 und Anfang des Jahres: 1.000 Menschen, 3,5 Prozent, 1945 Soldaten.",
    "On March 3, 2021 at 2:30 p.m., two days later and the following Monday; since the 1990s, in Q3.",
    "Last week, on Tuesday's vote, 12 points in the third quarter, by mid-2024 and 20-25 May.",
]


def _every_start(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\w+", text)]


@pytest.mark.issue(13)
@pytest.mark.parametrize("language", ["de", "en"])
def test_rules_one_by_one_match_as_the_joined_alternation(language: str) -> None:
    tables = load_tables(language)
    assert tables is not None
    for text in TEXTS:
        for start in _every_start(text):
            rules = tables.master_for(text[start])
            joined = re.compile(times_tables._join([tables.branches[i] for i in rules.keep]), re.IGNORECASE)
            alone = RuleSet(tables, rules.keep)  # fresh: tries the rules one by one
            want, got = joined.match(text, start), alone.match(text, start)
            assert (want is None) == (got is None), (text, start)
            if want is not None and got is not None:
                assert (got.span(), got.lastgroup) == (want.span(), want.lastgroup)
                name = want.lastgroup or ""
                for group in tables.rules[int(name[1:])].groups:
                    key = f"{name}_{group}"
                    assert got.group(key) == want.group(key)


@pytest.mark.issue(13)
def test_rule_sets_compile_each_rule_once_for_every_character(monkeypatch: pytest.MonkeyPatch) -> None:
    tables = times_tables.build_tables(json.loads(
        (Path(times_tables.__file__).parents[2] / "data" / "times" / "de.json").read_text(encoding="utf-8")))
    compiled: list[str] = []
    compile_ = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return compile_(pattern, flags)

    monkeypatch.setattr(times_tables.re, "compile", counting)
    for _ in range(100):  # past any number of attempts after which a set might join its rules
        for text in TEXTS[:2]:
            for start in _every_start(text):
                tables.master_for(text[start]).match(text, start)
    monkeypatch.undo()
    assert compiled and len(compiled) == len(set(compiled)) <= len(tables.branches)
    found = tables.master_for("3").match("am 3. März 2021", 3)
    assert found is not None and found.group() == "3. März 2021"


def test_sorted_classes_answer_as_the_dict() -> None:
    classes = {"berlin": "BT", "essen": "TW", "max": "F", "müller": "L"}
    table = SortedClasses.from_dict(classes)
    for word, code in classes.items():
        assert table.get(word) == code and table[word] == code
    assert table.get("bonn") is None and table.get("bonn", "") == "" and "bonn" not in table
    assert dict(table) == classes and len(table) == 4
    again = SortedClasses.loads(table.dumps())
    assert (again.words, again.codes) == (table.words, table.codes)
    assert dict(SortedClasses.loads(json.dumps(classes))) == classes  # a model saved before
    with pytest.raises(ValueError):
        SortedClasses(["a", "b"], ["T"])


@pytest.mark.parametrize("language", ["de", "en"])
def test_shipped_name_lists_are_sorted_and_whole(language: str) -> None:
    path = Path(model_path(language)) / "gaz" / "classes.json.gz"
    table = SortedClasses.loads(gzip.decompress(path.read_bytes()))
    assert len(table) > 100_000 and table.words == sorted(table.words)
    assert len(set(table.words)) == len(table.words) and all(table.codes)


def test_a_vocab_with_lookups_is_kept(tmp_path: Path) -> None:
    for language in ("de", "en"):
        assert vocab_is_bare(model_path(language))  # the shipped models: strings only
    (tmp_path / "vocab").mkdir()
    (tmp_path / "vocab" / "lookups.bin").write_bytes(b"\x81\xa4norm\x80")  # one table
    assert not vocab_is_bare(str(tmp_path))


def test_only_a_whole_saved_tokenizer_replaces_the_default(tmp_path: Path) -> None:
    import srsly

    for language in ("de", "en"):
        assert tokenizer_is_whole(model_path(language), language)
    saved = srsly.msgpack_loads((Path(model_path("de")) / "tokenizer").read_bytes())
    saved["infix_finditer"] = None  # the default's infixes would be kept: the long way
    (tmp_path / "tokenizer").write_bytes(srsly.msgpack_dumps(saved))
    assert not tokenizer_is_whole(str(tmp_path), "de")
    assert not tokenizer_is_whole(str(tmp_path / "none"), "de")


@pytest.mark.issue(13)
def test_spacy_without_its_command_line_then_with_it() -> None:
    script = (
        "import sys\n"
        "from newsmill.enrich.entities.spacy_import import import_spacy\n"
        "spacy = import_spacy()\n"
        "print('typer' in sys.modules, 'spacy.cli' in sys.modules)\n"
        "import spacy.cli\n"
        "print(hasattr(spacy.cli, 'train'), callable(spacy.info))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "True", "True"]


def test_multi_word_city_names_are_the_multi_word_part_of_all() -> None:
    from newsmill.enrich.places.gazetteer import MIN_SCAN_POPULATION
    from newsmill.enrich.places.store import CityStore

    store = CityStore.shipped()
    if store is None:
        pytest.skip("no shipped city index")
    every = store.keys_of_cities(MIN_SCAN_POPULATION)
    multi = store.keys_of_cities(MIN_SCAN_POPULATION, multi_word=True)
    assert multi and multi == [k for k in every if len(k.split()) > 1]


def test_gazetteer_feature_codes_are_kept_per_vocabulary() -> None:
    import spacy

    from newsmill.enrich.entities.features import GazetteerFeatures

    comp = GazetteerFeatures()
    comp.classes = {"berlin": "BT", "max": "F"}
    for _ in range(2):  # a second vocabulary must get the codes' strings too
        nlp = spacy.blank("de")
        doc = comp(nlp.make_doc("Max fuhr nach Berlin und Max blieb"))
        assert [t.lemma_ for t in doc] == ["F", "_", "_", "BT", "_", "F", "_"]
    comp.classes = {"berlin": "C"}  # new lists: no code of the old ones
    assert [t.lemma_ for t in comp(nlp.make_doc("Max in Berlin"))] == ["_", "_", "C"]
