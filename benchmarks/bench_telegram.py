"""Reply latency of the real bot process against a minimal PTB echo bot, in the same run.

    .venv/bin/python benchmarks/bench_telegram.py [--users 50] [--messages 10] [--rounds 1]

Both bots run as subprocesses against the loopback Bot API in tests/fake_bot_api.py. Each of
`--users` simulated users sends `--messages` questions one after another (the next when the
previous was answered), all users in parallel. Latency is from putting the update in the
getUpdates queue to the server receiving the bot's sendMessage for that chat, so it includes
long polling, PTB, the conversation, the engine, rendering and HTTP. The table shows p50 and
p95 for both bots and their ratio. Targets: within 2× the echo bot; 0 messages unanswered.

It also shows the CPU time each bot process spent per answered message: user + system time of
the bot's process (from /proc, so Linux only) over the timed part of the run, divided by the
messages answered. Under load on a small machine that is what the latency follows, so the CPU
ratio is the fairer comparison: the target is within 1.1× the echo bot. Each bot gets a fresh
BOT_DATA_DIR. `--rounds N` runs both bots N times, alternating, and pools the rounds: the CPU
numbers move by about ±15 % between single runs on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fake_bot_api import TOKEN, BotApi, Call, LoopbackServer, Updates

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Når er neste samling?",
    "Hva er DEKOM?",
    "kva er rekom",
    "påmeldingsfrist for engelsk på barnetrinnet",
    "hvilke kommuner er med i gauldalsregionen",
    "hvilke ordninger finnes?",
    "er skoleledersamlinga avlyst?",
    "Hva er Kompetanseløftet?",
    "hvor er ledersamlingen for barnehage",
    "fokusområder i trondheimsskolen",
]
START_TIMEOUT = 60.0
REPLY_TIMEOUT = 15.0


@dataclass
class Result:
    name: str
    latencies: list[float]
    unanswered: int
    cpu_seconds: float  # the bot process's user + system time during the timed messages

    @property
    def cpu_per_message(self) -> float:
        return self.cpu_seconds / len(self.latencies) if self.latencies else float("nan")

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def measure(name: str, command: list[str], users: int, messages: int) -> Result:
    api = BotApi()
    updates = Updates()
    replies: dict[int, asyncio.Queue[Call]] = {user: asyncio.Queue() for user in range(users)}

    def route(call: Call) -> None:
        if call.method == "sendMessage" and call.chat_id is not None:
            queue = replies.get(call.chat_id - 10_000)
            if queue is not None:
                queue.put_nowait(call)

    api.listeners.append(route)
    async with LoopbackServer(api, TOKEN) as server:
        data_dir = tempfile.TemporaryDirectory(prefix="bench-telegram-")
        env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
        env.update(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_BASE_URL=server.base_url,
            KNOWLEDGE_DIR=str(ROOT / "knowledge"),
            BOT_DATA_DIR=data_dir.name,
            LOG_LEVEL="WARNING",
            PYTHONPATH=str(ROOT),
        )
        process = await asyncio.create_subprocess_exec(
            *command, cwd=ROOT, env=env, stdout=asyncio.subprocess.DEVNULL
        )
        try:
            await api.wait_for(lambda c: c.method == "deleteWebhook", START_TIMEOUT)
            await asyncio.sleep(0.5)  # let polling start
            await warm_up(api, updates, replies)
            cpu_before = process_cpu(process.pid)
            results = await asyncio.gather(
                *(user_session(api, updates, replies, user, messages) for user in range(users))
            )
            cpu_seconds = process_cpu(process.pid) - cpu_before
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
                await process.wait()
            data_dir.cleanup()
    latencies = [latency for session, _ in results for latency in session]
    return Result(name, latencies, sum(missing for _, missing in results), cpu_seconds)


def pooled(results: list[Result]) -> Result:
    """Several rounds of one bot as one result: all latencies, all CPU time."""
    return Result(
        results[0].name,
        [latency for result in results for latency in result.latencies],
        sum(result.unanswered for result in results),
        sum(result.cpu_seconds for result in results),
    )


def process_cpu(pid: int) -> float:
    """User + system CPU seconds a running process has used so far (Linux /proc)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) "; fields 3, 4, ...
    user, system = int(fields[11]), int(fields[12])  # utime and stime: fields 14 and 15
    return (user + system) / os.sysconf("SC_CLK_TCK")


