"""Named mentions of a story, one record each, and the entities being assembled from them (step 1)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.comparison.annotate import AnnotatedStory
from newsprism.models import ComparedArticle, EntityType
from newsprism.nlp.frequency import english_zipf
from newsprism.nlp.ner import Mention

COMMON_WORD_ZIPF = 3.5
OPENERS = "\"'“‘("
_SPACE = re.compile(r"\s+")
_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Occurrence:
    """One named mention: where it stands, in which article and sentence."""

    article: int
    sentence: int
    text: str  # the sentence
    mention: Mention
    key: str  # case-folded surface form
    tokens: tuple[str, ...]

    @property
    def opens_sentence(self) -> bool:
        return not self.text[: self.mention.start].strip(OPENERS + " ")


@dataclass
class EntityDraft:
    """An entity being assembled: its occurrences, title references and descriptors."""

    occurrences: list[Occurrence] = field(default_factory=list)
    title_mentions: Counter[int] = field(default_factory=Counter)
    title_variants: set[str] = field(default_factory=set)
    labels: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    type: EntityType = "OTHER"


def find_occurrences(story: AnnotatedStory) -> list[Occurrence]:
    """Every named mention of every sentence of the story, as the named-entity model found them."""
    found: list[Occurrence] = []
    for sentence in story.sentences():
        article_id, index = sentence.ref.article, sentence.ref.index
        for mention in sentence.mentions:
            surface = _SPACE.sub(" ", mention.text.translate(_STRAIGHT_QUOTES))
            key, tokens = surface.casefold(), tuple(surface.split())
            found.append(Occurrence(article_id, index, sentence.text, mention, key, tokens))
    return found


def drop_capitalised_common_words(occurrences: list[Occurrence]) -> list[Occurrence]:
    """Drop one-word mentions that are a common word capitalised only by opening a sentence."""
    name_parts = {o.tokens[-1].casefold() for o in occurrences if len(o.tokens) > 1}
    name_parts |= {
        o.tokens[0].casefold() for o in occurrences if len(o.tokens) > 1 and o.mention.label == "PERSON"
    }
    mid_sentence = {o.key for o in occurrences if not o.opens_sentence}

    def is_junk(occurrence: Occurrence) -> bool:
        return (
            len(occurrence.tokens) == 1
            and occurrence.opens_sentence
            and occurrence.key not in name_parts
            and occurrence.key not in mid_sentence
            and is_common_word(occurrence.key)
        )

    return [occurrence for occurrence in occurrences if not is_junk(occurrence)]


def missed_occurrences(
    articles: Sequence[ComparedArticle], occurrences: Sequence[Occurrence]
) -> list[Occurrence]:
    """Further mentions of names the model found elsewhere in the story but missed here ("Lind said")."""
    labels: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for occurrence in occurrences:
        surface = " ".join(occurrence.tokens)
        if len(occurrence.tokens) > 1 or not is_common_word(surface):
            labels[surface][occurrence.mention.label] += 1
        if len(occurrence.tokens) > 1 and occurrence.mention.label == "PERSON":
            # Surnames, and given names for family-name-first names ("Kim" of Kim Jong Un).
            for part in {occurrence.tokens[0], occurrence.tokens[-1]}:
                if not is_common_word(part):
                    labels[part]["PERSON"] += 1
    if not labels:
        return []
    names = "|".join(
        re.escape(name).replace("'", "['’]").replace('"', '["“”]')
        for name in sorted(labels, key=len, reverse=True)
    )
    pattern = re.compile(rf"(?<![\w'’-])(?:{names})(?![\w-])")
    taken: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for occurrence in occurrences:
        taken[where_of(occurrence)].append((occurrence.mention.start, occurrence.mention.end))
    found: list[Occurrence] = []
    for article in articles:
        for index, sentence in enumerate(article.article.sentences):
            spans = taken[(article.id, index)]
            for match in pattern.finditer(sentence):
                if any(start < match.end() and match.start() < end for start, end in spans):
                    continue
                surface = _SPACE.sub(" ", match.group().translate(_STRAIGHT_QUOTES))
                label = labels[surface].most_common(1)[0][0]
                mention = Mention(surface, label, match.start(), match.end())
                key, tokens = surface.casefold(), tuple(surface.split())
                found.append(Occurrence(article.id, index, sentence, mention, key, tokens))
    return found


def mentions_by_sentence(occurrences: Iterable[Occurrence]) -> dict[tuple[int, int], list[Mention]]:
    by_sentence: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for occurrence in occurrences:
        by_sentence[where_of(occurrence)].append(occurrence.mention)
    return by_sentence


def where_of(occurrence: Occurrence) -> tuple[int, int]:
    return occurrence.article, occurrence.sentence


@lru_cache(maxsize=16_384)
def is_common_word(word: str) -> bool:
    return english_zipf(word) >= COMMON_WORD_ZIPF
