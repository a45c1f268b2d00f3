"""Figures stated in a sentence (counts, money, shares, measures, ages) and the range each phrase implies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsprism.nlp.temporal import extract_dates

FigureKind = Literal["count", "money", "percent", "measure", "duration", "age"]

# --- Lexicons -----------------------------------------------------------------------------------

_SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
# "thousands" means at least two thousand and fewer than ten thousand; "dozens" at least two dozen.
_VAGUE_PLURALS = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2e3, 9999.0),
                  "millions": (2e6, 9.99e8), "billions": (2e9, 9.99e11)}  # fmt: skip
_VAGUE_COUNTS = {"a few": (2, 5), "several": (3, 9), "a couple of": (2, 3), "a handful of": (2, 5)}

# Qualifier -> how it bounds the number: (low factor, high factor); None means unbounded that way.
_ABOUT = (0.9, 1.1)
_QUALIFIERS: dict[str, tuple[float | None, float | None]] = {
    **dict.fromkeys(
        ["more than", "over", "above", "upwards of", "in excess of", "at least", "no fewer than",
         "no less than", "not less than", "well over", "well above", "far more than", "exceeding",
         "a minimum of", "minimum of"],
        (1.0, None),
    ),
    **dict.fromkeys(["just over", "just above", "slightly more than", "a little over", "just more than"],
                    (1.0, 1.1)),
    **dict.fromkeys(
        ["fewer than", "less than", "under", "below", "up to", "at most", "no more than", "not more than",
         "as many as", "as much as", "a maximum of", "maximum of", "as few as"],
        (None, 1.0),
    ),
    **dict.fromkeys(
        ["nearly", "almost", "close to", "just under", "just below", "just shy of", "just short of",
         "approaching", "not quite", "slightly less than", "slightly fewer than"],
        (0.9, 1.0),
    ),
    **dict.fromkeys(
        ["about", "around", "some", "roughly", "approximately", "approx", "an estimated", "estimated",
         "circa", "an approximate", "more or less", "in the region of", "an average of", "on average"],
        _ABOUT,
    ),
    **dict.fromkeys(["exactly", "precisely", "only", "just", "a total of", "total of", "all"], (1.0, 1.0)),
}  # fmt: skip
_MAX_QUALIFIER_WORDS = 4

_CURRENCY_SYMBOLS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₹": "rupees"}
_CURRENCY_CODES = {"usd": "dollars", "eur": "euros", "gbp": "pounds", "jpy": "yen", "chf": "francs"}
_DOLLAR_PREFIXES = frozenset({"US", "A", "C", "HK", "NZ", "S"})
_CURRENCY_WORDS = {
    **dict.fromkeys(["dollars", "dollar"], "dollars"), **dict.fromkeys(["euros", "euro"], "euros"),
    **dict.fromkeys(["pounds", "pound", "sterling"], "pounds"), "yen": "yen",
    **dict.fromkeys(["yuan", "renminbi"], "yuan"), **dict.fromkeys(["rupees", "rupee"], "rupees"),
    **dict.fromkeys(["roubles", "rubles", "rouble", "ruble"], "roubles"),
    **dict.fromkeys(["pesos", "peso"], "pesos"), **dict.fromkeys(["marks", "mark"], "marks"),
    **dict.fromkeys(["crowns", "crown", "koruna", "kronor", "kroner", "krona", "krone"], "crowns"),
    **dict.fromkeys(["francs", "franc"], "francs"), **dict.fromkeys(["shillings", "shilling"], "shillings"),
    "rand": "rand", "naira": "naira", "lira": "lira", "zloty": "zloty",
    **dict.fromkeys(["shekels", "shekel"], "shekels"), **dict.fromkeys(["dinars", "dinar"], "dinars"),
    **dict.fromkeys(["dirhams", "dirham"], "dirhams"), **dict.fromkeys(["riyals", "riyal"], "riyals"),
    **dict.fromkeys(["cents", "cent"], "cents"), "pence": "pence", "p": "pence",
}  # fmt: skip
_MEASURE_UNITS = {
    **dict.fromkeys(["metres", "meters", "metre", "meter", "m"], "m"),
    **dict.fromkeys(["kilometres", "kilometers", "kilometre", "kilometer", "km", "kms"], "km"),
    **dict.fromkeys(["centimetres", "centimeters", "centimetre", "centimeter", "cm"], "cm"),
    **dict.fromkeys(["millimetres", "millimeters", "millimetre", "millimeter", "mm"], "mm"),
    **dict.fromkeys(["miles", "mile"], "miles"), **dict.fromkeys(["feet", "foot", "ft"], "ft"),
    **dict.fromkeys(["inches", "inch"], "inches"),
    **dict.fromkeys(["kilograms", "kilogrammes", "kilogram", "kilos", "kg"], "kg"),
    **dict.fromkeys(["tonnes", "tonne", "tons", "ton"], "tonnes"),
    **dict.fromkeys(["litres", "liters", "litre", "liter"], "litres"),
    **dict.fromkeys(["gallons", "gallon"], "gallons"), **dict.fromkeys(["hectares", "hectare", "ha"], "ha"),
    **dict.fromkeys(["acres", "acre"], "acres"), **dict.fromkeys(["degrees", "degree"], "degrees"),
    "mph": "mph", **dict.fromkeys(["knots", "knot"], "knots"),
    **dict.fromkeys(["barrels", "barrel"], "barrels"), **dict.fromkeys(["megawatts", "megawatt", "mw"], "MW"),
    "magnitude": "magnitude",
}  # fmt: skip
_COMPOUND_MEASURES = {
    ("cubic", "metres"): "m3", ("cubic", "meters"): "m3", ("cubic", "metre"): "m3",
    ("square", "kilometres"): "km2", ("square", "kilometers"): "km2", ("square", "km"): "km2",
    ("sq", "km"): "km2", ("square", "miles"): "sq mi", ("square", "metres"): "m2", ("square", "meters"): "m2",
    ("degrees", "celsius"): "°C", ("degrees", "fahrenheit"): "°F", ("km", "h"): "km/h",
}  # fmt: skip
_DURATION_UNITS = {
    **dict.fromkeys(["seconds", "second", "secs"], "seconds"),
    **dict.fromkeys(["minutes", "minute", "mins"], "minutes"),
    **dict.fromkeys(["hours", "hour", "hrs"], "hours"),
    **dict.fromkeys(["days", "day"], "days"), **dict.fromkeys(["nights", "night"], "nights"),
    **dict.fromkeys(["weeks", "week"], "weeks"), **dict.fromkeys(["months", "month"], "months"),
    **dict.fromkeys(["years", "year"], "years"), **dict.fromkeys(["decades", "decade"], "decades"),
    **dict.fromkeys(["centuries", "century"], "centuries"),
}  # fmt: skip
_RATE_PERIODS = {"second": "s", "minute": "min", "hour": "h", "day": "day", "week": "week", "month": "month",
                 "year": "year"}  # fmt: skip
# Words a number joins with a hyphen to make an adjective: "a 300-metre section", "a two-day strike".
_ADJECTIVE_UNITS = {**_DURATION_UNITS, **{k: v for k, v in _MEASURE_UNITS.items() if len(k) > 2}}

# Counted nouns: noun -> (normalised unit, group). Group "people" is the generic one.
_COUNTED_NOUNS: dict[str, tuple[str, str | None]] = {
    **{w: ("people", "people") for w in
       ["people", "persons", "person", "individuals", "victims", "casualties"]},
    **{w: ("residents", "population") for w in ["residents", "resident", "inhabitants"]},
    **{w: (w if w.endswith("s") else w + "s", "population") for w in
       ["locals", "villagers", "townspeople", "citizens", "families", "households", "evacuees", "homeowners",
        "civilians", "refugees", "migrants", "tenants", "pensioners"]},
    "family": ("families", "population"), "household": ("households", "population"),
    **{w: (w, "crowd") for w in
       ["protesters", "protestors", "demonstrators", "marchers", "rioters", "activists", "supporters",
        "strikers", "dockworkers", "dockers", "workers", "unionists", "participants", "mourners", "fans",
        "students"]},
    **{w: ("officers" if "officer" in w else w, "security") for w in
       ["officers", "officer", "policemen", "policewomen", "soldiers", "troops", "servicemen", "guards",
        "firefighters", "rescuers", "police"]},
    **{w: ("farms" if w.startswith("farm") and not w.startswith("farmer") else "farmers", "farming")
       for w in ["farms", "farm", "farmers", "farmer", "growers"]},
    **{w: ("killed", "people") for w in ["dead", "deaths", "killed", "fatalities", "bodies"]},
    **{w: ("injured", "people") for w in ["injured", "wounded", "injuries", "hurt"]},
    **{w: ("missing", "people") for w in ["missing"]},
    **{w: ("arrested", "people") for w in ["arrests", "detainees"]},
    **{w: ("homeless", "population") for w in ["homeless", "displaced"]},
    **{w: ("homes", "buildings") for w in
       ["homes", "houses", "buildings", "dwellings", "flats", "apartments"]},
    **{w: (w if w.endswith(("s", "n", "f")) else w + "s", None) for w in
       ["children", "women", "men", "journalists", "journalist", "tourists", "passengers", "patients",
        "staff", "employees", "jobs", "boats", "vehicles", "cars", "vans"]},
    "child": ("children", None), "woman": ("women", None), "man": ("men", None),
}  # fmt: skip
_IRREGULAR_PLURALS = frozenset({"people", "police", "staff", "personnel", "cattle", "sheep", "livestock",
                                "children", "women", "men", "dead", "injured", "wounded", "missing",
                                "homeless", "displaced", "crew"})  # fmt: skip
_NOUN_PHRASE_STOPS = frozenset(
    "of in on at from to for with by and or but as than per the a an their its his her our your my this "
    "these those that which who whom whose were was are is be been being had have has will would could "
    "should can may might must said say says told including among across along near into onto over under "
    "after before during while when where if so not no also each every both all some more about around do "
    "did does there then still now yet just only since until up down out off against between through "
    "without within according they we he she it them us you".split()
)
_NOUN_MODIFIERS = frozenset(
    "police army security farm farming dock rescue aid relief emergency fire riot".split()
)
_SCOPE_PREPOSITIONS = frozenset("of on in from across along near at throughout outside inside within".split())
_SCOPE_DETERMINERS = frozenset("the both its their all this that each whole entire".split())
_SCOPE_WORDS = frozenset(
    "north south east west northern southern eastern western central north-east north-west south-east "
    "south-west northeast northwest southeast southwest bank banks side sides region regions province "
    "provinces district districts city cities town towns village villages country countries area areas "
    "valley coast coastal border island islands capital state states county counties suburb suburbs "
    "quarter neighbourhood neighborhood camp camps zone zones strip river shore estate municipality rural "
    "urban nearby local surrounding flooded affected upper lower old new inner outer whole entire".split()
)
_LABEL_WORDS = frozenset(
    "no nos number room page pages line route flight platform gate chapter article section paragraph "
    "version grade level category phase stage row seat channel bus highway box code unit apartment flat "
    "suite floor ward lot block item exhibit act verse copyright".split()
)
_STREET_SUFFIXES = frozenset(
    "street st road rd avenue ave lane boulevard blvd drive way place square court terrace highway row "
    "close crescent parade quay embankment".split()
)
_GLUED_SUFFIXES = (
    frozenset({"%", "+"})
    | _SUFFIX_SCALES.keys()
    | {"km", "kg", "cm", "mm", "mph", "ft", "mw", "pc", "p", "ha", "kms"}
)
_TIME_FOLLOWERS = frozenset({"am", "pm", "a.m", "p.m", "o'clock", "gmt", "bst", "utc", "cet", "est", "edt",
                             "pst", "hrs", "h"})  # fmt: skip
_DAY_PARTS = ("in the morning", "in the afternoon", "in the evening", "at night", "o'clock")
_CHANGE_VERBS = frozenset("rose risen rising increased climbed jumped fell dropped declined grew went "
                          "soared plunged revised raised lowered cut".split())  # fmt: skip
_AGE_LEADS = frozenset({"aged", "age", "ages"})
_PERSON_EVENTS = (
    (
        "killed",
        r"kill(?:ed|ing|s)?|dead|died|dies|dying"
        r"|deaths?(?!\s+(?:penalty|penalties|sentences?|row|threats?))"
        r"|death\s+toll|toll|fatalit(?:y|ies)|shot\s+(?:dead|to\s+death)"
        r"|lost\s+their\s+lives|perished|bodies|slain",
    ),
    (
        "injured",
        r"injur(?:ed|ing|ies|y)|wounded|wounding|hurt|treated|hospitali[sz]ed"
        r"|taken\s+to\s+hospital|shot",
    ),
    ("arrested", r"arrest(?:ed|s|ing)?|detain(?:ed|ing)?|detentions?|in\s+custody|detainees"),
    ("missing", r"missing|unaccounted"),
    (
        "displaced",
        r"evacuat(?:ed|ion|ing|e)|evacuees|fled|flee(?:ing)?|displaced|forced\s+(?:from|out)"
        r"|moved\s+to\s+safety|homeless|shelters?|relocated|driven\s+from|left\s+their\s+homes",
    ),
    (
        "participated",
        r"march(?:ed|ing)?|joined|took\s+part|take\s+part|taking\s+part|attended|turned\s+out"
        r"|rall(?:ied|y)|gathered|protested|demonstrated|turnout|crowd",
    ),
    ("released", r"released|freed"),
    ("depend", r"depend(?:s|ing|ent)?|rel(?:y|ies|ied|ying)\s+on"),
)
_MONEY_EVENTS = (
    (
        "aid",
        r"aid|funding|funds?|reserve|relief|compensation|grants?|assistance|promised|pledged|approved"
        r"|release[ds]?|allocated|earmarked",
    ),
    ("cost", r"cost(?:s|ing)?|damages?|bill|losses"),
)
_EVENT_PATTERNS = {
    kind: [(event, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for event, pattern in table]
    for kind, table in (("count", _PERSON_EVENTS), ("money", _MONEY_EVENTS))
}
_EVENT_WINDOW_CHARS = 90
_PERSON_EVENT_NAMES = frozenset(event for event, _ in _PERSON_EVENTS)
_CASUALTY_EVENTS = frozenset({"killed", "injured", "arrested", "missing"})

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’.][^\W\d_]+)*|\S")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_PHONE = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w,]|\.\d)"
)
_YEAR_LIKE = re.compile(r"1[89]\d\d|20\d\d")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")


@dataclass(frozen=True)
class Figure:
    """A figure as written ("more than 4,000 residents of the north bank") and the range it allows."""

    text: str
    value: float  # the number as written; for "thousands" the least it can mean
    low: float | None  # None: no lower bound ("up to 40")
    high: float | None  # None: no upper bound ("more than 4,000")
    qualifier: str | None  # "more than", "about", "nearly", "between", "a few", ...
    unit: str | None  # normalised: "residents", "killed", "percent", "marks", "km", "m3/s", "years", "age"
    kind: FigureKind
    noun: str | None  # counted noun phrase as written ("terrified families"); for an age, the person
    scope: str | None  # qualifying phrase after the noun: "of the north bank", "on both banks"
    event: str | None  # what happened to what is counted: "killed", "arrested", "displaced", "aid", ...
    span: tuple[int, int]
    group: str | None = None  # broad class of what is counted: "people", "population", "crowd", "security"


class _Token:
    __slots__ = ("text", "lower", "start", "end", "glued")

    def __init__(self, text: str, start: int, end: int, glued: bool) -> None:
        self.text = text
        self.lower = text.lower()
        self.start = start
        self.end = end
        self.glued = glued

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdigit()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass
class _Draft:
    """A figure being read: mutable while its parts are found, frozen into a Figure at the end."""

    first: int  # token index of the first token (qualifier or currency included)
    last: int  # token index after the figure
    value: float
    low: float | None
    high: float | None
    qualifier: str | None = None
    kind: FigureKind = "count"
    unit: str | None = None
    noun: str | None = None
    scope: str | None = None
    group: str | None = None
    event: str | None = None
    vague: bool = False
    part_of_others: bool = False  # "41 of them", "three of those detained": part of a figure given elsewhere


def extract_figures(sentence: str) -> list[Figure]:
    """Every figure in the sentence, in order; years, dates, times, ordinals and phone numbers excluded."""
    return list(_extract_figures(sentence))


@lru_cache(maxsize=8192)
def _extract_figures(sentence: str) -> tuple[Figure, ...]:
    tokens = [
        _Token(match.group(0), match.start(), match.end(), glued=_glued(sentence, match.start()))
        for match in _TOKEN.finditer(sentence)
    ]
    blocked = _blocked_spans(sentence)
    drafts: list[_Draft] = []
    index = 0
    while index < len(tokens):
        draft = None
        if not any(start <= tokens[index].start < end for start, end in blocked):
            draft = _read_figure(sentence, tokens, index)
        if draft is None:
            index += 1
            continue
        if drafts and drafts[-1].kind == "age" and _continues_list(tokens, drafts[-1].last, draft.first):
            draft.kind, draft.unit, draft.noun, draft.group, draft.scope = "age", "age", None, None, None
            draft.last = draft.first + 1  # "ages 13, 17 and 19"
        drafts.append(draft)
        index = max(draft.last, index + 1)
    figures = []
    for position, draft in enumerate(drafts):
        previous_end = tokens[drafts[position - 1].last - 1].end if position else 0
        next_start = tokens[drafts[position + 1].first].start if position + 1 < len(drafts) else len(sentence)
        if draft.event is None and draft.kind in _EVENT_PATTERNS:
            draft.event = _event(sentence, tokens, draft, previous_end, next_start)
        if (
            draft.kind == "count"
            and draft.unit is None
            and not draft.part_of_others
            and (draft.event in _PERSON_EVENT_NAMES)
        ):
            # "killing 12", "thousands marched": the event says what is counted
            draft.unit = draft.event if draft.event in _CASUALTY_EVENTS else "people"
            draft.group = "people"
        start, end = tokens[draft.first].start, tokens[draft.last - 1].end
        if draft.unit is None and _YEAR_LIKE.fullmatch(sentence[start:end]):
            continue  # "I think 2014 was the safest": a bare four-digit number that counts nothing is a year
        low, high = _tidy(draft.low), _tidy(draft.high)
        figures.append(
            Figure(
                sentence[start:end],
                draft.value,
                low,
                high,
                draft.qualifier,
                draft.unit,
                draft.kind,
                draft.noun,
                draft.scope,
                draft.event,
                (start, end),
                draft.group,
            )  # fmt: skip
        )
    return tuple(figures)


def _glued(sentence: str, start: int) -> bool:
    return start > 0 and not sentence[start - 1].isspace()


def _tidy(bound: float | None) -> float | None:
    """Drop float noise from bounds: 3850.0000000000005 -> 3850.0."""
    return None if bound is None else float(f"{bound:.10g}")


def _continues_list(tokens: list[_Token], previous_end: int, first: int) -> bool:
    between = [token.lower for token in tokens[previous_end:first]]
    return bool(between) and all(word in (",", "and", "or") for word in between)


def _blocked_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans holding dates, years and phone numbers: their digits are not figures."""
    spans = [mention.span for mention in extract_dates(sentence, None) if mention.granularity != "week"]
    for match in _PHONE.finditer(sentence):
        text = match.group(0)
        digits = sum(character.isdigit() for character in text)
        separated = "-" in text or "(" in text or text.startswith(("+", "0")) or text.count(" ") >= 2
        if digits >= 7 and separated:
            spans.append(match.span())
    return spans


