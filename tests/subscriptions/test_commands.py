"""/abonner, /mine, /avmeld, /kalender, /slettmeg and their buttons, as Telegram sees them."""

from __future__ import annotations

from datetime import timedelta

from bot.conversation import decode
from bot.core.reminders import ALL_EVENTS, DEFAULT_LEAD_TIMES, LeadTime, Scope, ScopeKind
from bot.subscriptions import parse_scope_code, scope_code
from tests.fake_bot_api import Call
from tests.subscriptions.conftest import NOW
from tests.subscriptions.helpers import ADMIN, Bot, calendar_of

ALICE = 1001
BOB = 1002
ENGELSK = "dekom-engelsk-barnetrinnet-2020"
BEGYNNER = "dekom-begynneropplaering-2020"


def only(calls: list[Call], method: str) -> list[Call]:
    return [call for call in calls if call.method == method]


def data_of(call: Call, label: str) -> str:
    for row in call.buttons:
        for button in row:
            if button["text"] == label:
                return str(button["callback_data"])
    raise AssertionError(f"no button {label!r} in {call.button_labels}")


def all_buttons_fit(call: Call) -> None:
    for row in call.buttons:
        for button in row:
            assert len(button["callback_data"].encode()) <= 64
            decode(button["callback_data"])


async def test_abonner_subscribes_to_everything_in_one_step(bot: Bot) -> None:
    (sent,) = only(await bot.message(ALICE, "/abonner"), "sendMessage")
    assert (
        "Du får påminnelser om alle kommende samlinger: 1 uke før, 1 dag før og 2 dager før "
        "påmeldingsfristen. Vil du snevre inn?"
    ) in sent.text
    assert "DEKOM – begynneropplæring" in sent.text  # the coming samlinger are listed
    assert sent.button_labels[:4] == ["Barnehage", "Skole", "Ledere", "PPT"]
    assert {"DEKOM", "REKOM", "Kompetanseløftet", "Gauldalsregionen"} <= set(sent.button_labels)
    assert "🎯 Én samling" in sent.button_labels
    all_buttons_fit(sent)
    (subscription,) = bot.store.subscriptions(ALICE)
    assert subscription.scope == ALL_EVENTS
    assert subscription.lead_times == DEFAULT_LEAD_TIMES
    again = only(await bot.message(ALICE, "/abonner"), "sendMessage")[0]
    assert "Du får allerede påminnelser om alle kommende samlinger" in again.text
    assert len(bot.store.subscriptions(ALICE)) == 1
    assert bot.errors == []


async def test_narrowing_by_audience_scheme_region_and_one_event(bot: Bot) -> None:
    menu = only(await bot.message(ALICE, "/abonner"), "sendMessage")[0]
    for label, scope in (
        ("Barnehage", "audience:barnehage"),
        ("DEKOM", "scheme:dekom"),
        ("Gauldalsregionen", "region:gauldalsregionen"),
    ):
        calls = await bot.press(ALICE, data_of(menu, label))
        (edited,) = only(calls, "editMessageText")
        assert "Lagret. Nå får du bare påminnelser om" in edited.text
        assert only(calls, "answerCallbackQuery")[0].params.get("text") == "✅ Lagret"
        assert [str(s.scope) for s in bot.store.subscriptions(ALICE)] == [scope]
    assert "samlinger for barnehage" in str(bot.api.calls_to("editMessageText")[0].text)

    calls = await bot.press(ALICE, data_of(menu, "🎯 Én samling"))
    (choices,) = only(calls, "editMessageText")
    assert "Hvilken samling" in choices.text
    label = next(label for label in choices.button_labels if "Engelsk" in label)
    calls = await bot.press(ALICE, data_of(choices, label))
    assert "«DEKOM – Engelsk på barnetrinnet»" in only(calls, "editMessageText")[0].text
    (subscription,) = bot.store.subscriptions(ALICE)
    assert subscription.scope == Scope(ScopeKind.EVENT, ENGELSK)

    calls = await bot.press(ALICE, data_of(only(calls, "editMessageText")[0], "↩️ Alle samlinger"))
    assert [s.scope for s in bot.store.subscriptions(ALICE)] == [ALL_EVENTS]
    assert (
        "Nå får du påminnelser om alle kommende samlinger" in only(calls, "editMessageText")[0].text
    )


