"""The commands a teacher sees in the menu, answered as of 10 September 2020."""

from __future__ import annotations

from bot.conversation import Conversation, decode
from tests.conversation.talk import button_data, labels, one, press, say


async def test_start_says_what_the_bot_can_do_and_offers_buttons(
    conversation: Conversation,
) -> None:
    welcome = one(await say(conversation, "/start"))
    assert welcome.title == "Velkommen til Kompetansebot 👋"
    assert "samlinger" in welcome.text
    assert "DEKOM" in welcome.text
    assert "«Når er neste samling?»" in welcome.text
    assert labels(welcome) == [
        "📅 Neste samling",
        "🗓 Kommende samlinger",
        "📚 Ordninger",
        "🎯 Fokusområder",
        "❓ Hjelp",
    ]


async def test_start_buttons_do_what_they_say(conversation: Conversation) -> None:
    welcome = one(await say(conversation, "/start"))
    following = one(await press(conversation, button_data(welcome, "📅 Neste samling")))
    assert "18. september 2020" in following.text
    schemes = one(await press(conversation, button_data(welcome, "📚 Ordninger")))
    assert schemes.title == "Ordninger"
    help_message = one(await press(conversation, button_data(welcome, "❓ Hjelp")))
    assert "/neste" in help_message.text


async def test_deep_link_answers_that_samling(conversation: Conversation) -> None:
    answer = one(await say(conversation, "/start samling_dekom-engelsk-barnetrinnet-2020"))
    assert "«DEKOM – Engelsk på barnetrinnet» er torsdag 1. oktober 2020" in answer.text
    assert "Påmeldingsfristen er torsdag 24. september 2020" in answer.text
    assert answer.footer is not None and answer.footer.startswith("Kilde:")


async def test_deep_link_to_a_topic(conversation: Conversation) -> None:
    answer = one(await say(conversation, "/start tema_rekom"))
    assert answer.title is not None and "REKOM" in answer.title


async def test_deep_link_to_something_unknown_still_welcomes(conversation: Conversation) -> None:
    for payload in ("samling_finnes-ikke", "samling_dekom", "tema_", "x" * 80, "æøå"):
        welcome = one(await say(conversation, f"/start {payload}"))
        assert welcome.title == "Velkommen til Kompetansebot 👋"
        assert welcome.text.startswith("Lenken du fulgte, peker på noe jeg ikke finner lenger.")


async def test_next_answers_the_coming_samling(conversation: Conversation) -> None:
    answer = one(await say(conversation, "/neste"))
    assert answer.text.startswith(
        "Neste samling er «DEKOM – begynneropplæring i samarbeid med NTNU», "
        "fredag 18. september 2020"
    )
    assert "Senere:" in answer.text


async def test_samlinger_lists_coming_samlinger_with_a_button_each(
    conversation: Conversation,
) -> None:
    listing = one(await say(conversation, "/samlinger"))
    assert listing.title == "Kommende samlinger"
    assert listing.replace is False
    assert "fredag 18. september 2020" in listing.text
    assert "Digital skoleledersamling (digitalt) – AVLYST" in listing.text
    assert "Planleggingsdag" not in listing.text  # held in 2019
    assert labels(listing) == [
        "18.09.2020 DEKOM – begynneropplæring i…",
        "01.10.2020 DEKOM – Engelsk på barnetrinnet",
        "21.10.2020 Digital styrersamling barnehage",
        "28.10.2020 Digital skoleledersamling (avlyst)",
        "20.01.2021 Digital ledersamling barnehage",
        "🕘 Tidligere samlinger",
    ]
    event = one(await press(conversation, button_data(listing, labels(listing)[1])))
    assert event.text.startswith("«DEKOM – Engelsk på barnetrinnet» er torsdag 1. oktober 2020")


async def test_past_samlinger_replace_the_list_and_lead_back(conversation: Conversation) -> None:
    listing = one(await say(conversation, "/samlinger"))
    past = one(await press(conversation, button_data(listing, "🕘 Tidligere samlinger")))
    assert past.title == "Tidligere samlinger"
    assert past.replace is True
    lines = past.text.splitlines()
    assert "Ledersamling barnehage på Oppdal" in lines[0]  # the latest first
    assert "Planleggingsdag skole" in lines[1]
    assert "– har vært" in lines[0]  # plain past tense: the page does not say how it went
    assert "gjennomført" not in past.text
    back = one(await press(conversation, button_data(past, "🗓 Kommende samlinger")))
    assert back.title == "Kommende samlinger"
    assert back.replace is True


async def test_ordninger_and_fokus_list_entries_with_buttons(conversation: Conversation) -> None:
    schemes = one(await say(conversation, "/ordninger"))
    assert "• Kompetanseløftet" in schemes.text
    assert "Kompetanseløftet" in labels(schemes)
    assert all(decode(b.data).code == "e" for row in schemes.buttons for b in row)
    focus = one(await say(conversation, "/fokus"))
    assert focus.title == "Fokusområder"
    assert labels(focus) == ["Læringsorientert ledelse", "Inkluderende læringsmiljø", "Lesing"]
    reading = one(await press(conversation, button_data(focus, "Lesing")))
    assert reading.title == "Lesing"


async def test_help_lists_the_commands(conversation: Conversation) -> None:
    for command in ("/hjelp", "/help", "/HJELP"):
        message = one(await say(conversation, command))
        assert "/samlinger – Kommende samlinger" in message.text
        assert "Nynorsk går fint" in message.text


async def test_unknown_command_in_private_gets_a_hint(conversation: Conversation) -> None:
    message = one(await say(conversation, "/abonner"))
    assert (
        message.text == "Kommandoen /abonner kjenner jeg ikke. Skriv /hjelp for å se hva jeg kan."
    )
    odd = one(await say(conversation, "/\u202eevil\u200b"))
    assert odd.text == "Den kommandoen kjenner jeg ikke. Skriv /hjelp for å se hva jeg kan."
