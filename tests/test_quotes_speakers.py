"""Speakers of quotes (#13.2, #15.6): real names, not fragments, resolved to the person or
organisation the article names. Each test is one class of construction, written by hand."""

from __future__ import annotations

from newsmill.article import Article, Entity, Quote
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder


def _quotes(text: str, language: str = "de", entities: list[Entity] | None = None) -> list[Quote]:
    article = Article(text=text, language=language, entities=entities or [])
    QuoteFinder()(article, EnrichContext(language=language))
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text
    return article.quotes


def _entity(text: str, name: str, label: str = "PER", canonical: str = "") -> Entity:
    start = text.index(name)
    return Entity(start, start + len(name), name, label, canonical or name)  # type: ignore[arg-type]


def _speaker_of(quotes: list[Quote], contains: str) -> tuple[str, str] | None:
    hit = next((q for q in quotes if contains in q.text), None)
    assert hit is not None, [q.text for q in quotes]
    return (hit.speaker.text, hit.speaker.name) if hit.speaker else None


def test_a_sentence_subject_outranks_an_earlier_speaker_for_a_pronoun() -> None:
    text = ("Die Pläne von Karl Huber wurden kritisiert. Huber erklärte, das Gesetz komme bald. "
            "Minister Paul Roth setzt dagegen auf Förderung. Er sagte, die Kosten seien zu hoch.")
    ents = [_entity(text, "Karl Huber"), _entity(text, "Paul Roth")]
    start = text.index("Huber erklärte")
    ents.append(Entity(start, start + 5, "Huber", "PER", "Karl Huber"))
    quotes = _quotes(text, entities=ents)
    assert _speaker_of(quotes, "Kosten") == ("Er", "Paul Roth")


def test_wie_with_an_article_takes_the_whole_noun_phrase() -> None:
    text = "Wie der bayerische Finanzminister Otto Lang am Montag erklärte, sei der Haushalt ausgeglichen."
    quotes = _quotes(text, entities=[_entity(text, "Otto Lang")])
    spk = _speaker_of(quotes, "Haushalt")
    assert spk is not None and spk[0].startswith("der bayerische Finanzminister") and spk[1] == "Otto Lang"


def test_a_relative_pronoun_speaks_for_its_antecedent() -> None:
    text = "Neuer Leiter wird der Beamte Jan Ostrowski, der am Montag betonte, er gehöre keiner Partei an."
    quotes = _quotes(text, entities=[_entity(text, "Jan Ostrowski")])
    assert _speaker_of(quotes, "keiner Partei") == ("der", "Jan Ostrowski")


def test_sentence_adverbs_and_object_pronouns_are_not_speakers() -> None:
    text = "Zwar sagte der Bericht nichts. Zwar sei die Lage zwar ruhig, hieß es."
    for q in _quotes(text):
        assert q.speaker is None or q.speaker.text not in ("Zwar", "zwar")


def test_a_word_the_article_writes_in_lower_case_is_not_a_name() -> None:
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speakers import SpeakerFinder
    from newsmill.enrich.quotes.text import tokenize

    text = "Passend erklärte die Firma das Problem. Das Wetter war passend."
    finder = SpeakerFinder(text, tokenize(text), [], load_lexicon("de"))
    assert finder.names_no_one(0, len("Passend"), "Passend")
    assert not finder.names_no_one(text.index("Firma"), text.index("Firma") + 5, "Firma")


def test_a_fragment_is_no_antecedent_for_demnach() -> None:
    text = ("Die Behörde Eurostat teilte mit, die Preise seien gestiegen. Zusammen mit den Löhnen stiegen die Mieten. "
            "Demnach sei die Inflation hoch.")
    quotes = _quotes(text, entities=[_entity(text, "Eurostat", "ORG")])
    for q in quotes:
        assert q.speaker is None or q.speaker.name != "Zusammen"


