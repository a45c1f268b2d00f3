"""Names read off capitalised runs: titles, honorifics and particles apart; one speaker spelled two ways."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.lang.en.names import NAME_PARTICLES, NOT_NAME_WORDS
from newsprism.lang.en.organisations import INSTITUTION_WORDS, ORG_HEADS, PLACE_HEADS
from newsprism.lang.en.people import ATTRIBUTION_ROLE_NOUNS
from newsprism.lang.en.titles import (
    ATTRIBUTION_TITLE_HEADS,
    ATTRIBUTION_TITLE_WORDS,
    HONORIFICS,
    PARTY_MEMBERS,
    office_title_length,
    title_key,
)
from newsprism.nlp.strings import edit_distance, to_latin

# Capitalised words, with initials and honorifics ("Mr. Steele", "J. K. Rowling") and name particles.
_NAME_TOKEN = r"[A-Z][\w'’-]*(?:\.(?=\s+[A-Z]))?"
_PARTICLE = rf"(?:{'|'.join(NAME_PARTICLES)})"
NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN})*")
TRAILING_NAME_RUN = re.compile(rf"(?:{_NAME_TOKEN}\s+(?:{_PARTICLE}\s+)?)*{_NAME_TOKEN}$")
WORD = re.compile(r"[\w'’-]+")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Where the noun phrase after an inverted verb ends: "said Kestel at the press centre", "said X, who …".
_PHRASE_END = re.compile(
    r"\s+(?:who|whose|which|as|when|while|after|before|during|at|in|on|from|to|with|adding|saying|"
    r"because|since|though|although)\b|\s+(?:and|but)\s+(?![A-Z])|\s+(?:of|for)\s+(?=[a-z])|\s+\d"
)
_PREPOSITION = re.compile(r"\s+(?:of|for|at|with|from|in|on|to|by|about)\s+")
_OF_PLACE = re.compile(r"\s+of\s+(?=[A-Z])")
_OFFICE_JOIN = re.compile(r"\s+of\s+(?:the\s+)?")
MAX_NAME_WORDS = 6
MAX_NAME_EDITS = 2  # "Tariq Haddadi" / "Tareq Hadadi" are two edits apart

# Capitalised words that mark an organisation or a place, not a person.
_ORG_OR_PLACE_WORDS = ORG_HEADS | PLACE_HEADS | INSTITUTION_WORDS


@dataclass(frozen=True)
class ReadName:
    """A name read off a capitalised run: its tokens, the title before it, gender from an honorific."""

    tokens: tuple[str, ...]
    title: str = ""
    honorific: bool = False
    gender: str | None = None

    @property
    def titled(self) -> bool:
        return bool(self.title) or self.honorific


def read_name(phrase: str, inverted: bool = False) -> ReadName:
    """The name at the end of a phrase, titles and honorifics apart ("Mayor Mirela Sandor").

    After an inverted verb the phrase ends where a clause starts ("said Kestel at the press centre");
    before a verb the name is the one right before it ("shortly after Santorum told voters").
    """
    if inverted:
        phrase = _PHRASE_END.split(phrase, maxsplit=1)[0]
    phrase = phrase.strip(" .,;:!?\"'")
    if phrase[:1].islower():  # "the director for Rep. Stephen Fincher": Fincher is not its head
        phrase = _PREPOSITION.split(phrase, maxsplit=1)[0]
    place = _place_after_name(phrase)
    if place is not None:  # "Representative Mike Thompson of California"
        before_place = read_name(phrase[:place], inverted)
        if before_place.tokens:
            return before_place
    runs = name_runs(phrase)
    if not runs or runs[-1][1] != len(phrase):
        return ReadName(())
    start, end = runs[-1]
    return strip_titles(phrase[start:end].split())


def name_runs(text: str) -> list[tuple[int, int]]:
    """Where capitalised runs stand; an office named by its portfolio joins the name after it.

    "Secretary of Defense Lloyd Marsh" is one run, not "Secretary" and "Defense Lloyd Marsh".
    """
    runs = [(match.start(), match.end()) for match in NAME_RUN.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in runs:
        if merged and _joins_office(text, merged[-1], (start, end)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _joins_office(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Tell whether "of" between two runs belongs to an office: "Secretary" "of" "State Dana Lisk"."""
    if not _OFFICE_JOIN.fullmatch(text, first[1], second[0]):
        return False
    words = text[first[0] : first[1]].split()[-1:] + text[first[1] : second[1]].split()
    return office_title_length(words) > 0


