"""Speaker error classes of the sixth session (#13.2, #15.6), each found on tuning material and
written here by hand: "wonach" stands for the phrase it attaches to, compound role nouns take up the
person named before, fragments are no speakers, a surname alone is the full name given earlier."""

from __future__ import annotations

from quote_cases import entity as _entity
from quote_cases import quotes_of as _quotes
from quote_cases import speaker_of as _speaker

# --- "wonach" stands for its antecedent -----------------------------------------------------------

def test_wonach_stands_for_the_report_before_its_comma() -> None:
    text = ("Ein Bericht der russischen Nachrichtenagentur „Interfax“, wonach der Oppositionsführer "
            "festgenommen worden sei, wurde am Abend dementiert.")
    spk = _speaker(_quotes(text, [_entity(text, "Interfax", "ORG")]), "festgenommen")
    assert spk is not None and spk.text.startswith("Ein Bericht") and spk.name == "Interfax"


def test_wonach_after_a_separated_particle_takes_the_object_phrase() -> None:
    text = ("Er schließt sich darüber hinaus dem Verdacht der Kritiker an, wonach die Berufung vor allem "
            "politische Gründe habe.")
    spk = _speaker(_quotes(text, []), "Berufung")
    assert spk is not None and spk.text == "dem Verdacht der Kritiker"


def test_a_quoted_name_after_a_kind_noun_is_the_name() -> None:
    text = ("Die Deutsche Welle zitiert aus der bolivianischen Zeitung „Hoy Bolivia“, wonach der Präsident "
            "die Schuld an den Überschwemmungen den Nachbarn gebe.")
    spk = _speaker(_quotes(text, []), "Schuld")
    assert spk is not None and spk.text == "der bolivianischen Zeitung „Hoy Bolivia“" and spk.name == "Hoy Bolivia"


def test_wonach_after_a_participle_keeps_itself() -> None:
    text = "Das Ministerium hat Meldungen der Zeitung zurückgewiesen, wonach Inspektoren Zutritt gefordert hätten."
    spk = _speaker(_quotes(text, []), "Inspektoren")
    assert spk is not None and spk.text == "wonach"


# --- compound role nouns ------------------------------------------------------------------------

def test_a_hyphenated_party_role_takes_up_the_person_just_named() -> None:
    text = ("Der Abgeordnete Karl Lauterbach sprach am Montag im Bundestag. "
            "Der SPD-Politiker erklärte, die Impfpflicht sei nötig.")
    spk = _speaker(_quotes(text, [_entity(text, "Karl Lauterbach")]), "Impfpflicht")
    assert spk is not None and (spk.text, spk.name) == ("Der SPD-Politiker", "Karl Lauterbach")


def test_a_feminine_compound_role_takes_up_the_woman_introduced_with_it() -> None:
    text = ("Die CDU-Chefin Angela Merkel traf am Montag den Präsidenten Joachim Gauck. "
            "Die CDU-Chefin sagte danach, sie sei zufrieden.")
    ents = [_entity(text, "Angela Merkel"), _entity(text, "Joachim Gauck")]
    spk = _speaker(_quotes(text, ents), "zufrieden")
    assert spk is not None and spk.name == "Angela Merkel"


def test_a_compound_role_with_an_adjective_takes_up_the_last_speaker() -> None:
    text = ("„Das ist keine einfache Liga“, sagte Marcell Jansen. "
            "Der amtierende HSV-Präsident erklärte außerdem, der Verein plane keine neuen Transfers.")
    spk = _speaker(_quotes(text, [_entity(text, "Marcell Jansen")]), "Transfers")
    assert spk is not None and spk.name == "Marcell Jansen"


def test_a_compound_role_is_matched_as_itself_not_as_any_holder_of_the_role() -> None:
    # "Bundespräsident" is not the "Bundestagspräsident" named first: the last speaker is
    text = ("Bundestagspräsident Wolfgang Thierse eröffnete die Sitzung. Danach sprach Horst Köhler. "
            "„Wir sind bereit“, sagte Köhler. Der Bundespräsident betonte, er werde das Gesetz prüfen.")
    ents = [_entity(text, "Wolfgang Thierse"), _entity(text, "Horst Köhler"), _entity(text, "Köhler", at=80)]
    spk = _speaker(_quotes(text, ents), "Gesetz")
    assert spk is not None and spk.name == "Horst Köhler"


