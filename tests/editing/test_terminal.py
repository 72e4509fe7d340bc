"""The guided /nysamling in `python -m bot chat`: the same dialogue as on Telegram, with the
buttons as numbered choices; the samling is saved and answered at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.editing.conftest import ROOT


def test_a_coordinator_adds_a_samling_in_the_terminal(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge)
    typed = [
        "/nysamling",
        "Nettverkssamling skole",
        "14.01.2027",
        "9",
        "hopp over",
        "1",  # [1] Fysisk oppmøte
        "Oppdal kulturhus",
        "2",  # [2] skole
        "ferdig",
        "hopp over",
        "hopp over",
        "hopp over",
        "hopp over",
        "hopp over",
        "1",  # [1] Lagre
        "Nettverkssamling skole",
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN_IDS"))}
    env.update(ADMIN_IDS="0", BOT_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--kb", str(knowledge), "--now", "2026-12-01T10:00"],
        input="\n".join(typed) + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "  [1] Fysisk oppmøte\n" in out and "  [2] ✅ skole\n" in out
    assert "Slik ser lærerne samlingen" in out
    assert "Lagret: «Nettverkssamling skole»" in out
    assert out.count("«Nettverkssamling skole» er torsdag 14. januar 2027 kl. 09.00.") == 2
    assert "- id: nettverkssamling-skole-2027-01-14\n" in (knowledge / "samlinger.yaml").read_text(
        encoding="utf-8"
    )
