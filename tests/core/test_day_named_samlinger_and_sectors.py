"""A samling named by its day in whatever year ("er samlinga 18. september for oss i
barnehagen?"), a day with no samling this year, and the sector an audience is in ("bare for
lærere?" of a region for barnehage, skole and PPT; "lærere" of the barnehage strategy), and
Swedish, Danish and English conversations (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.statement_claims import guess_as_claim
from tests.core.asking import (
    A_LATER_YEAR,
    ask,
    conversation,
    first_sentence,
    starts_with_verdict,
    sure_verdict,
)


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


# -- conversations in Swedish, Danish and English ---------------------------------------------


def test_a_swedish_chat_about_the_english_samling(engine: Engine) -> None:
    first, deadline, in_time = conversation(
        engine,
        [
            "hej! min man är lärare på lågstadiet, finns det nån fortbildning i engelska för dem?",
            "och när är sista anmälningsdag?",
            "hinner han anmäla sig än?",
        ],
        "2020-09-15T12:00",
    )
    assert "Engelsk på barnetrinnet" in first.text
    assert "24. september" in deadline.text
    assert starts_with_verdict(in_time, "Ja")


def test_a_danish_cleft_question_asks_which_was_cancelled(engine: Engine) -> None:
    _, which = conversation(
        engine,
        [
            "min kollega siger at styrersamlingen i oktober blev aflyst, passer det?",
            "hvilken samling var det så der blev aflyst?",
        ],
        A_LATER_YEAR,
    )
    assert "Digital skoleledersamling" in which.text


def test_an_english_project_told_before_the_question_is_the_english_samling(
    engine: Engine,
) -> None:
    start, deadline = conversation(
        engine,
        [
            "hi, my daughter's teacher mentioned an English project for primary school "
            "teachers. when does it start?",
            "and the sign up deadline?",
        ],
        "2020-09-15T12:00",
    )
    assert "1. oktober" in first_sentence(start)
    assert "24. september" in first_sentence(deadline)


def test_towns_of_the_region_are_its_municipalities(engine: Engine) -> None:
    _, count = conversation(
        engine,
        [
            "What is this Gauldalsregionen my granddaughter keeps talking about?",
            "how many towns are in it?",
        ],
        A_LATER_YEAR,
    )
    assert "seks" in first_sentence(count)


# -- membership elsewhere, a claim with a full stop ------------------------------------------


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("er Malvik med i Gauldalsregionen?", "Malvik er med i Kompetansenettverket"),
        ("er Oppdal med i nettverket til Trondheim?", "Oppdal er med i Gauldalsregionen"),
    ],
)
def test_a_municipality_in_another_group_is_told_where_it_is(
    engine: Engine, question: str, elsewhere: str
) -> None:
    assert elsewhere in sure_verdict(engine, question, "Nei").text


def test_a_message_that_is_one_claim_with_a_full_stop_is_checked(engine: Engine) -> None:
    sure_verdict(engine, "Stortingsmelding 21 er den som beskriver DEKOM.", "Ja")
    sure_verdict(engine, "REKOM gjelder skolen.", "Nei")


# -- the main partner, "kan du bekrefte?" in a sentence of its own ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "hvilket universitet er hovedpartner?",
        "hvem er hovedpartner?",
        "main partner of the trondheim network?",
    ],
)
def test_the_main_partner_is_ntnu(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident
    assert first_sentence(reply).startswith("NTNU er hovedpartner")


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("kilden min sier NTNU er hovedpartner. kan du bekrefte?", "Ja"),
        ("NTNU er hovedpartner. Kan du bekrefte det?", "Ja"),
        ("Lesetråder ble avsluttet i 2019. Kan du bekrefte?", "Nei"),
    ],
)
def test_asked_to_confirm_in_a_sentence_of_its_own(
    engine: Engine, question: str, verdict: str
) -> None:
    sure_verdict(engine, question, verdict)


# -- hearsay with nothing asked, a guess at who ----------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("jeg har hørt at rekom er en ordning for grunnskolen", "Nei"),
        ("jeg har hørt at Trondheimsskolen har fem fokusområder nå", "Nei"),
        ("jeg har hørt at det er seks kommuner i gauldalsregionen", "Ja"),
    ],
)
def test_hearsay_told_with_nothing_asked_is_checked(
    engine: Engine, question: str, verdict: str
) -> None:
    sure_verdict(engine, question, verdict)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("hvem betaler for dekom og kompetanseløftet, er det kommunene selv?", "Nei"),
        ("hvem betaler for dekom, er det staten?", "Ja"),
        ("er det kommunene som betaler for dekom?", "Nei"),
    ],
)
def test_a_guess_at_who_pays_is_judged(engine: Engine, question: str, verdict: str) -> None:
    assert "statlig" in sure_verdict(engine, question, verdict).text


def test_a_guess_at_what_it_is_is_no_guess_at_a_body() -> None:
    assert guess_as_claim("er det statlige ordninger?", "hvem står bak Dekom") is None
    assert (
        guess_as_claim("er det kommunene selv?", "hvem betaler for dekom")
        == "er det kommunene som betaler for dekom?"
    )


@pytest.mark.parametrize(
    ("question", "besides"),
    [
        ("hvilke kommuna e me i gauldalsregionen utenom melhus",
         "I tillegg til Melhus er Holtålen"),
        ("hvilke kommuner er med i gauldalsregionen i tillegg til Oppdal og Røros?",
         "I tillegg til Oppdal og Røros er Holtålen, Melhus, Midtre Gauldal og Rennebu"),
        ("which municipalities besides melhus are in the gauldal region?",
         "I tillegg til Melhus er Holtålen"),
    ],
)  # fmt: skip
def test_the_members_besides_those_named(engine: Engine, question: str, besides: str) -> None:
    assert first_sentence(ask(engine, question)).startswith(besides)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Har fått tips om at REKOM gjelder grunnskolen. Er det korrekt?", "Nei"),
        ("hørte at Lesetråd-prosjektet fortsatt pågår, er det sant?", "Nei"),
    ],
)
def test_more_ways_to_tell_hearsay(engine: Engine, question: str, verdict: str) -> None:
    sure_verdict(engine, question, verdict)


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken periode gjelder de nåværende fokusområdene for Trondheimsskolen?",
        "när slutade lesetråd-projektet, vet du?",
    ],
)
def test_current_and_swedish_ended(engine: Engine, question: str) -> None:
    assert ask(engine, question).confident


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("trondheim-sida er ikke oppdatert siden 2020", "Nei"),
        ("er trondheimssiden oppdatert etter 2020?", "Ja"),
        ("er trondheimssiden oppdatert etter 2024?", "Nei"),
    ],
)
def test_a_page_updated_since_a_year(engine: Engine, question: str, verdict: str) -> None:
    assert "18. april 2024" in sure_verdict(engine, question, verdict).text


def test_a_claim_with_gjor_is_checked(engine: Engine) -> None:
    sure_verdict(engine, "kommunene i gauldalsregionen gjør dekom hver for seg", "Nei")


def test_a_scheme_whose_title_names_its_sector(engine: Engine) -> None:
    reply = sure_verdict(engine, "gjelder den nye modellen for skolen barnehage?", "Nei")
    assert "gjelder skole" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Har jeg rett i at det var Utdanningsdirektoratet som ga tilskudd til "
        "skolebibliotekprosjektet i Trondheim?",
        "stämmer det att kommunerna själva får prioritera vad de behöver i dekom?",
    ],
)
def test_more_ways_to_ask_whether_a_claim_holds(engine: Engine, question: str) -> None:
    sure_verdict(engine, question, "Ja")