# --- fragments: a verb is no part of a speaker phrase (#15.6) --------------------------------------

def test_a_finite_verb_before_a_name_is_not_part_of_the_speaker() -> None:
    text = ("Als die Jubelmeldung online geht, ist Rechtsanwalt Lutz Sander über die Meldung begeistert "
            "und schreibt auf Facebook: „Jungs, ich bin sehr beeindruckt!“")
    spk = _speaker(_quotes(text, [_entity(text, "Lutz Sander")]), "beeindruckt")
    assert spk is not None and spk.text == "Rechtsanwalt Lutz Sander" and spk.name == "Lutz Sander"


def test_own_statements_are_the_subject_s_before_the_phrase() -> None:
    text = "Ultium Cells investiert eigenen Angaben zufolge weitere 275 Millionen US-Dollar in das Werk."
    spk = _speaker(_quotes(text, [_entity(text, "Ultium Cells", "ORG")]), "Millionen")
    assert spk is not None and spk.text == "eigenen Angaben" and spk.name == "Ultium Cells"


def test_own_statements_opening_the_sentence_are_the_subject_s_after_the_verb() -> None:
    text = "Nach eigenen Angaben hat das Unternehmen Siemens einen neuen Partner gefunden."
    spk = _speaker(_quotes(text, [_entity(text, "Siemens", "ORG")]), "Partner")
    assert spk is not None and spk.text == "eigenen Angaben" and spk.name == "Siemens"


def test_own_statements_after_a_perfect_auxiliary_take_the_person() -> None:
    text = "Der Ministerpräsident Kurt Beck hat eigenen Angaben zufolge Briefe von Mitarbeitern erhalten."
    spk = _speaker(_quotes(text, [_entity(text, "Kurt Beck")]), "Briefe")
    assert spk is not None and spk.text == "eigenen Angaben" and spk.name == "Kurt Beck"


def test_a_quoted_name_keeps_its_lower_case_verb() -> None:
    text = "Wie die „Aktion Deutschland hilft“ heute mitteilte, werde den Menschen vor Ort geholfen."
    spk = _speaker(_quotes(text, []), "geholfen")
    assert spk is not None and spk.text == "die „Aktion Deutschland hilft“"


# --- a surname alone is the full name the article gives ----------------------------------------------

def test_a_surname_is_the_full_name_written_twice_with_an_unknown_first_name() -> None:
    text = ("Zur neuen Präsidentin wurde die Sozialwissenschaftlerin Irme Stetter-Karp gewählt. "
            "Irme Stetter-Karp folgt auf Thomas Sternberg. „Wir müssen den Reformstau lösen“, sagte Stetter-Karp.")
    ents = [_entity(text, "Thomas Sternberg"), _entity(text, "Stetter-Karp", at=text.index("sagte"))]
    spk = _speaker(_quotes(text, ents), "Reformstau")
    assert spk is not None and spk.text == "Stetter-Karp" and spk.name == "Irme Stetter-Karp"
    assert spk.id == "per:irme-stetter-karp"  # the name resolved, not the recogniser's surname alone


def test_a_title_written_twice_before_a_surname_is_no_first_name() -> None:
    text = ("Präsidentin Stetter-Karp kam am Morgen. Präsidentin Stetter-Karp sprach lange. "
            "„Wir müssen den Reformstau lösen“, sagte Stetter-Karp.")
    spk = _speaker(_quotes(text, []), "Reformstau")
    assert spk is not None and spk.name == "Stetter-Karp"


# --- English speaker phrases: bare nouns, postmodifiers, names as adjectives (#15.6) ----------------

def test_people_familiar_with_the_matter_is_one_speaker() -> None:
    text = "More than 4,000 people are expected to receive notice, according to multiple people familiar with the matter."
    spk = _speaker(_quotes(text, [], "en"), "notice")
    assert spk is not None and spk.text == "multiple people familiar with the matter" and spk.id == ""


