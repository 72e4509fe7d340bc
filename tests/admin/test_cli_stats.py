"""`python -m bot stats` prints the /statistikk table in a terminal; `check` warns."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from bot.storage import SqliteStorage, database_path
from tests.admin.helpers import NOW

ROOT = Path(__file__).resolve().parents[2]


def bot(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN_IDS"))}
    env["BOT_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_stats_prints_the_numbers_and_a_row_per_day(tmp_path: Path) -> None:
    with SqliteStorage.open(database_path(tmp_path)) as storage:
        tables = storage.questions
        tables.log_question(NOW, "Hva er DEKOM?", "dekom", "dekom", True, "what_is")
        tables.log_question(NOW, "hva er dekom", "dekom", "dekom", True, "what_is")
        earlier = NOW - timedelta(days=2)
        tables.log_question(earlier, "Får vi lunsj?", "lunsj", None, False, "unknown")
        storage.subscriptions.subscribe(501, NOW)
    result = bot("stats", "--days", "7", "--now", NOW.isoformat(), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Siste 7 dager (04.09.2020–10.09.2020):" in out
    assert "Spørsmål: 3 (i snitt 0,4 per dag)" in out
    assert "Besvart: 67 % (2 av 3)" in out
    assert "Abonnenter: 1" in out
    assert "1. Desentralisert ordning for kompetanseutvikling i skolen (DEKOM) (2)" in out
    assert "1. «Får vi lunsj?» ×1" in out
    assert "Dato        Spørsmål  Besvart" in out
    assert "08.09.2020         1      0 %" in out
    assert "10.09.2020         2    100 %" in out
    assert "09.09.2020         0        –" in out


def test_stats_without_a_database_says_so_and_creates_none(tmp_path: Path) -> None:
    result = bot("stats", data_dir=tmp_path / "tom")
    assert result.returncode == 1
    assert "Fant ingen database" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "tom").exists()


def test_check_prints_warnings_after_the_summary_and_still_succeeds(tmp_path: Path) -> None:
    result = bot("check", "--now", "2028-01-10T12:00+01:00", data_dir=tmp_path)
    assert result.returncode == 0
    summary, *warnings = result.stdout.splitlines()
    assert summary.startswith("Kunnskapsbasen er i orden")
    assert warnings and all(line.startswith("Advarsel: knowledge/") for line in warnings)
    assert any(": url: kilden har ingen nettadresse" in line for line in warnings)
    assert any(": dekom: updated: sist oppdatert" in line for line in warnings)
