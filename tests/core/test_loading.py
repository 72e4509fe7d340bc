"""What an editor of the knowledge base sees when a file is wrong.

Each test writes a small knowledge base into a temporary directory: a valid `sources.yaml`,
`vocabulary.yaml` and `ordninger.yaml` (the scheme `dekom` and the region `gauldalsregionen`),
plus the YAML under test in `samlinger.yaml`. The problem is then asserted as the editor reads
it: file name, line, entry id, field and (part of) the Norwegian message.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from textwrap import dedent

import pytest

from bot.core.knowledge import Audience, Kind, KindNames, Origin
from bot.core.loading import KnowledgeBaseError, Problem, find_problems, load_knowledge_base

SOURCES = dedent("""\
    - id: udir-dekom
      title: Desentralisert ordning for kompetanseutvikling i skolen
      publisher: Utdanningsdirektoratet
      url: https://www.udir.no/kvalitet-og-kompetanse/dekom/
      updated: 2024-03-01

    - id: gauldalsregionen
      title: Velkommen til Gauldalsregionen
      publisher: Gauldalsregionen
      seed: 004_gauldalsregionen.txt
    """)

VOCABULARY = dedent("""\
    tags:
      dekom: Desentralisert ordning for kompetanseutvikling i skolen
      lesing: Lesing og leseglede
      samling: Samlinger og andre arrangementer
    audiences:
      skole:
        label: skole
        words: [skole, skolen, skule]
      ledere:
        label: ledere
        words: [rektor, styrer]
    kinds:
      event:
        label: samling
        plural: samlinger
        words: [samling, samlinger]
    synonyms:
      - [dekom, desentralisert ordning]
      - [vfl, vurdering for læring]
    """)

SCHEMES = dedent("""\
    - id: dekom
      kind: scheme
      title: DEKOM
      answer: Desentralisert ordning for kompetanseutvikling i skolen.
      source: udir-dekom
      updated: 2024-03-01
      tags: [dekom]

    - id: gauldalsregionen
      kind: region
      title: Gauldalsregionen
      answer: Et samarbeid mellom seks kommuner.
      source: gauldalsregionen
      updated: 2024-03-01
      items_title: Kommunene er
      items: [Holtålen, Melhus, Midtre Gauldal, Oppdal, Rennebu, Røros]
    """)

EVENTS = dedent("""\
    - id: lesesamling-2020
      kind: event
      title: Samling om lesing
      source: gauldalsregionen
      updated: "2024-03-01"
      start: 2020-09-18
      start_time: "09:00"
      end: 2020-09-19
      end_time: "14:30"
      deadline: 2020-09-01
      format: fysisk
      location: Oppdal
      audience: [skole, ledere]
      scheme: dekom
      region: gauldalsregionen
      organisers: [Gauldalsregionen, NTNU]
      tags: [lesing, samling]
      related: [dekom]

    - id: digital-ledersamling-2021
      kind: event
      title: Digital ledersamling
      answer: Samlingen er avlyst.
      source: gauldalsregionen
      updated: 2024-03-01
      start: 2021-01-20
      cancelled: yes
      format: digital
      platform: Zoom
    """)


def write_kb(directory: Path, events: str = EVENTS, **files: str) -> Path:
    """A knowledge base in `directory`: the valid base files, `events` as `samlinger.yaml`,
    and `files` (name without `.yaml` -> text) added or replacing a base file."""
    texts = {
        "sources": SOURCES,
        "vocabulary": VOCABULARY,
        "ordninger": SCHEMES,
        "samlinger": events,
        **files,
    }
    for name, text in texts.items():
        (directory / f"{name}.yaml").write_text(dedent(text), encoding="utf-8")
    return directory


def where(problem: Problem) -> tuple[str, int, str | None, str | None]:
    """File name, line, entry id and field: what the editor needs to find the mistake."""
    return Path(problem.path).name, problem.line, problem.entry_id, problem.field


def only_problem(directory: Path) -> Problem:
    problems = find_problems(directory)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def problem_in_events(tmp_path: Path, events: str) -> Problem:
    return only_problem(write_kb(tmp_path, events))


# --------------------------------------------------------------------------------------------
# A valid knowledge base


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


def test_sources_and_vocabulary_are_loaded(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))

    assert set(kb.sources) == {"udir-dekom", "gauldalsregionen"}
    assert kb.sources["udir-dekom"].updated == date(2024, 3, 1)
    assert kb.sources["gauldalsregionen"].seed == "004_gauldalsregionen.txt"
    assert kb.sources["gauldalsregionen"].updated is None
    vocabulary = kb.vocabulary
    assert vocabulary.tags["lesing"] == "Lesing og leseglede"
    assert vocabulary.audiences["skole"] == Audience("skole", "skole", ("skole", "skolen", "skule"))
    assert vocabulary.kinds == {
        Kind.EVENT: KindNames("samling", "samlinger", ("samling", "samlinger"))
    }
    assert vocabulary.synonyms == (
        ("dekom", "desentralisert ordning"),
        ("vfl", "vurdering for læring"),
    )


def test_an_empty_entries_file_has_no_entries(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path, "# Ingen samlinger ennå.\n"))
    assert [entry.id for entry in kb] == ["dekom", "gauldalsregionen"]


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


# --------------------------------------------------------------------------------------------
# How problems are reported


def test_a_problem_reads_as_path_line_id_field_message() -> None:
    problem = Problem("knowledge/samlinger.yaml", 4, "lesesamling", "title", "er tom")
    assert str(problem) == "knowledge/samlinger.yaml:4: lesesamling: title: er tom"
    assert str(Problem("knowledge/sources.yaml", 1, None, None, "filen er tom")) == (
        "knowledge/sources.yaml:1: -: -: filen er tom"
    )


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


# --------------------------------------------------------------------------------------------
# YAML reading a value as something else


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
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          start_time: 9:30
        """,
    )
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


