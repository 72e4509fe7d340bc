"""A samling named by its day in whatever year ("er samlinga 18. september for oss i
barnehagen?"), a day with no samling this year, and the sector an audience is in ("bare for
lærere?" of a region for barnehage, skole and PPT; "lærere" of the barnehage strategy) (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import ask, first_sentence, sure_verdict


@pytest.mark.parametrize(
    ("question", "title", "audience"),
    [
        ("er samlinga 18. september meint for oss i barnehagen?", "begynneropplæring", "1. trinn"),
        ("er samlingen 20. januar for lærere?", "Digital ledersamling", "barnehage og ledere"),
        ("kan foreldre melde seg på samlingen 18. september?", "begynneropplæring", "1. trinn"),
    ],
)
def test_a_samling_named_by_its_day_is_that_one_whoever_asks(
    engine: Engine, question: str, title: str, audience: str
) -> None:
    first_line = sure_verdict(engine, question, "Nei").text.splitlines()[0]
    assert title in first_line
    assert audience in first_line


def test_a_format_asked_of_a_day_named_samling_is_of_that_samling(engine: Engine) -> None:
    reply = ask(engine, "er samlinga 18. september digital?")
    assert "begynneropplæring" in reply.text  # no format is registered for it
    assert not reply.confident


def test_a_day_without_a_samling_this_year_says_so_and_lists_that_day_of_other_years(
    engine: Engine,
) -> None:
    reply = ask(engine, "er det samling 18. september?", "2026-11-22T12:00")
    assert first_sentence(reply) == "Nei."
    assert "ingen samlinger fredag 18. september 2026" in reply.text
    assert "slik" not in reply.text
    assert "fredag 18. september 2020" in reply.text


@pytest.mark.parametrize(
    "question",
    ["er samarbeidet i regionen bare for lærere?", "e samarbeide i regionen berre for lærera ittj"],
)
def test_only_for_teachers_of_a_region_for_three_sectors(engine: Engine, question: str) -> None:
    assert "barnehage, skole og PPT" in sure_verdict(engine, question, "Nei").text


def test_teachers_of_the_barnehage_strategy_are_its_barnehagelaerere(engine: Engine) -> None:
    reply = ask(engine, "gjelder strategien for framtidens barnehage bare for lærere?")
    assert not reply.text.startswith("Nei. Kompetanse for framtidens barnehage")
