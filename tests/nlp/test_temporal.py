"""Tests of date mentions: finding them, and resolving them against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsprism.nlp.temporal import DateMention, event_day, extract_dates

TUESDAY_10_MARCH = date(2026, 3, 10)
WEDNESDAY_11_MARCH = date(2026, 3, 11)


def only_mention(sentence: str, published: date | None) -> DateMention:
    mentions = extract_dates(sentence, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # A bare weekday is the most recent such day on or before publication.
        ("Lind spoke to him on Tuesday.", TUESDAY_10_MARCH, date(2026, 3, 10)),
        ("Lind spoke to him on Tuesday.", WEDNESDAY_11_MARCH, date(2026, 3, 10)),
        ("Lind rang him late on Monday.", WEDNESDAY_11_MARCH, date(2026, 3, 9)),
        ("Lind rang him late on Monday.", TUESDAY_10_MARCH, date(2026, 3, 9)),
        ("Police fired tear gas on Friday night.", date(2026, 3, 21), date(2026, 3, 20)),
        ("Friday night's unrest was costly.", date(2026, 3, 22), date(2026, 3, 20)),
        ("The wall gave way in the early hours of Tuesday.", date(2026, 3, 4), date(2026, 3, 3)),
        ("The attack came at about 6 p.m. Monday evening.", date(2026, 3, 11), date(2026, 3, 9)),
        ("It happened last Tuesday.", TUESDAY_10_MARCH, date(2026, 3, 3)),
        ("It happened on Wed. in the rain.", date(2026, 3, 13), date(2026, 3, 11)),
        # Forward when the text says so.
        ("They meet next Tuesday.", TUESDAY_10_MARCH, date(2026, 3, 17)),
        ("Lind is due to brief the committee on Thursday.", TUESDAY_10_MARCH, date(2026, 3, 12)),
        ("Forecasters expect more rain on Wednesday.", date(2026, 3, 3), date(2026, 3, 4)),
        ("The union would hold another rally on Tuesday.", date(2026, 3, 22), date(2026, 3, 24)),
        # A future tense in another clause does not move the day.
        ("The dam will be finished, officials said on Monday.", TUESDAY_10_MARCH, date(2026, 3, 9)),
        # Relative words.
        ("Rain fell yesterday.", TUESDAY_10_MARCH, date(2026, 3, 9)),
        ("Talks resume today.", TUESDAY_10_MARCH, date(2026, 3, 10)),
        ("Talks resume tomorrow.", TUESDAY_10_MARCH, date(2026, 3, 11)),
        ("Thugs turned the port into a battlefield last night.", date(2026, 3, 21), date(2026, 3, 20)),
        ("Residents were evacuated overnight.", date(2026, 3, 3), date(2026, 3, 2)),
        ("He was arrested three days ago.", TUESDAY_10_MARCH, date(2026, 3, 7)),
    ],
)
def test_relative_days_are_resolved_against_the_publication_date(
    sentence: str, published: date, expected: date
) -> None:
    mention = only_mention(sentence, published)
    assert (mention.date, mention.granularity, mention.relative) == (expected, "day", True)


@pytest.mark.parametrize(
    ("sentence", "published", "expected", "granularity"),
    [
        ("The river rose on 3 March 2026.", None, date(2026, 3, 3), "day"),
        ("The river rose on March 3, 2026.", None, date(2026, 3, 3), "day"),
        ("The vote is on Sept. 16 in Nairobi.", date(2026, 9, 1), date(2026, 9, 16), "day"),
        ("The river rose on March 3.", date(2026, 3, 4), date(2026, 3, 3), "day"),
        ("The storm hit on Dec. 28.", date(2026, 1, 5), date(2025, 12, 28), "day"),
        # A day without a year is past unless it is less than a month ahead or the text looks ahead.
        ("Jan. 5: a man was shot on Front Street.", date(2016, 11, 21), date(2016, 1, 5), "day"),
        ("The trial is scheduled for June 6.", date(2016, 5, 5), date(2016, 6, 6), "day"),
        ("His sons found the guns on Aug. 5.", date(2016, 5, 5), date(2015, 8, 5), "day"),
        ("The march on Friday, 20 March 2026 ended in clashes.", None, date(2026, 3, 20), "day"),
        ("Records began on 2026-03-03.", None, date(2026, 3, 3), "day"),
        ("A report commissioned in 2019 warned the council.", None, date(2019, 1, 1), "year"),
        ("The 2019 recommendations were dropped.", None, date(2019, 1, 1), "year"),
        ("The reservoir was built in May 2019.", None, date(2019, 5, 1), "month"),
        ("The law takes effect in May.", date(2026, 3, 1), date(2026, 5, 1), "month"),
        ("Prices rose last month.", TUESDAY_10_MARCH, date(2026, 2, 1), "month"),
        ("Prices rose last year.", TUESDAY_10_MARCH, date(2025, 1, 1), "year"),
        ("Talks resume next week.", TUESDAY_10_MARCH, date(2026, 3, 17), "week"),
    ],
)
def test_dates_months_and_years_are_resolved(
    sentence: str, published: date | None, expected: date, granularity: str
) -> None:
    mention = only_mention(sentence, published)
    assert (mention.date, mention.granularity) == (expected, granularity)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Lind rang Vantolin late on Monday and told him.", "late on Monday"),
        ("Casmerra's minister told him by phone on Tuesday that it was closing.", "on Tuesday"),
        ("The wall gave way in the early hours of Tuesday.", "the early hours of Tuesday"),
        ("On Friday night, police fired tear gas.", "On Friday night"),
        ("The vote is on Sept. 16 in Nairobi.", "Sept. 16"),
    ],
)
def test_the_text_is_the_phrase_as_written(sentence: str, text: str) -> None:
    mention = only_mention(sentence, TUESDAY_10_MARCH)
    start, end = mention.span
    assert mention.text == text == sentence[start:end]


@pytest.mark.parametrize(
    ("sentence", "time"),
    [
        ("The talks start on Monday at 6 p.m. in Geneva.", "at 6 p.m."),
        ("Shots were fired at about 6 p.m. Monday evening.", "at about 6 p.m."),
        ("Police fired tear gas on Friday night.", "night"),
        ("The wall gave way in the early hours of Tuesday.", "early hours"),
        ("Lind spoke to him on Tuesday.", None),
    ],
)
def test_a_clock_time_or_part_of_the_day_is_kept(sentence: str, time: str | None) -> None:
    assert only_mention(sentence, TUESDAY_10_MARCH).time == time


def test_a_night_runs_into_the_next_day() -> None:
    mention = only_mention("Police fired tear gas on Friday night.", date(2026, 3, 21))
    assert (mention.date, mention.latest) == (date(2026, 3, 20), date(2026, 3, 21))


def test_a_range_of_days_keeps_its_last_day() -> None:
    mention = only_mention("The river flooded on 2-3 March.", date(2026, 3, 4))
    assert (mention.date, mention.latest) == (date(2026, 3, 2), date(2026, 3, 3))


def test_without_a_publication_date_a_weekday_is_named_but_not_resolved() -> None:
    mention = only_mention("Lind spoke to him on Tuesday.", None)
    assert (mention.date, mention.weekday) == (None, 1)


@pytest.mark.parametrize(
    ("sentence", "reporting"),
    [
        ("62 people were arrested, police said on Saturday.", True),
        ("Kestel told a news conference on Saturday morning that it was over.", True),
        ("Police fired tear gas on Friday night.", False),
        ("Lind told her counterpart by phone on Tuesday that the window was closing.", False),
    ],
)
def test_the_day_something_was_said_is_marked(sentence: str, reporting: bool) -> None:
    assert only_mention(sentence, date(2026, 3, 21)).reporting is reporting


@pytest.mark.parametrize(
    "sentence",
    [
        "About 2000 people fled the town.",
        "More than 4,000 residents were evacuated.",
        "The march was peaceful, organisers said.",
        "They will march to the square.",
        "She may come later.",
        "He scored 3-1 in the 1990s.",
    ],
)
def test_counts_verbs_and_decades_are_not_dates(sentence: str) -> None:
    assert extract_dates(sentence, TUESDAY_10_MARCH) == []


def _event_date(sentence: str, published: date | None) -> date | None:
    day = event_day(extract_dates(sentence, published))
    return day.date if day is not None else None


def test_the_event_day_of_a_sentence_is_when_it_happened_not_when_it_was_said() -> None:
    sentences = [
        "Police fired tear gas on Friday night, and 62 people were arrested, police said on Saturday.",
        "About 5,000 people joined the march.",
        "Police said on Saturday that 14 officers had been injured.",
        "The terminal dates from 1961.",
    ]
    published = date(2026, 3, 21)
    assert [_event_date(s, published) for s in sentences] == [date(2026, 3, 20), None, date(2026, 3, 21), None]


def test_a_relative_day_has_no_event_date_without_a_publication_date() -> None:
    assert _event_date("Lind spoke to him on Tuesday.", None) is None
