"""The article body from a framework's hydration data, for pages that render it with scripts.

Single-page apps ship the page state as JSON for the client to pick up: Next.js in
``<script id="__NEXT_DATA__" type="application/json">``, Nuxt in ``window.__NUXT__ = {…}``,
Apollo in ``window.__APOLLO_STATE__ = {…}`` (a normalised cache whose objects point at each other
with ``{"__ref": "Type:id"}``), Redux-style apps in ``window.__INITIAL_STATE__`` and the like. The
DOM of such a page may hold nothing but a spinner.

Nothing here knows a site or a schema: the body is the JSON node with the most prose in it, read
by structure. A list whose items are paragraphs (strings, or objects with a ``text``/``value``/
``content``/``html`` field, or Slate-style ``children`` runs) is one candidate; a single long HTML
or text string under a body-like key is another. Fields that describe rather than tell
(``title``, ``teaser``, ``description``, ``caption``, ``url`` …) never count, so the related
stories' teasers and the navigation lose to the article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Hydration states above this size are app dumps that cost more to parse than the page is worth.
MAX_STATE_CHARS = 3_000_000
# Deeper JSON is not walked (real states nest ~15 levels; refs add a few).
MAX_DEPTH = 40
# At most this many JSON nodes are looked at per page, against generated states.
MAX_NODES = 200_000
# A string shorter than this, or with fewer words, is a label, a slug or a count, not prose.
PROSE_MIN_CHARS = 40
PROSE_MIN_SPACES = 5

# ``window.__NUXT__ = …``, ``self.__APOLLO_STATE__=…``, ``var __INITIAL_STATE__ = …``.
_ASSIGNMENT = re.compile(r"\s*(?:(?:window|self|globalThis)\.|var\s+|let\s+|const\s+)?(__[A-Za-z][A-Za-z0-9_]*__)\s*=\s*")
# Keys whose string values are the telling itself.
_BODY_KEYS = frozenset({
    "text", "value", "content", "html", "body", "articlebody", "bodyhtml", "bodytext", "markup",
    "paragraph", "contenthtml", "texthtml", "richtext", "plaintext",
})
_TAG = re.compile(r"<[a-zA-Z/][^<>]*>")
_HTML_BLOCK = re.compile(r"</?(?:p|h[1-6]|li|blockquote|div|br|ul|ol|section|figure)\b", re.I)


@dataclass
class Body:
    """The body found in a page's hydration data: its blocks, and which script held it."""

    source: str
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)

    @property
    def chars(self) -> int:
        return sum(len(t) for _, t in self.blocks)


def hydration_scripts(scripts: Iterable[Any]) -> list[tuple[str, str]]:
    """(name, JSON text) of every hydration script among the page's ``<script>`` elements; read
    before scripts are stripped."""
    found: list[tuple[str, str]] = []
    for script in scripts:
        raw = script.text
        if not raw or len(raw) > MAX_STATE_CHARS:
            continue
        kind = (script.get("type") or "").lower()
        ident = script.get("id") or ""
        if kind == "application/json" and ident.startswith("__") and ident.endswith("__"):
            found.append((ident, raw))
            continue
        if "__" not in raw[:200]:
            continue
        m = _ASSIGNMENT.match(raw)
        if m is not None:
            found.append((m.group(1), raw[m.end():]))
    return found


def hydration_body(scripts: list[tuple[str, str]]) -> Body | None:
    """The longest prose body among the page's hydration states, or None."""
    best: Body | None = None
    for name, raw in scripts:
        state = _parse(raw)
        if state is None:
            continue
        body = _best_body(state)
        if body and (best is None or _chars(body) > best.chars):
            best = Body(name, body)
    return best


def _parse(raw: str) -> Any:
    text = raw.lstrip()
    if not text.startswith(("{", "[")):
        return None  # a function expression (minified Nuxt 2): not data we can read
    try:
        value, _ = json.JSONDecoder(strict=False).raw_decode(text)
    except ValueError:
        return None
    return value


def _chars(blocks: list[tuple[str, str]]) -> int:
    return sum(len(t) for _, t in blocks)


