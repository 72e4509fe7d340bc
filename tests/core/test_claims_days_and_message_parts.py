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


# -- short follow-ups and claims of a scheme ---------------------------------------------------


@pytest.mark.parametrize(
    ("first", "follow_up", "verdict"),
    [
        ("når var styrersamlingen?", "på teams?", "Nei"),
        ("når var styrersamlingen?", "på zoom?", "Ja"),
        ("når er neste ledersamling for barnehage?", "digitalt?", "Ja"),
    ],
)
def test_a_format_alone_asks_of_the_samling_just_named(
    engine: Engine, first: str, follow_up: str, verdict: str
) -> None:
    replies = conversation(engine, [first, follow_up], "2020-10-26T13:00")
    assert replies[1].confident, replies[1].text
    assert starts_with_verdict(replies[1], verdict), replies[1].text


def test_a_format_alone_without_a_samling_before_is_not_answered(engine: Engine) -> None:
    assert not ask(engine, "på teams?").confident


def test_and_for_an_audience_is_still_a_new_search(engine: Engine) -> None:
    """ "og for styrerne?" asks for their samlinger, not whether the last one is for them."""
    replies = conversation(
        engine,
        ["er det noen samling for skoleledere i oktober?", "og for styrerne?"],
        "2020-10-20T12:00",
    )
    assert "Digital styrersamling barnehage" in first_sentence(replies[1])


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("skal dekom erstatte de statlige satsingene over natta?", "Nei"),
        ("fører dekom til mer ansvar for kommunene?", "Ja"),
        ("ppt nevnt i målene for ordningene?", "Ja"),
    ],
)
def test_claims_of_a_scheme_get_a_verdict(engine: Engine, question: str, verdict: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


def test_a_wish_before_the_question_does_not_sink_it(engine: Engine) -> None:
    question = "jeg har så lyst på engelsk dekom men er det for sent å melde seg på nå?"
    reply = ask(engine, question, "2020-09-30T14:00")
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "24. september" in reply.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Is digital kompetanse one of the three fokusområdene?", "Nei"),
        ("is the påmeldingsfrist for engelsk passed??", "24. september"),
        ("thanks so much, that really helped", "Bare hyggelig"),
    ],
)
def test_common_english_words_are_read(engine: Engine, question: str, said: str) -> None:
    reply = ask(engine, question, "2020-09-28T12:00")
    assert reply.confident, reply.text
    assert said in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "gjelder dekom engelsk også for ungdomstrinnet?",
        "e engelsk-dekom for ungdomsskolelærera og?",
    ],
)
def test_a_scheme_and_an_audience_name_the_samling(engine: Engine, question: str) -> None:
    """ "dekom engelsk" is the samling «DEKOM – Engelsk på barnetrinnet», not the scheme."""
    reply = ask(engine, question, "2020-09-10T12:00")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "barnetrinnet" in first_line(reply)


@pytest.mark.parametrize("scheme", ["dekom", "rekom"])
def test_a_scheme_claimed_private_is_state(engine: Engine, scheme: str) -> None:
    reply = ask(engine, f"er {scheme} en privat ordning?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "statlig" in reply.text


# -- what the sources leave out about time -----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Er det satt opp ny dato for skoleledersamlinga som ble avlyst?",
        "får skoleledersamlingen som ble avlyst en ny dato?",
    ],
)
def test_a_new_date_for_a_cancelled_samling_is_not_known(engine: Engine, question: str) -> None:
    reply = ask(engine, question, NOVEMBER_2020)
    assert not reply.confident, reply.text
    assert "avlyst" in reply.text and "ny dato" in reply.text


@pytest.mark.parametrize(
    ("question", "side"),
    [
        ("Hva blir fokusområdene for Trondheimsskolen etter 2027?", "etter"),
        ("hva var fokusområdene før 2023?", "før"),
    ],
)
def test_a_time_outside_the_period_the_page_gives_is_not_known(
    engine: Engine, question: str, side: str
) -> None:
    reply = ask(engine, question)
    assert not reply.confident, reply.text
    assert "2023–2027" in reply.text and f"tiden {side}" in reply.text


