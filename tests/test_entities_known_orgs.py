"""Well-known companies (``known_orgs.txt.gz``) the model missed or typed as a person or place."""

from __future__ import annotations

from newsmill.enrich.entities.gazetteer import combine
from newsmill.enrich.entities.known_orgs import apply_known_orgs, known_orgs
from span_cases import spans as _spans
from span_cases import texts as _texts


def test_a_missed_company_is_added() -> None:
    text = "Der Chemiekonzern BASF und Citigroup meldeten Gewinne."
    assert _texts(text, apply_known_orgs(text, [], "de")) == [("BASF", "ORG"), ("Citigroup", "ORG")]


def test_a_part_of_a_longer_name_gives_way_to_the_whole() -> None:
    text = "Bei General Motors wird gestreikt."
    assert _texts(text, apply_known_orgs(text, _spans(text, ("General", "MISC")), "de")) == [
        ("General Motors", "ORG")]


def test_a_genitive_is_part_of_the_mention_but_a_compound_is_no_mention() -> None:
    text = "Nvidias Umsatz stieg, sagte der BASF-Chef."
    assert _texts(text, apply_known_orgs(text, [], "de")) == [("Nvidias", "ORG")]


def test_a_common_word_is_relabelled_but_never_added() -> None:
    text = "Apple verklagt Apple."
    spans = [(0, 5, "PER")]
    assert _texts(text, apply_known_orgs(text, spans, "de")) == [("Apple", "ORG")]
    assert apply_known_orgs("Ein apple und die Allianz.", [], "de") == []


def test_a_first_name_stays_a_person_and_a_town_stays_a_place() -> None:
    text = "Dell traf Toyota."
    spans = _spans(text, ("Dell", "PER"), ("Toyota", "LOC"))
    assert _texts(text, apply_known_orgs(text, spans, "de")) == [("Dell", "PER"), ("Toyota", "LOC")]
    spans = _spans(text, ("Dell", "MISC"), ("Toyota", "MISC"))
    assert _texts(text, apply_known_orgs(text, spans, "de")) == [("Dell", "ORG"), ("Toyota", "ORG")]


def test_the_article_s_person_outweighs_the_list() -> None:
    text = "Werner von Siemens lebte in Berlin. Siemens erfand den Dynamo."
    start = text.rindex("Siemens")
    spans = [*_spans(text, ("Werner von Siemens", "PER")), (start, start + len("Siemens"), "PER")]
    assert _texts(text, apply_known_orgs(text, spans, "de"))[-1] == ("Siemens", "ORG")
    assert _texts(text, combine(text, spans, "de"))[-1] == ("Siemens", "PER")


def test_a_german_common_noun_is_never_added_unseen_but_a_brand_s_eponym_is() -> None:
    allows = {name: a for bucket in known_orgs().values() for name, a in bucket}
    assert len(allows) > 1000
    assert all(set(a) <= set("APLM") for a in allows.values())
    # "die Allianz", "die Linde", "der Henkel": words with a plural of their own
    assert not [n for n in ("Allianz", "Linde", "Henkel", "Puma", "Bayer") if "A" in allows.get(n, "")]
    # "der Volkswagen, die Volkswagen": Wiktionary's noun is the brand's car
    assert "A" in allows["Volkswagen"]


def test_an_english_possessive_stays_outside_the_span() -> None:
    text = "Nvidia's chips and Citigroup’s bankers."
    assert _texts(text, apply_known_orgs(text, [], "en")) == [("Nvidia", "ORG"), ("Citigroup", "ORG")]
