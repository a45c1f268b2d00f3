"""From the paths, globs, directories, URLs and `-` a user typed to the list of inputs to read."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprism.ingest.fetch import is_url
from newsprism.ingest.safe_text import printable_path
from newsprism.ingest.walk import BROKEN_LINK, NOT_A_FILE, glob_files, walk_folder
from newsprism.models import Rejected

STDIN = "-"


@dataclass(frozen=True)
class InputSpec:
    """One thing to read: a file path, a URL, or standard input."""

    location: str  # as the operating system names it: opening the file needs this form
    size: int = 0  # bytes, for progress; 0 when unknown

    @property
    def is_stdin(self) -> bool:
        return self.location == STDIN

    @property
    def is_url(self) -> bool:
        return is_url(self.location)

    @property
    def origin(self) -> str:
        """The input as messages and the store name it."""
        return "<stdin>" if self.is_stdin else printable_path(self.location)


def discover_inputs(specs: Iterable[str]) -> Iterator[InputSpec | Rejected]:
    """Expand directories (recursively, skipping hidden entries) and globs, in a stable order.

    Symbolic links met on the way are followed only within the folder walked (see ingest/walk.py).
    """
    seen: set[str] = set()
    for spec in specs:
        for found in _expand(spec):
            if isinstance(found, InputSpec):
                if found.location in seen:
                    continue
                seen.add(found.location)
            yield found


def _expand(spec: str) -> Iterator[InputSpec | Rejected]:
    if spec == STDIN or is_url(spec):
        yield InputSpec(spec)
        return
    try:
        yield from _expand_path(spec)
    except (OSError, ValueError) as error:  # a name too long, a NUL byte in it, a folder that vanished
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        yield Rejected(printable_path(spec), f"cannot read ({reason})")


def _expand_path(spec: str) -> Iterator[InputSpec | Rejected]:
    path = Path(spec)
    if path.is_file():
        yield _file(path)
    elif path.is_dir():
        found = list(walk_folder(path))
        if not found:
            yield Rejected(printable_path(spec), "directory holds no files")
        yield from (_file(item) if isinstance(item, Path) else item for item in found)
    elif glob.has_magic(spec):
        found = list(glob_files(spec))
        if not found:
            yield Rejected(printable_path(spec), "no file matches this pattern")
        yield from (_file(item) if isinstance(item, Path) else item for item in found)
    elif path.exists():
        yield Rejected(printable_path(spec), NOT_A_FILE)
    elif path.is_symlink():
        yield Rejected(printable_path(spec), BROKEN_LINK)
    else:
        yield Rejected(printable_path(spec), "no such file or directory")


def _file(path: Path) -> InputSpec | Rejected:
    try:
        return InputSpec(str(path), path.stat().st_size)
    except OSError as error:  # gone, or unreadable, since the folder was listed
        return Rejected(printable_path(str(path)), f"cannot read ({error.strerror or error})")
