"""Types that the words around a name give it (issue 15, class 4), and that then hold for every
mention of the same name in the article.

* **Teams.** A town or state that plays: before a team's record ("Palm Bay (1-0)"), or on either
  side of a result verb in a sentence with a score ("Eastern Michigan rolled past Northern Illinois,
  45-17"; "gegen Königsberg ... 2:1") is the team, an organisation (docs/annotation.md). Countries stay
  places: "Wales beat Hungary" are the countries acting.
* **Companies.** A "person" or "place" in apposition with a company noun ("Ascom, a global solutions
  provider"; "Dräger, a global producer of ...") is the company.
* **Products.** A "place" or one-word "person" that no gazetteer knows, before or after a product
  noun ("the MEB platform", "the Orion spacecraft", "game streaming service, Stadia,") is a product:
  MISC. A known place before such a noun is left alone ("a California drug company").

A one-word "person" that is a place the article names, inflected ("Brandenburgs"), is that place;
a "person" or "organisation" written as a town before its state ("Hawthorne, California") is the town.

The nouns and verbs are the ``result_verbs``, ``company_nouns`` and ``product_nouns`` of
``entities.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsmill.extract.lexicon import read_table
from newsmill.patterns import alternation

Span = tuple[int, int, str]

# How far a company noun may stand from the name in an apposition ("Ascom, a global solutions provider").
_APPOSITION_WORDS = 4
# Scores a text needs to be a sports report, where a town's name before a team's noun is the team.
SPORTS_MIN_SCORES = 2
# A sentence's start before its subject (an article allowed: "The Doobie Brothers are a band").
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n)(?:The )?$")
# Characters before a name read for the noun of a group ("the rock band ").
_GROUP_REACH = 24
# Characters before a name read for a word that introduces a team.
_CUE_REACH = 16
# Characters of a sentence read around a result verb for the score.
_SENTENCE_REACH = 200


@lru_cache(maxsize=4)
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    row = read_table("entities").get(language) or {}
    out: dict[str, re.Pattern[str]] = {}
    verbs, companies, products = row.get("result_verbs"), row.get("company_nouns"), row.get("product_nouns")
    if verbs:
        # a score may stand between the verb and the other team: "drew 1-1 with Liverpool"
        links = rf"(?:\s+(?:{alternation(row['result_links'])}))?" if row.get("result_links") else ""
        out["verb"] = re.compile(rf"^\s+(?:{alternation(verbs)})(?:\s+\d{{1,3}}[-:–]\d{{1,3}}{links})?\s+$",
                                 re.IGNORECASE)
    if companies:
        out["company"] = re.compile(
            rf",\s+(?:an?|the|one of the)\s+(?:[\w-]+\s+){{0,{_APPOSITION_WORDS}}}?(?:{alternation(companies)})\b",
            re.IGNORECASE)
        # "Eberhard Faber is a brand of ...", not "Smith is a company spokesman" nor "a member of the band"
        out["company_is"] = re.compile(
            rf"\s+(?:is|was)\s+(?:an?|the|one of the)\s+(?:(?!of\b)[\w-]+\s+){{0,3}}?(?:{alternation(companies)})"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:of|that|which|based|in|with|founded|owned|from|for|and|headquartered)\b)",
            re.IGNORECASE)
    groups = row.get("group_nouns")
    if groups:
        # "the band Gigi", "his current band, Gigi,", "die Band Tokio Hotel"; English writes the noun in lower case
        out["group_before"] = re.compile(rf"(?<![\w-])(?:{alternation(groups)}),?\s+$",
                                         re.IGNORECASE if language == "de" else 0)
    if products:
        nouns = alternation(products)
        out["product_after"] = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)
        out["product_before"] = re.compile(rf"\b(?:{nouns}),?\s+$", re.IGNORECASE)
    teams, cues = row.get("team_nouns"), row.get("team_cues")
    if teams and cues:
        words = [*teams, *row.get("team_verbs", ())]  # "Minnesota’s game", "Buffalo scored twice"
        out["team_after"] = re.compile(rf"(?:['’]s)?\s+(?:{alternation(words)})\b")
        out["team_before"] = re.compile(rf"\b(?:{alternation(cues)})\s+(?:the\s+)?$")
    out["record"] = re.compile(r"\s*\(\d{1,2}-\d{1,2}(?:-\d{1,2})?[,)]")
    out["score"] = re.compile(r"\b\d{1,3}:\d{1,3}\b" if language == "de" else r"\b\d{1,3}-\d{1,3}\b")
    return out


def context_types(text: str, spans: list[Span], language: str) -> list[Span]:
    """``spans`` with teams, companies and products typed by the words around them, each decision
    carried to the other mentions of the same name."""
    pats = _patterns(language)
    decided: dict[tuple[str, str], str] = {}  # (mention, old label) → new label
    sports = len(pats["score"].findall(text)) >= SPORTS_MIN_SCORES
    # the surnames of people the article names in full: a product noun before one mention
    # ("custom iOS apps, Cook told Benioff") does not make Tim Cook a product in all of them
    surnames = {text[s:e].rsplit(" ", 1)[-1] for s, e, label in spans if label == "PER" and " " in text[s:e]}
    for i, (start, end, label) in enumerate(spans):
        mention = text[start:end]
        new = _team(text, spans, i, pats, language, sports) or _company(text, start, end, label, pats) or (
            None if label == "PER" and mention in surnames else _product(text, start, end, label, pats, language))
        if new is not None and new != label:
            decided[(mention, label)] = new
    out = [(s, e, decided.get((text[s:e], label), label)) for s, e, label in spans] if decided else spans
    out = _towns_of_states(text, out, language)
    return _team_towns(text, _brand_products(text, _inflected_places(text, out, language), language), language)


def _team_towns(text: str, spans: list[Span], language: str) -> list[Span]:
    """English names a team by its town and nickname ("Cleveland Browns", "Minnesota Vikings"): in
    an article that does, the town alone is the team ("Cleveland really doesn't have ..."), except
    after a preposition of place ("in Cleveland")."""
    if language != "en":
        return spans
    from newsmill.enrich.entities.canonical import word_before
    from newsmill.enrich.entities.lexicon import word_classes

    classes = word_classes(language)
    keep = {*classes.org_heads, *_row_words(language, "org_words"), *_row_words(language, "trailing_heads"),
            *_row_words(language, "venue_heads"), *_row_words(language, "member_nouns")}
    towns: set[str] = set()
    for s, e, label in spans:
        words = text[s:e].split()
        nickname = words[-1]
        if label == "ORG" and len(words) > 1 and nickname.endswith("s") and nickname[:1].isupper() \
                and nickname[1:].islower() and nickname.lower() not in keep and _known_place(" ".join(words[:-1]), language):
            towns.add(" ".join(words[:-1]))
    if not towns:
        return spans
    return [(s, e, "ORG" if label == "LOC" and text[s:e] in towns
             and word_before(text, s) not in classes.locative_prepositions else label) for s, e, label in spans]


def _towns_of_states(text: str, spans: list[Span], language: str) -> list[Span]:
    """A "person" or "organisation" right before ", <state or country>" that the gazetteer knows as a
    town of that country is the town, written as addresses are: "SpaceX, Hawthorne, California",
    "Ceres Robotics, Palo Alto, California" ("Ron Wyden, Oregon" names no town)."""
    from newsmill.enrich.places.gazetteer import gazetteer

    out = list(spans)
    for i in range(len(out) - 1):
        start, end, label = out[i]
        after = out[i + 1]
        if label not in ("PER", "ORG") or after[2] != "LOC" or text[end:after[0]] != ", ":
            continue
        gaz = gazetteer()
        area = gaz.state(text[after[0]:after[1]]) or gaz.country(text[after[0]:after[1]], language)
        town = gaz.lookup(text[start:end], language, (area.country,)) if area is not None and area.country else None
        if town is not None and town.kind == "city":
            out[i] = (start, end, "LOC")
    return out


def _brand_products(text: str, spans: list[Span], language: str) -> list[Span]:
    """An "organisation" that is an organisation of the article and more capitalised words, none of
    them an organisation's word, a legal form, a compass word or a place, is its product: "VW Atlas
    Cross Sport", "Google Chrome", "Amazon Music Unlimited" (not "Nissan North America", "Amnesty
    International", "BSV Bern")."""
    from newsmill.enrich.entities.lexicon import word_classes

    brands = {text[s:e] for s, e, label in spans if label == "ORG" and " " not in text[s:e]}
    if not brands:
        return spans
    classes = word_classes(language)
    keep = {*classes.org_heads, *(x.lower().rstrip(".") for x in classes.company_suffixes), *classes.compass,
            *_row_words(language, "org_words"), *_row_words(language, "trailing_heads"),
            *_row_words(language, "venue_heads")}
    out: list[Span] = []
    for s, e, label in spans:
        words = text[s:e].split()
        parts = [p.lower().rstrip(".") for w in words[1:] for p in w.split("-")]  # "Post-Gazette"
        if label == "ORG" and len(words) > 1 and words[0] in brands and words[0] not in classes.club_prefixes \
                and not _town_and_nickname(words, language) \
                and not text[s:e].isupper() and all(w[:1].isupper() for w in words[1:]) \
                and not any(p in keep or p.endswith(classes.org_heads) for p in parts) \
                and not any(_known_place(w, language) for w in words[1:]):
            label = "MISC"
        out.append((s, e, label))
    return out


