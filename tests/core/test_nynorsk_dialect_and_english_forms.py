"""Nynorsk and dialect forms ("sidan", "skuleeigar", "eitt av", "koss mange"), an English
parent's chat, and a verb that opens a claim ("erstatter dekom … med en gang?") (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import A_LATER_YEAR, conversation, starts_with_verdict, sure


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("sidan kva år har rekom vore i kraft", "2019"),
        ("koss mange kommuna e me i regionen vårres", "seks"),
        ("until which year do the trondheim fokusområder run?", "2027"),
        ("is the Lesetråd project still running?", "avsluttet i 2020"),
    ],
)
def test_forms_are_read_as_bokmål(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question).text


@pytest.mark.parametrize(
    "question",
    [
        "er aktiv skuleeigar eit av dei temaa?",
        "Er aktiv skoleeigar eitt av tema under læringsorientert leiing i Trondheim?",
    ],
)
def test_an_item_of_a_list_in_nynorsk_is_found(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert reply.text.startswith("Ja. Aktiv skoleeier er ett av dem."), reply.text


def test_erstatter_opens_a_claim(engine: Engine) -> None:
    reply = sure(engine, "erstatter dekom de statlige satsingene med en gang")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "gradvis" in reply.text


def test_an_english_parent_can_follow_up(engine: Engine) -> None:
    first, schools = conversation(
        engine,
        ["what is this Lesetråder thing my son's skole talks about", "which schools are in it?"],
        A_LATER_YEAR,
    )
    assert first.confident and "skolebibliotek" in first.text
    assert "Nardo" in schools.text and "Lilleby" in schools.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("erdet noe samling for bhg imorgen?", "20. januar"),
        ("hvilke kommuner ermed i gauldalsregionen?", "Holtålen"),
        ("nårvar styrersamlingen forbhg egentlig", "21. oktober"),
    ],
)
def test_two_small_words_typed_as_one_are_read_apart(
    engine: Engine, question: str, said: str
) -> None:
    assert said in sure(engine, question, "2021-01-19T12:00").text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("dekom gjelder bare barnehage sant", "Nei"),
        ("styrersamlinga for bhg ble holdt fysisk på røros gjorde den ikke", "Nei"),
        ("skal dekom erstatte de statslige satsninger med det samme?", "Nei"),
        ("står de private skolene i trondheim utenfor kompetansenettverket med malvik?", "Nei"),
    ],
)
def test_tag_questions_and_claims_the_other_way(
    engine: Engine, question: str, verdict: str
) -> None:
    assert starts_with_verdict(sure(engine, question), verdict)


def test_hvilke_tema_har_det_asks_of_what_was_just_named(engine: Engine) -> None:
    _goal, themes = conversation(
        engine, ["hva er målet med læringsorientert ledelse", "hvilke tema har det"], A_LATER_YEAR
    )
    assert themes.confident and "aktiv skoleeier" in themes.text, themes.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("kva kommunar er med saman med oss i gauldalsregionen", "Midtre Gauldal"),
        ("kva tema er med i læringsorientert leiing?", "undervisningskvalitet"),
    ],
)
def test_hva_before_a_plural_noun_asks_which(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question).text


@pytest.mark.parametrize(
    "question", ["kor lenge har rekom vorre te", "hvor lenge har REKOM vært til?"]
)
def test_hvor_lenge_har_det_vaert_asks_since_when(engine: Engine, question: str) -> None:
    assert "2019" in sure(engine, question).text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what period do the focus areas cover?", "2023–2027"),
        ("whats the goal of the inclusive learning environment area", "raust"),
    ],
)
def test_english_words_that_make_a_compound_are_joined(
    engine: Engine, question: str, said: str
) -> None:
    """ "focus areas" is "fokus områder", read as the compound "fokusområder"."""
    assert said in sure(engine, question).text


def test_a_sentence_with_every_word_of_a_yes_no_question_confirms_it(engine: Engine) -> None:
    reply = sure(
        engine, "har kommunen ansvaret for at barna får et trygt bhg tilbud ifølge strategien?"
    )
    assert starts_with_verdict(reply, "Ja"), reply.text