# --- Reading one figure -------------------------------------------------------------------------


def _read_figure(sentence: str, tokens: list[_Token], index: int) -> _Draft | None:
    currency, number_index = _currency_at(tokens, index)
    token = tokens[number_index]
    is_number = token.is_digits or _word_value(token.lower) is not None or _starts_word_number(tokens, index)
    if currency is None and not is_number:
        return None
    if _excluded_before(tokens, index):
        return None
    draft = _read_number(tokens, number_index)
    if draft is None:
        return None
    draft.first = index
    if currency:
        draft.kind, draft.unit = "money", currency
    if _excluded_after(sentence, tokens, draft):
        return None
    age = _read_age(tokens, draft)
    if age is not None:
        return age
    if _after_change_verb_from(tokens, draft):
        return None  # the old value in "rose from 12 to 15": the figure is the 15
    _read_range(tokens, draft)
    _read_qualifier(tokens, draft)
    _apply_post_qualifier(tokens, draft)
    if not _read_unit(tokens, draft):
        return None
    return draft


def _currency_at(tokens: list[_Token], index: int) -> tuple[str | None, int]:
    """A currency sign or code before a number: '$4.2bn', 'US$5', 'EUR 40 million'."""
    offset = 0
    if tokens[index].text in _DOLLAR_PREFIXES and _lower(tokens, index + 1) == "$":
        offset = 1 if tokens[index + 1].glued else 0
    sign = tokens[index + offset].text
    currency = _CURRENCY_SYMBOLS.get(sign) or (_CURRENCY_CODES.get(sign.lower()) if sign.isupper() else None)
    if currency is None or index + offset + 1 >= len(tokens) or not tokens[index + offset + 1].is_digits:
        return None, index
    return currency, index + offset + 1


