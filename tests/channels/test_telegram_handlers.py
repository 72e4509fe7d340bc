"""The Telegram adapter as Telegram sees it: the Bot API calls a real Application makes.

Each test drives a real PTB `Application` (built by the production `build_application`) with
`process_update`, over a fake request layer that records every call and answers like the Bot
API. A recording error handler must stay empty unless the test is about errors.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.app import build_bot
from bot.channels.telegram.render import MESSAGE_LIMIT, telegram_length
from bot.channels.telegram.sending import Sender
from bot.config import Settings
from bot.conversation import (
    Button,
    Command,
    Context,
    Conversation,
    Document,
    Incoming,
    InlineAnswer,
    Outgoing,
    Response,
    decode,
    say,
)
from bot.conversation import texts as conversation_texts
from bot.core.knowledge import Entry, KnowledgeBase
from bot.runtime.live import LiveKnowledge
from tests.channels.harness import BOT_NAME, NOW, Harness, running
from tests.fake_bot_api import Call, Failure

ALICE = 1001  # a private chat (chat id = user id)
GROUP = -100200


@pytest.fixture
async def telegram(kb: KnowledgeBase) -> AsyncIterator[Harness]:
    async with running(build_bot(Settings(), kb, clock=lambda: NOW).conversation) as harness:
        yield harness


def only(calls: list[Call], *methods: str) -> list[Call]:
    return [call for call in calls if call.method in methods]


# -- commands and answers ---------------------------------------------------------------------


async def test_start_welcomes_with_bold_title_and_buttons(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.message(ALICE, "/start"))
    (sent,) = only(calls, "sendMessage")
    assert sent.chat_id == ALICE
    assert sent.params["parse_mode"] == "HTML"
    assert sent.text.startswith("<b>Velkommen til Kompetansebot")
    assert "Når er neste samling?" in sent.text
    assert "📅 Neste samling" in sent.button_labels
    assert "📚 Ordninger" in sent.button_labels
    for row in sent.buttons:
        for button in row:
            assert len(button["callback_data"].encode()) <= 64
            decode(button["callback_data"])  # every button carries valid data
    assert telegram.errors == []


async def test_command_menu_is_published_from_the_registry(telegram: Harness) -> None:
    assert telegram.app.post_init is not None
    await telegram.app.post_init(telegram.app)
    (menu,) = telegram.api.calls_to("setMyCommands")
    names = [command["command"] for command in menu.params["commands"]]
    assert names == ["start", "hjelp", "neste", "samlinger", "ordninger", "fokus"]
    assert all(command["description"] for command in menu.params["commands"])


async def test_next_event_answers_with_the_date_and_source_in_italics(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.message(ALICE, "/neste"))
    (sent,) = only(calls, "sendMessage")
    assert "18. september 2020" in sent.text
    assert "<i>Kilde: Gauldalsregionen" in sent.text
    assert "🔔 Påminn meg" not in sent.button_labels  # no subscription service plugged in
    assert telegram.errors == []


async def test_question_gets_answer_and_follow_up_buttons(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.message(ALICE, "Hva er DEKOM?"))
    (sent,) = only(calls, "sendMessage")
    assert "DEKOM er" in sent.text
    assert "Stortingsmelding 21" in sent.button_labels
    assert "reply_parameters" not in sent.params  # no reply threading in private chats
    assert sent.params["link_preview_options"] == {"is_disabled": True}


async def test_knowledge_text_with_markup_characters_is_escaped(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.message(ALICE, "/finnes<b>&ikke"))
    (sent,) = only(calls, "sendMessage")
    assert "/finnes&lt;b&gt;&amp;ikke" in sent.text
    assert "<b>&" not in sent.text


async def test_inline_answer_repeats_the_question_escaped(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.inline(ALICE, "hva er <b>dekom & rekom"))
    (answer,) = only(calls, "answerInlineQuery")
    results = answer.params["results"]
    assert results, "inline mode lists at least one answer"
    first = results[0]["input_message_content"]
    assert first["parse_mode"] == "HTML"
    assert first["message_text"].startswith("<b>hva er &lt;b&gt;dekom &amp; rekom</b>\n\n")
    assert "DEKOM er" in first["message_text"]
    assert len({result["id"] for result in results}) == len(results)
    assert all(len(result["id"].encode()) <= 64 for result in results)
    assert all(result["type"] == "article" for result in results)


async def test_empty_inline_query_offers_the_next_event(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.inline(ALICE, ""))
    (answer,) = only(calls, "answerInlineQuery")
    (result,) = answer.params["results"]
    assert result["title"] == "Neste samling"
    assert "18. september 2020" in result["input_message_content"]["message_text"]


# -- buttons ----------------------------------------------------------------------------------


async def test_suggestion_button_replaces_the_question_and_answers_the_press(
    telegram: Harness,
) -> None:
    calls = await telegram.send(telegram.updates.button(ALICE, "1:m:dekom", message_id=77))
    (answered,) = only(calls, "answerCallbackQuery")
    assert "text" not in answered.params
    (edit,) = only(calls, "editMessageText")
    assert edit.params["message_id"] == 77
    assert edit.text.startswith("<b>Desentralisert ordning for kompetanseutvikling")
    assert edit.params["parse_mode"] == "HTML"
    assert not only(calls, "sendMessage")
    assert telegram.errors == []


async def test_follow_up_button_sends_a_new_message(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.button(ALICE, "1:e:stortingsmelding-21"))
    assert only(calls, "answerCallbackQuery")
    (sent,) = only(calls, "sendMessage")
    assert sent.text.startswith("<b>Stortingsmelding 21</b>")


async def test_start_button_runs_the_command(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.button(ALICE, "1:c:neste"))
    (sent,) = only(calls, "sendMessage")
    assert "18. september 2020" in sent.text


@pytest.mark.parametrize("data", [None, "", "hei", "1:", "1:E:dekom", "9:e:dekom", "1:e:a b"])
async def test_malformed_button_data_gets_a_polite_notice(
    telegram: Harness, data: str | None
) -> None:
    calls = await telegram.send(telegram.updates.button(ALICE, data))
    (answered,) = only(calls, "answerCallbackQuery")
    assert "/start" in answered.params["text"]
    assert not only(calls, "sendMessage", "editMessageText")
    assert telegram.errors == []


async def test_edit_that_fails_falls_back_to_a_new_message(telegram: Harness) -> None:
    telegram.api.fail_next("editMessageText", Failure(400, "Bad Request: message can't be edited"))
    calls = await telegram.send(telegram.updates.button(ALICE, "1:m:rekom"))
    assert only(calls, "editMessageText")
    (sent,) = only(calls, "sendMessage")
    assert "REKOM" in sent.text
    assert telegram.errors == []


async def test_unchanged_edit_is_not_an_error(telegram: Harness) -> None:
    telegram.api.fail_next("editMessageText", Failure(400, "Bad Request: message is not modified"))
    calls = await telegram.send(telegram.updates.button(ALICE, "1:p:"))
    assert only(calls, "editMessageText")
    assert not only(calls, "sendMessage")
    assert telegram.errors == []


# -- groups -----------------------------------------------------------------------------------


async def test_group_chatter_is_ignored(telegram: Harness) -> None:
    update = telegram.updates.message(GROUP, "Hva er DEKOM?", chat_type="supergroup", user_id=7)
    assert await telegram.send(update) == []


async def test_group_mention_gets_a_threaded_answer(telegram: Harness) -> None:
    update = telegram.updates.mention(GROUP, "hva er DEKOM?")
    calls = await telegram.send(update)
    (sent,) = only(calls, "sendMessage")
    assert sent.chat_id == GROUP
    assert "DEKOM er" in sent.text
    assert sent.params["reply_parameters"]["message_id"] == update["message"]["message_id"]


async def test_group_reply_to_the_bot_is_answered(telegram: Harness) -> None:
    update = telegram.updates.message(
        GROUP, "Og REKOM?", chat_type="group", user_id=7, reply_to_bot=True
    )
    (sent,) = only(await telegram.send(update), "sendMessage")
    assert "REKOM" in sent.text


@pytest.mark.parametrize("command", ["/neste", f"/neste@{BOT_NAME}"])
async def test_group_commands_for_us_are_answered(telegram: Harness, command: str) -> None:
    update = telegram.updates.message(GROUP, command, chat_type="supergroup", user_id=7)
    (sent,) = only(await telegram.send(update), "sendMessage")
    assert "18. september 2020" in sent.text


@pytest.mark.parametrize("chat_type", ["private", "supergroup"])
async def test_commands_for_another_bot_are_ignored(telegram: Harness, chat_type: str) -> None:
    chat = ALICE if chat_type == "private" else GROUP
    update = telegram.updates.message(chat, "/neste@annenbot", chat_type=chat_type, user_id=7)
    assert await telegram.send(update) == []
    assert telegram.errors == []


async def test_unknown_command_in_a_group_is_ignored(telegram: Harness) -> None:
    update = telegram.updates.message(GROUP, "/poll", chat_type="supergroup", user_id=7)
    assert await telegram.send(update) == []


# -- other kinds of updates -------------------------------------------------------------------


STICKER = {
    "file_id": "st1",
    "file_unique_id": "u1",
    "type": "regular",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
}


async def test_sticker_in_private_gets_a_text_only_hint(telegram: Harness) -> None:
    calls = await telegram.send(telegram.updates.message(ALICE, sticker=STICKER))
    (sent,) = only(calls, "sendMessage")
    assert "Jeg forstår bare tekst" in sent.text


async def test_location_in_a_group_is_ignored(telegram: Harness) -> None:
    location = {"latitude": 63.43, "longitude": 10.39}
    update = telegram.updates.message(GROUP, chat_type="group", user_id=7, location=location)
    assert await telegram.send(update) == []


async def test_edited_messages_and_channel_posts_are_ignored(telegram: Harness) -> None:
    edited = telegram.updates.message(ALICE, "Hva er REKOM?", key="edited_message")
    post = telegram.updates.message(-100300, "Hva er REKOM?", chat_type="channel")
    post["channel_post"] = post.pop("message")
    post["channel_post"].pop("from")
    assert await telegram.send(edited) == []
    assert await telegram.send(post) == []
    assert telegram.errors == []


# -- long messages and documents --------------------------------------------------------------


async def test_long_messages_are_split_on_paragraphs_with_buttons_last(
    telegram: Harness,
) -> None:
    paragraphs = [f"Avsnitt {n}: " + "lærer & barnehage <3 " * 40 for n in range(12)]
    message = Outgoing(
        "\n\n".join(paragraphs),
        title="Langt svar",
        footer="Kilde: test",
        buttons=((Button("Mer", "1:u:"),),),
    )
    await Sender(telegram.app.bot).send(ALICE, message)
    sent = telegram.api.calls_to("sendMessage")
    assert len(sent) >= 3
    assert all(telegram_length(call.text) <= MESSAGE_LIMIT for call in sent)
    assert all(call.text.count("<b>") == call.text.count("</b>") for call in sent)
    assert [call.button_labels for call in sent] == [[]] * (len(sent) - 1) + [["Mer"]]
    assert all(call.text.split("\n\n")[0].startswith(("<b>", "Avsnitt")) for call in sent)
    rebuilt = "\n\n".join(call.text for call in sent)
    for n, paragraph in enumerate(paragraphs):
        assert f"Avsnitt {n}: " in rebuilt
        assert paragraph.replace("&", "&amp;").replace("<", "&lt;").strip() in rebuilt
    assert sent[-1].text.endswith("<i>Kilde: test</i>")


async def test_documents_are_uploaded_with_an_html_caption(telegram: Harness) -> None:
    document = Document("samling.ics", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message = Outgoing("Legg «DEKOM & NTNU» i kalenderen.", title="Kalender", document=document)
    await Sender(telegram.app.bot).send(ALICE, message)
    (upload,) = telegram.api.calls_to("sendDocument")
    assert upload.params["caption"] == "<b>Kalender</b>\n\nLegg «DEKOM &amp; NTNU» i kalenderen."
    assert upload.params["parse_mode"] == "HTML"
    ((filename, content),) = upload.files.values()
    assert filename == "samling.ics"
    assert content.startswith(b"BEGIN:VCALENDAR")


# -- errors -----------------------------------------------------------------------------------


async def test_blocked_chat_is_marked_inactive_and_active_again_later(
    telegram: Harness,
) -> None:
    telegram.api.fail_next("sendMessage", Failure(403, "Forbidden: bot was blocked by the user"))
    await telegram.send(telegram.updates.message(ALICE, "/neste"))
    assert not telegram.chats.is_active(ALICE)
    assert [type(error).__name__ for error in telegram.errors] == ["Forbidden"]
    await telegram.send(telegram.updates.message(ALICE, "/neste"))
    assert telegram.chats.is_active(ALICE)


async def test_user_blocking_the_bot_marks_the_chat_inactive(telegram: Harness) -> None:
    member = {"user": telegram.updates.user(123456), "status": "member"}
    kicked = {"user": telegram.updates.user(123456), "status": "kicked", "until_date": 0}
    update = {
        "update_id": 77,
        "my_chat_member": {
            "chat": telegram.updates.chat(ALICE),
            "from": telegram.updates.user(ALICE),
            "date": 0,
            "old_chat_member": member,
            "new_chat_member": kicked,
        },
    }
    assert await telegram.send(update) == []
    assert not telegram.chats.is_active(ALICE)


async def test_flood_control_is_waited_out(telegram: Harness) -> None:
    telegram.api.fail_next("sendMessage", Failure(429, "Too Many Requests", retry_after=1))
    calls = await telegram.send(telegram.updates.message(ALICE, "/neste"))
    attempts = only(calls, "sendMessage")
    assert len(attempts) == 2
    assert attempts[1].at - attempts[0].at >= 0.9
    assert telegram.errors == []


async def test_a_bad_gateway_is_retried_but_a_late_answer_is_not_sent_again(
    telegram: Harness,
) -> None:
    telegram.api.fail_next("sendMessage", Failure(502, "Bad Gateway"))  # surely not sent
    telegram.api.fail_next("sendMessage", Failure(0, "", timeout=True))  # may have arrived
    calls = await telegram.send(telegram.updates.message(ALICE, "/neste"))
    assert len(only(calls, "sendMessage")) == 2
    assert [type(error).__name__ for error in telegram.errors] == ["TimedOut"]


async def test_bad_request_is_not_retried_and_is_reported(telegram: Harness) -> None:
    telegram.api.fail_next("sendMessage", Failure(400, "Bad Request: chat not found"))
    calls = await telegram.send(telegram.updates.message(ALICE, "/neste"))
    assert len(only(calls, "sendMessage")) == 1
    assert [type(error).__name__ for error in telegram.errors] == ["BadRequest"]


class BrokenConversation(Conversation):
    """A conversation with a bug, to see what the user and the logs get."""

    async def handle(self, incoming: Incoming) -> Response:
        raise RuntimeError("bug")

    def inline(self, query: str) -> list[InlineAnswer]:
        raise RuntimeError("bug")


async def test_a_bug_is_logged_and_the_user_gets_an_apology(
    kb: KnowledgeBase, caplog: pytest.LogCaptureFixture
) -> None:
    broken = BrokenConversation(LiveKnowledge.of(kb), clock=lambda: NOW)
    async with running(broken) as harness:
        calls = await harness.send(harness.updates.message(ALICE, "hemmelig spørsmål"))
        (apology,) = only(calls, "sendMessage")
        assert apology.text == conversation_texts.SOMETHING_WENT_WRONG
        button_calls = await harness.send(harness.updates.button(ALICE, "1:u:"))
        (answered,) = only(button_calls, "answerCallbackQuery")
        assert answered.params["text"] == conversation_texts.SOMETHING_WENT_WRONG
    assert [type(error).__name__ for error in harness.errors] == ["RuntimeError"] * 2
    logged = caplog.text
    assert "RuntimeError" in logged
    assert f"chat {ALICE}" in logged
    assert "hemmelig" not in logged


# -- plugged-in services ----------------------------------------------------------------------


class FakeEventServices:
    """Stands in for the subscription service that other work will provide."""

    def __init__(self) -> None:
        self.reminded: list[tuple[int, str]] = []

    async def remind(self, context: Context, event: Entry) -> Response:
        self.reminded.append((context.chat.id, event.id))
        return Response(notice=f"Du får en påminnelse før «{event.title}».")

    async def calendar(self, context: Context, event: Entry) -> Response:
        ics = f"BEGIN:VCALENDAR\r\nSUMMARY:{event.title}\r\nEND:VCALENDAR\r\n".encode()
        document = Document(f"{event.id}.ics", ics, "text/calendar")
        return say(Outgoing("Åpne filen for å legge samlingen i kalenderen.", document=document))


async def test_reminder_and_calendar_buttons_once_a_service_is_plugged_in(
    kb: KnowledgeBase,
) -> None:
    services = FakeEventServices()
    conversation = Conversation(LiveKnowledge.of(kb), clock=lambda: NOW, event_services=services)

    async def mine(context: Context) -> Response:
        return say(Outgoing(f"Du har {len(services.reminded)} påminnelser."))

    conversation.commands.add(Command("mine", "Dine påminnelser", mine))
    async with running(conversation) as harness:
        (answer,) = only(
            await harness.send(harness.updates.message(ALICE, "/neste")), "sendMessage"
        )
        remind, calendar = answer.buttons[0]
        assert (remind["text"], calendar["text"]) == ("🔔 Påminn meg", "📅 Legg i kalender")

        calls = await harness.send(harness.updates.button(ALICE, remind["callback_data"]))
        (answered,) = only(calls, "answerCallbackQuery")
        assert "påminnelse" in answered.params["text"]
        assert services.reminded == [(ALICE, "dekom-begynneropplaering-2020")]

        calls = await harness.send(harness.updates.button(ALICE, calendar["callback_data"]))
        (upload,) = only(calls, "sendDocument")
        assert next(iter(upload.files.values()))[0] == "dekom-begynneropplaering-2020.ics"

        (reply,) = only(await harness.send(harness.updates.message(ALICE, "/mine")), "sendMessage")
        assert reply.text == "Du har 1 påminnelser."
        await harness.app.post_init(harness.app)  # type: ignore[misc]
        (menu,) = harness.api.calls_to("setMyCommands")
        assert "mine" in [command["command"] for command in menu.params["commands"]]
        assert harness.errors == []


async def test_interactive_replies_are_reported_to_the_delivery_pacer(kb: KnowledgeBase) -> None:
    interactions: list[int] = []
    conversation = build_bot(Settings(), kb, clock=lambda: NOW).conversation
    async with running(conversation, on_interaction=interactions.append) as harness:
        await harness.send(harness.updates.message(ALICE, "/neste"))
        await harness.send(harness.updates.message(GROUP, "prat", chat_type="group", user_id=7))
        await harness.send(harness.updates.button(ALICE, "søppel"))  # a notice, no message
        await harness.send(harness.updates.button(ALICE, "1:e:dekom"))
    assert interactions == [ALICE, ALICE]
