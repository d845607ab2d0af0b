"""Speaker mentions next to a cue, and their names through entities, pronouns and role nouns."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from newsmill.article import Entity, Speaker
from newsmill.enrich.entities.canonical import is_acronym
from newsmill.enrich.entities.lexicon import common_nouns, word_classes
from newsmill.enrich.morphology import base_forms
from newsmill.enrich.quotes.lexicon import QuoteLexicon, load_first_names
from newsmill.enrich.quotes.person_names import (
    after_dateline,
    genitive_base,
    name_tables,
    news_agencies,
    with_particles,
)
from newsmill.enrich.quotes.text import Token

# A speaker noun phrase longer than this has run past the subject into the rest of the clause.
MAX_SPEAKER_TOKENS = 12
# How many adverbials ("am Montag", "gegenüber der Zeitung") may stand between a cue verb and
# its inverted subject: German puts one or two there, more means the subject is elsewhere.
MAX_SKIPPED_PHRASES = 2
# Tokens a skipped prepositional phrase may span before we give up on it.
MAX_PHRASE_TOKENS = 5
SPEAKER_LABELS = ("PER", "ORG")
# Role nouns shorter than this are not matched as the end of a compound ("Rat" in "Zierat").
MIN_ROLE_SUFFIX = 5
# Lower-case name particles before a hyphen ("el-", "al-", "ad-") are at most this long.
MAX_NAME_PARTICLE = 3
# Resolved speakers searched back for a pronoun's antecedent; a pronoun refers a few sentences back
# at most, and the bound keeps long texts linear.
MAX_LOOKBACK = 32
# Tokens between a sentence-initial subject and a late cue ("X wird von Reuters mit den Worten
# zitiert"); more means the noun phrase was not the subject of the cue.
MAX_PREFIELD_REST = 10
# Tokens of prepositional phrases before a verb-second clause's finite verb that are read past
# to its subject ("Am Rande einer Sitzung des Landtages in Hannover nahm …"); more is no prefield.
MAX_PREFIELD_TOKENS = 14
# A pronoun continues the last speaker rather than a person mentioned after it unless that person
# came more than this many characters (two or three sentences) later: "Polizeichef Williams forderte
# Steve S. auf, sich zu stellen. Die Tat bezeichnete er als sinnlos." — "er" is Williams.
SPEAKER_PREFERENCE_CHARS = 400
# Tokens of a participle phrase between an article and its noun ("einer am Dienstag veröffentlichten").
MAX_ATTRIBUTE_TOKENS = 8
# Lower-case words between an employer and a name that may hold the role: "recently named executive chair".
MAX_ROLE_WORDS = 4
# Characters after a role phrase within which the person it refers to may be introduced, when the
# article names them later ("Austria's interior minister said … Interior Minister Wolfgang Peschorn").
MAX_FORWARD_ROLE_CHARS = 1500
# "the company" is the organisation named most only when it is named this many times as often as the next.
ORG_DOMINANCE = 2
# Acronyms spelt out by an organisation the article names ("WHO", "DEA"): two to six capitals.
# Words after "Name," that may hold its role in apposition: "Ana Diaz, the city's new mayor,".
MAX_APPOSITION_TOKENS = 5
# Words before a name that opens its sentence as its title, employer or role ("Wild defenseman Ryan Suter").
MAX_SUBJECT_PREMODIFIERS = 4
# Tokens after a name within which a gendered pronoun in its sentence tells the person's gender.
MAX_COREFERENT_TOKENS = 12
# Times an article must write an unknown capitalised word before a surname to take it for the first name.
MIN_UNKNOWN_GIVEN = 2
# First names are shorter than this; longer capitalised words before a surname are titles ("Landesjägermeister").
MAX_GIVEN_CHARS = 10
# Tokens searched back for the start of a sentence; a longer one is not read for its subject.
MAX_SENTENCE_TOKENS = 80


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    name: str
    label: str


def _capitalised(tok: Token) -> bool:
    """A capitalised word, or a name with a lower-case particle: "el-Baradei", "al-Assad"."""
    text = tok.text
    if text[:1].isupper():
        return True
    head, dash, rest = text.partition("-")
    return bool(dash) and len(head) <= MAX_NAME_PARTICLE and rest[:1].isupper()


def adverb_like(word: str, endings: tuple[str, ...]) -> bool:
    """Sentence-initial capitals that are adverbs, not names: "Langfristig", "Offiziell"."""
    return word.lower().endswith(endings)


def _initials(word: str) -> bool:
    """"C.Y.", "J.": letters each followed by a dot."""
    return len(word) >= 2 and word.endswith(".") and all(p.isalpha() and len(p) == 1 and p.isupper() for p in word[:-1].split("."))


def _is_domain(word: str) -> bool:
    """News sites as sources: "t-online.de", "ndr.de", "spiegel.de"."""
    return "." in word and word.rsplit(".", 1)[-1] in ("de", "com", "org", "net", "at", "ch", "uk", "eu")


class SpeakerFinder:
    """Finds the speaker phrase around a cue and resolves it to a name."""

    def __init__(self, text: str, tokens: list[Token], entities: list[Entity], lex: QuoteLexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.lex = lex
        self._first_names = load_first_names()
        self._names = name_tables(lex.language)
        entities = self._repaired(with_particles(text, entities, self._first_names, self._names))
        # a span across a paragraph break is a heading run into a name ("Fazit\n\nFische"), never a speaker's name
        ents = sorted((e for e in entities if e.label in SPEAKER_LABELS and e.end <= len(text) and "\n" not in e.text),
                      key=lambda e: e.start)
        self.entities = ents or _fallback_names(text, tokens, lex)
        self._starts = [e.start for e in self.entities]
        persons = [e for e in self.entities if e.label == "PER"]
        self._person_starts = [e.start for e in persons]
        self._person_names = [e.name or e.text for e in persons]
        self._person_ends = [e.end for e in persons]
        self._orgs = [e for e in self.entities if e.label == "ORG"]
        self._org_starts = [e.start for e in self._orgs]
        self._token_starts = [t.start for t in tokens]
        self._genders: dict[str, str] | None = None
        self._full_names: dict[str, str | None] | None = None
        self._group_resolved = False  # the last pronoun resolved stood for an organisation or group
        self._role_ends, self._group_ends = _suffixes(lex)
        self._role_forms = {r.lower(): r for r in lex.role_nouns if len(r) >= MIN_ROLE_SUFFIX}
        self.mentions: list[Mention] = []  # resolved speakers, in reading order
        # words the article writes in lower case: a capitalised one alone is a sentence opener, not a name
        self._lower_words = {t.text for t in tokens if t.text[:1].islower()}
        # a relative pronoun's antecedent may be a place that acts ("Ägypten, das vorschlug")
        self._by_end = {e.end: e for e in entities if e.label in (*SPEAKER_LABELS, "LOC") and "\n" not in e.text}
        # persons only: a place after an organisation noun is its seat ("Staatsanwaltschaft München")
        self._name_starts = {e.start for e in entities if e.label == "PER"}
        self._name_ends = {e.end for e in entities if e.label == "PER"}

    def _repaired(self, entities: list[Entity]) -> list[Entity]:
        """Persons named without a genitive ending the recogniser kept ("Rafael van der Vaarts
        Abschiedsgala" is Rafael van der Vaart)."""
        out = []
        for e in entities:
            if e.label == "PER" and (e.name or e.text) == e.text:
                name = genitive_base(e.text, self.text, e.end, self._first_names, self._names)
                if name != e.text:
                    e = Entity(e.start, e.end, e.text, e.label, name, e.id)
            out.append(e)
        return out

    def _name_words(self, name: str) -> bool:
        """Every word of a person's name is capitalised, a particle ("van der", "de") or joined to a
        capitalised part ("el-Baradei"); a lower-case word elsewhere is a phrase, not a name."""
        return all(w[:1].isupper() or not w[:1].isalpha() or w in self._names.particles or "-" in w or "'" in w or "’" in w
                   for w in name.split())

    # --- noun phrases ------------------------------------------------------------------------

    def _not_a_head(self, tok: Token) -> bool:
        """Sentence-initial capitals that cannot start a subject: "Am", "Dazu", "Laut", "Nachdem"."""
        low, lex = tok.low, self.lex
        return low in lex.prepositions or low in lex.speaker_stop_words or low in lex.clause_stop_words \
            or low in lex.complementizers or low in lex.according_adverbs or low in lex.subordinators

    def _noun_run(self, j: int, stop: int) -> int:
        """Past a run of capitalised words (a noun with names: "Präsident Wladimir Putin")."""
        toks, lex = self.tokens, self.lex
        start = j
        while j < stop and (_capitalised(toks[j]) or toks[j].text in "-&" or _is_domain(toks[j].text)) \
                and toks[j].text[0] not in ",.:;!?\"„“”»«" and toks[j].low not in lex.speaker_stop_words \
                and (j == start or "\n" not in self.text[toks[j - 1].end : toks[j].start]):  # a heading ends at its line
            j += 1
            if j + 1 < stop and toks[j].text == "." and toks[j].start == toks[j - 1].end \
                    and toks[j - 1].text in lex.abbreviations and _capitalised(toks[j + 1]):
                j += 1  # a title's period belongs to the name: "Dr. Gernot Jäger", "Prof. Dr. Meier"
            if j < stop and toks[j].text in lex.closers and toks[j].start == toks[j - 1].end:
                j += 1
        return j

    def _extended_attribute(self, j: int, stop: int) -> int:
        """Past a participle phrase between an article and its noun: "einer am Dienstag veröffentlichten
        Pressemitteilung", "die das Unglück überlebende Alice Kakamara", "der für die Region zuständige
        Koordinator". Only where the article is followed by what cannot follow it otherwise (a
        preposition, another article, "sich"); the phrase ends in a lower-case adjective before a
        capitalised noun."""
        toks, lex = self.tokens, self.lex
        if lex.lowercase_nouns or j >= stop or not (toks[j].low in lex.prepositions or toks[j].text in lex.determiners
                                                     or toks[j].low in lex.reflexives):
            return j
        for k in range(j + 1, min(stop - 1, j + MAX_ATTRIBUTE_TOKENS)):
            tok = toks[k]
            if not tok.text[:1].isalnum():
                return j  # punctuation: a clause, not an attribute
            prev = toks[k - 1]
            if prev.low in lex.prepositions or prev.text in lex.determiners:
                continue  # an adjective inside the phrase's own noun phrase: "für nukleare Sicherheit"
            if tok.text[:1].islower() and tok.low.endswith(lex.adjective_endings) and tok.low not in lex.prepositions \
                    and tok.text not in lex.determiners and _capitalised(toks[k + 1]) and toks[k + 1].text[:1].isalpha():
                return k + 1
        return j

    def _adjectives(self, j: int, stop: int, limit: int = 4) -> int:
        toks, lex = self.tokens, self.lex
        start = j
        while j < stop and j - start < limit and toks[j].text[:1].islower() and not _capitalised(toks[j]) \
                and toks[j].low not in lex.speaker_stop_words \
                and toks[j].low not in lex.clause_stop_words and toks[j].text not in lex.determiners \
                and not _is_domain(toks[j].text) and toks[j].text[:1].isalnum() and not self._verb_after_noun(j, start) \
                and (lex.lowercase_nouns or not toks[j].text.isalpha() or toks[j].low.endswith(lex.adjective_endings)):
            # where nouns are capitalised, a lower-case word before one is an inflected adjective
            # ("eigenen Angaben"), not a verb ("ist Rechtsanwalt Lutz S.", "investiert eigenen Angaben")
            j += 1
        return j

    def _verb_after_noun(self, j: int, start: int) -> bool:
        """Where nouns are lower-case, the noun phrase ends at a verb: a cue, a relative pronoun, or a
        participle ending after the noun ("the company struggled", "consumers who sought help");
        "the newly elected mayor" keeps its participle after an adverb."""
        lex, tok = self.lex, self.tokens[j]
        if not lex.lowercase_nouns:
            return False
        if tok.low.endswith(lex.adverb_endings) and j + 1 < len(self.tokens) and self.tokens[j + 1].low in lex.cue_forms \
                and (j + 2 >= len(self.tokens) or not self.tokens[j + 2].text[:1].isalpha() or self.tokens[j + 2].text in lex.determiners
                     or self.tokens[j + 2].low in lex.complementizers):
            return True  # an adverb before the verb: "Another reportedly said:"; "the widely quoted expert" keeps it
        if j == start:
            return False
        if tok.low in lex.cue_forms or tok.low in lex.relative_pronouns or tok.low in lex.state_verbs \
                or tok.low in lex.noun_phrase_stops:
            return True
        if "-" in tok.text and j + 1 < len(self.tokens) and self.tokens[j + 1].low in lex.cue_forms:
            return True  # an adverb before the verb: "The company flat-out denied"
        ending = lex.participle_ending
        return bool(ending) and tok.low.endswith(ending) and not self.tokens[j - 1].low.endswith(lex.adverb_endings)

    def noun_phrase_from(self, i: int, stop: int) -> tuple[int, int] | None:
        """The noun phrase that starts at token ``i``, as a token range ``(first, last)``, or None.

        The phrase never runs past token ``stop`` nor beyond MAX_SPEAKER_TOKENS. Recognised: a
        speaker pronoun ("er"), a demonstrative standing alone ("Dieser"), a quoted name
        („heise online“), a lower-case head noun ("the spokesman"), and capitalised noun runs with up to
        two genitive/"von" attributes ("der Sprecher des Ministeriums"). None when token ``i`` cannot
        start a subject (a preposition, a conjunction, a sentence-initial adverb).
        Used by the cue and clause finders to read the speaker next to a cue."""
        toks, lex = self.tokens, self.lex
        if i >= stop:
            return None
        tok = toks[i]
        if tok.text in lex.speaker_pronouns:
            return i, i + 1
        share = self._share_at(i, stop)
        if share is not None:
            return i, self._share_of(share, stop)  # "37 Prozent (der Befragten) sind der Auffassung"
        if tok.text not in lex.determiners and self._not_a_head(tok):
            return None
        if i + 1 < stop and adverb_like(tok.text, lex.adverb_endings) and toks[i + 1].text[:1].islower() \
                and self.label_of(tok.start, tok.end) is None:
            return None  # "Sinngemäß hofft Musk", "Offiziell geht die Regierung davon aus"
        j = i + 1 if tok.text in lex.determiners else i
        cap = i + MAX_SPEAKER_TOKENS
        if j > i:
            after = self._extended_attribute(j, stop)
            cap += after - j  # the attribute does not count against the phrase's length
            j = after
        if j < stop and tok.low in lex.partitive_pronouns and toks[j].text in lex.determiners \
                and toks[j].low not in lex.oblique_determiners:
            j += 1  # "Einer der Putschisten": the pronoun and a genitive plural
        if j > i and j < stop and self._age_word(toks[j]):
            if lex.lowercase_nouns or toks[j].text[-1:].isupper() or toks[j].text.rsplit("-", 1)[-1][:1].isupper():
                # "the 56-year-old (striker)", "Der 79-Jährige": the age is the noun
                return i, self._role_and_name(j + 1, stop) if lex.lowercase_nouns else j + 1
            j += 1  # "die 56-jährige Anwältin": an adjective before the noun
        if j == stop and j > i:
            return i, j  # a demonstrative standing alone: "Dieser behauptete"
        if j > i and j < stop and not lex.lowercase_nouns and toks[j].text not in lex.openers:
            k = self._adjectives(j, stop)
            if j < k < stop and toks[k].text in lex.openers:
                j = k  # "der neue „Oberste Rat …“": adjectives before a quoted name
        if j < stop and toks[j].text in lex.openers:
            close = next((k for k in range(j + 1, min(stop, j + MAX_SPEAKER_TOKENS)) if toks[k].text in lex.closers), None)
            if close is not None:
                if lex.lowercase_nouns and j > i and close + 1 < stop:
                    role = self._role_and_name(close + 1, stop)
                    if role > close + 1:
                        return i, role  # a title before the role noun: 'the "Pose" actor'
                return i, close + 1  # a quoted name: Wie „heise online“ berichtet
            j += 1
        j = self._adjectives(j, stop)
        if j > i and toks[j - 1].low in lex.speaker_nouns and (j >= stop or not _capitalised(toks[j])):
            if lex.lowercase_nouns and j + 1 < stop and toks[j].low in lex.coordinators and _capitalised(toks[j + 1]):
                # "lead researcher and NASA planetary scientist Lucas Paganini": both roles are the name's
                run = self._noun_run(j + 1, stop)
                end = self._role_and_name(run, stop)
                if end > run and _capitalised(toks[end - 1]):
                    return i, min(end, i + MAX_SPEAKER_TOKENS)
            employer = self._employer_after(j, stop)
            if employer > j:
                return i, min(employer, i + MAX_SPEAKER_TOKENS)  # "a spokesman for Apple"
            return i, self._postmodified(i, j, stop)  # a lower-case head: "the spokesman", "police"
        if lex.lowercase_nouns and tok.text in lex.determiners and j > i + 1 and (j >= stop or not _capitalised(toks[j])):
            # English nouns are lower-case: "the central bank", "a report in …", "a person familiar with the matter"
            return i, self._named_source(self._postmodified(i, j, stop), stop)
        if lex.lowercase_nouns and tok.text not in lex.determiners and j > i and j + 1 < stop and toks[j].low in lex.source_nouns \
                and toks[j + 1].low not in lex.complementizers and not _capitalised(toks[j + 1]):
            j += 1  # "credible reports received by": a source noun that is also a verb form, not "X reports that"
        if lex.lowercase_nouns and tok.text not in lex.determiners and j > i and (j >= stop or not _capitalised(toks[j])):
            head = next((k for k in range(j - 1, i - 1, -1)
                         if self._role_word(toks[k].low) or toks[k].low in lex.source_nouns), None)
            if head is not None:  # no article: "credible reports", "eyewitness accounts", "people familiar with …"
                return i, self._named_source(self._postmodified(i, head + 1, stop), stop)
        if lex.lowercase_nouns and j == i + 1 and tok.low in lex.source_nouns and self._named_source(j, stop) > j:
            return i, self._named_source(j, stop)  # "data from MarketAxess"
        if j >= stop or not (_capitalised(toks[j]) or _is_domain(toks[j].text)) or not toks[j].text[0].isalpha():
            return None
        head = j
        j = self._noun_run(j, stop)
        if lex.lowercase_nouns and j < stop and self._name_adjective(toks[j - 1]) and toks[j].text[:1].islower():
            # "The Bush-era whistleblower", "a Trump-appointed judge": the name is an adjective, the noun
            # follows, maybe with the name of whom it describes ("German-born chemist Anna Weber")
            k = self._adjectives(j, stop)
            if k < stop and _capitalised(toks[k]) and toks[k].text[:1].isalpha() and not self._not_a_head(toks[k]):
                return i, min(self._noun_run(k, stop), i + MAX_SPEAKER_TOKENS)
            return i, self._postmodified(i, k, stop)
        if tok.text in lex.determiners and j - head >= 2 and toks[head + 1].start in self._name_starts \
                and toks[j - 1].end in self._name_ends and self._organisation_noun(toks[head]) \
                and self.label_of(toks[head].start, toks[head].end) is None:
            # an organisation noun is not in apposition to a person after it: that is the object
            # ("Außerdem warf die Staatsanwaltschaft Müller vor"); "der Sprecher Müller" is
            return i, head + 1
        if j - head >= 2 and self._speech_noun(toks[head]) and self.label_of(toks[head + 1].start, toks[head + 1].end) is None:
            j = head + 1  # "nach ersten Meldungen Schäden angerichtet": a source noun takes no name after it
        # a genitive or "von" attribute: "der Sprecher des saudischen Ministeriums", "Vertreter von Greenpeace"
        for _ in range(2):
            if j + 1 < stop and toks[j].low in lex.attribute_words:
                k = j + 1
                if toks[k].text in lex.determiners:
                    k += 1
                k = self._adjectives(k, stop, 3)
                if k < stop and _capitalised(toks[k]):
                    j = self._noun_run(k, stop)
        if lex.lowercase_nouns:
            j = self._role_and_name(j, stop)
            j = self._named_source(j, stop)
        return (i, min(j, cap)) if j > i else None

    def _share_at(self, i: int, stop: int) -> int | None:
        """The token after a share ("37 Prozent", "Rund 40 Prozent", "more than 60%") that starts at ``i``."""
        toks, words = self.tokens, self._names
        k = i
        while k < min(stop, i + 3) and toks[k].low in words.share_modifiers:
            k += 1
        if k + 1 < stop and toks[k].text[:1].isdigit() and toks[k + 1].text in words.share_nouns:
            return k + 2
        return None

    def _share_of(self, j: int, stop: int) -> int:
        """Past the group a share is of: "der Befragten", "of Americans", "der deutschen Wähler"."""
        toks, lex = self.tokens, self.lex
        if j + 1 >= stop or toks[j].low not in lex.attribute_words:
            return j
        first = j + 1 + (toks[j + 1].text in lex.determiners and toks[j].low != toks[j + 1].low)
        k = self._adjectives(first, stop, 3)
        if k < stop and _capitalised(toks[k]) and toks[k].text[:1].isalpha():
            return self._noun_run(k, stop)
        return k if lex.lowercase_nouns and k > first else j  # "of voters": the noun is lower-case

    @staticmethod
    def _name_adjective(tok: Token) -> bool:
        """"Bush-era", "Trump-appointed", "U.S.-based": a name joined to a lower-case word."""
        head, dash, tail = tok.text.rpartition("-")
        return bool(dash) and head[:1].isupper() and tail[:1].islower()

    def _postmodified(self, i: int, j: int, stop: int) -> int:
        """Past "familiar with the matter", "briefed on the talks" after a lower-case head ending at ``j``."""
        toks, lex = self.tokens, self.lex
        k = j
        if k < stop and toks[k].low in lex.postmodifiers and not (k > i and toks[k - 1].low in lex.postmodifiers):
            k += 1
        if k == i or toks[k - 1].low not in lex.postmodifiers or k >= stop or toks[k].low not in lex.prepositions:
            return j
        m = k + 1 + (k + 1 < stop and toks[k + 1].text in lex.determiners)
        n = m
        while n < stop and n - m < MAX_ROLE_WORDS and toks[n].text.isalpha() and toks[n].text.islower() \
                and toks[n].low not in lex.cue_forms and toks[n].low not in lex.prepositions \
                and toks[n].low not in lex.clause_stop_words and toks[n].low not in lex.speaker_stop_words:
            n += 1
        return n if n > m else j

    def _named_source(self, j: int, stop: int) -> int:
        """Past "from MarketAxess", "in the Argus Leader" after a source noun ending the phrase."""
        toks, lex = self.tokens, self.lex
        if j == 0 or j + 1 >= stop or toks[j - 1].low not in lex.source_nouns or toks[j].low not in lex.source_prepositions:
            return j
        k = j + 1 + (toks[j + 1].text in lex.determiners)
        if k < stop and _capitalised(toks[k]) and toks[k].text[:1].isalpha() and not self._not_a_head(toks[k]):
            return self._noun_run(k, stop)
        return j

    def _role_and_name(self, j: int, stop: int) -> int:
        """Where nouns are lower-case, a name may be premodified by its employer and role, so the
        capitalised words first read are not the head: "Commerzbank analyst Carsten Fritsch",
        "The We Company's recently named executive chair Marcelo Claure", "Austria's interior
        minister". Past lower-case words ending in a role noun, and the name after them if any."""
        toks, lex = self.tokens, self.lex
        k = j
        while k < stop and k - j < MAX_ROLE_WORDS and toks[k].text[:1].islower() and toks[k].text[:1].isalpha() \
                and (toks[k].low not in lex.cue_forms or (k > j and toks[k - 1].low.endswith(lex.adverb_endings))) \
                and (toks[k].low not in lex.speaker_stop_words or toks[k].low.endswith(lex.adverb_endings)) \
                and toks[k].low not in lex.clause_stop_words and toks[k].low not in lex.prepositions \
                and toks[k].text not in lex.determiners and toks[k].low not in lex.relative_pronouns \
                and toks[k].low not in lex.complementizers and toks[k].low not in lex.coordinators:
            k += 1
        while k > j and not (toks[k - 1].text in lex.role_nouns or self._role_word(toks[k - 1].low)):
            k -= 1  # the role noun ends the phrase: 'the "Pose" actor previously said'
        if k == j:
            return j  # a head noun after a modifier is the speaker: "Health bosses", "White House officials"
        if k < stop and _capitalised(toks[k]) and toks[k].text[:1].isalpha() and not self._not_a_head(toks[k]):
            return self._noun_run(k, stop)
        return k

    def _skip_adverbials(self, i: int, stop: int) -> int:
        """Step over adverbs and prepositional phrases between a cue verb and its subject."""
        toks, lex = self.tokens, self.lex
        for _ in range(MAX_SKIPPED_PHRASES + 1):
            if i >= stop:
                return i
            tok = toks[i]
            if tok.text in lex.speaker_pronouns or tok.text in lex.determiners or _capitalised(tok):
                return i
            if tok.low in lex.prepositions:
                k = i + 1
                while k < stop and k - i <= MAX_PHRASE_TOKENS and not (_capitalised(toks[k]) and toks[k].text not in lex.determiners):
                    k += 1
                while k < stop and _capitalised(toks[k]) and toks[k].text not in lex.determiners:
                    k += 1
                i = k
            elif tok.low in lex.speaker_stop_words:
                i += 1
            else:
                return i
        return i

    def subject_of(self, first: int, last: int) -> tuple[int, int] | None:
        """The subject of a main clause: the first phrase, or the one after the verb when the clause
        opens with an adverb ("Langfristig strebt das Unternehmen …")."""
        while first < last and self.tokens[first].low in self.lex.focus_particles:
            first += 1  # "Auch der Sprecher …"
        np = self.noun_phrase_from(first, last)
        if np and not (np[1] - np[0] == 1 and adverb_like(self.tokens[first].text, self.lex.adverb_endings)):
            return np
        verb = self._after_prepositional_prefield(first, last)
        if verb is not None:
            return self.right_of(verb + 1, last)
        return self.right_of(first + 2, last) if first + 2 < last else None

    def passive_agent(self, first: int, last: int) -> tuple[int, int] | None:
        """The agent of a clause that is a passive speech act: "Die Forderungen wurden von
        Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet." — Stolpe speaks, not the
        subject. The passive auxiliary comes before the agent, and a cue participle ends the clause."""
        toks, lex = self.tokens, self.lex
        end = next((k for k in range(first, last) if toks[k].text in ",;:"), last)
        while end > first and not toks[end - 1].text[:1].isalpha():
            end -= 1
        if end - first < 4 or toks[end - 1].low not in lex.cue_forms:
            return None
        aux = next((k for k in range(first, end) if toks[k].low in lex.passive_auxiliaries), None)
        if aux is None:
            return None
        for k in range(aux + 1, end - 1):
            if toks[k].low in lex.agent_prepositions:
                np = self.noun_phrase_from(k + 1, end - 1)
                return np if np is not None and self.plausible_range(*np) else None
        return None

    def _after_prepositional_prefield(self, first: int, last: int) -> int | None:
        """Where the finite verb comes second, the verb after a prefield of prepositional phrases:
        "Am Rande einer Sitzung des Landtages in Hannover nahm jetzt der Ministerpräsident …"."""
        toks, lex = self.tokens, self.lex
        if not lex.subjunctive or lex.lowercase_nouns:
            return None
        k = first

        def preposition(tok: Token) -> bool:
            return tok.low in lex.prepositions or tok.low in self._names.prefield_prepositions

        if not preposition(toks[k]):
            return None
        # phrases with their genitives ("einer Sitzung"), each after a preposition, an article or "und"
        while k < min(last, first + MAX_PREFIELD_TOKENS) and (preposition(toks[k]) or toks[k].text in lex.determiners
                                                               or toks[k].low in lex.coordinators):
            np = self.noun_phrase_from(k if toks[k].text in lex.determiners else k + 1, last)
            if np is None:
                return None
            k = np[1]
        if k + 1 >= last:
            return None
        verb = toks[k]
        if not (verb.text.isalpha() and verb.text.islower()) or verb.text in lex.determiners or preposition(verb) \
                or verb.low in lex.coordinators or verb.low in lex.complementizers or verb.low in lex.clause_stop_words:
            return None
        return k

    def middle_field(self, start: int, cue: int) -> tuple[int, int] | None:
        """The first subject-like phrase between clause start and a clause-final cue, outside
        prepositional phrases unless their noun is a source ("im Abschlussbericht heißt es")."""
        toks, lex = self.tokens, self.lex
        k = start
        while k < cue:
            tok = toks[k]
            if tok.low in lex.prepositions:
                np = self.noun_phrase_from(k + 1, cue)
                if np and any(t.text in lex.message_nouns or t.text in lex.speech_nouns for t in toks[np[0] : np[1]]):
                    return np
                k = np[1] if np else k + 1
                continue
            if tok.text in lex.speaker_pronouns or tok.text in lex.determiners or _capitalised(tok):
                np = self.noun_phrase_from(k, cue)
                if np and self.oblique(np[0]):
                    k = np[1]  # an object ("dankte den Menschen"): the subject is elsewhere
                    continue
                if np:
                    return np
            k += 1
        return None

    def right_of(self, i: int, stop: int) -> tuple[int, int] | None:
        """The inverted subject after a cue: ", sagte (am Montag) der Minister"; never an object
        ("beschrieb in einem Krankenhaus den Hergang")."""
        np = self.noun_phrase_from(self._skip_adverbials(i, stop), stop)
        if np is not None and self.oblique(np[0]):
            return None
        return np

    def name_like(self, k: int) -> bool:
        """A capitalised word that may be a name: not an adverb or adjective opening the sentence,
        which the article writes in lower case elsewhere or which has an adverb ending ("Besorgt")."""
        tok = self.tokens[k]
        return _capitalised(tok) and tok.text.lower() not in self._lower_words \
            and not adverb_like(tok.text, self.lex.adverb_endings) and not self._not_a_head(tok)

    def oblique(self, first: int) -> bool:
        """A phrase opened by a dative or accusative article ("den Menschen", "Ihren Widersacher"):
        an object, never the subject of a cue."""
        return self.tokens[first].low in self.lex.oblique_determiners

    def left_of(self, start: int, cue: int) -> tuple[int, int] | None:
        """The subject before a cue when the whole field before the verb is one noun phrase."""
        while start < cue and self.tokens[start].low in self.lex.focus_particles:
            start += 1  # "Auch die Ministerin sagte"
        np = self.noun_phrase_from(start, cue)
        if np is None or self.oblique(np[0]) or (np[1] - np[0] == 1 and self.tokens[np[0]].low in self.lex.non_speakers):
            return None  # "Ihren Widersacher forderte May auf", "Mir haben Führungskräfte erzählt": the object first
        if self.tokens[np[1] - 1].text in self._names.time_nouns:
            return None  # "Wenige Stunden nach dem Putsch erklärte der Rat": a time, the subject follows the verb
        # V2: the field before the finite verb is one phrase, so what follows the subject up to the
        # cue is an apposition, adverbs or (with a participle cue) the middle field; keep it short.
        if cue - np[1] > MAX_PREFIELD_REST or any(self.tokens[k].low in self.lex.complementizers for k in range(np[1], cue)):
            return None
        return np

    def names_someone(self, spk: Speaker) -> bool:
        """The speaker is a person or organisation by name: recognised, or resolved to a person's
        name ("der Ministerpräsident des Landes, Christian Wulff", "Jens Wieseke" unrecognised)."""
        if self.label_of(spk.start, spk.end) is not None:
            return True
        m = next((m for m in reversed(self.mentions) if m.start == spk.start), None)
        return m is not None and m.label == "PER" and m.name[:1].isupper() and " " in m.name and self._name_words(m.name)

    def plausible(self, spk: Speaker) -> bool:
        """A speaker worth a reported speech act: a person or organisation, a pronoun, a role or group."""
        return self._plausible_text(spk.start, spk.end, spk.text)

    def plausible_range(self, first: int, last: int) -> bool:
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        return self._plausible_text(start, end, self.text[start:end])

    def _plausible_text(self, start: int, end: int, text: str) -> bool:
        if self.label_of(start, end) in SPEAKER_LABELS:
            return True
        lex = self.lex
        words = text.split()
        if len(words) >= 2 and words[0] in self._first_names and all(w[:1].isupper() for w in words):
            return True  # a person the recogniser missed: "Jens Wieseke fordert …"
        # one lower-casing per word, and every suffix tried in one C call
        return any(w in lex.speaker_pronouns or (low := w.lower()) in lex.speaker_nouns
                   or low.endswith(lex.speaker_suffixes) or w in lex.role_nouns
                   or (w[:1].isupper() and low.endswith(self._role_ends)) for w in words)

    def fragment(self, spk: Speaker, start: int, end: int, marked: bool) -> bool:
        """Not a speaker at all: words of the quote itself, function words alone ("an", "the"),
        a sentence adverb ("Eventually"), or an indefinite phrase naming no one ("eine Neigung")."""
        if marked and start <= spk.start and spk.end <= end:
            return True  # the quotation's own words (indirect spans hold their speaker)
        return self.names_no_one(spk.start, spk.end, spk.text)

    def names_no_one(self, start: int, end: int, text: str) -> bool:
        """The part of ``fragment`` that needs no quotation: the phrase itself names no one."""
        if self.label_of(start, end) in SPEAKER_LABELS:
            return False
        lex = self.lex
        words = text.split()
        if len(words) == 1 and words[0].strip("\"'„“”»«‚‘›‹").lower() in lex.non_speakers:
            return True  # "Ihm wird vorgeworfen": an object pronoun, which the pronoun test below lets through
        if len(words) == 1 and words[0] not in lex.speaker_pronouns and words[0].lower() not in lex.pronouns \
                and words[0].lower() not in lex.relative_pronouns:
            word = words[0].strip("\"'„“”»«‚‘›‹")
            if "'" in word[1:-1] or "’" in word[1:-1]:
                word = word[: max(word.rfind("'"), word.rfind("’"))]  # "It's", "That’s", "Don’t": a clause
            low = word.lower()
            if len(word) < 2 or low in lex.non_speakers or word in lex.abbreviations \
                    or (low in lex.pronouns and low not in lex.speaker_pronouns and word != words[0]):
                return True  # "S", "Ihm", "Zwar": a letter, an object pronoun, a sentence adverb
            if not lex.lowercase_nouns and word[:1].isupper() and low in self._lower_words \
                    and low not in lex.speaker_nouns and not low.endswith(lex.speaker_suffixes):
                # "Neu", "Passend": where nouns are capitalised, a word the article also writes in
                # lower case is no noun ("Protesters" / "protesters" in English says nothing)
                return True
        articles = lex.oblique_determiners | lex.naming_words | lex.definite_articles
        if len(words) == 1 and words[0].lower() in articles and words[0].lower() not in lex.pronouns \
                and words[0].lower() not in lex.relative_pronouns:
            return True  # "Die" alone: an article that lost its noun, not a demonstrative ("Dieser")
        if all(w[:1].islower() and (w in lex.determiners or w in lex.prepositions or w in lex.speaker_stop_words)
               and w not in lex.relative_pronouns and w not in lex.according_adverbs for w in words):
            return True  # "an", "the": a phrase that lost its noun
        if len(words) > 1 and words[0][:1] in lex.openers and any(
                w.strip(".,;:!?“”»«\"'").islower() and w.strip(".,;:!?“”»«\"'") in lex.pronouns for w in words[1:]):
            return True  # ", so „schütze sie Gott“": quoted words with a pronoun are speech, not a name
        after = self.text[end : end + 1]
        if len(words) == 1 and after == "," and adverb_like(words[0], lex.adverb_endings) \
                and words[0].lower() not in lex.speaker_nouns:
            return True  # "Eventually, …"
        head = words[-1].lower() if words else ""
        return words[0].lower() in lex.naming_words and head.endswith(lex.abstract_suffixes) \
            and words[-1] not in lex.message_nouns and words[-1] not in lex.speech_nouns \
            and not head.endswith(lex.speech_noun_heads) \
            and not self._plausible_text(start, end, text)  # "eine Neigung"

    # --- names -------------------------------------------------------------------------------

    def speaker(self, first: int, last: int) -> Speaker:
        """A Speaker for tokens ``first:last`` with its name resolved."""
        toks, lex = self.tokens, self.lex
        if last - first == 1 and toks[first].low in lex.relative_according:
            # "Berichte der Agentur „Interfax“, wonach …": the relative adverb stands for the phrase it
            # attaches to, which is the source; "Demnach" opens its own sentence and keeps itself
            first, last = self._antecedent_phrase(first) or (first, last)
        first = self._past_verb(first, last)
        first = after_dateline(toks, self.text, first, last, self._names)  # "BERLIN -- The agency says"
        if last - first > 1 and toks[first].text in lex.openers and not any(t.text in lex.closers for t in toks[first:last]):
            first += 1  # "„Haugen warnt, dass …": the mark opens the sentence, not the name
        if first > 0 and toks[first - 1].low in lex.own_words and last - first == 1:
            first -= 1  # "nach eigenen Angaben" read as "Angaben"
        relative = last - first == 1 and toks[first].low in lex.relative_pronouns
        if relative and (first == 0 or toks[first - 1].text != ","):
            # not after a comma, "der"/"die" opens a noun phrase: "Wie der Finanzminister X erklärte"
            np = self.noun_phrase_from(first, min(len(toks), first + MAX_SPEAKER_TOKENS))
            if np is not None and np[1] > last:
                first, last = np
                relative = False
        if last - first > 1 and (_capitalised(toks[first + 1]) or toks[first + 1].text in lex.speaker_pronouns) \
                and toks[first].text[:1].islower() \
                and toks[first].low not in lex.speaker_nouns and toks[first].text not in lex.speaker_pronouns \
                and (toks[first].low in lex.complementizers or (lex.lowercase_nouns and toks[first].text not in lex.determiners)) \
                and self.label_of(toks[first].start, toks[first].end) is None:  # "de Maizière" keeps its particle
            first += 1  # "that Rudolph", "though Dempsey": a conjunction before the name, not part of it
        start, end = toks[first].start, toks[last - 1].end
        text = self.text[start:end]
        antecedent = self._antecedent(first) if relative else None
        if antecedent is None and toks[first].low in lex.own_words:
            antecedent = self._own_source(first, last)  # "Helfer konnten nach eigenen Angaben …"
        if antecedent is not None:
            spk = Speaker(start, end, text, antecedent[0])
            self.mentions.append(Mention(start, antecedent[0], antecedent[1]))
            return spk
        entity = self._entity_name(start, end) \
            if self._employer_at(first, last) is None and self._person_owner(first, last) is None else None
        if entity is not None and self.label_of(start, end) != "PER" and self._has_person_head(first, last):
            # "die Fraktionschefin der Grünen, Renate Künast,"; "CPUC President Marybel Batjer" with
            # the person unrecognised
            entity = self._apposition(last) or self._name_after_role(first, last) or entity
        if entity is not None and " " not in entity:
            entity = self._given_before(first, last, entity) or entity
        self._group_resolved = False
        name = entity or self._resolve(first, last, start)
        name = self._acronym(name) or name
        if not entity and lex.possessive_endings and name.endswith(lex.possessive_endings):
            name = name[: name.rindex(name[-2])]  # "WeWork's"
        alone = last - first == 1 and name == text and (not entity or self.label_of(start, end) == "PER")
        name = self._past_capitalised_noun(first, last, name)
        # a pronoun or role resolved to a surname the recogniser took alone: the same full name
        # ("he" and "Patrick" are both Deval Patrick, one speaker id)
        pronoun = not entity and name != text and " " not in name and name in self._person_names
        full = self._full_name(name) if alone or pronoun else None
        # "Fauci" where the article wrote "Dr. Anthony Fauci", "Stetter-Karp" for "Irme Stetter-Karp":
        # the recogniser missed the full name, or took the surname alone as the whole name
        name = full or name
        if not entity:
            # "WeWork's parent company, The We Company, announced": the organisation in apposition
            name = self._org_apposition(first, last) or name
            end = self._apposition_end(last, name) or end  # the name in apposition is part of the mention
            text = self.text[start:end]
        spk = Speaker(start, end, text, name)
        label = self.label_of(start, end) if entity else ("PER" if full else self._kind_of(first, last))
        if not entity and last - first == 1 and (toks[first].text in lex.plural_pronouns or self._group_resolved or (
                toks[first].text in lex.speaker_pronouns and self._plural(first))):
            label = "ORG"  # "Sie erklärten", "It said": a group or organisation, no antecedent for "er" or a role
        if label == "PER" and not entity and name[:1].isupper() and not self._name_words(name) \
                and toks[first].text not in lex.determiners:
            label = "X"  # "Indictments unsealed as head (testified)": a headline run into a role, no one to refer back to
        if entity or not self.names_no_one(start, end, text):
            self.mentions.append(Mention(start, name, label or "X"))  # a fragment is no antecedent
        return spk

    def _past_capitalised_noun(self, first: int, last: int, name: str) -> str:
        """Where nouns are lower-case, a role or kind noun capitalised because it opens the sentence
        is no part of the name after it: "Analyst Mark Quinlan said", "Developer Valve called"."""
        toks, lex = self.tokens, self.lex
        head = toks[first]
        if not lex.lowercase_nouns or last - first < 2 or not head.text[:1].isupper() or not head.text.isalpha() \
                or not self._role_word(head.low) or not all(_capitalised(t) and t.text[:1].isalpha() for t in toks[first + 1 : last]):
            return name
        if first > 0 and not self._ends_sentence(first - 1) and "\n" not in self.text[toks[first - 1].end : head.start]:
            return name  # inside a sentence a capitalised noun is a title or part of the name ("the Interior Ministry")
        k = first + 1
        while k < last - 1 and self._role_word(toks[k].low):
            k += 1  # "Police Commissioner Bill Bratton"
        prefix = self.text[head.start : toks[k].start]
        return name[len(prefix) :] if name.startswith(prefix) else name

    def _given_before(self, first: int, last: int, name: str) -> str | None:
        """The first name the recogniser left out of a one-word person name inside the phrase:
        "Fan Mengguang" where it took "Mengguang" alone. The word before must be capitalised, right
        before the name, and no title, role, common noun or word the article writes in lower case."""
        toks = self.tokens
        k = next((k for k in range(first + 1, last) if toks[k].text == name and toks[k].start in self._name_starts), None)
        if k is None or k + 1 != last:
            return None
        given = toks[k - 1]
        if not given.text.isalpha() or toks[k].start != given.end + 1 or given.text in self.lex.abbreviations \
                or self._role_word(given.low) or not self._may_be_given(given.text) \
                or self.label_of(given.start, given.end) is not None:
            return None
        return f"{given.text} {name}"

    def _full_name(self, word: str) -> str | None:
        """The one full name the article writes with ``word`` as its surname after a first name
        ("Anthony Fauci" for "Fauci"); None if it writes none or several. A first name is a known
        one, or a capitalised word the article writes before that surname at least twice and that is
        no title, role or other word ("Irme Stetter-Karp" twice, where "Irme" is in no table)."""
        if self._full_names is None:
            found: dict[str, str | None] = {}
            pairs: Counter[tuple[str, str]] = Counter()
            inside: set[tuple[str, str]] = set()  # written inside a sentence before a recognised surname
            toks = self.tokens
            for k in range(len(toks) - 1):
                given, surname = toks[k].text, toks[k + 1].text
                apposed = self.lex.lowercase_nouns and k > 0 and toks[k - 1].text in ",(" \
                    and toks[k + 1].start in self._name_starts and toks[k].start not in self._name_starts
                if _capitalised(toks[k + 1]) and surname.replace("-", "").isalpha() and "-" not in surname[:1] + surname[-1:] \
                        and (surname not in self._first_names or apposed) and toks[k + 1].start == toks[k].end + 1 \
                        and given.isalpha():
                    pairs[(given, surname)] += 1
                    if apposed:
                        inside.add((given, surname))
            for (given, surname), n in pairs.items():
                # where nouns are lower-case, a capitalised word after a comma and before a surname the
                # recogniser took alone is its first name, once is enough ("hopeful, Deval Patrick, would")
                titled = given in self.lex.person_words or given in self.lex.gendered or self._role_noun(given) is not None
                if (given in self._first_names and not titled) or ((n >= MIN_UNKNOWN_GIVEN or (given, surname) in inside)
                                                                   and self._may_be_given(given)):
                    full = f"{given} {surname}"
                    found[surname] = full if found.get(surname, full) == full else None
            self._full_names = found
        if is_acronym(word):
            return None
        return self._full_names.get(word)

    def _past_verb(self, first: int, last: int) -> int:
        """Where nouns are capitalised, a phrase read back from a postposition may hold its clause's
        verb ("Ultium Cells investiert eigenen Angaben zufolge", "Beck hat eigenen Angaben zufolge"):
        the phrase starts after the last lower-case word that is no adjective, article, preposition
        or name particle ("de Maizière")."""
        toks, lex = self.tokens, self.lex
        if lex.lowercase_nouns:
            return first
        start, particles, quoted = first, word_classes(lex.language).name_particles, False
        for k in range(first, last - 1):
            tok = toks[k]
            quoted = (quoted or tok.text in lex.openers) and tok.text not in lex.closers  # „Aktion Deutschland hilft“
            if not quoted and tok.text.isalpha() and tok.text.islower() and tok.low not in particles \
                    and not tok.low.endswith(lex.adjective_endings) and tok.low not in lex.prepositions \
                    and tok.text not in lex.determiners and tok.low not in lex.attribute_words:
                start = k + 1
        return start

    def _own_source(self, first: int, last: int) -> tuple[str, str] | None:
        """Name and label of whose own statements "eigenen Angaben" are: the subject of its clause,
        before it ("Helfer konnten nach eigenen Angaben …") or after the verb when the phrase opens
        the sentence ("Nach eigenen Angaben erhielt das Bundesamt …")."""
        toks, lex = self.tokens, self.lex
        opening = self._sentence_first(first)
        if opening is None:
            return None
        lead = first - 1 if first > opening and toks[first - 1].low in lex.prepositions else first  # "nach"
        if lead > opening:
            np = self.subject_of(opening, lead)
        else:
            verb = last + (last < len(toks) and toks[last].low in lex.according_post)  # "zufolge"
            stop = verb + 1
            while stop < len(toks) and stop - verb < MAX_SENTENCE_TOKENS and not self._ends_sentence(stop) \
                    and toks[stop].text not in ",;:":
                stop += 1
            np = self.right_of(verb + 1, stop) if verb + 1 < stop else None
        if np is None or np[0] <= first < np[1]:
            return None
        a, b = np
        start, end = toks[a].start, toks[b - 1].end
        if self.names_no_one(start, end, self.text[start:end]):
            return None
        name = self._entity_name(start, end) or self._resolve(a, b, start)
        return name, self.label_of(start, end) or self._kind_of(a, b)

    def _may_be_given(self, word: str) -> bool:
        """A capitalised word that is not a title, role, common noun, determiner or word the article
        writes in lower case, and no longer than first names are."""
        lex = self.lex
        return word[:1].isupper() and len(word) <= MAX_GIVEN_CHARS and word.lower() not in self._lower_words \
            and word.lower() not in common_nouns(lex.language) and word not in lex.determiners \
            and word not in lex.gendered and word not in lex.person_words and self._role_noun(word) is None \
            and not word.lower().endswith(self._role_ends) and word.lower() not in lex.speaker_nouns \
            and not self._not_a_head(Token(0, 0, word, word.lower()))

    def _antecedent(self, rel: int) -> tuple[str, str] | None:
        """Name and label of what a relative pronoun stands for: the noun phrase that ends at the
        comma before it ("der Finanzminister X, der erklärte" is X)."""
        comma = rel - 1
        if comma < 1:
            return None
        end = self.tokens[comma - 1].end
        e = self._by_end.get(end)
        if e is not None:
            return e.name or e.text, "PER" if e.label == "PER" else "ORG"
        for first in range(max(0, comma - MAX_SPEAKER_TOKENS), comma):
            np = self.noun_phrase_from(first, comma)
            if np == (first, comma) and self.plausible_range(first, comma):
                start = self.tokens[first].start
                name = self._entity_name(start, end) or self._resolve(first, comma, start)
                return name, self.label_of(start, end) or self._kind_of(first, comma)
        return None

    @property
    def adjective_endings(self) -> tuple[str, ...]:
        return self._names.adjective_endings

    def antecedent_phrase(self, rel: int) -> tuple[int, int] | None:
        """The noun phrase before the comma at ``rel - 1`` with the nouns it attaches to by a
        preposition or a coordination: "eine Stelle aus dem OSZE-Bericht", "eine Erklärung der
        Behörde für Informations- und Kommunikationstechnologie"."""
        np = self._antecedent_phrase(rel)
        toks, lex = self.tokens, self.lex
        while np is not None and np[0] > 1:
            link = np[0] - 1
            if toks[link].low in lex.coordinators and toks[link - 1].text.endswith("-"):
                link -= 1  # "Informations- und …"
            elif toks[link].low not in lex.prepositions:
                break
            longer = next((k for k in range(max(0, link - MAX_SPEAKER_TOKENS), link)
                           if (toks[k].text in lex.determiners or _capitalised(toks[k]))
                           and self.noun_phrase_from(k, link + (toks[link].text.endswith("-")))
                           == (k, link + (toks[link].text.endswith("-")))), None)
            if longer is None or np[1] - longer > MAX_SPEAKER_TOKENS:
                break
            np = (longer, np[1])
        return np

    def _antecedent_phrase(self, rel: int) -> tuple[int, int] | None:
        """The noun phrase that ends at the comma before token ``rel``, past a separated verb
        particle ("schließt sich dem Verdacht der Kritiker an, wonach"): the longest such phrase
        within MAX_SPEAKER_TOKENS. None when a verb ends the clause ("…, zurückgewiesen, wonach")."""
        toks, lex = self.tokens, self.lex
        if rel < 2 or toks[rel - 1].text != ",":
            return None
        end = rel - 1
        if toks[end - 1].text.islower() and toks[end - 1].low in lex.prepositions:
            end -= 1
        # a quoted name closing the phrase ("der Zeitung „Hoy Bolivia“") belongs to the noun before it
        opener = next((k for k in range(end - 2, max(0, end - MAX_SPEAKER_TOKENS), -1) if toks[k].text in lex.openers), None) \
            if toks[end - 1].text in lex.closers else None
        head_end = opener if opener is not None else end
        for first in range(max(0, end - MAX_SPEAKER_TOKENS), head_end):
            if (toks[first].text not in lex.determiners and not _capitalised(toks[first])) \
                    or (first and toks[first - 1].text in lex.openers):
                continue
            if self.noun_phrase_from(first, head_end) == (first, head_end):
                return first, end
        return None

    def _organisation_noun(self, tok: Token) -> bool:
        """A noun for an organisation, not a person: "Staatsanwaltschaft", "US-Regierung"."""
        lex = self.lex
        if tok.text in lex.role_nouns or tok.low.endswith(self._role_ends):
            return False
        return tok.text in lex.group_speakers or tok.low.endswith(self._group_ends)

    def _name_after_role(self, first: int, last: int) -> str | None:
        """A name the recogniser missed right after a role noun that closes the phrase: two or more
        capitalised words, or one known first name and more ("Agency President Mary Batjer")."""
        toks = self.tokens
        for r in range(last - 2, first - 1, -1):
            if self._person_noun_at(r):
                rest = toks[r + 1 : last]
                if len(rest) >= 2 and all(_capitalised(t) and t.text[:1].isalpha() for t in rest):
                    return self.text[rest[0].start : rest[-1].end]
                return None
        return None

    def _role_noun(self, word: str) -> str | None:
        """The role noun of the table that ``word`` is or, where nouns are capitalised, ends in:
        "Präsident" for "HSV-Präsident" and "Bundesverkehrsminister" (the longest such ending)."""
        lex = self.lex
        if word in lex.role_nouns:
            return word
        if lex.lowercase_nouns or not word[:1].isupper():
            return None
        low = word.lower()
        for k in range(1, len(low) - MIN_ROLE_SUFFIX + 1):
            role = self._role_forms.get(low[k:])
            if role is not None:
                return role
        return None

    def _person_noun_at(self, k: int) -> bool:
        tok = self.tokens[k]
        return tok.text in self.lex.role_nouns or (tok.text[:1].isupper() and tok.low.endswith(self._role_ends))

    def _has_person_head(self, first: int, last: int) -> bool:
        """A role noun in the phrase ("Fraktionschefin", "Sprecher"): it names a person, not an organisation."""
        lex = self.lex
        return any(t.text in lex.role_nouns or (t.text[:1].isupper() and t.low.endswith(self._role_ends))
                   for t in self.tokens[first:last])

    def _kind_of(self, first: int, last: int) -> str:
        words = [t.text for t in self.tokens[first:last]]
        persons = self.lex.person_words
        if any(w in persons for w in words):
            return "PER"
        # a name the recogniser missed: capitalised words led by a known first name or an initial ("C.Y. Leung")
        if len(words) >= 2 and all(_capitalised(t) for t in self.tokens[first:last]) \
                and (words[0] in self._first_names or _initials(words[0])):
            return "PER"
        if any(w.lower() in self.lex.speaker_nouns and w not in self.lex.role_nouns for w in words):
            return "ORG"  # "die Polizei", "the agency": a group speaks
        if len(words) == 1 and self._surname_like(self.tokens[first]):
            return "PER"  # "Medvedev bedankte sich … und sagte:" with the name unrecognised
        return "X"

    def _surname_like(self, tok: Token) -> bool:
        """Where nouns are capitalised, one capitalised word that is no common noun, acronym, title or
        word the article writes in lower case: a person's surname far more often than anything else."""
        lex, word = self.lex, tok.text
        return not lex.lowercase_nouns and word[:1].isupper() and word.replace("-", "").isalpha() and not is_acronym(word) \
            and word.lower() not in self._lower_words and not self._not_a_head(tok) and self._role_noun(word) is None \
            and word not in lex.gendered and word.lower() not in lex.speaker_nouns and not self._speech_noun(tok) \
            and word.rsplit("-", 1)[-1].lower() not in common_nouns(lex.language)

    def label_of(self, start: int, end: int) -> str | None:
        k = bisect.bisect_left(self._starts, start)
        for e in self.entities[max(0, k - 1) : k + 3]:
            if e.start < end and start < e.end:
                return e.label
        return None

    def _entity_name(self, start: int, end: int) -> str | None:
        k = bisect.bisect_left(self._starts, start)
        inside = []
        for e in self.entities[k : k + MAX_SPEAKER_TOKENS]:
            if e.start >= end:
                break
            inside.append(e)
        k2 = k - 1
        if k2 >= 0 and self.entities[k2].end > start:
            inside.insert(0, self.entities[k2])
        # "Bush" in "The Bush-era whistleblower" names the era, not the speaker
        inside = [e for e in inside if not (self.text[e.end : e.end + 1] == "-" and self.text[e.end + 1 : e.end + 2].islower())]
        if not inside:
            return None
        persons = [e for e in inside if e.label == "PER"]
        best = (persons or inside)[-1]
        return best.name or best.text

    def _resolve(self, first: int, last: int, start: int) -> str:
        toks, lex = self.tokens, self.lex
        head = toks[first]
        if last - first == 1 and head.low in lex.first_person:
            answer = self._interviewee(start)
            if answer:
                return answer  # "Dietmar Bartsch: Ich teile …": an interview answer is its speaker's
        if last - first == 1 and head.text in lex.plural_pronouns and head.text not in lex.speaker_pronouns:
            # "It said": the organisation that is the subject before, or that spoke last
            return self._group_subject_before(first) or self._recent_group(start) or head.text
        if head.text in lex.speaker_pronouns and head.low not in lex.generic_pronouns:
            if self._plural(first):
                # "they", "sie erklärten": a group spoke, the subject of the sentence before or the last
                return self._group_subject_before(first) or self._recent_group(start) or head.text
            gender = lex.pronouns.get(head.text, "")
            if lex.determiner_genders and gender in ("m", "f") and head.text not in lex.person_pronouns:
                group = self._group_subject_before(first, gender)
                if group:
                    self._group_resolved = True
                    return group  # "Die Polizei nahm zwei Männer fest. Sie teilte mit …"
            person = self._recent(start, "PER", gender)
            if person or head.text in lex.person_pronouns:
                return person or head.text  # "she" is never the agency
            return self._last_source(start) or head.text
        if last - first >= 2 and head.low in lex.definite_articles and self._age_word(toks[first + 1]) \
                and not any(_capitalised(t) for t in toks[first + 2 : last]):
            # "the 56-year-old", "der 79-Jährige": the person the text is about, like a pronoun
            return self._recent_near(start) or self.text[toks[first + 1].start : toks[last - 1].end]
        if head.low in lex.according_adverbs:  # "Demnach": whoever was last cited
            return next((m.name for m in reversed(self.mentions) if m.start < start), head.text)
        words = [t.text for t in toks[first:last]]
        # compounds name the role too: "Der SPD-Politiker", "der amtierende HSV-Präsident", "die CDU-Chefin"
        role_words = [w for w in words if self._role_noun(w)]
        roles = [self._role_noun(w) or w for w in role_words]
        if roles:
            named = self._apposition(last) or self._apposed_to(first)
            if named:
                return named  # "der Gouverneur des Bundesstaates, Gabino Cué, sagte"; "X, Sprecher des …,"
        employer = self._employer_at(first, last)
        if employer is not None:
            at = employer + 1 + (toks[employer + 1].text in lex.determiners and toks[employer + 1].text.islower())
            if at < last and self.label_of(toks[at].start, toks[last - 1].end) == "ORG":
                # "a spokesman for Apple" speaks for Apple; "a lawyer for Smith" is not Smith
                return self._entity_name(toks[at].start, toks[last - 1].end) or self.text[toks[at].start : toks[last - 1].end]
            return self.text[toks[first + (head.text in lex.determiners)].start : toks[last - 1].end]
        possessive = bool(lex.possessive_endings) and head.text.endswith(lex.possessive_endings) and _capitalised(head)
        kinds = [w for w in words[:-1] if w in lex.org_kind_nouns] if roles else []
        if kinds and words[-1] in roles:
            found = self._org_of_kind(start, kinds[-1])
            if found:
                return found  # "a company spokesperson", "an agency spokesman" speak for the organisation
        if roles and ((head.text in lex.determiners and head.low in lex.definite_articles) or possessive):
            # "der Minister", "Austria's interior minister": the one introduced in that role, before or soon after
            owner = self._person_owner(first, last)
            # a compound is introduced as itself ("GdP-Vorsitzender Konrad Freiberg"), not as any chair
            found = self._recent_in_role(start, role_words[-1]) or self._last_speaker(start, self._gender_of(roles[-1]), roles[-1])
            if found is None or found == owner:
                found = self._next_in_role(start, roles[-1]) or self._only_person_near(start, roles[-1])
            if found and found != owner and not self._named_later_in_sentence(start + 1, found):
                return found  # "Ibsen's wife" is not Ibsen
        groups = [w for w in words[1:] if w.lower() in lex.speaker_nouns and w not in lex.role_nouns]
        proper = lex.lowercase_nouns and bool(groups) and groups[-1][:1].isupper()  # "the Interior Ministry": a name
        if groups and not roles and not proper and head.low in lex.definite_articles and last - first <= 3:
            named_here = last < len(toks) and (toks[last].text in lex.openers or _capitalised(toks[last]))
            found = self._recent_in_role(start, groups[-1], "ORG") or (
                None if named_here else self._org_of_kind(start, groups[-1]))
            if found:
                return found  # "die Gewerkschaft Verdi … die Gewerkschaft", "NASA, the agency, … the agency"
        for k in range(first + 1, last - 1):
            if toks[k].low in lex.source_prepositions and toks[k - 1].low in lex.source_nouns:
                at = k + 1 + (toks[k + 1].text in lex.determiners and toks[k + 1].text.islower())  # "The Wrap" keeps its article
                if at < last:
                    return self.text[toks[at].start : toks[last - 1].end]  # "data from MarketAxess" is MarketAxess
        body = words[1:] if head.text in lex.determiners else words
        source = self._source_of(first + len(words) - len(body), last)
        if source:
            return source
        named = self._name_after_role(first, last) if roles or self._has_person_head(first, last) else None
        if named:
            return named  # "Interior Minister Wolfgang Peschorn" with the person unrecognised
        if last - first >= 4 and toks[last - 1].text in lex.closers:
            opener = next((k for k in range(last - 2, first, -1) if toks[k].text in lex.openers), None)
            if opener is not None and opener + 1 < last - 1 and _capitalised(toks[opener - 1]):
                return self.text[toks[opener + 1].start : toks[last - 2].end]  # "der Zeitung „Hoy Bolivia“"
        return self.text[toks[first + len(words) - len(body)].start : toks[last - 1].end] if body else head.text

    def _interviewee(self, at: int) -> str | None:
        """The person whose name and a colon open the paragraph holding ``at``: an interview's
        answers are printed as "Dietmar Bartsch: Ich …". Only a recognised person's name (or
        capitalised words led by a known first name): "Frage:" and "Update:" name no one."""
        para = self.text.rfind("\n", 0, at) + 1
        colon = self.text.find(":", para, at)
        if colon < 0 or colon - para > MAX_GIVEN_CHARS * 4:
            return None
        k = bisect.bisect_left(self._person_starts, para)
        if k < len(self._person_starts) and self._person_starts[k] == para and self._person_ends[k] == colon:
            return self._person_names[k]
        words = self.text[para:colon].split()
        if 2 <= len(words) <= 3 and words[0] in self._first_names and all(w[:1].isupper() and w.isalpha() for w in words):
            return " ".join(words)
        return None

    def _speech_noun(self, tok: Token) -> bool:
        lex = self.lex
        return tok.text in lex.speech_nouns or tok.text in lex.message_nouns or tok.low.endswith(lex.speech_noun_heads)

    def _source_of(self, first: int, last: int) -> str | None:
        """"Angaben der Polizei vom Dienstag": a speech or message noun names its source in the first
        genitive or "von" attribute; a second attribute is a date or place, not part of the name."""
        toks, lex = self.tokens, self.lex
        noun = toks[first]
        if not self._speech_noun(noun):
            return None
        k = first + 1
        while k < last and toks[k].text[:1].islower() and toks[k].low not in lex.attribute_words:
            k += 1
        if k + 1 >= last or toks[k].low not in lex.attribute_words:
            return None
        end = k + 1
        while end < last and toks[end].low not in lex.attribute_words:
            end += 1
        # the source named, without what follows it ("vom Dienstag"): the phrase stays in the nominative
        return self.text[noun.start : toks[end - 1].end] if end < last else None

    def _apposed_to(self, first: int) -> str | None:
        """The person a role phrase is in apposition to: "Martin Kurz, Sprecher des Vereins, sagte"."""
        if first < 2 or self.tokens[first - 1].text != ",":
            return None
        e = self._by_end.get(self.tokens[first - 2].end)
        return (e.name or e.text) if e is not None and e.label == "PER" else None

    def _apposition(self, last: int) -> str | None:
        """A person named in apposition right after a role phrase: ", Gabino Cué," """
        toks = self.tokens
        if last + 1 >= len(toks) or toks[last].text != ",":
            return None
        start = toks[last + 1].start
        k = bisect.bisect_left(self._person_starts, start)
        if k < len(self._person_starts) and self._person_starts[k] == start:
            return self._person_names[k]
        # a name the recogniser missed: two or more capitalised words closed by a comma or a verb
        # ("der frühere Regierungschef, Anan Pirom, sagte")
        j, lex = last + 1, self.lex
        while j < len(toks) and j - last <= 4 and _capitalised(toks[j]) and toks[j].text[:1].isalpha() \
                and toks[j].text not in lex.determiners and not self._person_noun_at(j) and not self._not_a_head(toks[j]):
            j += 1
        if j - last - 1 >= 2 and j < len(toks) and (toks[j].text == "," or toks[j].text[:1].islower()) \
                and self.label_of(start, toks[j - 1].end) is None:
            return self.text[start : toks[j - 1].end]
        return None

    def _org_apposition(self, first: int, last: int) -> str | None:
        """The organisation named in apposition after a kind noun ("its parent company, The We
        Company,", "der Betreiber, die Deutsche Bahn,"): a recognised one, or capitalised words after
        an article closed by a comma."""
        toks, lex = self.tokens, self.lex
        if last + 2 >= len(toks) or toks[last].text != "," \
                or not any(t.low in lex.speaker_nouns and t.text not in lex.role_nouns for t in toks[first:last]):
            return None
        k = last + 1
        org = next((e for e in self._orgs if e.start == toks[k].start), None)
        if org is not None:
            return org.name or org.text
        if toks[k].text not in lex.determiners or toks[k].low not in lex.definite_articles:
            return None
        j = k + 1
        while j < len(toks) and j - k <= MAX_APPOSITION_TOKENS and _capitalised(toks[j]) and toks[j].text[:1].isalpha():
            j += 1
        if j == k + 1 or j >= len(toks) or toks[j].text != "," or self.label_of(toks[k].start, toks[j - 1].end) == "PER":
            return None
        return self.text[toks[k].start : toks[j - 1].end]

    def _apposition_end(self, last: int, name: str) -> int | None:
        """The end of ``name`` when it stands in apposition right after the phrase (", Gabino Cué,")."""
        toks = self.tokens
        if last + 1 >= len(toks) or toks[last].text != "," or not name:
            return None
        at = toks[last + 1].start
        k = bisect.bisect_left(self._starts, at)
        if k < len(self._starts) and self._starts[k] == at and (self.entities[k].name or self.entities[k].text) == name:
            e = self.entities[k]
        else:
            e = None
        end = e.end if e is not None else at + len(name) if self.text.startswith(name, at) else None
        if end is None or self.text[end : end + 1] not in (",", ")", ""):
            return None  # a closing comma: the apposition ends there
        return end

    def _recent_in_role(self, before: int, role: str, label: str = "PER") -> str | None:  # label: "PER" or "ORG"
        """The last person (or organisation) introduced with the same role or kind: a noun or
        compound ending in it right before the name ("Außenministerin Baerbock", "die Gewerkschaft
        Verdi") or in apposition right after it ("Ana Diaz, the city's mayor,", "NASA, the agency")."""
        stem = role.lower()
        compound = role not in self.lex.role_nouns and label == "PER"  # "GdP-Vorsitzende(r)", inflected
        ents = self._orgs if label != "PER" else None
        starts = self._person_starts if ents is None else self._org_starts
        k = bisect.bisect_left(starts, before) - 1
        for j in range(k, max(-1, k - MAX_LOOKBACK), -1):
            start = starts[j]
            end = self._person_ends[j] if ents is None else ents[j].end
            t = bisect.bisect_left(self._token_starts, start) - 1
            # a person's title may be two words back ("Außenministerin Annalena"); an organisation's
            # kind is right before it ("die Gewerkschaft Verdi", not "the researchers observed Europa")
            window = self.tokens[max(0, t - (2 if ents is None else 0)) : t + 1]
            after = bisect.bisect_left(self._token_starts, end)
            if after + 1 < len(self.tokens) and self.tokens[after].text == "," and self.tokens[after + 1].start < before \
                    and self.tokens[after + 1].low not in self.lex.relative_pronouns \
                    and self.tokens[after + 1].low not in self.lex.complementizers \
                    and (ents is None or self.tokens[after + 1].text in self.lex.determiners):
                # "X, die mit dem Minister sprach" is no apposition; an organisation's is a noun phrase
                # ("NASA, the agency,"), not a clause ("Europa Clipper, researchers said")
                window += self.tokens[after + 1 : min(after + 1 + MAX_APPOSITION_TOKENS, bisect.bisect_left(self._token_starts, before))]
            if any((w.low.endswith(stem) or (compound and w.low.startswith(stem))) and w.text[:1].isalpha() for w in window):
                return self._person_names[j] if ents is None else (ents[j].name or ents[j].text)
        return None

    def _org_of_kind(self, before: int, noun: str) -> str | None:
        """The organisation "the company", "the agency" or "die Agentur" stands for when none was
        introduced with that noun: one named with it ("Xinhua News Agency"), else the one the
        article named most before it (the last of them on a tie)."""
        low = noun.lower()
        if not any(k.lower() == low for k in self.lex.org_kind_nouns):
            return None
        named = [e.name or e.text for e in self._orgs if e.start < before]
        for name in reversed(named):
            if name.split()[-1].lower().endswith(low):
                return name
        for m in reversed(self.mentions[-MAX_LOOKBACK:]):
            words = m.name.split()
            if m.start < before and m.label == "ORG" and len(words) > 1 and words[-1][:1].isupper() \
                    and words[-1].lower().endswith(low):
                return m.name  # a speaker the recogniser missed: "The European Space Agency says … The agency said"
        # "the company" is not the agency that reports on it ("…, Reuters reported. A company spokesperson said")
        agencies = frozenset() if low in self._names.agency_nouns else news_agencies()
        named = [name for name in named if name.lower() not in agencies]
        last = self._last_source(before)
        if last is not None and last[:1].isupper() and last.split()[-1].lower() not in self.lex.speaker_nouns \
                and last.lower() not in agencies:
            # the organisation that spoke just before: "… teilte Ärzte ohne Grenzen mit. Der Organisation
            # zufolge …"; a name, not "people familiar with the matter"
            return last
        t = bisect.bisect_left(self._token_starts, before)
        opening = self._sentence_first(t)
        first = self._sentence_first(opening - 1) if opening else None
        if first is not None:
            # the one organisation the sentence before names: "The report was published by Amnesty
            # International. The rights group said …"
            window = {e.name or e.text for e in self._orgs if self.tokens[first].start <= e.start < before} - agencies
            if len(window) == 1:
                return window.pop()
        ranked = Counter(named).most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[0][1] < ORG_DOMINANCE * ranked[1][1]):
            return None  # no organisation the article is about: "der Organisation" between two of them
        return ranked[0][0]

    def _acronym(self, name: str) -> str | None:
        """The organisation an acronym stands for when the article spells it out: "WHO" → "World
        Health Organization", "DEA" → "Drug Enforcement Administration"."""
        if not is_acronym(name):
            return None
        for e in self._orgs:
            full = e.name or e.text
            initials = "".join(w[0] for w in full.split() if w[:1].isupper())
            if initials == name and full != name:
                return full
        return None

    def _next_in_role(self, after: int, role: str) -> str | None:
        """The first person introduced later with the role right before the name, when a lead names
        the role first ("…, Austria's interior minister said. … Interior Minister Wolfgang Peschorn")."""
        stem, toks = role.lower(), self.tokens
        t = bisect.bisect_right(self._token_starts, after)
        while t < len(toks) and toks[t].start - after <= MAX_FORWARD_ROLE_CHARS:
            if toks[t].low.endswith(stem) and toks[t].text[:1].isalpha() and t > 0 and toks[t - 1].text not in self.lex.determiners:
                k = bisect.bisect_left(self._person_starts, toks[t + 1].start) if t + 1 < len(toks) else len(self._person_starts)
                if k < len(self._person_starts) and t + 1 < len(toks) and self._person_starts[k] == toks[t + 1].start:
                    return self._person_names[k]
                named = self._name_after_role(t, min(len(toks), self._noun_run(t + 1, len(toks))))
                if named:
                    return named  # a name the recogniser missed: "Interior Minister Wolfgang Peschorn"
            t += 1
        return None

    def _plural(self, i: int) -> bool:
        """A plural pronoun: "they", or German "sie" next to a plural verb ("sie erklärten", "betonten sie")."""
        toks, lex = self.tokens, self.lex
        if toks[i].text in lex.plural_pronouns:
            return True
        if not lex.plural_verb_endings or lex.pronouns.get(toks[i].text) != "f":
            return False
        for k in (i + 1, i - 1):
            if 0 <= k < len(toks) and toks[k].text[:1].islower() and toks[k].low not in lex.determiners \
                    and (toks[k].low in lex.plural_verbs or toks[k].low.endswith(lex.plural_verb_endings)):
                return True
        return False

    def _sentence_first(self, t: int) -> int | None:
        """The first token of the sentence token ``t`` is in; None when it starts too far back."""
        toks = self.tokens
        k = t - 1
        while k >= 0 and t - k <= MAX_SENTENCE_TOKENS and not self._ends_sentence(k) \
                and "\n" not in self.text[toks[k].end : toks[k + 1].start]:
            k -= 1
        if k >= 0 and not self._ends_sentence(k) and "\n" not in self.text[toks[k].end : toks[k + 1].start]:
            return None
        return k + 1

    def _ends_sentence(self, k: int) -> bool:
        """Token ``k`` ends a sentence: "." (not after an abbreviation or initial: "Nov.", "J."), "!", "?"."""
        tok = self.tokens[k]
        if tok.text in "!?":
            return True
        if tok.text != "." or k == 0:
            return False
        prev = self.tokens[k - 1]
        return prev.end != tok.start or not (prev.text in self.lex.abbreviations or (len(prev.text) == 1 and prev.text.isupper()))

    def _group_subject_before(self, t: int, gender: str = "") -> str | None:
        """The organisation or group that is the subject of the sentence before token ``t``'s:
        "Police arrested two men. They said …", "Apple reported results. It said …"; with
        ``gender``, only a phrase whose article has it ("Die Polizei nahm … fest. Sie teilte mit",
        "Der Verband … Er fordert")."""
        toks, lex = self.tokens, self.lex
        opening = self._sentence_first(t)
        if not opening:
            return None
        first = self._sentence_first(opening - 1)
        if first is None:
            return None
        while first < opening - 1 and (toks[first].low in lex.focus_particles or toks[first].text in lex.openers):
            first += 1
        np = self.noun_phrase_from(first, opening - 1)
        if np is None or any(self.in_quotes(k) for k in range(*np)):
            return None
        a, b = np
        if gender and lex.determiner_genders.get(toks[a].text) != gender:
            return None
        start, end = toks[a].start, toks[b - 1].end
        label = self.label_of(start, end)
        if label == "ORG" and b < opening - 1 and toks[b].text[:1].islower():
            return self._entity_name(start, end)
        if label is None and self._kind_of(a, b) == "ORG" and toks[a].text not in lex.speaker_pronouns:
            return self._resolve(a, b, start)  # "Police", "The company" (the organisation it stands for)
        return None

    def in_quotes(self, k: int) -> bool:
        """Token ``k`` is a quotation mark: a phrase with one is quoted words, not a subject."""
        return self.tokens[k].text in self.lex.openers or self.tokens[k].text in self.lex.closers

    def _recent_group(self, before: int) -> str | None:
        """The organisation or group that spoke last, within a few sentences."""
        for m in reversed(self.mentions[-MAX_LOOKBACK:]):
            if m.start < before and m.label == "ORG" and m.name not in self.lex.speaker_pronouns:
                return m.name if before - m.start <= 2 * SPEAKER_PREFERENCE_CHARS else None
        # not the last organisation merely mentioned: "Schulz und Hoffmann wollen beim
        # Bundesverfassungsgericht klagen. Sie halten …" — coordinated persons are plural too
        return None

    def _opens_sentence(self, j: int) -> bool:
        """Person ``j`` is the subject that opens its sentence, maybe after its title or role:
        "Bundesverkehrsminister Stolpe setzt …". Such a person outranks an earlier speaker."""
        toks, lex = self.tokens, self.lex
        t = bisect.bisect_left(self._token_starts, self._person_starts[j])
        k = t - 1
        while k >= 0 and t - k <= MAX_SUBJECT_PREMODIFIERS and toks[k].text[:1].isalpha() and (
                toks[k].text in lex.determiners or toks[k].text in lex.role_nouns or toks[k].low in lex.focus_particles
                or (toks[k].text[:1].isupper() and toks[k].low.endswith(self._role_ends))
                # where nouns are lower-case, a role may follow its employer: "Wild defenseman Ryan Suter"
                or (lex.lowercase_nouns and self._role_word(toks[k].low) and k > 0 and _capitalised(toks[k - 1]))
                or (lex.lowercase_nouns and k + 1 < t and self._role_word(toks[k + 1].low) and _capitalised(toks[k]))):
            k -= 1
        return k < 0 or toks[k].text in ".!?:" or "\n" in self.text[toks[k].end : toks[k + 1].start]

    def _sentence_subject(self, j: int, gender: str) -> int:
        """The person that opens the sentence person ``j`` is named in, else ``j``: a pronoun takes
        up the subject of the sentence before it rather than a person named in passing there
        ("Wild defenseman Ryan Suter, who joked about Parise's sticks, could see … “He's used to
        scoring,”" — "he" is Suter)."""
        t = bisect.bisect_left(self._token_starts, self._person_starts[j])
        k = self._sentence_first(t)
        if k is None:
            return j  # too long a sentence to say where it starts
        first = bisect.bisect_left(self._person_starts, self.tokens[k].start if k < len(self.tokens) else 0)
        for i in range(first, j):
            if self._opens_sentence(i):
                return i if gender not in ("m", "f") or self._person_gender(i) in ("", gender) else j
        return j

    def _person_owner(self, first: int, last: int) -> str | None:
        """The person in "Ibsen's wife", "Trump's lawyer": a possessive name before a lower-case
        role noun names someone else, whose role it is."""
        toks, lex = self.tokens, self.lex
        head = toks[first]
        if not lex.possessive_endings or not head.text.endswith(lex.possessive_endings) \
                or not any(t.text in lex.role_nouns and t.text.islower() for t in toks[first + 1 : last]):
            return None
        if self.label_of(head.start, head.end) != "PER":
            return None
        return self._entity_name(head.start, head.end)

    def _employer_at(self, first: int, last: int) -> int | None:
        """The token of "for" in "a spokesman for Apple", if the phrase is a role and its employer."""
        toks, lex = self.tokens, self.lex
        return next((k for k in range(first + 1, last - 1) if toks[k].low in lex.role_prepositions
                     and toks[k - 1].text in lex.role_nouns), None)

    def _employer_after(self, j: int, stop: int) -> int:
        """Past "for Apple", "for the Justice Department" after a role noun ending at token ``j``."""
        toks, lex = self.tokens, self.lex
        if j + 1 >= stop or toks[j].low not in lex.role_prepositions:
            return j
        k = j + 1 + (toks[j + 1].text in lex.determiners)
        if k < stop and _capitalised(toks[k]) and toks[k].text[:1].isalpha() and not self._not_a_head(toks[k]):
            return self._noun_run(k, stop)
        return j

    def _age_word(self, tok: Token) -> bool:
        """"56-year-old", "79-Jährige": a number and an age noun or adjective."""
        number, dash, rest = tok.text.partition("-")
        return bool(dash) and number.isdigit() and rest.lower() in self.lex.age_nouns

    def _role_word(self, low: str) -> bool:
        """A role or group noun, or its plural: "spokesman", "officials", "bosses"."""
        speaker_nouns = self.lex.speaker_nouns
        return low in speaker_nouns or any(low.endswith(e) and low[: -len(e)] in speaker_nouns
                                           for e in self.lex.plural_endings)

    def _last_source(self, before: int) -> str | None:
        """With no person before it, a pronoun stands for the organisation that spoke last, if near:
        "Die Gewerkschaft lehnte das ab. Sie bezeichnet die Lösung als Irrweg." """
        for m in reversed(self.mentions[-MAX_LOOKBACK:]):
            if m.start < before:
                ok = before - m.start <= SPEAKER_PREFERENCE_CHARS and m.name not in self.lex.speaker_pronouns \
                    and m.label == "ORG"
                return m.name if ok else None
        return None

    def _last_speaker(self, before: int, gender: str, role: str = "") -> str | None:
        """The person who spoke last, if within SPEAKER_PREFERENCE_CHARS and not of the other gender:
        "…, erklärte Putin. Der russische Staatschef hob … hervor". Any person mentioned further
        back is too weak a guess for a role noun; it likely introduces someone new."""
        for m in reversed(self.mentions[-MAX_LOOKBACK:]):
            if m.start >= before:
                continue
            if before - m.start > SPEAKER_PREFERENCE_CHARS or m.label != "PER" \
                    or any(w.islower() and w in self.lex.role_nouns for w in m.name.split()):
                return None  # an organisation, or a role no one was named for ("Ibsen's wife")
            if gender in ("m", "f") and self._name_gender(m.name) not in ("", gender):
                return None
            return self._named_since(m, before, gender, role)
        return None

    def _named_since(self, m: Mention, before: int, gender: str, role: str = "") -> str | None:
        """The last speaker ``m``, unless sentences after its own name other people: then the one
        person they name, or no one ("„…“, said Vance. … Zelensky thanked Biden. The Ukrainian
        president said" is not Vance)."""
        t = bisect.bisect_left(self._token_starts, m.start)
        opening = self._sentence_first(t)
        k = bisect.bisect_left(self._person_starts, m.start)
        others = set()
        for j in range(k, bisect.bisect_left(self._person_starts, before)):
            name = self._person_names[j]
            if name == m.name or (gender in ("m", "f") and self._person_gender(j) not in ("", gender)):
                continue
            pt = bisect.bisect_left(self._token_starts, self._person_starts[j])
            if opening is not None and self._sentence_first(pt) != opening:
                others.add(name)
        if not others:
            return m.name
        if len(others) > 1 or (role and self._role_used(m.start, before, role)):
            return None  # several people, or the role used since for someone unnamed
        return others.pop()

    def _role_used(self, lo: int, before: int, role: str) -> bool:
        """The role noun occurs between ``lo`` and the sentence of ``before``: "Merz met the minister."""
        t = bisect.bisect_left(self._token_starts, before)
        opening = self._sentence_first(t)
        stem = role.lower()
        return any(self.tokens[k].low.endswith(stem)
                   for k in range(bisect.bisect_left(self._token_starts, lo), t if opening is None else opening))

    def _gender_of(self, word: str) -> str:
        """"f", "m" or "" for a title or role word: "Frau", "Ministerin" (a role noun with the
        feminine suffix), "Minister"; "" when the word says nothing."""
        lex = self.lex
        if word in lex.gendered:
            return lex.gendered[word]
        if word in lex.role_nouns and lex.feminine_role_suffix:
            return "f" if word.endswith(lex.feminine_role_suffix) else "m"
        return ""

    def _person_gender(self, j: int) -> str:
        """The gender the text gives person ``j``, at this mention or another of the same name."""
        return self._own_gender(j) or self._name_gender(self._person_names[j])

    def _own_gender(self, j: int) -> str:
        """The gender the text gives person ``j`` here: a title or role noun just before the name,
        else the usual gender of its first name ("Angela Merkel"; none for "Andrea", "Kim"), else a
        gendered pronoun after it in its sentence with no one else named between ("Taylor Swift
        said she …")."""
        gender = self._role_gender(j)
        if gender:
            return gender
        words = self._person_names[j].split()
        gender = self._first_names.get(words[0], "") if len(words) > 1 else ""
        return gender or self._pronoun_gender(j)

    def _pronoun_gender(self, j: int) -> str:
        toks, table = self.tokens, self.lex.coreferent_pronouns
        if not table:
            return ""
        t = bisect.bisect_left(self._token_starts, self._person_ends[j])
        stop = self._person_starts[j + 1] if j + 1 < len(self._person_starts) else len(self.text)
        for k in range(t, min(len(toks), t + MAX_COREFERENT_TOKENS)):
            tok = toks[k]
            if tok.start >= stop or tok.text in ".!?" or tok.text in self.lex.openers:
                return ""
            if tok.low in table:
                return table[tok.low]
        return ""

    def _role_gender(self, j: int) -> str:
        start = self._person_starts[j]
        t = bisect.bisect_left(self._token_starts, start)
        for tok in self.tokens[max(0, t - 2) : t]:
            gender = self._gender_of(tok.text)
            if not gender and self.lex.feminine_role_suffix and tok.text[:1].isupper():
                # a compound role: "Außenministerin", "Regierungssprecher"
                role = next((r for r in self.lex.role_nouns if tok.low.endswith(r.lower()) and len(r) > 4), None)
                gender = self._gender_of(role) if role else ""
            if gender:
                return gender
        return ""

    def _recent(self, before: int, label: str, gender: str = "") -> str | None:
        """The name of the last person mentioned (as an entity or as a speaker) before ``before``;
        with ``gender`` ("m", "f"), the last one not known to be of the other gender."""
        best_start, best = -1, None
        k = bisect.bisect_left(self._person_starts, before) - 1
        if gender in ("m", "f"):
            while k >= 0 and self._person_gender(k) not in ("", gender):
                k -= 1
        if k >= 0:
            k = self._sentence_subject(k, gender)
            best_start, best = self._person_starts[k], self._person_names[k]
            if not self._opens_sentence(k):
                best_start -= SPEAKER_PREFERENCE_CHARS  # a subject since outranks the last speaker:
                # "Stolpe setzt auf … Er sagte"; one named in passing does not
        for m in reversed(self.mentions[-MAX_LOOKBACK:]):
            if m.start < before and m.label == label and m.start > best_start:
                if gender in ("m", "f") and self._name_gender(m.name) not in ("", gender):
                    continue
                best_start, best = m.start, m.name
                break
        return best

    def _only_person_near(self, before: int, role: str) -> str | None:
        """The one person the sentence just before names, as its subject, when the role is not
        used there for someone unnamed: "James Van Der Beek is expecting a child. “…,” the actor
        said" (but "Merz met the minister. The minister said" is not Merz)."""
        t = bisect.bisect_left(self._token_starts, before)
        opening = self._sentence_first(t)
        previous = self._sentence_first(opening - 1) if opening else None
        if opening is None or previous is None:
            return None
        lo = self.tokens[previous].start
        if self._role_used(lo, before, role):
            return None  # the role was used before, for its own referent
        js = [j for j in range(bisect.bisect_left(self._person_starts, lo), len(self._person_starts))
              if self._person_starts[j] < self.tokens[opening].start]
        names = {self._person_names[j] for j in js}
        if len(names) != 1 or not any(self._opens_sentence(j) for j in js):
            return None
        return names.pop()

    def _named_later_in_sentence(self, before: int, name: str) -> bool:
        """``name`` is named again after ``before`` in its sentence: "Der Richter sagte zu Mair" —
        the role speaks to that person, so it is someone else."""
        t = k = bisect.bisect_left(self._token_starts, before)
        while k < len(self.tokens) and k - t < MAX_SENTENCE_TOKENS and not self._ends_sentence(k):
            k += 1
        end = self.tokens[k].end if k < len(self.tokens) else len(self.text)
        return any(self._person_names[j] == name for j in range(bisect.bisect_left(self._person_starts, before),
                                                                  bisect.bisect_left(self._person_starts, end)))

    def _recent_near(self, before: int) -> str | None:
        """``_recent`` for a person, if named within SPEAKER_PREFERENCE_CHARS: an age noun ("der
        55-Jährige") takes up someone just named, not a person paragraphs back."""
        best = self._recent(before, "PER")
        lo = before - SPEAKER_PREFERENCE_CHARS
        k = bisect.bisect_left(self._person_starts, lo)
        near = any(self._person_names[j] == best and self._person_starts[j] < before
                   for j in range(k, len(self._person_starts))) \
            or any(m.name == best and lo <= m.start < before for m in self.mentions[-MAX_LOOKBACK:])
        return best if near else None

    def _name_gender(self, name: str) -> str:
        """The gender known for a person's name from any of its mentions (computed once)."""
        if self._genders is None:
            self._genders = {}
            for j, known in enumerate(self._person_names):
                if not self._genders.get(known):
                    self._genders[known] = self._own_gender(j)
        return self._genders.get(name, "")


