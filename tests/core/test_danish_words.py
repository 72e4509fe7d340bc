"""A teacher who writes Norwegian with Danish words ("hvornår", "tilmeldingsfristen",
"børnehave") is understood as if she wrote bokmål (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import EARLY_SEPTEMBER_2020, sure


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("hvornår er tilmeldingsfristen til engelsk på barnetrinnet?", "24. september"),
        ("hvor blev ledersamlingen for børnehave holdt i januar 2020?", "Oppdal"),
        ("hvad er REKOM for noget?", "Regional ordning"),
        ("hvornår var planlægningsdagen for skole?", "2019"),
    ],
)
def test_danish_words_are_read_as_bokmål(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question, EARLY_SEPTEMBER_2020).text
