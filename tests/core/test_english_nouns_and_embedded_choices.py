"""English questions with everyday words ("meet", "training day", "the name of"), English
seasons with a year, "neste vår" asked in the autumn, claims with a relative clause or a longer
subject, and a question word inside a claim or after "bestemmer" (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.clauses import split_clauses
from bot.core.engine import Engine
from bot.core.statement_claims import with_its_subject
from tests.core.asking import (
    EARLY_SEPTEMBER_2020,
    ask,
    first_sentence,
    sure,
    sure_verdict,
)

# -- English words a parent types -------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "What is the Trondheim school library project called again?",
        "what's the name of the school library project?",
        "hva er navnet på biblioteksprosjektet?",
    ],
)
def test_the_name_of_the_library_project_is_lesetrader(engine: Engine, question: str) -> None:
    assert "Lesetråder" in first_sentence(sure(engine, question))


def test_kindergarten_leaders_meeting_in_oppdal_is_the_january_samling(engine: Engine) -> None:
    reply = sure(engine, "when did the kindergarten leaders meet in Oppdal?")
    assert "29.–30. januar 2020" in first_sentence(reply)


def test_a_training_day_is_a_samling(engine: Engine) -> None:
    reply = sure(
        engine,
        "hi, my daughter just started 1st grade in melhus. heard her teachers have some "
        "training day with ntnu, when is it?",
        EARLY_SEPTEMBER_2020,
    )
    assert "18. september" in reply.text


def test_teacher_training_is_competence_development_not_a_course(engine: Engine) -> None:
    reply = sure(engine, "who introduced the new model for teacher training back in 2017?")
    assert first_sentence(reply).startswith("Kunnskapsdepartementet")


def test_the_staff_groups_of_the_region(engine: Engine) -> None:
    reply = sure(engine, "what staff groups does the gauldal regional cooperation target")
    assert "barnehage, grunnskole og PPT" in reply.text


def test_the_municipality_trondheim_shares_its_network_with(engine: Engine) -> None:
    reply = sure(engine, "Which municipality does Trondheim share its competence network with?")
    assert "Malvik" in reply.text


# -- seasons ------------------------------------------------------------------------------------


def test_an_english_season_with_a_year_is_that_season(engine: Engine) -> None:
    reply = ask(engine, "is there a samling in spring 2022?")
    assert not reply.confident
    assert "våren 2022" in reply.text
    assert "2023–2027" not in ask(engine, "are there any samlinger planned for spring 2027?").text


@pytest.mark.parametrize(
    ("question", "now", "season"),
    [
        ("noe neste vår?", "2020-10-01T12:00", "våren 2021"),  # the coming spring
        ("noe neste høst?", "2020-10-01T12:00", "høsten 2021"),  # in this autumn: the next one
        ("noe neste vinter?", "2020-10-01T12:00", "vinteren 2020/2021"),
        ("noe neste vinter?", "2021-01-10T12:00", "vinteren 2021/2022"),
    ],
)
def test_next_season_is_the_coming_one(
    engine: Engine, question: str, now: str, season: str
) -> None:
    assert season in ask(engine, question, now).text


# -- claims -----------------------------------------------------------------------------------


def test_a_claim_with_a_relative_clause_in_its_subject(engine: Engine) -> None:
    reply = sure_verdict(
        engine, "lesetråd-prosjektet som skolebibliotekene bygger på ble avsluttet i 2018", "Nei"
    )
    assert "2020" in reply.text


def test_a_claim_with_a_long_subject(engine: Engine) -> None:
    reply = sure_verdict(
        engine, "den nye modellen for kompetanseutvikling i skolen består av to ordninger", "Nei"
    )
    assert "tre ordninger" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Er det slik at dekom lar kommunene selv prioritere hvilke kompetansetiltak de trenger?",
        "jeg har hørt at kommunene selv skal prioritere hvilke kompetansetiltak de trenger under "
        "dekom, er det riktig?",
    ],
)
def test_a_question_word_inside_a_claim_is_part_of_it(engine: Engine, question: str) -> None:
    sure_verdict(engine, question, "Ja")


def _opener(word: str) -> str | None:
    """A small stand-in for the reader's opener test."""
    if word in ("hva", "hvilke"):
        return "wh"
    return "yes_no" if word in ("er", "lar", "skal", "var") else None


def test_the_verb_of_a_claim_is_moved_first_not_its_question_word() -> None:
    [clause] = split_clauses(
        "Er det slik at dekom lar kommunene selv prioritere hvilke tiltak de trenger?", _opener
    )
    assert clause.text.startswith("lar dekom")
    assert clause.claimed


