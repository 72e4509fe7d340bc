"""A list asked of a group named ("hvilke ordninger er tilskuddsordningene?") is the group's
members, and "snakk om" in a question is no goodbye (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import sure


@pytest.mark.parametrize(
    "question",
    [
        "hvilke ordninger er tilskuddsordningene?",
        "Jeg skal presentere tilskuddsordningene. Hvilke ordninger er det snakk om?",
    ],
)
def test_the_kind_listed_of_a_named_group_is_its_members(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert "Rekom, Dekom og Kompetanseløftet" in reply.text
    assert "Innovasjonsordningen" not in reply.text


def test_all_of_a_kind_are_listed_when_no_group_is_named(engine: Engine) -> None:
    assert "Innovasjonsordningen" in sure(engine, "hvilke ordninger finnes?").text


def test_a_question_word_is_never_small_talk(engine: Engine) -> None:
    reply = sure(engine, "Vi har fellestid på torsdag. Hvilke ordninger er det snakk om?")
    assert "Ha det" not in reply.text
    assert "ordning" in reply.text.lower()
