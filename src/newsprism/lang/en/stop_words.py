"""Stop words: the words that say nothing about what a text is about."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # spaCy's English list (326 words), lower-cased: for telling content words from the rest of a text.
    STOP_WORDS: frozenset[str]


def __getattr__(name: str) -> frozenset[str]:
    """STOP_WORDS is read from spaCy's file on first use, without importing spaCy (a second or more)."""
    if name != "STOP_WORDS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    stop_words = frozenset(word.lower() for word in _spacy_english_stop_words())
    globals()["STOP_WORDS"] = stop_words
    return stop_words


def _spacy_english_stop_words() -> set[str]:
    """spaCy's spacy/lang/en/stop_words.py is plain data: it is run on its own, not as part of spaCy."""
    spec = importlib.util.find_spec("spacy")
    if spec is not None and spec.origin is not None:
        source = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
        namespace: dict[str, object] = {}
        try:
            exec(compile(source.read_text(encoding="utf-8"), str(source), "exec"), namespace)
        except (OSError, SyntaxError, ImportError, NameError):
            namespace = {}
        words = namespace.get("STOP_WORDS")
        if isinstance(words, set) and words:
            return words
    from spacy.lang.en.stop_words import STOP_WORDS as spacy_stop_words

    return set(spacy_stop_words)


# Function words in three nested lists, each the one before plus more. What two sentences can share without
# sharing content: the core (articles, common prepositions and conjunctions, pronouns, "be" and "have",
# "said") decides whether two statements are one claim flipped (comparison/contradictions.py) ...
CORE_FUNCTION_WORDS = frozenset(
    """a about after an and are as at be been before but by for from had has have he her his in into is
    it its of on or over said say says she than that the their they this to was we were will with
    would""".split()
)
# ... with the demonstratives, wh-words and negations, whether two summary sentences repeat each other
# (comparison/summary.py) ...
COMMON_FUNCTION_WORDS = CORE_FUNCTION_WORDS | frozenset(
    """here i no not our them then there these those under what when where which who you""".split()
)
# ... and with the rest of English function words and reporting words, the lexical evidence of the
# same-claim model (comparison/similarity.py, which was fitted with it).
FUNCTION_WORDS = COMMON_FUNCTION_WORDS | frozenset(
    """above according again against all also am any because being below between both can could did do
    does done down during each few further having hers him how if it's just may me might more most
    must my nor off once only onto other out own per s same shall should so some such t tell theirs
    through told too until up us very via while whom whose why yet your""".split()
)

# Words that end the noun phrase a figure counts ("12,000 farms in the valley"): function words and the
# prepositions of a scope (nlp/figures).
NOUN_PHRASE_STOPS = (
    FUNCTION_WORDS
    - frozenset(
        """above again am any because below done few further having here hers him how i it's me most nor
        once other own s same shall such t tell theirs too very via what why""".split()
    )
) | frozenset("across along among around every including near now since still within without".split())

# Words that make up a sixth or more of any ordinary English text and are rare in every other likely language:
# such a text is English without asking lingua, which costs ~1 ms an article. Over SemEval 2022 task 8's
# news articles of 40 words or more, these make up at most 8.5 % of a German, Italian, Spanish, French,
# Polish, Russian, Turkish or Arabic text's words, and at least 16 % of all but 1 % of GVA's English ones.
ENGLISH_MARKER_WORDS = frozenset(
    "the and of to in is was that for with on said he his her she it at by from has have had been were are "
    "who which their they this will would after but not".split()
)

# What is left of a negative contraction once its apostrophe splits it ("don't" -> "don").
CONTRACTION_STEMS = frozenset(
    "don didn doesn isn wasn aren weren won couldn wouldn shouldn hasn haven hadn ain".split()
)
