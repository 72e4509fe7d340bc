"""Free text goes to the engine; buttons under the answer lead on."""

from __future__ import annotations

from datetime import datetime

from bot.conversation import Conversation, OtherMessage, decode
from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeBase
from bot.core.memory import Memory
from bot.core.reply import Intent, Reply, Suggestion
from bot.runtime.live import LiveKnowledge
from tests.conversation.conftest import NOW, PRIVATE
from tests.conversation.talk import button_data, labels, one, press, say


async def test_question_gets_the_engines_answer_with_source(conversation: Conversation) -> None:
    answer = one(await say(conversation, "Hva er DEKOM?"))
    assert answer.text.startswith("DEKOM er den desentraliserte ordningen")
    assert answer.footer == "Kilde: Gauldalsregionen – Velkommen til Gauldalsregionen"


async def test_follow_up_buttons_come_from_related_entries(
    conversation: Conversation, kb: KnowledgeBase
) -> None:
    answer = one(await say(conversation, "Hva er DEKOM?"))
    targets = [decode(row[0].data).argument for row in answer.buttons]
    assert targets == list(kb["dekom"].related)
    assert labels(answer) == [
        "Stortingsmelding 21",
        "Tilskuddsordningene for lokal…",
        "Ny modell for kompetanseutvikling i skolen…",
    ]
    follow = one(await press(conversation, button_data(answer, "Stortingsmelding 21")))
    assert follow.title == "Stortingsmelding 21"
    assert follow.replace is False  # the first answer stays in the chat
    assert "Stortingsmelding 21 beskriver" in follow.text


async def test_unsure_engine_offers_up_to_three_choices(conversation: Conversation) -> None:
    unsure = one(await say(conversation, "kompetanse"))
    assert "Mente du …?" in unsure.text
    assert 1 <= len(unsure.buttons) <= 3
    chosen = unsure.buttons[0][0]
    assert decode(chosen.data).code == "m"
    answer = one(await press(conversation, chosen.data))
    assert answer.replace is True  # the answer takes the place of the question
    assert "Mente du" not in answer.text


class UnsureEngine(Engine):
    """Always unsure, with four suggestions: the conversation must offer three."""

    def ask(self, question: str, now: datetime, memory: Memory | None = None) -> Reply:
        ids = ("dekom", "rekom", "kompetanseloftet", "lesing")
        suggestions = tuple(Suggestion(i, self.kb[i].title) for i in ids)
        return Reply("Jeg er ikke helt sikker. Mente du …?", False, Intent.UNKNOWN, (), suggestions)


async def test_choices_are_capped_at_three_and_answer_the_chosen_entry(
    kb: KnowledgeBase,
) -> None:
    conversation = Conversation(LiveKnowledge.of(kb, UnsureEngine(kb)), clock=lambda: NOW)
    unsure = one(await say(conversation, "noe uklart"))
    assert [decode(row[0].data).argument for row in unsure.buttons] == [
        "dekom",
        "rekom",
        "kompetanseloftet",
    ]
    answer = one(await press(conversation, unsure.buttons[1][0].data))
    assert answer.title == kb["rekom"].title
    expected = conversation.engine.answer_entry("rekom", NOW)
    assert expected is not None
    assert answer.text == expected.text


async def test_invalid_input_is_passed_through_to_the_engines_message(
    conversation: Conversation,
) -> None:
    assert "Skriv et spørsmål" in one(await say(conversation, "   ")).text
    assert "for langt" in one(await say(conversation, "hvorfor " * 200)).text
    assert "bare tekst" in one(await say(conversation, "🙂🎉")).text
    assert "Skriv et spørsmål" in one(await say(conversation, "\x00\x07\x1b")).text


async def test_a_sticker_in_private_gets_a_text_only_hint(conversation: Conversation) -> None:
    hint = one(await conversation.handle(OtherMessage(PRIVATE, "sticker")))
    assert hint.text.startswith("Jeg forstår bare tekst.")


async def test_list_answers_get_one_button_per_entry(conversation: Conversation) -> None:
    listing = one(await say(conversation, "hvilke ordninger finnes?"))
    assert "Kompetanseløftet" in labels(listing)
    assert len(listing.buttons) >= 3
