"""Later features plug in through the registries and the EventServices interface."""

from __future__ import annotations

import pytest

from bot.app import build_bot
from bot.conversation import (
    Action,
    Command,
    Context,
    Conversation,
    Outgoing,
    Response,
    decode,
    encode,
    say,
)
from bot.core.knowledge import Entry, KnowledgeBase
from bot.runtime.live import LiveKnowledge
from tests.conversation.conftest import NOW, PRIVATE
from tests.conversation.talk import button_data, labels, one, press
from tests.conversation.talk import say as send


class Services:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, str]] = []

    async def remind(self, context: Context, event: Entry) -> Response:
        self.calls.append(("remind", context.chat.id, event.id))
        return Response(notice="Påminnelse registrert.")

    async def calendar(self, context: Context, event: Entry) -> Response:
        self.calls.append(("calendar", context.chat.id, event.id))
        return say(Outgoing("Kalenderfil"))


@pytest.fixture
def services() -> Services:
    return Services()


@pytest.fixture
def subscribed(kb: KnowledgeBase, services: Services) -> Conversation:
    return Conversation(LiveKnowledge.of(kb), clock=lambda: NOW, event_services=services)


async def test_event_answers_get_reminder_and_calendar_buttons(
    subscribed: Conversation, services: Services
) -> None:
    answer = one(await send(subscribed, "/neste"))
    assert labels(answer)[:2] == ["🔔 Påminn meg", "📅 Legg i kalender"]
    response = await press(subscribed, button_data(answer, "🔔 Påminn meg"))
    assert response.notice == "Påminnelse registrert."
    await press(subscribed, button_data(answer, "📅 Legg i kalender"))
    assert services.calls == [
        ("remind", PRIVATE.id, "dekom-begynneropplaering-2020"),
        ("calendar", PRIVATE.id, "dekom-begynneropplaering-2020"),
    ]


async def test_no_reminder_buttons_without_a_service(conversation: Conversation) -> None:
    answer = one(await send(conversation, "/neste"))
    assert "🔔 Påminn meg" not in labels(answer)


async def test_no_reminder_buttons_for_held_or_cancelled_samlinger(
    subscribed: Conversation,
) -> None:
    for event_id in ("planleggingsdag-skole-2019", "skoleledersamling-2020"):
        answer = one(await press(subscribed, encode(Action("e", event_id))))
        assert "🔔 Påminn meg" not in labels(answer)
    topic = one(await send(subscribed, "Hva er DEKOM?"))
    assert "🔔 Påminn meg" not in labels(topic)


async def test_a_plugged_in_command_is_listed_in_help_and_menu(
    conversation: Conversation,
) -> None:
    async def subscribe(context: Context) -> Response:
        return say(Outgoing(f"Abonnerer på «{context.argument}»."))

    conversation.commands.add(Command("abonner", "Få påminnelser om samlinger", subscribe))
    reply = one(await send(conversation, "/abonner dekom"))
    assert reply.text == "Abonnerer på «dekom»."
    assert "/abonner – Få påminnelser om samlinger" in one(await send(conversation, "/hjelp")).text
    assert ("abonner", "Få påminnelser om samlinger") in conversation.commands.menu()


async def test_admin_commands_are_only_for_admins(kb: KnowledgeBase) -> None:
    from bot.config import Settings

    settings = Settings(admin_ids=frozenset({PRIVATE.user_id or 0}))
    conversation = build_bot(settings, kb, clock=lambda: NOW).conversation

    async def reload(context: Context) -> Response:
        return say(Outgoing("Lastet på nytt."))

    conversation.commands.add(
        Command("oppdater", "Les kunnskapsbasen på nytt", reload, admin_only=True)
    )
    assert one(await send(conversation, "/oppdater")).text == "Lastet på nytt."
    assert "For koordinatorer:" in one(await send(conversation, "/hjelp")).text
    assert "oppdater" not in [name for name, _ in conversation.commands.menu()]

    stranger = PRIVATE.__class__(5, PRIVATE.type, user_id=5)
    refusal = one(await send(conversation, "/oppdater", stranger)).text
    assert refusal.startswith("Beklager, denne kommandoen er bare for koordinatorene")
    assert "For koordinatorer:" not in one(await send(conversation, "/hjelp", stranger)).text


async def test_a_plugged_in_button_action(conversation: Conversation) -> None:
    async def unsubscribe(context: Context) -> Response:
        return Response(notice=f"Avmeldt {context.argument}.")

    conversation.actions.add("a", unsubscribe)
    data = encode(Action("a", "dekom"))
    assert (await press(conversation, data)).notice == "Avmeldt dekom."
    assert decode(data).code == "a"


def test_registries_refuse_clashes_and_bad_names(conversation: Conversation) -> None:
    async def nothing(context: Context) -> Response:
        return Response()

    with pytest.raises(ValueError, match="already"):
        conversation.commands.add(Command("neste", "En annen neste", nothing))
    with pytest.raises(ValueError, match="already"):
        conversation.commands.add(Command("hjelpe", "Hjelp", nothing, aliases=("help",)))
    with pytest.raises(ValueError):
        Command("Påminn", "Ugyldig navn", nothing)
    with pytest.raises(ValueError, match="already"):
        conversation.actions.add("e", nothing)
