"""English as parents and new teachers write it, and whether a samling is still held or has
been (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.dialect import WordForms, synonyms_as_read
from bot.core.engine import Engine
from tests.core.asking import (
    A_LATER_YEAR,
    ask,
    conversation,
    first_sentence,
    starts_with_verdict,
    sure,
)

DAY_BEFORE_SKOLELEDERSAMLING = "2020-10-27T12:00"  # cancelled, 28 October 2020
WEEK_BEFORE_STYRERSAMLING = "2020-10-15T12:00"  # held, 21 October 2020


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what is dekom supposed to replace?", "statlige satsinger"),
        ("the REKOM scheme, which sector is it for?", "barnehage"),
        ("which white paper describes dekom?", "Stortingsmelding 21"),
        ("REKOM: since when has it existed?", "2019"),
        ("what's the aim of the inclusive learning environment area?", "læringsmiljø"),
    ],
)
def test_english_words_of_the_schemes_are_read(engine: Engine, question: str, said: str) -> None:
    assert said in sure(engine, question).text


def test_since_when_follows_up_in_english(engine: Engine) -> None:
    first, since = conversation(
        engine, ["what does REKOM mean?", "since when?"], "2026-11-22T12:00"
    )
    assert first.confident
    assert since.confident and "2019" in since.text


@pytest.mark.parametrize(
    ("question", "now", "said"),
    [
        ("anything for english teachers this autumn?", "2020-09-15T19:00", "høsten 2020"),
        ("anything in the spring for kindergarten leaders?", "2019-11-01T12:00", "våren 2020"),
        ("what is on 1 october?", "2020-09-15T19:00", "Engelsk på barnetrinnet"),
    ],
)
def test_english_seasons_and_months_are_periods(
    engine: Engine, question: str, now: str, said: str
) -> None:
    assert said in sure(engine, question, now).text


def test_a_form_is_not_read_as_a_form_again() -> None:
    """ "autumn" is "høst", folded "host"; that "host" is also English for "arrangør" must not
    turn the season into an organiser."""
    forms = WordForms({"autumn": "høst", "host": "arrangør"}, {"host", "arrangor"}.__contains__)
    assert forms.rewrite(["autumn"]) == ["host"]
    assert forms.rewrite(["host"]) == ["arrangor"]


@pytest.mark.parametrize(
    "question",
    [
        "er den digitale skoleledersamlingen i morgen fortsatt på?",
        "is the digital skoleledersamling tomorrow still on?",
        "Skoleledersamlingen 28. oktober går som normalt?",
    ],
)
def test_a_cancelled_samling_named_by_its_format_is_not_held(engine: Engine, question: str) -> None:
    reply = ask(engine, question, DAY_BEFORE_SKOLELEDERSAMLING)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "digitalt." not in first_sentence(reply)


@pytest.mark.parametrize(
    "question",
    [
        "har styrersamlinga vært?",
        "har styrarsamlinga vore enno elle e ho framfor oss",
    ],
)
def test_a_samling_still_to_come_has_not_been(engine: Engine, question: str) -> None:
    reply = ask(engine, question, WEEK_BEFORE_STYRERSAMLING)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "21. oktober" in reply.text


def test_what_a_presentation_says_is_not_in_the_sources(engine: Engine) -> None:
    for question in (
        "hva sier presentasjonen fra planleggingsdag 29.11.19 om vurdering for læring?",
        "what did the presentation from planleggingsdag 29.11.19 say about vurdering?",
    ):
        reply = ask(engine, question)
        assert not reply.confident, reply.text
        assert "presentasjonen" in reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("påmeldingsfristen for engelsk på barnetrinnet er 24. september, stemmer det?", "Ja"),
        ("påmeldingsfristen for engelsk er 25. september, stemmer det?", "Nei"),
        ("ledersamlingen bhg på oppdal var 28.-29. januar 2020, riktig?", "Nei"),
        ("ledersamlingen bhg på oppdal var 29.-30. januar 2020, riktig?", "Ja"),
    ],
)
def test_a_day_claimed_without_its_year_is_checked_on_the_day(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, verdict), reply.text


def test_samlinger_of_another_year_are_not_given_this_years_weekdays(engine: Engine) -> None:
    reply = sure(engine, "var ledersamlingen på oppdal 29.–30. januar?")
    assert "(torsdag–fredag)" not in reply.text  # 29.–30. januar 2026; the samling was in 2020
    assert "(onsdag–torsdag)" in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("ka for en samling e dæ 18. septembe?", "begynneropplæring"),
        ("har styrarsamlinga vore alt?", "21. oktober"),
        ("who funded the skolebibliotek project lesetråder?", "Utdanningsdirektoratet"),
        ("when did the original Lesetråd project end?", "2020"),
    ],
)
def test_shortened_months_nynorsk_alt_and_english_funding(
    engine: Engine, question: str, said: str
) -> None:
    assert said in sure(engine, question, "2020-10-25T12:00").text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("hvilken ukedag er samlingen for lærere på første trinn?", "fredag 18. september"),
        ("what day of the week is the meeting for 1st grade teachers?", "fredag 18. september"),
        ("where was the kindergarten leaders gathering held in jan 2020?", "Oppdal"),
        ("i was at the planning day for school in autumn 2019. what date was it?", "29. november"),
        ("which comes first, the english course or the first grade teachers one?", "18. september"),
    ],
)
def test_grades_gatherings_and_weekdays_in_english(
    engine: Engine, question: str, said: str
) -> None:
    assert said in sure(engine, question).text


@pytest.mark.parametrize(
    "question",
    [
        "which NTNU researchers lead the begynneropplæring sessions?",
        "hvilke forskere leder samlingene om begynneropplæring?",
    ],
)
def test_a_list_of_samlinger_by_what_no_source_has_is_not_answered(
    engine: Engine, question: str
) -> None:
    assert not ask(engine, question).confident


def test_a_nynorsk_verb_in_ar_opens_a_yes_no_question(engine: Engine) -> None:
    first, follow_up = conversation(
        engine, ["hva er lesetråder?", "og jobbar dei med biblioteka i bydelen?"], A_LATER_YEAR
    )
    assert first.confident
    assert starts_with_verdict(follow_up, "Ja"), follow_up.text


def test_a_synonym_phrase_is_also_read_as_its_word_forms() -> None:
    groups = synonyms_as_read([["ukedag", "day of the week"]], {"day": "dag", "week": "uke"})
    assert groups == [["ukedag", "day of the week", "dag of the uke"]]


@pytest.mark.parametrize(
    ("first", "follow_up", "said"),
    [
        ("når er samlingen for 1. trinn?", "what day of the week is that", "fredag"),
        ("is there a samling for english teachers?", "ok and when do i need to sign up by", "24."),
    ],
)
def test_english_follow_ups_of_a_samling(
    engine: Engine, first: str, follow_up: str, said: str
) -> None:
    replies = conversation(engine, [first, follow_up], "2020-09-01T10:00")
    assert replies[0].confident
    assert replies[1].confident and said in replies[1].text, replies[1].text
