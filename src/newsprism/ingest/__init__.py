"""Ingestion: every input kind becomes clean, typed Article records (one module per kind)."""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING

from newsprism.errors import IngestError
from newsprism.ingest.options import DEFAULT_MAX_BYTES, ReadOptions
from newsprism.lazy import lazy_attributes
from newsprism.models import Article, Rejected

if TYPE_CHECKING:
    from newsprism.ingest.discover import InputSpec, discover_inputs
    from newsprism.ingest.reader import read_input

__all__ = ["DEFAULT_MAX_BYTES", "InputSpec", "ReadOptions", "discover_inputs", "read", "read_input"]

# The readers load lxml, feedparser, charset detection and the cleaner: imported on first use, so commands
# that only read the store (`stories`, `articles`) start faster.
_LAZY = {
    "InputSpec": "newsprism.ingest.discover",
    "discover_inputs": "newsprism.ingest.discover",
    "read_input": "newsprism.ingest.reader",
}

__getattr__ = lazy_attributes(__name__, _LAZY)


def read(path: str | os.PathLike[str], options: ReadOptions = ReadOptions()) -> list[Article]:
    """The articles in one file, feed URL or `-`.

    Raises IngestError when the input as a whole cannot be read; a bad record inside a
    JSONL/CSV/feed is skipped with a warning, so one broken line does not cost the rest.
    """
    from newsprism.ingest.discover import discover_inputs
    from newsprism.ingest.reader import read_input

    location = os.fspath(path)
    found = list(discover_inputs([location]))
    articles: list[Article] = []
    for spec in found:
        if isinstance(spec, Rejected):
            raise IngestError(spec.origin, spec.reason)
        for item in read_input(spec, options):
            if isinstance(item, Article):
                articles.append(item)
            elif item.origin == spec.origin:
                raise IngestError(item.origin, item.reason)
            else:
                warnings.warn(str(item), stacklevel=2)
    return articles
