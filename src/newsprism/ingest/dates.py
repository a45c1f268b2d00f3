"""Publication dates in whatever form inputs give them, normalised to ISO 8601."""

from __future__ import annotations

import email.utils
from datetime import datetime

from dateutil import parser as dateutil_parser


def normalise_date(value: object) -> str | None:
    """ISO 8601 for a date string, struct_time or datetime; None when it is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return _isoformat(value)
    if isinstance(value, tuple) and len(value) >= 6:  # feedparser's *_parsed struct_time
        return _isoformat(datetime(*value[:6]))
    text = str(value).strip()
    if not text:
        return None
    try:
        return _isoformat(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _isoformat(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return _isoformat(dateutil_parser.parse(text, fuzzy=False))
    except (ValueError, OverflowError, dateutil_parser.ParserError):
        return None


def _isoformat(moment: datetime) -> str:
    if moment.hour == moment.minute == moment.second == 0 and moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat()
