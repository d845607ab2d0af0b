"""Reported content the finder used to miss (issues 13.2, 15.5; quotes helper, 2026-12-07, fourth
session): each test is one grammatical class, written by hand, never a sentence of the data."""

from __future__ import annotations

from quote_cases import grammar_quotes as _quotes


def test_konjunktiv_i_told_by_its_form_after_a_cue() -> None:
    # "gehöre", "rechne" are in no table: the "-e" after a noun, with no noun after it, is the verb
    quotes = _quotes("Der Verband erklärte am Abend, der Stausee gehöre einer Stiftung aus Bremen.")
    assert [q.text for q in quotes] == ["der Stausee gehöre einer Stiftung aus Bremen"]
    quotes = _quotes("Die Zeitung meldete, Bergmann rechne mit einem Urteil im März.")
    assert [q.text for q in quotes] == ["Bergmann rechne mit einem Urteil im März"]


def test_konjunktiv_i_continues_a_speech_act() -> None:
    # "Dazu gehöre …" after "wies … hin": the same speaker's words, told by the form alone
    text = "Die Ministerin wies auf neue Risiken hin. Dazu gehöre auch die Kamera am Bahnhof."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Dazu gehöre auch die Kamera am Bahnhof."]
    assert quotes[0].speaker is not None and "Ministerin" in quotes[0].speaker.text


def test_inflected_adjectives_and_adverbs_in_e_are_no_subjunctive() -> None:
    # "neue" after an article, "teilweise" (an adverb ending), "sowie", "alleine": indicative narrative
    assert not _quotes("Der Sprecher war dort. Die neue Brücke ist teilweise gesperrt, die Straße sowie der Weg alleine nicht.")
    # the first person's indicative: "stelle ich"
    assert not _quotes("Dazu stelle ich eine Frage voran.")


def test_wonach_clause_is_the_content_not_the_sentence_around_it() -> None:
    text = "Das Ministerium hat Berichte der Zeitung zurückgewiesen, wonach Inspektoren Zutritt verlangt hätten."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Inspektoren Zutritt verlangt hätten"]
    text = "Ein Bericht der Agentur, wonach der Minister zurückgetreten sein soll, wurde dementiert."
    assert [q.text for q in _quotes(text)] == ["der Minister zurückgetreten sein soll"]


def test_according_phrase_opening_the_content_after_a_cue() -> None:
    # the comma after the frame opens the content; "nach neuesten Erkenntnissen" is inside it
    text = "Ein Sprecher sagte am Abend gegenüber der Presse, nach neuesten Erkenntnissen habe ein Nachbar den Brand gelegt."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["nach neuesten Erkenntnissen habe ein Nachbar den Brand gelegt"]
    assert quotes[0].speaker is not None and "Sprecher" in quotes[0].speaker.text


def test_trailing_as_clause_attributes_the_sentence_before_it() -> None:
    text = "Der Mann soll das Feuer gelegt haben, wie eine Sprecherin der Polizei mitteilte."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Der Mann soll das Feuer gelegt haben"]
    assert quotes[0].speaker is not None and "Sprecherin" in quotes[0].speaker.text
    # "wie man sagt" names no one; after "berichtet," the "wie" clause is the witnesses' content
    assert not _quotes("Es regnete den ganzen Tag, wie man sagt.")
    quotes = _quotes("Vor Gericht hatten Zeugen berichtet, wie der Mann den Wachmann angriff.")
    assert [q.text for q in quotes] == ["wie der Mann den Wachmann angriff"]


def test_impersonal_frame_after_indicative_content() -> None:
    quotes = _quotes("Die Zahl der Fälle steigt. Drei Viertel der Fälle entfallen auf den Süden, heißt es in dem Bericht.")
    assert [q.text for q in quotes] == ["Drei Viertel der Fälle entfallen auf den Süden"]


def test_so_frame_with_a_tail_inside_the_content() -> None:
    quotes = _quotes("Sein Rivale, so der Senator weiter, werde von den Verbänden bezahlt.")
    assert [q.text for q in quotes] == ["Sein Rivale, so der Senator weiter, werde von den Verbänden bezahlt"]
    assert not _quotes("Es regnete stark, so die Straßen bald überflutet waren.")


def test_quoted_words_as_the_object_of_a_speech_act() -> None:
    quotes = _quotes("Die Gewerkschaft warnte vor den „Sparplänen der Rathausspitze“. Der Streik beginnt am Montag.")
    assert [q.text for q in quotes] == ["„Sparplänen der Rathausspitze“"]
    # a name after another preposition ("in der") stays a name
    assert not _quotes("Die Gewerkschaft warnte in der „Neuen Zeitung“ erneut.")


# --- false-positive classes of the fourth batch of the quote tuning set (2026-12-07) -------------

def test_quoted_name_of_the_addressee_is_no_quote() -> None:
    quotes = _quotes("„Die Mieten steigen weiter“, sagt der Sprecher gegenüber »nd«. Gegenüber der „Zeitung“ schwieg er.")
    assert [q.text for q in quotes] == ["„Die Mieten steigen weiter“"]


def test_writers_impersonal_aside_is_no_quote() -> None:
    assert not _quotes("Es sei angemerkt, dass der Wert auch negativ sein kann.")
    assert _quotes("Der Minister sagte, es sei beschlossen, dass die Schule schließt.")


