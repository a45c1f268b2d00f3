"""english_zipf: wordfreq's Zipf scale, computed without importing wordfreq for ordinary words."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from newsprism.nlp.frequency import HashedFrequencies, english_zipf, load_english_frequencies

WORDS = [
    "the", "shooting", "sheriff", "kyiv", "qeshm", "zzzqqxv", "Police",
    # wordfreq splits at hyphens, and splits "o'", "l'", "y'" from a following vowel or h (French elision)
    "o'brien", "o'higgins", "l'or", "y'all", "ma'am", "don't", "we're", "jones'", "covid-19", "x-men",
    # numbers: digits become zeros in the table, then Benford's law or, for four digits, a year curve
    "42", "2008", "2031", "2077", "1,000", "3.5", "ak-47", "fox59", "1700th",
    "u.s", "dec.14", "tia_ewing", "año", "José", "fiancée", "straße", "сентября", "d¾",
]


@pytest.mark.parametrize("word", WORDS)
def test_english_zipf_agrees_with_wordfreq(word: str) -> None:
    assert english_zipf(word) == zipf_frequency(word, "en")


def test_english_zipf_agrees_with_wordfreq_on_random_strings_of_marks_and_digits() -> None:
    chooser = random.Random(7)
    alphabet = "aeohlsty129'.,_-"
    words = {"".join(chooser.choice(alphabet) for _ in range(chooser.randint(1, 7))) for _ in range(3000)}
    assert [word for word in words if english_zipf(word) != zipf_frequency(word, "en")] == []


def test_english_zipf_agrees_with_wordfreq_on_its_accented_words() -> None:
    accented = [word.capitalize() for word in get_frequency_dict("en") if not word.isascii()][:1500]
    assert [word for word in accented if english_zipf(word) != zipf_frequency(word, "en")] == []


def test_common_words_score_high_and_unknown_ones_zero() -> None:
    assert english_zipf("the") > 7.0
    assert english_zipf("shooting") > 4.0
    assert english_zipf("zzzqqxv") == 0.0


def test_ordinary_words_are_looked_up_without_importing_wordfreq() -> None:
    probe = (
        "import sys; from newsprism.nlp.frequency import english_zipf; "
        "[english_zipf(w) for w in ('sheriff', \"o'higgins\", 'covid-19', '1,000', 'josé')]; "
        "print('wordfreq' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_cached_table_gives_every_word_of_wordfreqs_table_its_frequency(tmp_path: Path) -> None:
    load_english_frequencies(tmp_path)  # builds the cached copy
    table = load_english_frequencies(tmp_path)  # reads it
    assert isinstance(table, HashedFrequencies)
    expected = get_frequency_dict("en")
    assert [word for word, frequency in expected.items() if table.get(word) != frequency] == []
    assert table.get("zzzqqxv") == 0.0


def test_the_table_is_built_into_the_cache_once(tmp_path: Path) -> None:
    load_english_frequencies(tmp_path)
    [cached] = tmp_path.iterdir()
    built = cached.stat().st_mtime_ns
    load_english_frequencies(tmp_path)
    assert list(tmp_path.iterdir()) == [cached] and cached.stat().st_mtime_ns == built


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_cached_table_is_built_again(tmp_path: Path, damage: str) -> None:
    load_english_frequencies(tmp_path)
    [cached] = tmp_path.iterdir()
    if damage == "garbage":
        cached.write_bytes(b"not a table")
    else:
        cached.write_bytes(cached.read_bytes()[:100_000])
    assert load_english_frequencies(tmp_path).get("sheriff") == get_frequency_dict("en")["sheriff"]
    assert isinstance(HashedFrequencies.load(cached), HashedFrequencies)


def test_an_unwritable_cache_still_gives_the_frequencies(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache folder should be")
    assert load_english_frequencies(not_a_folder).get("sheriff") == get_frequency_dict("en")["sheriff"]
