"""Trøndelag dialect and nynorsk as teachers type them in a chat (issue 9, classes 1 and 2), and
the word rewriting behind it (bot/core/dialect.py)."""

from __future__ import annotations

import pytest

from bot.core.dialect import WordForms
from bot.core.engine import Engine
from bot.core.text import fold
from tests.core.asking import (
    AUTUMN_START_2020,
    EARLY_SEPTEMBER_2020,
    NOVEMBER_2020,
    ask,
    starts_with_verdict,
)

# -- Trøndelag dialect --------------------------------------------------------------------------

DIALECT = [
    # (question, now, what the answer must say)
    ("kor lenge e påmeldinga åpen te engelsk-samlinga?", EARLY_SEPTEMBER_2020, "24. september"),
    ("ka tid e den neste samlinga?", EARLY_SEPTEMBER_2020, "18. september"),
    ("kæm e styrersamlinga for?", AUTUMN_START_2020, "styrere"),
    ("æ e lærer på 1. trinn, ka tid e samlinga mi?", EARLY_SEPTEMBER_2020, "18. september"),
    ("kor va styrersamlinga?", NOVEMBER_2020, "Zoom"),
    ("ka e dekom?", EARLY_SEPTEMBER_2020, "desentralisert"),
    ("ka står rekom for?", EARLY_SEPTEMBER_2020, "regional ordning"),
    ("kæm e me i gauldalsregionen?", EARLY_SEPTEMBER_2020, "Røros"),
    ("kan æ meld mæ på engelsk-samlinga ennå?", "2020-09-20T12:00", "24. september"),
    ("ka tid va ledersamlinga på oppdal?", NOVEMBER_2020, "januar 2020"),
    ("e det nån samling for lærera i engelsk?", EARLY_SEPTEMBER_2020, "1. oktober"),
]


