"""RSS and Atom feeds, from a file or from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsprism
from newsprism import IngestError
from tests.helpers import write

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Vaskor Evening Star</title><link>https://star.example/</link><description>News</description>
<language>en-gb</language>
<item><title>Ferry crossing closed after engine failure</title><link>https://star.example/ferry</link>
<guid>star-ferry-1</guid><pubDate>Tue, 07 Apr 2026 18:00:00 +0000</pubDate>
<description>The council closed the crossing.</description>
<content:encoded><![CDATA[<p>VASKOR — The council closed the old ferry crossing on Tuesday after a second engine failure.</p>
<p>Follow us on Twitter and Facebook</p><p>About 1,200 passengers used the crossing every day, the operator said.</p>
<script>alert('x')</script>]]></content:encoded></item>
<item><title>Second item</title><link>https://star.example/two</link>
<description><![CDATA[<p>The market hall reopens on Saturday after a two-year renovation that cost 4.2 million crowns.</p>]]></description>
</item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Orlen Bay Dispatch</title><id>urn:dispatch</id>
<updated>2026-05-14T10:00:00Z</updated>
<entry><title>Dockers walk out</title><id>urn:dispatch:1</id><updated>2026-05-14T10:00:00Z</updated>
<link href="https://dispatch.example/dockers"/>
<content type="html">&lt;p&gt;Dock workers walked out on Thursday after pay talks collapsed for a third time.&lt;/p&gt;</content>
</entry></feed>"""


def test_every_rss_item_becomes_an_article(tmp_path: Path) -> None:
    first, second = newsprism.read(write(tmp_path / "star.xml", RSS))
    assert first.source == "Vaskor Evening Star"
    assert first.title == "Ferry crossing closed after engine failure"
    assert first.url == "https://star.example/ferry"
    assert first.external_id == "star-ferry-1"
    assert first.published == "2026-04-07T18:00:00"
    assert first.language == "en"
    assert first.kind == "feed"
    assert first.dateline == "VASKOR"
    assert first.text == (
        "The council closed the old ferry crossing on Tuesday after a second engine failure.\n\n"
        "About 1,200 passengers used the crossing every day, the operator said."
    )
    assert second.text.startswith("The market hall reopens")


def test_atom_entries_are_read(tmp_path: Path) -> None:
    [entry] = newsprism.read(write(tmp_path / "dispatch.atom", ATOM))
    assert entry.source == "Orlen Bay Dispatch"
    assert entry.text == "Dock workers walked out on Thursday after pay talks collapsed for a third time."


def test_a_file_that_is_not_a_feed_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not an RSS or Atom feed"):
        newsprism.read(write(tmp_path / "notes.xml", "These are my notes, not a feed at all.\n"))


def test_an_entry_whose_markup_breaks_before_its_text_is_rejected_not_a_crash(tmp_path: Path) -> None:
    # A byte that is no UTF-8 inside </title>: feedparser then gives the entry content and summary None.
    broken = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>[&[</t\xd0tle>'
        b"<content>The council closed the ferry on Tuesday after a second engine failure.</content></entry></feed>"
    )
    with pytest.warns(UserWarning, match="broken.atom#1: feed entry has no text"):
        assert newsprism.read(write(tmp_path / "broken.atom", broken)) == []


def test_a_character_reference_beyond_any_number_in_a_utf16_feed_is_one_rejection(tmp_path: Path) -> None:
    feed = '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><item><title>&#99999999999999999999;</title>'
    feed += "<description>The council closed the ferry on Tuesday.</description></item></channel></rss>"
    with pytest.raises(IngestError, match="unreadable feed"):
        newsprism.read(write(tmp_path / "wide.rss", feed.encode("utf-16")))  # with its BOM


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def feed_server(tmp_path: Path) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving the files of a temp dir."""
    write(tmp_path / "www" / "star.xml", RSS)
    handler = functools.partial(QuietHandler, directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_feed_url_on_localhost_is_fetched(feed_server: str) -> None:
    articles = newsprism.read(f"{feed_server}/star.xml")
    assert [a.title for a in articles] == ["Ferry crossing closed after engine failure", "Second item"]


def test_a_missing_feed_url_is_rejected_with_the_http_status(feed_server: str) -> None:
    with pytest.raises(IngestError, match="HTTP 404"):
        newsprism.read(f"{feed_server}/missing.xml")
