"""Lists of samlinger by status or format, whom "den" is held "sammen med", words cut short,
a period claimed wrongly, the asker's run-on yes/no, "denne skolen" of a told school, and the
weather (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.clauses import split_clauses
from bot.core.engine import Engine
from tests.core.asking import (
    AUTUMN_START_2020,
    EARLY_SEPTEMBER_2020,
    ask,
    conversation,
    starts_with_verdict,
)


def _opener(word: str) -> str | None:
    """A small stand-in for the reader's opener test."""
    if word in ("hva", "ka", "kva", "hvem"):
        return "wh"
    return "yes_no" if word in ("er", "e", "rekk", "kan", "skal") else None


# -- lists of samlinger: which are avlyst, which are digital ------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "kva samlingar i Gauldalsregionen er avlyste?",
        "er nokon av samlingane i regionen avlyst?",
        "hvilke av samlingene i gauldalsregionen ble avlyst",
    ],
)
def test_cancelled_samlinger_of_the_region_are_listed(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "Digital skoleledersamling" in reply.text
    assert "var ikke avlyst" not in reply.text


def test_none_cancelled_for_an_audience_says_so(engine: Engine) -> None:
    reply = ask(engine, "er noen samlinger for barnehage avlyst?")
    assert reply.text.startswith("Nei. Ingen samlinger for barnehage er avlyst"), reply.text


def test_the_digital_samlinger_are_listed_with_their_format(engine: Engine) -> None:
    reply = ask(engine, "kva for samlingar er digitale?", AUTUMN_START_2020)
    assert reply.confident, reply.text
    assert reply.text.startswith("Kommende samlinger som er digitale:")
    for title in ("styrersamling", "skoleledersamling", "ledersamling barnehage"):
        assert title in reply.text
    assert "Oppdal" not in reply.text  # the samling on Oppdal is not digital


def test_a_format_no_samling_is_known_to_have_is_not_answered_as_sure(engine: Engine) -> None:
    reply = ask(engine, "hvilke samlinger er fysiske?")
    assert not reply.confident


# -- a moved date the sources do not give ---------------------------------------------------------


def test_the_date_a_cancelled_samling_moved_to_is_not_known(engine: Engine) -> None:
    reply = ask(engine, "kva dag er skoleleiarsamlinga flytta til?")
    assert not reply.confident
    assert "avlyst" in reply.text and "ny dato" in reply.text


# -- whom "den" is held together with ----------------------------------------------------------


@pytest.mark.parametrize(
    "follow_up",
    [
        "hvem holder den sammen med regionen?",
        "kven held ho saman med gauldalsregionen?",
        "och vem håller den tillsammans med regionen?",
    ],
)
def test_who_holds_it_together_with_the_region_is_the_samling_s_partner(
    engine: Engine, follow_up: str
) -> None:
    first, second = conversation(
        engine, ["når er samlinga for førsteklasselærerne?", follow_up], EARLY_SEPTEMBER_2020
    )
    assert "18. september" in first.text
    assert second.confident, second.text
    assert "NTNU" in second.text
    assert "består av seks kommuner" not in second.text  # not the region itself


# -- words cut short, Swedish forms -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("når var ledersaml på oppdal?", "29.–30. januar 2020"),
        ("styrersaml, kva dag var den?", "21. oktober 2020"),
    ],
)
def test_a_samling_word_cut_short_is_the_samling(
    engine: Engine, question: str, expected: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert expected in reply.text.split("\n")[0]


def test_a_samling_named_by_its_place_before_the_question_keeps_the_place(
    engine: Engine,
) -> None:
    reply = ask(engine, "ledersamlinga for barnehage på Oppdal – når var den?")
    assert reply.text.startswith("«Ledersamling barnehage på Oppdal»"), reply.text


def test_the_asker_s_own_place_still_does_not_narrow_the_samling(engine: Engine) -> None:
    reply = ask(engine, "Jeg er styrer i en barnehage på Oppdal. Når var styrersamlingen?")
    assert "21. oktober 2020" in reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("vilken veckodag var styrarsamlingen för förskolan?", "onsdag"),
        ("vad är målet med inkluderande lärmiljö?", "raust"),
    ],
)
def test_swedish_words_are_read(engine: Engine, question: str, expected: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert expected in reply.text


def test_fork_for_asks_what_it_stands_for(engine: Engine) -> None:
    reply = ask(engine, "dekom, fork for hva?")
    assert reply.text.startswith("DEKOM står for desentralisert ordning"), reply.text


# -- claims: a period, a date in a reported sentence --------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("barnehagestrategien gjaldt vel 2015–2020?", "Nei"),
        ("gjaldt barnehagestrategien 2014–2020?", "Ja"),
        ("fokusområda gjeld 2023–2026, ikkje sant?", "Nei"),
    ],
)
def test_a_period_claimed_with_one_wrong_end_is_no(
    engine: Engine, question: str, verdict: str
) -> None:
    assert starts_with_verdict(ask(engine, question), verdict)