def _town_and_nickname(words: list[str], language: str) -> bool:
    """A town and a plural nickname is a team ("Pittsburgh Steelers", "Cleveland Browns"), not a product."""
    nickname = words[-1]
    return len(words) > 1 and nickname.endswith("s") and nickname[:1].isupper() and nickname[1:].islower() \
        and _known_place(" ".join(words[:-1]), language)


@lru_cache(maxsize=8)
def _row_words(language: str, key: str) -> frozenset[str]:
    row = read_table("entities").get(language) or {}
    return frozenset(row.get(key, ()))


def _inflected_places(text: str, spans: list[Span], language: str) -> list[Span]:
    """A one-word "person" whose base form the article names as a place, and no full name of the
    article contains, is that place inflected: "Brandenburg" … "den Jägern Brandenburgs"."""
    from newsmill.enrich.morphology import base_forms

    places = {text[s:e] for s, e, label in spans if label == "LOC"}
    named = {w for s, e, label in spans if label == "PER" and " " in text[s:e] for w in text[s:e].split()}
    out: list[Span] = []
    for s, e, label in spans:
        mention = text[s:e]
        if label == "PER" and " " not in mention and mention not in named and any(
                f in places and f not in named for f in base_forms(mention, language)[1:]):
            label = "LOC"
        out.append((s, e, label))
    return out