# --------------------------------------------------------------------------------------------
# Dates


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


def test_a_deadline_after_the_start_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          deadline: 2020-09-20
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "deadline")
    assert problem.message.startswith("påmeldingsfristen 2020-09-20 er etter starten 2020-09-18")


def test_an_end_before_the_start_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          end: 2020-09-17
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "end")
    assert problem.message == "slutten 2020-09-17 er før starten 2020-09-18"


def test_an_end_time_before_the_start_time_on_the_same_day_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          start_time: "12:00"
          end_time: "10:00"
        """,
    )
    assert where(problem) == ("samlinger.yaml", 8, "samling", "end_time")
    assert problem.message == (
        "samlingen slutter (2020-09-18 kl. 10:00) før eller samtidig med at den starter "
        "(2020-09-18 kl. 12:00)"
    )


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


# --------------------------------------------------------------------------------------------
# Keys, fields and types


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


def test_a_key_written_twice_in_the_vocabulary_is_reported(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.replace("  samling:", "  lesing: Lesing igjen\n  samling:")
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 4, None, "tags.lesing")
    assert problem.message.startswith("'lesing' står to ganger (også på linje 3)")


def test_an_unknown_field_suggests_the_one_that_was_meant(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          deadlin: 2020-09-01
        """,
    )
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


def test_a_text_where_a_list_is_expected_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: topic
          title: Lesing
          answer: Om lesing.
          source: udir-dekom
          updated: 2024-03-01
          tags: lesing
        """,
    )
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


def test_format_is_digital_or_fysisk(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          format: Digitalt
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "format")
    assert problem.message == (
        "ukjent verdi 'Digitalt' — mente du 'digital'? (skriv digital eller fysisk)"
    )


def test_cancelled_is_true_or_false(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          cancelled: "ja"
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "cancelled")
    assert problem.message == "skal være true eller false (uten anførselstegn)"


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


# --------------------------------------------------------------------------------------------
# Ids and references


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
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: topic
          title: Lesing
          answer: Om lesing.
          source: udir-dekom
          updated: 2024-03-01
          tags:
            - dekom
            - lessing
        """,
    )
    assert where(problem) == ("samlinger.yaml", 9, "lesing", "tags")
    assert problem.message == (
        "ukjent tagg 'lessing' — mente du 'lesing'? (taggene står i vocabulary.yaml)"
    )


