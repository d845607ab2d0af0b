"""Speakers a reader sees in facets (#13.2, #15.6): one id for one person however fully the name
is written, and no id for what names no one (a content noun, a role or a source left as a word)."""

from __future__ import annotations

from newsmill.article import Article, Entity, Quote
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.person_ids import canonical_id, person_key
from newsmill.enrich.quotes.finder import QuoteFinder


def _quotes(text: str, language: str = "de", entities: list[Entity] | None = None) -> list[Quote]:
    article = Article(text=text, language=language, entities=entities or [])
    QuoteFinder()(article, EnrichContext(language=language))
    return article.quotes


def test_a_middle_name_or_initial_does_not_split_a_person() -> None:
    assert canonical_id("PER", "Owen John Dempsey") == canonical_id("PER", "Owen Dempsey") == "per:owen-dempsey"
    assert canonical_id("PER", "George W. Bush") == "per:george-bush"


def test_a_middle_word_that_may_be_a_surname_keeps_the_whole_name() -> None:
    for name in ("Gabriel García Márquez", "James Van Der Beek", "Johann Wolfgang von Goethe", "Kim Jong Un"):
        assert person_key(name) == name
    assert canonical_id("ORG", "Bank John Smith") == "org:bank-john-smith"  # only persons drop words


def test_speakers_with_and_without_a_middle_name_share_one_id() -> None:
    first = '"We are paid to be nosy," said Owen John Dempsey, a lung specialist.'
    second = '"Most people don\'t get this," said Owen Dempsey.'
    ids = set()
    for text, name in ((first, "Owen John Dempsey"), (second, "Owen Dempsey")):
        start = text.index(name)
        ent = Entity(start, start + len(name), name, "PER", name, canonical_id("PER", name))
        ids |= {q.speaker.id for q in _quotes(text, "en", [ent]) if q.speaker}
    assert ids == {"per:owen-dempsey"}


def test_a_content_noun_is_not_its_own_speaker() -> None:
    quotes = _quotes("Die Stadt hat einen Plan. Nun stellt sich die Frage, wie schnell die Gemeinden daran arbeiten.")
    assert all(q.speaker is None for q in quotes if "Gemeinden" in q.text), [(q.text, q.speaker) for q in quotes]


def test_a_content_noun_takes_the_source_in_its_von_phrase() -> None:
    text = "Von der italienischen Polizei kam die Information, bei den Toten handele es sich um Mitglieder des Clans."
    quotes = _quotes(text)
    assert quotes and quotes[0].speaker is not None and "Polizei" in quotes[0].speaker.text


def test_a_role_or_source_left_as_a_common_noun_gets_no_id() -> None:
    for text in ("„Wollen Sie Ihre Frau nicht überraschen?“, sagt die Floristin.",
                 "Das Interesse an Zeitungen sei laut Umfragen international gesehen gering.",
                 "Laut eigenen Angaben habe das Unternehmen keine Pläne, die Inhalte zu verkaufen."):
        speakers = [q.speaker for q in _quotes(text) if q.speaker]
        assert speakers, text
        assert all(s.id == "" for s in speakers), [(s.text, s.name, s.id) for s in speakers]


def test_a_person_named_in_the_speaker_phrase_keeps_an_id() -> None:
    text = "„Wir geben nicht auf“, sagte Anna Keller am Montag."
    start = text.index("Anna Keller")
    ent = Entity(start, start + 11, "Anna Keller", "PER", "Anna Keller", "per:anna-keller")
    speakers = [q.speaker for q in _quotes(text, entities=[ent]) if q.speaker]
    assert [s.id for s in speakers] == ["per:anna-keller"]


def _en(text: str, names: dict[str, str]) -> list[Quote]:
    ents = []
    for name, label in names.items():
        start = text.index(name)
        ents.append(Entity(start, start + len(name), name, label, name))  # type: ignore[arg-type]
    return _quotes(text, "en", sorted(ents, key=lambda e: e.start))


def _names(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in quotes]


def test_an_employer_and_role_before_a_name_are_not_the_speaker() -> None:
    for text, person in (('"Russia failed to cut," Commerzbank analyst Carsten Fritsch said.', "Carsten Fritsch"),
                         ("Job cuts will come this week, said The We Company's recently named executive chair Marcelo Claure.",
                          "Marcelo Claure"),
                         ('"This is the next best thing," said lead researcher and NASA planetary scientist Lucas Paganini.',
                          "Lucas Paganini")):
        quotes = _en(text, {person: "PER"})
        assert _names(quotes) == [person], (text, [(q.speaker.text if q.speaker else None) for q in quotes])


def test_a_speaker_and_apposition_between_quote_and_cue() -> None:
    text = ('"We saw a need to bring on more providers," Steve Clarke, deputy associate administrator for '
            "exploration in NASA's Science Mission Directorate, said in a conference call.")
    quotes = _en(text, {"Steve Clarke": "PER", "NASA": "ORG"})
    assert len(quotes) == 1 and quotes[0].kind == "direct" and _names(quotes) == ["Steve Clarke"]
    assert quotes[0].text.endswith('providers,"')


