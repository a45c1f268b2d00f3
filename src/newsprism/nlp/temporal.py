"""Dates mentioned in a sentence, resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from newsprism.lang.en.calendar import MONTH_NAMES, MONTHS, RELATIVE_DAYS, WEEKDAYS
from newsprism.lang.en.numbers import SMALL_NUMBERS
from newsprism.lang.en.speech import STATEMENT_NOUNS, STATEMENT_VERBS

Granularity = Literal["day", "week", "month", "year"]

# Capitalised only: "may" and "march" are also verbs. Abbreviations need their period before a day number.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
_FULL_MONTH = rf"(?:{'|'.join(MONTH_NAMES)})\b"
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d|,\d)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"

_ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DAY_MONTH = re.compile(
    rf"(?:\b(?P<weekday>{_WEEKDAY}),?\s+)?(?:\bthe\s+)?\b(?P<day>{_DAY})"
    rf"(?:\s*[-–]\s*(?P<day2>{_DAY}))?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?"
)
_MONTH_DAY = re.compile(
    rf"(?:\b(?P<weekday>{_WEEKDAY}),?\s+)?\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?!,?\d)"
    rf"(?:\s*[-–]\s*(?P<day2>{_DAY})(?!,?\d))?(?:,?\s+(?P<year>{_YEAR}))?"
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_FULL_MONTH})\s+(?:of\s+)?(?P<year>{_YEAR})")
_BARE_MONTH = re.compile(
    rf"\b(?P<lead>(?:in|since|until|till|by|during|before|after|through|throughout|from|of"
    rf"|early|late|mid|last|next|this|(?:the\s+)?(?:end|beginning|start|middle)\s+of)(?:\s+|-))"
    rf"(?P<month>{_FULL_MONTH})",
    re.IGNORECASE,
)
_WEEKDAY_PHRASE = re.compile(
    rf"(?:\b(?P<lead>(?i:(?:the\s+)?(?:early|small|wee)\s+hours\s+of|before\s+dawn\s+on|late\s+on|early\s+on"
    rf"|late|early|last|next|this|coming|on|by|until|till|since|from))\s+)?"
    rf"(?P<weekday>{_WEEKDAY})(?P<possessive>['’]s)?"
    r"(?:\s+(?P<part>morning|afternoon|evening|night|lunchtime|noon|midday))?",
)
# "a week ago", "three days ago"
_WORD_COUNTS = {"a": 1, "an": 1} | {word: value for word, value in SMALL_NUMBERS.items() if 1 <= value <= 10}
_RELATIVE = re.compile(
    r"\b(?:(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|overnight"
    r"|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|later\s+today)"
    r"|(?P<lead>last|next|this|earlier\s+this|later\s+this)\s+(?P<period>week|month|year)"
    rf"|(?P<count>\d{{1,2}}|{'|'.join(_WORD_COUNTS)})\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago)\b",
    re.IGNORECASE,
)
_YEAR_ALONE = re.compile(rf"(?<![\w$£€.,/-])(?P<year>{_YEAR})(?![\w%]|\.\d|-\d)")
# "seven o'clock"
_CLOCK_HOURS = "|".join(word for word, value in SMALL_NUMBERS.items() if 1 <= value <= 12)
_CLOCK_TIME = re.compile(
    r"\b(?:at\s+)?(?:about\s+|around\s+|approximately\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)(?!\w)|\d{1,2}:\d{2}\b|noon\b|midnight\b"
    rf"|(?:\d{{1,2}}|{_CLOCK_HOURS})\s+o'clock)",
    re.IGNORECASE,
)

_YEAR_LEADS = frozenset(
    "in since until till by during before after early late mid circa the of from through between and "
    "spring summer autumn winter fall year".split()
)
_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|would|due\s+to|is\s+to|are\s+to|set\s+to|scheduled|expected|expects?"
    r"|plans?\s+to|planned|going\s+to|forecasts?|forecasters|upcoming|is\s+to\s+be|to\s+be\s+held)\b",
    re.IGNORECASE,
)
_REPORTING_CUE = re.compile(
    r"\b(?:" + "|".join(sorted(STATEMENT_VERBS | STATEMENT_NOUNS)) + r")\b[\w\s,'’]{0,24}$", re.IGNORECASE
)
_NIGHT_PARTS = frozenset({"night", "overnight", "tonight", "last night"})
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_DAYS_AHEAD_WITHOUT_CUE = 31


@dataclass(frozen=True)
class DateMention:
    """A date as written ("late on Monday") and the calendar day, month or year it means."""

    text: str
    date: date | None  # None when it depends on a publication date that is unknown
    granularity: Granularity
    time: str | None  # clock time or part of the day: "at 6 p.m.", "night", "early hours"
    span: tuple[int, int]
    weekday: int | None = None  # 0 = Monday, when the text names the day of the week
    latest: dt.date | None = None  # last day it can mean: a night runs into the next day, "2-3 March"
    relative: bool = False  # resolved against the publication date
    reporting: bool = False  # when something was said ("police said on Saturday"), not when it happened
    month: int | None = None  # 1-12 when the text names the month, even if the year is unknown
    day_of_month: int | None = None  # when the text names it: "March 3" without a known year


def extract_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Every date in the sentence, in order, resolved against the publication date when needed."""
    return list(_extract_dates(sentence, published))


