"""Kinds of words the model mistypes (enrich/entities/kinds.py): nationality words, celestial bodies,
venues, hyphenated names, a place run into a person's name, spans in a script the model cannot read."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.enrich.entities.kinds import has_latin_letter, is_demonym, join_hyphenated
from newsmill.enrich.entities.recognizer import load_model

needs_models = pytest.mark.skipif(load_model("de") is None or load_model("en") is None,
                                  reason="the NER models are not built")


@pytest.mark.parametrize("word", ["Israeli", "Ukrainian", "Korean", "Koreans", "Chinese", "European",
                                  "American", "Mid-American", "Iranian", "Canadian", "Mexican", "Dutch",
                                  # the people of a city, in the plural
                                  "Delhiites", "Londoners", "Bostonians", "Parisians"])
def test_nationality_words_are_demonyms(word: str) -> None:
    assert is_demonym(word, "en")


@pytest.mark.parametrize("word", ["Jordan", "Indiana", "Brian", "Roman", "Julian", "Christian", "Ukraine",
                                  "Sheridan", "american",
                                  # surnames in -ers, -ans: no big city's name before the ending
                                  "Sanders", "Rogers", "Walters", "Evans", "Chalmers", "Londoner"])
def test_places_and_names_are_no_demonyms(word: str) -> None:
    assert not is_demonym(word, "en")


def test_hyphen_joins_two_parts_of_one_person() -> None:
    text = "said Eva-Marie Persson and neo-Nazis"
    spans = [(5, 8, "PER"), (9, 22, "PER"), (27, 30, "PER"), (31, 36, "ORG")]
    assert join_hyphenated(text, spans) == [(5, 22, "PER"), (27, 30, "PER"), (31, 36, "ORG")]


def test_latin_letters() -> None:
    assert has_latin_letter("Düsseldorf") and has_latin_letter("Łódź") and has_latin_letter("Nguyễn")
    assert not has_latin_letter("Очень") and not has_latin_letter("기사입력")


def _entities(text: str, language: str) -> dict[str, str]:
    return {e.text: e.label for e in newsmill.annotate(text, language=language).entities}


@needs_models
def test_kinds_in_english_text() -> None:
    text = ("Former U.S. ambassador to Ukraine Marie Yovanovitch testified. The band played the Ryman "
            "Auditorium in Nashville on a North American tour. Jupiter's icy moon Europa may hold water.")
    ents = _entities(text, "en")
    assert ents.get("Marie Yovanovitch") == "PER" and ents.get("Ukraine") == "LOC"
    assert ents.get("Ryman Auditorium") == "LOC"
    assert ents.get("North American", "MISC") == "MISC"
    assert ents.get("Europa") == "LOC"


@needs_models
def test_venues_are_places_and_people_named_like_them_stay_people() -> None:
    text = ("June 20 – Phoenix, AZ @ Ak-Chin Pavilion\nJune 23 – Toronto, ON @ Budweiser Stage\n"
            "The band played the Jiffy Lube Pavilion. Mike Stage greeted them.")
    ents = _entities(text, "en")
    assert ents.get("Ak-Chin Pavilion") == "LOC" and ents.get("Budweiser Stage") == "LOC"
    assert ents.get("Jiffy Lube Pavilion") == "LOC"
    assert ents.get("Mike Stage") == "PER"


@needs_models
def test_celestial_bodies_are_not_geocoded() -> None:
    article = newsmill.annotate("Jupiter's icy moon Europa may hold water, NASA said.", language="en")
    assert not {p.text for p in article.places} & {"Jupiter", "Europa"}


@needs_models
def test_a_cyrillic_word_is_no_english_name() -> None:
    assert not [t for t in _entities("Очень хорошо, said Boris Johnson in London.", "en") if not has_latin_letter(t)]


@needs_models
def test_teams_companies_and_products_by_the_words_around() -> None:
    sports = _entities("Eastern Michigan rolled past Northern Illinois, 45-17, on Tuesday night. "
                       "Eastern Michigan also became bowl-eligible. Wales beat Hungary 2-0.", "en")
    assert sports.get("Eastern Michigan") == "ORG" and sports.get("Northern Illinois") == "ORG"
    assert sports.get("Wales") == "LOC" and sports.get("Hungary") == "LOC"  # countries acting stay places
    business = _entities("Ascom, a global solutions provider, works with Dräger, a global producer of medical "
                         "technology. Dräger's systems alarm nurses.", "en")
    assert business.get("Dräger") == "ORG"
    product = _entities("The tech giant's game streaming service, Stadia, launched Tuesday. Stadia can stream "
                        "games to phones. A California drug company joined.", "en")
    assert product.get("Stadia", "MISC") == "MISC" and product.get("California") == "LOC"


@needs_models
def test_an_english_name_ends_before_its_possessive_and_the_sentence() -> None:
    text = ("The officers checked on him. He hanged himself in his Manhattan cell. Prosecutors said so. "
            "The Wild’s 4-1 win came late. Fans cheered.")
    ents = _entities(text, "en")
    assert "Manhattan cell" not in ents and "Wild’s 4-1" not in ents


@needs_models
def test_calendar_words_and_sentence_adverbs_are_no_names() -> None:
    ents = _entities("They met. Boeing sold 30 jets Wednesday. Historically, the town flooded. Theresa May "
                     "met June Carter. May said no.", "en")
    assert "30 jets Wednesday" not in ents and "30 jets" not in ents and "Historically" not in ents
    assert ents.get("Theresa May") == "PER" and ents.get("June Carter") == "PER"


def test_calendar_trim() -> None:
    from newsmill.enrich.entities.kinds import trim_calendar

    text = "at the Budweiser Stage July 9 and the Ak-Chin Pavilion October 9, July"

    def span(name: str) -> tuple[int, int]:
        return text.index(name), text.index(name) + len(name)

    assert trim_calendar(text, *span("Budweiser Stage July"), {}, ()) == span("Budweiser Stage")
    assert trim_calendar(text, *span("Ak-Chin Pavilion October"), {}, ()) == span("Ak-Chin Pavilion")
    assert trim_calendar(text, len(text) - 4, len(text), {}, ()) is None


def test_an_institution_runs_on_to_its_head_word() -> None:
    from newsmill.enrich.entities.kinds import extend_to_head

    text = "The Santa Fe Animal Shelter said so."
    assert extend_to_head(text, [(4, 19, "LOC")], "en") == [(4, 27, "ORG")]
    assert extend_to_head(text, [(4, 12, "LOC")], "de") == [(4, 12, "LOC")]


def test_an_abbreviation_of_lower_case_words_is_a_term() -> None:
    from newsmill.enrich.entities.kinds import lowercase_term

    text = "three FIRE (financial independence, retire early) groups; the World Health Organization (WHO)"
    assert lowercase_term(text, 6, 10)
    who = text.index("WHO")
    assert not lowercase_term(text, who, who + 3)
    gloss = "Klimaziele (NDCs: nationally determined contributions)"
    assert lowercase_term(gloss, 12, 16)
    text = "the rules of general data protection regulation (GDPR) and of the European Union (EU)"
    gdpr, eu = text.index("GDPR"), text.index("EU)")
    assert lowercase_term(text, gdpr, gdpr + 4) and not lowercase_term(text, eu, eu + 2)


@needs_models
def test_a_role_alone_is_no_name() -> None:
    ents = _entities("Legere will hand over the reins to COO and president Mike Sievert. He met the team. "
                     "T-Mobile grew. It was fine.", "en")
    assert "COO" not in ents


def test_two_people_side_by_side_are_two_names() -> None:
    from newsmill.enrich import annotate

    text = ("Der Reporter Claas Relotius hat den Spiegel getäuscht. Geyer prüfte die Texte. Am 3. Dezember "
            "konfrontieren Fichtner und Geyer Claas Relotius mit den Vorwürfen. Claas Relotius sollte verreisen. "
            "Geyer und Fichtner schrieben.")
    people = {e.name for e in annotate(text, language="de").entities if e.label == "PER"}
    assert people == {"Claas Relotius", "Geyer", "Fichtner"}
    # a first name before a full name given elsewhere is one person: "Anna Maria Keller"
    one = "Anna Maria Keller kam. Später sprach Maria Keller. Anna lachte."
    assert "Anna Maria Keller" in {e.name for e in annotate(one, language="de").entities}


@pytest.mark.parametrize("word", ["Österreicherinnen", "Österreicher", "Italiener", "Spanier", "Kanadier",
                                  "Chinesen", "Mexikaner", "Brasilianer", "Ukrainerin", "Franzosen", "Deutschen",
                                  "Berlinerinnen"])
def test_german_nationality_words_are_demonyms(word: str) -> None:
    assert is_demonym(word, "de")


@pytest.mark.parametrize("word", ["Polen", "Schweden", "Österreich", "Müller", "Wagner", "Becker", "Steiner",
                                  "Bayer", "Berner"])
def test_german_places_and_surnames_are_no_demonyms(word: str) -> None:
    assert not is_demonym(word, "de")


@needs_models
def test_a_german_demonym_is_no_organisation_but_a_surname_after_a_first_name_stays_a_person() -> None:
    first = newsmill.annotate("Die Österreicherinnen und Österreicher sind ein trinkfreudiges Volk.", language="de")
    assert not [e for e in first.entities if e.label in ("PER", "ORG", "LOC")]
    second = newsmill.annotate("Der Unternehmer Hans Schweizer eröffnet in Zürich eine Filiale.", language="de")
    assert ("Hans Schweizer", "PER") in {(e.text, e.label) for e in second.entities}


@needs_models
def test_a_registered_brand_is_the_company_and_what_follows_its_product() -> None:
    text = "Add a 16-ounce Don Victor® Orange Blossom Comb Honey Globe Jar. Then add a jar of Don Victor® Honey."
    ents = _entities(text, "en")
    assert ents.get("Don Victor") == "ORG"
    assert ents.get("Orange Blossom Comb Honey Globe Jar", "MISC") == "MISC"


@needs_models
def test_a_german_title_after_a_kind_of_work_is_no_organisation() -> None:
    text = "Der Dokumentarfilm Tatort Erde lief am Montag im ZDF, sagte Anna Schmidt in Berlin."
    ents = _entities(text, "de")
    assert ents.get("Tatort Erde", "MISC") == "MISC"
    assert ents.get("ZDF") == "ORG" and ents.get("Anna Schmidt") == "PER"


@needs_models
def test_groups_and_characters_by_the_noun_before() -> None:
    en = _entities("Budjana is the songwriter of the band Gigi. Eberhard Faber is a brand of pencils. "
                   "John Smith is a company spokesman.", "en")
    assert en.get("Gigi") == "ORG" and en.get("Eberhard Faber") == "ORG" and en.get("John Smith") == "PER"
    de = _entities("Was hat Sie an der Rolle der Amenza fasziniert? Der Landkreis Harburg und Essen Nord.", "de")
    assert de.get("Amenza") == "PER" and "Landkreis" not in de and de.get("Essen Nord") == "LOC"


@needs_models
def test_a_newspaper_or_airline_named_by_its_town_is_the_organisation() -> None:
    ents = _entities("Buser tells The Hollywood Reporter that the Denver Post agreed. Fly Qatar Airways.", "en")
    assert ents.get("Hollywood Reporter") == "ORG" and ents.get("Denver Post") == "ORG"
    assert ents.get("Qatar Airways") == "ORG" and "Hollywood" not in ents


@needs_models
def test_a_product_noun_before_one_mention_does_not_make_a_named_person_a_product() -> None:
    text = ("Apple CEO Tim Cook spoke on Tuesday. Apple is now in every Fortune 500 company, and eight out of "
            "ten companies are writing custom iOS apps, Cook told Benioff. Cook said he was proud.")
    cooks = {(e.label, e.name) for e in newsmill.annotate(text, language="en").entities if e.text == "Cook"}
    assert cooks == {("PER", "Tim Cook")}
