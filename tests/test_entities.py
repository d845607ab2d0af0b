"""Entity recogniser: offsets, alias names, bounded work on bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmill.article import Article, Entity
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.entities.recognizer import (
    EntityOptions,
    EntityRecognizer,
    chunks,
    load_model,
    resolve_names,
)

needs_models = pytest.mark.skipif(load_model("de") is None, reason="the German NER model is not built")


def _ents(*items: tuple[str, str]) -> list[Entity]:
    return [Entity(i, i + len(text), text, label, "") for i, (text, label) in enumerate(items)]  # type: ignore[arg-type]


def test_short_mentions_take_the_fullest_form() -> None:
    ents = _ents(("Wladimir Putin", "PER"), ("Putin", "PER"), ("Putins", "PER"), ("Kim", "PER"),
                 ("Kim Jong Un", "PER"), ("Russland", "LOC"))
    resolve_names(ents, "de")
    assert [e.name for e in ents] == ["Wladimir Putin", "Wladimir Putin", "Wladimir Putin", "Kim Jong Un",
                                      "Kim Jong Un", "Russland"]


def test_german_genitive_takes_the_base_name_when_mentioned() -> None:
    ents = _ents(("Russlands", "LOC"), ("Russland", "LOC"), ("Chinas", "LOC"))
    resolve_names(ents, "de")
    assert [e.name for e in ents] == ["Russland", "Russland", "Chinas"]


def test_alias_needs_the_same_label_and_all_tokens() -> None:
    ents = _ents(("Washington", "LOC"), ("George Washington", "PER"), ("Anna Schmidt", "PER"), ("Peter", "PER"))
    resolve_names(ents, "en")
    assert [e.name for e in ents] == ["Washington", "George Washington", "Anna Schmidt", "Peter"]


def test_english_possessive_is_not_part_of_the_name() -> None:
    ents = _ents(("Joe Biden", "PER"), ("Biden's", "PER"))
    resolve_names(ents, "en")
    assert ents[1].name == "Joe Biden"


def test_german_apostrophe_genitive_is_not_part_of_the_name() -> None:
    ents = _ents(("Hans Albers", "PER"), ("Albers'", "PER"), ("Max", "PER"), ("Max’", "PER"), ("Schulze", "PER"),
                 ("Martin Schulz", "PER"))
    resolve_names(ents, "de")
    assert [e.name for e in ents] == ["Hans Albers", "Hans Albers", "Max", "Max", "Schulze", "Martin Schulz"]


@given(st.text(alphabet=st.sampled_from("ab \n."), max_size=400), st.integers(5, 50))
@settings(max_examples=60, deadline=None)
def test_chunks_cover_all_non_blank_text_in_bounded_pieces(text: str, size: int) -> None:
    covered = set()
    for offset, piece in chunks(text, size):
        assert text[offset:offset + len(piece)] == piece
        assert len(piece) <= size
        covered.update(range(offset, offset + len(piece)))
    assert all(i in covered for i, ch in enumerate(text) if ch not in " \n")


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", "Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten Emmanuel Macron.",
     {("Olaf Scholz", "PER"), ("Berlin", "LOC"), ("Emmanuel Macron", "PER")}),
    ("en", "The United Nations said Emmanuel Macron would travel to Berlin.",
     {("United Nations", "ORG"), ("Emmanuel Macron", "PER"), ("Berlin", "LOC")}),
    ("en", "President Joe Biden met Prime Minister Rishi Sunak in London on Monday.",
     {("Joe Biden", "PER"), ("Rishi Sunak", "PER"), ("London", "LOC")}),
    ("en", "Labour leader Keir Starmer said in Manchester that the party would win.",
     {("Keir Starmer", "PER"), ("Manchester", "LOC")}),
])
def test_recognises_news_sentences(language: str, text: str, expected: set[tuple[str, str]]) -> None:
    if load_model(language) is None:
        pytest.skip(f"no {language} model built")
    article = Article(text=text)
    EntityRecognizer()(article, EnrichContext(language=language))
    assert expected <= {(e.text, e.label) for e in article.entities}


@needs_models
def test_huge_single_sentence_is_cut_with_a_warning() -> None:
    text = ("Angela Merkel besuchte Paris und sprach mit Vertretern der Vereinten Nationen " * 13000)[:1_000_000]
    article = Article(text=text)
    context = EnrichContext(language="de")
    EntityRecognizer(EntityOptions(max_chars=20_000))(article, context)
    assert article.entities
    assert all(e.end <= 20_000 and text[e.start:e.end] == e.text for e in article.entities)
    assert any("only the first 20000" in w for w in context.warnings)


@needs_models
@pytest.mark.parametrize("text", ["", "   \n\n  ", "„“»«''\"\"", "x" * 20_000])
def test_odd_input_yields_valid_offsets(text: str) -> None:
    article = Article(text=text)
    EntityRecognizer()(article, EnrichContext(language="fr"))
    assert all(text[e.start:e.end] == e.text and e.text for e in article.entities)


def test_half_precision_weights_are_cast_back_and_predict_alike(tmp_path: Path) -> None:
    """The shipped models store float16 weights; loading must compute in float32 with the same entities."""
    import spacy

    from newsmill.enrich.entities.features import register
    from newsmill.enrich.entities.recognizer import model_path, set_weight_dtype

    register()
    nlp = spacy.load(model_path("de"))
    set_weight_dtype(nlp, "float16")
    nlp.to_disk(tmp_path / "half")
    assert (tmp_path / "half" / "tok2vec" / "model").stat().st_size < 0.6 * _weights_size_in_float32(nlp)
    loaded = spacy.load(tmp_path / "half")
    set_weight_dtype(loaded, "float32")
    dtypes = {node.get_param(p).dtype.name for _, c in loaded.pipeline if hasattr(c, "model")
              for node in c.model.walk() for p in node.param_names if node.has_param(p)}
    assert dtypes == {"float32"}
    text = "Bundeskanzler Olaf Scholz traf am Montag in Berlin den Siemens-Chef Roland Busch."
    reference = load_model("de")
    assert [(e.text, e.label_) for e in loaded(text).ents] == [(e.text, e.label_) for e in reference(text).ents]


def test_word_vectors_are_stored_and_cast_like_the_weights() -> None:
    """A model with a floret table ships it as float16; loading casts it back, values unchanged."""
    import numpy
    import spacy

    from newsmill.enrich.entities.recognizer import set_weight_dtype

    nlp = spacy.blank("de")
    table = numpy.linspace(-1, 1, 12, dtype="float32").reshape(3, 4)
    nlp.vocab.vectors.data = table.copy()
    set_weight_dtype(nlp, "float16")
    assert nlp.vocab.vectors.data.dtype.name == "float16"
    set_weight_dtype(nlp, "float32")
    assert nlp.vocab.vectors.data.dtype.name == "float32"
    assert numpy.allclose(nlp.vocab.vectors.data, table, atol=1e-3)
    empty = spacy.blank("en")
    set_weight_dtype(empty, "float16")  # no table: nothing to cast, and no error
    assert empty.vocab.vectors.data.size == 0


def _weights_size_in_float32(nlp: Any) -> int:
    model = nlp.get_pipe("tok2vec").model
    return sum(node.get_param(p).size * 4 for node in model.walk() for p in node.param_names if node.has_param(p))


def _coded_doc(words: list[str], codes: list[str]) -> Any:
    import spacy
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("de").vocab, words=words)
    for token, code in zip(doc, codes, strict=True):
        token.lemma_ = code
    return doc


def test_person_spans_grow_over_listed_name_parts() -> None:
    from newsmill.enrich.entities.spans import extend_person_spans

    doc = _coded_doc(["Machthaber", "Kim", "Jong", "Un", "und", "Trainer", "Sven", "Maric", "."],
                     ["W", "FL", "FL", "F", "_", "W", "F", "_", "_"])
    kim = doc.text.index("Kim")
    maric = doc.text.index("Maric")
    spans = [(kim, kim + len("Kim Jong"), "PER"), (maric, maric + len("Maric"), "PER")]
    grown = {doc.text[s:e] for s, e, _ in extend_person_spans(doc, spans)}
    assert grown == {"Kim Jong Un", "Sven Maric"}


def test_person_spans_do_not_grow_over_common_words_other_entities_or_other_labels() -> None:
    from newsmill.enrich.entities.spans import extend_person_spans

    doc = _coded_doc(["Essen", "Putin", "Merkel", "Berlin", "Weber"], ["TW", "_", "L", "B", "L"])
    putin = doc.text.index("Putin")
    merkel = doc.text.index("Merkel")
    berlin = doc.text.index("Berlin")
    spans = [(putin, putin + 5, "PER"), (merkel, merkel + 6, "PER"), (berlin, berlin + 6, "LOC")]
    # "Essen" is also a common word; "Merkel" is already its own entity; "Weber" follows a LOC
    assert extend_person_spans(doc, spans) == spans


def test_person_spans_never_grow_into_each_other() -> None:
    """A first name between two persons belongs to the one on its right, never to both."""
    from newsmill.enrich.entities.spans import extend_person_spans

    doc = _coded_doc(["Olaf", "Scholz", "Sven", "Maric", "sagte"], ["F", "L", "F", "_", "_"])
    olaf, maric = doc.text.index("Olaf"), doc.text.index("Maric")
    spans = [(olaf, olaf + len("Olaf Scholz"), "PER"), (maric, maric + len("Maric"), "PER")]
    grown = extend_person_spans(doc, spans)
    assert [doc.text[s:e] for s, e, _ in grown] == ["Olaf Scholz", "Sven Maric"]


def test_a_language_without_models_is_not_annotated_as_english() -> None:
    # Portuguese: "Eu" (I) reads to the English model and gazetteer as the EU
    from newsmill.enrich import enrich

    text = ("Eugênio: Olá, pessoal. Eu sou Eugênio Tadeu, e hoje vamos falar sobre a União Europeia. "
            "Eu fico até emocionado com a história de Miguel Queiroz em Lisboa, disse ele.")
    article = enrich(Article(text=text, language="pt"))
    assert article.entities == [] and article.places == [] and article.quotes == [] and article.times == []
    assert any("no models for language 'pt'" in w for w in article.warnings)
    english = enrich(Article(text="Miguel Queiroz flew to Lisbon on Monday, the EU said.", language="en"))
    assert english.entities  # the same call annotates a language models ship for
