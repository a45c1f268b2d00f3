"""Publication dates in whatever form inputs give them, normalised to ISO 8601 within a plausible range."""

from __future__ import annotations

import email.utils
from datetime import UTC, date, datetime, timedelta

from dateutil import parser as dateutil_parser

# Printed news began in the 1600s (Strasbourg's "Relation", 1605): an earlier date is a placeholder such as
# 0001-01-01 (.NET's DateTime.MinValue) or a typo, never a publication date.
EARLIEST_PUBLICATION = date(1600, 1, 1)
# Later than today by more than this is a placeholder such as 9999-12-31 or a typo. The margin is wide so
# that embargoed copy, time zones and a machine clock that runs months behind keep genuine dates.
FUTURE_MARGIN = timedelta(days=366)
# No date is written in more characters; longer values are prose, on which dateutil is slow.
_LONGEST_DATE = 200


def normalise_date(value: object, today: date | None = None) -> str | None:
    """ISO 8601 for a date string, struct_time or datetime; None when it is not a plausible date.

    An implausible date is dropped rather than the article rejected: the text is still news, and a
    date outside the range would break every date computed from it ("yesterday", story spans).
    """
    moment = _parse(value)
    if moment is None or not is_plausible_publication(moment.date(), today):
        return None
    return _isoformat(moment)


def is_plausible_publication(day: date, today: date | None = None) -> bool:
    """Within EARLIEST_PUBLICATION .. today + FUTURE_MARGIN."""
    latest = (today or datetime.now(UTC).date()) + FUTURE_MARGIN
    return EARLIEST_PUBLICATION <= day <= latest


def _parse(value: object) -> datetime | None:
    moment = _parse_any(value)
    if moment is None:
        return None
    try:
        moment.utcoffset()  # dateutil accepts "+99:99" and fails only when the offset is used
    except (ValueError, OverflowError):
        return None
    return moment


def _parse_any(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, tuple) and len(value) >= 6:  # feedparser's *_parsed struct_time
        try:
            return datetime(*value[:6])
        except (TypeError, ValueError, OverflowError):  # "0000-00-00" parses as year -1
            return None
    text = str(value).strip()
    if not text or len(text) > _LONGEST_DATE:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return dateutil_parser.parse(text, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None


def _isoformat(moment: datetime) -> str:
    if moment.hour == moment.minute == moment.second == 0 and moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat()
