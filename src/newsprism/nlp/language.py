"""Offline language identification with lingua, limited to the languages news is likely in."""

from __future__ import annotations

import threading

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

from newsprism.lang.en.stop_words import ENGLISH_MARKER_WORDS

LIKELY_LANGUAGES: tuple[str, ...] = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "ru",
    "uk",
    "ar",
    "zh",
    "ja",
    "pl",
    "tr",
    "sv",
)

MAX_CHARS = 1_000
MIN_LETTERS = 20
# Below this gap between the two best candidates lingua answers None instead of guessing: a run
# of names ("Emmanuel Macron Olaf Scholz") gets None, while short real headlines are identified.
MIN_RELATIVE_DISTANCE = 0.1

MIN_ENGLISH_SHARE = 0.16
MIN_WORDS_FOR_SHORTCUT = 40

_detector: LanguageDetector | None = None
_detector_lock = threading.Lock()


def _build_detector() -> LanguageDetector:
    """Build a low-memory detector restricted to LIKELY_LANGUAGES."""
    iso_codes = [IsoCode639_1.from_str(code) for code in LIKELY_LANGUAGES]
    return (
        LanguageDetectorBuilder.from_iso_codes_639_1(*iso_codes)
        .with_low_accuracy_mode()
        .with_minimum_relative_distance(MIN_RELATIVE_DISTANCE)
        .build()
    )


def _get_detector() -> LanguageDetector:
    """Return the process-wide detector, building it on first use."""
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                _detector = _build_detector()
    return _detector


def _has_enough_letters(text: str) -> bool:
    """Tell whether text holds at least MIN_LETTERS letters."""
    letters = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                return True
    return False


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the language of text, or None when unsure or too short."""
    sample = text[:MAX_CHARS]
    if not _has_enough_letters(sample):
        return None
    if _is_plainly_english(sample):
        return "en"
    language = _get_detector().detect_language_of(sample)
    if language is None:
        return None
    return language.iso_code_639_1.name.lower()


def _is_plainly_english(sample: str) -> bool:
    """Tell whether English function words are so frequent that no other language is plausible."""
    words = sample.lower().split()
    if len(words) < MIN_WORDS_FOR_SHORTCUT:
        return False
    return sum(word in ENGLISH_MARKER_WORDS for word in words) >= MIN_ENGLISH_SHARE * len(words)
