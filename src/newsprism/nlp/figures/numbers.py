"""Reading a number and the range its words allow: digits, number words, vague amounts, qualifiers."""

from __future__ import annotations

import re

from newsprism.lang.en.numbers import SCALES, SMALL_NUMBERS, TENS
from newsprism.nlp.figures.figure import Draft, Token, lower_at
from newsprism.nlp.figures.lexicon import (
    ADJECTIVE_UNITS,
    CHANGE_VERBS,
    COUNTED_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    DURATION_UNITS,
    MAX_QUALIFIER_WORDS,
    MEASURE_UNITS,
    QUALIFIERS,
    SUFFIX_SCALES,
    VAGUE_COUNTS,
    VAGUE_PLURALS,
    looks_plural,
    word_value,
)

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def currency_at(tokens: list[Token], index: int) -> tuple[str | None, int]:
    """A currency sign or code before a number: '$4.2bn', 'US$5', 'EUR 40 million'."""
    offset = 0
    if tokens[index].text in DOLLAR_PREFIXES and lower_at(tokens, index + 1) == "$":
        offset = 1 if tokens[index + 1].glued else 0
    sign = tokens[index + offset].text
    currency = CURRENCY_SYMBOLS.get(sign) or (CURRENCY_CODES.get(sign.lower()) if sign.isupper() else None)
    if currency is None or index + offset + 1 >= len(tokens) or not tokens[index + offset + 1].is_digits:
        return None, index
    return currency, index + offset + 1


def starts_word_number(tokens: list[Token], index: int) -> bool:
    lower = tokens[index].lower
    if lower in VAGUE_PLURALS or lower in ("half", "dozen", "tens", "scores", "several"):
        return True
    if "-" in lower and lower.split("-")[0] in SMALL_NUMBERS | TENS.keys():
        return True
    following = lower_at(tokens, index + 1)
    return lower in ("a", "an") and following in ("dozen", "hundred", "few", "couple", "handful", *SCALES)


def read_number(tokens: list[Token], index: int) -> Draft | None:
    """The number at `index` with any scale word; its range is exact unless the words are vague."""
    token = tokens[index]
    if token.is_digits:
        return _read_digits(tokens, index)
    vague = _read_vague(tokens, index)
    if vague is not None:
        return vague
    if token.lower == "half" and lower_at(tokens, index + 1) == "a" and lower_at(tokens, index + 2) in SCALES:
        value = 0.5 * SCALES[lower_at(tokens, index + 2)]
        return Draft(index, index + 3, value, value, value)
    parsed = _read_number_words(tokens, index)
    if parsed is None:
        return None
    value, end, compound_unit = parsed
    draft = Draft(index, end, value, value, value)
    if compound_unit == "age":
        draft.kind, draft.unit = "age", "age"
    elif compound_unit:
        draft.kind = "duration" if compound_unit in DURATION_UNITS.values() else "measure"
        draft.unit = compound_unit
    if value == 1 and end == index + 1 and compound_unit is None:
        following = lower_at(tokens, end)
        if not any(following in words for words in (COUNTED_NOUNS, DURATION_UNITS, MEASURE_UNITS)):
            return None  # "one of them", "one senior official": a pronoun or an article, not a count
    return draft


def _read_digits(tokens: list[Token], index: int) -> Draft | None:
    token = tokens[index]
    if not _DIGITS.fullmatch(token.text) or (token.text[0] == "0" and token.text[1:2].isdigit()):
        return None  # "1,2,3" or a code with a leading zero ("007", the "000" of a broken "22, 000")
    value = float(token.text.replace(",", ""))
    decimals = len(token.text.split(".")[1]) if "." in token.text else 0
    end = index + 1
    scale = 1.0
    following = tokens[end] if end < len(tokens) else None
    if following is not None and following.glued and following.lower in SUFFIX_SCALES:
        if following.lower != "m" or _m_means_million(tokens, index):
            scale = SUFFIX_SCALES[following.lower]
            end += 1
    elif following is not None and following.lower in SCALES:
        scale = SCALES[following.lower]
        end += 1
    elif following is not None and following.lower == "dozen":
        scale = 12.0
        end += 1
    if scale == 1.0:
        return Draft(index, end, value, value, value)
    # "1.2 million" is rounded to a tenth of a million; "12 million" to a million.
    half_step = 0.5 * scale * 10.0**-decimals
    return Draft(index, end, value * scale, value * scale - half_step, value * scale + half_step)


