"""Loading a whole knowledge base: the entries built, problems in several files reported
together, and ids and references checked across files (bot/core/loading.py).

The small knowledge base each test writes is in `tests/core/knowledge_files.py`.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from bot.core.knowledge import Kind, Origin
from bot.core.loading import KnowledgeBaseError, find_problems, load_knowledge_base
from tests.core.knowledge_files import (
    EVENTS,
    SCHEMES,
    SOURCES,
    event_with,
    problem_in_events,
    topic_with,
    where,
    write_kb,
)


def test_a_valid_knowledge_base_loads_with_typed_values(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))

    assert [entry.id for entry in kb] == [
        "dekom",
        "gauldalsregionen",
        "lesesamling-2020",
        "digital-ledersamling-2021",
    ]
    dekom = kb["dekom"]
    assert dekom.kind is Kind.SCHEME
    assert dekom.updated == date(2024, 3, 1)
    assert dekom.tags == ("dekom",)
    assert dekom.event is None
    assert dekom.origin == Origin(str(tmp_path / "ordninger.yaml"), 1)
    assert kb["gauldalsregionen"].items[:2] == ("Holtålen", "Melhus")
    assert kb["gauldalsregionen"].items_title == "Kommunene er"

    samling = kb["lesesamling-2020"]
    assert samling.origin == Origin(str(tmp_path / "samlinger.yaml"), 1)
    assert samling.answer == ""  # optional for events
    assert samling.updated == date(2024, 3, 1)  # quoted dates are dates too
    event = samling.event
    assert event is not None
    assert (event.start, event.start_time) == (date(2020, 9, 18), time(9, 0))
    assert (event.end, event.end_time) == (date(2020, 9, 19), time(14, 30))
    assert event.deadline == date(2020, 9, 1)
    assert event.audience == ("skole", "ledere")
    assert event.organisers == ("Gauldalsregionen", "NTNU")
    assert (event.scheme, event.region, event.format, event.location) == (
        "dekom",
        "gauldalsregionen",
        "fysisk",
        "Oppdal",
    )
    assert event.cancelled is False

    digital = kb["digital-ledersamling-2021"]
    assert digital.origin == Origin(str(tmp_path / "samlinger.yaml"), 20)
    assert digital.event is not None
    assert digital.event.cancelled is True
    assert digital.event.platform == "Zoom"
    assert [entry.id for entry in kb.events] == ["lesesamling-2020", "digital-ledersamling-2021"]


def test_loading_raises_with_every_problem_one_per_line(tmp_path: Path) -> None:
    write_kb(tmp_path, EVENTS.replace("title: Samling om lesing", "title: no"))
    (tmp_path / "sources.yaml").unlink()

    with pytest.raises(KnowledgeBaseError) as raised:
        load_knowledge_base(tmp_path)

    assert [where(problem) for problem in raised.value.problems] == [
        ("samlinger.yaml", 3, "lesesamling-2020", "title"),
        ("sources.yaml", 1, None, None),
    ]
    assert str(raised.value).splitlines() == [str(problem) for problem in raised.value.problems]


def test_several_problems_in_several_files_are_all_reported(tmp_path: Path) -> None:
    write_kb(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          start_time: 9:30
          deadline: 2020-09-30
        """,
        sources=SOURCES.replace("publisher: Gauldalsregionen", "publisher:"),
        trondheim="""\
        - id: fokus-lesing
          kind: focus_area
          title: Lesing
          answer: Lesing er et fokusområde.
          source: udir-dekom
          updated: 2024-02-30
          tags: [lessing]
        """,
    )

    assert [where(problem) for problem in find_problems(tmp_path)] == [
        ("samlinger.yaml", 7, "samling", "start_time"),
        ("samlinger.yaml", 8, "samling", "deadline"),
        ("sources.yaml", 9, "gauldalsregionen", "publisher"),
        ("trondheim.yaml", 6, "fokus-lesing", "updated"),
        ("trondheim.yaml", 7, "fokus-lesing", "tags"),
    ]


def test_a_file_yaml_cannot_read_does_not_make_its_ids_unknown_elsewhere(tmp_path: Path) -> None:
    # `lesesamling-2020` in samlinger.yaml names `dekom` (scheme, related) and
    # `gauldalsregionen` (region): no "ukjent ordning" for those, only the real mistake.
    broken = SCHEMES.replace("title: DEKOM", "title: DEKOM: desentralisert ordning")
    problems = find_problems(write_kb(tmp_path, ordninger=broken))
    assert [where(problem) for problem in problems] == [("ordninger.yaml", 3, None, None)]


def test_an_id_used_in_two_files_names_both(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: dekom
          kind: topic
          title: Om DEKOM
          answer: Mer om DEKOM.
          source: udir-dekom
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 1, "dekom", "id")
    assert problem.message == (
        f"id-en 'dekom' er brukt før, i {tmp_path / 'ordninger.yaml'}:1; "
        "hver oppføring trenger sin egen id"
    )


def test_an_unknown_tag_suggests_a_known_one(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, topic_with("tags:", "  - dekom", "  - lessing"))
    assert where(problem) == ("samlinger.yaml", 9, "lesing", "tags")
    assert problem.message == (
        "ukjent tagg 'lessing' — mente du 'lesing'? (taggene står i vocabulary.yaml)"
    )


def test_an_unknown_audience_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("audience: [skole, barnehage]"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "audience")
    assert problem.message.startswith("ukjent målgruppe 'barnehage'")


def test_an_unknown_source_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: topic
          title: Lesing
          answer: Om lesing.
          source: udir
          updated: 2024-03-01
        """,
    )
    assert where(problem) == ("samlinger.yaml", 5, "lesing", "source")
    assert problem.message.startswith("ukjent kilde 'udir'")


def test_related_must_name_an_existing_entry(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, topic_with("related: [dekomm]"))
    assert where(problem) == ("samlinger.yaml", 7, "lesing", "related")
    assert problem.message == (
        "ukjent oppføring 'dekomm' — mente du 'dekom'? (ingen oppføring har denne id-en)"
    )


def test_related_must_not_point_at_itself(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, topic_with("related: [dekom, lesing]"))
    assert where(problem) == ("samlinger.yaml", 7, "lesing", "related")
    assert problem.message == "oppføringen peker på seg selv; fjern 'lesing' fra related"


def test_scheme_must_point_at_a_scheme(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("scheme: gauldalsregionen"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "scheme")
    assert problem.message == (
        "'gauldalsregionen' har kind: region, men må være en ordning (kind: scheme)"
    )


def test_region_must_point_at_a_region_or_network(tmp_path: Path) -> None:
    problem = problem_in_events(tmp_path, event_with("region: gauldal"))
    assert where(problem) == ("samlinger.yaml", 7, "samling", "region")
    assert problem.message == (
        "ukjent region 'gauldal' — mente du 'gauldalsregionen'? "
        "(må ha kind: region eller kind: network)"
    )


def test_a_missing_directory_is_a_problem(tmp_path: Path) -> None:
    problems = find_problems(tmp_path / "finnes-ikke")
    assert [(problem.path, problem.line) for problem in problems] == [
        (str(tmp_path / "finnes-ikke"), 1)
    ]


def test_the_real_knowledge_base_loads() -> None:
    kb = load_knowledge_base(Path(__file__).parents[2] / "knowledge")
    assert len(kb.events) >= 7
    assert {"dekom", "rekom", "gauldalsregionen"} <= {entry.id for entry in kb}
    assert all(entry.origin is not None for entry in kb)
