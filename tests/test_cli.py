"""The command line as a coordinator or the eval script uses it: `python -m bot ask|check`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def bot(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_ask_prints_the_answer() -> None:
    result = bot("ask", "--now", "2020-09-10T12:00+02:00", "Når er neste samling?")
    assert result.returncode == 0
    assert "18. september 2020" in result.stdout
    assert "Traceback" not in result.stderr


def test_ask_json_has_the_eval_contract() -> None:
    result = bot("ask", "--json", "Hva er DEKOM?")
    reply = json.loads(result.stdout)
    assert set(reply) == {"answer", "confident", "intent", "matches", "suggestions"}
    assert reply["confident"] is True
    assert reply["matches"][0] == {
        "id": "dekom",
        "kind": "scheme",
        "title": reply["matches"][0]["title"],
        "score": reply["matches"][0]["score"],
    }


def test_ask_jsonl_answers_every_line_in_order_and_survives_bad_lines() -> None:
    lines = [
        json.dumps({"question": "hei", "now": "2026-11-22T12:00:00+01:00"}),
        "dette er ikke json",
        json.dumps({"question": 5}),
        json.dumps({"question": "neste samling", "now": "2020-10-05T12:00:00+02:00"}),
        json.dumps({"question": "neste samling", "now": "i går"}),
    ]
    result = bot("ask", "--jsonl", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == 5
    assert replies[0]["intent"] == "greeting"
    assert replies[1]["intent"] == "invalid"
    assert "Linje 2" in replies[1]["answer"]
    assert replies[2]["intent"] == "invalid"
    assert "21. oktober" in replies[3]["answer"]
    assert "Ugyldig tidspunkt" in replies[4]["answer"]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "Skriv et spørsmål"),
        ("   ", "Skriv et spørsmål"),
        ("a" * 10_000, "for langt"),
        ("😀🎉👍", "bare tekst"),
        ("\x07\x1b[31m\x7f", "Skriv et spørsmål"),
    ],
)
def test_bad_questions_get_a_norwegian_message_and_exit_1(question: str, message: str) -> None:
    result = bot("ask", question)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_control_characters_are_dropped_from_a_real_question() -> None:
    result = bot("ask", "--json", "hva er\x07 dekom\x1b[0m?")
    assert json.loads(result.stdout)["confident"] is True


def test_an_invalid_now_is_a_usage_error() -> None:
    result = bot("ask", "--now", "nesten jul", "neste samling")
    assert result.returncode == 2
    assert "Ugyldig tidspunkt" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_passes_on_the_real_knowledge_base() -> None:
    result = bot("check")
    assert result.returncode == 0
    summary, *warnings = result.stdout.strip().splitlines()
    assert summary.startswith("Kunnskapsbasen er i orden")
    assert all(line.startswith("Advarsel: ") for line in warnings)  # warnings never fail


def test_check_lists_each_problem_with_file_line_entry_and_field(tmp_path: Path) -> None:
    for name in ("sources.yaml", "vocabulary.yaml"):
        (tmp_path / name).write_text((ROOT / "knowledge" / name).read_text("utf-8"), "utf-8")
    (tmp_path / "samlinger.yaml").write_text(
        "- id: ny-samling\n"
        "  kind: event\n"
        "  title: no\n"
        "  source: gauldalsregionen\n"
        "  updated: 2026-11-22\n"
        "  start: 2021-02-30\n"
        "  start_time: 9:30\n",
        "utf-8",
    )
    result = bot("check", "--kb", str(tmp_path))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    problems = [line for line in lines if "samlinger.yaml:" in line]
    assert any(":3: ny-samling: title:" in line for line in problems)
    assert any(":6: ny-samling: start:" in line for line in problems)
    assert any(":7: ny-samling: start_time:" in line and "570" in line for line in problems)
    assert lines[-1].endswith("feil.")


def test_a_missing_knowledge_base_is_reported_not_a_traceback(tmp_path: Path) -> None:
    result = bot("ask", "--kb", str(tmp_path / "finnes-ikke"), "hei")
    assert result.returncode == 1
    assert "finnes ikke" in result.stderr
    assert "Traceback" not in result.stderr
