"""The cheap signals that say which event an article reports: its title and lead, the names in them, its date.

Besides names, the lead carries facts that tell look-alike events apart — the victim's age, the town, the day
it happened — found here with a few regexes (no parser), so the clusterer can veto a join they contradict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from wordfreq import zipf_frequency

from newsprism.models import Article

LEAD_SENTENCES = 2
LEAD_MAX_CHARS = 320
# A capitalised single word this common in lower case ("Police", "Tuesday") names nothing in particular.
COMMON_WORD_ZIPF = 4.0
# A place word this common ("North", "Park") does not say which town it was.
COMMON_PLACE_ZIPF = 4.5

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'.-]*[\w](?:\s+(?:[A-Z][\w'.-]*[\w]|[A-Z]))*")
_TITLE_SITE_SUFFIX = re.compile(r"\s+(?:\||::|-|–|—)\s+[^|:–—]{2,40}$")
_SENTENCE_END = frozenset(".!?:|\n")
_POSSESSIVE = re.compile(r"'s?$")
# Calendar words are capitalised but say nothing about which event it was.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
# "24-year-old", "a man, 24,", "aged 24", "Boy, 3, shot": the ages that tell one victim from another.
_AGES = (
    re.compile(_NUMBER + r"[- ](?:years?|yrs?)[- ]old", re.IGNORECASE),
    re.compile(r"(?<=[A-Za-z]),\s(\d{1,2}),"),
    re.compile(r"\baged?\s(\d{1,2})\b"),
)
# "in Dayton", "Dayton police", "Hancock County": capitalised runs in a place's usual company.
_PLACE_AFTER = re.compile(r"\b(?:in|near|from|at)\s+((?:[A-Z][\w'.-]*[\w]\s?){1,3})")
_PLACE_BEFORE = re.compile(r"((?:[A-Z][\w'.-]*[\w]\s){1,3})(?:[Pp]olice|County|[Ss]heriff|[Ff]ire)\b")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"([0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"
_DATES = re.compile(
    rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?"  # March 3, 2014
    rf"|\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}\b)?"  # 3 March 2014
    r"|\b((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b"  # 2014-03-03
    r"|\b(?:(last|next)\s+)?(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)\b"
    r"|\b(yesterday|last night|overnight|today|tonight|this morning)\b"
)
_DAYS_BACK = {"yesterday": 1, "last night": 1, "overnight": 1, "today": 0, "tonight": 0, "this morning": 0}
# A day written without its year is taken as past unless it falls this few days after publication.
_DAYS_AHEAD = 7


@dataclass(frozen=True)
class StorySignals:
    """What the story clusterer compares of one article."""

    title: str  # without a site-name suffix
    text: str  # title and lead, for the embedder
    entities: frozenset[str]  # case-folded name candidates from title, lead and dateline
    published: date | None
    places: frozenset[str] = frozenset()  # case-folded words of the towns and areas named
    ages: frozenset[int] = frozenset()  # ages of the people the lead is about
    days: frozenset[date] = frozenset()  # days the title and lead mention, resolved against `published`


def story_signals(article: Article) -> StorySignals:
    """Title, lead, names, places, ages, days and publication date of an article."""
    title = clean_title(article.title)
    title_and_lead = f"{title}. {_lead(article)}"
    text = title_and_lead[:LEAD_MAX_CHARS]
    entities = set(entity_candidates(title_and_lead))
    places = set(place_words(text))
    if article.dateline:
        place = article.dateline.split(",")[0].split("(")[0].strip().casefold()
        if place:
            entities.add(place)
            places.update(_place_words(place))
    published = article.published_date
    return StorySignals(
        title,
        text,
        frozenset(entities),
        published,
        frozenset(places),
        ages_mentioned(text),
        days_mentioned(text, published),
    )


def story_text(article: Article) -> str:
    """Title and lead, cut to a length the embedder reads quickly: the part that says which event it is."""
    return story_signals(article).text


def clean_title(title: str) -> str:
    """The headline without a trailing " | Site name" or " :: Site"."""
    return _TITLE_SITE_SUFFIX.sub("", title.strip())


def _lead(article: Article) -> str:
    """The first sentences of the body, skipping a first sentence that repeats the title."""
    opening = article.sentences[: LEAD_SENTENCES + 1]
    return " ".join(sentence for sentence in opening if sentence != article.title)


def entity_candidates(text: str) -> frozenset[str]:
    """Capitalised word runs that look like names, case-folded; common and calendar words split runs."""
    found: set[str] = set()
    for match in _CAPITALISED_RUN.finditer(text):
        words = [_POSSESSIVE.sub("", word) for word in match.group().split()]
        sentence_initial = _starts_sentence(text, match.start())
        # In a title-case headline every word is capitalised, so a common word ends a name there.
        long_run = len(words) > 3
        run: list[str] = []
        for position, word in enumerate(words):
            lowered = word.casefold()
            breaks = lowered in _CALENDAR or (
                _is_common(word) and (long_run or (position == 0 and sentence_initial))
            )
            if breaks:
                _add_run(run, found)
                run = []
            else:
                run.append(lowered)
        _add_run(run, found)
    return frozenset(found)


def place_words(text: str) -> frozenset[str]:
    """Uncommon words of the capitalised runs that follow "in"/"near" or precede "police"/"County"."""
    found: set[str] = set()
    for pattern in (_PLACE_AFTER, _PLACE_BEFORE):
        for match in pattern.finditer(text):
            found.update(_place_words(match.group(1)))
    return frozenset(found)


def ages_mentioned(text: str) -> frozenset[int]:
    """Ages written as "24-year-old", "four-year-old", "Smith, 24," or "aged 24"."""
    found: set[int] = set()
    for pattern in _AGES:
        for match in pattern.finditer(text):
            number = match.group(1).lower()
            found.add(int(number) if number.isdigit() else _NUMBER_WORDS[number])
    return frozenset(found)


def days_mentioned(text: str, published: date | None) -> frozenset[date]:
    """Calendar days the text names; weekdays and "yesterday" need the publication date, a bare "May 3" too."""
    found: set[date] = set()
    for match in _DATES.finditer(text):
        day = _resolve(match, published)
        if day is not None:
            found.add(day)
    return frozenset(found)


def _resolve(match: re.Match[str], published: date | None) -> date | None:
    (month_1, day_1, year_1, day_2, month_2, year_2, iso_year, iso_month, iso_day, lead, weekday, word) = (
        match.groups()
    )
    if word is not None:
        return published - timedelta(days=_DAYS_BACK[word.casefold()]) if published else None
    if weekday is not None:
        if published is None or lead == "next":
            return None
        back = (published.weekday() - _WEEKDAYS[weekday.casefold()]) % 7
        return published - timedelta(days=back or (7 if lead == "last" else 0))
    if iso_year is not None:
        return _date(int(iso_year), int(iso_month), int(iso_day))
    month = _MONTHS[(month_1 or month_2).casefold()]
    day_number = int(day_1 or day_2)
    year = year_1 or year_2
    if year is not None:
        return _date(int(year), month, day_number)
    if published is None:
        return None
    for candidate_year in (published.year + 1, published.year, published.year - 1):
        candidate = _date(candidate_year, month, day_number)
        if candidate is not None and (candidate - published).days <= _DAYS_AHEAD:
            return candidate
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _starts_sentence(text: str, position: int) -> bool:
    """Nothing but spaces between `position` and the start of the text or the end of a sentence."""
    before = text[:position].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END


def _place_words(name: str) -> list[str]:
    return [
        word
        for word in (_POSSESSIVE.sub("", part.strip(".,")).casefold() for part in name.split())
        if len(word) > 2 and word not in _CALENDAR and not _is_common_place(word)
    ]


def _add_run(words: list[str], found: set[str]) -> None:
    """Keep a run of words as one entity unless it is a single common word."""
    if words and not (len(words) == 1 and _is_common(words[0])):
        found.add(" ".join(words))


@lru_cache(maxsize=65536)
def _is_common(word: str) -> bool:
    """A word frequent enough in lower case to be an ordinary word, not a name."""
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF


@lru_cache(maxsize=65536)
def _is_common_place(word: str) -> bool:
    return zipf_frequency(word, "en") >= COMMON_PLACE_ZIPF
