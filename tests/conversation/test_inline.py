"""Inline mode lists the best answers, each ready to post in another chat."""

from __future__ import annotations

from bot.conversation import Conversation


def test_inline_lists_the_answer_first_then_related_entries(conversation: Conversation) -> None:
    answers = conversation.inline("Hva er DEKOM?")
    assert answers[0].title == "Desentralisert ordning for kompetanseutvikling i skolen (DEKOM)"
    assert answers[0].message.title == "Hva er DEKOM?"
    assert answers[0].message.text.startswith("DEKOM er")
    assert [a.title for a in answers[1:]][:1] == ["Stortingsmelding 21"]
    assert len(answers) <= 5
    assert len({a.id for a in answers}) == len(answers)


def test_inline_offers_the_choices_when_unsure(conversation: Conversation) -> None:
    answers = conversation.inline("kompetanse")
    assert 1 <= len(answers) <= 3
    assert all("Mente du" not in a.message.text for a in answers)


def test_empty_inline_query_shows_the_next_samling(conversation: Conversation) -> None:
    (answer,) = conversation.inline("   ")
    assert answer.title == "Neste samling"
    assert "18. september 2020" in answer.message.text


def test_inline_ignores_nonsense(conversation: Conversation) -> None:
    assert conversation.inline("🙂🙂") == []
