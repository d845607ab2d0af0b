"""Times classes of session 7 (issue 15.7, the lead's list of leftovers): an "-ed" verb right before
a weekday, "vor Jahresfrist", a weekday that is a surname, "im Vorjahr" after a year in passing,
an anaphoric day inside a quotation. Hand-made sentences, none copied from a benchmark text."""

from __future__ import annotations

import datetime as dt

import pytest

from newsmill.enrich.times.tagger import TimeOptions, tag_times

PUB = dt.date(2023, 11, 15)  # a Wednesday


def _values(text: str, language: str = "de", published: dt.date = PUB) -> dict[str, str]:
    return {t.text: t.value for t in tag_times(text, language, published)}


def _dated(text: str, language: str = "de") -> dict[str, str]:
    return {k: v for k, v in _values(text, language).items() if v[:1].isdigit()}


@pytest.mark.parametrize(("text", "value"), [
    ("Croatia, Germany and Austria all qualified Saturday.", "2023-11-11"),
    ("Both teams advanced Sunday after penalties.", "2023-11-12"),
    # a plan keeps its day ahead; an adjective before a noun says nothing of tense
    ("A march planned Saturday will go ahead.", "2023-11-18"),
    ("Qualified workers arrive Saturday.", "2023-11-18"),
])
def test_an_ed_word_right_before_a_weekday_is_its_verb(text: str, value: str) -> None:
    got = _values(text, "en")
    assert next(v for k, v in got.items() if k.endswith("day")) == value, got


def test_vor_jahresfrist_is_a_year_before_the_publication() -> None:
    assert _values("Die Kasse hatte schon vor Jahresfrist Probleme.")["vor Jahresfrist"] == "2022"
    # even after an older year of the story: "vor" counts from now
    assert _values("2005 wurde das Werk gebaut. Schon vor Jahresfrist gab es Probleme.")["vor Jahresfrist"] == "2022"
    # "binnen Jahresfrist" in news is a span from now, no date
    assert not _dated("Er muss die Summe binnen Jahresfrist zurückzahlen.")
    # narrative (WikiWarsDE TIMEX2) gives it the story's year
    narrative = tag_times("Im Jahr 255 v. Chr. bauten sie binnen Jahresfrist 200 Schiffe.", "de", None,
                          TimeOptions(style="narrative"))
    assert {t.text: t.value for t in narrative}.get("Jahresfrist") == "BC0255"


@pytest.mark.parametrize("text", [
    "Auf der Liste standen Namen wie Jerzy Montag und andere Abgeordnete.",
    "Das Amt bestätigte dem Bundestagsabgeordneten Montag auf Anfrage, dass er betroffen war.",
    "Die Autorin Susanne Freitag las aus ihrem Buch.",
])
def test_a_weekday_after_a_capitalised_word_is_a_surname(text: str) -> None:
    assert not _dated(text)


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Stand Montag gab es 14 Fälle.", "Montag", "2023-11-13"),
    ("Die Polizei teilte Montag mit, der Mann sei gefasst.", "Montag", "2023-11-13"),
    ("Bis Freitag bleibt es warm.", "Freitag", "2023-11-17"),
])
def test_a_bare_weekday_after_a_verb_or_a_time_word_stays(text: str, span: str, value: str) -> None:
    got = _values(text)
    assert got.get(span) == value or got.get("Bis " + span) == value, got


@pytest.mark.parametrize(("text", "value"), [
    # the year of the story written in passing ("für 2022") is what "im Vorjahr" counts from
    ("Der Konzern meldete für 2022 einen Gewinn. Im Vorjahr hatte er Verluste gemacht.", "2021"),
    # not a year still to come: then the publication year
    ("Der Ausstoß soll bis 2030 halbiert werden. Im Vorjahr stieg er noch.", "2022"),
])
def test_im_vorjahr_counts_from_the_year_written_last(text: str, value: str) -> None:
    assert _values(text)["Vorjahr"] == value


