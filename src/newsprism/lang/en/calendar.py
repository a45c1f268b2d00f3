"""Months and weekdays: their names, abbreviations and numbers."""

from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Abbreviations as news copy writes them ("Sept. 16", "Thurs."); "may" is a full name, not an abbreviation.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

# Lower-case name or abbreviation -> month number (1-12) / weekday number (Monday 0).
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)} | MONTH_ABBREVIATIONS
WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)} | WEEKDAY_ABBREVIATIONS

MONTH_WORDS = frozenset(name.lower() for name in MONTH_NAMES)
WEEKDAY_WORDS = frozenset(name.lower() for name in WEEKDAY_NAMES)
# Every calendar word, abbreviations included: capitalised, yet they name no person or place.
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)

# Parts of a day that say when in it something happened ("late on Monday", "Tuesday night").
DAY_PARTS = frozenset("morning afternoon evening night".split())

# Days named relative to the day of writing, as an offset from it in days; a night ("last night",
# "overnight") is dated by the evening it starts on.
RELATIVE_DAYS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "overnight": -1, "today": 0,
    "tonight": 0, "this morning": 0, "tomorrow": 1,
}  # fmt: skip