def event_days(mentions: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """The days a sentence says something happened on, not the days on which something was merely said."""
    return tuple(
        mention
        for mention in mentions
        if mention.granularity == "day"
        and not mention.reporting
        and (mention.date or mention.weekday is not None or mention.day_of_month is not None)
    )


def event_day(mentions: Sequence[DateMention]) -> DateMention | None:
    """The resolved day a sentence is about: the first that is not merely when something was said."""
    days = [mention for mention in mentions if mention.granularity == "day" and mention.date is not None]
    happened = [mention for mention in days if not mention.reporting]
    return (happened or days)[0] if days else None


@lru_cache(maxsize=8192)
def _extract_dates(sentence: str, published: date | None) -> tuple[DateMention, ...]:
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= other_start or start >= other_end for other_start, other_end in taken)

    def add(mention: DateMention | None) -> None:
        if mention is not None and free(*mention.span):
            taken.append(mention.span)
            mentions.append(mention)

    for match in _ISO_DATE.finditer(sentence):
        add(_iso_mention(match))
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for match in pattern.finditer(sentence):
            add(_day_month_mention(sentence, match, published))
    for match in _MONTH_YEAR.finditer(sentence):
        add(_month_mention(match, published, year=int(match["year"])))
    for match in _WEEKDAY_PHRASE.finditer(sentence):
        add(_weekday_mention(sentence, match, published))
    for match in _RELATIVE.finditer(sentence):
        add(_relative_mention(match, published))
    for match in _BARE_MONTH.finditer(sentence):
        if match["month"][0].isupper():
            add(_month_mention(match, published, year=None))
    for match in _YEAR_ALONE.finditer(sentence):
        if _looks_like_year(sentence, match):
            year = int(match["year"])
            add(DateMention(match["year"], date(year, 1, 1), "year", None, match.span()))
    mentions.sort(key=lambda mention: mention.span)
    return tuple(_with_context(sentence, mention) for mention in mentions)


def _with_context(sentence: str, mention: DateMention) -> DateMention:
    """Attach an adjacent clock time and mark dates that only say when something was said."""
    start, end = mention.span
    time = mention.time
    if mention.granularity == "day":
        after = _CLOCK_TIME.match(sentence, end + 1) if sentence[end : end + 1] == " " else None
        before = _clock_time_ending_at(sentence, start)
        clock = after or before
        if clock is not None:
            time = clock.group(0).strip()
            start, end = min(start, clock.start()), max(end, clock.end())
    reporting = _REPORTING_CUE.search(sentence, 0, mention.span[0]) is not None
    return replace(mention, text=sentence[start:end], time=time, span=(start, end), reporting=reporting)


def _clock_time_ending_at(sentence: str, position: int) -> re.Match[str] | None:
    window_start = max(0, position - 30)
    for match in _CLOCK_TIME.finditer(sentence, window_start, position):
        if sentence[match.end() : position].strip() in ("", "on"):
            return match
    return None


def _iso_mention(match: re.Match[str]) -> DateMention | None:
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return DateMention(
        match.group(0), day, "day", None, match.span(), day.weekday(), day,
        month=day.month, day_of_month=day.day,
    )  # fmt: skip


def _day_month_mention(sentence: str, match: re.Match[str], published: date | None) -> DateMention | None:
    month = MONTHS[match["month"].rstrip(".").lower()]
    first_day = int(match["day"].rstrip("stndrh"))
    last_day = int(match["day2"].rstrip("stndrh")) if match["day2"] else first_day
    if not 1 <= first_day <= 31 or not first_day <= last_day <= 31:
        return None
    weekday = WEEKDAYS[match["weekday"].rstrip(".").lower()] if match["weekday"] else None
    if match["year"]:
        year: int | None = int(match["year"])
    else:
        year = year_of_day(month, first_day, published, _looks_ahead(sentence, match.start()))
    if year is None:
        return DateMention(
            match.group(0), None, "day", None, match.span(), weekday, month=month, day_of_month=first_day
        )
    try:
        first, last = date(year, month, first_day), date(year, month, last_day)
    except ValueError:
        return None
    return DateMention(
        match.group(0), first, "day", None, match.span(), first.weekday(), last, not match["year"],
        month=month, day_of_month=first_day,
    )  # fmt: skip


def _month_mention(match: re.Match[str], published: date | None, year: int | None) -> DateMention:
    month = MONTHS[match["month"].lower()]
    lead = (match.groupdict().get("lead") or "").strip().lower()
    if year is None and published is not None:
        if lead == "last":
            year = published.year if month < published.month else published.year - 1
        elif lead == "next":
            year = published.year if month > published.month else published.year + 1
        else:
            year = _nearest_year(month, 1, published)
    resolved = date(year, month, 1) if year is not None else None
    span = match.span()
    return DateMention(match.group(0), resolved, "month", None, span, relative=lead != "", month=month)


