"""What a question claims and which sentence answers it: a word the answer left out, the
opposite of a claim, an actor or a name the sources never give that role, a partner that runs
a region's samlinger, "bare"/"alene", and what no source says (who came, why it was cancelled)
(issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import (
    EARLY_SEPTEMBER_2020,
    ask,
    conversation,
    first_sentence,
    starts_with_verdict,
)

# -- the sentence that has the question's words -------------------------------------------------


def test_a_word_the_fact_leaves_out_brings_the_sentence_that_has_it(engine: Engine) -> None:
    reply = ask(engine, "på hvilket nivå skal systematikken i lesesatsingen ligge i perioden?")
    assert reply.confident, reply.text
    assert "2023–2027" in first_sentence(reply)  # the period asked of, first
    assert "individnivå" in reply.text  # "nivå" ends the compound the page uses


def test_a_question_in_one_sentences_words_is_answered_with_it(engine: Engine) -> None:
    reply = ask(engine, "Kva skal DEKOM erstatte?")
    assert reply.confident, reply.text
    assert first_sentence(reply).startswith("DEKOM skal gradvis erstatte statlige satsinger")


def test_the_context_of_a_question_picks_the_reason(engine: Engine) -> None:
    reply = ask(
        engine,
        "Politikerne våre lurer på hvorfor kommunene bør gå sammen i nettverk. "
        "Hva er grunnen i DEKOM?",
    )
    assert reply.confident, reply.text
    assert "kapasitet" in first_sentence(reply)


def test_explaining_the_scheme_the_message_names(engine: Engine) -> None:
    reply = ask(
        engine, "Vi skal ta opp REKOM på personalmøtet. Kan du forklare hva ordningen går ut på?"
    )
    assert reply.confident, reply.text
    assert first_sentence(reply).startswith("REKOM er Regional ordning")


def test_the_differences_of_two_named_schemes(engine: Engine) -> None:
    reply = ask(engine, "hva skiller DEKOM fra REKOM?")
    assert reply.confident, reply.text
    assert "skolen" in reply.text and "barnehagesektoren" in reply.text


# -- a claim the sources say otherwise ----------------------------------------------------------

CONTRARY = [
    # (question, what the "Nei" must say)
    ("er DEKOM og REKOM kommunale tilskuddsordninger?", "statlige"),
    ("må hver kommune jobbe alene med DEKOM?", "sammen i nettverk"),
    ("står Utdanningsdirektoratet bak modellen fra 2017?", "Kunnskapsdepartementet"),
    ("Er det HVL som er hovedpartner i kompetansenettverket?", "NTNU"),
    ("er bergen skole en av prosjektskolene i Lesetråder?", "Nardo og Lilleby"),
    ("er digitalisering ett av fokusområdene?", "lesing"),
]


@pytest.mark.parametrize(("question", "expected"), CONTRARY)
def test_a_claim_the_sources_contradict_gets_nei(
    engine: Engine, question: str, expected: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert expected in reply.text


def test_a_name_the_sources_never_use_is_said_to_be_unknown(engine: Engine) -> None:
    reply = ask(engine, "Er det HVL som er hovedpartner i kompetansenettverket?")
    assert "Kildene mine nevner ikke HVL" in reply.text


def test_only_one_of_those_who_decided_is_no(engine: Engine) -> None:
    reply = ask(engine, "hvem har fastsatt fokusområdene? er det bare skolene?")
    assert reply.confident, reply.text
    assert "Nei. Skolene og skoleeier" in reply.text


def test_a_partner_that_runs_samlinger_of_a_region(engine: Engine) -> None:
    member = ask(engine, "er NTNU en del av Gauldalsregionen?")
    assert member.confident, member.text
    assert member.text.startswith("NTNU er ikke med i Gauldalsregionen, men er med på")
    partner = ask(engine, "samarbeider Gauldalsregionen med NTNU, og i så fall om hva?")
    assert starts_with_verdict(partner, "Ja"), partner.text
    assert "begynneropplæring" in partner.text


def test_a_fronted_subject_then_er_den_asks_yes_or_no(engine: Engine) -> None:
    reply = ask(engine, "engelsksamlinga, er den for barnetrinnet?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(reply, "Ja"), reply.text


# -- samlinger -----------------------------------------------------------------------------------


def test_the_rest_of_the_autumn_starts_today(engine: Engine) -> None:
    reply = ask(engine, "hvilke samlinger er det resten av høsten?", "2020-10-01T12:00")
    assert reply.confident, reply.text
    assert "18. september" not in reply.text  # already held
    assert "21. oktober" in reply.text


def test_a_deadline_asked_by_its_day(engine: Engine) -> None:
    reply = ask(engine, "går fristen for engelsk ut i morgen?", "2020-09-23T12:00")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "24. september" in reply.text


def test_a_deadline_asked_whether_it_is_out(engine: Engine) -> None:
    reply = ask(engine, "er påmeldingsfristen til engelsk ute?", "2020-09-28T12:00")
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_school_leaders_are_the_schools_leaders(engine: Engine) -> None:
    replies = conversation(
        engine, ["når er styrersamlinga?", "og den for skoleledere?"], "2020-10-05T12:00"
    )
    assert "skoleledersamling" in replies[1].text, replies[1].text
    assert "AVLYST" in replies[1].text


def test_a_cancelled_one_is_named_when_nothing_else_comes(engine: Engine) -> None:
    reply = ask(engine, "er det noen samling for skoleledere snart?", "2020-10-15T12:00")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "er avlyst" in reply.text


def test_whether_there_is_anything_for_english_teachers_is_the_samling(engine: Engine) -> None:
    reply = ask(
        engine,
        "finnes det noe DEKOM for oss som underviser engelsk på barnetrinnet?",
        EARLY_SEPTEMBER_2020,
    )
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "1. oktober" in reply.text


def test_the_weekday_of_a_samling(engine: Engine) -> None:
    reply = ask(engine, "hvilken dag i uka er styrersamlingen?", "2020-10-01T12:00")
    assert reply.confident, reply.text
    assert "onsdag 21. oktober" in reply.text


def test_a_reason_told_after_nå_som_is_no_question(engine: Engine) -> None:
    reply = ask(
        engine, "hva er neste samling nå som skoleledersamlingen er avlyst?", "2020-10-29T12:00"
    )
    assert first_sentence(reply).startswith("Neste samling er «Digital ledersamling barnehage»")


# -- what no source says ---------------------------------------------------------------------------

NOT_IN_THE_SOURCES = [
    ("hvor mange deltakere var det på ledersamlingen?", "2021-02-01T12:00"),
    ("kvifor vart skuleleiarsamlinga avlyst?", "2020-10-30T12:00"),
    ("Hvem holdt innlegget på planleggingsdagen?", "2020-12-01T12:00"),
    ("hvordan takler jeg en urolig klasse?", "2020-12-01T12:00"),
    ("korleis får eg barnehageplass i Rennebu?", "2020-12-01T12:00"),
]


@pytest.mark.parametrize(("question", "now"), NOT_IN_THE_SOURCES)
def test_what_no_source_says_is_not_answered_as_known(
    engine: Engine, question: str, now: str
) -> None:
    assert not ask(engine, question, now).confident


def test_why_a_samling_was_cancelled_says_that_it_was(engine: Engine) -> None:
    reply = ask(engine, "kvifor vart skuleleiarsamlinga avlyst?", "2020-10-30T12:00")
    assert "er avlyst" in reply.text
    assert "Kildene mine sier ikke hvorfor." in reply.text
