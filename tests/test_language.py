"""Language identification: function words settle de/en without the statistical model."""

from __future__ import annotations

import sys

import pytest

from newsmill.extract.language import choose_language, detect_language, function_word_language

GERMAN = ("Die Stadt hat am Montag beschlossen, dass der neue Radweg nicht vor dem Sommer gebaut wird. "
          "Auch die Anwohner sind mit dem Plan nicht zufrieden, weil sie noch keine Antwort haben.")
ENGLISH = ("The council said on Monday that the new cycle lane would not be built before the summer, "
           "and residents who have waited for an answer were not happy with the plan either.")
PORTUGUESE = ("A etapa de abril foi adiada para maio, e a equipe do piloto a confirmou. A corrida a "
              "seguir será em Curitiba, e a próxima a acontecer em Interlagos no fim do ano.")


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (ENGLISH, "en"), (PORTUGUESE, None)])
def test_function_words(text: str, lang: str | None) -> None:
    assert function_word_language(text) == lang


def test_function_words_override_a_wrong_declaration() -> None:
    language, warning = choose_language("de", ENGLISH)
    assert language == "en" and warning and "'de'" in warning


def test_other_languages_still_reach_the_model() -> None:
    assert detect_language(PORTUGUESE)[0] == "pt"
    assert "py3langid.langid" in sys.modules
