"""A reminder wave for a real `python -m bot run` process: a knowledge base whose samling's
"1 dag før" reminder fell due two minutes ago, and a database with many subscribed chats.

Used by the SIGKILL test and by benchmarks/bench_broadcast.py. Nothing in the bot is faked:
the dates are relative to the real clock. Only the time of day is arranged, because reminders
are never sent between 21:00 and 07:00 Oslo time and a test must pass at any hour: the bot
process gets its own "Europe/Oslo" (PYTHONTZPATH points zoneinfo at a folder where that name
holds a fixed-offset zone) in which it is always about noon.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from bot.core.reminders import ALL_EVENTS
from bot.storage import DeliveryKey, DeliveryState, SqliteStorage, database_path
from tests.subscriptions.helpers import samling, write_knowledge

REMINDER = "Påminnelse:"  # how every start reminder begins
EVENT_ID = "bolgen"


@dataclass(frozen=True)
class Wave:
    knowledge_dir: Path
    data_dir: Path
    tz_dir: Path
    chats: tuple[int, ...]
    ledger_kind: str  # the reminder's key in the delivery ledger

    def environment(self) -> dict[str, str]:
        return {
            "KNOWLEDGE_DIR": str(self.knowledge_dir),
            "BOT_DATA_DIR": str(self.data_dir),
            "PYTHONTZPATH": str(self.tz_dir),
        }

    def ledger_states(self) -> dict[int, DeliveryState]:
        """Each chat's ledger state for the reminder (read after the bot has stopped)."""
        states = {}
        with SqliteStorage.open(database_path(self.data_dir)) as storage:
            db = storage.subscriptions
            for chat_id in self.chats:
                delivery = db.delivery(DeliveryKey(chat_id, EVENT_ID, self.ledger_kind))
                if delivery is not None:
                    states[chat_id] = delivery.state
        return states


def noon_offset(now: datetime | None = None) -> int:
    """Hours east of UTC at which it is between 11:00 and 13:00 now (−11…+12)."""
    hour = (now or datetime.now(UTC)).hour
    offset = 12 - hour
    return offset if offset > -12 else offset + 24


def fake_oslo(tz_dir: Path, offset: int) -> None:
    """Write a fixed-offset zone under the name Europe/Oslo in `tz_dir` (see the docstring)."""
    name = "GMT" if offset == 0 else f"GMT{'-' if offset > 0 else '+'}{abs(offset)}"  # POSIX sign
    data = (importlib.resources.files("tzdata.zoneinfo") / "Etc" / name).read_bytes()
    (tz_dir / "Europe").mkdir(parents=True, exist_ok=True)
    (tz_dir / "Europe" / "Oslo").write_bytes(data)


def prepare_wave(root: Path, chats: int, first_chat: int = 500_000) -> Wave:
    """A knowledge base, a database with `chats` subscribers and the fake zone, under `root`."""
    now = datetime.now(UTC)
    offset = noon_offset(now)
    local = now.astimezone(timezone(timedelta(hours=offset)))
    start = local + timedelta(days=1, minutes=-2)  # "1 dag før" was two minutes ago
    event = samling(
        EVENT_ID,
        start.date(),
        start.time().replace(second=0, microsecond=0),
        title="Bølgesamling",
        audience=["skole"],
        location="Støren",
    )
    wave = Wave(
        write_knowledge(root / "knowledge", [event]),
        root / "data",
        root / "tz",
        tuple(range(first_chat, first_chat + chats)),
        f"day:{start.date().isoformat()}",
    )
    fake_oslo(wave.tz_dir, offset)
    subscribed = now - timedelta(days=2)
    with SqliteStorage.open(database_path(wave.data_dir)) as storage:
        db = storage.subscriptions
        for chat_id in wave.chats:
            db.subscribe(chat_id, subscribed, ALL_EVENTS)
    return wave
