"""Text mode, step 5: the learned line model (features, loading, scoring, the decision it makes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmill.extract.options import ExtractOptions
from newsmill.extract.text.extractor import analyse, extract_text
from newsmill.extract.text.line_model import (
    MISSING_SCORE,
    MODEL_PATH,
    Model,
    Stage,
    context_features,
    context_names,
    feature_names,
    features,
    load_model,
    refine,
    shipped_model,
    threshold_group,
)

PARAGRAPHS = [
    "Der Gemeinderat hat am Montag nach einer langen Debatte beschlossen, die alte Schule im Ortskern zu "
    "sanieren und dort künftig eine Bibliothek und ein Café unterzubringen.",
    "Die Kosten von rund vier Millionen Euro sollen zur Hälfte aus einem Förderprogramm des Landes kommen, "
    "den Rest trägt die Gemeinde aus ihren Rücklagen, wie der Bürgermeister am Abend erklärte.",
    "Kritik kam von der Opposition, die lieber ein neues Feuerwehrhaus gebaut hätte und vor den Folgekosten "
    "für den Betrieb der Bibliothek in den nächsten Jahren warnte.",
    "Die Bauarbeiten sollen im Frühjahr beginnen und nach zwei Jahren abgeschlossen sein, wenn das Wetter "
    "und die Lieferketten mitspielen, hieß es aus der Verwaltung.",
]
MENU = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Impressum"]
DUMP = "\n".join([*MENU, "Schule wird Bibliothek", *PARAGRAPHS, *MENU])


def _found():  # type: ignore[no-untyped-def]
    found = analyse(DUMP, ExtractOptions())
    assert found.body is not None and found.parts is not None
    return found


def test_feature_rows_match_names_and_describe_lines() -> None:
    found = _found()
    which, rows = features(found.lines, found.labels, found.body, found.parts, found.lex.stopwords)
    names = feature_names()
    assert len(set(names)) == len(names)
    assert which and all(len(r) == len(names) for r in rows)
    col = {n: k for k, n in enumerate(names)}
    by_text = {found.lines[i].text: r for i, r in zip(which, rows, strict=True)}
    prose = by_text[PARAGRAPHS[1]]
    assert prose[col["role_block"]] == 1.0 and prose[col["in_body"]] == 1.0
    assert prose[col["sentence_end"]] == 1.0 and prose[col["stop_share"]] > 0.2
    menu = [r for i, r in zip(which, rows, strict=True) if found.lines[i].text == "Impressum"]
    assert menu, "a menu line next to the body is a candidate"
    assert menu[-1][col["role_block"]] == 0.0 and menu[-1][col["log_chars"]] < prose[col["log_chars"]]
    assert menu[-1][col["log_below_body"]] > 0.0


def test_context_features_use_neighbours_and_mark_the_edges() -> None:
    rows = context_features([3, 4, 10], [1.0, -2.0, 3.0])
    assert len(rows[0]) == len(context_names())
    assert rows[0][1] == MISSING_SCORE and rows[0][2] == -2.0  # no previous candidate; the next
    assert rows[1][3] == pytest.approx(2.0)  # mean of the others within 3: (1 + 3) / 2
    assert rows[2][0] == 3.0 and rows[2][6] > rows[1][6]  # a gap of 6 lines, not 1


def _stump(feature: int, threshold: float, low: float, high: float) -> tuple[list[int], list[float], list[int], list[int]]:
    return [feature, -1, -1], [threshold, low, high], [1, -1, -1], [2, -1, -1]


def test_stage_walks_its_trees() -> None:
    stage = Stage(0.5, [_stump(0, 1.0, -2.0, 2.0), _stump(1, 0.0, 0.0, 1.0)])
    assert stage.score([0.5, -1.0]) == pytest.approx(-1.5)
    assert stage.score([1.5, 3.0]) == pytest.approx(3.5)
    assert stage.score([1.0, 0.0]) == stage.walk([1.0, 0.0]) == pytest.approx(-1.5)  # "<=" goes left


def test_compiled_trees_score_as_the_walk_does() -> None:
    model = shipped_model()
    if model is None:
        pytest.skip("no shipped model")
    found = _found()
    _, rows = features(found.lines, found.labels, found.body, found.parts, found.lex.stopwords)
    for row in rows:
        assert model.first.score(row) == pytest.approx(model.first.walk(row), abs=1e-9)


def test_load_checks_the_feature_names(tmp_path: Path) -> None:
    tree = {"feature": [-1], "threshold": [0.25], "left": [-1], "right": [-1]}
    data = {"features": list(feature_names()), "context": list(context_names()), "first": {"base": 0.0, "trees": [tree]},
            "second": None, "drop_below": -1.0, "add_above": 1.0}
    path = tmp_path / "m.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    model = load_model(path)
    assert model.second is None and model.scores([0], [[0.0] * len(feature_names())]) == [0.25]
    data["features"] = data["features"][:-1]  # type: ignore[index]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        load_model(path)


def test_refine_drops_and_adds_as_the_model_says() -> None:
    """A model that keeps only lines ending a sentence drops the headline block and adds nothing else."""
    found = _found()
    col = feature_names().index("sentence_end")
    model = Model(Stage(-1.0, [_stump(col, 0.5, 0.0, 2.0)]), None, drop_below=0.0, add_above=0.5)
    refine(found.lines, found.labels, found.body, found.parts, found.lex.stopwords, model)
    texts = [b.text for b in found.parts.blocks]
    assert texts == [t for t in texts if t.endswith(".")]
    assert PARAGRAPHS[2] in texts and "Impressum" not in texts
    assert found.parts.block_lines == sorted(found.parts.block_lines)


def test_shipped_model_keeps_the_article_and_not_the_menu() -> None:
    if not MODEL_PATH.exists():
        pytest.skip("no shipped model")
    assert shipped_model() is not None
    article = extract_text(DUMP, ExtractOptions())
    text = "\n".join(b.text for b in article.blocks)
    assert all(p in text for p in PARAGRAPHS)
    assert not any(m in [b.text for b in article.blocks] for m in MENU)


def test_rules_alone_stay_available() -> None:
    article = extract_text(DUMP, ExtractOptions(), learned=False)
    assert PARAGRAPHS[0] in [b.text for b in article.blocks]


def test_thresholds_follow_the_dump_group() -> None:
    """A dump cut into sentences and a German one get their own thresholds; others the common pair."""
    names = feature_names()
    row = [0.0] * len(names)
    row[names.index("dump_german_share")] = 0.9
    row[names.index("dump_cut_out_share")] = 1.0
    assert threshold_group(row) == "de glued"
    row[names.index("dump_german_share")] = 0.1
    row[names.index("dump_cut_out_share")] = 0.0
    assert threshold_group(row) == "en lines"
    model = Model(Stage(0.0, []), None, drop_below=-1.0, add_above=1.0, thresholds={"de glued": (0.5, 0.0)})
    assert model.decision(row) == (-1.0, 1.0)
    row[names.index("dump_german_share")] = 0.9
    row[names.index("dump_cut_out_share")] = 1.0
    assert model.decision(row) == (0.5, 0.0)


def test_language_and_shape_features_describe_the_dump() -> None:
    found = _found()
    which, rows = features(found.lines, found.labels, found.body, found.parts, found.lex.stopwords)
    col = {n: k for k, n in enumerate(feature_names())}
    assert rows[0][col["dump_german_share"]] > 0.8  # the test dump is German
    by_text = {found.lines[i].text: r for i, r in zip(which, rows, strict=True)}
    prose = by_text[PARAGRAPHS[1]]
    assert prose[col["log_lead_caps"]] < prose[col["log_words"]]  # a sentence turns lower case early
    assert prose[col["log_inner_ends"]] == 0.0  # one sentence


def test_topic_features_tell_the_body_vocabulary_from_a_menu() -> None:
    """A paragraph shares content words with the rest of the body and the headline; a menu word does not."""
    found = _found()
    which, rows = features(found.lines, found.labels, found.body, found.parts, found.lex.stopwords)
    col = {n: k for k, n in enumerate(feature_names())}
    by_text = {found.lines[i].text: r for i, r in zip(which, rows, strict=True)}
    prose = by_text[PARAGRAPHS[2]]  # "... Betrieb der Bibliothek ...": the headline's and paragraph 1's word
    menu = by_text["Impressum"]
    assert prose[col["topic_body_share"]] > 0.0 and prose[col["topic_title_share"]] > 0.0
    assert menu[col["topic_body_share"]] == 0.0 and menu[col["topic_title_share"]] == 0.0
    assert menu[col["topic_log_new"]] > 0.0  # its one content word is new to the body
