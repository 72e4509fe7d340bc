"""Button data: compact, versioned, validated; bad data gets a polite notice."""

from __future__ import annotations

import pytest

from bot.conversation import Action, BadButtonError, Conversation, decode, encode, texts
from tests.conversation.talk import press


def test_round_trip_and_size() -> None:
    action = Action("e", "dekom-engelsk-barnetrinnet-2020")
    data = encode(action)
    assert data == "1:e:dekom-engelsk-barnetrinnet-2020"
    assert decode(data) == action
    assert decode("1:u:") == Action("u", "")


def test_encode_refuses_what_telegram_would_refuse() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        encode(Action("e", "x" * 61))
    with pytest.raises(ValueError):
        encode(Action("E", "dekom"))
    with pytest.raises(ValueError):
        encode(Action("e", "a:b"))


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "1",
        "1:",
        "1:e",
        "e:dekom",
        "1:E:dekom",
        "1:e:a b",
        "1:e:æ",
        "1:toolong:x",
        "1:e:" + "x" * 61,
        "\x00",
        "1:e:dekom\n",
    ],
)
def test_decode_rejects_anything_encode_cannot_make(data: str | None) -> None:
    with pytest.raises(BadButtonError):
        decode(data)


def test_buttons_from_another_version_are_told_apart() -> None:
    with pytest.raises(BadButtonError) as caught:
        decode("2:e:dekom")
    assert caught.value.outdated


@pytest.mark.parametrize(
    ("data", "notice"),
    [
        ("søppel", texts.BUTTON_BROKEN),
        ("0:e:dekom", texts.BUTTON_OUTDATED),
        ("1:zz:dekom", texts.BUTTON_BROKEN),
        ("1:e:finnes-ikke", texts.ENTRY_GONE),
        ("1:m:finnes-ikke", texts.ENTRY_GONE),
        ("1:c:finnes-ikke", texts.BUTTON_BROKEN),
        ("1:r:dekom", texts.NOT_AN_EVENT),
        ("1:k:planleggingsdag-skole-2019", texts.EVENT_OVER),
        ("1:r:skoleledersamling-2020", texts.EVENT_CANCELLED),
        ("1:r:dekom-engelsk-barnetrinnet-2020", texts.SERVICE_MISSING),
    ],
)
async def test_bad_presses_get_a_notice_and_no_message(
    conversation: Conversation, data: str, notice: str
) -> None:
    response = await press(conversation, data)
    assert response.notice == notice
    assert response.messages == ()
    assert len(notice) <= 200  # Telegram's limit for a button notice
