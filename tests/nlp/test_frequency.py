"""english_zipf: wordfreq's Zipf scale, with a fast path for plain lower-case words."""

from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from newsprism.nlp.frequency import english_zipf

WORDS = ["the", "shooting", "sheriff", "kyiv", "qeshm", "zzzqqxv", "Police", "o'brien", "covid-19", "año", "42"]


@pytest.mark.parametrize("word", WORDS)
def test_english_zipf_agrees_with_wordfreq(word: str) -> None:
    assert english_zipf(word) == zipf_frequency(word, "en")


def test_common_words_score_high_and_unknown_ones_zero() -> None:
    assert english_zipf("the") > 7.0
    assert english_zipf("shooting") > 4.0
    assert english_zipf("zzzqqxv") == 0.0
