"""The terminal chat: the bot's answers in a shell, for coordinators and for trying things out."""

from __future__ import annotations

from datetime import datetime
from typing import TextIO

from bot.core.engine import Engine, Reply
from bot.core.knowledge import OSLO

QUIT = {"/avslutt", "/slutt", "/quit", "/exit", "avslutt"}


def run_terminal_chat(
    engine: Engine, lines: TextIO, out: TextIO, fixed_now: datetime | None = None
) -> int:
    """Read questions line by line until end of input; a number picks a suggestion."""
    out.write("Kompetansebot i terminalen. Skriv et spørsmål, eller /avslutt for å slutte.\n> ")
    out.flush()
    last: Reply | None = None
    for line in lines:
        text = line.strip()
        if text.lower() in QUIT:
            break
        now = fixed_now or datetime.now(OSLO)
        reply = _pick_suggestion(engine, last, text, now) or engine.ask(text, now)
        out.write(reply.full_text + "\n")
        if reply.suggestions:
            for number, suggestion in enumerate(reply.suggestions, start=1):
                out.write(f"  [{number}] {suggestion.title}\n")
            out.write("Skriv et tall for å velge.\n")
        last = reply
        out.write("> ")
        out.flush()
    out.write("\nHa det bra!\n")
    return 0


def _pick_suggestion(engine: Engine, last: Reply | None, text: str, now: datetime) -> Reply | None:
    if last is None or not text.isdigit():
        return None
    number = int(text)
    if not 1 <= number <= len(last.suggestions):
        return None
    return engine.answer_entry(last.suggestions[number - 1].id, now)
