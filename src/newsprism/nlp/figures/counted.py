"""What a figure counts: its unit, counted noun, scope and what happened to it."""

from __future__ import annotations

import re

from newsprism.lang.en.calendar import CALENDAR_WORDS
from newsprism.lang.en.stop_words import NOUN_PHRASE_STOPS
from newsprism.nlp.figures.figure import Draft, Token, lower_at
from newsprism.nlp.figures.lexicon import (
    ADJECTIVE_UNITS,
    COMPOUND_MEASURES,
    COUNTED_NOUNS,
    CURRENCY_WORDS,
    DURATION_UNITS,
    EVENT_PATTERNS,
    EVENT_WINDOW_CHARS,
    IRREGULAR_PLURALS,
    MEASURE_UNITS,
    NOUN_MODIFIERS,
    RATE_PERIODS,
    SCOPE_DETERMINERS,
    SCOPE_PREPOSITIONS,
    SCOPE_WORDS,
    looks_plural,
    word_value,
)

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")


def read_unit(tokens: list[Token], draft: Draft) -> bool:
    """Find unit, counted noun and scope after the number; False when the number is not a figure."""
    position = draft.last
    if draft.kind in ("measure", "duration"):
        draft.noun = _noun_phrase(tokens, position)[0]
        return True
    word = lower_at(tokens, position)
    if draft.kind == "money":
        if word in CURRENCY_WORDS:  # "$5 million dollars", "US$ 40 dollars"
            draft.last = position + 1
        return True
    if word in ("%", "percent", "pc", "pct") or (word == "per" and lower_at(tokens, position + 1) == "cent"):
        draft.kind, draft.unit = "percent", "percent"
        draft.last = position + (2 if word == "per" else 1)
        return True
    if word == "percentage" and lower_at(tokens, position + 1) in ("points", "point"):
        draft.kind, draft.unit, draft.last = "percent", "percentage points", position + 2
        return True
    if word in CURRENCY_WORDS and not (word in ("p", "mark", "pound", "crown") and draft.value != 1):
        draft.kind, draft.unit, draft.last = "money", CURRENCY_WORDS[word], position + 1
        return True
    compound = (word, lower_at(tokens, position + 1))
    if compound in COMPOUND_MEASURES:
        draft.kind, draft.unit, draft.last = "measure", COMPOUND_MEASURES[compound], position + 2
        _read_rate(tokens, draft)
        return True
    if word == "-" and tokens[position].glued and lower_at(tokens, position + 1) in ADJECTIVE_UNITS:
        unit = ADJECTIVE_UNITS[lower_at(tokens, position + 1)]
        draft.kind = "duration" if unit in DURATION_UNITS.values() else "measure"
        draft.unit, draft.last = unit, position + 2
        draft.noun = _noun_phrase(tokens, draft.last)[0]
        return True
    if word == "-" and tokens[position].glued:
        return False  # "a 400-strong crowd", "a three-time champion": not a count of anything written
    if word in MEASURE_UNITS and (word != "m" or tokens[position].glued):
        draft.kind, draft.unit, draft.last = "measure", MEASURE_UNITS[word], position + 1
        _read_rate(tokens, draft)
        return True
    if lower_at(tokens, draft.first - 1) == "magnitude" or (word == "magnitude"):
        draft.kind, draft.unit = "measure", "magnitude"
        draft.last = position + (1 if word == "magnitude" else 0)
        return True
    if word in DURATION_UNITS:
        draft.kind, draft.unit, draft.last = "duration", DURATION_UNITS[word], position + 1
        return True
    _read_counted(tokens, draft)
    return True


def _read_rate(tokens: list[Token], draft: Draft) -> None:
    """'45 cubic metres per second', '... a second' -> unit 'm3/s'."""
    word, period = lower_at(tokens, draft.last), lower_at(tokens, draft.last + 1)
    if word in ("per", "a", "an", "each", "every") and period in RATE_PERIODS:
        draft.unit = f"{draft.unit}/{RATE_PERIODS[period]}"
        draft.last += 2


def _read_counted(tokens: list[Token], draft: Draft) -> None:
    position = draft.last
    if lower_at(tokens, position) == "of" and (
        draft.vague
        or lower_at(tokens, position + 1)
        in ("the", "its", "their", "his", "her", "those", "these", "them", "whom", "our")
    ):
        if lower_at(tokens, position + 1) in ("them", "whom", "those", "these", "us"):
            draft.part_of_others = True
            return
        position += 1
        if lower_at(tokens, position) in ("the", "its", "their", "his", "her", "our"):
            position += 1
    noun, head_end, head = _noun_phrase(tokens, position)
    if noun is None or head is None:
        return
    unit, group = COUNTED_NOUNS.get(head, (head, None))
    modifiers = noun.lower().split()[:-1]
    if group in ("people", "population") and any(word.startswith("farm") for word in modifiers):
        group = "farming"  # "farming families" count the farms, not the valley's population
    if any(word in ("police", "army", "security") for word in modifiers) and group == "people":
        group = "security"  # "police officers"; but "police vans" are still vans
    draft.noun, draft.unit, draft.group = noun, unit, group
    draft.last = head_end
    draft.event = _noun_event(head)
    _read_scope(tokens, draft)