def test_the_period_the_page_gives_is_still_answered(engine: Engine) -> None:
    reply = ask(engine, "hva er fokusområdene for 2023-2027?")
    assert reply.confident, reply.text
    assert "Lesing" in reply.text


def test_a_later_plan_the_page_names_is_no_gap(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["Hva var fokuset i nettverket Trondheim og Malvik 2018–2023?", "og hva skjer etter 2023?"],
        NOVEMBER_2020,
    )
    assert replies[1].confident, replies[1].text
    assert "januar 2024" in replies[1].text


# -- halves of one question, and who asks -----------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict", "now"),
    [
        (
            "Er det fortsatt mulig å melde seg på engelsk, eller er det for sent nå?",
            "Nei",
            "2020-09-28T18:00",
        ),
        (
            "Er PPT med i samarbeidet i Gauldalsregionen, eller gjelder det bare skole?",
            "Ja",
            NOVEMBER_2020,
        ),
        ("er midtre gauldal med i gauldalsregionen eller bare melhus", "Ja", NOVEMBER_2020),
    ],
)
def test_the_other_half_of_a_question_gets_no_verdict_of_its_own(
    engine: Engine, question: str, verdict: str, now: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text
    assert "\nJa" not in reply.text and "\nNei" not in reply.text, reply.text


def test_who_asks_with_jeg_left_out_is_no_question(engine: Engine) -> None:
    reply = ask(engine, "er rektor her, hva er egentlig målet med læringsorientert ledelse?")
    assert reply.confident, reply.text
    assert first_sentence(reply).startswith("Målet med læringsorientert ledelse")


# -- more claims -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Gjaldt strategien «Kompetanse for framtidens barnehage» fra 2016?", "Nei"),
        ("gjelder barnehagestrategien fra 2014?", "Ja"),
        ("modellen består bare av desentralisert ordning og oppfølgingsordning, ikke sant?", "Nei"),
        ("skal kommunane sjølve bestemme kva kompetansetiltak dei treng under dekom?", "Ja"),
        ("er det staten som bestemmer i dekom?", "Nei"),
    ],
)
def test_claims_of_start_list_and_who_decides(engine: Engine, question: str, verdict: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


def test_what_an_acronym_means_is_what_it_stands_for(engine: Engine) -> None:
    reply = ask(engine, "kva betyr DEKOM?")
    assert (
        first_sentence(reply)
        == "DEKOM står for desentralisert ordning for kompetanseutvikling i skolen."
    )


# -- who did it, which item, and parts that point back -----------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("var det utdanningsdirektoratet som innførte den nye kompetansemodellen i 2017?", "Nei"),
        ("var det kunnskapsdepartementet som innførte modellen?", "Ja"),
    ],
)
def test_who_introduced_the_model_is_checked(engine: Engine, question: str, verdict: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text
    assert "Kunnskapsdepartementet" in reply.text


@pytest.mark.parametrize(
    ("questions", "said"),
    [
        (
            ["hvor mange mål har strategien for framtidens barnehage?", "hva er det siste målet"],
            "øke statusen",
        ),
        (["hva er læringsorientert ledelse?", "hva er det første temaet?"], "ledelse"),
    ],
)
def test_an_item_of_the_last_list_by_its_place(
    engine: Engine, questions: list[str], said: str
) -> None:
    replies = conversation(engine, questions, NOVEMBER_2020)
    assert replies[1].confident, replies[1].text
    assert first_sentence(replies[1]).startswith("Det ") and said in first_sentence(replies[1])


def test_the_last_samling_is_still_a_samling(engine: Engine) -> None:
    reply = ask(engine, "når var den siste samlingen?", NOVEMBER_2020)
    assert "Digital styrersamling barnehage" in first_sentence(reply)


def test_which_period_asks_for_the_period_not_the_list(engine: Engine) -> None:
    reply = ask(engine, "hvilken periode gjelder strategien kompetanse for framtidens barnehage")
    assert "2014–2020" in first_sentence(reply)
    assert "•" not in reply.text


def test_a_later_part_pointing_back_means_the_part_before(engine: Engine) -> None:
    question = (
        "Vi har også barnehager i oppvekstområdet. Hvilken periode gjaldt strategien Kompetanse "
        "for framtidens barnehage, og hva var målene med den?"
    )
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "2014–2020" in reply.text and "øke statusen" in reply.text


def test_whom_a_region_works_with_on_a_samling_is_its_partner(engine: Engine) -> None:
    reply = ask(engine, "hvem samarbeider gauldalsregionen med om begynneropplæringen i dekom?")
    assert reply.confident, reply.text
    assert "NTNU" in first_sentence(reply)


def test_what_else_a_region_works_on(engine: Engine) -> None:
    reply = ask(engine, "hva samarbeider gauldalsregionen om utenom kompetanseutvikling?")
    assert reply.confident, reply.text
    assert "andre felles satsingsområder" in first_sentence(reply)


@pytest.mark.parametrize(
    "question",
    [
        "var ledersamlinga for barnehage i januar 2020 på Røros?",
        "var ledersamlinga for barnehage på Røros?",
    ],
)
def test_a_municipality_claimed_as_the_place_gets_no(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text


def test_no_samling_is_held_in_a_municipality_of_its_own(engine: Engine) -> None:
    reply = ask(engine, "er det noen samling på Røros?")
    assert reply.confident, reply.text
    assert reply.text.startswith("Nei. Ingen av samlingene i oversikten min er på Røros.")


def test_a_samling_for_the_kindergartens_in_a_municipality_is_no_place_claim(
    engine: Engine,
) -> None:
    reply = ask(engine, "er styrersamlingen for barnehager i Melhus?")
    assert starts_with_verdict(reply, "Ja"), reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("er samlingen for 1. trinn en torsdag?", "Nei"),
        ("er samlingen for 1. trinn på en fredag?", "Ja"),
    ],
)
def test_a_weekday_claimed_of_a_samling_named_by_its_audience(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, verdict), reply.text
    assert "fredag 18. september 2020" in reply.text


