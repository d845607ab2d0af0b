"""Speaker error classes of the eighth session (#13.2), each found on the quotes-de tuning half
and written here by hand: the speaker of reported speech with no cue of its own, read from the
sentence before it."""

from __future__ import annotations

from quote_cases import entity as _entity
from quote_cases import quotes_of as _quotes
from quote_cases import speaker_of as _speaker


def test_the_subject_after_a_prepositional_prefield_speaks_on() -> None:
    text = ("„Wir brauchen Rechtssicherheit“, erklärte der Landesvorsitzende Manfred Busch.\n\n"
            "Am Rande einer Sitzung des Landtages in Hannover nahm jetzt auch der Ministerpräsident des "
            "Landes, Christian Wulff, zu der Frage Stellung. Jeder Lehrer könne das Konto später einlösen.")
    ents = [_entity(text, "Manfred Busch"), _entity(text, "Hannover", "LOC"), _entity(text, "Christian Wulff")]
    spk = _speaker(_quotes(text, ents), "Konto später")
    assert spk is not None and spk.name == "Christian Wulff"


def test_a_person_the_recogniser_missed_is_a_speaker_by_first_name() -> None:
    text = ("„Das ist eine Kapitulation“, sagte der Sprecher der BVG.\n\nDie Folien werden heute verklebt. "
            "Jens Wieseke fordert freie Sicht nach draußen. Die Muster seien unruhig.")
    spk = _speaker(_quotes(text, [_entity(text, "BVG", "ORG")]), "Muster")
    assert spk is not None and spk.name == "Jens Wieseke"


def test_an_unknown_capitalised_pair_is_no_person() -> None:
    text = ("„Das ist eine Kapitulation“, sagte der Sprecher der BVG.\n\nDie Folien werden heute verklebt. "
            "Grüne Folien verdecken die Sicht nach draußen. Die Muster seien unruhig.")
    spk = _speaker(_quotes(text, [_entity(text, "BVG", "ORG")]), "Muster")
    assert spk is None or spk.name != "Grüne Folien"


def test_the_agent_of_a_passive_speech_act_speaks() -> None:
    text = ("Die Grünen fordern eine Quote für Biodiesel. Das sei überfällig, so Matthias Berninger.\n\n"
            "Die Forderungen Berningers wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch "
            "bezeichnet. Heutige Fahrzeuge seien oft nicht in der Lage, damit zu fahren.")
    ents = [_entity(text, "Matthias Berninger"), _entity(text, "Berningers"), _entity(text, "Manfred Stolpe")]
    spk = _speaker(_quotes(text, ents), "Heutige Fahrzeuge")
    assert spk is not None and spk.name == "Manfred Stolpe"


def test_the_agent_of_a_passive_that_is_no_speech_act_does_not_speak() -> None:
    text = ("„Ich bin unschuldig“, sagte Peter Klein vor Gericht.\n\nDer Angeklagte wurde von der "
            "Polizei in Berlin festgenommen. Er habe von nichts gewusst.")
    spk = _speaker(_quotes(text, [_entity(text, "Peter Klein"), _entity(text, "Berlin", "LOC")]), "nichts gewusst")
    assert spk is None or "Polizei" not in spk.text


def test_the_attribution_after_a_quotation_a_colon_opened_is_its_own() -> None:
    text = ("Besorgt äußerte sich auch der Vorsitzende der Initiative, Wolfgang Grader, zu den Vorgängen: "
            "„Wir befürchten das Schlimmste“, sagte er gegenüber Deutschlandradio.")
    quotes = _quotes(text, [_entity(text, "Wolfgang Grader"), _entity(text, "Deutschlandradio", "ORG")])
    spk = _speaker(quotes, "Schlimmste")
    assert spk is not None and spk.text == "er" and spk.name == "Wolfgang Grader"
    assert quotes[0].cue is not None and quotes[0].cue.text == "sagte"


