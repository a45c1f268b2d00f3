"""Saved HTML pages: the article text and its metadata, nothing of the page around it."""

from pathlib import Path

import pytest

import newsprism
from newsprism import IngestError
from tests.helpers import write

PARAGRAPHS = [
    "ORLEN BAY — Dock workers at the port of Orlen Bay walked out on Thursday after talks over "
    "night-shift pay collapsed for the third time this year.",
    "The union said about 900 of its members had joined the strike, which halted the loading of "
    "grain ships bound for the southern coast.",
    '"We have been patient for eleven months," said union secretary Tomas Ferro. "Patience has run out."',
    "Read more: Port authority posts record profit",
    "The port authority said it regretted the decision and remained open to further talks next week.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Orlen Bay dockers strike over night pay | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="og:title" content="Orlen Bay dockers strike over night pay">
<meta property="article:published_time" content="2026-05-14T07:45:00+00:00">
<meta name="author" content="Nadia Okoro">
<link rel="canonical" href="https://ledger.example/2026/05/14/orlen-bay-strike">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept cookies</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div class="ad">ADVERTISEMENT: Buy the new Vektor phone today, only 299!</div>
<article>
<h1>Orlen Bay dockers strike over night pay</h1>
<p class="byline">By Nadia Okoro</p>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
</article>
<aside><h2>Related stories</h2><ul><li><a href="/a">Harbour cranes replaced after storm</a></li>
<li><a href="/b">Grain prices climb again</a></li></ul></aside>
<section id="comments"><h3>Comments</h3>
<div class="comment"><b>PortWatcher77</b><p>Typical union greed, they earn more than teachers.</p></div>
<div class="comment"><b>Maria K.</b><p>Solidarity with the dockers from the north quay!</p></div></section>
<footer><p>© 2026 The Coastal Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    return write(tmp_path / "ledger-strike.html", PAGE)


def test_metadata_comes_from_the_page(page: Path) -> None:
    [article] = newsprism.read(page)
    assert article.title == "Orlen Bay dockers strike over night pay"
    assert article.source == "The Coastal Ledger"
    assert article.url == "https://ledger.example/2026/05/14/orlen-bay-strike"
    assert article.published is not None and article.published.startswith("2026-05-14")
    assert article.author == "Nadia Okoro"
    assert article.kind == "html"
    assert article.dateline == "ORLEN BAY"


def test_the_text_is_the_article_and_only_the_article(page: Path) -> None:
    [article] = newsprism.read(page)
    assert article.text.startswith("Dock workers at the port of Orlen Bay walked out")
    assert "The port authority said it regretted the decision" in article.text
    for chrome in ("cookies", "World", "ADVERTISEMENT", "Share on Facebook", "Tweet", "Related stories",
                   "Typical union greed", "Solidarity", "All rights reserved", "Read more"):
        assert chrome not in article.text, chrome


def test_a_page_without_an_article_is_rejected(tmp_path: Path) -> None:
    menu = write(tmp_path / "menu.html", "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>")
    with pytest.raises(IngestError, match="no article found in the HTML page"):
        newsprism.read(menu)


def test_the_declared_charset_is_honoured(tmp_path: Path) -> None:
    latin = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace("Tomas Ferro", "Tomás Ferro")
    path = write(tmp_path / "latin.html", latin.encode("cp1252"))
    [article] = newsprism.read(path)
    assert "Tomás Ferro" in article.text
