"""How common an English word is (Zipf scale, wordfreq), with wordfreq loaded on first use.

Importing wordfreq costs a fifth of a second; commands that never look a word up (`stories`, `articles`)
should not pay it. Plain lower-case words are looked up in wordfreq's table directly, which gives the same
figure as `zipf_frequency` ten times faster: its tokenising and normalising leave such words unchanged.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

_PLAIN_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=262_144)
def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English: 0 for unknown words, about 7 for "the"."""
    if _PLAIN_WORD.fullmatch(word):
        frequency = _english_frequencies().get(word, 0.0)
        return round(math.log10(frequency) + 9, 2) if frequency > 0 else 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@cache
def _english_frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="best")
