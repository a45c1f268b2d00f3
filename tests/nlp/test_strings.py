"""Strings shared by the analysers that compare names: transliteration and edit distance."""

from __future__ import annotations

import pytest

from newsprism.nlp.strings import edit_distance, to_latin


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("Øystein Berg", "oystein berg"),  # a letter that Unicode decomposition drops
        ("Владимир Путин", "vladimir putin"),
        ("Ельцин", "yel'tsin"),  # Russian "е" opening a word is "ye"
        ("Сергеевич", "sergeyevich"),  # and after a vowel
        ("Παπαδόπουλος", "papadopoulos"),  # Greek "ου" is one vowel
        ("Ευάγγελος", "evangelos"),
        ("Erdoğan", "erdogan"),
        ("习近平", "xijinping"),
    ],
)
def test_every_script_is_transliterated_to_lowercase_ascii(text: str, latin: str) -> None:
    assert to_latin(text) == latin


@pytest.mark.parametrize(("a", "b", "distance"), [("Hadadi", "Haddadi", 1), ("Lind", "Land", 1), ("", "abc", 3)])
def test_edit_distance_counts_insertions_deletions_and_substitutions(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
