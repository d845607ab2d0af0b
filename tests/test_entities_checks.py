"""Entity span checks (issue 15, classes 1, 3, 4): each case stands for a class of error."""

from __future__ import annotations

import pytest

import newsmill
from newsmill.enrich.entities.checks import check_spans
from newsmill.enrich.entities.recognizer import load_model

pytestmark = pytest.mark.skipif(load_model("de") is None or load_model("en") is None,
                                reason="the NER models are not built")


def _check(text: str, mention: str, label: str, language: str = "de") -> list[tuple[str, str]]:
    start = text.index(mention)
    return [(text[s:e], lab) for s, e, lab in check_spans(text, [(start, start + len(mention), label)], language)]


@pytest.mark.parametrize(("text", "mention", "expected"), [
    # a byline cue before a first name
    ("Von Daniel Weinmann. Der Rat tagte.", "Von Daniel Weinmann", "Daniel Weinmann"),
    ("By Jane Doe, staff writer", "By Jane Doe", "Jane Doe"),
    # role nouns, also compounds and inflected ones
    ("Verwaltungsmann Carsten Froß lobte die Arbeit.", "Verwaltungsmann Carsten Froß", "Carsten Froß"),
    ("Ein Sprecher des Präsidenten Macron sagte", "Präsidenten Macron", "Macron"),
    ("Bundeskanzlerin Angela Merkel sprach.", "Bundeskanzlerin Angela Merkel", "Angela Merkel"),
    # a dateline town before a full name
    ("Preetz Friedhelm Funkel sagte am Montag", "Preetz Friedhelm Funkel", "Friedhelm Funkel"),
    # a first name stays ("Hermann" ends like a role noun), and so does a name inside a sentence
    ("Mit Assan Abdullah Khan sprach er.", "Assan Abdullah Khan", "Assan Abdullah Khan"),
    ("Hermann Hesse schrieb.", "Hermann Hesse", "Hermann Hesse"),
    ("Von der Leyen sagte", "Von der Leyen", "Von der Leyen"),
])
def test_leading_words_that_are_no_part_of_a_name_are_trimmed(text: str, mention: str, expected: str) -> None:
    language = "en" if text.startswith("By") else "de"
    assert _check(text, mention, "PER", language) == [(expected, "PER")]


@pytest.mark.parametrize(("text", "mention", "label"), [
    # abstract-noun suffixes no name list knows
    ("Die Pädophilie ist ein Verbrechen.", "Pädophilie", "PER"),
    ("Nach einem Waffenstillstand kehrte Ruhe ein.", "Waffenstillstand", "LOC"),
    ("Die Digitalisierung schreitet voran.", "Digitalisierung", "LOC"),
    ("Ihre Zuverlässigkeit lobte er.", "Zuverlässigkeit", "PER"),
    # a common word after an article
    ("Wir wandern in den Bergen.", "Bergen", "LOC"),
    ("Das Essen war kalt.", "Essen", "LOC"),
])
def test_german_common_nouns_are_not_entities(text: str, mention: str, label: str) -> None:
    assert _check(text, mention, label) == []


@pytest.mark.parametrize(("text", "mention", "label"), [
    ("Sie lebt in Bergen.", "Bergen", "LOC"),  # no article: the town
    ("Er fuhr nach Essen.", "Essen", "LOC"),
    ("Die Schweiz stimmte ab.", "Schweiz", "LOC"),  # countries take articles
    ("Sie kamen aus den Niederlanden.", "Niederlanden", "LOC"),
    ("Die Bundesregierung beschloss", "Bundesregierung", "ORG"),  # organisations are not checked so
    ("Er spielt in der Bundesliga.", "Bundesliga", "MISC"),  # nor other names
    ("Marie sagte", "Marie", "PER"),
])
def test_names_survive_the_common_noun_check(text: str, mention: str, label: str) -> None:
    assert _check(text, mention, label) == [(mention, label)]


