"""Spelling variants on NewsWCL50: which pairs of names `same_name` takes for one name.

NewsWCL50 (Hamborg et al. 2019) codes every mention of ten events in five outlets with a concept:
one person ("USA\\Trump", code type ACTOR), or a collection ("USA", "USA\\USA-I": the country and any
American it names). Each coded phrase is read with newsprism's named-entity model; its name is the
mention that ends the phrase, outside a prepositional phrase ("President Donald Trump" -> "Donald
Trump"; "North Korean leader" and "the leader of Japan" name nobody). Within each event, two
different names (case-folded) with as many words, written by two different outlets, make a pair:

- one entity when both are person names coded mostly under one ACTOR concept (so that a name the
  annotators once coded under a country, or a slip, does not move it);
- different entities when no concept holds both;
- unknown otherwise (two names of one collection, such as two Americans under "USA"): left out.

The script prints how many one-entity pairs `same_name` merges (recall) and how many
different-entity pairs it merges (false merges), with the pairs behind each figure. Recall cannot
reach 1: some one-entity pairs are a given name and a surname ("Donald" / "Trump"). Names of
different lengths ("Trump" / "Donald Trump") are left to the other steps of entity grouping, one of
which `same_word` serves: a one-word name is attached to a person named in full when it spells
that person's surname. The same figures follow for that step, over the pairs of a one-word name
and the surname of a longer name (different words only).

    .venv/bin/python bench/names_wcl50.py
    .venv/bin/python bench/names_wcl50.py --data ../shared/data/newswcl50
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from newsprism.comparison.entities import same_name
from newsprism.comparison.entities.names import name_words, same_word, surname_of
from newsprism.nlp.ner import mentions

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "newswcl50"
ACTOR = "ACTOR"
# What may follow the name at the end of a coded phrase: punctuation and a possessive.
_TRAILING = " \t.,;:!?'’s\"”)"
# A name after one of these words is not the phrase's head: "the leader of Japan", "a fan of Clinton".
_PREPOSITIONS = frozenset("of to for in from with at by on".split())


@dataclass
class Name:
    """A name as one event's coded phrases use it: the concepts it is coded under, the outlets."""

    person: bool
    concepts: Counter[str] = field(default_factory=Counter)
    actors: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)

    def entity(self) -> str | None:
        """The actor this name names: the concept of most of its codings, if an ACTOR's and a person's."""
        concept = self.concepts.most_common(1)[0][0]
        return concept if self.person and concept in self.actors else None

    def concept_set(self) -> set[str]:
        actor = self.entity()
        return {actor} if actor else set(self.concepts)


def read_codings(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("sep="):
        lines = lines[1:]
    return list(csv.DictReader(lines))


def phrase_names(phrases: list[str]) -> dict[str, tuple[str, bool]]:
    """The name each phrase ends with, case-folded, and whether the named-entity model calls it a person."""
    names: dict[str, tuple[str, bool]] = {}
    for phrase, found in zip(phrases, mentions(phrases), strict=True):
        ending = [m for m in found if not phrase[m.end :].strip(_TRAILING)]
        if ending and not _PREPOSITIONS & set(phrase[: ending[-1].start].casefold().split()):
            names[phrase] = (" ".join(ending[-1].text.split()).casefold(), ending[-1].label == "PERSON")
    return names


def names_by_event(codings: list[dict[str, str]]) -> dict[str, dict[str, Name]]:
    phrases = sorted({" ".join(row["code_mention"].split()) for row in codings})
    name_of = phrase_names(phrases)
    events: dict[str, dict[str, Name]] = defaultdict(dict)
    for row in codings:
        found = name_of.get(" ".join(row["code_mention"].split()))
        if found is None:
            continue
        key, person = found
        name = events[row["event_id"]].setdefault(key, Name(person))
        name.person |= person
        name.concepts[row["code_name"]] += 1
        if row["code_type"] == ACTOR:
            name.actors.add(row["code_name"])
        name.outlets.add(row["publisher_id"])
    return events


Pair = tuple[str, str, str]  # event, and the two names or words compared


def judged_pairs(events: dict[str, dict[str, Name]]) -> tuple[list[Pair], list[Pair]]:
    """Pairs of names with as many words, of one entity and of different entities."""

    def as_many_words(a: str, b: str) -> tuple[str, str] | None:
        return (a, b) if len(name_words(a)) == len(name_words(b)) else None

    return _judge(events, as_many_words)


def judged_surnames(events: dict[str, dict[str, Name]]) -> tuple[list[Pair], list[Pair]]:
    """Pairs of a one-word name and the surname of a longer name, of one entity and of different ones."""

    def one_word_and_surname(a: str, b: str) -> tuple[str, str] | None:
        words_a, words_b = name_words(a), name_words(b)
        if len(words_a) == 1 and len(words_b) > 1:
            return words_a[0], surname_of(words_b)
        if len(words_b) == 1 and len(words_a) > 1:
            return words_b[0], surname_of(words_a)
        return None

    return _judge(events, one_word_and_surname)


def _judge(
    events: dict[str, dict[str, Name]], compared: Callable[[str, str], tuple[str, str] | None]
) -> tuple[list[Pair], list[Pair]]:
    one_entity: set[Pair] = set()
    different: set[Pair] = set()
    for event, names in sorted(events.items()):
        for key_a, key_b in combinations(sorted(names), 2):
            a, b = names[key_a], names[key_b]
            words = compared(key_a, key_b)
            if not words or len(a.outlets | b.outlets) < 2 or words[0] == words[1]:
                continue
            if a.entity() and a.entity() == b.entity():
                one_entity.add((event, *words))
            elif not a.concept_set() & b.concept_set():
                different.add((event, *words))
    return sorted(one_entity), sorted(different)


def report(title: str, pairs: tuple[list[Pair], list[Pair]], same: Callable[[str, str], bool]) -> None:
    one_entity, different = pairs
    merged = [pair for pair in one_entity if same(pair[1], pair[2])]
    false_merges = [pair for pair in different if same(pair[1], pair[2])]
    print(f"\n== {title}")
    print(f"one-entity pairs merged (recall):      {len(merged)} / {len(one_entity)}")
    print(f"different-entity pairs merged (false): {len(false_merges)} / {len(different)}")
    if merged or false_merges:
        print(f"precision of the merges:               {len(merged) / (len(merged) + len(false_merges)):.3f}")
    for heading, shown in (
        ("one entity, merged", merged),
        ("one entity, kept apart", [pair for pair in one_entity if pair not in merged]),
        ("different entities, merged", false_merges),
    ):
        print(f"{heading}:")
        for event, a, b in shown:
            print(f"  event {event}: {a} | {b}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the NewsWCL50 folder")
    args = parser.parse_args()
    annotations = args.data / "Annotations.csv"
    if not annotations.exists():
        sys.exit(f"NewsWCL50 not found: {annotations} (see ../shared/data/newswcl50/PROVENANCE.md)")
    events = names_by_event(read_codings(annotations))
    print(f"names: {sum(len(names) for names in events.values())} in {len(events)} events")
    report("names with as many words: same_name", judged_pairs(events), same_name)
    report("one-word names and surnames: same_word", judged_surnames(events), same_word)


if __name__ == "__main__":
    main()
