"""Statistics from the question log: Oslo days, answer rate, top entries, grouped questions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count

from bot.core.knowledge import OSLO
from bot.core.stats import (
    LoggedQuestion,
    compute_statistics,
    group_similar,
    grouping_key,
    period_start,
    statistics_text,
    unanswered_text,
)

TODAY = date(2026, 11, 22)
_ids = count(1)


def asked(
    when: datetime,
    question: str,
    *,
    entry_id: str | None = None,
    confident: bool = True,
    feedback: int | None = None,
) -> LoggedQuestion:
    return LoggedQuestion(
        id=next(_ids),
        asked_at=when,
        question=question,
        normalised=grouping_key(question),
        entry_id=entry_id,
        confident=confident,
        intent="what_is" if confident else "unknown",
        feedback=feedback,
    )


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)


def test_similar_questions_share_a_group_and_different_topics_do_not() -> None:
    day = TODAY
    questions = [
        asked(at(day, 9), "Hvem er kontaktperson i Melhus?", confident=False),
        asked(at(day, 10), "kven er kontaktpersonen for melhus", confident=False),
        asked(at(day, 11), "hvem er kontaktperson i melhus", confident=False),
        asked(at(day, 12), "Hvor kan jeg parkere?", confident=False),
        asked(at(day, 13), "hva er rekom", confident=False),
        asked(at(day, 14), "hva er dekom", confident=False),
    ]
    groups = group_similar(questions)
    assert [(group.representative, group.count) for group in groups] == [
        ("hvem er kontaktperson i melhus", 3),  # the latest phrasing stands for the group
        ("hva er dekom", 1),
        ("hva er rekom", 1),
        ("Hvor kan jeg parkere?", 1),
    ]
    assert groups[0].phrasings == (
        "hvem er kontaktperson i melhus",
        "kven er kontaktpersonen for melhus",
    )  # "Hvem er kontaktperson i Melhus?" is the same phrasing as the first, folded


def test_statistics_count_oslo_days_answer_rate_top_entries_and_feedback() -> None:
    yesterday = TODAY - timedelta(days=1)
    questions = [
        # 23:30 UTC on the 21st is 00:30 on the 22nd in Oslo: it counts for today
        asked(datetime(2026, 11, 21, 23, 30, tzinfo=UTC), "hva er dekom", entry_id="dekom"),
        asked(at(TODAY, 9), "hva er dekom?", entry_id="dekom", feedback=1),
        asked(at(TODAY, 10), "når er neste samling", entry_id="samling-1", feedback=-1),
        asked(at(TODAY, 11), "hvor kan jeg parkere ved rådhuset?", confident=False),
        asked(at(yesterday, 14), "hva er rekom", entry_id="rekom", feedback=1),
        asked(at(yesterday, 15), "parkere ved rådhuset", confident=False),
        asked(at(TODAY - timedelta(days=30), 12), "for gammel", entry_id="dekom"),  # outside
    ]
    titles = {"dekom": "Desentralisert ordning (DEKOM)", "rekom": "Regional ordning (REKOM)"}
    stats = compute_statistics(questions, today=TODAY, title_of=titles.get, subscribers=12)
    assert len(stats.days) == 30
    assert stats.first_day == TODAY - timedelta(days=29) and stats.last_day == TODAY
    assert (stats.days[-1].questions, stats.days[-1].answered) == (4, 3)
    assert (stats.days[-2].questions, stats.days[-2].answered) == (2, 1)
    assert sum(day.questions for day in stats.days[:-2]) == 0
    assert stats.questions == 6 and stats.answered == 4
    assert stats.answer_rate is not None and round(stats.answer_rate, 3) == 0.667
    assert [(e.title, e.count) for e in stats.top_entries] == [
        ("Desentralisert ordning (DEKOM)", 2),
        ("Regional ordning (REKOM)", 1),
        ("samling-1", 1),  # no longer in the knowledge base: shown by id
    ]
    assert [(g.representative, g.count) for g in stats.top_unanswered] == [
        ("hvor kan jeg parkere ved rådhuset?", 2)
    ]
    assert (stats.thumbs_up, stats.thumbs_down, stats.subscribers) == (2, 1, 12)

    text = statistics_text(stats, per_day=True)
    assert "Spørsmål: 6 (i snitt 0,2 per dag)" in text
    assert "Besvart: 67 % (4 av 6)" in text
    assert "👍 2  👎 1" in text
    assert "Abonnenter: 12" in text
    assert "1. Desentralisert ordning (DEKOM) (2)" in text
    assert "1. «hvor kan jeg parkere ved rådhuset?» ×2" in text
    assert "22.11.2026         4     75 %" in text  # the per-day table
    assert "20.11.2026         0        –" in text  # no questions: no rate


def test_an_empty_log_gives_zeros_and_no_rate() -> None:
    stats = compute_statistics([], today=TODAY, days=7)
    assert len(stats.days) == 7 and stats.questions == 0 and stats.answer_rate is None
    text = statistics_text(stats)
    assert "Besvart: – (0 av 0)" in text
    assert "(ingen ennå)" in text
    assert unanswered_text([]) == "Ingen ubesvarte spørsmål i loggen. 🎉"


def test_the_period_starts_at_midnight_in_oslo() -> None:
    assert period_start(TODAY, 30) == datetime(2026, 10, 24, 0, 0, tzinfo=OSLO)


def test_grouping_key_keeps_what_the_question_is_about() -> None:
    assert grouping_key("Hvem er kontaktpersonen for Melhus?") == "kontaktperson melhus"
    assert grouping_key("hva er det?") == "hva er det"  # nothing left: the words as typed