def test_a_role_named_before_the_person_resolves_forward() -> None:
    text = ("VIENNA - The house will be turned into a police station, Austria's interior minister said on Tuesday.\n\n"
            '"The house should send a signal," Interior Minister Wolfgang Peschorn said in the statement.')
    quotes = _en(text, {})
    assert _names(quotes) == ["Wolfgang Peschorn", "Wolfgang Peschorn"], [(q.speaker.text if q.speaker else None) for q in quotes]


def test_the_agency_and_a_company_spokesperson_are_the_organisation() -> None:
    text = ("NASA announced new lander contracts on Monday. NASA picked five companies.\n\n"
            "The moon is one of the highest priority targets, according to the agency.\n\n"
            '"We are cooperating," a company spokesperson said.')
    quotes = _en(text, {"NASA": "ORG"})
    assert _names(quotes) == ["NASA", "NASA"], [(q.text, q.speaker) for q in quotes]


def test_an_acronym_is_the_organisation_it_spells() -> None:
    text = ("The World Health Organization warned of plague in Madagascar.\n\n"
            'Untreated pneumonic plague is "always fatal", says WHO.')
    quotes = _en(text, {"World Health Organization": "ORG", "WHO": "ORG"})
    assert _names(quotes) == ["World Health Organization"], [(q.text, q.speaker) for q in quotes]


def _speaker_texts(text: str) -> list[str | None]:
    return [q.speaker.text if q.speaker else None for q in _quotes(text)]


def test_a_source_in_lower_case_after_laut() -> None:
    text = "Am Dienstag wurde seitens der Behörden laut taz jedoch deutlich gemacht, dass Helfer nicht erwünscht seien."
    assert _speaker_texts(text) == ["taz"]


def test_laut_eigenen_angaben_is_no_lower_case_name() -> None:
    text = "Die Plattform zählt laut eigenen Angaben rund 5000 Titel, die man lesen könne."
    assert "eigenen" not in _speaker_texts(text)


def test_a_compound_message_noun_after_laut_is_a_source() -> None:
    text = "Auch Katar, der laut einer dpa-Meldung mit 17 Prozent einsteigen will, ist dabei."
    assert _speaker_texts(text) == ["einer dpa-Meldung"]


def test_a_role_noun_after_the_verb_is_the_speaker_before_a_colon() -> None:
    text = "Die Alster war vereist. Passend dazu warnte die Moderatorin eines Lokalsenders: „Auf dem Eis kann es glatt sein.“"
    found = _speaker_texts(text)
    assert len(found) == 1 and (found[0] or "").startswith("die Moderatorin"), found


def test_a_named_subject_of_the_sentence_before_outranks_the_last_speaker() -> None:
    text = ("„Wir warnen vor der Gefahr“, sagte Anna Keller. Die Zahl der Fälle steigt. "
            "Der Verband lehnt das ab. Die Gefahr sei gering.")
    start = text.index("Anna Keller")
    ents = [Entity(start, start + 11, "Anna Keller", "PER", "Anna Keller")]
    start = text.index("Der Verband") + 4
    ents.append(Entity(start, start + 7, "Verband", "ORG", "Verband"))
    quotes = _quotes(text, entities=ents)
    hit = [q for q in quotes if "gering" in q.text]
    assert hit and hit[0].speaker is not None and hit[0].speaker.text == "Der Verband", [(q.text, q.speaker) for q in quotes]


def test_a_participle_phrase_between_article_and_noun_stays_in_the_speaker() -> None:
    for text, head in (("Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2000 Tonnen geliefert.",
                        "Pressemitteilung"),
                       ("Die das Unglück überlebende Alice Kakamara beschrieb den Hergang: „Die See war wirklich rau.“",
                        "Kakamara"),
                       ("Der auf der Konferenz für nukleare Sicherheit anwesende Außenminister Sergei Lawrow sagte, "
                        "man werde alles in der G20 besprechen.", "Lawrow")):
        found = _speaker_texts(text)
        assert len(found) == 1 and head in (found[0] or ""), (text, found)


def test_an_article_before_an_adjective_opens_no_participle_phrase() -> None:
    found = _speaker_texts("Die neue Ministerin sagte, sie werde das Gesetz prüfen.")
    assert found == ["Die neue Ministerin"]


def test_a_name_is_the_subject_when_a_thing_follows_the_verb() -> None:
    text = "Milinkewitsch kritisierte die Handlungsweise Kozulins als „Provokation, die der Staatsmacht gelegen kam“."
    assert _speaker_texts(text) == ["Milinkewitsch"]


