"""A real newsprism web app on 127.0.0.1, over a database holding the example stories."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

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


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The app serving a database of the example stories; comparisons are computed on first visit."""
    db = tmp_path_factory.mktemp("web") / "news.db"
    with Corpus(db) as corpus:
        corpus.ingest([EXAMPLES / "stories"])
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    yield LiveServer(f"http://127.0.0.1:{port}", db)
    server.should_exit = True
    thread.join(timeout=10)
