"""Titles and honorifics: the words before a name that say what office a person holds or how to address
them. Compared lower-cased without a final period (`title_key`): "Sen." is "sen"."""

from __future__ import annotations

from collections.abc import Sequence

# Forms of address, and the gender each implies (None: either).
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f",
    "madam": "f", "dr": None, "prof": None, "mx": None,
}  # fmt: skip
# Forms of address that are nothing else: "miss", "sir" or "lord" are also ordinary words.
ADDRESS_ABBREVIATIONS = frozenset("mr mrs ms mx dr prof".split())
# "Lady" and "Madam" also stand in names and as nouns ("Lady Gaga", "the first lady"): named-entity spans
# keep them.
NAME_HONORIFICS = frozenset(HONORIFICS) - {"lady", "madam"}

# The head word of a title: "Interior Minister", "Police Commissioner", "Gen.". Two readers use heads: the
# clean-up of named-entity spans and the labels of entities take TITLE_HEADS (offices and ranks); the
# attributions of quotations take ATTRIBUTION_TITLE_HEADS, which adds roles written as a title before a
# speaker's name ("Coach X", "Gov. X", "Executive Director X") and leaves out some ranks. Each was tuned
# on its own task; reconciling them changes outputs and is to be measured, not assumed.
_SHARED_TITLE_HEADS = frozenset(
    """admiral ambassador archbishop attorney bishop boss capt captain cardinal ceo chair chairman
    chairwoman chancellor chief col colonel commander commissioner congressman congresswoman
    constable councillor councilman councilwoman counsel detective director envoy gen general
    governor head imam inspector judge justice king leader lieutenant lt maj mayor minister mp
    officer pope premier president prince princess professor prosecutor queen rabbi rep
    representative rev reverend secretary sen senator sergeant sgt sheikh sheriff speaker spokesman
    spokesperson spokeswoman superintendent supt""".split()
)
TITLE_HEADS = _SHARED_TITLE_HEADS | frozenset(
    """coroner corporal cpl emperor investigator magistrate major ministers pastor president-elect
    prime-minister solicitor trooper""".split()
)
ATTRIBUTION_TITLE_HEADS = _SHARED_TITLE_HEADS | frozenset(
    """adm adviser advisor aide alderman atty chairperson cmdr coach commandant councilor dean deputy
    det diplomat emir executive father founder fr gov hon insp lawmaker legislator manager marshal
    official pres principal secretary-general sultan treasurer whip""".split()
)

# Words a title head may carry before it: "Foreign Minister", "Vice President", "Acting Police Chief".
_SHARED_TITLE_MODIFIERS = frozenset(
    """acting assistant chief defence defense deputy executive finance first foreign former home
    interior justice police prime senior state vice""".split()
)
TITLE_MODIFIERS = _SHARED_TITLE_MODIFIERS | frozenset(
    """agriculture army city culture district economy education energy environment grand health
    incoming interim junior labor labour managing military opposition outgoing party special supreme
    trade transport treasury union""".split()
)
ATTRIBUTION_TITLE_MODIFIERS = _SHARED_TITLE_MODIFIERS | frozenset(
    """attorney civil general majority minority ranking""".split()
)
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
ATTRIBUTION_TITLE_WORDS = ATTRIBUTION_TITLE_HEADS | ATTRIBUTION_TITLE_MODIFIERS

# What an office is "of" when it is named by its portfolio: "Secretary of State", "Minister of Foreign
# Affairs", "Secretary of Health and Human Services", "Chief of Staff", "Director of National Intelligence".
PORTFOLIO_WORDS = frozenset(
    """affairs agriculture air armed army commerce communications culture defence defense development
    economy education energy environment external finance fisheries foreign forces health home homeland
    housing human immigration industry information intelligence interior internal justice labor labour
    national navy police public safety security services staff state trade transport transportation
    treasury urban veterans war""".split()
)
# Words that may join portfolio words inside such a title: "Health and Human Services", "of the Navy".
_PORTFOLIO_JOINERS = frozenset({"and", "&"})
_OFFICE_HEADS = TITLE_HEADS | ATTRIBUTION_TITLE_HEADS


def office_title_length(words: Sequence[str]) -> int:
    """How many of the leading words name an office by its portfolio ("Secretary of State"), or 0.

    ["Secretary", "of", "Defense", "Lloyd", "Marsh"] -> 3; "the" may follow "of" ("Secretary of the Navy").
    """
    if len(words) < 3 or title_key(words[0]) not in _OFFICE_HEADS or words[1] != "of":
        return 0
    index = 3 if words[2] == "the" else 2
    end = 0
    while index < len(words):
        word = words[index]
        if word.casefold() in PORTFOLIO_WORDS:
            index += 1
            end = index
        elif word in _PORTFOLIO_JOINERS and end == index:
            index += 1
        else:
            break
    return end


# Members of a party named by it: "the West Virginia Democrat" is a title, not a name.
PARTY_MEMBERS = frozenset("democrat republican independent conservative liberal socialist".split())


def title_key(word: str) -> str:
    """How title words are compared: lower-cased, without a final period ("Sen." -> "sen")."""
    return word.lower().rstrip(".")
