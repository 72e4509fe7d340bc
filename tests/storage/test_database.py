"""The SQLite database: subscriptions, chats, the delivery ledger and event snapshots."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.core.changes import EventSnapshot, updated_snapshots
from bot.core.knowledge import KnowledgeBase
from bot.core.reminders import ALL_EVENTS, DEFAULT_LEAD_TIMES, LeadTime, Scope
from bot.storage import DeliveryKey, DeliveryState, SqliteStorage, SubscriptionStore

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)
BARNEHAGE = Scope.parse("audience:barnehage")
DEKOM = Scope.parse("scheme:dekom")


@pytest.fixture
def db(storage: SqliteStorage) -> SubscriptionStore:
    return storage.subscriptions


def key(chat_id: int = 1, kind: str = "day:2026-03-10") -> DeliveryKey:
    return DeliveryKey(chat_id, "dekom-engelsk", kind)


# --------------------------------------------------------------------------------------------
# Opening


def test_open_creates_the_file_in_wal_mode(path: Path, storage: SqliteStorage) -> None:
    assert path.name == "kompetansebot.sqlite3"
    assert path.is_file()
    assert storage.journal_mode == "wal"


def test_foreign_keys_are_enforced(db: SubscriptionStore, path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute(
            "INSERT INTO subscriptions VALUES (99, 'all', 'week', '2026-01-01', '2026-01-01')"
        )
    raw.close()


def test_nothing_personal_is_stored(db: SubscriptionStore, path: Path) -> None:
    raw = sqlite3.connect(path)
    tables = [row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    columns = {
        table: {column[1] for column in raw.execute(f"PRAGMA table_info({table})")}
        for table in tables
    }
    raw.close()
    # A hand-over to a coordinator is the one exception: the answer must reach the asker, so
    # it keeps the chat and the first name until the answer is delivered (bot.storage).
    everywhere_else = set().union(
        *(names for table, names in columns.items() if table != "handovers")
    )
    assert not everywhere_else & {"name", "username", "first_name", "last_name", "text", "message"}
    assert columns["handovers"] & {"username", "last_name"} == set()
    assert not columns["question_log"] & {"chat_id", "user_id", "first_name", "username"}


def test_naive_datetimes_are_refused(db: SubscriptionStore) -> None:
    with pytest.raises(ValueError, match="naive"):
        db.subscribe(1, datetime(2026, 3, 2, 9, 0))


# --------------------------------------------------------------------------------------------
# Subscriptions


def test_subscribe_to_everything_with_default_lead_times_in_one_step(db: SubscriptionStore) -> None:
    subscription = db.subscribe(1, NOW)
    assert subscription.scope == ALL_EVENTS
    assert subscription.lead_times == DEFAULT_LEAD_TIMES
    assert subscription.created_at == NOW
    assert db.subscriptions(1) == [subscription]
    chat = db.chat(1)
    assert chat is not None and chat.active and chat.created_at == NOW


def test_subscribing_again_changes_lead_times_but_keeps_the_start(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    again = db.subscribe(1, LATER, ALL_EVENTS, [LeadTime.MORNING])
    assert again.lead_times == {LeadTime.MORNING}
    assert again.created_at == NOW
    assert len(db.subscriptions(1)) == 1


def test_several_scopes_and_removing_one(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW, BARNEHAGE)
    db.subscribe(1, LATER, DEKOM, [LeadTime.DAY])
    assert [s.scope for s in db.subscriptions(1)] == [BARNEHAGE, DEKOM]
    assert db.unsubscribe(1, BARNEHAGE)
    assert not db.unsubscribe(1, BARNEHAGE)
    assert [s.scope for s in db.subscriptions(1)] == [DEKOM]


def test_narrowing_replaces_every_scope(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    db.subscribe(1, NOW, DEKOM)
    narrowed = db.replace_subscriptions(1, BARNEHAGE, LATER, [LeadTime.WEEK])
    assert db.subscriptions(1) == [narrowed]
    assert narrowed.lead_times == {LeadTime.WEEK}


def test_set_lead_times_for_every_subscription(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    db.subscribe(1, NOW, DEKOM)
    assert db.set_lead_times(1, [LeadTime.DAY, LeadTime.MORNING], LATER) == 2
    assert {s.lead_times for s in db.subscriptions(1)} == {
        frozenset({LeadTime.DAY, LeadTime.MORNING})
    }
    assert db.set_lead_times(1, [], LATER) == 2
    assert {s.lead_times for s in db.subscriptions(1)} == {frozenset()}


def test_avmeld_removes_the_subscriptions_but_remembers_what_was_sent(
    db: SubscriptionStore,
) -> None:
    db.subscribe(1, NOW)
    db.subscribe(1, NOW, DEKOM)
    assert db.claim(key(), NOW)
    db.mark_sent(key(), NOW)
    assert db.unsubscribe_all(1) == 2
    assert db.subscriptions(1) == []
    db.subscribe(1, LATER)
    assert not db.claim(key(), LATER)  # never sent twice, even after subscribing again


def test_slettmeg_deletes_every_row_about_the_chat(
    storage: SqliteStorage, db: SubscriptionStore
) -> None:
    db.subscribe(1, NOW)
    db.subscribe(1, NOW, DEKOM)
    db.subscribe(2, NOW)
    for kind in ("week:2026-03-10", "day:2026-03-10", "cancelled:1"):
        assert db.claim(key(1, kind), NOW)
    assert db.claim(key(2), NOW)
    assert storage.rows_about_chat(1) == 1 + 2 + 3
    assert storage.forget_chat(1).total == 6
    assert storage.rows_about_chat(1) == 0
    assert db.chat(1) is None
    assert storage.forget_chat(1).total == 0
    assert storage.rows_about_chat(2) == 3  # other chats are untouched
    assert not db.mark_sent(key(1), NOW)  # a send in flight finds its row gone


def test_a_blocked_chat_is_deactivated_and_reactivated_on_contact(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    db.subscribe(2, NOW, DEKOM)
    assert db.deactivate_chat(1, LATER)
    assert not db.deactivate_chat(1, LATER)
    assert [s.chat_id for s in db.active_subscriptions()] == [2]
    assert db.subscriptions(1)  # settings are kept
    assert not db.claim(key(1), LATER)  # nothing goes to an inactive chat
    assert db.reactivate_chat(1, LATER)
    assert not db.reactivate_chat(1, LATER)
    assert [s.chat_id for s in db.active_subscriptions()] == [1, 2]
    assert not db.reactivate_chat(3, LATER)  # unknown chats are not created by contact
    assert db.chat(3) is None


def test_subscribing_reactivates(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    db.deactivate_chat(1, NOW)
    db.subscribe(1, LATER, DEKOM)
    chat = db.chat(1)
    assert chat is not None and chat.active and chat.updated_at == LATER


# --------------------------------------------------------------------------------------------
# The ledger


def test_claim_then_mark_sent_happens_once(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    assert db.delivery(key()) is None
    assert db.claim(key(), NOW)
    assert not db.claim(key(), NOW)  # a second sender loses
    delivery = db.delivery(key())
    assert delivery is not None
    assert (delivery.state, delivery.attempts) == (DeliveryState.CLAIMED, 1)
    assert db.mark_sent(key(), LATER)
    assert not db.claim(key(), LATER)
    delivery = db.delivery(key())
    assert delivery is not None
    assert (delivery.state, delivery.updated_at) == (DeliveryState.SENT, LATER)
    assert not db.mark_sent(key(), LATER)  # only a claimed row can be marked


def test_the_ledger_is_on_disk_before_a_send_and_the_question_log_skips_the_fsync(
    storage: SqliteStorage,
) -> None:
    """A claim or "sent" must survive a power cut (never twice); a logged question need not,
    and waiting for the disk on every answered question held up the answer path."""
    db = storage.subscriptions
    db.subscribe(1, NOW)
    question_id = storage.questions.log_question(
        NOW, "Når er neste samling?", "neste samling", None, False, "next_event"
    )
    assert storage.synchronous == "normal"
    assert db.claim(key(), NOW)
    assert storage.synchronous == "full"
    assert storage.questions.set_feedback(question_id, 1)
    assert storage.synchronous == "normal"
    assert db.mark_sent(key(), LATER)
    assert storage.synchronous == "full"


def test_a_released_row_can_be_claimed_again_and_counts_attempts(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    assert db.claim(key(), NOW)
    assert db.release(key(), NOW)
    assert db.handled([key()]) == set()
    assert db.claim(key(), LATER)
    delivery = db.delivery(key())
    assert delivery is not None and delivery.attempts == 2
    assert db.mark_failed(key(), LATER)
    assert not db.claim(key(), LATER)
    assert db.handled([key()]) == {key()}


def test_claims_need_an_active_chat(db: SubscriptionStore) -> None:
    assert not db.claim(key(5), NOW)  # never subscribed
    assert db.delivery(key(5)) is None


def test_handled_tells_which_keys_not_to_send(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    sent, claimed, fresh = key(kind="week:x"), key(kind="day:x"), key(kind="morning:x")
    db.claim(sent, NOW)
    db.mark_sent(sent, NOW)
    db.claim(claimed, NOW)
    assert db.handled([sent, claimed, fresh]) == {sent, claimed}


def test_unconfirmed_rows_are_never_resent(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    assert db.claim(key(), NOW)
    assert db.mark_unconfirmed(key(), NOW)
    assert not db.claim(key(), LATER)


def test_restart_after_a_crash_sends_nothing_twice_and_loses_nothing(path: Path) -> None:
    sent, in_flight, not_yet = key(kind="week:x"), key(kind="day:x"), key(kind="morning:x")
    with SqliteStorage.open(path) as storage:
        before_crash = storage.subscriptions
        before_crash.subscribe(1, NOW)
        assert before_crash.claim(sent, NOW)
        assert before_crash.mark_sent(sent, NOW)
        assert before_crash.claim(in_flight, NOW)  # the process dies during this send
    with SqliteStorage.open(path) as storage:
        after_restart = storage.subscriptions
        assert after_restart.handled([sent, in_flight, not_yet]) == {sent, in_flight}
        assert after_restart.settle_stale_claims(LATER) == 1  # logged: may have been lost
        delivery = after_restart.delivery(in_flight)
        assert delivery is not None and delivery.state is DeliveryState.UNCONFIRMED
        assert not after_restart.claim(sent, LATER)
        assert not after_restart.claim(in_flight, LATER)
        assert after_restart.claim(not_yet, LATER)  # never claimed before: still sent
        assert after_restart.subscriptions(1)


def test_settling_leaves_fresh_claims_alone(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    db.claim(key(), NOW)
    assert db.settle_stale_claims(NOW + timedelta(minutes=4)) == 0
    assert db.settle_stale_claims(NOW + timedelta(minutes=5)) == 1
    assert db.settle_stale_claims(NOW, older_than=timedelta(0)) == 0


def test_pruning_drops_old_settled_rows_only(db: SubscriptionStore) -> None:
    db.subscribe(1, NOW)
    old, claimed = key(kind="week:old"), key(kind="day:claimed")
    db.claim(old, NOW)
    db.mark_sent(old, NOW)
    db.claim(claimed, NOW)
    assert db.prune_deliveries(LATER) == 1
    assert db.delivery(old) is None
    assert db.delivery(claimed) is not None


# --------------------------------------------------------------------------------------------
# Event snapshots


def test_snapshots_are_none_until_first_saved(db: SubscriptionStore) -> None:
    assert db.load_snapshots() is None
    db.save_snapshots({}, NOW)
    assert db.load_snapshots() == {}


def test_snapshots_round_trip(db: SubscriptionStore, kb: KnowledgeBase) -> None:
    snapshots = updated_snapshots(None, kb)
    timed = EventSnapshot(
        event_id="kveld",
        title="Kveldssamling",
        start=date(2026, 3, 10),
        start_time=time(18, 30),
        end=date(2026, 3, 11),
        end_time=time(15, 0),
        format="fysisk",
        location="Støren",
        cancelled=True,
        audience=("skole", "laerere"),
        scheme="dekom",
        region="gauldalsregionen",
        details="abc",
        removed=True,
        sequence=7,
    )
    snapshots["kveld"] = timed
    db.save_snapshots(snapshots, NOW)
    assert db.load_snapshots() == snapshots
    del snapshots["kveld"]
    db.save_snapshots(snapshots, LATER)  # replaces the whole set
    assert db.load_snapshots() == snapshots