async def warm_up(api: BotApi, updates: Updates, replies: dict[int, asyncio.Queue[Call]]) -> None:
    """One untimed question per distinct text, so imports and caches are warm in both bots."""
    for question in QUESTIONS:
        await api.enqueue(updates.message(10_000, question))
        await asyncio.wait_for(replies[0].get(), REPLY_TIMEOUT)


async def user_session(
    api: BotApi,
    updates: Updates,
    replies: dict[int, asyncio.Queue[Call]],
    user: int,
    messages: int,
) -> tuple[list[float], int]:
    latencies: list[float] = []
    missing = 0
    for number in range(messages):
        question = QUESTIONS[(user + number) % len(QUESTIONS)]
        sent_at = time.monotonic()
        await api.enqueue(updates.message(10_000 + user, question))
        try:
            call = await asyncio.wait_for(replies[user].get(), REPLY_TIMEOUT)
        except TimeoutError:
            missing += 1
            continue
        latencies.append(call.at - sent_at)
    return latencies, missing


def table(results: list[Result]) -> str:
    lines = [
        f"{'bot':<16}{'messages':>9}{'unanswered':>12}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
        f"{'CPU ms/msg':>12}",
    ]
    for result in results:
        count = len(result.latencies) + result.unanswered
        lines.append(
            f"{result.name:<16}{count:>9}{result.unanswered:>12}"
            f"{result.percentile(0.5) * 1000:>9.1f}{result.percentile(0.95) * 1000:>9.1f}"
            f"{max(result.latencies, default=0) * 1000:>9.1f}"
            f"{result.cpu_per_message * 1000:>12.2f}"
        )
    echo, bot = results
    lines.append(
        f"{'ratio bot/echo':<37}"
        f"{bot.percentile(0.5) / echo.percentile(0.5):>9.2f}"
        f"{bot.percentile(0.95) / echo.percentile(0.95):>9.2f}"
        f"{'':>9}{bot.cpu_per_message / echo.cpu_per_message:>12.2f}"
    )
    return "\n".join(lines)


async def main(users: int, messages: int, rounds: int) -> int:
    python = sys.executable
    echo_bot = [python, str(ROOT / "benchmarks" / "echo_bot.py")]
    echoes: list[Result] = []
    bots: list[Result] = []
    for _round in range(rounds):  # alternating, so a machine that gets busier hurts both
        echoes.append(await measure("echo bot", echo_bot, users, messages))
        bots.append(await measure("Kompetansebot", [python, "-m", "bot", "run"], users, messages))
    echo, bot = pooled(echoes), pooled(bots)
    print(
        f"{users} users × {messages} messages each, users in parallel, {rounds} round(s) "
        "(latency in ms)"
    )
    print(table([echo, bot]))
    met = bot.unanswered == 0 and bot.percentile(0.95) <= 2 * echo.percentile(0.95)
    print("target (p95 within 2× the echo bot, 0 unanswered):", "met" if met else "NOT met")
    cpu_met = bot.cpu_per_message <= 1.1 * echo.cpu_per_message
    print("target (CPU per message within 1.1× the echo bot):", "met" if cpu_met else "NOT met")
    return 0 if bot.unanswered == 0 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--messages", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1, help="measure both bots N times")
    arguments = parser.parse_args()
    sys.exit(asyncio.run(main(arguments.users, arguments.messages, arguments.rounds)))
