"""Mentions grouped into entities: spelling variants merged, surnames attached (steps 2 and 3)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsprism.comparison.entities.names import (
    letters_of,
    middle_name,
    name_skeleton,
    name_words,
    same_name,
    same_word,
    surname_of,
)
from newsprism.comparison.entities.occurrences import Occurrence
from newsprism.comparison.entities.types import StoryContext
from newsprism.models import EntityType


def group_occurrences(occurrences: Sequence[Occurrence], context: StoryContext) -> list[list[Occurrence]]:
    """Merge spelling variants into forms, then attach surname-only mentions to full names."""
    by_key: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        by_key[occurrence.key].append(occurrence)
    key_types = {key: context.vote(group) for key, group in by_key.items()}
    forms = _Forms({key: {o.article for o in group} for key, group in by_key.items()})
    _merge_spellings(forms, key_types)
    _merge_middle_names(forms, key_types)
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for key, group in by_key.items():
        groups[forms.find(key)].extend(group)
    places = {key for key, key_type in key_types.items() if key_type == "PLACE"}
    return _attach_surnames(list(groups.values()), context, places)


class _Forms:
    """Union-find over the case-folded surface forms of a story, with the articles each group is in."""

    def __init__(self, articles: dict[str, set[int]]) -> None:
        self.parent = {key: key for key in articles}
        self.articles = articles

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[root_b] = root_a
            self.articles[root_a] |= self.articles.pop(root_b)

    def meet(self, a: str, b: str) -> bool:
        """Tell whether two forms (with all merged into them) are used inside one article."""
        return bool(self.articles[self.find(a)] & self.articles[self.find(b)])


def _merge_spellings(forms: _Forms, key_types: dict[str, EntityType]) -> None:
    """Join spellings of one name: as many words, same skeletons, one type, never in one article."""
    buckets: dict[tuple[int, str], list[str]] = defaultdict(list)
    for key in key_types:
        words = name_words(key)
        buckets[(len(words), " ".join(name_skeleton(word) for word in words))].append(key)
    for keys in buckets.values():
        for index, key_a in enumerate(keys):
            for key_b in keys[index + 1 :]:
                # Same letters ("F.B.I." / "FBI") is one name whatever type the model gave each.
                same_type = key_types[key_a] == key_types[key_b] or letters_of(key_a) == letters_of(key_b)
                # An outlet spells a name one way: two spellings inside one article are two referents.
                if same_type and same_name(key_a, key_b) and not forms.meet(key_a, key_b):
                    forms.union(key_a, key_b)


def _merge_middle_names(forms: _Forms, key_types: dict[str, EntityType]) -> None:
    """Join "Michael T. Flynn" and "Michael Flynn" unless two middle names compete ("George W.", "H. W.")."""
    by_ends: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key, key_type in key_types.items():
        words = name_words(key)
        if key_type == "PERSON" and len(words) >= 2:
            # "Jr." and "Sr." tell father and son apart; "III" is often dropped ("Robert Mueller").
            generation = next((w.strip(".,") for w in words[1:] if w.strip(".,") in ("jr", "sr")), "")
            by_ends[(words[0], surname_of(words), generation)].append(key)
    for keys in by_ends.values():
        middles = {middle_name(key) for key in keys}
        if len(keys) > 1 and len(middles - {""}) == 1:
            for key in keys[1:]:
                forms.union(keys[0], key)


def _attach_surnames(
    groups: list[list[Occurrence]], context: StoryContext, places: set[str]
) -> list[list[Occurrence]]:
    """Move one-word mentions of a surname into the group of the person named in full.

    A word the story uses as a place ("Washington" beside George Washington) is left alone.
    """
    people = [group for group in groups if _is_full_name_person(group, context)]
    surnames = [{surname_of(o.tokens) for o in group if len(o.tokens) > 1} for group in people]
    given_names = [{o.tokens[0] for o in group if len(o.tokens) > 1} for group in people]
    full_mentions = [
        sorted((o.article, o.sentence, o.mention.start) for o in group if len(o.tokens) > 1)
        for group in people
    ]
    owners_of: dict[str, list[int]] = {}  # surname -> indices of the people bearing it
    kept: list[list[Occurrence]] = []
    for group in groups:
        if any(group is person for person in people):
            continue
        remaining: list[Occurrence] = []
        for occurrence in group:
            if len(occurrence.tokens) != 1 or occurrence.key in places:
                remaining.append(occurrence)
                continue
            word = occurrence.tokens[0]
            if word not in owners_of:
                owners_of[word] = [
                    index for index, names in enumerate(surnames) if any(same_word(word, n) for n in names)
                ]
            target = _surname_owner(occurrence, owners_of[word], full_mentions)
            if target is None:
                target = _family_name_first_owner(occurrence, surnames, given_names)
            if target is None:
                remaining.append(occurrence)
            else:
                people[target].append(occurrence)
        if remaining:
            kept.append(remaining)
    return people + kept


def _family_name_first_owner(
    occurrence: Occurrence, surnames: list[set[str]], given_names: list[set[str]]
) -> int | None:
    """The one person whose name starts with this word, when it is nobody's surname ("Kim" of Kim Jong Un)."""
    if occurrence.mention.label != "PERSON":
        return None
    word = occurrence.tokens[0]
    if any(word in names for names in surnames):
        return None
    owners = [index for index, names in enumerate(given_names) if word in names]
    return owners[0] if len(owners) == 1 else None


def _is_full_name_person(group: Sequence[Occurrence], context: StoryContext) -> bool:
    return any(len(o.tokens) > 1 for o in group) and context.vote(group) == "PERSON"


def _surname_owner(
    occurrence: Occurrence, candidates: list[int], full_mentions: list[list[tuple[int, int, int]]]
) -> int | None:
    """Which of the people bearing this surname a one-word mention names; None when unclear."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # Two people share the surname: the one this article last named in full, else the one it names next.
    here = (occurrence.article, occurrence.sentence, occurrence.mention.start)
    last_before: list[tuple[tuple[int, int, int], int]] = []
    first_after: list[tuple[tuple[int, int, int], int]] = []
    for candidate in candidates:
        in_article = [position for position in full_mentions[candidate] if position[0] == here[0]]
        before = [position for position in in_article if position <= here]
        if before:
            last_before.append((before[-1], candidate))
        elif in_article:
            first_after.append((in_article[0], candidate))
    if last_before:
        return max(last_before)[1]
    if first_after:
        return min(first_after)[1]
    # Named in full only in other articles: the one the story names most ("Trump", not "Trump Jr.").
    counts = sorted(((len(full_mentions[c]), c) for c in candidates), reverse=True)
    return counts[0][1] if counts[0][0] > counts[1][0] else None