def _starts_word_number(tokens: list[_Token], index: int) -> bool:
    lower = tokens[index].lower
    if lower in _VAGUE_PLURALS or lower in ("half", "dozen", "tens", "scores", "several"):
        return True
    if "-" in lower and lower.split("-")[0] in _SMALL_NUMBERS | _TENS.keys():
        return True
    following = _lower(tokens, index + 1)
    return lower in ("a", "an") and following in ("dozen", "hundred", "few", "couple", "handful", *_SCALES)


def _read_number(tokens: list[_Token], index: int) -> _Draft | None:
    """The number at `index` with any scale word; its range is exact unless the words are vague."""
    token = tokens[index]
    if token.is_digits:
        return _read_digits(tokens, index)
    vague = _read_vague(tokens, index)
    if vague is not None:
        return vague
    if token.lower == "half" and _lower(tokens, index + 1) == "a" and _lower(tokens, index + 2) in _SCALES:
        value = 0.5 * _SCALES[_lower(tokens, index + 2)]
        return _Draft(index, index + 3, value, value, value)
    parsed = _read_number_words(tokens, index)
    if parsed is None:
        return None
    value, end, compound_unit = parsed
    draft = _Draft(index, end, value, value, value)
    if compound_unit == "age":
        draft.kind, draft.unit = "age", "age"
    elif compound_unit:
        draft.kind = "duration" if compound_unit in _DURATION_UNITS.values() else "measure"
        draft.unit = compound_unit
    if value == 1 and end == index + 1 and compound_unit is None:
        following = _lower(tokens, end)
        if not any(following in words for words in (_COUNTED_NOUNS, _DURATION_UNITS, _MEASURE_UNITS)):
            return None  # "one of them", "one senior official": a pronoun or an article, not a count
    return draft


