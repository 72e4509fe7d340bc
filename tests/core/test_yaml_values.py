"""Scalar values: texts, ids, dates, times and choices, and what YAML reads them as when they
are written without quotes (bot/core/yaml_values.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.knowledge_files import (
    event_with,
    problem_in_events,
    topic_with,
    where,
)


def test_no_in_a_title_is_read_as_false(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: engelsk
          kind: topic
          title: no
          answer: Engelsk på barnetrinnet.
          source: udir-dekom
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 3, "engelsk", "title")
    assert problem.message == (
        "'no' ble lest som en sannhetsverdi (false); skriv teksten i anførselstegn: \"no\""
    )


def test_an_unquoted_time_is_read_as_a_number(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("start_time: 9:30"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "start_time")
    assert problem.message == (
        '9:30 ble lest som tallet 570; skriv klokkeslett i anførselstegn, f.eks. "09:30"'
    )


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("09:30", 'skriv klokkeslett i anførselstegn: "09:30"'),
        ('"9.30"', "'9.30' er ikke et klokkeslett; skriv TT:MM mellom 00:00 og 23:59"),
        ('"24:00"', "'24:00' er ikke et klokkeslett; skriv TT:MM mellom 00:00 og 23:59"),
        ("[10:00]", 'skal være et klokkeslett ("TT:MM"), ikke en liste'),
    ],
)
def test_a_time_must_be_quoted_hours_and_minutes(
    tmp_path: Path, written: str, message: str
) -> None:
    problem = problem_in_events(
        tmp_path,
        f"""\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          end_time: {written}
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "end_time")
    assert problem.message.startswith(message)


def test_a_number_as_title_must_be_quoted(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: aarsplan
          kind: topic
          title: 2024
          answer: Planen for året.
          source: udir-dekom
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 3, "aarsplan", "title")
    assert problem.message == '2024 ble lest som et tall; skriv teksten i anførselstegn: "2024"'


def test_an_impossible_date_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-02-30
        """,
    )
    assert where(problem) == ("samlinger.yaml", 6, "samling", "start")
    assert problem.message == "ugyldig dato 2020-02-30; den dagen finnes ikke"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("18.09.2020", "skriv datoen som ÅÅÅÅ-MM-DD: 2020-09-18"),
        ("2020-09-18T09:30:00", "skal være bare en dato (ÅÅÅÅ-MM-DD), uten klokkeslett"),
        ('"2020-9-8"', "'2020-9-8' er ikke en dato; skriv ÅÅÅÅ-MM-DD"),
        ("20200918", "skal være en dato (ÅÅÅÅ-MM-DD)"),
    ],
)
def test_a_date_must_be_written_year_month_day(tmp_path: Path, written: str, message: str) -> None:
    problem = problem_in_events(
        tmp_path,
        f"""\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: {written}
          start: 2020-09-18
        """,
    )
    assert where(problem) == ("samlinger.yaml", 5, "samling", "updated")
    assert problem.message.startswith(message)


def test_a_text_where_a_list_is_expected_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, topic_with("tags: lesing"))
    assert where(problem) == ("samlinger.yaml", 7, "lesing", "tags")
    assert problem.message.startswith("skal være en liste")


def test_an_empty_text_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: topic
          title: ""
          answer: Om lesing.
          source: udir-dekom
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 3, "lesing", "title")
    assert problem.message == "er tom; skriv en tekst eller fjern feltet"


def test_an_id_must_be_a_slug(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: Lesing på 1. trinn
          kind: topic
          title: Lesing
          answer: Om lesing.
          source: udir-dekom
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 1, "Lesing på 1. trinn", "id")
    assert problem.message.endswith("f.eks. 'lesing-pa-1-trinn'")


def test_format_is_digital_or_fysisk(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("format: Digitalt"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "format")
    assert problem.message == (
        "ukjent verdi 'Digitalt' — mente du 'digital'? (skriv digital eller fysisk)"
    )


def test_cancelled_is_true_or_false(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with('cancelled: "ja"'))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "cancelled")
    assert problem.message == "skal være true eller false (uten anførselstegn)"
