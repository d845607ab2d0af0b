"""Cues in a sentence: verbs of saying ("sagte", "teilte … mit"), content nouns ("Begründung"),
attribution words ("laut X", "nach Angaben von X", "X zufolge", "so X", "demnach")."""

from __future__ import annotations

from dataclasses import dataclass

from newsmill.enrich.morphology import base_forms
from newsmill.enrich.quotes.lexicon import QuoteLexicon
from newsmill.enrich.quotes.speakers import SpeakerFinder
from newsmill.enrich.quotes.text import Sentence, Token

# A separated particle this close to its verb ("teilte am Montag mit") joins the cue span; farther
# away the span would cover the whole middle field, so it is the verb alone.
MAX_PARTICLE_SPAN = 3
# Words between "nach" and its speech noun: "nach eigenen Angaben", "nach Grupps Meinung".
MAX_NACH_MODIFIERS = 3
# Words back from a postposition ("X zufolge") that its source may span.
MAX_POSTPOSITION_SOURCE = 8
# Words of the frame after the speaker of "so X" ("so Obama weiter", "so der Minister am Montag").
MAX_SO_TAIL = 3
# Words between an opinion verb and its "es für" ("hält es jedoch für möglich", "es für sinnvoll hielten").
MAX_OPINION_SPAN = 3
# Words between the article or preposition that opens a noun phrase and a participle describing its
# noun ("einer von der amtlichen Nachrichtenagentur verbreiteten Erklärung").
MAX_ATTRIBUTE_SPAN = 7


@dataclass(frozen=True, slots=True)
class Cue:
    first: int  # token range of the cue phrase
    last: int
    kind: str  # "verb" | "noun" | "according" | "so" | "adverb"
    speaker: tuple[int, int] | None = None  # token range when the cue itself names the source


def cue_word(tokens: list[Token], cue: Cue, lex: QuoteLexicon) -> str:
    """The cue's verb form in lower case, a detached particle joined to it ("bekannt gegeben" is
    "bekanntgegeben"), for the checks on its form."""
    low = tokens[cue.first].low
    if cue.last - cue.first == 2 and low in lex.detached_particles:
        return low + tokens[cue.first + 1].low
    return low


def _genitive(tok: Token, lex: QuoteLexicon) -> bool:
    """A word that may be a name in the genitive ("Grupps", "Trump's")."""
    return len(base_forms(tok.text, lex.language)) > 1


