"""Follow-up questions in one chat refer to its last topic, and only for half an hour (issue 9,
class 13), and the memory behind it (bot/core/memory.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.core.engine import Engine
from bot.core.memory import FORGET_AFTER, Memory, remember
from tests.core.asking import EARLY_SEPTEMBER_2020, NOVEMBER_2020, at, conversation

FOLLOW_UPS = [
    # (questions in order, now, what the last answer must say)
    (["hva er REKOM?", "hvem passer den for?"], EARLY_SEPTEMBER_2020, "barnehage"),
    (
        ["fortell om engelsk på barnetrinnet", "når er fristen da?"],
        EARLY_SEPTEMBER_2020,
        "24. september",
    ),
    (["når er neste samling?", "og den neste igjen?"], EARLY_SEPTEMBER_2020, "1. oktober"),
    (["når var styrersamlingen?", "hvor var den?"], NOVEMBER_2020, "Zoom"),
    (
        ["hva er lesetråder?", "hvem finansierer det?"],
        EARLY_SEPTEMBER_2020,
        "Utdanningsdirektoratet",
    ),
    (["hva er DEKOM?", "hva står det for?"], EARLY_SEPTEMBER_2020, "desentralisert"),
    (["hva er DEKOM?", "og REKOM?"], EARLY_SEPTEMBER_2020, "barnehage"),
    (["ka tid e engelsk-samlinga?", "ka e fristen da?"], EARLY_SEPTEMBER_2020, "24. september"),
    (["Kva er REKOM?", "Når vart ho innført?"], EARLY_SEPTEMBER_2020, "2019"),
    (["hva er Gauldalsregionen?", "hvor mange kommuner er med?"], EARLY_SEPTEMBER_2020, "seks"),
    (["når er samlingen for 1. trinn?", "hvem arrangerer den?"], EARLY_SEPTEMBER_2020, "NTNU"),
    (["hva er Lesetråder?", "hvilke skoler er med?"], EARLY_SEPTEMBER_2020, "Nardo"),
]


@pytest.mark.parametrize(("questions", "now", "expected"), FOLLOW_UPS)
def test_a_follow_up_refers_to_the_last_topic(
    engine: Engine, questions: list[str], now: str, expected: str
) -> None:
    *earlier, last = conversation(engine, questions, now)
    assert all(reply.confident for reply in earlier), [reply.text for reply in earlier]
    assert last.confident, last.text
    assert expected.lower() in last.text.lower(), last.text


def test_small_talk_in_between_does_not_make_the_bot_forget(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["fortell om engelsk på barnetrinnet", "takk!", "når er fristen da?"],
        EARLY_SEPTEMBER_2020,
    )
    assert replies[-1].confident, replies[-1].text
    assert "24. september" in replies[-1].text


def test_a_new_topic_in_the_message_beats_the_memory(engine: Engine) -> None:
    replies = conversation(
        engine, ["hva er DEKOM?", "når trådte REKOM i kraft?"], EARLY_SEPTEMBER_2020
    )
    assert replies[-1].confident, replies[-1].text
    assert "2019" in replies[-1].text
    assert "REKOM" in replies[-1].text


def test_a_follow_up_within_half_an_hour_is_answered(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["fortell om engelsk på barnetrinnet", "når er fristen da?"],
        EARLY_SEPTEMBER_2020,
        minutes_between=29,
    )
    assert replies[-1].confident, replies[-1].text
    assert "24. september" in replies[-1].text


@pytest.mark.parametrize(("minutes", "answered"), [(29, True), (31, False), (24 * 60, False)])
def test_a_follow_up_after_thirty_minutes_of_silence_is_not_confident(
    engine: Engine, minutes: int, answered: bool
) -> None:
    replies = conversation(
        engine, ["hva er REKOM?", "hvem passer den for?"], EARLY_SEPTEMBER_2020, minutes
    )
    assert replies[-1].confident is answered, replies[-1].text


@pytest.mark.parametrize(
    "question",
    ["hvem passer den for?", "og den andre ordningen?", "hvor var den?"],
)
def test_a_follow_up_with_no_memory_is_not_confident(engine: Engine, question: str) -> None:
    reply = engine.ask(question, at(EARLY_SEPTEMBER_2020), None)
    assert not reply.confident, reply.text


def test_a_follow_up_with_a_stale_memory_is_not_confident(engine: Engine) -> None:
    now = at(EARLY_SEPTEMBER_2020)
    stale = Memory(("rekom",), now - timedelta(hours=2))
    reply = engine.ask("hvem passer den for?", now, stale)
    assert not reply.confident, reply.text


def test_the_memory_a_chat_hands_in_is_what_the_reply_was_about(engine: Engine) -> None:
    now = at(EARLY_SEPTEMBER_2020)
    memory = Memory(("rekom",), now - timedelta(minutes=5))
    reply = engine.ask("hvem passer den for?", now, memory)
    assert reply.confident, reply.text
    assert "barnehage" in reply.text.lower()


# -- Memory -------------------------------------------------------------------------------------

THEN = at(EARLY_SEPTEMBER_2020)


def test_a_memory_is_fresh_for_thirty_minutes() -> None:
    memory = Memory(("dekom",), THEN)
    assert memory.fresh(THEN)
    assert memory.fresh(THEN + timedelta(minutes=29))
    assert memory.fresh(THEN + FORGET_AFTER)
    assert not memory.fresh(THEN + FORGET_AFTER + timedelta(seconds=1))


def test_a_clock_that_went_back_keeps_the_memory() -> None:
    # `ask --jsonl` replays fixed moments: a later line may be asked "earlier" than the one before.
    assert Memory(("dekom",), THEN).fresh(THEN - timedelta(days=365))


def test_a_memory_without_subjects_is_never_fresh() -> None:
    assert not Memory((), THEN).fresh(THEN)


def test_the_main_subject_is_the_first() -> None:
    assert Memory(("rekom", "dekom"), THEN).subject == "rekom"


def test_an_answer_with_subjects_replaces_the_memory() -> None:
    old = Memory(("dekom",), THEN)
    later = THEN + timedelta(minutes=3)
    assert remember(old, ("rekom",), later) == Memory(("rekom",), later)
    assert remember(None, ("rekom",), later) == Memory(("rekom",), later)


def test_an_answer_without_subjects_keeps_a_fresh_memory_and_restarts_its_clock() -> None:
    later = THEN + timedelta(minutes=20)
    kept = remember(Memory(("dekom",), THEN), (), later)
    assert kept == Memory(("dekom",), later)
    assert kept is not None and kept.fresh(later + timedelta(minutes=25))


def test_an_answer_without_subjects_after_the_memory_expired_forgets() -> None:
    assert remember(Memory(("dekom",), THEN), (), THEN + timedelta(hours=1)) is None
    assert remember(None, (), THEN) is None