@pytest.mark.parametrize(("text", "mention", "label", "expected"), [
    ("Sie postete auf Instagram ein Foto.", "Instagram", "LOC", "ORG"),
    ("Er schrieb es auf TikTok.", "TikTok", "PER", "ORG"),
    ("Das Haus in der Bahnhofstraße brannte.", "Bahnhofstraße", "PER", "LOC"),
    ("He lives on Main Street.", "Main Street", "ORG", "LOC"),
    ("Der Film „Joker“ lief gut.", "Joker", "PER", "MISC"),
    ("The film “Marriage Story,” was praised.", "Marriage Story", "PER", "MISC"),
    ("BERLIN (dpa) – Die Regierung tagte.", "BERLIN", "PER", "LOC"),
    ("Er fährt einen Porsche.", "Porsche", "PER", "MISC"),
])
def test_wrong_types_are_corrected(text: str, mention: str, label: str, expected: str) -> None:
    language = "en" if text.startswith(("He ", "The ", "She ")) else "de"
    assert _check(text, mention, label, language) == [(mention, expected)]


def test_a_surname_that_names_a_small_town_is_the_person() -> None:
    article = newsmill.annotate("Michael Preetz kritisierte den Verein. Preetz sagte, das sei falsch.", language="de")
    preetz = [e for e in article.entities if e.text == "Preetz"]
    assert preetz and all(e.label == "PER" and e.name == "Michael Preetz" for e in preetz)
    assert article.places == []


@pytest.mark.parametrize(("text", "mention", "label", "language", "expected"), [
    # the town after a club's prefix names the club: one organisation, no place
    ("Das Duell gegen den BSV Bern ist gross.", "Bern", "LOC", "de", "BSV Bern"),
    ("Der 1. FC Köln gewann am Samstag.", "Köln", "LOC", "de", "1. FC Köln"),
    ("Eintracht Frankfurt verlor knapp.", "Frankfurt", "LOC", "de", "Eintracht Frankfurt"),
    ("AC Milan beat Inter on Sunday.", "Milan", "LOC", "en", "AC Milan"),
    # the model's place span that already holds the prefix
    ("Das Spiel gegen den FC Augsfeld endete 2:1.", "FC Augsfeld", "LOC", "de", "FC Augsfeld"),
])
def test_a_town_after_a_club_prefix_is_the_club(text: str, mention: str, label: str, language: str,
                                                expected: str) -> None:
    from newsmill.enrich.entities.checks import club_names

    start = text.index(mention)
    spans = club_names(text, [(start, start + len(mention), label)], language)
    assert [(text[s:e], lab) for s, e, lab in spans] == [(expected, "ORG")]


def test_a_club_prefix_tagged_alone_joins_the_club_and_leaves_no_place() -> None:
    from newsmill.enrich.entities.checks import club_names

    text = "Der BSV Bern spielt."
    spans = club_names(text, [(4, 7, "ORG"), (8, 12, "LOC")], "de")
    assert [(text[s:e], lab) for s, e, lab in spans] == [("BSV Bern", "ORG")]
    article = newsmill.annotate("Die Vorfreude auf das Duell gegen den BSV Bern ist gross. Bern liegt an der Aare.",
                                language="de")
    assert ("BSV Bern", "ORG") in [(e.text, e.label) for e in article.entities]
    assert [p.start for p in article.places] == [article.text.index("Bern liegt")]


def test_a_capitalised_word_before_a_place_is_no_club_prefix_unless_listed() -> None:
    from newsmill.enrich.entities.checks import club_names

    text = "Er flog nach Bern."
    spans = club_names(text, [(13, 17, "LOC")], "de")
    assert spans == [(13, 17, "LOC")]


@pytest.mark.parametrize(("text", "mention"), [
    # a product or brand tagged as a person: one word, no name list knows it, nobody named in full
    ("Konkret will Covestro zunehmend Enzyme nutzen.", "Covestro"),
    ("Crocs sind mitten unter uns, an den Füßen der Leute.", "Crocs"),
    # a verb at a sentence start
    ("Andere müssen auch warten. Bin bei o2.", "Bin"),
])
def test_a_one_word_person_nobody_is_named_is_no_person(text: str, mention: str) -> None:
    assert _check(text, mention, "PER") == [(mention, "MISC")]


