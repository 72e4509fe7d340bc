"""Answers shaped for a phone: the first sentence answers, short before a list, no title said
twice in a row, past samlinger in plain past tense, a short "vet ikke" with topic buttons."""

from __future__ import annotations

import re

import pytest

from bot.core.engine import Engine
from bot.core.knowledge import KnowledgeBase
from tests.core.asking import ask

_BULLET = "•"


def words_before_a_list(text: str) -> int:
    return len(text.split(_BULLET, 1)[0].split())


def test_open_deadlines_are_listed_as_whole_sentences(engine: Engine) -> None:
    reply = ask(engine, "når er fristen", "2020-09-20T12:00")
    assert reply.confident
    assert "• er " not in reply.text  # the old "• er torsdag 24. september …"
    assert "• torsdag 24. september 2020 (om 4 dager) – «DEKOM – Engelsk på barnetrinnet»" in (
        reply.text
    )


def test_a_named_deadline_names_the_samling_once(engine: Engine) -> None:
    reply = ask(engine, "når er påmeldingsfristen for engelsk på barnetrinnet?", "2020-09-20T12:00")
    assert reply.text.startswith(
        "Påmeldingsfristen for «DEKOM – Engelsk på barnetrinnet» er torsdag 24. september 2020"
    )


def test_the_title_is_not_repeated_in_the_next_sentence(engine: Engine) -> None:
    reply = ask(engine, "hvor var styrersamlingen?", "2020-10-24T12:00")
    lines = reply.text.splitlines()
    assert lines[0] == "«Digital styrersamling barnehage» var digitalt på Zoom."
    assert lines[1].startswith("Den ble gjennomført onsdag 21. oktober 2020")  # as the page says


def test_only_a_samling_the_page_says_was_held_is_told_as_held(engine: Engine) -> None:
    before = ask(engine, "når er styrersamlinga?", "2020-10-10T12:00")
    assert before.text.startswith("«Digital styrersamling barnehage» er onsdag 21. oktober")
    after = ask(engine, "ble styrersamlinga gjennomført eller avlyst?", "2020-10-22T09:00")
    assert "ble gjennomført digitalt på Zoom" in after.text, after.text
    other = ask(engine, "når var ledersamlinga på Oppdal?", "2020-03-01T12:00")
    assert "gjennomført" not in other.text, other.text


@pytest.mark.parametrize(
    "question",
    ["hvilke samlinger har det vært?", "er skoleledersamlingen avlyst?", "forrige samling"],
)
def test_past_samlinger_are_told_in_plain_past_tense(engine: Engine, question: str) -> None:
    reply = ask(engine, question, "2021-03-01T12:00")
    assert reply.confident
    held = [line for line in reply.text.splitlines() if "gjennomført" in line]
    assert all("styrersamling" in line for line in held)  # the pages say so only of it


def test_dont_know_is_short_and_offers_topics(engine: Engine) -> None:
    reply = ask(engine, "hvordan lager jeg pannekaker?")
    assert not reply.confident
    assert len(reply.text.split()) < 30
    assert len(reply.suggestions) == 3  # buttons: a scheme, a region or network, a focus area


def test_every_entry_answer_fits_a_phone_screen(kb: KnowledgeBase) -> None:
    too_long = [e.id for e in kb if words_before_a_list(e.answer) > 60]
    assert too_long == []


@pytest.mark.parametrize(
    "question",
    ["hva er DEKOM?", "hva er REKOM", "hva er kompetanseløftet", "hva er Gauldalsregionen?"],
)
def test_an_entry_answer_is_short_before_its_list(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident
    assert words_before_a_list(reply.text) <= 65  # "at most about 60 words before a list"


def test_schemes_and_white_papers_are_named_as_what_they_are(engine: Engine) -> None:
    reply = ask(engine, "hvilke strategier finnes?")
    assert re.search(r"stortingsmelding", reply.text, re.IGNORECASE)
    assert "Strategier jeg kjenner til" not in reply.text


@pytest.mark.parametrize(
    "asked",
    ["hva er målene med {}?", "hvem står bak {}?", "hva er {}?", "når kom {}?", "kven er {} for?"],
)
def test_no_answer_shows_a_program_value(engine: Engine, kb: KnowledgeBase, asked: str) -> None:
    """ "hva er målene for dekom?" once printed "None" where a group's list of goals was
    missing: no answer about any entry may show such a word."""
    for entry in kb:
        reply = ask(engine, asked.format(entry.title))
        shown = re.search(r"\bNone\b|\bTrue\b|\bFalse\b|\{|\}", reply.text)
        assert shown is None, (entry.id, reply.text)


def test_a_list_says_held_only_of_the_samling_the_page_says_was_held(engine: Engine) -> None:
    text = ask(engine, "samlinger i oktober 2020?", "2020-12-01T12:00").text
    assert "Digital styrersamling barnehage (digitalt på Zoom) – gjennomført" in text
    assert "DEKOM – Engelsk på barnetrinnet – har vært" in text


def test_what_the_sources_never_have_is_unsure_with_topic_buttons(engine: Engine) -> None:
    reply = ask(engine, "Hvor kan jeg parkere bilen?")
    assert not reply.confident
    assert reply.text.startswith("Det står ikke i kildene mine")
    assert len(reply.suggestions) >= 2
