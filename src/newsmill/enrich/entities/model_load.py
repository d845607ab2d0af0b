"""Loading a saved spaCy pipeline without building what the saved files replace anyway.

``spacy.load`` first builds the language's default pipeline from its config, then reads the saved
files over it. Two of those defaults cost a fresh process ~0.15 s CPU for nothing (issue 13:
``extract --enrich`` on one page in ≤ 1 s):

- the tokenizer: the language's default one (its prefix, suffix and infix expressions compiled,
  ~800 exception rules added) is built and then replaced field by field by the saved one. When the
  saved tokenizer has every field, an empty tokenizer is built instead and the saved fields fill
  it: the same tokenizer.
- the vocabulary: its saved string table (every string seen in training) only maps hashes back to
  text. The model reads hashes computed from each token and the labels come with the NER
  component, so when the vocabulary has no vectors and no lookup tables (norm tables would change
  NORM) it is not read.

Both conditions are checked on the files; a pipeline that does not meet them (``NEWSMILL_NER_MODEL_*``
may point at any) is loaded the usual way.
"""

from __future__ import annotations

import os
from typing import Any

BARE_TOKENIZER = "newsmill.saved_tokenizer.v1"
# Saved tokenizer field → the language default it replaces ("" where nothing is built).
_TOKENIZER_FIELDS = {"prefix_search": "prefixes", "suffix_search": "suffixes",
                     "infix_finditer": "infixes", "token_match": "token_match", "url_match": "url_match",
                     "exceptions": "tokenizer_exceptions"}


def load_options(path: str, language: str) -> tuple[list[str], dict[str, Any]]:
    """Extra ``exclude`` entries and config overrides for ``spacy.load(path)``."""
    exclude = ["vocab"] if vocab_is_bare(path) else []
    config: dict[str, Any] = {}
    if tokenizer_is_whole(path, language):
        _register()
        config = {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}
    return exclude, config


def vocab_is_bare(path: str) -> bool:
    """True when the pipeline's saved vocabulary holds only strings: no vectors, no lookup tables."""
    vocab = os.path.join(path, "vocab")
    lookups, vectors = os.path.join(vocab, "lookups.bin"), os.path.join(vocab, "vectors")
    if os.path.isfile(lookups) and os.path.getsize(lookups) > 1:  # msgpack of an empty map: one byte
        return False
    if not os.path.isfile(vectors):
        return True
    import numpy

    return bool(numpy.load(vectors, allow_pickle=False).size == 0)


def tokenizer_is_whole(path: str, language: str) -> bool:
    """True when the saved tokenizer sets every field the language's default would have set."""
    file = os.path.join(path, "tokenizer")
    if not os.path.isfile(file):
        return False
    import srsly
    from spacy.util import get_lang_class

    meta = os.path.join(path, "meta.json")
    try:
        # the pipeline's own language: a NEWSMILL_NER_MODEL_* pipeline may be of another than asked for
        lang = srsly.read_json(meta).get("lang", language) if os.path.isfile(meta) else language
        with open(file, "rb") as fh:
            saved = srsly.msgpack_loads(fh.read())
        defaults = get_lang_class(lang).Defaults
    except (ValueError, ImportError, KeyError):
        return False
    if not isinstance(saved, dict) or not isinstance(saved.get("exceptions"), dict):
        return False
    return all(saved.get(field) is not None or not getattr(defaults, default, None)
               for field, default in _TOKENIZER_FIELDS.items())


_REGISTERED: list[bool] = []


def _register() -> None:
    # a flag, not ``name in registry.tokenizers``: a registry lookup of a missing name scans every
    # installed package's entry points (~10 ms)
    if not _REGISTERED:
        from spacy.util import registry

        registry.tokenizers.register(BARE_TOKENIZER, func=_bare_tokenizer)
        _REGISTERED.append(True)


def _bare_tokenizer() -> Any:
    from spacy.tokenizer import Tokenizer

    def create(nlp: Any) -> Any:
        return Tokenizer(nlp.vocab)  # filled from the saved tokenizer by from_disk

    return create
