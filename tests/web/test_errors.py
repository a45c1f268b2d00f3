"""Hostile requests never crash, hang or leak: known bad ones are a 4xx with the reason, anything
unexpected a one-line 500, every error carries the security headers, and a story is compared once at a
time however many visitors wait for it."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import newsprism.comparison.pipeline as pipeline
from newsprism.models import Comparison
from newsprism.web.app import create_app
from newsprism.web.security import SECURITY_HEADERS
from tests.web.conftest import LiveServer, copy_of, serving, upload


@pytest.fixture(scope="module")
def client(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=120) as client:
        yield client


def assert_clean_error(response: httpx.Response, status: int) -> None:
    """The status, the security headers, and a one-line reason: JSON under /api/, else a page."""
    assert response.status_code == status, response.text
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    assert "Traceback" not in response.text and 'File "' not in response.text
    if response.url.path.startswith("/api/"):
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail and "\n" not in detail
    else:
        assert response.headers["content-type"].startswith("text/html")
        assert '<p class="error">' in response.text


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/search?q=%00", 422),
        ("/search?q=flood%00", 422),
        ("/search", 422),
        ("/api/articles?search=%00", 422),
        ("/api/articles?source=a%01b", 422),
        ("/stories/99999999999999999999", 404),
        ("/stories/9223372036854775808", 404),
        ("/api/stories/9223372036854775808", 404),
        ("/api/stories/-1", 404),
        ("/api/stories/0", 404),
        ("/stories/1.5", 422),
        ("/api/stories/0x10", 422),
        ("/api/stories?limit=100000000000000000000000", 422),
        ("/no/such/page", 404),
        ("/api/no/such/thing", 404),
        ("/upload", 405),
    ],
)
def test_a_bad_request_is_a_4xx_with_the_security_headers(client: httpx.Client, path: str, status: int) -> None:
    assert_clean_error(client.get(path), status)


def test_the_reason_for_a_bad_search_is_given(client: httpx.Client) -> None:
    response = client.get("/api/articles", params={"search": "\x00"})
    assert response.json()["detail"] == "query.search: must not contain control characters"


def boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError(f"exploded reading {Path(__file__).parent}/secret.db\n  second line")


@pytest.mark.parametrize(
    ("broken", "path"),
    [
        ("newsprism.web.app.index_html", "/"),  # a page
        ("newsprism.web.app.story_dict", "/api/stories"),  # the API
        ("newsprism.web.app.comparison_html", "/stories/1"),  # an async route, via a worker thread
        ("newsprism.web.app.comparison_dict", "/api/stories/1"),
        ("newsprism.web.app._ingest_upload", "/upload"),  # an upload that breaks a later stage
    ],
)
def test_an_unexpected_error_is_a_one_line_500_without_its_message(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch, broken: str, path: str
) -> None:
    monkeypatch.setattr(broken, boom)
    response = upload(client, "a.txt", b"Title: A\n\nText.") if path == "/upload" else client.get(path)
    assert_clean_error(response, 500)
    assert "internal error (RuntimeError)" in response.text
    assert "exploded" not in response.text and "secret.db" not in response.text
    monkeypatch.undo()
    assert client.get(path.replace("/upload", "/")).status_code == 200  # the server carries on


def test_a_busy_database_is_a_503_to_retry(client: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("newsprism.web.app.story_dict", locked)
    response = client.get("/api/stories")
    assert_clean_error(response, 503)
    assert response.headers["retry-after"] == "5" and "busy" in response.json()["detail"]


def test_when_even_the_error_page_fails_the_reason_goes_out_as_text(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsprism.web.app.render_template", boom)
    response = client.get("/search", params={"q": "flood"})
    assert response.status_code == 500 and response.headers["content-type"].startswith("text/plain")
    assert response.text == "internal error (RuntimeError): this request could not be answered"
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name


# --- one comparison per story at a time -----------------------------------------------------------


@pytest.fixture
def counted_compare(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """pipeline.compare, slowed down and counted; it compares nothing, so the test is fast."""
    calls: list[int] = []

    def slow_compare(articles: Any, options: Any = None) -> Comparison:
        calls.append(threading.get_ident())
        time.sleep(1.0)  # long enough for every visitor to arrive while it runs
        return Comparison(tuple(pipeline.as_compared(articles)), (), (), (), (), (), (), ())

    monkeypatch.setattr(pipeline, "compare", slow_compare)
    return calls


def test_concurrent_visitors_of_an_uncompared_story_share_one_comparison(
    example_db: Path, tmp_path: Path, counted_compare: list[int]
) -> None:
    app = create_app(copy_of(example_db, tmp_path))
    with serving(app) as url:
        story = httpx.get(url + "/api/stories").json()[0]["id"]
        paths = [f"/stories/{story}", f"/api/stories/{story}"] * 4
        responses: list[httpx.Response] = []

        def visit(path: str) -> None:
            responses.append(httpx.get(url + path, timeout=60))

        visitors = [threading.Thread(target=visit, args=(path,)) for path in paths]
        for visitor in visitors:
            visitor.start()
        for visitor in visitors:
            visitor.join()
        assert [response.status_code for response in responses] == [200] * len(paths)
        assert len(counted_compare) == 1
        assert app.state.comparisons.running() == 0
        # Once cached, a visit computes nothing.
        assert httpx.get(url + f"/api/stories/{story}").status_code == 200 and len(counted_compare) == 1


def test_a_comparison_that_fails_fails_for_every_waiting_visitor_and_is_tried_again(
    example_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def failing_compare(articles: Any, options: Any = None) -> Comparison:
        calls.append(1)
        time.sleep(0.5)
        raise ValueError("year 10000 is out of range")

    monkeypatch.setattr(pipeline, "compare", failing_compare)
    app = create_app(copy_of(example_db, tmp_path))
    with serving(app) as url:
        story = httpx.get(url + "/api/stories").json()[0]["id"]
        responses: list[httpx.Response] = []
        visitors = [
            threading.Thread(target=lambda: responses.append(httpx.get(f"{url}/api/stories/{story}")))
            for _ in range(3)
        ]
        for visitor in visitors:
            visitor.start()
        for visitor in visitors:
            visitor.join()
        assert [response.status_code for response in responses] == [500] * 3 and calls == [1]
        assert httpx.get(f"{url}/api/stories/{story}").status_code == 500 and calls == [1, 1]


# --- what a comparison reads of a huge article ----------------------------------------------------


def test_a_comparison_reads_only_the_first_sentences_of_a_huge_article(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_COMPARED_SENTENCES", 4)
    sentences = [f"The council met for session number {n} on Monday." for n in range(1, 40)]
    body = {
        "articles": [
            {"source": "Long", "text": " ".join(sentences)},
            {"source": "Short", "text": "The council met on Monday. It approved the budget."},
        ]
    }
    articles = client.post("/api/compare", json=body).json()["articles"]
    assert [len(article["sentences"]) for article in articles] == [4, 2]


def test_a_comparison_reads_only_the_first_characters_of_a_huge_sentence(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_COMPARED_CHARS", 100)
    body = {"articles": [{"text": "word " * 2000}, {"text": "A short report. It has two sentences."}]}
    articles = client.post("/api/compare", json=body).json()["articles"]
    assert sum(len(sentence["text"]) for sentence in articles[0]["sentences"]) <= 100
    assert len(articles[1]["sentences"]) == 2
