"""How common an English word is (Zipf scale, wordfreq), with wordfreq loaded on first use.

Importing wordfreq costs a fifth of a second; commands that never look a word up (`stories`, `articles`)
should not pay it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=262_144)
def english_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English: 0 for unknown words, about 7 for "the"."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")
