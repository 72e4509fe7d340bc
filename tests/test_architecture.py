"""scripts/check_architecture.py: the layering rules hold for bot/, and each rule is caught."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "check_architecture.py"


def run(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, timeout=60
    )


def test_the_rules_hold_for_the_bot() -> None:
    result = run(ROOT)
    assert result.returncode == 0, result.stdout
    assert "Architecture rules hold." in result.stdout


def write(root: Path, path: str, text: str) -> None:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")


def test_every_rule_is_caught_with_file_and_line(tmp_path: Path) -> None:
    for package in ("bot", "bot/core", "bot/channels", "bot/runtime", "bot/storage"):
        write(tmp_path, f"{package}/__init__.py", "")
    write(tmp_path, "bot/core/big.py", "x = 1\n" * 451)
    write(
        tmp_path, "bot/core/leaky.py", "import json\nfrom bot.app import build\nimport telegram\n"
    )
    write(tmp_path, "bot/channels/adapter.py", "from bot.runtime.jobs import JobRunner\n")
    write(tmp_path, "bot/runtime/jobs.py", "import sqlite3\nfrom bot.runtime import loop\n")
    write(tmp_path, "bot/runtime/loop.py", "from bot.runtime.jobs import JobRunner\n")
    write(tmp_path, "bot/storage/db.py", "import sqlite3\n")
    write(
        tmp_path,
        "bot/runtime/typed.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from bot.runtime import loop\n",
    )
    write(tmp_path, "bot/app.py", "def build() -> None: ...\n")
    result = run(tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "bot/core/big.py: 451 lines; a module of bot/ has at most 450" in lines
    assert any(line.startswith("bot/core/leaky.py:2: bot/core imports bot.app") for line in lines)
    assert any(line.startswith("bot/core/leaky.py:3: bot/core imports telegram") for line in lines)
    assert any(line.startswith("bot/channels/adapter.py:1: bot/channels imports") for line in lines)
    assert any(line.startswith("bot/runtime/jobs.py:1:") and "sqlite3" in line for line in lines)
    assert not any(line.startswith("bot/storage/db.py") for line in lines)
    assert "import cycle: bot.runtime.jobs -> bot.runtime.loop -> bot.runtime.jobs" in lines
    assert not any("typed" in line for line in lines)  # TYPE_CHECKING imports do not count
    assert lines[-1].startswith("6 architecture rule(s) broken")
