""" "Stemmer det at …?" read as the claim it opens, two members said to work together, the
members asked for by their noun alone, and who a lone samling in a period is for (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import ask, conversation, starts_with_verdict, sure

GAULDAL = ["Holtålen", "Melhus", "Midtre Gauldal", "Oppdal", "Rennebu", "Røros"]


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        (
            "stemmer det at begynneropplæringssamlingen er for lærere på 2. trinn?",
            "Nei",
            "1. trinn",
        ),
        ("er det sant at engelsk-dekomen er for ungdomstrinnet?", "Nei", "barnetrinnet"),
        ("er det rett at engelsksamlinga er for lærarar på barnetrinnet?", "Ja", "barnetrinnet"),
        ("stemmer det at rekom trådte i kraft i 2019?", "Ja", "2019"),
    ],
)
def test_a_claim_after_stemmer_det_at_is_checked(
    engine: Engine, question: str, verdict: str, said: str
) -> None:
    reply = sure(engine, question)
    assert starts_with_verdict(reply, verdict), reply.text
    assert said in reply.text


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("samarbeider trondheim med malvik?", "Kompetansenettverket for Trondheim og Malvik"),
        ("stemmer det at Melhus samarbeider med Rennebu?", "Gauldalsregionen"),
        ("samarbeider oppdal og røros?", "Gauldalsregionen"),
    ],
)
def test_two_members_of_one_group_are_said_to_work_together_in_it(
    engine: Engine, question: str, group: str
) -> None:
    reply = sure(engine, question)
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert group in reply.text


def test_the_partner_of_a_network_is_still_named_as_its_partner(engine: Engine) -> None:
    reply = ask(engine, "samarbeider trondheim med ntnu?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "hovedpartner" in reply.text


@pytest.mark.parametrize(
    "question", ["kommuner i gauldalsregionen?", "kommunane i Gauldalsregionen"]
)
def test_the_members_noun_alone_asks_which_they_are(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert all(name in reply.text for name in GAULDAL), reply.text


def test_the_region_named_alone_is_still_described(engine: Engine) -> None:
    reply = ask(engine, "gauldalsregionen?")
    assert reply.text.startswith("Gauldalsregionen er et samarbeid"), reply.text


def test_a_lone_samling_in_a_period_says_who_it_is_for(engine: Engine) -> None:
    reply = ask(engine, "er det noen samling i morgen? må planlegge vikar", "2020-09-17T12:00")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "For: skole og lærere på 1. trinn." in reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("ka dag e samlinga for førsteklasselærera, e d ein fredag?", "Ja"),
        ("hvilken dag er samlinga for 1. trinn, er det en torsdag?", "Nei"),
    ],
)
def test_a_weekday_claimed_of_the_samling_just_named_is_checked(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = sure(engine, question, "2020-09-10T12:00")
    assert f"{verdict}. «DEKOM – begynneropplæring" in reply.text, reply.text
    assert "fredag 18. september" in reply.text


@pytest.mark.parametrize(
    ("question", "partner"),
    [
        ("samarbeider prosjektskolene i lesetråder med noen?", "bydelsbibliotekene"),
        ("samarbeider trondheim med nokon?", "NTNU"),
    ],
)
def test_working_with_anyone_is_yes_and_says_with_whom(
    engine: Engine, question: str, partner: str
) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert partner in reply.text


def test_taking_place_asks_when_not_where(engine: Engine) -> None:
    reply = sure(engine, "Når fant planleggingsdagen for skole sted?")
    assert "29. november 2019" in reply.text
    assert "ikke noe sted registrert" not in reply.text


def test_which_samling_was_cancelled_after_one_that_was_not_lists_the_cancelled_one(
    engine: Engine,
) -> None:
    _, which = conversation(
        engine,
        [
            "stemmer det at styrersamlingen ble avlyst?",
            "hvilken samling var det da som ble avlyst?",
        ],
        "2020-10-10T12:00",
    )
    assert which.confident, which.text
    assert "Digital skoleledersamling" in which.text and "28. oktober" in which.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [("har noe blitt avlyst?", "Ja"), ("er noen samlinger for barnehage avlyst?", "Nei")],
)
def test_whether_any_samling_is_cancelled_is_answered_yes_or_no(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = ask(engine, question, "2020-09-10T12:00")
    assert starts_with_verdict(reply, verdict), reply.text
