"""Claims of numbers and years checked against the sources, how long a samling lasts, members
named by what they are, the samlinger after a named one, and messages whose parts are not all
questions (issue 9)."""

from __future__ import annotations

import pytest

from bot.core.dates import with_full_years
from bot.core.engine import Engine
from tests.core.asking import (
    EARLY_SEPTEMBER_2020,
    NOVEMBER_2020,
    ask,
    conversation,
    first_sentence,
    starts_with_verdict,
)

# -- numbers and years the question claims ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict", "said"),
    [
        ("stemmer det at modellen fra 2017 har to ordninger?", "Nei", "tre ordninger"),
        ("består 2017-modellen av tre ordningar?", "Ja", "tre ordninger"),
        ("har Trondheimsskolen fire fokusområde no?", "Nei", "tre fokusområder"),
        ("er Gauldalsregionen sju kommunar?", "Nei", "seks kommuner"),
        ("er læringsorientert leiing delt i seks tema?", "Ja", "seks tema"),
    ],
)
def test_a_number_claimed_is_checked(
    engine: Engine, question: str, verdict: str, said: str
) -> None:
    reply = ask(engine, question)
    assert reply.confident, reply.text
    assert starts_with_verdict(reply, verdict), reply.text
    assert said in reply.text


def test_a_number_is_checked_against_the_length_of_a_list(engine: Engine) -> None:
    reply = ask(engine, "har barnehagestrategien fem mål?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Det er tre." in reply.text


def test_a_number_that_agrees_decides_nothing_when_more_is_claimed(engine: Engine) -> None:
    reply = ask(engine, "er modellen med tre ordninger laget av Udir?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Kunnskapsdepartementet" in reply.text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("gjeld fokusområda for Trondheimsskulen 2019–2022?", "Nei"),
        ("er lesing fokusområde i 2026?", "Ja"),
        ("gjelder barnehagestrategien ennå i 2023?", "Nei"),
    ],
)
def test_years_are_checked_against_the_period(engine: Engine, question: str, verdict: str) -> None:
    reply = ask(engine, question)
    assert starts_with_verdict(reply, verdict), reply.text
    assert "–20" in reply.text  # the period the sources give


def test_two_digit_years_are_years() -> None:
    assert with_full_years("fokusområdene 23-27?") == "fokusområdene 2023–2027?"
    assert with_full_years("kl. 10-12") == "kl. 10-12"
    assert with_full_years("uke 12-14") == "uke 12-14"
    assert with_full_years("23-27 oktober") == "23-27 oktober"


# -- samlinger -------------------------------------------------------------------------------------


def test_how_many_days_a_samling_lasts(engine: Engine) -> None:
    oppdal = ask(engine, "kor mange dagar varte leiarsamlinga på Oppdal?")
    assert oppdal.confident, oppdal.text
    assert "to dager" in first_sentence(oppdal)
    english = ask(engine, "hvor lenge varer engelsksamlinga?", EARLY_SEPTEMBER_2020)
    assert "én dag" in first_sentence(english)


def test_the_samlinger_after_a_named_one(engine: Engine) -> None:
    reply = ask(engine, "når er neste samling etter begynneropplæringa?", "2020-09-15T12:00")
    assert reply.confident, reply.text
    assert "1. oktober" in first_sentence(reply)
    assert "1. trinn" not in first_sentence(reply)


def test_the_autumn_and_this_week_in_chat_spelling(engine: Engine) -> None:
    autumn = ask(engine, "kva samlingar e det i hausten?", EARLY_SEPTEMBER_2020)
    assert "18. september" in autumn.text
    week = ask(engine, "skjer det nå denna veka?", "2020-09-16T12:00")
    assert week.confident, week.text
    assert "18. september" in week.text


def test_what_is_asked_of_a_cancelled_samling_is_answered_by_its_cancelling(
    engine: Engine,
) -> None:
    reply = ask(engine, "hva er zoom-lenka til skoleledersamlinga?", "2020-10-10T12:00")
    assert reply.confident, reply.text
    assert "AVLYST" in reply.text


# -- members ---------------------------------------------------------------------------------------


