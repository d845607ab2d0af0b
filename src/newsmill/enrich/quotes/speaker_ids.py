"""Speaker ids: the entity a resolved speaker names, or an id of its own kind, or none.

A reader sees speakers in facets and follows their ids across articles, so an id must say what
the speaker is: a person (``per:``) or an organisation (``org:``). The entity recogniser misses
or mislabels some organisations ("MarketAxess said"), and a company name is no person; a speaker
that no first name marks as a person and that the article shows to be an organisation (a company
suffix or head noun, a company noun beside its name, the recogniser's ORG label on another
mention, or a source phrase "a report in X") gets an organisation id.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsmill.article import Entity, Quote
from newsmill.enrich.entities.canonical import is_acronym
from newsmill.enrich.entities.lexicon import common_nouns, word_classes
from newsmill.enrich.person_ids import canonical_id
from newsmill.enrich.quotes.lexicon import QuoteLexicon, load_first_names

# Entity labels a speaker can be: people and organisations.
SPEAKER_LABELS = ("PER", "ORG")
# Lower-case name particles are this short: "de Maizière", "von der Leyen", "van Gogh".
MAX_NAME_PARTICLE = 3
# Words a company noun may stand before a name ("the bond trading platform MarketAxess") or
# after it in apposition ("MarketAxess, the electronic trading platform").
MAX_CONTEXT_WORDS = 3
# Characters read on either side of a name for those words.
CONTEXT_CHARS = 80


def link_speakers(quotes: list[Quote], entities: list[Entity], lex: QuoteLexicon, text: str = "") -> None:
    """Give each speaker the id (and canonical name) of the entity it names: one with the same
    canonical name, else the entity under the speaker's span when that is the one the speaker
    names; else an id of its own name. A speaker left as a pronoun or a role noun ("sie", "the
    minister") names no one in particular and gets no id: one id would make every "sie" of the
    corpus one person. ``text`` (the article's) is read for evidence that a name is an organisation."""
    by_name = {e.name: e for e in entities if e.label in SPEAKER_LABELS and e.id}
    for quote in quotes:
        spk = quote.speaker
        if spk is None or spk.id:
            continue
        name = spk.name or spk.text
        # the entity the speaker was resolved to first ("die Fraktionschefin der Grünen, Renate Künast"
        # is Künast, not the party under its span), else the one under its span that it names
        # a role phrase left unresolved is not the person in it ("a lawyer for John Smith")
        labels = ("ORG",) if _role_phrase(name, lex) else SPEAKER_LABELS
        ent = by_name.get(name) or next((e for e in entities if e.label in labels and e.id
                                         and e.start < spk.end and spk.start < e.end
                                         and _names_same(name, spk.text, e.name)), None)
        if ent is None or (ent.label == "ORG" and len(name.split()) > 1 and not _org_evidence(name, "", [], text, lex)):
            # "Cook" when the article names Tim Cook; "Van Der Beek" (taken for an organisation
            # there) when it names James Van Der Beek
            ent = _only_person_with(name, entities) or ent
        if ent is not None and ent.label == "PER" and _fuller(name, ent.name or ""):
            # "Irme Stetter-Karp", resolved from the article, for the recogniser's "Stetter-Karp"
            spk.id = canonical_id("PER", name)
        elif ent is not None:
            spk.id, spk.name = ent.id, ent.name
            if ent.label == "PER" and not _known_person(ent.name or name, entities) \
                    and _org_evidence(ent.name or name, spk.text, entities, text, lex):
                spk.id = canonical_id("ORG", ent.name or name)  # a company the recogniser took for a person
        elif len(name.split()) == 1 and name[:1].isupper() and not name.isupper() \
                and _org_evidence(name, spk.text, entities, text, lex):
            spk.id = canonical_id("ORG", name)  # "MarketAxess said", the company named elsewhere as one
        elif not _unresolved(name, lex):
            # an acronym the recogniser missed ("OECD", "ADAC") is far more often an organisation
            # than a person, and then shares the id its recognised mentions get elsewhere
            org = is_acronym(name) or (not _known_person(name, entities) and _org_evidence(name, spk.text, entities, text, lex))
            spk.id = canonical_id("ORG" if org else "PER", name)


def _fuller(name: str, entity_name: str) -> bool:
    """``name`` is ``entity_name`` with given names before it: "Irme Stetter-Karp" for "Stetter-Karp"."""
    words, short = name.split(), entity_name.split()
    return len(short) == 1 and len(words) > 1 and words[-1] == short[0]


def _names_same(name: str, text: str, entity_name: str) -> bool:
    # "CPUC President Marybel Batjer" resolved to Batjer is not CPUC, the entity under its span
    if name == text:
        return True
    words, other = set(name.split()), set(entity_name.split())
    return bool(words) and (words <= other or other <= words)


def _only_person_with(name: str, entities: list[Entity]) -> Entity | None:
    """The one person of the article whose full name ends with ``name`` (or, for one word, begins
    with it): "Cook" for Tim Cook, "Van Der Beek" for James Van Der Beek."""
    words = name.split()
    if not words:
        return None
    found = {}
    for e in entities:
        full = (e.name or "").split()
        if e.label != "PER" or not e.id or len(full) <= len(words):
            continue
        if full[-len(words):] == words or (len(words) == 1 and full[0] == words[0]):
            found[e.id] = e
    return next(iter(found.values())) if len(found) == 1 else None


def _known_person(name: str, entities: list[Entity]) -> bool:
    """A name that says it is a person's: a known first name or an initial opens it ("Ana Diaz",
    "C.Y. Leung"), or it is the surname of a person the article names in full."""
    words = name.split()
    if len(words) >= 2 and (words[0] in load_first_names() or re.fullmatch(r"(?:[A-Z]\.)+", words[0])):
        return True
    return any(e.label == "PER" and len((e.name or "").split()) > len(words) and (e.name or "").split()[-len(words):] == words
               and (e.name or "").split()[0] in load_first_names() for e in entities)


def _org_evidence(name: str, spk_text: str, entities: list[Entity], text: str, lex: QuoteLexicon) -> bool:
    """The article shows ``name`` to be an organisation."""
    words = name.split()
    if not words:
        return False
    classes = word_classes(lex.language)
    last = words[-1].lower()
    if len(words) > 1 and (last in classes.org_heads or (not lex.lowercase_nouns and last.endswith(classes.org_heads))):
        return True  # "Marvel Studios", "Deutscher Fußballbund"
    if words[-1] in classes.company_suffixes or name in classes.platforms:
        return True  # "Acme Inc.", "YouTube"
    if any(e.label == "ORG" and (name in (e.name, e.text) or (len(words) > 1 and (e.name or "").startswith(name + " ")))
           for e in entities):
        return True  # the recogniser took another mention for an organisation ("Big Machine Label Group")
    if lex.lowercase_nouns and spk_text.endswith(name) and len(words) > 1:
        lead = spk_text[: -len(name)].split()
        if lead and lead[-1].lower() in lex.definite_articles and all(w[:1].isupper() for w in words):
            return True  # "The Hollywood Reporter": where nouns are lower-case, a person's name takes no article
    if spk_text and spk_text != name and spk_text.endswith(name):
        lead = spk_text[: -len(name)].split()
        if any(w.lower() in lex.source_nouns for w in lead):
            return True  # "a report in the Argus Leader": the source is a publication
    return bool(text) and _company_context(name, text, lex)


def _company_context(name: str, text: str, lex: QuoteLexicon) -> bool:
    """A company noun right before the name, maybe with capitalised words between ("the trading
    platform MarketAxess", "tech giant Apple Inc"), or in an apposition after it ("MarketAxess,
    the bond trading platform,"; not "X, the company's chief executive", a person)."""
    nouns = _context_nouns(lex.language)
    if not nouns:
        return False
    articles = lex.naming_words | lex.definite_articles
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            before = text[max(0, at - CONTEXT_CHARS) : at].split()
            k, skipped = len(before) - 1, 0
            while k >= 0 and skipped < MAX_CONTEXT_WORDS - 1 and before[k][:1].isupper() and before[k].lower() not in nouns:
                k, skipped = k - 1, skipped + 1
            if k >= 0 and before[k].lower() in nouns:
                return True
            if text.startswith(",", end):
                words = text[end + 1 : end + CONTEXT_CHARS].split()[: MAX_CONTEXT_WORDS + 1]
                if words and words[0].lower() in articles:
                    for word in words[1:]:
                        core = word.rstrip(",.;:)")
                        if core.lower() in nouns:
                            return True
                        if core != word or core.endswith(lex.possessive_endings or ("\0",)):
                            break  # the apposition ended, or a possessive: "the company's chief"
        at = text.find(name, at + 1)
    return False


@lru_cache(maxsize=8)
def _context_nouns(language: str) -> frozenset[str]:
    from newsmill.enrich.quotes.lexicon import load_lexicon

    lex = load_lexicon(language)
    return frozenset(n.lower() for n in lex.org_kind_nouns | lex.org_context_nouns)


def _unresolved(name: str, lex: QuoteLexicon) -> bool:
    words = name.split()
    if not words:
        return True
    if name in lex.speaker_pronouns or name.lower() in lex.speaker_pronouns:
        return True
    # a determiner and a role or group noun, or a lower-case phrase: "die Ministerin", "the agency"
    if all(w.islower() for w in words):
        return True
    first = words[0]
    if len(words) == 1 and (first in lex.role_nouns or _role_or_group(first.lower(), lex)):
        return True  # a role or group noun left unresolved ("CEO", "Polizei"), however it is written
    if len(words) == 1 and first.isalpha() and not first.isupper():
        # one word the recogniser did not take for a name (its entities were matched above): the
        # head of a phrase cut short ("Health" of "Health bosses said") more often than a person
        return True
    if any(w.islower() and _role_or_group(w, lex) for w in words[1:]):
        return True  # a description with its role noun, not a name: "Austria's interior minister", "Health bosses"
    if first[:1].isupper() and "-" in first and first.rsplit("-", 1)[-1][:1].islower() and len(words) > 1:
        return True  # "Bush-era whistleblower", "Trump-appointed judge": described by a name, not named
    if any(w[:1].isdigit() for w in words[:3]):
        return True  # "56-jährige Anwältin", "35-year-old", "Rund 37 Prozent der Befragten": people by age or share
    if first.lower() in lex.according_adverbs:
        return True  # "Wonach" with no one cited before it
    if first[:1].islower() and len(first) > MAX_NAME_PARTICLE and "-" not in first:
        return True  # an adjective opens it ("eigenen Angaben", "italienischen Polizei"); "de Maizière" is a name
    if first.rsplit("-", 1)[-1].lower() in common_nouns(lex.language):
        # a German common noun opens the name left as written ("Floristin", "Spa-Kennerin", "Umfragen",
        # "Beantwortung der Frage"): a role or a source no entity names; a surname that is also a noun
        # ("Richter") came as an entity and kept its id above
        return True
    return words[0].lower() in lex.determiners and words[-1].lower() in lex.speaker_nouns


def _role_phrase(name: str, lex: QuoteLexicon) -> bool:
    """A description by a lower-case role noun: "lawyer for John Smith", "wife of the minister"."""
    return any(w.islower() and w in lex.role_nouns for w in name.split())


def _role_or_group(word: str, lex: QuoteLexicon) -> bool:
    return word in lex.speaker_nouns or any(word.endswith(e) and word[: -len(e)] in lex.speaker_nouns
                                            for e in lex.plural_endings)
