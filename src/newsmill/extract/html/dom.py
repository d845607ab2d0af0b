"""Parse an HTML page once into an lxml.html tree, bounded in depth and robust to bad markup."""

from __future__ import annotations

import re
import threading
from typing import Any

# libxml2 refuses to nest deeper than 256 levels (2048 with huge_tree) and silently drops the rest
# of the page; such pages are flattened by a linear pre-pass before parsing again.
_DEPTH_ERROR = "Excessive depth"
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>")
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


def parse_html(text: str, max_depth: int, warnings: list[str]) -> Any | None:
    """The page as an lxml.html element tree (the <html> root), or None when nothing parses."""
    root, deep = _parse(text)
    if deep:
        warnings.append(f"depth: DOM nested deeper than the parser allows, flattened below {max_depth} levels")
        root, _ = _parse(flatten_deep(text.replace("\x00", ""), max_depth))
    return root


_PARSERS = threading.local()  # lxml parsers must not be shared between threads


def _parser() -> Any:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        import lxml.etree
        import lxml.html

        parser = lxml.html.HTMLParser(
            encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True, no_network=True
        )
        # lxml.html picks each element's class with a Python callback (forms, inputs, labels); one
        # class for all is set in C and keeps every HtmlElement method (text_content, ...).
        parser.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
        ))
        _PARSERS.parser = parser
    return parser


def _parse(text: str) -> tuple[Any | None, bool]:
    import lxml.etree

    parser = _parser()  # one per thread, reused: its error log is reset by every parse
    # NUL bytes end libxml2's input; removed from the UTF-8 bytes (a C scan) rather than from the
    # str, which costs a wide-character scan of the whole page.
    data = text.encode("utf-8", errors="replace")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None, False
    deep = any(_DEPTH_ERROR in e.message for e in parser.error_log)
    return root, deep


# Never visible as page text; removed in one C call once the metadata has been read from them.
INVISIBLE_TAGS = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "audio", "video", "head", "link", "meta", "base",
)


def strip_invisible(root: Any) -> None:
    """Remove scripts, styles, the <head> and other invisible subtrees (keeping their tails)."""
    import lxml.etree

    lxml.etree.strip_elements(root, *INVISIBLE_TAGS, with_tail=False)


def flatten_deep(text: str, max_depth: int) -> str:
    """Drop the tags (not the text) of elements nested deeper than ``max_depth``; linear time."""
    depth = 0
    dropped = 0

    def visit(m: re.Match[str]) -> str:
        nonlocal depth, dropped
        closing, name, rest = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or rest.endswith("/"):
            return m.group(0)
        if closing:
            if dropped:
                dropped -= 1
                return " "
            depth = max(0, depth - 1)
            return m.group(0)
        if depth >= max_depth:
            dropped += 1
            return " "
        depth += 1
        return m.group(0)

    return _TAG.sub(visit, text)