def _read_digits(tokens: list[_Token], index: int) -> _Draft | None:
    token = tokens[index]
    if not _DIGITS.fullmatch(token.text) or (token.text[0] == "0" and token.text[1:2].isdigit()):
        return None  # "1,2,3" or a code with a leading zero ("007", the "000" of a broken "22, 000")
    value = float(token.text.replace(",", ""))
    decimals = len(token.text.split(".")[1]) if "." in token.text else 0
    end = index + 1
    scale = 1.0
    following = tokens[end] if end < len(tokens) else None
    if following is not None and following.glued and following.lower in _SUFFIX_SCALES:
        if following.lower != "m" or _m_means_million(tokens, index):
            scale = _SUFFIX_SCALES[following.lower]
            end += 1
    elif following is not None and following.lower in _SCALES:
        scale = _SCALES[following.lower]
        end += 1
    elif following is not None and following.lower == "dozen":
        scale = 12.0
        end += 1
    if scale == 1.0:
        return _Draft(index, end, value, value, value)
    # "1.2 million" is rounded to a tenth of a million; "12 million" to a million.
    half_step = 0.5 * scale * 10.0**-decimals
    return _Draft(index, end, value * scale, value * scale - half_step, value * scale + half_step)


def _m_means_million(tokens: list[_Token], index: int) -> bool:
    """'£4.5m' and '4.5m people' are millions; 'a 6m wall' and '6m high' are metres."""
    before = tokens[index - 1] if index else None
    if before is not None and (before.text in _CURRENCY_SYMBOLS or before.lower in _CURRENCY_CODES):
        return True
    after = _lower(tokens, index + 2)
    return after in _COUNTED_NOUNS or after in _CURRENCY_WORDS or _looks_plural(after)


