"""What a message refers to, whom a samling is for, and the readings that must not misfire:
a back reference to what the same message named, school levels no samling is for, tag
questions, ordinal members, "en del av", and typos that are really other words (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.core.spelling import Speller
from tests.core.asking import (
    A_LATER_YEAR,
    EARLY_SEPTEMBER_2020,
    NOVEMBER_2020,
    ask,
    conversation,
    first_sentence,
    starts_with_verdict,
)

# -- a reference to what the same message named -------------------------------------------------


def test_den_refers_to_the_samling_named_earlier_in_the_message(engine: Engine) -> None:
    reply = ask(engine, "Den digitale skoleledersamlingen i oktober. Er den avlyst?")
    assert reply.confident, reply.text
    assert "avlyst" in reply.text.lower()


def test_the_askers_workplace_is_no_place_of_a_samling(engine: Engine) -> None:
    reply = ask(
        engine,
        "jeg er engelsklærer på barnetrinnet i Røros, er det noe kurs for meg i høst?",
        EARLY_SEPTEMBER_2020,
    )
    assert reply.confident, reply.text
    assert "1. oktober" in reply.text


# -- whom a samling is for ----------------------------------------------------------------------

FOR_THEM = [
    # (question, verdict, what the answer must say)
    ("er engelsk-kurset for mellomtrinnet?", "Nei", "barnetrinnet"),
    ("er engelsksamlingen for lærere på 9. trinn?", "Nei", "barnetrinnet"),
    ("er begynneropplæringssamlingen for lærere på 1. trinn?", "Ja", "1. trinn"),
]


@pytest.mark.parametrize(("question", "verdict", "expected"), FOR_THEM)
def test_whether_a_samling_is_for_a_school_level(
    engine: Engine, question: str, verdict: str, expected: str
) -> None:
    reply = ask(engine, question, EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text
    assert expected in reply.text.splitlines()[0]


def test_a_follow_up_asks_whether_the_remembered_samling_is_for_them(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["når er engelsksamlingen?", "er den for videregående også?"],
        EARLY_SEPTEMBER_2020,
    )
    assert replies[-1].confident, replies[-1].text
    assert starts_with_verdict(replies[-1], "Nei"), replies[-1].text


def test_the_samling_pointed_to_is_what_the_next_question_is_about(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["når var forrige engelsksamling?", "når må jeg melde meg på?"],
        EARLY_SEPTEMBER_2020,
    )
    assert "Neste samling" in replies[0].text
    assert replies[-1].confident, replies[-1].text
    assert "24. september" in replies[-1].text


# -- readings that must not misfire -------------------------------------------------------------


def test_a_tag_question_gets_a_verdict(engine: Engine) -> None:
    reply = ask(engine, "Malvik er vel med i Gauldalsregionen?")
    assert starts_with_verdict(reply, "Nei"), reply.text


def test_med_of_help_is_no_membership_question(engine: Engine) -> None:
    reply = ask(engine, "skal REKOM hjelpe oss med rammeplanen?")
    assert reply.confident, reply.text
    assert "rammeplan" in reply.text
    assert " er med i " not in reply.text


def test_a_scheme_is_no_outsider_of_a_region(engine: Engine) -> None:
    reply = ask(engine, "er Rennebu med i DEKOM-samarbeidet?")
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_en_del_av_asks_what_the_entry_belongs_to(engine: Engine) -> None:
    reply = ask(engine, "hva er oppfølgingsordningen en del av?")
    assert reply.confident, reply.text
    assert "modell for kompetanseutvikling" in first_sentence(reply)


def test_the_first_of_the_listed_members_is_the_subject(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["hvilke ordninger er med i 2017-modellen?", "hva kalles den første av dem?"],
        A_LATER_YEAR,
    )
    assert replies[-1].confident, replies[-1].text
    assert "DEKOM" in replies[-1].text


def test_two_unknown_choices_are_out_of_scope(engine: Engine) -> None:
    reply = ask(engine, "får vi kjøregodtgjørelse eller dagpenger for samlingen?")
    assert not reply.confident, reply.text


def test_a_deadline_of_something_that_is_no_samling_is_not_known(engine: Engine) -> None:
    reply = ask(engine, "når er søknadsfristen for etter- og videreutdanning neste år?")
    assert not reply.confident, reply.text


def test_a_typo_is_a_slip_or_an_ending_not_another_word() -> None:
    speller = Speller(["fagfornying", "implementering", "samling"])
    assert speller.correct("samlnig") == "samling"  # a swap
    assert speller.correct("implementere") == "implementering"  # another ending
    assert speller.correct("fagforeningen") == "fagforeningen"  # another word


def test_a_suspended_compound_shares_its_last_word(engine: Engine) -> None:
    """The page has "på kommune-, skole- og individnivå": "nivå" is a word of its own."""
    reply = ask(engine, "på hvilke nivå skal det være kompetanseutvikling i lesing?")
    assert reply.confident, reply.text
    assert "individnivå" in reply.text


def test_er_vi_med_asks_about_where_the_asker_works(engine: Engine) -> None:
    reply = ask(engine, "Jeg er styrer i Tydal. Er vi med i Gauldalsregionen?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Tydal" in first_sentence(reply)


def test_a_typo_of_a_small_word_is_no_unknown_member(engine: Engine) -> None:
    reply = ask(engine, "er barnehagene ogsåå med i gauldalsregionen?")
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_choices_set_no_place(engine: Engine) -> None:
    reply = ask(engine, "styrersamlingen, blir den på Oppdal eller på Zoom?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "Zoom" in reply.text
    assert "Oppdal" not in first_sentence(reply)


def test_a_deadline_nobody_registered_is_not_answered_as_known(engine: Engine) -> None:
    reply = ask(engine, "når er påmeldingsfristen for styrersamlingen?", EARLY_SEPTEMBER_2020)
    assert not reply.confident, reply.text
    assert "ingen påmeldingsfrist registrert" in reply.text


def test_how_many_people_came_is_never_in_the_sources(engine: Engine) -> None:
    reply = ask(engine, "hvor mange styrere var med på styrersamlingen?", NOVEMBER_2020)
    assert not reply.confident, reply.text


def test_a_fact_of_the_named_scheme_beats_a_closer_match_without_it(engine: Engine) -> None:
    reply = ask(engine, "hvem står bak DEKOM-ordningen?")
    assert reply.confident, reply.text
    assert "Kunnskapsdepartementet" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "gjeld REKOM for skulane òg, eller berre barnehagane?",
        "er rekom for skole elr bare bhg?",
        "gjelder REKOM for skolen til datteren min?",
    ],
)
def test_whom_a_scheme_applies_to_with_choices_and_abbreviations(
    engine: Engine, question: str
) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "barnehage" in reply.text


def test_the_corresponding_scheme_for_another_audience(engine: Engine) -> None:
    replies = conversation(
        engine, ["hva er DEKOM?", "og den tilsvarende for barnehagen?"], A_LATER_YEAR
    )
    assert replies[-1].confident, replies[-1].text
    assert "REKOM" in replies[-1].text


def test_based_on_asks_what_it_is(engine: Engine) -> None:
    reply = ask(engine, "hva slags kompetanseutvikling er REKOM basert på?")
    assert reply.confident, reply.text
    assert "barnehagebasert" in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "jobber Gauldalsregionen med andre ting i tillegg til kompetanse?",
        "hva samarbeider regionen om utover kompetanseutvikling?",
    ],
)
def test_other_than_asks_what_else(engine: Engine, question: str) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert "andre felles satsingsområder" in reply.text


def test_how_many_asked_of_the_last_subject(engine: Engine) -> None:
    replies = conversation(
        engine, ["fortell om læringsorientert ledelse", "hvor mange tema har det?"], A_LATER_YEAR
    )
    assert replies[-1].confident, replies[-1].text
    assert "seks" in replies[-1].text


def test_a_sibling_named_after_a_member_was_the_subject(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["hva er målet med lesing?", "og læringsmiljøområdet, hva er målet der?"],
        A_LATER_YEAR,
    )
    assert replies[-1].confident, replies[-1].text
    assert "raust" in replies[-1].text


def test_a_reference_takes_only_words_the_knowledge_base_has(engine: Engine) -> None:
    reply = ask(
        engine,
        "Jeg har satt av dagen til skoleledersamlingen 28. oktober. Blir den på Zoom eller fysisk?",
        "2020-10-20T12:00",
    )
    assert reply.confident, reply.text
    assert "AVLYST" in reply.text
    assert not reply.text.startswith(("Ja.", "Nei.")), reply.text  # a choice, not a yes or no


def test_a_samling_that_went_ahead_says_where_it_was(engine: Engine) -> None:
    reply = ask(engine, "ble styrersamlingen avlyst?", NOVEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Zoom" in first_sentence(reply)


def test_og_with_the_last_subjects_own_words_is_a_follow_up(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["hvem er hovedpartner i nettverket med Malvik?", "og hvilke kommuner er med?"],
        A_LATER_YEAR,
    )
    assert replies[-1].confident, replies[-1].text
    assert "Malvik" in replies[-1].text and "Gauldal" not in replies[-1].text


def test_one_fact_of_two_named_schemes(engine: Engine) -> None:
    reply = ask(engine, "hva står DEKOM og REKOM for?")
    assert reply.confident, reply.text
    assert "desentralisert" in reply.text and "regional ordning" in reply.text


def test_two_schemes_are_not_the_same(engine: Engine) -> None:
    reply = ask(engine, "er REKOM og DEKOM det samme?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "barnehage" in reply.text and "skolen" in reply.text


def test_why_asked_of_a_kind_goes_to_the_entry_that_says_why(engine: Engine) -> None:
    reply = ask(engine, "hvorfor skal kommunene samarbeide i nettverk?")
    assert reply.confident, reply.text
    assert "kapasitet" in reply.text


def test_a_goal_asked_by_its_words_is_that_goal(engine: Engine) -> None:
    reply = ask(engine, "hvem skal samarbeide om et inkluderende fellesskap ifølge målene?")
    assert reply.confident, reply.text
    assert reply.text.startswith("PP-tjenesten"), reply.text


def test_a_wrong_year_gets_a_no(engine: Engine) -> None:
    reply = ask(engine, "kom REKOM i 2015?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "2019" in reply.text


def test_med_der_asks_about_the_group_last_talked_about(engine: Engine) -> None:
    replies = conversation(
        engine, ["hvilke kommuner er med i Gauldalsregionen?", "er Malvik med der?"], A_LATER_YEAR
    )
    assert starts_with_verdict(replies[-1], "Nei"), replies[-1].text
    assert "Gauldalsregionen" in first_sentence(replies[-1])


def test_og_den_for_another_audience_is_their_samling(engine: Engine) -> None:
    replies = conversation(
        engine,
        ["når er engelsksamlingen?", "og den for styrere?"],
        EARLY_SEPTEMBER_2020,
    )
    assert replies[-1].confident, replies[-1].text
    assert "21. oktober" in replies[-1].text


def test_nynorsk_sjaast_i_samanheng(engine: Engine) -> None:
    reply = ask(engine, "skal ordningane Rekom, Dekom og Kompetanseløftet sjåast i samanheng?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "sammenheng" in reply.text


def test_a_compound_head_never_written_alone_is_found(engine: Engine) -> None:
    reply = ask(engine, "samarbeider Nardo og Lilleby med et bibliotek i bydelen?")
    assert reply.confident, reply.text
    assert "bydelsbibliotek" in reply.text


def test_a_samling_belongs_to_its_scheme(engine: Engine) -> None:
    reply = ask(engine, "er begynneropplæring i samarbeid med NTNU en del av DEKOM?")
    assert starts_with_verdict(reply, "Ja"), reply.text


@pytest.mark.parametrize(
    ("question", "now", "verdict"),
    [
        ("går styrersamlingen som planlagt?", EARLY_SEPTEMBER_2020, "Ja"),
        ("blir skoleledersamlingen noe av?", EARLY_SEPTEMBER_2020, "Nei"),
        ("er det for sent å melde seg på engelsksamlingen?", EARLY_SEPTEMBER_2020, "Nei"),
        ("er fristen for engelsksamlingen gått ut?", "2020-09-28T12:00", "Ja"),
    ],
)
def test_questions_that_ask_the_opposite_get_the_right_verdict(
    engine: Engine, question: str, now: str, verdict: str
) -> None:
    reply = ask(engine, question, now)
    assert starts_with_verdict(reply, verdict), reply.text


def test_transport_and_opening_hours_are_never_in_the_sources(engine: Engine) -> None:
    for question in ["går det buss til styrersamlingen?", "når åpner biblioteket på Nardo?"]:
        assert not ask(engine, question).confident, question


def test_goals_of_two_members_are_the_groups_goals(engine: Engine) -> None:
    reply = ask(engine, "hva er målene med REKOM og Kompetanseløftet?")
    assert reply.confident, reply.text
    assert "inkluderende" in reply.text


def test_which_of_a_kind_a_named_scheme_names(engine: Engine) -> None:
    reply = ask(engine, "hvilken stortingsmelding omtaler DEKOM?")
    assert reply.confident, reply.text
    assert first_sentence(reply).endswith("Stortingsmelding 21."), reply.text


def test_last_years_season_is_a_period(engine: Engine) -> None:
    reply = ask(engine, "hvor var ledersamlingen for barnehage i fjor vinter?", "2021-01-05T12:00")
    assert reply.confident, reply.text
    assert "Oppdal" in first_sentence(reply)


def test_whether_a_named_samling_is_for_them_asks_about_that_samling(engine: Engine) -> None:
    reply = ask(engine, "er begynneropplæringssamlingen for styrere?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "begynneropplæring" in reply.text.splitlines()[0]


def test_dialect_i_marra_is_tomorrow(engine: Engine) -> None:
    reply = ask(engine, "e det nån samling i mårra?", "2020-09-17T14:00")
    assert reply.confident, reply.text
    assert "18. september" in reply.text


def test_a_no_for_an_audience_names_the_scheme_that_is_for_it(engine: Engine) -> None:
    reply = ask(engine, "gjelder REKOM for skolen også?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "DEKOM" in reply.text


def test_med_i_after_hjelpe_is_no_membership(engine: Engine) -> None:
    reply = ask(engine, "hva kan REKOM hjelpe barnehagene med i arbeidet?")
    assert reply.confident, reply.text
    assert "en del av" not in reply.text


def test_er_det_noen_her_is_a_greeting(engine: Engine) -> None:
    reply = ask(engine, "hallo, er det noen her?")
    assert reply.confident, reply.text
    assert reply.text.startswith("Hei")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("kva år tok DEKOM til å gjelde?", "2017"),
        (
            "hva kalles regional ordning for kompetanseutvikling i barnehagesektoren vanligvis?",
            "REKOM",
        ),
    ],
)
def test_in_force_and_name_asked_in_other_words(
    engine: Engine, question: str, expected: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert expected in reply.text


# Questions the mechanisms of this file let the bot answer, and what the answer must say. The id
# names the mechanism.
CONFIDENT_ANSWERS = [
    pytest.param(
        "Jeg gikk glipp av planleggingsdagen for skole høsten 2019. Hvilken dato var den?",
        A_LATER_YEAR,
        "29. november 2019",
        id="a_sentence_ending_in_a_year_is_context_for_the_question",
    ),
    pytest.param(
        "finnes det noen samling for ungdomsskolen?",
        EARLY_SEPTEMBER_2020,
        "ingen kommende samlinger for lærere på ungdomstrinnet",
        id="a_school_level_no_samling_is_for_gets_a_plain_no",
    ),
    pytest.param(
        "hvem er kompetanseutviklingen i regionen for?",
        A_LATER_YEAR,
        "PPT",
        id="for_whom_picks_the_match_that_says_whom_it_applies_to",
    ),
    pytest.param(
        "jobber Nardo og Lilleby sammen med noen bibliotek i Lesetråder?",
        A_LATER_YEAR,
        "bydelsbibliotek",
        id="a_yes_no_about_partners_answers_with_the_partners",
    ),
    pytest.param(
        "er det samling for styrarar denne hausten?",
        EARLY_SEPTEMBER_2020,
        "21. oktober",
        id="a_season_in_the_definite_form_is_a_period",
    ),
    pytest.param(
        "hva er DEKOM, rektoren vår nevner det på hvert eneste møte",
        A_LATER_YEAR,
        "desentraliserte",
        id="a_statement_after_the_question_is_context",
    ),
    pytest.param(
        "hva er målene med Rekom, Dekom og Kompetanseløftet?",
        A_LATER_YEAR,
        "inkluderende",
        id="all_members_named_mean_the_group",
    ),
    pytest.param(
        "hvor var samlingen 21. oktober?",
        A_LATER_YEAR,
        "Zoom",
        id="a_day_without_a_year_finds_the_samling_that_day_in_any_year",
    ),
    pytest.param(
        "hvem jobber Gauldalsregionen med kompetanse for, bare lærere?",
        A_LATER_YEAR,
        "PPT",
        id="for_then_a_pause_asks_for_whom",
    ),
    pytest.param(
        "Vi jobber mye med samarbeid og arbeid i kommunen. Hva er målet med lesing?",
        A_LATER_YEAR,
        "grunnleggende",
        id="a_clear_question_is_not_drowned_by_its_context",
    ),
    pytest.param(
        "hei, kan du hjelpe meg?",
        A_LATER_YEAR,
        "Jeg svarer på spørsmål",
        id="a_plea_for_help_gets_the_help_text",
    ),
]


@pytest.mark.parametrize(("question", "now", "expected"), CONFIDENT_ANSWERS)
def test_the_bot_is_sure_and_says_what_is_asked(
    engine: Engine, question: str, now: str, expected: str
) -> None:
    reply = ask(engine, question, now)
    assert reply.confident, reply.text
    assert expected in reply.text
