"""A real newsprism web app on 127.0.0.1, over a database holding the example stories."""

from __future__ import annotations

import re
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from newsprism.corpus import Corpus
from newsprism.web.app import create_app
from tests.helpers import EXAMPLES


@dataclass(frozen=True)
class LiveServer:
    url: str  # http://127.0.0.1:PORT
    db: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The app on a free port of 127.0.0.1 until the block ends; gives its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the example stories, none compared yet; never served itself: servers get a `copy_of` it."""
    db = tmp_path_factory.mktemp("examples") / "news.db"
    with Corpus(db) as corpus:
        corpus.ingest([EXAMPLES / "stories"])
    return db


def copy_of(db: Path, folder: Path) -> Path:
    """A copy of the database (WAL included) in `folder`, for a test to change as it likes."""
    copy = folder / db.name
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.fixture(scope="session")
def live_server(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app serving a database of the example stories; comparisons are computed on first visit."""
    db = copy_of(example_db, tmp_path_factory.mktemp("web"))
    with serving(create_app(db)) as url:
        yield LiveServer(url, db)


CSRF_INPUT = re.compile(r'<input type="hidden" name="csrf" value="([^"]+)">')


def csrf_token(client: httpx.Client) -> str:
    """The upload form's token, read from the index page as a browser would."""
    [token] = CSRF_INPUT.findall(client.get("/").text)
    return token


def upload(
    client: httpx.Client, name: str, content: bytes, csrf: str | None = "from the page", **headers: str
) -> httpx.Response:
    """POST /upload as the index page's form does; `csrf=None` leaves the token out."""
    token = csrf_token(client) if csrf == "from the page" else csrf
    data = {} if token is None else {"csrf": token}
    return client.post("/upload", files={"file": (name, content, "text/plain")}, data=data, headers=headers)
