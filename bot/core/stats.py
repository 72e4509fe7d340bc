"""Usage statistics from the question log, for the coordinators: pure functions, no I/O.

The log holds what was asked and how well the bot answered (never who asked; see
bot.storage.database). From it: questions per day (Europe/Oslo days), the answer rate (the
share the bot was confident about), the entries answered most often, the unanswered
questions grouped by similarity, the 👍/👎 counts, and the number of subscribers. The same
`Statistics` feed `/statistikk`, `python -m bot stats` and the chart (bot.core.chart).

Grouping similar questions: each question gets a grouping key when it is logged
(`grouping_key`: folded words without stop words and question words, stemmed), and keys are
clustered greedily with rapidfuzz's `token_set_ratio` (order and repeated words do not
matter). "hvem er kontaktperson i Melhus?" and "kven er kontaktpersonen for melhus" fall in
one group; "hva er dekom" and "hva er rekom" do not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from rapidfuzz import fuzz

from bot.core.knowledge import OSLO
from bot.core.question_forms import STOP_WORDS_FOLDED
from bot.core.text import fold, stem, words

DEFAULT_DAYS = 30
TOP_ENTRIES = 5
TOP_UNANSWERED = 5
SIMILAR = 85.0  # token_set_ratio (0–100) at which two questions count as the same
MAX_GROUPED = 2000  # the latest unanswered questions considered for grouping

# Question words say what kind of answer is wanted, not what the question is about; they are
# left out of the grouping key so "hvem/kven/hvor er kontaktpersonen" group together.
_QUESTION_WORDS = frozenset(
    fold(word)
    for word in ("hva", "kva", "hvem", "kven", "når", "kor", "hvor", "hvilken", "hvilke", "hvilket")
)


@dataclass(frozen=True, slots=True)
class LoggedQuestion:
    """One row of the question log (bot.storage keeps them; nothing here says who asked)."""

    id: int
    asked_at: datetime  # aware
    question: str
    normalised: str  # `grouping_key(question)` when it was logged
    entry_id: str | None  # the entry the answer was about
    confident: bool
    intent: str
    feedback: int | None  # +1 👍, -1 👎, None


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    questions: int
    answered: int

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.questions if self.questions else None


@dataclass(frozen=True, slots=True)
class EntryCount:
    entry_id: str
    title: str
    count: int


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """Similar questions: the latest phrasing stands for the group."""

    representative: str
    count: int
    phrasings: tuple[str, ...]  # the distinct phrasings, latest first
    latest: datetime


@dataclass(frozen=True, slots=True)
class Statistics:
    first_day: date
    last_day: date
    days: tuple[Day, ...]  # every day from first_day to last_day, in order
    top_entries: tuple[EntryCount, ...]
    top_unanswered: tuple[QuestionGroup, ...]
    thumbs_up: int
    thumbs_down: int
    subscribers: int

    @property
    def questions(self) -> int:
        return sum(day.questions for day in self.days)

    @property
    def answered(self) -> int:
        return sum(day.answered for day in self.days)

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.questions if self.questions else None


def grouping_key(question: str) -> str:
    """What a question is about, for grouping: stems of its content words, in order."""
    typed = words(question)
    content = [word for word in typed if word not in STOP_WORDS_FOLDED | _QUESTION_WORDS]
    return " ".join(stem(word) for word in content) or " ".join(typed)


def period_start(today: date, days: int = DEFAULT_DAYS) -> datetime:
    """The first moment of the period of `days` days ending with `today` (Oslo time)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    return datetime.combine(today - timedelta(days=days - 1), time(0, 0), OSLO)


def compute_statistics(
    questions: Iterable[LoggedQuestion],
    *,
    today: date,
    days: int = DEFAULT_DAYS,
    title_of: Callable[[str], str | None] = lambda entry_id: None,
    subscribers: int = 0,
) -> Statistics:
    """Statistics for the `days` Oslo days ending with `today`; other questions are ignored.

    `title_of` names an entry (None when it is no longer in the knowledge base: its id is shown).
    """
    first = today - timedelta(days=days - 1)
    period = [q for q in questions if first <= q.asked_at.astimezone(OSLO).date() <= today]
    asked: Counter[date] = Counter()
    answered: Counter[date] = Counter()
    for question in period:
        day = question.asked_at.astimezone(OSLO).date()
        asked[day] += 1
        answered[day] += question.confident
    dates = [first + timedelta(days=n) for n in range(days)]
    series = tuple(Day(day, asked[day], answered[day]) for day in dates)
    entries = Counter(q.entry_id for q in period if q.confident and q.entry_id is not None)
    top = tuple(
        EntryCount(entry_id, title_of(entry_id) or entry_id, count)
        for entry_id, count in sorted(entries.items(), key=lambda item: (-item[1], item[0]))[
            :TOP_ENTRIES
        ]
    )
    unanswered = [q for q in period if not q.confident]
    return Statistics(
        first_day=first,
        last_day=today,
        days=series,
        top_entries=top,
        top_unanswered=tuple(group_similar(unanswered)[:TOP_UNANSWERED]),
        thumbs_up=sum(1 for q in period if q.feedback == 1),
        thumbs_down=sum(1 for q in period if q.feedback == -1),
        subscribers=subscribers,
    )