def _m_means_million(tokens: list[Token], index: int) -> bool:
    """'£4.5m' and '4.5m people' are millions; 'a 6m wall' and '6m high' are metres."""
    before = tokens[index - 1] if index else None
    if before is not None and (before.text in CURRENCY_SYMBOLS or before.lower in CURRENCY_CODES):
        return True
    after = lower_at(tokens, index + 2)
    return after in COUNTED_NOUNS or after in CURRENCY_WORDS or looks_plural(after)


def _read_vague(tokens: list[Token], index: int) -> Draft | None:
    """'thousands', 'tens of thousands', 'a few hundred', 'dozens', 'scores of'."""
    lower = tokens[index].lower
    of_plural = lower_at(tokens, index + 2) if lower_at(tokens, index + 1) == "of" else ""
    if lower in ("tens", "hundreds") and of_plural in ("thousands", "millions"):
        scale = (1e3 if of_plural == "thousands" else 1e6) * (10 if lower == "tens" else 100)
        return Draft(index, index + 3, 2 * scale, 2 * scale, 10 * scale - 1, vague=True)
    if lower in VAGUE_PLURALS:
        low, high = VAGUE_PLURALS[lower]
        return Draft(index, index + 1, low, low, high, vague=True)
    if lower == "scores" and lower_at(tokens, index + 1) == "of":
        return Draft(index, index + 1, 40, 40, 199, vague=True)
    for phrase, (few_low, few_high) in VAGUE_COUNTS.items():
        words = phrase.split()
        if [lower_at(tokens, index + offset) for offset in range(len(words))] == words:
            scale_word = lower_at(tokens, index + len(words))
            scale_or_none = SCALES.get(scale_word) or {"hundred": 100.0, "dozen": 12.0}.get(scale_word)
            if scale_or_none is None:
                return None
            scale = scale_or_none
            draft = Draft(index, index + len(words) + 1, few_low * scale, few_low * scale,
                          (few_high + 1) * scale - 1, vague=True)  # fmt: skip
            draft.qualifier = phrase
            return draft
    return None


def _read_number_words(tokens: list[Token], index: int) -> tuple[float, int, str | None] | None:
    """'twenty-three', 'a dozen', 'four thousand', 'two hundred and fifty', 'two-day', 'five-year-old'."""
    total = 0.0
    current = 0.0
    position = index
    previous = ""  # kind of the previous word: "small", "tens", "hundred", "scale"
    seen = False
    while position < len(tokens):
        lower = tokens[position].lower
        following = lower_at(tokens, position + 1)
        if lower in ("a", "an") and not seen and following in ("hundred", "dozen", *SCALES):
            current, seen, previous = 1.0, True, "small"
            position += 1
            continue
        parts = lower.split("-")
        if len(parts) > 1 and not seen:
            return _read_hyphenated_number(parts, position)
        value = word_value(lower)
        if value is not None:
            if previous == "small" or (previous == "tens" and value >= 10):
                break
            if previous == "tens" and current % 100 % 10:
                break
            current += value
            previous = "tens" if lower in TENS else "small"
        elif lower == "hundred" and seen and previous in ("small", "tens"):
            current = max(current, 1.0) * 100
            previous = "hundred"
        elif lower == "dozen" and (seen or position == index):
            current = max(current, 1.0) * 12
            previous = "scale"
        elif lower in SCALES and seen and previous != "scale":
            total += max(current, 1.0) * SCALES[lower]
            current = 0.0
            previous = "scale"
        elif lower == "and" and previous in ("hundred", "scale") and word_value(following) is not None:
            position += 1
            continue
        else:
            break
        seen = True
        position += 1
    if not seen:
        return None
    return total + current, position, None


