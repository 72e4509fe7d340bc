"""Dates the Norwegian way: "onsdag 20. januar 2021", "om 3 dager", and periods such as
"neste uke" or "i høst" read out of a question. Everything takes `today` from the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from itertools import pairwise

from bot.core.date_texts import MONTHS, WEEKDAYS, day_span, long_date
from bot.core.text import fold, words

_FOLDED_MONTHS = {fold(name): number for number, name in enumerate(MONTHS, start=1)}
_FOLDED_MONTHS.update({"jan": 1, "feb": 2, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11})
_FOLDED_MONTHS.update({"des": 12, "january": 1, "february": 2, "march": 3, "may": 5, "june": 6})
_FOLDED_MONTHS.update({"july": 7, "october": 10, "december": 12})  # English: "1 october"
# A month's name cut short as people type it ("18. septembe", "2. okto"): four letters or more
_SHORTENED = {name[:end]: n for name, n in _FOLDED_MONTHS.items() for end in range(4, len(name))}
_FOLDED_MONTHS = _SHORTENED | _FOLDED_MONTHS


def another_month(period: Period, text: str) -> bool:
    """ "kommer planen høsten 2024?" of "… på plass i januar 2024": the text names a month of
    the period's year, and none of the months it names is within a period shorter than a year."""
    if period.is_a_year:
        return False
    year = period.start.year
    named = [
        date(year, _WRITTEN_MONTHS[word], 1)
        for word, after in pairwise([*words(fold(text)), ""])
        if word in _WRITTEN_MONTHS and after == str(year)
    ]
    return bool(named) and not any(
        period.start.replace(day=1) <= day <= period.end for day in named
    )


