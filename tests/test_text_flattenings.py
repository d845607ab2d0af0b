"""Text mode on dumps from other flatteners: text browsers, raw markup, no line breaks.

Each dump is built from a small page of prose and a menu, in the form the flattener gives; the
benchmark (``benchmarks/textdump.py``) measures the same flatteners on real pages.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import newsmill
from newsmill.extract.lexicon import load_lexicon
from newsmill.extract.text.lines import clean_line, split_lines

SENTENCES = [
    "Der Gemeinderat hat am Montag nach einer langen Debatte beschlossen, die alte Schule im Ortskern zu sanieren.",
    "Dort sollen künftig eine Bibliothek und ein Café untergebracht werden, sagte die Bürgermeisterin.",
    "Die Kosten von rund vier Millionen Euro trägt zum größten Teil das Land, der Rest kommt aus der Rücklage.",
    "Die Arbeiten beginnen im Frühjahr und sollen bis zum Ende des kommenden Jahres abgeschlossen sein.",
]
PARAGRAPH = " ".join(SENTENCES)
# More prose, for dumps that need several different paragraphs (an article does not repeat its
# sentences; text mode removes a repeated copy as a duplicate).
MORE = [
    "Für die Zeit der Bauarbeiten zieht die Musikschule in das leer stehende Pfarrhaus am Marktplatz um.",
    "Eltern hatten sich in einer Umfrage mehrheitlich für diese Lösung ausgesprochen, wie die Verwaltung mitteilte.",
    "Der Denkmalschutz verlangt, dass die Fassade aus dem Jahr 1908 in ihrer ursprünglichen Form erhalten bleibt.",
    "Ein Architekturbüro aus der Kreisstadt hat den Wettbewerb für den Umbau im vergangenen Herbst gewonnen.",
    "Die Opposition im Rat kritisierte, dass die Folgekosten für den Betrieb noch nicht berechnet worden seien.",
    "Die Bürgermeisterin versprach, die Zahlen bis zur nächsten Sitzung im März vorzulegen und offen zu diskutieren.",
    "Auch der Heimatverein will sich beteiligen und eine Ausstellung zur Geschichte des Gebäudes vorbereiten.",
    "Wer Fotos oder Dokumente aus der Schulzeit besitzt, kann sie bis Ende Januar im Rathaus abgeben.",
]
MENU = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Lokales", "Impressum", "Datenschutz"]


def _text(dump: str) -> newsmill.Article:
    return newsmill.extract(dump, input_format="text")


def test_lines_wrapped_by_a_text_browser_are_joined_into_paragraphs() -> None:
    paragraphs = [PARAGRAPH, " ".join(MORE[:4]), " ".join(MORE[4:])]
    wrapped = "\n\n".join(textwrap.fill(p, 78, initial_indent="   ", subsequent_indent="   ") for p in paragraphs)
    dump = "\n".join(f"   * {m}" for m in MENU) + "\n\n" + wrapped + "\n"
    split = split_lines(dump)
    assert any("wrapped" in w for w in split.warnings)
    assert [line.text for line in split.lines[len(MENU) :]] == paragraphs
    article = _text(dump)
    assert [b.text for b in article.blocks] == paragraphs
    assert "Impressum" not in article.text


def test_short_lines_of_a_prose_dump_are_not_reflowed() -> None:
    dump = "\n".join(["Kurze Zeile"] * 30 + [PARAGRAPH] * 3)
    split = split_lines(dump)
    assert not any("wrapped" in w for w in split.warnings)
    assert len(split.lines) == 33


def test_lynx_link_numbers_are_link_text_and_its_url_list_markup() -> None:
    line = clean_line(0, "     * [12]Politik")
    assert line.text == "Politik" and line.bullet and line.link_share == 1.0
    inline = clean_line(1, "Die Stadt hat die [3]Schule saniert und eine Bibliothek eröffnet.")
    assert "[3]" not in inline.text and 0 < inline.link_chars < len(inline.text)
    assert clean_line(2, "  12. https://example.test/politik").rule
    menu = "\n".join(f"     * [{i}]{m}" for i, m in enumerate(MENU, 1))
    refs = "\n".join(f"  {i}. https://example.test/{m.lower()}" for i, m in enumerate(MENU, 1))
    article = _text(menu + "\n\n" + "\n\n".join([PARAGRAPH] * 3) + "\n\nReferences\n\n" + refs)
    assert "Politik" not in article.text and "https" not in article.text
    assert PARAGRAPH in article.text


def test_a_dump_that_kept_its_markup_keeps_paragraphs_with_links() -> None:
    link = '<a href="https://example.test/a/very/long/path/to/the/article-about-the-school-123456.html" class="inline-link">Schule</a>'
    body = [f"<span class=\"text\">{s.replace('Schule', link)}</span>" for s in SENTENCES + MORE]
    menu = [f'<a href="https://example.test/{m.lower()}" class="nav-item">{m}</a>' for m in MENU]
    article = _text("\n".join(menu + body + menu))
    assert sum(s in article.text for s in SENTENCES + MORE) >= 10
    assert "Impressum" not in article.text and "href" not in article.text


def test_entities_of_a_markup_dump_are_decoded() -> None:
    line = clean_line(0, "Die B&#252;rgermeisterin&nbsp;sagte: &quot;Wir <strong>freuen</strong> uns.&quot;")
    assert line.text == 'Die Bürgermeisterin sagte: "Wir freuen uns."'


def test_a_dump_without_line_breaks_cuts_the_menu_off_the_article() -> None:
    dump = " ".join(MENU + ["Schule", "wird", "saniert"] + [PARAGRAPH] * 3 + MENU + [PARAGRAPH] * 2 + MENU)
    article = _text(dump)
    assert SENTENCES[1] in article.text and SENTENCES[3] in article.text
    assert "Impressum" not in article.text and "Datenschutz" not in article.text


def test_sentences_glued_by_text_content_are_split() -> None:
    glued = "".join(SENTENCES) * 8  # textContent of <p> elements: no space between them
    split = split_lines(glued, load_lexicon().stopwords)
    assert SENTENCES[2] in [line.text for line in split.lines]


def test_benchmark_flatteners_render_blocks_and_markup() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.flatteners import one_line, raw_markup, rendered_blocks, text_content

    page = ("<html><head><title>T</title><script>var x = 1;</script></head><body><nav><a href='/'>Start</a></nav>"
            "<h1>Schule wird saniert</h1><p>Die B\u00fcrgermeisterin <a href='/x'>sagte</a> es.</p><p>Zweiter Absatz.</p></body></html>")
    assert rendered_blocks(page).strip().split("\n") == ["Start", "", "Schule wird saniert", "", "Die Bürgermeisterin sagte es.",
                                                 "", "Zweiter Absatz."]
    assert text_content(page) == "StartSchule wird saniertDie Bürgermeisterin sagte es.Zweiter Absatz."
    assert "\n" not in one_line(page) and "var x" not in one_line(page)
    markup = raw_markup(page)
    assert "B&#252;rgermeisterin <a href" in markup and "<p" not in markup and "var x" not in markup


def test_a_long_cookie_notice_is_consent_not_the_article() -> None:
    notice = ("This website uses cookies to improve your experience while you navigate through the website. "
              + "Out of these cookies, the cookies that are categorized as necessary are stored on your browser "
              "as they are essential for the working of basic functionalities of the website. " * 3)
    prose = ("The council decided on Monday after a long debate to renovate the old school in the town centre "
             "and to open a library and a cafe there next year. ")
    article = _text(notice + "\n\n" + prose * 3 + "\n\n" + prose * 2)
    assert "cookies" not in article.text and "renovate" in article.text
    assert any(r.reason == "consent" for r in article.removed)


def _pieces(line: str) -> list[str]:
    lex = load_lexicon()
    return [ln.text for ln in split_lines(line, lex.stopwords, lex.exact).lines]


def test_a_lost_line_break_before_a_capitalised_function_word_starts_a_new_piece() -> None:
    heading = "Ländliche Regionen schrumpfen"
    line = " ".join([PARAGRAPH] * 6 + [heading, SENTENCES[0]] + [PARAGRAPH] * 2)
    pieces = _pieces(line)
    assert heading in pieces and SENTENCES[0] in pieces
    # Inside a sentence, function words are lower case, and a capitalised "Sie" opens nothing.
    polite = "Bitte melden Sie sich bis Freitag bei der Gemeinde an, wenn Sie kommen wollen."
    assert polite in _pieces(" ".join([PARAGRAPH] * 6 + [polite]))


def test_title_case_headlines_are_not_cut_at_their_function_words() -> None:
    headline = "How To Get The Best Out Of Your Garden"
    prose = "The council decided on Monday to renovate the old school and to open a library there. " * 25
    assert any(headline in piece for piece in _pieces(prose + headline + " " + prose))


def test_a_section_cue_run_into_the_next_sentence_is_a_piece_of_its_own() -> None:
    comment = "Max Muster sagt, dass er die Sanierung der Schule für viel zu teuer hält und lieber neu bauen würde."
    line = " ".join([PARAGRAPH] * 6 + ["Kommentare", comment])
    pieces = _pieces(line)
    assert "Kommentare" in pieces and comment in pieces
    article = _text(line)
    assert comment not in article.text and SENTENCES[1] in article.text


def test_a_word_run_that_ends_its_sentence_stays_in_it() -> None:
    sentence = "Durchgehend wurde von einem Verbrauch von 3-4 Sack Pellets pro Woche berichtet."
    assert sentence in _pieces(" ".join([PARAGRAPH] * 6 + [sentence] + [PARAGRAPH]))


def test_an_article_printed_twice_is_kept_once() -> None:
    first = [PARAGRAPH, " ".join(MORE[:4]), " ".join(MORE[4:])]
    second = [" ".join(SENTENCES[:2]), " ".join(SENTENCES[2:]), *first[1:]]  # broken into lines differently
    article = _text("\n".join(MENU) + "\n\n" + "\n\n".join(first + ["Zum Drucken"] + second))
    assert [b.text for b in article.blocks if b.kind == "paragraph"] == first
    assert sum(r.reason == "duplicate" for r in article.removed) == 4


def test_short_lines_after_a_colon_are_a_list_of_the_article() -> None:
    items = ["Habe Zeit für Träume", "Bleibe stets aktiv", "Vermeide Stressfallen", "Praktiziere Dankbarkeit",
             "Lebe in Gemeinschaft", "Höre auf dein Herz", "Bleibe neugierig", "Schätze die kleinen Dinge"]
    opener = "Das Buch ist im Frühjahr erschienen. Die Autorin beschreibt darin das japanische Glücksprinzip in Regeln:"
    # Without the rule the eight items (short lines) would outweigh the closing sentence after them.
    dump = "\n\n".join([PARAGRAPH, opener, *items, MORE[1]])
    article = _text("\n".join(MENU) + "\n\n" + dump)
    assert "Praktiziere Dankbarkeit" in article.text and article.text.endswith(MORE[1])