def _read_hyphenated_number(parts: list[str], position: int) -> tuple[float, int, str | None] | None:
    """'twenty-three' is a number; 'two-day' a duration; 'five-year-old' an age; 'one-off' nothing."""
    numeric = 0
    value = 0.0
    for part in parts:
        part_value = word_value(part)
        if part_value is None:
            break
        value += part_value
        numeric += 1
    rest = parts[numeric:]
    if numeric == 0:
        return None
    if not rest:
        return value, position + 1, None
    if rest in (["year", "old"], ["years", "old"]):
        return value, position + 1, "age"
    if len(rest) == 1 and rest[0] in ADJECTIVE_UNITS:
        return value, position + 1, ADJECTIVE_UNITS[rest[0]]
    return None


def read_range(tokens: list[Token], draft: Draft) -> None:
    """'30 to 40', '30-40', 'two or three', 'between 30 and 40' (the 'between' is read as a qualifier)."""
    joiner = lower_at(tokens, draft.last)
    if joiner not in ("to", "-", "–", "or", "and"):
        return
    if joiner == "and" and lower_at(tokens, draft.first - 1) != "between":
        return
    joined_digits = tokens[draft.last].glued and lower_at(tokens, draft.last + 1)[:1].isdigit()
    if joiner in ("-", "–") and not joined_digits:
        return  # "30-40" is a range; "7-Eleven" is a shop
    second = read_number(tokens, draft.last + 1) if draft.last + 1 < len(tokens) else None
    if second is None or second.vague or second.high is None or draft.low is None:
        return
    if second.value <= draft.value:
        return
    if second.value >= 1000 * max(draft.value, 1) and joiner == "to":
        return
    draft.high = second.high
    draft.last = second.last
    draft.qualifier = "between"


def read_qualifier(tokens: list[Token], draft: Draft) -> None:
    """The words before the number that bound it: 'more than', 'about', 'nearly', 'between'."""
    words = [tokens[i].lower for i in range(max(0, draft.first - MAX_QUALIFIER_WORDS), draft.first)]
    if draft.qualifier == "between":
        if words and words[-1] in ("between", "from"):
            draft.first -= 1
        return
    for length in range(min(MAX_QUALIFIER_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[-length:])
        if phrase in QUALIFIERS:
            if phrase == "all" or (phrase == "just" and draft.vague):
                continue
            low_factor, high_factor = QUALIFIERS[phrase]
            if draft.vague:
                low, high = draft.low, draft.high
                draft.low = None if low_factor is None else low
                draft.high = None if high_factor is None else high
            else:
                draft.low = None if low_factor is None else draft.value * low_factor
                draft.high = None if high_factor is None else draft.value * high_factor
            draft.qualifier = phrase
            draft.first -= length
            return


def apply_post_qualifier(tokens: list[Token], draft: Draft) -> None:
    """'40 or so', '20-odd', '20-plus', '20+'."""
    following, after = lower_at(tokens, draft.last), lower_at(tokens, draft.last + 1)
    if following == "or" and after == "so":
        draft.low, draft.high, draft.qualifier = draft.value * 0.9, draft.value * 1.1, "or so"
        draft.last += 2
    elif following == "-" and after in ("odd", "plus"):
        draft.low, draft.high = draft.value, None if after == "plus" else draft.value * 1.1
        draft.qualifier = after
        draft.last += 2
    elif following == "+" and tokens[draft.last].glued:
        draft.low, draft.high, draft.qualifier = draft.value, None, "plus"
        draft.last += 1


def after_change_verb_from(tokens: list[Token], draft: Draft) -> bool:
    return (
        lower_at(tokens, draft.first - 1) == "from"
        and lower_at(tokens, draft.first - 2) in CHANGE_VERBS
        and lower_at(tokens, draft.last) == "to"
    )
