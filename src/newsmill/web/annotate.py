"""The article text as HTML with its entities, places, quotes and time expressions marked.

Everything from the article is escaped; only the marks this module writes are markup. Spans are
nested where they nest (a name inside a quote); a span that would cross another's edge, or a block's
edge, is left unmarked rather than producing broken markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from newsmill.article import Article

BLOCK_TAGS = {"heading": "h2", "quote": "blockquote", "list_item": "li", "table": "pre", "code": "pre"}


@dataclass
class Mark:
    start: int
    end: int
    css: str  # class: per, org, loc, misc, place, quote, time
    title: str  # what a hover or focus shows: the normalised value
    href: str = ""


def marks_of(article: Article) -> list[Mark]:
    out: list[Mark] = []
    for q in article.quotes:
        who = f"{q.speaker.name} — " if q.speaker and q.speaker.name else ""
        cue = f" ({q.cue.text})" if q.cue else ""
        # each part of an interrupted quotation: the attribution between them is not the quote
        out += [Mark(p.start, p.end, "quote", f"{who}{q.kind} quote{cue}") for p in q.pieces()]
    place_spans = {(p.start, p.end) for p in article.places}
    for p in article.places:
        where = ", ".join(x for x in (p.country, f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None
                                      and p.lon is not None else "") if x)
        out.append(Mark(p.start, p.end, "place", f"{p.name} ({where})" if where else p.name,
                        f"/entities/{p.id}" if p.id else ""))
    for e in article.entities:
        if (e.start, e.end) in place_spans:
            continue  # the place says more (coordinates, country)
        out.append(Mark(e.start, e.end, e.label.lower(), f"{e.label}: {e.name}",
                        f"/entities/{e.id}" if e.id else ""))
    for t in article.times:
        out.append(Mark(t.start, t.end, "time", t.value))
    return out


def annotated(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` escaped, with the marks that lie wholly inside it as nested spans."""
    end = len(text) if end is None else end
    inside = sorted((m for m in marks if start <= m.start < m.end <= end), key=lambda m: (m.start, -m.end))
    out: list[str] = []
    stack: list[Mark] = []
    pos = start
    for m in inside:
        while stack and stack[-1].end <= m.start:
            top = stack.pop()
            out.append(escape(text[pos:top.end]) + _close(top))
            pos = top.end
        if stack and m.end > stack[-1].end:
            continue  # crosses the edge of the span it starts in
        if m.href and any(s.href for s in stack):  # no link inside a link
            m = Mark(m.start, m.end, m.css, m.title)
        out.append(escape(text[pos:m.start]))
        tip = escape(m.title)
        if m.href:
            out.append(f'<a class="m {m.css}" href="{escape(m.href)}" title="{tip}">')
        else:
            out.append(f'<span class="m {m.css}" tabindex="0" title="{tip}">')
        pos = m.start
        stack.append(m)
    while stack:
        top = stack.pop()
        out.append(escape(text[pos:top.end]) + _close(top))
        pos = top.end
    out.append(escape(text[pos:end]))
    return Markup("".join(out))


def _close(m: Mark) -> str:
    return "</a>" if m.href else "</span>"


def article_html(article: Article) -> list[tuple[str, Markup]]:
    """(tag, inner HTML) per block, lead first, each annotated where its text lies in ``article.text``."""
    marks = marks_of(article)
    parts = ([("lead", article.lead)] if article.lead else []) + [(b.kind, b.text) for b in article.blocks]
    out: list[tuple[str, Markup]] = []
    cursor = 0
    for kind, text in parts:
        if not text:
            continue
        at = article.text.find(text, cursor)
        tag = "p class=lead" if kind == "lead" else BLOCK_TAGS.get(kind, "p")
        if at < 0:  # a block not in the text (should not happen): shown plain
            out.append((tag, Markup(escape(text))))
            continue
        out.append((tag, annotated(article.text, marks, at, at + len(text))))
        cursor = at + len(text)
    if not out and article.text:
        out.append(("p", annotated(article.text, marks)))
    return out
