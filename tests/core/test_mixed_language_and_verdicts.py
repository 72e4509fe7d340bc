"""English words in Norwegian messages, the schemes for an audience, verdicts on deadlines and
on whom a samling is for, claims the sources contradict, names that mean the same thing, and
messages that announce their questions or tell something after asking (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import (
    EARLY_SEPTEMBER_2020,
    NOVEMBER_2020,
    ask,
    conversation,
    first_sentence,
    starts_with_verdict,
)

# -- English words in a Norwegian message ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("is Lesing one of the fokusområder or not?", "Ja", "lesing"),
        ("Do the prosjektskolene work together with bydelsbibliotekene?", "Ja", "bydelsbibliotek"),
    ],
)
def test_english_words_are_read_as_their_norwegian_words(
    engine: Engine, question: str, verdict: str, said: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text
    assert said in reply.text.lower()


def test_an_english_goal_question_gets_the_goal(engine: Engine) -> None:
    reply = ask(engine, "whats the goal med inkluderende laeringsmiljø, short version pls")
    assert reply.confident, reply.text
    assert "raust og støttende" in first_sentence(reply)


# -- the schemes for an audience ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "listed", "not_listed"),
    [
        ("hvilken ordning gjelder for barnehagene?", "REKOM", "DEKOM"),
        (
            "jeg er student i en barnehage, hvilken kompetanseordning gjelder for barnehager?",
            "REKOM",
            "DEKOM",
        ),
        ("kva ordning gjeld for skulen?", "DEKOM", "REKOM"),
    ],
)
def test_the_schemes_listed_for_an_audience_are_those_for_it(
    engine: Engine, question: str, listed: str, not_listed: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert listed in reply.text
    assert not_listed not in reply.text


# -- deadlines on a day, and whom a samling is for -------------------------------------------


@pytest.mark.parametrize(
    ("now", "verdict"),
    [("2020-09-23T09:00", "Ja"), ("2020-09-20T09:00", "Nei")],
)
def test_whether_the_deadline_is_tomorrow(engine: Engine, now: str, verdict: str) -> None:
    reply = ask(engine, "er fristen for engelsk i morgen?", now)
    assert starts_with_verdict(reply, verdict), reply.text
    assert "24. september" in reply.text


def test_a_deadline_asked_for_today_after_it_passed_says_when_it_was(engine: Engine) -> None:
    reply = ask(engine, "e fristen for å mælde sæ på engelsk-dekom i dag?", "2020-09-25T09:00")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "var torsdag 24. september 2020" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "engelsksamlinga, gjelder den for ungdomstrinnet?",
        "Hvem er engelsk-DEKOMen ment for, gjelder den også ungdomstrinnet?",
    ],
)
def test_a_samling_named_before_its_pronoun_is_not_for_another_audience(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "Nei." in reply.text
    assert "Engelsk på barnetrinnet" in reply.text
    assert "begynneropplæring" not in reply.text


def test_a_samling_named_with_its_adjective_is_what_den_points_at(engine: Engine) -> None:
    reply = ask(
        engine,
        "Jeg hadde tenkt å delta på den digitale skoleledersamlingen i morgen. "
        "Går den som planlagt?",
        "2020-10-27T15:00",
    )
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "avlyst" in reply.text


def test_ble_den_gjennomfort_asks_without_a_question_mark(engine: Engine) -> None:
    reply = ask(engine, "å styrersamlinga i oktober ble den gjennomført", NOVEMBER_2020)
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_the_time_of_day_no_source_gives_is_not_answered_confidently(engine: Engine) -> None:
    reply = ask(engine, "Når på dagen starter samlingen 18. september?", EARLY_SEPTEMBER_2020)
    assert not reply.confident, reply.text


# -- claims the sources contradict or confirm --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Er det korrekt at den desentraliserte ordningen skal erstatte de statlige "
            "satsingene med én gang?",
            "gradvis",
        ),
        ("inngår tiltakene i dekom/kompetanseløftet i ettårige planer?", "flerårige"),
        ("Er digitale ferdigheter et av fokusområdene i Trondheimsskolen?", "lesing"),
    ],
)
def test_a_claim_the_sources_contradict_gets_no(engine: Engine, question: str, said: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert said in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "Er lesing et prioritert område for Trondheimsskolen?",
        "rekom ska hjelpe med ny rammeplan stemmer det",
        "Er REKOM ment å hjelpe barnehagene med å ta i bruk ny rammeplan?",
        "er den desentraliserte ordningen det samme som dekom?",
    ],
)
def test_a_claim_the_sources_confirm_gets_yes(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_the_same_as_what_the_chat_talked_about(engine: Engine) -> None:
    same, other = (
        conversation(
            engine,
            ["hva er dekom?", "er det det samme som den desentraliserte ordningen?"],
            EARLY_SEPTEMBER_2020,
        )[1],
        conversation(
            engine, ["hva er rekom?", "er det det samme som dekom?"], EARLY_SEPTEMBER_2020
        )[1],
    )
    assert starts_with_verdict(same, "Ja"), same.text
    assert starts_with_verdict(other, "Nei"), other.text


def test_a_statement_with_a_question_mark_asks_whether_it_is_true(engine: Engine) -> None:
    replies = conversation(
        engine, ["hva er rekom?", "og den gjelder for skolene også?"], EARLY_SEPTEMBER_2020
    )
    assert starts_with_verdict(replies[1], "Nei"), replies[1].text


def test_a_short_question_after_a_sentence_asks_about_what_it_named(engine: Engine) -> None:
    reply = ask(
        engine,
        "Jeg har forstått at kommunene får større lokalt handlingsrom. "
        "Medfører det også mer ansvar?",
    )
    assert reply.confident, reply.text
    assert "større ansvar" in reply.text


# -- messages that announce their questions or tell after asking ------------------------------


def test_four_questions_after_an_announcement_are_all_answered(engine: Engine) -> None:
    reply = ask(
        engine,
        "Hei. Jeg er rektor og lurer på tre ting: hva står DEKOM for, hvilken stortingsmelding "
        "beskriver ordningen, og er det meningen at kommunene skal samarbeide i nettverk?",
    )
    assert reply.confident, reply.text
    assert "desentralisert ordning" in reply.text
    assert "Stortingsmelding 21" in reply.text
    assert "samling" not in reply.text.lower()


def test_a_request_before_a_colon_asks_nothing_of_its_own(engine: Engine) -> None:
    reply = ask(
        engine,
        "Kan du gi meg en rask oversikt: hvilke tre ordninger er med i modellen fra 2017, og hva "
        "heter strategien for barnehage og hvilken periode gjelder den?",
    )
    assert reply.confident, reply.text
    assert "innovasjonsordning" in reply.text
    assert "Kompetanse for framtidens barnehage" in reply.text
    assert "2014" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hva er egentlig dekom og kompetanseløftet, kort fortalt? har nettopp begynt som rektor",
        "Når er neste samling? Må vite om vi trenger vikar",
    ],
)
def test_a_sentence_told_after_the_question_is_no_question(engine: Engine, question: str) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "vet jeg dessverre ikke" not in reply.text


def test_hva_er_det_asks_what_the_message_named(engine: Engine) -> None:
    reply = ask(
        engine,
        "hei, jeg er ny lærer i trondheim og har hørt om noe som heter lesetråder. hva er det "
        "og hvilke skoler er med?",
    )
    assert reply.confident, reply.text
    assert "Nardo" in reply.text


def test_a_question_naming_the_audience_of_another_entry_is_no_follow_up(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["hvilke tre ordninger er med i modellen fra 2017", "hva heter strategien for barnehage"],
        EARLY_SEPTEMBER_2020,
    )
    assert "Kompetanse for framtidens barnehage" in replies[1].text


# -- words that are no topic --------------------------------------------------------------------


def test_a_compound_that_starts_with_a_function_word_is_no_known_word(engine: Engine) -> None:
    reply = ask(engine, "ka bli værmeldinga på røros på onsdag?")
    assert not reply.confident, reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Når vart sjølve Lesetråd-prosjektet avslutta?", "2020"),
        ("er friskoler med i nettverket til trondheim?", "private skoler"),
        ("hei! e d nån ledersamling for barnhag snart?", "20. januar"),
    ],
)
def test_fillers_and_chat_spellings_do_not_sink_the_answer(
    engine: Engine, question: str, said: str
) -> None:
    reply = ask(engine, question, "2021-01-12T10:15")
    assert reply.confident, reply.text
    assert said in reply.text


# -- where the sources stop ------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Hva står det konkret i den nye langsiktige planen fra januar 2024?",
        "hva er universitetsskolene?",
        "Hvilke fokusområder har Malvik kommune for sine skoler?",
        "Hva er Malvik kommunes egne fokusområder for 2023-2027?",
        "får vi betalt ekstra for å være med på dekom?",
    ],
)
def test_what_the_sources_do_not_say_is_not_answered_confidently(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert "Jeg finner ingen samlinger" not in reply.text


@pytest.mark.parametrize("question", ["universitetsskolene", "Hva er Universitetsskolene?"])
def test_an_entry_that_is_only_a_heading_says_so_without_being_sure(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert "ingen flere opplysninger om universitetsskolene" in reply.text


def test_the_gap_is_said_and_what_is_known_stays_answered(engine: Engine) -> None:
    gap = ask(engine, "Hva står det i den nye langsiktige planen for nettverket?")
    known = ask(engine, "når kommer ny plan?")
    assert "sier ikke hva den nye planen inneholder" in gap.text
    assert known.confident, known.text
    assert "januar 2024" in known.text


def test_another_municipalitys_focus_areas_say_whose_they_are(engine: Engine) -> None:
    reply = ask(engine, "Hvilke fokusområder har Malvik kommune for sine skoler?")
    assert first_sentence(reply) == "Det jeg vet om dette, gjelder Trondheim, ikke Malvik."


def test_a_project_asked_of_another_municipality_gets_no(engine: Engine) -> None:
    reply = ask(engine, "er lesetråder et prosjekt i malvik kommune?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Trondheim" in reply.text


# -- samlinger: moved, the one after, the past tense of one still to come ----------------------


def test_a_cancelled_samling_asked_whether_moved_is_cancelled(engine: Engine) -> None:
    reply = ask(engine, "Er skoleledersamlingen 28. oktober blitt flytta eller hva skjedde?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "avlyst" in reply.text


def test_og_den_etter_is_the_next_samling_after_the_last_one(engine: Engine) -> None:
    replies = conversation(
        engine, ["neste samling for skole", "og den etter?"], EARLY_SEPTEMBER_2020
    )
    assert "1. trinn" in replies[0].text
    assert replies[1].confident, replies[1].text
    assert "Engelsk på barnetrinnet" in first_sentence(replies[1])


def test_og_den_etter_with_nothing_after_says_so(engine: Engine) -> None:
    replies = conversation(
        engine, ["når er ledersamlinga i januar 2021?", "og den etter?"], NOVEMBER_2020
    )
    assert not replies[1].confident, replies[1].text
    assert "flere samlinger etter" in replies[1].text


def test_a_samling_asked_in_the_past_tense_before_it_is_held(engine: Engine) -> None:
    reply = ask(
        engine, "Og styrarsamlinga for barnehage, korleis vart den halden?", "2020-10-20T09:00"
    )
    assert reply.confident, reply.text
    assert "21. oktober" in reply.text
    assert "ingen samlinger" not in reply.text


def test_a_deadline_asked_after_naming_the_samling_is_its_deadline(engine: Engine) -> None:
    reply = ask(
        engine,
        "Eg skal melde meg på skuleleiarsamlinga på onsdag, kvar melder eg meg på?",
        "2020-10-25T18:00",
    )
    assert "skoleledersamling" in reply.text
    assert "AVLYST" in reply.text


# -- words typed without spaces, or with a letter too many --------------------------------------


@pytest.mark.parametrize(
    ("question", "now", "said"),
    [
        ("hvaerdekom", "2026-11-22T12:00", "desentraliserte ordningen"),
        ("nårersamlingenforførstetrinn", "2020-09-10T22:10", "18. september"),
        ("påmeldingsfristengelskdekom", "2020-09-20T21:40", "24. september"),
        (
            "finnes detpresentasjon fraplanleggingsdagen skole i novemberr 2019?",
            "2026-11-22T12:00",
            "Presentasjonen",
        ),
        (
            "hvemm skall bestemme hva vi trengger av kompetanse i dekom??",
            "2026-11-22T12:00",
            "kommunene",
        ),
    ],
)
def test_words_run_together_or_doubled_are_read(
    engine: Engine, question: str, now: str, said: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert said in reply.text


def test_a_compound_is_not_split_into_a_small_word_at_its_end(engine: Engine) -> None:
    reply = ask(engine, "har du noen gode leseaktiviteter for 1. trinn som jeg kan bruke i morgen?")
    assert not reply.confident, reply.text


@pytest.mark.parametrize("question", ["a" * 450, "ab" * 200, "dettttttttttttttttttttte?"])
def test_long_runs_of_letters_are_answered_and_not_understood(
    engine: Engine, question: str
) -> None:
    assert not ask(engine, question).confident


def test_a_weekday_claimed_with_the_day_is_checked(engine: Engine) -> None:
    wrong = ask(engine, "Er begynneropplæringssamlingen 18. september på en torsdag?")
    right = ask(engine, "Er begynneropplæringssamlingen 18. september på en fredag?")
    assert starts_with_verdict(wrong, "Nei"), wrong.text
    assert "fredag 18. september" in wrong.text
    assert starts_with_verdict(right, "Ja"), right.text


@pytest.mark.parametrize(
    ("question", "now", "said"),
    [
        (
            "is the skoleledersamling still on?",
            "2020-10-10T10:00",
            "Nei, «Digital skoleledersamling»",
        ),
        ("ledersamlinga 20. januar, digital or physical?", "2021-01-05T10:00", "digitalt"),
        ("who is the main partner of the nettverket?", "2026-11-22T12:00", "NTNU"),
        ("any DEKOM samling coming up?", "2020-09-20T12:00", "1. oktober"),
    ],
)
def test_english_phrases_for_a_samling_and_a_partner(
    engine: Engine, question: str, now: str, said: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert said in reply.text


def test_a_cancelled_samling_was_not_held_online(engine: Engine) -> None:
    reply = ask(engine, "Ble skoleledersamlingen 28. oktober holdt på nett?", NOVEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "AVLYST" in reply.text
