"""The reminder and notice jobs end to end: real knowledge base, real database, fake Telegram."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from bot.core.knowledge import OSLO, KnowledgeBase
from bot.core.reminders import ALL_EVENTS, Scope
from bot.delivery.jobs import (
    calendar_sequences,
    finish_notices,
    next_reminder_at,
    notice_batch,
    reminder_messages,
)
from bot.delivery.pacer import NOTICE_PRIORITY, DeliveryReport, Outcome, Pacer
from bot.storage import SqliteStorage, SubscriptionStore, database_path
from tests.delivery.fakes import FakeClock, FakeTelegram, Forbidden

ENGELSK = "dekom-engelsk-barnetrinnet-2020"  # Thursday 1 October 2020, deadline 24 September
SUBSCRIBED = datetime(2020, 9, 1, 12, 0, tzinfo=OSLO)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return database_path(tmp_path)


@pytest.fixture
def storage(path: Path) -> Iterator[SqliteStorage]:
    with SqliteStorage.open(path) as opened:
        yield opened


@pytest.fixture
def db(storage: SqliteStorage) -> SubscriptionStore:
    database = storage.subscriptions
    database.subscribe(1, SUBSCRIBED, Scope.parse("scheme:dekom"))
    database.subscribe(2, SUBSCRIBED, Scope.parse("audience:barnehage"))
    database.subscribe(3, SUBSCRIBED, ALL_EVENTS)
    return database


@pytest.fixture
def telegram() -> FakeTelegram:
    return FakeTelegram(FakeClock())


def pacer_for(db: SubscriptionStore, telegram: FakeTelegram) -> Pacer[str]:
    def deactivate(chat_id: int) -> None:
        db.deactivate_chat(chat_id, SUBSCRIBED)

    return Pacer(telegram.send, ledger=db, clock=telegram.clock, on_blocked=deactivate)


def cancelled(kb: KnowledgeBase, event_id: str) -> KnowledgeBase:
    entries = tuple(
        replace(e, event=replace(e.event, cancelled=True)) if e.id == event_id and e.event else e
        for e in kb
    )
    return KnowledgeBase(entries, kb.sources, kb.vocabulary)


def recipients_of(telegram: FakeTelegram) -> list[int]:
    return sorted(chat_id for _time, chat_id, _text in telegram.delivered)


# --------------------------------------------------------------------------------------------
# Reminders


async def test_a_due_reminder_goes_out_once_even_across_a_restart(
    kb: KnowledgeBase,
    storage: SqliteStorage,
    db: SubscriptionStore,
    path: Path,
    telegram: FakeTelegram,
) -> None:
    now = datetime(2020, 9, 22, 9, 0, tzinfo=OSLO)  # two days before the deadline
    messages = reminder_messages(db, kb, now)
    assert [(m.chat_id, m.key.kind if m.key else None) for m in messages] == [
        (1, "deadline:2020-09-24"),
        (3, "deadline:2020-09-24"),
    ]
    assert messages[0].message.startswith("Påminnelse: Påmeldingsfristen for «DEKOM")
    report = await pacer_for(db, telegram).deliver(messages)
    assert report.count(Outcome.DELIVERED) == 2
    assert reminder_messages(db, kb, now) == []
    storage.close()
    with SqliteStorage.open(path) as restarted:
        reopened = restarted.subscriptions
        assert reminder_messages(reopened, kb, now) == []
        later = datetime(2020, 9, 22, 15, 0, tzinfo=OSLO)
        assert reminder_messages(reopened, kb, later) == []
        assert next_reminder_at(reopened, kb, now) == datetime(2020, 9, 24, 9, 0, tzinfo=OSLO)


async def test_a_blocked_chat_gets_no_more_reminders(
    kb: KnowledgeBase, db: SubscriptionStore, telegram: FakeTelegram
) -> None:
    telegram.fail(3, Forbidden("bot was blocked by the user"))
    now = datetime(2020, 9, 22, 9, 0, tzinfo=OSLO)
    report = await pacer_for(db, telegram).deliver(reminder_messages(db, kb, now))
    assert report.blocked_chats == {3}
    chat = db.chat(3)
    assert chat is not None and not chat.active
    week = datetime(2020, 9, 24, 9, 0, tzinfo=OSLO)
    assert [m.chat_id for m in reminder_messages(db, kb, week)] == [1]


async def test_a_reminder_missed_while_the_bot_was_down_says_it_is_late(
    kb: KnowledgeBase, db: SubscriptionStore
) -> None:
    back_up = datetime(2020, 9, 30, 11, 0, tzinfo=OSLO)  # the day reminder was due at 09:00
    messages = reminder_messages(db, kb, back_up)
    assert {m.chat_id for m in messages} == {1, 3}
    assert all(
        m.message.startswith("Beklager at denne påminnelsen kommer litt sent.") for m in messages
    )
    assert {m.key.kind for m in messages if m.key} == {"day:2020-10-01"}


# --------------------------------------------------------------------------------------------
# Change notices


async def test_the_first_notice_job_only_saves_a_baseline(
    kb: KnowledgeBase, db: SubscriptionStore
) -> None:
    batch = notice_batch(db, kb, SUBSCRIBED)
    assert batch.changes == [] and batch.messages == []
    assert finish_notices(db, batch, DeliveryReport(), SUBSCRIBED)
    assert db.load_snapshots() == batch.snapshots


async def test_a_cancellation_reaches_the_subscribers_in_scope_once(
    kb: KnowledgeBase, db: SubscriptionStore, telegram: FakeTelegram
) -> None:
    finish_notices(db, notice_batch(db, kb, SUBSCRIBED), DeliveryReport(), SUBSCRIBED)
    now = datetime(2020, 9, 23, 12, 0, tzinfo=OSLO)
    edited = cancelled(kb, ENGELSK)
    batch = notice_batch(db, edited, now)
    assert [(m.chat_id, m.priority) for m in batch.messages] == [
        (1, NOTICE_PRIORITY),
        (3, NOTICE_PRIORITY),
    ]
    assert batch.messages[0].message == (
        "Avlyst: «DEKOM – Engelsk på barnetrinnet» torsdag 1. oktober 2020 er avlyst."
    )
    assert calendar_sequences(db, edited)[ENGELSK] == 1  # already, before it is saved
    report = await pacer_for(db, telegram).deliver(batch.messages)
    assert finish_notices(db, batch, report, now)
    assert notice_batch(db, edited, now).messages == []
    assert calendar_sequences(db, edited)[ENGELSK] == 1
    assert reminder_messages(db, edited, datetime(2020, 9, 30, 9, 0, tzinfo=OSLO)) == []


async def test_a_crash_before_the_snapshots_are_saved_repeats_nothing_and_loses_nothing(
    kb: KnowledgeBase,
    storage: SqliteStorage,
    db: SubscriptionStore,
    path: Path,
    telegram: FakeTelegram,
) -> None:
    finish_notices(db, notice_batch(db, kb, SUBSCRIBED), DeliveryReport(), SUBSCRIBED)
    now = datetime(2020, 9, 23, 12, 0, tzinfo=OSLO)
    edited = cancelled(kb, ENGELSK)
    batch = notice_batch(db, edited, now)
    await pacer_for(db, telegram).deliver(batch.messages[:1])  # chat 1 got it, then a crash
    storage.close()
    with SqliteStorage.open(path) as restarted:
        reopened = restarted.subscriptions
        again = notice_batch(reopened, edited, now)
        assert [m.chat_id for m in again.messages] == [3]
        report = await pacer_for(reopened, telegram).deliver(again.messages)
        assert finish_notices(reopened, again, report, now)
    assert recipients_of(telegram) == [1, 3]


async def test_notices_found_in_quiet_hours_wait_for_the_morning(
    kb: KnowledgeBase, db: SubscriptionStore
) -> None:
    finish_notices(db, notice_batch(db, kb, SUBSCRIBED), DeliveryReport(), SUBSCRIBED)
    saved = db.load_snapshots()
    night = datetime(2020, 9, 23, 22, 30, tzinfo=OSLO)
    edited = cancelled(kb, ENGELSK)
    batch = notice_batch(db, edited, night)
    assert batch.messages == []
    assert batch.not_before == datetime(2020, 9, 24, 7, 30, tzinfo=OSLO)
    assert not finish_notices(db, batch, DeliveryReport(), night)
    assert db.load_snapshots() == saved  # the change is still there to announce
    morning = notice_batch(db, edited, datetime(2020, 9, 24, 7, 30, tzinfo=OSLO))
    assert [m.chat_id for m in morning.messages] == [1, 3]


async def test_postponed_notices_keep_the_old_snapshots(
    kb: KnowledgeBase, db: SubscriptionStore, telegram: FakeTelegram
) -> None:
    finish_notices(db, notice_batch(db, kb, SUBSCRIBED), DeliveryReport(), SUBSCRIBED)
    now = datetime(2020, 9, 23, 12, 0, tzinfo=OSLO)
    batch = notice_batch(db, cancelled(kb, ENGELSK), now)
    postponed = DeliveryReport([(batch.messages[0], Outcome.POSTPONED)])
    assert not finish_notices(db, batch, postponed, now)
    assert notice_batch(db, cancelled(kb, ENGELSK), now).changes == batch.changes
