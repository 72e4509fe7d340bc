"""The YAML reader: problems as PATH:LINE, duplicate and unknown keys, required fields, and
files YAML cannot read (bot/core/yaml_reader.py)."""

from __future__ import annotations

from pathlib import Path

from bot.core.loading import find_problems, load_knowledge_base
from bot.core.yaml_reader import Problem
from tests.core.knowledge_files import (
    SOURCES,
    VOCABULARY,
    event_with,
    only_problem,
    problem_in_events,
    where,
    write_kb,
)


def test_a_problem_reads_as_path_line_id_field_message() -> None:
    problem = Problem("knowledge/samlinger.yaml", 4, "lesesamling", "title", "er tom")
    assert str(problem) == "knowledge/samlinger.yaml:4: lesesamling: title: er tom"
    assert str(Problem("knowledge/sources.yaml", 1, None, None, "filen er tom")) == (
        "knowledge/sources.yaml:1: -: -: filen er tom"
    )


def test_a_key_written_twice_in_one_entry_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling om lesing
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          title: Samling om skriving
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "title")
    assert problem.message == (
        "'title' står to ganger (også på linje 3); YAML beholder bare den siste, så slett den ene"
    )


def test_a_missing_dash_before_id_is_named_once_instead_of_every_field_twice(
    tmp_path: Path,
) -> None:
    """Without '- ', YAML joins the second samling to the first: each of its fields was
    reported as written twice, all blamed on the first samling, and nothing said why."""
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesesamling-2020
          kind: event
          title: Samling om lesing
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          related: [skrivesamling-2020]

          id: skrivesamling-2020
          kind: event
          title: Samling om skriving
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-10-14
          related: [lesesamling-2020]
        """,
    )
    assert where(problem) == ("samlinger.yaml", 9, "skrivesamling-2020", "id")
    assert problem.message.startswith("mangler '- ' foran 'id:'? ")
    assert "som en del av punktet over ('lesesamling-2020')" in problem.message


def test_a_missing_dash_in_the_sources_is_named_too(tmp_path: Path) -> None:
    sources = SOURCES.replace("- id: gauldalsregionen", "  id: gauldalsregionen")
    problem = only_problem(write_kb(tmp_path, sources=sources))
    assert where(problem) == ("sources.yaml", 7, "gauldalsregionen", "id")
    assert "som en del av punktet over ('udir-dekom')" in problem.message


def test_an_id_written_twice_in_one_entry_is_still_a_duplicate_key(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling om lesing
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          id: lesesamling
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "id")
    assert problem.message.startswith("'id' står to ganger (også på linje 1)")


def test_a_missing_dash_at_the_start_of_the_line_is_named(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesesamling-2020
          kind: event
          title: Samling om lesing
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18

        id: skrivesamling-2020
          kind: event
        """,
    )
    assert where(problem) == ("samlinger.yaml", 8, None, None)
    assert problem.message.startswith("YAML-feil: mangler '- ' foran 'id:'? ")


def test_a_missing_dash_or_a_wrong_indentation_deeper_in_is_named(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesesamling-2020
          kind: event
          title: Samling om lesing
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          tags: [lesing]

            id: skrivesamling-2020
        """,
    )
    assert problem.line == 9
    assert problem.message.startswith(
        "YAML-feil: mangler '- ' foran 'id:', eller er innrykket feil? "
    )


def test_a_key_written_twice_in_the_vocabulary_is_reported(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.replace("  samling:", "  lesing: Lesing igjen\n  samling:")
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 4, None, "tags.lesing")
    assert problem.message.startswith("'lesing' står to ganger (også på linje 3)")


def test_an_unknown_field_suggests_the_one_that_was_meant(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("deadlin: 2020-09-01"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "deadlin")
    assert problem.message == "ukjent felt 'deadlin' — mente du 'deadline'?"


def test_a_missing_required_field_points_at_the_entry(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: topic
          title: Lesing
          source: udir-dekom
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 1, "lesing", "answer")
    assert problem.message == "oppføringen mangler feltet 'answer'"


def test_a_merge_key_is_not_supported(tmp_path: Path) -> None:
    problems = find_problems(
        write_kb(
            tmp_path,
            """\
            - &mal
              id: samling
              kind: event
              title: Samling
              source: gauldalsregionen
              updated: 2024-03-01
              start: 2020-09-18
            - <<: *mal
              id: samling-2
            """,
        )
    )
    assert where(problems[0]) == ("samlinger.yaml", 8, "samling-2", None)
    assert problems[0].message == "'<<' (fletting) støttes ikke; skriv feltene ut"


def test_anchors_and_aliases_can_share_a_list(tmp_path: Path) -> None:
    kb = load_knowledge_base(
        write_kb(
            tmp_path,
            """\
            - id: samling-1
              kind: event
              title: Første samling
              source: gauldalsregionen
              updated: 2024-03-01
              start: 2020-09-18
              audience: &alle [skole, ledere]

            - id: samling-2
              kind: event
              title: Andre samling
              source: gauldalsregionen
              updated: 2024-03-01
              start: 2020-10-18
              audience: *alle
            """,
        )
    )
    second = kb["samling-2"].event
    assert second is not None
    assert second.audience == ("skole", "ledere")


def test_a_yaml_syntax_error_gives_its_line(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling: lesing på 1. trinn
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
        """,
    )
    assert where(problem) == ("samlinger.yaml", 3, None, None)
    assert problem.message.startswith("YAML-feil: kolon på et sted der YAML ikke venter det")


def test_a_tab_in_the_indentation_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, "- id: samling\n  kind: event\n\ttitle: Samling\n")
    assert where(problem) == ("samlinger.yaml", 3, None, None)
    assert "tabulator" in problem.message


def test_several_yaml_documents_in_one_file_are_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, "---\n[]\n---\n[]\n")
    assert where(problem) == ("samlinger.yaml", 4, None, None)
    assert problem.message == "filen kan bare ha ett YAML-dokument; fjern '---' foran her"


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    write_kb(tmp_path)
    text = "- id: lesing\n  kind: topic\n  title: Læring\n"
    (tmp_path / "samlinger.yaml").write_bytes(text.encode("latin-1"))
    problem = only_problem(tmp_path)
    assert where(problem) == ("samlinger.yaml", 3, None, None)
    assert "UTF-8" in problem.message
