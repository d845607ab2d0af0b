"""Cues in a sentence and the quotation each one frames: direct, indirect, mixed or reported.

Works on one sentence at a time with tokens marked as inside or outside quotation marks; the
speaker phrase is found by ``SpeakerFinder`` on the frame, never inside the quoted words.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from newsmill.article import Span, Speaker
from newsmill.enrich.quotes.cues import Cue, CueFinder, cue_word
from newsmill.enrich.quotes.lexicon import QuoteLexicon
from newsmill.enrich.quotes.marks import Marked
from newsmill.enrich.quotes.speakers import SpeakerFinder
from newsmill.enrich.quotes.text import Sentence, Token

# The comma that opens the reported content follows the cue within this many tokens
# ("sagte der Sprecher der Stadt am Montag, ..."); farther away it belongs to something else.
MAX_FRAME_TOKENS = 12
# A direct quotation this long (words) is a quote wherever it stands; shorter ones are names,
# titles or scare quotes unless a cue or indirect speech surrounds them.
MIN_DIRECT_WORDS = 4
# Words a subject may run on past what we read as its noun phrase before an apposition
# ("Der frühere Bürgermeister und Justizsenator, Henning Scherf, warnte").
MAX_APPOSITION_GAP = 3
# Quoted words this long are a quote even when they start with a capital and stand after an
# article ("eine „…“"): names and titles in quotation marks are shorter.
LONG_DIRECT_WORDS = 6
# A capitalised quotation without end punctuation in a sentence with no cue is a title or a name
# up to this many words ("Geschichte der Gastronomie im Dresdner Großen Garten").
MAX_TITLE_WORDS = 12
# Quoted words, all capitalised, up to this many and inside a sentence with no cue are a name or a
# title even when a full stop or comma stands inside the marks (American style: “Judy.”).
MAX_NAME_WORDS = 3
# Letters from which an English title capitalises a word ("a", "to", "the", "of" stay lower case).
TITLE_WORD_LETTERS = 4
# Such words a title needs; one more when it opens like speech ("What a Fool Believes").
TITLE_CASE_WORDS = 2
# Words of a quotation after a colon below which, with no cue and no end punctuation, it is a label.
MAX_LABEL_WORDS = 2
# Quoted words covering this share of the content make it a direct quote, less makes it mixed.
DIRECT_COVER = 0.8
# Characters before a quotation read for the word that introduces it ("trägt den Titel", "nannte es"):
# a few words are enough, and a wider window would reach words of another phrase.
BEFORE_QUOTE_CHARS = 40
# Cues read per sentence: real sentences have one to three; runaway text (a 1 MB "sentence" of
# "sagte, dass …") must not cost cues × tokens.
MAX_CUES = 6
# Tokens of content after a parenthetical "so X," that make it part of the quotation, not a tail.
MIN_AFTER_INSERT = 2
# Tokens after the speaker of an inverted frame (", teilte der USGS in Denver mit."): a place or
# time and the particle; more is a clause of its own.
MAX_FRAME_TAIL = 4
# Tokens of an apposition after a speaker who follows the quotation ("“…,” X, deputy administrator
# for exploration in NASA’s Science Mission Directorate, said"), beyond the frame itself.
MAX_SPEAKER_APPOSITION = 12
# Words between a passive auxiliary and its participle ("are briefly shown or mentioned").
MAX_AUX_GAP = 4
# Words of an English stretch before ", X said" below which it is an adverbial, not content ("However,").
MIN_BEFORE_WORDS = 3
# Tokens of a speaker phrase between commas inside content ("The plan, Smith said, would fail").
MAX_INSERTED_SPEAKER = 3
# Tokens after the cue of such a frame before its clause ends ("told the Associated Press on Tuesday").
MAX_TAIL_AFTER_BEFORE = 8
# Letters a verb form needs before its ending is read as Konjunktiv I ("gehöre", "rechne"; not "Ende").
MIN_FORM_LETTERS = 4
# Adverbs between a comma and the verb that resumes a frame's sentence ("…, allerdings schrieb …").
MAX_RESUME_ADVERBS = 2
_FINAL = frozenset(".!?…;")
_DASHES = frozenset("–—")


def m_start_trimmed(text: str, start: int) -> int:
    """The end of the text before a quotation's opening mark, without the spaces before it."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start


def _title_case(words: str) -> int:
    """English title case: the number of words of four letters or more when every one is
    capitalised (a sentence capitalises its first word only), else 0."""
    long = [w for w in words.split() if len(w.strip("’'\"-")) >= TITLE_WORD_LETTERS]
    return len(long) if all(w[:1].isupper() for w in long) else 0


def _cap(word: str) -> bool:
    return word[:1].isupper()


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    cue: Span | None = None
    inherit: bool = False  # take the speaker of the previous quotation
    guessed: bool = False  # speaker guessed from the sentence before; a recent quotation's wins
    named_subject: bool = False  # ... unless the guess is a person or organisation the text names
    fragments: list[Marked] = field(default_factory=list)
    refers_back: bool = False  # the content is the sentence before ("Dies sagte X")