def test_a_scheme_is_a_member_of_the_model_by_what_it_is(engine: Engine) -> None:
    dekom = ask(engine, "hører DEKOM til ordningene i modellen fra 2017?")
    assert starts_with_verdict(dekom, "Ja"), dekom.text
    rekom = ask(engine, "er REKOM ein del av modellen frå 2017?")
    assert starts_with_verdict(rekom, "Nei"), rekom.text
    assert "REKOM" in first_sentence(rekom)


def test_a_name_never_seen_is_none_of_a_kind(engine: Engine) -> None:
    reply = ask(engine, "er matematikk et fokusområde i Trondheim?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "lesing" in reply.text


def test_a_bare_are_they_in_asks_of_the_group_talked_about(engine: Engine) -> None:
    replies = conversation(
        engine, ["kven er med i Gauldalsregionen?", "er Malvik med?"], EARLY_SEPTEMBER_2020
    )
    assert starts_with_verdict(replies[-1], "Nei"), replies[-1].text
    assert "Gauldalsregionen" in first_sentence(replies[-1])


def test_the_question_asks_of_its_own_name_not_the_one_the_asker_told(engine: Engine) -> None:
    reply = ask(engine, "Eg jobbar i Oppdal, men bur i Meldal. Er Meldal med i Gauldalsregionen?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Meldal" in first_sentence(reply)


def test_what_another_municipality_has_is_not_known(engine: Engine) -> None:
    assert not ask(engine, "har Tromsø kommune et leseprosjekt slik som Lesetråder?").confident
    role = ask(engine, "er OsloMet hovedpartner for nettverket?")
    assert starts_with_verdict(role, "Nei"), role.text
    assert "NTNU" in role.text


# -- words -----------------------------------------------------------------------------------------


def test_an_unknown_word_for_the_kind_of_answer_tells_nothing(engine: Engine) -> None:
    partner = ask(engine, "hvilken aktør er hovedpartner i nettverket til Trondheim og Malvik?")
    assert partner.confident, partner.text
    assert "NTNU" in partner.text
    assert not ask(engine, "hvilken ferje går til Oppdal?").confident


def test_a_word_cut_off_with_a_full_stop(engine: Engine) -> None:
    reply = ask(engine, "hvem finansierer skolebibl.satsingen i Trondheim?")
    assert reply.confident, reply.text
    assert "Utdanningsdirektoratet" in reply.text


def test_a_linking_verb_need_not_be_in_the_sentence(engine: Engine) -> None:
    reply = ask(engine, "bygger REKOM på barnehagebasert kompetanseutvikling?")
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_the_full_name_of_an_abbreviation(engine: Engine) -> None:
    reply = ask(engine, "hva er hele navnet til det som forkortes DEKOM?")
    assert "desentralisert" in reply.text.lower()


def test_a_particle_verb_is_the_verb(engine: Engine) -> None:
    reply = ask(engine, "hvor mange tema er ledelsesområdet delt opp i?")
    assert reply.confident, reply.text
    assert "seks" in reply.text


def test_a_count_follow_up_of_another_list_is_a_new_question(engine: Engine) -> None:
    replies = conversation(
        engine,
        [
            "hvilke fokusområder har Trondheimsskolen?",
            "og hvor mange tema er ledelsesområdet delt i?",
        ],
        EARLY_SEPTEMBER_2020,
    )
    assert "seks" in replies[-1].text


# -- the parts of a message ------------------------------------------------------------------------


def test_a_bare_choice_belongs_to_the_question_before_it(engine: Engine) -> None:
    reply = ask(engine, "Kven prioriterer kompetansetiltaka i DEKOM? Staten eller kommunane?")
    assert reply.confident, reply.text
    assert "kommunene" in reply.text


def test_full_stop_sentences_tell_where_the_message_marks_its_question(engine: Engine) -> None:
    reply = ask(
        engine,
        "Jeg blander alltid hva som er for skole og hva som er for barnehage. "
        "Kan du si hva de statlige tilskuddsordningene heter?",
    )
    assert reply.confident, reply.text
    assert "Kompetanseløftet" in reply.text


def test_a_lone_question_word_asks_of_the_statement_before_it(engine: Engine) -> None:
    reply = ask(engine, "barnehagestrategien har noen mål, hvilke?")
    assert reply.confident, reply.text
    assert "rekruttere" in reply.text


def test_a_part_that_only_announces_the_questions_is_skipped(engine: Engine) -> None:
    reply = ask(engine, "Jeg har to spørsmål: hva står REKOM for, og når trådte den i kraft?")
    assert reply.confident, reply.text
    assert "2019" in reply.text


def test_a_question_restated_after_an_unanswered_one(engine: Engine) -> None:
    reply = ask(engine, "hvorfor holder vi på med dette, hva er formålet med ordningene?")
    assert reply.confident, reply.text
    assert "alle barn og elever" in reply.text


# -- small talk ------------------------------------------------------------------------------------


def test_a_greeting_is_answered_with_what_the_bot_is(engine: Engine) -> None:
    reply = ask(engine, "heisann, er dette boten for Gauldalsregionen?")
    assert reply.confident, reply.text
    assert reply.text.startswith("Hei!")
    assert "Kompetansebot" in reply.text


def test_chat_slang_counts_for_nothing(engine: Engine) -> None:
    reply = ask(engine, "hva betyr dekom egentlig lol")
    assert reply.confident, reply.text
    assert "desentraliserte" in reply.text


# -- claims about samlinger and places -------------------------------------------------------------


def test_a_platform_claimed_is_checked(engine: Engine) -> None:
    teams = ask(engine, "var styrarsamlinga på Teams?", NOVEMBER_2020)
    assert starts_with_verdict(teams, "Nei"), teams.text
    assert "Zoom" in teams.text
    zoom = ask(engine, "gikk styrersamlingen på zoom?", NOVEMBER_2020)
    assert starts_with_verdict(zoom, "Ja"), zoom.text


def test_a_place_claimed_for_a_named_samling_is_checked(engine: Engine) -> None:
    reply = ask(engine, "blir styrersamlingen holdt på Oppdal?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Digital styrersamling" in reply.text.splitlines()[0]
    held_there = ask(engine, "var leiarsamlinga for barnehage på Oppdal?", NOVEMBER_2020)
    assert starts_with_verdict(held_there, "Ja"), held_there.text


def test_a_place_asked_of_the_samling_the_message_named(engine: Engine) -> None:
    reply = ask(engine, "Styrersamlinga i oktober – skjer den på Oppdal?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Zoom" in reply.text


def test_a_day_claimed_for_a_named_samling_is_checked(engine: Engine) -> None:
    reply = ask(engine, "er engelsksamlinga 2. oktober?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "1. oktober" in reply.text


def test_whom_the_asker_is_does_not_narrow_a_samling_named_by_its_day(engine: Engine) -> None:
    reply = ask(engine, "Jeg er styrer. Hvem er samlinga 1. oktober for?", EARLY_SEPTEMBER_2020)
    assert reply.confident, reply.text
    assert "engelsk" in first_sentence(reply)


def test_a_missed_deadline_asked_in_everyday_words(engine: Engine) -> None:
    late = ask(engine, "har vi gått glipp av påmeldinga til engelsk?", "2020-09-26T12:00")
    assert starts_with_verdict(late, "Ja"), late.text
    early = ask(engine, "er fristen til engelsksamlinga passert?", EARLY_SEPTEMBER_2020)
    assert starts_with_verdict(early, "Nei"), early.text


def test_what_a_cancelled_samling_costs_is_still_not_known(engine: Engine) -> None:
    reply = ask(
        engine, "får vi pengene tilbake når skoleledersamlinga er avlyst?", "2020-10-10T12:00"
    )
    assert not reply.confident, reply.text


# -- claims about entries --------------------------------------------------------------------------


def test_a_statement_with_vel_or_jo_asks_to_be_confirmed(engine: Engine) -> None:
    malvik = ask(engine, "Melhus er vel med i nettverket med Trondheim og Malvik")
    assert starts_with_verdict(malvik, "Nei"), malvik.text
    same = ask(engine, "DEKOM og REKOM er jo akkurat det samme")
    assert starts_with_verdict(same, "Nei"), same.text


def test_only_one_sector_claimed_of_more(engine: Engine) -> None:
    reply = ask(engine, "gjelder Kompetanseløftet berre barnehage?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "skole" in reply.text


def test_separately_is_the_opposite_of_together(engine: Engine) -> None:
    reply = ask(engine, "skal tilskuddsordningene forstås hver for seg?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "i sammenheng" in reply.text


def test_what_the_first_sentence_says_an_entry_is_need_not_be_said_again(engine: Engine) -> None:
    reply = ask(engine, "er lesing prioritert for Trondheimsskolen?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "prioritert" in reply.text


def test_the_askers_own_school_is_no_project_school(engine: Engine) -> None:
    reply = ask(engine, "Jeg er lærer på Byåsen skole. Er vi med som prosjektskole i Lesetråder?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "Nardo" in reply.text


def test_a_cooperation_asked_for_whom(engine: Engine) -> None:
    reply = ask(engine, "hvem er kompetansesamarbeidet i Gauldalsregionen for?")
    assert reply.confident, reply.text
    assert "PPT" in first_sentence(reply)


def test_what_a_region_cooperates_on_is_no_samling(engine: Engine) -> None:
    reply = ask(engine, "hva samarbeider Gauldalsregionen om for barnehagene?")
    assert reply.confident, reply.text
    assert "samarbeid om kompetansetiltak" in reply.text


def test_english_words_in_norwegian_chat(engine: Engine) -> None:
    deadline = ask(engine, "when er deadline for engelsksamlinga?", EARLY_SEPTEMBER_2020)
    assert "24. september" in deadline.text
    meeting = ask(engine, "nr er neste meeting?", EARLY_SEPTEMBER_2020)
    assert "18. september" in first_sentence(meeting)


def test_a_sentence_is_not_said_twice_in_one_reply(engine: Engine) -> None:
    reply = ask(engine, "Hvilke kommuner er i Gauldalsregionen, og er Oppdal en av dem?")
    assert reply.text.count("består av de seks kommunene") == 1, reply.text
    assert "Ja, Oppdal" in reply.text


def test_a_kind_after_a_pointer_points_back_to_what_the_message_named(engine: Engine) -> None:
    reply = ask(
        engine,
        "Vi snakker mye om læringsorientert ledelse i kollegiet. "
        "Hva er målet med dette fokusområdet?",
    )
    assert reply.confident, reply.text
    assert "vurderings- og prosesskompetanse" in reply.text


def test_a_year_asked_of_when_it_came_is_its_first_year(engine: Engine) -> None:
    came = ask(engine, "starta barnehagestrategien i 2016?")
    assert starts_with_verdict(came, "Nei"), came.text
    applied = ask(engine, "gjaldt barnehagestrategien også i 2019?")
    assert starts_with_verdict(applied, "Ja"), applied.text


def test_a_statement_tagged_to_be_confirmed(engine: Engine) -> None:
    reply = ask(engine, "REKOM trådte i kraft i 2019, ja?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    funded = ask(engine, "Finansierer Utdanningsdirektoratet Lesetråder, ja eller nei?")
    assert starts_with_verdict(funded, "Ja"), funded.text


def test_a_compound_of_the_entrys_own_name_is_no_claim(engine: Engine) -> None:
    reply = ask(engine, "sier barnehagestrategien noe om kommunens ansvar?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "«Kompetanse for framtidens barnehage. Strategi 2014–2020»" in reply.text


def test_a_when_clause_with_its_subject_first_tells_when(engine: Engine) -> None:
    reply = ask(
        engine,
        "Når styrersamlingen er over, hva finnes det ellers for barnehageledere framover?",
        NOVEMBER_2020,
    )
    assert reply.confident, reply.text
    assert "20. januar 2021" in first_sentence(reply)


def test_a_member_claimed_as_the_partner(engine: Engine) -> None:
    reply = ask(engine, "er Trondheim kommune hovedpartner for nettverket?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "NTNU" in reply.text


def test_a_list_asked_for_with_nevn(engine: Engine) -> None:
    reply = ask(engine, "nevn de tre ordningene i 2017-modellen")
    assert reply.confident, reply.text
    assert "innovasjonsordning" in reply.text


def test_the_askers_meeting_is_no_samling_asked_about(engine: Engine) -> None:
    reply = ask(engine, "Vi hadde et møte om lesing i går. Hva er målet med dette fokusområdet?")
    assert reply.confident, reply.text
    assert "prioritert grunnleggende ferdighet" in reply.text


def test_the_next_one_after_a_day_the_asker_told(engine: Engine) -> None:
    reply = ask(engine, "Jeg var på styrersamlinga i går. Når er den neste?", "2020-10-22T12:00")
    assert "20. januar 2021" in first_sentence(reply)
    assert "i går" not in first_sentence(reply)


def test_or_what_closes_a_yes_no_question(engine: Engine) -> None:
    reply = ask(engine, "er Røros med i Gauldalsregionen, eller hva")
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_the_new_year_is_a_period(engine: Engine) -> None:
    reply = ask(engine, "blir det ledersamling for barnehage over nyttår?", "2020-12-01T12:00")
    assert reply.confident, reply.text
    assert "20. januar 2021" in reply.text


def test_a_host_asks_where(engine: Engine) -> None:
    reply = ask(engine, "hvem var vertskap for ledersamlinga for barnehage i januar 2020?")
    assert reply.confident, reply.text
    assert "Oppdal" in first_sentence(reply)


def test_counts_in_digits_and_numbered_names(engine: Engine) -> None:
    count = ask(engine, "har Gauldalsregionen 5 kommuner?")
    assert starts_with_verdict(count, "Nei"), count.text
    assert "seks kommuner" in count.text
    named = ask(engine, "står DEKOM i stortingsmelding 19?")
    assert starts_with_verdict(named, "Nei"), named.text
    assert "Stortingsmelding 21" in named.text


def test_a_claim_told_before_stemmer_det(engine: Engine) -> None:
    reply = ask(engine, "Modellen fra 2017 har fem ordninger. Stemmer det?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "tre ordninger" in reply.text


def test_the_samlinger_after_a_day(engine: Engine) -> None:
    reply = ask(engine, "når er neste samling etter 1. oktober?", EARLY_SEPTEMBER_2020)
    assert "21. oktober" in first_sentence(reply)


def test_which_members_a_group_has(engine: Engine) -> None:
    municipalities = ask(engine, "hvilke kommuner er i Gauldalsregionen?")
    assert "Holtålen" in first_sentence(municipalities)
    schools = ask(engine, "hvilke skoler er prosjektskoler i Lesetråder?")
    assert "Nardo" in schools.text and "Lilleby" in schools.text


def test_a_greeting_before_a_question_about_the_bot(engine: Engine) -> None:
    reply = ask(engine, "hallo, er dette boten for Trondheim?")
    assert reply.text.startswith("Hei!"), reply.text
    morning = ask(engine, "god morgen! er du våken?")
    assert morning.confident, morning.text


def test_for_us_asks_of_the_askers_own_sector(engine: Engine) -> None:
    reply = ask(engine, "Jeg er styrer i en barnehage. Gjelder DEKOM for oss?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "REKOM" in reply.text


def test_stemmer_det_after_a_statement_in_the_same_sentence(engine: Engine) -> None:
    reply = ask(engine, "Røros er med i Gauldalsregionen, stemmer det?")
    assert starts_with_verdict(reply, "Ja"), reply.text


def test_a_fact_asked_after_a_meeting_the_asker_mentions(engine: Engine) -> None:
    reply = ask(engine, "Vi skal ha personalmøte om REKOM i morgen. Hva er målet med den?")
    assert reply.confident, reply.text
    assert "barnehagebasert" in reply.text


def test_a_short_name_typed_small_in_a_role_claim(engine: Engine) -> None:
    reply = ask(engine, "er hvl hovedpartner i kompetansenettverket?")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "NTNU" in reply.text


def test_held_as_usual(engine: Engine) -> None:
    reply = ask(engine, "går skoleledersamlinga som vanlig?", "2020-10-10T12:00")
    assert starts_with_verdict(reply, "Nei"), reply.text
    assert "avlyst" in reply.text.lower()


def test_a_sector_named_again_after_the_askers_own(engine: Engine) -> None:
    reply = ask(engine, "Jeg jobber i PPT. Er PPT med i samarbeidet i Gauldalsregionen?")
    assert starts_with_verdict(reply, "Ja"), reply.text
    assert "PPT" in reply.text
