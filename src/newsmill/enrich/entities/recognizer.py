"""Named entities (PER, ORG, LOC, MISC) with within-article alias resolution.

The models are compact spaCy pipelines trained by ``make models`` (training/ner/) and shipped in
``newsmill/data/models/ner-<lang>``; ``NEWSMILL_NER_MODEL_<LANG>`` (e.g. ``NEWSMILL_NER_MODEL_DE``)
may point at another spaCy pipeline directory instead. Nothing is downloaded.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsmill.article import Article, Entity, EntityLabel
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.entities.spans import extend_person_spans
from newsmill.enrich.morphology import base_forms, strip_possessive
from newsmill.enrich.person_ids import canonical_id, person_key

log = logging.getLogger(__name__)

LANGUAGES = ("de", "en")
# Characters of text the recogniser reads; the rest of a longer text is left unannotated with a
# warning. 100k characters is ~15,000 words, far beyond any news article, and bounds time (~1 s).
MAX_CHARS = 100_000
# Chunk size handed to spaCy at once: paragraphs are cut at whitespace beyond this, so a 1 MB
# single "sentence" is processed in bounded pieces (spaCy's own limit is 1M characters).
MAX_CHUNK_CHARS = 5_000
# Paragraphs go through the model a few at a time: with the models' own batch size (1000) a long
# page is one batch, and every parsed paragraph with its activations stays alive until the batch is
# done (a 37 KB text of 93 paragraphs: +98 MB at the peak in one batch, +2 MB in batches of 64). An
# article of usual length is still one batch.
PIPE_BATCH = 64
LABELS: tuple[EntityLabel, ...] = ("PER", "ORG", "LOC", "MISC")
# Trailing characters that never belong to a name (the tokenizer sometimes keeps them attached).
_STRIP = " \t\n\r.,;:!?\"'„“”»«‚‘’()[]"


@dataclass
class EntityOptions:
    max_chars: int = MAX_CHARS
    max_chunk_chars: int = MAX_CHUNK_CHARS
    gazetteer: bool = True  # correct/complete LOC spans with the place gazetteer
    resolve_labels: tuple[str, ...] = ("PER", "ORG")  # labels whose short mentions get the full name


_MODELS: dict[str, Any] = {}
_LOCK = threading.Lock()


def model_path(language: str) -> str:
    """Where the model for ``language`` is loaded from (environment override first)."""
    override = os.environ.get(f"NEWSMILL_NER_MODEL_{language.upper()}")
    if override:
        return override
    return str(resources.files("newsmill").joinpath("data", "models", f"ner-{language}"))


def load_model(language: str) -> Any:
    """The spaCy pipeline for ``language``, loaded once per process; None if there is none."""
    with _LOCK:
        if language not in _MODELS:
            _MODELS[language] = _load(language)
        return _MODELS[language]


def _load(language: str) -> Any:
    path = model_path(language)
    if not os.path.isdir(path):
        return None
    from newsmill.enrich.entities.features import register
    from newsmill.enrich.entities.model_load import load_options
    from newsmill.enrich.entities.spacy_import import import_spacy

    spacy = import_spacy()
    register()  # models trained with gazetteer features carry that component
    extra, config = load_options(path, language)  # skips what the saved files replace anyway
    nlp = spacy.load(path, exclude=["parser", "tagger", "lemmatizer", *extra], config=config)
    nlp.max_length = MAX_CHUNK_CHARS * 2
    set_weight_dtype(nlp, "float32")
    return nlp


def set_weight_dtype(nlp: Any, dtype: str) -> None:
    """Cast every weight of the pipeline's models to ``dtype``.

    The shipped models store their weights as float16 (half the package size; the hash-embedding
    tables are most of it); spaCy's CPU kernels compute in float32, so they are cast back on load.
    Weights already in ``dtype`` are left as they are. The static word vectors (floret table) are
    stored and cast the same way.
    """
    vectors = nlp.vocab.vectors
    if vectors.data.size and vectors.data.dtype != dtype:
        vectors.data = vectors.data.astype(dtype)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            for name in node.param_names:
                if node.has_param(name) and node.get_param(name).dtype != dtype:
                    node.set_param(name, node.get_param(name).astype(dtype))


def chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) over ``text``: paragraphs, cut at whitespace when longer than ``size``."""
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", text):
        start, piece = para.start(), para.group()
        while len(piece) > size:
            cut = piece.rfind(" ", size // 2, size)
            cut = cut if cut > 0 else size
            yield start, piece[:cut]
            start, piece = start + cut, piece[cut:]
        if piece.strip():
            yield start, piece


def recognise(text: str, language: str, options: EntityOptions | None = None) -> list[Entity]:
    """Entities in ``text`` (offsets into it), without alias names."""
    opts = options or EntityOptions()
    nlp = load_model(language)
    if nlp is None or not text.strip():
        return []
    pieces = list(chunks(text[: opts.max_chars], opts.max_chunk_chars))
    spans: list[tuple[int, int, str]] = []
    for (offset, _), doc in zip(pieces, nlp.pipe((p for _, p in pieces), batch_size=PIPE_BATCH), strict=True):
        found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        if opts.gazetteer:
            found = extend_person_spans(doc, found)
        spans += [(offset + start, offset + end, label) for start, end, label in found]
    if opts.gazetteer:
        from newsmill.enrich.entities.gazetteer import combine

        spans = combine(text[: opts.max_chars], spans, language)
    out: list[Entity] = []
    for start, end, label in spans:
        span = _clean_span(text, start, end)
        # (one letter left of "S. 43" or "K." is a page or an initial, not a name)
        if span and span[1] - span[0] > 1 and label in LABELS:
            out.append(Entity(span[0], span[1], text[span[0]:span[1]], label, ""))  # type: ignore[arg-type]
    return without_list_terms(text, out, language)


def without_list_terms(text: str, entities: list[Entity], language: str) -> list[Entity]:
    """On a page of lists or tables (``pagekind.list_lines``), a name on a line outside running
    text counts only when the page also names it in a sentence: a curriculum's "AMA Hubraum X 47",
    a quest list's "NPC:" or a glossary's terms are no people or organisations."""
    from newsmill.enrich.pagekind import list_lines

    lines = list_lines(text)
    if not lines:
        return entities
    starts = [s for s, _ in lines]

    def on_list_line(ent: Entity) -> bool:
        i = bisect.bisect_right(starts, ent.start) - 1
        return i >= 0 and ent.end <= lines[i][1]

    listed = [on_list_line(e) for e in entities]
    in_sentences = {e.text for e, on_list in zip(entities, listed, strict=True) if not on_list}
    return [e for e, on_list in zip(entities, listed, strict=True)
            if not on_list or e.text in in_sentences or _full_person_name(e, language)]


def _full_person_name(ent: Entity, language: str) -> bool:
    """A person written as names are, with a first name the name lists know ("Kim Hana", "Derek
    Mertz"): a credit list or a team sheet names people so. Not "AMA Buch": capitals, then a noun."""
    from newsmill.enrich.entities.lexicon import FIRST, LAST, common_nouns, name_codes

    words = ent.text.split()
    if ent.label != "PER" or len(words) < 2 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    codes = name_codes(language)
    last = words[-1].lower()
    return FIRST in codes.get(words[0].lower(), "") and (last not in common_nouns(language) or LAST in codes.get(last, ""))


def _clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return (start, end) if end > start else None


def _key_tokens(text: str, language: str) -> list[str]:
    """The words of a mention, compared without possessive endings and case."""
    words = [strip_possessive(w, language) for w in text.split()]
    return [w.casefold() for w in words if w]


def _contains(pool: set[str], short_forms: list[list[str]]) -> bool:
    """Every token of the short mention (given as its base forms) is in ``pool``, the tokens of the
    long one, as written or as a base form ("Putins" ← "Putin")."""
    return all(any(form in pool for form in forms) for forms in short_forms)


def resolve_names(entities: list[Entity], language: str, labels: tuple[str, ...] = ("PER", "ORG"),
                  bases: list[str] | None = None) -> None:
    """Set ``name`` to the fullest form of each entity: the longest mention with the same label
    that contains all its tokens (for an organisation, an earlier one); the nearest earlier one wins
    a tie, then the first later one.
    ``bases`` are the mentions' base forms (``canonical.mention_bases``), the texts when not given."""
    texts = bases if bases is not None else [e.text for e in entities]
    keys = [_key_tokens(t, language) for t in texts]
    # once per mention, not once per pair of mentions: the pair loop is quadratic
    pools = [set(k) for k in keys]
    forms = [[base_forms(tok, language) for tok in k] for k in keys]
    for i, ent in enumerate(entities):
        best: int | None = None
        for j, other in enumerate(entities if ent.label in labels else ()):
            if other.label != ent.label or len(keys[j]) <= len(keys[i]):
                continue
            if other.text.isupper() and not ent.text.isupper():
                continue  # a stock table's "HOME DEPOT INC" does not name "Home Depot"
            if ent.label == "ORG" and j > i:
                continue  # news names an organisation in full first; a longer one later is another
                # thing ("VW" … "VW Atlas Cross Sport", "Nissan" … "Nissan North America")
            if not _contains(pools[j], forms[i]):
                continue
            if best is None or _better(j, best, i, keys):
                best = j
        ent.name = _canonical(texts[best] if best is not None else texts[i], language)
    _uninflect(entities, texts, language)
    _usual_full_names(entities, texts, language)


def _usual_full_names(entities: list[Entity], texts: list[str], language: str) -> None:
    """A person's name is the full form the article writes most often: "Owen John Dempsey" once and
    "Owen Dempsey" twice is Owen Dempsey, as the id is (``person_ids``); a tie goes to the form
    without the middle names. The longest form stays when no other full form is written."""
    written: dict[str, Counter[str]] = {}
    for ent, text in zip(entities, texts, strict=True):
        full = _canonical(text, language)
        if ent.label == "PER" and " " in full:
            written.setdefault(person_key(full), Counter())[full] += 1
    for ent in entities:
        forms = written.get(person_key(ent.name)) if ent.label == "PER" and ent.name else None
        if forms is not None and len(forms) > 1:
            key = person_key(ent.name)
            ent.name = max(forms, key=lambda f: (forms[f], f == key, len(f)))


def _uninflect(entities: list[Entity], texts: list[str], language: str) -> None:
    """A genitive ("Russlands") takes the name of its base form when that is also mentioned."""
    names = {(e.label, t): e.name for e, t in zip(entities, texts, strict=True)}
    for ent, text in zip(entities, texts, strict=True):
        if ent.name != text:
            continue
        base = next((f for f in base_forms(text, language)[1:] if (ent.label, f) in names), None)
        if base is not None:
            ent.name = names[(ent.label, base)]


def _better(j: int, best: int, i: int, keys: list[list[str]]) -> bool:
    if len(keys[j]) != len(keys[best]):
        return len(keys[j]) > len(keys[best])
    before_j, before_best = j < i, best < i
    if before_j != before_best:
        return before_j
    return j > best if before_j else j < best


def _canonical(text: str, language: str) -> str:
    """The mention as a name: no possessive ending, one space between words."""
    words = text.split()
    if words:
        words[-1] = strip_possessive(words[-1], language)
    return " ".join(words)


class EntityRecognizer:
    """Enricher: fills ``article.entities``."""

    name = "entities"
    requires = ("text", "language")
    assigns = ("entities",)

    def __init__(self, options: EntityOptions | None = None) -> None:
        self.options = options or EntityOptions()

    def __call__(self, article: Article, context: EnrichContext) -> None:
        language = context.language if context.language in LANGUAGES else "en"
        text = article.text
        if len(text) > self.options.max_chars:
            context.warnings.append(
                f"entities: text has {len(text)} characters; only the first {self.options.max_chars} were read")
        if load_model(language) is None:
            context.warnings.append(f"entities: no NER model for {language!r} at {model_path(language)}")
            article.entities = []
            return
        entities = recognise(text, language, self.options)
        from newsmill.enrich.entities.canonical import mention_bases, spell_out_acronyms

        resolve_names(entities, language, self.options.resolve_labels, mention_bases(entities, text, language))
        spell_out_acronyms(entities)
        for ent in entities:
            ent.id = canonical_id(ent.label, ent.name or ent.text)
        article.entities = entities
