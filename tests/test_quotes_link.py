"""Speaker ids: a speaker resolved to a person keeps that person; a pronoun or role noun left
unresolved names no one in particular and gets no id (one id would join every "sie" of a corpus)."""

import newsmill


def _speakers(text: str, language: str) -> list[tuple[str, str, str]]:
    article = newsmill.annotate(text, language=language)
    return [(q.speaker.text, q.speaker.name, q.speaker.id) for q in article.quotes if q.speaker]


def test_unresolved_pronouns_and_role_nouns_get_no_id() -> None:
    for language, text in (
        ("en", '"We will not give up," she said on Monday. "This is a hard year," the minister said.'),
        ("de", "„Wir geben nicht auf“, sagte sie am Montag. „Das ist ein schweres Jahr“, sagte die Ministerin."),
    ):
        found = _speakers(text, language)
        assert len(found) == 2, found
        assert all(spk_id == "" for _, _, spk_id in found), found


def test_a_speaker_resolved_past_the_entity_under_its_span_keeps_the_person() -> None:
    found = _speakers('"Rates must fall," CPUC President Marybel Batjer said on Tuesday.', "en")
    assert [(name, spk_id) for _, name, spk_id in found] == [("Marybel Batjer", "per:marybel-batjer")]


def test_named_speakers_get_the_id_of_their_entity() -> None:
    found = _speakers("„Wir geben nicht auf“, sagte Olaf Scholz am Montag in Berlin.", "de")
    assert [spk_id for _, _, spk_id in found] == ["per:olaf-scholz"]


def test_a_title_abbreviation_before_a_name_keeps_the_speaker() -> None:
    # the period of "Dr." ended the speaker phrase at "Dr", and "Dr" alone names no one
    for language, text in (
        ("en", '"The results are clear," said Dr. Gernot Jäger.'),
        ("en", '"The results are clear," Prof. Anna Meier said on Tuesday.'),
        ("de", "„Wir brauchen mehr Daten“, sagte Prof. Dr. Anna Meier am Dienstag."),
    ):
        found = _speakers(text, language)
        assert len(found) == 1 and found[0][1] in {"Gernot Jäger", "Anna Meier"}, found
        assert found[0][0].startswith(("Dr.", "Prof.")), found
