"""Quote detection, session 7 (issues 13.2, 15.5; quotes helper, 2026-12-07 20:10–22:05): recall
classes from the quotes-de tune half and precision classes from the quote tuning set. Each test is
one grammatical class, written by hand, never a sentence of the data."""

from __future__ import annotations

from quote_cases import grammar_quotes as _quotes

# --- recall ---------------------------------------------------------------------------------------

def test_a_clause_opening_with_a_preposition_before_an_inverted_frame_is_content() -> None:
    text = "In der Altstadt wurden am Morgen drei Brücken gesperrt, teilte Bürgermeisterin Anna Keller mit."
    assert [q.text for q in _quotes(text)] == ["In der Altstadt wurden am Morgen drei Brücken gesperrt"]
    # an adverbial before a cue with its own subject stays the frame's
    assert not _quotes("In a statement, the company denied the claims.", "en")


def test_a_promise_and_a_request_frame_an_infinitive_clause() -> None:
    # "versprochen" is a cue form; "voranzutreiben" is an infinitive with its particle "voran"
    quotes = _quotes("Der Verein hat am Montag versprochen, gegen die Randalierer vorzugehen.")
    assert [q.text for q in quotes] == ["gegen die Randalierer vorzugehen"]
    quotes = _quotes("Der Rat hat die Länder dazu aufgefordert, den Ausbau der Netze voranzutreiben.")
    assert [q.text for q in quotes] == ["den Ausbau der Netze voranzutreiben"]


def test_reported_speech_three_sentences_after_its_speech_act() -> None:
    # the speaker's subjunctive resumes after two narrative sentences
    text = ("Der Verband kritisierte die Entscheidung scharf. Die Regierung hatte sie im Mai getroffen. "
            "Sie gilt ab Juli. Langfristig werde es für alle Kunden teurer.")
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Langfristig werde es für alle Kunden teurer."]
    assert quotes[0].speaker is not None and "Verband" in quotes[0].speaker.text


def test_a_reported_sentence_quoting_a_few_words_is_one_mixed_quote() -> None:
    # the whole subjunctive sentence is the speaker's, not only its quoted words (a lone „kaputt“
    # reads as a scare quote)
    text = ("Die Ministerin äußerte sich am Montag zur Reform. "
            "Allerdings sei das bisherige System „kaputt“, denn es könne leicht umgangen werden.")
    quotes = _quotes(text)
    assert [(q.kind, q.text) for q in quotes] == [
        ("mixed", "Allerdings sei das bisherige System „kaputt“, denn es könne leicht umgangen werden.")]
    assert quotes[0].speaker is not None and "Ministerin" in quotes[0].speaker.text
    # with no speaker in reach the quoted words stay a direct quote, as before
    text = "Das Wetter war gut. Die Straße war frei. Der Bus kam spät. Es war kalt. Das System sei „kaputt“."
    assert [(q.kind, q.text) for q in _quotes(text)] == [("direct", "„kaputt“")]


def test_a_content_noun_with_its_holder_after_it_frames_its_content() -> None:
    # "die Kritik der Ministerin, …": the genitive attribute holds the words
    quotes = _quotes("Der Rat folgte der Forderung der Ministerin, die Gebühren zu senken.")
    assert [q.text for q in quotes] == ["die Gebühren zu senken"]
    assert quotes[0].speaker is not None and "Ministerin" in quotes[0].speaker.text
    # a relative clause after the attribute is no content
    assert not _quotes("Die Forderung der Ministerin, die vor allem Pfleger betrifft, blieb ungehört.")


# --- precision: the eighth batch of the quote tuning set ------------------------------------------

def test_according_phrase_after_a_comma_opening_its_own_clause() -> None:
    # "…, laut ADAC liegt …": the phrase and the finite verb after it open the attributed clause
    text = "Eine Nachzahlung ist oft teuer, laut ADAC liegt der Beitrag bei zwölf Cent."
    assert [q.text for q in _quotes(text)] == ["liegt der Beitrag bei zwölf Cent"]
    assert [q.text for q in _quotes("Eine Nachzahlung ist oft teuer, laut ADAC.")] == ["Eine Nachzahlung ist oft teuer"]


