"""Registries of commands and button actions, so later features plug in without editing the core.

A feature (subscriptions, admin tools) adds its commands with `registry.add(Command(...))` and
its buttons with `actions.add(code, handler)` in the composition root. `/hjelp` and Telegram's
command menu are built from the registry, so a new command shows up in both by itself.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from bot.conversation.messages import Chat, Keyboard, Response

_NAME = re.compile(r"[a-z0-9_]{1,32}")  # what Telegram accepts as a command name
_ACTION_CODE = re.compile(r"[a-z]{1,3}")


@dataclass(frozen=True, slots=True)
class Context:
    """What a command or button handler gets to work with."""

    chat: Chat
    now: datetime
    argument: str = ""  # the text after the command, or the button's argument
    is_admin: bool = False
    from_button: bool = False
    buttons: Keyboard = ()  # for a button: the buttons of the message it was pressed on


Handler = Callable[[Context], Awaitable[Response]]


@dataclass(frozen=True, slots=True)
class Command:
    """A slash command: `name` without the slash, `description` in Norwegian (for menus)."""

    name: str
    description: str
    handler: Handler
    in_menu: bool = True  # listed in /hjelp and in Telegram's command menu
    admin_only: bool = False  # only for ADMIN_IDS, only in private chats; never in the menu
    manages_chat: bool = False  # changes the chat's subscriptions or data: groups' admins only
    aliases: tuple[str, ...] = ()  # e.g. "help" for "hjelp"; never listed

    def __post_init__(self) -> None:
        for name in (self.name, *self.aliases):
            if not _NAME.fullmatch(name):
                raise ValueError(f"command name {name!r} must match {_NAME.pattern}")
        if not 3 <= len(self.description) <= 256:
            raise ValueError(f"description of /{self.name} must be 3–256 characters")


class CommandRegistry:
    """Commands by name and alias, in the order they were added."""

    def __init__(self) -> None:
        self._commands: list[Command] = []
        self._by_name: dict[str, Command] = {}

    def add(self, command: Command) -> None:
        for name in (command.name, *command.aliases):
            if name in self._by_name:
                raise ValueError(f"/{name} is already registered")
        self._commands.append(command)
        for name in (command.name, *command.aliases):
            self._by_name[name] = command

    def find(self, name: str) -> Command | None:
        return self._by_name.get(name.lower())

    def __iter__(self) -> Iterator[Command]:
        return iter(self._commands)

    def listed(self, *, admin: bool) -> list[Command]:
        """The commands to tell a user about: the menu ones, plus admin ones for admins."""
        return [c for c in self._commands if c.in_menu and (admin or not c.admin_only)]

    def menu(self) -> list[tuple[str, str]]:
        """(name, description) pairs for Telegram's public command menu."""
        return [(c.name, c.description) for c in self.listed(admin=False)]


class ActionRegistry:
    """Button handlers by action code (see `bot.conversation.callbacks`)."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}
        self._managing: set[str] = set()

    def add(self, code: str, handler: Handler, *, manages_chat: bool = False) -> None:
        """`manages_chat`: the button changes the chat's subscriptions or data, so in a group
        only the group's administrators may press it."""
        if not _ACTION_CODE.fullmatch(code):
            raise ValueError(f"action code {code!r} must be 1–3 lowercase letters")
        if code in self._handlers:
            raise ValueError(f"action {code!r} is already registered")
        self._handlers[code] = handler
        if manages_chat:
            self._managing.add(code)

    def find(self, code: str) -> Handler | None:
        return self._handlers.get(code)

    def manages_chat(self, code: str) -> bool:
        return code in self._managing
