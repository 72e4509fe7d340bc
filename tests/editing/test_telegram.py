"""The guided /nysamling through the real PTB Application: ticking audiences edits the question
in place, "Ferdig" moves on."""

from __future__ import annotations

import pytest

from tests.channels.harness import running
from tests.editing.conftest import ADMIN, Editing
from tests.fake_bot_api import Call


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


def data(call: Call, label: str) -> str:
    return next(str(b["callback_data"]) for row in call.buttons for b in row if label in b["text"])


async def test_ticking_audiences_edits_the_question_and_ferdig_moves_on(editing: Editing) -> None:
    async with running(editing.bot.conversation) as telegram:
        updates = telegram.updates
        for text in ("/nysamling", "Nettverkssamling barnehage", "13.01.2027", "-", "-"):
            await telegram.send(updates.message(ADMIN, text))
        (question,) = await telegram.send(updates.message(ADMIN, "-"))  # no format: no place
        assert "Hvem er den for?" in question.text
        for label in ("barnehage", "ledere"):
            edits = await telegram.send(updates.button(ADMIN, data(question, label)))
            edited = next(c for c in edits if c.method == "editMessageText")
            question = edited
        assert "✅ barnehage" in question.button_labels and "✅ ledere" in question.button_labels
        moved_on = await telegram.send(updates.button(ADMIN, data(question, "Ferdig")))
        assert any("Hører den til en ordning?" in c.text for c in moved_on)
        assert telegram.errors == []
