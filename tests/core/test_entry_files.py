"""Entry files: rules of one entry, its kind and the dates of a samling
(bot/core/entry_files.py)."""

from __future__ import annotations

from pathlib import Path

from bot.core.loading import load_knowledge_base
from tests.core.knowledge_files import (
    event_with,
    problem_in_events,
    where,
    write_kb,
)


def test_an_empty_entries_file_has_no_entries(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path, "# Ingen samlinger ennå.\n"))
    assert [entry.id for entry in kb] == ["dekom", "gauldalsregionen"]


def test_an_entries_file_must_be_a_list(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        id: lesing
        kind: topic
        """,
    )
    assert where(problem) == ("samlinger.yaml", 1, None, None)
    assert problem.message.startswith("filen skal være en liste av oppføringer")


def test_an_event_needs_a_start(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 1, "samling", "start")
    assert "mangler feltet 'start'" in problem.message


def test_a_deadline_after_the_start_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("deadline: 2020-09-20"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "deadline")
    assert problem.message.startswith("påmeldingsfristen 2020-09-20 er etter starten 2020-09-18")


def test_a_samling_both_held_and_cancelled_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("cancelled: true", "held: true"))
    assert where(problem) == ("samlinger.yaml", 8, "samling", "held")
    assert "både være avlyst" in problem.message


def test_an_end_before_the_start_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("end: 2020-09-17"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "end")
    assert problem.message == "slutten 2020-09-17 er før starten 2020-09-18"


def test_an_end_time_before_the_start_time_on_the_same_day_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with('start_time: "12:00"', 'end_time: "10:00"'))
    assert where(problem) == ("samlinger.yaml", 8, "samling", "end_time")
    assert problem.message == (
        "samlingen slutter (2020-09-18 kl. 10:00) før eller samtidig med at den starter "
        "(2020-09-18 kl. 12:00)"
    )


def test_an_unknown_kind_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: evnet
          title: Samling
          answer: Om samlingen.
          source: gauldalsregionen
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 2, "samling", "kind")
    assert problem.message.startswith("ukjent type 'evnet' — mente du 'event'? (gyldige: scheme,")


def test_an_event_field_on_another_kind_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: project
          title: Lesetråder
          answer: Et prosjekt om lesing.
          source: udir-dekom
          updated: 2024-03-01
          start: 2020-09-18
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "lesing", "start")
    assert problem.message == "'start' gjelder bare samlinger (kind: event); fjern feltet"


def test_items_title_needs_items(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: kommuner
          kind: topic
          title: Kommunene
          answer: Seks kommuner samarbeider.
          source: gauldalsregionen
          updated: 2024-03-01
          items_title: Kommunene er
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "kommuner", "items_title")
    assert problem.message == "items_title brukes bare sammen med items; legg til items"


def test_an_id_too_long_for_a_button_is_reported_with_a_shorter_one(tmp_path: Path) -> None:
    long_id = "nettverkssamling-for-skoleledere-i-gauldalsregionen-om-vurdering-2027-v"
    assert len(long_id) == 71  # valid as a slug, but "Påminn meg" could not carry it
    problem = problem_in_events(
        tmp_path,
        f"""\
        - id: {long_id}
          kind: event
          title: Nettverkssamling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2027-01-13
        """,
    )
    file, line, _shown_id, field = where(problem)
    assert (file, line, field) == ("samlinger.yaml", 1, "id")
    assert "id-en er 71 tegn lang" in problem.message
    assert "'nettverkssamling-for-skoleledere-i-gauldalsregionen-om'" in problem.message


def test_a_link_must_be_http_or_https(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2027-01-13
          url: ftp://example.org/pamelding
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "url")
    assert "er ikke en nettadresse" in problem.message


def test_any_entry_can_have_a_link(tmp_path: Path) -> None:
    kb = load_knowledge_base(
        write_kb(
            tmp_path,
            """\
            - id: lesing
              kind: topic
              title: Lesing
              answer: Om lesing.
              source: gauldalsregionen
              updated: 2024-03-01
              url: https://example.org/lesing
            """,
        )
    )
    assert kb["lesing"].url == "https://example.org/lesing"
