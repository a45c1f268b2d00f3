"""Strings from untrusted input made safe to store and print: no lone surrogate reaches SQLite or a screen."""

from __future__ import annotations

import re

# A lone surrogate cannot be encoded as UTF-8: SQLite and every output would fail on it. JSON's "\ud800",
# a character reference such as &#xD800; and file names that are not UTF-8 all produce them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Each lone surrogate replaced by U+FFFD, as a decoder replaces a byte it cannot read."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def printable_path(location: str) -> str:
    """A path as a user can read and store it: bytes of a name that is not UTF-8 shown as \\xNN.

    The operating system hands such names to Python with those bytes as surrogates (PEP 383); opening
    the file needs that form, printing and storing need this one.
    """
    try:
        raw = location.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte, e.g. from a JSON string
        return without_surrogates(location)
    return raw.decode("utf-8", "backslashreplace")
