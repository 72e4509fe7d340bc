"""The coordinator tools run over the fake Bot API with PTB's future `retry_after` type."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
