"""Speaker error classes of the sixth session (#13.2, #15.6), each found on tuning material and
written here by hand: "wonach" stands for the phrase it attaches to, compound role nouns take up the
person named before, fragments are no speakers, a surname alone is the full name given earlier."""

from __future__ import annotations

from newsmill.article import Article, Entity, Quote, Speaker
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder


def _quotes(text: str, entities: list[Entity], language: str = "de") -> list[Quote]:
    article = Article(text=text, language=language, entities=sorted(entities, key=lambda e: e.start))
    QuoteFinder()(article, EnrichContext(language=language))
    return article.quotes


def _entity(text: str, name: str, label: str = "PER", at: int = 0) -> Entity:
    start = text.index(name, at)
    return Entity(start, start + len(name), name, label, name,  # type: ignore[arg-type]
                  f"{label.lower()[:3]}:{name.lower().replace(' ', '-')}")


def _speaker(quotes: list[Quote], contains: str) -> Speaker | None:
    hit = next((q for q in quotes if contains in q.text), None)
    assert hit is not None, [q.text for q in quotes]
    return hit.speaker


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
