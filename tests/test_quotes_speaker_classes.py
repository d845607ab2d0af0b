"""Classes of speaker errors (#13.2, #15.6), one test each, written by hand: a pronoun takes up the
subject of the sentence before it, a head noun after a modifier is the speaker phrase, and a name
the article shows to be an organisation gets an organisation id."""

from __future__ import annotations

from newsmill.article import Article, Entity, Quote, Speaker
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder, QuoteOptions
from newsmill.enrich.quotes.lexicon import load_lexicon
from newsmill.enrich.quotes.speaker_ids import link_speakers
from quote_cases import entity as _entity
from quote_cases import quotes_of
from quote_cases import speaker_of as _speaker


def _quotes(text: str, entities: list[Entity], language: str = "en") -> list[Quote]:
    return quotes_of(text, entities, language)


def test_a_pronoun_takes_up_the_subject_of_the_sentence_before_not_a_name_in_passing() -> None:
    text = ('"We were not good enough," coach Tom Baker said.\n\n'
            "Rovers defenseman Mark Hollis, who joked about Carter's sticks, could see the frustration.\n\n"
            '"He is used to scoring goals," he said.')
    ents = [_entity(text, "Tom Baker"), _entity(text, "Mark Hollis"), _entity(text, "Carter")]
    spk = _speaker(_quotes(text, ents), "scoring goals")
    assert spk is not None and (spk.text, spk.name) == ("he", "Mark Hollis")


def test_the_subject_of_the_sentence_before_must_agree_in_gender() -> None:
    text = ("Sarah Miller met Carter on Monday.\n\n"
            '"It went well," he said.')
    ents = [_entity(text, "Sarah Miller"), _entity(text, "Carter")]
    spk = _speaker(_quotes(text, ents), "went well")
    assert spk is not None and spk.name == "Carter"


def test_a_head_noun_after_a_modifier_is_the_speaker_phrase_and_names_no_one() -> None:
    text = 'Health bosses said the hospital was "under severe pressure" this winter.'
    spk = _speaker(_quotes(text, []), "pressure")
    assert spk is not None and spk.text == "Health bosses" and spk.id == ""


def test_a_company_the_recogniser_took_for_a_person_gets_an_organisation_id() -> None:
    text = ("Trading on the bond platform MarketAxess rose in March.\n\n"
            "MarketAxess said that volumes would keep growing this year.")
    ents = [_entity(text, "MarketAxess", "PER"), _entity(text, "MarketAxess", "PER", at=50)]
    spk = _speaker(_quotes(text, ents), "volumes")
    assert spk is not None and spk.id == "org:marketaxess"
    # without the company noun beside it, the same name stays a person's
    plain = text.replace("the bond platform ", "")
    ents = [_entity(plain, "MarketAxess", "PER"), _entity(plain, "MarketAxess", "PER", at=20)]
    spk = _speaker(_quotes(plain, ents), "volumes")
    assert spk is not None and spk.id == "per:marketaxess"


def test_a_name_with_a_first_name_stays_a_person_beside_a_company_noun() -> None:
    lex = load_lexicon("en")
    text = "The startup Anna Keller founded grew. Anna Keller said sales rose."
    quotes = [Quote(40, 60, "sales rose", "indirect", Speaker(38, 49, "Anna Keller", "Anna Keller"))]
    link_speakers(quotes, [], lex, text)
    assert quotes[0].speaker is not None and quotes[0].speaker.id == "per:anna-keller"


def test_an_unrecognised_organisation_with_an_org_head_or_a_source_phrase_gets_an_org_id() -> None:
    lex = load_lexicon("en")
    quotes = [Quote(0, 10, "x", "indirect", Speaker(20, 40, "Harbor Boat Club", "Harbor Boat Club")),
              Quote(50, 60, "y", "indirect", Speaker(70, 100, "a report in the Argus Leader", "Argus Leader")),
              Quote(110, 120, "z", "indirect", Speaker(130, 140, "Dana Rourke", "Dana Rourke"))]
    link_speakers(quotes, [], lex, "")
    assert [q.speaker.id for q in quotes if q.speaker] == ["org:harbor-boat-club", "org:argus-leader", "per:dana-rourke"]


def test_a_surname_the_recogniser_took_for_an_organisation_is_the_person_named_in_full() -> None:
    lex = load_lexicon("en")
    person = Entity(0, 18, "James Van Der Beek", "PER", "James Van Der Beek", "per:james-van-der-beek")
    org = Entity(40, 52, "Van Der Beek", "ORG", "Van Der Beek", "org:van-der-beek")
    quotes = [Quote(60, 70, "x", "direct", Speaker(40, 52, "Van Der Beek", "Van Der Beek"))]
    link_speakers(quotes, [person, org], lex, "")
    assert quotes[0].speaker is not None and quotes[0].speaker.id == "per:james-van-der-beek"


