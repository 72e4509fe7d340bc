"""Attribute questions answered in the first sentence, yes/no questions answered "Ja." or "Nei."
first, and a known entity with an attribute the pages do not give answered without confidence
(issue 9, classes 5, 6 and 11)."""

from __future__ import annotations

import re

import pytest

from bot.core.engine import Engine
from tests.core.asking import (
    EARLY_SEPTEMBER_2020,
    NOVEMBER_2020,
    ask,
    first_sentence,
    starts_with_verdict,
    words_before_list,
)

# -- Attributes ---------------------------------------------------------------------------------

ATTRIBUTES = [
    # (question, what the first sentence must say)
    ("hva står DEKOM for?", "kompetanseutvikling i skolen"),
    ("når trådte REKOM i kraft?", "2019"),
    ("hvem står bak modellen fra 2017?", "Kunnskapsdepartementet"),
    ("hvem finansierer lesetråder?", "Utdanningsdirektoratet"),
    ("hvor kommer pengene til skolebibliotekprosjektet fra?", "Utdanningsdirektoratet"),
    ("hvor lenge gjelder strategien kompetanse for framtidens barnehage?", "2014–2020"),
    ("hvor lenge gjelder fokusområdene i Trondheimsskolen?", "2023–2027"),
    ("hva er hensikten med lesetråder?", "leseglede"),
    ("hva er formålet med REKOM?", "pedagogiske praksis"),
    ("hva er målet med læringsorientert ledelse?", "prosesskompetanse"),
    ("hvem er hovedpartner i kompetansenettverket?", "NTNU"),
    ("når kom den nye modellen for kompetanseutvikling i skolen?", "2017"),
    ("hvor er DEKOM beskrevet?", "Stortingsmelding 21"),
    ("når ble lesetråd-prosjektet avsluttet?", "2020"),
    ("hvem samarbeider prosjektskolene i lesetråder med?", "bydelsbibliotekene"),
    ("når er den nye langsiktige planen for nettverket på plass?", "januar 2024"),
    ("hvem har fastsatt fokusområdene i Trondheim?", "skoleeier"),
    ("hva er temaet i kompetansenettverket i perioden 2018-2023?", "fagfornyelsen"),
]


@pytest.mark.parametrize(("question", "expected"), ATTRIBUTES)
def test_the_attribute_asked_is_in_the_first_sentence(
    engine: Engine, question: str, expected: str
) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert expected.lower() in first_sentence(reply).lower(), reply.text


@pytest.mark.parametrize(
    "question",
    ["når trådte REKOM i kraft?", "når kom 2017-modellen?", "når ble lesetråder avsluttet?"],
)
def test_a_when_question_about_a_scheme_is_not_read_as_a_samling_question(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert "Jeg finner ingen samlinger" not in reply.text
    assert "samling" not in first_sentence(reply).lower(), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hvem finansierer lesetråder?",
        "når trådte REKOM i kraft?",
        "hvem står bak modellen fra 2017?",
        "hvor lenge gjelder fokusområdene i Trondheimsskolen?",
        "hva er formålet med REKOM?",
    ],
)
def test_an_attribute_answer_is_short_not_the_whole_entry(engine: Engine, question: str) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert words_before_list(reply) <= 60, reply.text
    assert "•" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("question", "names"),
    [
        (
            "hvilke kommuner er med i Gauldalsregionen?",
            ("Holtålen", "Melhus", "Midtre Gauldal", "Oppdal", "Rennebu", "Røros"),
        ),
        (
            "hvilke ordninger består modellen fra 2017 av?",
            ("oppfølgingsordning", "innovasjonsordning"),
        ),
        ("hvilke skoler deltar i lesetråder?", ("Nardo", "Lilleby")),
        ("hvilke fokusområder har Trondheimsskolen?", ("Lesing", "Inkluderende læringsmiljø")),
    ],
)
def test_members_are_named(engine: Engine, question: str, names: tuple[str, ...]) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    for name in names:
        assert name.lower() in reply.text.lower(), reply.text


