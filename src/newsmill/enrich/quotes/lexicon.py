"""Per-language quotation knowledge, loaded from ``newsmill/data/quotes/<lang>.json``.

The tables hold cue verbs (as weak stems expanded by the table's own morphology rules, plus
listed irregular and separable forms), quotation mark pairs, attribution words ("laut",
"according to"), subjunctive forms, pronouns, role nouns and determiners. Code never branches
on the language; it reads these tables.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class QuoteLexicon:
    """Everything the quote finder knows about one language."""

    language: str
    marks: tuple[tuple[str, str], ...]
    cue_forms: frozenset[str]  # lower-case verb forms that introduce speech on their own
    separable: dict[str, frozenset[str]]  # finite form -> particles that complete it
    speech_nouns: frozenset[str]
    message_nouns: frozenset[str]
    according_pre: tuple[tuple[str, ...], ...]  # "laut", ("according", "to")
    according_nach: str
    according_post: frozenset[str]
    according_adverbs: frozenset[str]
    so_word: str
    wie_word: str
    complementizers: frozenset[str]
    subjunctive: frozenset[str]
    hearsay: frozenset[str]
    hearsay_infinitives: frozenset[str]
    hearsay_modals: frozenset[str]  # "soll", "sollen": the writer reports what others claim or plan
    pronouns: dict[str, str]
    speaker_pronouns: frozenset[str]
    determiners: frozenset[str]
    role_nouns: frozenset[str]
    group_speakers: frozenset[str]
    clause_stop_words: frozenset[str]
    speaker_stop_words: frozenset[str]
    prepositions: frozenset[str]
    attribute_words: frozenset[str]  # words that attach a genitive/"of" attribute to a noun
    passive_auxiliaries: frozenset[str]
    agent_prepositions: frozenset[str]  # "von", "by": the agent of a passive
    not_reported: frozenset[str]  # cue forms too vague for a reported speech act without content
    speaker_suffixes: tuple[str, ...]  # endings of person nouns: "-sprecher", "-minister"
    infinitive_marker: str  # "zu": an infinitive clause as reported content
    reported_mood: frozenset[str]  # forms only reported speech uses (Konjunktiv I): "sei", "habe"
    adverb_endings: tuple[str, ...]  # "-ig", "-lich": capitalised only because they open the sentence
    content_nouns: frozenset[str]  # "Begründung", "Vorwurf": nouns whose content follows after a comma
    title_nouns: frozenset[str]  # "Titel", "Motto": what follows in quotation marks is a name
    subordinators: frozenset[str]  # "während", "nachdem": open a clause whose subject follows
    impersonal_cues: frozenset[str]  # "heißt (es)": the source is a place, not a subject
    relative_pronouns: frozenset[str]
    speech_noun_heads: tuple[str, ...]  # lower-cased: "angaben" ends "Polizeiangaben"
    subjunctive_subjects: frozenset[str]
    subjunctive_ending: str
    not_subjunctive: frozenset[str]
    naming_words: frozenset[str]  # "als", "einen": a quoted label given by a speaker follows
    coordinators: frozenset[str]  # words that may open a clause without changing its order
    focus_particles: frozenset[str]  # "auch die Ministerin": particles before a subject
    quote_openers: frozenset[str]  # first words of speech, not of titles: "Wir", "Ich", "Es"
    abbreviations: frozenset[str]
    lowercase_nouns: bool = False  # common nouns are not capitalised (English)
    bare_clause: bool = False  # content may follow a cue without comma or complementizer ("said the ...")
    speaker_nouns: frozenset[str] = frozenset()  # role and group nouns, lower-cased
    abstract_suffixes: tuple[str, ...] = ()  # "-ung", "-ness": an abstract noun names no speaker
    state_verbs: frozenset[str] = frozenset()
    # gendered words before a name or as a speaker's head ("Frau", "Ministerin", "Mr"): word -> "m"/"f"
    gendered: dict[str, str] = field(default_factory=dict)
    feminine_role_suffix: str = ""  # German "-in": "Ministerin", "Sprecherin"  # "ist", "lebt", "works": a bio, not a speech act
    definite_articles: frozenset[str] = frozenset()  # "der", "the": "der Minister" may refer back to a name
    generic_pronouns: frozenset[str] = frozenset()  # "man": a pronoun that refers to no one
    addressee_pronouns: frozenset[str] = frozenset()  # "Sie", "you": asked, in a question after the cue
    comma_before_complementizer: bool = False  # German: "sagte, dass"; English also "said that"
    purpose_words: frozenset[str] = frozenset()  # "um": ", um … zu" is a purpose clause, not content
    oblique_determiners: frozenset[str] = frozenset()  # "den", "dem": never open a German subject
    case_ambiguous_pronouns: frozenset[str] = frozenset()  # "sie": subject or object after the verb
    partitive_pronouns: frozenset[str] = frozenset()  # "einer": "Einer der Putschisten"
    quoting_cues: frozenset[str] = frozenset()  # "zitierte": "X zitierte Y mit den Worten" — Y speaks
    quoting_phrase: tuple[str, ...] = ()
    participles: frozenset[str] = frozenset()  # cue forms that are past participles ("abgelehnt", "gesprochen")
    preterite_ending: str = ""  # "-te": "sie plante" is past tense, not Konjunktiv I ("sie plane")
    anaphoric_content: frozenset[str] = frozenset()  # "Dies", "This" opening "Dies sagte X": the sentence before is X's
    infix_infinitive: re.Pattern[str] | None = None  # "einzutreten": particle, "zu", verb in one word
    plural_pronouns: frozenset[str] = frozenset()  # "they": a group or organisation, never one person
    # "sie" is "she" or "they"; a lower-case neighbour with this ending is a plural verb ("sie erklärten")
    plural_verb_endings: tuple[str, ...] = ()
    plural_verbs: frozenset[str] = frozenset()  # irregular plural forms next to "sie": "sind", "haben"
    non_speakers: frozenset[str] = frozenset()  # lower-cased words that alone never name a speaker: "ihm", "zwar"
    person_pronouns: frozenset[str] = frozenset()  # "he", "she": a person, never an organisation
    noun_phrase_stops: frozenset[str] = frozenset()  # "should", "himself": end a lower-case noun phrase
    possessive_endings: tuple[str, ...] = ()  # "'s": "WeWork's" as a speaker is WeWork
    genitive_endings: tuple[str, ...] = ()  # "es", "s": "des Magazins" is a title noun too
    work_nouns: tuple[str, ...] = ()  # lower-cased "film", "komödie": also as a compound's head
    work_endings: tuple[str, ...] = ()  # "e", "en": "Antikriegsfilme"
    # "the company", "die Agentur": a noun for the kind of organisation the article is about, which
    # refers to the organisation it names most when none was introduced with that noun
    org_kind_nouns: frozenset[str] = frozenset()
    # "data from MarketAxess", "a report in the Argus Leader": a source noun and the preposition naming its source
    source_nouns: frozenset[str] = frozenset()
    source_prepositions: frozenset[str] = frozenset()
    # "the trading platform MarketAxess", "tech giant X": beside a name, the name is an organisation's
    org_context_nouns: frozenset[str] = frozenset()
    plural_endings: tuple[str, ...] = ()
    # "der" → "m", "die" → "f": the grammatical gender a pronoun takes up ("Die Polizei … Sie teilte mit")
    determiner_genders: dict[str, str] = field(default_factory=dict)
    # "he", "his", "herself" (not "her", also an object): after a name in its sentence, its gender
    coreferent_pronouns: dict[str, str] = field(default_factory=dict)
    role_prepositions: frozenset[str] = frozenset()  # "for": "a spokesman for Apple" names whom the role serves
    age_nouns: frozenset[str] = frozenset()  # "year-old", "jährige": after "56-", a person by their age  # "-s", "-es": "officials", "bosses" where role nouns are listed singular
    reflexives: frozenset[str] = frozenset()  # "sich": after an article, a participle phrase opens
    own_words: frozenset[str] = frozenset()  # "nach eigenen Angaben": the clause's subject is the source
    postmodifiers: frozenset[str] = frozenset()  # "familiar": "people familiar with the matter" is one speaker
    adjective_endings: tuple[str, ...] = ()  # "-en", "-e": the inflected adjective closing such a phrase
    participle_ending: str = ""  # "-ed": after a lower-case noun, the verb ("the company struggled")
    impersonal_subject: str = ""  # "es": "heißt" is a cue only beside it ("hieß es"), else it names
    noun_markers: frozenset[str] = frozenset()  # "an", "with": a cue form after one is a noun or adjective
    frame_nouns: frozenset[str] = frozenset()  # "statement", "reporters": may stand between a cue and "that"
    object_cues: frozenset[str] = frozenset()  # "told", "warned": take a person object before "that"
    clause_cues: frozenset[str] = frozenset()  # "said", "added": take a clause, hardly ever an object
    first_person: frozenset[str] = frozenset()  # "ich", "I": the writer's own words and thoughts
    # every case of the relative pronoun, lower-cased: "unter denen", "deren", "whose" open a clause
    relative_forms: frozenset[str] = frozenset()
    # words after which "laut" is the adjective ("Kritik ist laut geworden", "Vorwürfe laut werden")
    according_not_before: frozenset[str] = frozenset()
    participle_endings: tuple[str, ...] = ()  # "-t", "-ed": a cue form that may be a passive participle
    irregular_participles: frozenset[str] = frozenset()  # "said", "told": finite forms that are participles too
    # a passive cue without an agent names no speaker ("it is alleged"); German news reports an
    # accusation so ("Ihm wird vorgeworfen, … zu haben"), and its readers and gold count it
    passive_needs_agent: bool = False
    # subjunctive forms that alone mark a conditional, not reported speech: the singular
    # Konjunktiv II ("wäre", "könnte"), whose Konjunktiv I ("sei", "könne") is distinct; a sentence
    # with only these does not continue a quotation ("Seite an Seite wären die beiden …")
    conditional_forms: frozenset[str] = frozenset()
    # English: a bare clause after a cue holds a finite verb — an auxiliary or modal, or a word with
    # a finite ending after its subject; an object noun phrase ("announced the selection") holds none
    finite_words: frozenset[str] = frozenset()
    finite_endings: tuple[str, ...] = ()
    # participles of requests ("aufgerufen", "gebeten"): in the passive without an agent the subject is
    # the addressee and the content a request, with the passive of state too ("sind aufgerufen")
    request_participles: frozenset[str] = frozenset()
    state_auxiliaries: frozenset[str] = frozenset()
    # words after which a cue form is part of an idiom, not speech: "sich bereit erklärt" (agreed to)
    not_cue_after: frozenset[str] = frozenset()
    # particles of separable cues that may be written apart from the participle or infinitive
    # ("bekannt gegeben", "wie sie bekannt gab" beside "bekanntgegeben")
    detached_particles: frozenset[str] = frozenset()
    # words that, opening a sentence before a cue form and a comma, make it an adverbial
    # ("That said, …", "Ehrlich gesagt, …"), not a speech act
    adverbial_openers: frozenset[str] = frozenset()
    # conjunctions that only join clauses (never an adverb inside one, as "aber" can be): after
    # one, "laut X" opens the clause it attributes ("…, und laut Eurostat liegt …")
    joining_conjunctions: frozenset[str] = frozenset()
    # content nouns that name a topic as often as a question put ("die Frage, ob …"): cues only
    # beside a verb of saying ("Auf die Frage, ob …, antwortete X")
    topic_nouns: frozenset[str] = frozenset()
    # cue forms that mean expecting with a reflexive in their clause ("sich … verspricht")
    reflexive_not_cue: frozenset[str] = frozenset()
    # "hält es für möglich, dass …": a verb of holding an opinion, its "es" and its preposition
    opinion_verbs: frozenset[str] = frozenset()
    self_naming_verbs: frozenset[str] = frozenset()  # "die sich selbst „…“ nennt": a name, not words said
    opinion_frame: tuple[str, ...] = ()
    # negations: in a cue's frame ("gab … nicht bekannt", "did not say") they report that nothing was said
    negations: frozenset[str] = frozenset()
    # attribution words that open a relative clause holding the content ("Berichte, wonach … sei"):
    # the content is that clause, not the sentence around it
    relative_according: frozenset[str] = frozenset()
    # prepositions a speech act takes its topic with ("warnte vor", "sprach von", "riet zu"): quoted
    # words right after one are the speaker's, not a name
    speech_object_prepositions: frozenset[str] = frozenset()
    # prepositions naming whom a speaker addressed ("gegenüber der „Zeitung“"): quoted words after one are a name
    addressee_prepositions: frozenset[str] = frozenset()
    # the auxiliary of the writer's impersonal aside ("Es sei angemerkt, dass …")
    aside_auxiliaries: frozenset[str] = frozenset()
    # attribution prepositions that also mean "in accordance with" ("gemäß der Regelung"): a source
    # only when a speaker or a speech noun follows
    according_needs_source: frozenset[str] = frozenset()
    # words after which a participle is an adjective, not a speech act ("gilt als ausgeschlossen")
    adjective_participle_after: frozenset[str] = frozenset()
    # relatives on a whole clause ("…, was Streit auslöste", "…, wo …"): after a passive cue, no content
    clause_relatives: frozenset[str] = frozenset()
    # modals with which the generic pronoun states the writer's view ("kann man sagen")
    generic_modals: frozenset[str] = frozenset()
    # derived from the fields above in __post_init__
    according_starts: frozenset[str] = field(init=False)  # first words of "laut", "according to", "nach"
    person_words: frozenset[str] = field(init=False)
    openers: frozenset[str] = field(init=False)
    closers: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        derived = {
            "according_starts": frozenset(p[0] for p in self.according_pre) | {self.according_nach},
            "person_words": self.speaker_pronouns | self.role_nouns,
            "openers": frozenset(o for o, _ in self.marks),
            "closers": frozenset(c for _, c in self.marks),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)  # frozen: the documented way to set derived fields


def _weak_forms(stem: str, morph: dict[str, Any]) -> set[str]:
    """Regular (weak) verb forms of ``stem`` under the table's suffix and participle rules."""
    epenthesis = any(stem.endswith(e) for e in morph.get("epenthesis_after", []))
    link = "e" if epenthesis else ""
    forms = {stem + (link + s if s != "en" else s) for s in morph.get("weak_suffixes", [])}
    prefixes = morph.get("inseparable_prefixes", [])
    no_prefix = any(stem.startswith(p) for p in prefixes) or any(
        stem.endswith(s) for s in morph.get("no_prefix_suffixes", [])
    )
    if any(stem.endswith(e) for e in morph.get("n_plural_after", [])) and not any(
            stem.endswith(s) for s in morph.get("no_prefix_suffixes", [])):
        forms.add(stem + "n")  # "fordern", "äußern", "bezweifeln": -el/-er stems take -n, not -en
    participle = stem + link + "t"
    forms.add(participle if no_prefix else morph.get("participle_prefix", "") + participle)
    return forms


