"""Reminder and notice jobs in a running bot, with an injected clock: every lead time, quiet
hours, deadlines, late delivery after downtime, skipping after the start, change and
cancellation notices to the subscribers in scope, and the knowledge-base reload."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, time
from pathlib import Path

import pytest

from bot.core.reminders import ALL_EVENTS, LeadTime, Scope
from bot.core.reminders import LeadTime as Lead
from bot.delivery.pacer import Limits
from bot.runtime.live import Knowledge, LiveKnowledge
from bot.storage import DeliveryKey, DeliveryState
from tests.fake_bot_api import Call
from tests.subscriptions.helpers import (
    ADMIN,
    Bot,
    Clock,
    load,
    oslo,
    running_bot,
    samling,
    write_knowledge,
)

EVERY_LEAD_TIME = frozenset(LeadTime)
SUBSCRIBED = oslo(2030, 4, 1, 12, 0)

# Wednesday 15 May 2030 10:00, registration until Wednesday 8 May.
SKOLE = samling(
    "skole-dekom",
    date(2030, 5, 15),
    time(10, 0),
    title="Skolesamling DEKOM",
    audience=["skole"],
    scheme="dekom",
    region="gauldalsregionen",
    deadline=date(2030, 5, 8),
    location="Støren",
)
BARNEHAGE = samling(
    "barnehage-rekom", date(2030, 5, 20), title="Barnehagesamling", audience=["barnehage"]
)
KVELD = samling("kveld", date(2030, 6, 12), time(22, 30), title="Kveldsmøte", audience=["skole"])
TIDLIG = samling("tidlig", date(2030, 6, 20), time(6, 30), title="Frokostmøte", audience=["ppt"])
EVENTS = [SKOLE, BARNEHAGE, KVELD, TIDLIG]

ALL_CHAT, BARNEHAGE_CHAT, DEKOM_CHAT, EVENT_CHAT = 1, 2, 3, 4


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    return write_knowledge(tmp_path / "knowledge", EVENTS)


@pytest.fixture
async def bot(tmp_path: Path, knowledge: Path) -> AsyncIterator[Bot]:
    clock = Clock(SUBSCRIBED)
    async with running_bot(tmp_path / "data", knowledge, clock) as running:
        db = running.store
        db.subscribe(ALL_CHAT, SUBSCRIBED, ALL_EVENTS, EVERY_LEAD_TIME)
        db.subscribe(BARNEHAGE_CHAT, SUBSCRIBED, Scope.parse("audience:barnehage"))
        db.subscribe(DEKOM_CHAT, SUBSCRIBED, Scope.parse("scheme:dekom"), {Lead.DAY})
        db.subscribe(EVENT_CHAT, SUBSCRIBED, Scope.parse("event:skole-dekom"), {Lead.WEEK})
        await running.scheduler.send_notices()  # the first run records a baseline
        await running.scheduler.send_reminders()  # as at start-up: nothing due yet
        assert running.broadcast_texts() == {}
        yield running


async def wave_at(bot: Bot, *when: int) -> dict[int, list[str]]:
    """Run the reminder job at `when` (Oslo time); what each chat got from it."""
    bot.clock.set(oslo(*when))
    before = len(bot.api.calls)
    await bot.scheduler.send_reminders()
    return sent_since(bot.api.calls[before:])


def sent_since(calls: list[Call]) -> dict[int, list[str]]:
    sent: dict[int, list[str]] = {}
    for call in calls:
        if call.method == "sendMessage" and call.chat_id is not None:
            sent.setdefault(call.chat_id, []).append(call.text)
    return sent


async def test_every_lead_time_goes_to_the_chats_in_scope_once(bot: Bot) -> None:
    assert bot.scheduler.next_due == oslo(2030, 5, 6, 9, 0)  # the first: the deadline's

    deadline = await wave_at(bot, 2030, 5, 6, 9, 0)  # 09:00 two days before the deadline
    assert list(deadline) == [ALL_CHAT]
    assert deadline[ALL_CHAT] == [
        "Påminnelse: Påmeldingsfristen for «Skolesamling DEKOM» er onsdag 8. mai 2030 "
        "(om 2 dager).\nSamlingen er onsdag 15. mai 2030 kl. 10.00 (om 9 dager)."
    ]
    assert bot.scheduler.next_due == oslo(2030, 5, 8, 10, 0)

    week = await wave_at(bot, 2030, 5, 8, 10, 0)
    assert sorted(week) == [ALL_CHAT, EVENT_CHAT]
    assert week[EVENT_CHAT][0].startswith(
        "Påminnelse: «Skolesamling DEKOM» er onsdag 15. mai 2030 kl. 10.00"
    )
    assert "Sted: på Støren." in week[EVENT_CHAT][0]
    barnehage_week = await wave_at(bot, 2030, 5, 13, 9, 0)  # all-day: 09:00 a week before
    assert sorted(barnehage_week) == [ALL_CHAT, BARNEHAGE_CHAT]
    assert "Barnehagesamling" in barnehage_week[BARNEHAGE_CHAT][0]

    day = await wave_at(bot, 2030, 5, 14, 10, 0)
    assert sorted(day) == [ALL_CHAT, DEKOM_CHAT]
    assert "«Skolesamling DEKOM» er onsdag 15. mai 2030 kl. 10.00 (i morgen)" in day[DEKOM_CHAT][0]

    morning = await wave_at(bot, 2030, 5, 15, 8, 0)
    assert list(morning) == [ALL_CHAT]
    assert "kl. 10.00 (i dag)" in morning[ALL_CHAT][0]

    assert await wave_at(bot, 2030, 5, 15, 8, 5) == {}  # the same moment again: nothing twice
    ledger = bot.store.delivery
    sent = ledger(DeliveryKey(ALL_CHAT, "skole-dekom", "morning:2030-05-15"))
    assert sent is not None and sent.state is DeliveryState.SENT


async def test_quiet_hours_move_a_reminder_to_half_past_seven(bot: Bot) -> None:
    # "Kveldsmøte" starts 22:30: its week and day reminders would fall at 22:30.
    bot.store.unsubscribe_all(BARNEHAGE_CHAT)
    assert await wave_at(bot, 2030, 6, 11, 22, 30) == {}
    assert bot.scheduler.next_due == oslo(2030, 6, 12, 7, 30)
    moved = await wave_at(bot, 2030, 6, 12, 7, 30)
    assert list(moved) == [ALL_CHAT]
    assert "«Kveldsmøte» er onsdag 12. juni 2030 kl. 22.30 (i dag)" in moved[ALL_CHAT][0]
    assert "sent" not in moved[ALL_CHAT][0]
    # "Frokostmøte" at 06:30: "samme morgen" would be 05:30, moved to 07:30: after the start.
    assert await wave_at(bot, 2030, 6, 20, 7, 30) == {}


async def test_late_after_downtime_is_sent_once_and_marked_late(bot: Bot) -> None:
    # Down from before the week reminder until after the day reminder: only the latest goes.
    late = await wave_at(bot, 2030, 5, 14, 15, 0)
    assert sorted(late) == [ALL_CHAT, BARNEHAGE_CHAT, DEKOM_CHAT, EVENT_CHAT]
    skole = {chat_id: [t for t in texts if "Skolesamling" in t] for chat_id, texts in late.items()}
    for chat_id in (ALL_CHAT, DEKOM_CHAT, EVENT_CHAT):
        (text,) = skole[chat_id]  # the day reminder only: it supersedes the week reminder
        assert text.startswith("Beklager at denne påminnelsen kommer litt sent.\n")
        assert "(i morgen)" in text
    (barnehage,) = late[BARNEHAGE_CHAT]  # its week reminder (13 May 09:00), late too
    assert barnehage.startswith("Beklager") and "Barnehagesamling" in barnehage
    assert await wave_at(bot, 2030, 5, 14, 15, 1) == {}


async def test_late_in_quiet_hours_waits_until_morning(bot: Bot) -> None:
    assert await wave_at(bot, 2030, 5, 14, 23, 0) == {}
    assert bot.scheduler.next_due == oslo(2030, 5, 15, 7, 30)
    late = await wave_at(bot, 2030, 5, 15, 7, 30)
    assert "Beklager" in late[DEKOM_CHAT][0]


async def test_nothing_after_the_start(bot: Bot) -> None:
    sent = await wave_at(bot, 2030, 5, 15, 10, 30)  # down until the samling had begun
    assert not any("Skolesamling" in text for texts in sent.values() for text in texts)
    assert sorted(sent) == [ALL_CHAT, BARNEHAGE_CHAT]  # only Barnehagesamling (20 May)


async def test_new_subscription_moves_the_reminder_job_earlier(bot: Bot) -> None:
    bot.clock.set(oslo(2030, 6, 14, 12, 0))
    await bot.scheduler.send_reminders()
    assert bot.scheduler.next_due == oslo(2030, 6, 19, 7, 30)  # next: Frokostmøte's day
    (confirmation,) = [c for c in await bot.message(99, "/abonner") if c.method == "sendMessage"]
    assert "Du får påminnelser om alle kommende samlinger" in confirmation.text
    assert bot.scheduler.next_due == oslo(2030, 6, 19, 7, 30)  # nothing earlier for 99
    jobs = bot.app.job_queue.jobs() if bot.app.job_queue else ()
    (job,) = [job for job in jobs if job.name == "reminders"]
    assert job.job.misfire_grace_time is None  # never dropped for being late


async def test_changes_are_announced_to_the_subscribers_in_scope(bot: Bot, knowledge: Path) -> None:
    moved = dict(SKOLE, start=date(2030, 5, 16), location="Oppdal")
    cancelled = dict(BARNEHAGE, cancelled=True)
    new = samling("ny", date(2030, 9, 1), title="Ny samling", audience=["skole"])
    write_knowledge(knowledge, [moved, cancelled, KVELD, TIDLIG, new])
    bot.clock.set(oslo(2030, 5, 2, 12, 0))
    before = len(bot.api.calls)
    (reply,) = [c for c in await bot.message(ADMIN, "/oppdater") if c.method == "sendMessage"]
    assert "Endringer i samlinger: 1 ny, 1 endret tid eller sted, 1 avlyst." in reply.text
    await bot.background.wait_idle()
    notices = sent_since(bot.api.calls[before:])
    notices.pop(ADMIN)
    assert sorted(notices) == [ALL_CHAT, BARNEHAGE_CHAT, DEKOM_CHAT, EVENT_CHAT]
    change = (
        "Endring for «Skolesamling DEKOM»:\n"
        "• Når: onsdag 15. mai 2030 kl. 10.00 → torsdag 16. mai 2030 kl. 10.00\n"
        "• Sted: på Støren → på Oppdal"
    )
    assert notices[DEKOM_CHAT] == [change]
    assert notices[EVENT_CHAT] == [change]
    assert notices[BARNEHAGE_CHAT] == ["Avlyst: «Barnehagesamling» mandag 20. mai 2030 er avlyst."]
    assert len(notices[ALL_CHAT]) == 3
    assert any(text.startswith("Ny samling: «Ny samling»") for text in notices[ALL_CHAT])

    # Nothing twice: a restart or another reload finds the snapshots saved.
    await bot.scheduler.send_notices()
    assert sent_since(bot.api.calls[before:]).keys() == {ADMIN, *notices}
    # The cancelled samling gets no reminders; the moved one gets them for its new date.
    assert BARNEHAGE_CHAT not in await wave_at(bot, 2030, 5, 13, 9, 0)
    day = await wave_at(bot, 2030, 5, 15, 10, 0)
    assert sorted(day) == [ALL_CHAT, DEKOM_CHAT]
    assert "torsdag 16. mai" in day[DEKOM_CHAT][0]


async def test_notices_in_quiet_hours_wait_until_morning(bot: Bot, knowledge: Path) -> None:
    write_knowledge(knowledge, [dict(SKOLE, cancelled=True), BARNEHAGE, KVELD, TIDLIG])
    bot.clock.set(oslo(2030, 5, 2, 23, 0))
    result = await bot.scheduler.reload()
    assert result.ok
    await bot.background.wait_idle()
    assert bot.broadcast_texts() == {}
    bot.clock.set(oslo(2030, 5, 3, 7, 30))
    await bot.scheduler.send_notices()
    assert sorted(bot.broadcast_texts()) == [ALL_CHAT, DEKOM_CHAT, EVENT_CHAT]


async def test_an_invalid_knowledge_base_is_not_loaded(bot: Bot, knowledge: Path) -> None:
    old = bot.live.kb
    (knowledge / "samlinger.yaml").write_text(
        "- id: x\n  kind: event\n  title: X\n  start: 2030-13-45\n", encoding="utf-8"
    )
    (reply,) = [c for c in await bot.message(ADMIN, "/oppdater") if c.method == "sendMessage"]
    lines = reply.text.split("\n")
    assert lines[0] == "<b>Kunnskapsbasen</b>"
    assert lines[2].endswith("feil og er ikke lastet. Den gamle er fortsatt i bruk.")
    assert len(lines) > 3 and all("samlinger.yaml:" in line for line in lines[3:])
    assert bot.live.kb is old
    assert bot.conversation.kb is old


async def test_changed_files_are_reloaded_automatically_and_errors_go_to_admins(
    bot: Bot, knowledge: Path
) -> None:
    watch = bot.scheduler.watch_knowledge
    await watch()
    assert bot.live.kb.get("ny") is None
    write_knowledge(knowledge, [*EVENTS, samling("ny", date(2030, 9, 1), title="Ny samling")])
    await watch()  # changed: wait until the files stay the same for one interval
    await bot.background.wait_idle()
    assert bot.live.kb.get("ny") is None
    await watch()
    await bot.background.wait_idle()
    assert bot.live.kb.get("ny") is not None
    assert bot.conversation.kb is bot.live.kb
    (answer,) = [c for c in await bot.message(5, "Når er Ny samling?") if c.method == "sendMessage"]
    assert "Ny samling" in answer.text

    (knowledge / "samlinger.yaml").write_text("- id: [\n", encoding="utf-8")
    await watch()
    await watch()
    await bot.background.wait_idle()
    (alert,) = bot.api.sent_to(ADMIN)
    assert "Kunnskapsbasen ble endret, men kunne ikke lastes:" in alert.text
    assert "samlinger.yaml" in alert.text
    await watch()
    await bot.background.wait_idle()
    assert len(bot.api.sent_to(ADMIN)) == 1  # told once per broken version
    assert bot.live.kb.get("ny") is not None


async def test_a_wave_under_way_drops_reminders_of_a_samling_cancelled_meanwhile(
    tmp_path: Path, knowledge: Path
) -> None:
    cancelled = write_knowledge(tmp_path / "cancelled", [dict(SKOLE, cancelled=True), BARNEHAGE])
    live: list[LiveKnowledge] = []

    def cancel_after_first(send: Callable[[int, str], Awaitable[None]]) -> Callable[..., object]:
        async def sending(chat_id: int, text: str) -> None:
            await send(chat_id, text)
            live[0].swap(Knowledge.of(load(cancelled)))  # a reload while the wave runs

        return sending

    clock = Clock(SUBSCRIBED)
    one_at_a_time = Limits(max_in_flight=1)  # so the order of events is certain
    async with running_bot(
        tmp_path / "data", knowledge, clock, limits=one_at_a_time, send_wrapper=cancel_after_first
    ) as bot:
        live.append(bot.live)
        for chat_id in range(10, 20):
            bot.store.subscribe(chat_id, SUBSCRIBED, ALL_EVENTS)
        sent = await wave_at(bot, 2030, 5, 14, 10, 0)
        # The wave has both samlinger's reminders queued; Skolesamling is cancelled after the
        # first send (a Barnehagesamling reminder, the earliest due): none of its go out.
        assert not any("Skolesamling" in t for texts in sent.values() for t in texts)
        assert sorted(sent) == list(range(10, 20))  # Barnehagesamling's reminders still go
        state = bot.store.delivery(DeliveryKey(11, "skole-dekom", "day:2030-05-15"))
        assert state is not None and state.state is DeliveryState.FAILED
