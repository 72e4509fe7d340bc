"""The terminal chat: the bot's conversation in a shell, for coordinators and for trying things.

It runs the same conversation layer as Telegram, so commands (/neste, /samlinger, ...) and
buttons work here too: buttons are shown as numbered choices, and typing a number presses one.
"""

from __future__ import annotations

import asyncio
from typing import TextIO

from bot.conversation import (
    Button,
    ButtonPress,
    Chat,
    ChatType,
    Conversation,
    Incoming,
    Outgoing,
    Response,
    TextMessage,
)

QUIT = {"/avslutt", "/slutt", "/quit", "/exit", "avslutt"}
TERMINAL = Chat(0, ChatType.PRIVATE, user_id=0)
INTRO = (
    "Kompetansebot i terminalen. Skriv et spørsmål eller en kommando (/hjelp), "
    "eller /avslutt for å slutte.\n"
)


def run_terminal_chat(conversation: Conversation, lines: TextIO, out: TextIO) -> int:
    """Read lines until end of input or /avslutt; a number presses one of the last buttons."""
    return asyncio.run(TerminalChat(conversation, out).run(lines))


class TerminalChat:
    def __init__(self, conversation: Conversation, out: TextIO) -> None:
        self.conversation = conversation
        self.out = out
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
        self.choices = [button for m in response.messages for row in m.buttons for button in row]
        number = 0
        for message in response.messages:
            self._write(render_plain(message) + "\n")
            for row in message.buttons:
                for button in row:
                    number += 1
                    self._write(f"  [{number}] {button.label}\n")
        if self.choices:
            self._write("Skriv et tall for å velge.\n")

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
