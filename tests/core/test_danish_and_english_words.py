"""A teacher who writes Norwegian with Danish words ("hvornår", "tilmeldingsfristen",
"børnehave") is understood as if she wrote bokmål (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import A_LATER_YEAR, EARLY_SEPTEMBER_2020, at, sure


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


def test_english_filler_words_do_not_hide_the_question(engine: Engine) -> None:
    assert "tre" in sure(engine, "so how many ordninger in total in the 2017 model?").text


def test_man_is_a_pronoun_and_parking_is_not_in_the_sources(engine: Engine) -> None:
    reply = engine.ask(
        "Hvor kan man parkere når det er samling på Oppdal?", at(EARLY_SEPTEMBER_2020)
    )
    assert not reply.confident


def test_the_weather_on_a_samling_day_is_not_in_the_sources(engine: Engine) -> None:
    reply = engine.ask(
        "ka slags vær va det på oppdal under ledersamlinga i januar 2020?", at(A_LATER_YEAR)
    )
    assert not reply.confident


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("er ppt også med i kompetanceudviklingen i regionen?", "PPT"),
        ("er fylkesmanden også med i samarbejdet om rekom", "fylkesmennene"),
        ("hvornår blev styrer samlingen holdt og var det fysisk fremmøde?", "Zoom"),
    ],
)
def test_more_danish_words_are_read(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question).text
