"""In groups the bot speaks only when spoken to, like a polite colleague."""

from __future__ import annotations

from bot.conversation import Conversation, OtherMessage
from tests.conversation.conftest import BOT, GROUP, PRIVATE
from tests.conversation.talk import one, say


async def test_group_chatter_gets_silence(conversation: Conversation) -> None:
    for text in ("Hva er DEKOM?", "hei alle sammen", "🙂", ""):
        assert (await say(conversation, text, GROUP)).is_silent


async def test_mention_or_reply_gets_an_answer_without_the_handle(
    conversation: Conversation,
) -> None:
    answer = one(await say(conversation, f"@{BOT} hva er DEKOM?", GROUP, addressed=True))
    assert answer.text.startswith("DEKOM er den desentraliserte ordningen")
    shouting = one(await say(conversation, f"hva er DEKOM, @{BOT.upper()}?", GROUP, addressed=True))
    assert shouting.text == answer.text


async def test_bare_mention_gets_the_engines_prompt(conversation: Conversation) -> None:
    prompt = one(await say(conversation, f"@{BOT}", GROUP, addressed=True))
    assert "Skriv et spørsmål" in prompt.text


async def test_commands_in_groups(conversation: Conversation) -> None:
    assert "18. september 2020" in one(await say(conversation, "/neste", GROUP)).text
    assert "18. september 2020" in one(await say(conversation, f"/neste@{BOT}", GROUP)).text
    assert (await say(conversation, "/neste@annenbot", GROUP)).is_silent
    assert (await say(conversation, "/poll", GROUP)).is_silent  # maybe another bot's
    unknown = one(await say(conversation, f"/poll@{BOT}", GROUP))
    assert "kjenner jeg ikke" in unknown.text


async def test_start_in_a_group_explains_when_the_bot_answers(
    conversation: Conversation,
) -> None:
    welcome = one(await say(conversation, "/start", GROUP))
    assert "I grupper svarer jeg" in welcome.text


async def test_command_for_another_bot_in_private_gets_silence(
    conversation: Conversation,
) -> None:
    assert (await say(conversation, "/start@annenbot", PRIVATE)).is_silent


async def test_stickers_in_groups_get_silence_unless_addressed(
    conversation: Conversation,
) -> None:
    assert (await conversation.handle(OtherMessage(GROUP, "sticker"))).is_silent
    hint = one(await conversation.handle(OtherMessage(GROUP, "photo", addressed=True)))
    assert "bare tekst" in hint.text
