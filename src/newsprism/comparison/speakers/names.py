"""Names read off capitalised runs: titles, honorifics and particles apart; one speaker spelled two ways."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from newsprism.nlp.strings import edit_distance

# Capitalised words, with initials and honorifics ("Mr. Steele", "J. K. Rowling") and name particles.
_NAME_TOKEN = r"[A-Z][\w'’-]*(?:\.(?=\s+[A-Z]))?"
_PARTICLE = r"(?:de|del|della|der|den|van|von|da|di|du|dos|das|la|le|bin|ibn|al|el)"
NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN})*")
TRAILING_NAME_RUN = re.compile(rf"(?:{_NAME_TOKEN}\s+(?:{_PARTICLE}\s+)?)*{_NAME_TOKEN}$")
WORD = re.compile(r"[\w'’-]+")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
# Where the noun phrase after an inverted verb ends: "said Kestel at the press centre", "said X, who …".
_PHRASE_END = re.compile(
    r"\s+(?:who|whose|which|as|when|while|after|before|during|at|in|on|from|to|with|adding|saying|"
    r"because|since|though|although)\b|\s+(?:and|but)\s+(?![A-Z])|\s+(?:of|for)\s+(?=[a-z])|\s+\d"
)
_PREPOSITION = re.compile(r"\s+(?:of|for|at|with|from|in|on|to|by|about)\s+")
PRONOUN_GENDERS = {"he": "m", "she": "f"}
PRONOUN_WORDS = frozenset("he she it they we i you".split())
MAX_NAME_WORDS = 6
MAX_NAME_EDITS = 2  # "Tariq Haddadi" / "Tareq Hadadi" are two edits apart

HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
    "miss": "f", "dame": "f", "lady": "f", "madam": "f", "dr": None, "dr.": None, "prof": None,
    "prof.": None, "mx": None, "mx.": None,
}  # fmt: skip
TITLE_HEADS = frozenset(
    "minister mayor president secretary commissioner chief governor senator sen. rep. representative "
    "congressman congresswoman judge justice general gen. colonel col. captain capt. sergeant sgt. "
    "lieutenant lt. admiral commander inspector superintendent supt. detective det. constable sheriff "
    "director chairman chairwoman chairperson chair leader spokesman spokeswoman spokesperson ambassador "
    "envoy chancellor premier king queen prince princess pope bishop archbishop cardinal rabbi imam "
    "reverend rev. sheikh professor head boss speaker councillor councilor councilman councilwoman "
    "alderman coach manager executive ceo treasurer attorney prosecutor deputy mp lawmaker legislator "
    "diplomat adviser advisor aide counsel dean principal founder officer official commandant "
    "superintendent marshal emir sultan father gov gov. lt gen col sgt capt atty atty. supt det insp "
    "insp. cmdr cmdr. adm adm. maj maj. pres pres. rev hon hon. fr fr. secretary-general whip".split()
)
_TITLE_MODIFIERS = frozenset(
    "assistant deputy vice foreign interior prime attorney general state defense defence finance home "
    "justice chief executive senior acting former first majority minority ranking police civil".split()
)
_PARTY_MEMBERS = frozenset("democrat republican independent conservative liberal socialist".split())
# Capitalised words that mark an organisation or a place, not a person.
ORG_WORDS = frozenset(
    "union agency ministry department council committee party police court bank company corporation "
    "corp inc ltd plc llc group association alliance wire times gazette news post service office "
    "authority commission army forces force navy square street road row avenue lane bridge river dam "
    "hall airport port university college school hospital club institute foundation fund organisation "
    "organization federation parliament senate congress house government administration board centre "
    "center trust network logistics press valley lake mountain park city county province district region "
    "republic kingdom state states church cathedral museum market station terminal harbour harbor quay "
    "bay island sea ocean coast star courier clarion journal tribune herald telegraph review magazine "
    "radio television channel capital reserve command guard conference summit program programme show "
    "campaign coalition caucus convention institution society league".split()
)
# Capitalised words that open a sentence or a run without being part of a name.
_NOT_NAME_WORDS = frozenset(
    "of state the a an this that these those in on at for but and or if when while after before as since "
    "with from by to he she it they we i you his her its their our my your there here then now so yet "
    "however meanwhile according plus also still even just only today tonight yesterday tomorrow last "
    "next other asked some many most both each one two three four five several "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_TITLE_WORDS = TITLE_HEADS | _TITLE_MODIFIERS | _NOT_NAME_WORDS


@dataclass(frozen=True)
class ReadName:
    """A name read off a capitalised run: its tokens, the title before it, gender from an honorific."""

    tokens: tuple[str, ...]
    title: str = ""
    honorific: bool = False
    gender: str | None = None

    @property
    def titled(self) -> bool:
        return bool(self.title) or self.honorific


def read_name(phrase: str, inverted: bool = False) -> ReadName:
    """The name at the end of a phrase, titles and honorifics apart ("Mayor Mirela Sandor").

    After an inverted verb the phrase ends where a clause starts ("said Kestel at the press centre");
    before a verb the name is the one right before it ("shortly after Santorum told voters").
    """
    if inverted:
        phrase = _PHRASE_END.split(phrase, maxsplit=1)[0]
    phrase = phrase.strip(" .,;:!?\"'")
    if phrase[:1].islower():  # "the director for Rep. Stephen Fincher": Fincher is not its head
        phrase = _PREPOSITION.split(phrase, maxsplit=1)[0]
    place = re.split(r"\s+of\s+(?=[A-Z])", phrase, maxsplit=1)
    if len(place) == 2:  # "Representative Mike Thompson of California"
        before_place = read_name(place[0], inverted)
        if before_place.tokens:
            return before_place
    run = TRAILING_NAME_RUN.search(phrase)
    if run is None:
        return ReadName(())
    return strip_titles(run.group().split())


def strip_titles(tokens: list[str]) -> ReadName:
    """Drop leading non-name words, honorifics and titles ("Interior Minister Tariq Haddadi")."""
    tokens = [POSSESSIVE.sub("", token) if i == len(tokens) - 1 else token for i, token in enumerate(tokens)]
    while tokens and tokens[0].casefold() in _NOT_NAME_WORDS:
        tokens = tokens[1:]
    title, honorific, gender = "", False, None
    last_title = max((i for i, t in enumerate(tokens[:-1]) if t.casefold() in TITLE_HEADS), default=-1)
    if last_title >= 0:
        title, tokens = " ".join(tokens[: last_title + 1]), tokens[last_title + 1 :]
    while len(tokens) > 1 and tokens[0].casefold() in HONORIFICS:
        honorific, gender = True, HONORIFICS[tokens[0].casefold()] or gender
        tokens = tokens[1:]
    if all(token.casefold() in _TITLE_WORDS for token in tokens):
        tokens = []  # "the Mayor", "Assistant Secretary"
    elif tokens and tokens[-1].casefold() in _PARTY_MEMBERS:
        tokens = []  # "the West Virginia Democrat"
    return ReadName(tuple(token for token in tokens if token), title, honorific, gender)


def is_organisation(name: Sequence[str]) -> bool:
    return any(token.casefold().strip("'’") in ORG_WORDS for token in name)


def same_person(first: str, second: str) -> bool:
    """Tell whether two speaker names may be one person spelled two ways ("Tariq Haddadi", "Tareq Hadadi")."""
    a, b = _name_key(first), _name_key(second)
    if not a or not b:
        return False
    if a == b or set(a) <= set(b) or set(b) <= set(a) or a[-1] == b[-1]:
        return True
    return edit_distance(" ".join(a), " ".join(b)) <= MAX_NAME_EDITS


def _name_key(name: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return tuple(word for word in re.findall(r"[a-z0-9]+", plain) if word not in HONORIFICS)
