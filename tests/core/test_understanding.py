"""Questions as teachers really ask them: everyday time words, long questions with personal
context, split and merged words and typos, filters that hold, a named samling with a day but no
year, and small talk (issue 9, classes 3, 4, 8, 9, 10 and 12)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.reply import Intent
from tests.core.asking import (
    A_LATER_YEAR,
    AUTUMN_START_2020,
    EARLY_SEPTEMBER_2020,
    NOVEMBER_2020,
    ask,
)

# -- Everyday time words ------------------------------------------------------------------------

TIME_WORDS = [
    ("neste fagsamling for lærere?", EARLY_SEPTEMBER_2020, "18. september"),
    ("hva skjer i morra?", "2020-09-17T12:00", "18. september"),
    ("kommer det noen samling snart?", EARLY_SEPTEMBER_2020, "18. september"),
    ("hva skjer neste uke?", EARLY_SEPTEMBER_2020, "18. september"),
]


@pytest.mark.parametrize(("question", "now", "expected"), TIME_WORDS)
def test_everyday_time_words(engine: Engine, question: str, now: str, expected: str) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert expected.lower() in reply.text.lower(), reply.text


# -- Long questions with personal context -------------------------------------------------------

LONG = [
    (
        "Hei! Jeg er pedagogisk leder i Holtålen og har nettopp begynt, så jeg lurer på når "
        "neste samling for barnehage er?",
        "21. oktober",
    ),
    (
        "Hei, jeg jobber som kontaktlærer på 1. trinn på en liten skole i Rennebu og er ganske "
        "ny her. Når er samlingen om begynneropplæring?",
        "18. september",
    ),
    (
        "Jeg har jobbet i barnehage i tjue år og har vært på mange kurs opp gjennom årene. "
        "Hvilke kommuner er med i Gauldalsregionen?",
        "Holtålen",
    ),
    (
        "Eg er nytilsett lærar på ein skule i Trondheim og vil gjerne vite kva fokusområda "
        "til Trondheimsskulen er.",
        "Lesing",
    ),
    (
        "Hei! Æ e nyansatt på ein skole i Midtre Gauldal og lure på ka tid den neste samlinga e.",
        "18. september",
    ),
]


@pytest.mark.parametrize(("question", "expected"), LONG)
def test_personal_context_does_not_sink_the_answer(
    engine: Engine, question: str, expected: str
) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert expected.lower() in reply.text.lower(), reply.text


# -- Split and merged words, typos --------------------------------------------------------------

SPELLING = [
    ("hvilke kommuner er med i gauldal regionen?", EARLY_SEPTEMBER_2020, "Holtålen"),
    ("nestefrist?", EARLY_SEPTEMBER_2020, "24. september"),
    ("hva er inkluderende lærings miljø?", EARLY_SEPTEMBER_2020, "raust"),
    ("når er samlingen om begynner opplæring?", EARLY_SEPTEMBER_2020, "18. september"),
    ("når er nesste samling?", EARLY_SEPTEMBER_2020, "18. september"),
    ("hva er dekkom?", EARLY_SEPTEMBER_2020, "desentralisert"),
    ("hvem er hovedparnter i nettverket?", EARLY_SEPTEMBER_2020, "NTNU"),
    ("påmeldingsfirst engelsk", EARLY_SEPTEMBER_2020, "24. september"),
    ("når var styrersamlnigen?", NOVEMBER_2020, "21. oktober"),
    ("hva er kompetanseløfet?", EARLY_SEPTEMBER_2020, "statlig"),
    ("hvilke kommuner er i gauldalsregjonen?", EARLY_SEPTEMBER_2020, "Røros"),
    ("skule bibliotek prosjektet i trondheim", EARLY_SEPTEMBER_2020, "Lesetråd"),
    ("hva er laeringsorientert ledelse", EARLY_SEPTEMBER_2020, "lederteam"),
    ("nar er fristen for engelsk pa barnetrinnet", EARLY_SEPTEMBER_2020, "24. september"),
]


@pytest.mark.parametrize(("question", "now", "expected"), SPELLING)
def test_split_merged_and_misspelt_words(
    engine: Engine, question: str, now: str, expected: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert expected.lower() in reply.text.lower(), reply.text


# -- Filters that hold --------------------------------------------------------------------------


def test_a_barnehage_samling_is_not_a_school_samling(engine: Engine) -> None:
    reply = ask(engine, "neste samling for barnehage", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "21. oktober" in reply.text
    assert "Engelsk" not in reply.text and "1. trinn" not in reply.text, reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hva skjer i Gauldalsregionen i høst?",
        "kva samlingar er det i gauldal?",
    ],
)
def test_the_region_and_its_municipalities_have_samlinger(engine: Engine, question: str) -> None:
    reply = ask(engine, question, AUTUMN_START_2020)
    assert reply.confident, reply.text
    assert "Jeg finner ingen samlinger" not in reply.text
    assert "18. september" in reply.text, reply.text


def test_lerere_in_october_get_the_english_samling_not_the_styrer_one(engine: Engine) -> None:
    reply = ask(engine, "er det noe for lærere i Melhus i oktober?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "1. oktober" in reply.text
    assert "styrersamling" not in reply.text.lower(), reply.text


def test_dekom_samlinger_are_only_dekom(engine: Engine) -> None:
    reply = ask(engine, "hvilke DEKOM-samlinger er det i høst?", AUTUMN_START_2020)
    assert reply.confident, reply.text
    assert "18. september" in reply.text and "1. oktober" in reply.text
    assert "styrersamling" not in reply.text.lower(), reply.text


def test_a_styrer_samling_in_a_municipality_of_the_region(engine: Engine) -> None:
    reply = ask(engine, "når er samlingen for styrere i Holtålen?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "21. oktober" in reply.text, reply.text


# -- A named samling with a day but no year -----------------------------------------------------

NAMED_DAY = [
    ("styrersamlingen 21. oktober", A_LATER_YEAR, "21. oktober 2020"),
    ("styrersamlingen 21. oktober", AUTUMN_START_2020, "21. oktober 2020"),
    ("hvordan gikk styrersamlinga 21. oktober?", "2023-03-01T12:00", "Zoom"),
    ("skoleledersamlingen 28. oktober", "2024-10-01T12:00", "avlyst"),
    ("engelsk-samlingen 1. oktober", "2022-05-05T12:00", "1. oktober 2020"),
    ("samlingen for 1. trinn 18. september", "2025-09-01T12:00", "18. september 2020"),
    ("ledersamlingen 20. januar", "2023-01-10T12:00", "20. januar 2021"),
]


@pytest.mark.parametrize(("question", "now", "expected"), NAMED_DAY)
def test_a_named_samling_with_a_day_is_found_whatever_year_it_is(
    engine: Engine, question: str, now: str, expected: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert expected.lower() in reply.text.lower(), reply.text


# -- Small talk ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["er du et menneske?", "e du ein robot?", "snakker jeg med en ekte person?"]
)
def test_the_bot_says_what_it_is(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert "ikke et menneske" in reply.text, reply.text


@pytest.mark.parametrize(
    "question", ["tusen takk, det hjalp masse!", "takk skal du ha", "takk for hjelpa!", "takk"]
)
def test_thanks_get_a_friendly_reply(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.intent is Intent.THANKS, reply.text
    assert "vet jeg dessverre ikke" not in reply.text


@pytest.mark.parametrize("question", ["heisann, står det bra til?", "hei", "god morgen!", "hallo"])
def test_greetings_get_a_greeting(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.intent is Intent.GREETING, reply.text
    assert "Mente du" not in reply.text


@pytest.mark.parametrize("question", ["ha det bra", "snakkes!"])
def test_goodbyes_get_a_goodbye(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.intent is Intent.GOODBYE, reply.text


def test_the_dont_know_reply_is_short(engine: Engine) -> None:
    reply = ask(engine, "hvordan lager man surdeigsbrød?")
    assert not reply.confident
    assert len(reply.text.split()) < 30, reply.text
