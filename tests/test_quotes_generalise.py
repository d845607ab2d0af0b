"""Quote patterns that generalise beyond the tuning articles (#13 item 2): each test is one class
of construction, written here by hand, never a sentence of the development data."""

from __future__ import annotations

from newsmill.article import Article, Entity, Quote
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder, QuoteOptions


def _quotes(text: str, language: str = "de", entities: list[Entity] | None = None) -> list[Quote]:
    article = Article(text=text, language=language, entities=entities or [])
    # speech acts without content and quotes with no speaker too (both off by default): several
    # classes here are about them
    QuoteFinder(QuoteOptions(reported=True, unattributed=True))(article, EnrichContext(language=language))
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
    return article.quotes


def _person(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(start, start + len(name), name, "PER", name)


def test_hearsay_modal_right_after_a_quotation_continues_it() -> None:
    text = ("Der Bürgermeister kündigte an, die Schule werde saniert. Im Sommer sollen die Arbeiten beginnen. "
            "Im Herbst sollen die Arbeiten beginnen.")
    quotes = _quotes(text)
    cont = [q for q in quotes if q.text.startswith("Im Sommer")]
    assert cont and cont[0].kind == "indirect" and cont[0].speaker and "Bürgermeister" in cont[0].speaker.text
    # two sentences on, with no quotation between, a "sollen" is the writer's own
    assert not [q for q in quotes if q.text.startswith("Im Herbst") and q.start > cont[0].end]


def test_subjunctive_content_may_open_with_a_prepositional_phrase() -> None:
    text = "Nach der Wahl könne die Regierung neue Schulden aufnehmen, „ohne die Regeln zu brechen“, erklärte der Minister."
    quotes = _quotes(text)
    mixed = [q for q in quotes if q.kind == "mixed"]
    assert mixed and mixed[0].text.startswith("Nach der Wahl") and "Minister" in (mixed[0].speaker.text if mixed[0].speaker else "")


def test_as_clause_with_an_apposition_names_the_speaker_not_the_content() -> None:
    text = "Wie die Sprecherin der Stadt, Anna Keller, mitteilte, wurde die Brücke am Abend gesperrt."
    quotes = _quotes(text, entities=[_person("Wie die Sprecherin der Stadt, Anna Keller, mitteilte, wurde", "Anna Keller")])
    assert [q.text for q in quotes] == ["wurde die Brücke am Abend gesperrt"]
    assert quotes[0].speaker is not None and "Sprecherin" in quotes[0].speaker.text


def test_infinitive_with_sein_is_reported_content() -> None:
    quotes = _quotes("Dem Trainer wurde vorgeworfen, an der Absprache beteiligt gewesen zu sein.")
    assert [q.text for q in quotes] == ["an der Absprache beteiligt gewesen zu sein"]


def test_a_decimal_number_before_a_full_stop_ends_the_sentence() -> None:
    text = "Das Beben hatte eine Stärke von 6,4. Nach Angaben der Behörden gab es keine Verletzten."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["gab es keine Verletzten"]


def test_a_semicolon_ends_the_reported_content() -> None:
    text = "Die Polizei teilte mit, dass zwei Männer festgenommen wurden; die Ermittlungen dauern an."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["dass zwei Männer festgenommen wurden"]


def test_parenthetical_so_inside_the_content_keeps_the_whole_sentence() -> None:
    text = "Die Reform sei, so die Gewerkschaft, ein Angriff auf die Beschäftigten."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == [text.rstrip(".")]
    assert quotes[0].speaker is not None and "Gewerkschaft" in quotes[0].speaker.text


def test_demonstrative_with_a_cue_attributes_the_sentence_before() -> None:
    text = "Der Flughafen bleibt bis Montag geschlossen. Dies teilte die Betreibergesellschaft am Abend mit."
    quotes = _quotes(text)
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "Der Flughafen bleibt bis Montag geschlossen")]
    assert quotes[0].speaker is not None and "Betreibergesellschaft" in quotes[0].speaker.text


