"""The pacer, with a fake clock: rate limits, order, RetryAfter, Forbidden, retries, the ledger."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.delivery.pacer import (
    NOTICE_PRIORITY,
    Broadcast,
    DeliveryReport,
    Limits,
    Outcome,
    Pacer,
)
from bot.storage import DeliveryKey, DeliveryState, SqliteStorage, StorageError, SubscriptionStore
from tests.delivery.fakes import (
    WALL_START,
    BadRequest,
    FakeClock,
    FakeTelegram,
    Forbidden,
    RetryAfter,
    TimedOut,
    connect_error,
    schedule,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def telegram(clock: FakeClock) -> FakeTelegram:
    return FakeTelegram(clock)


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[SqliteStorage]:
    with SqliteStorage.open(tmp_path / "kompetansebot.sqlite3") as opened:
        yield opened


@pytest.fixture
def db(storage: SqliteStorage) -> SubscriptionStore:
    database = storage.subscriptions
    for chat_id in (1, 2, 3):
        database.subscribe(chat_id, WALL_START)
    return database


def pacer(
    telegram: FakeTelegram,
    clock: FakeClock,
    db: SubscriptionStore | None = None,
    blocked: list[int] | None = None,
    **limits: float,
) -> Pacer[str]:
    return Pacer(
        telegram.send,
        ledger=db,
        clock=clock,
        limits=Limits(**limits),  # type: ignore[arg-type]
        on_blocked=None if blocked is None else blocked.append,
    )


def message(chat_id: int, text: str, kind: str | None = None, priority: int = 1) -> Broadcast[str]:
    key = DeliveryKey(chat_id, "dekom-engelsk", kind) if kind else None
    return Broadcast(chat_id, text, key, priority)


def outcomes(report: DeliveryReport[str]) -> list[tuple[str, Outcome]]:
    return [(item.message, outcome) for item, outcome in report.outcomes]


# --------------------------------------------------------------------------------------------
# Limits and order


async def test_messages_are_spaced_evenly_at_25_per_second(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    report = await pacer(telegram, clock).deliver(
        [message(chat_id, f"til {chat_id}") for chat_id in range(50)]
    )
    assert report.count(Outcome.DELIVERED) == 50
    times = [moment for moment, _chat, _text in telegram.delivered]
    assert times == pytest.approx([index * 0.04 for index in range(50)])
    assert clock.time == pytest.approx(49 * 0.04)  # no longer than needed


async def test_a_group_gets_at_most_20_messages_a_minute_and_private_chats_do_not_wait(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    group, other_group = -100_123, -100_456
    items = [message(group, f"Lærerrommet {n}") for n in range(1, 26)]
    items += [message(other_group, "Personalrommet 1"), message(7, "Kari 1")]
    report = await pacer(telegram, clock).deliver(items)
    assert report.count(Outcome.DELIVERED) == 27
    to_group = [moment for moment, chat_id, _text in telegram.delivered if chat_id == group]
    assert to_group[:20] == pytest.approx([float(n) for n in range(20)])  # 1 per second
    assert to_group[20:] == pytest.approx([60.0, 61.0, 62.0, 63.0, 64.0])  # a minute after
    assert all(b - a >= 60.0 for a, b in zip(to_group, to_group[20:], strict=False))
    others = {text: moment for moment, chat_id, text in telegram.delivered if chat_id != group}
    assert others == {"Personalrommet 1": pytest.approx(0.04), "Kari 1": pytest.approx(0.08)}


async def test_replies_in_a_group_count_against_its_20_a_minute(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    group = -100_123
    sender = pacer(telegram, clock)
    for second in range(20):  # the bot answered in the group once a second for 20 s
        clock.time = float(second)
        sender.note_interactive(group)
    clock.time = 20.0
    await sender.deliver([message(group, "Påminnelse til gruppa"), message(5, "Påminnelse")])
    assert schedule(telegram.delivered) == [(20.0, "Påminnelse"), (60.0, "Påminnelse til gruppa")]


async def test_one_message_per_second_per_chat_without_holding_up_other_chats(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    items = [message(chat_id, f"{name}{n}") for n in (1, 2, 3) for chat_id, name in [(1, "A")]]
    items += [message(2, "B1"), message(3, "C1"), message(3, "C2")]
    await pacer(telegram, clock).deliver(items)
    assert schedule(telegram.delivered) == [
        (0.0, "A1"),
        (0.04, "B1"),
        (0.08, "C1"),
        (1.0, "A2"),
        (1.08, "C2"),
        (2.0, "A3"),
    ]


async def test_configurable_limits(telegram: FakeTelegram, clock: FakeClock) -> None:
    items = [message(1, "A1"), message(2, "B1"), message(1, "A2")]
    await pacer(telegram, clock, per_second=2, per_chat_interval=3).deliver(items)
    assert schedule(telegram.delivered) == [(0.0, "A1"), (0.5, "B1"), (3.0, "A2")]


async def test_change_notices_go_before_reminders(telegram: FakeTelegram, clock: FakeClock) -> None:
    items = [
        message(1, "påminnelse 1"),
        message(2, "påminnelse 2"),
        message(1, "avlyst", priority=NOTICE_PRIORITY),
    ]
    await pacer(telegram, clock).deliver(items)
    assert schedule(telegram.delivered) == [
        (0.0, "avlyst"),
        (0.04, "påminnelse 2"),
        (1.0, "påminnelse 1"),
    ]


async def test_concurrent_batches_share_the_limits(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    shared = pacer(telegram, clock)
    first, second = await asyncio.gather(
        shared.deliver([message(1, "A1"), message(2, "B1")]),
        shared.deliver([message(3, "C1"), message(1, "A2")]),
    )
    assert first.count(Outcome.DELIVERED) == second.count(Outcome.DELIVERED) == 2
    assert schedule(telegram.delivered) == [(0.0, "A1"), (0.04, "B1"), (0.08, "C1"), (1.0, "A2")]
    assert shared.pending == 0


async def test_a_later_batch_does_not_wait_for_an_earlier_chat(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    shared = pacer(telegram, clock)
    first = asyncio.ensure_future(shared.deliver([message(1, "A1"), message(1, "A2")]))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await shared.deliver([message(2, "B1")])
    await first
    assert schedule(telegram.delivered) == [(0.0, "A1"), (0.04, "B1"), (1.0, "A2")]


async def test_an_empty_batch_returns_at_once(telegram: FakeTelegram, clock: FakeClock) -> None:
    report = await pacer(telegram, clock).deliver([])
    assert report.outcomes == [] and report.settled


# --------------------------------------------------------------------------------------------
# Interactive replies come first


async def test_an_interactive_reply_takes_a_slot_and_the_chats_second(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    paced = pacer(telegram, clock)
    paced.note_interactive(1)  # the bot just answered a question in chat 1
    await paced.deliver([message(1, "A1"), message(2, "B1")])
    assert schedule(telegram.delivered) == [(0.04, "B1"), (1.0, "A1")]


async def test_the_pacer_yields_to_other_tasks_between_messages(
    telegram: FakeTelegram, clock: FakeClock
) -> None:
    seen: list[int] = []

    async def replies() -> None:  # stands in for the bot answering questions meanwhile
        while len(telegram.delivered) < 20:
            seen.append(len(telegram.delivered))
            await asyncio.sleep(0)

    other = asyncio.ensure_future(replies())
    await pacer(telegram, clock).deliver([message(chat_id, "x") for chat_id in range(20)])
    await other
    assert len(set(seen)) >= 19  # the other task ran between (nearly) every two sends


async def test_at_most_max_in_flight_and_one_per_chat(clock: FakeClock) -> None:
    gate = asyncio.Event()
    running: list[int] = []
    most = 0

    async def slow_send(chat_id: int, text: str) -> None:
        nonlocal most
        assert chat_id not in running
        running.append(chat_id)
        most = max(most, len(running))
        await gate.wait()
        running.remove(chat_id)

    paced: Pacer[str] = Pacer(slow_send, clock=clock, limits=Limits(max_in_flight=3))
    task = asyncio.ensure_future(
        paced.deliver([message(chat_id % 5, "x") for chat_id in range(10)])
    )
    for _ in range(20):
        await asyncio.sleep(0)
    assert most == 3
    assert clock.time == pytest.approx(0.08)  # three started; then it waits, without spinning
    gate.set()
    report = await task
    assert report.count(Outcome.DELIVERED) == 10
    assert most == 3


# --------------------------------------------------------------------------------------------
# Failures


async def test_retry_after_pauses_exactly_that_long_then_resends_first(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    telegram.fail(1, RetryAfter(3))
    report = await pacer(telegram, clock, db).deliver(
        [message(1, "A1", "day:1"), message(2, "B1", "day:1"), message(3, "C1", "day:1")]
    )
    assert schedule(telegram.attempts) == [
        (0.0, "A1"),  # refused: retry after 3 s
        (3.0, "A1"),
        (3.04, "B1"),
        (3.08, "C1"),
    ]
    assert report.count(Outcome.DELIVERED) == 3
    delivery = db.delivery(DeliveryKey(1, "dekom-engelsk", "day:1"))
    assert delivery is not None
    assert (delivery.state, delivery.attempts) == (DeliveryState.SENT, 2)


async def test_retry_after_as_a_timedelta(telegram: FakeTelegram, clock: FakeClock) -> None:
    telegram.fail(1, RetryAfter(timedelta(seconds=1.5)))
    await pacer(telegram, clock).deliver([message(1, "A1")])
    assert schedule(telegram.attempts) == [(0.0, "A1"), (1.5, "A1")]


async def test_too_many_retry_afters_postpone_the_message_to_a_later_run(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    telegram.fail(1, *(RetryAfter(1) for _ in range(10)))
    report = await pacer(telegram, clock, db, max_retry_after=3).deliver(
        [message(1, "A1", "day:1")]
    )
    assert outcomes(report) == [("A1", Outcome.POSTPONED)]
    assert not report.settled
    assert len(telegram.attempts) == 3
    delivery = db.delivery(DeliveryKey(1, "dekom-engelsk", "day:1"))
    assert delivery is not None and delivery.state is DeliveryState.RELEASED  # not lost


async def test_a_blocked_chat_is_deactivated_and_its_other_messages_dropped(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    telegram.fail(1, Forbidden("Forbidden: bot was blocked by the user"))
    blocked: list[int] = []
    report = await pacer(telegram, clock, db, blocked).deliver(
        [message(1, "A1", "week:1"), message(2, "B1", "week:1"), message(1, "A2", "day:1")]
    )
    assert outcomes(report) == [
        ("A1", Outcome.BLOCKED),
        ("B1", Outcome.DELIVERED),
        ("A2", Outcome.BLOCKED),
    ]
    assert blocked == [1]
    assert report.blocked_chats == {1}
    assert [text for _t, _c, text in telegram.attempts] == ["A1", "B1"]
    first = db.delivery(DeliveryKey(1, "dekom-engelsk", "week:1"))
    assert first is not None and first.state is DeliveryState.FAILED
    assert db.delivery(DeliveryKey(1, "dekom-engelsk", "day:1")) is None  # never claimed


async def test_transient_failures_are_retried_with_backoff(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    telegram.fail(1, connect_error(), connect_error())
    report = await pacer(telegram, clock, db).deliver([message(1, "A1", "day:1")])
    assert schedule(telegram.attempts) == [(0.0, "A1"), (1.0, "A1"), (3.0, "A1")]
    assert outcomes(report) == [("A1", Outcome.DELIVERED)]
    delivery = db.delivery(DeliveryKey(1, "dekom-engelsk", "day:1"))
    assert delivery is not None
    assert (delivery.state, delivery.attempts) == (DeliveryState.SENT, 3)


async def test_transient_failures_give_up_after_max_attempts(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    telegram.fail(1, *(connect_error() for _ in range(5)))
    report = await pacer(telegram, clock, db, max_attempts=2).deliver([message(1, "A1", "day:1")])
    assert outcomes(report) == [("A1", Outcome.FAILED)]
    assert len(telegram.attempts) == 2
    delivery = db.delivery(DeliveryKey(1, "dekom-engelsk", "day:1"))
    assert delivery is not None and delivery.state is DeliveryState.FAILED


async def test_a_timeout_is_never_resent(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    telegram.fail(1, TimedOut("Timed out"))
    report = await pacer(telegram, clock, db).deliver([message(1, "A1", "day:1")])
    assert outcomes(report) == [("A1", Outcome.UNCERTAIN)]
    assert len(telegram.attempts) == 1
    delivery = db.delivery(DeliveryKey(1, "dekom-engelsk", "day:1"))
    assert delivery is not None and delivery.state is DeliveryState.UNCONFIRMED
    assert not db.claim(DeliveryKey(1, "dekom-engelsk", "day:1"), WALL_START)


async def test_a_bad_request_fails_at_once(telegram: FakeTelegram, clock: FakeClock) -> None:
    telegram.fail(1, BadRequest("Message is too long"))
    report = await pacer(telegram, clock).deliver([message(1, "A1"), message(1, "A2")])
    assert outcomes(report) == [("A1", Outcome.FAILED), ("A2", Outcome.DELIVERED)]


# --------------------------------------------------------------------------------------------
# The ledger


async def test_messages_already_sent_are_skipped_without_using_a_slot(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    sent = DeliveryKey(1, "dekom-engelsk", "week:1")
    assert db.claim(sent, WALL_START)
    db.mark_sent(sent, WALL_START)
    report = await pacer(telegram, clock, db).deliver(
        [message(1, "A1", "week:1"), message(2, "B1", "week:1"), message(2, "B1", "week:1")]
    )
    assert outcomes(report) == [
        ("A1", Outcome.ALREADY_HANDLED),
        ("B1", Outcome.DELIVERED),
        ("B1", Outcome.ALREADY_HANDLED),  # the same key twice in one batch: sent once
    ]
    assert schedule(telegram.attempts) == [(0.0, "B1")]


async def test_every_delivered_message_is_marked_sent(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    items = [message(chat_id, f"m{chat_id}", "day:1") for chat_id in (1, 2, 3)]
    await pacer(telegram, clock, db).deliver(items)
    for item in items:
        assert item.key is not None
        delivery = db.delivery(item.key)
        assert delivery is not None and delivery.state is DeliveryState.SENT


async def test_messages_to_an_unknown_or_inactive_chat_are_not_sent(
    telegram: FakeTelegram, clock: FakeClock, db: SubscriptionStore
) -> None:
    db.deactivate_chat(2, WALL_START)
    report = await pacer(telegram, clock, db).deliver(
        [message(2, "B1", "day:1"), message(9, "Z1", "day:1")]
    )
    assert {outcome for _item, outcome in report.outcomes} == {Outcome.ALREADY_HANDLED}
    assert telegram.attempts == []


async def test_closing_postpones_what_is_queued(clock: FakeClock) -> None:
    gate = asyncio.Event()

    async def stuck(chat_id: int, text: str) -> None:
        await gate.wait()

    paced: Pacer[str] = Pacer(stuck, clock=clock)
    task = asyncio.ensure_future(paced.deliver([message(1, "A1"), message(1, "A2")]))
    for _ in range(5):
        await asyncio.sleep(0)
    await paced.aclose()
    report = await task
    assert outcomes(report) == [("A1", Outcome.UNCERTAIN), ("A2", Outcome.POSTPONED)]
    assert paced.pending == 0


async def test_a_ledger_error_reaches_the_caller_instead_of_hanging(
    telegram: FakeTelegram, clock: FakeClock, storage: SqliteStorage, db: SubscriptionStore
) -> None:
    storage.close()  # every ledger call now fails
    with pytest.raises(StorageError):
        await pacer(telegram, clock, db).deliver([message(1, "A1", "day:1"), message(2, "B1")])


def test_a_key_must_belong_to_the_chat() -> None:
    with pytest.raises(ValueError, match="another chat"):
        Broadcast(1, "x", DeliveryKey(2, "e", "day:1"))


async def test_a_graceful_close_lets_sends_in_flight_finish_and_leaves_the_queue() -> None:
    clock = FakeClock()
    telegram = FakeTelegram(clock)
    arrived = asyncio.Event()

    async def slow_send(chat_id: int, message: str) -> None:
        arrived.set()
        await asyncio.sleep(0.01)  # real time: the answer is on its way when close starts
        await telegram.send(chat_id, message)

    pacer: Pacer[str] = Pacer(slow_send, clock=clock)
    delivery = asyncio.ensure_future(pacer.deliver(Broadcast(n, f"m{n}") for n in range(1, 6)))
    await arrived.wait()
    await pacer.aclose(grace=1.0)
    report = await delivery
    assert report.count(Outcome.DELIVERED) == len(telegram.delivered) >= 1
    assert report.count(Outcome.POSTPONED) == 5 - len(telegram.delivered)
    assert report.count(Outcome.UNCERTAIN) == 0
