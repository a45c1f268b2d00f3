"""Numbers that are not figures: dates, phone numbers, labels and codes, times, addresses."""

from __future__ import annotations

import re

from newsprism.lang.en.calendar import WEEKDAY_WORDS
from newsprism.nlp.figures.figure import Draft, Token, lower_at
from newsprism.nlp.figures.lexicon import (
    DAY_PARTS,
    GLUED_SUFFIXES,
    LABEL_WORDS,
    MEASURE_UNITS,
    QUALIFIERS,
    STREET_SUFFIXES,
    TIME_FOLLOWERS,
)
from newsprism.nlp.temporal import extract_dates

_PHONE = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w,]|\.\d)"
)


def blocked_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans holding dates, years and phone numbers: their digits are not figures."""
    spans = [mention.span for mention in extract_dates(sentence, None) if mention.granularity != "week"]
    for match in _PHONE.finditer(sentence):
        text = match.group(0)
        digits = sum(character.isdigit() for character in text)
        separated = "-" in text or "(" in text or text.startswith(("+", "0")) or text.count(" ") >= 2
        if digits >= 7 and separated:
            spans.append(match.span())
    return spans


def excluded_before(tokens: list[Token], index: int) -> bool:
    """Labels and codes: 'Covid-19', 'G7', 'No. 10', 'Route 66', 'Boeing 737', '#3'."""
    if index == 0:
        return False
    token = tokens[index]
    previous = tokens[index - 1]
    if token.glued and previous.is_word:
        return True
    if token.glued and previous.text in "-–/#:" and previous.glued and index >= 2:
        return True  # "Covid-19", "F-16", the second half of "24/7", "18:30" or of a score "2-1"
    if previous.text == "#":
        return True
    if previous.lower.rstrip(".") in LABEL_WORDS:
        return True
    if previous.text == "." and index >= 2 and tokens[index - 2].lower in ("no", "nos"):
        return True
    if previous.is_word and previous.capitalised and index - 1 > 0:
        return not (_is_qualifier_word(previous.lower) or previous.lower in WEEKDAY_WORDS)
    return False


def _is_qualifier_word(word: str) -> bool:
    return any(phrase.split()[-1] == word for phrase in QUALIFIERS) or word in ("between", "from", "and")


def excluded_after(sentence: str, tokens: list[Token], draft: Draft) -> bool:
    """Ordinals, decades, times, addresses and codes: '3rd', '1990s', '6pm', '18:30', '12 Quay Street'."""
    end = draft.last
    following = tokens[end] if end < len(tokens) else None
    if following is None:
        return False
    if following.glued and following.is_word and following.lower not in GLUED_SUFFIXES:
        if following.lower not in MEASURE_UNITS and following.lower not in TIME_FOLLOWERS:
            return True
    if following.glued and following.text in ":/" and lower_at(tokens, end + 1)[:1].isdigit():
        return True  # "18:30", "24/7", "3/10"
    if following.lower.rstrip(".") in TIME_FOLLOWERS or following.lower in ("a.m", "p.m"):
        return True
    if following.lower in ("a", "p") and [lower_at(tokens, end + 1), lower_at(tokens, end + 2)[:1]] == [
        ".",
        "m",
    ]:
        return True  # "6 a.m." split apart
    rest = sentence[following.start : following.start + 20].lower()
    if not tokens[draft.first].is_digits and rest.startswith(DAY_PARTS):
        return True
    if following.lower == "block" or following.lower == "o'clock":
        return True
    if tokens[draft.first].is_digits and following.capitalised:
        for offset in range(1, 4):
            word = lower_at(tokens, end + offset - 1)
            if offset > 1 and word.rstrip(".") in STREET_SUFFIXES and tokens[end + offset - 1].capitalised:
                return True
            if not (end + offset - 1 < len(tokens) and tokens[end + offset - 1].capitalised):
                break
    return False
