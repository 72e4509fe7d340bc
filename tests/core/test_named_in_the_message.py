"""What a message names before it asks "hva er det?": the scheme told of, for anyone, and not
narrowed by who asks (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import EARLY_SEPTEMBER_2020, first_sentence, sure


@pytest.mark.parametrize(
    ("question", "scheme"),
    [
        ("Jeg er rektor i Melhus og alle snakker om DEKOM. Hva er det egentlig?", "DEKOM"),
        ("ny som rektor i melhus og alle snakker om dekom.. hva er det egentlig?", "DEKOM"),
        ("naboen min jobber i barnehage og snakker om rekom… hva er det?", "REKOM"),
        ("my kid's school in trondheim keeps mentioning DEKOM. what is that?", "DEKOM"),
    ],
)
def test_what_the_named_scheme_is_whoever_asks(engine: Engine, question: str, scheme: str) -> None:
    sentence = first_sentence(sure(engine, question))
    assert sentence.startswith(f"{scheme} er"), sentence
    assert "samling" not in sentence


def test_a_scheme_named_with_a_subject_is_its_samling(engine: Engine) -> None:
    question = "kollegaen min spurte om dette dekom engelsk greiene. hva er det egentlig?"
    reply = sure(engine, question, EARLY_SEPTEMBER_2020)
    assert "Engelsk på barnetrinnet" in first_sentence(reply)


def test_dots_in_a_row_end_the_sentence_that_tells(engine: Engine) -> None:
    question = "fikk ikke sendt påmelding til engelsk enda.. kan vi fortsatt melde på?"
    reply = sure(engine, question, "2020-09-28T11:00")
    assert first_sentence(reply).startswith("Nei")