def test_it_and_they_take_up_the_organisation_or_group_that_is_the_subject_before() -> None:
    text = ("Google said that it would appeal the fine.\n\n"
            "Larkspur Foods reported results on Tuesday. It said in a statement that sales rose.\n\n"
            "Police arrested two men. They said the men were armed.")
    ents = [_entity(text, "Google", "ORG"), _entity(text, "Larkspur Foods", "ORG")]
    quotes = _quotes(text, ents)
    it, they = _speaker(quotes, "sales rose"), _speaker(quotes, "were armed")
    assert it is not None and (it.text, it.name) == ("It", "Larkspur Foods")
    assert they is not None and (they.text, they.name) == ("They", "Police")  # not Google, who spoke last


def test_a_surname_alone_is_the_full_name_the_article_writes_with_a_first_name() -> None:
    text = 'Dr. Anthony Rendell spoke on the radio. "Masks work," Rendell said. He added that vaccines were safe.'
    quotes = _quotes(text, [_entity(text, "Anthony", "PER")])  # the recogniser found only the first name
    said, added = _speaker(quotes, "Masks"), _speaker(quotes, "vaccines")
    assert said is not None and (said.name, said.id) == ("Anthony Rendell", "per:anthony-rendell")
    assert added is not None and added.name == "Anthony Rendell"


def test_a_person_named_by_their_age_is_the_person_before_and_gets_no_id_of_their_own() -> None:
    text = "Jose Marinho was named coach of the club.\n\nThe 56-year-old said: \"I am excited to be joining a club.\""
    spk = _speaker(_quotes(text, [_entity(text, "Jose Marinho")]), "excited")
    assert spk is not None and (spk.text, spk.name) == ("The 56-year-old", "Jose Marinho")
    de = "Der Rentner Karl Huber wurde verletzt. Der 79-Jährige sagte, er habe nichts gesehen. Die 56-jährige Anwältin sagte, sie sei zufrieden."
    quotes = _quotes(de, [_entity(de, "Karl Huber")], "de")
    old, lawyer = _speaker(quotes, "nichts gesehen"), _speaker(quotes, "zufrieden")
    assert old is not None and old.name == "Karl Huber"
    assert lawyer is not None and lawyer.text == "Die 56-jährige Anwältin" and lawyer.id == ""


def test_an_organisation_kind_noun_is_the_organisation_but_a_capitalised_one_is_a_name() -> None:
    text = ("Tesla cut prices again. The carmaker said demand remained strong.\n\n"
            "The house will be a police station, the Interior Ministry said in a statement.")
    quotes = _quotes(text, [_entity(text, "Tesla", "ORG")])
    maker, ministry = _speaker(quotes, "demand"), _speaker(quotes, "police station")
    assert maker is not None and maker.name == "Tesla"
    assert ministry is not None and ministry.name == "Interior Ministry"


def test_a_spokesman_for_an_organisation_speaks_for_it_a_lawyer_for_a_person_does_not() -> None:
    text = ("Orvella unveiled a new phone. A spokesman for Orvella said the phone would ship in May.\n\n"
            "A lawyer for John Smith said the charges were false.")
    quotes = _quotes(text, [_entity(text, "Orvella", "ORG"), _entity(text, "Orvella", "ORG", at=20),
                            _entity(text, "John Smith")])
    spokesman, lawyer = _speaker(quotes, "ship in May"), _speaker(quotes, "charges")
    assert spokesman is not None and (spokesman.text, spokesman.name, spokesman.id) == \
        ("A spokesman for Orvella", "Orvella", "org:orvella")
    assert lawyer is not None and lawyer.text == "A lawyer for John Smith" and lawyer.id == ""


def test_a_kind_noun_is_the_one_organisation_the_sentence_before_names() -> None:
    text = ("Orvella sold more phones. Orvella hired staff. Orvella grew.\n\n"
            "The report was published by Amnesty International. The rights group said that prisoners were tortured.")
    ents = [_entity(text, "Orvella", "ORG", at=at) for at in (0, 20, 40)] + [_entity(text, "Amnesty International", "ORG")]
    spk = _speaker(_quotes(text, ents), "tortured")
    assert spk is not None and spk.name == "Amnesty International"


