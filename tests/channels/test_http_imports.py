"""PTB's real HTTP stack (httpx, httpcore, anyio) against the loopback Bot API: what one more
message costs after the first."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

from telegram import Bot
from telegram.request import HTTPXRequest

from tests.fake_bot_api import TOKEN, BotApi, LoopbackServer


class _Searches:
    """A finder placed first on sys.meta_path: it only notes which modules were searched for.
    An import of a module already loaded never gets here; a failed import does, every time."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        self.names.append(name)
        return None


async def test_a_reply_after_the_first_searches_for_no_module() -> None:
    """httpcore tries `import sniffio` on every request; with sniffio missing, each reply paid
    for a fruitless search of sys.path (8 % of the bot's CPU per answered message)."""
    api = BotApi()
    async with LoopbackServer(api, TOKEN) as server:
        bot = Bot(TOKEN, base_url=server.base_url, request=HTTPXRequest())
        async with bot:
            await bot.send_message(1001, "Når er neste samling?")
            searches = _Searches()
            sys.meta_path.insert(0, searches)
            try:
                await bot.send_message(1001, "Hva er DEKOM?")
                await bot.send_message(1001, "kva er rekom")
            finally:
                sys.meta_path.remove(searches)
    assert searches.names == []
    assert [call.text for call in api.calls_to("sendMessage")][-1] == "kva er rekom"
