"""English word data: each notion is defined once, in newsprism/lang/en, and the analysers agree on it."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from newsprism.lang.en import calendar, numbers, people, speech, stop_words, titles
from newsprism.nlp.temporal import extract_dates, year_of_day
from newsprism.stories.signals import days_mentioned

SOURCE = Path(__file__).resolve().parents[2] / "src" / "newsprism"


@pytest.mark.parametrize(
    ("word", "number"), [("january", 1), ("jan", 1), ("may", 5), ("sep", 9), ("sept", 9), ("december", 12)]
)
def test_a_month_name_or_abbreviation_gives_its_number(word: str, number: int) -> None:
    assert calendar.MONTHS[word] == number


@pytest.mark.parametrize(("word", "number"), [("monday", 0), ("tues", 1), ("thur", 3), ("thurs", 3), ("sun", 6)])
def test_a_weekday_name_or_abbreviation_gives_its_number(word: str, number: int) -> None:
    assert calendar.WEEKDAYS[word] == number


def test_calendar_words_are_every_month_and_weekday_spelling() -> None:
    assert calendar.CALENDAR_WORDS == frozenset(calendar.MONTHS) | frozenset(calendar.WEEKDAYS)
    assert {"june", "jun", "friday", "fri"} <= calendar.CALENDAR_WORDS


def test_number_words_run_from_zero_to_ninety() -> None:
    assert numbers.NUMBER_WORDS["zero"] == 0
    assert numbers.NUMBER_WORDS["nineteen"] == 19
    assert numbers.NUMBER_WORDS["ninety"] == 90
    assert "hundred" not in numbers.NUMBER_WORDS  # a scale, in SCALES


def test_function_word_lists_are_nested_and_stop_words_hold_them_but_for_reporting_words() -> None:
    assert stop_words.CORE_FUNCTION_WORDS < stop_words.COMMON_FUNCTION_WORDS < stop_words.FUNCTION_WORDS
    reporting = {"said", "says", "told", "tell", "according", "s", "t", "it's", "shall", "having", "theirs"}
    assert stop_words.FUNCTION_WORDS - stop_words.STOP_WORDS <= reporting


def test_speech_verb_lists_are_nested() -> None:
    assert speech.COMMON_SPEECH_VERBS < speech.SPEECH_VERBS
    assert speech.SPEECH_PARTICIPLES.isdisjoint(speech.SPEECH_VERBS)


def test_title_lists_share_their_core_and_keep_honorifics_apart() -> None:
    assert {"minister", "mayor", "senator"} <= titles.TITLE_HEADS & titles.ATTRIBUTION_TITLE_HEADS
    assert titles.TITLE_HEADS.isdisjoint(titles.HONORIFICS)
    assert titles.ADDRESS_ABBREVIATIONS <= titles.NAME_HONORIFICS < frozenset(titles.HONORIFICS)
    assert "lady" not in titles.NAME_HONORIFICS  # "Lady Gaga" keeps her name


@pytest.mark.parametrize(("word", "key"), [("Sen.", "sen"), ("GEN.", "gen"), ("Minister", "minister")])
def test_title_words_are_compared_lower_cased_without_their_period(word: str, key: str) -> None:
    assert titles.title_key(word) == key


@pytest.mark.parametrize(
    ("words", "length"),
    [
        ("Secretary of State Dana Lisk", 3),
        ("Secretary of Defense Lloyd Marsh", 3),
        ("Secretary of Health and Human Services Ana Pinto", 6),
        ("Secretary of the Navy Carl Hoff", 4),
        ("Minister of Foreign Affairs", 4),
        ("Representative Mike Thompson of California", 0),
        ("Mayor of Lorvenne Mirela Sandor", 0),
    ],
)
def test_an_office_named_by_its_portfolio_is_read_whole(words: str, length: int) -> None:
    assert titles.office_title_length(words.split()) == length


def test_gendered_words_tell_one_gender_each() -> None:
    assert people.FEMALE_WORDS.isdisjoint(people.MALE_WORDS)
    assert {"spokeswoman", "widow"} <= people.FEMALE_WORDS and "spokesman" in people.MALE_WORDS


@pytest.mark.parametrize(
    ("published", "written", "expected"),
    [
        (date(2016, 8, 20), "on Sept. 7", date(2016, 9, 7)),  # eighteen days ahead: this year's
        (date(2016, 11, 21), "on Jan. 5", date(2016, 1, 5)),  # last January
        (date(2016, 9, 1), "on Sept. 16", date(2016, 9, 16)),
    ],
)
def test_clustering_and_comparison_read_a_yearless_day_alike(published: date, written: str, expected: date) -> None:
    sentence = f"The hearing was held {written}."
    (mention,) = [m for m in extract_dates(sentence, published) if m.granularity == "day"]
    assert mention.date == expected
    assert days_mentioned(sentence, published) == {expected}
    assert year_of_day(expected.month, expected.day, published) == expected.year


# Words that only a list of that notion would spell out: if they stand together in a string literal outside
# lang/en, a module has grown its own copy of an English word list.
SIGNATURES = {
    "weekdays": ("monday", "tuesday", "wednesday"),
    "months": ("january", "february", "march"),
    "number words": ("seven", "eight", "nine"),
    "speech verbs": ("said", "told", "warned", "insisted"),
    "titles": ("minister", "mayor", "governor", "senator"),
    "honorifics": ("mrs", "miss", "dame"),
    "stop words": ("the", "of", "with", "from", "that", "this"),
    "organisation words": ("agency", "ministry", "committee", "federation"),
    "role nouns": ("farmer", "pensioner", "shopkeeper"),
}


def _word_groups(path: Path) -> list[set[str]]:
    """The words of each string literal, and of each literal collection of strings, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    groups: list[set[str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            groups.append(set(re.split(r"[\s|()]+", node.value.casefold())))
        elif isinstance(node, ast.Dict | ast.Set | ast.List | ast.Tuple):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            groups.append(
                {item.value.casefold() for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)}
            )
    return groups


@pytest.mark.parametrize("notion", sorted(SIGNATURES))
def test_each_english_word_list_is_defined_only_in_lang_en(notion: str) -> None:
    words = SIGNATURES[notion]
    owners = []
    for path in sorted(SOURCE.rglob("*.py")):
        for group in _word_groups(path):
            if all(word in group for word in words):
                owners.append(path.relative_to(SOURCE).as_posix())
                break
    assert owners and all(owner.startswith("lang/en/") for owner in owners), owners
