"""Figures stated in a sentence (counts, money, shares, measures, ages) and the range each phrase implies."""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.nlp.figures.ages import read_age
from newsprism.nlp.figures.counted import event_of, read_unit
from newsprism.nlp.figures.exclusions import blocked_spans, excluded_after, excluded_before
from newsprism.nlp.figures.figure import Draft, Figure, Token
from newsprism.nlp.figures.lexicon import CASUALTY_EVENTS, EVENT_PATTERNS, PERSON_EVENT_NAMES, word_value
from newsprism.nlp.figures.numbers import (
    after_change_verb_from,
    apply_post_qualifier,
    currency_at,
    read_number,
    read_qualifier,
    read_range,
    starts_word_number,
)

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’.][^\W\d_]+)*|\S")
_YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d")


def extract_figures(sentence: str) -> list[Figure]:
    """Every figure in the sentence, in order; years, dates, times, ordinals and phone numbers excluded."""
    return list(_extract_figures(sentence))


@lru_cache(maxsize=8192)
def _extract_figures(sentence: str) -> tuple[Figure, ...]:
    tokens = [
        Token(match.group(0), match.start(), match.end(), glued=_glued(sentence, match.start()))
        for match in _TOKEN.finditer(sentence)
    ]
    blocked = blocked_spans(sentence)
    drafts: list[Draft] = []
    index = 0
    while index < len(tokens):
        draft = None
        if not any(start <= tokens[index].start < end for start, end in blocked):
            draft = _read_figure(sentence, tokens, index)
        if draft is None:
            index += 1
            continue
        if drafts and drafts[-1].kind == "age" and _continues_list(tokens, drafts[-1].last, draft.first):
            draft.kind, draft.unit, draft.noun, draft.group, draft.scope = "age", "age", None, None, None
            draft.last = draft.first + 1  # "ages 13, 17 and 19"
        drafts.append(draft)
        index = max(draft.last, index + 1)
    figures = []
    for position, draft in enumerate(drafts):
        previous_end = tokens[drafts[position - 1].last - 1].end if position else 0
        next_start = tokens[drafts[position + 1].first].start if position + 1 < len(drafts) else len(sentence)
        if draft.event is None and draft.kind in EVENT_PATTERNS:
            draft.event = event_of(sentence, tokens, draft, previous_end, next_start)
        if (
            draft.kind == "count"
            and draft.unit is None
            and not draft.part_of_others
            and (draft.event in PERSON_EVENT_NAMES)
        ):
            # "killing 12", "thousands marched": the event says what is counted
            draft.unit = draft.event if draft.event in CASUALTY_EVENTS else "people"
            draft.group = "people"
        start, end = tokens[draft.first].start, tokens[draft.last - 1].end
        if draft.unit is None and _YEAR_LIKE.fullmatch(sentence[start:end]):
            continue  # "I think 2014 was the safest": a bare four-digit number that counts nothing is a year
        low, high = _tidy(draft.low), _tidy(draft.high)
        figures.append(
            Figure(
                sentence[start:end],
                draft.value,
                low,
                high,
                draft.qualifier,
                draft.unit,
                draft.kind,
                draft.noun,
                draft.scope,
                draft.event,
                (start, end),
                draft.group,
            )  # fmt: skip
        )
    return tuple(figures)


def _glued(sentence: str, start: int) -> bool:
    return start > 0 and not sentence[start - 1].isspace()


def _tidy(bound: float | None) -> float | None:
    """Drop float noise from bounds: 3850.0000000000005 -> 3850.0."""
    return None if bound is None else float(f"{bound:.10g}")


def _continues_list(tokens: list[Token], previous_end: int, first: int) -> bool:
    between = [token.lower for token in tokens[previous_end:first]]
    return bool(between) and all(word in (",", "and", "or") for word in between)


def _read_figure(sentence: str, tokens: list[Token], index: int) -> Draft | None:
    currency, number_index = currency_at(tokens, index)
    token = tokens[number_index]
    is_number = token.is_digits or word_value(token.lower) is not None or starts_word_number(tokens, index)
    if currency is None and not is_number:
        return None
    if excluded_before(tokens, index):
        return None
    draft = read_number(tokens, number_index)
    if draft is None:
        return None
    draft.first = index
    if currency:
        draft.kind, draft.unit = "money", currency
    if excluded_after(sentence, tokens, draft):
        return None
    age = read_age(tokens, draft)
    if age is not None:
        return age
    if after_change_verb_from(tokens, draft):
        return None  # the old value in "rose from 12 to 15": the figure is the 15
    read_range(tokens, draft)
    read_qualifier(tokens, draft)
    apply_post_qualifier(tokens, draft)
    if not read_unit(tokens, draft):
        return None
    return draft