def test_names_titles_and_labels_are_no_quotes() -> None:
    assert not _quotes("Die Gruppe hat dazu beigetragen, die als „Sonnenfänger“ bezeichneten Module durchzusetzen.")
    assert not _quotes("Programm: 10 Uhr Begrüßung. Keynote „Neuland?! Wer sind wir? Da geht mehr!“")
    assert not _quotes("Niemand bekommt bei der Geburt einen Stempel „Du musst immer kämpfen“.")
    # naming with a verb of saying stays the speaker's word
    assert [q.text for q in _quotes("Der Minister bezeichnete die Pläne als „Wortbruch“.")] == ["„Wortbruch“"]


def test_content_after_a_second_predicate_is_not_the_cues() -> None:
    text = "Portale berichten über viele Sportarten und sind so eine gute Möglichkeit, sich zu informieren."
    assert not _quotes(text)
    # coordinated verbs of saying still frame it
    assert [q.text for q in _quotes("Der Minister sagte am Montag und betonte, dass die Lage ernst sei.")] == [
        "dass die Lage ernst sei"]


def test_a_title_noun_in_the_genitive_names_the_quotation() -> None:
    text = "Laut einem Test des Magazins „auto und sport“ gibt es 113 Modelle."
    assert [q.kind for q in _quotes(text)] == ["indirect"]  # not "mixed" with the name as quoted words


def test_the_main_clause_after_a_passive_relative_clause_is_no_content() -> None:
    text = ("Der Premier, dessen Rücktritt von den Demonstranten gefordert wird, griff gestern zu einer "
            "drastischen Maßnahme, um den Protesten zu begegnen.")
    assert not _quotes(text)
    # a person accused in the relative clause: the infinitive after it is the accusation
    text = "In Mainz wurden zwei Personen festgenommen, die beschuldigt werden, Mitglieder einer Terrorgruppe zu sein."
    assert [q.text for q in _quotes(text)] == ["Mitglieder einer Terrorgruppe zu sein"]


def test_an_opening_mark_after_a_number_and_a_full_stop_starts_a_sentence() -> None:
    text = "Der Stand ist in Halle 4. „Vielfalt ist unser Programm“, erklärte Oliver Zille bei der Vorstellung."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["„Vielfalt ist unser Programm“"]
    assert quotes[0].speaker is not None and "Zille" in quotes[0].speaker.text


def test_holding_an_opinion_frames_its_content() -> None:
    quotes = _quotes("Die Behörde hält es auch für unwahrscheinlich, dass sich jemand beim Essen ansteckt.")
    assert [q.text for q in quotes] == ["dass sich jemand beim Essen ansteckt"]
    # in a subordinate clause opening the sentence the content ends where the main clause resumes
    quotes = _quotes("Da die Begleiter es für sinnvoll hielten, die Gäste zu evakuieren, erteilten sie den Befehl.")
    assert [q.text for q in quotes] == ["die Gäste zu evakuieren"]
    assert not _quotes("Der Verein hält an seinem Trainer fest, obwohl die Saison schlecht läuft.")


def test_an_inverted_frame_with_an_apposition_to_its_speaker() -> None:
    text = "Vor dem Absturz wurde kein Notsignal gesendet, teilte später der Direktor der Behörde, Bagus Keller, mit."
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["Vor dem Absturz wurde kein Notsignal gesendet"]
    assert quotes[0].speaker is not None and "Direktor" in quotes[0].speaker.text


def test_a_name_someone_gives_itself_is_no_quote() -> None:
    text = "Die Junta, die sich selbst „Rat für Demokratische Reform unter der Monarchie (RDRM)“ nennt, will bleiben."
    assert not _quotes(text)
    text = ("Stunden nach dem Putsch erklärte der neue „Oberste Rat zur Wiederherstellung der Demokratie“, "
            "wie sich die Junta selbst nennt, die Lage sei ruhig.")
    assert all(q.kind != "direct" for q in _quotes(text))


def test_a_full_stop_that_lost_its_space_ends_the_sentence() -> None:
    text = "Die Behörde teilte am Freitag mit, dass keine Verletzten geborgen wurden.Das Schiff war auf dem Weg nach Lae."
    assert [q.text for q in _quotes(text)] == ["dass keine Verletzten geborgen wurden"]
    # dots inside abbreviations, domains and names stay inside the sentence
    from newsmill.enrich.quotes.text import tokenize
    assert [t.text for t in tokenize("z.B. www.example.de St.Gallen")] == ["z.B", ".", "www.example.de", "St", ".", "Gallen"]
