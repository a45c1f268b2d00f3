"""Ages of people: 'a 64-year-old', 'Vera Kolar, 64,', 'aged 64'."""

from __future__ import annotations

from newsprism.nlp.figures.figure import Draft, Token, lower_at
from newsprism.nlp.figures.lexicon import AGE_LEADS, COUNTED_NOUNS
from newsprism.nlp.figures.numbers import read_qualifier


def read_age(tokens: list[Token], draft: Draft) -> Draft | None:
    """'a 64-year-old', 'Vera Kolar, 64,', 'aged 64', '64 years old', 'Kolar (64)'."""
    index, end = draft.first, draft.last
    if draft.kind == "age":
        return _age(tokens, draft, name=_name_after(tokens, end))
    if draft.value != int(draft.value) or not 0 < draft.value < 125 or draft.kind == "money":
        return None
    following = [lower_at(tokens, end + offset) for offset in range(3)]
    if following[0] == "-" and following[1] in ("year-old", "years-old") and tokens[end].glued:
        draft.last = end + 2
        return _age(tokens, draft, name=_name_after(tokens, end + 2))
    if following[:2] == ["years", "old"]:
        draft.last = end + 2
        return _age(tokens, draft, name=None)
    if following == ["years", "of", "age"]:
        draft.last = end + 3
        return _age(tokens, draft, name=None)
    if index and tokens[index - 1].lower in AGE_LEADS:
        draft.first = index - 1
        name = _name_before(tokens, index - 3) if lower_at(tokens, index - 2) == "," else None
        return _age(tokens, draft, name=name)
    previous = tokens[index - 1].text if index else ""
    closing = lower_at(tokens, end)
    if previous == "," and closing in (",", ".", ";", ")", "and", "who", ""):
        name = _name_before(tokens, index - 2)
        if name and " " in name:
            return _age(tokens, draft, name=name)
    if previous == "(" and closing == ")" and index >= 2 and tokens[index - 2].capitalised:
        return _age(tokens, draft, name=_name_before(tokens, index - 2))
    return None


def _age(tokens: list[Token], draft: Draft, name: str | None) -> Draft:
    draft.kind, draft.unit, draft.noun = "age", "age", name
    read_qualifier(tokens, draft)
    return draft


def _name_before(tokens: list[Token], index: int) -> str | None:
    """The run of capitalised words ending at token `index`: 'Vera Kolar'."""
    words: list[str] = []
    while index >= 0 and len(words) < 5:
        token = tokens[index]
        if token.text == "." and index and len(tokens[index - 1].text) == 1 and tokens[index - 1].capitalised:
            words.insert(0, tokens[index - 1].text + ".")  # an initial: "James J. Smith"
            index -= 2
            continue
        if not (token.is_word and token.capitalised):
            break
        words.insert(0, token.text)
        index -= 1
    return " ".join(words) or None


def _name_after(tokens: list[Token], index: int) -> str | None:
    words: list[str] = []
    while index < len(tokens) and tokens[index].is_word and len(words) < 4:
        if tokens[index].capitalised:
            words.append(tokens[index].text)
        elif not words and tokens[index].lower in COUNTED_NOUNS:
            return tokens[index].text  # "a 64-year-old woman"
        else:
            break
        index += 1
    return " ".join(words) or None