def test_a_one_word_person_named_in_full_or_listed_stays() -> None:
    text = "Ewald Ferlemann pflegt Vögel. Ferlemanns Station hilft."
    spans = check_spans(text, [(0, 15, "PER"), (30, 40, "PER")], "de")
    assert [(text[s:e], lab) for s, e, lab in spans] == [("Ewald Ferlemann", "PER"), ("Ferlemanns", "PER")]
    assert _check("Später sagte Merkel, das sei gut.", "Merkel", "PER") == [("Merkel", "PER")]
    # a "full name" of which no name list knows a word names nobody ("Windows XP")
    text = "Plattformen: Windows XP, Windows 10."
    spans = check_spans(text, [(13, 23, "PER"), (25, 32, "PER")], "de")
    assert (text[25:32], "MISC") in [(text[s:e], lab) for s, e, lab in spans]


def test_a_one_word_person_after_a_role_word_stays() -> None:
    assert _check("Dazu sagte Präsident Macron nichts.", "Macron", "PER") == [("Macron", "PER")]
    assert _check("On Monday, President Macron said so.", "Macron", "PER", "en") == [("Macron", "PER")]


@pytest.mark.parametrize(("text", "language", "absent"), [
    ("Energy prices are the Achilles heel of the government, Rishi Sunak said on Monday.", "en", "Achilles"),
    ("The deal could open a Pandora's box for Microsoft, said Jane Doe of Goldman Sachs.", "en", "Pandora"),
    ("Mit dem Gesetz öffnet die Regierung die Büchse der Pandora, sagte Olaf Scholz.", "de", "Pandora"),
])
def test_a_figure_of_myth_in_an_idiom_names_nobody(text: str, language: str, absent: str) -> None:
    entities = newsmill.annotate(text, language=language).entities
    assert absent not in {e.text for e in entities}
    assert any(e.label == "PER" for e in entities)  # the person of the sentence stays


def test_one_word_in_capitals_is_no_person() -> None:
    text = "The ASCN team met in Geneva on Monday. John Smith said ASCN had warned of the risk."
    labels = {e.label for e in newsmill.annotate(text, language="en").entities if e.text == "ASCN"}
    assert "PER" not in labels
    # a text that writes known people in capitals keeps them: a court's "THOMAS and ALITO joined"
    court = "SCALIA filed a dissent, in which THOMAS and ALITO joined."
    spans = [(court.index(w), court.index(w) + len(w), "PER") for w in ("SCALIA", "THOMAS", "ALITO")]
    assert [label for *_, label in check_spans(court, spans, "en")] == ["PER", "PER", "PER"]
    assert check_spans(court, spans[2:], "en") == [(*spans[2][:2], "ORG")]  # alone, nothing says so


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("Governor John Bel Edwards spoke in Baton Rouge.", "Governor John Bel Edwards", "John Bel Edwards"),
    ("Attorney General Merrick Garland said so.", "General Merrick Garland", "Merrick Garland"),
    ("Rep. Alexandria Ocasio-Cortez disagreed.", "Rep. Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez"),
])
def test_a_title_before_a_full_name_is_trimmed_though_a_name_list_knows_it(text: str, mention: str,
                                                                          expected: str) -> None:
    assert _check(text, mention, "PER", "en") == [(expected, "PER")]


def test_a_name_cut_before_its_of_part_runs_on_to_the_abbreviation_it_spells() -> None:
    entities = newsmill.annotate("The Federal Bureau of Investigation (FBI) said on Monday.", language="en").entities
    assert ("Federal Bureau of Investigation", "ORG") in {(e.text, e.label) for e in entities}


def test_an_abbreviation_of_a_lower_case_expansion_is_a_term() -> None:
    text = "Es kommt auf die Beats per minute (BPM) der Lieder an, sagte Peter Müller."
    assert "BPM" not in {e.text for e in newsmill.annotate(text, language="de").entities if e.label == "ORG"}


