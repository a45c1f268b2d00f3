"""Statement conflicts: two outlets state the same claim with opposite polarity ("did" / "did not")."""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from newsprism.comparison.conflicts import SentencePair
from newsprism.comparison.similarity import stem
from newsprism.lang.en.stop_words import CORE_FUNCTION_WORDS
from newsprism.models import Conflict

_NEGATIONS = frozenset(
    "not no never nobody nothing none neither nor cannot n't without denied denies deny denying "
    "refused refuses rejected rejects".split()
)
# Opposite predicates: one outlet using one and the other its partner, on the same claim.
_OPPOSITES = {
    frozenset(pair)
    for pair in (
        ("confirmed", "denied"),
        ("confirms", "denies"),
        ("rose", "fell"),
        ("increased", "decreased"),
        ("accepted", "rejected"),
        ("won", "lost"),
        ("approved", "rejected"),
        ("alive", "dead"),
        ("guilty", "innocent"),
        ("opened", "closed"),
        ("lifted", "imposed"),
        ("agreed", "refused"),
        ("survived", "died"),
        ("arrested", "released"),
        ("supports", "opposes"),
        ("backed", "opposed"),
    )
}
# Share of the shorter sentence's content words the two must have in common to be "the same claim, flipped".
MIN_SHARED_CONTENT = 0.6
# A negation governs the first content word within this many words after it ("was not arrested").
NEGATION_SCOPE = 4
_TOKEN = re.compile(r"[a-z]+n't|[a-z]+")


def find_statement_conflicts(pairs: Sequence[SentencePair]) -> list[Conflict]:
    """Aligned sentences where one negates, or states the opposite of, what the other says."""
    conflicts = []
    for pair in pairs:
        if not pair.aligned:
            continue
        a, b = pair.a, pair.b
        words_a, words_b = a.terms, b.terms
        content_a = words_a - CORE_FUNCTION_WORDS - _NEGATIONS
        content_b = words_b - CORE_FUNCTION_WORDS - _NEGATIONS
        if not content_a or not content_b:
            continue
        # Measured against the longer sentence: a flip needs nearly the same content on both sides,
        # not one sentence that says more (a cut quote whose dropped half holds a "not").
        if len(content_a & content_b) / max(len(content_a), len(content_b)) < MIN_SHARED_CONTENT:
            continue
        negated_a, negated_b = bool(words_a & _NEGATIONS), bool(words_b & _NEGATIONS)
        opposite = _opposite_words(words_a - words_b, words_b - words_a)
        if not opposite:
            if negated_a == negated_b:
                continue
            negated, other = (a.text, content_b) if negated_a else (b.text, content_a)
            # "will not reopen" against "would stay shut": the negation must deny what the other says.
            if not _negated_stems(negated) & {stem(word) for word in other}:
                continue
        reason = f"opposite words ({opposite[0]} / {opposite[1]})" if opposite else "one of them negates it"
        conflicts.append(
            Conflict(
                kind="statement",
                description=f'{a.source}: "{a.text}" {b.source}: "{b.text}" ({reason})',
                sentences=(a.ref, b.ref),
                values={str(a.ref.article): a.text, str(b.ref.article): b.text},
            )
        )
    return conflicts


def _opposite_words(only_a: Set[str], only_b: Set[str]) -> tuple[str, str] | None:
    for word_a in sorted(only_a):
        for word_b in sorted(only_b):
            if frozenset((word_a, word_b)) in _OPPOSITES:
                return word_a, word_b
    return None


def _negated_stems(text: str) -> set[str]:
    """Stems of the words a negation governs: the first content word after each negation."""
    tokens = _TOKEN.findall(text.lower().replace("\u2019", "'"))
    governed = set()
    for position, token in enumerate(tokens):
        if token in _NEGATIONS or token.endswith("n't"):
            scope = tokens[position + 1 : position + 1 + NEGATION_SCOPE]
            content = [word for word in scope if word not in CORE_FUNCTION_WORDS and word not in _NEGATIONS]
            if content:
                governed.add(stem(content[0]))
    return governed
