"""Speaker error classes of the seventh session (#13, #15.6), each found on tuning material and
written here by hand: names the recogniser cut or inflected, datelines before a speaker."""

from __future__ import annotations

from newsmill.enrich.quotes.lexicon import load_first_names, load_lexicon
from newsmill.enrich.quotes.person_names import genitive_base, name_tables, with_particles
from newsmill.enrich.quotes.speakers import SpeakerFinder
from newsmill.enrich.quotes.text import tokenize
from quote_cases import entity as _entity
from quote_cases import quotes_of as _quotes
from quote_cases import speaker_of as _speaker

# --- names the recogniser cut ----------------------------------------------------------------------

def test_a_first_name_and_particles_take_the_surname_after_them() -> None:
    text = ("Die Doktorarbeit des Verteidigungsministers Karl-Theodor zu Guttenberg wird geprüft. "
            "Er sagte: „Ich habe einen Fehler gemacht.“")
    ents = [_entity(text, "Karl-Theodor"), _entity(text, "Guttenberg", "LOC")]
    spk = _speaker(_quotes(text, ents), "Fehler")
    assert spk is not None and spk.name == "Karl-Theodor zu Guttenberg" and spk.id == "per:karl-theodor-zu-guttenberg"


def test_a_surname_keeps_its_end_before_an_organisation() -> None:
    text = "Gestern sprach Peter Müller von der SPD."
    ents = [_entity(text, "Peter Müller"), _entity(text, "SPD", "ORG")]
    out = with_particles(text, ents, load_first_names(), name_tables("de"))
    assert out[0].text == "Peter Müller"
    text = "Gestern sprach Peter von der SPD."
    out = with_particles(text, [_entity(text, "Peter"), _entity(text, "SPD", "ORG")], load_first_names(), name_tables("de"))
    assert out[0].text == "Peter"


def test_a_given_name_before_a_one_word_person_is_part_of_the_name() -> None:
    text = ("The plague case was confirmed on Sunday.\n\nFan Mengguang, deputy director of the health "
            "commission, said that the latest case is isolated.")
    spk = _speaker(_quotes(text, [_entity(text, "Mengguang")], "en"), "isolated")
    assert spk is not None and spk.name == "Fan Mengguang" and spk.id == "per:fan-mengguang"


def test_a_role_before_a_one_word_person_is_no_given_name() -> None:
    text = "Bundeskanzler Scholz sagte am Montag, die Regierung werde handeln."
    spk = _speaker(_quotes(text, [_entity(text, "Scholz")]), "Regierung")
    assert spk is not None and spk.name == "Scholz"


# --- genitive names -------------------------------------------------------------------------------

def test_a_genitive_name_before_its_noun_loses_the_ending() -> None:
    tables, names = name_tables("de"), load_first_names()
    text = "Nach Rafael van der Vaarts Abschiedsgala"
    at = text.index("Vaarts") + len("Vaarts")
    assert genitive_base("Rafael van der Vaarts", text, at, names, tables) == "Rafael van der Vaart"
    assert genitive_base("Thomas", "Thomas Buch", len("Thomas"), names, tables) == "Thomas"  # a first name
    assert genitive_base("Karl Strauss", "Karl Strauss Werk", len("Karl Strauss"), names, tables) == "Karl Strauss"
    assert genitive_base("Jens Spahns", "Jens Spahns sagte", len("Jens Spahns"), names, tables) == "Jens Spahns"
    assert genitive_base("Serena Williams", "Serena Williams Sieg", 15, names, name_tables("en")) == "Serena Williams"


def test_a_pronoun_after_a_genitive_name_takes_the_base_form() -> None:
    text = "Rafael van der Vaarts Abschiedsgala war ein Erfolg. Er sagte: „Das war ein schöner Abend.“"
    spk = _speaker(_quotes(text, [_entity(text, "Rafael van der Vaarts")]), "Abend")
    assert spk is not None and spk.name == "Rafael van der Vaart"


# --- datelines ------------------------------------------------------------------------------------

def test_a_dateline_is_not_part_of_the_speaker() -> None:
    text = "BERLIN -- The European Space Agency says putting astronauts into hibernation could work."
    spk = _speaker(_quotes(text, [], "en"), "hibernation")
    assert spk is not None and spk.text == "The European Space Agency" and spk.id == "org:european-space-agency"


def test_capitals_inside_a_line_are_no_dateline() -> None:
    text = "Officials said on Monday that NASA -- the agency -- would delay the launch."
    for q in _quotes(text, [], "en"):
        assert q.speaker is None or not q.speaker.text.startswith("the agency")


# --- the subject of a first conjunct opened by a prepositional phrase ------------------------------

