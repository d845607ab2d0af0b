"""One quote in several parts: the record, the detector, the store and Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsmill.article import Article, Block, Entity, Quote, Span, Speaker, json_schema
from newsmill.enrich.base import EnrichContext
from newsmill.enrich.quotes.finder import QuoteFinder, QuoteOptions
from newsmill.enrich.quotes.lexicon import load_lexicon
from newsmill.enrich.quotes.marks import find_marked


def _quotes(text: str, language: str) -> list[Quote]:
    article = Article(text=text, language=language)
    QuoteFinder(QuoteOptions())(article, EnrichContext(language=language))
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
        for part in q.parts:
            assert text[part.start : part.end] == part.text
            assert q.start <= part.start < part.end <= q.end
        if q.parts:
            assert (q.parts[0].start, q.parts[-1].end) == (q.start, q.end)
            assert all(a.end < b.start for a, b in zip(q.parts, q.parts[1:], strict=False))
    return article.quotes


def _parts(q: Quote) -> list[str]:
    return [p.text for p in q.parts]


# --- the record ----------------------------------------------------------------------------------

TEXT = '"We won," he said, "and we will win again."'


def _multi() -> Article:
    parts = [Span(0, 9, TEXT[0:9]), Span(19, len(TEXT), TEXT[19:])]
    quote = Quote(0, len(TEXT), TEXT, "direct", Speaker(10, 12, "he"), Span(13, 17, "said"), parts)
    return Article(url="https://a.example/1", blocks=[Block("paragraph", TEXT)], quotes=[quote]).finalize()


def test_a_quote_with_parts_round_trips_through_json() -> None:
    a = _multi()
    back = Article.from_json(a.to_json())
    assert back == a and back.quotes[0].parts[1] == Span(19, len(TEXT), TEXT[19:])
    assert [p.text for p in back.quotes[0].pieces()] == ['"We won,"', '"and we will win again."']


def test_an_older_record_without_parts_still_loads_as_one_piece() -> None:
    record = _multi().to_dict()
    del record["quotes"][0]["parts"]
    q = Article.from_dict(record).quotes[0]
    assert q.parts == [] and q.pieces() == [Span(0, len(TEXT), TEXT)]


def test_the_schema_lists_parts_as_spans() -> None:
    quote = json_schema()["$defs"]["Quote"]
    assert quote["properties"]["parts"] == {"type": "array", "items": {"$ref": "#/$defs/Span"}}
    assert set(quote["properties"]) == set(_multi().to_dict()["quotes"][0])


# --- the detector --------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "text", "first", "second"), [
    ("en", 'The mayor was pleased. "We won," he said, "and we will win again."', '"We won,"', '"and we will win again."'),
    ("en", "“We won,” said Mayor John Smith, “and we will win again.” The crowd cheered.", "“We won,”",
     "“and we will win again.”"),
    ("de", "Er war zufrieden. „Wir haben gewonnen“, sagte Peter Müller, „und wir werden wieder gewinnen.“",
     "„Wir haben gewonnen“", "„und wir werden wieder gewinnen.“"),
    ("de", "»Wir haben gewonnen«, sagte er am Montag in Berlin, »und wir werden wieder gewinnen.«",
     "»Wir haben gewonnen«", "»und wir werden wieder gewinnen.«"),
    ("de", '"Wir haben gewonnen", sagte die Trainerin, "und wir werden wieder gewinnen."', '"Wir haben gewonnen"',
     '"und wir werden wieder gewinnen."'),
])
def test_an_attribution_interrupting_a_quotation_leaves_one_quote_of_two_parts(
        language: str, text: str, first: str, second: str) -> None:
    quotes = _quotes(text, language)
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    q = quotes[0]
    assert q.kind == "direct" and _parts(q) == [first, second]
    assert q.cue is not None and q.cue.text in ("said", "sagte") and q.speaker is not None


@pytest.mark.parametrize(("language", "text"), [
    ("de", "„Wir haben gewonnen“, sagte er. „Wir werden wieder gewinnen.“"),  # two sentences
    ("en", '"We won," he said. "We will win again."'),
    ("en", '"We won," he said, adding: "We will win again next year, I am sure."'),  # a colon opens a new one
    ("de", "„Das war ein wirklich schwieriges Spiel für uns“, sagte er, und er erinnerte an die Saison, "
           "in der die Mannschaft im ersten Spiel in Berlin verloren hatte, „aber wir haben gewonnen“."),  # too long
])
def test_quotations_not_joined(language: str, text: str) -> None:
    quotes = _quotes(text, language)
    assert all(not q.parts for q in quotes if q.kind == "direct"), [(q.kind, _parts(q)) for q in quotes]


def test_a_quotation_over_paragraphs_with_an_opening_mark_each_is_one_quote() -> None:
    text = ("Smith spoke at length.\n\n“The first paragraph of what she said goes here, and it is long.\n\n"
            "“The second paragraph goes on without a closing mark,” she said.\n\nThe hall was silent.")
    quotes = _quotes(text, "en")
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    q = quotes[0]
    assert _parts(q) == ["“The first paragraph of what she said goes here, and it is long.",
                         "“The second paragraph goes on without a closing mark,”"]
    assert q.speaker is not None and q.speaker.text == "she"


def test_a_paragraph_left_open_without_a_quotation_after_it_is_still_unpaired() -> None:
    warnings: list[str] = []
    text = "“An open quotation with no end.\n\nThe next paragraph is narrative."
    assert find_marked(text, load_lexicon("en").marks, warnings) == [] and warnings
    runs = "“One.\n\n“Two.”"
    chained = find_marked(runs, load_lexicon("en").marks, [])
    assert [(m.runs_on, runs[m.start : m.end].strip()) for m in chained] == [(True, "“One."), (False, "“Two.”")]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Der Abschuss soll laut Schnappauf aus Sicherheitsgründen erfolgen.", "Der Abschuss soll",
     "aus Sicherheitsgründen erfolgen"),
    ("Die Baustelle würde gemäß einem Sprecher des Unternehmens RWE bis Montag ruhen.", "Die Baustelle würde",
     "bis Montag ruhen"),
])
def test_an_attribution_inside_reported_content_is_left_out_of_its_parts(text: str, first: str, second: str) -> None:
    quotes = _quotes(text, "de")
    assert len(quotes) == 1 and quotes[0].kind == "indirect"
    assert _parts(quotes[0]) == [first, second] and quotes[0].cue is not None
    assert quotes[0].cue.text not in " ".join(_parts(quotes[0]))


def test_reported_content_around_its_cue_is_one_quote() -> None:
    quotes = _quotes("The plan, Smith said, would fail.", "en")
    assert len(quotes) == 1 and _parts(quotes[0]) == ["The plan", "would fail"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Smith"


# --- the store and Parquet -----------------------------------------------------------------------

def test_the_store_keeps_the_parts_and_lists_the_quote_once(tmp_path: Path) -> None:
    from newsmill.corpus import dedup
    from newsmill.corpus.store import Store

    a = _multi()
    with Store(tmp_path / "c.db") as store:
        with store.transaction():
            store.add(a, signature=dedup.signature(a.text))
        got = store.get(a.id)
        assert got is not None and got.quotes[0].parts == a.quotes[0].parts
        rows = store.conn.execute("SELECT i, kind, text, cue FROM quotes").fetchall()
    assert rows == [(0, "direct", TEXT, "said")]


def test_a_corpus_with_records_from_before_parts_opens_and_reads(tmp_path: Path) -> None:
    from newsmill.corpus.store import Store

    record = _multi().to_dict()
    del record["quotes"][0]["parts"]
    with Store(tmp_path / "c.db") as store:
        store.conn.execute("INSERT INTO articles(id, text, text_hash, ingested, record) VALUES (?, ?, ?, 'x', ?)",
                           (record["id"], record["text"], "h", json.dumps(record)))
        got = store.get(record["id"])
        assert got is not None and got.quotes[0].parts == []
        assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1


def test_parquet_export_and_shards_carry_the_parts(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from newsmill.corpus.store import ArticleRow
    from newsmill.run.parquet_sink import ShardWriter, article_of

    a = _multi()
    writer = ShardWriter(tmp_path, "k")
    writer.add(ArticleRow.of(a), "file@0")
    name = writer.commit()
    (row,) = pq.read_table(tmp_path / name).to_pylist()
    assert Article.from_dict(article_of(row)) == a


def test_a_shard_written_before_parts_still_loads(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from newsmill.corpus.export import arrow_schema

    schema = arrow_schema()
    quotes = schema.field("quotes").type.value_type
    old_quote = pa.struct([f for f in quotes if f.name != "parts"])
    old = pa.schema([pa.field(f.name, pa.list_(old_quote)) if f.name == "quotes" else f for f in schema])
    record = _multi().to_dict()
    del record["quotes"][0]["parts"]
    pq.write_table(pa.Table.from_pylist([record], schema=old), tmp_path / "old.parquet")
    (row,) = pq.read_table(tmp_path / "old.parquet").to_pylist()
    q = Article.from_dict(row).quotes[0]
    assert q.parts == [] and q.text == TEXT



def test_the_article_view_marks_each_part_not_the_attribution() -> None:
    from newsmill.web.annotate import marks_of

    marks = [(m.start, m.end) for m in marks_of(_multi()) if m.css == "quote"]
    assert marks == [(0, 9), (19, len(TEXT))]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Die Jugendlichen, unter denen sich nach Einschätzung der Ermittler auch der Täter befinden sollte, sind "
     "gestern entlassen worden.", "unter denen sich", "auch der Täter befinden sollte"),
    ("Die Mutter soll einige Übergriffe mitbekommen haben, diese Taten seien aber laut der Staatsanwältin "
     "Antje Gabriels schon verjährt.", "diese Taten seien aber", "schon verjährt"),
])
def test_the_attribution_scopes_the_clause_it_stands_in(text: str, first: str, second: str) -> None:
    quotes = [q for q in _quotes(text, "de") if q.parts]
    assert [_parts(q) for q in quotes] == [[first, second]]


def test_a_relative_clause_about_the_speaker_is_not_part_of_the_content() -> None:
    text = ("Die Lage im Wald sei angespannt, so der Landesjägermeister Josef Pröll, der auf sechs Regeln verweist, "
            "die der Verband zusammengefasst hat.")
    article = Article(text=text, language="de", entities=[
        Entity(text.index("Josef"), text.index("Josef") + len("Josef Pröll"), "Josef Pröll", "PER", "Josef Pröll")])
    QuoteFinder(QuoteOptions())(article, EnrichContext(language="de"))
    assert [(q.text, q.parts) for q in article.quotes] == [("Die Lage im Wald sei angespannt", [])]