def test_a_name_with_its_stock_ticker_is_the_company_and_the_ticker_no_name() -> None:
    text = "Morgan Stanley (NYSE: MS) advised the buyer, and Ford (NYSE: F) shares fell on Monday."
    found = {(e.text, e.label) for e in newsmill.annotate(text, language="en").entities}
    assert ("Morgan Stanley", "ORG") in found and ("Ford", "ORG") in found
    assert not {t for t, _ in found} & {"MS", "F"}


def test_a_legal_form_inside_the_name_makes_it_a_company_in_every_mention() -> None:
    text = "Eberhard Faber GmbH makes pencils. Eberhard Faber was sold in 1987, the board said."
    labels = {e.label for e in newsmill.annotate(text, language="en").entities if e.text.startswith("Eberhard")}
    assert labels == {"ORG"}


def test_a_person_named_institution_is_an_organisation() -> None:
    text = "The Robert C. Byrd National Aerospace Education Center opened in 1992."
    assert _check(text, "Robert C. Byrd National Aerospace Education Center", "PER", "en") == [
        ("Robert C. Byrd National Aerospace Education Center", "ORG")]


@pytest.mark.parametrize(("text", "mention", "language"), [
    ("Der Verlag Carlsen Comics brachte den Band heraus.", "Carlsen Comics", "de"),
    ("Sie flog mit Jet Airways nach Delhi.", "Jet Airways", "de"),
])
def test_a_company_word_after_a_persons_name_makes_the_company(text: str, mention: str, language: str) -> None:
    assert _check(text, mention, "PER", language) == [(mention, "ORG")]


@pytest.mark.parametrize(("text", "mention", "label"), [
    # bands, studios and firms named like people or places end with a company word (en org_heads)
    ("The Doobie Brothers will unite with former frontman Michael McDonald.", "Doobie Brothers", "PER"),
    ("The game comes from indie developer Tequila Works in Madrid.", "Tequila Works", "PER"),
    ("The lights were made by Peter Koros Design for the festival.", "Peter Koros Design", "PER"),
    ("Fortnite maker Epic Games sued the company.", "Epic Games", "LOC"),
])
def test_a_company_word_ends_an_english_organisation(text: str, mention: str, label: str) -> None:
    assert _check(text, mention, label, "en") == [(mention, "ORG")]


def test_a_club_is_named_by_its_town_and_suffix_and_the_score_is_no_part_of_it() -> None:
    text = "Stoke City beat Northampton Town 2-1. Fans flew in from Mexico City."
    found = {(e.text, e.label) for e in newsmill.annotate(text, language="en").entities}
    assert {("Stoke City", "ORG"), ("Northampton Town", "ORG"), ("Mexico City", "LOC")} <= found


@pytest.mark.parametrize(("text", "mention", "expected"), [
    # the next sentence after a letter with a period, and a bracket or colon: no name across them
    ("Switzerland won Group D. The day before, Portugal won.", "D. The day", []),
    ("Finland (Group J): Zero appearances", "J): Zero", []),
    # initials and a short last given name stay
    ("Jane A. Smith and Malcolm A Smith met Tran An.", "Malcolm A Smith", [("Malcolm A Smith", "PER")]),
    ("Jane A. Smith and Malcolm A Smith met Tran An.", "Tran An", [("Tran An", "PER")]),
])
def test_a_person_ends_where_the_next_sentence_begins(text: str, mention: str, expected: list[tuple[str, str]]) -> None:
    assert _check(text, mention, "PER", "en") == expected


@pytest.mark.parametrize(("text", "mention", "label", "language"), [
    ("Sanders (AP) — The Senate voted on Tuesday.", "Sanders", "PER", "en"),
    ("Winter, 12. März (dpa/lno) – Der Rat tagte.", "Winter", "PER", "de"),
])
def test_a_name_before_an_agencys_credit_opening_a_line_is_a_dateline(text: str, mention: str, label: str,
                                                                      language: str) -> None:
    assert _check(text, mention, label, language) == [(mention, "LOC")]


