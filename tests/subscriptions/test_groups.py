"""A group's reminders belong to the group's administrators: any member may read them, only
the group's own Telegram administrators may start, narrow, stop or delete them."""

from __future__ import annotations

from typing import Any

from bot.core.reminders import ALL_EVENTS, Scope
from tests.fake_bot_api import JSON, Call
from tests.subscriptions.helpers import Bot

GROUP = -100200
OWNER = 901  # created the group
HELPER = 903  # an administrator
MEMBER = 902  # an ordinary member
REFUSED = "I en gruppe kan bare gruppens administratorer endre eller slette påminnelsene."


def in_group(bot: Bot, text: str, user_id: int, **content: Any) -> JSON:
    return bot.updates.message(GROUP, text, chat_type="supergroup", user_id=user_id, **content)


def pressed(bot: Bot, under: Call, label: str, user_id: int) -> JSON:
    data = next(b["callback_data"] for row in under.buttons for b in row if b["text"] == label)
    update = bot.updates.button(GROUP, data, chat_type="supergroup")
    update["callback_query"]["from"] = bot.updates.user(user_id)
    return update


def sent(calls: list[Call], method: str = "sendMessage") -> Call:
    (call,) = [c for c in calls if c.method == method and c.chat_id == GROUP]
    return call


def notice(calls: list[Call]) -> str:
    (answer,) = [c for c in calls if c.method == "answerCallbackQuery"]
    return str(answer.params.get("text"))


async def test_only_the_groups_administrators_may_change_its_reminders(bot: Bot) -> None:
    bot.api.chat_types[GROUP] = "supergroup"
    bot.api.group_admins[GROUP] = [OWNER, HELPER]

    refused = sent(await bot.send(in_group(bot, "/abonner", MEMBER)))
    assert refused.text == REFUSED
    assert bot.store.subscriptions(GROUP) == []

    menu = sent(await bot.send(in_group(bot, "/abonner", OWNER)))
    assert "Du får påminnelser om alle kommende samlinger" in menu.text
    for command in ("/avmeld", "/slettmeg"):
        assert sent(await bot.send(in_group(bot, command, MEMBER))).text == REFUSED
    assert notice(await bot.send(pressed(bot, menu, "Barnehage", MEMBER))) == REFUSED
    assert [s.scope for s in bot.store.subscriptions(GROUP)] == [ALL_EVENTS]

    listing = sent(await bot.send(in_group(bot, "/mine", MEMBER)))  # reading is for everyone
    assert "1. Alle kommende samlinger" in listing.text
    assert notice(await bot.send(pressed(bot, listing, "🗑 1: Fjern", MEMBER))) == REFUSED

    narrowed = await bot.send(pressed(bot, menu, "Barnehage", HELPER))
    assert (
        "Nå får du bare påminnelser om samlinger for barnehage"
        in sent(narrowed, "editMessageText").text
    )
    assert [s.scope for s in bot.store.subscriptions(GROUP)] == [Scope.parse("audience:barnehage")]

    asked = sent(await bot.send(in_group(bot, "/avmeld", OWNER)))
    assert notice(await bot.send(pressed(bot, asked, "🗑 Meld av alle", MEMBER))) == REFUSED
    assert len(bot.store.subscriptions(GROUP)) == 1
    await bot.send(pressed(bot, asked, "🗑 Meld av alle", OWNER))
    assert bot.store.subscriptions(GROUP) == []
    # Telegram was asked once: the administrators are cached for a while.
    assert len(bot.api.calls_to("getChatAdministrators")) == 1
    assert bot.errors == []


async def test_an_anonymous_administrator_writes_as_the_group(bot: Bot) -> None:
    bot.api.group_admins[GROUP] = [OWNER]
    anonymous_bot = 1087968824  # Telegram's "GroupAnonymousBot" is the sender
    update = in_group(
        bot, "/abonner", anonymous_bot, sender_chat=bot.updates.chat(GROUP, "supergroup")
    )
    await bot.send(update)
    assert [s.scope for s in bot.store.subscriptions(GROUP)] == [ALL_EVENTS]


async def test_group_questions_do_not_ask_telegram_who_is_admin(bot: Bot) -> None:
    mention = bot.updates.mention(GROUP, "hva er DEKOM?", user_id=MEMBER)
    await bot.send(mention)
    await bot.send(in_group(bot, "prat om været", MEMBER))
    await bot.send(in_group(bot, "/neste", MEMBER))  # reading commands need no admin
    await bot.send(in_group(bot, "/avmeld@annenbot", MEMBER))  # another bot's command
    assert bot.api.calls_to("getChatAdministrators") == []
