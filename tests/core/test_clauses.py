"""Several questions in one message, each answered (issue 9, class 7), and how a message is
split into its question parts and its personal context (bot/core/clauses.py)."""

from __future__ import annotations

import pytest

from bot.core.clauses import Clause, split_clauses
from bot.core.engine import Engine
from tests.core.asking import A_LATER_YEAR, EARLY_SEPTEMBER_2020, NOVEMBER_2020, ask, at

# -- Several questions in one -------------------------------------------------------------------

SEVERAL = [
    (
        "Når er fristen for engelsk på barnetrinnet, og hvem er samlingen for?",
        EARLY_SEPTEMBER_2020,
        ("24. september", "lærere"),
    ),
    ("Hva er DEKOM, og hva er REKOM?", EARLY_SEPTEMBER_2020, ("desentralisert", "barnehage")),
    ("Når var styrersamlingen? Og hvor var den?", NOVEMBER_2020, ("21. oktober", "Zoom")),
    ("Hva står REKOM for, og når trådte den i kraft?", EARLY_SEPTEMBER_2020, ("regional", "2019")),
    (
        "Hvilke kommuner er med i Gauldalsregionen, og hvem er hovedpartner i nettverket i "
        "Trondheim?",
        EARLY_SEPTEMBER_2020,
        ("Holtålen", "NTNU"),
    ),
    (
        "Kva tid er samlinga for 1. trinn, og kven arrangerer ho?",
        EARLY_SEPTEMBER_2020,
        ("18. september", "NTNU"),
    ),
    (
        "ka tid e fristen te engelsk-samlinga og ka dag e sjølve samlinga?",
        EARLY_SEPTEMBER_2020,
        ("24. september", "1. oktober"),
    ),
]


@pytest.mark.parametrize(("question", "now", "expected"), SEVERAL)
def test_each_question_in_a_message_is_answered(
    engine: Engine, question: str, now: str, expected: tuple[str, ...]
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    for part in expected:
        assert part.lower() in reply.text.lower(), reply.text


def test_an_unanswerable_part_does_not_hide_the_answerable_one(engine: Engine) -> None:
    reply = ask(
        engine,
        "Når er fristen for engelsk på barnetrinnet, og hva koster det?",
        EARLY_SEPTEMBER_2020,
    )
    assert "24. september" in reply.text, reply.text


# -- split_clauses ------------------------------------------------------------------------------


def opener(word: str) -> str | None:
    """A small stand-in for the question reader: question words and yes/no verbs."""
    if word in {"hva", "når", "hvor", "hvem", "kva", "ka"}:
        return "wh"
    return "yes_no" if word in {"er", "kan", "blir"} else None


def questions(text: str) -> list[str]:
    return [clause.text for clause in split_clauses(text, opener) if clause.is_question]


def test_a_plain_question_is_one_clause() -> None:
    assert split_clauses("Når er neste samling?", opener) == [Clause("Når er neste samling?", True)]


def test_two_questions_joined_by_a_comma_and_og_are_two_clauses() -> None:
    assert questions("Når er fristen, og hvor er samlingen?") == [
        "Når er fristen",
        "hvor er samlingen?",
    ]


def test_two_questions_joined_by_og_alone_are_two_clauses() -> None:
    assert questions("Når er fristen og hvor er samlingen?") == [
        "Når er fristen",
        "hvor er samlingen?",
    ]


def test_a_dash_between_questions_splits_them() -> None:
    assert len(questions("Når er fristen – hvor er samlingen?")) == 2


def test_og_between_two_nouns_does_not_split() -> None:
    assert questions("Er det samling for lærere og ledere?") == [
        "Er det samling for lærere og ledere?"
    ]


def test_two_sentences_with_question_marks_are_two_questions() -> None:
    assert questions("Når var styrersamlingen? Hvor var den?") == [
        "Når var styrersamlingen?",
        "Hvor var den?",
    ]


def test_personal_context_before_lurer_pa_is_not_a_question() -> None:
    clauses = split_clauses(
        "Hei! Jeg er pedagogisk leder i Holtålen og har nettopp begynt, så jeg lurer på når "
        "neste samling er",
        opener,
    )
    asked = [clause.text for clause in clauses if clause.is_question]
    assert asked == ["når neste samling er"]
    assert any("Holtålen" in clause.text and not clause.is_question for clause in clauses)


def test_a_statement_ending_in_a_full_stop_is_context() -> None:
    clauses = split_clauses("Jeg er lærer på 1. trinn. Når er samlingen?", opener)
    assert clauses == [
        Clause("Jeg er lærer på 1. trinn.", False),
        Clause("Når er samlingen?", True),
    ]


def test_a_last_sentence_without_a_question_mark_may_still_be_a_yes_no_question() -> None:
    assert questions("Jeg er lærer. Er det samling i morgen") == ["Er det samling i morgen"]


def test_a_yes_no_verb_in_a_statement_does_not_make_a_question() -> None:
    assert questions("Er ny her. Når er fristen?") == ["Når er fristen?"]


@pytest.mark.parametrize(
    "text",
    [
        "Er det samling for 1. trinn i oktober?",
        "Hva skjedde på styrersamlingen 21. oktober?",
        "Hva står i st. meld. 21 om DEKOM?",
        "Starter samlingen kl. 9 på Oppdal?",
    ],
)
def test_a_full_stop_after_a_number_or_an_abbreviation_does_not_end_the_sentence(
    text: str,
) -> None:
    assert questions(text) == [text]


def test_lines_are_sentences() -> None:
    assert questions("hva er dekom\nhva er rekom") == ["hva er dekom", "hva er rekom"]


def test_dialect_question_words_open_clauses() -> None:
    assert questions("ka tid e fristen, og ka tid e samlinga?") == [
        "ka tid e fristen",
        "ka tid e samlinga?",
    ]


def test_empty_parts_are_dropped() -> None:
    assert all(clause.text for clause in split_clauses("Hei!! , Når er fristen??", opener))


def test_each_om_after_lurer_pa_is_a_question_of_its_own() -> None:
    clauses = split_clauses(
        "Det er visst en samling i oktober, og jeg lurer på om den er digital, og om jeg må "
        "melde meg på.",
        opener,
    )
    asked = [clause.text for clause in clauses if clause.is_question]
    assert asked == ["om den er digital", "om jeg må melde meg på."]
    assert clauses[0].text == "Det er visst en samling i oktober"


def test_a_told_claim_with_at_is_not_split_before_its_verb(engine: Engine) -> None:
    """ "… slik at den nye planen for nettverket kommer høsten 2024. Er det riktig?": the
    sentence before the question is one claim, checked against "på plass i januar 2024"."""
    reply = engine.ask(
        "Jeg har forstått det slik at den nye langsiktige planen for nettverket kommer høsten"
        " 2024. Er det riktig?",
        at(A_LATER_YEAR),
    )
    assert reply.confident and reply.text.startswith("Nei."), reply.text
    assert "januar 2024" in reply.text
