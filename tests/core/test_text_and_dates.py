"""Norwegian text folding, stemming, spelling and dates: the ground the engine stands on."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.date_texts import day_span, long_date, relative_hint
from bot.core.dates import find_period
from bot.core.spelling import Speller
from bot.core.text import Normaliser, fold, stem, words


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Påmelding", "pamelding"),
        ("Paamelding", "pamelding"),
        ("pamelding", "pamelding"),
        ("Læringsmiljø", "leringsmiljo"),
        ("Laeringsmiljoe", "leringsmiljo"),
        ("RØROS", "roros"),
        ("Kompetanseløftet", "kompetanseloftet"),
        ("café", "cafe"),
    ],
)
def test_every_spelling_of_the_norwegian_letters_folds_to_one_form(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_words_drop_punctuation_but_keep_numbers() -> None:
    assert words("Lærere på 1. trinn – «DEKOM»!") == ("lerere", "pa", "1", "trinn", "dekom")


@pytest.mark.parametrize(
    "forms",
    [
        ("samling", "samlinga", "samlingen", "samlinger", "samlingar", "samlingene"),
        ("tema", "temaer", "temaene"),
        ("ordning", "ordninga", "ordningen", "ordningene", "ordningane"),
        ("styrer", "styrere"),
        ("kommune", "kommunen", "kommuner", "kommunene", "kommunane"),
    ],
)
def test_inflected_forms_share_a_stem(forms: tuple[str, ...]) -> None:
    assert len({stem(fold(form)) for form in forms}) == 1


def test_synonyms_map_phrases_in_any_inflection_to_the_canonical_term() -> None:
    normaliser = Normaliser([["dekom", "desentralisert ordning"], ["hva", "kva"]])
    assert normaliser.terms("Kva er den desentraliserte ordningen?") == (
        "hva",
        "er",
        "den",
        "dekom",
    )


def test_speller_fixes_typos_but_not_the_first_letter_or_stop_words() -> None:
    speller = Speller(["samling", "neste", "finner"], also_known=["vere"])
    assert " ".join(map(speller.correct, ["nesste", "samlig"])) == "neste samling"
    assert speller.correct("vinner") == "vinner"  # "finner" differs in the first letter
    assert speller.correct("veret") == "veret"  # never "corrected" into a stop word
    assert speller.correct("sam") == "sam"  # too short to guess


def test_long_dates_and_spans_read_as_norwegian() -> None:
    assert long_date(date(2021, 1, 20)) == "onsdag 20. januar 2021"
    assert day_span(date(2020, 1, 29), date(2020, 1, 30)) == "29.–30. januar 2020 (onsdag–torsdag)"
    assert (
        day_span(date(2020, 9, 30), date(2020, 10, 1))
        == "onsdag 30. september – torsdag 1. oktober 2020"
    )
    assert day_span(date(2020, 12, 31), date(2021, 1, 1)) == (
        "torsdag 31. desember 2020 – fredag 1. januar 2021"
    )


@pytest.mark.parametrize(
    ("day", "hint"),
    [
        (date(2020, 9, 10), "i dag"),
        (date(2020, 9, 11), "i morgen"),
        (date(2020, 9, 9), "i går"),
        (date(2020, 9, 13), "om 3 dager"),
        (date(2020, 9, 24), "om 2 uker"),
        (date(2020, 9, 1), "for 9 dager siden"),
        (date(2021, 1, 20), None),
    ],
)
def test_relative_hints_for_near_dates(day: date, hint: str | None) -> None:
    assert relative_hint(day, date(2020, 9, 10)) == hint


TODAY = date(2020, 9, 10)  # a Thursday


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("hva skjer i dag", date(2020, 9, 10), date(2020, 9, 10)),
        ("er det noe i morgen?", date(2020, 9, 11), date(2020, 9, 11)),
        ("samlinger denne uka", date(2020, 9, 7), date(2020, 9, 13)),
        ("kva skjer neste veke", date(2020, 9, 14), date(2020, 9, 20)),
        ("hva skjer i oktober", date(2020, 10, 1), date(2020, 10, 31)),
        ("hva skjer i august", date(2021, 8, 1), date(2021, 8, 31)),  # August has passed
        ("samlinger i januar 2021", date(2021, 1, 1), date(2021, 1, 31)),
        ("samlinger i høst", date(2020, 8, 1), date(2020, 12, 31)),
        ("samlingar i haust", date(2020, 8, 1), date(2020, 12, 31)),
        ("hva skjer i vår", date(2021, 1, 1), date(2021, 6, 30)),
        ("samlinger høsten 2019", date(2019, 8, 1), date(2019, 12, 31)),
        ("hva skjer 18. september", date(2020, 9, 18), date(2020, 9, 18)),
        ("var det noe 29.11.19", date(2019, 11, 29), date(2019, 11, 29)),
        ("uke 40", date(2020, 9, 28), date(2020, 10, 4)),
        ("samlinger i år", date(2020, 1, 1), date(2020, 12, 31)),
        ("hva skjedde i fjor", date(2019, 1, 1), date(2019, 12, 31)),
    ],
)
def test_periods_in_questions_resolve_against_today(question: str, start: date, end: date) -> None:
    period = find_period(question, TODAY)
    assert period is not None
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "question", ["når er neste samling", "1. trinn", "hva er dekom", "kl 9.30"]
)
def test_questions_without_a_period(question: str) -> None:
    assert find_period(question, TODAY) is None