def _read_vague(tokens: list[_Token], index: int) -> _Draft | None:
    """'thousands', 'tens of thousands', 'a few hundred', 'dozens', 'scores of'."""
    lower = tokens[index].lower
    of_plural = _lower(tokens, index + 2) if _lower(tokens, index + 1) == "of" else ""
    if lower in ("tens", "hundreds") and of_plural in ("thousands", "millions"):
        scale = (1e3 if of_plural == "thousands" else 1e6) * (10 if lower == "tens" else 100)
        return _Draft(index, index + 3, 2 * scale, 2 * scale, 10 * scale - 1, vague=True)
    if lower in _VAGUE_PLURALS:
        low, high = _VAGUE_PLURALS[lower]
        return _Draft(index, index + 1, low, low, high, vague=True)
    if lower == "scores" and _lower(tokens, index + 1) == "of":
        return _Draft(index, index + 1, 40, 40, 199, vague=True)
    for phrase, (few_low, few_high) in _VAGUE_COUNTS.items():
        words = phrase.split()
        if [_lower(tokens, index + offset) for offset in range(len(words))] == words:
            scale_word = _lower(tokens, index + len(words))
            scale_or_none = _SCALES.get(scale_word) or {"hundred": 100.0, "dozen": 12.0}.get(scale_word)
            if scale_or_none is None:
                return None
            scale = scale_or_none
            draft = _Draft(index, index + len(words) + 1, few_low * scale, few_low * scale,
                           (few_high + 1) * scale - 1, vague=True)  # fmt: skip
            draft.qualifier = phrase
            return draft
    return None


def _read_number_words(tokens: list[_Token], index: int) -> tuple[float, int, str | None] | None:
    """'twenty-three', 'a dozen', 'four thousand', 'two hundred and fifty', 'two-day', 'five-year-old'."""
    total = 0.0
    current = 0.0
    position = index
    previous = ""  # kind of the previous word: "small", "tens", "hundred", "scale"
    seen = False
    while position < len(tokens):
        lower = tokens[position].lower
        following = _lower(tokens, position + 1)
        if lower in ("a", "an") and not seen and following in ("hundred", "dozen", *_SCALES):
            current, seen, previous = 1.0, True, "small"
            position += 1
            continue
        parts = lower.split("-")
        if len(parts) > 1 and not seen:
            return _read_hyphenated_number(parts, position)
        value = _word_value(lower)
        if value is not None:
            if previous == "small" or (previous == "tens" and value >= 10):
                break
            if previous == "tens" and current % 100 % 10:
                break
            current += value
            previous = "tens" if lower in _TENS else "small"
        elif lower == "hundred" and seen and previous in ("small", "tens"):
            current = max(current, 1.0) * 100
            previous = "hundred"
        elif lower == "dozen" and (seen or position == index):
            current = max(current, 1.0) * 12
            previous = "scale"
        elif lower in _SCALES and seen and previous != "scale":
            total += max(current, 1.0) * _SCALES[lower]
            current = 0.0
            previous = "scale"
        elif lower == "and" and previous in ("hundred", "scale") and _word_value(following) is not None:
            position += 1
            continue
        else:
            break
        seen = True
        position += 1
    if not seen:
        return None
    return total + current, position, None


def _read_hyphenated_number(parts: list[str], position: int) -> tuple[float, int, str | None] | None:
    """'twenty-three' is a number; 'two-day' a duration; 'five-year-old' an age; 'one-off' nothing."""
    numeric = 0
    value = 0.0
    for part in parts:
        part_value = _word_value(part)
        if part_value is None:
            break
        value += part_value
        numeric += 1
    rest = parts[numeric:]
    if numeric == 0:
        return None
    if not rest:
        return value, position + 1, None
    if rest in (["year", "old"], ["years", "old"]):
        return value, position + 1, "age"
    if len(rest) == 1 and rest[0] in _ADJECTIVE_UNITS:
        return value, position + 1, _ADJECTIVE_UNITS[rest[0]]
    return None


def _word_value(word: str) -> float | None:
    if word in _SMALL_NUMBERS:
        return float(_SMALL_NUMBERS[word])
    if word in _TENS:
        return float(_TENS[word])
    return None