def test_an_unknown_audience_is_reported(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          audience: [skole, barnehage]
        """,
    )
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
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: topic
          title: Lesing
          answer: Om lesing.
          source: udir-dekom
          updated: 2024-03-01
          related: [dekomm]
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "lesing", "related")
    assert problem.message == (
        "ukjent oppføring 'dekomm' — mente du 'dekom'? (ingen oppføring har denne id-en)"
    )


def test_related_must_not_point_at_itself(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: lesing
          kind: topic
          title: Lesing
          answer: Om lesing.
          source: udir-dekom
          updated: 2024-03-01
          related: [dekom, lesing]
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "lesing", "related")
    assert problem.message == "oppføringen peker på seg selv; fjern 'lesing' fra related"


def test_scheme_must_point_at_a_scheme(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          scheme: gauldalsregionen
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "scheme")
    assert problem.message == (
        "'gauldalsregionen' har kind: region, men må være en ordning (kind: scheme)"
    )


def test_region_must_point_at_a_region_or_network(tmp_path: Path) -> None:
    problem = problem_in_events(
        tmp_path,
        """\
        - id: samling
          kind: event
          title: Samling
          source: gauldalsregionen
          updated: 2024-03-01
          start: 2020-09-18
          region: gauldal
        """,
    )
    assert where(problem) == ("samlinger.yaml", 7, "samling", "region")
    assert problem.message == (
        "ukjent region 'gauldal' — mente du 'gauldalsregionen'? "
        "(må ha kind: region eller kind: network)"
    )


# --------------------------------------------------------------------------------------------
# The vocabulary and the sources


def test_a_tag_description_must_be_a_text(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.replace("lesing: Lesing og leseglede", "lesing: [Lesing, leseglede]")
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 3, None, "tags.lesing")
    assert problem.message == "skal være én tekst, ikke en liste"


def test_an_audience_needs_a_label(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.replace("    label: ledere\n", "")
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 9, None, "audiences.ledere.label")
    assert problem.message == "målgruppen 'ledere' mangler feltet 'label'"


def test_kinds_must_be_known_kinds(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.replace("  event:", "  events:")
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 13, None, "kinds.events")
    assert problem.message.startswith("ukjent type 'events' — mente du 'event'?")


def test_a_synonym_group_needs_two_phrases(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.replace("[vfl, vurdering for læring]", "[vfl]")
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 19, None, "synonyms")
    assert problem.message == "en synonymgruppe trenger minst to uttrykk"


def test_a_phrase_may_be_in_only_one_synonym_group(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.replace("[vfl, vurdering", "[vfl, DEKOM, vurdering")
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 19, None, "synonyms")
    assert problem.message == (
        "'DEKOM' står allerede i gruppen på linje 18; et uttrykk kan bare stå i én gruppe"
    )


def test_the_vocabulary_needs_every_section(tmp_path: Path) -> None:
    vocabulary = VOCABULARY.split("synonyms:")[0]
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 1, None, "synonyms")
    assert problem.message == "mangler 'synonyms'; skriv synonyms: [] om den skal være tom"


def test_a_source_needs_a_publisher(tmp_path: Path) -> None:
    sources = SOURCES.replace("  publisher: Utdanningsdirektoratet\n", "")
    problem = only_problem(write_kb(tmp_path, sources=sources))
    assert where(problem) == ("sources.yaml", 1, "udir-dekom", "publisher")
    assert problem.message == "kilden mangler feltet 'publisher'"


def test_a_source_id_may_be_used_only_once(tmp_path: Path) -> None:
    sources = SOURCES + "\n- id: udir-dekom\n  title: DEKOM\n  publisher: Udir\n"
    problem = only_problem(write_kb(tmp_path, sources=sources))
    assert where(problem) == ("sources.yaml", 12, "udir-dekom", "id")
    assert problem.message == "kilde-id-en 'udir-dekom' er brukt før, på linje 1"


def test_a_source_date_must_be_a_date(tmp_path: Path) -> None:
    sources = SOURCES.replace("updated: 2024-03-01", "updated: mars 2024")
    problem = only_problem(write_kb(tmp_path, sources=sources))
    assert where(problem) == ("sources.yaml", 5, "udir-dekom", "updated")
    assert problem.message.startswith("'mars 2024' er ikke en dato")


def test_an_empty_sources_file_is_a_problem(tmp_path: Path) -> None:
    problems = find_problems(write_kb(tmp_path, sources=""))
    assert [where(problem) for problem in problems] == [("sources.yaml", 1, None, None)]
    assert problems[0].message.startswith("filen er tom")


def test_a_missing_directory_is_a_problem(tmp_path: Path) -> None:
    problems = find_problems(tmp_path / "finnes-ikke")
    assert [(problem.path, problem.line) for problem in problems] == [
        (str(tmp_path / "finnes-ikke"), 1)
    ]


def test_a_missing_vocabulary_file_is_a_problem(tmp_path: Path) -> None:
    write_kb(tmp_path)
    (tmp_path / "vocabulary.yaml").unlink()
    problems = find_problems(tmp_path)
    assert [where(problem) for problem in problems] == [("vocabulary.yaml", 1, None, None)]
    assert problems[0].message.startswith("filen mangler")


# --------------------------------------------------------------------------------------------
# Files YAML cannot read


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


# --------------------------------------------------------------------------------------------
# The real knowledge base


def test_the_real_knowledge_base_loads() -> None:
    kb = load_knowledge_base(Path(__file__).parents[2] / "knowledge")
    assert len(kb.events) >= 7
    assert {"dekom", "rekom", "gauldalsregionen"} <= {entry.id for entry in kb}
    assert all(entry.origin is not None for entry in kb)
