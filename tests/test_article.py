import json

from hypothesis import given
from hypothesis import strategies as st

from newsmill.article import REMOVED_REASONS, Article, Block, Image, Removed, article_id, json_schema


def _sample() -> Article:
    return Article(
        url="https://example.org/a",
        title="T",
        lead="Lead.",
        blocks=[Block("paragraph", "One."), Block("heading", "H")],
        images=[Image(caption="c", credit="REUTERS")],
        removed=[Removed("1/66", "gallery")],
    ).finalize()


def test_text_joins_lead_and_blocks() -> None:
    assert _sample().text == "Lead.\n\nOne.\n\nH"


def test_json_round_trip_keeps_types() -> None:
    a = _sample()
    b = Article.from_json(a.to_json())
    assert b == a
    assert isinstance(b.blocks[0], Block) and isinstance(b.images[0], Image)


def test_id_is_stable_and_url_based() -> None:
    assert _sample().id == _sample().id == article_id("https://example.org/a", "")
    assert article_id(None, "some text") != article_id(None, "other text")


def test_schema_lists_every_field_and_reason() -> None:
    schema = json_schema()
    assert set(schema["properties"]) == set(Article().to_dict())
    assert schema["$defs"]["Removed"]["properties"]["reason"]["enum"] == list(REMOVED_REASONS)
    json.dumps(schema)


@given(st.text(), st.lists(st.text(min_size=1), max_size=5))
def test_round_trip_any_text(lead: str, paras: list[str]) -> None:
    a = Article(lead=lead or None, blocks=[Block("paragraph", p) for p in paras]).finalize()
    assert Article.from_dict(json.loads(a.to_json())) == a