def test_a_plural_sie_names_a_group_not_the_last_woman() -> None:
    text = ("Anna Berg leitet die Schule. Die Gewerkschaft Verdi kritisierte am Montag die Pläne. "
            "Sie forderten, die Löhne müssten steigen.")
    quotes = _quotes(text, entities=[_entity(text, "Anna Berg"), _entity(text, "Verdi", "ORG")])
    spk = _speaker_of(quotes, "Löhne")
    assert spk is not None and spk[0] == "Sie" and spk[1] != "Anna Berg"


def test_they_in_english_is_not_a_person() -> None:
    text = ("Maria Lopez runs the clinic. The health agency warned on Monday that cases were rising. "
            "They said the vaccine would arrive soon.")
    quotes = _quotes(text, "en", entities=[_entity(text, "Maria Lopez")])
    spk = _speaker_of(quotes, "vaccine")
    assert spk is not None and spk[1] != "Maria Lopez"


def test_an_organisation_noun_does_not_take_the_person_after_it() -> None:
    text = "Außerdem warf die Staatsanwaltschaft Heinz Kolb vor, Gelder veruntreut zu haben."
    quotes = _quotes(text, entities=[_entity(text, "Heinz Kolb")])
    spk = _speaker_of(quotes, "veruntreut")
    assert spk == ("die Staatsanwaltschaft", "Staatsanwaltschaft")


def test_a_role_noun_keeps_the_name_in_apposition() -> None:
    text = "Am Montag erklärte der Sprecher Heinz Kolb, die Gelder seien sicher."
    quotes = _quotes(text, entities=[_entity(text, "Heinz Kolb")])
    spk = _speaker_of(quotes, "Gelder")
    assert spk is not None and spk[1] == "Heinz Kolb"


def test_a_source_noun_is_named_without_the_date_after_it() -> None:
    text = "Nach Angaben der Feuerwehr vom Dienstag seien drei Häuser zerstört worden."
    quotes = _quotes(text)
    spk = _speaker_of(quotes, "Häuser")
    assert spk is not None and spk[1] == "Angaben der Feuerwehr"


def test_an_english_noun_phrase_stops_at_its_verb() -> None:
    text = "The company struggled to cope, the report said. Some shoppers who waited said the lines were long."
    for q in _quotes(text, "en"):
        if q.speaker is not None:
            assert "struggled" not in q.speaker.text and "waited" not in q.speaker.text


def test_a_conjunction_before_a_name_is_not_part_of_the_speaker() -> None:
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speakers import SpeakerFinder
    from newsmill.enrich.quotes.text import tokenize

    text = "It was late, though Brennan said it was fine."
    toks = tokenize(text)
    first = next(i for i, t in enumerate(toks) if t.text == "though")
    spk = SpeakerFinder(text, toks, [_entity(text, "Brennan")], load_lexicon("en")).speaker(first, first + 2)
    assert (spk.text, spk.name) == ("Brennan", "Brennan")


def test_a_possessive_speaker_is_named_without_the_s() -> None:
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speakers import SpeakerFinder
    from newsmill.enrich.quotes.text import tokenize

    text = "Acme's lawyers said the deal was off."
    toks = tokenize(text)
    spk = SpeakerFinder(text, toks, [], load_lexicon("en")).speaker(0, 1)
    assert spk.text == "Acme's" and spk.name == "Acme"


def test_a_weekday_is_not_a_speaker() -> None:
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speakers import SpeakerFinder
    from newsmill.enrich.quotes.text import tokenize

    text = "Tuesday was busy."
    assert SpeakerFinder(text, tokenize(text), [], load_lexicon("en")).names_no_one(0, 7, "Tuesday")


def test_a_role_noun_finds_the_person_with_that_role_in_apposition() -> None:
    text = ("Ana Diaz, the city's mayor, opened the bridge on Monday. Tom Reed watched. "
            "The mayor said the bridge would ease traffic.")
    quotes = _quotes(text, "en", entities=[_entity(text, "Ana Diaz"), _entity(text, "Tom Reed")])
    assert _speaker_of(quotes, "ease traffic") == ("The mayor", "Ana Diaz")


