"""Entities are things: one id for one person, organisation or place in every article."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.article import entity_id

pytest.importorskip("spacy")


def test_entity_ids_fold_case_accents_and_punctuation() -> None:
    assert entity_id("PER", "Wladimir Putin") == "per:wladimir-putin"
    assert entity_id("ORG", "New York Times") == entity_id("ORG", "new york  times")
    assert entity_id("MISC", "Östliche Wirtschaftsforum") == "misc:ostliche-wirtschaftsforum"


def test_one_person_has_one_id_across_articles_and_mentions() -> None:
    first = newsmill.annotate("Wladimir Putin reiste am Montag nach Wladiwostok. Putin sprach dort lange.",
                              language="de")
    second = newsmill.annotate("Der Kreml teilte mit, Wladimir Putin werde Kim Jong Un empfangen.", language="de")
    ids = {e.id for a in (first, second) for e in a.entities if "Putin" in e.text}
    assert ids == {"per:wladimir-putin"}


def test_geocoded_places_share_the_gazetteer_id_across_languages() -> None:
    de = newsmill.annotate("Die Regierung in Russland kündigte neue Gespräche an.", language="de")
    en = newsmill.annotate("The government in Russia announced new talks.", language="en")
    assert {p.id for p in de.places} == {p.id for p in en.places} == {"geo:2017370"}
    loc = [e for e in de.entities if e.text == "Russland"]
    assert loc and loc[0].id == "geo:2017370"


def test_speakers_carry_the_id_of_the_entity_they_name() -> None:
    article = newsmill.annotate('"Wir werden nicht nachgeben", sagte Bundeskanzler Olaf Scholz am Montag.',
                                language="de")
    speakers = [q.speaker for q in article.quotes if q.speaker is not None]
    assert speakers and all(s.id == "per:olaf-scholz" for s in speakers)


def test_a_surname_alone_and_a_genitive_share_the_full_names_id() -> None:
    first = newsmill.annotate("Putins Sprecher schwieg. Später trat Wladimir Putin selbst vor die Presse.", language="de")
    second = newsmill.annotate("Putin's plan was read out. Vladimir Putin said nothing; Putin left.", language="en")
    assert {e.id for e in first.entities if "Putin" in e.text} == {"per:wladimir-putin"}
    assert {e.id for e in second.entities if "Putin" in e.text} == {"per:vladimir-putin"}


def test_a_country_in_its_genitive_has_the_id_of_the_country() -> None:
    article = newsmill.annotate("Die Wirtschaft Chinas wächst, sagte der Minister in Peking.", language="de")
    china = [e for e in article.entities if e.text == "Chinas"]
    assert china and china[0].name == "China" and china[0].id == "geo:1814991"


def test_an_acronym_the_article_spells_out_is_that_organisation() -> None:
    from newsmill.article import Entity
    from newsmill.enrich.entities.canonical import spell_out_acronyms

    ents = [Entity(0, 25, "World Health Organization", "ORG", "World Health Organization"),
            Entity(40, 43, "WHO", "ORG", "WHO"), Entity(50, 54, "NASA", "ORG", "NASA"),
            Entity(60, 62, "EU", "ORG", "EU"), Entity(70, 72, "EU", "LOC", "EU")]
    spell_out_acronyms(ents)
    assert [e.name for e in ents] == ["World Health Organization", "World Health Organization", "NASA", "EU", "EU"]
    german = [Entity(0, 17, "Europäischen Union", "ORG", "Europäische Union"), Entity(30, 32, "EU", "ORG", "EU")]
    spell_out_acronyms(german)
    assert german[1].name == "Europäische Union"
