"""The web app over HTTP on 127.0.0.1: pages, search, upload, the JSON API, and what it refuses."""

from __future__ import annotations

import html
import inspect
import re
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from newsprism.cli import app as cli_app
from newsprism.cli import serve
from newsprism.web.app import MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES
from newsprism.web.security import ServeOptions
from tests.web.conftest import LiveServer, upload

ARTICLE = (
    "Title: Ferry service resumes on the Ostra\nSource: Riverside Bulletin\nPublished: 2026-03-05\n\n"
    "The Ostra ferry resumed service on Thursday after the flood waters fell, the operator said.\n"
)


@pytest.fixture(scope="module")
def client(live_server: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=live_server.url, timeout=120)


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_the_index_lists_the_example_stories_with_links(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for story in client.get("/api/stories").json():
        assert f'href="/stories/{story["id"]}"' in page.text
        assert html.escape(story["title"]) in page.text


def test_a_story_page_shows_its_conflicts(client: httpx.Client) -> None:
    [flood] = [s for s in client.get("/api/stories").json() if "Lorvenne" in s["title"] or "Ostra" in s["title"]]
    page = client.get(f"/stories/{flood['id']}")
    assert page.status_code == 200
    text = text_of(page.text)
    assert "15 million marks" in text and "12 million marks" in text and "← All stories" in text


def test_every_page_forbids_scripts(client: httpx.Client) -> None:
    for path in ("/", "/search?q=ferry", "/api/stories"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy


def test_search_finds_an_article_by_phrase(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": '"north bank"'})
    assert page.status_code == 200
    assert "found" in page.text and "Lorvenne" in text_of(page.text)


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "a*", "NEAR(", "-", "'", "x OR"])
def test_search_syntax_in_a_query_is_taken_as_words_not_an_error(client: httpx.Client, query: str) -> None:
    assert client.get("/search", params={"q": query}).status_code == 200
    assert client.get("/api/articles", params={"search": query}).status_code == 200


def test_an_uploaded_article_is_stored_and_found(client: httpx.Client) -> None:
    page = upload(client, "ferry.txt", ARTICLE.encode())
    assert page.status_code == 200, page.text
    assert "Stored 1 article" in text_of(page.text) and "Ferry service resumes" in page.text
    found = client.get("/api/articles", params={"search": "ferry resumed"}).json()
    assert [article["title"] for article in found] == ["Ferry service resumes on the Ostra"]


def test_markup_in_an_uploaded_article_is_shown_as_text(client: httpx.Client) -> None:
    payload = '<script>alert(1)</script> <img src=x onerror=alert(2)>'
    content = f"Title: Quay {payload}\nSource: Odd <b>Outlet</b>\n\nThe quay reopened on Friday. {payload}\n"
    page = upload(client, "quay.txt", content.encode())
    assert page.status_code == 200
    results = client.get("/search", params={"q": "quay reopened"})
    for markup in (page.text, results.text):
        assert "<script>alert" not in markup and "<img" not in markup and "<b>Outlet" not in markup
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


@pytest.mark.parametrize(
    ("name", "content", "status", "reason"),
    [
        ("big.txt", b"Title: Big\n\n" + b"word " * (MAX_UPLOAD_BYTES // 5 + 10), 413, "larger than"),
        ("tool.exe", b"MZ\x90\x00", 415, "not an article file"),
        ("empty.txt", b"   \n", 400, "empty"),
        ("broken.html", b"\x00\x01\x02 not html at all", 200, "Rejected"),
    ],
    ids=["too large", "wrong type", "empty", "unreadable"],
)
def test_bad_uploads_are_refused_with_the_reason(
    client: httpx.Client, name: str, content: bytes, status: int, reason: str
) -> None:
    page = upload(client, name, content)
    assert page.status_code == status
    assert reason in text_of(page.text) and "Traceback" not in page.text


def test_the_api_lists_stories_in_the_documented_shape(client: httpx.Client) -> None:
    stories = client.get("/api/stories").json()
    assert len(stories) == 3
    assert {"id", "title", "first_seen", "last_seen", "sources", "articles"} <= stories[0].keys()


def test_the_api_gives_a_story_comparison(client: httpx.Client) -> None:
    story = client.get("/api/stories").json()[0]
    comparison = client.get(f"/api/stories/{story['id']}").json()
    assert comparison["story"]["id"] == story["id"] and comparison["claims"] and comparison["summary"]


def test_the_api_compares_posted_texts(client: httpx.Client) -> None:
    body = {
        "articles": [
            {"source": "A", "text": "Officials said 4,000 residents were evacuated on Tuesday. Schools closed."},
            {"source": "B", "text": "About 3,500 residents were evacuated on Tuesday, officials said. The mayor came."},
        ]
    }
    response = client.post("/api/compare", json=body)
    assert response.status_code == 200
    result = response.json()
    assert result["claims"] and any(conflict["kind"] == "number" for conflict in result["conflicts"])


def test_a_request_too_large_to_be_an_upload_is_refused_before_it_is_read(client: httpx.Client) -> None:
    page = upload(client, "huge.txt", b"x" * (MAX_REQUEST_BYTES + 1))
    assert page.status_code == 413 and "larger than" in page.text


@pytest.mark.parametrize(
    ("method", "path", "payload", "status"),
    [
        ("GET", "/api/stories/9999", None, 404),
        ("GET", "/api/stories/abc", None, 422),
        ("GET", "/api/stories?since=yesterday", None, 422),
        ("GET", "/api/articles?limit=0", None, 422),
        ("POST", "/api/compare", {"articles": [{"text": "only one"}]}, 422),
        ("POST", "/api/compare", {"articles": [{"text": ""}, {"text": "x"}]}, 422),
        ("POST", "/api/compare", {"articles": [{"text": "a b"}, {"text": "c d"}], "extra": 1}, 422),
        ("POST", "/api/compare", "not json", 422),
    ],
)
def test_malformed_api_requests_get_a_4xx_with_a_message(
    client: httpx.Client, method: str, path: str, payload: object, status: int
) -> None:
    if isinstance(payload, str):
        response = client.request(method, path, content=payload, headers={"content-type": "application/json"})
    else:
        response = client.request(method, path, json=payload)
    assert response.status_code == status
    assert response.json()["detail"]


def test_an_unknown_story_page_is_a_404_page(client: httpx.Client) -> None:
    page = client.get("/stories/9999")
    assert page.status_code == 404 and "no story with id 9999" in page.text


def test_the_api_publishes_its_openapi_schema(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/compare"} <= schema["paths"].keys()


def test_serve_binds_to_this_machine_only_by_default() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """What `newsprism serve` hands uvicorn, without listening anywhere."""
    import uvicorn

    calls: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.update(app=app, **kwargs))
    monkeypatch.delenv("NEWSPRISM_TOKEN", raising=False)
    return calls


def serve_options(served: dict[str, object]) -> ServeOptions:
    app = served["app"]
    assert isinstance(app, FastAPI)
    options = app.state.serve_options
    assert isinstance(options, ServeOptions)
    return options


@pytest.mark.parametrize(
    ("host", "warned"), [("127.0.0.1", False), ("localhost", False), ("::1", False), ("0.0.0.0", True)]
)
def test_serve_warns_when_it_listens_beyond_this_machine(
    served: dict[str, object], db_path: Path, host: str, warned: bool
) -> None:
    result = CliRunner().invoke(cli_app, ["-q", "serve", "--db", str(db_path), "--host", host])
    assert result.exit_code == 0, result.output
    assert served["host"] == host
    assert ("warning: listening on" in result.output) is warned
    if warned:
        assert "NEWSPRISM_TOKEN" in result.output


def test_serve_takes_its_token_from_the_environment(
    served: dict[str, object], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSPRISM_TOKEN", "s3cret")
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(db_path), "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "only with the token" in result.output and "s3cret" not in result.output
    assert serve_options(served).token == "s3cret"


def test_serve_refuses_an_empty_token(served: dict[str, object], db_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(db_path), "--token", " "])
    assert result.exit_code == 1 and "--token is empty" in result.output and not served
