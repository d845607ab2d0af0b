"""The Article record: the contract between every stage of newsmill.

Sources yield pages, extractors make Articles, enrichers add span annotations to them and the
store keeps them. Everything is a typed dataclass that round-trips through JSON
(``to_dict``/``from_dict``); ``json_schema()`` publishes the shape.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args, get_origin

SCHEMA_VERSION = 3  # 2: ids on entities, places and speakers; 3: the parts of an interrupted quote

BlockKind = Literal["paragraph", "heading", "quote", "list_item", "table", "code"]
BLOCK_KINDS: tuple[str, ...] = get_args(BlockKind)

RemovedReason = Literal[
    "navigation",
    "teaser",
    "gallery",
    "advertisement",
    "call_to_action",
    "credit",
    "duplicate",
    "markup",
    "consent",
    "footer",
    "comments",
    "other",
]
REMOVED_REASONS: tuple[str, ...] = get_args(RemovedReason)

EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect", "mixed", "reported"]


@dataclass
class Block:
    """One body block in reading order."""

    kind: BlockKind
    text: str


@dataclass
class Image:
    """A picture of the article, with its caption and photo credit as first-class fields."""

    caption: str | None = None
    credit: str | None = None
    url: str | None = None
    alt: str | None = None


@dataclass
class Removed:
    """A piece of page text the extractor dropped, and why."""

    text: str
    reason: RemovedReason


@dataclass
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Entity(Span):
    label: EntityLabel = "MISC"
    name: str = ""  # the canonical name: the fullest base form of the entity in the article
    id: str = ""  # the same thing in every article and run (see ``entity_id``)


@dataclass
class Place(Span):
    name: str = ""
    id: str = ""  # "geo:<GeoNames id>" when geocoded, else an ``entity_id`` of the name
    geonames_id: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None


@dataclass
class Speaker(Span):
    name: str = ""
    id: str = ""  # the entity id of the person or organisation speaking, when known


@dataclass
class Quote(Span):
    """Someone's words or reported content. ``start``/``end``/``text`` are its whole extent; a
    quotation its attribution interrupts (`"We won," he said, "and we will win again."`) also
    lists its ``parts`` in order, the attribution between them left out. A quote in one piece has
    no parts (records from before schema 3 have none either)."""

    kind: QuoteKind = "direct"
    speaker: Speaker | None = None
    cue: Span | None = None
    parts: list[Span] = field(default_factory=list)

    def pieces(self) -> list[Span]:
        """The stretches of text that are the quote: its parts, or its whole extent."""
        return self.parts or [Span(self.start, self.end, self.text)]


@dataclass
class TimeExpression(Span):
    value: str = ""  # ISO 8601 (date, month, year, week, interval or time), normalised


@dataclass
class Article:
    """One news article, as extracted (and optionally enriched) by newsmill."""

    id: str = ""
    url: str | None = None
    canonical_url: str | None = None
    site: str | None = None
    source: str | None = None
    language: str | None = None
    section: str | None = None
    title: str | None = None
    lead: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)

    def finalize(self) -> Article:
        """Derive ``text`` from lead and blocks and ``id`` from the URL or text; returns self."""
        self.text = join_text(self.lead, self.blocks)
        if not self.id:
            self.id = article_id(self.canonical_url or self.url, self.text, self.title)
        return self

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _build(cls, data)

    @classmethod
    def from_json(cls, raw: str) -> Article:
        return cls.from_dict(json.loads(raw))

    def to_markdown(self) -> str:
        """A readable rendering: headline, lead, body, images and sources."""
        out: list[str] = []
        if self.section:
            out.append(f"*{self.section}*")
        if self.title:
            out.append(f"# {self.title}")
        if self.lead:
            out.append(f"**{self.lead}**")
        meta = [x for x in (self.source, ", ".join(self.authors), self.published) if x]
        if meta:
            out.append(" · ".join(meta))
        for img in self.images:
            bits = [b for b in (img.caption, f"({img.credit})" if img.credit else None) if b]
            if bits:
                out.append("> 🖼 " + " ".join(bits))
        for block in self.blocks:
            out.append(_markdown_block(block))
        return "\n\n".join(out) + "\n"


def _markdown_block(block: Block) -> str:
    if block.kind == "heading":
        return f"## {block.text}"
    if block.kind == "quote":
        return "> " + block.text
    if block.kind == "list_item":
        return "- " + block.text
    return block.text


def join_text(lead: str | None, blocks: list[Block]) -> str:
    parts = ([lead] if lead else []) + [b.text for b in blocks if b.text]
    return "\n\n".join(parts)


_SPACES = re.compile(r"\s+")


def article_id(url: str | None, text: str, title: str | None = None) -> str:
    """A stable id: from the canonical URL when there is one, else from title and text."""
    if url:
        key = "url:" + url.strip()
    else:
        key = "text:" + _SPACES.sub(" ", f"{title or ''} {text}").strip().lower()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def entity_id(label: str, name: str) -> str:
    """A readable id that is the same for one canonical name wherever it appears:
    ``per:wladimir-putin``, ``org:new-york-times``. Case, accents and punctuation are folded."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    slug = "-".join(_ID_WORDS.findall(plain))
    return f"{label.lower()}:{slug}"


def place_id(geonames_id: int) -> str:
    return f"geo:{geonames_id}"


_ID_WORDS = re.compile(r"\w+")


# --- (de)serialisation -------------------------------------------------------------------------

T = TypeVar("T")


def _build(cls: type[T], data: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin is list:
        (inner,) = get_args(tp)
        return [_convert(inner, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return _build(tp, value)  # type: ignore[arg-type]
    return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a serialised Article."""
    defs: dict[str, Any] = {}
    _schema_of(Article, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://newsmill.dev/schema/article-v{SCHEMA_VERSION}.json",
        "title": "Article",
        **defs.pop("Article"),
        "$defs": defs,
    }


def _schema_of(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin is list:
        return {"type": "array", "items": _schema_of(get_args(tp)[0], defs)}
    if origin is Literal:
        return {"type": "string", "enum": list(get_args(tp))}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema_of(a, defs) for a in get_args(tp)]}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            hints = typing.get_type_hints(tp)
            props = {f.name: _schema_of(hints[f.name], defs) for f in dataclasses.fields(tp)}
            defs[name] = {
                "type": "object",
                "properties": props,
                "required": list(props),
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    return {"type": simple[tp]}