@pytest.mark.parametrize(
    "question",
    [
        "hvem bestemmer hva slags kurs vi trenger i dekom",
        "er det riktig at staten bestemmer hvilke kurs vi trenger i dekom?",
    ],
)
def test_courses_someone_chooses_are_not_a_samling(engine: Engine, question: str) -> None:
    reply = sure(engine, question)
    assert "kommunene skal selv definere" in reply.text
    assert "Engelsk på barnetrinnet" not in reply.text


# -- what the sources do not say ------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "ka rom på NTNU e samlinga for 1. trinn i",  # a room
        "jeg har hørt at det var 200 deltakere på styrersamlingen på zoom, hvor mange var det "
        "egentlig?",  # how many took part
        "what does the new long-term plan from january 2024 actually say?",
    ],
)
def test_what_the_sources_leave_out_is_not_answered_as_known(engine: Engine, question: str) -> None:
    assert not ask(engine, question).confident


def test_a_new_long_term_plan_in_english_is_the_networks_plan(engine: Engine) -> None:
    reply = sure(engine, "when is the new long term plan for the network supposed to be ready?")
    assert "januar 2024" in first_sentence(reply)


# -- hedged claims, "deriblant", Swedish, a name before "er det …?" ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "REKOM ble innført i 2018 såvidt jeg husker",
        "så vidt jeg vet ble REKOM innført i 2018",
        "REKOM ble innført i 2018, om jeg ikke husker feil",
    ],
)
def test_a_hedged_claim_is_checked(engine: Engine, question: str) -> None:
    assert "2019" in sure_verdict(engine, question, "Nei").text


def test_a_municipality_claimed_among_the_six(engine: Engine) -> None:
    reply = sure_verdict(engine, "Gauldalsregionen består av seks kommuner, deriblant Selbu", "Nei")
    assert "Selbu" in reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("ska ordningarna rekom, dekom och kompetanseløftet ses var för sig?", "Nei"),
        ("var ledersamlingen på oppdal två dagar?", "Ja"),
    ],
)
def test_swedish_words(engine: Engine, question: str, verdict: str) -> None:
    sure_verdict(engine, question, verdict)


@pytest.mark.parametrize(
    "question",
    ["rekom, e d for skolan?", "REKOM - is that for schools?", "rekom, er det for skolen?"],
)
def test_what_is_named_before_er_det_is_what_is_asked_of(engine: Engine, question: str) -> None:
    assert "barnehage" in sure_verdict(engine, question, "Nei").text


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("rekom, er det for skolen?", "er rekom for skolen?"),
        ("Oppdal, er det med i regionen?", "er Oppdal med i regionen?"),
        ("Hei, er det noen samling snart?", "Hei, er det noen samling snart?"),
        ("PPT her, er det noe for meg?", "PPT her, er det noe for meg?"),
        ("ledersamlinga på Oppdal, var den for styrere?",
         "ledersamlinga på Oppdal, var den for styrere?"),
        ("strategien, skal den støtte eieren eller kommunen?",
         "strategien, skal den støtte eieren eller kommunen?"),
    ],
)  # fmt: skip
def test_only_a_name_moves_into_the_question(typed: str, asked: str) -> None:
    assert with_its_subject(typed, _opener) == asked


@pytest.mark.parametrize(
    "question",
    ["hvor mange deler har modellen fra 2017?", "how many parts does the 2017 model have?"],
)
def test_the_parts_of_a_whole_are_what_its_list_has(engine: Engine, question: str) -> None:
    assert first_sentence(sure(engine, question)) == "Det er tre."


def test_an_english_year_is_a_period(engine: Engine) -> None:
    reply = ask(engine, "when is the kindergarten leaders meeting in 2022")
    assert not reply.confident
    assert "2022" in first_sentence(reply)


def test_a_span_of_years_after_i_is_no_single_year(engine: Engine) -> None:
    assert "fagfornyelsen" in sure(engine, "hva var fokuset i trondheim i 2018-2023?").text


def test_what_time_of_day_is_not_in_the_sources(engine: Engine) -> None:
    question = "what time of day does the first grade session on 18 september start"
    assert not ask(engine, question).confident


def test_online_or_in_person_is_the_format(engine: Engine) -> None:
    reply = sure(engine, "the school leaders meeting on 28 october, is it online or in person")
    assert "digitalt" in first_sentence(reply)


def test_a_dekom_thing_a_teacher_goes_to_is_her_samling(engine: Engine) -> None:
    reply = sure(
        engine,
        "my daughter is in 3rd grade and her english teacher says shes going to some dekom "
        "thing. what is it",
        "2020-09-28T20:00",
    )
    assert "Engelsk på barnetrinnet" in first_sentence(reply)