def test_an_anaphoric_day_in_a_quotation_is_the_speakers() -> None:
    text = ("The service launched last Tuesday. Mayer spoke on Monday at a conference.\n\n"
            "\u201cWe have never had demand like we saw that day,\u201d Mayer said.")
    assert not [k for k in _dated(text, "en") if k.endswith("that day")]
    # outside a quotation the story's day stays
    got = _dated("The plant opened on May 5, 2001. On that day the mayor spoke.", "en")
    assert [v for k, v in got.items() if k.endswith("that day")] == ["2001-05-05"]


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Mit 17 zog er nach Berlin. Heute ist er ein erfolgreicher Schauspieler."),
    ("de", "Das Werk war lange Marktführer.\n\nHeute ist der Konzern ein Schatten seiner selbst."),
    ("en", "The electric van may only be a concept today."),
    ("en", "The rocket is in service today, unlike the others."),
])
def test_heute_in_a_present_copula_clause_is_nowadays(language: str, text: str) -> None:
    assert not _dated(text, language)


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Heute ist Weltfrauentag."),
    ("de", "Heute ist es soweit: Die Brücke wird eröffnet."),
    ("de", "Die Zeitung zitiert heute den Satz „Berlin ist pleite“."),
    ("en", "Today is the deadline for applications."),
    ("en", "Today is Election Day in Ohio."),
])
def test_heute_naming_the_day_stays_a_date(language: str, text: str) -> None:
    assert list(_dated(text, language).values()) == ["2023-11-15"]


@pytest.mark.parametrize("text", [
    "Nissan showed the sedan in Tokyo. Taking on a sleeker look, the 2020 Sentra gets a new grille.",
    "Apple updated the MacBook line. The 2016 Air is slower.",
])
def test_a_model_year_in_a_text_about_products_is_no_year(text: str) -> None:
    assert not _dated(text, "en")


@pytest.mark.parametrize("text", [
    "Toyota sponsors the 2020 Olympics in Tokyo.",
    "The 2019 American Music Awards were held; Toyota paid.",
    "Taking on a sleeker look, the 2020 Sentra gets a new grille.",  # no maker named: left a year
])
def test_a_year_before_an_event_or_without_products_stays(text: str) -> None:
    assert list(_dated(text, "en").values())[:1] in (["2020"], ["2019"])


@pytest.mark.parametrize("text", [
    "Das Kriegsdrama 1917 gewann drei Preise.",
    "Die Buslinie 2020 fährt ab sofort öfter.",
    "Er trug die Startnummer 2012.",
    "Die Bundesstraße B 2020 ist gesperrt.",
])
def test_a_number_after_a_numbered_thing_is_no_year(text: str) -> None:
    assert not _dated(text)


def test_a_year_after_an_event_noun_stays() -> None:
    assert _dated("Die Bundestagswahl 2021 brachte einen Wechsel.") == {"2021": "2021"}


def test_a_neuter_ordinal_reads_the_half_year() -> None:
    assert _dated("Unser erstes Halbjahr 2019 war teuer.") == {"erstes Halbjahr 2019": "2019-H1"}


@pytest.mark.parametrize("text", [
    "Angewandte Chemie: Presseinfo 46/2023",
    "Die Drucksache 19/2023 liegt dem Ausschuss vor.",
])
def test_a_running_number_of_the_year_is_no_year(text: str) -> None:
    assert not _dated(text)


def test_year_pairs_stay() -> None:
    assert _dated("Die Saison 2022/2023 lief gut.") == {"2022": "2022", "2023": "2023"}


@pytest.mark.parametrize("text", [
    "Da die Luft sehr kalt ist, kann die Effizienz im Winter spürbar sinken.",
    "Bei den Heizkosten muss im Winter ebenso gespart werden wie beim Strom.",
    "Der Druck auf Wildtiere hat sich erhöht, was gerade im Winter große Folgen haben kann.",
])
def test_a_season_with_only_a_present_modal_is_generic(text: str) -> None:
    assert not _dated(text)


