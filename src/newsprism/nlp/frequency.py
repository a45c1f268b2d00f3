"""How common an English word is (Zipf scale), from wordfreq's English table, read without importing wordfreq.

Importing wordfreq and building its table cost half a second (langcodes, a stack inspection to find its data,
hundreds of regular expressions): a fifth of a small ingest. Words of ASCII letters, digits and the marks
. , ' - _ and words of accented Latin letters are tokenised and looked up here exactly as wordfreq's
`zipf_frequency` does it (its number rules included; tests compare the two over its whole table and over
random strings); anything else is handed to wordfreq itself.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import msgpack

_ASCII_WORD = re.compile(r"[a-z0-9_.,'-]+")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_WORD_CHARACTERS = _LETTERS | _DIGITS | {"_"}
# wordfreq splits "l'", "d'", "y'" from a following vowel or h (French elision; "o'higgins" -> "o", "higgins")
_ELIDED_HEAD = re.compile(r"[a-z0-9_]{1,2}'(?=[aehiouy])")
_NUMBER = re.compile(r"[0-9][0-9.,]+")
_DIGIT_RUN = re.compile(r"[0-9]+")
# wordfreq's estimate of the share of tokens that are numbers starting with each digit (Benford's law).
_LEADING_DIGIT_SHARE = (0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045)
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_SHARE = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_YEARS = 20
_ZIPF_FLOOR = 1e-9  # frequency of Zipf 0: wordfreq's floor for unknown words


@lru_cache(maxsize=262_144)
def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English: 0 for unknown words, about 7 for "the"."""
    folded = word.casefold()
    if folded.isascii() and _ASCII_WORD.fullmatch(folded):
        tokens = _ascii_tokens(folded)
    elif _is_plain_latin_word(folded):
        tokens = [folded]
    else:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, "en")
    frequency = _combined_frequency(tokens)
    return round(math.log(frequency, 10) + 9, 2) if frequency > _ZIPF_FLOOR else 0.0


def _is_plain_latin_word(word: str) -> bool:
    """Accented Latin letters only ("josé", "peñasquitos"): one token, which wordfreq leaves as it is."""
    latin = all(char < "\u0250" for char in word)
    return latin and word.isalpha() and unicodedata.is_normalized("NFKC", word)


def _ascii_tokens(word: str) -> list[str]:
    """wordfreq's tokens of a word of ASCII letters, digits, underscores and the marks . , ' -

    These are Unicode's word boundary rules restricted to those characters: letters, digits and underscores
    run together; an apostrophe or period joins two letters or two digits, a comma two digits; any other
    mark splits the word and is dropped.
    """
    tokens: list[str] = []
    current: list[str] = []
    for index, char in enumerate(word):
        after = word[index + 1 : index + 2]
        if char in _WORD_CHARACTERS or (current and _joins(char, word[index - 1], after)):
            current.append(char)
        elif current:
            tokens.append("".join(current))
            current = []
    if current:
        tokens.append("".join(current))
    return [piece for token in tokens for piece in _split_elision(token)]


def _joins(mark: str, before: str, after: str) -> bool:
    if before in _DIGITS and after in _DIGITS:
        return mark in ".,'"
    return mark in ".'" and before in _LETTERS and after in _LETTERS


def _split_elision(token: str) -> list[str]:
    pieces = []
    while head := _ELIDED_HEAD.match(token):
        pieces.append(head.group()[:-1])
        token = token[head.end() :]
    return [*pieces, token]


def _combined_frequency(tokens: list[str]) -> float:
    """wordfreq's rule for several tokens: 1/f = 1/f1 + 1/f2 + ..., rounded to 3 significant digits."""
    if not tokens:
        return 0.0
    table = _english_frequencies()
    inverse_sum = 0.0
    for token in tokens:
        smashed = _NUMBER.sub(_zeroed, token)
        frequency = table.get(smashed, 0.0)
        if frequency == 0.0:
            return 0.0
        if smashed != token:
            frequency *= _digit_frequency(token)
        inverse_sum += 1.0 / frequency
    frequency = max(1.0 / inverse_sum, _ZIPF_FLOOR)
    # math.log(x, 10), not log10: at powers of ten the two can floor differently; wordfreq uses the former
    return round(frequency, math.floor(-math.log(frequency, 10)) + 3)


def _zeroed(number: re.Match[str]) -> str:
    """wordfreq's table keeps numbers with their digits as zeros: "1,250" -> "0,000"."""
    return re.sub(r"[0-9]", "0", number.group())


def _digit_frequency(token: str) -> float:
    """How likely these particular digits are among numbers of their length (four digits: most are years)."""
    frequency = 1.0
    for number in _NUMBER.findall(token):
        for run in _DIGIT_RUN.findall(number):
            frequency *= _year_frequency(run) if len(run) == 4 else _benford_frequency(run)
    return frequency


def _benford_frequency(digits: str) -> float:
    return _LEADING_DIGIT_SHARE[int(digits[0])] / 10 ** (len(digits) - 1)


def _year_frequency(digits: str) -> float:
    year = int(digits)
    if year <= _REFERENCE_YEAR:
        log_frequency = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU_YEARS:
        log_frequency = _YEAR_LOG_PEAK
    else:
        log_frequency = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_YEARS))
    return 10.0**log_frequency + _NOT_YEAR_SHARE * _benford_frequency(digits)


@cache
def _english_frequencies() -> dict[str, float]:
    """wordfreq's large English table: gzipped msgpack, a header, then one list of words per centibel."""
    with gzip.open(_wordfreq_data() / "large_en.msgpack.gz", "rb") as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header.get("format") != "cB" or header.get("version") != 1:
        raise RuntimeError(f"wordfreq's English table has an unknown format: {header}")
    frequencies: dict[str, float] = {}
    for centibels, words in enumerate(buckets):
        frequencies.update(dict.fromkeys(words, 10.0 ** (-centibels / 100)))
    return frequencies


def _wordfreq_data() -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"
