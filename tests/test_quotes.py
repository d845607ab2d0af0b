"""QuoteFinder: German and English patterns, speakers through pronouns and role nouns, bad input."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmill.article import Article, Entity, Quote
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder, QuoteOptions
from newsmill.enrich.quotes.lexicon import load_lexicon
from newsmill.enrich.quotes.marks import find_marked
from newsmill.enrich.quotes.speakers import SpeakerFinder
from newsmill.enrich.quotes.text import tokenize

# Generous bound in CPU seconds (not wall time, which a loaded machine stretches); articles take ~1 ms.
SLOW_TEXT_S = 10.0


def _quotes(text: str, language: str, entities: list[Entity] | None = None,
            options: QuoteOptions | None = None) -> tuple[list[Quote], list[str]]:
    article = Article(text=text, language=language, entities=entities or [])
    context = EnrichContext(language=language)
    QuoteFinder(options)(article, context)
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
        for span in (q.speaker, q.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return article.quotes, context.warnings


def _one(text: str, language: str, kind: str, contains: str, speaker: str | None, cue: str | None) -> Quote:
    # every kind the finder can emit, speech acts without content included (off by default)
    quotes, _ = _quotes(text, language, options=QuoteOptions(reported=True, fragments=True))
    hits = [q for q in quotes if contains in q.text and q.kind == kind]
    assert hits, f"no {kind} quote with {contains!r} in {[(q.kind, q.text) for q in quotes]}"
    q = hits[0]
    if speaker is not None:
        assert q.speaker is not None and speaker in q.speaker.text, q.speaker
    if cue is not None:
        assert q.cue is not None and cue in q.cue.text, q.cue
    return q


ENGLISH = [
    ("“We will not back down,” said Prime Minister Jane Smith on Tuesday.", "direct", "back down", "Jane Smith", "said"),
    ("The spokesman said the company would appeal the ruling.", "indirect", "would appeal", "spokesman", "said"),
    ("According to the police, three people were injured.", "indirect", "three people", "police", "According to"),
    ("John Miller, a senior analyst at the bank, said that rates would rise again.", "indirect", "rates would rise",
     "John Miller", "said"),
    ('"It was a mistake," he told reporters.', "direct", "mistake", "he", "told"),
    ("She added: “This is only the beginning.”", "direct", "only the beginning", "She", "added"),
    ("Officials warned that the storm could hit the coast by Friday.", "indirect", "the storm", "Officials", "warned"),
    ("The minister's remarks were 'unacceptable', the opposition leader said.", "mixed", "unacceptable",
     "opposition leader", "said"),
    ("Tom Jones said he was delighted.", "indirect", "delighted", "Tom Jones", "said"),
    ("The Guardian reported that the talks had collapsed.", "indirect", "talks had collapsed", "Guardian", "reported"),
    ("“We are ready,” Smith said. “The team has worked hard.”", "direct", "worked hard", "Smith", None),
    ("As the mayor explained, the bridge will stay closed.", "indirect", "bridge will stay", "mayor", "explained"),
    ("Prices will rise next year, according to the central bank.", "indirect", "Prices will rise", "central bank",
     "according to"),
    ("In a statement, the company denied any wrongdoing.", "reported", "denied any wrongdoing", "company", "denied"),
    ("“This is a disaster,” she told the BBC on Monday.", "direct", "disaster", "she", "told"),
]

GERMAN = [
    ("„Wir werden nicht nachgeben“, sagte die Ministerin am Montag.", "direct", "nicht nachgeben", "Ministerin", "sagte"),
    ("Die Betreiberfirma teilte mit, dass das Kraftwerk am Sonntag wieder Strom liefern werde.", "indirect",
     "dass das Kraftwerk", "Betreiberfirma", "teilte"),
    ("Die Lage sei ernst, erklärte der Bürgermeister.", "indirect", "Lage sei ernst", "Bürgermeister", "erklärte"),
    ("Laut Polizei wurden drei Menschen verletzt.", "indirect", "drei Menschen", "Polizei", "Laut"),
    ("Nach Angaben der Feuerwehr brach das Feuer im Keller aus.", "indirect", "brach das Feuer", "Feuerwehr", "Nach"),
    ("Der Sturm habe große Schäden verursacht, so ein Sprecher des Landkreises.", "indirect", "große Schäden",
     "Sprecher", "so"),
    ("Er sagte: „Ich bin der Präsident.“", "direct", "Präsident", "Er", "sagte"),
    ("Wie die Zeitung berichtete, soll der Vertrag bereits unterschrieben sein.", "indirect", "Vertrag",
     "Zeitung", "berichtete"),
    ("Die Opposition kritisierte die Pläne der Regierung scharf.", "reported", "Pläne", "Opposition", "kritisierte"),
]


@pytest.mark.parametrize(("text", "kind", "contains", "speaker", "cue"), ENGLISH)
def test_english_patterns(text: str, kind: str, contains: str, speaker: str, cue: str | None) -> None:
    _one(text, "en", kind, contains, speaker, cue)


@pytest.mark.parametrize(("text", "kind", "contains", "speaker", "cue"), GERMAN)
def test_german_patterns(text: str, kind: str, contains: str, speaker: str, cue: str | None) -> None:
    _one(text, "de", kind, contains, speaker, cue)


@pytest.mark.parametrize(("text", "language", "content", "cue"), [
    ("Macron said the two countries would deepen their cooperation, according to a statement from his office.",
     "en", "the two countries would deepen their cooperation", "said"),
    ("Prices will rise again next year, according to a report by the central bank.", "en",
     "Prices will rise again next year", "according to"),
    ("Die Lage sei ernst, laut einem Sprecher des Ministeriums.", "de", "Die Lage sei ernst", "laut"),
])
def test_trailing_attribution_is_not_part_of_the_content(text: str, language: str, content: str, cue: str) -> None:
    quotes, _ = _quotes(text, language)
    assert [(q.text, q.cue.text if q.cue else None) for q in quotes] == [(content, cue)]


def test_direct_span_includes_marks_and_indirect_excludes_final_stop() -> None:
    quotes, _ = _quotes("„Das ist ein guter Tag für uns alle“, sagte sie. Er sagte, das sei falsch.", "de")
    direct = [q for q in quotes if q.kind == "direct"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert direct and direct[0].text.startswith("„") and direct[0].text.endswith("“")
    assert indirect and indirect[0].text == "das sei falsch"


def test_pronoun_and_role_noun_resolve_to_the_entity() -> None:
    text = ("Bundeskanzlerin Angela Merkel besuchte am Montag Paris. Sie sagte, die Freundschaft sei stark. "
            "Die Kanzlerin betonte, Europa müsse zusammenhalten.")
    start = text.index("Angela Merkel")
    merkel = Entity(start, start + len("Angela Merkel"), "Angela Merkel", "PER", "Angela Merkel")
    quotes, _ = _quotes(text, "de", [merkel])
    named = {q.speaker.text: q.speaker.name for q in quotes if q.speaker}
    assert named.get("Sie") == "Angela Merkel"
    assert named.get("Die Kanzlerin") == "Angela Merkel"


def test_free_indirect_continuation_inherits_the_speaker() -> None:
    text = "Der Minister sagte, die Reform sei notwendig. Sie werde im Herbst beschlossen. Das Wetter ist schön."
    quotes, _ = _quotes(text, "de")
    cont = [q for q in quotes if "im Herbst" in q.text]
    assert cont and cont[0].kind == "indirect" and cont[0].speaker and "Minister" in cont[0].speaker.text
    assert not [q for q in quotes if "Wetter" in q.text]


def test_titles_in_quotation_marks_are_not_quotes() -> None:
    quotes, _ = _quotes("Der Film „Titanic“ lief gestern im Fernsehen. Die Zeitung „Bild“ erscheint täglich.", "de")
    assert not quotes


def test_without_tables_for_the_language_it_warns_and_uses_english() -> None:
    quotes, warnings = _quotes('"We are ready," said the coach.', "xx")
    assert any("no quotation tables" in w for w in warnings)
    assert quotes and quotes[0].kind == "direct"


@pytest.mark.parametrize("text", ["", "   \n\n ", "„", "“”", '"""""', "„Unbalanced start of a quote. Er sagte: »x"])
def test_odd_and_empty_text_is_fine(text: str) -> None:
    _quotes(text, "de")