def test_a_coordinated_cue_after_a_fronted_phrase_takes_the_inverted_subject() -> None:
    text = ("In einer Stellungnahme befand der israelische Premierminister Benjamin Netanyahu den Angriff "
            "als gerechtfertigt und nannte den Auftrag „schnell, kraftvoll und entschieden“.")
    spk = _speaker(_quotes(text, [_entity(text, "Benjamin Netanyahu")]), "kraftvoll")
    assert spk is not None and spk.name == "Benjamin Netanyahu"


def test_the_object_after_a_coordinated_cue_is_not_its_speaker() -> None:
    text = ("Unter dem Motto „Freiheit statt Angst“ zogen die Demonstranten bis zur Paulskirche und "
            "skandierten dabei Parolen wie „Stoppt den Überwachungswahn“ und „Nein zur Vorratsdatenspeicherung“.")
    spk = _speaker(_quotes(text, []), "Nein zur")
    assert spk is not None and spk.text == "die Demonstranten"


# --- shares of people ------------------------------------------------------------------------------

def test_a_share_of_people_is_a_speaker_with_no_id() -> None:
    text = "Die Umfrage zeigt: Rund 37 Prozent der Befragten sind der Auffassung, dass die Demokratie schlecht funktioniere."
    spk = _speaker(_quotes(text, []), "Demokratie")
    assert spk is not None and spk.text == "Rund 37 Prozent der Befragten" and spk.id == ""
    text = "The poll was published on Monday. Nearly 37% of voters said that the economy was their top concern."
    spk = _speaker(_quotes(text, [], "en"), "economy")
    assert spk is not None and spk.text == "Nearly 37% of voters" and spk.id == ""


# --- interviews, object pronouns, English source nouns ---------------------------------------------

def test_an_interview_answer_is_its_speakers() -> None:
    text = ("Was ist denn Ihre Forderung?\n\nDietmar Bartsch: Ich teile ausdrücklich die Ansicht, dass die "
            "Renten steigen müssen.")
    spk = _speaker(_quotes(text, [_entity(text, "Dietmar Bartsch")]), "Renten")
    assert spk is not None and spk.text == "Ich" and spk.name == "Dietmar Bartsch"


def test_a_question_label_names_no_interviewee() -> None:
    text = "Frage: Ich glaube, dass die Renten steigen müssen."
    for q in _quotes(text, []):
        assert q.speaker is None or q.speaker.name != "Frage"


def test_an_object_pronoun_before_the_verb_leaves_the_subject_after_it() -> None:
    text = ("Das Unternehmen presst seine Leute aus. Mir haben Führungskräfte erzählt, sie würden ständig "
            "kontrolliert.")
    for q in _quotes(text, []):
        assert q.speaker is None or q.speaker.text != "Mir"


def test_an_english_source_noun_without_article_is_read_whole() -> None:
    text = "At least 300 people have been killed, according to credible reports."
    spk = _speaker(_quotes(text, [], "en"), "killed")
    assert spk is not None and spk.text == "credible reports"
    text = "Patients should rest for weeks, according to guidance from the Mayo Clinic."
    spk = _speaker(_quotes(text, [], "en"), "rest")
    assert spk is not None and spk.name == "Mayo Clinic"


# --- organisation nouns ---------------------------------------------------------------------------

def test_an_organisation_noun_takes_up_an_unrecognised_organisation_that_spoke() -> None:
    text = ("BERLIN -- The European Space Agency says putting astronauts into hibernation could work. "
            "The agency said Monday that its researchers examined the idea.")
    spk = _speaker(_quotes(text, [], "en"), "researchers examined")
    assert spk is not None and spk.text == "The agency" and spk.name == "European Space Agency"


def test_die_behoerde_is_the_authority_that_spoke_before() -> None:
    text = ("„Wir starten mehr als Raketen“, schrieb die NASA am Montag. Die Behörde geht davon aus, dass "
            "der Dienst im Herbst startet.")
    spk = _speaker(_quotes(text, [_entity(text, "NASA", "ORG")]), "Herbst")
    assert spk is not None and spk.name == "NASA"


# --- a cue inside a relative clause ---------------------------------------------------------------

def test_a_cue_in_a_relative_clause_before_the_main_cue_is_not_the_attribution() -> None:
    text = ("Das Beben erreichte eine Stärke von 5,2. Brian Baptie von der britischen Erdbebenwarte, die die "
            "Stärke des Bebens zunächst mit 5,1 angegeben und später nach oben korrigiert hatte, sagte, dass mit "
            "Beben dieser Größenordnung etwa alle zehn bis 20 Jahre zu rechnen sei.")
    quotes = _quotes(text, [_entity(text, "Brian Baptie")])
    spk = _speaker(quotes, "zu rechnen")
    assert spk is not None and spk.name == "Brian Baptie"
    assert not any(q.text.startswith("sagte") for q in quotes)  # the main cue is no part of the content