async def test_lead_times_are_toggled_per_subscription(bot: Bot) -> None:
    menu = only(await bot.message(ALICE, "/abonner"), "sendMessage")[0]
    calls = await bot.press(ALICE, data_of(menu, "⏰ Velg tidspunkter"))
    (toggles,) = only(calls, "editMessageText")
    assert toggles.button_labels[:4] == [
        "✅ 1 uke før",
        "✅ 1 dag før",
        "⬜ Samme morgen (08:00)",
        "✅ 2 dager før fristen",
    ]
    calls = await bot.press(ALICE, data_of(toggles, "⬜ Samme morgen (08:00)"))
    toggles = only(calls, "editMessageText")[0]
    assert "✅ Samme morgen (08:00)" in toggles.button_labels
    for label in ("✅ 1 uke før", "✅ 1 dag før", "✅ 2 dager før fristen"):
        calls = await bot.press(ALICE, data_of(toggles, label))
        toggles = only(calls, "editMessageText")[0]
    (subscription,) = bot.store.subscriptions(ALICE)
    assert subscription.lead_times == {LeadTime.MORNING}
    calls = await bot.press(ALICE, data_of(toggles, "✅ Samme morgen (08:00)"))
    assert only(calls, "answerCallbackQuery")[0].params["text"].startswith("Velg minst ett")
    assert bot.store.subscriptions(ALICE)[0].lead_times == {LeadTime.MORNING}


async def test_mine_lists_each_subscription_with_change_and_remove(bot: Bot) -> None:
    none = only(await bot.message(ALICE, "/mine"), "sendMessage")[0]
    assert "Du abonnerer ikke på noe" in none.text
    assert none.button_labels == ["🔔 Abonner på alle samlinger"]
    bot.store.subscribe(ALICE, NOW, Scope.parse("audience:barnehage"))
    bot.store.subscribe(ALICE, NOW, Scope.parse(f"event:{ENGELSK}"), {LeadTime.DAY})
    (mine,) = only(await bot.message(ALICE, "/mine"), "sendMessage")
    assert "1. Samlinger for barnehage: 1 uke før, 1 dag før og 2 dager før" in mine.text
    assert "2. «DEKOM – Engelsk på barnetrinnet»: 1 dag før" in mine.text
    assert mine.button_labels[:4] == [
        "⏰ 1: Endre tidspunkter",
        "🗑 1: Fjern",
        "⏰ 2: Endre tidspunkter",
        "🗑 2: Fjern",
    ]
    all_buttons_fit(mine)
    calls = await bot.press(ALICE, data_of(mine, "🗑 1: Fjern"))
    notice = only(calls, "answerCallbackQuery")[0].params["text"]
    assert notice == "Fjernet: samlinger for barnehage"
    (listing,) = only(calls, "editMessageText")
    assert "1. «DEKOM – Engelsk på barnetrinnet»: 1 dag før" in listing.text
    calls = await bot.press(ALICE, data_of(mine, "🗑 1: Fjern"))  # the old button again
    assert "finnes ikke lenger" in only(calls, "answerCallbackQuery")[0].params["text"]


async def test_avmeld_asks_first_then_removes_all(bot: Bot) -> None:
    await bot.message(ALICE, "/abonner")
    bot.store.subscribe(ALICE, NOW, Scope.parse(f"event:{ENGELSK}"))
    (asked,) = only(await bot.message(ALICE, "/avmeld"), "sendMessage")
    assert asked.text.startswith("Vil du melde av alle (2 abonnementer)?")
    assert asked.button_labels == ["🗑 Meld av alle", "Avbryt"]
    assert len(bot.store.subscriptions(ALICE)) == 2  # nothing removed by asking
    (kept,) = only(await bot.press(ALICE, data_of(asked, "Avbryt")), "editMessageText")
    assert kept.text == "Greit, ingenting er endret."
    assert len(bot.store.subscriptions(ALICE)) == 2
    (done,) = only(await bot.press(ALICE, data_of(asked, "🗑 Meld av alle")), "editMessageText")
    assert "du får ingen flere påminnelser (2 abonnementer fjernet)" in done.text
    assert bot.store.subscriptions(ALICE) == []
    (sent,) = only(await bot.message(ALICE, "/avmeld"), "sendMessage")
    assert "ingenting å melde av" in sent.text


async def test_slettmeg_asks_first_and_says_in_words_what_it_deleted(bot: Bot) -> None:
    await bot.message(ALICE, "/abonner")
    await bot.message(BOB, "/abonner")
    for question in ("Hva er DEKOM?", "Når er neste samling?", "Hvor er styrersamlingen?"):
        await bot.message(ALICE, question)
    await bot.message(BOB, "Hva er REKOM?")
    (asked,) = only(await bot.message(ALICE, "/slettmeg"), "sendMessage")
    assert "3 spørsmål, 1 abonnement og chat-id-en" in asked.text
    assert "rader" not in asked.text
    assert [label for label in asked.button_labels if "Slett" in label] == ["🗑 Slett alt"]
    assert bot.storage.about_chat(ALICE).questions == 3  # asking deletes nothing
    (done,) = only(await bot.press(ALICE, data_of(asked, "🗑 Slett alt")), "editMessageText")
    assert done.text.startswith("Slettet: 3 spørsmål, 1 abonnement og chat-id-en.")
    assert bot.storage.rows_about_chat(ALICE) == 0
    assert bot.store.chat(ALICE) is None
    bob = bot.storage.about_chat(BOB)  # others are untouched
    assert (bob.questions, bob.subscriptions, bob.chat) == (1, 1, 1)
    (sent,) = only(await bot.message(ALICE, "/slettmeg"), "sendMessage")
    assert "Jeg har ikke lagret noe om denne chatten" in sent.text


