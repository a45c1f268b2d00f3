"""`newsprism report`: a static site of the stored stories that opens from disk and shows what compare found."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from newsprism.cli import app
from tests.helpers import EXAMPLES, straight, write

PLANTED = {
    story["slug"]: story["planted"]
    for story in json.loads((EXAMPLES / "planted.json").read_text())["stories"]
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """The report of the example stories, and their listing."""
    folder = tmp_path_factory.mktemp("report")
    db = str(folder / "news.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "--db", db, str(EXAMPLES / "stories")]).exit_code == 0
    result = runner.invoke(app, ["report", "--db", db, "-o", str(folder / "site")])
    assert result.exit_code == 0, result.output
    listing = json.loads(runner.invoke(app, ["stories", "--db", db, "--format", "json"]).stdout)
    return folder / "site", listing


def page_text(path: Path) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())


def test_the_index_lists_every_example_story_with_a_link_to_its_page(site: tuple[Path, list[dict]]) -> None:
    folder, listing = site
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert len(listing) == 3
    for story in listing:
        assert f'href="story-{story["id"]}.html"' in index
        assert html.escape(story["title"]) in index
        assert (folder / f"story-{story['id']}.html").is_file()


def test_the_index_draws_a_coverage_bar_for_each_outlet(site: tuple[Path, list[dict]]) -> None:
    folder, listing = site
    index = (folder / "index.html").read_text(encoding="utf-8")
    bars = re.findall(r'aria-label="([^"]+): (\d+) of (\d+) claims"', index)
    assert len(bars) >= 13  # five outlets a story, a syndicated copy compared once
    assert all(0 < int(claims) <= int(total) for _, claims, total in bars)


def test_a_story_page_shows_the_planted_conflicts_and_unique_facts(site: tuple[Path, list[dict]]) -> None:
    folder, listing = site
    [flood] = [story for story in listing if "Lorvenne" in story["title"] or "Ostra" in story["title"]]
    text = page_text(folder / f"story-{flood['id']}.html")
    planted = PLANTED["lorvenne-flood"]
    assert "15 million marks" in text and "12 million marks" in text
    for quote in planted["cut_quotes"]:
        assert f"cut: {quote['omitted']}" in text  # beside the cut version, the words it leaves out
    for fact in planted["unique_facts"]:
        assert straight(fact["sentence"]) in text
    assert "← All stories" in text


def test_the_site_runs_no_script_and_fetches_nothing(site: tuple[Path, list[dict]]) -> None:
    folder, _ = site
    for page in folder.glob("*.html"):
        markup = page.read_text(encoding="utf-8").lower()
        assert "<script" not in markup and "<link" not in markup and "@import" not in markup
        assert " src=" not in markup and "url(" not in markup  # links to the articles are fine: not fetched


def test_pages_link_to_each_other_by_relative_paths(site: tuple[Path, list[dict]]) -> None:
    folder, listing = site
    story_page = (folder / f"story-{listing[0]['id']}.html").read_text(encoding="utf-8")
    assert '<a href="index.html">' in story_page


def test_article_markup_is_shown_as_text_never_run(cli: Callable[..., Result], tmp_path: Path) -> None:
    payload = (
        '<script>alert("x")</script> <img src=x onerror=alert(1)> The council met on Tuesday about the flood.'
    )
    evil = write(
        tmp_path / "a.txt",
        f"Title: <b>Flood</b> <script>alert(2)</script>\nSource: Evil Outlet\n\n{payload}\n",
    )
    calm = write(
        tmp_path / "b.txt",
        "Title: Flood\nSource: Calm Outlet\n\nThe council met on Tuesday about the flood.\n",
    )
    assert cli("ingest", str(evil), str(calm)).exit_code == 0
    assert cli("report", "-o", str(tmp_path / "site")).exit_code == 0
    for page in (tmp_path / "site").glob("*.html"):
        markup = page.read_text(encoding="utf-8")
        assert "<script" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&lt;script&gt;" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_one_story_can_be_reported_alone(cli: Callable[..., Result], tmp_path: Path) -> None:
    cli(
        "ingest",
        str(EXAMPLES / "stories" / "port-asha-clashes"),
        str(EXAMPLES / "stories" / "mirel-water-call"),
    )
    [first, _] = json.loads(cli("stories", "--format", "json").stdout)
    assert cli("report", "--story", str(first["id"]), "-o", str(tmp_path / "one")).exit_code == 0
    assert sorted(path.name for path in (tmp_path / "one").iterdir()) == [
        "index.html",
        f"story-{first['id']}.html",
    ]


def test_an_unknown_story_is_a_one_line_error(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("report", "--story", "99", "-o", str(tmp_path / "site"))
    assert result.exit_code == 1
    assert "99" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "site").exists()


def test_the_web_index_reads_the_same_bars_from_stored_json_as_from_the_comparison(db_path: Path) -> None:
    from newsprism.corpus import Corpus
    from newsprism.present.report_site import index_entry, index_entry_from_json
    from newsprism.serialization import comparison_dict

    with Corpus(db_path) as corpus:
        corpus.ingest([EXAMPLES / "stories" / "lorvenne-flood"])
        [story] = corpus.stories()
        result = corpus.compare_story(story.id)
        stored = corpus.cached_comparison_data(corpus.story(story.id))
    assert stored == json.loads(json.dumps(comparison_dict(result.comparison)))
    assert index_entry_from_json(result.story, stored) == index_entry(result)
