"""Files under a folder or matching a glob pattern, found without following symbolic links out of the folder.

A link found on the way is followed only where it points inside the folder walked (for a pattern, its fixed
leading folder): a link to a file outside is rejected with a reason, never read in silence, so that a folder
from elsewhere cannot make newsprism store ~/.ssh/id_rsa. Linked folders are not descended into at all,
which also ends the walk of a folder that links to itself. A path the user names is read wherever it points.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from newsprism.ingest.safe_text import printable_path
from newsprism.models import Rejected

_RECURSIVE = "**"
BROKEN_LINK = "broken symbolic link (its target is missing or links back to itself)"
NOT_A_FILE = "not a regular file (a pipe, socket or device)"
_OUTSIDE = "outside the folder read: not followed"


def walk_folder(root: Path) -> Iterator[Path | Rejected]:
    """The files under `root` that are not hidden, sorted, and a Rejected for each link not followed."""
    inside = os.path.realpath(root)
    found: list[tuple[Path, Path | Rejected]] = []

    def unreadable(error: OSError) -> None:
        path = Path(error.filename)
        found.append((path, _rejected(path, f"cannot read ({error.strerror or error})")))

    for folder, folders, files in os.walk(root, onerror=unreadable):  # linked folders are not descended
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in folders:
            path = Path(folder, name)
            if path.is_symlink() and not _within(path, inside):
                found.append((path, _rejected(path, f"symbolic link to a folder {_OUTSIDE}")))
        for name in files:
            if not name.startswith("."):
                path = Path(folder, name)
                found.append((path, _file_or_rejected(path, inside)))
    found.sort(key=lambda pair: pair[0])
    yield from (item for _, item in found)


def glob_files(pattern: str) -> Iterator[Path | Rejected]:
    """The files matching `pattern`, in sorted order; `**` walks folders as walk_folder does."""
    inside = os.path.realpath(_fixed_part(pattern))
    for path in sorted({Path(match) for match in _glob(pattern)}):
        if path.is_dir():  # a folder the pattern matches is not read, as with glob
            continue
        item = _file_or_rejected(path, inside)
        if isinstance(item, Path) and not _within(item, inside):  # "*/*.txt" through a linked folder
            item = _rejected(path, f"reached through a symbolic link to a folder {_OUTSIDE}")
        yield item


def _glob(pattern: str) -> Iterator[str]:
    """glob.glob, except that `**` skips linked folders: glob follows them, round a loop without end."""
    parts = pattern.split(os.sep)
    if _RECURSIVE not in parts:
        yield from glob.iglob(pattern)
        return
    index = parts.index(_RECURSIVE)
    head, rest = os.sep.join(parts[:index]), parts[index + 1 :]
    bases = glob.glob(head) if glob.has_magic(head) else [head]
    for base in bases:
        if not os.path.isdir(base or os.curdir):
            continue
        for folder in _folders(base):
            escaped = glob.escape(folder) if folder else ""
            yield from _glob(os.path.join(escaped, *rest) if rest else os.path.join(escaped, "*"))


def _folders(base: str) -> Iterator[str]:
    """`base` and the folders under it, not hidden and not reached through a link; "" stands for here."""
    for folder, folders, _ in os.walk(base or os.curdir):
        folders[:] = [name for name in folders if not name.startswith(".")]
        yield base if folder == (base or os.curdir) else (folder if base else os.path.relpath(folder))


def _fixed_part(pattern: str) -> str:
    """The folder that holds every match of a pattern: "archive" for "archive/**/*.html"."""
    fixed = []
    for part in pattern.split(os.sep)[:-1]:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return os.sep.join(fixed) or (os.sep if pattern.startswith(os.sep) else os.curdir)


def _file_or_rejected(path: Path, inside: str) -> Path | Rejected:
    if path.is_symlink():
        if not path.exists():
            return _rejected(path, BROKEN_LINK)
        if not _within(path, inside):
            return _rejected(path, f"symbolic link to a file {_OUTSIDE}")
    if not path.is_file():
        return _rejected(path, NOT_A_FILE)
    return path


def _within(path: Path, inside: str) -> bool:
    target = os.path.realpath(path)
    return target == inside or target.startswith(inside.rstrip(os.sep) + os.sep)


def _rejected(path: Path, reason: str) -> Rejected:
    return Rejected(printable_path(str(path)), reason)
