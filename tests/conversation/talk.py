"""Small helpers to talk to a conversation the way a user would."""

from __future__ import annotations

from bot.conversation import (
    ButtonPress,
    Chat,
    Conversation,
    Outgoing,
    Response,
    TextMessage,
)
from tests.conversation.conftest import BOT, PRIVATE


async def say(
    conversation: Conversation, text: str, chat: Chat = PRIVATE, *, addressed: bool = False
) -> Response:
    return await conversation.handle(TextMessage(chat, text, addressed, BOT))


async def press(conversation: Conversation, data: str | None, chat: Chat = PRIVATE) -> Response:
    return await conversation.handle(ButtonPress(chat, data))


def one(response: Response) -> Outgoing:
    assert len(response.messages) == 1, response
    return response.messages[0]


def labels(message: Outgoing) -> list[str]:
    return [button.label for row in message.buttons for button in row]


def button_data(message: Outgoing, label: str) -> str:
    for row in message.buttons:
        for button in row:
            if button.label == label:
                return button.data
    raise AssertionError(f"no button {label!r} in {labels(message)}")