class SentenceReader:
    """Reads the quotations of one article's sentences; one instance per article."""

    def __init__(self, text: str, tokens: list[Token], in_quote: list[bool], lex: QuoteLexicon,
                 speakers: SpeakerFinder) -> None:
        self.text, self.tokens, self.in_quote, self.lex, self.speakers = text, tokens, in_quote, lex, speakers
        self._marked: list[Marked] = []
        self.cue_finder = CueFinder(tokens, in_quote, lex, speakers)
        self._token_starts = [t.start for t in tokens]

    # --- cues -------------------------------------------------------------------------------

    def read(self, s: Sentence, marked: list[Marked], recent: bool, prev: Sentence | None = None) -> list[Candidate]:
        """The quotations of sentence ``s``; ``recent``: the sentence before held a quotation."""
        cues = self.cue_finder.cues(s)[:MAX_CUES]
        embedded = [c for c in cues if self._embedded_cue(s, c, cues)]
        if embedded:  # the main clause's cue reads its content first; the other still reads what is left
            cues = [c for c in cues if c not in embedded] + embedded
        trailing = [c for c in cues if self._after_colon_quote(s, c)]
        if trailing:  # "X äußerte sich: „…“, sagte er": the attribution next to the quotation reads it
            cues = trailing + [c for c in cues if c not in trailing]
        own = [c for c in cues if c.kind in ("verb", "noun") and self._first_person(s, c)]
        if own:
            cues = [c for c in cues if c not in own]
            if not cues:
                return []  # "habe ich mich gefragt: „…“", "I don't recommend that": the writer's own
        if cues and self.text[s.start : s.end].rstrip().endswith("?"):
            # "Haben auch Sie den Eindruck, dass …?": the writer asks; a content noun there names no one's words
            cues = [c for c in cues if c.kind != "noun"]
        if not any(c.kind == "verb" for c in cues):
            # "Offen ist die Frage, ob …": a topic, unless someone answers or puts it
            cues = [c for c in cues if not (c.kind == "noun" and self.tokens[c.first].text in self.lex.topic_nouns)]
        self._marked = marked
        back = self._anaphoric(s, cues, prev)
        if back is not None:
            return [back]
        verbal = any(c.kind == "verb" for c in cues)
        directs = [m for m in marked if self._is_direct(m, s, bool(cues), verbal)]
        out: list[Candidate] = []
        main = next((c for c in cues if c.kind == "verb" and c not in embedded), None) if embedded else None
        for cue in cues:
            found = self._verb_quote(s, cue, directs) if cue.kind in ("verb", "noun") \
                else [self._according(s, cue, directs)]
            if main is not None and cue in embedded:
                found = self._main_speaker(s, main, found)
            for cand in found:
                if cand and not any(c.start < cand.end and cand.start < c.end for c in out):
                    out.append(cand)
        if out:
            # quoted words outside every content span ("…, so Gall, „in Anbetracht …“ begrenzen")
            # are the same speaker's words
            first = out[0]
            left = [m for m in directs if not any(c.start <= m.start and m.end <= c.end for c in out)]
            return out + [Candidate(m.start, m.end, "direct", first.speaker, first.cue, first.inherit) for m in left]
        verbs = [c for c in cues if c.kind == "verb"]
        if directs:
            mixed = None if verbs else self._free_with_fragments(s, directs, recent, prev)
            if mixed is not None:
                return [mixed]
            # in the subjunctive the sentence is reported speech and its subject part of it ("Die
            # Leitung habe das Schreiben „irritiert“"): the speaker is the one quoted before
            subjunctive = self._has_subjunctive(s.first, self._token_at(directs[0].start))
            speaker = self._frame_speaker(s, verbs[0], s.last) if verbs else \
                self._colon_speaker(s, directs[0]) or (None if subjunctive else self._quoting_subject(s, directs[0]))
            cue_span = self._span(verbs[0].first, verbs[0].last) if verbs else None
            return [Candidate(m.start, m.end, "direct", speaker, cue_span, inherit=speaker is None) for m in directs]
        framed = self._framed(s, verbs[0], directs) if verbs else None
        if framed is not None:
            return [framed]
        reported = self._reported(s, verbs[0]) if verbs else []
        return reported or self._free(s, recent, prev)

    def _main_speaker(self, s: Sentence, main: Cue, found: list[Candidate | None]) -> list[Candidate | None]:
        """Candidates of an embedded cue spoken by the main clause's subject, when it has one."""
        speaker = self._frame_speaker(s, main, s.last)
        if speaker is None or not self.speakers.plausible(speaker):
            return found
        for cand in found:
            if cand is not None:
                cand.speaker, cand.inherit = speaker, False
        return found

    def _after_colon_quote(self, s: Sentence, cue: Cue) -> bool:
        """A cue verb right after a quotation and its comma ("„…“, sagte er") whose quotation a colon
        opened ("Besorgt äußerte sich X: „…“, sagte er"): its own words, not the colon frame's."""
        toks, k = self.tokens, cue.first
        if cue.kind != "verb" or k < s.first + 3 or toks[k - 1].text != "," or not self.in_quote[k - 2]:
            return False
        j = k - 2
        while j > s.first and self.in_quote[j - 1]:
            j -= 1
        return j > s.first and toks[j - 1].text == ":"

    def _embedded_cue(self, s: Sentence, cue: Cue, cues: list[Cue]) -> bool:
        """A cue verb inside a relative clause set off by commas is not the sentence's attribution
        when the main clause has its own cue verb: right after the clause ("Brian Baptie, der die
        Stärke mit 5,1 angegeben hatte, sagte, dass …"; "Ein Beamter, den die Zeitung zitiert,
        kommentierte, …") or before it ("erklärte der Rat, wie sich die Junta selbst nennt, die
        Lage sei …"). The speaker then is the main clause's subject, not the relative clause's."""
        toks, lex = self.tokens, self.lex
        if cue.kind != "verb":
            return False
        k = cue.first
        while k > s.first and toks[k - 1].text not in ",;:" and not self.in_quote[k - 1]:
            k -= 1
        if k <= s.first or toks[k - 1].text != "," or k >= cue.first:
            return False
        opener = toks[k].low
        if opener not in lex.relative_pronouns and opener != lex.wie_word:
            return False
        close = next((j for j in range(cue.last, s.last) if toks[j].text in ",;:" or self.in_quote[j]), None)
        if close is None or toks[close].text != ",":
            return False
        after = any(c.kind == "verb" and c.first == close + 1 for c in cues)
        before = opener in lex.relative_pronouns and any(c.kind == "verb" and c.last < k for c in cues)
        return after or before

    def _free_with_fragments(self, s: Sentence, directs: list[Marked], recent: bool,
                             prev: Sentence | None) -> Candidate | None:
        """A reported sentence with no cue of its own that quotes a few words ("Allerdings sei das
        System „kaputt“, denn …"): the whole sentence is the speaker's, a mixed quote, not just the
        quoted words (which alone read as a scare quote). Not after a colon label ("X: „…“")."""
        if self._colon_speaker(s, directs[0]) is not None:
            return None
        free = self._free(s, recent, prev)
        if not free:
            return None
        cand = free[0]
        inside = [m for m in directs if cand.start <= m.start and m.end <= cand.end]
        if not inside or sum(m.end - m.start for m in inside) >= DIRECT_COVER * (cand.end - cand.start):
            return None
        cand.kind, cand.fragments = "mixed", inside
        return cand

    def _first_person(self, s: Sentence, cue: Cue) -> bool:
        """The writer speaks or thinks: a first-person pronoun in the cue's clause, before the
        content (its own comma or colon) opens."""
        toks, lex = self.tokens, self.lex
        if not lex.first_person or any(toks[k].text == ":" and not self.in_quote[k] for k in range(s.first, cue.first)):
            return False  # "Atim: Ich habe …": an interview answer, the interviewee's words
        stop = next((k for k in range(cue.last, s.last) if toks[k].text in ",:;" or self.in_quote[k]), s.last)
        start = self._clause_start(s, cue.first)
        # a capitalised "We" inside a clause is a name ("said The We Company's chair"); "I" is always upper
        return any(toks[k].low in lex.first_person and not self.in_quote[k]
                   and (k == start or not toks[k].text[:1].isupper() or toks[k].text == "I")
                   for k in range(start, min(stop, cue.last + MAX_FRAME_TOKENS)))

    def _anaphoric(self, s: Sentence, cues: list[Cue], prev: Sentence | None) -> Candidate | None:
        """"Dies teilte die Polizei mit.", "Das sagte X": the sentence before is what X said."""
        toks = self.tokens
        if prev is None or not cues or cues[0].kind != "verb" or cues[0].first != s.first + 1 \
                or toks[s.first].text not in self.lex.anaphoric_content or prev.paragraph != s.paragraph:
            return None
        cue = cues[0]
        np = self.speakers.right_of(cue.last, self._content_end(s))
        if np is None:
            return None
        speaker = self.speakers.speaker(*np)
        return Candidate(prev.start, toks[self._content_end(prev) - 1].end, "indirect", speaker,
                         self._span(cue.first, cue.last), refers_back=True)

    def _is_direct(self, m: Marked, s: Sentence, has_cue: bool, verbal: bool) -> bool:
        """Quoted words, not a name or title: long, or sentence-like, or a lower-case fragment in speech."""
        inner = self.text[m.start + 1 : m.end - 1].strip()
        words = len(inner.split())
        if words == 0:
            return False
        before = self.text[max(0, m.start - BEFORE_QUOTE_CHARS) : m.start].rstrip()
        prev_words = before.replace(":", " ").replace("(", " ").split()
        prev_word = prev_words[-1] if prev_words else ""
        lead = prev_words[-MAX_LABEL_WORDS - 2 :]
        spoken_so = before.endswith(":") and any(w.lower() in self.lex.cue_forms for w in lead)
        if (self._title_noun(prev_word) and not spoken_so) or before.endswith("("):
            return False  # "trägt den Titel „…“", "(etwa: „…“)": names, titles and glosses ("erklärte so: „…“" is speech)
        if not has_cue and self._listed_title(m):
            return False  # "die Komödien „Frauenarzt Dr. Prätorius“, „Das Haus in Montevideo“"
        if self._self_named(s, m):
            return False  # "die sich selbst „Rat für …“ nennt", "„…“, wie sich die Junta selbst nennt"
        addressee = prev_words[-2] if len(prev_words) > 1 and prev_word in self.lex.determiners else prev_word
        if addressee.lower() in self.lex.addressee_prepositions:
            return False  # "sagt X gegenüber »nd«", "gegenüber der „Zeitung“": the paper spoken to
        after_words = self.text[m.end : m.end + BEFORE_QUOTE_CHARS].split()
        if after_words and after_words[0] in self.lex.state_verbs | self.lex.impersonal_cues \
                and any(w.strip(".,;:") in self.lex.title_nouns and w[:1].isupper() for w in after_words[1 : MAX_LABEL_WORDS + 2]):
            return False  # "„…“ ist ihr Titel", "„…“ heißt das Motto": a title named as one
        if before.endswith(":") and any(w in self.lex.title_nouns and w[:1].isupper() for w in lead) \
                and not any(w.lower() in self.lex.cue_forms for w in lead):
            return False  # "um den ersten Teil des Titels der Denkschrift gehen: „…“"
        first_word = inner.split()[0]
        title_like = inner[0].isupper() and first_word not in self.lex.quote_openers and inner[-1] not in ".!?,…"
        if title_like and not has_cue and words < MAX_TITLE_WORDS:
            return False  # „Todeszone im Atlantik – Das Bermuda-Dreieck“ with no one speaking
        if not has_cue and words <= MAX_NAME_WORDS and first_word not in self.lex.quote_openers \
                and all(w[:1].isupper() for w in inner.rstrip(".,").split()) and before and before[-1] not in ":\n":
            return False  # “Judy.”, “Marriage Story,”: a title whose punctuation belongs to the sentence
        capitalised = _title_case(inner.rstrip(".,")) if self.lex.lowercase_nouns and not has_cue else 0
        if capitalised >= TITLE_CASE_WORDS and (first_word not in self.lex.quote_openers or capitalised > TITLE_CASE_WORDS):
            return False  # “Takin’ It to the Streets,”, “What a Fool Believes.”: a title in English title case
        if not has_cue and words <= MAX_LABEL_WORDS and inner[:1].islower() and before and before[-1] not in ":\n" \
                and not self._has_subjunctive(s.first, s.last):
            return False  # "assume the disease is "unexplained," and …": a scare quote, whatever its comma
        after = self.text[m.end : m.end + 2].lstrip(" ")
        if not has_cue and inner[-1] not in ".!?,…" and after[:1].isalpha() and after[:1].islower() \
                and before and before[-1] not in ":" and not self._has_subjunctive(s.first, s.last) \
                and self._quoting_subject_range(s, m) is None \
                and not any(t.low in self.lex.hearsay for t in self.tokens[s.first : s.last]):
            return False  # „Wie die Jungfrau zum Kind“ kam sie, mit »60.000 Gulden« bezahlt: part of the clause
        if words == 1 and inner[:1].islower() and not self.lex.lowercase_nouns and after_words \
                and after_words[0][:1].isupper() and after_words[0].rstrip(".,;:!?").isalpha() \
                and after_words[0] not in self.lex.determiners:
            return False  # "von „spontanen“ Geburten": an adjective of the noun after it, a word marked, not said
        if has_cue and prev_word.lower() == self.lex.wie_word and self._as_clause_source(m, s):
            return False  # "Wie „heise online“ berichtet, …": the source of an as-clause, not its words
        if words >= LONG_DIRECT_WORDS or inner[-1] in ".!?,…":
            return True
        if not before or before[-1] in ":\n":
            # a word or two without end punctuation after a colon, with no one speaking, is a name
            # or a label ("verpackt in einer App: »frag.jetzt«"), not a statement
            return has_cue or words > MAX_LABEL_WORDS or inner[-1] in ".!?,…" or not before or before[-1] == "\n"
        if words <= MAX_LABEL_WORDS and inner[:1].islower() and self._named_in_passive(s, m):
            return False  # "wird „sier“ genannt", "als „siehn“ dekliniert": a word form cited, no one's words
        if verbal and prev_word in self.lex.naming_words and not self._passive_before(s, m):
            return True  # "bezeichnete die Pläne als „Wortbruch“", "nannte es einen „Putsch“"
        if verbal and self._speech_object(s, m):
            return True  # "warnte vor den „Lohnverzichtstheorien“", "riet zu „Gelassenheit“": the words spoken of
        if (inner[0].isupper() and first_word not in self.lex.quote_openers) or not inner[0].isalpha():
            return False  # „Bild“, „Der Fänger im Roggen“, „Sentani Regency“: names and titles
        return words >= MIN_DIRECT_WORDS or has_cue or self._has_subjunctive(s.first, s.last)

    def _self_named(self, s: Sentence, m: Marked) -> bool:
        """A name someone gives itself: "sich" (and "selbst") right before the quotation and a naming
        verb right after it, or after it an as-clause "wie sich X (selbst) nennt"."""
        toks, lex = self.tokens, self.lex
        if not lex.self_naming_verbs:
            return False
        q, k = self._token_at(m.start), self._token_at(m.end)
        before = [t.low for t in toks[max(s.first, q - 2) : q]]
        if any(w in lex.reflexives for w in before) and k < s.last and toks[k].low in lex.self_naming_verbs:
            return True
        j = k + 1 if k < s.last and toks[k].text == "," else k
        if j < s.last and toks[j].low == lex.wie_word and not self.in_quote[j]:
            clause = [t.low for t in toks[j + 1 : min(s.last, j + 1 + MAX_FRAME_TOKENS)] if t.text not in ",;:"]
            stop = next((n for n, t in enumerate(toks[j + 1 : s.last]) if t.text in ",;:."), len(clause))
            words = clause[:stop]
            return any(w in lex.reflexives for w in words) and any(w in lex.self_naming_verbs for w in words)
        return False

    def _title_noun(self, word: str) -> bool:
        """"Titel", "Magazin", and the same noun in the genitive ("des Magazins „…“"); a work noun
        also in the plural and as a compound's head ("die Antikriegsfilme „…“")."""
        nouns = self.lex.title_nouns
        if word in nouns or any(word.endswith(e) and word[: -len(e)] in nouns and word[:1].isupper()
                                for e in self.lex.genitive_endings):
            return True
        low = word.lower()
        return word[:1].isupper() and any(
            low.endswith(n + e) for n in self.lex.work_nouns for e in ("", *self.lex.work_endings))

    def _listed_title(self, m: Marked) -> bool:
        """The next of a list of titles: „A“, „B“ und „C“ after a title noun."""
        before = self.text[max(0, m.start - BEFORE_QUOTE_CHARS * 3) : m.start].rstrip()
        for joint in (",", " und", " oder", " and", " or"):
            if before.endswith(joint):
                before = before[: -len(joint)].rstrip()
                break
        else:
            return False
        if not before or before[-1] not in self.lex.closers:
            return False
        opened = max(before.rfind(o, 0, len(before) - 1) for o in self.lex.openers)  # not the closer itself
        if opened <= 0:
            return False
        words = before[max(0, opened - BEFORE_QUOTE_CHARS) : opened].split()
        return bool(words) and self._title_noun(words[-1])

    def _speech_object(self, s: Sentence, m: Marked) -> bool:
        """Quoted words as the object of a speech act's preposition ("warnte vor den „…“", "sprach von
        „…“", "riet zu „…“"): the preposition, at most an article before the mark, and a finite cue
        verb of the same clause before it."""
        toks, lex = self.tokens, self.lex
        if not lex.speech_object_prepositions:
            return False
        k = self._token_at(m.start) - 1
        if k > s.first and toks[k].text in lex.determiners:
            k -= 1
        if k <= s.first or toks[k].low not in lex.speech_object_prepositions or self.in_quote[k]:
            return False
        for j in range(k - 1, s.first - 1, -1):
            if toks[j].text in ",;:" or self.in_quote[j]:
                return False
            if toks[j].low in lex.cue_forms and toks[j].low not in lex.participles:
                return not self._passive_before(s, m)
        return False

    def _as_clause_source(self, m: Marked, s: Sentence) -> bool:
        """The quotation after "wie" is followed, within a few words, by a cue and the comma that
        closes the as-clause: it names the source ("Wie „heise online“ am Montag berichtet, …")."""
        toks = self.tokens
        k = self._token_at(m.end)
        for j in range(k, min(s.last - 1, k + MAX_FRAME_TAIL)):
            if toks[j].low in self.lex.cue_forms and toks[j + 1].text == ",":
                return True
        return False

    def _named_in_passive(self, s: Sentence, m: Marked) -> bool:
        """"wird „sier“ genannt", "als „siehn“ und „ihrm“ dekliniert": a passive auxiliary before the
        quotation and, after it and any coordinated quotations, the participle that names it."""
        toks, lex = self.tokens, self.lex
        if not any(toks[k].low in lex.passive_auxiliaries and not self.in_quote[k]
                   for k in range(s.first, self._token_at(m.start))):
            return False
        k = self._token_at(m.end)
        while k < s.last and (self.in_quote[k] or toks[k].low in lex.coordinators):
            k += 1
        return k < s.last and toks[k].text.islower() and toks[k].low.endswith(lex.participle_endings) \
            and not self._has_subjunctive(s.first, s.last)

    def _passive_before(self, s: Sentence, m: Marked) -> bool:
        """"wurde als »Ruster Ausbruch« bezeichnet", "der als „Sonnenwind“ bezeichnet wird": a name
        the thing bears, no one's words — the auxiliary before the quotation, or closing its clause
        after it (verb-final: the participle, then the auxiliary)."""
        toks, lex = self.tokens, self.lex
        if any(t.low in lex.passive_auxiliaries for k, t in enumerate(toks[s.first : s.last], s.first)
               if t.end <= m.start and not self.in_quote[k]):
            return True
        k = self._token_at(m.end)
        if self._attributive_naming(s, m, k):
            return True
        while k < s.last and not self.in_quote[k] and toks[k].text not in ",;:.":
            if toks[k].low in lex.passive_auxiliaries and k > 0 and toks[k - 1].low in lex.cue_forms:
                return True
            k += 1
        return False

    def _attributive_naming(self, s: Sentence, m: Marked, k: int) -> bool:
        """"die als „SolarRebell“ bezeichneten Geräte": an article, "als", the quotation, then the
        cue form as an attributive participle before its noun — a name the things bear."""
        toks, lex = self.tokens, self.lex
        q = self._token_at(m.start)
        if q < s.first + 2 or toks[q - 1].low not in lex.naming_words or toks[q - 2].text not in lex.determiners:
            return False
        if k + 1 >= s.last or self.in_quote[k] or toks[k].low not in lex.cue_forms:
            return False
        noun = toks[k + 1]
        return noun.text[:1].isupper() and noun.text.isalpha() and noun.text not in lex.determiners \
            and noun.text not in lex.speaker_pronouns

    def _has_subjunctive(self, a: int, b: int, reported: bool = False) -> bool:
        """A subjunctive verb outside quotation marks in tokens ``a``..``b``; ``reported``: one that
        marks reported speech, not a conditional (a sentence with no attribution of its own)."""
        toks, lex = self.tokens, self.lex
        for k in range(a, b):
            if self.in_quote[k]:
                continue
            if toks[k].text in lex.subjunctive:
                if self._first_person_form(a, k, b):
                    continue  # "ich habe", "wo ich … ausgeworfen habe", "habe ich": the first person's indicative
                if reported and toks[k].low in lex.conditional_forms:
                    continue
                return True
            # "sie hoffe", "man plane": a third-person subject before a verb ending in -e
            if k > a and toks[k - 1].low in lex.subjunctive_subjects and toks[k].text.endswith(lex.subjunctive_ending) \
                    and toks[k].text[:1].islower() and toks[k].low not in lex.not_subjunctive \
                    and not (lex.preterite_ending and toks[k].low.endswith(lex.preterite_ending)):
                return True
            if self._subjunctive_by_form(k, a, b):
                return True
        return False

    def _subjunctive_by_form(self, k: int, a: int, b: int) -> bool:
        """A Konjunktiv I form the table lacks ("der Hubschrauber gehöre einem …", "Feldmann rechne
        mit …", "dass die Tafel wieder zurückkehre."), told by its ending and its place: a lower-case
        word in "-e" after a noun or name (verb second, not after an article: "die neue") with no
        noun after it (an inflected adjective comes before its noun), or closing its clause
        (verb-final; an adjective there is uninflected). Preterite "-te" is left to the table."""
        toks, lex = self.tokens, self.lex
        tok = toks[k]
        word = tok.text
        if not word.isalpha() or not word.islower() or not word.endswith(lex.subjunctive_ending) \
                or len(word) < MIN_FORM_LETTERS or (lex.preterite_ending and word.endswith(lex.preterite_ending)):
            return False
        if word in lex.not_subjunctive or word.endswith(lex.adverb_endings) or word in lex.determiners or word in lex.prepositions \
                or word in lex.speaker_stop_words or word in lex.relative_forms or word in lex.complementizers \
                or word in lex.clause_stop_words or word in lex.focus_particles:
            return False
        if k <= a or self._first_person_subject(a, k):
            return False
        prev = toks[k - 1]
        nxt = toks[k + 1] if k + 1 < b else None
        if nxt is not None and nxt.low in lex.first_person:
            return False  # "stelle ich … voran": the first person's indicative
        if nxt is None or nxt.text in ",.;:!?" or nxt.text in lex.closers:
            return prev.text not in lex.determiners and prev.low not in lex.prepositions
        after_noun = prev.text[:1].isupper() and prev.text.isalpha() and prev.text not in lex.determiners \
            and prev.low not in lex.prepositions and not self.in_quote[k - 1]
        return after_noun and (nxt.text[:1].islower() or nxt.text in lex.determiners) and nxt.text[:1].isalpha()

    def _main_clause(self, a: int, b: int) -> list[int]:
        """Tokens of ``a``..``b`` outside quotation marks and outside relative and subordinate
        clauses (", die … aufgestockt werden sollen", ", weil …"): what the sentence itself asserts."""
        toks, lex = self.tokens, self.lex
        # a subordinate clause may open the sentence too ("Wie ihr Beitrag aussehen soll, wird klar")
        # (the clause ends at a comma: "Während des Überfalls sollen …" is a preposition)
        out, inner = [], a < b and (toks[a].low in lex.subordinators or toks[a].low in lex.complementizers) \
            and any(toks[k].text == "," and not self.in_quote[k] for k in range(a, b))
        for k in range(a, b):
            if toks[k].text in ",;:–" and not self.in_quote[k]:
                inner = k + 1 < b and (toks[k + 1].low in lex.relative_forms or toks[k + 1].low in lex.subordinators)
                continue
            if not inner and not self.in_quote[k]:
                out.append(k)
        return out

    def _first_person_form(self, a: int, k: int, b: int) -> bool:
        """Verb ``k`` has a first-person subject, before it in its clause or right after it ("habe ich")."""
        return self._first_person_subject(a, k) or (k + 1 < b and self.tokens[k + 1].low in self.lex.first_person)

    def _first_person_subject(self, a: int, k: int) -> bool:
        """A first-person pronoun in the clause of verb ``k`` (back to the last comma): the form is
        the indicative that Konjunktiv I shares with the first person ("habe", "werde")."""
        toks = self.tokens
        j = k - 1
        while j >= a and (toks[j].text not in ",;:" or self.in_quote[j]):
            if toks[j].low in self.lex.first_person and not self.in_quote[j]:
                return True
            j -= 1
        return False

    def _content_end(self, s: Sentence) -> int:
        k = s.last
        while k > s.first and self.tokens[k - 1].text in _FINAL and not self.in_quote[k - 1]:
            k -= 1
        return k

    def _span(self, a: int, b: int) -> Span:
        start, end = self.tokens[a].start, self.tokens[b - 1].end
        return Span(start, end, self.text[start:end])

    def _content_ok(self, a: int, b: int, directs: list[Marked]) -> bool:
        if a >= b or self.tokens[a].low in self.lex.clause_stop_words:
            return False
        if self.tokens[a].low in self.lex.complementizers or not self.lex.subjunctive:
            return True
        lo, hi = self.tokens[a].start, self.tokens[b - 1].end
        if self._infinitive_clause(a, b):
            return True  # "kündigte an, die Umstände untersuchen zu lassen"
        hearsay = any(self.tokens[k].low in self.lex.hearsay for k in range(a, min(b, a + MAX_FRAME_TOKENS)))
        return hearsay or self._has_subjunctive(a, b) or any(lo <= m.start and m.end <= hi for m in directs)

    def _infinitive_clause(self, a: int, b: int) -> bool:
        """An infinitive with "zu" closing a clause: "… zu erheben,", "… einzutreten."."""
        marker, infix, toks = self.lex.infinitive_marker, self.lex.infix_infinitive, self.tokens
        if not marker or b - a < 2:
            return False
        for k in range(a, b):
            closes = k + 1 >= b or toks[k + 1].text in ",;"
            if toks[k].text in _DASHES and not self.in_quote[k]:
                return False  # "bis hin zu …-Charakteren verbesserten – ihre Geschichten verdienen es, erzählt zu werden"
            if not closes or not toks[k].low.endswith("n"):  # "zu erheben", "zu sein", "zu tun"
                continue
            if (k > a and toks[k - 1].low == marker) or (infix is not None and infix.match(toks[k].low)):
                return True
        return False

    def _make(self, a: int, b: int, directs: list[Marked], speaker: Speaker | None, cue: Span | None,
              inherit: bool = False) -> Candidate:
        lo, hi = self.tokens[a].start, self.tokens[b - 1].end
        last = next((m for m in reversed(self._marked) if m.depth == 0 and lo < m.start and m.end == hi), None)
        if last is not None and self.text[lo : m_start_trimmed(self.text, last.start)].endswith(":") \
                and ":" not in self.text[last.start : last.end]:
            lo = last.start  # "Deshalb gilt …: „…“, sagt X": the lead-in before the colon is the writer's
        inside = [m for m in directs if lo <= m.start and m.end <= hi]
        marked = [m for m in self._marked if lo <= m.start and m.end <= hi]  # even name-like: all is quoted
        quoted = sum(m.end - m.start for m in marked)
        if marked and quoted >= DIRECT_COVER * (hi - lo):
            return Candidate(marked[0].start, marked[-1].end, "direct", speaker, cue, inherit)
        return Candidate(lo, hi, "mixed" if inside else "indirect", speaker, cue, inherit, fragments=inside)

    def _verb_quote(self, s: Sentence, cue: Cue, directs: list[Marked]) -> list[Candidate | None]:
        """Content after the cue, before it, or both ("A sei …, sagte X, B sei …")."""
        end = self._attribution_cut(cue.last, self._content_end(s))
        if self._agentless_passive(s, cue, end):
            return []  # "Der Stadt wurde das Recht eingeräumt, …", "it is alleged he …": no one speaks
        if self._generic_modal(s, cue):
            return []  # "Alles in allem kann man sagen, dass …": the writer's own summary
        if self._writer_aside(s, cue):
            return []  # "Es sei angemerkt, dass …", "Es sei darauf hingewiesen": the writer's own remark
        if self._negated(s, cue, end):
            return []  # "…, gab die Flugsicherung nicht bekannt", "nicht mitteilen können, ob …": nothing said
        before = self._content_before(s, cue, end, directs)
        end = self._subordinate_end(s, cue, end)
        after = self._content_after(s, cue, end, directs)
        if before and after and self.tokens[self._token_at(after.start)].low in self.lex.complementizers:
            before = None  # "Whatever the definition, VW says that …": the clause after "that" is the content
        if before and after and after.speaker is None:
            after.speaker = before.speaker
        if before is None and after is None and self.lex.bare_clause and cue.last < end \
                and self._bare_start(cue.last, s.first) and self._finite_in(cue.last, end):
            cue_span = self._span(cue.first, cue.last)
            after = self._make(cue.last, end, directs, self._frame_speaker(s, cue, cue.last), cue_span)
        elif before is None and after is None and self.lex.bare_clause and cue.last < end \
                and self._bare_start(cue.last, s.first, clause_cue := cue_word(self.tokens, cue, self.lex) in self.lex.clause_cues) \
                and (clause_cue or self._finite_in(cue.last, end)):
            # a clause opening with any word: only with a speaker that can speak ("find said
            # civilisation …" is an adjective)
            speaker = self._frame_speaker(s, cue, cue.last)
            if speaker is not None and self.speakers.plausible(speaker):
                after = self._make(cue.last, end, directs, speaker, self._span(cue.first, cue.last))
        return [before, after]

    def _subordinate_end(self, s: Sentence, cue: Cue, end: int) -> int:
        """Where content ends when the cue stands in a subordinate clause opening the sentence and no
        comma opens the content ("While Grisham said the trip was …, he did not …"): at the comma
        that closes that clause."""
        toks, lex = self.tokens, self.lex
        if not lex.bare_clause or toks[s.first].low not in lex.subordinators or cue.first <= s.first:
            return end
        if any(toks[k].text in ",;:" for k in range(s.first, cue.first)):
            return end
        return next((k for k in range(cue.last + 1, end) if toks[k].text == "," and not self.in_quote[k]), end)

    def _passive_cue(self, s: Sentence, cue: Cue) -> bool:
        """A participle cue with a passive auxiliary in its clause ("wurde veröffentlicht", "berichtet worden war")."""
        toks, lex = self.tokens, self.lex
        low = cue_word(toks, cue, self.lex)
        if not (low in lex.participles or low.endswith(lex.participle_endings)):
            return False
        c0 = self._clause_start(s, cue.first)
        return any(toks[k].low in lex.passive_auxiliaries for k in range(c0, min(s.last, cue.last + 2)) if not self.in_quote[k])

    def _passive_relative(self, s: Sentence, cue: Cue, k: int) -> bool:
        """The cue is a passive closing a relative clause ("…, dessen Rücktritt von X gefordert wird,",
        "…, die zum Katastrophengebiet erklärt wurde,"): only auxiliaries between it and comma ``k``,
        and the clause opened by a relative form after a comma (a preposition may come first). What
        was asked for or declared is the antecedent; the words after the comma are the main clause's."""
        toks, lex = self.tokens, self.lex
        if k <= cue.last or not all(toks[j].low in lex.passive_auxiliaries for j in range(cue.last, k)):
            return False
        if not self._passive_cue(s, cue):
            return False
        c0 = self._clause_start(s, cue.first)
        if c0 <= s.first or toks[c0 - 1].text != ",":
            return False
        opener = c0 + 1 if toks[c0].low in lex.prepositions else c0
        if opener >= cue.first or toks[opener].low not in lex.relative_forms or k + 1 >= s.last:
            return False
        # the main clause resumes with its finite verb; a clause with its own subject, a "dass" or
        # the subjunctive after the comma is still content ("…, die beschuldigt werden, Mitglieder …
        # zu sein", "…, die gemeldet wurden, sollten … geprüft werden")
        return self._verb_after(s, k) and not self._has_subjunctive(k + 1, self._content_end(s))

    def _generic_modal(self, s: Sentence, cue: Cue) -> bool:
        """"kann man sagen", "muss man feststellen": the generic pronoun with a modal in the cue's clause."""
        toks, lex = self.tokens, self.lex
        clause = [toks[k].low for k in range(self._clause_start(s, cue.first), cue.first) if not self.in_quote[k]]
        return any(w in lex.generic_pronouns for w in clause) and any(w in lex.generic_modals for w in clause)

    def _writer_aside(self, s: Sentence, cue: Cue) -> bool:
        """An impersonal passive in Konjunktiv I with a participle cue ("Es sei angemerkt", "Es sei
        darauf hingewiesen"): the writer addresses the reader; no one else speaks."""
        toks, lex = self.tokens, self.lex
        if not lex.aside_auxiliaries or cue_word(toks, cue, self.lex) not in lex.participles | lex.cue_forms:
            return False
        clause = [toks[k].low for k in range(self._clause_start(s, cue.first), cue.first) if not self.in_quote[k]]
        return lex.impersonal_subject in clause and any(w in lex.aside_auxiliaries for w in clause) \
            and not any(w in lex.passive_auxiliaries or w in lex.agent_prepositions for w in clause)

    def _negated(self, s: Sentence, cue: Cue, end: int) -> bool:
        """A negation in the cue's own frame — right before the verb, or between it and the comma,
        colon or complementizer that opens the content ("gab … nicht bekannt", "sagte nicht, ob"),
        but not "nicht nur": what is reported is that nothing was said."""
        toks, lex = self.tokens, self.lex
        if not lex.negations:
            return False
        stop = next((k for k in range(cue.first, end) if toks[k].text in ",:;" or self.in_quote[k]
                     or toks[k].low in lex.complementizers), end)
        # (where content may follow the cue bare, "said she didn't know", only the words before it)
        frame = [*range(max(s.first, cue.first - 1), cue.first), *(() if lex.bare_clause else range(cue.first, stop))]
        return any(toks[k].low in lex.negations and not self.in_quote[k]
                   and not (k + 1 < s.last and toks[k + 1].low in lex.focus_particles) for k in frame)

    def _finite_in(self, a: int, b: int) -> bool:
        """A finite verb in the first clause of ``a``..``b`` (to its first comma): "the plan would
        fail", "Dempsey he didn't", "the company struggled"; "the newest milestone in the development
        of …", "a significant polling lead for months" are objects of the cue, not its content."""
        toks, lex = self.tokens, self.lex
        if not lex.finite_words:
            return True
        after_subject = lex.determiners | lex.prepositions | lex.relative_forms | lex.coordinators
        for k in range(a, min(b, a + MAX_FRAME_TOKENS)):
            tok = toks[k]
            if self.in_quote[k]:
                return True  # "described his city as a “gas chamber.”": quoted words are what was said
            if tok.text in ",;:" and not self.in_quote[k]:
                return False
            if tok.low in lex.finite_words:
                return True
            if k > a and tok.low.endswith(lex.finite_endings) and tok.low not in lex.determiners \
                    and toks[k - 1].low not in after_subject and toks[k - 1].text[:1].isalpha():
                return True
        return False

    def _agentless_passive(self, s: Sentence, cue: Cue, end: int) -> bool:
        """A passive participle cue with no agent in its clause ("wurde … eingeräumt", "aufgefordert
        werden", "it is alleged", "are mentioned"): the speaker is not in the text, and the subject
        is the addressee or the thing spoken of."""
        toks, lex = self.tokens, self.lex
        low = cue_word(toks, cue, self.lex)
        request = low in lex.request_participles  # "alle Staaten waren aufgerufen, … zu erhöhen"
        if cue.kind != "verb" or not request and (not lex.passive_needs_agent or not (
                low in lex.participles or low in lex.irregular_participles or low.endswith(lex.participle_endings))):
            return False
        stop = next((k for k in range(cue.last, end) if toks[k].text in ",:;" or self.in_quote[k]
                     or toks[k].low in lex.complementizers), end)
        c0 = self._clause_start(s, cue.first)
        window = [k for k in range(c0, stop) if not self.in_quote[k]]
        auxiliaries = lex.passive_auxiliaries | lex.state_auxiliaries if request else lex.passive_auxiliaries
        # the auxiliary right before the participle ("is alleged", "are briefly mentioned"), not a
        # verb of the content ("said he was delighted"); after it in German ("aufgefordert werden")
        near = [*range(max(c0, cue.first - MAX_AUX_GAP), cue.first), *(range(cue.last, min(stop, cue.last + 2)) if request else ())]
        return any(toks[k].low in auxiliaries for k in near) and not any(toks[k].low in lex.agent_prepositions for k in window)

    def _token_at(self, offset: int) -> int:
        return bisect.bisect_left(self._token_starts, offset)

    def _attribution_cut(self, start: int, end: int) -> int:
        """End content before a trailing attribution: "X said A, according to a statement". Where
        content opens with a comma (German), the first comma after the cue is that opening: "sagte
        gegenüber der Presse, nach neuesten Erkenntnissen habe …" is content with its own source."""
        opening = not self.lex.bare_clause
        for k in range(start, end - 1):
            if self.tokens[k].text == "," and not self.in_quote[k]:
                if self.tokens[k + 1].low in self.lex.according_starts and not opening:
                    return k
                opening = False
        return end

    def _content_after(self, s: Sentence, cue: Cue, end: int, directs: list[Marked]) -> Candidate | None:
        """"X sagte, dass …", "X sagte, A sei …", "X said that …"."""
        toks = self.tokens
        depth = 0
        for k in range(cue.last, min(end, cue.last + MAX_FRAME_TOKENS)):
            if self.in_quote[k]:
                if self._in_name(k, directs):
                    continue  # "sagte der „Berliner Zeitung“, dass …": a quoted name in the frame
                return None
            depth += (toks[k].text == "(") - (toks[k].text == ")")
            if depth > 0 and toks[k].text in ",:":
                return None  # "informiert über all dies (es könnte sein, dass …)": a parenthesis' own clause
            if self.lex.subjunctive and self._second_predicate(k, cue):
                return None  # "berichten über X und sind so die Möglichkeit, … zu …": the comma is another verb's
            bare = toks[k].low in self.lex.complementizers and not self.lex.comma_before_complementizer
            if bare and not self._opens_content(k, cue, end):
                return None  # "reported wait times that exceeded …", "recommend that, so …"
            if toks[k].text == "," and k > cue.last and not self.lex.subjunctive:
                return None  # "says Jack Buser, director for games": with no mood to tell, an apposition
            if toks[k].text == "," and self._passive_relative(s, cue, k):
                return None  # "Samak, dessen Rücktritt gefordert wird, griff …": the main clause resumes
            if toks[k].text in ",:" or bare:
                first = k + 1 if toks[k].text in ",:" else k
                if first < end and toks[first].low in self.lex.relative_according:
                    return None  # "wies Meldungen zurück, wonach …": the reports' content, not the subject's
                if first < end and toks[first].low in self.lex.clause_relatives and self._passive_cue(s, cue):
                    return None  # "wurde … veröffentlicht, was Streit auslöste": a relative clause on the whole
                wie = self._as_word(s, cue.first)  # "Wie die Polizei mitteilte, wurden …"
                # (inside the sentence, "…, wie es Söder angekündigt hat, lehnt der BN ab": the main clause goes on)
                as_clause = wie is not None and (wie == s.first or self._has_subjunctive(first, end))
                if not (as_clause and first < end) and not self._content_ok(first, end, directs):
                    return None
                if not as_clause and self._attached_clause(first, end, k == cue.last):
                    return None
                if not as_clause and toks[k].text == "," and self._main_after_subordinate(s, cue, k):
                    return None  # "Während Mitarbeitende Zuschüsse begrüßen, sollten Unternehmen …": the main clause
                if cue.kind == "noun" and self._main_clause_resumes(first, end):
                    return None  # "Mit ihrem Angebot, … einzuspringen, rettete sie …": the noun is narrated
                cue_span = self._span(cue.first, cue.last)
                if cue.kind == "noun" and cue.speaker is not None:
                    speaker: Speaker | None = self.speakers.speaker(*cue.speaker)  # "die Forderung der Gewerkschaft, …"
                else:
                    speaker = self._frame_speaker(s, cue, k)
                if speaker is None and cue.kind == "noun":
                    return None  # "stehen im Verdacht, …", "in der Frage, ob …": no one holds it
                quoted = self._quotation_then_attribution(first, end) if first < end else None
                if quoted is not None:
                    # "Er räumt ein: „…“, so appelliert X an …": the words after the closing mark
                    # are an attribution or the writer's, not the quotation
                    end = quoted[0]
                    if speaker is None and quoted[1] is not None:
                        speaker = self.speakers.speaker(*quoted[1])
                end = self._frame_resumes(first, end)
                end = self._subordinate_content_end(s, cue, first, end)
                return self._make(first, end, directs, speaker, cue_span)
        return None

    def _subordinate_content_end(self, s: Sentence, cue: Cue, first: int, end: int) -> int:
        """The cue stands in a subordinate clause opening the sentence ("Da die Begleiter es für
        sinnvoll hielten, die Passagiere zu evakuieren, erteilten sie …"): its content ends at the
        comma after which the main clause resumes with its finite verb."""
        toks, lex = self.tokens, self.lex
        opener = toks[s.first].low
        if opener not in lex.subordinators or opener in lex.complementizers \
                or any(toks[j].text in ",;:" and not self.in_quote[j] for j in range(s.first, cue.first)):
            return end
        for k in range(first + 1, end - 1):
            if toks[k].text == "," and not self.in_quote[k] and self._finite_opens(k + 1):
                return k
        return end

    def _finite_opens(self, k: int) -> bool:
        """Token ``k`` is a lower-case word that can only be a finite verb opening a main clause:
        no article, pronoun, preposition, complementizer, relative, coordinator or adverb."""
        nxt, lex = self.tokens[k], self.lex
        return nxt.text.isalpha() and nxt.text.islower() and nxt.text not in lex.determiners \
            and nxt.low not in lex.pronouns and nxt.low not in lex.complementizers and nxt.low not in lex.prepositions \
            and nxt.low not in lex.relative_forms and nxt.low not in lex.coordinators \
            and nxt.low not in lex.clause_stop_words and nxt.low not in lex.speaker_stop_words \
            and nxt.low != lex.infinitive_marker and not nxt.low.endswith(lex.adverb_endings)

    def _main_after_subordinate(self, s: Sentence, cue: Cue, k: int) -> bool:
        """The cue closes a subordinate clause that opens the sentence ("Während X … begrüßen,") and
        comma ``k`` ends it: the main clause after it opens with its finite verb, a lower-case word
        that is no article, pronoun or complementizer ("…, sollten Unternehmen …"); content would
        open with its own subject ("Nachdem er gesagt hatte, die Lage sei ernst, …")."""
        toks, lex = self.tokens, self.lex
        first = s.first + 1 if toks[s.first].low in lex.focus_particles and s.first + 1 < k else s.first  # "Auch wenn …"
        if not lex.subordinators or toks[first].low not in lex.subordinators or toks[first].low in lex.complementizers:
            return False
        if any(toks[j].text in ",;:" and not self.in_quote[j] for j in range(s.first, k)) or k + 1 >= s.last:
            return False
        nxt = toks[k + 1]
        return self._verb_after(s, k) and nxt.low != lex.impersonal_subject and nxt.low != lex.infinitive_marker

    def _verb_after(self, s: Sentence, k: int) -> bool:
        """The word after comma ``k`` can be a main clause's finite verb: lower-case, no article,
        pronoun, complementizer, preposition or relative form, and no quotation follows in the
        sentence (one after it is read from the content, as before)."""
        if any(self.in_quote[j] for j in range(k + 1, s.last)):
            return False
        nxt, lex = self.tokens[k + 1], self.lex
        return nxt.text.isalpha() and nxt.text.islower() and nxt.text not in lex.determiners \
            and nxt.low not in lex.pronouns and nxt.low not in lex.complementizers and nxt.low not in lex.prepositions \
            and nxt.low not in lex.relative_forms

    def _frame_resumes(self, a: int, b: int) -> int:
        """Where content after a cue ends because the frame's own sentence goes on: a comma, at most
        two adverbs, then a finite indicative verb whose subject is the frame's ("erklärte, er sei
        unschuldig, erkannte das Gericht nicht an", "…, allerdings schrieb die Zeitung …") or a new
        speech verb ("…, jedoch stets beteuert, …"). A subjunctive there is still the content's."""
        toks, lex = self.tokens, self.lex
        if not lex.preterite_ending or lex.bare_clause:
            return b
        for k in range(a + 1, b - 1):
            if toks[k].text != "," or self.in_quote[k]:
                continue
            j = k + 1
            while j < b - 1 and j - k <= MAX_RESUME_ADVERBS and toks[j].low in lex.speaker_stop_words \
                    and toks[j].low not in lex.prepositions:
                j += 1
            word = toks[j]
            if not word.text.isalpha() or not word.text.islower() or self.in_quote[j]:
                continue
            nxt = toks[j + 1] if j + 1 < b else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.text not in lex.determiners:
                continue  # "…, erste Ergebnisse seien …": an adjective before its noun
            if word.low in lex.subjunctive or word.low in lex.determiners or word.low in lex.relative_forms \
                    or word.low in lex.prepositions or word.low in lex.complementizers or word.low in lex.clause_stop_words:
                continue
            if word.low in lex.cue_forms or (word.low.endswith(lex.preterite_ending) and len(word.low) > MIN_FORM_LETTERS):
                return k
        return b

    def _main_clause_resumes(self, a: int, b: int) -> bool:
        return self._infinitive_close(a, b) is not None

    def _infinitive_close(self, a: int, b: int) -> int | None:
        """An infinitive clause after a content noun closes with a comma and the main clause goes on
        ("hat ihr Versprechen, … zu mobilisieren, nicht eingelöst"): the noun is a thing the
        sentence narrates about, not a frame whose content ends the sentence."""
        toks, marker, infix = self.tokens, self.lex.infinitive_marker, self.lex.infix_infinitive
        if not marker:
            return None
        for k in range(a + 1, b - 1):
            if toks[k + 1].text != "," or self.in_quote[k] or not toks[k].low.endswith("n"):
                continue
            if toks[k - 1].low == marker or (infix is not None and infix.match(toks[k].low)):
                nxt = toks[k + 2] if k + 2 < b else None
                resumes = nxt is not None and nxt.low not in self.lex.coordinators and nxt.low not in self.lex.clause_stop_words
                return k + 1 if resumes else None
        return None

    def _in_name(self, k: int, directs: list[Marked]) -> bool:
        """Token ``k`` is inside quotation marks that hold a name or title, not quoted words."""
        start = self.tokens[k].start
        marks = [m for m in self._marked if m.start <= start < m.end]
        return bool(marks) and not any(m in directs for m in marks)

    def _opens_content(self, k: int, cue: Cue, end: int) -> bool:
        """A complementizer without a comma ("said that …") opens the content when a word follows
        it and the words between it and the cue are a frame ("said Tuesday that", "told reporters
        that", "said in a statement that"), not an object noun whose relative clause it opens
        ("reported wait times that exceeded …")."""
        toks, lex = self.tokens, self.lex
        if k + 1 >= end or not (toks[k + 1].text[:1].isalnum() or toks[k + 1].text == ","):
            return False  # "that." "that;": a pronoun ("that, in such a case, …" still opens a clause)
        if k == cue.last or cue_word(toks, cue, self.lex) in lex.object_cues:
            return True
        prev = toks[k - 1]
        return _cap(prev.text) or prev.text[:1].isdigit() or prev.low in lex.speaker_stop_words \
            or prev.low in lex.frame_nouns or prev.text in lex.speaker_pronouns

    def _attached_clause(self, a: int, b: int, right_after_cue: bool) -> bool:
        """A clause after the cue's object that belongs to the object, not to the cue: a comparison
        ("erhoffen sich eine Wirkung, wie sie …", unless subjunctive) or a purpose clause ("…, um … zu").
        (Relative clauses — "…, das half" — as well cost more recall than they gained precision.)"""
        toks, lex = self.tokens, self.lex
        low = toks[a].low
        if low in lex.purpose_words:
            return True
        return low == lex.wie_word and not right_after_cue and not self._has_subjunctive(a, b)

    def _content_before(self, s: Sentence, cue: Cue, end: int, directs: list[Marked]) -> Candidate | None:
        """"A sei …, sagte X", "„A“, sagte X", "“A,” he said"."""
        toks, i = self.tokens, cue.first
        wie = self._as_word(s, i)
        if wie is not None:
            return self._trailing_as_clause(s, cue, wie, end, directs)
        c0 = self._clause_start(s, i)
        if c0 <= s.first or toks[c0 - 1].text not in self.lex.closers | {","}:
            return None
        if i > s.first and toks[i - 1].text in _DASHES and not self.in_quote[i - 1]:
            return None  # "Peng Mei — project manager …, the retail site — responded": a subject and its apposition
        colon = next((k for k in range(cue.last, min(end, cue.last + MAX_FRAME_TAIL))
                      if toks[k].text in ",;:" or self.in_quote[k]), None)
        if colon is not None and toks[colon].text == ":" and not self.in_quote[colon] \
                and (colon == cue.last or not self._has_subjunctive(s.first, c0, reported=True)):
            # "Steve Menet, Senior Vice President, says: “…”", "Warum …, erklärte die Universität so: „…“":
            # the content follows the colon (reported speech before it is content too: "Sie hänge
            # nicht an …, erzählte Tobisch: „…“")
            return None
        if c0 == i and cue.last < end and toks[cue.last].low in self.lex.coordinators and not self.in_quote[cue.last]:
            return None  # "…, stigmatisiert, bedauert und bewertet werden": a list of verbs, not a frame
        if self._name_and_apposition(s.first, c0 - 1):
            return None  # "Ascom, a global provider of …, announced": the subject and its apposition
        if self._in_subordinate(s, c0):
            return None  # "…, when, in fact, he responded": the cue's clause is subordinate, what precedes is narrative
        left = self.speakers.left_of(c0, i) if c0 < i else None
        if c0 < i and left is None:
            return None
        b = c0 - 1 if toks[c0 - 1].text == "," else c0
        apposed = self._apposed_after_quote(s, i) if c0 == i else None
        if apposed is not None:
            left, b = apposed  # "“…,” Steve Clarke, deputy administrator at NASA, said": the quote ends at its mark
        # (An indicative clause before ", erklärte X" is reported speech too, but taking it cost more
        # precision than it gained recall on the development data: the mood test stays.)
        # (an adverbial clause opening the sentence is the frame's, not content: "Obwohl …, bestritt er")
        inverted = c0 == i and toks[c0 - 1].text == "," and toks[i].low not in self.lex.participles \
            and toks[i].low not in self.lex.not_reported and toks[s.first].low not in self.lex.subordinators \
            and toks[s.first].low not in self.lex.complementizers and toks[s.first].low not in self.lex.clause_stop_words
        frame = inverted and self._inverted_frame(s, cue, end)
        if toks[s.first].low in self.lex.prepositions and not self.in_quote[s.first] \
                and not self._has_subjunctive(s.first, b) and not frame:
            # "In a statement, the company denied …": an adverbial, not what was said; but a clause
            # opening with one before an inverted frame is content ("Im Bundesstaat wurden 500
            # Gebäude beschädigt, teilte der Gouverneur mit.")
            return None
        if not self._content_ok(s.first, b, directs) and not frame:
            return None
        if not self.lex.subjunctive and not self._before_is_clause(s, s.first, b, cue, end, inverted):
            return None
        stop = next((k for k in range(i + 1, end) if toks[k].text in ",;"), end)
        np = left or self._message_source(i + 1, stop) or self.speakers.right_of(i + 1, stop)
        quoted = self._quotation_then_attribution(s.first, b)
        if quoted is not None:
            b, attribution = quoted
            np = np or attribution
        speaker = self.speakers.speaker(*np) if np else None
        return self._make(s.first, b, directs, speaker, self._span(cue.first, cue.last))

    def _in_subordinate(self, s: Sentence, c0: int) -> bool:
        """A subordinator among the few words before clause start ``c0``, past commas ("when, in fact,")."""
        toks, lex = self.tokens, self.lex
        k, seen = c0 - 1, 0
        while k >= s.first and seen < MAX_INSERTED_SPEAKER:
            if self.in_quote[k]:
                return False
            if toks[k].text != ",":
                if toks[k].low in lex.subordinators and toks[k + 1].text == ",":
                    return True  # (a subordinator before a comma: "since 1905, said X" is a preposition)
                seen += 1
            k -= 1
        return False

    def _name_and_apposition(self, a: int, b: int) -> bool:
        """Tokens ``a``..``b``: capitalised words, a comma, then a phrase opened by an article and
        with no comma or quotation of its own ("Ascom, a global solutions provider focused on …")."""
        toks = self.tokens
        comma = next((k for k in range(a, b) if toks[k].text == ","), None)
        if comma is None or comma == a or comma + 1 >= b or toks[comma + 1].text not in self.lex.determiners:
            return False
        if not all(toks[k].text[:1].isupper() for k in range(a, comma)):
            return False
        return not any(toks[k].text in ",;:" or self.in_quote[k] for k in range(comma + 1, b))

    def _trailing_as_clause(self, s: Sentence, cue: Cue, wie: int, end: int, directs: list[Marked]) -> Candidate | None:
        """"A, wie die Staatsanwaltschaft mitteilte.": an as-clause closing the sentence attributes
        everything before its comma; at the start ("Wie die Sprecherin mitteilte, …") it names the
        speaker of what follows, which the content after the cue takes."""
        toks = self.tokens
        if wie <= s.first + 1 or toks[wie - 1].text != "," or end - cue.last > MAX_FRAME_TAIL \
                or any(toks[k].text in ",;:" or self.in_quote[k] for k in range(cue.last, end)):
            return None
        np = self.speakers.noun_phrase_from(wie + 1, cue.first)
        if np is None or not self.speakers.plausible_range(*np) or toks[np[0]].low in self.lex.generic_pronouns:
            return None  # "…, wie es heißt", "wie man sagt": no one in particular
        b = wie - 1
        if b <= s.first or toks[s.first].low in self.lex.clause_stop_words:
            return None
        if any(toks[k].low in self.lex.cue_forms and not self.in_quote[k] for k in range(s.first, b)):
            return None  # "Augenzeugen hatten berichtet, wie Mair … attackierte": "wie" opens their content
        return self._make(s.first, b, directs, self.speakers.speaker(*np), self._span(cue.first, cue.last))

    def _apposed_after_quote(self, s: Sentence, i: int) -> tuple[tuple[int, int], int] | None:
        """A speaker and an apposition between a quotation and its cue: "“…,” Steve Clarke, deputy
        associate administrator for exploration, said"; "„…“, Anna Thomas, Sprecherin der Stadt,
        sagte". The speaker's token range and the token after the quotation's closing mark."""
        toks = self.tokens
        q = i - 1
        while q >= s.first and not self.in_quote[q]:
            q -= 1
        if q < s.first or i - q > MAX_FRAME_TOKENS + MAX_SPEAKER_APPOSITION:
            return None
        j = q + 1 if q + 1 < i and toks[q + 1].text == "," else q + 1
        j = j + 1 if j < i and toks[j].text == "," else j
        np = self.speakers.noun_phrase_from(j, i)
        if np is None or np[1] >= i - 1 or toks[np[1]].text != "," or not self.speakers.plausible_range(*np):
            return None
        if any(toks[k].text in ";:" or toks[k].low in self.lex.cue_forms for k in range(np[1], i)):
            return None
        return np, q + 1

    def _before_is_clause(self, s: Sentence, a: int, b: int, cue: Cue, end: int, inverted: bool = False) -> bool:
        """English, where no mood marks reported content: what stands before ", X said" is content
        only when it is a clause (a few words) and the frame ends the sentence or its clause
        ("…, Smith said in a statement."). An adverbial before a cue with its own object or clause
        ("Earlier this month, NASA announced the newest …", "However, Taylor told Dempsey he …")
        is part of the frame. A quotation before the cue is content whatever follows."""
        toks = self.tokens
        lo, hi = toks[a].start, toks[b - 1].end
        if any(lo <= m.start and m.end <= hi for m in self._marked):
            return True
        depth, words = 0, 0
        for k in range(a, b):  # words outside parentheses: "Today (Nov. 18)" is one
            depth += (toks[k].text == "(") - (toks[k].text == ")")
            words += depth == 0 and toks[k].text[:1].isalnum()
        k = cue.last
        inserted = k < end and toks[k].text == "," and cue.first - self._clause_start(s, cue.first) <= MAX_INSERTED_SPEAKER
        if words < MIN_BEFORE_WORDS and not inserted:
            return False  # (but "The plan, Smith said, would fail": an attribution inserted in it)
        if k < end and (toks[k].low in self.lex.complementizers or toks[k].text in self.lex.speaker_pronouns):
            return False  # "…, Patrick has said he will …": the content follows the cue
        if k < end and self._subject_of_finite(k):
            return False  # "Ortiz, a spokesman, said the mill would stay open": the content's subject follows
        tail = next((j for j in range(k, end) if toks[j].text in ",;:"), end) - k
        # ", said the company's recently named chair X.": after an inverted cue the tail is the speaker
        return tail <= MAX_TAIL_AFTER_BEFORE + (MAX_SPEAKER_APPOSITION if inverted else 0)

    def _quotation_then_attribution(self, a: int, b: int) -> tuple[int, tuple[int, int] | None] | None:
        """Content ``a``..``b`` that is a quotation, a comma and then words with no quotation mark
        ("„…“, weiß der Präsident, warnt aber", "“…,” Thomas Zurbuchen, NASA's administrator, said"):
        the words after the quotation are its attribution (its speaker, an apposition, a verb the
        tables lack), not quoted content. Returns the token end of the quotation and the speaker
        phrase found in the attribution."""
        toks = self.tokens
        first = next((m for m in self._marked if m.start == toks[a].start), None)
        if first is None:
            return None
        k = after = self._token_at(first.end)  # first token after the closing mark
        if k >= b or any(self.in_quote[j] for j in range(k, b)) or self._has_subjunctive(k, b):
            return None
        comma_inside = self.text[first.start : first.end - 1].rstrip().endswith(",")
        if toks[k].text == ",":
            k += 1
        elif not comma_inside:
            return None  # "„Wir schaffen das“ sei das Motto gewesen": the quotation is part of the clause
        if k >= b:
            return None
        np = self.speakers.noun_phrase_from(k, b) or self.speakers.right_of(k + 1, b)
        return after, np

    def _inverted_frame(self, s: Sentence, cue: Cue, end: int) -> bool:
        """", teilte der USGS mit.", ", sagte Müller.": the verb opens its clause and a speaker
        follows it to the end of the sentence — the frame of what comes before, in any mood."""
        toks, lex = self.tokens, self.lex
        if cue_word(toks, cue, self.lex) in lex.impersonal_cues and cue.last < end and toks[cue.last].low == lex.impersonal_subject:
            # ", heißt es (in dem Bericht).": the impersonal frame, its source a place or no one
            return all(toks[k].text not in ",;:" and not self.in_quote[k] for k in range(cue.last, end))
        np = self.speakers.right_of(cue.last, end)
        if np is None or not self.speakers.plausible_range(*np):
            return False
        tail = np[1]
        if tail < end and toks[tail].text == ",":
            # ", teilte der Direktor der Behörde, Bagus Sutrisno, mit.": an apposition between commas
            close = next((k for k in range(tail + 1, min(end, tail + 2 + MAX_SPEAKER_APPOSITION)) if toks[k].text == ","), None)
            if close is not None and not any(self.in_quote[k] or toks[k].text in ";:" for k in range(tail, close)):
                tail = close + 1
        if end - tail > MAX_FRAME_TAIL:
            return False
        return all(self.tokens[k].text not in ",;:" and not self.in_quote[k] for k in range(tail, end))

    def _opens_with_as(self, s: Sentence, i: int) -> bool:
        return self._as_word(s, i) is not None

    def _as_word(self, s: Sentence, i: int) -> int | None:
        """Cue ``i`` closes an "as" clause: "Wie die Polizei mitteilte, …", also over an apposition
        ("Wie die Sprecherin, Anna Thomas, mitteilte, …"): "wie" opens the sentence or a clause."""
        toks = self.tokens
        quoted = 0
        for k in range(i - 1, max(s.first, i - 2 * MAX_FRAME_TOKENS) - 1, -1):
            quoted = quoted + 1 if self.in_quote[k] else 0
            if toks[k].text in ";:" or quoted > MAX_NAME_WORDS + 2:
                return None  # (a short quotation is the source's name: "Wie der „Spiegel“ berichtet")
            if toks[k].low == self.lex.wie_word:
                return k if k < i - 1 and (k == s.first or toks[k - 1].text == ",") else None
        return None

    def _bare_start(self, k: int, first: int, clause_cue: bool = False) -> bool:
        """English "Smith said the plan ...": a clause right after a cue with its subject before it.
        After a verb that takes a clause and hardly ever an object ("said", "added"), the clause
        may open with any word ("said overwhelming demand led to …") but a preposition or an
        adverb of the frame ("said on Tuesday", "said later")."""
        tok = self.tokens[k]
        lex = self.lex
        starts_clause = tok.text in lex.determiners or tok.text in lex.speaker_pronouns or _cap(tok.text) or (
            clause_cue and tok.text[:1].isalpha() and tok.low not in lex.prepositions
            and tok.low not in lex.speaker_stop_words and tok.low not in lex.clause_stop_words
            and tok.low not in lex.complementizers and tok.low not in lex.frame_nouns)
        if k + 1 >= len(self.tokens) or not self.tokens[k + 1].text[:1].isalnum():
            return False  # "recommend that, so …": a pronoun object, no clause
        # after ", said" the words are the inverted speaker, unless a finite verb follows them:
        # "Ortiz, a spokesman, said the mill would stay open"
        inverted = self.tokens[k - 2].text in ",:" and not (self.tokens[k - 2].text == "," and self._subject_of_finite(k))
        return starts_clause and k - 1 > first and not inverted and not self.in_quote[k]

    def _subject_of_finite(self, k: int) -> bool:
        """The noun phrase at token ``k`` is followed by a finite verb: the subject of a clause."""
        toks, lex = self.tokens, self.lex
        np = self.speakers.noun_phrase_from(k, len(toks))
        if np is None or np[1] >= len(toks):
            return False
        verb = toks[np[1]]
        if verb.low in lex.finite_words:
            return True
        # a past form ("the school needed money"), not a participle with its phrase ("the
        # researchers involved in the study")
        after = toks[np[1] + 1] if np[1] + 1 < len(toks) else None
        return verb.text[:1].islower() and verb.low.endswith(lex.finite_endings) and verb.low not in lex.cue_forms \
            and after is not None and after.low not in lex.prepositions

    def _question_closed(self, k: int) -> bool:
        """Token ``k`` closes a quoted question or exclamation ("“Can I …?” Brooke asked"): the
        clause after it starts there, as after the comma of "“…,” she said"."""
        return k > 0 and self.tokens[k].text in self.lex.closers and self.tokens[k - 1].text in "?!"

    def _clause_start(self, s: Sentence, i: int) -> int:
        """First token of the clause holding token ``i``: after the last comma and closing marks."""
        k = i
        while k > s.first and self.tokens[k - 1].text not in ",;:" and not self._question_closed(k - 1):
            k -= 1
        while k < i and self.tokens[k].text in self.lex.closers:
            k += 1
        low = self.tokens[k].low if k < i else ""
        if low in self.lex.coordinators or low in self.lex.subordinators or low == self.lex.wie_word:
            k += 1
        return k

    def _frame_speaker(self, s: Sentence, cue: Cue, stop: int, inverted_ok: bool = True) -> Speaker | None:
        i = cue.first
        c0 = self._clause_start(s, i)
        quoted = self._quoted_person(c0, i, stop)
        if quoted is not None:
            return self.speakers.speaker(*quoted)
        wie = self._as_word(s, i)
        if wie is not None and wie + 1 < c0:  # "Wie die Sprecherin, Anna Thomas, mitteilte"
            np = self.speakers.noun_phrase_from(wie + 1, i)
            if np is not None:
                return self.speakers.speaker(*np)
        # a pronoun right after the finite verb is its subject: "Deren Haltung bezeichnete er als"
        after_verb = i + 1 < stop and self.tokens[i + 1].text in self.lex.speaker_pronouns \
            and not self._object_pronoun(c0, i)
        np = (i + 1, i + 2) if after_verb else self._passive_agent(c0, i) or self._relative_or_coordinated(s, c0, i)
        if np is None and self.tokens[i].low in self.lex.impersonal_cues:
            np = self._impersonal_source(s, c0, i, stop)
        np = np or self._message_source(i + 1, stop) or self._subordinate_subject(c0, i) or (
            self._left_or_inverted(c0, i, stop) if inverted_ok else self.speakers.left_of(c0, i))
        if np is None and c0 == i:  # "Der NDR, der …, begründete": the subject before the relative clause
            np = self._apposed_subject(s, c0)
        # "sagte der Minister", then the middle field of "Am Freitag hatte X … erklärt", then
        # "X, zuständig für …, hatte angekündigt"
        if np is None and c0 > s.first and self.tokens[c0].text[:1].islower():
            np = self._apposed_subject(s, c0)  # "X, zuständig für …, hat … angekündigt"
        np = np or self.speakers.right_of(i + 1, stop) or self.speakers.middle_field(c0, i) \
            or self._apposed_subject(s, c0)
        np = np or self._relative_place(s, c0, i)
        if np is not None and cue.kind == "noun" and self._noun_cue_phrase(np, i):
            # a content noun is not its own speaker ("Nun stellt sich die Frage, wie …"): the one it
            # comes from ("Die von Arnold geäußerte Hoffnung", "Von der Polizei kam die Information"), or no one
            np = self._agent_of_noun(s, i)
        return self.speakers.speaker(*np) if np else None

    def _relative_place(self, s: Sentence, c0: int, i: int) -> tuple[int, int] | None:
        """A relative clause opened by a preposition names where the words stand: "eine Erklärung
        der Behörde, in der es heißt, dass …", "eine Stelle aus dem Bericht, in der davon berichtet
        wird": the phrase before the comma is the source."""
        toks, lex = self.tokens, self.lex
        if c0 <= s.first or c0 + 2 > i or toks[c0 - 1].text != "," or toks[c0].low not in lex.prepositions \
                or toks[c0 + 1].low not in lex.relative_forms:
            return None
        return self.speakers.antecedent_phrase(c0)

    def _noun_cue_phrase(self, np: tuple[int, int], i: int) -> bool:
        """The phrase holds content noun ``i`` or is its article and adjectives ("die", "die erste")."""
        if np[0] <= i < np[1]:
            return True
        return np[1] == i and all(t.text in self.lex.determiners or t.text[:1].islower() for t in self.tokens[np[0] : np[1]])

    def _agent_of_noun(self, s: Sentence, i: int) -> tuple[int, int] | None:
        """A "von" phrase before content noun ``i`` in its sentence that names someone who can speak."""
        toks, lex = self.tokens, self.lex
        for k in range(s.first, i - 1):
            if toks[k].low in lex.agent_prepositions and not self.in_quote[k]:
                np = self.speakers.noun_phrase_from(k + 1, i)
                if np and np[1] <= i and self.speakers.plausible_range(*np):
                    return np
        return None

    def _subordinate_subject(self, c0: int, i: int) -> tuple[int, int] | None:
        """The subject of a subordinate clause that holds the cue without a comma before it: "This
        comes a week after Bloomberg reported …" is Bloomberg's report, not "This comes". The phrase
        after the subordinator must end right before the cue."""
        toks, lex = self.tokens, self.lex
        for k in range(i - 2, c0, -1):
            if self.in_quote[k]:
                return None
            if toks[k].low in lex.subordinators and toks[k].text[:1].islower():
                np = self.speakers.noun_phrase_from(k + 1, i)
                if np is not None and np[1] == i and self.speakers.plausible_range(*np):
                    return np
                return None
        return None

    def _impersonal_source(self, s: Sentence, c0: int, i: int, stop: int) -> tuple[int, int] | None:
        """Where "heißt es" finds its words: the place before the verb ("Im Bericht hieß es"; "In der
        Vorabversion des Berichts, der …, heißt es" past a relative clause) or after "es" ("So heißt
        es in dem Schreiben wörtlich", "Nun heißt es im Abschlussbericht")."""
        toks, lex = self.tokens, self.lex
        for first in (c0, s.first) if c0 == i else (c0,):
            if toks[first].low in lex.prepositions:
                np = self.speakers.noun_phrase_from(first + 1, i)
                if np is not None:
                    return np
        k = i + 1
        if k < stop and toks[k].low == lex.impersonal_subject:
            k += 1
            if k + 1 < stop and toks[k].low in lex.prepositions:
                return self.speakers.noun_phrase_from(k + 1, stop)
        return None

    def _object_pronoun(self, c0: int, i: int) -> bool:
        """"Der Hauptgeschäftsführer nannte sie „fahrlässig“": a pronoun that may be accusative is
        the object when the field before the verb is a speaker phrase whose article can be
        nominative ("Der", "Die", "Ein"; not "Den", "Dem")."""
        toks, lex = self.tokens, self.lex
        if toks[i + 1].text not in lex.case_ambiguous_pronouns or c0 >= i:
            return False
        left = self.speakers.left_of(c0, i)
        return left is not None and left[1] == i and toks[left[0]].text in lex.determiners \
            and self.speakers.plausible_range(*left)

    def _quoted_person(self, c0: int, i: int, stop: int) -> tuple[int, int] | None:
        """"Ein Sender zitierte den Minister mit den Worten: …": the one quoted speaks, not the
        one quoting (active voice only: "X wird von Y mit den Worten zitiert" keeps its subject X)."""
        toks, lex = self.tokens, self.lex
        phrase = lex.quoting_phrase
        if toks[i].low not in lex.quoting_cues or not phrase:
            return None
        if any(toks[k].low in lex.passive_auxiliaries for k in range(c0, i)):
            return None
        at = next((k for k in range(i + 1, stop) if all(k + n < stop and toks[k + n].text == w
                                                        for n, w in enumerate(phrase))), None)
        if at is None:
            return None
        first = self.speakers.noun_phrase_from(i + 1, at)
        if first is None:
            return None
        second = self.speakers.noun_phrase_from(first[1], at) if first[1] < at else None
        return second or first  # "zitierte die Zeitung den Minister": the object comes second

    def _left_or_inverted(self, c0: int, i: int, stop: int) -> tuple[int, int] | None:
        """The phrase before the verb, unless it is one unknown capitalised word and a person or
        organisation follows the verb ("Besorgt äußerte sich der Vorsitzende")."""
        left = self.speakers.left_of(c0, i)
        if left is None or left[1] - left[0] > 1 or self.speakers.plausible_range(*left):
            return left
        right = self.speakers.right_of(i + 1, stop)
        if right is None or not self.speakers.plausible_range(*right):
            return left
        head = right[0] + 1 if self.tokens[right[0]].text in self.lex.determiners else right[0]
        if head < right[1] and not self.speakers.plausible_range(head, head + 1) and self.speakers.name_like(left[0]):
            return left  # "Milinkewitsch kritisierte die Handlungsweise Kozulins": a thing is the object, a name the subject
        if self.tokens[right[0]].text not in self.lex.determiners and self.speakers.name_like(left[0]):
            return left  # "Thaksin beschuldigte General Prem": a bare noun after the verb is its object
        return right

    def _passive_agent(self, c0: int, i: int) -> tuple[int, int] | None:
        """"Es wurde von Demjanjuks Sohn die Mutmaßung geäußert": the agent of a passive cue."""
        toks, lex = self.tokens, self.lex
        if toks[i].low in lex.quoting_cues or not any(toks[k].low in lex.passive_auxiliaries for k in range(c0, i)):
            return None  # "X wird von Y zitiert": X is quoted, so X speaks
        for k in range(c0, i - 1):
            if toks[k].low in lex.agent_prepositions:
                np = self.speakers.noun_phrase_from(k + 1, i)
                if np and self.speakers.plausible_range(*np):
                    return np
        return None

    def _relative_or_coordinated(self, s: Sentence, c0: int, i: int) -> tuple[int, int] | None:
        """"…, der der Regierung vorwarf": the relative pronoun; "X dankte … und ergänzte": X."""
        toks, lex = self.tokens, self.lex
        if c0 > s.first and c0 + 1 < i and toks[c0].low in lex.relative_pronouns and (
                toks[c0 + 1].text[:1].islower() or toks[c0 + 1].text in lex.determiners):
            return c0, c0 + 1
        if i - 1 > s.first and toks[i - 1].low in lex.coordinators:
            # "X, Sprecher von Y, dankte den Helfern und ergänzte": the first conjunct's subject,
            # which may stand before an apposition; an object of that conjunct never speaks
            np = self.speakers.noun_phrase_from(s.first, i)
            if np is not None and not self.speakers.oblique(np[0]):
                return np
            return self._apposed_subject(s, self._clause_start(s, i)) or self._subject_after_adverbial(s, i) \
                or self._subject_after_fronted(s, i)
        return None

    def _subject_after_fronted(self, s: Sentence, i: int) -> tuple[int, int] | None:
        """Where the verb comes second (German), a first conjunct opened by a prepositional phrase
        has its subject after its verb: "In einer Stellungnahme befand der Premierminister … und
        nannte …", "Unter dem Motto „…“ zogen die Demonstranten … und skandierten" (not "Parolen").
        The verb is the first lower-case word after the phrase's noun or quoted name."""
        toks, lex = self.tokens, self.lex
        if lex.lowercase_nouns or toks[s.first].low not in lex.prepositions:
            return None
        for k in range(s.first + 2, i - 1):
            tok, prev = toks[k], toks[k - 1]
            if self.in_quote[k] or not tok.text.isalpha() or not tok.text.islower() or tok.text in lex.determiners \
                    or tok.low in lex.prepositions:
                continue
            nxt = toks[k + 1]
            if tok.low.endswith(lex.adjective_endings) and _cap(nxt.text) and nxt.text not in lex.determiners:
                continue  # an attribute before the phrase's noun: "In einer am Montag veröffentlichten Erklärung"
            if not (_cap(prev.text) or prev.text in lex.closers):
                return None  # a lower-case word inside the phrase: no plain noun phrase before the verb
            np = self.speakers.right_of(k + 1, i - 1)
            return np if np is not None and self.speakers.plausible_range(*np) else None
        return None

    def _subject_after_adverbial(self, s: Sentence, i: int) -> tuple[int, int] | None:
        """"In October, Rep. David McKinley, R-W.Va., visited …, and argued that": the first
        person or organisation opening a comma segment of the first conjunct."""
        toks = self.tokens
        for k in range(s.first, i - 1):
            if toks[k].text == "," and not self.in_quote[k]:
                np = self.speakers.noun_phrase_from(k + 1, i)
                if np is not None and self.speakers.label_of(toks[np[0]].start, toks[np[1] - 1].end) in ("PER", "ORG"):
                    return np
        return None

    def _quoting_subject(self, s: Sentence, m: Marked) -> Speaker | None:
        """"Ursprünglich wollte er „…“": a person-like subject of the sentence quoting, if there is one."""
        np = self._quoting_subject_range(s, m)
        return self.speakers.speaker(*np) if np else None

    def _quoting_subject_range(self, s: Sentence, m: Marked) -> tuple[int, int] | None:
        k = s.first
        while k < s.last and self.tokens[k].end <= m.start:
            k += 1
        np = self.speakers.subject_of(s.first, k) if k > s.first else None
        if np is None or self.in_quote[np[0]] or not self.speakers.plausible_range(*np):
            return None
        return np

    def _colon_speaker(self, s: Sentence, m: Marked) -> Speaker | None:
        """"Erkki Tuomioja, Präsident des Rats: „…“": a speaker phrase and a colon before the quote."""
        toks = self.tokens
        colon = next((k for k in range(s.first, s.last) if toks[k].text == ":" and toks[k].end <= m.start), None)
        if colon is None:
            return None
        # "Teamchef Jean Todt stellt sich vor seinen Piloten: „…“": the subject of the frame
        np = self.speakers.noun_phrase_from(s.first, colon) or self.speakers.middle_field(s.first, colon)
        if np is not None and not self.speakers.plausible_range(*np) and self._message_subject(np, colon):
            return self.speakers.speaker(*np)  # "Das Fazit des Vorabberichts lautete: „…“": the text speaks
        if np is None or not self.speakers.plausible_range(*np):
            return None  # "Ernster Nachsatz: „…“": a lead-in, not a speaker; the last one speaks on
        return self.speakers.speaker(*np)

    def _message_subject(self, np: tuple[int, int], colon: int) -> bool:
        """A message or content noun heads the subject of a colon frame ("Das Fazit lautete:", "Die
        Erklärung:"), with at most a verb between it and the colon."""
        toks, lex = self.tokens, self.lex
        head = np[0] + 1 if toks[np[0]].text in lex.determiners else np[0]
        if head >= np[1] or colon - np[1] > 1:
            return False
        word = toks[head].text
        return word in lex.message_nouns or word in lex.content_nouns or word in lex.speech_nouns

    def _apposed_subject(self, s: Sentence, c0: int) -> tuple[int, int] | None:
        """"John Miller, a senior analyst at the bank, said": the noun phrase before an apposition."""
        toks = self.tokens
        if c0 <= s.first + 1 or toks[c0 - 1].text != ",":
            return None
        commas = [k for k in range(s.first, c0 - 1) if toks[k].text == ","][-2:]
        for comma in commas:
            seg = self._clause_start(s, comma)
            while seg < comma and toks[seg].low in self.lex.focus_particles:
                seg += 1  # "Auch die Fraktionschefin, Renate Künast, äußerte sich"
            np = self.speakers.noun_phrase_from(seg, comma)
            if np is None or not self.speakers.plausible_range(*np):
                # "Erst vor zwei Tagen hatte der Investor für den Neubau, Larry A. Silverstein, zugesagt":
                # the subject stands in the middle field before the apposition
                middle = self.speakers.middle_field(seg, comma)
                np = middle if middle is not None and self.speakers.plausible_range(*middle) else np
            if np and comma - np[1] <= MAX_APPOSITION_GAP:
                return np
        return None

    def _message_source(self, a: int, b: int) -> tuple[int, int] | None:
        """The person whose message is quoted: "zitierte der Kreml aus einer Botschaft Putins"."""
        toks = self.tokens
        for k in range(a, min(b, len(toks) - 1)):
            if toks[k].text in self.lex.message_nouns and not self.in_quote[k]:
                np = self.speakers.noun_phrase_from(k + 1, b)
                if np and self.speakers.label_of(toks[np[0]].start, toks[np[1] - 1].end) == "PER":
                    return np
        return None

    def _according(self, s: Sentence, cue: Cue, directs: list[Marked]) -> Candidate | None:
        end = self._content_end(s)
        a, b = cue.first, cue.last
        if cue.speaker:
            a, b = min(a, cue.speaker[0]), max(b, cue.speaker[1])
        if cue.kind == "so" and b < end:
            b = self.cue_finder.so_tail_end(b, s) or b  # "so Obama weiter,": the frame ends after its tail
        speaker = self.speakers.speaker(*cue.speaker) if cue.speaker else None
        cue_span = self._span(cue.first, cue.last)
        inherit = speaker is None
        if cue_word(self.tokens, cue, self.lex) in self.lex.relative_according and cue.first > s.first \
                and self.tokens[cue.first - 1].text == ",":
            # "Pressemeldungen, wonach Inspektoren Zutritt verlangt hätten, wies es zurück": the
            # relative clause is the content, up to the comma that closes it
            stop = next((k for k in range(cue.last, end) if self.tokens[k].text in ",;:" and not self.in_quote[k]), end)
            return self._make(cue.last, stop, directs, speaker, cue_span, inherit) if cue.last < stop else None
        opens_clause = a == cue.first and a > s.first + 1 and not self.in_quote[a - 1] and (
            self.tokens[a - 1].text in ":;" or self.tokens[a - 1].low in self.lex.joining_conjunctions
            or (self.tokens[a - 1].text == "," and self._verb_follows(b, end)))
        if a <= s.first + 1 or opens_clause:
            # "Laut X liegt …", and a clause it opens inside the sentence ("…: A, und laut Eurostat
            # liegt Deutschland …"): what follows the phrase
            first = b + 1 if b < end and self.tokens[b].text == "," else b
            return self._make(first, end, directs, speaker, cue_span, inherit) if first < end else None
        # "A, according to a statement." ends the sentence; "…, nach neuesten Erkenntnissen habe X …"
        # opens the clause it attributes
        trailing = self.tokens[a - 1].text == "," and all(self.tokens[k].text != "," for k in range(b, end)) \
            and (end - b <= MAX_FRAME_TAIL or not self._has_subjunctive(b, end))
        # "A sei, so X, B": a parenthetical "so X" inside the content; the content is the sentence
        inserted = cue.kind == "so" and b + MIN_AFTER_INSERT < end and self.tokens[b].text in ",–-"
        if inserted:
            return self._make(s.first, end, directs, speaker, cue_span, inherit)
        if b >= end or cue.kind == "so" or trailing:  # "A, according to a statement from his office."
            last = a - 1 if self.tokens[a - 1].text == "," else a
            return self._make(s.first, last, directs, speaker, cue_span, inherit) if last > s.first else None
        return self._make(s.first, end, directs, speaker, cue_span, inherit)

    def _second_predicate(self, k: int, cue: Cue) -> bool:
        """Token ``k``, between the cue and its content's comma, joins a second predicate to the
        cue's subject: a coordinator, then a lower-case word that is no cue, article, preposition
        or adverb (its finite verb: "… und sind so …", "… und hat …")."""
        toks, lex = self.tokens, self.lex
        if k <= cue.last or k + 1 >= len(toks) or toks[k].low not in lex.coordinators or self.in_quote[k + 1]:
            return False
        verb = toks[k + 1]
        return verb.text.isalpha() and verb.text.islower() and verb.low not in lex.cue_forms \
            and verb.low not in lex.prepositions and verb.text not in lex.determiners \
            and verb.low not in lex.speaker_stop_words and verb.low not in lex.clause_stop_words \
            and verb.low not in lex.complementizers and not verb.low.endswith(lex.adverb_endings) \
            and verb.low not in lex.pronouns and verb.low != lex.infinitive_marker

    def _verb_follows(self, b: int, end: int) -> bool:
        """After a comma, "laut ADAC liegt der Beitrag …": the according phrase is the first part of
        a clause of its own, its finite verb right after it (a lower-case word that is no
        preposition, article or adverb of the frame), with the clause's words after that."""
        toks, lex = self.tokens, self.lex
        if not lex.subjunctive or b + 2 >= end or self.in_quote[b]:
            return False  # (English has no verb-second order: "according to credible reports received by …")
        verb = toks[b]
        return verb.text.isalpha() and verb.text.islower() and verb.low not in lex.prepositions \
            and verb.text not in lex.determiners and verb.low not in lex.speaker_stop_words \
            and verb.low not in lex.clause_stop_words and verb.low not in lex.complementizers \
            and not verb.low.endswith(lex.adverb_endings)

    def _reported(self, s: Sentence, cue: Cue) -> list[Candidate]:
        end = self._content_end(s)
        if end < s.last and self.tokens[end].text == ":" or (end > s.first and self.tokens[end - 1].text == ":"):
            return []
        # a passive in the cue's own clause ("Es wurde bemängelt"), not in a clause after it
        # ("X verlangte die Freilassung einer Lehrerin, die festgenommen wurde")
        stop = next((k for k in range(cue.last, end) if self.tokens[k].text == ","), end)
        passive = any(self.tokens[k].low in self.lex.passive_auxiliaries for k in range(self._clause_start(s, cue.first), stop))
        if passive or cue_word(self.tokens, cue, self.lex) in self.lex.not_reported or self._has_subjunctive(s.first, end):
            return []
        if self._describes(s, cue) or self._bare_participle(cue):
            return []
        speaker = self._frame_speaker(s, cue, end, inverted_ok=False)
        if speaker is None or not self.speakers.plausible(speaker):
            return []
        return [Candidate(s.start, s.end, "reported", speaker, self._span(cue.first, cue.last))]

    def _bare_participle(self, cue: Cue) -> bool:
        """A reported speech act needs a finite cue verb: a participle ("betont optimistisch",
        "hatte … abgelehnt", "auch X genannt") is an adjective, a passive or background in the
        perfect far more often than a speech act (measured on the tuning half: 0 of ~25 right)."""
        return cue_word(self.tokens, cue, self.lex) in self.lex.participles

    def _describes(self, s: Sentence, cue: Cue) -> bool:
        """An author bio or portrait, not a speech act: "X ist Redakteurin und schreibt über
        Europa", "The author lives in Berlin and writes about …" — a state verb before the cue,
        joined to it by a coordinator."""
        toks, lex = self.tokens, self.lex
        state = next((k for k in range(s.first, cue.first) if toks[k].low in lex.state_verbs), None)
        return state is not None and any(toks[k].low in lex.coordinators for k in range(state + 1, cue.first))

    def _framed(self, s: Sentence, cue: Cue, directs: list[Marked]) -> Candidate | None:
        """A frame longer than MAX_FRAME_TOKENS, then reported speech: "X berichtete im Fachblatt
        „…“ („…“), es sei …": the first comma after the cue opens the content when what follows
        is subjunctive and the frame is not."""
        toks = self.tokens
        end = self._content_end(s)
        k = next((k for k in range(cue.last, end) if toks[k].text == "," and not self.in_quote[k]), None)
        if k is None or k + 1 >= end or self._has_subjunctive(s.first, k) or not self._has_subjunctive(k + 1, end):
            return None
        if toks[k + 1].low in self.lex.clause_stop_words:
            return None  # "bestreitet seine Spiele, als erster … hätte er": a clause of its own, not content
        return self._make(k + 1, end, directs, self._frame_speaker(s, cue, k), self._span(cue.first, cue.last))

    def _free(self, s: Sentence, recent: bool, prev: Sentence | None) -> list[Candidate]:
        end = self._content_end(s)
        if recent and self._has_subjunctive(s.first, end, reported=True):
            return [Candidate(s.start, s.end, "indirect", inherit=True)]
        # (the first person's indicative is no reported speech, unless a label gives the speaker: "Atim: Ich habe …")
        labelled = any(self.tokens[k].text == ":" and not self.in_quote[k] for k in range(s.first, min(end, s.first + MAX_LABEL_WORDS + 2)))
        if any(not self.in_quote[k] and self.tokens[k].text in self.lex.reported_mood
               and (labelled or not self._first_person_form(s.first, k, end)) for k in range(s.first, end)):
            # reported speech with no attribution in reach: the subject of the sentence before
            # ("Dekan Berg sieht den Streit gelassen. Man habe nichts gewusst.")
            asks = prev is not None and not labelled and self.text[prev.start : prev.end].rstrip().endswith("?")
            np = (self.speakers.passive_agent(prev.first, prev.last) or self.speakers.subject_of(prev.first, prev.last)) \
                if prev and not asks else None  # a question names no source
            speaker = self.speakers.speaker(*np) if np else None
            if speaker is not None and not self.speakers.plausible(speaker):
                speaker = None
            named = speaker is not None and self.speakers.names_someone(speaker)
            return [Candidate(s.start, s.end, "indirect", speaker, inherit=speaker is None, guessed=True,
                              named_subject=named)]
        toks = self.tokens
        hearsay = any(toks[k].low in self.lex.hearsay_modals for k in self._main_clause(s.first, end))
        perfect = end - 1 > s.first and toks[end - 1].low in self.lex.hearsay_infinitives
        # "Er soll … verholfen haben" anywhere; "Es soll … werden" right after an attributed
        # quotation, whose speaker it continues (free indirect speech).
        if hearsay and (perfect or recent):
            return [Candidate(s.start, s.end, "indirect", inherit=True)]
        return []
