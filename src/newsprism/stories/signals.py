"""The cheap signals that say which event an article reports: its title and lead, the names in them, its date,
and the rarer words of the whole text.

Besides names, the lead carries facts that tell look-alike events apart (the victim's age, the town, the day
it happened), found here with a few regexes and no parser, so the clusterer can count against a join they
contradict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from newsprism.lang.en.calendar import CALENDAR_WORDS, MONTHS, RELATIVE_DAYS, WEEKDAYS
from newsprism.lang.en.numbers import NUMBER_WORDS
from newsprism.models import Article
from newsprism.nlp.frequency import english_zipf
from newsprism.nlp.temporal import year_of_day
from newsprism.stories.term_vectors import TermVector, term_vector

LEAD_SENTENCES = 2
LEAD_MAX_CHARS = 320  # where the victim's age, the town and the day are read
# Enough of the title and lead for the embedder to say which event it is: longer texts embed slower and
# cluster no better.
EMBEDDED_CHARS = 150
# Names are looked for in the title and the start of the body, where reports name who, where and what.
ENTITY_CHARS = 1000
# A capitalised single word this common in lower case ("Police", "Tuesday") names nothing in particular.
COMMON_WORD_ZIPF = 4.0
# A place word this common ("North", "Park") does not say which town it was.
COMMON_PLACE_ZIPF = 4.5

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'.-]*[\w](?:\s+(?:[A-Z][\w'.-]*[\w]|[A-Z]))*")
_TITLE_SITE_SUFFIX = re.compile(r"\s+(?:\||::|-|–|—)\s+[^|:–—]{2,40}$")
# Broadcasters brand headlines with long suffixes (" - KSLA News 12 Shreveport, Louisiana News Weather &
# Sports"): a suffix naming two of these cues is taken for branding, however long.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||::|-|–|—)\s+")
_BRANDING_CUES = re.compile(r"\b(News|Weather|Sports|TV|Channel|Station|Radio)\b|\.com\b", re.IGNORECASE)
MAX_BRANDING_CHARS = 120
_SENTENCE_END = frozenset(".!?:|\n")
_POSSESSIVE = re.compile(r"'s?$")

# "24-year-old", "four-year-old", "a man, 24,", "aged 24": the ages that tell one victim from another. Three
# simple patterns scan faster than one alternation; the number before "year-old" is read backwards.
_YEAR_OLD = re.compile(r"[- ](?i:year|yr)s?[- ](?i:old)")
_NUMBER_BEFORE = re.compile(r"\b(\d{1,3}|[A-Za-z]{3,9})$")
_AGE_BETWEEN_COMMAS = re.compile(r"(?<=[A-Za-z]), (\d{1,2}),")
_AGED = re.compile(r"\baged? (\d{1,2})\b")
# "in Dayton", "Dayton police", "Hancock County": capitalised runs in a place's usual company.
_PLACE_AFTER = re.compile(r"(?:\bin|\bnear|\bfrom|\bat)\s+((?:[A-Z][\w'.-]*[\w]\s?){1,3})")
_PLACE_BEFORE = re.compile(
    r"(?=[A-Z])((?:[A-Z][\w'.-]*[\w]\s){1,3})(?:[Pp]olice|County|[Ss]heriff|[Ff]ire)\b"
)

_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_YEAR = r"(?:,?\s+((?:19|20)\d\d)\b)?"
_MONTH_DAY = re.compile(rf"{_MONTH}\s+([0-3]?\d)(?:st|nd|rd|th)?\b{_YEAR}")  # March 3, 2014
_DAY_MONTH = re.compile(rf"(\d\d?)(?:st|nd|rd|th)?\s+{_MONTH}{_YEAR}")  # 3 March 2014
_ISO_DAY = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)\b")
_WEEKDAY = re.compile(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# "yesterday", "last night": days the lead dates back from its publication.
_DAYS_BACK = {word: -offset for word, offset in RELATIVE_DAYS.items() if offset <= 0}


@dataclass(frozen=True)
class StorySignals:
    """What the story clusterer compares of one article."""

    title: str  # without a site-name suffix
    text: str  # the start of the title and lead, for the embedder
    entities: frozenset[str]  # case-folded name candidates from title, the start of the body and dateline
    published: date | None
    places: frozenset[str] = frozenset()  # case-folded words of the towns and areas named
    ages: frozenset[int] = frozenset()  # ages of the people the lead is about
    days: frozenset[date] = frozenset()  # days the title and lead mention, resolved against `published`
    terms: TermVector = field(default_factory=TermVector.empty)  # the rarer words of the whole article
    # Entities that read like someone's full name or a named spot ("kareem mano", "bunny friend park"
    # would not pass: "park" is common): the names a trial or sentencing report repeats months later.
    full_names: frozenset[str] = frozenset()


def story_signals(article: Article) -> StorySignals:
    """Title, lead, names, places, ages, days and publication date of an article."""
    title = clean_title(article.title)
    lead = _title_and_lead(article, title)
    entities = set(entity_candidates(f"{title}. {article.text[:ENTITY_CHARS]}"))
    places = set(place_words(lead))
    if article.dateline:
        place = article.dateline.split(",")[0].split("(")[0].strip().casefold()
        if place:
            entities.add(place)
            places.update(_place_words(place))
    published = article.published_date
    entities_found = frozenset(entities)
    return StorySignals(
        title,
        lead[:EMBEDDED_CHARS],
        entities_found,
        published,
        frozenset(places),
        ages_mentioned(lead),
        days_mentioned(lead, published),
        term_vector(f"{title}\n{article.text}"),
        frozenset(name for entity in entities_found if (name := full_name(entity))),
    )


def story_text(article: Article) -> str:
    """Title and lead, cut to a length the embedder reads quickly: the part that says which event it is."""
    return _title_and_lead(article, clean_title(article.title))[:EMBEDDED_CHARS]


def _title_and_lead(article: Article, title: str) -> str:
    return f"{title}. {_lead(article)}"[:LEAD_MAX_CHARS]


def clean_title(title: str) -> str:
    """The headline without a trailing " | Site name", " :: Site" or " - Station News, Weather & Sports"."""
    title = title.strip()
    for separator in _TITLE_SEPARATOR.finditer(title):
        suffix = title[separator.end() :]
        if len(suffix) <= MAX_BRANDING_CHARS and _is_branding(suffix):
            title = title[: separator.start()]
            break
    return _TITLE_SITE_SUFFIX.sub("", title)


def _is_branding(suffix: str) -> bool:
    cues = {(match.group(1) or ".com").casefold() for match in _BRANDING_CUES.finditer(suffix)}
    return len(cues) >= 2


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
            breaks = lowered in CALENDAR_WORDS or (
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
    for match in _YEAR_OLD.finditer(text):
        number = _NUMBER_BEFORE.search(text, max(0, match.start() - 10), match.start())
        if number is not None:
            word = number.group(1).casefold()
            value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if value is not None:
                found.add(value)
    for pattern in (_AGE_BETWEEN_COMMAS, _AGED):
        found.update(int(match.group(1)) for match in pattern.finditer(text))
    return frozenset(found)


def days_mentioned(text: str, published: date | None) -> frozenset[date]:
    """Days the text names; weekdays, "yesterday" and a "May 3" without its year need the publication date."""
    found: set[date | None] = set()
    for match in _MONTH_DAY.finditer(text):
        found.add(_calendar_day(match.group(1), match.group(2), match.group(3), published))
    for match in _DAY_MONTH.finditer(text):
        found.add(_calendar_day(match.group(2), match.group(1), match.group(3), published))
    for match in _ISO_DAY.finditer(text):
        found.add(_date(*(int(part) for part in match.groups())))
    if published is not None:
        for match in _WEEKDAY.finditer(text):
            lead = text[max(0, match.start() - 5) : match.start()]
            if not lead.endswith("next "):
                back = (published.weekday() - WEEKDAYS[match.group(1)[:3].casefold()]) % 7
                found.add(published - timedelta(days=back or (7 if lead.endswith("last ") else 0)))
        lowered = text.casefold()
        found.update(published - timedelta(days=back) for word, back in _DAYS_BACK.items() if word in lowered)
    return frozenset(day for day in found if day is not None)


def _calendar_day(month: str, day: str, year: str | None, published: date | None) -> date | None:
    """The date of "March 3" or "March 3, 2014"; without a year, as nlp/temporal.py resolves one."""
    month_number, day_number = MONTHS[month[:3].casefold()], int(day)
    year_number = int(year) if year is not None else year_of_day(month_number, day_number, published)
    return _date(year_number, month_number, day_number) if year_number is not None else None


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
        if len(word) > 2 and word not in CALENDAR_WORDS and not _is_common_place(word)
    ]


def _add_run(words: list[str], found: set[str]) -> None:
    """Keep a run of words as one entity unless it is a single common word."""
    if words and not (len(words) == 1 and _is_common(words[0])):
        found.add(" ".join(words))


def full_name(entity: str) -> str | None:
    """The full name in an entity, without a leading title: "detective ilse marwood" -> "ilse marwood".

    Two or more words, none an initial and none a common English word: "laprida shears" is one; "morgan
    park", "digital d" and "stockton police department" are not.
    """
    words = entity.split()
    while words and _is_common(words[0]):
        words.pop(0)
    if len(words) >= 2 and all(len(word) > 1 and not _is_common(word) for word in words):
        return " ".join(words)
    return None


@lru_cache(maxsize=65536)
def _is_common(word: str) -> bool:
    """A word frequent enough in lower case to be an ordinary word, not a name."""
    return english_zipf(word.lower()) >= COMMON_WORD_ZIPF


@lru_cache(maxsize=65536)
def _is_common_place(word: str) -> bool:
    return english_zipf(word) >= COMMON_PLACE_ZIPF
