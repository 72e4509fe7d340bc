"""Yes/no questions with a question inside, "om" clauses, shortened compounds, names in any
network, how many days a samling lasted, what a linked presentation says, who holds a samling,
and the parts of a message that only tell why it is asked (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.reply import Reply
from tests.core.asking import NOVEMBER_2020, ask, conversation, first_sentence, starts_with_verdict

BEFORE_THE_CANCELLED_SAMLING = "2020-10-15T12:00"
AFTER_THE_ENGLISH_DEADLINE = "2020-09-26T12:00"
BEFORE_THE_1_TRINN_SAMLING = "2020-09-10T12:00"


def first_line(reply: Reply) -> str:
    """The verdict and the sentences that give it ("Nei. … varte én dag: …")."""
    return reply.text.split("\n", 1)[0]


# -- yes or no, however the question is built --------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Skal kommunene selv prioritere hva de trenger av tiltak i DEKOM?", "Ja"),
        ("skal kommunane sjølv prioritere kva dei treng av tiltak i dekom?", "Ja"),
        ("Jeg lurer på om REKOM gjelder for skolen", "Nei"),
        ("lurer på om lesing er prioritert i trondheimsskolen", "Ja"),
        # "kompetansetiltak" is "kompetanseutviklingstiltak" with its middle left out
        ("Er det kommunene selv som prioriterer kompetansetiltakene i DEKOM?", "Ja"),
    ],
)
def test_yes_no_questions_get_their_verdict_first(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


def test_a_request_with_a_question_word_is_no_yes_no_question(engine: Engine) -> None:
    reply = ask(engine, "kan du si hva DEKOM er?")
    assert reply.confident, reply.text
    assert not starts_with_verdict(reply, "Ja") and not starts_with_verdict(reply, "Nei")
    assert "desentraliserte ordningen" in first_sentence(reply)


def test_a_confirming_sentence_is_not_said_twice(engine: Engine) -> None:
    reply = ask(engine, "Skal kommunene selv prioritere hva de trenger av tiltak i DEKOM?")
    assert reply.text.count("definere og prioritere") == 1, reply.text


# -- a name in any network ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("Er Melhus med i noe nettverk?", "Gauldalsregionen"),
        ("er rennebu med i noe samarbeid om kompetanse?", "Gauldalsregionen"),
        ("Er Malvik med i noen nettverk?", "Trondheim og Malvik"),
    ],
)
def test_a_member_of_some_network_is_told_which(engine: Engine, question: str, group: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert group in first_sentence(reply)


@pytest.mark.parametrize(
    "question", ["Er Selbu med i noen nettverk?", "er orkland med i noe dekom-nettverk?"]
)
def test_a_name_the_sources_never_use_is_not_ruled_out_of_every_network(
    engine: Engine, question: str
) -> None:
    """Two pages cannot say that a municipality is in no network at all."""
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert not reply.text.startswith(("Ja", "Nei")), reply.text


def test_sammen_med_a_municipality_is_a_membership_claim(engine: Engine) -> None:
    reply = ask(engine, "er Trondheim i kompetansenettverk sammen med Melhus?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Melhus" in first_sentence(reply)


def test_sammen_med_the_libraries_is_about_working_together(engine: Engine) -> None:
    reply = ask(engine, "jobber skolene i Lesetråder sammen med bibliotekene?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "bydelsbibliotekene" in reply.text


# -- how many days a samling lasted ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict", "days"),
    [
        ("Varte ledersamlingen på Oppdal i to dager?", "Ja", "to dager"),
        ("gjekk leiarsamlinga på Oppdal over tre dagar?", "Nei", "to dager"),
        ("Gikk styrersamlingen over to dager?", "Nei", "én dag"),
    ],
)
def test_the_days_claimed_of_a_samling_are_checked(
    engine: Engine, question: str, verdict: str, days: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text
    assert days in first_line(reply)


def test_which_days_a_samling_went_over_gets_both_days(engine: Engine) -> None:
    reply = ask(engine, "hvilke dager gikk ledersamlingen for barnehage på Oppdal over?")
    assert reply.confident, reply.text
    assert "29." in first_sentence(reply) and "30. januar 2020" in first_sentence(reply)


# -- what a linked presentation says -----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Hva står det i presentasjonen fra ledersamlingen på Oppdal?",
        "kva stod det i presentasjonen frå planleggingsdagen?",
    ],
)
def test_the_contents_of_a_presentation_are_not_in_the_sources(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert "sier ikke hva presentasjonen inneholder" in reply.text
    assert "Gauldalsregionens nettside" in reply.text  # where to find it


def test_the_day_of_the_samling_with_a_presentation_is_still_known(engine: Engine) -> None:
    reply = ask(engine, "Når var planleggingsdagen det ligger en presentasjon fra?")
    assert reply.confident, reply.text
    assert "29. november 2019" in first_sentence(reply)


# -- who holds a samling -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("Er begynneropplæringa i samarbeid med UiT?", "UiT"),
        ("er samlingen for 1. trinn i samarbeid med Nord universitet?", "Nord universitet"),
    ],
)
def test_a_partner_a_samling_does_not_have_gets_no(
    engine: Engine, question: str, unknown: str
) -> None:
    reply = ask(engine, question, BEFORE_THE_1_TRINN_SAMLING)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert unknown in first_line(reply)
    assert "holdes av Gauldalsregionen og NTNU" in reply.text


# -- what the sources do not have --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "now"),
    [
        ("Hvor stort beløp fikk Trondheim til skolebibliotekene?", NOVEMBER_2020),
        ("hvor stort tilskudd fikk trondheim fra udir?", NOVEMBER_2020),
        ("passordet til Zoom-møtet, har du det?", "2020-10-20T12:00"),
    ],
)
def test_sums_and_passwords_are_never_answered_confidently(
    engine: Engine, question: str, now: str
) -> None:
    assert not ask(engine, question, now).confident


# -- parts that only tell why ------------------------------------------------------------------


def test_a_purpose_clause_does_not_sink_the_question(engine: Engine) -> None:
    question = "Går skoleledersamlingen som planlagt, slik at jeg kan bestille vikar?"
    reply = ask(engine, question, BEFORE_THE_CANCELLED_SAMLING)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "avlyst" in first_sentence(reply)


def test_a_remark_after_the_question_is_not_answered(engine: Engine) -> None:
    reply = ask(engine, "Er fristen for engelsk ute?? glemte det helt", AFTER_THE_ENGLISH_DEADLINE)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert reply.text.count("24. september") == 1, reply.text


def test_a_question_word_after_a_preposition_starts_a_new_part(engine: Engine) -> None:
    reply = ask(engine, "Er lesing et fokusområde, og på hvilke nivåer skal det jobbes?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "individnivå" in reply.text


# -- one of the goals --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Er et av målene i strategien å øke lønna til de ansatte?", "Nei"),
        ("Er et av målene i strategien å bygge flere barnehageplasser?", "Nei"),
        ("er et av målene i barnehagestrategien å heve kompetansen til alle ansatte?", "Ja"),
        ("er et av målene for ordningene at barna skal trives?", "Ja"),
        ("er ppt med i målene for ordningene?", "Ja"),
    ],
)
def test_a_goal_claimed_is_checked_against_the_listed_goals(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


# -- a year claimed in a follow-up -------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "verdict"), [("var det 2017?", "Nei"), ("var det i 2019?", "Ja")]
)
def test_a_year_claimed_after_a_question_is_checked_of_its_subject(
    engine: Engine, claim: str, verdict: str
) -> None:
    replies = conversation(engine, ["når kom rekom?", claim], NOVEMBER_2020)
    assert replies[1].confident, replies[1].text
    assert starts_with_verdict(replies[1], verdict), replies[1].text
    assert "REKOM" in replies[1].text and "2019" in replies[1].text


def test_a_year_claimed_in_the_same_message_is_said_once(engine: Engine) -> None:
    reply = ask(engine, "hvilket år trådte rekom i kraft? var det 2017?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert reply.text.count("trådte i kraft") == 1, reply.text


def test_a_year_claimed_beside_another_thing_is_still_the_claim(engine: Engine) -> None:
    reply = ask(engine, "trådte rekom i kraft i 2017 samtidig som den nye modellen for skolen?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "2019" in reply.text


# -- what the message tells around the question ------------------------------------------------


def test_the_askers_boss_is_no_audience(engine: Engine) -> None:
    question = (
        "Styreren min sa at det kommer en ledersamling for barnehage over nyttår. "
        "Vet du når den er?"
    )
    reply = ask(engine, question, "2020-11-20T09:30")
    assert reply.confident, reply.text
    assert "20. januar 2021" in first_sentence(reply)


def test_the_askers_own_month_does_not_narrow_a_scheme(engine: Engine) -> None:
    question = (
        "Jeg startet som pedagogisk leder i august. Styreren snakker om REKOM, men jeg vet ikke "
        "hva det er. Hva står det for og når kom det?"
    )
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "regional ordning" in reply.text and "2019" in reply.text
    assert "Jeg finner ingen samlinger" not in reply.text


def test_a_hedge_after_the_question_asks_nothing(engine: Engine) -> None:
    reply = ask(
        engine, "Hva er målene for Rekom, Dekom og Kompetanseløftet, slik Trondheim beskriver dem?"
    )
    assert reply.confident, reply.text
    assert "inkluderende" in reply.text


def test_not_understanding_introduces_the_question(engine: Engine) -> None:
    question = (
        "Kollegaen min nevnte barnehagestrategien, og jeg skjønner ikke helt hva målene i den er?"
    )
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "øke statusen" in reply.text


def test_what_the_asker_believed_is_answered_too(engine: Engine) -> None:
    question = "ble styrersamlingen avlyst?? trodde det var skoleledersamlingen som ble avlyst"
    reply = ask(engine, question, NOVEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Digital skoleledersamling" in reply.text and "avlyst" in reply.text


def test_a_name_the_question_asks_about_beats_one_the_message_tells(engine: Engine) -> None:
    reply = ask(engine, "er melhus med i gauldalsregionen? jeg trodde vi hørte til trondheim")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "Melhus" in first_sentence(reply)


# -- abbreviations, choices, chatter -----------------------------------------------------------


def test_el_is_eller_not_the_end_of_a_sentence(engine: Engine) -> None:
    reply = ask(engine, "er ppt med i kompetansesamarbeidet i regionen el. bare bhg og skole?")
    assert reply.confident, reply.text
    assert "PPT" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "hvor mange kommuner er det i gauldalsregionen, 5 eller 6?",
        "er det 5 eller 6 kommuner i gauldalsregionen?",
    ],
)
def test_numbers_offered_as_choices_get_the_number_without_a_verdict(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "seks" in reply.text
    assert not reply.text.startswith(("Ja", "Nei")), reply.text


def test_the_weather_is_never_in_the_sources(engine: Engine) -> None:
    assert not ask(engine, "ble det fint vær på Oppdal under ledersamlingen?").confident


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("god morgen, travel dag i dag 😅", "Hei"),
        ("hei, har du tid til et par spørsmål?", "bare spør"),
    ],
)
def test_greetings_and_asking_to_ask_get_a_friendly_reply(
    engine: Engine, message: str, said: str
) -> None:
    reply = ask(engine, message)
    assert reply.confident, reply.text
    assert said in reply.text