def _place_after_name(phrase: str) -> int | None:
    """Where " of <Place>" starts after a name, an office's "of" aside ("Secretary of State" is no place)."""
    for match in _OF_PLACE.finditer(phrase):
        head = phrase[: match.start()].split()[-1:]
        if not office_title_length(head + phrase[match.start() :].split()):
            return match.start()
    return None


def strip_titles(tokens: list[str]) -> ReadName:
    """Drop leading non-name words, honorifics and titles ("Interior Minister Tariq Haddadi")."""
    tokens = [POSSESSIVE.sub("", token) if i == len(tokens) - 1 else token for i, token in enumerate(tokens)]
    while tokens and tokens[0].casefold() in NOT_NAME_WORDS:
        tokens = tokens[1:]
    if len(tokens) > 2 and tokens[0].casefold() in ATTRIBUTION_ROLE_NOUNS:
        tokens = tokens[1:]  # "Historian Alan Brinkley": a role capitalised by opening the sentence
    title, honorific, gender = "", False, None
    office = _office_end(tokens)
    if office:
        title, tokens = " ".join(tokens[:office]), tokens[office:]
    titles = [index for index, token in enumerate(tokens[:-1]) if title_key(token) in ATTRIBUTION_TITLE_HEADS]
    last_title = max(titles, default=-1)
    if last_title >= 0:
        title, tokens = " ".join([title, *tokens[: last_title + 1]]).strip(), tokens[last_title + 1 :]
    while len(tokens) > 1 and title_key(tokens[0]) in HONORIFICS:
        honorific, gender = True, HONORIFICS[title_key(tokens[0])] or gender
        tokens = tokens[1:]
    if all(_is_title_word(token) for token in tokens):
        tokens = []  # "the Mayor", "Assistant Secretary"
    elif tokens and tokens[-1].casefold() in PARTY_MEMBERS:
        tokens = []  # "the West Virginia Democrat"
    return ReadName(tuple(token for token in tokens if token), title, honorific, gender)


def _office_end(tokens: Sequence[str]) -> int:
    """Where an office named by its portfolio ends among the tokens ("Deputy Secretary of State"), or 0."""
    for index in range(len(tokens)):
        length = office_title_length(tokens[index:])
        if length:
            return index + length
    return 0


def _is_title_word(token: str) -> bool:
    return title_key(token) in ATTRIBUTION_TITLE_WORDS or token.casefold() in NOT_NAME_WORDS


def is_organisation(name: Sequence[str]) -> bool:
    return any(token.casefold().strip("'’") in _ORG_OR_PLACE_WORDS for token in name)


def same_person(first: str, second: str) -> bool:
    """Tell whether two speaker names may be one person spelled two ways ("Tariq Haddadi", "Tareq Hadadi")."""
    a, b = _name_key(first), _name_key(second)
    if not a or not b:
        return False
    if a == b or set(a) <= set(b) or set(b) <= set(a) or a[-1] == b[-1]:
        return True
    return edit_distance(" ".join(a), " ".join(b)) <= MAX_NAME_EDITS


def _name_key(name: str) -> tuple[str, ...]:
    # Transliterated, so that a name in Cyrillic or Greek (or with an "ø") keeps its letters.
    return tuple(word for word in re.findall(r"[a-z0-9]+", to_latin(name)) if word not in HONORIFICS)
