"""The speller's mending of quick-thumb slips of small words (`bot.core.spelling`)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.spelling import Speller
from tests.core.asking import sure

SMALL = {"jeg": "jeg", "eller": "eller", "for": "for", "mitt": "mitt", "hit": "hit", "forr": "for"}


@pytest.fixture
def speller() -> Speller:
    return Speller(["samling", "frist"], small_words=SMALL)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("ejg", "jeg"), ("ellr", "eller"), ("forr", "for"), ("jegg", "jeg")],
)
def test_a_swap_a_left_out_or_a_doubled_letter_is_mended(
    speller: Speller, typed: str, meant: str
) -> None:
    assert speller.correct(typed) == meant


@pytest.mark.parametrize("typed", ["midt", "hist", "jeh", "vik"])
def test_another_letter_is_no_slip(speller: Speller, typed: str) -> None:
    assert speller.correct(typed) == typed


def test_a_word_is_not_taken_for_a_small_word_cut_short() -> None:
    speller = Speller(["samling"], small_words={"jobbe": "jobbe"})
    assert speller.correct("jobb") == "jobb"  # "søke jobb": a job, not "jobbe"


def test_a_long_small_word_with_a_letter_left_out_inside_is_mended() -> None:
    speller = Speller(["samling"], small_words={"egentlig": "egentlig", "passert": "passert"})
    assert speller.correct("egentig") == "egentlig"
    assert speller.correct("passer") == "passer"  # its last letter is no slip


def test_a_word_the_speller_mends_is_not_read_with_a_letter_doubled(engine: Engine) -> None:
    reply = sure(engine, "er det noe samlig i morgen?", "2020-09-17T12:00")
    assert "begynneropplæring" in reply.text