_WRITTEN_MONTHS = {fold(name): number for number, name in enumerate(MONTHS, start=1)}


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of days a question asks about, with words to name it in the answer."""

    start: date
    end: date
    label: str  # "neste uke (23.–29. november)", "høsten 2020"
    span: tuple[int, int] | None = field(default=None, compare=False)  # where, in fold(question)
    # "21. oktober" or "i januar" without a year: a samling named in the question matches on the
    # day whatever year it is in ("styrersamlingen 21. oktober").
    year_given: bool = True
    day_month: tuple[int, int] | None = None  # (day, month) of a single day without a year
    weekday: int | None = None  # "på en fredag": a named samling matches on any such weekday

    def overlaps(self, first: date, last: date) -> bool:
        return first <= self.end and last >= self.start

    def holds(self, day: date) -> bool:
        """Whether the day is in it; a day named without a year is that day in any year."""
        if self.day_month is not None and not self.year_given:
            return (day.day, day.month) == self.day_month
        return self.start <= day <= self.end

    def months(self) -> frozenset[int]:
        """The months of the year the period touches ("vinteren": 12, 1 and 2)."""
        count = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        return frozenset((self.start.month - 1 + i) % 12 + 1 for i in range(min(count, 12)))

    @property
    def is_a_year(self) -> bool:
        """ "i 2017", "fra 2017": a whole year, which often names a thing rather than a time."""
        year = self.start.year
        return (self.start, self.end) == (date(year, 1, 1), date(year, 12, 31))


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _week_label(start: date, end: date) -> str:
    if start.month == end.month:
        return f"{start.day}.–{end.day}. {MONTHS[end.month - 1]} {end.year}"
    return f"{start.day}. {MONTHS[start.month - 1]} – {end.day}. {MONTHS[end.month - 1]} {end.year}"


def _year_of(match: re.Match[str], group: str) -> int | None:
    text = match.group(group)
    if text is None:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _season(name: str, today: date, year: int | None) -> Period:
    """School-year seasons: "høst" is the autumn term (August–December), "vår" January–June."""
    if name == "host":
        chosen = year or today.year
        return Period(date(chosen, 8, 1), date(chosen, 12, 31), f"høsten {chosen}")
    if name == "var":
        chosen = year or (today.year if today.month <= 6 else today.year + 1)
        return Period(date(chosen, 1, 1), date(chosen, 6, 30), f"våren {chosen}")
    if name == "sommer":
        chosen = year or (today.year if today.month <= 8 else today.year + 1)
        return Period(date(chosen, 6, 1), date(chosen, 8, 31), f"sommeren {chosen}")
    # vinter: December to February; "vinteren 2020" is the one of January 2020
    start_year = (
        year - 1 if year is not None else (today.year - 1 if today.month <= 3 else today.year)
    )
    end = _month_end(start_year + 1, 2)
    return Period(date(start_year, 12, 1), end, f"vinteren {start_year}/{start_year + 1}")


def _specific_day(
    day: int, month: int, year: int | None, today: date, past: bool = False
) -> Period | None:
    """A day without a year is the nearest such day, looking back at most half a year (or, in
    a question in the past tense, the latest such day that has been)."""
    candidates = [year] if year is not None else [today.year - 1, today.year, today.year + 1]
    best: date | None = None
    for candidate in candidates:
        try:
            moment = date(candidate, month, day)
        except ValueError:
            continue
        if year is None and past and moment > today:
            continue
        if year is None and not past and (moment - today).days < -183:
            continue
        if best is None or abs((moment - today).days) < abs((best - today).days):
            best = moment
    if best is None:
        return None
    if year is None:
        return Period(best, best, long_date(best), year_given=False, day_month=(day, month))
    return Period(best, best, long_date(best))


_FOLDED_WEEKDAYS = tuple(fold(name) for name in WEEKDAYS)
_MONTH_NAMES = "|".join(sorted(_FOLDED_MONTHS, key=len, reverse=True))
_SEASONS = {"host": "host", "haust": "host", "var": "var", "sommer": "sommer", "vinter": "vinter"}
_IN_ENGLISH = {"autumn": "host", "fall": "host", "spring": "var", "summer": "sommer"}
_IN_ENGLISH["winter"] = "vinter"
_SEASONS |= _IN_ENGLISH | {"efteraret": "host", "foraret": "var"}  # and Danish
_ENGLISH_SEASONS = "|".join(_IN_ENGLISH)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        ("numeric", r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.?(?:(?P<y>\d{2}|\d{4})\b)?"),
        (
            "dayrange",  # "29.–30. januar": the span of a samling over days
            rf"\b(?P<d1>\d{{1,2}})\.? ?[-–] ?(?P<d>\d{{1,2}})\.? ?(?P<month>{_MONTH_NAMES})\b"
            r"(?: (?P<y>\d{4}))?",
        ),
        ("daymonth", rf"\b(?P<d>\d{{1,2}})\.? ?(?P<month>{_MONTH_NAMES})\b(?: (?P<y>\d{{4}}))?"),
        # (not "per i dag", "as of today": "er den gjennomført per i dag?")
        (
            "today",  # (Danish "i aften": tonight)
            r"(?<!per )(?<!pr )\b(i dag|idag|today|i kveld|ikveld|i kvell|i aften|tonight)\b",
        ),
        ("yesterday", r"\b(i gar|igar|yesterday)\b"),
        (
            "weekday",
            r"\b(?:pa |neste |forrige |sist )?"
            r"(?P<wd>mandag|tirsdag|onsdag|torsdag|fredag|lordag|sondag)\b"
            r"(?P<next> (?:i )?nest[ea] (?:uke|uka|uken|veke|veka))?",  # "onsdag neste uke"
        ),
        (
            "tomorrow",
            r"\b(i morgen|imorgen|i morgon|imorgon|i morra|imorra|i mora|i marra|imarra|i mara|"
            r"imara|i marn|i morn|i morgo|imorgo|tomorrow)\b",
        ),
        ("day_after", r"\bi overmorgen\b"),
        ("week_number", r"\b(uke|veke) (?P<w>\d{1,2})\b"),
        # (not "hvilken dag i uka", which asks for a weekday; but "hvilken dag denne uka")
        (
            "this_week",
            r"\b((denne|dene|denna|danna|(?<!dag )i) (uka|uken|veka|veke|uke)|this week)\b",
        ),
        (
            "next_week",
            r"\b(nest[ea] (uke|uka|uken|veke|veka|uge|ugen)|next week|n[ae]sta (vecka|veckan))\b",
        ),
        ("last_week", r"\b(forrige (uke|uka|uken|veke|veka)|last week)\b"),
        ("weekend", r"\b(i )?(helga|helgen|helgi)\b"),
        ("this_month", r"\b((denne|i) (maned|maneden|manad|manaden|mnd)|this month)\b"),
        ("next_month", r"\b(neste (maned|maneden|manad|mnd)|next month)\b"),
        (
            "month",
            rf"\b(i|in|til|fra|for|pa|om) (?P<month>{_MONTH_NAMES})\b"
            r"(?: (?P<y>\d{4})| (?P<rel>i ar|i fjor))?",
        ),
        (
            "rest_of_season",  # "resten av høsten": from today to the season's end
            r"\b(?:resten av|(?:igjen|att) (?:i|til|pa)) "  # "kva er att i haust?"
            r"(?P<s>hosten|hausten|varen|sommeren|vinteren|host|haust|var|vinter)\b",
        ),
        (
            "last_season",  # "i fjor vinter", "forrige høst"
            r"\b(?:i fjor|ifjor|forrige) (?P<s>hosten|hausten|varen|sommeren|vinteren|host|haust|"
            r"var|sommer|vinter)\b",
        ),
        (
            "season",
            r"\b(i|til|pa|om|denne|neste) (?P<s>host|haust|var|sommer|vinter)\b(?: (?P<y>\d{4}))?",
        ),
        ("last_season", rf"\blast (?P<s>{_ENGLISH_SEASONS})\b"),
        ("season", rf"\b(this|next|in|in the) (?P<s>{_ENGLISH_SEASONS})\b(?: (?P<y>\d{{4}}))?"),
        (
            "season",  # "denne hausten", "til høsten", "i høsten"
            r"\b(i|til|pa|om|denne|neste) "
            r"(?P<s>hosten|hausten|varen|sommeren|vinteren|efteraret|foraret)\b(?: (?P<y>\d{4}))?",
        ),
        # "vinteren 2020", "vinteren 2019/2020" (a winter by the year of its January)
        (
            "season_of",
            r"\b(?P<s>hosten|hausten|varen|sommeren|vinteren|efteraret) (?:\d{4}/)?(?P<y>\d{4})\b",
        ),
        ("season_of", rf"\b(?P<s>{_ENGLISH_SEASONS}) (?:of )?(?P<y>\d{{4}})\b"),  # "spring 2027"
        ("season", r"\b(?P<s>host|haust|var|sommer|vinter)ens\b"),  # "høstens samlinger"
        ("new_year", r"\b(?:pa|over|etter|til) (?:nyaret|nyttar|nyttaret)\b"),  # "på nyåret"
        ("before_christmas", r"\b(?:for|til|innen) jul(?:a|en|i)?\b"),  # "før jul", "innen jul"
        ("this_year", r"\b(i ar|iar|dette aret|this year)\b"),
        ("next_year", r"\b(neste ar|next year)\b"),
        ("last_year", r"\b(i fjor|ifjor|forrige ar|last year)\b"),
        (
            "year",
            r"\b(i|in|fra|from|for|during) (?P<y>20\d\d)\b(?!\s?[-–]\s?\d)",
        ),  # not "i 2018-2023"
    )
)


_YEAR_OFFSETS = {"this_year": 0, "next_year": 1, "last_year": -1}


def writes_a_year(text: str, period: Period) -> bool:
    """ "høsten 2027", "skoleåret 2026/2027": the period has a year written out, unlike "i år"."""
    return period.span is not None and _YEAR.search(fold(text)[slice(*period.span)]) is not None


def claims_a_weekday(text: str) -> bool:
    """ "er det en fredag?", "e d ein fredag?": any such weekday, not the next one."""
    return _ANY_WEEKDAY.search(fold(text)) is not None


def comes_after_for(text: str, period: Period | None) -> bool:
    """ "… satt opp for høsten 2027?": the period comes right after a "for"."""
    if period is None or period.span is None:
        return False
    return _ENDS_IN_FOR.search(fold(text)[: period.span[0]]) is not None


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ANY_WEEKDAY = re.compile(r"\b(?:en|ein|ei) (?:man|tirs|ons|tors|fre|lor|son)dag\b")
_ENDS_IN_FOR = re.compile(r"\bfor\s*$")


def with_full_years(text: str) -> str:
    """ "fokusområdene 23-27" is "2023–2027": a span of two-digit years, not days of a month."""
    return _SHORT_YEARS.sub(_full_years, text)


def _full_years(match: re.Match[str]) -> str:
    first, last = int(match.group(1)), int(match.group(2))
    before = match.string[: match.start()].split()[-1:]
    if not 0 < last - first <= _LONGEST_SPAN or fold("".join(before)) in _NOT_YEARS_AFTER:
        return match.group(0)  # "kl. 10-12", "uke 12-14"
    return f"20{first:02d}–20{last:02d}"


_SHORT_YEARS = re.compile(
    r"(?<![\d.:/])\b(1\d|2\d)\s?[-–]\s?(1\d|2\d|30)\b(?![.:/]?\d)"
    rf"(?!\.?\s*(?:{_MONTH_NAMES}|{'|'.join(MONTHS)})\b)",
    re.IGNORECASE,
)
_LONGEST_SPAN = 10
_NOT_YEARS_AFTER = frozenset(
    {"kl", "kl.", "klokka", "klokken", "uke", "uka", "veke", "veka", "nr", "nr.", "side", "s."}
)


def find_period(question: str, today: date, *, past: bool = False) -> Period | None:
    """The first period a question names, resolved against `today`, or None. A question in
    the past tense ("hvor var samlingen i januar?") means the latest such day or month."""
    text = fold(question)
    for name, pattern in _PATTERNS:
        match = pattern.search(text)
        if match is not None:
            period = _resolve(name, match, today, past)
            if period is not None:
                return replace(period, span=match.span())
    return None


def _resolve(name: str, match: re.Match[str], today: date, past: bool) -> Period | None:
    monday = today - timedelta(days=today.weekday())
    if name in ("iso", "numeric"):
        month = int(match.group("m"))
        if not 1 <= month <= 12:
            return None
        return _specific_day(int(match.group("d")), month, _year_of(match, "y"), today, past)
    if name == "dayrange":
        month = _FOLDED_MONTHS[match.group("month")]
        last = _specific_day(int(match.group("d")), month, _year_of(match, "y"), today, past)
        first = int(match.group("d1"))
        if last is None or not 1 <= first <= last.start.day:
            return last
        start = last.start.replace(day=first)
        day_month = (first, month) if last.day_month else None  # found by its first day
        return replace(last, start=start, label=day_span(start, last.start), day_month=day_month)
    if name == "daymonth":
        month = _FOLDED_MONTHS[match.group("month")]
        return _specific_day(int(match.group("d")), month, _year_of(match, "y"), today, past)
    if name == "today":
        return Period(today, today, f"i dag ({long_date(today)})")
    if name == "yesterday":
        day = today - timedelta(days=1)
        return Period(day, day, f"i går ({long_date(day)})")
    if name == "weekday":
        wanted = _FOLDED_WEEKDAYS.index(match.group("wd"))
        ahead = (wanted - today.weekday()) % 7
        day = today - timedelta(days=(7 - ahead) % 7) if past else today + timedelta(days=ahead)
        if match.group("next"):  # that weekday in the week after this one
            day = monday + timedelta(days=7 + wanted)
        return Period(day, day, long_date(day), weekday=wanted)
    if name == "tomorrow":
        day = today + timedelta(days=1)
        return Period(day, day, f"i morgen ({long_date(day)})")
    if name == "day_after":
        day = today + timedelta(days=2)
        return Period(day, day, f"i overmorgen ({long_date(day)})")
    if name in ("this_week", "next_week", "last_week"):
        offset = {"this_week": 0, "next_week": 7, "last_week": -7}[name]
        start = monday + timedelta(days=offset)
        end = start + timedelta(days=6)
        words = {"this_week": "denne uka", "next_week": "neste uke", "last_week": "forrige uke"}
        return Period(start, end, f"{words[name]} ({_week_label(start, end)})")
    if name == "weekend":
        saturday = monday + timedelta(days=5)
        return Period(saturday, saturday + timedelta(days=1), "i helgen")
    if name == "week_number":
        week = int(match.group("w"))
        if not 1 <= week <= 53:
            return None
        try:
            start = date.fromisocalendar(today.year, week, 1)
        except ValueError:
            return None
        return Period(start, start + timedelta(days=6), f"uke {week} ({today.year})")
    if name == "this_month":
        start = today.replace(day=1)
        return Period(start, _month_end(start.year, start.month), "denne måneden")
    if name == "next_month":
        start = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        end = _month_end(start.year, start.month)
        return Period(start, end, f"neste måned ({MONTHS[start.month - 1]} {start.year})")
    if name == "month":
        month = _FOLDED_MONTHS[match.group("month")]
        relative = {"i ar": 0, "i fjor": -1}.get(match.group("rel") or "")
        year = _year_of(match, "y")
        if year is None and relative is not None:
            year = today.year + relative
        given = year is not None
        if year is None and past:
            year = today.year if month <= today.month else today.year - 1
        elif year is None:
            year = today.year if month >= today.month else today.year + 1
        label = f"{MONTHS[month - 1]} {year}"
        return Period(date(year, month, 1), _month_end(year, month), label, year_given=given)
    if name == "rest_of_season":
        whole = _season(_SEASONS[match.group("s").removesuffix("en")], today, None)
        return Period(max(today, whole.start), whole.end, f"resten av {whole.label}")
    if name == "last_season":
        season = _SEASONS[match.group("s").removesuffix("en")]
        return _season(season, today, _season(season, today, None).end.year - 1)
    if name in ("season", "season_of"):
        season = _SEASONS[match.group("s").removesuffix("en")]
        if name == "season" and match.group(1) in ("neste", "next"):
            following = _season(season, today, None)  # "neste vår" in October: the coming one
            return (
                following
                if following.start > today
                else _season(season, today, following.end.year + 1)
            )
        if match.groupdict().get("y"):  # "høsten 2020", "i høst 2020"
            return _season(season, today, _year_of(match, "y"))
        return replace(_season(season, today, None), year_given=False)  # "i høst": this year's
    if name == "before_christmas":  # from today to the Christmas holiday
        christmas = date(today.year, 12, 23)
        if today > christmas:
            christmas = date(today.year + 1, 12, 23)
        return Period(today, christmas, "før jul")
    if name == "new_year":  # January to March of the coming year (this one, until March)
        year = today.year if today.month <= 3 else today.year + 1
        return Period(date(year, 1, 1), date(year, 3, 31), f"på nyåret {year}")
    if name in _YEAR_OFFSETS or name == "year":
        year = int(match.group("y")) if name == "year" else today.year + _YEAR_OFFSETS[name]
        return Period(date(year, 1, 1), date(year, 12, 31), f"i {year}")
    return None


def label_of_any_year(period: Period, years: set[int]) -> str:
    """The period named for samlinger found in another year: "på en onsdag", "29. – 30. januar"
    (no weekdays of another year), "høsten 2020" (the season or month in the samlinger's year)."""
    if period.weekday is not None:
        return f"på en {WEEKDAYS[period.weekday]}"
    if period.day_month is None and len(years) == 1:
        return re.sub(r"\b\d{4}\b", str(min(years)), period.label)
    kept = [
        word
        for word in period.label.split()
        if not set(word.strip("(),").split("–")) <= set(WEEKDAYS)  # "(torsdag–fredag)"
        and not (word.isdigit() and len(word) == 4)
    ]
    return " ".join(kept)
