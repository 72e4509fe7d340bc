"""A membership asked without a verb ("malvik i gauldalsregionen?"), a platform claimed with
"brukte de …", and a scheme that is no partner of its own (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from tests.core.asking import A_LATER_YEAR, conversation, starts_with_verdict, sure


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("malvik i gauldalsregionen?", "Nei"),
        ("røros med i gauldal?", "Ja"),
        ("melhus i trondheimsnettverket?", "Nei"),
    ],
)
def test_a_name_in_a_group_without_a_verb_asks_membership(
    engine: Engine, question: str, verdict: str
) -> None:
    assert starts_with_verdict(sure(engine, question), verdict)


def test_brukte_de_teams_of_a_zoom_samling_is_no(engine: Engine) -> None:
    _held, teams = conversation(
        engine, ["blei styrersamlinga gjennomført?", "brukt dæm teams?"], A_LATER_YEAR
    )
    assert starts_with_verdict(teams, "Nei"), teams.text
    assert "Zoom" in teams.text


def test_the_scheme_asked_about_is_no_partner_claimed(engine: Engine) -> None:
    reply = sure(engine, "samarbeider kommunene i gauldalsregionen med universiteter om dekom?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert starts_with_verdict(sure(engine, "er malvik hovedpartner i nettverket?"), "Nei")


@pytest.mark.parametrize(
    ("question", "now", "verdict"),
    [
        ("har styrersamlingen vært ennå?", "2020-10-15T12:00", "Nei"),
        ("har styrarsamlinga vore enno?", "2020-10-25T12:00", "Ja"),
        ("e det nåkka samling for bhg-leiara i morgo?", "2021-01-19T12:00", "Ja"),
    ],
)
def test_whether_a_samling_has_been_and_dialect_tomorrow(
    engine: Engine, question: str, now: str, verdict: str
) -> None:
    assert starts_with_verdict(sure(engine, question, now), verdict)


def test_a_role_without_jeg_before_the_question_tells_who_asks(engine: Engine) -> None:
    reply = sure(
        engine, "er vikar for styrer i bhg, kommer det en styrersamling snart?", "2020-10-15T12:00"
    )
    assert "21. oktober" in reply.text