@pytest.mark.parametrize(
    ("claim", "verdict"), [("og var den i 2019?", "Nei"), ("var det i 2020?", "Ja")]
)
def test_a_year_claimed_of_the_last_samling(engine: Engine, claim: str, verdict: str) -> None:
    replies = conversation(engine, ["når var begynneropplæringa?", claim], NOVEMBER_2020)
    assert starts_with_verdict(replies[1], verdict), replies[1].text
    assert "18. september 2020" in replies[1].text


def test_a_goal_claimed_with_a_word_the_sources_never_use(engine: Engine) -> None:
    reply = ask(engine, "is one of the goals in that strategi å øke lønna for barnehageansatte?")
    assert starts_with_verdict(reply, "Nei"), reply.text


def test_a_cleft_with_a_question_word_inside_is_yes_or_no(engine: Engine) -> None:
    reply = ask(
        engine, "er det kommunane sjølve som bestemmer kva kompetansetiltak dei treng i dekom?"
    )
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_framover_alone_does_not_make_a_samling_question(engine: Engine) -> None:
    question = "Kva er fokusområda som skulane i Trondheim har sett for perioden framover?"
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "samlinger" not in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "æ e styrer i bhg, e det nån samling for oss neste uke?",
        "er det noen samling for styrere neste uke?",
    ],
)
def test_a_styrer_is_one_of_the_leaders_a_samling_is_for(engine: Engine, question: str) -> None:
    reply = ask(engine, question, "2021-01-13T09:00")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "Digital ledersamling barnehage" in reply.text
