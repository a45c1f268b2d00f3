"""Rule-based sentence splitting tuned for news copy: abbreviations, initialisms, quotations."""

from __future__ import annotations

import re

from newsprism.lang.en.abbreviations import MAY_END, NEVER_FINAL
from newsprism.lang.en.speech import SPEECH_VERBS

# Terminal punctuation, any closing quotes or brackets glued to it, the gap, then a non-space.
_CANDIDATE = re.compile(r"""(?P<stop>[.!?…]+)(?P<close>["'”’»)\]]*)(?P<space>\s+)(?=\S)""")
_NEXT_WORD = re.compile(r"""(?P<quote>["'“‘«(\[]*)(?P<word>\w*)""")
_INITIALISM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_LIST_NUMBER = re.compile(r"\d{1,2}|[a-zA-Z]")
_ATTRIBUTION = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,4}?\s+(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b"
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_DOUBLE_QUOTE_MARK = re.compile(r"[\"“”]")
_SINGLE_QUOTE_MARK = re.compile(r"['‘’]")

_OPENING_MARKS = "\"'“‘«([{"
MAX_KEPT_QUOTE_CHARS = 400
# How far back from a list number to look for the ":" or ";" that introduces an inline list.
_LIST_INTRO_LOOKBACK = 3

_NUMBER_SIGNS = frozenset({"No", "Nos", "no", "nos"})
# After an abbreviation that may close a sentence, a split is made only before one of these:
# words that commonly open a sentence but seldom follow "U.S." or "p.m." inside one.
SENTENCE_STARTERS = frozenset(
    "The A An He She It They We I You His Her Its Their Our My Your This That These Those There "
    "Here But And Or So Yet Nor In On At For By From With As After Before When While If Although "
    "Though Since Then Now Still However Meanwhile Some Many Most Both Each Mr Mrs Ms".split()
)
_ATTRIBUTION_STOPS = frozenset("?!")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences; a sentence never spans a line break."""
    sentences: list[str] = []
    for line in text.splitlines():
        paragraph = line.strip()
        if paragraph:
            sentences.extend(_split_paragraph(paragraph))
    return sentences


def _split_paragraph(paragraph: str) -> list[str]:
    """Split one paragraph (no line breaks) into sentences."""
    kept_quotes = _short_quote_spans(paragraph)
    sentences: list[str] = []
    start = 0
    for candidate in _CANDIDATE.finditer(paragraph):
        if _inside_any(candidate.start("space"), kept_quotes):
            continue
        if not _ends_sentence(paragraph, candidate, start):
            continue
        piece = paragraph[start : candidate.end("close")].strip()
        # Stray punctuation ("..." opening a paragraph) is no sentence of its own.
        if not _LETTER_OR_DIGIT.search(piece):
            continue
        sentences.append(piece)
        start = candidate.end("space")
    last = paragraph[start:].strip()
    if last:
        sentences.append(last)
    return sentences


def _ends_sentence(paragraph: str, candidate: re.Match[str], sentence_start: int) -> bool:
    """Decide whether a punctuation candidate is a real sentence end."""
    next_start = candidate.end("space")
    following = _NEXT_WORD.match(paragraph, next_start)
    if following is None:
        return False
    opens_with_mark, next_word = bool(following["quote"]), following["word"]
    if not opens_with_mark and not _can_open_sentence(next_word):
        return False
    stop = candidate["stop"]
    if stop == ".":
        return _period_ends_sentence(paragraph, candidate.start("stop"), sentence_start, following)
    if "…" in stop or stop.startswith(".."):
        return next_word[:1].isupper()
    if stop[-1] in _ATTRIBUTION_STOPS and _closes_quote(candidate["close"]):
        return not _ATTRIBUTION.match(paragraph, next_start)
    return True


def _can_open_sentence(word: str) -> bool:
    """Tell whether a word can be the first of a sentence (capitalised or a number)."""
    return word[:1].isupper() or word[:1].isdigit()


def _closes_quote(close: str) -> bool:
    """Tell whether the characters after the stop include a closing quote mark."""
    return any(char in "\"'”’»" for char in close)


def _period_ends_sentence(
    paragraph: str, period_at: int, sentence_start: int, following: re.Match[str]
) -> bool:
    """Decide whether a single period ends a sentence, from the token before and the word after."""
    token_start = _token_start(paragraph, period_at)
    token = paragraph[token_start:period_at].lstrip(_OPENING_MARKS)
    next_word = following["word"]
    if token in NEVER_FINAL:
        return False
    if token in _NUMBER_SIGNS and next_word[:1].isdigit():
        return False
    if _LIST_NUMBER.fullmatch(token) and _starts_list_item(paragraph, token_start, sentence_start):
        return False
    if _may_end_sentence(token):
        if _is_initial(paragraph, following):
            return False
        return bool(following["quote"]) or next_word in SENTENCE_STARTERS
    return True


def _is_initial(paragraph: str, following: re.Match[str]) -> bool:
    """Tell whether the next word is a one-letter initial ("A." in "J. A. Smith")."""
    after = following.end("word")
    is_period_next = paragraph[after : after + 1] == "."
    return len(following["word"]) == 1 and following["word"].isupper() and is_period_next


def _token_start(paragraph: str, end: int) -> int:
    """Return where the whitespace-delimited token ending at end begins."""
    index = end
    while index > 0 and not paragraph[index - 1].isspace():
        index -= 1
    return index


def _starts_list_item(paragraph: str, token_start: int, sentence_start: int) -> bool:
    """Tell whether a number or letter before a period is a list marker ("1. Cut taxes")."""
    if token_start == sentence_start:
        return True
    lead_in = paragraph[max(0, token_start - _LIST_INTRO_LOOKBACK) : token_start].rstrip()
    return lead_in.endswith((":", ";"))


def _may_end_sentence(token: str) -> bool:
    """Tell whether a token is an abbreviation, initialism or initial that can close a sentence."""
    if token in MAY_END:
        return True
    if len(token) == 1 and token.isupper():
        return True
    return bool(_INITIALISM.fullmatch(token))


def _inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    """Tell whether position falls strictly inside one of the spans."""
    return any(start < position < end for start, end in spans)


def _short_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Return (open, close) positions of quotations closed in the paragraph and short enough."""
    spans = _double_quote_spans(paragraph) + _single_quote_spans(paragraph)
    return [(start, end) for start, end in spans if end - start + 1 <= MAX_KEPT_QUOTE_CHARS]


def _double_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Pair double quote marks, straight or curly, into quotation spans."""
    if '"' not in paragraph and "“" not in paragraph:
        return []
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _DOUBLE_QUOTE_MARK.finditer(paragraph):
        at, char = mark.start(), mark.group()
        space_before = at == 0 or paragraph[at - 1].isspace()
        space_after = at + 1 == len(paragraph) or paragraph[at + 1].isspace()
        if char == "“" or (open_at is None and char == '"' and not space_after):
            open_at = at
        elif open_at is not None and char == '"' and space_before and not space_after:
            # An opening-looking mark while a quote is open: the earlier mark was unbalanced.
            open_at = at
        elif open_at is not None:
            spans.append((open_at, at))
            open_at = None
    return spans


def _single_quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Pair single quote marks used as quotation marks, telling them from apostrophes by context."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _SINGLE_QUOTE_MARK.finditer(paragraph):
        at = mark.start()
        before = paragraph[at - 1] if at > 0 else " "
        after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
        if (before.isspace() or before in "([—–") and after.isalpha():
            open_at = at
        elif open_at is not None and before in ".,!?…" and (after.isspace() or after in ")]—–"):
            spans.append((open_at, at))
            open_at = None
    return spans
