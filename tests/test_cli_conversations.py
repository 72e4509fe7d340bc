"""`python -m bot ask --jsonl` with conversations: lines with the same "chat" value are one
conversation, in order, so a follow-up refers to what that chat asked before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def ask_jsonl(lines: list[dict[str, object]]) -> list[dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--jsonl"],
        input="".join(json.dumps(line) + "\n" for line in lines),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


NOW = "2020-09-10T12:00:00+02:00"
LATER = "2020-09-10T12:02:00+02:00"


def test_a_follow_up_in_the_same_chat_refers_to_the_last_topic() -> None:
    replies = ask_jsonl(
        [
            {"question": "fortell om engelsk på barnetrinnet", "now": NOW, "chat": "a"},
            {"question": "når er fristen da?", "now": LATER, "chat": "a"},
        ]
    )
    assert replies[1]["confident"] is True, replies[1]
    assert "24. september" in str(replies[1]["answer"])


def test_chats_are_kept_apart_when_their_lines_interleave() -> None:
    replies = ask_jsonl(
        [
            {"question": "fortell om engelsk på barnetrinnet", "now": NOW, "chat": "a"},
            {"question": "hva er REKOM?", "now": NOW, "chat": "b"},
            {"question": "når er fristen da?", "now": LATER, "chat": "a"},
            {"question": "hvem passer den for?", "now": LATER, "chat": "b"},
        ]
    )
    assert "24. september" in str(replies[2]["answer"]), replies[2]
    assert replies[3]["confident"] is True, replies[3]
    assert "barnehage" in str(replies[3]["answer"]).lower(), replies[3]


def test_a_line_without_chat_stands_alone() -> None:
    replies = ask_jsonl(
        [
            {"question": "hva er REKOM?", "now": NOW},
            {"question": "hvem passer den for?", "now": LATER},
        ]
    )
    assert replies[1]["confident"] is False, replies[1]


def test_a_follow_up_in_another_chat_has_no_context() -> None:
    replies = ask_jsonl(
        [
            {"question": "hva er REKOM?", "now": NOW, "chat": "a"},
            {"question": "hvem passer den for?", "now": LATER, "chat": "b"},
        ]
    )
    assert replies[1]["confident"] is False, replies[1]


def test_a_chat_forgets_after_thirty_minutes_of_silence() -> None:
    replies = ask_jsonl(
        [
            {"question": "hva er REKOM?", "now": NOW, "chat": "a"},
            {"question": "hvem passer den for?", "now": "2020-09-10T12:45:00+02:00", "chat": "a"},
        ]
    )
    assert replies[1]["confident"] is False, replies[1]


def test_a_chat_value_that_is_not_a_string_is_an_invalid_line() -> None:
    replies = ask_jsonl(
        [
            {"question": "hva er DEKOM?", "now": NOW, "chat": 7},
            {"question": "hva er DEKOM?", "now": NOW, "chat": "7"},
        ]
    )
    assert replies[0]["intent"] == "invalid"
    assert "chat" in str(replies[0]["answer"])
    assert replies[1]["confident"] is True