def test_hearsay_modal_in_an_opening_subordinate_clause_is_narrative() -> None:
    text = "Die Sängerin warnt: „Die Erde wird heißer.“ Wie ihr Beitrag aussehen soll, wird schnell klar."
    assert [q.text for q in _quotes(text)] == ["„Die Erde wird heißer.“"]


def test_a_parenthesis_after_the_cue_holds_its_own_clause() -> None:
    text = "Sie sind nicht ausreichend informiert über all dies (es könnte auch sein, dass die Stiftung Ihnen Angst macht)."
    assert not _quotes(text)


def test_speaker_and_apposition_before_the_cue_are_no_content() -> None:
    text = "Jane Roe, Senior Vice President of Sales at Acme, says: “Alarm fatigue is a real problem for nurses.”"
    assert [q.kind for q in _quotes(text, "en")] == ["direct"]
    text = "Acme, a global provider focused on hospital software, announced a new alarm system on Monday."
    assert not _quotes(text, "en")


def test_content_ends_where_the_frame_sentence_resumes() -> None:
    text = "Der Angeklagte hatte erklärt, er sei unschuldig, erkannte das Gericht nicht an und schwieg."
    assert [q.text for q in _quotes(text)] == ["er sei unschuldig"]
    text = "Der Sender meldete, dass keiner verloren habe, allerdings schrieb die Zeitung etwas anderes."
    assert [q.text for q in _quotes(text)][:1] == ["dass keiner verloren habe"]
    # a subjunctive, or an adjective before its noun, after the comma is still the content
    text = "Er sagte, erste Ergebnisse seien gut, letzte Zweifel blieben."
    assert [q.text for q in _quotes(text)] == ["erste Ergebnisse seien gut, letzte Zweifel blieben"]


def test_adjectives_and_rules_are_no_sources() -> None:
    # "laut" closing the sentence is the adjective; "gemäß" a rule is "in accordance with"
    assert not _quotes("Schon seit langem wurden Vorwürfe gegen die neue Regierung laut.")
    assert not _quotes("Die Filme sind mit Zusatzfunktionen gemäß dem neuen Profil ausgestattet.")
    assert [q.text for q in _quotes("Gemäß einem Bericht der Polizei sei der Mann geflohen.")] == ["sei der Mann geflohen"]
    # a participle after "als" is an adjective: "gilt als ausgeschlossen"
    assert not _quotes("Es gilt als ausgeschlossen, dass sich die beiden im Mai gegenüberstehen.")


def test_frame_clauses_that_are_no_content() -> None:
    # a relative on the whole clause after a passive cue; the writer's "kann man sagen"; an
    # adverbial clause before an inverted frame
    assert not _quotes("Die Stücke wurden damals vom Verlag veröffentlicht, was einen Rechtsstreit auslöste.")
    assert not _quotes("Alles in allem kann man sagen, dass das Fest ein Erfolg war.")
    assert not _quotes("Obwohl bei dem Mann das Handy gefunden wurde, bestritt er jede Beteiligung.")


def test_plural_of_cue_stems_in_el_and_er() -> None:
    # "fordern", "bezweifeln": -el/-er stems take -n in the plural, not -en
    quotes = _quotes("Die Forscher bezweifeln aber, dass so viele Besucher kommen werden.")
    assert [q.text for q in quotes] == ["dass so viele Besucher kommen werden"]
    quotes = _quotes("Die Verbände fordern, dass die Regierung die Steuer senkt.")
    assert [q.text for q in quotes] == ["dass die Regierung die Steuer senkt"]


# --- false-positive classes of the fifth batch of the quote tuning set (2026-12-07) --------------

def test_titles_named_as_titles_are_no_quotes() -> None:
    text = ("Der Rat veröffentlichte 2007 eine Denkschrift. „Aus dem Frieden leben – für Frieden sorgen“ ist ihr Titel. "
            "Heute geht es um den ersten Teil des Titels der Denkschrift: „Aus dem Frieden leben.“ Das legt der Text nahe.")
    assert not _quotes(text)
    # a title noun later in the clause is not the quotation's predicate
    text = "Er sagte der Zeitung, dass der Minister „aktiv“ an der Kampagne beteiligt gewesen sei."
    assert _quotes(text)


def test_cited_word_forms_are_no_quotes() -> None:
    assert not _quotes("Die dritte Person Singular wird „sier“ genannt und entsprechend als „siehn“ dekliniert.")


def test_main_clause_after_an_inner_as_clause_is_no_content() -> None:
    assert not _quotes("Den Ausbau in die Wälder zu verlagern, wie es der Minister angekündigt hat, lehnt der Verband ab.")


def test_english_frames_inside_subordinate_clauses() -> None:
    text = "The video had been edited to show him failing to answer, when, in fact, he responded quickly."
    assert not _quotes(text, "en")
    text = "While the press secretary said the trip was routine, he did not have that exam in the past two years."
    assert [q.text for q in _quotes(text, "en")] == ["the trip was routine"]
    assert not _quotes("Following the arrest in London, a lawyer for the woman asked for a review.", "en")
    # "since 1905" is a preposition, not a clause
    text = "The station has not seen rain since mid-September, the first time since 1905, said the meteorologist."
    assert _quotes(text, "en")
