"""The cheap signals that say which event an article reports: its title and lead, the names in them, its date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from wordfreq import zipf_frequency

from newsprism.models import Article

LEAD_SENTENCES = 2
LEAD_MAX_CHARS = 320
# A capitalised single word this common in lower case ("Police", "Tuesday") names nothing in particular.
COMMON_WORD_ZIPF = 4.0

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'.-]*[\w](?:\s+(?:[A-Z][\w'.-]*[\w]|[A-Z]))*")
_TITLE_SITE_SUFFIX = re.compile(r"\s+(?:\||::|-|–|—)\s+[^|:–—]{2,40}$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:|]\s+|\n)$")
_POSSESSIVE = re.compile(r"'s?$")
# Calendar words are capitalised but say nothing about which event it was.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


@dataclass(frozen=True)
class StorySignals:
    """What the story clusterer compares of one article."""

    title: str  # without a site-name suffix
    text: str  # title and lead, for the embedder
    entities: frozenset[str]  # case-folded name candidates from title, lead and dateline
    published: date | None


def story_signals(article: Article) -> StorySignals:
    """Title, lead, names and publication date of an article."""
    title = clean_title(article.title)
    title_and_lead = f"{title}. {_lead(article)}"
    entities = set(entity_candidates(title_and_lead))
    if article.dateline:
        place = article.dateline.split(",")[0].strip().casefold()
        if place:
            entities.add(place)
    return StorySignals(title, title_and_lead[:LEAD_MAX_CHARS], frozenset(entities), article.published_date)


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
        sentence_initial = bool(_SENTENCE_START.search(text[: match.start()]))
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


def _add_run(words: list[str], found: set[str]) -> None:
    """Keep a run of words as one entity unless it is a single common word."""
    if words and not (len(words) == 1 and _is_common(words[0])):
        found.add(" ".join(words))


@lru_cache(maxsize=65536)
def _is_common(word: str) -> bool:
    """A word frequent enough in lower case to be an ordinary word, not a name."""
    return zipf_frequency(word.lower(), "en") >= COMMON_WORD_ZIPF
