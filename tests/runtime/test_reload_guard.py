"""An emptied or deleted samlinger file, or a reload that removes most samlinger, is held until
a coordinator confirms it: 50 subscribers get no "tatt ut av oversikten" storm (and no "Ny
samling" when the file comes back), and the samlinger are answered meanwhile."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, time
from pathlib import Path

import pytest

from bot.core.reminders import ALL_EVENTS
from bot.runtime.reload_guard import drastic_change
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

SUBSCRIBED = oslo(2030, 4, 1, 12, 0)
EVENTS = [
    samling("skole", date(2030, 5, 15), time(10, 0), title="Skolesamling", audience=["skole"]),
    samling("barnehage", date(2030, 5, 20), title="Barnehagesamling", audience=["barnehage"]),
    samling("ppt", date(2030, 6, 20), time(9, 0), title="PPT-samling", audience=["ppt"]),
]
SUBSCRIBERS = range(100, 150)  # 50 chats
CONFIRM = "✅ Ja, ta i bruk"


@pytest.fixture
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def bot(tmp_path: Path, ptb_timedelta: None) -> AsyncIterator[Bot]:
    knowledge = write_knowledge(tmp_path / "knowledge", EVENTS)
    async with running_bot(tmp_path / "data", knowledge, Clock(SUBSCRIBED)) as running:
        for chat_id in SUBSCRIBERS:
            running.store.subscribe(chat_id, SUBSCRIBED, ALL_EVENTS)
        await running.scheduler.send_notices()  # the baseline of what subscribers know
        yield running


def samlinger(bot: Bot) -> Path:
    return bot.scheduler.reloader.knowledge_dir / "samlinger.yaml"


async def watch(bot: Bot) -> None:
    """Two looks at the folder: a change is loaded once the files stay the same."""
    for _ in range(2):
        await bot.scheduler.watch_knowledge()
        await bot.background.wait_idle()


def to_subscribers(bot: Bot) -> list[Call]:
    return [call for call in bot.api.calls_to("sendMessage") if call.chat_id in SUBSCRIBERS]


async def answer(bot: Bot, question: str) -> str:
    calls = await bot.message(7, question)
    return " ".join(call.text for call in calls if call.method == "sendMessage")


async def test_an_emptied_file_notifies_nobody_and_the_samlinger_stay_answered(bot: Bot) -> None:
    saved = samlinger(bot).read_text(encoding="utf-8")
    samlinger(bot).write_text("", encoding="utf-8")
    await watch(bot)
    assert to_subscribers(bot) == []
    assert len(bot.live.kb.events) == 3  # the old knowledge is still live
    assert "Skolesamling" in await answer(bot, "Når er skolesamlingen?")
    (asked,) = bot.api.sent_to(ADMIN)
    assert "samlinger.yaml er tom eller slettet" in asked.text
    assert "3 av 3 samlinger ville forsvinne" in asked.text
    assert "ingen abonnenter har fått beskjed" in asked.text
    assert asked.button_labels == [CONFIRM]

    await watch(bot)  # the same files again: not asked twice
    assert len(bot.api.sent_to(ADMIN)) == 1

    samlinger(bot).write_text(saved, encoding="utf-8")  # it was a mistake: the file is back
    await watch(bot)
    assert to_subscribers(bot) == []  # no "Ny samling" either
    assert bot.scheduler.reloader.held is None
    (button,) = (b["callback_data"] for row in asked.buttons for b in row)
    await bot.press(ADMIN, button)  # a late press changes nothing
    assert len(bot.live.kb.events) == 3
    assert to_subscribers(bot) == []


async def test_a_deleted_file_is_used_once_a_coordinator_confirms(bot: Bot) -> None:
    samlinger(bot).unlink()
    await watch(bot)
    assert to_subscribers(bot) == []
    (asked,) = bot.api.sent_to(ADMIN)
    (button,) = (b["callback_data"] for row in asked.buttons for b in row)

    await bot.press(5, button)  # not a coordinator
    assert len(bot.live.kb.events) == 3

    calls = await bot.press(ADMIN, button)
    await bot.background.wait_idle()
    assert len(bot.live.kb.events) == 0
    assert any("Kunnskapsbasen er oppdatert" in call.text for call in calls)
    removed = [call for call in to_subscribers(bot) if "tatt ut av oversikten" in call.text]
    assert len(removed) == 3 * len(SUBSCRIBERS)  # what the coordinator chose to tell them


async def test_oppdater_holds_a_reload_that_removes_most_samlinger(bot: Bot) -> None:
    write_knowledge(samlinger(bot).parent, EVENTS[:1])
    calls = await bot.message(ADMIN, "/oppdater")
    (reply,) = [call for call in calls if call.method == "sendMessage"]
    assert "2 av 3 samlinger ville forsvinne" in reply.text
    assert reply.button_labels == [CONFIRM]
    assert len(bot.live.kb.events) == 3
    await bot.background.wait_idle()
    assert to_subscribers(bot) == []


def test_ordinary_changes_are_not_held(tmp_path: Path) -> None:
    live = load(write_knowledge(tmp_path / "a", EVENTS))
    one_less = load(write_knowledge(tmp_path / "b", EVENTS[:2]))
    moved = load(write_knowledge(tmp_path / "c", [dict(EVENTS[0], start=date(2030, 5, 16))]))
    assert drastic_change(live, one_less) is None  # one of three samlinger removed
    assert drastic_change(live, live) is None
    held = drastic_change(live, moved)
    assert held is not None and held.removed == 2 and held.emptied == ()


async def test_a_restart_with_an_emptied_file_holds_the_removal_notices(tmp_path: Path) -> None:
    knowledge = write_knowledge(tmp_path / "knowledge", EVENTS)
    clock = Clock(SUBSCRIBED)
    async with running_bot(tmp_path / "data", knowledge, clock) as first:
        for chat_id in SUBSCRIBERS:
            first.store.subscribe(chat_id, SUBSCRIBED, ALL_EVENTS)
        await first.scheduler.send_notices()  # what the subscribers know: three samlinger
    (knowledge / "samlinger.yaml").write_text("", encoding="utf-8")  # emptied while stopped

    async with running_bot(tmp_path / "data", knowledge, clock) as bot:
        await bot.scheduler.send_notices()  # as at start-up
        await bot.scheduler.send_notices()  # and after the next reload: asked only once
        assert to_subscribers(bot) == []
        (asked,) = bot.api.sent_to(ADMIN)
        assert "3 samlinger som abonnentene kjenner til, er borte" in asked.text
        assert asked.button_labels == ["📣 Send beskjed"]
        (button,) = (b["callback_data"] for row in asked.buttons for b in row)

        await bot.press(ADMIN, button)
        await bot.background.wait_idle()
        removed = [call for call in to_subscribers(bot) if "tatt ut av oversikten" in call.text]
        assert len(removed) == 3 * len(SUBSCRIBERS)
        await bot.press(ADMIN, button)  # a second press sends nothing more
        await bot.background.wait_idle()
        assert len(to_subscribers(bot)) == 3 * len(SUBSCRIBERS)


async def test_removals_confirmed_at_night_go_out_in_the_morning_without_asking_again(
    bot: Bot,
) -> None:
    bot.clock.set(oslo(2030, 4, 2, 22, 0))  # quiet hours
    samlinger(bot).unlink()
    await watch(bot)
    (asked,) = bot.api.sent_to(ADMIN)
    (button,) = (b["callback_data"] for row in asked.buttons for b in row)
    await bot.press(ADMIN, button)
    await bot.background.wait_idle()
    assert len(bot.live.kb.events) == 0
    assert to_subscribers(bot) == []  # not at night

    bot.clock.set(oslo(2030, 4, 3, 7, 30))
    await bot.scheduler.send_notices()  # what the notice job does at 07:30
    removed = [call for call in to_subscribers(bot) if "tatt ut av oversikten" in call.text]
    assert len(removed) == 3 * len(SUBSCRIBERS)
    assert not any("Send beskjed" in call.button_labels for call in bot.api.sent_to(ADMIN))