def _excluded_before(tokens: list[_Token], index: int) -> bool:
    """Labels and codes: 'Covid-19', 'G7', 'No. 10', 'Route 66', 'Boeing 737', '#3'."""
    if index == 0:
        return False
    token = tokens[index]
    previous = tokens[index - 1]
    if token.glued and previous.is_word:
        return True
    if token.glued and previous.text in "-–/#:" and previous.glued and index >= 2:
        return True  # "Covid-19", "F-16", the second half of "24/7", "18:30" or of a score "2-1"
    if previous.text == "#":
        return True
    if previous.lower.rstrip(".") in _LABEL_WORDS:
        return True
    if previous.text == "." and index >= 2 and tokens[index - 2].lower in ("no", "nos"):
        return True
    if previous.is_word and previous.capitalised and index - 1 > 0:
        return not (_is_qualifier_word(previous.lower) or previous.lower in _WEEKDAYS)
    return False


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_CALENDAR_WORDS = _WEEKDAYS | frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _is_qualifier_word(word: str) -> bool:
    return any(phrase.split()[-1] == word for phrase in _QUALIFIERS) or word in ("between", "from", "and")


def _excluded_after(sentence: str, tokens: list[_Token], draft: _Draft) -> bool:
    """Ordinals, decades, times, addresses and codes: '3rd', '1990s', '6pm', '18:30', '12 Quay Street'."""
    end = draft.last
    following = tokens[end] if end < len(tokens) else None
    if following is None:
        return False
    if following.glued and following.is_word and following.lower not in _GLUED_SUFFIXES:
        if following.lower not in _MEASURE_UNITS and following.lower not in _TIME_FOLLOWERS:
            return True
    if following.glued and following.text in ":/" and _lower(tokens, end + 1)[:1].isdigit():
        return True  # "18:30", "24/7", "3/10"
    if following.lower.rstrip(".") in _TIME_FOLLOWERS or following.lower in ("a.m", "p.m"):
        return True
    if following.lower in ("a", "p") and [_lower(tokens, end + 1), _lower(tokens, end + 2)[:1]] == [".", "m"]:
        return True  # "6 a.m." split apart
    rest = sentence[following.start : following.start + 20].lower()
    if not tokens[draft.first].is_digits and rest.startswith(_DAY_PARTS):
        return True
    if following.lower == "block" or following.lower == "o'clock":
        return True
    if tokens[draft.first].is_digits and following.capitalised:
        for offset in range(1, 4):
            word = _lower(tokens, end + offset - 1)
            if offset > 1 and word.rstrip(".") in _STREET_SUFFIXES and tokens[end + offset - 1].capitalised:
                return True
            if not (end + offset - 1 < len(tokens) and tokens[end + offset - 1].capitalised):
                break
    return False


def _read_age(tokens: list[_Token], draft: _Draft) -> _Draft | None:
    """'a 64-year-old', 'Vera Kolar, 64,', 'aged 64', '64 years old', 'Kolar (64)'."""
    index, end = draft.first, draft.last
    if draft.kind == "age":
        return _age(tokens, draft, name=_name_after(tokens, end))
    if draft.value != int(draft.value) or not 0 < draft.value < 125 or draft.kind == "money":
        return None
    following = [_lower(tokens, end + offset) for offset in range(3)]
    if following[0] == "-" and following[1] in ("year-old", "years-old") and tokens[end].glued:
        draft.last = end + 2
        return _age(tokens, draft, name=_name_after(tokens, end + 2))
    if following[:2] == ["years", "old"]:
        draft.last = end + 2
        return _age(tokens, draft, name=None)
    if following == ["years", "of", "age"]:
        draft.last = end + 3
        return _age(tokens, draft, name=None)
    if index and tokens[index - 1].lower in _AGE_LEADS:
        draft.first = index - 1
        name = _name_before(tokens, index - 3) if _lower(tokens, index - 2) == "," else None
        return _age(tokens, draft, name=name)
    previous = tokens[index - 1].text if index else ""
    closing = _lower(tokens, end)
    if previous == "," and closing in (",", ".", ";", ")", "and", "who", ""):
        name = _name_before(tokens, index - 2)
        if name and " " in name:
            return _age(tokens, draft, name=name)
    if previous == "(" and closing == ")" and index >= 2 and tokens[index - 2].capitalised:
        return _age(tokens, draft, name=_name_before(tokens, index - 2))
    return None


def _age(tokens: list[_Token], draft: _Draft, name: str | None) -> _Draft:
    draft.kind, draft.unit, draft.noun = "age", "age", name
    _read_qualifier(tokens, draft)
    return draft


def _name_before(tokens: list[_Token], index: int) -> str | None:
    """The run of capitalised words ending at token `index`: 'Vera Kolar'."""
    words: list[str] = []
    while index >= 0 and len(words) < 5:
        token = tokens[index]
        if token.text == "." and index and len(tokens[index - 1].text) == 1 and tokens[index - 1].capitalised:
            words.insert(0, tokens[index - 1].text + ".")  # an initial: "James J. Smith"
            index -= 2
            continue
        if not (token.is_word and token.capitalised):
            break
        words.insert(0, token.text)
        index -= 1
    return " ".join(words) or None


def _name_after(tokens: list[_Token], index: int) -> str | None:
    words: list[str] = []
    while index < len(tokens) and tokens[index].is_word and len(words) < 4:
        if tokens[index].capitalised:
            words.append(tokens[index].text)
        elif not words and tokens[index].lower in _COUNTED_NOUNS:
            return tokens[index].text  # "a 64-year-old woman"
        else:
            break
        index += 1
    return " ".join(words) or None


