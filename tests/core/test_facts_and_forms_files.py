"""The fields issue 9 added to the files: `forms` in vocabulary.yaml, and `facts`, `members` and
`applies_to` on an entry. Every mistake is reported with file, line, entry and field, in
Norwegian, so a coordinator can find it."""

from __future__ import annotations

from pathlib import Path

from bot.core.knowledge import Fact, KnowledgeBase
from bot.core.loading import load_knowledge_base
from tests.core.knowledge_files import SCHEMES, VOCABULARY, only_problem, where, write_kb

FACTS = """\
  tags: [dekom]
  facts:
    stands_for: DEKOM står for desentralisert ordning for kompetanseutvikling i skolen.
    when: Kunnskapsdepartementet innfører modellen fra 2017.
  members: [desentralisert ordning, oppfølgingsordning, innovasjonsordning]
  applies_to: [skole]
"""


def schemes(block: str = FACTS) -> str:
    """The base ordninger.yaml with `block` in place of the dekom entry's tags line (line 7)."""
    assert "  tags: [dekom]\n" in SCHEMES
    return SCHEMES.replace("  tags: [dekom]\n", block, 1)


# -- forms --------------------------------------------------------------------------------------


def test_forms_are_loaded_form_to_word(tmp_path: Path) -> None:
    vocabulary = VOCABULARY + "forms:\n  hvem: [kæm, kven]\n  er: [e]\n"
    kb = load_knowledge_base(write_kb(tmp_path, vocabulary=vocabulary))
    forms = kb.vocabulary.forms
    assert forms["kæm"] == "hvem"
    assert forms["kven"] == "hvem"
    assert forms["e"] == "er"


def test_the_forms_section_may_be_left_out(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))
    assert dict(kb.vocabulary.forms) == {}


def test_a_form_of_two_words_is_reported(tmp_path: Path) -> None:
    vocabulary = VOCABULARY + "forms:\n  hvem: [kæm, kven da]\n"
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 21, None, "forms.hvem")
    assert problem.message == "'kven da' er flere ord; en form er ett ord"


def test_a_form_under_two_words_is_reported_with_the_first_line(tmp_path: Path) -> None:
    vocabulary = VOCABULARY + "forms:\n  hvem: [kæm]\n  hva:\n    - ka\n    - kæm\n"
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem) == ("vocabulary.yaml", 24, None, "forms.hva")
    assert problem.message == (
        "'kæm' står allerede under 'hvem' på linje 21; en form kan bare bety ett ord"
    )


def test_forms_must_be_a_mapping(tmp_path: Path) -> None:
    vocabulary = VOCABULARY + "forms:\n  - kæm\n"
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem)[:2] == ("vocabulary.yaml", 21)
    assert where(problem)[3] == "forms"
    assert "hvem: [kæm, kven]" in problem.message


def test_the_forms_of_a_word_must_be_texts(tmp_path: Path) -> None:
    vocabulary = VOCABULARY + "forms:\n  hvem: {kæm: 1}\n"
    problem = only_problem(write_kb(tmp_path, vocabulary=vocabulary))
    assert where(problem)[:2] == ("vocabulary.yaml", 21)
    assert where(problem)[3] == "forms.hvem"


# -- facts, members, applies_to ------------------------------------------------------------------


def test_facts_members_and_applies_to_are_loaded(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path, ordninger=schemes()))
    dekom = kb.get("dekom")
    assert dekom is not None
    assert dekom.fact(Fact.STANDS_FOR) == (
        "DEKOM står for desentralisert ordning for kompetanseutvikling i skolen."
    )
    assert dekom.fact(Fact.WHEN) == "Kunnskapsdepartementet innfører modellen fra 2017."
    assert dekom.fact(Fact.FUNDED_BY) is None
    assert dekom.members == ("desentralisert ordning", "oppfølgingsordning", "innovasjonsordning")
    assert dekom.applies_to == ("skole",)


def test_an_entry_without_facts_has_none(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))
    region = kb.get("gauldalsregionen")
    assert region is not None
    assert region.facts == () and region.members == () and region.applies_to == ()


def test_an_unknown_fact_name_is_reported_with_the_valid_names(tmp_path: Path) -> None:
    block = FACTS.replace("    when:", "    price:")
    problem = only_problem(write_kb(tmp_path, ordninger=schemes(block)))
    assert where(problem) == ("ordninger.yaml", 10, "dekom", "facts")
    assert "'price'" in problem.message
    assert "stands_for" in problem.message and "funded_by" in problem.message


def test_facts_must_be_a_mapping(tmp_path: Path) -> None:
    block = "  tags: [dekom]\n  facts: [DEKOM står for desentralisert ordning.]\n"
    problem = only_problem(write_kb(tmp_path, ordninger=schemes(block)))
    assert where(problem) == ("ordninger.yaml", 8, "dekom", "facts")
    assert "when: ..." in problem.message


def test_members_must_be_texts(tmp_path: Path) -> None:
    block = FACTS.replace(
        "  members: [desentralisert ordning, oppfølgingsordning, innovasjonsordning]",
        "  members: {desentralisert: ordning}",
    )
    problem = only_problem(write_kb(tmp_path, ordninger=schemes(block)))
    assert where(problem) == ("ordninger.yaml", 11, "dekom", "members")


def test_applies_to_must_name_known_audiences(tmp_path: Path) -> None:
    block = FACTS.replace("  applies_to: [skole]", "  applies_to: [skole, barnehage]")
    problem = only_problem(write_kb(tmp_path, ordninger=schemes(block)))
    assert where(problem) == ("ordninger.yaml", 12, "dekom", "applies_to")
    assert "'barnehage'" in problem.message


def test_the_shipped_knowledge_base_has_the_facts_from_the_pages(kb: KnowledgeBase) -> None:
    rekom, model, lesetrader = kb.get("rekom"), kb.get("modell-2017"), kb.get("lesetrader")
    assert rekom is not None and model is not None and lesetrader is not None
    assert "2019" in (rekom.fact(Fact.WHEN) or "")
    assert "Kunnskapsdepartementet" in (model.fact(Fact.INTRODUCED_BY) or "")
    assert "Utdanningsdirektoratet" in (lesetrader.fact(Fact.FUNDED_BY) or "")
