"""Inline mode: `@bot spørsmål` in any chat lists the best answers to pick from.

The chosen answer is posted in that chat under the user's name, so it repeats the question as
its title: the others in the chat see what was asked.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from bot.conversation import texts
from bot.conversation.messages import InlineAnswer, Outgoing
from bot.conversation.replies import shorten
from bot.core.reply import Intent, Reply

if TYPE_CHECKING:
    from datetime import datetime

    from bot.conversation.conversation import Conversation

MAX_ANSWERS = 5
TITLE_LENGTH = 64
DESCRIPTION_LENGTH = 120


def inline_answers(conversation: Conversation, query: str, now: datetime) -> list[InlineAnswer]:
    engine, kb = conversation.engine, conversation.kb
    query = " ".join(query.split())
    if not query:
        reply = engine.ask(texts.NEXT_QUESTION, now)
        return [_answer("neste", texts.INLINE_NEXT_TITLE, reply, texts.NEXT_QUESTION)]
    reply = engine.ask(query, now)
    if reply.intent is Intent.INVALID:
        return []
    results: list[InlineAnswer] = []
    if reply.confident:
        lead = kb.get(reply.matches[0].id) if reply.matches else None
        title = lead.title if lead is not None else shorten(reply.text, TITLE_LENGTH)
        results.append(_answer("svar", title, reply, query))
        others = list(lead.related) if lead is not None else []
    elif reply.suggestions:
        others = [suggestion.id for suggestion in reply.suggestions]
    else:
        return [_answer("ukjent", texts.INLINE_UNKNOWN_TITLE, reply, query)]
    for entry_id in others:
        if len(results) >= MAX_ANSWERS:
            break
        entry = kb.get(entry_id)
        answer = engine.answer_entry(entry_id, now)
        if entry is not None and answer is not None:
            results.append(_answer(f"e-{entry_id}", entry.title, answer, entry.title))
    return results


def _answer(key: str, title: str, reply: Reply, question: str) -> InlineAnswer:
    first_line = next((line for line in reply.text.splitlines() if line.strip()), "")
    return InlineAnswer(
        id=_result_id(key),
        title=shorten(title, TITLE_LENGTH),
        description=shorten(first_line.lstrip("• "), DESCRIPTION_LENGTH),
        message=Outgoing(reply.text, title=question, footer=reply.source),
    )


def _result_id(key: str) -> str:
    """Telegram allows 64 bytes; long keys are replaced by a stable hash."""
    if len(key.encode()) <= 64:
        return key
    return hashlib.sha256(key.encode()).hexdigest()[:32]