def test_an_organisation_noun_resolves_to_the_organisation_introduced_with_it() -> None:
    text = ("Die Gewerkschaft Verdi rief zum Streik auf. Der Konzern Lufthansa reagierte nicht. "
            "Die Gewerkschaft erklärte, die Löhne seien zu niedrig.")
    ents = [_entity(text, "Verdi", "ORG"), _entity(text, "Lufthansa", "ORG")]
    quotes = _quotes(text, entities=ents)
    assert _speaker_of(quotes, "Löhne") == ("Die Gewerkschaft", "Verdi")


def test_she_in_english_is_never_the_organisation() -> None:
    text = "The agency Acme Corp said costs rose. She said the plan would fail."
    quotes = _quotes(text, "en", entities=[_entity(text, "Acme Corp", "ORG")])
    spk = _speaker_of(quotes, "plan would fail")
    assert spk is not None and spk[1] != "Acme Corp"


def test_contractions_and_abbreviations_alone_are_not_speakers() -> None:
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speakers import SpeakerFinder
    from newsmill.enrich.quotes.text import tokenize

    text = "That’s fine. It's late. Dr said so."
    finder = SpeakerFinder(text, tokenize(text), [], load_lexicon("en"))
    for word in ("That’s", "It's", "Dr"):
        start = text.index(word)
        assert finder.names_no_one(start, start + len(word), word), word


def test_an_english_noun_phrase_stops_at_a_modal_or_reflexive() -> None:
    text = "The weather should ease by Friday, forecasters said. The author wrote the letter himself, he said."
    for q in _quotes(text, "en"):
        if q.speaker is not None:
            assert "should" not in q.speaker.text and "himself" not in q.speaker.text


def test_a_relative_clause_after_a_name_is_no_apposition_of_its_role() -> None:
    text = ("Eva Stein, die lange mit dem Minister stritt, zog sich zurück. "
            "Der Minister erklärte, die Reform komme trotzdem.")
    quotes = _quotes(text, entities=[_entity(text, "Eva Stein")])
    spk = _speaker_of(quotes, "Reform")
    assert spk is not None and spk[1] != "Eva Stein"


def test_an_unrecognised_name_after_a_role_noun_is_the_speaker_not_the_organisation() -> None:
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speakers import SpeakerFinder
    from newsmill.enrich.quotes.text import tokenize

    text = "ACME President Mara Velt said the plant would close."
    toks = tokenize(text)
    last = next(i for i, t in enumerate(toks) if t.text == "said")
    spk = SpeakerFinder(text, toks, [_entity(text, "ACME", "ORG")], load_lexicon("en")).speaker(0, last)
    assert spk.name == "Mara Velt"


def test_a_role_phrase_after_a_name_and_comma_is_that_person() -> None:
    text = "Jonas Brandt, Sprecher des Vereins, sagte, die Halle bleibe offen."
    quotes = _quotes(text, entities=[_entity(text, "Jonas Brandt")])
    spk = _speaker_of(quotes, "Halle")
    assert spk is not None and spk[1] == "Jonas Brandt"


def test_a_missed_name_in_apposition_after_a_role_phrase_is_the_speaker() -> None:
    text = "Der frühere Regierungschef des Landes, Anan Pirom, sagte, die Wahl sei gefälscht."
    quotes = _quotes(text)
    spk = _speaker_of(quotes, "gefälscht")
    assert spk is not None and spk[1] == "Anan Pirom"


def test_a_group_subject_before_an_organisation_is_not_its_kind() -> None:
    text = ("The researchers observed Orbitex for a year. The researchers said the signal was strong.")
    quotes = _quotes(text, "en", entities=[_entity(text, "Orbitex", "ORG")])
    spk = _speaker_of(quotes, "signal")
    assert spk is not None and spk[1] != "Orbitex"


