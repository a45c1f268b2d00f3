"""Where newsprism keeps what it derives once per machine from installed packages (a faster copy of the
embedding model, a compact word-frequency table)."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "NEWSPRISM_CACHE"


def cache_dir() -> Path:
    """Return the per-user cache folder: $NEWSPRISM_CACHE, else $XDG_CACHE_HOME/newsprism, else ~/.cache."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsprism"
