"""Tolerant JSON-LD reading: every ``<script type="application/ld+json">`` of a page as flat objects.

Pages ship broken JSON-LD often enough that a strict parser loses real metadata: HTML-escaped
text, trailing commas, ``//`` comments, CDATA wrappers, raw newlines inside strings, several
objects pasted one after the other. ``read_jsonld`` repairs what it safely can, flattens
``@graph``, lists and nested objects into one list of dicts, and reports what it gave up on as
warnings instead of raising.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml.html import HtmlElement

# A script larger than this is not metadata (some sites embed whole app states): skip it, since
# parsing megabytes of JSON would cost more than the rest of the page.
MAX_SCRIPT_CHARS = 2_000_000
# Repairs (regex passes) run only on scripts up to this size: they are not linear on adversarial
# input, and real article JSON-LD is a few kilobytes.
MAX_REPAIR_CHARS = 200_000
# Nested objects deeper than this are ignored; real article markup stays under ~8 levels.
MAX_DEPTH = 20
# At most this many objects are kept per page, against pathological generated markup.
MAX_OBJECTS = 500

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "posting",
        "review",
    }
)

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_LINE_COMMENT = re.compile(r"^\s*//[^\n]*$", re.MULTILINE)
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# A comment after a value on the same line ('"@type": "Organization", //"Person",'); "https://"
# inside strings is never preceded by a comma and blanks.
_TRAILING_COMMENT = re.compile(r"(,|\{|\[)[ \t]*//[^\n]*")
# A single-quoted string value ("description": 'Oil prices ...'), JavaScript style.
_SINGLE_QUOTED = re.compile(r"(:\s*)'((?:[^'\\\n]|\\.)*)'(\s*[,}\]])")
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def read_jsonld(scripts: Iterable[HtmlElement]) -> tuple[list[dict[str, Any]], list[str]]:
    """All JSON-LD objects of the page's ``<script>`` elements, flattened, and warnings about
    scripts that did not parse."""
    objects: list[dict[str, Any]] = []
    warnings: list[str] = []
    for script in scripts:
        kind = (script.get("type") or "").strip().lower()
        if kind != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip():
            continue
        if len(raw) > MAX_SCRIPT_CHARS:
            warnings.append(f"jsonld: skipped a script of {len(raw)} characters")
            continue
        data = parse_lenient(raw)
        if data is None:
            warnings.append("jsonld: a script is not valid JSON even after repairs; ignored")
            continue
        for obj in flatten(data):
            if len(objects) >= MAX_OBJECTS:
                warnings.append(f"jsonld: more than {MAX_OBJECTS} objects; the rest ignored")
                return objects, warnings
            objects.append(obj)
    return objects, warnings


def parse_lenient(raw: str) -> Any:
    """``json.loads`` with repairs for the usual breakage; ``None`` when nothing parses."""
    text = raw.strip()
    candidates = _repairs(text) if len(text) <= MAX_REPAIR_CHARS else iter([text])
    for candidate in candidates:
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            pass
        several = _several(candidate)
        if several:
            return several
    return None


def _repairs(text: str) -> Iterator[str]:
    """Ever bolder repairs: each is tried only if the ones before did not parse."""
    yield text
    fixed = _CDATA.sub("", text)
    fixed = _BLOCK_COMMENT.sub("", _LINE_COMMENT.sub("", fixed))
    fixed = _CONTROL.sub(" ", fixed)
    fixed = _TRAILING_COMMA.sub(r"\1", fixed).strip().rstrip(";")
    yield fixed
    # JavaScript habits; these regexes can also touch text inside strings, hence tried last.
    js = _SINGLE_QUOTED.sub(_double_quoted, _TRAILING_COMMENT.sub(r"\1", fixed))
    yield _TRAILING_COMMA.sub(r"\1", js)
    if "&quot;" in fixed or "&#34;" in fixed:
        yield _TRAILING_COMMA.sub(r"\1", html.unescape(fixed))


def _double_quoted(match: re.Match[str]) -> str:
    inner = match.group(2).replace("\\'", "'").replace('"', '\\"')
    return f'{match.group(1)}"{inner}"{match.group(3)}'


def _several(text: str) -> list[Any]:
    """Objects pasted one after the other (``{..}{..}`` or ``{..}\\n{..}``)."""
    decoder = json.JSONDecoder(strict=False)
    out: list[Any] = []
    pos = 0
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n,;":
            pos += 1
        if pos >= len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except ValueError:
            return out if len(out) > 0 and pos >= len(text) else []
        out.append(value)
    return out if len(out) > 1 else []


def flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object with an ``@type`` (and top-level objects) from lists and ``@graph``."""
    if depth > MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from flatten(item, depth + 1)
        return
    if not isinstance(data, dict):
        return
    graph = data.get("@graph")
    if isinstance(graph, list | dict):
        yield from flatten(graph, depth + 1)
    if "@type" in data or depth == 0:
        yield data
    # Articles are sometimes nested as mainEntity / mainEntityOfPage / hasPart of a WebPage.
    for key in ("mainEntity", "hasPart", "itemListElement"):
        inner = data.get(key)
        if isinstance(inner, dict | list):
            yield from flatten(inner, depth + 1)


def types_of(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` names of an object (``@type`` may be a string or a list)."""
    kind = obj.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return {n.rsplit("/", 1)[-1].lower() for n in names if isinstance(n, str)}


def is_article(obj: dict[str, Any]) -> bool:
    return bool(types_of(obj) & ARTICLE_TYPES)


def pick_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The object that describes the article: the first article type with a headline wins."""
    articles = [o for o in objects if is_article(o)]
    with_headline = [o for o in articles if text_of(o.get("headline"))]
    if with_headline:
        return with_headline[0]
    return articles[0] if articles else None


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value: strings, ``{"name": ..}``, ``{"@value": ..}``, lists."""
    if isinstance(value, str):
        cleaned = " ".join(html.unescape(value).split())
        return cleaned or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "url", "@id"):
            found = text_of(value.get(key))
            if found:
                return found
        return None
    if isinstance(value, list):
        for item in value:
            found = text_of(item)
            if found:
                return found
    return None


def urls_of(value: Any) -> list[str]:
    """Image URLs from ``image``: a string, an ImageObject, or a list of either."""
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
        elif isinstance(item, dict):
            found = item.get("url") or item.get("contentUrl") or item.get("@id")
            if isinstance(found, str) and found.strip():
                out.append(found.strip())
    return out


def by_id(objects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Objects by ``@id``, to follow references such as ``"author": {"@id": "…#author"}``."""
    out: dict[str, dict[str, Any]] = {}
    for obj in objects:
        ref = obj.get("@id")
        if isinstance(ref, str) and ref not in out and len(obj) > 1:
            out[ref] = obj
    return out


def resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    """``value`` with bare ``{"@id": …}`` references (also inside a list) replaced by their object."""
    if isinstance(value, list):
        return [resolve(v, index) for v in value]
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
        return index.get(value["@id"], value)
    return value
