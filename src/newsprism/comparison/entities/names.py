"""Spellings of one name: transliteration, consonant skeletons, spelling keys, surnames and middle names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from newsprism.lang.en.names import NAME_SUFFIXES
from newsprism.nlp.strings import to_latin

VOWELS = frozenset("aeiou")
# Vowels that transliterations swap for one another: Hezbollah / Hizbollah, Mohammed / Muhammad.
_VOWEL_GROUPS = str.maketrans("aeiou", "aiiuu")
# Consonants that one system spells for a sound and another for a near one: Qaddafi / Gaddafi, Yelena /
# Jelena, Zaid / Said. The skeleton folds them; the spelling distance counts each as more than one change.
_NEAR_CONSONANTS = str.maketrans("gjz", "kys")
# Letters and digraphs of one sound, folded into one letter. "c" is left standing for the sound of "ch"
# (Tchaikovsky / Chaikovsky) once every other "c" is a "k".
_ONE_SOUND = {
    "tch": "c", "sch": "sh", "ch": "c", "ck": "k", "ph": "f", "dh": "d", "th": "t", "kh": "k", "gh": "g",
    "ou": "u", "c": "k", "q": "k", "w": "v", "x": "ks", "y": "i", "j": "i",
}  # fmt: skip
# "y" and "j" are vowels inside a word (Kyiv, Ilja / Ilya) and consonants opening one (Yasser, Jan).
_ONE_SOUND_PATTERN = re.compile(r"tch|sch|ch|ck|ph|dh|th|kh|gh|ou|[cqwx]|(?<=.)[yj]")
# Endings spelled two ways: Arabic and Persian -a / -ah / -eh (Haniya / Haniyeh, Fatima / Fatemeh, and
# English Sara / Sarah), British and American -re / -er (Centre / Center, Theatre / Theater).
_SAME_ENDINGS = ((re.compile(r"[ae]h$"), "a"), (re.compile(r"(?<=[^aeiou])re$"), "er"))
# Runs of letters and digits: a mark or symbol is no part of a name ("Awards®"), nor are digits set apart
# from the letters ("Rodger[59", a footnote), while digits that open a word are ("79th", "G7", "20").
_LETTERS_AND_DIGITS = re.compile(r"[^\W_]+")
# Scripts that write every vowel, so that a transliteration can be compared letter by letter. Arabic and
# Hebrew leave short vowels out (محمد has the letters of Muhammad and of Mahmoud), Indic scripts the
# inherent "a", and a Chinese character is a whole syllable: there only one transliteration is one name.
_SCRIPTS_WITH_VOWELS = frozenset({"LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN"})
# In the costs of _spelling_distance, a word of up to SHORT_WORD letters may only swap a vowel for one of
# its group or add one beside another (Omar / Umar, Kiev / Kyiv), never Lind / Land or Jon / Jan; a longer
# one may change a third of its letters, at least one (Mohammed / Muhammad, Qaddafi / Gaddafi).
SHORT_WORD = 4
SHORT_WORD_CHANGES = 0.5
VOWEL_CHANGE_COST = 0.5  # a vowel for one of its group, or a vowel added beside another
NEAR_CONSONANT_COST = 1.5  # more than a letter: Gates / Kates and Zaid / Said are two names


def same_name(a: str, b: str) -> bool:
    """Tell whether two names are spellings of one name: as many words, each pair alike."""
    words_a, words_b = name_words(a), name_words(b)
    if not words_a or len(words_a) != len(words_b):
        return False
    return all(same_word(x, y) for x, y in zip(words_a, words_b, strict=True))


def same_word(a: str, b: str) -> bool:
    """Two spellings of one word: one skeleton, one ending, and few letters changed (fewer in short words)."""
    spelled_a, spelled_b = spelling_key(a), spelling_key(b)
    if not spelled_a or not spelled_b:
        return False  # nothing left to compare is no evidence of one name
    if spelled_a == spelled_b:
        return True
    if not (_writes_vowels(a) and _writes_vowels(b)):
        return False
    if name_skeleton(a) != name_skeleton(b) or _ending(spelled_a) != _ending(spelled_b):
        return False
    shorter = min(len(spelled_a), len(spelled_b))
    return _spelling_distance(spelled_a, spelled_b) <= _changes_allowed(shorter)


@lru_cache(maxsize=16_384)
def name_skeleton(word: str) -> str:
    """Consonant skeleton of a word, folding transliteration: Qaddafi, Gaddafi, Kadhafi -> "kdf".

    An opening vowel stays, as "a" whichever it is: Osama and Usama -> "asm", apart from Sam's "sm".
    """
    spelled = spelling_key(word).translate(_NEAR_CONSONANTS)
    if not spelled:
        return ""
    first = "a" if spelled[0] in VOWELS else spelled[0]
    return _collapse_doubles(first + "".join(char for char in spelled[1:] if char not in VOWELS))


@lru_cache(maxsize=16_384)
def spelling_key(word: str) -> str:
    """Lowercase ASCII spelling, transliterated, with letters of one sound folded: "Tareq" -> "tarek"."""
    letters = _ONE_SOUND_PATTERN.sub(lambda match: _ONE_SOUND[match.group()], latin_letters(word))
    letters = _collapse_doubles(letters)
    for ending, spelling in _SAME_ENDINGS:
        letters = ending.sub(spelling, letters)
    return letters


@lru_cache(maxsize=16_384)
def latin_letters(word: str) -> str:
    """The letters and digits of a word in lowercase ASCII: "Путин" -> "putin", "Øystein" -> "oystein"."""
    runs = _LETTERS_AND_DIGITS.findall(word)
    kept = "".join(run for index, run in enumerate(runs) if index == 0 or not run.isdigit())
    return "".join(char for char in to_latin(kept) if char.isalnum())


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


@lru_cache(maxsize=16_384)
def _writes_vowels(word: str) -> bool:
    """Tell whether every letter of a word is of a script that writes its vowels (Latin, Cyrillic, Greek)."""
    letters = [char for char in word if unicodedata.category(char) in ("Lu", "Ll", "Lt", "Lo")]
    return all(unicodedata.name(char, "").split(" ", 1)[0] in _SCRIPTS_WITH_VOWELS for char in letters)


def _ending(spelled: str) -> str:
    """The final vowels, by group: they tell Mario from Maria, Ivanov from Ivanova, Zelensky from Zelenska."""
    vowels = len(spelled) - len(spelled.rstrip("aeiou"))
    return _collapse_doubles(spelled[len(spelled) - vowels :].translate(_VOWEL_GROUPS))


def _changes_allowed(length: int) -> float:
    return SHORT_WORD_CHANGES if length <= SHORT_WORD else max(1, length // 3)


def _spelling_distance(a: str, b: str) -> float:
    """Edit distance weighted for transliteration: cheap vowel changes, dear changes of consonant."""
    previous = [0.0]
    for j in range(len(b)):
        previous.append(previous[-1] + _insertion_cost(b, j))
    for i, char_a in enumerate(a):
        current = [previous[0] + _insertion_cost(a, i)]
        for j, char_b in enumerate(b):
            current.append(
                min(
                    previous[j + 1] + _insertion_cost(a, i),
                    current[j] + _insertion_cost(b, j),
                    previous[j] + _substitution_cost(char_a, char_b),
                )
            )
        previous = current
    return previous[-1]


def _insertion_cost(word: str, index: int) -> float:
    """A vowel beside another costs half (Kiev / Kyiv, spelled "kiev" / "kiv"); any other letter one."""
    if word[index] not in VOWELS:
        return 1.0
    neighbours = word[max(index - 1, 0) : index] + word[index + 1 : index + 2]
    return VOWEL_CHANGE_COST if any(char in VOWELS for char in neighbours) else 1.0


def _substitution_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return VOWEL_CHANGE_COST if a.translate(_VOWEL_GROUPS) == b.translate(_VOWEL_GROUPS) else 1.0
    if a.translate(_NEAR_CONSONANTS) == b.translate(_NEAR_CONSONANTS):
        return NEAR_CONSONANT_COST
    return 1.0
