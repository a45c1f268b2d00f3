"""The command line, used as a reader would: exit codes, messages, output formats."""

from __future__ import annotations

import csv
import importlib.metadata
import io
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from newsprism.version import __version__
from tests.helpers import EXAMPLES, write

STORIES = EXAMPLES / "stories"


def _snapshot(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        articles = db.execute("SELECT * FROM articles ORDER BY id").fetchall()
        sentences = db.execute("SELECT * FROM sentences ORDER BY article_id, idx").fetchall()
        sources = db.execute("SELECT * FROM sources ORDER BY id").fetchall()
    return [*articles, *sentences, *sources]


def test_ingesting_the_examples_twice_reports_duplicates_and_changes_nothing(
    cli: Callable[..., Result], db_path: Path
) -> None:
    first = cli("ingest", str(STORIES))
    assert first.exit_code == 0, first.output
    stored = int(re.fullmatch(r"ingested (\d+), duplicates 0, rejected 0", first.stdout.strip()).group(1))  # type: ignore[union-attr]
    assert stored >= 12
    before = _snapshot(db_path)
    second = cli("ingest", str(STORIES))
    assert second.exit_code == 0
    assert second.stdout.strip() == f"ingested 0, duplicates {stored}, rejected 0"
    assert _snapshot(db_path) == before


def test_ingest_json_output_lists_ids(cli: Callable[..., Result], tmp_path: Path) -> None:
    good = write(tmp_path / "post.txt", "Title: Ferry\nSource: Vaskor Post\n\nThe ferry closed on Tuesday.\n")
    bad = write(tmp_path / "empty.txt", "")
    result = cli("ingest", str(good), str(bad), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "ingested": [1],
        "duplicates": [],
        "rejected": [{"path": str(bad), "reason": "empty file"}],
        "near_duplicates": [],
        "new_stories": 1,
    }


def test_ingest_reads_stdin(cli: Callable[..., Result]) -> None:
    result = cli("ingest", "-", input="Title: Ferry\nSource: Vaskor Post\n\nThe ferry closed on Tuesday.\n")
    assert result.exit_code == 0
    assert result.stdout.strip() == "ingested 1, duplicates 0, rejected 0"


def test_ingest_accepts_globs(cli: Callable[..., Result]) -> None:
    result = cli("ingest", str(STORIES / "*" / "*.txt"))
    assert result.exit_code == 0
    assert result.stdout.startswith("ingested ")


def test_quiet_ingest_prints_nothing_on_success(cli: Callable[..., Result], db_path: Path, tmp_path: Path) -> None:
    good = write(tmp_path / "post.txt", "Title: Ferry\nSource: Vaskor Post\n\nThe ferry closed on Tuesday.\n")
    from typer.testing import CliRunner

    from newsprism.cli import app

    result = CliRunner().invoke(app, ["-q", "ingest", "--db", str(db_path), str(good)])
    assert result.exit_code == 0
    assert result.output == ""


def test_verbose_ingest_names_each_article(db_path: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app

    good = write(tmp_path / "post.txt", "Title: Ferry\nSource: Vaskor Post\n\nThe ferry closed on Tuesday.\n")
    result = CliRunner().invoke(app, ["-v", "ingest", "--db", str(db_path), str(good)])
    assert "stored #1: Vaskor Post: Ferry" in result.stderr


def test_a_bad_map_is_a_usage_error(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("ingest", str(tmp_path), "--map", "body")
    assert result.exit_code == 2
    assert "bad --map entry 'body'" in result.output


@pytest.fixture
def filled(cli: Callable[..., Result]) -> Callable[..., Result]:
    assert cli("ingest", str(STORIES)).exit_code == 0
    return cli


def test_articles_lists_as_json_csv_and_table(filled: Callable[..., Result]) -> None:
    listed = json.loads(filled("articles", "--format", "json").stdout)
    assert len(listed) >= 12
    assert set(listed[0]) >= {"id", "source", "title", "published", "url", "language", "dateline"}
    rows = list(csv.DictReader(io.StringIO(filled("articles", "--format", "csv").stdout)))
    assert [int(r["id"]) for r in rows] == [a["id"] for a in listed]
    table = filled("articles").stdout
    assert listed[0]["title"][:20] in table


def test_articles_filters(filled: Callable[..., Result]) -> None:
    everything = json.loads(filled("articles", "--format", "json").stdout)
    source = everything[0]["source"]
    by_source = json.loads(filled("articles", "--source", source, "--format", "json").stdout)
    assert by_source and all(a["source"] == source for a in by_source)
    assert json.loads(filled("articles", "--since", "2099-01-01", "--format", "json").stdout) == []
    assert len(json.loads(filled("articles", "--limit", "2", "--format", "json").stdout)) == 2


def test_articles_search_uses_the_full_text_index(filled: Callable[..., Result]) -> None:
    everything = json.loads(filled("articles", "--format", "json").stdout)
    word = everything[-1]["title"].split()[-1].strip(".,;:'\"")
    found = json.loads(filled("articles", "--search", word, "--format", "json").stdout)
    assert everything[-1]["id"] in [a["id"] for a in found]
    assert json.loads(filled("articles", "--search", "zyzzyvaquux", "--format", "json").stdout) == []


def test_a_bad_since_date_is_a_usage_error(cli: Callable[..., Result]) -> None:
    result = cli("articles", "--since", "yesterday")
    assert result.exit_code == 2
    assert "is not a date" in result.output


def test_show_prints_the_article_and_json_has_sentences(filled: Callable[..., Result]) -> None:
    first = json.loads(filled("articles", "--format", "json").stdout)[0]
    text = filled("show", str(first["id"])).stdout
    assert first["title"] in text and first["source"] in text
    detail = json.loads(filled("show", str(first["id"]), "--format", "json").stdout)
    assert detail["sentences"][0]["index"] == 0
    assert " ".join(s["text"] for s in detail["sentences"]).split() == detail["text"].split()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "999"], "no article with id 999"),
        (["compare", "998", "999"], "no article with id 998"),
        (["story", "999"], "no story with id 999"),
        (["report", "--story", "999", "-o", "site"], "no story with id 999"),
        # Beyond SQLite's 64-bit integers: no row, not an overflow.
        (["show", str(2**64)], f"no article with id {2**64}"),
        (["compare", "1", str(2**63)], "no article with id 1"),
        (["compare", str(2**63), "1"], f"no article with id {2**63}"),
        (["story", "9" * 30], f"no story with id {'9' * 30}"),
        (["report", "--story", str(2**63), "-o", "site"], f"no story with id {2**63}"),
    ],
)
def test_an_unknown_id_is_one_line_and_exit_1(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr == f"error: {message}\n"
    assert result.stdout == ""


@pytest.mark.parametrize(("command", "every"), [("articles", "--limit=0"), ("stories", "--all")])
def test_a_limit_beyond_64_bits_means_all(filled: Callable[..., Result], command: str, every: str) -> None:
    listed = filled(command, every, "--format", "json").stdout
    assert filled(command, every, "--limit", str(2**70), "--format", "json").stdout == listed


# Every command, with the arguments that make it open its database.
EVERY_COMMAND = [
    ["ingest", str(STORIES / "lorvenne-flood")],
    ["articles"],
    ["show", "1"],
    ["compare", "1", "2"],
    ["cluster"],
    ["stories"],
    ["story", "1"],
    ["report", "-o", "site"],
    ["serve"],
]


@pytest.mark.parametrize("args", EVERY_COMMAND, ids=lambda args: args[0])
def test_a_database_that_is_not_one_is_one_line_and_exit_1_from_every_command(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    fake = write(tmp_path / "fake.db", "not a database " * 200)
    command, *rest = args
    result = cli(command, "--db", str(fake), *rest, db=None)
    assert result.exit_code == 1
    assert result.stderr == f"error: {fake}: not a usable newsprism database (file is not a database)\n"
    assert result.stdout == ""


def test_version(cli: Callable[..., Result]) -> None:
    result = cli("--version", db=None)
    assert result.stdout.strip() == f"newsprism {__version__}"
    assert importlib.metadata.version("newsprism") == __version__  # pyproject reads it from newsprism.version


def test_the_db_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app

    env_db = tmp_path / "from-env.db"
    monkeypatch.setenv("NEWSPRISM_DB", str(env_db))
    good = write(tmp_path / "post.txt", "Title: Ferry\nSource: Vaskor Post\n\nThe ferry closed on Tuesday.\n")
    assert CliRunner().invoke(app, ["ingest", str(good)]).exit_code == 0
    assert env_db.exists()


def test_the_cli_loads_no_reader_clusterer_or_model_until_a_command_needs_one() -> None:
    # `stories`, `articles` and `show` read the store only: they must not pay for lxml, onnxruntime, lingua,
    # numpy, nor for the HTTP client and the encoding detector that only some ingests need.
    probe = (
        "import sys, newsprism.cli; "
        "heavy = ('newsprism.ingest.reader', 'newsprism.stories.builder', 'newsprism.stories.clusterer', "
        "'newsprism.nlp.embeddings', 'onnxruntime', 'lxml', 'lingua', 'numpy', 'http.client', "
        "'charset_normalizer'); "
        "print(sorted(name for name in heavy if name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
