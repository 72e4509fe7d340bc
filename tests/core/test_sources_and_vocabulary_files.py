"""sources.yaml and vocabulary.yaml (bot/core/sources_file.py, bot/core/vocabulary_file.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.core.knowledge import Audience, Kind, KindNames, Origin
from bot.core.loading import find_problems, load_knowledge_base
from tests.core.knowledge_files import (
    SOURCES,
    VOCABULARY,
    only_problem,
    where,
    write_kb,
)


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


def test_an_audience_may_be_part_of_another(tmp_path: Path) -> None:
    part_of = "    label: ledere\n    part_of: skole\n"
    vocabulary = VOCABULARY.replace("    label: ledere\n", part_of)
    kb = load_knowledge_base(write_kb(tmp_path, vocabulary=vocabulary))
    assert kb.vocabulary.audiences["ledere"].part_of == "skole"


def test_an_audience_is_part_of_only_a_known_audience(tmp_path: Path) -> None:
    part_of = "    label: ledere\n    part_of: skolen\n"
    vocabulary = VOCABULARY.replace("    label: ledere\n", part_of)
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 11, None, "audiences.ledere.part_of")
    assert problem.message == "'skolen' er ingen annen målgruppe her (kjente: skole)"


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


def test_a_missing_vocabulary_file_is_a_problem(tmp_path: Path) -> None:
    write_kb(tmp_path)
    (tmp_path / "vocabulary.yaml").unlink()
    problems = find_problems(tmp_path)
    assert [where(problem) for problem in problems] == [("vocabulary.yaml", 1, None, None)]
    assert problems[0].message.startswith("filen mangler")


def test_each_source_keeps_the_file_and_line_it_starts_on(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))
    assert kb.sources["udir-dekom"].origin == Origin(str(tmp_path / "sources.yaml"), 1)
    assert kb.sources["gauldalsregionen"].origin == Origin(str(tmp_path / "sources.yaml"), 7)
