"""The HTML extractor on the bundled sample pages: body, removed parts with reasons, images."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmill.article import REMOVED_REASONS, Article
from newsmill.extract import extract
from newsmill.extract.boilerplate import reason_for_attrs, reason_for_text, section_cue, split_credit

PAGES = Path(__file__).parent / "pages"
EXPECTED = json.loads((PAGES / "samples.json").read_text(encoding="utf-8"))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _sample(samples_dir: Path, name: str) -> Article:
    return extract((samples_dir / name).read_bytes(), input_format="html")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_body_keeps_article_and_drops_boilerplate(samples_dir: Path, name: str) -> None:
    article = _sample(samples_dir, name)
    text = _norm(article.text)
    for snippet in EXPECTED[name]["with"]:
        assert snippet in text, snippet
    for snippet in EXPECTED[name]["without"]:
        assert snippet not in text, snippet
    assert article.title and article.title not in text.split("\n")[0:1]
    assert article.language == EXPECTED[name]["language"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_removed_parts_carry_reasons(samples_dir: Path, name: str) -> None:
    article = _sample(samples_dir, name)
    assert all(r.reason in REMOVED_REASONS for r in article.removed)
    for reason, snippet in EXPECTED[name]["removed"].items():
        hits = [r.reason for r in article.removed if snippet in _norm(r.text)]
        assert reason in hits, (snippet, hits)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_images_have_captions_and_credits(samples_dir: Path, name: str) -> None:
    article = _sample(samples_dir, name)
    credits = [img.credit for img in article.images]
    for credit in EXPECTED[name]["credits"]:
        assert credit in credits
    for img in article.images:
        assert not img.caption or not img.credit or img.credit not in img.caption


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_visible_text_is_kept_or_accounted_for(samples_dir: Path, name: str) -> None:
    import lxml.html

    raw = (samples_dir / name).read_bytes()
    article = extract(raw, input_format="html")
    doc = lxml.html.fromstring(raw)
    for bad in doc.xpath("//script|//style|//head"):
        bad.drop_tree()
    seen = _norm(" ".join([article.text, article.title or ""] + [r.text for r in article.removed]
                          + [f"{i.caption or ''} {i.credit or ''}" for i in article.images]))
    for el in doc.iter("p", "li", "h1", "h2", "h3", "figcaption", "td"):
        words = _norm(el.text_content())
        if words:
            assert words in seen, words


def test_lead_and_blocks_kinds(samples_dir: Path) -> None:
    article = _sample(samples_dir, "de_politik_galerie.html")
    assert article.lead and article.lead.startswith("Nach einer zwölfstündigen Sitzung")
    kinds = {b.kind for b in article.blocks}
    assert {"paragraph", "heading", "quote", "list_item"} <= kinds


@pytest.mark.parametrize(
    ("caption", "head", "credit"),
    [
        ("Die Halle brannte aus. Foto: dpa/Max Muster", "Die Halle brannte aus.", "Foto: dpa/Max Muster"),
        ("Cranes in Rotterdam, October 3, 2024. REUTERS/Jane Doe", "Cranes in Rotterdam, October 3, 2024.",
         "REUTERS/Jane Doe"),
        ("Der Kanzler in Berlin. © picture alliance", "Der Kanzler in Berlin.", "© picture alliance"),
        ("Feuerwehrleute am Einsatzort / dpa", "Feuerwehrleute am Einsatzort", "/ dpa"),
        ("Ein Bild ohne Nachweis", "Ein Bild ohne Nachweis", None),
    ],
)
def test_split_credit(caption: str, head: str, credit: str | None) -> None:
    assert split_credit(caption) == (head, credit)


@pytest.mark.parametrize(
    ("attrs", "reason"),
    [("main-nav", "navigation"), ("cookie-banner", "consent"), ("comment_content", "comments"),
     ("ad-slot", "advertisement"), ("article-body comments-open", None), ("tag-newsletter post", None),
     ("hidden-xs lead", None), ("related-stories", "teaser")],
)
def test_class_words(attrs: str, reason: str | None) -> None:
    assert reason_for_attrs(attrs) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [("Lesen Sie auch: Feuer in Altona", "call_to_action"), ("15. Mai 2019, 05:28 Uhr", "other"),
     ("Themen: Ehrenamt, Jugend", "navigation"), ("Foto: dpa", "credit"),
     ("Am 15. Mai 2019 trafen sich in Berlin zwanzig Minister zum Gipfel.", None),
     ("Reuters reported on Tuesday that the company's profit rose sharply in the third quarter.", None)],
)
def test_text_rules(text: str, reason: str | None) -> None:
    assert reason_for_text(text) == reason


@pytest.mark.parametrize(
    ("heading", "reason"),
    [("More in Minnesota Wild", "teaser"), ("Kommentare (3)", "comments"), ("Kommentare der Opposition", None),
     ("Über den Autor", "credit"), ("Relatedness of genes", None)],
)
def test_section_cues(heading: str, reason: str | None) -> None:
    assert section_cue(heading) == reason


def test_the_only_paragraph_is_the_body_not_a_lead() -> None:
    story = "Island lockt auch im Winter mit Abfahrten über unberührte Hänge und ruhigen Hütten. " * 3
    page = (
        f'<html><head><meta name="description" content="{story[:120]}"></head><body>'
        f"<nav><a href='/'>Start</a> <a href='/reise'>Reise</a></nav><article><h1>Ski-Fahren</h1><p>{story}</p>"
        "</article></body></html>"
    )
    article = extract(page)
    assert article.lead is None
    assert [b.kind for b in article.blocks] == ["paragraph"]


# --- one lexicon: the HTML rules read the shared tables in data/lexicon --------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Schließen", "call_to_action"),  # a one-word line cue of text mode, as the whole block
        ("Folgen noch nicht absehbar", None),  # ... but one-word cues never open a longer block
        ("1. Registrieren", None),  # a numbered step, not a button
        ("Zum Newsletter anmelden", "call_to_action"),  # a multi-word line cue opens a block
        ("Geschrieben von:", "credit"),  # the shared byline_prefixes
        ("Vonovia erhöht die Mieten", None),  # a byline cue ends at a word boundary
        ("Photo credit: Jane Doe", "credit"),  # the shared credit_prefixes
    ],
)
def test_text_rules_from_shared_tables(text: str, reason: str | None) -> None:
    assert reason_for_text(text) == reason


@pytest.mark.parametrize(
    ("heading", "reason"),
    [("Das könnte Dich interessieren", "teaser"), ("Diskussion", None), ("Weitere Nachrichten aus Bonn", "teaser")],
)
def test_section_cues_include_multiword_line_cues(heading: str, reason: str | None) -> None:
    assert section_cue(heading) == reason


def test_class_words_come_from_language_and_common_tables() -> None:
    assert reason_for_attrs("schlagworte-liste") == "navigation"  # de.json
    assert reason_for_attrs("site-footer") == "footer"  # common.json


def test_caption_credit_words_are_shared() -> None:
    assert split_credit("Protesters in Hong Kong. Photograph: AFP via Getty") == (
        "Protesters in Hong Kong.",
        "Photograph: AFP via Getty",
    )


@pytest.mark.parametrize("entries", [(), ("",), ("*", "teilen", "")])
def test_blank_or_missing_table_entries_never_match_every_block(monkeypatch: pytest.MonkeyPatch,
                                                                entries: tuple[str, ...]) -> None:
    """An empty word list, or one blank entry, must not compile to a pattern that matches anywhere."""
    from newsmill.extract import boilerplate

    monkeypatch.setattr(boilerplate, "table_words", lambda *a, **k: entries)
    monkeypatch.setattr(boilerplate, "table_groups", lambda *a, **k: {"call_to_action": entries, "teaser": entries})
    monkeypatch.setattr(boilerplate, "read_table", lambda *a, **k: {"photo": entries, "news": entries,
                                                                     "credit_marks": entries})
    prose = "Der Rat hat am Montag: das neue Budget / beschlossen (Stand: heute)"
    assert boilerplate._content_regex.__wrapped__().search("article-body main-col") is None
    assert boilerplate._cta_regex.__wrapped__().match("- Der Rat hat beschlossen") is None
    assert boilerplate.credit_regex.__wrapped__().search(prose.replace("Montag:", "Montag")) is None
    assert boilerplate._trailing_credit.__wrapped__().search(prose) is None
    assert boilerplate._section_cues.__wrapped__()[0].match("der rat tagte") is None
    pattern, exact, prefixes = boilerplate._token_index.__wrapped__()
    assert "" not in exact and all(prefix for prefix, _ in prefixes)
    assert pattern is None or pattern.search("article body") is None


@pytest.mark.parametrize(("attrs", "reason"), [
    ("main-nav", "navigation"), ("site-footer", "footer"), ("canvas", None), ("navigation_wrap", "navigation"),
    ("x y comments2", "comments"), ("Sidebar", "teaser"),
])
def test_class_words_match_whole_runs_of_letters_and_digits(attrs: str, reason: str | None) -> None:
    """Class words are matched run by run (cached per run); a word inside a longer run does not count."""
    from newsmill.extract.boilerplate import reason_for_attrs

    assert reason_for_attrs.__wrapped__(attrs) == reason