def _noun_phrase(tokens: list[Token], position: int) -> tuple[str | None, int, str | None]:
    """The counted noun phrase at `position` ('terrified families', 'dockworkers and supporters'),
    the token index after it, and its head noun."""
    words: list[Token] = []
    index = position
    while index < len(tokens) and len(words) < 4:
        token = tokens[index]
        if not token.is_word or token.lower in NOUN_PHRASE_STOPS:
            break
        words.append(token)
        index += 1
    head = None
    for offset, token in enumerate(words):
        if not token.capitalised and (token.lower in COUNTED_NOUNS or token.lower in IRREGULAR_PLURALS):
            head = offset
            break
    if head is None:
        for offset, token in enumerate(words):
            if not token.capitalised and looks_plural(token.lower):
                head = offset
                break
    if head is None:
        return None, position, None
    while head + 1 < len(words) and _extends_compound(words[head], words[head + 1]):
        head += 1  # "police vans", "farm workers": the last noun of a compound is what is counted
    end = position + head + 1
    head_word = words[head].lower
    # "dockworkers and supporters": a second noun joined to the first counts with it.
    if lower_at(tokens, end) in ("and", "or") and end + 1 < len(tokens):
        partner = tokens[end + 1]
        after_partner = lower_at(tokens, end + 2)
        takes_object = after_partner[:1].isdigit() or word_value(after_partner) is not None
        modifies_next = partner.lower in NOUN_MODIFIERS and after_partner[:1].isalpha()
        noun_like = not partner.capitalised and (
            partner.lower in COUNTED_NOUNS or looks_plural(partner.lower)
        )
        if noun_like and partner.lower not in NOUN_PHRASE_STOPS and not (takes_object or modifies_next):
            end += 2  # but not "12 people and injured 30", where the second word is a verb
    text = " ".join(token.text for token in tokens[position:end] if token.is_word)
    return text, end, head_word


def _extends_compound(head: Token, following: Token) -> bool:
    if following.capitalised:
        return False
    if following.lower in COUNTED_NOUNS:
        return True
    return head.lower in NOUN_MODIFIERS and looks_plural(following.lower)


def _read_scope(tokens: list[Token], draft: Draft) -> None:
    """'of the north bank', 'on both banks', 'in the south', 'from Lorvenne's north bank'."""
    position = draft.last
    if lower_at(tokens, position) not in SCOPE_PREPOSITIONS:
        return
    index = position + 1
    if lower_at(tokens, index) in SCOPE_DETERMINERS:
        index += 1
    last_content = None
    while index < len(tokens) and index - position <= 5:
        token = tokens[index]
        if not token.is_word:
            break
        is_name = token.capitalised and token.lower.rstrip(".") not in CALENDAR_WORDS
        if is_name or token.lower in SCOPE_WORDS:
            last_content = index
            index += 1
            continue
        break
    if last_content is None:
        return
    draft.scope = " ".join(token.text for token in tokens[position : last_content + 1])
    draft.last = last_content + 1


def _noun_event(head: str) -> str | None:
    unit = COUNTED_NOUNS.get(head, (None, None))[0]
    if unit in ("killed", "injured", "missing", "arrested"):
        return unit
    if head in ("evacuees", "homeless", "displaced", "refugees"):
        return "displaced"
    return None


def event_of(
    sentence: str, tokens: list[Token], draft: Draft, previous_end: int, next_start: int
) -> str | None:
    """What happened to what is counted, from the words around the figure in its clause."""
    patterns = EVENT_PATTERNS[draft.kind]
    start, end = tokens[draft.first].start, tokens[draft.last - 1].end
    after_limit = min(next_start, end + EVENT_WINDOW_CHARS)
    clause_break = _CLAUSE_BREAK.search(sentence, end, after_limit)
    after = sentence[end : clause_break.start() if clause_break else after_limit]
    before_start = max(previous_end, start - EVENT_WINDOW_CHARS // 2)
    before = sentence[before_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    # The nearest event word wins, counted in words; a verb just before ("killing 12") beats a tie.
    best: tuple[int, str] | None = None
    for event, pattern in patterns:
        match = pattern.search(after)
        if match is not None:
            distance = len(after[: match.start()].split())
            if best is None or distance < best[0]:
                best = (distance, event)
        for match in pattern.finditer(before):
            distance = len(before[match.end() :].split()) + 1
            if best is None or distance <= best[0]:
                best = (distance, event)
    return best[1] if best else None
