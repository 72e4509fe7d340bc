"""Fixtures: a bot with subscriptions over the real knowledge base on 10 September 2020."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.subscriptions.helpers import ROOT, Bot, Clock, oslo, running_bot

NOW = oslo(2020, 9, 10, 12, 0)  # next: DEKOM begynneropplæring 18 Sep, engelsk 1 Oct


@pytest.fixture(autouse=True)
def ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
async def bot(tmp_path: Path, clock: Clock) -> AsyncIterator[Bot]:
    async with running_bot(tmp_path / "data", ROOT / "knowledge", clock) as running:
        yield running
