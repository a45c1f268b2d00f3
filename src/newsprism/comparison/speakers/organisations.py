"""Organisations that speak: "a defence ministry statement said", "the ministry said", "it said"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.comparison.speakers.attribution import Attribution
from newsprism.comparison.speakers.names import MAX_NAME_WORDS, POSSESSIVE, is_organisation, name_runs
from newsprism.lang.en.organisations import INSTITUTION_WORDS, MOUTHPIECE_NOUNS, ORG_HEADS
from newsprism.lang.en.people import GROUP_NOUNS
from newsprism.lang.en.stop_words import FUNCTION_WORDS
from newsprism.nlp.ner import Mention

Position = tuple[int, int]  # (sentence index, character offset in the sentence)

_DETERMINER = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
# "a statement from the defence ministry", "a spokesman for the Pentagon": the body after the preposition.
_SOURCE_OF = re.compile(
    rf"^(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:{'|'.join(sorted(MOUTHPIECE_NOUNS))})\s+"
    r"(?:from|for|by|of|at|issued\s+by)\s+(?P<body>.+)$",
    re.IGNORECASE,
)
_TRAILING_STATEMENT = re.compile(rf"\s+(?:{'|'.join(sorted(MOUTHPIECE_NOUNS))})$", re.IGNORECASE)
_BODY_HEADS = (ORG_HEADS | INSTITUTION_WORDS) - GROUP_NOUNS
# Function words that stand in no organisation's name, unlike "of", "and", "for" ("ministry of defence").
_NOT_IN_BODY_NAMES = FUNCTION_WORDS - {"of", "and", "for"}
_IT = frozenset({"it"})
# People whose words are their body's: its spokespeople and board members, not its leaders, whose words
# outlets give as their own.
_VOICE = r"(?:spokesman|spokeswoman|spokesperson|press secretary|(?:advisory\s+)?board member)"
# "Hana Abed, a spokeswoman for the Harbour Authority" / "advisory board member for Harbour Watch".
_VOICE_FOR = re.compile(rf"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?{_VOICE}\s+(?:for|of|at|with)\s+(?P<body>.+)$")
# "Harbour Authority spokeswoman Hana Abed": the body before the role, the name after it.
_BODY_VOICE = re.compile(rf"^(?:(?:a|an|the)\s+)?(?P<body>.+?)(?:['’]s)?\s+{_VOICE}\s+[A-Z]")


@dataclass(frozen=True)
class _Named:
    """An organisation the article names, and where."""

    name: str
    at: Position


def read_body(phrase: str) -> str | None:
    """The organisation a phrase next to a speech verb names, as written, or None.

    "a defence ministry statement" -> "defence ministry"; "a statement from the Kessarian Defence Ministry"
    -> "Kessarian Defence Ministry"; "officials", "a senior official", "the mayor" -> None.
    """
    phrase = phrase.strip(" .,;:!?\"'")
    source = _SOURCE_OF.match(phrase)
    if source:
        phrase = source["body"]
    phrase = _TRAILING_STATEMENT.sub("", _DETERMINER.sub("", phrase))
    words = phrase.split()
    if not words or len(words) > MAX_NAME_WORDS or not all(re.fullmatch(r"[\w.&'’-]+", w) for w in words):
        return None
    if any(word.casefold() in _NOT_IN_BODY_NAMES for word in words):
        return None  # a clause, not a name: "a point the media office", "a statement released by each office"
    if POSSESSIVE.sub("", words[-1]).casefold() not in _BODY_HEADS:
        return None
    return POSSESSIVE.sub("", phrase)  # "the Harbour Workers Union's resolution" -> its union


class Organisations:
    """The organisations one article names, to tell which one "the ministry" or "it" means."""

    def __init__(self, sentences: Sequence[str], mentions: Sequence[Sequence[Mention]] = ()) -> None:
        self._named: list[_Named] = []
        self._entities: list[_Named] = []  # only what the named-entity model calls organisations
        for index, sentence in enumerate(sentences):
            # A mention blanked out of the (masked) sentence stands inside a quotation: no antecedent.
            found = {
                mention.start: mention.text
                for mention in (mentions[index] if index < len(mentions) else ())
                if mention.label == "ORG" and sentence[mention.start : mention.end] == mention.text
            }
            self._entities += [_Named(name, (index, start)) for start, name in sorted(found.items())]
            for start, end in name_runs(sentence):
                if is_organisation(sentence[start:end].split()):
                    found.setdefault(start, _DETERMINER.sub("", sentence[start:end]))
            self._named += [_Named(name, (index, start)) for start, name in sorted(found.items())]
        self._spoke: list[_Named] = []

    def resolve(self, attribution: Attribution, at: Position) -> str | None:
        """The organisation an attribution names: the fullest name the article gives it, or its words.

        Next to the verb, a phrase ("the defence ministry said"); else, as for people, a name opening the
        clause ("The Tea Party Coalition issued a resolution, accusing …").
        """
        if attribution.phrases and attribution.phrases[0].strip(" ,").casefold() in _IT:
            return self._last_spoken(at)
        phrases = [*attribution.phrases[:1], *attribution.fallback_names]
        body = next(filter(None, (read_body(p) or self._named_body(p, at) for p in phrases)), None)
        if body is None:
            return None
        named = self._named_as(body, at)
        if named is None and len(body.split()) == 1 and body.islower():
            return None  # "the ministry", "the group": which one, the article must say
        return named or body

    def spoken_for(self, attribution: Attribution, at: Position) -> str | None:
        """The body whose spokesperson the attribution names: "said Hana Abed, a spokeswoman for the
        Harbour Authority" -> "Harbour Authority", as the article names it in full."""
        for phrase in attribution.phrases:
            phrase = phrase.strip(" .,;:!?\"'")
            match = _VOICE_FOR.match(phrase) or _BODY_VOICE.match(phrase)
            body = match["body"].strip() if match else ""
            if body:
                # Its full name from before the quotation, else as the attribution's own sentence names it.
                body = _DETERMINER.sub("", body)
                named = self._named_as(body, at) or self._named_as(body, (at[0] + 1, 0))
                if named is not None or read_body(body) is not None:
                    return named or read_body(body)
        return None

    def add_speaker(self, name: str, at: Position) -> None:
        """Record that the organisation `name` spoke at `at` ("it said" after it means it)."""
        self._spoke.append(_Named(name, at))

    def _named_body(self, phrase: str, at: Position) -> str | None:
        """The phrase as an organisation the article names by this very name up to `at`'s sentence, with
        no head word to tell it ("The NAACP issued a statement: …", "Harbour Watch's resolution said")."""
        words = _TRAILING_STATEMENT.sub("", _DETERMINER.sub("", phrase.strip(" .,;:!?\"'"))).split()
        if not words:
            return None
        wanted = " ".join([*words[:-1], POSSESSIVE.sub("", words[-1])]).casefold()
        named = (named.name for named in self._entities if named.at[0] <= at[0])
        return next((name for name in named if name.casefold() == wanted), None)

    def _named_as(self, body: str, at: Position) -> str | None:
        """The latest organisation named before `at` whose name holds every word of `body`."""
        wanted = {POSSESSIVE.sub("", word).casefold() for word in body.split()}
        earlier = [named for named in self._named if named.at < at]
        for named in reversed(earlier):
            if wanted <= {word.casefold() for word in named.name.split()}:
                return named.name
        return None

    def _last_spoken(self, at: Position) -> str | None:
        """ "it said": the organisation that spoke last, in this sentence or the one before."""
        earlier = [spoke for spoke in self._spoke if spoke.at < at and at[0] - spoke.at[0] <= 1]
        return earlier[-1].name if earlier else None