async def test_kalender_sends_an_ics_of_the_chats_scope(bot: Bot) -> None:
    (document,) = only(await bot.message(ALICE, "/kalender"), "sendDocument")
    everything = calendar_of(document)
    uids = [str(event["UID"]) for event in everything.walk("VEVENT")]
    assert f"{BEGYNNER}@kompetansebot" in uids
    assert "skoleledersamling-2020@kompetansebot" in uids  # cancelled, but not over
    cancelled = next(e for e in everything.walk("VEVENT") if "skoleleder" in str(e["UID"]))
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert "kommende samlinger (alle kommende samlinger)" in document.text

    bot.store.subscribe(ALICE, NOW, Scope.parse("audience:barnehage"), {LeadTime.MORNING})
    (document,) = only(await bot.message(ALICE, "/kalender"), "sendDocument")
    mine = calendar_of(document)
    events = list(mine.walk("VEVENT"))
    assert {str(e["UID"]).split("@")[0] for e in events} == {
        "styrersamling-barnehage-2020",
        "ledersamling-barnehage-2021",
    }
    for event in events:
        triggers = [alarm.decoded("TRIGGER") for alarm in event.walk("VALARM")]
        assert triggers == [timedelta(hours=8)]  # "samme morgen": 08:00 on the day
        assert str(event["SEQUENCE"]) == "0"
    assert "(abonnementene dine)" in document.text


async def test_remind_me_and_add_to_calendar_under_a_coming_samling(bot: Bot) -> None:
    (answer,) = only(await bot.message(ALICE, "/neste"), "sendMessage")
    assert answer.button_labels[:2] == ["🔔 Påminn meg", "📅 Legg i kalender"]
    calls = await bot.press(ALICE, data_of(answer, "🔔 Påminn meg"))
    assert only(calls, "answerCallbackQuery")[0].params["text"] == "🔔 Påminnelse lagt inn"
    (confirmation,) = only(calls, "sendMessage")
    assert "🔔 Du får påminnelse om «DEKOM – begynneropplæring i samarbeid med NTNU»" in (
        confirmation.text
    )
    assert "• 1 uke før: fredag 11. september 2020 kl. 09.00\n" in confirmation.text
    assert "• 1 dag før: torsdag 17. september 2020 kl. 09.00\n" in confirmation.text
    assert "Samlingen har ingen påmeldingsfrist, så det kommer ingen påminnelse om fristen." in (
        confirmation.text
    )
    assert "for sent" not in confirmation.text  # it is 8 days away
    (subscription,) = bot.store.subscriptions(ALICE)
    assert subscription.scope == Scope(ScopeKind.EVENT, BEGYNNER)
    calls = await bot.press(ALICE, data_of(answer, "🔔 Påminn meg"))
    assert "allerede" in only(calls, "answerCallbackQuery")[0].params["text"]

    calls = await bot.press(ALICE, data_of(answer, "📅 Legg i kalender"))
    (document,) = only(calls, "sendDocument")
    calendar = calendar_of(document)
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"{BEGYNNER}@kompetansebot"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert len(event.walk("VALARM")) == 2  # 1 uke og 1 dag før; this one has no deadline
    assert calendar.walk("VTIMEZONE") or event["DTSTART"].params.get("VALUE") == "DATE"
    assert bot.errors == []


async def test_reload_is_for_admins_only(bot: Bot) -> None:
    (sent,) = only(await bot.message(ALICE, "/oppdater"), "sendMessage")
    assert "bare for koordinator" in sent.text
    (sent,) = only(await bot.message(ADMIN, "/oppdater"), "sendMessage")
    assert "Kunnskapsbasen er oppdatert:" in sent.text


async def test_commands_are_in_the_menu_and_help(bot: Bot) -> None:
    names = [name for name, _ in bot.conversation.commands.menu()]
    for name in ("abonner", "mine", "kalender", "avmeld", "slettmeg"):
        assert name in names
    assert "oppdater" not in names
    (help_text,) = only(await bot.message(ALICE, "/hjelp"), "sendMessage")
    assert "/abonner – Få påminnelser om samlinger" in help_text.text
    (admin_help,) = only(await bot.message(ADMIN, "/hjelp"), "sendMessage")
    assert "/oppdater" in admin_help.text


def test_scope_codes_round_trip() -> None:
    for text in (
        "all",
        "audience:ppt",
        "scheme:dekom",
        "region:gauldalsregionen",
        f"event:{ENGELSK}",
    ):
        scope = Scope.parse(text)
        assert parse_scope_code(scope_code(scope)) == scope
    assert parse_scope_code("x.y") is None
    assert parse_scope_code("a.") is None
