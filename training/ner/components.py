"""Loaded by `spacy train --code`: registers newsmill's gazetteer-feature component and the
training-only case augmenter."""

import random
from collections.abc import Callable, Iterator
from typing import Any

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example

from newsmill.enrich.entities.features import register

register()


@spacy.registry.augmenters("newsmill.case_variants.v1")
def case_variants(lower: float, upper: float) -> Callable[[Any, Example], Iterator[Example]]:
    """Replace a share ``lower`` / ``upper`` of the sentences by their lower-case / upper-case form.

    Web text writes names in lower case ("chicago", "in n out") and whole passages in capitals
    (transcripts: "SOUTER"); the edited corpora have little of either. Tokens and entities stay.
    """

    def augment(nlp: Any, example: Example) -> Iterator[Example]:
        if lower + upper <= 0:  # off: draw nothing, so the training's random stream stays as without it
            yield example
            return
        draw = random.random()
        if draw >= lower + upper:
            yield example
            return
        change = str.lower if draw < lower else str.upper
        ref = example.reference
        words = [change(t.text) for t in ref]
        spaces = [bool(t.whitespace_) for t in ref]
        gold = Doc(nlp.vocab, words=words, spaces=spaces)
        # by token, not by character: case changes can change a word's length ("ß" → "SS")
        gold.ents = [Span(gold, e.start, e.end, label=e.label_) for e in ref.ents]
        yield Example(Doc(nlp.vocab, words=words, spaces=spaces), gold)

    return augment
