"""Claims someone else made, partners claimed of the samling just talked about, and the time
the asker means to sign up (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import ask, conversation, starts_with_verdict

BEFORE_ENGLISH_DEADLINE = "2020-09-20T12:00"  # deadline Thursday 24 September 2020
ON_ENGLISH_DEADLINE = "2020-09-24T12:00"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("En rektor påstod at REKOM er en ordning for grunnskolen. Stemmer det?", "Nei"),
        ("Kollegaen min hevdet at fristen for engelsk var 25. september. Riktig?", "Nei"),
        (
            "Styreren fortalte at ledersamlingen på Oppdal var 29.–30. januar 2020. Stemmer det?",
            "Ja",
        ),
    ],
)
def test_what_someone_else_claimed_is_checked(engine: Engine, question: str, verdict: str) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, verdict), reply.text


def test_a_partner_claimed_of_the_samling_just_talked_about(engine: Engine) -> None:
    _, claim = conversation(
        engine,
        ["når er samlingen for 1. trinn?", "og det er i samarbeid med UiT ikke sant?"],
        "2020-09-01T12:00",
    )
    assert starts_with_verdict(claim, "Nei"), claim.text
    assert "NTNU" in claim.text


@pytest.mark.parametrize(
    ("follow_up", "now", "verdict"),
    [
        ("rekker jeg den i kveld?", BEFORE_ENGLISH_DEADLINE, "Ja"),
        ("rekk æ den om æ melde mæ i kveld?", BEFORE_ENGLISH_DEADLINE, "Ja"),
        ("rekker jeg den i morgen?", ON_ENGLISH_DEADLINE, "Nei"),
    ],
)
def test_the_askers_own_time_against_the_deadline(
    engine: Engine, follow_up: str, now: str, verdict: str
) -> None:
    first, reply = conversation(engine, ["når er fristen for engelsk?", follow_up], now)
    assert first.confident
    assert starts_with_verdict(reply, verdict), reply.text
    assert "24. september" in reply.text


@pytest.mark.parametrize(
    ("question", "now", "verdict"),
    [
        (
            "er det fortsatt mulig å få med noen på engelsk på barnetrinnet?",
            "2020-09-28T13:00",
            "Nei",
        ),
        (
            "er det fortsatt mulig å få med noen på engelsk på barnetrinnet?",
            "2020-09-20T13:00",
            "Ja",
        ),
        ("kan jeg fortsatt rekke fristen for engelsk samlingen?", BEFORE_ENGLISH_DEADLINE, "Ja"),
        ("can my granddaughter still sign up for the english course?", "2020-09-28T12:00", "Nei"),
        (
            "Is the Kompetanse for framtidens barnehage strategy still running?",
            "2026-11-22T12:00",
            "Nei",
        ),
    ],
)
def test_still_possible_asks_whether_there_is_time(
    engine: Engine, question: str, now: str, verdict: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


def test_who_may_sign_up_is_still_asked_as_who_it_is_for(engine: Engine) -> None:
    reply = ask(engine, "kan foreldre melde seg på engelsksamlingen?", BEFORE_ENGLISH_DEADLINE)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "lærere i engelsk" in reply.text
