"""The English quote gold (benchmarks/data/quotes_en) and its scorer (benchmarks/quotes_en.py).

The gold must load with offsets that match its text, hold the articles its selection rule names,
and rebuild byte for byte from the hand-written annotations; the compiler must refuse a
substring it cannot place; the scorer must apply the matching rule of benchmarks/quotes.py.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import quotes_en  # noqa: E402
from benchmarks.quotes_en_gold import (  # noqa: E402
    DATA,
    GoldArticle,
    GoldError,
    GoldQuote,
    compile_article,
    compile_gold,
    load_gold,
    write_gold,
)

from newsmill.article import Quote, Speaker  # noqa: E402


def test_gold_holds_the_selected_articles_with_both_kinds() -> None:
    gold = load_gold()  # raises when a stored span does not match its text
    selected = [line.split("\t")[0] for line in (DATA / "selection.tsv").read_text().splitlines()
                if not line.startswith("#") and line.split("\t")[1] == "news"]
    assert [a.id[:8] for a in gold] == selected
    assert len(gold) >= 40
    kinds = Counter(q.kind for a in gold for q in a.quotes)
    assert kinds["direct"] >= 50 and kinds["indirect"] >= 50 and kinds["mixed"] >= 10
    for art in gold:
        for q in art.quotes:
            assert all(0 <= s < e <= len(art.text) for s, e in q.spans)
            assert all(e1 <= s2 for (_, e1), (s2, _) in zip(q.spans, q.spans[1:], strict=False))
            if q.speaker:
                s, e = q.speaker
                assert not any(s < qe and qs < e for qs, qe in q.spans), art.id
            for s, e in q.spans:  # direct spans exclude the marks
                if q.kind == "direct":
                    assert art.text[s] not in "\"“”" and art.text[e - 1] not in "\"“”", art.text[s:e]


@pytest.mark.shared
def test_gold_rebuilds_from_annotations(benchdata: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    write_gold(compile_gold(DATA, benchdata / "zyte-article-extraction-benchmark"), out)
    assert out.read_text(encoding="utf-8") == (DATA / "gold.jsonl").read_text(encoding="utf-8")


TEXT = ('The mayor spoke. "We will win," Smith said, "and then rest." '
        'He said the plan would work. Later Smith said the plan would work.')


def test_compile_places_interrupted_quotes_and_nearest_speaker() -> None:
    art = compile_article("x", TEXT, "", [
        {"k": "d", "q": "We will win, | and then rest.", "s": "Smith", "r": "John Smith", "c": "said"},
        {"k": "i", "q": "the plan would work", "a": "He said ", "s": "He", "r": "John Smith", "c": "said"},
    ])
    direct, indirect = art.quotes
    assert [TEXT[s:e] for s, e in direct.spans] == ["We will win,", "and then rest."]
    assert direct.speaker and TEXT[direct.speaker[0]:direct.speaker[1]] == "Smith"
    assert direct.speaker[0] == TEXT.index("Smith")  # the one between the parts, not the later one
    assert indirect.start == TEXT.index("the plan would work")
    assert indirect.speaker and TEXT[indirect.speaker[0]:indirect.speaker[1]] == "He"


@pytest.mark.parametrize("quote", [
    {"k": "i", "q": "the plan would work", "s": "He"},  # twice in the text: needs an anchor
    {"k": "d", "q": "We will lose", "s": "Smith"},  # not in the text
    {"k": "d", "q": "We will win … never", "s": "Smith"},  # end not found
    {"k": "x", "q": "We will win", "s": "Smith"},  # unknown kind
    {"k": "d", "q": "We will win", "s": "Jones"},  # speaker not near
])
def test_compile_refuses_what_it_cannot_place(quote: dict[str, str]) -> None:
    with pytest.raises(GoldError):
        compile_article("x", TEXT, "", [quote])


def _gold() -> GoldArticle:
    text = '"We will win," Smith said. He said the plan would work. "Nice," a fan said.'
    art = GoldArticle("g", "", text)
    art.quotes = [
        GoldQuote("direct", [(1, 13)], (15, 20), "John Smith", (21, 25)),
        GoldQuote("indirect", [(35, 54)], (27, 29), "John Smith", (30, 34)),
        GoldQuote("direct", [(57, 62)], (64, 69), "", (70, 74)),
    ]
    return art


def test_score_matching_kinds_and_speakers() -> None:
    art = _gold()
    smith = Speaker(15, 20, "Smith", name="John Smith")
    preds = [
        Quote(0, 14, art.text[0:14], "direct", speaker=smith),  # marks included: still a match
        Quote(35, 44, art.text[35:44], "mixed", speaker=Speaker(27, 29, "He", name="Mary Jones")),  # 9 of 19 chars
        Quote(56, 63, art.text[56:63], "indirect", speaker=Speaker(64, 69, "a fan")),  # wrong kind
        Quote(30, 34, "said", "reported"),  # dropped: the gold has no reported quotes
    ]
    t = quotes_en.score([art], lambda a: preds)
    assert t.pred["all"] == 3
    assert t.hit["direct"] == 1 and t.gold["direct"] == 2
    assert t.hit["indirect+mixed"] == 0  # 9 < half of 19
    assert t.hit["all"] == 2  # the wrong-kind quote still counts for all types
    assert (t.speaker_n, t.speaker_ok, t.resolved_ok) == (2, 2, 2)  # anonymous fan: span alone
    longer = [Quote(35, 46, art.text[35:46], "mixed", speaker=Speaker(27, 29, "He", name="Mary Jones"))]
    t = quotes_en.score([art], lambda a: longer)
    assert t.hit["indirect+mixed"] == 1 and t.hit["indirect"] == 0 and t.hit["mixed"] == 0
    assert (t.speaker_n, t.speaker_ok, t.resolved_ok) == (1, 1, 0)  # right span, wrong person


def test_marks_baseline_and_fragment_filter() -> None:
    art = GoldArticle("b", "", 'He called it "a win" and said "we won."')
    assert [q.text for q in quotes_en.marks_baseline(art)] == ['"a win"', '"we won."']
    outer = Quote(0, 20, art.text[:20], "mixed")
    frag = Quote(13, 20, art.text[13:20], "direct")
    alone = Quote(30, 39, art.text[30:39], "direct")
    assert quotes_en.without_fragments(lambda a: [outer, frag, alone])(art) == [outer, alone]
