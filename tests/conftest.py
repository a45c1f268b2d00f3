from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from newsprism.cli import app


@pytest.fixture(scope="session", autouse=True)
def _isolated_model_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The optimised embedding model is built into a temp cache, never the developer's ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSPRISM_CACHE", str(tmp_path_factory.mktemp("model-cache")))
        yield


@pytest.fixture(autouse=True)
def _isolated_db_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches a database outside its temp dir, whatever the developer's environment says."""
    monkeypatch.setenv("NEWSPRISM_DB", str(tmp_path / "env-default.db"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


@pytest.fixture
def cli(db_path: Path) -> Callable[..., Result]:
    """Run the CLI against the test's database: cli("ingest", "file.txt")."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None, db: Path | None = db_path) -> Result:
        command, *rest = args
        db_args = ["--db", str(db)] if db is not None and command in {"ingest", "articles", "show", "compare", "cluster", "stories", "story", "report"} else []
        return runner.invoke(app, [command, *db_args, *rest], input=input, catch_exceptions=False)

    return run
