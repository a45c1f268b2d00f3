"""The words of figures: numbers, scales, qualifiers, currencies, units, counted nouns and events."""

from __future__ import annotations

import re

from newsprism.lang.en.numbers import SMALL_NUMBERS, TENS

SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
# "thousands" means at least two thousand and fewer than ten thousand; "dozens" at least two dozen.
VAGUE_PLURALS = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2e3, 9999.0),
                 "millions": (2e6, 9.99e8), "billions": (2e9, 9.99e11)}  # fmt: skip
VAGUE_COUNTS = {"a few": (2, 5), "several": (3, 9), "a couple of": (2, 3), "a handful of": (2, 5)}

# Qualifier -> how it bounds the number: (low factor, high factor); None means unbounded that way.
_ABOUT = (0.9, 1.1)
QUALIFIERS: dict[str, tuple[float | None, float | None]] = {
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
MAX_QUALIFIER_WORDS = 4

CURRENCY_SYMBOLS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yen", "₹": "rupees"}
CURRENCY_CODES = {"usd": "dollars", "eur": "euros", "gbp": "pounds", "jpy": "yen", "chf": "francs"}
DOLLAR_PREFIXES = frozenset({"US", "A", "C", "HK", "NZ", "S"})
CURRENCY_WORDS = {
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
MEASURE_UNITS = {
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
COMPOUND_MEASURES = {
    ("cubic", "metres"): "m3", ("cubic", "meters"): "m3", ("cubic", "metre"): "m3",
    ("square", "kilometres"): "km2", ("square", "kilometers"): "km2", ("square", "km"): "km2",
    ("sq", "km"): "km2", ("square", "miles"): "sq mi", ("square", "metres"): "m2", ("square", "meters"): "m2",
    ("degrees", "celsius"): "°C", ("degrees", "fahrenheit"): "°F", ("km", "h"): "km/h",
}  # fmt: skip
DURATION_UNITS = {
    **dict.fromkeys(["seconds", "second", "secs"], "seconds"),
    **dict.fromkeys(["minutes", "minute", "mins"], "minutes"),
    **dict.fromkeys(["hours", "hour", "hrs"], "hours"),
    **dict.fromkeys(["days", "day"], "days"), **dict.fromkeys(["nights", "night"], "nights"),
    **dict.fromkeys(["weeks", "week"], "weeks"), **dict.fromkeys(["months", "month"], "months"),
    **dict.fromkeys(["years", "year"], "years"), **dict.fromkeys(["decades", "decade"], "decades"),
    **dict.fromkeys(["centuries", "century"], "centuries"),
}  # fmt: skip
RATE_PERIODS = {"second": "s", "minute": "min", "hour": "h", "day": "day", "week": "week", "month": "month",
                "year": "year"}  # fmt: skip
# Words a number joins with a hyphen to make an adjective: "a 300-metre section", "a two-day strike".
ADJECTIVE_UNITS = {**DURATION_UNITS, **{k: v for k, v in MEASURE_UNITS.items() if len(k) > 2}}

# Counted nouns: noun -> (normalised unit, group). Group "people" is the generic one.
COUNTED_NOUNS: dict[str, tuple[str, str | None]] = {
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
IRREGULAR_PLURALS = frozenset({"people", "police", "staff", "personnel", "cattle", "sheep", "livestock",
                               "children", "women", "men", "dead", "injured", "wounded", "missing",
                               "homeless", "displaced", "crew"})  # fmt: skip
NOUN_MODIFIERS = frozenset(
    "police army security farm farming dock rescue aid relief emergency fire riot".split()
)
SCOPE_PREPOSITIONS = frozenset("of on in from across along near at throughout outside inside within".split())
SCOPE_DETERMINERS = frozenset("the both its their all this that each whole entire".split())
SCOPE_WORDS = frozenset(
    "north south east west northern southern eastern western central north-east north-west south-east "
    "south-west northeast northwest southeast southwest bank banks side sides region regions province "
    "provinces district districts city cities town towns village villages country countries area areas "
    "valley coast coastal border island islands capital state states county counties suburb suburbs "
    "quarter neighbourhood neighborhood camp camps zone zones strip river shore estate municipality rural "
    "urban nearby local surrounding flooded affected upper lower old new inner outer whole entire".split()
)
LABEL_WORDS = frozenset(
    "no nos number room page pages line route flight platform gate chapter article section paragraph "
    "version grade level category phase stage row seat channel bus highway box code unit apartment flat "
    "suite floor ward lot block item exhibit act verse copyright".split()
)
STREET_SUFFIXES = frozenset(
    "street st road rd avenue ave lane boulevard blvd drive way place square court terrace highway row "
    "close crescent parade quay embankment".split()
)
GLUED_SUFFIXES = (
    frozenset({"%", "+"})
    | SUFFIX_SCALES.keys()
    | {"km", "kg", "cm", "mm", "mph", "ft", "mw", "pc", "p", "ha", "kms"}
)
TIME_FOLLOWERS = frozenset({"am", "pm", "a.m", "p.m", "o'clock", "gmt", "bst", "utc", "cet", "est", "edt",
                            "pst", "hrs", "h"})  # fmt: skip
DAY_PARTS = ("in the morning", "in the afternoon", "in the evening", "at night", "o'clock")
CHANGE_VERBS = frozenset("rose risen rising increased climbed jumped fell dropped declined grew went "
                         "soared plunged revised raised lowered cut".split())  # fmt: skip
AGE_LEADS = frozenset({"aged", "age", "ages"})
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
EVENT_PATTERNS = {
    kind: [(event, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for event, pattern in table]
    for kind, table in (("count", _PERSON_EVENTS), ("money", _MONEY_EVENTS))
}
EVENT_WINDOW_CHARS = 90
PERSON_EVENT_NAMES = frozenset(event for event, _ in _PERSON_EVENTS)
CASUALTY_EVENTS = frozenset({"killed", "injured", "arrested", "missing"})


def word_value(word: str) -> float | None:
    if word in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[word])
    if word in TENS:
        return float(TENS[word])
    return None




def looks_plural(word: str) -> bool:
    if word in IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))
