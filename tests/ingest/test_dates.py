"""Publication dates: any common form becomes ISO 8601; a date no article can have becomes no date."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from newsprism.ingest.dates import EARLIEST_PUBLICATION, FUTURE_MARGIN, normalise_date

TODAY = date(2026, 12, 8)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-14", "2026-03-14"),
        ("2026-03-14T08:30:00Z", "2026-03-14T08:30:00+00:00"),
        ("Tue, 07 Apr 2026 18:00:00 +0000", "2026-04-07T18:00:00+00:00"),
        ("March 14, 2026", "2026-03-14"),
        (time.struct_time((2026, 4, 7, 18, 0, 0, 1, 97, 0)), "2026-04-07T18:00:00"),
        (datetime(2026, 4, 7, 18, 0), "2026-04-07T18:00:00"),
        (EARLIEST_PUBLICATION.isoformat(), EARLIEST_PUBLICATION.isoformat()),
        ((TODAY + FUTURE_MARGIN).isoformat(), (TODAY + FUTURE_MARGIN).isoformat()),
    ],
)
def test_a_plausible_date_is_kept(value: object, expected: str) -> None:
    assert normalise_date(value, today=TODAY) == expected


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31",
        "9999-12-31T23:59:59+00:00",
        "Fri, 31 Dec 9999 23:59:59 -2359",
        "0001-01-01",
        "0001-01-01T00:00:00-05:00",
        "0000-00-00",
        time.struct_time((-1, 11, 30, 0, 0, 0, 1, 334, 0)),  # feedparser's reading of "0000-00-00"
        (EARLIEST_PUBLICATION - timedelta(days=1)).isoformat(),
        (TODAY + FUTURE_MARGIN + timedelta(days=1)).isoformat(),
        "99999999999999999999999",
        "9" * 5_000,
        "2024-05-06T10:00:00+99:99",  # an offset beyond a day, which datetime refuses only when used
        "2024-05-06 10:00 +2500",
        "yesterday",
        "",
        None,
    ],
)
def test_a_date_no_article_can_have_becomes_no_date(value: object) -> None:
    assert normalise_date(value, today=TODAY) is None


def test_the_range_ends_a_margin_after_the_real_today() -> None:
    today = datetime.now(UTC).date()
    assert normalise_date((today + FUTURE_MARGIN - timedelta(days=1)).isoformat()) is not None
    assert normalise_date((today + FUTURE_MARGIN + timedelta(days=2)).isoformat()) is None