def test_demonstrative_with_a_cue_gives_a_quotation_before_its_speaker() -> None:
    text = "„Wir haben alles versucht.“ Das sagte der Trainer nach dem Spiel."
    quotes = _quotes(text)
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].speaker is not None and "Trainer" in quotes[0].speaker.text


def test_a_long_frame_before_subjunctive_content() -> None:
    text = "Die Forscherin berichtete im Fachblatt „Journal of Applied Studies“ („JAS“), die Proben seien verunreinigt."
    quotes = _quotes(text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert [q.text for q in indirect] == ["die Proben seien verunreinigt"]
    assert indirect[0].speaker is not None and "Forscherin" in indirect[0].speaker.text


def test_a_comparison_or_purpose_clause_after_the_object_is_not_the_content() -> None:
    for text in ("Der Verband erwartet eine Entwicklung, wie sie schon im Vorjahr zu sehen war.",
                 "Die Ministerin kritisierte die Bank, um von eigenen Fehlern abzulenken."):
        assert not [q for q in _quotes(text) if q.kind == "indirect"], text


def test_german_complementizer_needs_its_comma() -> None:
    quotes = _quotes("Die Behörde erwartet in den Gebieten Seuchen wie Cholera und Typhus.")
    assert not [q for q in quotes if q.text.startswith("wie")]


def test_new_reporting_verbs() -> None:
    for text, cue in (("Die Lage sei unklar, verlautbarte der Direktor.", "verlautbarte"),
                      ("Der Anwalt erwiderte, sein Mandant sei unschuldig.", "erwiderte"),
                      ("Die Firma ließ verlauten, die Produktion werde eingestellt.", "ließ")):
        quotes = _quotes(text)
        assert quotes and quotes[0].kind == "indirect" and quotes[0].cue is not None and cue in quotes[0].cue.text, text


def test_the_person_quoted_speaks_not_the_one_quoting() -> None:
    text = "Ein Fernsehsender zitierte den Regierungschef mit den Worten: „Ich klebe nicht an meinem Stuhl.“"
    quotes = _quotes(text)
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "den Regierungschef"
    passive = "Der Fraktionschef wird von der Zeitung mit den Worten zitiert: „Der Senat ist angeschlagen.“"
    quotes = _quotes(passive)
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.text == "Der Fraktionschef"


def test_an_object_after_the_cue_is_not_the_speaker() -> None:
    text = "Die Überlebende beschrieb im Krankenhaus den Hergang: „Die See war wirklich rau.“"
    quotes = _quotes(text)
    assert quotes and quotes[0].speaker is not None and "Überlebende" in quotes[0].speaker.text


def test_a_pronoun_continues_the_last_speaker_over_a_person_named_in_passing() -> None:
    text = ("Polizeichef Carl Weber forderte Tom Brandt auf, sich zu stellen. "
            "Die Tat bezeichnete er als sinnlos.")
    quotes = _quotes(text, entities=[_person(text, "Carl Weber"), _person(text, "Tom Brandt")])
    named = [q.speaker.name for q in quotes if q.speaker and q.speaker.text == "er"]
    assert named == ["Carl Weber"]


def test_first_name_gender_picks_the_antecedent_of_sie() -> None:
    text = "Anna Weber traf am Montag Thomas Brandt. Sie sagte, das Gespräch sei gut gewesen."
    quotes = _quotes(text, entities=[_person(text, "Anna Weber"), _person(text, "Thomas Brandt")])
    assert [q.speaker.name for q in quotes if q.speaker] == ["Anna Weber"]


def test_first_names_table_is_reproducible_data() -> None:
    from newsmill.enrich.quotes.lexicon import load_first_names

    names = load_first_names()
    assert len(names) > 10_000
    assert names["Angela"] == "f" and names["Olaf"] == "m"
    assert "Andrea" not in names  # used for both: says nothing


def test_a_role_noun_without_a_matching_introduction_refers_only_to_the_last_speaker() -> None:
    text = ("Der Zeuge Peter Kurz sah den Angriff. Die Polizei nahm Max Roth fest. "
            "Der Richter sagte später, die Tat sei geplant gewesen.")
    quotes = _quotes(text, entities=[_person(text, "Peter Kurz"), _person(text, "Max Roth")])
    judge = [q for q in quotes if q.speaker and q.speaker.text == "Der Richter"]
    assert judge and judge[0].speaker is not None and judge[0].speaker.name not in ("Peter Kurz", "Max Roth")


def test_role_phrase_with_a_name_in_apposition_is_that_person() -> None:
    text = "Auch die Fraktionschefin der Grünen, Renate Kühn, äußerte sich kritisch über die Autoindustrie."
    grune = Entity(text.index("Grünen"), text.index("Grünen") + 6, "Grünen", "ORG", "Grüne", id="org:grune")
    kuhn = _person(text, "Renate Kühn")
    kuhn.id = "per:renate-kuhn"
    quotes = _quotes(text, entities=[grune, kuhn])
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.name == "Renate Kühn" and quotes[0].speaker.id == "per:renate-kuhn"


def test_subjunctive_after_an_organisation_speaking_is_its_reported_speech() -> None:
    text = ("Die Armeeleitung sprach von einem normalen Absturz. "
            "Der Hubschrauber sei abgestürzt, nachdem die Munition explodierte.")
    quotes = _quotes(text)
    cont = [q for q in quotes if q.text.startswith("Der Hubschrauber")]
    assert cont and cont[0].speaker is not None and "Armeeleitung" in cont[0].speaker.text


def test_according_to_a_report_compound() -> None:
    quotes = _quotes("Nach einem Fernsehbericht des Senders wurde der Politiker am Dienstag beerdigt.")
    assert [q.text for q in quotes] == ["wurde der Politiker am Dienstag beerdigt"]


def test_a_reported_speech_act_needs_a_finite_cue() -> None:
    assert [q.kind for q in _quotes("Die Gewerkschaft forderte höhere Löhne.")] == ["reported"]
    assert not _quotes("Die Stadt hatte den Plan bereits abgelehnt.")
    assert not _quotes("Zebroide, auch Zebra-Pferde genannt, sind Kreuzungen zwischen Zebras und Pferden.")


def test_a_pronoun_with_no_person_before_it_stands_for_the_organisation_that_spoke() -> None:
    text = "Die Gewerkschaft lehnte den Plan ab. Sie kritisierte die Regierung scharf."
    quotes = _quotes(text)
    names = [q.speaker.name for q in quotes if q.speaker and q.speaker.text == "Sie"]
    assert names == ["Gewerkschaft"]


def test_weak_preterite_after_sie_is_not_subjunctive() -> None:
    quotes = _quotes("Der Minister sagte, die Lage sei ernst. Sie plante die Reise schon lange.")
    assert not [q for q in quotes if "plante" in q.text]
    quotes = _quotes("Der Minister sagte, die Lage sei ernst. Sie plane die Reise schon lange.")
    assert [q for q in quotes if "plane" in q.text]


# --- precision on news pages (issue 15.5): each a class from the quote tuning set, written anew


def test_a_quoted_name_between_cue_and_content_is_part_of_the_frame() -> None:
    quotes = _quotes("Die Ministerin sagte der „Berliner Stadtzeitung“, dass die Preise steigen.")
    assert [q.text for q in quotes if q.kind == "indirect"] == ["dass die Preise steigen"]


def test_heisst_names_unless_it_stands_beside_es() -> None:
    assert not _quotes("„Wege aus der Krise“ heißt die neue Reihe, die im Mai beginnt.")
    assert _quotes("In der Mitteilung hieß es, die Lage sei unter Kontrolle.")


def test_a_cue_form_after_an_article_is_no_verb() -> None:
    assert not _quotes("In the region, an estimated 40,000 residents would lose their homes.", "en")


def test_that_after_an_object_noun_opens_a_relative_clause() -> None:
    assert not _quotes("Some customers reported delays that lasted two hours.", "en")
    assert _quotes("The agency reported on Monday that the delays had ended.", "en")


def test_the_writers_own_question_is_no_quote() -> None:
    assert not _quotes("Danach habe ich mich gefragt: „War das wirklich so einfach?“")