def group_similar(
    questions: Iterable[LoggedQuestion], threshold: float = SIMILAR
) -> list[QuestionGroup]:
    """Similar questions grouped, biggest group first (then the most recent).

    Greedy: newest first, each question joins the first group whose key is similar enough,
    else starts a group. Deterministic for the same input.
    """
    newest_first = sorted(questions, key=lambda q: (q.asked_at, q.id), reverse=True)[:MAX_GROUPED]
    keys: list[str] = []
    members: list[list[LoggedQuestion]] = []
    for question in newest_first:
        key = question.normalised or grouping_key(question.question)
        for number, group_key in enumerate(keys):
            if key == group_key or fuzz.token_set_ratio(key, group_key) >= threshold:
                members[number].append(question)
                break
        else:
            keys.append(key)
            members.append([question])
    groups = [_group(found) for found in members]
    return sorted(groups, key=lambda group: (-group.count, -group.latest.timestamp()))


def _group(found: Sequence[LoggedQuestion]) -> QuestionGroup:
    phrasings: dict[str, str] = {}  # folded -> as typed, latest first
    for question in found:
        phrasings.setdefault(" ".join(words(question.question)), question.question)
    return QuestionGroup(
        representative=found[0].question,
        count=len(found),
        phrasings=tuple(phrasings.values()),
        latest=found[0].asked_at,
    )


# -- text -------------------------------------------------------------------------------------


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{round(rate * 100)} %"


def summary_lines(stats: Statistics) -> list[str]:
    """The short text of /statistikk and `python -m bot stats`, in Norwegian."""
    count = len(stats.days)
    lines = [
        f"Siste {count} dager ({stats.first_day:%d.%m.%Y}–{stats.last_day:%d.%m.%Y}):",
        f"Spørsmål: {stats.questions} (i snitt {_decimal(stats.questions / count)} per dag)",
        f"Besvart: {percent(stats.answer_rate)} ({stats.answered} av {stats.questions})",
        f"Tilbakemeldinger: 👍 {stats.thumbs_up}  👎 {stats.thumbs_down}",
        f"Abonnenter: {stats.subscribers}",
        "",
        "Mest brukte svar:",
    ]
    if stats.top_entries:
        lines += [
            f"{n}. {entry.title} ({entry.count})"
            for n, entry in enumerate(stats.top_entries, start=1)
        ]
    else:
        lines.append("(ingen ennå)")
    lines += ["", "Ubesvarte spørsmål (flest først):"]
    if stats.top_unanswered:
        lines += [
            f"{n}. «{group.representative}» ×{group.count}"
            for n, group in enumerate(stats.top_unanswered, start=1)
        ]
    else:
        lines.append("(ingen)")
    return lines


def day_table(stats: Statistics) -> list[str]:
    """Questions and answer rate per day, as an aligned table for a terminal."""
    lines = ["Dato        Spørsmål  Besvart"]
    for day in stats.days:
        lines.append(f"{day.day:%d.%m.%Y}  {day.questions:>8}  {percent(day.answer_rate):>7}")
    return lines


def statistics_text(stats: Statistics, *, per_day: bool = False) -> str:
    lines = summary_lines(stats)
    if per_day:
        lines += ["", *day_table(stats)]
    return "\n".join(lines)


def unanswered_text(groups: Sequence[QuestionGroup], *, limit: int = 15) -> str:
    """/ubesvarte: the groups with counts and up to three phrasings each."""
    if not groups:
        return "Ingen ubesvarte spørsmål i loggen. 🎉"
    lines = []
    for n, group in enumerate(groups[:limit], start=1):
        when = group.latest.astimezone(OSLO)
        lines.append(f"{n}. «{group.representative}» ×{group.count} (sist {when:%d.%m.%Y})")
        lines += [f"   – «{phrasing}»" for phrasing in group.phrasings[1:3]]
    if len(groups) > limit:
        lines.append(f"… og {len(groups) - limit} grupper til.")
    return "\n".join(lines)


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")