def test_a_party_in_brackets_is_no_agency_credit() -> None:
    assert _check("Olaf Scholz (SPD) sagte am Montag, er sei zufrieden.", "Olaf Scholz", "PER") == [("Olaf Scholz", "PER")]


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("Die Stadt erkaufte sich 1681 bei Kaiser Leopold I. das Stadtrecht.", "Kaiser Leopold I", "Leopold I"),
    ("Damals dankte Kaiser Wilhelm II. ab.", "Kaiser Wilhelm II", "Wilhelm II"),
])
def test_a_rulers_title_before_a_name_is_trimmed(text: str, mention: str, expected: str) -> None:
    assert _check(text, mention, "PER") == [(expected, "PER")]


def test_a_platform_in_any_casing_is_an_organisation() -> None:
    assert _check("Er kündigte es auf Tiktok und Youtube an.", "Tiktok", "LOC") == [("Tiktok", "ORG")]


def test_nouns_joined_by_hyphens_are_no_organisation_but_states_are_places() -> None:
    text = "Den größten Zuwachs erreichte die Luft-Wasser-Wärmepumpe in Mecklenburg-Vorpommern."
    found = {(e.text, e.label) for e in newsmill.annotate(text, language="de").entities}
    assert found == {("Mecklenburg-Vorpommern", "LOC")}


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("CBS Sports NFL Insider Jason La Canfora has reported it.", "Jason La", "Jason La Canfora"),
    ("Die Präsidentin Ursula von der Leyen sagte, sie sei zufrieden.", "Ursula von der", "Ursula von der Leyen"),
])
def test_a_person_cut_at_a_surnames_particle_runs_on_to_the_surname(text: str, mention: str, expected: str) -> None:
    language = "de" if "Präsidentin" in text else "en"
    assert _check(text, mention, "PER", language) == [(expected, "PER")]


@pytest.mark.parametrize(("text", "mention", "label"), [
    ("The plague killed a couple after they ate an infected Marmot.", "Marmot", "MISC"),
    ("She bought a Tesla.", "Tesla", "MISC"),
    ("It was a Trump rally.", "Trump", "PER"),        # a name before a noun: the person's rally
    ("He spoke to Smith and a colleague.", "Smith", "PER"),
    ("The list has not a Tom, Dick or Harry on it.", "Tom", "PER"),  # names in a row
])
def test_a_one_word_person_after_an_indefinite_article_is_a_thing(text: str, mention: str, label: str) -> None:
    assert _check(text, mention, "PER", "en") == [(mention, label)]


@pytest.mark.parametrize(("text", "mention", "label", "expected"), [
    ("With the installation Starry Night, the duo lights the canal.", "Starry", "PER", "MISC"),
    ("The band played its albums Toulouse Street and Minute By Minute.", "Toulouse Street", "LOC", "MISC"),
    ("In the film Tom Hanks plays a pilot.", "Tom Hanks", "PER", "PER"),  # a full name after the noun
    ("The film starred Tom Hanks.", "Tom Hanks", "PER", "PER"),
])
def test_a_name_after_a_kind_of_work_is_its_title(text: str, mention: str, label: str, expected: str) -> None:
    assert _check(text, mention, label, "en") == [(mention, expected)]


def test_an_organisation_runs_on_to_the_company_word_after_it() -> None:
    found = {(e.text, e.label) for e in newsmill.annotate("By then, LG Electronics had 3 GW of output.", language="en").entities}
    assert found == {("LG Electronics", "ORG")}


@pytest.mark.parametrize(("text", "mention", "expected"), [
    ("He made an unscheduled trip to Walter Reed hospital on Saturday.", "Walter Reed", "LOC"),
    ("Walter Reed said the hospital was full.", "Walter Reed", "PER"),
])
def test_a_person_before_a_building_noun_names_the_building(text: str, mention: str, expected: str) -> None:
    assert _check(text, mention, "PER", "en") == [(mention, expected)]
