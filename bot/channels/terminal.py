"""The terminal chat: the bot's conversation in a shell, for coordinators and for trying things.

It runs the same conversation layer as Telegram, so commands (/neste, /samlinger, ...) and
buttons work here too: buttons are shown as numbered choices, and typing a number presses one.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TextIO

from bot.conversation import (
    Button,
    ButtonPress,
    Chat,
    ChatType,
    Conversation,
    Document,
    Incoming,
    Outgoing,
    Response,
    TextMessage,
)

QUIT = {"/avslutt", "/slutt", "/quit", "/exit", "avslutt"}
# The terminal is one fixed local chat. Telegram never uses chat id 0, so its subscriptions in
# the shared database (BOT_DATA_DIR) can never be mistaken for a Telegram chat's.
TERMINAL = Chat(0, ChatType.PRIVATE, user_id=0)
INTRO = (
    "Kompetansebot i terminalen. Skriv et spørsmål eller en kommando (/hjelp), "
    "eller /avslutt for å slutte.\n"
)


def run_terminal_chat(
    conversation: Conversation, lines: TextIO, out: TextIO, *, files_dir: Path | None = None
) -> int:
    """Read lines until end of input or /avslutt; a number presses one of the last buttons.

    Files the bot sends (a calendar file from /kalender) are written to `files_dir` and their
    path is printed; without it only their name and size are shown.
    """
    return asyncio.run(TerminalChat(conversation, out, files_dir=files_dir).run(lines))


class TerminalChat:
    def __init__(
        self, conversation: Conversation, out: TextIO, *, files_dir: Path | None = None
    ) -> None:
        self.conversation = conversation
        self.out = out
        self.files_dir = files_dir
        self.choices: list[Button] = []  # the buttons under the last answer, numbered from 1

    async def run(self, lines: TextIO) -> int:
        self._write(INTRO + "> ")
        for line in lines:
            text = line.strip()
            if text.lower() in QUIT:
                break
            response = await self.conversation.handle(self._incoming(text))
            self._show(response)
            self._write("> ")
        self._write("\nHa det bra!\n")
        return 0

    def _incoming(self, text: str) -> Incoming:
        if text.isdigit() and 1 <= int(text) <= len(self.choices):
            return ButtonPress(TERMINAL, self.choices[int(text) - 1].data)
        return TextMessage(TERMINAL, text)

    def _show(self, response: Response) -> None:
        if response.notice:
            self._write(f"({response.notice})\n")
        if not response.messages:
            return
        pressable = (button for m in response.messages for row in m.buttons for button in row)
        self.choices = [button for button in pressable if not button.url]
        number = 0
        for message in response.messages:
            self._write(render_plain(message) + "\n")
            if message.document is not None and self.files_dir is not None:
                self._write(f"Filen er lagret her: {self._save(message.document)}\n")
            for row in message.buttons:
                for button in row:
                    if button.url:  # a link cannot be pressed here: show where it goes
                        self._write(f"  {button.label}: {button.url}\n")
                        continue
                    number += 1
                    self._write(f"  [{number}] {button.label}\n")
        if self.choices:
            self._write("Skriv et tall for å velge.\n")

    def _save(self, document: Document) -> Path:
        assert self.files_dir is not None
        self.files_dir.mkdir(parents=True, exist_ok=True)
        path = self.files_dir / Path(document.filename).name  # never outside files_dir
        path.write_bytes(document.content)
        return path.resolve()

    def _write(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()


def render_plain(message: Outgoing) -> str:
    """The message as plain text: the title underlined, the source line last."""
    parts = []
    if message.title:
        parts.append(f"{message.title}\n{'─' * len(message.title)}")
    if message.text:
        parts.append(message.text)
    if message.footer:
        parts.append(message.footer)
    if message.document is not None:
        size = len(message.document.content)
        parts.append(f"[Vedlegg: {message.document.filename}, {size} byte]")
    return "\n\n".join(parts)
