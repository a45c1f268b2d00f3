"""`newsprism compare` as a reader uses it: files or stored ids, every output format."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.helpers import EXAMPLES, write

FLOOD = EXAMPLES / "stories" / "lorvenne-flood"
TOP_LEVEL_KEYS = {"articles", "claims", "conflicts", "quotes", "entities", "framing", "summary", "timeline"}


@pytest.fixture(scope="module")
def flood_json() -> dict:
    from typer.testing import CliRunner

    from newsprism.cli import app

    result = CliRunner().invoke(app, ["compare", str(FLOOD), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_the_documented_shape(flood_json: dict) -> None:
    assert set(flood_json) >= TOP_LEVEL_KEYS
    article = flood_json["articles"][0]
    assert set(article) >= {"id", "source", "title", "published", "dateline", "language", "path", "sentences"}
    assert set(article["sentences"][0]) == {"index", "text"}
    claim = flood_json["claims"][0]
    assert set(claim) >= {"id", "status", "text", "sentences"} and claim["status"] in {"shared", "partial", "unique"}
    assert set(claim["sentences"][0]) == {"article", "index"}
    conflict = flood_json["conflicts"][0]
    assert set(conflict) >= {"kind", "description", "sentences", "values"}
    assert conflict["kind"] in {"number", "date", "attribution", "quote", "statement"}
    assert set(flood_json["quotes"][0]) >= {"speaker", "text", "article", "sentence"}
    entity = flood_json["entities"][0]
    assert set(entity) >= {"name", "type", "variants", "mentions", "labels"}
    ids = {str(a["id"]) for a in flood_json["articles"]}
    assert set(entity["mentions"]) <= ids
    assert set(flood_json["framing"]) == ids
    assert all("distinctive_terms" in item for item in flood_json["framing"].values())
    assert all(set(line) >= {"text", "sources", "claim"} and line["sources"] for line in flood_json["summary"])
    assert {line["claim"] for line in flood_json["summary"]} <= {claim["id"] for claim in flood_json["claims"]}
    assert all(set(event) >= {"date", "text", "sources"} for event in flood_json["timeline"])


def test_json_sentence_references_point_at_real_sentences(flood_json: dict) -> None:
    sentences = {(a["id"], s["index"]) for a in flood_json["articles"] for s in a["sentences"]}
    for section in ("claims", "conflicts"):
        for item in flood_json[section]:
            for ref in item["sentences"]:
                assert (ref["article"], ref["index"]) in sentences


@pytest.mark.parametrize(("output_format", "marker"), [("md", "## Conflicts"), ("html", "<!DOCTYPE html>"), ("text", "Conflicts")])
def test_each_format_writes_a_report_to_a_file(
    output_format: str, marker: str, cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / f"report.{output_format}"
    result = cli("compare", str(FLOOD), "--format", output_format, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert marker in out.read_text(encoding="utf-8")
    assert f"wrote {out}" in result.stderr


def test_each_summary_line_of_the_html_report_links_to_the_claim_it_summarises(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    assert cli("compare", str(FLOOD), "--format", "html", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    summary = html[html.index('id="summary-h"') : html.index('id="conflicts-h"')]
    targets = re.findall(r'<a class="cite" href="#(claim-\d+)"', summary)
    assert targets and len(targets) == summary.count("<li>")
    assert all(f'<tr id="{target}"' in html for target in targets)


def test_the_terminal_view_shows_the_coverage_matrix(cli: Callable[..., Result]) -> None:
    result = cli("compare", str(FLOOD))
    assert result.exit_code == 0
    assert "Claims" in result.stdout and "Meridian Wire" in result.stdout
    assert "Displaced" in result.stdout


def test_stored_articles_are_compared_by_id(cli: Callable[..., Result]) -> None:
    assert cli("ingest", str(FLOOD)).exit_code == 0
    result = cli("compare", "1", "2", "3", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == [1, 2, 3]


def test_fewer_than_two_articles_is_a_clear_error(cli: Callable[..., Result]) -> None:
    result = cli("compare", str(FLOOD / "meridian-wire.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: compare needs at least two articles; found 1"


def test_an_unknown_id_is_a_clear_error(cli: Callable[..., Result]) -> None:
    result = cli("compare", "41", "42")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no article with id 41"


def test_article_html_is_escaped_in_the_html_report(cli: Callable[..., Result], tmp_path: Path) -> None:
    payload = '<script>alert("x")</script> <img src=x onerror=alert(1)> The council met on Tuesday to discuss the flood.'
    first = write(tmp_path / "a.txt", f"Title: <b>Flood</b>\nSource: Evil <i>Outlet</i>\nURL: javascript:alert(1)\n\n{payload}\n")
    second = write(tmp_path / "b.txt", "Title: Flood\nSource: Calm Outlet\n\nThe council met on Tuesday to discuss the flood.\n")
    out = tmp_path / "report.html"
    assert cli("compare", str(first), str(second), "--format", "html", "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>Flood" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html


@pytest.fixture(scope="module")
def clause_story(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two outlets quote one rebel commander: the first gives both clauses of his warning, the second one."""
    folder = tmp_path_factory.mktemp("clauses")
    return [
        write(
            folder / "gazette.txt",
            "Title: Rebels warn of severe response\nSource: Harbor Gazette\n\n"
            "Rebel commander Jonas Vell spoke to reporters in Dunmere on Monday after a week of shelling.\n\n"
            'Vell said the group has "no wish to escalate", but if attacked "the response will be severe".\n\n'
            "Government troops have ringed the valley since the ceasefire collapsed in March.\n",
        ),
        write(
            folder / "wire.txt",
            "Title: Rebel commander threatens severe response\nSource: Meridian Wire\n\n"
            "The rebel commander, Jonas Vell, gave a news conference in Dunmere on Monday.\n\n"
            'Vell warned that "the response will be severe" if his fighters were attacked.\n\n'
            "Aid agencies say thousands of families have fled the fighting in the north.\n",
        ),
    ]


@pytest.mark.parametrize(
    ("output_format", "shown"),
    [
        ("json", '"dropped_clauses": {'),
        ("md", 'Meridian Wire drops the clause "no wish to escalate"'),
        ("text", 'Meridian Wire drops the clause "no wish to escalate"'),
        ("html", "drops the clause: <del>no wish to escalate</del>"),
    ],
)
def test_every_format_shows_the_clause_an_outlet_drops(
    output_format: str, shown: str, clause_story: list[Path], cli: Callable[..., Result]
) -> None:
    result = cli("compare", *map(str, clause_story), "--format", output_format)
    assert result.exit_code == 0, result.output
    assert shown in " ".join(result.stdout.split())  # a terminal may wrap the line
