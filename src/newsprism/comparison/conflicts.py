"""Conflicts between outlets over the figures and dates of the same event."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsprism.comparison.annotate import AnnotatedSentence, AnnotatedStory
from newsprism.comparison.options import QUICK_CLAIM_THRESHOLD
from newsprism.lang.en.calendar import (
    DAY_PARTS,
    MONTH_NAMES,
    MONTH_WORDS,
    RELATIVE_DAYS,
    WEEKDAY_NAMES,
    WEEKDAY_WORDS,
)
from newsprism.lang.en.stop_words import CORE_FUNCTION_WORDS
from newsprism.models import Conflict, SentenceRef
from newsprism.nlp.figures import Figure
from newsprism.nlp.temporal import DateMention
from newsprism.nlp.tokens import LATIN_WORD

# From this same-claim score up, related sentences are tied closely enough to compare any figures they share.
RELATED_MIN_SIMILARITY = 0.3
# Words either side of a date that tell which happening it dates.
DATE_CONTEXT_WORDS = 6
# Words that say nothing of which happening a date dates: function words and other time words.
# Prepositions of time and order stay: "after the vote" and "before the vote" date different happenings.
_CONTEXT_STOP_WORDS = (
    (CORE_FUNCTION_WORDS - frozenset("about after as before into over say than we will would".split()))
    | frozenset("him them which who late early last next".split())
    | MONTH_WORDS
    | WEEKDAY_WORDS
    | DAY_PARTS
)
# Two related sentences naming this many of the same people or places report the same event.
MIN_SHARED_ACTORS = 2

_GENERIC_PEOPLE_MATES = frozenset({"people", "population", "crowd", "farming"})
# A month or year this close to publication is the story's own time, not a past event in the background.
_BACKGROUND_DAYS = 62
_EVENT_LABELS = {
    "killed": "Killed", "injured": "Injured", "arrested": "Arrested", "missing": "Missing",
    "displaced": "Displaced", "participated": "Turnout", "released": "Released", "aid": "Funding",
    "cost": "Cost",
}  # fmt: skip
_KIND_LABELS = {"money": "Amount", "percent": "Share", "duration": "Duration", "measure": "Measure"}


@dataclass(frozen=True)
class SentencePair:
    """Two sentences from different articles that may report the same thing, from the alignment stage."""

    a: AnnotatedSentence
    b: AnnotatedSentence
    aligned: bool  # True when both sentences were put in the same claim group
    similarity: float  # calibrated same-claim score in [0, 1]


class _Components:
    """Union-find over hashable nodes, remembering which links disagree.

    A node may carry a tag (what happened: "arrested", "injured"); two groups with different tags are never
    joined, so an untagged figure cannot bridge the count of arrests and the count of injuries.
    """

    def __init__(self) -> None:
        self._parent: dict[Hashable, Hashable] = {}
        self._tags: dict[Hashable, str] = {}
        self.disagreements: list[tuple[Hashable, Hashable]] = []
        self.degree: Counter[Hashable] = Counter()
        self.disagreement_degree: Counter[Hashable] = Counter()

    def find(self, node: Hashable) -> Hashable:
        self._parent.setdefault(node, node)
        while self._parent[node] != node:
            self._parent[node] = self._parent[self._parent[node]]
            node = self._parent[node]
        return node

    def link(
        self,
        first: Hashable,
        second: Hashable,
        disagree: bool,
        tags: tuple[str | None, str | None] = (None, None),
    ) -> None:
        root_first, root_second = self.find(first), self.find(second)
        for root, tag in ((root_first, tags[0]), (root_second, tags[1])):
            if tag is not None:
                self._tags.setdefault(root, tag)
        tag_first, tag_second = self._tags.get(root_first), self._tags.get(root_second)
        if tag_first is not None and tag_second is not None and tag_first != tag_second:
            return
        if root_first != root_second:
            self._parent[root_first] = root_second
            if tag_first is not None:
                self._tags[root_second] = tag_first
        self.degree.update((first, second))
        if disagree:
            self.disagreements.append((first, second))
            self.disagreement_degree.update((first, second))

    def groups_in_disagreement(self) -> list[list[Any]]:
        """Every group of linked nodes in which at least one link disagrees."""
        members: dict[Hashable, list[Any]] = defaultdict(list)
        for node in self._parent:
            members[self.find(node)].append(node)
        roots = {self.find(first) for first, _ in self.disagreements}
        return [sorted(members[root]) for root in roots]


# --- Figures ------------------------------------------------------------------------------------


def find_figure_conflicts(
    pairs: Sequence[SentencePair], claim_threshold: float = QUICK_CLAIM_THRESHOLD
) -> list[Conflict]:
    """Figures for the same quantity of the same event that cannot all be true, one Conflict per quantity."""
    components = _Components()
    for pair in pairs:
        if pair.a.ref.article == pair.b.ref.article or not _about_same_event(pair, claim_threshold):
            continue
        figures_a, figures_b = pair.a.figures, pair.b.figures
        tied = pair.aligned or _tied_by_context(pair)
        for index_a, index_b in _matched_figures(figures_a, figures_b, pair.aligned, tied):
            figure_a, figure_b = figures_a[index_a], figures_b[index_b]
            disagree = not _ranges_overlap(figure_a, figure_b)
            events = (figure_a.event, figure_b.event)
            components.link((pair.a.ref, index_a), (pair.b.ref, index_b), disagree, events)
    groups = components.groups_in_disagreement()
    sentences = _sentences(pairs)
    conflicts = [_figure_conflict(group, components, sentences) for group in groups]
    return sorted(conflicts, key=lambda conflict: conflict.sentences)


def _matched_figures(
    figures_a: Sequence[Figure], figures_b: Sequence[Figure], aligned: bool, tied: bool
) -> list[tuple[int, int]]:
    """Pairs of figures that count the same thing, each figure used once, best matches first."""
    candidates = []
    for index_a, figure_a in enumerate(figures_a):
        for index_b, figure_b in enumerate(figures_b):
            score = _match_score(figure_a, figure_b, aligned, tied)
            if score is not None:
                candidates.append((-score, index_a, index_b))
    matched: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, index_a, index_b in sorted(candidates):
        if index_a not in used_a and index_b not in used_b:
            matched.append((index_a, index_b))
            used_a.add(index_a)
            used_b.add(index_b)
    return matched


def _match_score(a: Figure, b: Figure, aligned: bool, tied: bool) -> int | None:
    """How surely two figures count the same thing; None when they do not."""
    if a.kind != b.kind or a.unit is None or b.unit is None:
        return None
    if a.kind == "age":
        if a.noun and b.noun:
            return 3 if _same_person(a.noun, b.noun) else None
        return 1 if aligned else None
    if a.kind == "count":
        if not _counted_alike(a, b):
            return None
    elif a.unit != b.unit:
        return None
    if not aligned and not _comparable_when_related(a, b, tied):
        return None
    if a.event is not None and b.event is not None and a.event != b.event:
        return None
    score = 1
    score += 2 if a.unit == b.unit else 0
    score += 2 if a.event is not None and a.event == b.event else 0
    score += 1 if a.scope is not None and a.scope == b.scope else 0
    return score


def _comparable_when_related(a: Figure, b: Figure, tied: bool) -> bool:
    """Figures of related, not aligned, sentences are compared only when something says they are one quantity.

    `tied`: the sentences share a name or score high. Counts and sums must also say what happened to what
    they count ("arrested", "aid"); the very same noun or scope ("14 officers", "23 officers") ties them too.
    """
    if a.kind == "duration":
        return False
    if a.kind in ("measure", "percent"):
        return tied
    if a.event is None or a.event != b.event:
        return False
    same_words = a.unit == b.unit or (a.scope is not None and a.scope == b.scope)
    return tied or same_words


def _counted_alike(a: Figure, b: Figure) -> bool:
    """'residents' and 'people', 'farms' and 'farmers' count alike; 'officers' and 'protesters' do not."""
    if a.unit == b.unit:
        return True
    if a.group is not None and a.group == b.group:
        return True
    groups = {a.group, b.group}
    if "people" in groups:
        return groups <= _GENERIC_PEOPLE_MATES
    return _stem(a.unit or "") == _stem(b.unit or "")


def _stem(word: str) -> str:
    for suffix in ("ers", "ing", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


def _same_person(first: str, second: str) -> bool:
    return first.split()[-1].casefold() == second.split()[-1].casefold()


def _ranges_overlap(a: Figure, b: Figure) -> bool:
    a_below_b = a.high is not None and b.low is not None and a.high < b.low
    b_below_a = b.high is not None and a.low is not None and b.high < a.low
    return not (a_below_b or b_below_a)


def _figure_conflict(
    group: list[tuple[SentenceRef, int]],
    components: _Components,
    sentences: dict[SentenceRef, AnnotatedSentence],
) -> Conflict:
    # An article with several figures in the group is shown by the one most in dispute.
    by_article: dict[int, tuple[SentenceRef, int]] = {}
    for node in group:
        weight = (components.disagreement_degree[node], components.degree[node])
        current = by_article.get(node[0].article)
        if current is None or weight > (components.disagreement_degree[current], components.degree[current]):
            by_article[node[0].article] = node
    values: dict[str, Any] = {}
    phrases: dict[int, str] = {}
    figures: list[Figure] = []
    for article, (ref, index) in sorted(by_article.items()):
        figure = sentences[ref].figures[index]
        figures.append(figure)
        phrases[article] = _as_quoted(figure)
        values[str(article)] = {
            "text": figure.text, "value": figure.value, "low": figure.low, "high": figure.high,
            "unit": figure.unit, "qualifier": figure.qualifier, "scope": figure.scope, "event": figure.event,
            "sentence": ref.index,
        }  # fmt: skip
    sources = {article: sentences[node[0]].source for article, node in by_article.items()}
    description = f"{_figure_label(figures)}: {_who_says_what(phrases, sources)}"
    refs = tuple(sorted({ref for ref, _ in group}))
    return Conflict("number", description, refs, values)


# How "Outlets differ on ..." names what a number conflict is about, from its label.
_TOPICS = {
    "Killed": "the number killed", "Injured": "the number injured", "Arrested": "the number arrested",
    "Missing": "the number missing", "Displaced": "the number displaced", "Turnout": "the turnout",
    "Released": "the number released", "Funding": "the funding", "Cost": "the cost", "Amount": "the amount",
    "Share": "the share", "Duration": "how long it lasted", "Count": "the number",
}  # fmt: skip


def disagreement_topic(conflict: Conflict) -> str | None:
    """What a figure or date conflict is about, as a summary names it ("the number displaced", "the
    date"); None for the conflicts a summary does not state (quotes, statements)."""
    if conflict.kind == "date":
        return "the date"
    if conflict.kind != "number":
        return None
    label = conflict.description.partition(": ")[0]
    if label in _TOPICS:
        return _TOPICS[label]
    if label.startswith(("Age", "Measure")):
        return "the " + label[0].lower() + label[1:]
    return f"the number of {label.lower()}"  # a counted unit: "Vehicles"


def _figure_label(figures: list[Figure]) -> str:
    labels = [_EVENT_LABELS.get(figure.event or "") for figure in figures]
    events = Counter(label for label in labels if label is not None)
    if events:
        return events.most_common(1)[0][0]
    first = figures[0]
    if first.kind == "age":
        names = [figure.noun for figure in figures if figure.noun and figure.noun[0].isupper()]
        return f"Age of {names[0]}" if names else "Age"
    if first.kind == "count":
        units = Counter(figure.unit for figure in figures if figure.unit)
        return (units.most_common(1)[0][0] if units else "Count").capitalize()
    label = _KIND_LABELS[first.kind]
    return f"{label} ({first.unit})" if first.kind == "measure" else label


def _as_quoted(figure: Figure) -> str:
    """The figure's phrase as it reads inside a description: 'More than 4,000' -> 'more than 4,000'."""
    text = figure.text
    first_word = text.split()[0]
    if figure.span[0] == 0 and text[0].isupper() and not (first_word.isupper() and len(first_word) > 1):
        return text[0].lower() + text[1:]
    return text


# --- Dates --------------------------------------------------------------------------------------


# Days named from the day of writing ("this morning", "yesterday", "three days ago"): an outlet's own news of
# its day, set against another outlet's day only within one claim, never across related sentences.
_DAY_OF_WRITING = re.compile(
    r"\b(?:" + "|".join(RELATIVE_DAYS) + r"|this\s+(?:afternoon|evening)|ago)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class _DateLink:
    """Two sentences compared for the day of one happening, and the two days that settled it."""

    a: SentenceRef
    b: SentenceRef
    disagree: bool
    days: tuple[DateMention, DateMention]

    @property
    def articles(self) -> frozenset[int]:
        return frozenset((self.a.article, self.b.article))


def find_date_conflicts(pairs: Sequence[SentencePair]) -> list[Conflict]:
    """Sentences about the same event that put it on different days, one Conflict per event.

    The same event: an aligned pair, or a related pair (same topic) whose sentences name the same
    two or more actors ("Lind spoke to Vantolin on Tuesday" / "Lind rang Vantolin late on Monday").
    Linked sentences form an event; two outlets that give a day in common anywhere in it agree, so a
    day one of them gives for another happening ("pleaded guilty to the Jan. 1 shooting") is no conflict.
    """
    sentences = _sentences(pairs)
    links = sorted(
        (link for pair in pairs if (link := _date_link(pair)) is not None), key=lambda link: (link.a, link.b)
    )
    events = _Components()
    for link in links:
        events.link(link.a, link.b, link.disagree)
    conflicts = []
    for event in events.groups_in_disagreement():
        members = set(event)
        inside = [link for link in links if link.a in members]
        agreeing = {link.articles for link in inside if not link.disagree}
        kept = [link for link in inside if not link.disagree or link.articles not in agreeing]
        components = _Components()
        for link in kept:
            components.link(link.a, link.b, link.disagree)
        conflicts += [_date_conflict(group, kept, sentences) for group in components.groups_in_disagreement()]
    return sorted(conflicts, key=lambda conflict: conflict.sentences)


def _date_link(pair: SentencePair) -> _DateLink | None:
    """Whether two sentences agree or disagree on the day of what they report; None when they cannot say."""
    if pair.a.ref.article == pair.b.ref.article:
        return None
    if not pair.aligned and not _same_actors(pair):
        return None
    if _places_contradict(pair.a, pair.b):
        return None
    common = _common_day(pair)
    if common is not None:
        return _DateLink(pair.a.ref, pair.b.ref, False, common)
    for first, second in _comparable_days(pair):
        if not pair.aligned and (_DAY_OF_WRITING.search(first.text) or _DAY_OF_WRITING.search(second.text)):
            continue
        if _same_day(first, second) is False:
            return _DateLink(pair.a.ref, pair.b.ref, True, (first, second))
    return None


def _same_happening(
    a: AnnotatedSentence, day_a: DateMention, b: AnnotatedSentence, day_b: DateMention
) -> bool:
    """Two dates can only disagree about one happening: the words around them must have something in
    common ("Lind spoke on Tuesday to Vantolin" / "rang Vantolin late on Monday"), unlike a lead's
    "criticism ... on Wednesday" beside another lead's "told her counterpart by phone on Tuesday"."""
    return bool(_context_words(a.text, day_a.span) & _context_words(b.text, day_b.span))


def _context_words(text: str, span: tuple[int, int]) -> frozenset[str]:
    before = LATIN_WORD.findall(text[: span[0]])[-DATE_CONTEXT_WORDS:]
    after = LATIN_WORD.findall(text[span[1] :])[:DATE_CONTEXT_WORDS]
    return frozenset(word.casefold() for word in before + after) - _CONTEXT_STOP_WORDS


def _same_actors(pair: SentencePair) -> bool:
    shared = pair.a.names & pair.b.names
    return len(shared) >= MIN_SHARED_ACTORS and pair.similarity >= RELATED_MIN_SIMILARITY / 2


def _pair_days_disagree(pair: SentencePair) -> bool | None:
    """True when no day of one sentence can be a day of the other; None when they cannot be compared."""
    if _common_day(pair) is not None:
        return False
    if any(_same_day(first, second) is False for first, second in _comparable_days(pair)):
        return True
    return None


def _common_day(pair: SentencePair) -> tuple[DateMention, DateMention] | None:
    """A day both sentences give: then they do not disagree, whatever else each dates."""
    for first in pair.a.event_days:
        for second in pair.b.event_days:
            if _same_day(first, second) is True:
                return first, second
    return None


def _comparable_days(pair: SentencePair) -> Iterator[tuple[DateMention, DateMention]]:
    """Days of the two sentences that can only disagree: they date one happening, which both outlets could
    have reported when they went out."""
    for first in pair.a.event_days:
        for second in pair.b.event_days:
            if (
                not _later_development(first, pair.b.published)
                and not _later_development(second, pair.a.published)
                and _same_happening(pair.a, first, pair.b, second)
            ):
                yield first, second


def _later_development(mention: DateMention, other_published: date | None) -> bool:
    """A day after the other article went out is news that article could not have had, not a disagreement."""
    return mention.date is not None and other_published is not None and mention.date > other_published


def _same_day(first: DateMention, second: DateMention) -> bool | None:
    if first.date is not None and second.date is not None:
        first_last, second_last = first.latest or first.date, second.latest or second.date
        return first.date <= second_last and second.date <= first_last
    if first.day_of_month is not None and second.day_of_month is not None and first.month and second.month:
        return (first.month, first.day_of_month) == (second.month, second.day_of_month)  # years unknown
    weekdays_first, weekdays_second = _weekdays(first), _weekdays(second)
    if weekdays_first and weekdays_second:
        return bool(weekdays_first & weekdays_second)
    return None


def _weekdays(mention: DateMention) -> set[int]:
    if mention.date is not None:
        last = mention.latest or mention.date
        return {(mention.date.weekday() + offset) % 7 for offset in range((last - mention.date).days + 1)}
    if mention.weekday is None:
        return set()
    return {mention.weekday, (mention.weekday + 1) % 7} if mention.time == "night" else {mention.weekday}


def _date_conflict(
    group: list[SentenceRef], links: Sequence[_DateLink], sentences: dict[SentenceRef, AnnotatedSentence]
) -> Conflict:
    members = set(group)
    # Each outlet is shown by a day that disagrees with another outlet's, else by one that agrees.
    shown: dict[int, tuple[SentenceRef, DateMention]] = {}
    for disagree in (True, False):
        for link in links:
            if link.disagree is disagree and link.a in members:
                for ref, mention in zip((link.a, link.b), link.days, strict=True):
                    shown.setdefault(ref.article, (ref, mention))
    values: dict[str, Any] = {}
    phrases: dict[int, str] = {}
    sources: dict[int, str] = {}
    for article, (ref, mention) in sorted(shown.items()):
        values[str(article)] = {
            "text": mention.text,
            "date": mention.date.isoformat() if mention.date else None,
            "weekday": WEEKDAY_NAMES[mention.weekday] if mention.weekday is not None else None,
            "sentence": ref.index,
        }
        phrases[article] = _day_phrase(mention)
        sources[article] = sentences[ref].source
    description = f"Date: {_who_says_what(phrases, sources)}"
    return Conflict("date", description, tuple(group), values)


def _day_phrase(mention: DateMention) -> str:
    """'late on Monday' (9 March 2026)."""
    if mention.date is None:
        return f'"{mention.text}"'
    day = mention.date
    weekday, month = WEEKDAY_NAMES[day.weekday()], MONTH_NAMES[day.month - 1]
    return f'"{mention.text}" ({weekday} {day.day} {month} {day.year})'


# --- Shared -------------------------------------------------------------------------------------


def _sentences(pairs: Iterable[SentencePair]) -> dict[SentenceRef, AnnotatedSentence]:
    return {sentence.ref: sentence for pair in pairs for sentence in (pair.a, pair.b)}


def _who_says_what(phrases: dict[int, str], sources: dict[int, str]) -> str:
    """'Meridian Wire and Ostra Valley Times say some 12,000 farms; harbor-gazette says about 15,000 ...'."""
    outlets_by_phrase: dict[str, list[str]] = defaultdict(list)
    wording: dict[str, str] = {}
    for article in sorted(phrases):
        key = phrases[article].casefold()
        wording.setdefault(key, phrases[article])
        if sources[article] not in outlets_by_phrase[key]:
            outlets_by_phrase[key].append(sources[article])
    parts = []
    for key, outlets in outlets_by_phrase.items():
        verb = "says" if len(outlets) == 1 else "say"
        parts.append(f"{_join(outlets)} {verb} {wording[key]}")
    return "; ".join(parts)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _about_same_event(pair: SentencePair, claim_threshold: float) -> bool:
    """Whether two sentences can be about one event: never when set in other places, days or years.

    Aligned pairs scoring below the claim threshold were linked as mutual best matches only: their figures
    are compared only when the sentences do not name different actors.
    """
    if _places_contradict(pair.a, pair.b):
        return False
    weakly_tied = not pair.aligned or pair.similarity < claim_threshold
    if weakly_tied and _actors_differ(pair.a, pair.b):
        return False
    if _pair_days_disagree(pair) is True:
        return False
    years_a, months_a = _periods(pair.a)
    years_b, months_b = _periods(pair.b)
    if (years_a and years_b and not years_a & years_b) or (months_a and months_b and not months_a & months_b):
        return False
    # "A quake in September killed seven" is background to "ten were killed on Sunday".
    return pair.aligned or bool(years_a or months_a) == bool(years_b or months_b)


def _actors_differ(a: AnnotatedSentence, b: AnnotatedSentence) -> bool:
    """Each sentence names someone the other does not, and they share at most one name: "McCain would
    cut $882 billion from Medicare" and "Obama has cut $716 billion from Medicare" count different cuts."""
    names_a, names_b = a.names, b.names
    return bool(names_a - names_b) and bool(names_b - names_a) and len(names_a & names_b) <= 1


def _tied_by_context(pair: SentencePair) -> bool:
    """Related sentences that share a name ('Port Asha', 'Lind') or score high enough as the same claim."""
    return pair.similarity >= RELATED_MIN_SIMILARITY or bool(pair.a.names & pair.b.names)


def _periods(sentence: AnnotatedSentence) -> tuple[frozenset[int], frozenset[int]]:
    """Years and months the sentence names ('in 2003', 'in September'), unless they are the story's own."""
    published = sentence.published
    years: set[int] = set()
    months: set[int] = set()
    for mention in sentence.dates:
        if mention.granularity not in ("month", "year") or (mention.relative and mention.month is None):
            continue
        if published is not None and mention.date is not None:
            if mention.granularity == "year" and mention.date.year == published.year:
                continue
            if mention.granularity == "month" and abs((mention.date - published).days) < _BACKGROUND_DAYS:
                continue
        if mention.date is not None and not mention.relative:
            years.add(mention.date.year)
        if mention.month is not None:
            months.add(mention.month)
    return frozenset(years), frozenset(months)


def _places_contradict(a: AnnotatedSentence, b: AnnotatedSentence) -> bool:
    """Both sentences set the event somewhere ('in Lorvenne') and neither names the other's place."""
    if not a.places or not b.places:
        return False
    return not (a.places & b.names) and not (b.places & a.names)


# --- Candidates ---------------------------------------------------------------------------------


def candidate_pairs(story: AnnotatedStory) -> list[tuple[SentenceRef, SentenceRef]]:
    """Sentences of different articles that state a figure for the same kind of thing ("arrested", "m3/s").

    A same-claim score falls when two sentences give different numbers, which is exactly when they conflict;
    these pairs, passed back as related SentencePairs, let such conflicts be found whatever the score.
    """
    by_key: dict[tuple[str, str], list[SentenceRef]] = defaultdict(list)
    for sentence in story.sentences():
        for key in {_figure_key(figure) for figure in sentence.figures}:
            if key is not None:
                by_key[key].append(sentence.ref)
    pairs: set[tuple[SentenceRef, SentenceRef]] = set()
    for refs in by_key.values():
        for first, second in itertools.combinations(refs, 2):
            if first.article != second.article:
                pairs.add((min(first, second), max(first, second)))
    return sorted(pairs)


def _figure_key(figure: Figure) -> tuple[str, str] | None:
    if figure.kind in ("count", "money"):
        return (figure.kind, figure.event) if figure.event is not None else None
    if figure.kind == "age":
        named = figure.noun is not None and figure.noun[0].isupper()
        return ("age", figure.noun.split()[-1].casefold()) if named and figure.noun else None
    return (figure.kind, figure.unit) if figure.unit is not None and figure.kind != "duration" else None