@pytest.mark.parametrize(("question", "now", "expected"), DIALECT)
def test_trondelag_dialect_is_understood(
    engine: Engine, question: str, now: str, expected: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert expected.lower() in reply.text.lower(), reply.text


def test_a_dialect_yes_no_question_about_a_cancelled_samling_says_yes(engine: Engine) -> None:
    reply = ask(engine, "bi skoleledersamlinga avlyst?", "2020-10-01T12:00")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "avlyst" in reply.text


def test_ittj_is_read_as_a_negation_not_as_a_topic(engine: Engine) -> None:
    reply = ask(engine, "e det ittj nån samling for barnehagan i januar?", "2020-12-01T12:00")
    assert reply.confident, reply.text
    assert "20. januar 2021" in reply.text


# -- Nynorsk ------------------------------------------------------------------------------------

NYNORSK = [
    ("Kva tid vart styrarsamlinga halde?", NOVEMBER_2020, "21. oktober"),
    ("Kva skjer i morgon?", "2020-09-17T12:00", "18. september"),
    (
        "Kva er fristen for å melde seg på engelsk på barnetrinnet?",
        AUTUMN_START_2020,
        "24. september",
    ),
    ("Kvar vart leiarsamlinga for barnehagane halde i 2020?", NOVEMBER_2020, "Oppdal"),
    ("Kva er målet med inkluderande læringsmiljø?", EARLY_SEPTEMBER_2020, "raust"),
    ("Kven står bak modellen frå 2017?", EARLY_SEPTEMBER_2020, "Kunnskapsdepartementet"),
    ("Kva for kommunar er med i Gauldalsregionen?", EARLY_SEPTEMBER_2020, "Midtre Gauldal"),
    ("Kva skular er med i Lesetråder?", EARLY_SEPTEMBER_2020, "Lilleby"),
    ("Kva tid trådde REKOM i kraft?", EARLY_SEPTEMBER_2020, "2019"),
    (
        "Er det berre éi samling for leiarar i barnehagen i januar?",
        "2020-12-01T12:00",
        "20. januar",
    ),
]


@pytest.mark.parametrize(("question", "now", "expected"), NYNORSK)
def test_nynorsk_is_understood(engine: Engine, question: str, now: str, expected: str) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert expected.lower() in reply.text.lower(), reply.text


def test_several_nynorsk_samlingar_for_leiarar_are_all_listed(engine: Engine) -> None:
    reply = ask(engine, "Er det fleire samlingar for leiarar i barnehagane?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "21. oktober" in reply.text
    assert "20. januar 2021" in reply.text


def test_ikkje_in_a_yes_no_question_does_not_turn_a_no_into_a_yes(engine: Engine) -> None:
    reply = ask(engine, "Er ikkje Malvik med i Gauldalsregionen?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text


# -- WordForms ----------------------------------------------------------------------------------

FORMS = {
    "kæm": "hvem",
    "ka": "hva",
    "e": "er",
    "æ": "jeg",
    "ittj": "ikke",
    "vart": "ble",
    "bhg": "barnehage",
    "skule": "skole",
    "forseint": "for sent",
}
KNOWN = {
    fold(word)
    for word in (
        "hvem",
        "hva",
        "er",
        "jeg",
        "ikke",
        "ble",
        "skole",
        "neste",
        "frist",
        "samling",
        "barnehagene",
        "lærere",
        "kommunene",
        "samlinger",
        "læringsmiljø",
        "gauldalsregionen",
        "skolebibliotek",
        "styrersamling",
    )
}


def forms() -> WordForms:
    return WordForms(FORMS, KNOWN.__contains__, split_heads=["neste", "forrige"])


def test_forms_are_looked_up_as_typed_so_ae_and_e_stay_apart() -> None:
    assert forms().rewrite(["æ", "e", "ittj"]) == ["jeg", "er", "ikke"]


def test_a_dialect_question_becomes_bokmal_words() -> None:
    assert forms().rewrite(["kæm", "e", "styrersamling"]) == ["hvem", "er", "styrersamling"]


def test_a_nynorsk_verb_form_becomes_the_bokmal_word() -> None:
    assert forms().rewrite(["vart"]) == ["ble"]


def test_a_form_may_stand_for_several_words() -> None:
    assert forms().rewrite(["forseint"]) == ["for", "sent"]


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("barnehagan", "barnehagene"),  # trøndersk -an
        ("lærera", "lærere"),  # trøndersk -a
        ("kommunane", "kommunene"),  # nynorsk -ane
        ("samlingar", "samlinger"),  # nynorsk -ar
    ],
)
def test_dialect_and_nynorsk_endings_give_the_known_bokmal_word(typed: str, standard: str) -> None:
    assert forms().rewrite([typed]) == [fold(standard)]


def test_a_known_word_keeps_its_ending() -> None:
    assert forms().rewrite(["samling"]) == ["samling"]


def test_an_ending_is_not_swapped_when_no_known_word_comes_of_it() -> None:
    assert forms().rewrite(["banana"]) == ["banana"]


def test_two_words_that_make_a_known_compound_are_joined() -> None:
    assert forms().rewrite(["lærings", "miljø"]) == [fold("læringsmiljø")]


def test_a_compound_is_joined_with_a_linking_s() -> None:
    assert forms().rewrite(["gauldal", "regionen"]) == ["gauldalsregionen"]


def test_words_that_make_no_known_compound_stay_apart() -> None:
    assert forms().rewrite(["neste", "samling"]) == ["neste", "samling"]


def test_a_question_word_glued_to_a_known_word_is_split() -> None:
    assert forms().rewrite(["nestefrist"]) == ["neste", "frist"]


def test_a_glued_word_is_not_split_into_an_unknown_rest() -> None:
    assert forms().rewrite(["nestekake"]) == ["nestekake"]


def test_a_compound_written_with_a_form_first_is_written_the_standard_way() -> None:
    assert forms().rewrite(["skulebibliotek"]) == ["skolebibliotek"]


def test_a_period_run_can_be_left_out() -> None:
    assert forms().rewrite(["samling", "i", "morgen"], drop=["i", "morgen"]) == ["samling"]


def test_numbers_pass_through_untouched() -> None:
    assert forms().rewrite(["uke", "40"]) == ["uke", "40"]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("erdet", ["er", "det"]),
        ("nårvar", ["nar", "var"]),
        ("forbhg", ["for", "barnehage"]),
    ],
)
def test_two_small_words_typed_as_one_are_split(typed: str, read: list[str]) -> None:
    assert forms().rewrite([typed]) == read


@pytest.mark.parametrize("word", ["forhold", "sommer", "videre", "korte", "gjorde", "etat"])
def test_a_word_of_its_own_is_not_split_into_small_words(word: str) -> None:
    assert forms().rewrite([word]) == [word]
