"""Spellings of one name: transliteration skeletons, spelling keys, surnames and middle names."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from newsprism.lang.en.names import NAME_SUFFIXES
from newsprism.nlp.strings import edit_distance


@lru_cache(maxsize=16_384)
def name_skeleton(word: str) -> str:
    """Consonant skeleton of a word, folding transliteration: Qaddafi, Gaddafi, Kadhafi -> "kdf"."""
    spelled = spelling_key(word)
    if not spelled:
        return ""
    first, rest = spelled[0], spelled[1:]
    return _collapse_doubles(first + "".join(char for char in rest if char not in "aeiou"))


@lru_cache(maxsize=16_384)
def spelling_key(word: str) -> str:
    """Lowercase ASCII spelling with digraphs and look-alike letters folded: "Tareq" -> "tarek"."""
    folded = unicodedata.normalize("NFKD", word.lower())
    letters = "".join(char for char in folded if "a" <= char <= "z")
    for digraph, letter in _DIGRAPHS:
        letters = letters.replace(digraph, letter)
    letters = letters.translate(_LETTER_FOLD)
    return _collapse_doubles(letters)


def same_name(a: str, b: str) -> bool:
    """Tell whether two names are spellings of one name: as many words, each pair alike."""
    words_a, words_b = name_words(a), name_words(b)
    if len(words_a) != len(words_b):
        return False
    return all(same_word(x, y) for x, y in zip(words_a, words_b, strict=True))


_DIGRAPHS = (("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("ck", "k"), ("gh", "g"))
_LETTER_FOLD = str.maketrans("qcgyjwzx", "kkkiivsk")


def letters_of(name: str) -> str:
    return "".join(char for char in name.casefold() if char.isalnum())


def surname_of(words: Sequence[str]) -> str:
    """The last word of a name that is no generational suffix: "Robert S. Mueller III" -> "Mueller"."""
    for word in reversed(words):
        if word.lower().strip(".,") not in NAME_SUFFIXES:
            return word
    return words[-1]


def middle_name(key: str) -> str:
    """What stands between the given name and the surname, without dots: "michael t. flynn" -> "t"."""
    words = name_words(key)
    surname = surname_of(words)
    inner = words[1 : len(words) - 1 - words[::-1].index(surname)]
    return " ".join(word.strip(".") for word in inner)


def name_words(name: str) -> list[str]:
    """Words of a name, hyphens counting as spaces: "Kim Jong-un" and "Kim Jong Un" both have three."""
    return name.replace("-", " ").split()


def _collapse_doubles(letters: str) -> str:
    return "".join(char for index, char in enumerate(letters) if index == 0 or char != letters[index - 1])


def same_word(a: str, b: str) -> bool:
    """Two spellings of one word: same consonant skeleton and at most a third of the letters changed."""
    if a.casefold() == b.casefold():
        return True
    if name_skeleton(a) != name_skeleton(b):
        return False
    spelled_a, spelled_b = spelling_key(a), spelling_key(b)
    return edit_distance(spelled_a, spelled_b) <= max(1, min(len(spelled_a), len(spelled_b)) // 3)
