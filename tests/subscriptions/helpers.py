"""Knowledge bases with made-up samlinger, a clock the test moves, and a running bot over the
fake Bot API with the subscription services plugged in."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml
from icalendar import Calendar

from bot.app import BuiltBot
from bot.channels.telegram.app import BotApplication
from bot.config import Settings
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.core.loading import load_knowledge_base
from bot.delivery.pacer import Limits
from bot.runtime.live import LiveKnowledge
from bot.runtime.scheduler import Scheduler
from bot.runtime.tasks import Background
from bot.runtime.waves import Waves
from bot.storage import open_storage
from tests.built_bot import BuiltBotHarness, started, telegram_bot
from tests.built_bot import Clock as Clock  # re-exported: the suites import it from here
from tests.delivery.fakes import FakeClock
from tests.fake_bot_api import JSON, TOKEN, BotApi, Call, Failure, Updates

ROOT = Path(__file__).resolve().parents[2]
ADMIN = 4242


def samling(
    event_id: str,
    start: date,
    start_time: time | None = None,
    **fields: Any,
) -> JSON:
    """A samling for a test knowledge base (only the fields the loader requires, plus any)."""
    entry: JSON = {
        "id": event_id,
        "kind": "event",
        "title": fields.pop("title", event_id.replace("-", " ").capitalize()),
        "source": "gauldalsregionen",
        "updated": date(2026, 1, 1),
        "start": start,
    }
    if start_time is not None:
        entry["start_time"] = _Quoted(start_time.strftime("%H:%M"))
    entry.update(fields)
    return entry


class _Quoted(str):
    """Written in quotes: the loader wants times as "10:00" (YAML 1.1 reads 10:00 as 600)."""


yaml.SafeDumper.add_representer(
    _Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def write_knowledge(directory: Path, events: list[JSON]) -> Path:
    """The real knowledge base with `events` as its samlinger (in samlinger.yaml)."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in (ROOT / "knowledge").glob("*.yaml"):
        if path.name != "samlinger.yaml":
            shutil.copy(path, directory / path.name)
    text = yaml.safe_dump(events, allow_unicode=True, sort_keys=False)
    (directory / "samlinger.yaml").write_text(text, encoding="utf-8")
    return directory


def load(directory: Path) -> KnowledgeBase:
    return load_knowledge_base(directory)


def oslo(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO)


def calendar_of(call: Call) -> Calendar:
    """The .ics a sendDocument call carried, parsed back (it must parse)."""
    ((_name, (filename, content)),) = call.files.items()
    assert filename.endswith(".ics")
    return Calendar.from_ical(content)


class RecordingApi(BotApi):
    """The fake Bot API, remembering which calls it answered with an error (not delivered)."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: set[int] = set()  # ids of the Call records answered with an error

    def next_failure(self, method: str) -> Failure | None:
        failure = super().next_failure(method)
        if failure is not None and method != "getUpdates" and self.calls:
            self.refused.add(id(self.calls[-1]))
        return failure

    def delivered(self) -> list[Call]:
        return [call for call in self.calls if id(call) not in self.refused]


@dataclass
class Bot(BuiltBotHarness):
    """A real Application with the subscription services, over the in-process fake Bot API.

    Updates are processed with `process_update`; jobs are not run by the JobQueue but called
    by the test (`scheduler.send_reminders()`), so time is the test's `clock`.
    """

    api: RecordingApi
    app: BotApplication
    built: BuiltBot
    clock: Clock
    pacer_clock: FakeClock
    updates: Updates = field(default_factory=Updates)
    errors: list[BaseException | None] = field(default_factory=list)

    @property
    def scheduler(self) -> Scheduler:
        return self.runtime.scheduler

    @property
    def waves(self) -> Waves:
        return self.runtime.waves

    @property
    def background(self) -> Background:
        return self.runtime.background

    @property
    def live(self) -> LiveKnowledge:
        return self.built.live

    async def message(self, chat_id: int, text: str) -> list[Call]:
        return await self.send(self.updates.message(chat_id, text))

    async def press(self, chat_id: int, data: str) -> list[Call]:
        return await self.send(self.updates.button(chat_id, data))

    def messages_to(self, chat_id: int) -> list[str]:
        return [call.text for call in self.api.sent_to(chat_id)]

    def broadcast_texts(self) -> dict[int, list[str]]:
        """Every delivered sendMessage per chat (reminders and notices have no buttons)."""
        sent: dict[int, list[str]] = {}
        for call in self.api.delivered():
            if call.method == "sendMessage" and call.chat_id is not None and not call.buttons:
                sent.setdefault(call.chat_id, []).append(call.text)
        return sent


@asynccontextmanager
async def running_bot(
    data_dir: Path,
    knowledge_dir: Path,
    clock: Clock,
    *,
    api: RecordingApi | None = None,
    limits: Limits | None = None,
    send_wrapper: Callable[[Any], Any] | None = None,
) -> AsyncIterator[Bot]:
    """Open the storage in `data_dir` and build the bot as `python -m bot run` does (the
    broadcaster paces on a fake clock); close everything at the end."""
    api = api or RecordingApi()
    settings = Settings(
        token=TOKEN, data_dir=data_dir, knowledge_dir=knowledge_dir, admin_ids=frozenset({ADMIN})
    )
    pacer_clock = FakeClock()
    telegram = telegram_bot(
        api,
        settings,
        load(knowledge_dir),
        open_storage(data_dir),
        clock=clock,
        limits=limits,
        pacer_clock=pacer_clock,
        wrap_send=send_wrapper,
    )
    bot = Bot(api, telegram.application, telegram.bot, clock, pacer_clock)
    async with started(bot, lambda bot: bot.waves.settle_after_restart()) as running:
        yield running
