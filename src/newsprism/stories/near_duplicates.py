"""Near-duplicates (syndicated wire copy): MinHash signatures over word shingles, banded for LSH.

A copy republished with a new headline, a sentence dropped or added and its own boilerplate still
shares most of its 5-word shingles with the original. Signatures are deterministic across
processes (CRC32 word codes, fixed-seed permutations), so they can be stored and compared later.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from newsprism.nlp.tokens import ALPHANUMERIC_RUN
from newsprism.stories.options import NearDuplicateOptions

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32  # of 4 rows each: pairs above ~0.5 Jaccard share a band with high probability
# Texts shorter than this are neither linked nor indexed: in scraped archives they are mostly page
# templates ("we have sent you a verification email…") that would link unrelated stories.
MIN_COPY_WORDS = 80
_SEED = 20260316

_generator = np.random.default_rng(_SEED)
# Multiply-shift hashing: (a * x + b) mod 2**64 (uint64 arithmetic wraps), top 32 bits; a odd.
_A = _generator.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _generator.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_SHIFT = np.uint64(32)
# Combines a shingle's word codes: h = h * base + code (mod 2**64); a large odd constant mixes the bits.
_SHINGLE_BASE = np.uint64(0x9E3779B97F4A7C15)


def words_of(text: str) -> list[str]:
    """The lower-cased words shingles are made of."""
    return ALPHANUMERIC_RUN.findall(text.casefold())


def shingle_hashes(words: list[str]) -> np.ndarray:
    """A 64-bit hash of every run of SHINGLE_WORDS words (of all of them if there are fewer).

    Each word is hashed once (CRC32, cached) and the words of a shingle are combined as a polynomial
    in one vectorised pass, so no string is built per shingle.
    """
    if not words:
        return np.zeros(0, dtype=np.uint64)
    codes = np.fromiter((_word_code(word) for word in words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(codes))
    with np.errstate(over="ignore"):
        hashes = codes[: len(codes) - width + 1].copy()
        for offset in range(1, width):
            hashes = hashes * _SHINGLE_BASE + codes[offset : len(codes) - width + 1 + offset]
    return np.unique(hashes)


def signature(text: str | list[str]) -> np.ndarray:
    """The MinHash signature of a text or its words: PERMUTATIONS uint32 minima (all 0xFFFFFFFF if empty)."""
    hashes = shingle_hashes(words_of(text) if isinstance(text, str) else text)
    if hashes.size == 0:
        return np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    with np.errstate(over="ignore"):
        permuted = (np.outer(hashes, _A) + _B) >> _SHIFT
    return permuted.min(axis=0).astype(np.uint32)


@lru_cache(maxsize=262_144)
def _word_code(word: str) -> int:
    return zlib.crc32(word.encode("utf-8")) + 1  # + 1: no word codes as 0, so shingles of any width differ


def band_keys(sig: np.ndarray) -> list[int]:
    """One bucket key per band; texts sharing any key are candidates."""
    rows = PERMUTATIONS // BANDS
    return [zlib.crc32(sig[band * rows : (band + 1) * rows].tobytes()) for band in range(BANDS)]


def estimated_jaccard(first: np.ndarray, second: np.ndarray) -> float:
    return float(np.mean(first == second))


def best_original(
    sig: np.ndarray, candidates: Iterable[tuple[int, np.ndarray]], options: NearDuplicateOptions
) -> int | None:
    """The candidate this text copies (highest estimated Jaccard at or above the threshold), if any."""
    best_id, best_score = None, options.threshold
    for candidate_id, candidate_sig in candidates:
        score = estimated_jaccard(sig, candidate_sig)
        if score >= best_score and (best_id is None or score > best_score or candidate_id < best_id):
            best_id, best_score = candidate_id, score
    return best_id


class NearDuplicates:
    """The matcher the store calls for each new article (store.articles.NearDuplicateMatcher)."""

    def __init__(self, options: NearDuplicateOptions = NearDuplicateOptions()) -> None:
        self.options = options

    def fingerprint(self, text: str) -> tuple[np.ndarray, list[int]]:
        """Signature and band keys of an article's body (a republisher writes its own headline)."""
        words = words_of(text)
        sig = signature(words)
        if len(words) < MIN_COPY_WORDS:
            return sig, []  # too short to tell a copy from a shared page template: not indexed
        return sig, band_keys(sig)

    def original(self, sig: np.ndarray, candidates: list[tuple[int, np.ndarray]]) -> int | None:
        return best_original(sig, candidates, self.options)
