"""The web app in a real headless Chromium: stories, search, upload, hostile articles, phone width.

Debian's /usr/bin/chromium (`make test` installs it with apt) is driven by Playwright; `playwright install`,
which downloads a browser of its own, is never needed. Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.helpers import EXAMPLES, REPO, straight, write
from tests.web.conftest import LiveServer

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "build" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# A story's first visit computes its comparison (models included): allow for a slow, shared machine.
PAGE_TIMEOUT_MS = 120_000
PLANTED = {story["slug"]: story for story in json.loads((EXAMPLES / "planted.json").read_text())["stories"]}
PAYLOAD = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def open_page(browser: Browser, viewport: dict[str, int] = DESKTOP) -> Page:
    page = browser.new_page(viewport=viewport)
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    return page


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = open_page(browser)
    yield page
    page.close()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def example_story_titles() -> dict[str, set[str]]:
    """Per example story, the titles of its articles (a story is titled after one of them)."""
    return {slug: {article["title"] for article in story["articles"]} for slug, story in PLANTED.items()}


def story_title(page: Page, slug: str) -> str:
    """The index's link to the example story `slug`: the one whose text is one of its articles' titles."""
    titles = {straight(title) for title in example_story_titles()[slug]}
    [title] = [text for text in page.locator("main table a").all_inner_texts() if straight(text) in titles]
    return title


def open_story(page: Page, live_server: LiveServer, slug: str) -> None:
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=story_title(page, slug), exact=True).click()
    expect(page).to_have_url(re.compile(r"/stories/\d+$"))


def section(page: Page, heading: str) -> str:
    return page.locator("section").filter(has=page.get_by_role("heading", name=heading, exact=True)).inner_text()


def upload(page: Page, live_server: LiveServer, file: Path) -> None:
    page.goto(live_server.url + "/")
    page.set_input_files("form[action='/upload'] input[type=file]", file)
    page.locator("form[action='/upload']").get_by_role("button", name="Upload").click()
    page.wait_for_url(live_server.url + "/upload")


def search(page: Page, live_server: LiveServer, words: str) -> None:
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search articles").fill(words)
    page.get_by_role("searchbox", name="Search articles").press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))


def result_titles(page: Page) -> list[str]:
    return page.locator("main table tbody tr td:first-child").all_inner_texts()


def test_the_index_lists_the_example_stories_and_a_click_opens_one(page: Page, live_server: LiveServer) -> None:
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stories")
    titles = {slug: story_title(page, slug) for slug in PLANTED}
    assert len(set(titles.values())) == 3
    for title in titles.values():
        expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()
    screenshot(page, "index")

    page.get_by_role("link", name=titles["port-asha-clashes"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/stories/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(titles["port-asha-clashes"])
    expect(page.get_by_role("heading", name="Conflicts", exact=True)).to_be_visible()
    page.get_by_role("link", name="← All stories").click()
    expect(page).to_have_url(live_server.url + "/")


def test_a_story_page_shows_the_planted_conflict_and_unique_fact(page: Page, live_server: LiveServer) -> None:
    open_story(page, live_server, "lorvenne-flood")
    conflicts = section(page, "Conflicts")
    assert "15 million marks" in conflicts and "12 million marks" in conflicts
    matrix = section(page, "Who reports what")
    for fact in PLANTED["lorvenne-flood"]["planted"]["unique_facts"]:
        assert straight(fact["sentence"]) in matrix
    screenshot(page, "story")


def test_clicking_a_matrix_mark_shows_the_sentence_in_context(page: Page, live_server: LiveServer) -> None:
    open_story(page, live_server, "lorvenne-flood")
    facts = PLANTED["lorvenne-flood"]["planted"]["unique_facts"]
    [fact] = [fact for fact in facts if fact["source"] == "The Daily Clarion"]
    row = page.locator("tr").filter(has=page.locator("td.claim", has_text=straight(fact["sentence"])))
    expect(row).to_have_count(1)
    expect(row).to_have_class(re.compile(r"\bunique\b"))
    [mark] = row.locator("details").all()  # one outlet only
    context = mark.locator("p.context")
    expect(context).to_be_hidden()

    mark.locator("summary").click()
    expect(context).to_be_visible()
    expect(context.locator("strong")).to_have_text(straight(fact["sentence"]))
    expect(context.locator(".around").first).to_be_visible()  # the sentence before or after it


def test_the_search_box_finds_an_article(page: Page, live_server: LiveServer) -> None:
    search(page, live_server, '"pensioner and her two cats"')
    expect(page.get_by_role("heading", level=1)).to_contain_text("pensioner and her two cats")
    assert result_titles(page) == ["Night of terror as raging Ostra swallows Lorvenne's north bank"]
    screenshot(page, "search")


def test_an_uploaded_article_is_listed_then_found(page: Page, live_server: LiveServer, tmp_path: Path) -> None:
    title = "Glassworks museum in Tervel reopens its kiln hall"
    article = write(
        tmp_path / "glassworks.txt",
        f"Title: {title}\nSource: Tervel Morning Post\n\n"
        "The glassworks museum in Tervel reopened its restored kiln hall on Saturday, the curator said.\n"
        "Visitors queued along the canal to watch the first demonstration of hand-blown lanterns.\n",
    )
    upload(page, live_server, article)
    expect(page.locator("main")).to_contain_text("Stored 1 article from glassworks.txt.")
    assert result_titles(page) == [title]

    search(page, live_server, '"hand-blown lanterns"')
    assert result_titles(page) == [title]


def test_markup_in_an_uploaded_article_is_shown_as_text_never_run(
    page: Page, live_server: LiveServer, tmp_path: Path
) -> None:
    csp_violations: list[str] = []
    page.on(
        "console",
        lambda message: csp_violations.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    article = write(
        tmp_path / "pwn.txt",
        f"Title: Zephyrine quarry notice {PAYLOAD}\nSource: Unfiltered Outlet\n\n"
        f"The zephyrine quarry will close for a week of blasting works, the operator said. {PAYLOAD}\n",
    )
    upload(page, live_server, article)
    assert_payload_shown_as_text(page)
    search(page, live_server, "zephyrine quarry")
    assert_payload_shown_as_text(page)

    assert not csp_violations, csp_violations  # nothing even tried to run
    assert not [url for url in fetched if url.endswith("/x")]


def assert_payload_shown_as_text(page: Page) -> None:
    assert page.evaluate("window.__pwned") is None
    expect(page.locator("main table")).to_contain_text(f"Zephyrine quarry notice {PAYLOAD}")
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0


@pytest.mark.parametrize("shown", ["index", "story", "search"])
def test_pages_fit_a_phone_screen(browser: Browser, live_server: LiveServer, shown: str) -> None:
    phone = open_page(browser, PHONE)
    try:
        if shown == "index":
            for slug in PLANTED:  # once compared, a story shows its widest content: coverage bars
                open_story(phone, live_server, slug)
            phone.goto(live_server.url + "/")
        elif shown == "search":
            search(phone, live_server, "flood")
        else:
            open_story(phone, live_server, "port-asha-clashes")
        width, viewport = phone.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        screenshot(phone, f"{shown}-phone")
        assert width <= viewport + 1, f"the {shown} page scrolls sideways at {viewport} px: {width} px wide"
        expect(phone.get_by_role("heading", level=1)).to_be_in_viewport()
    finally:
        phone.close()


def test_a_form_on_another_sites_page_cannot_upload(page: Page, live_server: LiveServer, tmp_path: Path) -> None:
    """The classic CSRF: a page elsewhere posts a form to the local server; it is refused, nothing stored."""
    attacker = "http://attacker.test/"
    page.route(
        attacker,
        lambda route: route.fulfill(
            content_type="text/html",
            body=f'<form action="{live_server.url}/upload" method="post" enctype="multipart/form-data">'
            '<input type="file" name="file"><input type="hidden" name="csrf" value="guessed">'
            "<button>Send</button></form>",
        ),
    )
    page.goto(attacker)
    article = write(tmp_path / "planted.txt", "Title: Planted Wexmoor story\n\nThe Wexmoor dam burst, it said.\n")
    page.set_input_files("input[type=file]", article)
    with page.expect_response(live_server.url + "/upload") as answer:
        page.get_by_role("button", name="Send").click()
    assert answer.value.status == 403
    search(page, live_server, "Wexmoor")
    assert result_titles(page) == []


def test_a_rebound_dns_name_cannot_read_the_pages(playwright: Playwright, live_server: LiveServer) -> None:
    """DNS rebinding: a name the attacker controls, resolving to 127.0.0.1, gets a refusal, not the pages."""
    port = live_server.url.rsplit(":", 1)[1]
    rules = "--host-resolver-rules=MAP rebound.test 127.0.0.1"
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, rules])
    try:
        page = browser.new_page()
        response = page.goto(f"http://rebound.test:{port}/")
        assert response is not None and response.status == 400
        expect(page.locator("main")).to_contain_text("does not answer to that host name")
        assert page.locator("table").count() == 0
    finally:
        browser.close()
