"""Channel tests use PTB's future `retry_after` type, as the bot does (see bot.app)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
