"""How common an English word is (Zipf scale), from wordfreq's English table, read without importing wordfreq.

Importing wordfreq and building its table cost half a second (langcodes, a stack inspection to find its data,
hundreds of regular expressions): a fifth of a small ingest. Words of ASCII letters, digits and the marks
. , ' - _ and words of accented Latin letters are tokenised and looked up here exactly as wordfreq's
`zipf_frequency` does it (its number rules included; tests compare the two over its whole table and over
random strings); anything else is handed to wordfreq itself. The table itself is kept in the per-user cache
as sorted 64-bit word hashes and centibels, built on first use (see `HashedFrequencies`).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import logging
import math
import re
import unicodedata
from contextlib import suppress
from functools import cache, lru_cache
from pathlib import Path

import msgpack
import numpy as np

from newsprism.files import replaced_atomically
from newsprism.nlp.cache import cache_dir

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
# Bump whenever HashedFrequencies' file or hash changes, so stale cached tables are not read.
HASHED_FORMAT_VERSION = 1

_log = logging.getLogger(__name__)


@lru_cache(maxsize=262_144)
def english_frequency(word: str) -> float:
    """wordfreq's frequency of `word` in English (a share of all tokens): 0 for unknown words."""
    folded = word.casefold()
    if folded.isascii() and _ASCII_WORD.fullmatch(folded):
        tokens = _ascii_tokens(folded)
    elif _is_plain_latin_word(folded):
        tokens = [folded]
    else:
        from wordfreq import word_frequency

        return float(word_frequency(word, "en"))
    frequency = _combined_frequency(tokens)
    return frequency if frequency > _ZIPF_FLOOR else 0.0


def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English: 0 for unknown words, about 7 for "the"."""
    frequency = english_frequency(word)
    return round(math.log(frequency, 10) + 9, 2) if frequency > 0.0 else 0.0


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


class HashedFrequencies:
    """wordfreq's English table as two sorted arrays, 64-bit word hashes and centibels: a few milliseconds to
    load where the table as a dict of 321,000 words costs a quarter of a second, on every command."""

    def __init__(self, keys: np.ndarray, centibels: np.ndarray) -> None:
        self._keys = keys
        self._centibels = centibels

    @classmethod
    def of(cls, centibels: dict[str, int]) -> HashedFrequencies | None:
        """The table of words and centibels; None in the unlikely case that two words' hashes collide."""
        count = len(centibels)
        keys = np.fromiter((_word_hash(word) for word in centibels), dtype=np.uint64, count=count)
        order = np.argsort(keys)
        keys = keys[order]
        if count > 1 and bool((keys[1:] == keys[:-1]).any()):
            return None
        return cls(keys, np.fromiter(centibels.values(), dtype=np.uint16, count=count)[order])

    @classmethod
    def load(cls, path: Path) -> HashedFrequencies:
        rows = np.load(path, allow_pickle=False)
        if rows.ndim != 2 or rows.shape[0] != 2 or rows.dtype != np.uint64:
            raise ValueError(f"{path}: not a word-frequency table")
        return cls(np.ascontiguousarray(rows[0]), rows[1].astype(np.uint16))

    def save(self, path: Path) -> None:
        """Write atomically: a half-written file must never be read as a table."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with replaced_atomically(path) as temporary, temporary.open("wb") as file:
            np.save(file, np.stack([self._keys, self._centibels.astype(np.uint64)]), allow_pickle=False)

    def get(self, word: str, default: float = 0.0) -> float:
        key = _word_hash(word)
        index = int(self._keys.searchsorted(np.uint64(key)))
        if index < len(self._keys) and int(self._keys[index]) == key:
            return 10.0 ** (-int(self._centibels[index]) / 100)
        return default


@cache
def _english_frequencies() -> HashedFrequencies | dict[str, float]:
    return load_english_frequencies(cache_dir())


def load_english_frequencies(cache_folder: Path) -> HashedFrequencies | dict[str, float]:
    """wordfreq's large English table, from the hashed copy in the cache folder, built there on first use."""
    packed = (_wordfreq_data() / "large_en.msgpack.gz").read_bytes()
    digest = hashlib.blake2b(packed, digest_size=8).hexdigest()
    cached = cache_folder / _hashed_table_name(digest)
    with suppress(OSError, ValueError):
        return HashedFrequencies.load(cached)
    centibels = _wordfreq_centibels(packed)
    table = HashedFrequencies.of(centibels)
    if table is None:
        return {word: 10.0 ** (-value / 100) for word, value in centibels.items()}
    try:
        table.save(cached)
    except OSError as error:
        _log.warning("Word frequencies are read the slow way each time: cannot write %s (%s).", cached, error)
    return table


def _hashed_table_name(digest: str) -> str:
    """Named after the wordfreq file it is built from and the format, so neither can go stale."""
    return f"wordfreq-large-en-{digest}-v{HASHED_FORMAT_VERSION}.npy"


def _wordfreq_centibels(packed: bytes) -> dict[str, int]:
    """wordfreq's table format: gzipped msgpack, a header, then one list of words per centibel."""
    header, *buckets = msgpack.unpackb(gzip.decompress(packed), raw=False)
    if header.get("format") != "cB" or header.get("version") != 1:
        raise RuntimeError(f"wordfreq's English table has an unknown format: {header}")
    centibels: dict[str, int] = {}
    for value, words in enumerate(buckets):
        centibels.update(dict.fromkeys(words, value))
    return centibels


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _wordfreq_data() -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("wordfreq is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"
