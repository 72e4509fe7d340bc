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
