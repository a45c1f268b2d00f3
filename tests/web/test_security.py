"""Who may talk to the web app: the Host and Origin checks, the upload form's CSRF token, the optional
access token, the headers on every response, and no server paths in any answer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsprism.web.app import create_app
from newsprism.web.security import SECURITY_HEADERS, ServeOptions
from tests.helpers import EXAMPLES
from tests.web.conftest import LiveServer, copy_of, serving, upload

TOKEN = "correct-horse-battery-staple"
ARTICLE = b"Title: Lighthouse keeper retires at Cape Morrow\nSource: Coastal Ledger\n\nThe keeper of the " \
    b"Cape Morrow lighthouse retired on Sunday after forty years, the harbour board said.\n"


@pytest.fixture(scope="module")
def client(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=120) as client:
        yield client


def stored_titles(client: httpx.Client, words: str) -> list[str]:
    return [article["title"] for article in client.get("/api/articles", params={"search": words}).json()]


def assert_secure_headers(response: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (response.status_code, name)


# --- Origin and CSRF ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},  # a sandboxed frame or a file:// page
        {"Origin": "http://127.0.0.1:1"},  # another server on this machine
        {"Sec-Fetch-Site": "cross-site"},
    ],
    ids=["foreign origin", "null origin", "other port", "cross-site fetch"],
)
def test_an_upload_from_another_sites_page_is_refused_and_nothing_is_stored(
    client: httpx.Client, headers: dict[str, str]
) -> None:
    content = ARTICLE.replace(b"Lighthouse", b"Forged lighthouse")
    response = upload(client, "forged.txt", content, **headers)
    assert response.status_code == 403 and "another site" in response.text
    assert_secure_headers(response)
    assert stored_titles(client, '"Forged lighthouse"') == []


def test_a_post_to_the_api_from_another_sites_page_is_refused(client: httpx.Client) -> None:
    body = {"articles": [{"text": "The mill closed on Monday."}, {"text": "The mill shut on Monday."}]}
    response = client.post("/api/compare", json=body, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403 and response.json()["detail"]


@pytest.mark.parametrize("csrf", [None, "", "forged-token"], ids=["missing", "empty", "wrong"])
def test_an_upload_without_the_forms_token_is_refused(client: httpx.Client, csrf: str | None) -> None:
    content = ARTICLE.replace(b"Lighthouse", b"Tokenless lighthouse")
    response = upload(client, "tokenless.txt", content, csrf=csrf)
    assert response.status_code == 403 and "form" in response.text
    assert_secure_headers(response)
    assert stored_titles(client, '"Tokenless lighthouse"') == []


def test_the_form_on_the_page_carries_a_token_and_uploading_with_it_works(
    client: httpx.Client, live_server: LiveServer
) -> None:
    page = client.get("/").text
    [form] = re.findall(r'<form action="/upload".*?</form>', page, flags=re.S)
    assert re.search(r'<input type="hidden" name="csrf" value="[\w-]{32,}">', form)
    # Sent as the browser sends the form: from this origin, the token read from the page.
    response = upload(client, "lighthouse.txt", ARTICLE, Origin=live_server.url)
    assert response.status_code == 200, response.text
    assert stored_titles(client, '"Cape Morrow lighthouse"') == ["Lighthouse keeper retires at Cape Morrow"]


# --- Host -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8765", "127.0.0.1.nip.io", "::bad"])
def test_a_request_for_another_host_name_is_refused(client: httpx.Client, host: str) -> None:
    """DNS rebinding: a name the attacker controls, pointed at 127.0.0.1, must not read the pages."""
    for path in ("/", "/api/stories"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == 400 and "host" in response.text
        assert_secure_headers(response)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "192.168.1.20"])
def test_addresses_and_loopback_names_are_answered(client: httpx.Client, host: str) -> None:
    port = httpx.URL(str(client.base_url)).port
    assert client.get("/api/stories", headers={"Host": f"{host}:{port}"}).status_code == 200


# --- the optional token ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def guarded(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server that needs TOKEN, over its own copy of the example database (uploads change it)."""
    db = copy_of(example_db, tmp_path_factory.mktemp("guarded"))
    with serving(create_app(db, ServeOptions(token=TOKEN))) as url:
        yield url


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/"), ("GET", "/api/stories"), ("GET", "/stories/1"), ("POST", "/upload")]
)
@pytest.mark.parametrize(
    "credentials",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}, {"Cookie": "other=1"}],
    ids=["none", "wrong token", "not bearer", "no token cookie"],
)
def test_with_a_token_set_a_request_without_it_is_refused(
    guarded: str, method: str, path: str, credentials: dict[str, str]
) -> None:
    response = httpx.request(method, guarded + path, headers=credentials)
    assert response.status_code == 401 and "token" in response.text
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert_secure_headers(response)


def test_the_api_accepts_the_token_as_a_bearer_header(guarded: str) -> None:
    response = httpx.get(guarded + "/api/stories", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and len(response.json()) == 3


def test_a_browser_opens_the_token_link_once_then_a_cookie_carries_it(guarded: str) -> None:
    with httpx.Client(base_url=guarded) as browser:
        first = browser.get("/", params={"token": TOKEN, "x": "1"})
        assert first.status_code == 303 and first.headers["location"] == "/?x=1"  # the token leaves the URL
        assert "httponly" in first.headers["set-cookie"].lower()
        assert "samesite=strict" in first.headers["set-cookie"].lower()
        assert browser.get("/").status_code == 200
        content = ARTICLE.replace(b"Lighthouse", b"Guarded lighthouse")
        response = upload(browser, "guarded.txt", content, Origin=guarded)
        assert response.status_code == 200 and "Stored 1 article" in response.text
    assert httpx.get(guarded + "/", params={"token": "wrong"}).status_code == 401


# --- no server paths ------------------------------------------------------------------------------


def test_no_response_tells_where_the_servers_files_are(
    client: httpx.Client, live_server: LiveServer
) -> None:
    uploaded = upload(client, "quayside.txt", ARTICLE.replace(b"Lighthouse", b"Quayside lighthouse"))
    rejected = upload(client, "broken.html", b"\x00\x01\x02 not html at all")
    [story] = re.findall(r'href="/stories/(\d+)"', uploaded.text)
    flood = next(s["id"] for s in client.get("/api/stories").json() if "Lorvenne" in s["title"])
    responses = [
        uploaded,
        rejected,
        client.get("/api/articles", params={"limit": 1000}),
        client.get(f"/api/stories/{flood}"),
        client.get(f"/api/stories/{story}"),
        client.get(f"/stories/{flood}"),
        client.get(f"/stories/{story}"),
        client.get("/"),
        client.get("/search", params={"q": "lighthouse"}),
    ]
    assert all(response.status_code == 200 for response in responses)
    private = [str(live_server.db.parent), str(EXAMPLES), "newsprism-upload-", '"path"']
    for response in responses:
        leaked = [text for text in private if text in response.text]
        assert not leaked, (response.url, leaked)
