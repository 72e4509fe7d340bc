"""Command line: `python -m bot [run|chat|ask|check|stats]`.

With no command the bot starts the way the README promises: on Telegram when
TELEGRAM_BOT_TOKEN is set, otherwise as a chat in the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.config import knowledge_dir_from_environment
from bot.core.engine import Engine
from bot.core.freshness import freshness_warnings
from bot.core.knowledge import OSLO, KnowledgeBase
from bot.core.loading import KnowledgeBaseError, load_knowledge_base
from bot.core.memory import Memory, remember
from bot.core.reply import Intent

EXIT_OK = 0
EXIT_PROBLEM = 1  # the knowledge base or the input is bad
EXIT_USAGE = 2  # the command line is bad


class UsageError(Exception):
    """A bad command line: shown as one Norwegian line, exit 2."""


def default_kb_dir() -> Path:
    return knowledge_dir_from_environment()


def parse_now(text: str | None) -> datetime:
    """ISO-8601 moment; a naive one is taken as Oslo time. None means the real clock."""
    if text is None:
        return datetime.now(OSLO)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"Ugyldig tidspunkt for --now: {text!r}. Bruk ISO-8601, f.eks. 2020-09-10T12:00+02:00."
        ) from None
    return moment.replace(tzinfo=OSLO) if moment.tzinfo is None else moment.astimezone(OSLO)


def load_or_explain(kb_dir: Path, err: TextIO) -> KnowledgeBase | None:
    """Load the knowledge base, or print every problem and return None."""
    try:
        return load_knowledge_base(kb_dir)
    except KnowledgeBaseError as error:
        for problem in error.problems:
            print(problem, file=err)
        print(f"Kunnskapsbasen i {kb_dir} har {len(error.problems)} feil.", file=err)
        return None


# -- commands ---------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    kb = load_or_explain(args.kb, err)
    if kb is None:
        return EXIT_PROBLEM
    files = len(list(args.kb.glob("*.yaml")))
    print(
        f"Kunnskapsbasen er i orden: {len(kb)} oppføringer, {len(kb.events)} samlinger, "
        f"{len(kb.sources)} kilder, {files} filer.",
        file=out,
    )
    # Warnings (stale entries, sources without a link) never fail the check.
    now = parse_now(args.now)
    for warning in freshness_warnings(kb, now.date()):
        print(f"Advarsel: {warning}", file=out)
    from bot.editing.findable import unfindable_titles

    for unfindable in unfindable_titles(kb, Engine(kb), now):
        print(f"Advarsel: {unfindable}", file=out)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The /statistikk table in a terminal, from the database in BOT_DATA_DIR."""
    from bot.admin.statistics import gather_statistics
    from bot.config import ConfigError, load_settings
    from bot.core.stats import statistics_text
    from bot.storage import StorageError, database_path, open_storage

    if not 1 <= args.days <= 365:
        raise UsageError("--days må være mellom 1 og 365.")
    try:
        settings = load_settings()
    except ConfigError as error:
        print(f"Feil: {error}", file=err)
        return EXIT_PROBLEM
    path = database_path(settings.data_dir)
    if not path.is_file():
        print(
            f"Fant ingen database i {settings.data_dir} ennå ({path.name}). Den lages når boten "
            "starter, og spørsmålene telles fra da. Sjekk BOT_DATA_DIR hvis boten har kjørt.",
            file=err,
        )
        return EXIT_PROBLEM
    kb_dir = args.kb if args.kb != default_kb_dir() else settings.knowledge_dir
    try:
        kb: KnowledgeBase | None = load_knowledge_base(kb_dir)
    except (KnowledgeBaseError, OSError):
        kb = None  # titles are shown as entry ids
    try:
        storage = open_storage(settings.data_dir)
        try:
            stats = gather_statistics(storage, kb, parse_now(args.now), args.days)
        finally:
            storage.close()
    except StorageError as error:
        print(f"Kunne ikke lese databasen {path}: {error}", file=err)
        return EXIT_PROBLEM
    print(statistics_text(stats, per_day=True), file=out)
    return EXIT_OK


def cmd_ask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.jsonl:
        if args.question:
            raise UsageError("--jsonl leser spørsmål fra standard input; ikke gi et spørsmål.")
        kb = load_or_explain(args.kb, err)
        return EXIT_PROBLEM if kb is None else ask_jsonl(Engine(kb), sys.stdin, out)
    if not args.question:
        raise UsageError(
            'Skriv spørsmålet i anførselstegn: python -m bot ask "Når er neste samling?"'
        )
    now = parse_now(args.now)
    kb = load_or_explain(args.kb, err)
    if kb is None:
        return EXIT_PROBLEM
    reply = Engine(kb).ask(" ".join(args.question), now)
    if args.json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False), file=out)
    else:
        print(reply.full_text, file=err if reply.intent is Intent.INVALID else out)
    return EXIT_PROBLEM if reply.intent is Intent.INVALID else EXIT_OK


