"""Text mode: cleaning, labels, bad input, lexicon tables and a quality floor on the dev dumps."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsmill
from newsmill.article import REMOVED_REASONS
from newsmill.extract.lexicon import (
    CATEGORY_ORDER,
    SHARED_TABLES,
    available_languages,
    cue_key,
    load_lexicon,
    read_table,
    table_groups,
    table_words,
)
from newsmill.extract.options import ExtractOptions
from newsmill.extract.text.classify import classify_lines
from newsmill.extract.text.dates import find_date
from newsmill.extract.text.extractor import NO_ARTICLE_WARNING, article_text_for_scoring, extract_text
from newsmill.extract.text.lines import (
    MAX_ANALYSED_CHARS,
    MAX_LINE_CHARS,
    clean_line,
    merge_fragments,
    split_lines,
)

# Generous bound in CPU seconds (not wall time, which a loaded machine stretches); real dumps take ms.
SLOW_DUMP_S = 20.0
# The CI floor on the first pages of the dev dumps (full-set numbers are in docs/design/text.md).
F1_FLOOR = 0.86
FLOOR_PAGES = 80

PROSE = (
    "Der Gemeinderat hat am Montag nach einer langen Debatte beschlossen, die alte Schule im "
    "Ortskern zu sanieren und dort künftig eine Bibliothek und ein Café unterzubringen. "
)


def _text(dump: str) -> newsmill.Article:
    return newsmill.extract(dump, input_format="text")


def test_mojibake_is_repaired() -> None:
    article = _text("Gerüchte um Waffen-Deal\n\n" + PROSE * 3 + "\n")
    assert article.title == "Gerüchte um Waffen-Deal"
    broken = "GerÃ¼chte um Waffen-Deal\n\n" + (PROSE * 3).encode("utf-8").decode("cp1252") + "\n"
    repaired = _text(broken)
    assert repaired.title == "Gerüchte um Waffen-Deal"
    assert "Ã" not in repaired.text
    assert any("mojibake" in w for w in repaired.warnings)


def test_tags_and_entities_are_cleaned_in_kept_text() -> None:
    line = clean_line(0, "Er sagte &quot;Nein&quot; und <b>ging</b> &amp; kam nicht wieder.")
    assert line.text == 'Er sagte "Nein" und ging & kam nicht wieder.'
    assert line.markup_chars == len("<b></b>")


def test_markup_line_is_removed_as_markup() -> None:
    dump = PROSE * 2 + "\n\n" + '<div class="teaser" data-id="123"><a href="https://x.test/a">Mehr</a></div>\n\n' + PROSE
    article = _text(dump)
    assert "data-id" not in article.text and "Mehr" not in article.text
    assert any(r.reason == "markup" and "data-id" in r.text for r in article.removed)


def test_style_sheet_text_is_markup() -> None:
    css = ".td-post { position: relative; height: 20px; } .td-share { margin-left: -3px; color: #000; }"
    article = _text(PROSE * 2 + "\n\n" + css + "\n\n" + PROSE)
    assert "position" not in article.text
    assert any(r.reason == "markup" and "td-post" in r.text for r in article.removed)


def test_markdown_is_stripped_with_links_counted() -> None:
    line = clean_line(0, "  * [Politik](https://x.test/politik) und **fett** mit ![Bild](https://x.test/a.jpg)")
    assert line.bullet and line.text == "Politik und fett mit"
    assert line.link_chars == len("Politik")
    assert line.images and line.images[0].url == "https://x.test/a.jpg"
    heading = clean_line(1, "## Zwischentitel ##")
    assert heading.heading == 2 and heading.text == "Zwischentitel"


def test_broken_paragraph_lines_are_joined() -> None:
    lines = split_lines("Sie sprach von einem\nhistorischen Tag\n für die Stadt.\n\nNächster Absatz.").lines
    merged = merge_fragments(lines)
    assert [m.text for m in merged] == ["Sie sprach von einem historischen Tag für die Stadt.", "Nächster Absatz."]


def test_teaser_date_after_the_body_is_not_the_articles_date() -> None:
    dump = "Titel der Meldung hier\n\n" + PROSE * 3 + "\n\nGehe zur Galerie\n\n23.12.2024: Anderer Artikel.\n"
    assert _text(dump).published is None
    dated = _text("Titel der Meldung hier\n\n12.03.2024\n\n" + PROSE * 3 + "\n")
    assert dated.published == "2024-03-12"


def test_run_of_summaries_cut_with_an_ellipsis_is_a_teaser_list() -> None:
    # A box of related stories inside the article: their summaries are prose too, cut short.
    teasers = "".join(
        f"Meldung {n} aus dem Kreis\nDer Kreistag hat am Dienstag über den Haushalt für das kommende Jahr und neue Stellen beraten, die Verwaltung ...\n\n"
        for n in range(4)
    )
    article = _text("Titel der Meldung hier\n\n" + PROSE * 3 + "\n" + teasers + "\n" + PROSE * 2)
    assert "Gemeinderat" in article.text and "Kreistag" not in article.text
    # One paragraph trailing off in the article is kept.
    single = _text("Titel der Meldung hier\n\n" + PROSE * 2 + "\nUnd dann sagte sie nur noch, dass es jetzt an der Zeit sei ...\n" + PROSE)
    assert "an der Zeit sei" in single.text


def test_teaser_header_over_headline_and_summary_pairs_is_a_barrier() -> None:
    # "Related links:" is no barrier on its own (articles use such subheadings); over headline +
    # summary pairs it opens a list of other stories.
    stories = "".join(
        f"New plans for the {place} station\n\nThe city wants to rebuild the {place} station by 2030 and will spend several million on it.\n\n"
        for place in ("north", "harbour", "airport")
    )
    prose = "The council decided on Monday after a long debate to renovate the old school in the town centre and to open a library there.\n"
    lex = load_lexicon()

    def header_barrier(after: str) -> bool:
        lines = merge_fragments(split_lines(prose * 3 + "\nRelated links:\n\n" + after, lex.stopwords, lex.exact).lines)
        labels = classify_lines(lines, lex)
        return next(lb.barrier for ln, lb in zip(lines, labels, strict=True) if ln.text == "Related links:")

    assert header_barrier(stories)
    assert not header_barrier(prose * 4)


def test_comments_after_a_commenters_header_with_timestamp_are_not_body() -> None:
    # Comments as long as the article's paragraphs: by weight alone they would join the body.
    comment = "Ich finde, die Sanierung der Schule hätte man schon vor vielen Jahren angehen müssen, das war überfällig. " * 3
    dump = (
        "Titel der Meldung hier\n\n" + PROSE * 3 + "\n\nGraugans sagt:\n31. Oktober 2023 um 15:15 Uhr\n"
        + comment + "\n\nMax Muster sagt:\n31. Oktober 2023 um 16:02 Uhr\n" + comment + "\n"
    )
    text = _text(dump).text
    assert "Gemeinderat" in text and "überfällig" not in text
    # A speaker line inside the article (no timestamp beside it) stays part of the body.
    quoted = _text("Titel der Meldung hier\n\n" + PROSE * 2 + "\nDie Bürgermeisterin sagt:\n" + comment + "\n" + PROSE * 2)
    assert "überfällig" in quoted.text


@pytest.mark.parametrize(
    "dump",
    [
        "Startseite\nPolitik\nWirtschaft\nSport\nKultur\nImpressum\nKontakt\n" * 5,
        "Wir verwenden Cookies.\nAlle akzeptieren\nAblehnen\nEinstellungen\nDatenschutz\n",
        "a\n" * 100_000,
        "[" * 200_000 + "](" * 50_000,
    ],
    ids=["menu", "cookie-page", "one-word-lines", "brackets"],
)
def test_no_article_gives_warning_and_no_blocks(dump: str) -> None:
    article = _text(dump)
    assert not article.blocks
    assert NO_ARTICLE_WARNING in article.warnings
    assert article.removed and all(r.reason in REMOVED_REASONS for r in article.removed)


def test_one_huge_line_is_bounded() -> None:
    dump = (PROSE * 40_000)[:5_000_000]
    started = time.process_time()
    article = _text(dump)
    assert time.process_time() - started < SLOW_DUMP_S
    assert article.blocks
    assert any("split" in w or "analysed" in w for w in article.warnings)


def test_hundred_megabytes_are_bounded() -> None:
    dump = ("Menü\n" + PROSE + "\n") * (100_000_000 // (len(PROSE) + 7))
    started = time.process_time()
    article = _text(dump)
    assert time.process_time() - started < SLOW_DUMP_S
    assert any("size" in w for w in article.warnings)


def test_analysis_cap_warns() -> None:
    result = split_lines("x" * (MAX_ANALYSED_CHARS + 10))
    assert any("analysed" in w for w in result.warnings)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_yields_an_article(text: str) -> None:
    article = extract_text(text, ExtractOptions())
    assert all(r.reason in REMOVED_REASONS for r in article.removed)
    assert all(b.text for b in article.blocks)


GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("*.txt")) + ["SAMPLE"])
def test_every_line_is_kept_or_accounted_for(samples_dir: Path, name: str) -> None:
    path = samples_dir / "000_b03d04e1de56314c.txt" if name == "SAMPLE" else GOLDEN / name
    dump = path.read_text(encoding="utf-8")
    article = _text(dump)
    kept = [article.section, article.title, article.lead, article.source, *article.authors, article.published]
    kept += [b.text for b in article.blocks] + [i.caption for i in article.images] + [i.credit for i in article.images]
    kept += [i.alt for i in article.images]
    pool = [k for k in kept if k] + [r.text for r in article.removed]
    for line in split_lines(dump).lines:
        if line.text and not find_date(line.text, load_lexicon()):
            byline = any(author in line.text for author in article.authors)
            assert byline or any(line.text in k for k in pool), line.text


def test_lexicon_tables_are_consistent() -> None:
    assert {"de", "en"} <= set(available_languages())
    lex = load_lexicon()
    assert set(CATEGORY_ORDER) <= set(REMOVED_REASONS)
    assert set(lex.exact.values()) <= set(CATEGORY_ORDER)
    assert lex.cue_reason("Gehe zur Galerie") == "call_to_action"
    assert lex.cue_reason("Share this article") == "call_to_action"
    assert lex.cue_reason("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.") == "consent"
    assert lex.cue_reason("Der Rat hat die Galerie am Markt für zwei Jahre geschlossen, sagte er.") is None
    assert cue_key("  3 Kommentare!  ") == "kommentare"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("6. Oktober 2022", "2022-10-06"),
        ("Stand: 07.11.2023 09:12 Uhr", "2023-11-07"),
        ("May 4, 2023", "2023-05-04"),
        ("4 May 2023", "2023-05-04"),
        ("2021-05-04T10:00", "2021-05-04"),
        ("1/66", None),
        ("31.02.2020", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert find_date(text, load_lexicon()) == iso


@pytest.mark.shared
def test_quality_floor_on_dev_dumps(benchdata: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.metrics import SnippetCounts, snippet_counts

    data = benchdata / "trafeval-de-dev"
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    total = SnippetCounts()
    for page_id in sorted(gold)[:FLOOR_PAGES]:
        dump = (data / "textdump" / "bs4" / f"{page_id}.txt").read_text(encoding="utf-8")
        out = article_text_for_scoring(_text(dump))
        total.add(snippet_counts(out, gold[page_id]["with"], gold[page_id]["without"]))
    assert total.scores.f1 >= F1_FLOOR


# --- one lexicon: the loader and the tables every extractor shares ---------------------------------

# Keys the HTML extractor reads from every language table (text mode reads the others).
HTML_KEYS = ("cta_prefixes", "section_cues", "label_prefixes", "date_line_words", "consent_cues",
             "byline_prefixes", "credit_prefixes", "photo_prefixes")


def test_loader_merges_tables_once_each() -> None:
    words = table_words("byline_prefixes")
    assert len(words) == len(set(words)) and {"von", "by"} <= set(words)
    groups = table_groups("lines")
    assert set(groups) <= set(CATEGORY_ORDER)
    assert all(len(cues) == len(set(cues)) for cues in groups.values())
    assert not set(SHARED_TABLES) & set(available_languages())


@pytest.mark.parametrize("language", ["de", "en"])
def test_language_tables_have_the_shared_keys(language: str) -> None:
    table = read_table(language)
    assert all(table.get(key) for key in HTML_KEYS)
    assert set(table["section_cues"]) <= set(REMOVED_REASONS)
    assert set(table.get("class_tokens", {})) <= set(REMOVED_REASONS)


def test_text_mode_reads_html_section_cues_and_labels() -> None:
    lex = load_lexicon()
    assert lex.cue_reason("Meistkommentiert") == "teaser"
    assert lex.cue_reason("Stichworte:") == "navigation"
    assert lex.cue_reason("Stichworte sammeln ist mühsam, sagte die Lehrerin am Montag in der Schule.") is None


# --- head fields: share rows, bare sources, the page title (regressions found by diffing outputs) ---

LEAD = "Der Rat der Stadt stimmt am Montag über die Sanierung der alten Schule im Ortskern ab, heißt es."
HEADLINE = "Stadt saniert die alte Schule im Ortskern"


def _head_dump(*head: str, first: str = "Seite") -> str:
    return "\n\n".join([first, "Startseite", *head, PROSE * 3, PROSE * 2]) + "\n"


@pytest.mark.parametrize("row", ["Teilen Twittern", "Share Tweet", "Teilen Drucken Merken"])
def test_share_button_row_is_no_author(row: str) -> None:
    article = _text(_head_dump(HEADLINE, row))
    assert article.title == HEADLINE
    assert article.authors == []
    assert any(r.text == row and r.reason == "call_to_action" for r in article.removed)


def test_share_words_in_a_sentence_stay_text() -> None:
    lex = load_lexicon()
    lines = merge_fragments(split_lines("Teilen Twittern\n\nDetails folgen.\n\nTwittern\n").lines)
    labels = classify_lines(lines, lex)
    assert labels[0].reason == "call_to_action"
    assert labels[1].reason is None  # a sentence, not a button row
    assert labels[2].reason is None  # a lone share verb is left to the line cues


@pytest.mark.parametrize(
    ("line", "source"),
    [("Kücknitz", None), ("Essay", None), ("SID", "SID"), ("Associated Press", "AP"), ("20 Minuten", "20 Minuten")],
)
def test_bare_head_line_is_a_source_only_when_an_agency(line: str, source: str | None) -> None:
    article = _text(_head_dump(HEADLINE, f"**{LEAD}**", line))
    assert article.lead == LEAD
    assert article.source == source
    assert article.authors == []
    assert line not in article.text  # a place or rubric line is head debris, accounted as removed
    if source is None:
        assert any(r.text == line for r in article.removed)


def test_page_title_repeated_as_headline_is_the_title() -> None:
    headline = "Forscher finden Wasserdampf auf einem fernen Mond"
    # A credit row between headline and body ends the head walk above the body's date line.
    dump = _head_dump(headline, "|", "|", "18. November 2019", first=headline)
    assert _text(dump).title == headline
    # A first line without a site name that the page does not repeat is not taken for the title.
    assert _text(_head_dump("|", "|", "18. November 2019", first=headline)).title is None


# --- bylines and dates around the body (meta) ----------------------------------------------


def _accounted(dump: str, article: newsmill.Article) -> None:
    """Every line is kept, removed with a reason, or a head field (byline names, a date line)."""
    kept = [article.section, article.title, article.lead, article.source, *article.authors]
    pool = [k for k in kept if k] + [b.text for b in article.blocks] + [r.text for r in article.removed]
    for line in split_lines(dump).lines:
        if line.text and not find_date(line.text, load_lexicon()):
            byline = any(author in line.text for author in article.authors)
            assert byline or any(line.text in k for k in pool), line.text


def _head_article(*head: str) -> newsmill.Article:
    """The article of a dump with ``head`` lines above the body; every line accounted for."""
    dump = _head_dump(*head)
    article = _text(dump)
    _accounted(dump, article)
    return article


def test_byline_after_a_date_gives_author_and_date() -> None:
    article = _head_article(HEADLINE, "9. Februar 2019 von Heiko Muster")
    assert article.authors == ["Heiko Muster"]
    assert article.published == "2019-02-09"
    assert "Heiko Muster" not in article.text


def test_byline_below_a_button_row_that_ends_the_head() -> None:
    # The read-aloud buttons end the head walk; the byline right above the text is still found,
    # and the agency in it is the source, not a second author.
    head = ("Junge Menschen entdecken die Börse", "Text vorlesen", "Stop", "Pause", "Von Anna Muster, dpa")
    article = _head_article(*head)
    assert article.authors == ["Anna Muster"]
    assert article.source == "dpa"
    assert "Anna Muster" not in article.text


def test_cue_line_with_the_name_below() -> None:
    article = _head_article(HEADLINE, "Post author", "Helge Muster", "March 5, 2014")
    assert article.authors == ["Helge Muster"]
    assert article.published == "2014-03-05"


@pytest.mark.parametrize("line", ["Von der Leyen reist nach Kiew", "Von Berlin nach Hamburg mit dem Rad", "Autor:innen gesucht"])
def test_a_line_starting_with_a_cue_word_is_no_byline_unless_names_follow(line: str) -> None:
    assert _text(_head_dump(HEADLINE, line)).authors == []


def test_bare_name_next_to_the_date_is_the_author() -> None:
    article = _head_article(HEADLINE, "Carola Muster", "30. Oktober 2023")
    assert article.authors == ["Carola Muster"]
    assert article.published == "2023-10-30"


@pytest.mark.parametrize("line", ["Aktuelle Produkte", "Published Wed", "Associated Press"])
def test_rubric_next_to_the_date_is_no_author(line: str) -> None:
    dump = _head_dump(HEADLINE, line, "30. Oktober 2023")
    assert _text(dump).authors == []


def test_name_in_the_date_line() -> None:
    dump = _head_dump(HEADLINE, "Felix Muster // 1. November 2023")
    article = _text(dump)
    assert (article.authors, article.published) == (["Felix Muster"], "2023-11-01")


def test_date_printed_again_in_a_sidebar_is_still_the_date() -> None:
    # The date occurs twice (head and sidebar), so it is repeated debris and ends the head walk.
    date = "28. Januar 2015"
    dump = "\n\n".join(["Seite", "Startseite", "Tagung zu Revolutionen", date, "Menü", PROSE * 3, PROSE * 2, date]) + "\n"
    assert _text(dump).published == "2015-01-28"


def test_cued_date_after_the_body() -> None:
    dump = "Titel der Meldung hier\n\n" + PROSE * 3 + "\n\nErstellt am: 01.11.2023\n"
    article = _text(dump)
    assert article.published == "2023-11-01"
    _accounted(dump, article)


def test_a_sentence_with_a_date_at_the_top_of_the_body_stays_text() -> None:
    line = "In seinem Beitrag von 5. Januar 2015 erörtert Wolfgang"
    dump = "\n\n".join(["Seite", "Startseite", "Stadt saniert die alte Schule", PROSE, line, PROSE * 3]) + "\n"
    article = _text(dump)
    assert line in article.text
    assert article.published is None


def test_comment_heads_in_a_dump_without_line_breaks_end_the_article() -> None:
    # A blog post whose comments follow on the same line: each "name says: <date>" must become a
    # comments barrier, so the comments are not kept as article paragraphs.
    article = "".join(
        f"The coach said after game {i} that the team saw winning on Monday as the most important "
        f"step toward the playoffs, and that loss number {i} would hurt them for the rest of the season. "
        for i in range(10)
    )
    comments = [
        f"I really think the quarterback is done after {i} games and the team should move on before next season. "
        for i in range(6)
    ]
    dump = article + "Share this: 34 Comments fan99 says: November 19, 2019 at 7:02 am " + "".join(comments[:3])
    dump += "joe says: November 19, 2019 at 8:12 am " + "".join(comments[3:])
    assert len(dump) > 2_000  # one overlong line, cut into pieces
    out = newsmill.extract(dump, input_format="text")
    assert "coach said" in out.text
    assert "quarterback" not in out.text


def test_a_quote_with_a_speech_verb_is_not_cut_as_a_comment_head() -> None:
    from newsmill.extract.text.lines import _cut_comment_heads

    assert _cut_comment_heads("The minister says: we will build it.") == ["The minister says: we will build it."]
    assert _cut_comment_heads("Done. fan99 says: November 19, 2019 at 7:02 am Rivers is done.") == [
        "Done.",
        "fan99 says:",
        "November 19, 2019 at 7:02 am Rivers is done.",
    ]


def test_a_menu_glued_into_one_piece_weighs_like_its_items() -> None:
    from newsmill.extract.text.classify import Label
    from newsmill.extract.text.segment import line_weight

    menu = clean_line(0, "Home News Sport Politics Business Tech Culture Travel Weather Video Live")
    whole = line_weight(menu, Label("bad", "navigation", 11))
    menu.cut_out = True
    assert line_weight(menu, Label("bad", "navigation", 11)) < 2 * whole


def test_a_run_of_barrier_lines_discounts_the_prose_after_it_once() -> None:
    from newsmill.extract.text.classify import Label
    from newsmill.extract.text.segment import AFTER_BARRIER_FACTOR, _discount_after_barriers

    prose, box = Label("good"), Label("bad", "call_to_action", 1, barrier=True)
    labels = [prose, prose, box, box, box, prose]
    out = _discount_after_barriers([1000.0, 1000.0, -600.0, -600.0, -600.0, 400.0], labels)
    assert out[-1] == 400.0 * AFTER_BARRIER_FACTOR
    apart = [prose, prose, box, prose, box, prose]
    assert _discount_after_barriers([1000.0, 1000.0, -600.0, 10.0, -600.0, 400.0], apart)[-1] < out[-1]


def test_a_series_of_full_timestamps_opens_the_comments_once() -> None:
    lex = load_lexicon()
    dump = "\n\n".join(
        [
            "The council voted on Monday to close the old bridge for repairs, the mayor said after the meeting.",
            "Anna Berg August 8, 2018 at 7:07 pm",
            "Great article, thanks for writing it up so clearly for all of us.",
            "Tom Smith August 8, 2018 at 7:34 pm",
            "I agree with Anna on this one, the bridge has been unsafe for years.",
            "Lee Park August 9, 2018 at 9:40 am",
            "Finally some action from the council.",
        ]
    )
    lines = merge_fragments(split_lines(dump, lex.stopwords, lex.exact).lines)
    labels = classify_lines(lines, lex)
    barriers = [line.text for line, label in zip(lines, labels, strict=True) if label.barrier]
    assert barriers == ["Anna Berg August 8, 2018 at 7:07 pm"]
    # the same stamps with the article's dateline above its first prose line: the dateline stays
    headed = "\n\n".join(["Bridge closes", "August 7, 2018 at 6:00 pm", dump])
    lines = merge_fragments(split_lines(headed, lex.stopwords, lex.exact).lines)
    labels = classify_lines(lines, lex)
    barriers = [line.text for line, label in zip(lines, labels, strict=True) if label.barrier]
    assert barriers == ["Anna Berg August 8, 2018 at 7:07 pm"]
    live = "\n\n".join(["14:05 The minister arrives.", "14:20 The talks begin.", "14:45 A first statement."])
    live_lines = merge_fragments(split_lines(live, lex.stopwords, lex.exact).lines)
    assert not any(label.barrier for label in classify_lines(live_lines, lex))  # times alone: a live blog


def test_an_emoji_or_emoticon_closes_a_sentence() -> None:
    lex = load_lexicon()
    lines = split_lines("Man fühlt sich danach wie ein Badass und das gefällt mir 😉\n\nDas war es dann auch schon ;-)\n\nDas Colosseum Theater in Essen").lines
    kinds = [label.kind for label in classify_lines(lines, lex)]
    assert kinds == ["good", "medium", "short"]  # ten words and more: prose; fewer: medium; no end: short


def test_a_dump_without_spaces_between_elements_is_cut_where_they_were_glued() -> None:
    """textContent glues a heading to its paragraph ("GewaltDer"); a brand written so stays whole."""
    lex = load_lexicon()
    # numbered sentences: the same sentence over and over would be cut as copies of itself
    prose = "".join(f"Der Corona-Lockdown hat die Gewalt in {n} Familien deutlich verstärkt, sagen die Forscher. "
                    for n in range(30))
    dump = "Starke Zunahme schwerer Gewalt" + prose + "Teilen auf LinkedIn Xing Email " + prose[:300]
    texts = [line.text for line in split_lines(dump, lex.stopwords, lex.exact).lines]
    assert "Starke Zunahme schwerer Gewalt" in texts
    assert not any(t.endswith("Linked") or t.startswith("In Xing") for t in texts)
    # an English contraction opens a sentence as its pronoun does
    english = "Using the new laptop for video work " + "We've only just started testing it, so far it is quick. " * 40
    assert "Using the new laptop for video work" in [
        line.text for line in split_lines(english, lex.stopwords, lex.exact).lines
    ]


def test_a_short_dump_on_one_line_is_cut_as_a_glued_dump() -> None:
    """A whole page on one line lost its breaks even when it is short: menu and article part."""
    lex = load_lexicon()
    dump = (
        "Home News Sport Kontakt Impressum Suche Wärmepumpen boomen Der Markt wächst um 42 Prozent gegenüber dem "
        "Vorjahr, meldet der Verband. Vor allem Hausbesitzer steigen um, weil das Heizen mit Gas teuer geworden "
        "ist. Im Norden warten Kunden bis zu einem halben Jahr auf ein Gerät und einen Handwerker. Die Hersteller "
        "kommen mit der Lieferung kaum nach."
    )
    assert len(dump) < MAX_LINE_CHARS
    texts = [line.text for line in split_lines(dump, lex.stopwords, lex.exact).lines]
    assert len(texts) > 1
    assert texts[-1] == "Die Hersteller kommen mit der Lieferung kaum nach."
    # a dump of several lines keeps its lines whole, and a one-line note is left alone
    two = dump[:120] + "\n" + dump[120:]
    assert len(split_lines(two, lex.stopwords, lex.exact).lines) == 2
    note = "Der Markt wächst um 42 Prozent. Die Hersteller kommen kaum nach."
    assert len(split_lines(note, lex.stopwords, lex.exact).lines) == 1


def test_a_phrase_printed_twice_in_a_row_is_cut_from_its_copy() -> None:
    from newsmill.extract.text.lines import _cut_repeats

    teaser = "Business Airlines order 50 Boeing planes Airlines order 50 Boeing planes Boeing got 50 orders."
    assert _cut_repeats(teaser) == ["Business", "Airlines order 50 Boeing planes", "Airlines order 50 Boeing planes",
                                    "Boeing got 50 orders."]
    prose = "It was very, very good, and the food was good and the food was cheap."
    assert _cut_repeats(prose) == [prose]  # two-word doubles and repeats apart are prose


def test_a_related_articles_box_between_paragraphs_is_no_barrier() -> None:
    lex = load_lexicon()
    para = "The council voted on Monday to close the old bridge for repairs, the mayor said after the meeting."
    more = "Engineers will inspect the steel frame first, and the work is expected to take at least a year."
    inline = "\n\n".join([para, more, "Related articles", "Storm closes roads in the north", para.replace("Monday", "Friday"), more])
    lines = merge_fragments(split_lines(inline, lex.stopwords, lex.exact).lines)
    labels = classify_lines(lines, lex)
    box = next(label for line, label in zip(lines, labels, strict=True) if line.text == "Related articles")
    assert box.kind == "bad" and not box.barrier
    # the same header over headlines and teaser summaries opens the list of other stories
    teasers = "\n\n".join([para, more, "Related articles", "Storm closes roads", "Heavy rain flooded three villages...",
                           "Mayor wins vote", "The council backed the plan by a wide margin...", "Footer"])
    lines = merge_fragments(split_lines(teasers, lex.stopwords, lex.exact).lines)
    labels = classify_lines(lines, lex)
    assert next(label for line, label in zip(lines, labels, strict=True) if line.text == "Related articles").barrier
