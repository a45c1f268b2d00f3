"""JSONL, JSON and CSV exports: one article per record, columns renamed by --map."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsprism
from newsprism import ReadOptions
from newsprism.ingest.records import parse_field_map
from tests.helpers import write

TEXT = (
    "KESSLING — The regional water board approved a new reservoir on Friday, ending a decade of "
    "dispute over the valley.\n\nConstruction is expected to cost 310 million crowns."
)
RECORD = {
    "id": "wb-17",
    "title": "Kessling gets its reservoir",
    "text": TEXT,
    "source": "Valley Herald",
    "url": "https://herald.example/reservoir",
    "published": "2026-06-05",
    "language": "en",
    "section": "Region",
    "wordcount": 31,
}


def test_jsonl_records_keep_their_fields_and_extra_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "export.jsonl", json.dumps(RECORD) + "\n")
    [article] = newsprism.read(path)
    assert article.external_id == "wb-17"
    assert article.title == "Kessling gets its reservoir"
    assert article.source == "Valley Herald"
    assert article.published == "2026-06-05"
    assert article.dateline == "KESSLING"
    assert article.metadata == {"section": "Region", "wordcount": "31"}
    assert article.kind == "jsonl"


def test_map_renames_columns(tmp_path: Path) -> None:
    renamed = {"doc": "x1", "headline": "Reservoir approved", "body": TEXT, "outlet": "Valley Herald", "dct": "2026-06-05"}
    path = write(tmp_path / "other.jsonl", json.dumps(renamed) + "\n")
    field_map = parse_field_map(["text=body,title=headline", "source=outlet", "published=dct", "id=doc"])
    [article] = newsprism.read(path, ReadOptions(field_map=field_map))
    assert (article.title, article.source, article.external_id) == ("Reservoir approved", "Valley Herald", "x1")
    assert article.published == "2026-06-05"


def test_a_bad_map_entry_says_what_is_allowed() -> None:
    with pytest.raises(ValueError, match="bad --map entry 'body'"):
        parse_field_map(["body"])


def test_without_a_source_column_the_source_is_the_sites_domain(tmp_path: Path) -> None:
    record = {"text": TEXT, "uri": "http://web.archive.org/web/20151030223013/http://www.wral.com/story/1/"}
    path = write(tmp_path / "gva.jsonl", json.dumps(record) + "\n")
    [article] = newsprism.read(path, ReadOptions(field_map={"url": "uri"}))
    assert article.source == "wral.com"


def test_csv_rows_with_multiline_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv",
        'id,title,text,source,url,published,language\n'
        f'wb-17,Kessling gets its reservoir,"{TEXT}",Valley Herald,https://herald.example/r,2026-06-05,en\n',
    )
    [article] = newsprism.read(path)
    assert article.kind == "csv"
    assert article.text.endswith("Construction is expected to cost 310 million crowns.")


def test_a_json_array_is_a_list_of_records(tmp_path: Path) -> None:
    path = write(tmp_path / "export.json", json.dumps([RECORD, {**RECORD, "id": "wb-18", "title": "Second"}]))
    assert [a.external_id for a in newsprism.read(path)] == ["wb-17", "wb-18"]


def test_html_in_a_text_field_becomes_plain_text(tmp_path: Path) -> None:
    record = {**RECORD, "text": "<p>The board approved the reservoir.</p><p>It will cost <b>310 million</b> crowns.</p>"}
    [article] = newsprism.read(write(tmp_path / "html.jsonl", json.dumps(record)))
    assert article.text == "The board approved the reservoir.\n\nIt will cost 310 million crowns."


def test_reading_a_plain_text_export_loads_no_html_parser_http_client_or_encoding_detector(
    tmp_path: Path,
) -> None:
    # Most exports are UTF-8 plain text read from disk: lxml, http.client and charset_normalizer would only
    # add to the start-up of every such ingest.
    path = write(tmp_path / "export.jsonl", json.dumps(RECORD) + "\n")
    probe = (
        "import sys, newsprism; "
        f"[article] = newsprism.read({str(path)!r}); "
        "heavy = ('lxml', 'http.client', 'charset_normalizer'); "
        "print(article.title, sorted(name for name in heavy if name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "Kessling gets its reservoir []"