def test_a_source_after_a_pronoun_and_its_verb_before_zufolge() -> None:
    text = "Sie entstammen Zeitungsberichten zufolge pakistanischen Einwandererfamilien."
    assert _speaker_texts(text) == ["Zeitungsberichten"]


def test_an_object_pronoun_is_no_speaker_nor_an_antecedent() -> None:
    text = ("Die Staatsanwaltschaft hat Anklage erhoben: Ihm wird vorgeworfen, seine Tochter bedroht zu haben. "
            "Außerdem soll er Geld gestohlen haben.")
    assert all(q.speaker is None or q.speaker.text != "Ihm" for q in _quotes(text))


def test_an_adjective_opening_reported_content_is_no_speaker() -> None:
    text = "Laut Johanna Moser gibt es Veränderungen in der Gesellschaft. Neu sei, dass der Bürgermeister Graffiti entfernen lasse."
    assert "Neu" not in _speaker_texts(text)


def test_a_subjunctive_sentence_quoting_keeps_the_last_speaker() -> None:
    text = ("„Ich lasse mich nicht zwingen“, sagte Suttner. "
            "Außerdem hätte der Sender Roßmüller „die Gelegenheit gegeben, sich zu verkaufen“.")
    assert _speaker_texts(text) == ["Suttner", "Suttner"]


def test_a_message_noun_before_a_colon_is_the_source() -> None:
    text = "Die Beobachter legten ihren Bericht vor. Das Fazit des Vorabberichts lautete: „Die Wahlen waren frei.“"
    found = _speaker_texts(text)
    assert found and (found[-1] or "").startswith("Das Fazit"), found


def test_the_subject_after_a_subordinator_is_the_speaker() -> None:
    text = "This comes less than a week after Bloomberg reported WeWork is the subject of an inquiry."
    quotes = _en(text, {"Bloomberg": "ORG", "WeWork": "ORG"})
    assert _names(quotes) == ["Bloomberg"], [(q.text, q.speaker) for q in quotes]


def test_a_named_subject_after_a_leading_adverbial_for_a_coordinated_cue() -> None:
    text = ("In October, Rep. David McKinley visited the border near McAllen, and argued that the "
            "United States needs stronger border security.")
    quotes = _en(text, {"David McKinley": "PER"})
    assert _names(quotes) == ["David McKinley"], [(q.text, q.speaker) for q in quotes]


def test_a_source_noun_names_its_source_after_from_or_in() -> None:
    for text, source in (("The bond has weakened sharply in the past week, according to data from MarketAxess.", "MarketAxess"),
                         ("According to a report in the Argus Leader, the governor launched the campaign.", "Argus Leader"),
                         ("There has been news on the film, according to reports from The Wrap.", "The Wrap")):
        assert _names(_en(text, {})) == [source], text


def test_a_source_noun_without_a_named_source_stays_as_written() -> None:
    quotes = _en("The campaign cost millions, according to the report.", {})
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["the report"]


def test_a_demonstrative_subject_states_a_fact_not_speech() -> None:
    for text, language in (("Der Anteil wächst. Das weist darauf hin, dass die Umweltwirkungen zunehmen.", "de"),
                           ("Das erklärt, wieso sich Moden so lange halten können.", "de"),
                           ("Sales fell again. This explains why the company cut its forecast.", "en")):
        assert _quotes(text, language) == [], text
    # a named speaker with the same verb still reports
    said = _quotes("Die Ministerin wies darauf hin, dass die Umweltwirkungen zunehmen.")
    assert [q.speaker.text if q.speaker else None for q in said] == ["Die Ministerin"]


def test_a_one_word_speaker_is_the_article_s_person_or_no_one() -> None:
    from newsmill.article import Speaker
    from newsmill.enrich.quotes.lexicon import load_lexicon
    from newsmill.enrich.quotes.speaker_ids import link_speakers

    tim = Entity(0, 8, "Tim Cook", "PER", "Tim Cook", "per:tim-cook")
    quotes = [Quote(20, 40, "Wir wachsen weiter", "indirect", Speaker(50, 54, "Cook", "Cook")),
              Quote(60, 80, "that 28 people were quarantined", "indirect", Speaker(90, 96, "Health", "Health")),
              Quote(100, 120, "the rules stay", "indirect", Speaker(130, 134, "OECD", "OECD"))]
    link_speakers(quotes, [tim], load_lexicon("en"))
    assert [(q.speaker.name, q.speaker.id) for q in quotes if q.speaker] == \
        [("Tim Cook", "per:tim-cook"), ("Health", ""), ("OECD", "org:oecd")]


def test_a_quotation_after_a_colon_ends_at_its_closing_mark() -> None:
    text = ("Anna Keller sprach im Rathaus. Sie räumt jedoch ein: „Diese Mittel sollten genutzt werden“, "
            "so appelliert Anna Keller an die Gemeindevertreter.")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["„Diese Mittel sollten genutzt werden“"]
    assert quotes[0].kind == "direct"
