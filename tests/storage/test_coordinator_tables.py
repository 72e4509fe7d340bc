"""The coordinator tables: question log, retention, hand-overs and announcements in SQLite."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.reminders import ALL_EVENTS
from bot.storage import (
    AnnouncementState,
    DeliveryKey,
    HandoverState,
    SqliteStorage,
    delete_expired,
)

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def log(storage: SqliteStorage, when: datetime, question: str = "hva er dekom") -> int:
    return storage.questions.log_question(when, question, question, "dekom", True, "what_is")


def test_a_logged_question_keeps_what_was_asked_and_nothing_about_who(
    storage: SqliteStorage, path: Path
) -> None:
    question_id = storage.questions.log_question(
        NOW, "Hva er DEKOM?", "dekom", "dekom", True, "what_is"
    )
    logged = storage.questions.question(question_id)
    assert logged is not None
    assert (logged.question, logged.entry_id, logged.confident, logged.intent) == (
        "Hva er DEKOM?",
        "dekom",
        True,
        "what_is",
    )
    assert logged.asked_at == NOW and logged.feedback is None
    raw = sqlite3.connect(path)
    row = raw.execute("SELECT * FROM question_log").fetchone()
    raw.close()
    assert 1001 not in row and "Kari" not in row


def test_feedback_counts_once(storage: SqliteStorage) -> None:
    question_id = log(storage, NOW)
    assert storage.questions.set_feedback(question_id, 1)
    assert not storage.questions.set_feedback(question_id, -1)  # the first tap counts
    assert storage.questions.question(question_id).feedback == 1  # type: ignore[union-attr]
    assert not storage.questions.set_feedback(9999, 1)
    with pytest.raises(ValueError):
        storage.questions.set_feedback(question_id, 2)


def test_retention_deletes_rows_older_than_the_period_and_keeps_younger_ones(
    storage: SqliteStorage,
) -> None:
    period = timedelta(days=180)
    old = log(storage, NOW - period - timedelta(minutes=1), "gammelt spørsmål")
    young = log(storage, NOW - period + timedelta(minutes=1), "nyere spørsmål")
    old_handover = storage.handovers.create_handover(
        old, 1001, "Kari", "gammelt spørsmål", NOW - period * 2
    )
    young_handover = storage.handovers.create_handover(young, 1002, "Ola", "nyere spørsmål", NOW)
    assert old_handover is not None and young_handover is not None
    storage.handovers.add_handover_message(old_handover.id, 4242, 77)
    finished = storage.announcements.create_announcement(
        4242, "Gammel kunngjøring", NOW - period * 2
    )
    storage.announcements.cancel_announcement(finished.id, NOW - period * 2)
    forgotten = storage.announcements.create_announcement(4242, "Aldri bekreftet", NOW - period * 2)
    sending = storage.announcements.create_announcement(4242, "Sendes", NOW - period * 2)
    storage.announcements.start_announcement(sending.id, 3, NOW - period * 2)

    expired = delete_expired(storage, NOW - period)

    assert (expired.questions, expired.handovers, expired.announcements) == (1, 1, 2)
    assert storage.questions.question(old) is None
    assert storage.questions.question(young) is not None
    assert storage.handovers.handover(old_handover.id) is None
    assert storage.handovers.handover_for_message(4242, 77) is None  # its message rows went with it
    assert storage.handovers.handover(young_handover.id) is not None
    assert storage.announcements.announcement(finished.id) is None
    assert storage.announcements.announcement(forgotten.id) is None  # a preview nobody confirmed
    assert (
        storage.announcements.announcement(sending.id) is not None
    )  # being sent: resumed, not deleted


def test_a_handover_is_routed_by_admin_message_and_forgets_the_asker_once_answered(
    storage: SqliteStorage,
) -> None:
    question_id = log(storage, NOW, "kan jeg ta med barna på samlingen?")
    handover = storage.handovers.create_handover(
        question_id, 1001, "Kari", "kan jeg ta med barna?", NOW
    )
    assert handover is not None and handover.state is HandoverState.PENDING
    assert (
        storage.handovers.create_handover(question_id, 1001, "Kari", "igjen", NOW) is None
    )  # once
    storage.handovers.add_handover_message(handover.id, 4242, 500)
    storage.handovers.add_handover_message(handover.id, 4343, 501)
    assert storage.handovers.handover_for_message(4242, 500) == handover
    assert storage.handovers.handover_for_message(4343, 501) == handover
    assert storage.handovers.handover_for_message(4242, 501) is None  # another admin's message id

    assert storage.handovers.mark_undeliverable(handover.id, "Ja, det går fint.", NOW)
    kept = storage.handovers.handover(handover.id)
    assert kept is not None and kept.state is HandoverState.UNDELIVERABLE
    assert (kept.chat_id, kept.answer) == (1001, "Ja, det går fint.")  # nothing lost

    assert storage.handovers.mark_answered(handover.id, NOW)
    answered = storage.handovers.handover(handover.id)
    assert answered is not None and answered.state is HandoverState.ANSWERED
    assert (answered.chat_id, answered.first_name, answered.answer) == (None, None, None)
    assert not storage.handovers.mark_answered(handover.id, NOW)


def test_forgetting_a_chat_deletes_its_pending_handovers(storage: SqliteStorage) -> None:
    question_id = log(storage, NOW)
    handover = storage.handovers.create_handover(question_id, 1001, "Kari", "hva er dekom", NOW)
    assert handover is not None
    assert storage.rows_about_chat(1001) == 1
    assert storage.forget_chat(1001).total == 1
    assert storage.handovers.handover(handover.id) is None
    assert storage.questions.question(question_id) is not None  # the log has no chat to forget


def test_an_announcement_is_started_once_and_counts_recipients_from_subscriptions(
    storage: SqliteStorage,
) -> None:
    for chat_id in (1, 2, 3):
        storage.subscriptions.subscribe(chat_id, NOW, ALL_EVENTS)
    storage.subscriptions.deactivate_chat(3, NOW)
    assert storage.subscriptions.subscriber_chats() == [1, 2]
    announcement = storage.announcements.create_announcement(4242, "Husk samlingen!", NOW)
    assert announcement.state is AnnouncementState.PENDING
    assert storage.announcements.start_announcement(announcement.id, 2, NOW)
    assert not storage.announcements.start_announcement(announcement.id, 2, NOW)  # a double press
    assert not storage.announcements.cancel_announcement(announcement.id, NOW)
    assert [a.id for a in storage.announcements.announcements(AnnouncementState.SENDING)] == [
        announcement.id
    ]
    key = DeliveryKey(1, "announcement", f"kunngjoring:{announcement.id}")
    assert storage.subscriptions.claim(key, NOW) and storage.subscriptions.mark_sent(key, NOW)
    assert storage.subscriptions.delivered("announcement", f"kunngjoring:{announcement.id}") == 1
    assert storage.announcements.finish_announcement(announcement.id, 1, 0, NOW)
    done = storage.announcements.announcement(announcement.id)
    assert done is not None and done.state is AnnouncementState.SENT
    assert (done.recipients, done.delivered, done.deactivated) == (2, 1, 0)
