"""The language knowledge of all extractors (``newsmill/data/lexicon/*.json``), read and compiled once.

The tables are data, not code: one JSON file per language plus shared tables that do not depend
on the language (``common``: social networks, CMS class words; ``agencies``: news agencies and
photo services; ``bylines``: byline cue words). ``read_table``/``table_words``/``table_groups``
are the one loader: the HTML extractor (``boilerplate``), text mode (``load_lexicon`` below) and
the metadata readers (``authors``) all read the tables through them, and each keeps its own
matching code. All languages are merged by default, because a page's chrome often mixes
languages (German pages say "Share" and "Newsletter").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsmill.patterns import alternation

# Reasons in the order a conflict is settled: a line that is both a comment cue and a navigation
# word ("Kommentare") is filed under the more specific reason.
CATEGORY_ORDER: tuple[str, ...] = (
    "consent",
    "comments",
    "call_to_action",
    "teaser",
    "gallery",
    "advertisement",
    "footer",
    "navigation",
)
# A cue of several words also marks a line that starts with it ("Lesen Sie auch: ..."), but only
# while the line stays this short; longer lines are prose that merely mentions the words.
PREFIX_CUE_MAX_WORDS = 12
# Phrase cues ("wir verwenden cookies") mark lines up to this many words; a longer line is prose.
PHRASE_CUE_MAX_WORDS = 60
DEFAULT_LANGUAGES: tuple[str, ...] = ("de", "en")
# Tables that hold no single language's cues; every other file in ``data/lexicon`` is a language.
SHARED_TABLES: tuple[str, ...] = ("common", "agencies", "bylines")
# Teaser-list headers are short ("Weitere Artikel aus dem Ressort"); longer lines are headings.
TEASER_HEADER_MAX_WORDS = 6

_KEY_STRIP = re.compile(r"[\W\d_]+", re.U)


def cue_key(text: str) -> str:
    """The comparable form of a line: lower case, digits and punctuation folded to single spaces."""
    return _KEY_STRIP.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class Lexicon:
    """Compiled cue tables of one or more languages."""

    languages: tuple[str, ...]
    exact: dict[str, str]  # cue key -> reason
    prefixes: dict[str, str]  # multi-word cue key -> reason
    max_prefix_words: int
    phrases: dict[str, tuple[tuple[str, str], ...]]  # trigger word -> ((phrase, reason), ...)
    months: dict[str, int]
    stopwords: frozenset[str]
    credit_prefix: re.Pattern[str]
    credit_words: frozenset[str]  # first words of the credit prefixes: the pattern runs only on them
    agency_credit: re.Pattern[str]
    caption_credit: re.Pattern[str]  # "…, sagte er. Foto: Max Muster / dpa" at the end of a line
    counter: re.Pattern[str]  # gallery counters: "1/66", "Bild 3 von 12", "Slide 2 of 9"
    names_end: re.Pattern[str]  # where a byline's names end: a digit, a separator, "am"/"on" + date
    teaser_leads: frozenset[str]  # "Weitere", "More": first words of a teaser list's header ...
    teaser_nouns: frozenset[str]  # ... "Artikel", "stories": and the kind of item it lists
    social: frozenset[str]
    share_words: frozenset[str]  # social networks and one-word calls to action ("teilen", "tweet")
    byline_cue: re.Pattern[str]  # a byline cue word where a line's names begin: "von", "Autor:", "posted by"
    date_cues: frozenset[str]  # words that announce a date ("Erstellt am: 01.11.2023", "Published")
    time_words: frozenset[str]  # relative times before a byline cue ("vor 11 Minuten von X")

    def teaser_header(self, text: str, key: str) -> bool:
        """A short header over a list of other items: "Weitere Artikel", "Mehr Videos:", "More stories"."""
        words = key.split(" ")
        if not words or len(words) > TEASER_HEADER_MAX_WORDS or words[0] not in self.teaser_leads:
            return False
        return text.rstrip().endswith(":") or not self.teaser_nouns.isdisjoint(words[1:])

    def cue_reason(self, text: str, key: str | None = None) -> str | None:
        """The Removed reason a short line's wording alone gives, or None."""
        return self.cue_match(text, key)[0]

    def cue_match(self, text: str, key: str | None = None) -> tuple[str | None, bool]:
        """(reason, whole line is the cue) for a line; (None, False) when no cue matches."""
        key = cue_key(text) if key is None else key
        if not key:
            return None, False
        hit = self.exact.get(key)
        if hit:
            return hit, True
        words = key.split(" ")
        if len(words) <= PREFIX_CUE_MAX_WORDS:
            for n in range(min(self.max_prefix_words, len(words) - 1), 1, -1):
                hit = self.prefixes.get(" ".join(words[:n]))
                if hit:
                    return hit, False
        if len(words) <= PHRASE_CUE_MAX_WORDS:
            return self._phrase_reason(text, words), False
        return None, False

    def _phrase_reason(self, text: str, words: list[str]) -> str | None:
        # Each phrase is indexed under its longest word; only phrases whose word occurs are tried.
        found: list[str] = []
        low = ""
        for word in words:
            entries = self.phrases.get(word)
            if entries:
                low = low or text.lower()
                found.extend(reason for phrase, reason in entries if phrase in low)
        return min(found, key=CATEGORY_ORDER.index) if found else None


