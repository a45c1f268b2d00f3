"""The type of an entity by vote: spaCy's label, head nouns, context words, demonyms (step 4)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from newsprism.comparison.entities.labels import AGE, NEXT_WORD
from newsprism.comparison.entities.names import name_skeleton
from newsprism.comparison.entities.occurrences import Occurrence
from newsprism.lang.en.organisations import ORG_HEADS, PLACE_HEADS
from newsprism.lang.en.titles import NAME_HONORIFICS, TITLE_HEADS, title_key
from newsprism.models import ComparedArticle, EntityType

# Words after "X's" that make X a country or town: "Kessaria's foreign secretary", "Lorvenne's north".
PLACE_POSSESSIONS = frozenset(
    """government capital border borders army military parliament economy territory citizens people
    farmers president prime foreign interior defence defense finance coast north south east west
    northern southern eastern western centre center outskirts streets residents mayor""".split()
)
PLACE_PREPOSITIONS = frozenset(
    "in into from across near through towards toward throughout outside inside".split()
)
# "to X" and "at X" also precede people and companies ("spoke to Lind", "at Saltmarsh"): half a vote.
WEAK_PLACE_PREPOSITIONS = frozenset("to at".split())
PLACE_KIND = re.compile(r"\b(?:village|town|city|region|province|district|county|state) of\s*$", re.I)
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ean")
# spaCy sm labels an unknown single word PERSON by default; such a vote counts this much.
WEAK_PERSON_VOTE = 0.3
# A one-word NORP that does not end like a people's name ("Kessarian", "Democrats") is doubtful.
WEAK_OTHER_VOTE = 0.5
GROUP_ENDINGS = ("n", "ese", "i", "ish", "ch", "s", "ic", "m", "h", "u", "t")
CUE_VOTE = 1.0
HEAD_NOUN_VOTE = 3.0
DEMONYM_VOTE = 3.0

_WORD = re.compile(r"[^\W_][\w'’.-]*")
_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+")
_POSSESSION = re.compile(r"^['’]s\s+(?P<word>[^\W\d_]+)")


class StoryContext:
    """What the whole story tells about its names: surnames of full names, capitalised words."""

    def __init__(self, occurrences: Sequence[Occurrence], articles: Sequence[ComparedArticle]) -> None:
        self.full_name_surnames = {
            name_skeleton(o.tokens[-1])
            for o in occurrences
            if len(o.tokens) > 1 and o.mention.label == "PERSON"
        }
        # Every capitalised word of the story: "Kessarian" or "Casmerran" in "Casmerran officials".
        self.capitalised = {
            word.casefold()
            for article in articles
            for sentence in article.article.sentences
            for word in _CAPITALISED.findall(sentence)
        }

    def vote(self, occurrences: Sequence[Occurrence]) -> EntityType:
        """The type most of the evidence gives a group of occurrences."""
        votes: dict[EntityType, float] = defaultdict(float)
        for occurrence in occurrences:
            votes[occurrence.mention.label] += self._label_weight(occurrence)
            for cue, weight in _context_cues(occurrence):
                votes[cue] += weight
            head = _head_noun_type(occurrence.tokens)
            if head:
                votes[head] += HEAD_NOUN_VOTE
        keys = {occurrence.key for occurrence in occurrences if len(occurrence.tokens) == 1}
        if any(self._has_demonym(key) for key in keys):
            votes["PLACE"] += DEMONYM_VOTE * len(occurrences)
        return max(votes, key=lambda entity_type: (votes[entity_type], _TYPE_PRIORITY[entity_type]))

    def _label_weight(self, occurrence: Occurrence) -> float:
        if len(occurrence.tokens) != 1:
            return 1.0
        word = occurrence.key
        if occurrence.mention.label == "PERSON" and name_skeleton(word) not in self.full_name_surnames:
            return WEAK_PERSON_VOTE
        if occurrence.mention.label == "OTHER" and not word.endswith(GROUP_ENDINGS):
            return WEAK_OTHER_VOTE  # "the Vaskor garrison" tagged NORP: a name used as a modifier
        return 1.0

    def _has_demonym(self, key: str) -> bool:
        stems = {key, key[:-1]} if key[-1:] in "aeiouy" else {key}
        demonyms = {stem + ending for stem in stems for ending in DEMONYM_ENDINGS}
        return any(len(demonym) > len(key) and demonym in self.capitalised for demonym in demonyms)


_TYPE_PRIORITY: dict[EntityType, int] = {"PERSON": 3, "PLACE": 2, "ORG": 1, "OTHER": 0}


def _context_cues(occurrence: Occurrence) -> list[tuple[EntityType, float]]:
    """Types the words around a mention point to, with weights: "in X", "X's government" -> place."""
    text, mention = occurrence.text, occurrence.mention
    left = text[: mention.start]
    right = text[mention.end :]
    cues: list[tuple[EntityType, float]] = []
    previous = _last_word(left)
    if previous in PLACE_PREPOSITIONS or PLACE_KIND.search(left):
        cues.append(("PLACE", CUE_VOTE))
    elif previous in WEAK_PLACE_PREPOSITIONS:
        cues.append(("PLACE", CUE_VOTE / 2))
    possession = _POSSESSION.match(right)
    if possession and possession.group("word").lower() in PLACE_POSSESSIONS:
        cues.append(("PLACE", CUE_VOTE))
    following = NEXT_WORD.match(right)
    if following and following.group("word") in PLACE_HEADS:
        cues.append(("PLACE", CUE_VOTE))  # "the Mirel river", "the Qarvel reservoir"
    if title_key(previous) in TITLE_HEADS | NAME_HONORIFICS or AGE.match(right):
        cues.append(("PERSON", CUE_VOTE))
    return cues


def _head_noun_type(tokens: Sequence[str]) -> EntityType | None:
    """PLACE for "Qarvel Dam", ORG for "Dockworkers' Union"; only for names of two words or more."""
    if len(tokens) < 2:
        return None
    head = tokens[-1].lower()
    if head in PLACE_HEADS:
        return "PLACE"
    if head in ORG_HEADS:
        return "ORG"
    return None


def entity_type_of(occurrences: Sequence[Occurrence], context: StoryContext) -> EntityType:
    """Vote on the type; full names carry it better than the one-word mentions attached to them."""
    full_names = [occurrence for occurrence in occurrences if len(occurrence.tokens) > 1]
    return context.vote(full_names or occurrences)


def _last_word(text: str) -> str:
    words = _WORD.findall(text)
    return words[-1].lower() if words else ""
