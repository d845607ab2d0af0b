"""Gazetteer corrections of model spans: organisations, places, consistency within an article."""

from __future__ import annotations

from newsmill.enrich.entities.gazetteer import apply_orgs, apply_places, combine, propagate
from span_cases import spans as _spans
from span_cases import texts as _texts


def test_known_organisation_overrides_a_place_inside_it() -> None:
    text = 'Die "New York Times" berichtete aus New York.'
    spans = _spans(text, ("New York", "LOC"))  # the first "New York", inside the newspaper's name
    assert _texts(text, apply_orgs(text, spans)) == [("New York Times", "ORG")]


def test_country_names_become_loc_and_missing_ones_are_added() -> None:
    text = "Frankreich und Polen verhandeln in Moskau."
    spans = _spans(text, ("Frankreich", "ORG"))
    assert _texts(text, apply_places(text, spans, "de")) == [
        ("Frankreich", "LOC"), ("Polen", "LOC"), ("Moskau", "LOC")]


def test_surname_of_a_person_is_a_person_elsewhere() -> None:
    text = "Wladimir Putin sprach. Eine Botschaft Putins kam an. Putin reiste ab."
    spans = _spans(text, ("Wladimir Putin", "PER"), ("Putins", "LOC"))
    assert _texts(text, propagate(text, spans, "de")) == [
        ("Wladimir Putin", "PER"), ("Putins", "PER"), ("Putin", "PER")]


def test_a_surname_that_is_a_known_place_keeps_its_label() -> None:
    text = "George Washington lebte hier. Washington ist die Hauptstadt."
    spans = _spans(text, ("George Washington", "PER"))
    spans.append((text.rindex("Washington"), text.rindex("Washington") + len("Washington"), "LOC"))
    assert _texts(text, propagate(text, spans, "de"))[-1] == ("Washington", "LOC")


def test_combine_keeps_offsets_inside_the_text() -> None:
    text = "Kim Jong Un traf Putin in Wladiwostok; Kim sprach mit der Nato."
    spans = _spans(text, ("Kim Jong Un", "PER"), ("Wladiwostok", "LOC"))
    out = combine(text, spans, "de")
    assert all(0 <= s < e <= len(text) for s, e, _ in out)
    assert ("Nato", "ORG") in _texts(text, out)


def test_german_capitalised_adjective_starts_a_name() -> None:
    text = "Ab Sonntag findet das Östliche Wirtschaftsforum statt, Ende Oktober die Neue Zürcher Zeitung."
    out = combine(text, [], "de")
    assert ("Östliche Wirtschaftsforum", "MISC") in _texts(text, out)
    assert ("Neue Zürcher Zeitung", "ORG") in _texts(text, out)  # the organisation list wins
    assert not any(t.startswith("Ende") for t, _ in _texts(text, out))
    assert combine("Ab Sonntag findet das Östliche Wirtschaftsforum statt.", [], "en") == []


def test_of_two_overlapping_surnames_the_longer_wins() -> None:
    text = "Anna Kim traf Un Kim-Jong. Später kam Kim-Jong allein."
    spans = _spans(text, ("Anna Kim", "PER"), ("Un Kim-Jong", "PER"))
    assert _texts(text, propagate(text, spans, "de"))[-1] == ("Kim-Jong", "PER")


def test_a_possessive_surname_is_a_person_elsewhere() -> None:
    text = "Joe Biden spoke. Biden's plan was new."
    spans = _spans(text, ("Joe Biden", "PER"), ("Biden's", "ORG"))
    assert _texts(text, propagate(text, spans, "en"))[-1] == ("Biden's", "PER")