def test_a_season_with_a_future_stays() -> None:
    assert _dated("Im Sommer wird die Brücke gebaut.") == {"Sommer": "2024-SU"}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The office is at 2020 Main Street."),
    ("en", "She works at 1600 Pennsylvania Avenue."),
    ("en", "Call 1-800-555-2020 or 02-751-1500 for tickets."),
    ("de", "Das Büro liegt in der Hauptstraße 2020."),
])
def test_house_and_phone_numbers_are_no_years(language: str, text: str) -> None:
    assert not _dated(text, language)


def test_a_year_before_a_street_name_with_a_cue_stays() -> None:
    assert _dated("In 2008 Wall Street collapsed.", "en") == {"2008": "2008"}
    assert "1939-1945" in _dated("From 1939-1945 war raged.", "en")


@pytest.mark.parametrize(("language", "text", "same"), [
    ("en", "The attack happened on Friday (Nov. 3). On the same day, two others were hurt.", "On the same day"),
    ("de", "Am Freitag (3. November) brannte es. Am selben Tag kam die Feuerwehr.", "Am selben Tag"),
])
def test_a_date_apposed_to_a_weekday_says_which_one(language: str, text: str, same: str) -> None:
    got = _values(text, language)
    assert got[same] == "2023-11-03"
    assert [v for k, v in got.items() if k.lower().endswith(("friday", "freitag"))] == ["2023-11-03"]


def test_im_jahr_davor() -> None:
    assert _values("Letztes Jahr stieg die Zahl. Im Jahr davor sank sie.")["Jahr davor"] == "2021"


@pytest.mark.parametrize(("language", "text", "span", "value"), [
    # an anaphoric year counts from the story's year, also one paragraph up; not from the publication
    ("de", "Das Unternehmen wurde 2015 gegründet.\n\nIm Jahr zuvor hatte der Gründer das Studium abgebrochen.",
     "Jahr zuvor", "2014"),
    ("de", "Die Brücke wurde 2009 gesperrt.\n\nEin Jahr später begann der Neubau.", "Ein Jahr später", "2010"),
    ("en", "The company was founded in 2015.\n\nThe year before, its founder had left college.",
     "The year before", "2014"),
    # "im Vorjahr" in a new paragraph is the publication's last year ("Im Vorjahr machte es …")
    ("de", "Das Unternehmen wurde 2015 gegründet.\n\nIm Vorjahr machte es 5 Millionen Umsatz.", "Vorjahr", "2022"),
])
def test_anaphoric_years_count_from_the_story(language: str, text: str, span: str, value: str) -> None:
    assert _values(text, language)[span] == value


def test_vortag_of_a_month_has_no_date() -> None:
    assert _dated("Im März 2021 wurde der Mann festgenommen. Am Vortag hatte er eine Bank überfallen.") \
        == {"März 2021": "2021-03"}
    # a day the story gave keeps its eve
    got = _dated("Im März 2021 wurde er gefasst. Am 3. März hatte er eine Bank überfallen. Am Vortag war er in Köln.")
    assert got["Vortag"] == "2021-03-02"


@pytest.mark.parametrize(("language", "text"), [
    ("de", "Wo, wann und wie feiert man heute das Stollenfest?"),
    ("en", "London has been fighting dirty air for centuries and continues to suffer smog today."),
])
def test_heute_with_a_generic_subject_or_continuing_state_is_nowadays(language: str, text: str) -> None:
    assert not _dated(text, language)


def test_a_holiday_asked_of_in_general_has_no_date() -> None:
    assert not _dated("Können Sie sich Weihnachten ohne einen Christstollen vorstellen?")
    # a question about this year's, with its own cue, stays
    assert _dated("Wird Weihnachten in diesem Jahr abgesagt?")["Weihnachten"] == "2023-12-25"
    assert _dated("Weihnachten steht vor der Tür.") == {"Weihnachten": "2023-12-25"}