def _read_range(tokens: list[_Token], draft: _Draft) -> None:
    """'30 to 40', '30-40', 'two or three', 'between 30 and 40' (the 'between' is read as a qualifier)."""
    joiner = _lower(tokens, draft.last)
    if joiner not in ("to", "-", "–", "or", "and"):
        return
    if joiner == "and" and _lower(tokens, draft.first - 1) != "between":
        return
    joined_digits = tokens[draft.last].glued and _lower(tokens, draft.last + 1)[:1].isdigit()
    if joiner in ("-", "–") and not joined_digits:
        return  # "30-40" is a range; "7-Eleven" is a shop
    second = _read_number(tokens, draft.last + 1) if draft.last + 1 < len(tokens) else None
    if second is None or second.vague or second.high is None or draft.low is None:
        return
    if second.value <= draft.value:
        return
    if second.value >= 1000 * max(draft.value, 1) and joiner == "to":
        return
    draft.high = second.high
    draft.last = second.last
    draft.qualifier = "between"


def _read_qualifier(tokens: list[_Token], draft: _Draft) -> None:
    """The words before the number that bound it: 'more than', 'about', 'nearly', 'between'."""
    words = [tokens[i].lower for i in range(max(0, draft.first - _MAX_QUALIFIER_WORDS), draft.first)]
    if draft.qualifier == "between":
        if words and words[-1] in ("between", "from"):
            draft.first -= 1
        return
    for length in range(min(_MAX_QUALIFIER_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[-length:])
        if phrase in _QUALIFIERS:
            if phrase == "all" or (phrase == "just" and draft.vague):
                continue
            low_factor, high_factor = _QUALIFIERS[phrase]
            if draft.vague:
                low, high = draft.low, draft.high
                draft.low = None if low_factor is None else low
                draft.high = None if high_factor is None else high
            else:
                draft.low = None if low_factor is None else draft.value * low_factor
                draft.high = None if high_factor is None else draft.value * high_factor
            draft.qualifier = phrase
            draft.first -= length
            return


def _apply_post_qualifier(tokens: list[_Token], draft: _Draft) -> None:
    """'40 or so', '20-odd', '20-plus', '20+'."""
    following, after = _lower(tokens, draft.last), _lower(tokens, draft.last + 1)
    if following == "or" and after == "so":
        draft.low, draft.high, draft.qualifier = draft.value * 0.9, draft.value * 1.1, "or so"
        draft.last += 2
    elif following == "-" and after in ("odd", "plus"):
        draft.low, draft.high = draft.value, None if after == "plus" else draft.value * 1.1
        draft.qualifier = after
        draft.last += 2
    elif following == "+" and tokens[draft.last].glued:
        draft.low, draft.high, draft.qualifier = draft.value, None, "plus"
        draft.last += 1


def _after_change_verb_from(tokens: list[_Token], draft: _Draft) -> bool:
    return (
        _lower(tokens, draft.first - 1) == "from"
        and _lower(tokens, draft.first - 2) in _CHANGE_VERBS
        and _lower(tokens, draft.last) == "to"
    )


# --- What is counted ----------------------------------------------------------------------------


def _read_unit(tokens: list[_Token], draft: _Draft) -> bool:
    """Find unit, counted noun and scope after the number; False when the number is not a figure."""
    position = draft.last
    if draft.kind in ("measure", "duration"):
        draft.noun = _noun_phrase(tokens, position)[0]
        return True
    word = _lower(tokens, position)
    if draft.kind == "money":
        if word in _CURRENCY_WORDS:  # "$5 million dollars", "US$ 40 dollars"
            draft.last = position + 1
        return True
    if word in ("%", "percent", "pc", "pct") or (word == "per" and _lower(tokens, position + 1) == "cent"):
        draft.kind, draft.unit = "percent", "percent"
        draft.last = position + (2 if word == "per" else 1)
        return True
    if word == "percentage" and _lower(tokens, position + 1) in ("points", "point"):
        draft.kind, draft.unit, draft.last = "percent", "percentage points", position + 2
        return True
    if word in _CURRENCY_WORDS and not (word in ("p", "mark", "pound", "crown") and draft.value != 1):
        draft.kind, draft.unit, draft.last = "money", _CURRENCY_WORDS[word], position + 1
        return True
    compound = (word, _lower(tokens, position + 1))
    if compound in _COMPOUND_MEASURES:
        draft.kind, draft.unit, draft.last = "measure", _COMPOUND_MEASURES[compound], position + 2
        _read_rate(tokens, draft)
        return True
    if word == "-" and tokens[position].glued and _lower(tokens, position + 1) in _ADJECTIVE_UNITS:
        unit = _ADJECTIVE_UNITS[_lower(tokens, position + 1)]
        draft.kind = "duration" if unit in _DURATION_UNITS.values() else "measure"
        draft.unit, draft.last = unit, position + 2
        draft.noun = _noun_phrase(tokens, draft.last)[0]
        return True
    if word == "-" and tokens[position].glued:
        return False  # "a 400-strong crowd", "a three-time champion": not a count of anything written
    if word in _MEASURE_UNITS and (word != "m" or tokens[position].glued):
        draft.kind, draft.unit, draft.last = "measure", _MEASURE_UNITS[word], position + 1
        _read_rate(tokens, draft)
        return True
    if _lower(tokens, draft.first - 1) == "magnitude" or (word == "magnitude"):
        draft.kind, draft.unit = "measure", "magnitude"
        draft.last = position + (1 if word == "magnitude" else 0)
        return True
    if word in _DURATION_UNITS:
        draft.kind, draft.unit, draft.last = "duration", _DURATION_UNITS[word], position + 1
        return True
    _read_counted(tokens, draft)
    return True


def _read_rate(tokens: list[_Token], draft: _Draft) -> None:
    """'45 cubic metres per second', '... a second' -> unit 'm3/s'."""
    word, period = _lower(tokens, draft.last), _lower(tokens, draft.last + 1)
    if word in ("per", "a", "an", "each", "every") and period in _RATE_PERIODS:
        draft.unit = f"{draft.unit}/{_RATE_PERIODS[period]}"
        draft.last += 2


def _read_counted(tokens: list[_Token], draft: _Draft) -> None:
    position = draft.last
    if _lower(tokens, position) == "of" and (
        draft.vague
        or _lower(tokens, position + 1)
        in ("the", "its", "their", "his", "her", "those", "these", "them", "whom", "our")
    ):
        if _lower(tokens, position + 1) in ("them", "whom", "those", "these", "us"):
            draft.part_of_others = True
            return
        position += 1
        if _lower(tokens, position) in ("the", "its", "their", "his", "her", "our"):
            position += 1
    noun, head_end, head = _noun_phrase(tokens, position)
    if noun is None or head is None:
        return
    unit, group = _COUNTED_NOUNS.get(head, (head, None))
    modifiers = noun.lower().split()[:-1]
    if group in ("people", "population") and any(word.startswith("farm") for word in modifiers):
        group = "farming"  # "farming families" count the farms, not the valley's population
    if any(word in ("police", "army", "security") for word in modifiers) and group == "people":
        group = "security"  # "police officers"; but "police vans" are still vans
    draft.noun, draft.unit, draft.group = noun, unit, group
    draft.last = head_end
    draft.event = _noun_event(head)
    _read_scope(tokens, draft)


def _noun_phrase(tokens: list[_Token], position: int) -> tuple[str | None, int, str | None]:
    """The counted noun phrase at `position` ('terrified families', 'dockworkers and supporters'),
    the token index after it, and its head noun."""
    words: list[_Token] = []
    index = position
    while index < len(tokens) and len(words) < 4:
        token = tokens[index]
        if not token.is_word or token.lower in _NOUN_PHRASE_STOPS:
            break
        words.append(token)
        index += 1
    head = None
    for offset, token in enumerate(words):
        if not token.capitalised and (token.lower in _COUNTED_NOUNS or token.lower in _IRREGULAR_PLURALS):
            head = offset
            break
    if head is None:
        for offset, token in enumerate(words):
            if not token.capitalised and _looks_plural(token.lower):
                head = offset
                break
    if head is None:
        return None, position, None
    while head + 1 < len(words) and _extends_compound(words[head], words[head + 1]):
        head += 1  # "police vans", "farm workers": the last noun of a compound is what is counted
    end = position + head + 1
    head_word = words[head].lower
    # "dockworkers and supporters": a second noun joined to the first counts with it.
    if _lower(tokens, end) in ("and", "or") and end + 1 < len(tokens):
        partner = tokens[end + 1]
        after_partner = _lower(tokens, end + 2)
        takes_object = after_partner[:1].isdigit() or _word_value(after_partner) is not None
        modifies_next = partner.lower in _NOUN_MODIFIERS and after_partner[:1].isalpha()
        noun_like = not partner.capitalised and (
            partner.lower in _COUNTED_NOUNS or _looks_plural(partner.lower)
        )
        if noun_like and partner.lower not in _NOUN_PHRASE_STOPS and not (takes_object or modifies_next):
            end += 2  # but not "12 people and injured 30", where the second word is a verb
    text = " ".join(token.text for token in tokens[position:end] if token.is_word)
    return text, end, head_word


def _extends_compound(head: _Token, following: _Token) -> bool:
    if following.capitalised:
        return False
    if following.lower in _COUNTED_NOUNS:
        return True
    return head.lower in _NOUN_MODIFIERS and _looks_plural(following.lower)


def _looks_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))


