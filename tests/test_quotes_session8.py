"""Session 8 (qprec helper): what a reader is shown. A quote needs a speaker to be shown; a
generic "man" is no one's words. Detection is unchanged underneath (``unattributed=True``)."""

from __future__ import annotations

import newsmill
from newsmill.article import Article, Quote
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder, QuoteOptions


def _quotes(text: str, language: str, unattributed: bool) -> list[Quote]:
    article = Article(text=text, language=language)
    QuoteFinder(QuoteOptions(unattributed=unattributed))(article, EnrichContext(language=language))
    return article.quotes


def test_a_quote_with_no_speaker_is_found_but_not_shown() -> None:
    text = "Das Wetter war gut. „Geht los!“ Dann rannten alle."
    assert [q.text for q in _quotes(text, "de", unattributed=True)] == ["„Geht los!“"]
    assert _quotes(text, "de", unattributed=False) == []
    assert newsmill.annotate(text, language="de").quotes == []


def test_a_quote_with_a_speaker_is_shown() -> None:
    text = "„Wir haben gewonnen“, sagte die Trainerin am Montag."
    quotes = _quotes(text, "de", unattributed=False)
    assert [q.text for q in quotes] == ["„Wir haben gewonnen“"]
    assert quotes[0].speaker is not None and "Trainerin" in quotes[0].speaker.text


def test_generic_man_is_never_a_speaker() -> None:
    text = "Lange meinte man, die Erde sei eine Scheibe."
    assert _quotes(text, "de", unattributed=True) == []


def test_titles_after_a_compound_work_noun_and_in_a_list_are_no_quotes() -> None:
    films = "Hier entstanden Frank Wisbars Antikriegsfilme „Nacht fiel über Gotenhafen“ und „Hunde, wollt Ihr ewig leben?“."
    assert _quotes(films, "de", unattributed=True) == []
    plays = "Er drehte die Curt-Goetz-Komödien „Frauenarzt Dr. Prätorius“, „Das Haus in Montevideo“ und „Hokuspokus“."
    assert _quotes(plays, "de", unattributed=True) == []
    # a quotation after a speech act is still one, and so is the next part of it
    said = "„Wir haben gewonnen“, sagte die Trainerin. „Das war schwer“, sagte sie, „und wir sind müde.“"
    assert len(_quotes(said, "de", unattributed=True)) == 2


def test_one_word_after_said_is_no_reported_content() -> None:
    text = '"I almost died there," Bublik said, jokingly. He had won in three sets.'
    assert [q.kind for q in _quotes(text, "en", unattributed=True)] == ["direct"]


def test_an_interviewers_question_is_no_report() -> None:
    asked = "Glauben Sie, dass die Haushalte wirklich bereit sind, dafür Geld auf den Tisch zu legen?"
    assert _quotes(asked, "de", unattributed=True) == []
    # "Sie" before the cue is she or they, and a statement is reported content
    said = "Sie sagte, dass der Plan gescheitert sei."
    assert [q.text for q in _quotes(said, "de", unattributed=True)] == ["dass der Plan gescheitert sei"]
