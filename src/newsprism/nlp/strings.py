"""String distances and transliteration shared by the analysers that compare names."""

from __future__ import annotations

import re

from anyascii import anyascii

# Russian "е" opening a word or after a vowel is "ye" (Ельцин: Yeltsin), which anyascii writes "e".
_CYRILLIC_YE = re.compile(r"(?<![а-яё])е|(?<=[аеёиоуыэюяьъ])е")
# Greek digraphs that anyascii writes letter by letter (Βαρουφάκης: "Varoyfakis", not Varoufakis).
_GREEK_DIGRAPHS = {"ου": "ou", "ού": "ou", "αυ": "av", "αύ": "av", "ευ": "ev", "εύ": "ev", "γγ": "ng"}
_GREEK_DIGRAPH = re.compile("|".join(_GREEK_DIGRAPHS))


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions, each costing one."""
    previous = list(range(len(second) + 1))
    for i, char_a in enumerate(first, 1):
        current = [i]
        for j, char_b in enumerate(second, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def to_latin(text: str) -> str:
    """Text in lowercase ASCII, every script transliterated: "Øystein Путин" -> "oystein putin"."""
    lowered = _CYRILLIC_YE.sub("йе", text.lower())
    lowered = _GREEK_DIGRAPH.sub(lambda match: _GREEK_DIGRAPHS[match.group()], lowered)
    return anyascii(lowered).lower()