def _read_scope(tokens: list[_Token], draft: _Draft) -> None:
    """'of the north bank', 'on both banks', 'in the south', 'from Lorvenne's north bank'."""
    position = draft.last
    if _lower(tokens, position) not in _SCOPE_PREPOSITIONS:
        return
    index = position + 1
    if _lower(tokens, index) in _SCOPE_DETERMINERS:
        index += 1
    last_content = None
    while index < len(tokens) and index - position <= 5:
        token = tokens[index]
        if not token.is_word:
            break
        is_name = token.capitalised and token.lower.rstrip(".") not in _CALENDAR_WORDS
        if is_name or token.lower in _SCOPE_WORDS:
            last_content = index
            index += 1
            continue
        break
    if last_content is None:
        return
    draft.scope = " ".join(token.text for token in tokens[position : last_content + 1])
    draft.last = last_content + 1


def _noun_event(head: str) -> str | None:
    unit = _COUNTED_NOUNS.get(head, (None, None))[0]
    if unit in ("killed", "injured", "missing", "arrested"):
        return unit
    if head in ("evacuees", "homeless", "displaced", "refugees"):
        return "displaced"
    return None


def _event(
    sentence: str, tokens: list[_Token], draft: _Draft, previous_end: int, next_start: int
) -> str | None:
    """What happened to what is counted, from the words around the figure in its clause."""
    patterns = _EVENT_PATTERNS[draft.kind]
    start, end = tokens[draft.first].start, tokens[draft.last - 1].end
    after_limit = min(next_start, end + _EVENT_WINDOW_CHARS)
    clause_break = _CLAUSE_BREAK.search(sentence, end, after_limit)
    after = sentence[end : clause_break.start() if clause_break else after_limit]
    before_start = max(previous_end, start - _EVENT_WINDOW_CHARS // 2)
    before = sentence[before_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    # The nearest event word wins, counted in words; a verb just before ("killing 12") beats a tie.
    best: tuple[int, str] | None = None
    for event, pattern in patterns:
        match = pattern.search(after)
        if match is not None:
            distance = len(after[: match.start()].split())
            if best is None or distance < best[0]:
                best = (distance, event)
        for match in pattern.finditer(before):
            distance = len(before[match.end() :].split()) + 1
            if best is None or distance <= best[0]:
                best = (distance, event)
    return best[1] if best else None


def _lower(tokens: list[_Token], index: int) -> str:
    return tokens[index].lower if 0 <= index < len(tokens) else ""
