"""Thousands of generated updates, of every kind, through the real Application.

A deterministic random mix of what Telegram can deliver (and some it should not): odd unicode,
huge texts, stickers and photos, edits, channel posts, garbage button data, inline queries,
group chatter with and without a mention, unknown commands. No handler may fail, and every
update gets exactly the reaction a person would expect: one reply or silence.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from bot.app import build_bot
from bot.config import Settings
from bot.core.knowledge import KnowledgeBase
from tests.channels.harness import BOT_NAME, NOW, Harness, running
from tests.fake_bot_api import JSON, Call, Updates

SEED = 20_200_910
COUNT = 3_000
USERS = [1_000 + n for n in range(40)]
GROUPS = [-100_100, -100_200, -100_300]

WORDS = [
    "samling", "DEKOM", "REKOM", "når", "hvor", "påmelding", "frist", "barnehage", "skole",
    "neste", "Kompetanseløftet", "hva", "er", "kva", "lesing", "Trondheim", "Oppdal", "i",
    "oktober", "høst", "hei", "takk", "æøå", "ÆØÅ",
]  # fmt: skip
ODD = [
    "😀", "🎉", "👍🏽", "👩‍👩‍👧‍👦", "🇳🇴", "مرحبا", "שלום", "\u202e", "\u202d", "\u200f",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\x00", "\x07", "\x1b[31m", "\x7f",
    "\x85", "e\u0301\u0308", "<b>", "</i>", "&amp;", "&", "<a href='x'>", "\U0010fffd",
    "\t", "\r\n", "  ", "\u3000", "𝔇𝔈𝔎𝔒𝔐", "ｄｅｋｏｍ", "٣", "∑",
]  # fmt: skip
COMMANDS = ["start", "hjelp", "help", "neste", "samlinger", "ordninger", "fokus"]
ATTACHMENTS: dict[str, Any] = {
    "sticker": {
        "file_id": "st",
        "file_unique_id": "st",
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    },
    "photo": [{"file_id": "ph", "file_unique_id": "ph", "width": 90, "height": 90}],
    "voice": {"file_id": "vo", "file_unique_id": "vo", "duration": 3},
    "document": {"file_id": "do", "file_unique_id": "do", "file_name": "plan.pdf"},
    "location": {"latitude": 63.43, "longitude": 10.39},
}
VALID_DATA = ["1:e:dekom", "1:m:rekom", "1:u:", "1:p:", "1:c:neste", "1:c:fokus", "1:e:lesing"]


@dataclass(frozen=True)
class Expect:
    """What a person would expect from one update."""

    sends: int  # messages sent in answer (sendMessage to any chat)
    button_answers: int = 0  # answerCallbackQuery calls
    inline_answers: int = 0  # answerInlineQuery calls
    private_text: bool = False


class Generator:
    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.updates = Updates()

    def text(self) -> str:
        rnd = self.rnd
        shape = rnd.random()
        if shape < 0.05:
            return rnd.choice(WORDS) * rnd.randint(2_000, 12_000)  # huge
        if shape < 0.15:
            return "".join(rnd.choice(ODD) for _ in range(rnd.randint(1, 8)))  # odd only
        if shape < 0.25:
            return "".join(chr(rnd.randint(0x20, 0x2FFFF)) for _ in range(rnd.randint(1, 80)))
        parts = [rnd.choice(WORDS + ODD) for _ in range(rnd.randint(1, 12))]
        return " ".join(parts) + rnd.choice(["?", "", "!", " 🙂"])

    def question(self) -> str:
        text = self.text()
        return "x" + text if text.startswith("/") else text

    def command(self) -> tuple[str, bool]:
        """A command and whether a private chat should get an answer."""
        rnd = self.rnd
        known = rnd.random() < 0.7
        name = rnd.choice(COMMANDS) if known else rnd.choice(["abonner", "foo", "x" * 40, "æ"])
        target = rnd.choice(["", "", f"@{BOT_NAME}", "@annenbot", f"@{BOT_NAME.upper()}"])
        argument = rnd.choice(["", "", " " + self.text()[:200], " samling_dekom", " tema_x"])
        text = f"/{name}{target}{argument}"
        return text, target.casefold() != "@annenbot"

    def update(self) -> tuple[JSON, Expect]:
        rnd = self.rnd
        updates = self.updates
        user = rnd.choice(USERS)
        group = rnd.choice(GROUPS)
        kind = rnd.choices(
            [
                "private_text",
                "private_command",
                "private_other",
                "group_text",
                "group_mention",
                "group_reply",
                "group_command",
                "group_other",
                "edited",
                "channel_post",
                "button_bad",
                "button_good",
                "inline",
            ],
            weights=[30, 12, 6, 10, 6, 3, 5, 3, 4, 3, 8, 5, 5],
        )[0]
        if kind == "private_text":
            entities = self.random_entities()
            update = updates.message(user, self.question(), entities=entities)
            return update, Expect(1, private_text=True)
        if kind == "private_command":
            text, answered = self.command()
            return updates.message(user, text), Expect(int(answered), private_text=True)
        if kind == "private_other":
            what = rnd.choice(list(ATTACHMENTS))
            return updates.message(user, **{what: ATTACHMENTS[what]}), Expect(1)
        if kind == "group_text":
            update = updates.message(group, self.question(), chat_type="supergroup", user_id=user)
            return update, Expect(0)
        if kind == "group_mention":
            return updates.mention(group, self.question(), user_id=user), Expect(1)
        if kind == "group_reply":
            update = updates.message(
                group, self.question(), chat_type="group", user_id=user, reply_to_bot=True
            )
            return update, Expect(1)
        if kind == "group_command":
            text, answered = self.command()
            name = text[1:].split("@")[0].split(" ")[0]
            addressed = f"@{BOT_NAME}".casefold() in text.casefold()
            answered = answered and (name.lower() in COMMANDS or addressed)
            update = updates.message(group, text, chat_type="supergroup", user_id=user)
            return update, Expect(int(answered))
        if kind == "group_other":
            what = rnd.choice(list(ATTACHMENTS))
            update = updates.message(
                group, chat_type="group", user_id=user, **{what: ATTACHMENTS[what]}
            )
            return update, Expect(0)
        if kind == "edited":
            chat, chat_type = rnd.choice([(user, "private"), (group, "supergroup")])
            update = updates.message(
                chat, self.question(), chat_type=chat_type, key="edited_message"
            )
            return update, Expect(0)
        if kind == "channel_post":
            update = updates.message(-100_900, self.question(), chat_type="channel")
            post = update.pop("message")
            post.pop("from")
            update[rnd.choice(["channel_post", "edited_channel_post"])] = post
            return update, Expect(0)
        if kind == "button_bad":
            data = rnd.choice([None, self.text()[:64], "1:" + self.text()[:20], "2:e:dekom"])
            return updates.button(user, data), Expect(0, button_answers=1)
        if kind == "button_good":
            data = rnd.choice(VALID_DATA)
            return updates.button(user, data), Expect(-1, button_answers=1)
        return updates.inline(user, self.text()[:256]), Expect(0, inline_answers=1)

    def random_entities(self) -> list[JSON]:
        """Sometimes a mention entity, sometimes one pointing past the end of the text."""
        if self.rnd.random() > 0.1:
            return []
        offset, length = self.rnd.randint(0, 50), self.rnd.randint(1, 30)
        return [
            {
                "type": self.rnd.choice(["mention", "bold", "url"]),
                "offset": offset,
                "length": length,
            }
        ]


@pytest.fixture
async def telegram(kb: KnowledgeBase) -> AsyncIterator[Harness]:
    async with running(build_bot(Settings(), kb, clock=lambda: NOW).conversation) as harness:
        yield harness


def count(calls: list[Call], method: str) -> int:
    return sum(1 for call in calls if call.method == method)


async def test_thousands_of_updates_never_fail_and_get_the_expected_reaction(
    telegram: Harness,
) -> None:
    generator = Generator(random.Random(SEED))
    kinds: Counter[str] = Counter()
    started = time.monotonic()
    private_texts = 0
    for number in range(COUNT):
        update, expect = generator.update()
        kinds[next(key for key in update if key != "update_id")] += 1
        calls = await telegram.send(update)
        where = f"update {number}: {str(update)[:300]!r}"
        assert telegram.errors == [], where
        sends = count(calls, "sendMessage")
        if expect.sends >= 0:
            assert sends == expect.sends, where
        else:  # a working button: one answer, as a new message or in place
            assert sends + count(calls, "editMessageText") == 1, where
        assert count(calls, "answerCallbackQuery") == expect.button_answers, where
        assert count(calls, "answerInlineQuery") == expect.inline_answers, where
        private_texts += expect.private_text
        for call in calls:
            assert_valid_call(call, where)
    elapsed = time.monotonic() - started
    assert private_texts > COUNT // 4
    assert set(kinds) >= {
        "message",
        "edited_message",
        "callback_query",
        "inline_query",
    }
    assert elapsed < 60, f"{COUNT} updates took {elapsed:.1f} s"


def assert_valid_call(call: Call, where: str) -> None:
    """What Telegram itself would reject: too long, empty, bad button data."""
    from bot.channels.telegram.render import telegram_length

    limits: dict[str, Callable[[Call], bool]] = {
        "sendMessage": lambda c: 0 < telegram_length(c.text) <= 4096,
        "editMessageText": lambda c: 0 < telegram_length(c.text) <= 4096,
        "answerCallbackQuery": lambda c: len(str(c.params.get("text") or "")) <= 200,
    }
    check = limits.get(call.method)
    assert check is None or check(call), where
    for row in call.buttons:
        for button in row:
            assert 0 < len(button["callback_data"].encode()) <= 64, where
            assert button["text"].strip(), where
