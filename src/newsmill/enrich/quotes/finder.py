"""Quotations with their speakers and cues: direct, indirect, mixed and reported speech.

``QuoteFinder`` pairs quotation marks, splits sentences, finds cue verbs and attribution
phrases ("sagte", "teilte … mit", "laut", "nach Angaben von", "zufolge", "according to"),
reads the quoted content each cue frames and resolves the speaker through entities, pronouns
and role nouns. Everything is rules over per-language tables in ``newsmill/data/quotes``; no
model, linear time. Kinds:

- ``direct``: words inside quotation marks (the span includes the marks);
- ``indirect``: reported content without marks — a "dass" clause after a cue, a subjunctive
  clause before or after one, the rest of a sentence after "laut X", and subjunctive or
  hearsay ("soll … haben") sentences that continue an attributed quotation;
- ``mixed``: indirect content with quoted fragments;
- ``reported``: a speech act whose content is not given ("Die CDU forderte Aufklärung."), with a
  finite cue verb (a participle alone is an adjective, a passive or background far more often).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsmill.article import Article, Quote, Speaker
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.clauses import Candidate, SentenceReader
from newsmill.enrich.quotes.lexicon import QuoteLexicon, has_lexicon, load_lexicon
from newsmill.enrich.quotes.marks import Marked, find_marked
from newsmill.enrich.quotes.parts import join_parts
from newsmill.enrich.quotes.speaker_ids import link_speakers
from newsmill.enrich.quotes.speakers import SpeakerFinder
from newsmill.enrich.quotes.text import (
    Sentence,
    Token,
    join_attributions,
    merge_across,
    split_sentences,
    tokenize,
)

# Texts beyond this are read only up to it: 200,000 characters (~30,000 words) is far beyond any
# news article, and the cap keeps a pathological input (1 MB of quotation marks) within ~4 s.
MAX_TEXT_CHARS = 200_000
# Sentences a free indirect continuation may follow its attributed quotation by.
MAX_CONTINUATION_GAP = 1
# Sentences back within which the last quotation's speaker is still the likely source of an
# unattributed subjunctive sentence (rather than the subject of the sentence just before): 3
# since session 7 (tune half +5 matches, +1 false; 4 and 5 added as many errors as matches).
MAX_ATTRIBUTION_REACH = 3


# Tokens between the verb and the comma before "dass" in a speech-shaped sentence ("wies darauf hin,").
MAX_VERB_TAIL = 3
# Entity labels a speaker can be: people and organisations ("die New York Times berichtete").
SPEAKER_LABELS = ("PER", "ORG")
# Lower-case name particles are this short: "de Maizière", "von der Leyen", "van Gogh".
MAX_NAME_PARTICLE = 3
# Reported content without marks has at least a subject and a verb: one word is an adverb or a
# stray fragment after the cue ("said, jokingly").
MIN_CONTENT_WORDS = 2
# Kinds of reported content (without marks, or with a few quoted words in it).
_REPORTED = ("indirect", "mixed")


@dataclass
class QuoteOptions:
    """What the finder emits."""

    # Speech acts without content ("X forderte Aufklärung."): off by default, because a reader
    # takes them for narrative (a third of them are right on quotes-de, fewer on news pages).
    reported: bool = False
    continuations: bool = True  # subjunctive/hearsay sentences continuing an attributed quote
    # Quoted fragments of mixed quotes also as separate direct quotes (the German gold's
    # convention); off by default, so a reader does not see the same words twice.
    fragments: bool = False
    # Quotes with no speaker: shown only when asked for (the German gold counts them). A reader
    # cannot tell whose words they are, and on news pages they are titles, sayings, lyrics and
    # slogans more often than in agency copy.
    unattributed: bool = False


class QuoteFinder:
    """Enricher: fills ``article.quotes``."""

    name = "quotes"
    requires: tuple[str, ...] = ("text", "language", "entities")
    assigns: tuple[str, ...] = ("quotes",)

    def __init__(self, options: QuoteOptions | None = None) -> None:
        self.options = options or QuoteOptions()

    def __call__(self, article: Article, context: EnrichContext) -> None:
        text = article.text or ""
        if len(text) > MAX_TEXT_CHARS:
            context.warnings.append(f"quotes: text longer than {MAX_TEXT_CHARS} characters; read only its start")
            text = text[:MAX_TEXT_CHARS]
        language = context.language or article.language or "en"
        if not has_lexicon(language):
            context.warnings.append(f"quotes: no quotation tables for {language!r}; used English")
        article.quotes = find_quotes(text, article, load_lexicon(language), self.options, context.warnings)
        link_speakers(article.quotes, article.entities, load_lexicon(language), text)
        article.quotes = [q for q in article.quotes if shown(q, load_lexicon(language), self.options, text)]


def shown(quote: Quote, lex: QuoteLexicon, options: QuoteOptions, text: str = "") -> bool:
    """Whether a quote is emitted: never with a generic speaker ("glaubte man": no one's words), as
    one word of reported content or as an interviewer's question; with no speaker only when
    ``options.unattributed``."""
    speaker = quote.speaker
    said = (speaker.name or speaker.text).lower() if speaker is not None else ""
    if said in lex.generic_pronouns:
        return False
    if quote.kind == "indirect" and len(quote.text.split()) < MIN_CONTENT_WORDS:
        return False  # '"I almost died there," Bublik said, jokingly': an adverb, not reported content
    if _asked(quote, lex, text):
        return False  # "Glauben Sie, dass …?": the interviewer's question, no one's report
    if options.unattributed:
        return True
    return speaker is not None


def find_quotes(text: str, article: Article, lex: QuoteLexicon, options: QuoteOptions,
                warnings: list[str]) -> list[Quote]:
    if not text.strip():
        return []
    tokens = tokenize(text)
    marked = find_marked(text, lex.marks, warnings)
    outer = [m for m in marked if m.depth == 0]
    in_quote = _quote_mask(tokens, outer)
    # (an opening quotation mark after "4." starts a sentence: "in Halle 4. „Vielfalt …“, erklärte X")
    sentences = merge_across(split_sentences(text, tokens, lex.abbreviations, lex.closers,
                                             lex.determiners | lex.speaker_pronouns | lex.openers),
                             [(m.start, m.end) for m in outer])
    sentences = join_attributions(sentences, tokens, lex.closers, lex.cue_forms, lex.openers)
    speakers = SpeakerFinder(text, tokens, article.entities, lex)
    reader = SentenceReader(text, tokens, in_quote, lex, speakers)
    quotes = _read_all(reader, sentences, outer, options, text)
    return join_parts(quotes, outer, text, lex)


def _quote_mask(tokens: list[Token], outer: list[Marked]) -> list[bool]:
    mask = [False] * len(tokens)
    k = 0
    for i, tok in enumerate(tokens):
        start = tok.start
        while k < len(outer) and outer[k].end <= start:
            k += 1
        mask[i] = k < len(outer) and outer[k].start <= start
    return mask


def _read_all(reader: SentenceReader, sentences: list[Sentence], outer: list[Marked],
              options: QuoteOptions, text: str) -> list[Quote]:
    quotes: list[Quote] = []
    last_speaker: Speaker | None = None
    last_quoted = last_continued = -10
    k = 0
    for n, s in enumerate(sentences):
        while k < len(outer) and outer[k].end <= s.start:
            k += 1
        inside = []
        for m in outer[k:]:
            if m.start >= s.end:
                break
            inside.append(m)
        recent = n - last_quoted <= MAX_CONTINUATION_GAP
        pending = reader.read(s, inside, recent, sentences[n - 1] if n else None)
        while pending:
            cand = pending.pop(0)
            if cand.kind == "reported" and not options.reported:
                # not shown, but a speech act all the same: the subjunctive sentences after it
                # are its speaker's words ("X kritisierte Y. Das sei …")
                last_quoted = n
                if cand.speaker is not None and not reader.speakers.fragment(cand.speaker, cand.start, cand.end, False):
                    last_speaker = cand.speaker
                continue
            if not _wanted(cand, options):
                continue
            if cand.refers_back:
                _attribute_back(quotes, cand, text, options)
                last_quoted = n
                last_speaker = cand.speaker or last_speaker
                continue
            if cand.speaker is not None and cand.kind != "direct" \
                    and cand.speaker.text in reader.lex.anaphoric_content:
                continue  # "Das weist darauf hin, dass …", "This explains why …": a fact, not a speaker
            if cand.speaker is not None and reader.speakers.fragment(cand.speaker, cand.start, cand.end, cand.kind == "direct"):
                # (a fragment outside the quotation stood where the speaker goes: right after a
                # quotation, that one's speaker goes on — ", so „schütze sie Gott“" is no one)
                outside = cand.speaker.end <= cand.start or cand.end <= cand.speaker.start
                cand.speaker = None  # "eine Neigung", "Eventually", "an", or the quote's own words
                cand.inherit = cand.inherit or (outside and n - last_quoted <= MAX_CONTINUATION_GAP)
            near = n - last_quoted <= MAX_ATTRIBUTION_REACH
            if cand.guessed and cand.speaker is None and not near:
                # subjunctive with no source in reach: too often not reported speech at all; its
                # quoted words are still someone's, as when the sentence is not read as reported
                pending[:0] = [Candidate(m.start, m.end, "direct", inherit=True) for m in cand.fragments]
                continue
            own = _own_subject(reader, s) if cand.kind in _REPORTED and cand.cue is None else None
            if own is not None:
                cand.speaker = own  # "Politische Beobachter wiesen darauf hin, dass …": its own source
            elif (cand.speaker is None and cand.inherit) or (cand.guessed and near and not cand.named_subject):
                # a named subject of the sentence before outranks the last quotation's speaker: "Der Iran
                # streitet dies ab. Sein Programm diene …" is Iran's, whoever was quoted before
                cand.speaker = last_speaker or cand.speaker
            elif cand.speaker is None and cand.cue is not None and cand.kind in _REPORTED \
                    and n - last_quoted <= MAX_CONTINUATION_GAP and _reported_frame(reader, s, cand.cue.start):
                # "Nach einem Bericht der BBC seien … ausgewertet worden. Es werde geschätzt, dass …",
                # "So heißt es, …": a cue that names no one, right after a quotation, is its source's
                # ("Doch es wird befürchtet, dass …" is no one's: the indicative passive is the writer's)
                cand.speaker = last_speaker
            continuation = cand.kind in _REPORTED and cand.cue is None
            if continuation and last_continued == n - 1 and quotes and quotes[-1].cue is None \
                    and quotes[-1].kind in _REPORTED and sentences[n - 1].paragraph == s.paragraph:
                _extend(quotes[-1], s.end, text)  # consecutive reported sentences are one quotation
                if cand.fragments:
                    quotes[-1].kind = "mixed"
                    if options.fragments:
                        quotes.extend(_to_quotes(cand, text, options)[1:])
            else:
                quotes.extend(_to_quotes(cand, text, options))
            last_continued = n if continuation else -10
            last_quoted = n
            if cand.speaker is not None:
                last_speaker = cand.speaker
    # hearsay with no source anywhere ("Er soll … haben"): no one's words (less than half right
    # on the tuning half, and never a quote to a reader); it still chained its sentences above
    return [q for q in quotes if q.cue is not None or q.speaker is not None or q.kind not in _REPORTED]


def _reported_frame(reader: SentenceReader, s: Sentence, cue_start: int) -> bool:
    """The cue is "heißt es", or its frame is itself reported ("Es werde geschätzt")."""
    toks, lex = reader.tokens, reader.lex
    frame = [t for t in toks[s.first : s.last] if t.start <= cue_start]
    return bool(frame) and (frame[-1].low in lex.impersonal_cues or any(t.text in lex.reported_mood for t in frame))


def _asked(quote: Quote, lex: QuoteLexicon, text: str) -> bool:
    """Content after a cue and the person addressed, closed by a question mark."""
    speaker, cue = quote.speaker, quote.cue
    if speaker is None or cue is None or speaker.text not in lex.addressee_pronouns or cue.start > speaker.start:
        return False
    return text[quote.end : quote.end + 3].lstrip()[:1] == "?"


def _attribute_back(quotes: list[Quote], cand: Candidate, text: str, options: QuoteOptions) -> None:
    """The sentence before "Dies sagte X": its quotations are X's; without any, it is one."""
    before = [q for q in quotes if q.start < cand.end and cand.start < q.end]
    for q in before:
        q.speaker, q.cue = cand.speaker, cand.cue
    if not before:
        quotes.extend(_to_quotes(cand, text, options))


def _own_subject(reader: SentenceReader, s: Sentence) -> Speaker | None:
    """The subject of a sentence shaped like speech with a verb the tables lack: a plausible
    speaker, its verb, then a comma and a complementizer ("X bekundete, dass …")."""
    speakers, toks, lex = reader.speakers, reader.tokens, reader.lex
    np = speakers.noun_phrase_from(s.first, s.last)
    if np is None or toks[np[0]].text in lex.speaker_pronouns:
        return None
    start, end = toks[np[0]].start, toks[np[1] - 1].end
    if not speakers.plausible_range(*np) and (np[1] - np[0] > 1 or not speakers.name_like(np[0])
                                              or speakers.names_no_one(start, end, reader.text[start:end])):
        return None  # "Neu sei, dass …": an adjective opening the content; "Anonymous bekundete" is a name
    k = np[1]
    if k + 2 >= s.last or not toks[k].text[:1].islower() or toks[k].low in lex.complementizers:
        return None
    rest = [t.low for t in toks[k + 1 : min(s.last, k + 1 + MAX_VERB_TAIL)]]
    if "," not in rest:
        return None
    comma = rest.index(",")
    if comma + 1 >= len(rest) or rest[comma + 1] not in lex.complementizers:
        return None
    return speakers.speaker(*np)


def _extend(quote: Quote, end: int, text: str) -> None:
    while end > quote.end and text[end - 1].isspace():
        end -= 1
    quote.end = max(quote.end, end)
    quote.text = text[quote.start : quote.end]


def _wanted(cand: Candidate, options: QuoteOptions) -> bool:
    if cand.kind == "reported":
        return options.reported
    if cand.kind in _REPORTED and cand.cue is None:
        return options.continuations
    return True


def _to_quotes(cand: Candidate, text: str, options: QuoteOptions) -> list[Quote]:
    start, end = cand.start, cand.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return []
    out = [Quote(start, end, text[start:end], cand.kind, cand.speaker, cand.cue)]  # type: ignore[arg-type]
    if options.fragments:
        out += [Quote(m.start, m.end, text[m.start : m.end], "direct", cand.speaker, cand.cue) for m in cand.fragments]
    return out