def _build(language: str, raw: dict[str, Any]) -> QuoteLexicon:
    morph = raw.get("morphology", {})
    cues: set[str] = set()
    participles: set[str] = set()
    prefix = morph.get("participle_prefix", "")
    for stem in raw.get("weak_cue_stems", []):
        forms = _weak_forms(stem, morph)
        cues |= forms
        # only participles that cannot be a finite form too: "gesagt", not "erklärt" ("er erklärt")
        participles |= {f for f in forms if prefix and f.startswith(prefix) and not stem.startswith(prefix)}
    cues |= {w.lower() for w in raw.get("strong_cue_forms", [])}
    separable: dict[str, set[str]] = {}
    for finite, particle, participles_of in raw.get("separable_cues", []):
        for form in finite.split():
            separable.setdefault(form, set()).add(particle)
            if particle.isalpha() and particle.islower():
                cues.add(particle + form)  # verb-final in subordinate clauses: "wie er mitteilte"
        cues |= set(participles_of.split())
        finite_joined = {particle + f for f in finite.split()}  # "ausgeht" is "geht aus", verb-final
        participles.update(w for w in participles_of.split()
                           if prefix and w.startswith(particle + prefix) and w not in finite_joined)
    cues -= {w.lower() for w in raw.get("not_cue", [])}
    if prefix:  # strong participles: "gesprochen", "geschrieben"
        participles |= {w.lower() for w in raw.get("strong_cue_forms", []) if w.startswith(prefix) and w.endswith(("en", "nt"))}
    participles &= cues

    def words(key: str) -> frozenset[str]:
        return frozenset(raw.get(key, []))

    return QuoteLexicon(
        language=language,
        marks=tuple((o, c) for o, c in raw["marks"]),
        cue_forms=frozenset(cues),
        separable={k: frozenset(v) for k, v in separable.items()},
        speech_nouns=words("speech_nouns"),
        message_nouns=words("message_nouns"),
        according_pre=tuple(tuple(p.split()) for p in raw.get("according_prepositions", [])),
        according_nach=raw.get("according_nach", ""),
        according_post=words("according_postpositions"),
        according_adverbs=words("according_adverbs"),
        so_word=raw.get("so_word", ""),
        wie_word=raw.get("wie_word", ""),
        complementizers=words("complementizers"),
        subjunctive=words("subjunctive"),
        hearsay=words("hearsay"),
        hearsay_infinitives=words("hearsay_infinitives"),
        hearsay_modals=words("hearsay_modals"),
        pronouns=dict(raw.get("pronouns", {})),
        speaker_pronouns=words("speaker_pronouns"),
        determiners=words("determiners"),
        role_nouns=words("role_nouns"),
        group_speakers=words("group_speakers"),
        clause_stop_words=words("clause_stop_words"),
        speaker_stop_words=words("speaker_stop_words"),
        prepositions=words("prepositions"),
        attribute_words=words("attribute_words"),
        passive_auxiliaries=words("passive_auxiliaries"),
        agent_prepositions=words("agent_prepositions"),
        not_reported=words("not_reported"),
        speaker_suffixes=tuple(raw.get("speaker_suffixes", [])),
        infinitive_marker=raw.get("infinitive_marker", ""),
        quote_openers=words("quote_openers"),
        coordinators=words("coordinators"),
        naming_words=words("naming_words"),
        relative_pronouns=words("relative_pronouns"),
        subordinators=words("subordinators"),
        title_nouns=words("title_nouns"),
        content_nouns=words("content_nouns"),
        impersonal_cues=words("impersonal_cues"),
        adverb_endings=tuple(raw.get("adverb_endings", [])),
        reported_mood=words("reported_mood"),
        speech_noun_heads=tuple(h.lower() for h in raw.get("speech_noun_heads", [])),
        subjunctive_subjects=words("subjunctive_subjects"),
        subjunctive_ending=raw.get("subjunctive_ending", "\u0000"),
        not_subjunctive=words("not_subjunctive"),
        focus_particles=words("focus_particles"),
        abbreviations=words("abbreviations"),
        bare_clause=bool(raw.get("bare_clause_after_cue", False)),
        lowercase_nouns=bool(raw.get("lowercase_nouns", False)),
        speaker_nouns=frozenset(w.lower() for w in raw.get("role_nouns", []) + raw.get("group_speakers", [])),
        definite_articles=words("definite_articles"),
        state_verbs=words("state_verbs"),
        gendered=dict(raw.get("gendered", {})),
        feminine_role_suffix=str(raw.get("feminine_role_suffix", "")),
        abstract_suffixes=tuple(raw.get("abstract_suffixes", [])),
        generic_pronouns=words("generic_pronouns"),
        addressee_pronouns=words("addressee_pronouns"),
        anaphoric_content=words("anaphoric_content"),
        preterite_ending=str(raw.get("preterite_ending", "")),
        participles=frozenset(participles),
        oblique_determiners=words("oblique_determiners"),
        case_ambiguous_pronouns=words("case_ambiguous_pronouns"),
        partitive_pronouns=words("partitive_pronouns"),
        quoting_cues=words("quoting_cues"),
        quoting_phrase=tuple(str(raw.get("quoting_phrase", "")).split()),
        comma_before_complementizer=bool(raw.get("comma_before_complementizer", False)),
        purpose_words=words("purpose_words"),
        infix_infinitive=re.compile(raw["infix_infinitive"]) if raw.get("infix_infinitive") else None,
        plural_pronouns=words("plural_pronouns"),
        plural_verb_endings=tuple(raw.get("plural_verb_endings", [])),
        plural_verbs=words("plural_verbs"),
        non_speakers=frozenset(w.lower() for w in raw.get("non_speakers", [])),
        participle_ending=str(raw.get("participle_ending", "")),
        possessive_endings=tuple(raw.get("possessive_endings", [])),
        genitive_endings=tuple(raw.get("genitive_endings", [])),
        work_nouns=tuple(w.lower() for w in raw.get("work_nouns", [])),
        work_endings=tuple(raw.get("work_endings", [])),
        org_kind_nouns=words("org_kind_nouns"),
        source_nouns=words("source_nouns"),
        source_prepositions=words("source_prepositions"),
        plural_endings=tuple(raw.get("plural_endings", [])),
        determiner_genders={str(k): str(v) for k, v in raw.get("determiner_genders", {}).items()},
        coreferent_pronouns={str(k).lower(): str(v) for k, v in raw.get("coreferent_pronouns", {}).items()},
        role_prepositions=words("role_prepositions"),
        age_nouns=frozenset(w.lower() for w in raw.get("age_nouns", [])),
        org_context_nouns=words("org_context_nouns"),
        reflexives=words("reflexives"),
        own_words=words("own_words"),
        postmodifiers=words("postmodifiers"),
        adjective_endings=tuple(raw.get("adjective_endings", [])),
        person_pronouns=words("person_pronouns"),
        noun_phrase_stops=words("noun_phrase_stops"),
        impersonal_subject=str(raw.get("impersonal_subject", "")),
        noun_markers=words("noun_markers"),
        frame_nouns=words("frame_nouns") | words("message_nouns"),
        object_cues=words("object_cues"),
        clause_cues=words("clause_cues"),
        first_person=words("first_person"),
        relative_forms=words("relative_forms") | words("relative_pronouns"),
        according_not_before=words("according_not_before"),
        participle_endings=tuple(raw.get("participle_endings", [])),
        irregular_participles=words("irregular_participles"),
        passive_needs_agent=bool(raw.get("passive_needs_agent", False)),
        conditional_forms=words("conditional_forms"),
        finite_words=words("finite_words"),
        finite_endings=tuple(raw.get("finite_endings", [])),
        request_participles=words("request_participles"),
        state_auxiliaries=words("state_auxiliaries"),
        not_cue_after=words("not_cue_after"),
        detached_particles=words("detached_particles"),
        adverbial_openers=words("adverbial_openers"),
        joining_conjunctions=words("joining_conjunctions"),
        topic_nouns=words("topic_nouns"),
        reflexive_not_cue=words("reflexive_not_cue"),
        opinion_verbs=words("opinion_verbs"),
        self_naming_verbs=words("self_naming_verbs"),
        opinion_frame=tuple(raw.get("opinion_frame", [])),
        negations=words("negations"),
        relative_according=words("relative_according"),
        speech_object_prepositions=words("speech_object_prepositions"),
        addressee_prepositions=words("addressee_prepositions"),
        aside_auxiliaries=words("aside_auxiliaries"),
        according_needs_source=words("according_needs_source"),
        adjective_participle_after=words("adjective_participle_after"),
        clause_relatives=words("clause_relatives"),
        generic_modals=words("generic_modals"),
    )


@lru_cache(maxsize=8)
def load_lexicon(language: str) -> QuoteLexicon:
    """The lexicon for ``language``; English when there is no table for it."""
    base = resources.files("newsmill") / "data" / "quotes"
    path = base / f"{language}.json"
    if not path.is_file():
        language, path = FALLBACK_LANGUAGE, base / f"{FALLBACK_LANGUAGE}.json"
    return _build(language, json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def load_first_names() -> dict[str, str]:
    """First name -> "m" or "f" (names used for both are absent); built by
    ``training/quotes/first_names.py`` from Faker's person providers (MIT)."""
    path = resources.files("newsmill") / "data" / "quotes" / "first_names.json"
    if not path.is_file():
        return {}
    names = json.loads(path.read_text(encoding="utf-8")).get("names", {})
    return {str(k): str(v) for k, v in names.items() if v in ("m", "f")}


def has_lexicon(language: str) -> bool:
    return (resources.files("newsmill") / "data" / "quotes" / f"{language}.json").is_file()