def test_a_relative_clause_opened_by_a_preposition_names_the_source() -> None:
    text = ("Man zitiert eine Erklärung der türkischen Behörde für Informations- und Kommunikationstechnologie, "
            "in der es heißt, dass eine Sperre erlassen wurde.")
    spk = _speaker(_quotes(text, []), "Sperre")
    assert spk is not None and spk.text == ("eine Erklärung der türkischen Behörde für Informations- und "
                                            "Kommunikationstechnologie")
    text = "Reuters zitiert eine Stelle aus dem OSZE-Bericht, in der davon berichtet wird, dass ein Kandidat angegriffen wurde."
    spk = _speaker(_quotes(text, [_entity(text, "Reuters", "ORG"), _entity(text, "OSZE", "ORG")]), "Kandidat")
    assert spk is not None and spk.text == "eine Stelle aus dem OSZE-Bericht"


def test_quoted_words_after_so_are_no_speaker_and_the_last_one_speaks_on() -> None:
    text = ("Der Bürgermeister von New Orleans forderte alle Bewohner zum sofortigen Rückzug auf. "
            "Kämen sie dem nicht nach, so „schütze sie Gott“.")
    spk = _speaker(_quotes(text, [_entity(text, "New Orleans", "LOC")]), "Kämen sie")
    assert spk is not None and spk.text == "Der Bürgermeister von New Orleans"


def test_a_quoted_name_is_still_a_speaker() -> None:
    text = "Wie „heise online“ berichtet, ist der Dienst seit Montag gestört."
    spk = _speaker(_quotes(text, []), "Dienst")
    assert spk is not None and spk.text == "„heise online“"


def test_a_time_before_the_verb_is_no_speaker() -> None:
    text = "Wenige Stunden nach dem Putsch erklärte der neue „Oberste Rat“, die Situation sei unter Kontrolle."
    spk = _speaker(_quotes(text, []), "Situation")
    assert spk is not None and spk.text == "der neue „Oberste Rat“"
    text = "Der Sprecher der Stadt erklärte am Abend, die Situation sei unter Kontrolle."
    spk = _speaker(_quotes(text, []), "Situation")
    assert spk is not None and spk.text == "Der Sprecher der Stadt"


def test_a_participle_before_its_noun_is_no_cue() -> None:
    text = "Unter Berufung auf nicht weiter bezeichnete Quellen gab die Bangkok Post an, der Minister sei zurückgetreten."
    spk = _speaker(_quotes(text, [_entity(text, "Bangkok Post", "ORG")]), "zurückgetreten")
    assert spk is not None and spk.text == "die Bangkok Post"
    text = ("In einer von der amtlichen Nachrichtenagentur verbreiteten Erklärung gab er an, die Lage sei unter "
            "Kontrolle.")
    spk = _speaker(_quotes(text, []), "Lage")
    assert spk is not None and spk.text == "er"


def test_a_finite_cue_before_a_noun_stays_a_cue() -> None:
    text = "Die Polizei bestätigte Berichte, dass zwei Menschen verletzt wurden."
    assert any(q.cue is not None and q.cue.text == "bestätigte" for q in _quotes(text, []))
    text = "Zwei Menschen wurden verletzt. Das bestätigte Polizeisprecher Peter Klein."
    spk = _speaker(_quotes(text, [_entity(text, "Peter Klein")]), "verletzt")
    assert spk is not None and spk.name == "Peter Klein"


def test_a_coordinated_cue_after_a_particle_stays_a_cue() -> None:
    text = "Daraufhin teilte Bushido gegen seinen Kollegen aus und bezeichnete Azad als „finished“."
    quotes = _quotes(text, [_entity(text, "Bushido"), _entity(text, "Azad")])
    assert any(q.cue is not None and q.cue.text == "bezeichnete" for q in quotes)


def test_an_impersonal_reported_cue_right_after_a_quotation_is_its_source() -> None:
    text = ("Nach einem Bericht der BBC seien 62 Studien ausgewertet worden. Es werde geschätzt, dass jährlich "
            "viele Babys Infektionen zum Opfer fallen.")
    spk = _speaker(_quotes(text, [_entity(text, "BBC", "ORG")]), "Babys")
    assert spk is not None and spk.name == "BBC"


def test_an_indicative_agentless_passive_is_no_one_s() -> None:
    text = ("Die Ministerpräsidentin Julia Gillard erklärte, ihr Land unterstütze die Suche. Doch es wird "
            "befürchtet, dass viele der Vermissten tot sind.")
    quotes = _quotes(text, [_entity(text, "Julia Gillard")])
    assert not any("Vermissten" in q.text and q.speaker is not None and q.speaker.name == "Julia Gillard" for q in quotes)
