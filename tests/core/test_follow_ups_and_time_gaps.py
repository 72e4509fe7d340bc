"""Short follow-ups, claims of schemes and samlinger, what the sources leave out about time,
the halves of an either-or question, items of a list by their place, and who a samling is for
when the asker is a styrer (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.reply import Reply
from tests.core.asking import NOVEMBER_2020, ask, conversation, first_sentence, starts_with_verdict


def first_line(reply: Reply) -> str:
    """The verdict and the sentences that give it ("Nei. … var fredag …")."""
    return reply.text.split("\n", 1)[0]


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


@pytest.mark.parametrize(
    ("question", "said", "now"),
    [
        ("how many themes does læringsorientert ledelse have?", "seks", NOVEMBER_2020),
        ("can i still sign up for the english samling?", "24. september", "2020-09-20T12:00"),
        ("who is the main partner in the trondheim network?", "NTNU", NOVEMBER_2020),
        (
            "are private schools included in the network in trondheim?",
            "private skoler",
            NOVEMBER_2020,
        ),
        ("thanks, have a nice day :)", "Ha det bra", NOVEMBER_2020),
    ],
)
def test_more_english_words_are_read(engine: Engine, question: str, said: str, now: str) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert said in reply.text


def test_how_much_money_is_never_answered(engine: Engine) -> None:
    assert not ask(
        engine, "how much money fikk trondheim fra udir til skolebibliotekene?"
    ).confident


def test_the_askers_month_does_not_narrow_when_the_next_samling_is(engine: Engine) -> None:
    question = (
        "Jeg begynte som rektor i Melhus i august, og vi har lærere med engelsk på 4. trinn som "
        "vil være med på DEKOM i engelsk. Når er første samling?"
    )
    reply = ask(engine, question, "2020-09-15T14:10")
    assert reply.confident, reply.text
    assert "1. oktober 2020" in first_sentence(reply)
    assert "Jeg finner ingen samlinger" not in reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("er digital kompetanse et av temaene i læringsorientert ledelse?", "Nei"),
        ("er undervisningskvalitet et av temaene i læringsorientert ledelse?", "Ja"),
    ],
)
def test_one_of_the_items_of_a_list_named_by_its_heading(
    engine: Engine, question: str, verdict: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text


def test_an_audience_in_the_entrys_own_title_is_no_claim(engine: Engine) -> None:
    reply = ask(engine, "stemmer det at den nye kompetansemodellen for skolen kom i 2015?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "2017" in reply.text
