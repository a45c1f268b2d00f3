"""Ingestion: every input kind becomes clean, typed Article records (one module per kind)."""

from __future__ import annotations

import os
import warnings

from newsprism.errors import IngestError
from newsprism.ingest.discover import InputSpec, discover_inputs
from newsprism.ingest.reader import DEFAULT_MAX_BYTES, ReadOptions, read_input
from newsprism.models import Article, Rejected

__all__ = ["DEFAULT_MAX_BYTES", "InputSpec", "ReadOptions", "discover_inputs", "read", "read_input"]


def read(path: str | os.PathLike[str], options: ReadOptions = ReadOptions()) -> list[Article]:
    """The articles in one file, feed URL or `-`.

    Raises IngestError when the input as a whole cannot be read; a bad record inside a
    JSONL/CSV/feed is skipped with a warning, so one broken line does not cost the rest.
    """
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