class _Reader:
    def __init__(self, state: Any) -> None:
        # Apollo's normalised cache: the top level maps "Type:id" keys to objects.
        self.refs = state if isinstance(state, dict) else {}
        self.nodes = 0
        self.best: list[tuple[str, str]] = []
        self.best_score = 0

    def deref(self, value: Any, depth: int) -> Any:
        if isinstance(value, dict) and len(value) == 1 and "__ref" in value:
            target = self.refs.get(value["__ref"])
            return target if isinstance(target, dict) and depth < MAX_DEPTH else None
        return value

    def visit(self, node: Any, depth: int, on_path: set[int]) -> None:
        """Score every list of paragraphs and every long body string below ``node``."""
        node = self.deref(node, depth)
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES or id(node) in on_path:
            return
        if isinstance(node, list):
            self._consider(self._list_blocks(node, depth))
            children: Iterator[Any] = iter(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and key.lower() in _BODY_KEYS and _prose(_text_of(value)):
                    self._consider(_string_blocks(value))
            children = (v for k, v in node.items() if not _describes(k))
        else:
            return
        on_path.add(id(node))
        for child in children:
            if isinstance(child, dict | list):
                self.visit(child, depth + 1, on_path)
        on_path.discard(id(node))

    def _consider(self, blocks: list[tuple[str, str]]) -> None:
        score = sum(len(t) for _, t in blocks if _prose(t))
        if score > self.best_score:
            self.best, self.best_score = blocks, score

    def _list_blocks(self, items: list[Any], depth: int) -> list[tuple[str, str]]:
        blocks: list[tuple[str, str]] = []
        for item in items:
            item = self.deref(item, depth + 1)
            if isinstance(item, str):
                blocks.extend(_string_blocks(item) if _prose(_text_of(item)) else [])
            elif isinstance(item, dict):
                block = self._paragraph(item, depth + 1)
                if block is not None:
                    blocks.append(block)
        return blocks

    def _paragraph(self, item: dict[str, Any], depth: int) -> tuple[str, str] | None:
        """One block from a block object: its body field, or its inline runs joined."""
        kind = _kind(item)
        for key, value in item.items():
            if isinstance(value, str) and key.lower() in _BODY_KEYS:
                text = _text_of(value)
                if text:
                    return kind, text
        for key in ("children", "content", "spans", "runs", "inlines"):
            runs = item.get(key)
            if isinstance(runs, list) and runs:
                parts = []
                for run in runs:
                    run = self.deref(run, depth + 1)
                    if isinstance(run, str):
                        parts.append(run)
                    elif isinstance(run, dict) and isinstance(run.get("text"), str):
                        parts.append(run["text"])
                    elif isinstance(run, dict):
                        inner = self._paragraph(run, depth + 1)
                        if inner is not None:
                            parts.append(inner[1])
                text = " ".join("".join(parts).split())
                if text:
                    return kind, text
        return None


def _best_body(state: Any) -> list[tuple[str, str]]:
    reader = _Reader(state)
    reader.visit(state, 0, set())
    return reader.best


# Keys of fields that describe or link the article (or its neighbours), never tell it.
_DESCRIBING = re.compile(
    r"^(?:title|headline|name|label|slug|url|href|link|path|src|image|alt|caption|credit|"
    r"teaser.*|summary|description|excerpt|subtitle|kicker|dateline|byline|author.*|tags?|"
    r"keywords|seo.*|meta.*|navigation|menu|footer|header|related.*|recommend.*|breadcrumbs?)$",
    re.I)


def _describes(key: str) -> bool:
    return _DESCRIBING.match(key) is not None


def _kind(item: dict[str, Any]) -> str:
    kind = str(item.get("type") or item.get("kind") or item.get("__typename") or item.get("_type") or "").lower()
    if "head" in kind or "title" in kind:
        return "heading"
    if "quote" in kind:
        return "quote"
    if "list" in kind:
        return "list_item"
    return "paragraph"


def _prose(text: str) -> bool:
    return len(text) >= PROSE_MIN_CHARS and text.count(" ") >= PROSE_MIN_SPACES and "://" not in text[:12]


def _text_of(value: str) -> str:
    if "<" in value and _TAG.search(value):
        return " ".join(_TAG.sub(" ", value).split())
    return " ".join(value.split())


def _string_blocks(value: str) -> list[tuple[str, str]]:
    """A body string as blocks: an HTML fragment is walked like a page, plain text split at lines."""
    if "<" in value and _HTML_BLOCK.search(value):
        return _html_blocks(value)
    return [("paragraph", " ".join(line.split())) for line in value.split("\n") if line.strip()]


def _html_blocks(fragment: str) -> list[tuple[str, str]]:
    import lxml.etree
    import lxml.html

    from newsmill.extract.html.walk import walk

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return []
    kinds = {"heading", "quote", "list_item", "code", "table"}
    return [(b.kind if b.kind in kinds else "paragraph", b.text) for b in walk(root, lambda: None).blocks
            if not b.flags]
