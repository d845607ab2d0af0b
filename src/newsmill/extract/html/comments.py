"""Comment sections and comment forms are never the article's body.

A short blog post ("three lines and a picture") has less article-like text than the comment form
under it ("Leave a Reply … Your email address will not be published …" is one long, link-poor
block), and a discussion thread can hold more prose than the post it discusses. Scoring alone then
picks the comments; this module tells them apart by structure: article-like text that is all
inside forms to type into (a <form>, a <textarea>), an element whose class or id names comments, or
one that opens with a heading of a comment section ("Schreibe einen Kommentar", the ``section_cues`` data table). An element that holds the
headline, an <h1> or <main> is a wrapper of the whole post, never a comment section, whatever its
name ("has-comments", an ASP.NET page-wide <form>). (<article> says nothing here: themes wrap each
comment in one.)
"""

from __future__ import annotations

from typing import Any

from newsmill.extract.boilerplate import section_cue
from newsmill.extract.html.walk import Candidate, Walk


def is_comment_section(walk: Walk, c: Candidate, headline: int, ignore: frozenset[int]) -> bool:
    """True when candidate ``c`` is a comment thread or a comment form, not a post."""
    if c.first <= headline < c.last or _holds_post(c.element):
        return False
    reasons = dict(walk.blocks[c.first].flags)
    if any(reasons.get(i) == "comments" for i in c.flags if i not in ignore):
        return True
    first = walk.blocks[c.first]
    if first.kind == "heading" and section_cue(first.text) == "comments":
        return True
    return _all_in_forms(walk, c)


def _all_in_forms(walk: Walk, c: Candidate) -> bool:
    """All article-like text of ``c`` is inside forms to type into (a post with the comment form
    under it, in one <article>, is a post)."""
    el = c.element
    forms = [el] if el.tag == "form" else []
    for area in el.iter("textarea"):
        form = next((a for a in area.iterancestors("form")), None)
        forms.append(form if form is not None else area.getparent())
    if not forms:
        return False
    inside = {id(f) for f in forms}
    for b in walk.blocks[c.first:c.last]:
        if b.good and b.owner is not None and id(b.owner) not in inside \
                and not any(id(a) in inside for a in b.owner.iterancestors()):
            return False
    return True


def _holds_post(el: Any) -> bool:
    for _ in el.iter("h1", "main"):
        return True
    return False
