"""The web app under hostile requests: a 4xx with a reason for every bad one, never a 5xx, the security
headers on every response, no server path in any body."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz import hostile
from fuzz.run import send
from newsprism.corpus import Corpus
from newsprism.web.app import create_app
from tests.helpers import EXAMPLES

CI = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow,
              HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, Path]]:
    """The app on 127.0.0.1 over a database of the example stories, for this module alone (it uploads)."""
    db = tmp_path_factory.mktemp("hostile-web") / "news.db"
    with Corpus(db) as corpus:
        corpus.ingest([EXAMPLES / "stories"])
    app_server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="critical"))
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not app_server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the web app did not start"
        time.sleep(0.05)
    port = app_server.servers[0].sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=60, headers={"Origin": base}) as client:
        yield client, db
    app_server.should_exit = True
    thread.join(timeout=10)


@CI
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_no_hostile_request_gets_a_5xx_or_loses_the_headers(server: tuple[httpx.Client, Path], seed: int) -> None:
    client, db = server
    request = hostile.hostile_request(random.Random(seed))
    response = send(client, request)
    assert response.status_code < 500, f"{request.method} {request.path[:200]}: {response.text[:300]}"
    assert "content-security-policy" in response.headers and "x-content-type-options" in response.headers
    assert str(db.parent) not in response.text
    if response.status_code >= 400:
        assert response.text.strip()


def test_after_hostile_uploads_the_pages_still_work(server: tuple[httpx.Client, Path]) -> None:
    client, _ = server
    rng = random.Random(7)
    for _ in range(10):
        send(client, hostile.HostileRequest("POST", "/upload", upload=hostile.hostile_file(rng)))
    assert client.get("/").status_code == 200
    assert client.get("/api/stories").status_code == 200