def test_unbalanced_marks_warn_and_do_not_swallow_the_text() -> None:
    text = "„Das ist offen, sagte er. " + "Die Lage ist ruhig. " * 400 + "„Wir sind bereit“, sagte sie."
    quotes, warnings = _quotes(text, "de")
    assert any("unpaired" in w for w in warnings)
    assert all(q.end - q.start < 1000 for q in quotes)
    assert any("Wir sind bereit" in q.text for q in quotes)


@pytest.mark.parametrize("text", [
    ("die Lage sei ernst, sagte er „und " + "weiter " * 150_000)[:1_000_000],  # one 1 MB sentence
    '"' * 1_000_000,
    ("Er sagte, dass " * 80_000)[:1_000_000],
    "„a“ sagte er, " * 70_000,
])
def test_one_megabyte_texts_are_bounded(text: str) -> None:
    started = time.process_time()
    _, warnings = _quotes(text, "de")
    assert time.process_time() - started < SLOW_TEXT_S
    assert any("read only its start" in w for w in warnings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("ab XY.,:\n„“”\"'»«‚‘") + ["sagte ", "Er ", "sei ", "laut "]), max_size=120).map("".join))
def test_offsets_always_valid(text: str) -> None:
    _quotes(text, "de")


def test_consecutive_reported_sentences_are_one_quotation() -> None:
    text = ("Der Minister sagte, die Reform sei notwendig. Sie werde im Herbst beschlossen. "
            "Die Kosten lägen bei zwei Milliarden Euro. Das Wetter ist schön.")
    quotes, _ = _quotes(text, "de")
    cont = [q for q in quotes if "im Herbst" in q.text]
    assert len(cont) == 1 and "zwei Milliarden Euro" in cont[0].text and "Wetter" not in cont[0].text


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Wladimir Putin sprach in Moskau. Die Rede Putins war lang. Putina hatte geladen.", "de",
     [("Wladimir Putin", "Wladimir Putin"), ("Putins", "Wladimir Putin")]),  # "Putina" is someone else
    ("Joe Biden spoke in Ohio. Later, Biden's aide said more.", "en",
     [("Joe Biden", "Joe Biden"), ("Biden's", "Joe Biden")]),
])
def test_fallback_names_take_the_full_name_of_a_genitive(text: str, language: str,
                                                         expected: list[tuple[str, str]]) -> None:
    finder = SpeakerFinder(text, tokenize(text), [], load_lexicon(language))  # no recognised entities
    assert [(e.text, e.name) for e in finder.entities] == expected


def test_each_language_pairs_its_own_quotation_marks() -> None:
    text = "Er sagte: »Ja« und 'nein' dazu."
    found = {lang: [text[m.start : m.end] for m in find_marked(text, load_lexicon(lang).marks, [])]
             for lang in ("de", "en")}
    assert found == {"de": ["»Ja«"], "en": ["'nein'"]}
    assert [text[m.start : m.end] for m in find_marked(text, load_lexicon("de").marks, [])] == ["»Ja«"]


def test_laut_before_a_form_of_werden_is_the_adjective_not_a_source() -> None:
    quotes, _ = _quotes("Schon 2006 war vereinzelt Kritik laut geworden. Die Lage ist laut Polizei ruhig.", "de")
    assert [(q.kind, q.cue.text if q.cue else None) for q in quotes] == [("indirect", "laut")]
    assert quotes[0].text.startswith("Die Lage")