def test_a_count_question_gets_the_number(engine: Engine) -> None:
    reply = ask(engine, "hvor mange kommuner er med i Gauldalsregionen?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert re.search(r"\b(seks|6)\b", first_sentence(reply).lower()), reply.text


def test_a_scheme_is_called_an_ordning_not_a_strategy(engine: Engine) -> None:
    reply = ask(engine, "hva er REKOM?", EARLY_SEPTEMBER_2020)
    assert "ordning" in reply.text.lower()
    assert "strategi" not in reply.text.lower(), reply.text


# -- Yes/no -------------------------------------------------------------------------------------

YES_NO = [
    # (question, now, "Ja" or "Nei")
    ("er Oppdal med i Trondheims-nettverket?", EARLY_SEPTEMBER_2020, "Nei"),
    ("er Malvik med i kompetansenettverket med Trondheim?", EARLY_SEPTEMBER_2020, "Ja"),
    ("er Røros med i Gauldalsregionen?", EARLY_SEPTEMBER_2020, "Ja"),
    ("er Malvik en del av Gauldalsregionen?", EARLY_SEPTEMBER_2020, "Nei"),
    ("var styrersamlinga digital?", NOVEMBER_2020, "Ja"),
    ("rekker jeg fristen for engelsk på barnetrinnet?", "2020-09-20T12:00", "Ja"),
    ("rekker jeg fristen for engelsk på barnetrinnet?", "2020-09-25T12:00", "Nei"),
    ("er skoleledersamlingen avlyst?", EARLY_SEPTEMBER_2020, "Ja"),
    ("er samlingen for lærere på 1. trinn avlyst?", EARLY_SEPTEMBER_2020, "Nei"),
    ("er NTNU med på samlingen om begynneropplæring?", EARLY_SEPTEMBER_2020, "Ja"),
    ("gjelder REKOM for skolen?", EARLY_SEPTEMBER_2020, "Nei"),
    ("gjelder REKOM for barnehagene?", EARLY_SEPTEMBER_2020, "Ja"),
    ("gjelder Kompetanseløftet PPT?", EARLY_SEPTEMBER_2020, "Ja"),
    ("er Lilleby med i lesetråder?", EARLY_SEPTEMBER_2020, "Ja"),
    ("er NTNU hovedpartner for nettverket i Trondheim?", EARLY_SEPTEMBER_2020, "Ja"),
    ("er det påmeldingsfrist for engelsk-samlingen?", EARLY_SEPTEMBER_2020, "Ja"),
    ("blir det samling 1. oktober?", EARLY_SEPTEMBER_2020, "Ja"),
    ("er styrersamlingen over?", NOVEMBER_2020, "Ja"),
]


@pytest.mark.parametrize(("question", "now", "verdict"), YES_NO)
def test_a_yes_no_question_starts_with_the_verdict(
    engine: Engine, question: str, now: str, verdict: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


def test_a_yes_about_a_deadline_gives_the_date(engine: Engine) -> None:
    reply = ask(engine, "er det påmeldingsfrist for engelsk-samlingen?", EARLY_SEPTEMBER_2020)
    assert "24. september" in reply.text, reply.text


def test_a_no_about_a_network_says_who_is_in_it(engine: Engine) -> None:
    reply = ask(engine, "er Oppdal med i Trondheims-nettverket?", EARLY_SEPTEMBER_2020)
    assert "Malvik" in reply.text, reply.text


def test_only_the_styrersamling_is_said_to_be_gjennomfort(engine: Engine) -> None:
    held = ask(engine, "når var ledersamlingen på Oppdal?", NOVEMBER_2020)
    assert held.confident, held.text
    assert "gjennomført" not in held.text, held.text
    assert re.search(r"\b(var|ble)\b", held.text), held.text


# -- Known entity, unknown attribute ------------------------------------------------------------

NOT_IN_THE_PAGES = [
    "hva koster ledersamlingen?",
    "hvem er oppvekstsjef i Melhus?",
    "hva er passordet til møtet?",
    "hva er zoom-lenken til styrersamlingen?",
    "hvor mye penger får Trondheim gjennom DEKOM?",
    "hvem er kontaktperson for lesetråder?",
    "hvor mange elever går på Nardo?",
    "hva er telefonnummeret til Gauldalsregionen?",
    "blir det servert lunsj på engelsk-samlingen?",
    "hvem er rektor på Lilleby?",
    "hvor mange barnehager er det i Rennebu?",
    "ka koste styrersamlinga?",
    "kven er ordføraren i Oppdal?",
]


@pytest.mark.parametrize("question", NOT_IN_THE_PAGES)
def test_an_attribute_the_pages_do_not_give_is_not_answered_confidently(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert not reply.confident, reply.text


def test_the_unknown_attribute_reply_is_brief(engine: Engine) -> None:
    reply = ask(engine, "hva koster ledersamlingen?", EARLY_SEPTEMBER_2020)
    assert len(reply.text.split()) <= 60, reply.text
