"""/kunngjoring: preview, confirm, cancel, double press, bad input, and the broadcast through
the paced broadcaster with its report; the confirm button and a half-sent announcement survive
a restart without anyone getting it twice."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection
from contextlib import ExitStack
from pathlib import Path

from bot.admin.announcements import announcement_text
from bot.channels.telegram.broadcast import telegram_parts
from bot.core.reminders import ALL_EVENTS
from bot.storage import AnnouncementState, DeliveryKey, DeliveryState
from tests.admin.helpers import (
    ADMIN,
    ADMIN_2,
    ALICE,
    NOW,
    Bot,
    Send,
    blocking,
    one,
    only,
    running_bot,
)
from tests.delivery.fakes import BadRequest, NetworkError
from tests.fake_bot_api import Call
from tests.subscriptions.test_storage_faults import write_lock

SUBSCRIBERS = (501, 502, 503)
TEXT = "Samlingen 1. oktober flyttes til Melhus rådhus. Påmeldingsfristen er som før."


def subscribe(bot: Bot, chats: tuple[int, ...] = SUBSCRIBERS) -> None:
    for chat_id in chats:
        bot.store.subscribe(chat_id, NOW, ALL_EVENTS)


def received(bot: Bot) -> dict[int, list[str]]:
    """What each subscriber got (announcements are plain messages without buttons)."""
    return {
        chat_id: [call.text for call in bot.api.sent_to(chat_id)]
        for chat_id in SUBSCRIBERS
        if bot.api.sent_to(chat_id)
    }


async def report(bot: Bot) -> Call:
    return await bot.api.wait_for(lambda call: "Kunngjøringen er sendt" in call.text)


async def test_preview_send_and_report_with_a_blocked_chat(tmp_path: Path) -> None:
    async with running_bot(tmp_path, send_wrapper=blocking({502})) as bot:
        subscribe(bot)
        preview = one(await bot.say(ADMIN, f"/kunngjoring {TEXT}"), "sendMessage", ADMIN)
        assert preview.text.startswith("<b>Forhåndsvisning av kunngjøring</b>")
        assert f"📣 Kunngjøring\n\n{TEXT}" in preview.text
        assert "Sendes til 3 abonnenter." in preview.text
        assert preview.button_labels == ["📣 Send", "Avbryt"]
        assert received(bot) == {}  # nothing goes out before "Send"

        calls = await bot.press(ADMIN, preview, "📣 Send")
        assert one(calls, "answerCallbackQuery").params["text"] == "Sender …"
        assert one(calls, "editMessageReplyMarkup", ADMIN).buttons == []
        assert "Sender kunngjøringen til 3 abonnenter" in one(calls, "sendMessage", ADMIN).text

        done = await report(bot)
        assert done.chat_id == ADMIN
        assert "Levert til 2 chatter, 1 chat deaktivert." in done.text
        assert received(bot) == {
            501: [f"📣 Kunngjøring\n\n{TEXT}"],
            503: [f"📣 Kunngjøring\n\n{TEXT}"],
        }
        blocked = bot.store.chat(502)
        assert blocked is not None and not blocked.active  # no more messages to 502
        (sent,) = bot.storage.announcements.announcements(AnnouncementState.SENT)
        assert (sent.recipients, sent.delivered, sent.deactivated) == (3, 2, 1)

        again = await bot.press(ADMIN, preview, "📣 Send")  # a double press
        notice = one(again, "answerCallbackQuery").params["text"]
        assert notice == "Kunngjøringen er allerede sendt."
        assert received(bot) == {
            501: [f"📣 Kunngjøring\n\n{TEXT}"],
            503: [f"📣 Kunngjøring\n\n{TEXT}"],
        }
        assert bot.errors == []


async def test_cancel_sends_nothing_and_the_button_cannot_send_it_afterwards(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path) as bot:
        subscribe(bot)
        preview = one(await bot.say(ADMIN, f"/kunngjoring {TEXT}"), "sendMessage", ADMIN)
        calls = await bot.press(ADMIN, preview, "Avbryt")
        assert (
            one(calls, "sendMessage", ADMIN).text == "Kunngjøringen er avbrutt. Ingenting er sendt."
        )
        assert one(calls, "editMessageReplyMarkup", ADMIN).buttons == []
        late = await bot.press(ADMIN, preview, "📣 Send")
        notice = one(late, "answerCallbackQuery").params["text"]
        assert notice == "Kunngjøringen er avbrutt og kan ikke sendes."
        assert received(bot) == {}


async def test_only_the_author_can_send_and_teachers_are_refused(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        subscribe(bot)
        preview = one(await bot.say(ADMIN, f"/kunngjoring {TEXT}"), "sendMessage", ADMIN)
        data = preview.buttons[0][0]["callback_data"]
        other = await bot.press_data(ADMIN_2, data)
        assert one(other, "answerCallbackQuery").params["text"] == (
            "Bare koordinatoren som skrev kunngjøringen, kan sende eller avbryte den."
        )
        teacher = await bot.press_data(ALICE, data)
        assert one(teacher, "answerCallbackQuery").params["text"].startswith("Beklager")
        assert received(bot) == {}
        (pending,) = bot.storage.announcements.announcements(AnnouncementState.PENDING)
        assert pending.author_id == ADMIN


async def test_bad_input_gets_a_clear_message_and_nothing_is_sent(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        subscribe(bot)
        usage = one(await bot.say(ADMIN, "/kunngjoring"), "sendMessage", ADMIN).text
        assert "Skriv teksten etter kommandoen, for eksempel:" in usage
        assert "/kunngjoring Samlingen 12. mars flyttes" in usage

        long = ("Viktig beskjed. " * 625)[:-1] + "!"
        assert len(long) == 10_000
        calls = await bot.say(ADMIN, f"/kunngjoring {long}")
        told = one(calls, "sendMessage", ADMIN).text
        assert told == (
            "Kunngjøringen er på 10000 tegn, men kan være på høyst 4000. "
            "Kort den ned og prøv igjen. Ingenting er sendt."
        )
        assert only(calls, "sendMessage", ADMIN)[0].buttons == []
        assert bot.storage.announcements.announcements(AnnouncementState.PENDING) == []
        assert received(bot) == {}


async def test_nobody_to_send_to_is_said_before_a_preview(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as bot:
        told = one(await bot.say(ADMIN, f"/kunngjoring {TEXT}"), "sendMessage", ADMIN)
        assert told.text == (
            "Det er ingen aktive abonnenter å sende kunngjøringen til ennå. Ingenting er sendt."
        )
        assert told.buttons == []


async def test_the_confirm_button_works_after_a_restart(tmp_path: Path) -> None:
    async with running_bot(tmp_path) as first:
        subscribe(first)
        preview = one(await first.say(ADMIN, f"/kunngjoring {TEXT}"), "sendMessage", ADMIN)
    async with running_bot(tmp_path) as second:
        await second.press(ADMIN, preview, "📣 Send")
        done = await report(second)
        assert "Levert til 3 chatter, 0 chatter deaktivert." in done.text
        assert sorted(received(second)) == list(SUBSCRIBERS)


async def test_an_announcement_cut_off_by_a_restart_is_finished_without_repeats(
    tmp_path: Path,
) -> None:
    async with running_bot(tmp_path) as first:
        subscribe(first)
        announcement = first.storage.announcements.create_announcement(ADMIN, TEXT, NOW)
        assert first.storage.announcements.start_announcement(announcement.id, 3, NOW)
        key = DeliveryKey(501, "announcement", f"kunngjoring:{announcement.id}")
        assert first.store.claim(key, NOW) and first.store.mark_sent(key, NOW)
        # ... and the bot stopped here: 501 has it, 502 and 503 do not.
    async with running_bot(tmp_path) as second:  # start-up resumes it
        done = await report(second)
        assert done.chat_id == ADMIN
        assert "Levert til 3 chatter" in done.text  # counted from the ledger
        assert sorted(received(second)) == [502, 503]  # 501 does not get it twice


# A long announcement: with every "&", "<" and ">" escaped it takes three Telegram messages.
LONG = "\n\n".join(("R&D & Q&A & <IKT> & <KI> & " * 14).strip() for _ in range(10))


def failing_part(
    part: str, *, transient: Collection[int], permanent: Collection[int]
) -> Callable[[Send], Send]:
    """A broadcaster send that fails one part: once with a 502 (not sent, so it is retried)
    for the `transient` chats, every time with a Bad Request for the `permanent` ones."""
    failed_once: set[int] = set()

    def wrap(send: Send) -> Send:
        async def sending(chat_id: int, text: str) -> None:
            if text == part and chat_id in transient and chat_id not in failed_once:
                failed_once.add(chat_id)
                raise NetworkError("Bad Gateway")
            if text == part and chat_id in permanent:
                raise BadRequest("Bad Request: can't parse entities")
            await send(chat_id, text)

        return sending

    return wrap


async def test_a_failure_on_part_3_resends_part_3_only_and_the_report_counts_exactly(
    tmp_path: Path,
) -> None:
    parts = telegram_parts(announcement_text(LONG))
    assert len(parts) == 3
    wrapper = failing_part(parts[2], transient={501}, permanent={502})
    async with running_bot(tmp_path, send_wrapper=wrapper) as bot:
        subscribe(bot)
        preview = only(await bot.say(ADMIN, f"/kunngjoring {LONG}"), "sendMessage", ADMIN)[-1]
        await bot.press(ADMIN, preview, "📣 Send")
        done = await report(bot)

        got = {
            chat_id: [html.unescape(call.text) for call in bot.api.sent_to(chat_id)]
            for chat_id in SUBSCRIBERS
        }
        assert got == {501: parts, 502: parts[:2], 503: parts}  # parts 1–2 went once each
        assert "Levert til 2 chatter, 0 chatter deaktivert." in done.text
        assert "gikk ut som 3 meldinger" in done.text
        assert "1 chat fikk bare noen av meldingene" in done.text
        (sent,) = bot.storage.announcements.announcements(AnnouncementState.SENT)
        assert (sent.recipients, sent.delivered) == (3, 2)
        third = bot.store.delivery(DeliveryKey(502, "announcement", f"kunngjoring:{sent.id}:del3"))
        assert third is not None and third.state is DeliveryState.FAILED
        assert bot.errors == []


def locking_on_first_send(data_dir: Path, held: ExitStack) -> Callable[[Send], Send]:
    """A broadcaster send that, as the first message goes out, lets another process take the
    database's write lock (held until the test closes `held`)."""

    taken: list[int] = []

    def wrap(send: Send) -> Send:
        async def sending(chat_id: int, text: str) -> None:
            if not taken:
                taken.append(chat_id)
                held.enter_context(write_lock(data_dir))
            await send(chat_id, text)

        return sending

    return wrap


async def test_an_announcement_stopped_by_a_locked_database_goes_out_once_it_is_free(
    tmp_path: Path,
) -> None:
    with ExitStack() as held:
        async with running_bot(tmp_path, send_wrapper=locking_on_first_send(tmp_path, held)) as bot:
            subscribe(bot)
            preview = one(await bot.say(ADMIN, f"/kunngjoring {TEXT}"), "sendMessage", ADMIN)
            await bot.press(ADMIN, preview, "📣 Send")
            stopped = await bot.api.wait_for(lambda call: "stoppet på veien" in call.text, 30.0)
            assert stopped.chat_id == ADMIN
            held.close()  # the other process lets go of the lock

            done = await bot.api.wait_for(lambda c: "Kunngjøringen er sendt" in c.text, 30.0)
            # Tried again after the backoff, without a restart. The first chat got it while the
            # lock came, but its "sent" could not be written: counted as uncertain, not resent.
            assert "Levert til 2 chatter" in done.text
            assert "1 chat kunne ikke leveres" in done.text
            text = f"📣 Kunngjøring\n\n{TEXT}"
            assert received(bot) == {chat_id: [text] for chat_id in SUBSCRIBERS}
