"""A reminder wave to many subscribed chats through the loopback Bot API, with questions asked
by other users during the wave.

    .venv/bin/python benchmarks/bench_broadcast.py [--chats 10000] [--rate 100] [--askers 5]

The real bot (`python -m bot run`) runs as a subprocess against the loopback server in
tests/fake_bot_api.py, with a database pre-seeded with `--chats` subscribers and a samling whose
"1 dag før" reminder fell due two minutes ago (tests/subscriptions/waves.py: dates relative to
the real clock, and the bot's Europe/Oslo arranged so it is daytime, outside quiet hours).

`--rate` is the configured broadcast limit (BROADCAST_RATE). Production uses 25/s, Telegram's
limit with room for replies; at 25/s, 10,000 chats take 400 s, so the default run uses a
higher configured rate to stay under about three minutes. The table reports the configured
limit, the rate achieved and their ratio, duplicates (must be 0), missing (must be 0), and the
reply latency of the questions `--askers` other users ask one after another during the wave
(from queueing the update to the server receiving the answer; target p95 < 1 s). Every reply
also takes one broadcast slot (the pacer gives way to conversations), so the rate is reported
for reminders alone and for reminders plus replies.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fake_bot_api import TOKEN, BotApi, Call, LoopbackServer, Updates
from tests.subscriptions.waves import REMINDER, prepare_wave

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Når er neste samling?",
    "Hva er DEKOM?",
    "kva er rekom",
    "hvilke ordninger finnes?",
    "Hva er Kompetanseløftet?",
    "fokusområder i trondheimsskolen",
]
START_TIMEOUT = 60.0
REPLY_TIMEOUT = 15.0
ASKER_BASE = 10_000  # askers are chats 10_000 + n; subscribers start at 500_000


@dataclass
class Result:
    chats: int
    rate: float
    seconds: float = 0.0
    duplicates: int = 0
    missing: int = 0
    latencies: list[float] = field(default_factory=list)
    unanswered: int = 0
    replies_during: int = 0  # answers sent between the first and the last reminder

    @property
    def achieved(self) -> float:
        return self.chats / self.seconds if self.seconds else 0.0

    @property
    def achieved_with_replies(self) -> float:
        """Replies take broadcast slots (the pacer gives way to them), so count them too."""
        return (self.chats + self.replies_during) / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def run(chats: int, rate: float, askers: int) -> Result:
    result = Result(chats, rate)
    with tempfile.TemporaryDirectory(prefix="bench-broadcast-") as folder:
        root = Path(folder)
        seeding = time.monotonic()
        wave = prepare_wave(root, chats)
        print(f"seeded {chats} subscribers in {time.monotonic() - seeding:.1f} s", flush=True)
        api = BotApi()
        updates = Updates()
        reminders: list[Call] = []
        answers: dict[int, asyncio.Queue[Call]] = {n: asyncio.Queue() for n in range(askers)}

        def route(call: Call) -> None:
            if call.method != "sendMessage" or call.chat_id is None:
                return
            if call.text.startswith(REMINDER):
                reminders.append(call)
            elif call.chat_id - ASKER_BASE in answers:
                answers[call.chat_id - ASKER_BASE].put_nowait(call)

        api.listeners.append(route)
        async with LoopbackServer(api, TOKEN) as server:
            env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
            env.update(
                TELEGRAM_BOT_TOKEN=TOKEN,
                TELEGRAM_BASE_URL=server.base_url,
                BROADCAST_RATE=str(rate),
                LOG_LEVEL="WARNING",
                PYTHONPATH=str(ROOT),
                **wave.environment(),
            )
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", cwd=root, env=env
            )
            try:
                await api.wait_for(lambda c: c.text.startswith(REMINDER), START_TIMEOUT)
                done = asyncio.Event()
                sessions = [
                    asyncio.create_task(ask(api, updates, answers[n], n, done, result))
                    for n in range(askers)
                ]
                limit = chats / rate * 3 + 60  # bounded, generous
                deadline = time.monotonic() + limit
                quiet_since = time.monotonic()
                seen = 0
                while len(reminders) < chats and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                    if len(reminders) != seen:
                        seen, quiet_since = len(reminders), time.monotonic()
                    elif time.monotonic() - quiet_since > 10:
                        break  # nothing new for 10 s: the wave is over
                done.set()
                await asyncio.gather(*sessions)
                await asyncio.sleep(1.0)  # a duplicate would show up now
            finally:
                process.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(process.wait(), 30)
                except TimeoutError:
                    process.kill()
                    await process.wait()
        per_chat = Counter(call.chat_id for call in reminders)
        result.duplicates = sum(count - 1 for count in per_chat.values() if count > 1)
        result.missing = sum(1 for chat_id in wave.chats if per_chat[chat_id] == 0)
        if reminders:
            first, last = reminders[0].at, reminders[-1].at
            result.seconds = (last - first) * len(reminders) / max(1, len(reminders) - 1)
            result.replies_during = sum(
                1
                for call in api.calls_to("sendMessage")
                if call.chat_id is not None
                and call.chat_id - ASKER_BASE in answers
                and first <= call.at <= last
            )
    return result


async def ask(
    api: BotApi,
    updates: Updates,
    replies: asyncio.Queue[Call],
    number: int,
    done: asyncio.Event,
    result: Result,
) -> None:
    """One user asking a question, waiting for the answer, pausing a little, until `done`."""
    turn = 0
    while not done.is_set():
        question = QUESTIONS[(number + turn) % len(QUESTIONS)]
        turn += 1
        asked = time.monotonic()
        await api.enqueue(updates.message(ASKER_BASE + number, question))
        try:
            call = await asyncio.wait_for(replies.get(), REPLY_TIMEOUT)
        except TimeoutError:
            result.unanswered += 1
            continue
        result.latencies.append(call.at - asked)
        await asyncio.sleep(0.5)


def table(result: Result) -> str:
    rows = [
        ("subscribed chats", f"{result.chats}"),
        ("configured limit (msg/s)", f"{result.rate:.1f}"),
        ("achieved (msg/s)", f"{result.achieved:.1f}"),
        ("achieved / limit", f"{result.achieved / result.rate:.3f}"),
        ("replies sent during the wave", f"{result.replies_during}"),
        ("reminders + replies (msg/s)", f"{result.achieved_with_replies:.1f}"),
        ("(reminders + replies) / limit", f"{result.achieved_with_replies / result.rate:.3f}"),
        ("wave duration (s)", f"{result.seconds:.1f}"),
        ("duplicates (must be 0)", f"{result.duplicates}"),
        ("missing (must be 0)", f"{result.missing}"),
        ("questions answered during the wave", f"{len(result.latencies)}"),
        ("questions unanswered", f"{result.unanswered}"),
        ("reply latency p50 (ms)", f"{result.percentile(0.5) * 1000:.0f}"),
        ("reply latency p95 (ms, target < 1000)", f"{result.percentile(0.95) * 1000:.0f}"),
        ("reply latency max (ms)", f"{max(result.latencies, default=0) * 1000:.0f}"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name:<{width}}  {value:>8}" for name, value in rows)


async def main(chats: int, rate: float, askers: int) -> int:
    result = await run(chats, rate, askers)
    print(table(result))
    met = (
        result.duplicates == 0
        and result.missing == 0
        and result.unanswered == 0
        and result.percentile(0.95) < 1.0
    )
    print("targets (0 duplicates, 0 missing, p95 < 1 s):", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=100.0, help="BROADCAST_RATE (msg/s)")
    parser.add_argument("--askers", type=int, default=5, help="users asking during the wave")
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.chats, arguments.rate, arguments.askers)))