def test_a_date_the_asker_noted_down_is_checked(engine: Engine) -> None:
    reply = ask(engine, "Jeg noterte at styrersamlingen var 20. oktober, er det riktig?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "21. oktober" in reply.text


# -- the asker tells, then asks yes or no, all in one run -------------------------------------


def test_a_run_on_message_splits_before_a_yes_no_of_the_asker() -> None:
    clauses = split_clauses("æ har glømt fristen te engelsk kan æ melde mæ enno", _opener)
    assert [c.text for c in clauses] == ["æ har glømt fristen te engelsk.", "kan æ melde mæ enno"]
    assert clauses[1].is_question


def test_a_run_on_statement_with_a_verb_later_is_no_question() -> None:
    clauses = split_clauses("vi i holtålen er små og skal lese mer", _opener)
    assert len(clauses) == 1


def test_too_late_asked_in_a_run_on_message_gets_no(engine: Engine) -> None:
    reply = ask(engine, "æ glemte påmeldinga te engelsk rekk æ det enno", "2020-09-28T09:00")
    assert starts_with_verdict(reply, "Nei"), reply.text


# -- "denne skolen" is the school the message named --------------------------------------------


def test_this_school_is_the_school_told_not_the_municipality(engine: Engine) -> None:
    reply = ask(
        engine,
        "Niesen min går på Nardo skole i Trondheim. Er den skolen med i Lesetråder?",
    )
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "Nardo" in reply.text.split(".")[0]


# -- the weather ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["kva vêr blir det på Røros til helga?", "ka blir vær'e i Melhus i mårå?"]
)
def test_the_weather_is_not_in_the_sources(engine: Engine, question: str) -> None:
    assert not ask(engine, question).confident


# -- strangers, guesses and who took part: not in the sources ----------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "kva kommunar er med i Namdalsregionen?",
        "Hvilke skoler inngår i Fosenregionens nettverk?",
    ],
)
def test_another_region_s_members_are_not_known(engine: Engine, question: str) -> None:
    assert not ask(engine, question).confident


def test_a_place_guessed_for_a_samling_with_no_place_is_not_confirmed(engine: Engine) -> None:
    reply = ask(engine, "kor er engelsksamlinga, på Støren?")
    assert not reply.confident
    assert "ikke noe sted registrert" in reply.text


@pytest.mark.parametrize(
    "question",
    ["kva skular var med på engelsksamlinga?", "hvem deltok på ledersamlingen på Oppdal?"],
)
def test_who_took_part_in_a_samling_is_not_known(engine: Engine, question: str) -> None:
    assert not ask(engine, question).confident


def test_who_should_take_part_is_whom_it_is_for(engine: Engine) -> None:
    reply = ask(engine, "hvem skal delta på engelsksamlingen?")
    assert reply.confident
    assert "engelsk på barnetrinnet" in reply.text


# -- the scheme for the audience asked about ---------------------------------------------------


def test_a_scheme_asked_of_two_sectors_names_the_one_for_the_other(engine: Engine) -> None:
    reply = ask(engine, "gjeld rekom for skulen og barnehagen?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "For skole er det DEKOM." in reply.text


def test_only_for_school_of_the_region_is_no(engine: Engine) -> None:
    reply = ask(engine, "er samarbeidet i gauldalsregionen kun for skolene?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "barnehage" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "what is the difference between dekom og rekom",
        "Kunne De være så vennlig å opplyse meg om når REKOM trådte i kraft?",
    ],
)
def test_english_and_courteous_words_do_not_sink_the_answer(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "REKOM" in reply.text


# -- the goals a scheme shares with the others -------------------------------------------------


def test_a_scheme_s_goals_include_the_goals_of_the_schemes_together(engine: Engine) -> None:
    reply = ask(engine, "kva er måla med kompetanseløftet?")
    assert reply.text.startswith("Kompetanseløftet skal")
    assert "Mål for ordningene er at:" in reply.text
    assert "inkluderende fellesskap" in reply.text
    assert "Trondheim kommune" in (reply.source or "")


# -- still in the period, relative to today ----------------------------------------------------


@pytest.mark.parametrize(
    ("now", "verdict"), [("2025-03-01T12:00", "Ja"), ("2028-03-01T12:00", "Nei")]
)
def test_still_in_the_period_depends_on_today(engine: Engine, now: str, verdict: str) -> None:
    reply = ask(engine, "gjelder fokusområdene for Trondheimsskolen fortsatt?", now)
    assert starts_with_verdict(reply, verdict), reply.text
    assert "2023–2027" in reply.text


# -- people, complaints and the time of day: not in the sources --------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "kven frå NTNU har ansvaret for begynnaropplæringa?",
        "hvem er prosjektleder i Lesetråder?",
        "hvilken lærer på Lilleby kan hjelpe datteren min med lesing?",
        "hvem kan jeg klage til om videreutdanningen?",
    ],
)
def test_people_and_complaints_are_not_in_the_sources(engine: Engine, question: str) -> None:
    assert not ask(engine, question).confident


@pytest.mark.parametrize(
    "question",
    ["ka tid starte samlinga 18. september?", "når begynner styrersamlingen 21. oktober?"],
)
def test_the_start_time_on_a_day_told_is_not_known(engine: Engine, question: str) -> None:
    assert not ask(engine, question).confident


def test_when_a_samling_starts_without_a_day_is_its_date(engine: Engine) -> None:
    reply = ask(engine, "når starter engelsksamlingen?", EARLY_SEPTEMBER_2020)
    assert reply.confident
    assert "1. oktober 2020" in reply.text