def ask_jsonl(engine: Engine, lines: TextIO, out: TextIO) -> int:
    """One JSON answer per input line, in order; a bad line gets an error object, not a crash.

    Lines that carry the same "chat" value are one conversation, in order: a follow-up such as
    "når er fristen da?" refers to what that chat asked before. Lines without it stand alone.
    """
    memories: dict[str, Memory | None] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if not isinstance(request, dict) or not isinstance(request.get("question"), str):
                raise ValueError('forventet {"question": "...", "now": "..."}')
            now_text = request.get("now")
            if now_text is not None and not isinstance(now_text, str):
                raise ValueError('"now" må være en ISO-8601-streng')
            chat = request.get("chat")
            if chat is not None and not isinstance(chat, str):
                raise ValueError('"chat" må være en streng')
            now = parse_now(now_text)
            answered = engine.ask(request["question"], now, memories.get(chat) if chat else None)
            if chat is not None:
                memories[chat] = remember(memories.get(chat), answered.subjects, now)
            reply = answered.to_dict()
        except (ValueError, UsageError) as error:
            reply = {
                "answer": f"Linje {number} kunne ikke leses: {error}",
                "confident": False,
                "intent": "invalid",
                "matches": [],
                "suggestions": [],
            }
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_OK


def cmd_chat(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from bot.app import build_bot, open_storage_or_explain
    from bot.channels.terminal import run_terminal_chat
    from bot.config import ConfigError, load_settings
    from bot.conversation import system_clock

    kb = load_or_explain(args.kb, err)
    if kb is None:
        return EXIT_PROBLEM
    clock = system_clock
    if args.now:
        fixed_now = parse_now(args.now)
        clock = lambda: fixed_now  # noqa: E731 - the whole chat happens at --now
    try:  # subscriptions are stored in the same database as the Telegram bot's
        settings = replace(load_settings(), knowledge_dir=args.kb)
    except ConfigError as error:
        print(f"Feil: {error}", file=err)
        return EXIT_PROBLEM
    storage = open_storage_or_explain(settings, err)
    if storage is None:
        return EXIT_PROBLEM
    # Trying things in the terminal is not usage: no question log. Nothing is pushed.
    bot = build_bot(settings, kb, clock=clock, storage=storage, log_questions=False)
    try:
        files = settings.data_dir / "kalenderfiler"  # where /kalender's .ics files are written
        return run_terminal_chat(bot.conversation, sys.stdin, out, files_dir=files)
    finally:
        bot.close()


def cmd_default(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Telegram when a token is configured (environment or .env), else the terminal chat."""
    from bot.config import ConfigError, load_settings

    try:
        token = load_settings().token
    except ConfigError as error:
        print(f"Feil: {error}", file=err)
        return EXIT_PROBLEM
    return cmd_run(args, out, err) if token else cmd_chat(args, out, err)


def cmd_run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The Telegram bot, configured from the environment and .env (see bot.config)."""
    from bot.app import run_telegram
    from bot.config import ConfigError, load_settings

    try:
        settings = load_settings()
        settings.require_token()
    except ConfigError as error:
        print(f"Feil: {error}", file=err)
        return EXIT_PROBLEM
    kb_dir = args.kb if args.kb != default_kb_dir() else settings.knowledge_dir
    kb = load_or_explain(kb_dir, err)
    if kb is None:
        return EXIT_PROBLEM
    return run_telegram(replace(settings, knowledge_dir=kb_dir), kb, err)


# -- parsing ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Kompetansebot: svar om samlinger og ordninger."
    )
    parser.set_defaults(handler=cmd_default, kb=default_kb_dir(), now=None)
    commands = parser.add_subparsers(title="kommandoer")

    def add(name: str, handler: Callable[..., int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        sub.add_argument(
            "--kb", type=Path, default=default_kb_dir(), help="mappe med kunnskapsbasen"
        )
        return sub

    ask = add("ask", cmd_ask, "svar på ett spørsmål")
    ask.add_argument("question", nargs="*", help="spørsmålet")
    ask.add_argument("--now", help="tidspunktet spørsmålet stilles (ISO-8601)")
    output = ask.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="skriv svaret som JSON")
    output.add_argument("--jsonl", action="store_true", help="les JSON-linjer fra stdin")
    chat = add("chat", cmd_chat, "samtale i terminalen")
    chat.add_argument("--now", help="later som klokka er dette (ISO-8601)")
    check = add("check", cmd_check, "kontroller kunnskapsbasen")
    check.add_argument("--now", help="dagen advarslene regnes fra (ISO-8601)")
    stats = add("stats", cmd_stats, "statistikk over spørsmålene (som /statistikk)")
    stats.add_argument("--days", type=int, default=30, help="antall dager (standard 30)")
    stats.add_argument("--now", help="later som klokka er dette (ISO-8601)")
    add("run", cmd_run, "start Telegram-boten")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        handler: Callable[[argparse.Namespace, TextIO, TextIO], int] = args.handler
        return handler(args, out, err)
    except UsageError as error:
        print(f"Feil: {error}", file=err)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(file=err)
        return 130
    except BrokenPipeError:
        # The reader went away (`... | head`): stop quietly, like other command-line tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
