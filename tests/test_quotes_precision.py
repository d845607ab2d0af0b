"""Issue #15 classes 5-6 on sentences written for the purpose: titles, glosses and scare quotes are
not quotes, bios are not speech acts, fragments are not speakers; role nouns and pronouns resolve."""

from __future__ import annotations

import pytest

from newsmill.article import Article, Entity, Speaker
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder
from newsmill.enrich.quotes.lexicon import load_lexicon
from newsmill.enrich.quotes.speakers import SpeakerFinder
from newsmill.enrich.quotes.text import tokenize


def _persons(text: str, names: list[str]) -> list[Entity]:
    out = []
    for name in names:
        start = text.index(name)
        out.append(Entity(start, start + len(name), name, "PER", name, id="PER:" + name.lower()))
    return out


def _quotes(text: str, language: str, names: list[str] | None = None) -> list[tuple[str, str, str | None]]:
    article = Article(text=text, language=language, entities=_persons(text, names or []))
    QuoteFinder()(article, EnrichContext(language=language))
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in article.quotes]


@pytest.mark.parametrize(("text", "language"), [
    ("Renée Zellweger spielt die Hauptrolle in „Judy.“ Der Film startet am Donnerstag.", "de"),
    ("Der Netflix-Film „Marriage Story“ wurde sechsmal nominiert.", "de"),
    ("Die sogenannte „Mietpreisbremse“ gilt seit 2015 in vielen Städten.", "de"),
    ("Scarlett Johansson stars in “Marriage Story,” which opens on Friday.", "en"),
    ("Renée Zellweger won for “Judy.” The film was a hit.", "en"),
    ("The so-called “Brexit dividend” never arrived.", "en"),
    # author bios and portraits: a state verb coordinated with a speech verb
    ("Anna Schmidt ist Redakteurin im Ressort Politik und schreibt über Europa.", "de"),
    ("Der Autor, Jahrgang 1970, lebt in Hamburg und berichtet seit 20 Jahren über Nahost.", "de"),
    ("Jane Doe is a reporter covering technology and writes about startups.", "en"),
    # narrative, not reported speech
    ("Am Abend hätte das Spiel beinahe ein anderes Ende genommen.", "de"),
    ("Eventually, the team won the match in extra time.", "en"),
])
def test_not_quotes(text: str, language: str) -> None:
    assert _quotes(text, language) == []


def test_short_quote_with_a_cue_is_still_speech() -> None:
    found = _quotes("„Danke.“, sagte sie. „Ja“, antwortete Peter Meier.", "de")
    assert [k for k, _, _ in found] == ["direct", "direct"]


@pytest.mark.parametrize(("text", "language", "names", "speaker"), [
    ("Außenministerin Annalena Baerbock traf Olaf Scholz. Die Ministerin sagte, die Lage sei ernst.",
     "de", ["Annalena Baerbock", "Olaf Scholz"], "Annalena Baerbock"),
    ("Der Gouverneur des Bundesstaates, Gabino Cué, sagte, die Lage sei ernst.", "de", ["Gabino Cué"],
     "Gabino Cué"),
    ("„Wir sind bereit“, sagte Innenministerin Nancy Faeser. Sie fügte hinzu, man werde handeln.",
     "de", ["Nancy Faeser"], "Nancy Faeser"),
    ("The minister, Jane Roe, visited Paris. “We will act,” the minister said.", "en", ["Jane Roe"], "Jane Roe"),
    ("John Smith met the press. “It is over,” he said.", "en", ["John Smith"], "John Smith"),
])
def test_role_nouns_and_pronouns_resolve(text: str, language: str, names: list[str], speaker: str) -> None:
    found = _quotes(text, language, names)
    assert found and all(name == speaker for _, _, name in found), found


@pytest.mark.parametrize(("text", "spk", "language", "fragment"), [
    ("Bei den Kindern zeigte sich eine Neigung, die Regeln zu umgehen.", "eine Neigung", "de", True),
    ("According to an official, the talks failed.", "an", "en", True),
    ("Eventually, the company said the talks failed.", "Eventually", "en", True),
    ("Laut einem Bericht der Zeitung sei die Lage ernst.", "einem Bericht", "de", False),
    ("Die Polizei sagte, der Mann sei festgenommen worden.", "Die Polizei", "de", False),
    ("Demnach sei der Mann festgenommen worden.", "Demnach", "de", False),
])
def test_fragments_are_not_speakers(text: str, spk: str, language: str, fragment: bool) -> None:
    lex = load_lexicon(language)
    finder = SpeakerFinder(text, tokenize(text), [], lex)
    start = text.index(spk)
    speaker = Speaker(start, start + len(spk), spk, spk)
    assert finder.fragment(speaker, 0, 0, marked=False) is fragment


def test_a_speaker_inside_the_quote_is_refused() -> None:
    text = "„Gar nicht mehr so privat“ titelte das Blatt."
    finder = SpeakerFinder(text, tokenize(text), [], load_lexicon("de"))
    speaker = Speaker(1, 4, "Gar", "Gar")
    assert finder.fragment(speaker, 0, text.index("“") + 1, marked=True)


@pytest.mark.parametrize(("text", "language", "names", "speaker"), [
    ("Frau Anna Berg traf Herrn Peter Huber. Sie sagte, die Lage sei ernst.", "de",
     ["Anna Berg", "Peter Huber"], "Anna Berg"),
    ("Außenministerin Anna Berg traf Peter Huber. Die Ministerin sagte, die Lage sei ernst.", "de",
     ["Anna Berg", "Peter Huber"], "Anna Berg"),
    ("Ms Jane Roe met Mr John Smith. “We will act,” she said.", "en", ["Jane Roe", "John Smith"], "Jane Roe"),
])
def test_pronouns_skip_people_of_the_other_gender(text: str, language: str, names: list[str], speaker: str) -> None:
    found = _quotes(text, language, names)
    assert found and all(name == speaker for _, _, name in found), found