def test_a_role_noun_alone_gets_no_id_and_a_role_in_apposition_is_no_company() -> None:
    lex = load_lexicon("en")
    text = '"We stay," said Lisa Monroe, the company\'s chief executive. The CEO added that profits would rise.'
    quotes = [Quote(0, 10, "x", "direct", Speaker(16, 27, "Lisa Monroe", "Lisa Monroe")),
              Quote(80, 100, "y", "indirect", Speaker(60, 67, "The CEO", "CEO"))]
    link_speakers(quotes, [], lex, text)
    assert [q.speaker.id for q in quotes if q.speaker] == ["per:lisa-monroe", ""]


def test_a_role_noun_is_not_the_last_speaker_when_others_were_named_since() -> None:
    text = ('"We are proud of the team," said Nora Vance.\n\n'
            'Zelensky thanked Biden. "We will win," the Ukrainian president said.\n\n'
            'Zelensky arrived in Kyiv. "We will rebuild," the Ukrainian president said.')
    ents = [_entity(text, "Nora Vance"), _entity(text, "Zelensky"), _entity(text, "Biden"),
            _entity(text, "Zelensky", at=text.index("arrived") - 10)]
    quotes = _quotes(text, ents)
    two, one = _speaker(quotes, "will win"), _speaker(quotes, "rebuild")
    assert two is not None and two.name != "Nora Vance"  # two people named since: no guess
    assert one is not None and one.name == "Zelensky"  # one person named since: that one


def test_a_subject_apposition_before_said_leaves_the_clause_after_it_as_content() -> None:
    for text, content in (("Dale Ortiz, a spokesman, said the mill would stay open.", "the mill would stay open"),
                          ("The spokesman, Dale Ortiz, said the mill would stay open.", "the mill would stay open"),
                          ("Dale Ortiz, 45, said the mill needed money.", "the mill needed money"),
                          ("Dale Ortiz, speaking at a rally, said the mill closed.", "the mill closed")):
        quotes = _quotes(text, [_entity(text, "Dale Ortiz")])
        assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [(content, "Dale Ortiz")], text
    # a participle with its phrase after the noun is no finite verb: the frame is inverted
    study = _quotes("The vaccine works, said the researchers involved in the study.", [])
    assert [(q.text, q.speaker.text if q.speaker else None) for q in study] == [("The vaccine works", "the researchers")]
    # an inverted frame after the content is still the speaker
    inverted = _quotes("The mill would stay open, said the spokesman.", [])
    assert [q.speaker.text if q.speaker else None for q in inverted] == ["the spokesman"]


def test_a_possessive_name_before_a_role_is_someone_else_s_role() -> None:
    text = ('Mayor Ron Ibsen spoke. "We need more police," Ibsen said.\n\n'
            '"I am tired," Ibsen\'s wife said.\n\n'
            "Austria's interior minister said the house would be a police station.")
    quotes = _quotes(text, [_entity(text, "Ron Ibsen"), _entity(text, "Ibsen", at=30), _entity(text, "Ibsen", at=60)])
    wife, minister = _speaker(quotes, "tired"), _speaker(quotes, "police station")
    assert wife is not None and wife.text == "Ibsen's wife" and wife.name != "Ron Ibsen" and wife.id == ""
    assert minister is not None and minister.name == "Austria's interior minister"  # not the wife either


def test_a_plural_pronoun_for_a_group_is_no_antecedent_for_a_person_noun() -> None:
    text = ("Der Trainer Hansi Flick war zufrieden. Die Polizei nahm zwei Männer fest. "
            "Sie erklärten, die Männer seien bewaffnet gewesen. „Wir haben gut gespielt“, sagte der 55-Jährige.")
    quotes = _quotes(text, [_entity(text, "Hansi Flick")], "de")
    group, coach = _speaker(quotes, "bewaffnet"), _speaker(quotes, "gespielt")
    assert group is not None and group.name == "Polizei"
    assert coach is not None and coach.name == "Hansi Flick"


def test_a_role_noun_with_no_one_in_that_role_is_the_one_person_just_named() -> None:
    text = ('James Vander Holt is expecting a child. "Hearing the heartbeat was great," '
            'the "Pose" actor previously said on the show.\n\n'
            "Merz met the minister. The minister said the talks were good.")
    quotes = _quotes(text, [_entity(text, "James Vander Holt"), _entity(text, "Merz")])
    actor, minister = _speaker(quotes, "heartbeat"), _speaker(quotes, "talks")
    assert actor is not None and (actor.text, actor.name) == ('the "Pose" actor', "James Vander Holt")
    assert minister is not None and minister.name == "minister"  # the role was used for someone unnamed
    de = 'Thomas Mair rief "Britain First". Der Richter sagte zu Mair, er sei ein Terrorist.'
    judge = _speaker(_quotes(de, [_entity(de, "Thomas Mair"), _entity(de, "Mair", at=40, canonical="Thomas Mair")], "de"),
                     "Terrorist")
    assert judge is not None and judge.name == "Richter"  # the judge speaks to Mair: someone else


