"""JSON from untrusted files, read within bounds: a huge number or deep nesting is a reason, not a crash."""

from __future__ import annotations

import json
from dataclasses import dataclass

# Far beyond any id, count or timestamp, and well below the 4,300 digits at which Python refuses to convert
# a number (ValueError) after the time that quadratic conversion takes.
MAX_NUMBER_DIGITS = 1_000
# An article record is an object of fields, some of them lists or objects of metadata: a few levels deep.
# The limit stays far below the depth at which the parser's recursion fails (RecursionError).
MAX_NESTING = 32


class JsonBoundsError(ValueError):
    """The document as a whole cannot be read within the bounds (nested too deeply for the parser)."""


@dataclass(frozen=True)
class OversizedNumber:
    """Stands in for an integer of more than MAX_NUMBER_DIGITS digits, so that only its record is rejected."""

    digits: int


def load_json(text: str) -> object:
    """json.loads, with every oversized integer an OversizedNumber; see `bounds_problem` for each record.

    Raises json.JSONDecodeError for invalid JSON and JsonBoundsError for nesting the parser cannot follow.
    """
    try:
        return _DECODER.decode(text)
    except RecursionError:
        raise JsonBoundsError(f"nested deeper than {MAX_NESTING} levels") from None


def bounds_problem(value: object) -> str | None:
    """Why a parsed record is out of bounds (an oversized number, nesting too deep), or None.

    "record holds a number of 5,000 digits (over 1,000)"; "record is nested deeper than 32 levels".
    """
    if isinstance(value, dict) and not any(isinstance(v, _UNBOUNDED) for v in value.values()):
        return None  # the usual record, flat: nothing to walk
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, OversizedNumber):
            return f"record holds a number of {item.digits:,} digits (over {MAX_NUMBER_DIGITS:,})"
        if isinstance(item, (dict, list)):
            if depth > MAX_NESTING:
                return f"record is nested deeper than {MAX_NESTING} levels"
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return None


def _bounded_int(text: str) -> int | OversizedNumber:
    digits = len(text.lstrip("-"))
    return OversizedNumber(digits) if digits > MAX_NUMBER_DIGITS else int(text)


_DECODER = json.JSONDecoder(parse_int=_bounded_int)
_UNBOUNDED = (dict, list, OversizedNumber)