def _weekday_mention(sentence: str, match: re.Match[str], published: date | None) -> DateMention:
    weekday = WEEKDAYS[match["weekday"].rstrip(".").lower()]
    lead = " ".join((match["lead"] or "").lower().split())
    part = (match["part"] or "").lower() or None
    time = "early hours" if "hours" in lead or "dawn" in lead else part
    day: date | None = None
    if published is not None:
        if lead == "last":
            direction = "before"
        elif lead in ("next", "coming"):
            direction = "after"
        elif _looks_ahead(sentence, match.start()):
            direction = "on_or_after"
        else:
            direction = "on_or_before"
        day = _resolve_weekday(weekday, published, direction)
    latest = day + timedelta(days=1) if day is not None and part == "night" else day
    return DateMention(match.group(0), day, "day", time, match.span(), weekday, latest, relative=True)


def _looks_ahead(sentence: str, position: int) -> bool:
    """A future tense ("will", "is due to", "scheduled") earlier in the clause holding `position`."""
    return _FUTURE_CUE.search(sentence, _clause_start(sentence, position), position) is not None


def _clause_start(sentence: str, position: int) -> int:
    """Where the clause holding `position` starts: a future tense elsewhere says nothing about it."""
    boundary = max(sentence.rfind(mark, 0, position) for mark in ",;:—(")
    return boundary + 1


def _relative_mention(match: re.Match[str], published: date | None) -> DateMention:
    text = match.group(0)
    span = match.span()
    if match["word"]:
        word = " ".join(match["word"].lower().split())
        offset = RELATIVE_DAYS.get(word, 0)
        day = published + timedelta(days=offset) if published is not None else None
        night = word in _NIGHT_PARTS
        time = "night" if night else None
        latest = day + timedelta(days=1) if day is not None and night else day
        weekday = day.weekday() if day is not None else None
        return DateMention(text, day, "day", time, span, weekday, latest, relative=True)
    if match["period"]:
        period = match["period"].lower()
        step = {"last": -1, "next": 1}.get(match["lead"].lower(), 0)
        return _period_mention(text, span, period, step, published)
    count = _WORD_COUNTS.get(match["count"].lower()) or int(match["count"])
    unit = match["unit"].lower().rstrip("s")
    return _period_mention(text, span, unit, -count, published)


def _period_mention(
    text: str, span: tuple[int, int], period: str, step: int, published: date | None
) -> DateMention:
    granularity: Granularity = "day" if period == "day" else period  # type: ignore[assignment]
    if published is None:
        return DateMention(text, None, granularity, None, span, relative=True)
    if period == "year":
        return DateMention(text, date(published.year + step, 1, 1), "year", None, span, relative=True)
    if period == "month":
        month_index = published.year * 12 + published.month - 1 + step
        resolved = date(month_index // 12, month_index % 12 + 1, 1)
        return DateMention(text, resolved, "month", None, span, relative=True)
    day = published + timedelta(days=_PERIOD_DAYS[period] * step)
    weekday = day.weekday() if granularity == "day" else None
    return DateMention(text, day, granularity, None, span, weekday, day, relative=True)


def _resolve_weekday(weekday: int, published: date, direction: str) -> date:
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    if direction == "before":
        return published - timedelta(days=back or 7)
    if direction == "after":
        return published + timedelta(days=forward or 7)
    if direction == "on_or_after":
        return published + timedelta(days=forward)
    return published - timedelta(days=back)


def year_of_day(month: int, day: int, published: date | None, future: bool = False) -> int | None:
    """The year of a day written without one: a reported day is past unless within a month ahead.

    "Jan. 5" in a paper of 21 November is last January; "Sept. 16" in one of 1 September is this month;
    "scheduled for trial June 6" looks ahead.
    """
    if published is None:
        return None
    offsets = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            offsets.append(((date(year, month, day) - published).days, year))
        except ValueError:  # 29 February of a common year
            continue
    if future:
        ahead = [offset for offset in offsets if offset[0] >= 0]
        return min(ahead)[1] if ahead else None
    fitting = [offset for offset in offsets if offset[0] <= _DAYS_AHEAD_WITHOUT_CUE]
    return max(fitting)[1] if fitting else None


def _nearest_year(month: int, day: int, published: date | None) -> int | None:
    """The year that puts a day written without one closest to the publication date."""
    if published is None:
        return None
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            distance = abs((date(year, month, min(day, 28)) - published).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _looks_like_year(sentence: str, match: re.Match[str]) -> bool:
    """A four-digit number is a year after "in", "since", "the" ... or at the end of a clause."""
    before = sentence[: match.start()].rstrip()
    previous = re.search(r"([\w'’]+)\W*$", before)
    if previous and previous.group(1).lower().removeprefix("mid") in _YEAR_LEADS | {""}:
        return True
    if before.endswith(("mid-", "'s", "’s")):
        return True
    rest = sentence[match.end() :]
    return rest == "" or rest[0] in ",.;:)!?" or rest.startswith(("'s", "’s"))