def test_a_person_briefed_on_the_talks_keeps_its_postmodifier() -> None:
    text = "A person briefed on the talks told reporters that the deal would close this week."
    spk = _speaker(_quotes(text, [], "en"), "deal")
    assert spk is not None and spk.text == "A person briefed on the talks"


def test_a_bare_plural_source_is_the_phrase_not_its_modifier() -> None:
    text = "Snipers have also shot into crowds, according to eyewitness accounts."
    spk = _speaker(_quotes(text, [], "en"), "Snipers")
    assert spk is not None and spk.text == "eyewitness accounts"


def test_a_name_used_as_an_adjective_is_not_the_speaker() -> None:
    text = ("The Bush-era whistleblower, a protégé of John Bolton, would then have claimed that he was told "
            "by an anonymous leaker about the call.")
    ents = [_entity(text, "Bush"), _entity(text, "John Bolton")]
    spk = _speaker(_quotes(text, ents, "en"), "leaker")
    assert spk is not None and spk.text == "The Bush-era whistleblower" and spk.name != "Bush" and spk.id == ""


def test_a_name_adjective_before_a_role_keeps_the_person_after_it() -> None:
    text = "German-born chemist Anna Weber said that the test had failed twice."
    spk = _speaker(_quotes(text, [_entity(text, "Anna Weber")], "en"), "failed")
    assert spk is not None and spk.name == "Anna Weber"


def test_a_subordinator_opening_the_sentence_is_no_speaker() -> None:
    text = ("As government documents have unveiled, the detentions originated in directives from Xi to "
            "“show absolutely no mercy” in the campaign.")
    quotes = _quotes(text, [_entity(text, "Xi")], "en")
    assert all(q.speaker is None or not q.speaker.text.startswith("As") for q in quotes)


def test_a_possessive_alone_is_no_speaker() -> None:
    text = "We tested the laptop. Our initial testing suggests that it can keep a higher clock speed."
    quotes = _quotes(text, [], "en")
    assert all(q.speaker is None or q.speaker.text != "Our" for q in quotes)


# --- a pronoun takes up a speaker the recogniser missed ----------------------------------------------

def test_a_pronoun_takes_up_the_unrecognised_surname_that_spoke_last_not_an_earlier_person() -> None:
    text = ("Im fünften Satz punktete Rafael Nadal mit 7:5. "
            "Medvedev bedankte sich bei seinem Team und sagte: „Ich bin mir sicher, dass meine Frau zuschaut.“ "
            "Er akzeptierte seine Niederlage und erklärte, das Spiel habe ihn überrascht.")
    spk = _speaker(_quotes(text, [_entity(text, "Rafael Nadal")]), "überrascht")
    assert spk is not None and spk.text == "Er" and spk.name == "Medvedev"


def test_a_sentence_adverb_is_no_antecedent_for_a_pronoun() -> None:
    text = ("Der frühere Minister Karl Weber soll „mit Absicht abgeschrieben haben“, wie die Zeitung schreibt. "
            "Anders ließen sich die vielen kopierten Passagen nicht erklären. "
            "Er hatte aber auch gesagt, es sei ihm ein Anliegen, an der Klärung mitzuwirken.")
    spk = _speaker(_quotes(text, [_entity(text, "Karl Weber")]), "Anliegen")
    assert spk is not None and spk.text == "Er" and spk.name == "Karl Weber"  # not "Anders"


# --- a name in apposition is the speaker's, and part of the mention ----------------------------------

def test_an_organisation_in_apposition_after_a_kind_noun_is_the_speaker() -> None:
    text = ("WeWork is the subject of an inquiry. WeWork’s parent company, The We Company, announced on "
            "Sept. 30 that it was withdrawing its filing.")
    spk = _speaker(_quotes(text, [], "en"), "withdrawing")
    assert spk is not None and spk.name == "The We Company" and spk.text.endswith("The We Company")


def test_a_person_in_apposition_after_a_role_is_part_of_the_mention() -> None:
    text = "Der Gouverneur des Bundesstaates, Gabino Cué, sagte, die Lage sei unter Kontrolle."
    spk = _speaker(_quotes(text, [_entity(text, "Gabino Cué")]), "Kontrolle")
    assert spk is not None and spk.name == "Gabino Cué" and spk.text == "Der Gouverneur des Bundesstaates, Gabino Cué"