def test_a_publication_with_its_article_or_a_company_group_named_in_full_gets_an_org_id() -> None:
    lex = load_lexicon("en")
    label_group = Entity(0, 23, "Big Machine Label Group", "ORG", "Big Machine Label Group", "org:big-machine-label-group")
    reporter = Entity(60, 78, "Hollywood Reporter", "PER", "Hollywood Reporter", "per:hollywood-reporter")
    quotes = [Quote(30, 40, "x", "indirect", Speaker(40, 51, "Big Machine", "Big Machine")),
              Quote(90, 99, "y", "indirect", Speaker(56, 78, "The Hollywood Reporter", "Hollywood Reporter"))]
    link_speakers(quotes, [label_group, reporter], lex, "")
    assert [q.speaker.id for q in quotes if q.speaker] == ["org:big-machine", "org:hollywood-reporter"]


def test_a_gendered_pronoun_after_a_name_tells_its_gender_for_later_pronouns() -> None:
    # "Taylor" and "Jordan" are given to women and men alike: only the pronouns after them tell
    text = ('Taylor Brandt said she would release the album. Jordan Miles said he agreed. '
            '"It is the best one," she said.')
    ents = [_entity(text, "Taylor Brandt"), _entity(text, "Jordan Miles")]
    spk = _speaker(_quotes(text, ents), "best one")
    assert spk is not None and spk.name == "Taylor Brandt"


def test_the_attribution_after_a_quoted_question_is_its_speaker() -> None:
    text = ('"We will win," judge Ann Okafor said.\n\n'
            "Hearing the news, Ally Brooke offered her spot to James.\n\n"
            "“Can I give it to James?” Brooke tearfully asked before apologizing.")
    ents = [_entity(text, "Ann Okafor"), _entity(text, "Ally Brooke"), _entity(text, "Brooke", at=100, canonical="Ally Brooke")]
    spk = _speaker(_quotes(text, ents), "Can I give")
    assert spk is not None and (spk.text, spk.name) == ("Brooke", "Ally Brooke")
    # an exclamation followed by a sentence of its own keeps that sentence apart
    article = Article(text="“Stop!” The crowd went silent.", language="en")
    QuoteFinder(QuoteOptions(unattributed=True))(article, EnrichContext(language="en"))  # no speaker
    loud = article.quotes
    assert [q.text for q in loud] == ["“Stop!”"]


def test_a_german_pronoun_takes_up_an_organisation_subject_of_its_grammatical_gender() -> None:
    text = ("Die Polizei nahm zwei Männer fest. Sie teilte mit, die Männer seien bewaffnet gewesen.\n\n"
            "Die Ministerin Anna Roth besuchte den Verband. Sie sagte, die Lage sei ernst.")
    quotes = _quotes(text, [_entity(text, "Anna Roth")], "de")
    police, minister = _speaker(quotes, "bewaffnet"), _speaker(quotes, "ernst")
    assert police is not None and (police.text, police.name) == ("Sie", "Polizei")
    assert minister is not None and minister.name == "Anna Roth"  # a person subject stays the person


def test_one_of_a_group_is_its_own_speaker_not_the_group_before() -> None:
    text = 'Residents said they were scared. "It was like a war zone," one woman said.'
    spk = _speaker(_quotes(text, []), "war zone")
    assert spk is not None and spk.text == "one woman" and spk.id == ""


def test_an_abbreviated_role_is_a_role_not_an_organisation() -> None:
    text = ("Prime Minister Bob Jonsson visited the hospital. The PM said the service was \"in good hands\".\n\n"
            "Labour MP Dawn Butler criticised the plan. The MP said it was \"a disgrace\".")
    quotes = _quotes(text, [_entity(text, "Bob Jonsson"), _entity(text, "Dawn Butler")])
    pm, mp = _speaker(quotes, "good hands"), _speaker(quotes, "disgrace")
    assert pm is not None and (pm.name, pm.id) == ("Bob Jonsson", "per:bob-jonsson")
    assert mp is not None and (mp.name, mp.id) == ("Dawn Butler", "per:dawn-butler")