def _team(text: str, spans: list[Span], i: int, pats: dict[str, re.Pattern[str]], language: str,
          sports: bool) -> str | None:
    start, end, label = spans[i]
    if label != "LOC" or _venue(text[start:end], language):
        return None  # "at Heinz Field": the ground, not a team
    after, before = pats.get("team_after"), pats.get("team_before")
    if sports and after is not None and before is not None and (
            after.match(text, end) or before.search(text, max(0, start - _CUE_REACH), start)) \
            and not _nation(text[start:end], language):
        return "ORG"  # in a report with scores: "Minnesota’s game", "against Wisconsin" (a US state's team)
    if _country(text[start:end], language):
        return None
    if pats["record"].match(text, end):
        return "ORG"  # "Palm Bay (1-0):"
    verb = pats.get("verb")
    if verb is None:
        return None
    for j in (i - 1, i + 1):  # the other side of a result verb, itself a team or place
        if not 0 <= j < len(spans) or spans[j][2] not in ("LOC", "ORG"):
            continue
        left, right = (spans[j], spans[i]) if j < i else (spans[i], spans[j])
        if verb.match(text[left[1]:right[0]]) and _score_near(text, left[0], right[1], pats["score"]):
            return "ORG"
    return None


def _score_near(text: str, start: int, end: int, score: re.Pattern[str]) -> bool:
    """A score in the same sentence, before or after the two teams."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - _SENTENCE_REACH)
    stops = [k for k in (text.find(". ", end), text.find("\n", end)) if k >= 0]
    hi = min([*stops, end + _SENTENCE_REACH])
    return score.search(text, max(0, lo), hi) is not None


def _venue(mention: str, language: str) -> bool:
    return " " in mention and mention.rsplit(" ", 1)[-1].lower() in _row_words(language, "venue_heads")


def _company(text: str, start: int, end: int, label: str, pats: dict[str, re.Pattern[str]]) -> str | None:
    if label not in ("PER", "LOC"):
        return None
    pattern, opening = pats.get("company"), pats.get("company_is")
    if pattern is not None and pattern.match(text, end):
        return "ORG"
    if opening is not None and opening.match(text, end) and _OPENS_SENTENCE.search(text, max(0, start - 6), start):
        return "ORG"  # the subject of the sentence: not "Al-Qaeda in Afghanistan was a group"
    group = pats.get("group_before")
    if group is not None and group.search(text, max(0, start - _GROUP_REACH), start):
        return "ORG"  # a band, a label, a militant group: an organisation (docs/annotation.md)
    return None


def _product(text: str, start: int, end: int, label: str, pats: dict[str, re.Pattern[str]],
             language: str) -> str | None:
    after, before = pats.get("product_after"), pats.get("product_before")
    if after is None or before is None or label not in ("PER", "LOC"):
        return None
    mention = text[start:end]
    last = mention.rsplit(" ", 1)[-1]
    if " " in mention and last.islower() and before.search(last + " ") is not None:
        return "MISC"  # the product noun inside the span: "Ford sedan"
    if label == "PER" and " " in mention or _known_place(mention, language):
        return None
    if after.match(text, end) or before.search(text, max(0, start - 40), start):
        return "MISC"
    return None


def _country(mention: str, language: str) -> bool:
    from newsmill.enrich.entities.kinds import country_like

    return country_like(mention, language)


def _nation(mention: str, language: str) -> bool:
    """A country or continent: its team is written as the country (docs/annotation.md)."""
    from newsmill.enrich.places.gazetteer import gazetteer
    from newsmill.enrich.places.regions import is_region

    rec = gazetteer().exact(mention, language)
    return rec is not None and rec.kind in ("country", "continent") or is_region(mention)


def _known_place(mention: str, language: str) -> bool:
    from newsmill.enrich.places.gazetteer import gazetteer
    from newsmill.enrich.places.regions import is_region

    return gazetteer().lookup(mention, language) is not None or is_region(mention) or _country(mention, language)