# --- the one loader: every extractor reads its language knowledge through these --------------------


@lru_cache(maxsize=16)
def read_table(name: str) -> dict[str, Any]:
    """One table of ``newsmill/data/lexicon`` as parsed JSON (cached; do not modify it)."""
    path = resources.files("newsmill").joinpath("data", "lexicon", f"{name}.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def table_words(key: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES, shared: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The entries of list ``key`` in the ``shared`` tables, then the ``languages``, each once."""
    seen: dict[str, None] = {}
    for name in shared + languages:
        seen.update(dict.fromkeys(read_table(name).get(key, [])))
    return tuple(seen)


def table_groups(
    key: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES, shared: tuple[str, ...] = ()
) -> dict[str, tuple[str, ...]]:
    """A ``{group: [entries]}`` table (e.g. cues by Removed reason) merged over tables, each entry once."""
    merged: dict[str, dict[str, None]] = {}
    for name in shared + languages:
        for group, entries in read_table(name).get(key, {}).items():
            merged.setdefault(group, {}).update(dict.fromkeys(entries))
    return {group: tuple(entries) for group, entries in merged.items()}


def available_languages() -> tuple[str, ...]:
    folder = resources.files("newsmill").joinpath("data", "lexicon")
    names = [p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")]
    return tuple(sorted(n for n in names if n not in SHARED_TABLES))


@lru_cache(maxsize=8)
def load_lexicon(languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> Lexicon:
    """Merge and compile the tables of ``languages`` (cached)."""

    def words(key: str) -> tuple[str, ...]:
        return table_words(key, languages)

    # Text mode also takes the line-only credit words ("Graphic:"), see the tables' comments.
    credits = words("credit_prefixes") + words("line_credit_prefixes")
    exact, prefixes = _line_cues(languages)
    phrases = table_groups("phrases", languages)
    teaser_heads = table_groups("teaser_heads", languages)
    social = frozenset(read_table("common").get("social", ()))
    return Lexicon(
        languages=languages,
        exact=exact,
        prefixes=prefixes,
        max_prefix_words=max((k.count(" ") + 1 for k in prefixes), default=1),
        phrases=_phrase_index({c: phrases.get(c, ()) for c in CATEGORY_ORDER}),
        months={k: v for lang in languages for k, v in read_table(lang).get("months", {}).items()},
        stopwords=frozenset(words("stopwords")),
        credit_prefix=_credit_prefix_pattern(list(credits)),
        credit_words=frozenset(cue_key(p).split(" ")[0] for p in credits),
        agency_credit=_agency_pattern(list(read_table("agencies")["photo"])),
        caption_credit=_caption_credit_pattern(list(words("photo_prefixes"))),
        counter=_counter_pattern(table_groups("counter", languages)),
        names_end=_names_end_pattern(list(words("date_words"))),
        teaser_leads=frozenset(teaser_heads.get("leads", ())),
        teaser_nouns=frozenset(teaser_heads.get("nouns", ())),
        social=social,
        share_words=social.union(words("share_words")).union(
            key for key, reason in exact.items() if reason == "call_to_action" and " " not in key
        ),
        byline_cue=_byline_cue_pattern(list(words("byline_cues"))),
        date_cues=frozenset(words("date_cues")),
        time_words=frozenset(words("time_words")),
    )


def _line_cues(languages: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """(cue key -> reason, multi-word cue key -> reason) of whole-line cues.

    The ``lines`` tables come first; the HTML extractor's section cues ("Meistkommentiert") and
    tag-list labels ("Stichworte:") add the lines they do not already file under a reason.
    """
    exact: dict[str, str] = {}
    lines = table_groups("lines", languages)
    for category in reversed(CATEGORY_ORDER):  # earlier categories overwrite later ones
        exact.update((cue_key(cue), category) for cue in lines.get(category, ()))
    extra = dict(table_groups("section_cues", languages))
    extra["navigation"] = extra.get("navigation", ()) + table_words("label_prefixes", languages)
    for category, cues in extra.items():
        for cue in cues:
            exact.setdefault(cue_key(cue), category)
    exact.pop("", None)
    return exact, {key: reason for key, reason in exact.items() if " " in key}


def _longest_word(phrase: str) -> str:
    # The rarest word is the best trigger; the longest is a cheap stand-in for the rarest.
    return max(cue_key(phrase).split(" "), key=len)


def _phrase_index(phrases: dict[str, tuple[str, ...]]) -> dict[str, tuple[tuple[str, str], ...]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for category, items in phrases.items():
        for phrase in items:
            if cue_key(phrase):
                index.setdefault(_longest_word(phrase), []).append((phrase.lower(), category))
    return {word: tuple(entries) for word, entries in index.items()}


def _credit_prefix_pattern(prefixes: list[str]) -> re.Pattern[str]:
    # "Foto: X", "Bild © X", "Photo/Getty": a credit word followed by a separator.
    return re.compile(rf"^\W*(?:{alternation(prefixes)})\s*(?:[:©|/]|\(c\))", re.I)


def _counter_pattern(counter: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    items, of = list(counter.get("items", ())), list(counter.get("of", ()))
    lead = rf"(?:(?:{alternation(items)})\s*)?" if items else ""
    sep = rf"/|{alternation(of)}" if of else "/"
    return re.compile(rf"^{lead}\d{{1,4}}\s*(?:{sep})\s*\d{{1,4}}$", re.I)


def _names_end_pattern(date_words: list[str]) -> re.Pattern[str]:
    words = rf"|\b(?:{alternation(date_words)})\b" if date_words else ""
    return re.compile(rf"\s*(?:\d|\||•|·|—|–\s|\({words})", re.I)


def _byline_cue_pattern(cues: list[str]) -> re.Pattern[str]:
    # A cue as a word of its own ("von", "Autor:"), not the start of "Vonovia", "authority" or
    # the gendered plural "Autor:innen".
    return re.compile(rf"(?:^|(?<=[\s|·•,]))(?:{alternation(cues)})(?!\w)(?!:[^\W\d_])", re.I)


def _caption_credit_pattern(prefixes: list[str]) -> re.Pattern[str]:
    # A photo credit closing a line: the line is a picture caption, not body text.
    lead = rf"(?:(?:{alternation(prefixes)})\s*(?::|©|\(c\))|©|\(c\))"
    return re.compile(rf"(?:^|(?<=[\s.!?)\]|]))\(?{lead}\s*(?P<credit>[^:©]{{1,100}})$", re.I)


def _agency_pattern(agencies: list[str]) -> re.Pattern[str]:
    # A line that is only agencies ("REUTERS", "AFP/Getty Images") or ends in one after a
    # separator ("Karl Schöndorfer / picturedesk.com", "Bild: Max Muster (dpa)").
    alt = alternation(agencies)
    sep = r"\s*[/|,;:•·]\s*|\s+"
    only = rf"(?:{alt})(?:(?:{sep})(?:{alt}))*"
    tail = rf".*?(?:[/|©(]\s*|\bvia\s+)(?:{alt})\b[^a-z]*"
    one = rf"(?:{alt})\s*/\s*[^/|]{{1,60}}?"
    head = rf"{one}(?:\s+{one})*"  # "APA/Georg Hochmuth", "dpa/Max Muster", printed twice
    return re.compile(rf"^\W*(?:{only}|{tail}|{head})\W*$", re.I)
