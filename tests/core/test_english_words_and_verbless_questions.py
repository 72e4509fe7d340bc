"""English time words and everyday English words in Norwegian messages, and "noe i morgen?"
asked without its "er det" (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import ask, conversation, starts_with_verdict, sure

DAY_BEFORE_STYRERSAMLING = "2020-10-20T12:00"
DAY_BEFORE_1_TRINN = "2020-09-17T12:00"


@pytest.mark.parametrize(
    ("question", "now", "title"),
    [
        ("any samling tomorrow for bhg styrere?", DAY_BEFORE_STYRERSAMLING, "styrersamling"),
        ("is there anything tomorrow?", DAY_BEFORE_1_TRINN, "begynneropplæring"),
        ("samlinger next week?", "2020-09-24T12:00", "Engelsk på barnetrinnet"),
    ],
)
def test_english_time_words_name_the_day(
    engine: Engine, question: str, now: str, title: str
) -> None:
    reply = sure(engine, question, now)
    assert title in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("which stortingsmelding describes dekom?", "Stortingsmelding 21"),
        ("is there any dekom for teachers who teach english?", "barnetrinnet"),
        ("can I still make the frist for engelsk samlingen?", "24. september"),
    ],
)
def test_everyday_english_words_are_read(engine: Engine, question: str, said: str) -> None:
    reply = sure(engine, question, "2020-09-20T12:00")
    assert said in reply.text


def test_a_follow_up_in_english_asks_of_the_samling_before(engine: Engine) -> None:
    _, digital = conversation(
        engine,
        ["skoleledersamlingen 28. oktober, når er den?", "ok, was it supposed to be digital?"],
        "2020-10-20T12:00",
    )
    assert digital.confident, digital.text
    assert "AVLYST" in digital.text


@pytest.mark.parametrize(
    ("question", "now", "verdict"),
    [
        ("noe i morgen?", DAY_BEFORE_1_TRINN, "Ja"),
        ("nån samling for styrera i morra?", DAY_BEFORE_STYRERSAMLING, "Ja"),
        ("noe i morgen?", "2020-09-20T12:00", "Nei"),
    ],
)
def test_noe_without_er_det_asks_yes_or_no(
    engine: Engine, question: str, now: str, verdict: str
) -> None:
    reply = sure(engine, question, now)
    assert starts_with_verdict(reply, verdict), reply.text


@pytest.mark.parametrize(
    ("question", "now", "said"),
    [
        ("rekker ejg å melde meg på engelsksamlinga ennå??", "2020-09-20T12:00", "24. september"),
        ("skoleledersamlinga 28okt blir den digital ellr fysisk?", "2020-10-20T12:00", "AVLYST"),
        ("hvilke år gjelder fokusområdene forr?", "2026-11-22T12:00", "2023–2027"),
    ],
)
def test_a_slip_of_a_small_word_is_mended_not_read_as_an_unknown_word(
    engine: Engine, question: str, now: str, said: str
) -> None:
    reply = sure(engine, question, now)
    assert said in reply.text


@pytest.mark.parametrize("question", ["kan ungen min bytte skole midt i året?", "er det vel HiST?"])
def test_a_word_that_is_a_letter_off_a_small_word_is_not_mended_into_it(
    engine: Engine, question: str
) -> None:
    assert not ask(engine, question).confident


@pytest.mark.parametrize(
    ("question", "now", "said"),
    [
        ("bli det nån ledersamling for bhg før jul?", "2020-11-20T08:30", "Nei."),
        ("er det samling for barnehage innen jul?", "2020-09-20T12:00", "Ja."),
    ],
)
def test_before_christmas_is_a_period(engine: Engine, question: str, now: str, said: str) -> None:
    reply = sure(engine, question, now)
    assert reply.text.startswith(said), reply.text
    assert "før jul" in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("vad är syftet med skolbiblioteksprojektet egentligen", "leseglede"),
        ("vilka sex teman har lärandeorienterat ledarskap", "undervisningskvalitet"),
        ("når va ledersamlinga for barnehage oppi oppdal", "29."),
    ],
)
def test_swedish_and_dialect_words_are_read(engine: Engine, question: str, said: str) -> None:
    reply = sure(engine, question)
    assert said in reply.text


def test_the_weather_on_a_samling_day_is_not_in_the_sources(engine: Engine) -> None:
    assert not ask(engine, "va det kaldt på oppdal på ledersamlinga i januar").confident
