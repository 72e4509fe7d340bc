"""Which of two things came first: both times said, earliest first, and "Ja."/"Nei." when the
question claims an order (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import A_LATER_YEAR, at, starts_with_verdict, sure


@pytest.mark.parametrize(
    ("question", "verdict", "first", "second"),
    [
        ("er rekom eldre enn modellen fra 2017?", "Nei", "2017", "2019"),
        ("kom dekom før rekom?", "Ja", "2017", "2019"),
        ("e rekom nyare enn strategien for framtidens barnehage?", "Ja", "2014–2020", "2019"),
        ("var styrarsamlinga før skuleleiarsamlinga?", "Ja", "21. oktober", "28. oktober"),
    ],
)
def test_a_claimed_order_is_checked(
    engine: Engine, question: str, verdict: str, first: str, second: str
) -> None:
    reply = sure(engine, question)
    assert starts_with_verdict(reply, verdict), reply.text
    assert reply.text.index(first) < reply.text.index(second)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "kommer engelsksamlingen før eller etter begynneropplæringa?",
            "18. september",
            "1. oktober",
        ),
        ("hva kom først, planleggingsdagen eller ledersamlinga på oppdal", "2019", "januar 2020"),
    ],
)
def test_which_came_first_says_both_in_order(
    engine: Engine, question: str, first: str, second: str
) -> None:
    reply = sure(engine, question)
    assert not starts_with_verdict(reply, "Ja") and not starts_with_verdict(reply, "Nei")
    assert reply.text.index(first) < reply.text.index(second)


def test_for_in_a_title_is_no_comparison(engine: Engine) -> None:
    """ "for" (which "før" folds to) in "Kompetanse for framtidens barnehage" compares nothing."""
    reply = sure(engine, "hva er kompetanse for framtidens barnehage?")
    assert "2017" not in reply.text.split("\n")[0]


def test_a_difference_the_sources_do_not_tell_is_not_answered_as_known(engine: Engine) -> None:
    reply = engine.ask(
        "hva er forskjellen på oppfølgingsordningen og innovasjonsordningen?", at(A_LATER_YEAR)
    )
    assert not reply.confident
    assert reply.text.startswith("Kildene mine sier ikke hva som skiller")
    assert [s.id for s in reply.suggestions] == ["oppfolgingsordningen", "innovasjonsordningen"]


def test_a_difference_the_sources_tell_is_answered(engine: Engine) -> None:
    reply = sure(engine, "hva er forskjellen på rekom og dekom?")
    assert "barnehage" in reply.text and "skolen" in reply.text


def test_a_month_claimed_that_the_sources_contradict_is_no(engine: Engine) -> None:
    """ "høsten 2024" of a plan "på plass i januar 2024"."""
    reply = sure(engine, "kommer den nye planen for nettverket høsten 2024?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "januar 2024" in reply.text
    assert starts_with_verdict(sure(engine, "er den nye planen på plass i januar 2024?"), "Ja")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("kom dekom samme år som modellen?", "Ja"),
        ("ble rekom innført samtidig med den nye modellen?", "Nei"),
        (
            "Jeg antar at Regional ordning for kompetanseutvikling ble innført samtidig med den nye"
            " modellen i 2017?",
            "Nei",
        ),
    ],
)
def test_a_claim_of_the_same_time_is_checked(engine: Engine, question: str, verdict: str) -> None:
    assert starts_with_verdict(sure(engine, question), verdict)
