"""Names asked for, answers the asker offers, words typed together or short of a letter, and
samlinger named by what the message tells around the question (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.clauses import split_clauses
from bot.core.engine import Engine
from tests.core.asking import NOVEMBER_2020, ask, first_sentence, starts_with_verdict

THE_DAY_BEFORE_THE_FIRST_GRADE_SAMLING = "2020-09-17T15:00"


def _opener(word: str) -> str | None:
    """A small stand-in for the reader's opener test."""
    if word in ("hva", "ka", "kva", "hvem", "når"):
        return "wh"
    return "yes_no" if word in ("er", "e", "har") else None


# -- the name asked for -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("hva heter prosjektet med skolebibliotekene?", "«Skolebibliotekprosjekt – Lesetråder»"),
        ("kva heiter barnehagestrategien?",
         "«Kompetanse for framtidens barnehage. Strategi 2014–2020»"),
    ],
)  # fmt: skip
def test_a_name_asked_for_comes_first_and_once(engine: Engine, question: str, name: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert reply.text.startswith(f"Det heter {name}. ")
    assert reply.text.count(name) == 1


# -- what the asker offers as the answer ------------------------------------------------------


def test_an_answer_the_asker_offers_answers_the_question_before_it(engine: Engine) -> None:
    reply = ask(engine, "hvem står egentlig bak rekom og dekom – er det statlige ordninger?")
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "statlige" in reply.text


def test_a_question_after_an_unknown_one_is_no_offered_answer(engine: Engine) -> None:
    reply = ask(engine, "hva koster ledersamlingen, og er den digital?", "2020-12-01T12:00")
    assert not reply.confident, reply.text


@pytest.mark.parametrize(
    "question",
    ["Er Dekom privat?", "Rekom og Dekom er private ordninger?", "er rekom en privat ordning?"],
)
def test_a_scheme_called_private_is_not(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "statlig" in reply.text
    assert "private skoler" not in reply.text


# -- counting, "bare", and who it is for --------------------------------------------------------


def test_a_kind_counted_alone_is_counted_from_its_overview(engine: Engine) -> None:
    reply = ask(engine, "kor mange fokusområde har dei?")
    assert reply.confident, reply.text
    assert first_sentence(reply) == "Det er tre."


def test_only_about_something_when_it_does_more_is_no(engine: Engine) -> None:
    reply = ask(engine, "jobber gauldalsregionen bare om kompetanse?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "andre felles satsingsområder" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hvem får kompetanseutvikling i regionen, bare lærerne?",
        "kæm e regionsamarbeidet for e de bærre styreran",
    ],
)
def test_who_it_is_for_when_the_asker_guesses_too_few(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "PPT" in reply.text


def test_a_definite_regionsamarbeidet_names_the_region(engine: Engine) -> None:
    reply = ask(engine, "hvor mange kommuner har vi i regionsamarbeidet vårt?")
    assert first_sentence(reply) == "Det er seks."


# -- words typed together, apart, or short of a letter --------------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("finnes det noe for engelsklærerne snart?", "Engelsk på barnetrinnet"),
        ("samling for førsteklasselærere i morgen?", "begynneropplæring"),
    ],
)
def test_an_audience_compound_names_both_audiences(
    engine: Engine, question: str, said: str
) -> None:
    reply = ask(engine, question, THE_DAY_BEFORE_THE_FIRST_GRADE_SAMLING)
    assert reply.confident, reply.text
    assert said in reply.text


def test_a_double_letter_typed_once_is_read(engine: Engine) -> None:
    reply = ask(engine, "kvifor skal kommunane gå samen i nettverk?")
    assert reply.confident, reply.text
    assert "kapasitet" in reply.text


def test_what_the_goal_of_a_split_name_is(engine: Engine) -> None:
    reply = ask(engine, "hva er formålet med biblioteksprosjektet?")
    assert "leseglede" in reply.text


def test_a_message_without_punctuation_tells_then_asks() -> None:
    clauses = split_clauses("dekom e jo for skolen ka e de for barnehagen", _opener)
    assert [(c.text, c.is_question) for c in clauses] == [
        ("dekom e jo for skolen.", False),
        ("ka e de for barnehagen", True),
    ]


# -- samlinger named around the question ---------------------------------------------------------


def test_a_samling_told_by_its_time_is_what_den_points_at(engine: Engine) -> None:
    reply = ask(
        engine, "Det er visst en samling i morgen. Hvem holder den?",
        THE_DAY_BEFORE_THE_FIRST_GRADE_SAMLING,
    )  # fmt: skip
    assert reply.confident, reply.text
    assert "NTNU" in reply.text


