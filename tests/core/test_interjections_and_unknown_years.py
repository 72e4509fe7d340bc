"""A bare "hæ," before the question, "hjelpe til med" of a scheme, "for" before a time, and
years after every samling known (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import EARLY_SEPTEMBER_2020, ask, conversation, first_sentence, sure


@pytest.mark.parametrize(
    "question", ["hæ, ka e rekom for nåkka?", "hva? hva er rekom", "kva, kva er REKOM for noko?"]
)
def test_a_bare_question_word_before_the_question_is_not_a_question_of_its_own(
    engine: Engine, question: str
) -> None:
    reply = sure(engine, question)
    assert "Regional ordning" in first_sentence(reply)


def test_a_greeting_alone_before_a_statement_is_still_answered_as_a_greeting(
    engine: Engine,
) -> None:
    reply = ask(engine, "Hei! Styrar i Rennebu her")
    assert reply.text.startswith("Hei"), reply.text


def test_what_a_scheme_shall_help_with_is_asked_of_it_not_a_call_for_help(engine: Engine) -> None:
    first, helps = conversation(
        engine, ["kva er rekom?", "å ka ska den hjelp te me?"], EARLY_SEPTEMBER_2020
    )
    assert first.confident
    assert helps.confident, helps.text
    assert "rammeplan" in helps.text
    assert "Jeg svarer på spørsmål om" not in helps.text
    assert ask(engine, "hjelp").text.startswith("Jeg svarer på spørsmål om")


@pytest.mark.parametrize(
    "question",
    [
        "Hvilke DEKOM-samlinger er satt opp for høsten 2027?",
        "hvilke samlinger i gauldalsregionen er planlagt høsten 2025?",
        "bli det ledersamling for bhg i januar 2027 og?",
        "kva samlingar er det i 2028?",
    ],
)
def test_a_year_after_every_known_samling_is_not_said_to_be_empty(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert reply.text.startswith("Jeg kjenner ikke til noen samlinger"), reply.text
    assert "Digital ledersamling barnehage" in reply.text  # the last one the overview has
    assert not reply.text.startswith("Nei")


def test_a_time_within_the_known_samlinger_is_still_answered_as_sure(engine: Engine) -> None:
    empty = ask(engine, "samlinger i mars 2020?")
    assert empty.confident and empty.text.startswith("Jeg finner ingen samlinger"), empty.text
    tomorrow = ask(engine, "er det noe i morgen?", "2020-09-20T12:00")
    assert tomorrow.confident and tomorrow.text.startswith("Nei."), tomorrow.text


def test_for_before_a_time_does_not_ask_who_a_samling_is_for(engine: Engine) -> None:
    reply = sure(engine, "hvilke samlinger er satt opp for oktober 2020?", EARLY_SEPTEMBER_2020)
    assert "21. oktober" in reply.text and "28. oktober" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "er lesetråd-prosjektet fortsatt i gang?",
        "pågår lesetråder fortsatt?",
        "Pågår Lesetråd enno?",
    ],
)
def test_a_project_that_has_ended_is_not_still_going_on(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert reply.text.startswith("Nei."), reply.text
    assert "avsluttet i 2020" in reply.text


def test_a_long_message_that_points_back_to_a_samling_it_names_is_answered_of_it(
    engine: Engine,
) -> None:
    reply = ask(
        engine,
        "Jeg har satt av dagen til den digitale skoleledersamlingen 28. oktober. Før jeg "
        "begynner å flytte på ting: blir den samlingen faktisk gjennomført?",
        "2020-10-20T12:00",
    )
    assert reply.text.startswith("Nei."), reply.text
    assert "AVLYST" in reply.text


def test_a_modal_without_its_jeg_after_the_question_tells_and_asks_nothing(engine: Engine) -> None:
    reply = sure(
        engine,
        "når er neste ledersamling for bhg? vil melde på to pedagogiske ledere",
        "2020-11-20T12:00",
    )
    assert "20. januar 2021" in first_sentence(reply)


def test_a_year_after_all_a_source_tells_of_is_not_answered_from_it(engine: Engine) -> None:
    reply = ask(engine, "Kva planar har Gauldalsregionen for kompetanseutvikling i 2025?")
    assert not reply.confident, reply.text
    assert "etter 2021" in reply.text
    within = ask(engine, "hva er fokusområdene for 2026?")  # Trondheim's are for 2023–2027
    assert within.confident, within.text


def test_pagaende_names_the_ongoing_satsinger_it_does_not_ask_yes_or_no(engine: Engine) -> None:
    reply = sure(engine, "Pågående lokale og nasjonale satsinger i Gauldalsregionen")
    assert "fire pågående lokale og nasjonale satsinger" in first_sentence(reply)
