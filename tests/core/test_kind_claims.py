"""Claims of what kind of thing a scheme, strategy or focus area is: "er REKOM en
stortingsmelding?" gets "Nei." and what REKOM is; its own kind is confirmed; a narrower audience
("ungdomsskolen") is asked of the sector it is part of; "bare to …?" claims a count (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import A_LATER_YEAR, ask, conversation, starts_with_verdict, sure


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("er rekom en stortingsmelding?", "Regional ordning"),
        ("e dekom ein strategi?", "desentraliserte ordningen"),
        ("er lesing et prosjekt?", "Lesing"),
        ("er kompetanse for framtidens barnehage en lov?", "Strategien"),
        ("er lesetråder et fokusområde?", "skolebibliotek"),
        ("er kompetanseløftet en lønnsøkning for lærerne?", "tilskuddsordningene"),
        ("er dekom et slags leksehjelp opplegg for elevene?", "desentraliserte ordningen"),
    ],
)
def test_a_named_entry_called_another_kind_is_no(engine: Engine, question: str, said: str) -> None:
    reply = sure(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert said in reply.text.split("\n")[0]


@pytest.mark.parametrize(
    "question",
    ["er dekom en ordning?", "er lesetråder et prosjekt?", "er REKOM ei tilskotsordning?"],
)
def test_a_named_entry_called_its_own_kind_is_yes(engine: Engine, question: str) -> None:
    assert starts_with_verdict(sure(engine, question), "Ja")


def test_a_word_the_region_is_tagged_with_is_not_denied(engine: Engine) -> None:
    reply = ask(engine, "er gauldalsregionen et nettverk?")
    assert not starts_with_verdict(reply, "Nei"), reply.text


def test_er_det_en_lov_asks_of_the_last_subject(engine: Engine) -> None:
    first, claim = conversation(
        engine, ["hva er kompetanse for framtidens barnehage?", "er det en lov?"], A_LATER_YEAR
    )
    assert first.confident
    assert claim.confident and starts_with_verdict(claim, "Nei"), claim.text
    assert "Strategi 2014–2020»" in claim.text  # the title in «…» kept whole


def test_one_message_asks_what_it_is_and_whether_it_is_a_law(engine: Engine) -> None:
    reply = sure(engine, "hva er kompetanse for framtidens barnehage, er det en lov?")
    assert "Nei." in reply.text
    assert not reply.text.startswith("Strategi 2014")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("er rekom for ungdomsskolen?", "Nei"),
        ("er rekom noe for mellomtrinnet?", "Nei"),
        ("gjeld dekom for småskulen?", "Ja"),
        ("er REKOM for styrarar?", "Ja"),
    ],
)
def test_a_narrower_group_is_asked_of_its_sector(
    engine: Engine, question: str, verdict: str
) -> None:
    """ "ungdomstrinn" is part of skole (`part_of` in vocabulary.yaml)."""
    assert starts_with_verdict(sure(engine, question), verdict)


def test_er_det_en_with_more_after_asks_whether_there_is_one(engine: Engine) -> None:
    """ "er det en ny plan på gang?" after the network is no claim that the network is a plan."""
    _network, plan = conversation(
        engine, ["hvem er trondheim i nettverk med?", "er det en ny plan på gang?"], A_LATER_YEAR
    )
    assert not starts_with_verdict(plan, "Nei"), plan.text
    assert "januar 2024" in plan.text


@pytest.mark.parametrize(
    "question",
    ["er digitale ferdigheter et eget fokusområde i 2023-2027?", "er matte et satsingsområde?"],
)
def test_a_thing_not_listed_among_all_of_its_kind_is_no(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "læringsorientert ledelse, inkluderende læringsmiljø og lesing" in reply.text


def test_a_kind_spread_over_several_groups_denies_nothing(engine: Engine) -> None:
    """The ordninger are listed by two groups, so no one list says what is not an ordning."""
    reply = ask(engine, "er oppfølging en ordning?")
    assert not starts_with_verdict(reply, "Nei"), reply.text


def test_bare_with_a_count_claims_the_count(engine: Engine) -> None:
    reply = sure(engine, "er det bare to ordninger i den nye modellen fra 2017?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "tre ordninger" in reply.text