class CueFinder:
    """Finds the cues of a sentence outside quotation marks; one instance per article."""

    def __init__(self, tokens: list[Token], in_quote: list[bool], lex: QuoteLexicon, speakers: SpeakerFinder) -> None:
        self.tokens, self.in_quote, self.lex, self.speakers = tokens, in_quote, lex, speakers

    def cues(self, s: Sentence) -> list[Cue]:
        out: list[Cue] = []
        toks, lex = self.tokens, self.lex
        for i in range(s.first, s.last):
            if self.in_quote[i]:
                continue
            tok = toks[i]
            low = tok.low
            verbish = (tok.text[:1].islower() or i == s.first) and not (i > s.first and toks[i - 1].low in lex.noun_markers) \
                and not (i > s.first and toks[i - 1].low in lex.not_cue_after) \
                and not (i > s.first and low in lex.participles and toks[i - 1].low in lex.adjective_participle_after)
            if verbish and low in lex.impersonal_cues and lex.impersonal_subject and not self._beside_subject(i, s):
                continue  # "„…“ heißt die Serie", "wie die Gegend heißt": a name, not "hieß es"
            if verbish and i == s.first + 1 and toks[s.first].low in lex.adverbial_openers \
                    and i + 1 < s.last and toks[i + 1].text == ",":
                continue  # "That said, …", "Ehrlich gesagt, …": an adverbial, no one speaks
            if verbish and low in lex.reflexive_not_cue and self._reflexive(i, s):
                continue  # "die sich Vorteile davon verspricht": expects, does not promise
            if verbish and low in lex.opinion_verbs and self._opinion_frame(i, s):
                out.append(Cue(i, i + 1, "verb"))  # "hält es für möglich, dass …"
            elif verbish and low in lex.cue_forms and not self._attributive(i, s):
                out.append(Cue(i, i + 1, "verb"))
            elif verbish and i > s.first and toks[i - 1].low in lex.detached_particles and not self.in_quote[i - 1] \
                    and toks[i - 1].low + low in lex.cue_forms:
                out.append(Cue(i - 1, i + 1, "verb"))  # "hat … bekannt gegeben", "wie … bekannt gab"
            elif verbish and tok.text in lex.separable:
                particle = self._particle(i, s, lex.separable[tok.text])
                if particle is not None:
                    out.append(Cue(i, particle + 1 if particle - i <= MAX_PARTICLE_SPAN else i + 1, "verb"))
            elif tok.text in lex.content_nouns and i + 2 < s.last and toks[i + 1].text == ",":
                out.append(Cue(i, i + 1, "noun"))  # "mit der Begründung, dass …", "den Vorwurf, … zu haben"
            elif tok.text in lex.content_nouns and (holder := self._noun_holder(i, s)) is not None:
                out.append(Cue(i, i + 1, "noun", holder))  # "die Forderung der Gewerkschaft, … zu …"
            elif low in lex.according_post and i > s.first:
                out.append(Cue(i, i + 1, "according", self._np_before(i, s.first)))
            elif low in lex.according_adverbs and not (low in lex.relative_according and (i == s.first or toks[i - 1].text != ",")):
                # "Demnach": the word stands for the source; "wonach" only as a relative after its
                # noun ("Berichte, wonach …"): "Wonach Nutzer rufen, …" asks or names a thing
                out.append(Cue(i, i + 1, "adverb", (i, i + 1)))
            elif low == lex.so_word and i > s.first and (toks[i - 1].text == "," or toks[i - 1].text in lex.closers):
                np = self.speakers.noun_phrase_from(i + 1, s.last)
                if np and (np[1] >= s.last or toks[np[1]].text in ",.;" or self._so_tail(np[1], s)):
                    out.append(Cue(i, i + 1, "so", np))
            else:
                cue = self._according_pre(i, s)
                if cue:
                    out.append(cue)
        return out

    def _attributive(self, i: int, s: Sentence) -> bool:
        """A participle before the noun it describes: "auf nicht weiter bezeichnete Quellen", "in einer
        von der Nachrichtenagentur verbreiteten Erklärung" — an inflected form right before a
        capitalised word, and before it, past adverbs and an agent phrase, the article or
        preposition that opens the noun phrase."""
        toks, lex = self.tokens, self.lex
        endings = self.speakers.adjective_endings
        if not endings or i + 1 >= s.last or not toks[i].low.endswith(endings) or not toks[i + 1].text[:1].isupper() \
                or self.in_quote[i + 1] or toks[i + 1].text in lex.determiners or toks[i + 1].text in lex.speaker_pronouns:
            return False
        k = i - 1
        while k >= max(s.first, i - MAX_ATTRIBUTE_SPAN):
            tok = toks[k]
            if self.in_quote[k] or tok.text in ",;:" or tok.low in lex.coordinators:
                return False  # "teilte gegen ihn aus und bezeichnete Azad als …": a second verb
            if tok.low in lex.agent_prepositions:
                k -= 1  # "von der Nachrichtenagentur verbreiteten": the agent inside the phrase
                continue
            if tok.text in lex.determiners or tok.low in lex.prepositions:
                if k == i - 1 and tok.text in lex.determiners and (k == s.first or toks[k - 1].text in ",;:"):
                    return False  # "Das bestätigte Polizeisprecher Müller": a pronoun as the object
                if k > s.first and toks[k - 1].low in lex.agent_prepositions:
                    k -= 2
                    continue
                return True
            if tok.text[:1].isupper() and not (k > s.first and (toks[k - 1].text in lex.determiners
                                                                 or toks[k - 1].text[:1].islower())):
                return False  # "Die Polizei bestätigte Berichte": the subject, a finite verb
            if tok.text[:1].isupper() and not any(toks[j].low in lex.agent_prepositions for j in range(max(s.first, k - 3), k)):
                return False
            k -= 1
        return False

    def _opinion_frame(self, i: int, s: Sentence) -> bool:
        """"hält es (jedoch) für möglich,", "es für sinnvoll hielten,": "es" next to the verb (a few
        words away at most), "für" after it, an adjective, then the comma of the content (or the
        verb, when it closes a subordinate clause, and then the comma)."""
        toks, frame = self.tokens, self.lex.opinion_frame
        if len(frame) != 2:
            return False
        obj, prep = frame
        near = range(max(s.first, i - MAX_OPINION_SPAN), min(s.last, i + MAX_OPINION_SPAN + 1))
        for e in (k for k in near if toks[k].low == obj and not self.in_quote[k]):
            f = next((k for k in range(e + 1, min(s.last, e + MAX_OPINION_SPAN + 1)) if toks[k].low == prep), None)
            if f is None or f + 2 >= s.last or not toks[f + 1].text.isalpha():
                continue
            after = [t.text for t in toks[f + 2 : min(s.last, f + 4)]]
            if after[:1] == [","] or (len(after) == 2 and toks[f + 2].low == toks[i].low and after[1] == ","):
                return True
        return False

    def _noun_holder(self, i: int, s: Sentence) -> tuple[int, int] | None:
        """Content noun ``i`` with its holder as an attribute right after it and then the comma of
        its content ("die Warnung der Wärter, …", "Forderungen von Politikern der SPD, …"): the
        holder's token range, when it names someone who can speak."""
        toks, lex = self.tokens, self.lex
        j = i + 1
        if j >= s.last or toks[j].low not in lex.attribute_words or self.in_quote[j]:
            return None
        start = j + 1 if toks[j].text not in lex.determiners else j  # "von X", but "der Wärter"
        np = self.speakers.noun_phrase_from(start, s.last)
        if np is None or np[1] + 2 >= s.last or toks[np[1]].text != "," or not self.speakers.plausible_range(*np):
            return None
        return np

    def _so_tail(self, j: int, s: Sentence) -> bool:
        """"so Obama weiter,", "so der Minister am Montag:": a few words of the frame after the
        speaker of "so X", opening with a lower-case adverb or preposition, then the comma or stop."""
        return self.so_tail_end(j, s) is not None

    def so_tail_end(self, j: int, s: Sentence) -> int | None:
        """The token after such a tail (its comma or stop), or None when the words are no frame."""
        toks, lex = self.tokens, self.lex
        if j >= s.last or not toks[j].text.isalpha() or not toks[j].text.islower():
            return None
        k = j
        while k < s.last and k - j < MAX_SO_TAIL and toks[k].text not in ",.;:" and not self.in_quote[k]:
            word = toks[k]
            if not (word.low in lex.speaker_stop_words or word.low in lex.prepositions or word.text in lex.determiners
                    or word.text[:1].isupper()):
                return None  # "…, so die Straßen bald überflutet waren": a clause, not a frame
            k += 1
        return k if k >= s.last or toks[k].text in ",.;:" else None

    def _reflexive(self, i: int, s: Sentence) -> bool:
        """A reflexive pronoun in the clause of verb ``i``: back to its comma, or right after it."""
        toks, lex = self.tokens, self.lex
        if i + 1 < s.last and toks[i + 1].low in lex.reflexives:
            return True
        k = i - 1
        while k >= s.first and toks[k].text not in ",;:" and not self.in_quote[k]:
            if toks[k].low in lex.reflexives:
                return True
            k -= 1
        return False

    def _beside_subject(self, i: int, s: Sentence) -> bool:
        """"heißt es", "es hieß": the impersonal subject next to the verb."""
        subject = self.lex.impersonal_subject
        return any(s.first <= k < s.last and self.tokens[k].low == subject for k in (i - 1, i + 1))

    def _particle(self, i: int, s: Sentence, particles: frozenset[str]) -> int | None:
        toks = self.tokens
        for k in range(i + 1, s.last):
            if toks[k].low in particles and not self.in_quote[k]:
                nxt = toks[k + 1].text if k + 1 < s.last else "."
                if not nxt[:1].isalnum():
                    return k
        return None

    def _according_pre(self, i: int, s: Sentence) -> Cue | None:
        toks, lex = self.tokens, self.lex
        low = toks[i].low
        if low not in lex.according_starts:
            return None
        for phrase in lex.according_pre:
            n = len(phrase)
            if low == phrase[0] and all(i + k < s.last and toks[i + k].low == phrase[k] for k in range(n)):
                j = i + n
                if j >= s.last or toks[j].low in lex.according_not_before or toks[j].text in ".!?;":
                    return None  # "laut werden", "wurden Vorwürfe laut.": the adjective, no source follows
                while j < s.last and toks[j].text in lex.openers:
                    j += 1
                np = self.speakers.noun_phrase_from(j, s.last) or self._lower_name(j, s.last)
                if low in lex.according_needs_source and not self._names_source(np):
                    return None  # "gemäß dem neuen Profil", "gemäß der Regelung": in accordance with, no source
                return Cue(i, i + n, "according", np)
        if low == lex.according_nach and i + 1 < s.last:
            j = i + 1
            if toks[j].text in lex.determiners:
                j += 1
            while j < s.last and j - i <= MAX_NACH_MODIFIERS and (toks[j].text[:1].islower() or _genitive(toks[j], lex)) \
                    and toks[j].text[:1].isalpha() and j + 1 < s.last and toks[j + 1].text[:1].isupper():
                j += 1  # "nach eigenen Angaben", "nach Grupps Meinung"
            if j < s.last and self._speech_noun(toks[j].text):
                np = self.speakers.noun_phrase_from(j, s.last)
                return Cue(i, j + 1, "according", np or (j, j + 1))
        return None

    def _names_source(self, np: tuple[int, int] | None) -> bool:
        """A phrase that can be a source: a person or organisation, or headed by a speech or message
        noun ("gemäß einem Bericht", "gemäß Angaben der Polizei")."""
        if np is None:
            return False
        if self.speakers.plausible_range(*np):
            return True
        return any(self._speech_noun(t.text) or t.text in self.lex.message_nouns for t in self.tokens[np[0] : np[1]])

    def _lower_name(self, j: int, stop: int) -> tuple[int, int] | None:
        """A source written in lower case, as agencies and papers style themselves ("laut dpa",
        "laut taz jedoch"): one word no capitalised noun follows (else it is an adjective: "laut
        eigenen Angaben") and no function word."""
        toks, lex = self.tokens, self.lex
        if j >= stop or not toks[j].text.isalpha() or not toks[j].text.islower():
            return None
        low = toks[j].low
        if low in lex.determiners or low in lex.prepositions or low in lex.speaker_stop_words \
                or low in lex.clause_stop_words or low in lex.complementizers or low in lex.according_not_before \
                or low in lex.pronouns or low in lex.relative_pronouns:
            return None
        if j + 1 < stop and toks[j + 1].text[:1].isupper():
            return None
        return j, j + 1

    def _speech_noun(self, word: str) -> bool:
        """"Angaben", and compounds ending in one: "Polizeiangaben", "Armeeangaben"."""
        return word in self.lex.speech_nouns or word.lower().endswith(self.lex.speech_noun_heads)

    def _np_before(self, i: int, first: int) -> tuple[int, int] | None:
        toks = self.tokens
        k = i
        while k > first and i - k < MAX_POSTPOSITION_SOURCE and toks[k - 1].text[:1].isalpha() and not self.in_quote[k - 1]:
            k -= 1
            if toks[k].text in self.lex.determiners or toks[k].text == ",":
                break
            if toks[k].low in self.lex.according_not_before:
                k += 1  # "war Berichten zufolge": the verb before the source is the sentence's
                break
            if toks[k].text in self.lex.speaker_pronouns:
                # "Sie entstammen Zeitungsberichten zufolge": the subject and its verb, then the source
                k += 1
                while k < i and toks[k].text[:1].islower():
                    k += 1
                break
        return (k, i) if k < i else None

    # --- quotations ---------------------------------------------------------------------------
