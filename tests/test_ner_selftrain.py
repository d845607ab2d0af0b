"""The self-training text filter (training/ner/selftrain.py): prose sentences only, each once."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training" / "ner"))

import selftrain  # noqa: E402


def test_prose_sentences_are_kept_once_and_headlines_dropped() -> None:
    import spacy

    nlp = spacy.blank("de")
    prose = "Die Ministerin sagte am Montag in Berlin, dass die Gespräche fortgesetzt werden."
    texts = iter([
        f"{prose} {prose}\nStartseite Politik Wirtschaft Sport Kultur Wetter\nKurz.",
        "Neue Regeln Für Den Handel Mit Strom Und Gas Ab Januar 2027 In Kraft",
    ])
    out = [" ".join(w for w, _ in words) for words in selftrain.sentences(nlp, texts)]
    assert out == [" ".join(t.text for t in nlp(prose))]


def test_sentences_keep_the_spacing_of_the_text() -> None:
    import spacy

    nlp = spacy.blank("en")
    sent = "The minister said on Monday that talks in Paris would go on."
    words = next(selftrain.sentences(nlp, iter([sent])))
    assert "".join(w + (" " if space else "") for w, space in words).strip() == sent
