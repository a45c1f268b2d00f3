"""From the paths, globs, directories, URLs and `-` a user typed to the list of inputs to read."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsprism.ingest.fetch import is_url
from newsprism.models import Rejected

STDIN = "-"


@dataclass(frozen=True)
class InputSpec:
    """One thing to read: a file path, a URL, or standard input."""

    location: str
    size: int = 0  # bytes, for progress; 0 when unknown

    @property
    def is_stdin(self) -> bool:
        return self.location == STDIN

    @property
    def is_url(self) -> bool:
        return is_url(self.location)

    @property
    def origin(self) -> str:
        return "<stdin>" if self.is_stdin else self.location


def discover_inputs(specs: Iterable[str]) -> Iterator[InputSpec | Rejected]:
    """Expand directories (recursively, skipping hidden entries) and globs, in a stable order."""
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
    path = Path(spec)
    if path.is_file():
        yield _file(path)
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
        if not files:
            yield Rejected(spec, "directory holds no files")
        yield from (_file(p) for p in files)
    elif glob.has_magic(spec):
        matches = sorted(Path(m) for m in glob.glob(spec, recursive=True))
        files = [m for m in matches if m.is_file()]
        if not files:
            yield Rejected(spec, "no file matches this pattern")
        yield from (_file(p) for p in files)
    else:
        yield Rejected(spec, "no such file or directory")


def _file(path: Path) -> InputSpec:
    return InputSpec(str(path), path.stat().st_size)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
