"""Folders and glob patterns are walked to an end, and symbolic links are followed only within the folder read."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from newsprism.ingest.discover import InputSpec, discover_inputs
from newsprism.models import Rejected
from tests.helpers import write

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")

REPORT = "Title: Market hall reopens\nSource: Vaskor Post\n\nThe market hall in Vaskor reopened on Saturday after a two-year renovation.\n"
SECRET = "Title: Private notes\n\nThe key to the office is under the third flowerpot from the left of the door.\n"
OUTSIDE = "outside the folder read: not followed"


def stored_titles(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as db:
        return {title for (title,) in db.execute("SELECT title FROM articles")}


@pytest.fixture
def looping(tmp_path: Path) -> Path:
    """A folder holding one report and two links to itself: a walk that follows links never ends."""
    folder = tmp_path / "news"
    write(folder / "hall.txt", REPORT)
    (folder / "again").symlink_to(".", target_is_directory=True)
    (folder / "and-again").symlink_to(folder, target_is_directory=True)
    return folder


@pytest.mark.parametrize(
    ("pattern", "copies"), [("{folder}", 0), ("{folder}/**/*.txt", 0), ("{folder}/**", 0), ("{folder}/*/*/*/*.txt", 7)]
)
def test_a_folder_that_links_to_itself_is_walked_to_an_end(
    pattern: str, copies: int, looping: Path, db_path: Path
) -> None:
    # In a process of its own, so that a walk that never ends fails the test instead of hanging the suite.
    command = [sys.executable, "-m", "newsprism", "ingest", pattern.format(folder=looping), "--db", str(db_path)]
    done = subprocess.run([*command, "--no-cluster"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.strip() == f"ingested 1, duplicates {copies}, rejected 0"
    assert stored_titles(db_path) == {"Market hall reopens"}


def test_a_recursive_pattern_from_the_current_folder_skips_linked_folders(
    looping: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(looping)
    assert list(discover_inputs(["**/*.txt"])) == [InputSpec("hall.txt", len(REPORT))]


@pytest.fixture
def leaking(tmp_path: Path) -> Path:
    """A folder whose links point at a private file and a private folder outside it, and at a report inside."""
    private = write(tmp_path / "home" / "notes.txt", SECRET)
    folder = tmp_path / "download"
    write(folder / "hall.txt", REPORT)
    (folder / "notes.txt").symlink_to(private)
    (folder / "home").symlink_to(private.parent, target_is_directory=True)
    (folder / "sub").mkdir()
    (folder / "sub" / "hall-again.txt").symlink_to(Path("..", "hall.txt"))
    return folder


def test_links_out_of_a_folder_are_rejected_by_name_and_not_read(
    leaking: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    result = cli("ingest", str(leaking))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"rejected: {leaking / 'home'}: symbolic link to a folder {OUTSIDE}",
        f"rejected: {leaking / 'notes.txt'}: symbolic link to a file {OUTSIDE}",
    ]
    assert result.stdout.strip() == "ingested 1, duplicates 1, rejected 2"  # sub/hall-again.txt is a link inside
    assert stored_titles(db_path) == {"Market hall reopens"}


def test_a_pattern_follows_links_only_within_its_fixed_folder(leaking: Path) -> None:
    found = list(discover_inputs([f"{leaking}/*.txt", f"{leaking}/*/*.txt"]))
    assert found == [
        InputSpec(str(leaking / "hall.txt"), len(REPORT)),
        Rejected(str(leaking / "notes.txt"), f"symbolic link to a file {OUTSIDE}"),
        Rejected(str(leaking / "home" / "notes.txt"), f"reached through a symbolic link to a folder {OUTSIDE}"),
        InputSpec(str(leaking / "sub" / "hall-again.txt"), len(REPORT)),
    ]


def test_a_link_named_on_the_command_line_is_read_wherever_it_points(
    leaking: Path, cli: Callable[..., Result], db_path: Path
) -> None:
    result = cli("ingest", str(leaking / "notes.txt"))
    assert (result.exit_code, result.stderr) == (0, "")
    assert stored_titles(db_path) == {"Private notes"}


def test_a_broken_link_is_rejected_by_name(tmp_path: Path, cli: Callable[..., Result]) -> None:
    folder = tmp_path / "news"
    write(folder / "hall.txt", REPORT)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result = cli("ingest", str(folder))
    assert result.stderr.splitlines() == [
        f"rejected: {folder / 'gone.txt'}: broken symbolic link (its target is missing or links back to itself)",
        f"rejected: {folder / 'loop.txt'}: broken symbolic link (its target is missing or links back to itself)",
    ]
    assert result.stdout.strip() == "ingested 1, duplicates 0, rejected 2"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_or_named_is_rejected_not_waited_on(tmp_path: Path, cli: Callable[..., Result]) -> None:
    folder = tmp_path / "news"
    write(folder / "hall.txt", REPORT)
    os.mkfifo(folder / "pipe.txt")
    for spec in (folder, folder / "pipe.txt"):
        result = cli("ingest", str(spec))
        assert result.stderr.splitlines() == [f"rejected: {folder / 'pipe.txt'}: not a regular file (a pipe, socket or device)"]