def test_a_cue_in_a_relative_clause_after_the_main_cue_keeps_the_main_speaker() -> None:
    text = ("In einer Erklärung, die nach dem Angriff veröffentlicht wurde, rechtfertigte das "
            "Verteidigungsministerium die Aktion als „defensiver Natur“.")
    spk = _speaker(_quotes(text, []), "defensiver")
    assert spk is not None and spk.text == "das Verteidigungsministerium"


def test_the_company_is_not_the_agency_reporting_on_it() -> None:
    text = ("WeWork will cut jobs, Reuters reported on Monday. WeWork is based in New York. "
            "A company spokesperson said in an email that the firm would cooperate.")
    ents = [_entity(text, "Reuters", "ORG"), _entity(text, "New York", "LOC")]
    spk = _speaker(_quotes(text, ents, "en"), "cooperate")
    assert spk is not None and spk.name != "Reuters"


def test_the_company_is_not_a_group_of_sources() -> None:
    text = ("The startup will cut jobs, people familiar with the matter said. "
            "The company said on Monday that it had been contacted by regulators.")
    spk = _speaker(_quotes(text, [], "en"), "contacted")
    assert spk is not None and spk.name != "people familiar with the matter"


# --- edges of a speaker phrase --------------------------------------------------------------------

def test_an_opening_mark_before_a_name_is_not_part_of_the_speaker() -> None:
    text = "Das Gesetz kommt. „Haugen warnt, dass Facebook die Nutzer täuscht."
    spk = _speaker(_quotes(text, [_entity(text, "Haugen")]), "Facebook")
    assert spk is not None and spk.text == "Haugen"


def test_an_adverb_before_the_cue_is_no_speakers_name() -> None:
    text = "One user asked how the two came to Beijing. Another reportedly said: “Bird flu again, what next?”"
    for q in _quotes(text, [], "en"):
        assert q.speaker is None or q.speaker.name != "reportedly"
    text = "The widely quoted expert said that the plan would fail."
    spk = _speaker(_quotes(text, [], "en"), "plan would fail")
    assert spk is not None and spk.text == "The widely quoted expert"


def test_an_unknown_first_name_in_apposition_names_the_surname_said_alone() -> None:
    text = ("Sowers was told the newest presidential hopeful, Deval Patrick, would be stopping by. "
            "“The bonds of civic responsibility are frayed,” Patrick said Tuesday night.")
    ents = [_entity(text, "Patrick"), _entity(text, "Patrick", at=text.index("Patrick") + 3)]
    spk = _speaker(_quotes(text, ents, "en"), "civic")
    assert spk is not None and spk.name == "Deval Patrick" and spk.id == "per:deval-patrick"
    text = ("In his speech, Governor Patrick was cheered. “The bonds are frayed,” Patrick said Tuesday night.")
    ents = [_entity(text, "Patrick"), _entity(text, "Patrick", at=text.index("Patrick") + 3)]
    spk = _speaker(_quotes(text, ents, "en"), "frayed")
    assert spk is not None and spk.name == "Patrick"  # a title is no first name


def test_a_pronoun_for_a_surname_alone_takes_the_full_name_too() -> None:
    text = ("Sowers was told the newest presidential hopeful, Deval Patrick, would be stopping by. "
            "When Patrick walked into the room, everyone turned. “Don’t mind me!” he told them.")
    ents = [_entity(text, "Patrick"), _entity(text, "Patrick", at=text.index("Patrick") + 3)]
    spk = _speaker(_quotes(text, ents, "en"), "mind me")
    assert spk is not None and spk.text == "he" and spk.id == "per:deval-patrick"


def test_a_capitalised_role_opening_an_english_sentence_is_no_part_of_the_name() -> None:
    text = "The game is out. Analyst Mark Quinlan said that sales were strong."
    spk = _speaker(_quotes(text, [], "en"), "sales")
    assert spk is not None and spk.text == "Analyst Mark Quinlan" and spk.id == "per:mark-quinlan"
    text = "Police Commissioner Bill Bratton said that crime fell."
    spk = _speaker(_quotes(text, [], "en"), "crime")
    assert spk is not None and spk.name == "Bill Bratton"
    text = "Prosecutors said the Interior Ministry Office had denied that the files existed."
    for q in _quotes(text, [], "en"):
        assert q.speaker is None or q.speaker.name != "Ministry Office"


def test_a_headline_run_into_a_role_is_no_antecedent() -> None:
    text = "Indictments unsealed as head of prison agency testified before Congress"
    toks = tokenize(text)
    finder = SpeakerFinder(text, toks, [], load_lexicon("en"))
    finder.speaker(0, 4)  # "Indictments unsealed as head", read as the subject of "testified"
    assert all(m.label != "PER" for m in finder.mentions)