def test_where_the_asker_works_does_not_narrow_a_samling_named_by_its_day(engine: Engine) -> None:
    reply = ask(engine, "Jeg er rektor i Malvik. Blir skoleledersamlingen 28. oktober noe av?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "AVLYST" in reply.text


def test_a_samling_still_to_come_has_not_been(engine: Engine) -> None:
    reply = ask(engine, "har den digitale ledersamlinga i januar allerede vært?", NOVEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "20. januar 2021" in reply.text


def test_none_coming_of_one_kind_is_not_none_at_all(engine: Engine) -> None:
    reply = ask(engine, "blir det en styrersamling snart, eller har den vært?", NOVEMBER_2020)
    assert "ingen kommende samlinger som passer" in reply.text
    assert "21. oktober" in reply.text


def test_a_second_samling_the_sources_do_not_have_is_not_known(engine: Engine) -> None:
    reply = ask(engine, "når er andre samling i engelsk?")
    assert not reply.confident
    assert "1. oktober 2020" in reply.text


# -- whether it is for the asker, whether one is still in time --------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Jeg har 8. trinn. Er engelsksamlingen noe for meg?", "Nei"),
        ("Jeg har 1. trinn. Er begynneropplæringssamlinga for meg?", "Ja"),
        # an English teacher on 3. trinn teaches English on barnetrinnet: only the name counts
        ("Jeg har engelsk på 3. trinn. Gjelder engelsksamlingen meg?", "Ja"),
    ],
)
def test_whether_a_samling_is_for_the_asker(engine: Engine, question: str, verdict: str) -> None:
    reply = ask(engine, question, "2020-09-01T10:00")
    assert starts_with_verdict(reply, verdict), reply.text


def test_signing_up_oneself_claims_no_audience(engine: Engine) -> None:
    reply = ask(
        engine, "Jeg har 1. trinn. Rekker jeg å melde meg på engelsksamlinga?", "2020-09-20T12:00"
    )
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_still_in_time_today_is_whether_the_deadline_is_open(engine: Engine) -> None:
    reply = ask(engine, "rekker jeg fortsatt påmeldinga til engelsk i dag?", "2020-09-20T12:00")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "24. september" in reply.text


def test_a_deadline_claimed_for_a_day_is_checked_against_that_day(engine: Engine) -> None:
    reply = ask(engine, "er fristen for engelsk i dag?", "2020-09-20T12:00")
    assert starts_with_verdict(reply, "Nei"), reply.text


@pytest.mark.parametrize(
    "question",
    [
        "er lesing prioritert fram mot 2027?",
        "Når er begynneropplæringssamlinga, om jeg tør spørre?",
    ],
)
def test_polite_and_open_ended_wording_asks_nothing_more(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text


def test_a_municipalitys_own_plan_is_not_in_the_sources(engine: Engine) -> None:
    reply = ask(engine, "hva er melhus kommune sin plan for lesing?")
    assert not reply.confident, reply.text


def test_a_cut_off_word_is_completed(engine: Engine) -> None:
    reply = ask(engine, "hvor mange fokusomr har trondheim")
    assert first_sentence(reply) == "Det er tre."


# -- what the sources cannot tell ---------------------------------------------------------------


def test_samlinger_of_a_network_the_sources_list_none_for_are_not_known(engine: Engine) -> None:
    reply = ask(engine, "når er neste samling i nettverket Trondheim–Malvik?", NOVEMBER_2020)
    assert not reply.confident
    assert "Kompetansenettverket for Trondheim og Malvik" in reply.text


def test_what_another_municipality_has_is_not_known(engine: Engine) -> None:
    assert not ask(engine, "hvilke satsinger har Bodø kommune for lesing?").confident


def test_a_count_of_what_a_list_is_not_of_is_not_known(engine: Engine) -> None:
    assert not ask(engine, "hvor mange skoler i Malvik er med i nettverket?").confident


def test_a_count_of_some_of_a_lists_items_names_them(engine: Engine) -> None:
    reply = ask(engine, "hvor mange kommuner er med i kompetansenettverket?")
    assert (
        first_sentence(reply)
        == "Det er to: Trondheim kommune med private skoler og Malvik kommune."
    )


def test_what_a_short_name_typed_small_stands_for(engine: Engine) -> None:
    reply = ask(engine, "hva betyr rekom egentlig")
    assert first_sentence(reply).startswith("REKOM står for regional ordning")
