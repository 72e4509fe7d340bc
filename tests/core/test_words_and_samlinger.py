"""Words that must be read as meant, and samlinger asked about in ways the first readings missed:
parents, "kan X melde seg på?", a span of days, a compound written in nynorsk, "hvilke" that
lists no kind, and follow-ups in a chat (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import EARLY_SEPTEMBER_2020, ask, conversation, starts_with_verdict

# -- whom a samling is for -----------------------------------------------------------------------


def test_parents_are_told_whom_the_samling_is_for(engine: Engine) -> None:
    reply = ask(engine, "kan foreldrene melde seg på samlinga 18. september?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "lærere på 1. trinn" in reply.text


def test_a_parents_meeting_is_out_of_scope(engine: Engine) -> None:
    assert not ask(engine, "når er foreldremøtet på skolen?", EARLY_SEPTEMBER_2020).confident


def test_signing_up_asks_whether_it_is_for_them_and_still_open(engine: Engine) -> None:
    styrer = ask(engine, "kan jeg som styrer melde meg på engelsksamlinga?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(styrer, "Nei"), styrer.text
    assert "engelsk på barnetrinnet" in styrer.text
    late = ask(engine, "kan jeg melde meg på engelsksamlinga?", "2020-09-28T12:00")
    assert starts_with_verdict(late, "Nei"), late.text  # the deadline was 24. september


def test_the_audiences_before_for_name_the_samling(engine: Engine) -> None:
    reply = ask(engine, "er begynneropplæringssamlinga for styrarar?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "begynneropplæring" in reply.text.splitlines()[0]


def test_the_school_stage_in_nynorsk(engine: Engine) -> None:
    reply = ask(engine, "når er fyrste samling for engelsk på barnesteget?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "1. oktober" in reply.text


# -- days and samlinger ---------------------------------------------------------------------------


def test_a_span_of_days_without_a_year(engine: Engine) -> None:
    reply = ask(engine, "kva skjedde 29.–30. januar på Oppdal?", "2026-11-22T12:00")
    assert reply.confident, reply.text
    assert "Ledersamling barnehage på Oppdal" in reply.text
    assert "2026" not in reply.text.splitlines()[0]  # headed by the day, not a wrong year


def test_what_there_is_of_one_samling_on_a_day(engine: Engine) -> None:
    reply = ask(engine, "hva finnes etter planleggingsdagen 29.11.19?", "2019-12-10T12:00")
    assert "Presentasjonen" in reply.text


def test_a_pronoun_for_a_samling_after_the_forms(engine: Engine) -> None:
    replies = conversation(
        engine, ["når er ledersamlinga for barnehage?", "e ho digital?"], "2020-11-10T12:00"
    )
    assert replies[1].confident, replies[1].text
    assert "digitalt" in replies[1].text


def test_the_platform_of_a_samling_held(engine: Engine) -> None:
    reply = ask(engine, "ka plattform brukte dem på styrersamlinga?", "2020-10-26T12:00")
    assert reply.confident, reply.text
    assert "Zoom" in reply.text


def test_next_samling_with_da_asks_it_all(engine: Engine) -> None:
    reply = ask(engine, "neste samling da?", "2020-09-25T12:00")
    assert reply.confident, reply.text
    assert "1. oktober" in reply.text


# -- words ---------------------------------------------------------------------------------------


def test_a_compound_written_with_a_nynorsk_last_part(engine: Engine) -> None:
    reply = ask(engine, "kva er fokusområda for Trondheimsskulen?")
    assert reply.confident, reply.text
    assert "lesing" in reply.text.lower()


def test_hvilke_lists_a_kind_only_when_the_kind_follows(engine: Engine) -> None:
    levels = ask(engine, "lesing som fokusområde – på hvilke nivå skal det jobbast?")
    assert "individnivå" in levels.text, levels.text
    areas = ask(engine, "hvilke tre fokusområder har Trondheimsskolen?")
    assert "læringsorientert ledelse, inkluderende læringsmiljø og lesing" in areas.text.lower()


def test_maths_is_no_focus_area(engine: Engine) -> None:
    reply = ask(engine, "er matte ett av fokusområdene til Trondheimsskolen?")
    assert starts_with_verdict(reply, "Nei"), reply.text


def test_a_follow_up_about_the_ordninger_is_about_them(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["hvem er med i nettverket med Malvik?", "og hva er målene for ordningene?"],
        "2026-11-22T12:00",
    )
    assert replies[1].confident, replies[1].text
    assert "inkluderende" in replies[1].text


def test_a_question_one_sentence_has_every_word_of(engine: Engine) -> None:
    reply = ask(engine, "hvem skal definere og prioritere kompetanseutviklingstiltakene?")
    assert reply.confident, reply.text
    assert "kommunene skal selv definere og prioritere" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hvor mye DEKOM-midler får Holtålen neste år?",
        "hva ble sagt på ledersamlingen på Oppdal?",
        "hvem er skolebibliotekar på Nardo?",
    ],
)
def test_amounts_what_was_said_and_who_holds_a_post_are_not_known(
    engine: Engine, question: str
) -> None:
    assert not ask(engine, question).confident
