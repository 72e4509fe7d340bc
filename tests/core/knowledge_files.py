"""A small knowledge base written into a temporary directory, for the loading tests.

Each test writes a small knowledge base into a temporary directory: a valid `sources.yaml`,
`vocabulary.yaml` and `ordninger.yaml` (the scheme `dekom` and the region `gauldalsregionen`),
plus the YAML under test in `samlinger.yaml`. The problem is then asserted as the editor reads
it: file name, line, entry id, field and (part of) the Norwegian message.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from bot.core.loading import find_problems
from bot.core.yaml_reader import Problem

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


AN_EVENT = dedent("""\
    - id: samling
      kind: event
      title: Samling
      source: gauldalsregionen
      updated: 2024-03-01
      start: 2020-09-18
    """)

A_TOPIC = dedent("""\
    - id: lesing
      kind: topic
      title: Lesing
      answer: Om lesing.
      source: udir-dekom
      updated: 2024-03-01
    """)


def event_with(*fields: str) -> str:
    """The valid event `samling` (lines 1-6) followed by `fields`, the first on line 7."""
    return AN_EVENT + "".join(f"  {line}\n" for line in fields)


def topic_with(*fields: str) -> str:
    """The valid topic `lesing` (lines 1-6) followed by `fields`, the first on line 7."""
    return A_TOPIC + "".join(f"  {line}\n" for line in fields)
