"""The terminal chat runs the same conversation: commands and numbered buttons work."""

from __future__ import annotations

import io

from bot.channels.terminal import run_terminal_chat
from bot.conversation import Conversation


def chat(conversation: Conversation, *lines: str) -> str:
    out = io.StringIO()
    assert run_terminal_chat(conversation, io.StringIO("\n".join(lines) + "\n"), out) == 0
    return out.getvalue()


def test_commands_and_numbered_buttons(conversation: Conversation) -> None:
    output = chat(conversation, "/start", "1", "/avslutt", "Hva er DEKOM?")
    assert "Velkommen til Kompetansebot 👋\n─" in output
    assert "  [1] 📅 Neste samling" in output
    assert "Skriv et tall for å velge." in output
    assert "Neste samling er «DEKOM – begynneropplæring i samarbeid med NTNU»" in output
    assert "DEKOM er den desentraliserte" not in output  # after /avslutt
    assert output.endswith("Ha det bra!\n")


def test_number_without_buttons_is_a_question(conversation: Conversation) -> None:
    output = chat(conversation, "/hjelp", "7")
    help_part, _, answer = output.partition("Det vet jeg dessverre ikke")
    assert "[1]" not in help_part  # /hjelp shows no buttons, so "7" is asked as a question
    assert answer  # ... and the "vet ikke" answer offers topic buttons of its own
    assert "[1]" in answer


def test_choosing_a_suggestion_and_a_bad_number(conversation: Conversation) -> None:
    output = chat(conversation, "/samlinger", "6", "99")
    assert "Tidligere samlinger\n───" in output  # button 6 toggles to the past samlinger
    assert "Planleggingsdag skole" in output


def test_source_line_is_shown(conversation: Conversation) -> None:
    output = chat(conversation, "Hva er DEKOM?")
    assert "Kilde: Gauldalsregionen" in output