_SUFFIXES: dict[int, tuple[QuoteLexicon, tuple[str, ...], tuple[str, ...]]] = {}


def _suffixes(lex: QuoteLexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Role and group nouns as word endings ("Außenministerin", "Staatsanwaltschaft"), once per
    lexicon (the cache holds the lexicon, so its id is not reused by another)."""
    cached = _SUFFIXES.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = (lex, tuple(sorted({r.lower() for r in lex.role_nouns if len(r) >= MIN_ROLE_SUFFIX})),
                  tuple(sorted({g.lower() for g in lex.group_speakers if len(g) >= MIN_ROLE_SUFFIX})))
        _SUFFIXES[id(lex)] = cached
    return cached[1], cached[2]


def _fallback_names(text: str, tokens: list[Token], lex: QuoteLexicon) -> list[Entity]:
    """Without recognised entities: runs of two or more capitalised words not led by a determiner."""
    out: list[Entity] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and _capitalised(tokens[j]) and tokens[j].text[0].isalpha() and tokens[j].text not in lex.determiners \
                and tokens[j].text not in lex.role_nouns and tokens[j].text not in lex.speaker_pronouns:
            j += 1
        # a sentence may start with a name, but not with "Am Montag" or "Dazu Stellung"
        initial = i == 0 or tokens[i - 1].text in ".!?\n"
        lead_ok = (i == 0 or tokens[i - 1].text not in lex.determiners) and not (
            initial and (tokens[i].low in lex.prepositions or tokens[i].low in lex.speaker_stop_words
                         or tokens[i].low in lex.clause_stop_words or tokens[i].low in lex.according_adverbs))
        if j - i >= 2 and lead_ok:
            out.append(Entity(tokens[i].start, tokens[j - 1].end, text[tokens[i].start : tokens[j - 1].end], "PER",
                              text[tokens[i].start : tokens[j - 1].end]))
        i = max(j, i + 1)
    full = {e.text.split()[-1]: e.text for e in out}
    for i, tok in enumerate(tokens):
        key = next((f for f in base_forms(tok.text, lex.language) if f in full), None)  # or "Putins"
        if key is not None and not any(e.start <= tok.start < e.end for e in out) and i > 0 \
                and tokens[i - 1].text not in lex.determiners:
            out.append(Entity(tok.start, tok.end, tok.text, "PER", full[key]))
    return sorted(out, key=lambda e: e.start)
