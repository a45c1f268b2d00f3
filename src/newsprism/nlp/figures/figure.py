"""What reading a sentence's figures produces (Figure) and works on (tokens, a figure being read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FigureKind = Literal["count", "money", "percent", "measure", "duration", "age"]


@dataclass(frozen=True)
class Figure:
    """A figure as written ("more than 4,000 residents of the north bank") and the range it allows."""

    text: str
    value: float  # the number as written; for "thousands" the least it can mean
    low: float | None  # None: no lower bound ("up to 40")
    high: float | None  # None: no upper bound ("more than 4,000")
    qualifier: str | None  # "more than", "about", "nearly", "between", "a few", ...
    unit: str | None  # normalised: "residents", "killed", "percent", "marks", "km", "m3/s", "years", "age"
    kind: FigureKind
    noun: str | None  # counted noun phrase as written ("terrified families"); for an age, the person
    scope: str | None  # qualifying phrase after the noun: "of the north bank", "on both banks"
    event: str | None  # what happened to what is counted: "killed", "arrested", "displaced", "aid", ...
    span: tuple[int, int]
    group: str | None = None  # broad class of what is counted: "people", "population", "crowd", "security"


class Token:
    __slots__ = ("text", "lower", "start", "end", "glued")

    def __init__(self, text: str, start: int, end: int, glued: bool) -> None:
        self.text = text
        self.lower = text.lower()
        self.start = start
        self.end = end
        self.glued = glued

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdigit()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass
class Draft:
    """A figure being read: mutable while its parts are found, frozen into a Figure at the end."""

    first: int  # token index of the first token (qualifier or currency included)
    last: int  # token index after the figure
    value: float
    low: float | None
    high: float | None
    qualifier: str | None = None
    kind: FigureKind = "count"
    unit: str | None = None
    noun: str | None = None
    scope: str | None = None
    group: str | None = None
    event: str | None = None
    vague: bool = False
    part_of_others: bool = False  # "41 of them", "three of those detained": part of a figure given elsewhere


def lower_at(tokens: list[Token], index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""