def test_an_english_bare_plural_speaker_is_kept() -> None:
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speakers import SpeakerFinder
    from newsmill.enrich.quotes.text import tokenize

    text = "Protesters said the law was unfair. Police watched the protesters."
    finder = SpeakerFinder(text, tokenize(text), [], load_lexicon("en"))
    assert not finder.names_no_one(0, len("Protesters"), "Protesters")


def test_a_case_ambiguous_pronoun_after_the_verb_is_the_object_of_a_subject_before_it() -> None:
    text = "Das Institut legte eine Studie vor. Der Geschäftsführer des Verbands nannte sie „fahrlässig“."
    quotes = _quotes(text, entities=[_entity(text, "Verbands", "ORG")])
    spk = _speaker_of(quotes, "fahrlässig")
    assert spk is not None and spk[0] == "Der Geschäftsführer des Verbands"
    # "er" is nominative only: after the verb it is the subject whatever stands before
    text = "Die Studie kam am Montag. Die Studie nannte er „fahrlässig“."
    assert _speaker_of(_quotes(text), "fahrlässig") == ("er", "er")


def test_an_object_before_the_verb_leaves_the_subject_after_it() -> None:
    text = "Ihren Gegner Paul Roth von der Opposition forderte Anna Weber auf, über einen Rücktritt nachzudenken."
    quotes = _quotes(text, entities=[_entity(text, "Paul Roth"), _entity(text, "Anna Weber")])
    spk = _speaker_of(quotes, "Rücktritt")
    assert spk is not None and spk[1] == "Anna Weber"


def test_a_coordinated_cue_takes_the_first_subject_not_its_object() -> None:
    text = ("Der Sprecher der Gruppe, Karl Huber, dankte den Menschen für ihre Hilfe und ergänzte, "
            "die Lage sei ruhig.")
    quotes = _quotes(text, entities=[_entity(text, "Karl Huber")])
    spk = _speaker_of(quotes, "Lage sei ruhig")
    assert spk is not None and "Menschen" not in spk[0] and spk[1] == "Karl Huber"


def test_heisst_es_takes_the_document_before_or_after_it() -> None:
    text = "Der Brief kam am Montag. So heißt es in dem Schreiben wörtlich: „Die Frist endet bald.“"
    spk = _speaker_of(_quotes(text), "Frist")
    assert spk is not None and spk[0] == "dem Schreiben"
    text = "Nun heißt es im Abschlussbericht, bei der Wahl seien Probleme aufgetreten."
    spk = _speaker_of(_quotes(text), "Probleme")
    assert spk is not None and spk[0] == "Abschlussbericht"
    text = ("In der Fassung des Berichts, die ins Netz gestellt wurde, heißt es, die Zahl der Straftaten "
            "sei gestiegen.")
    spk = _speaker_of(_quotes(text), "Straftaten")
    assert spk is not None and spk[0].startswith("der Fassung des Berichts")


def test_a_bare_name_after_the_verb_is_the_object_of_a_name_before_it() -> None:
    text = "Huber beschuldigte General Roth, an dem Putsch mitgewirkt zu haben."
    quotes = _quotes(text, entities=[_entity(text, "Roth")])
    spk = _speaker_of(quotes, "Putsch")
    assert spk is not None and spk[0] == "Huber"
    # an adjective opening the sentence still gives way to the subject after the verb
    text = "Besorgt äußerte sich der Vorsitzende, die Lage sei ernst."
    spk = _speaker_of(_quotes(text), "Lage")
    assert spk is not None and spk[0] == "der Vorsitzende"


def test_a_partitive_pronoun_opens_a_speaker_phrase() -> None:
    text = "Einer der Täter sagte, er bereue nichts."
    spk = _speaker_of(_quotes(text), "bereue")
    assert spk is not None and spk[0] == "Einer der Täter"
