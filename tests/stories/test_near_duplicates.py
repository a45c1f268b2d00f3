"""Near-duplicates: a syndicated copy is found at ingest, kept, and linked to its original."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from typer.testing import Result

from newsprism.stories.near_duplicates import PERMUTATIONS, band_keys, estimated_jaccard, signature
from tests.helpers import EXAMPLES, write

WIRE = (
    "VASKOR (Meridian Wire) - The council voted on Tuesday to close the old ferry crossing after a second "
    "engine failure this month left forty passengers stranded in the middle of the river for three hours. "
    "The operator said it would need at least six months to replace both engines, and the council said it "
    "would run a replacement bus service over the Stone Bridge from Monday. Passengers told reporters they "
    "had been warned for years that the ferry was unsafe. The mayor, Ilse Brandt, said the town would ask the "
    "regional government to pay for a new vessel, which could cost as much as 4 million crowns. Until then, "
    "cyclists and pedestrians will be carried free of charge on the replacement buses, the council said."
)
# Syndicated: the same wire text with a sentence of the republisher's own and its sign-up line.
COPY = (
    WIRE + " The Evening Star has asked the operator for the inspection reports."
    "\n\nSubscribe to the Evening Star for daily news."
)
OTHER = (
    "ORLEN BAY - Dock workers walked out on Thursday after talks over night-shift pay collapsed for the third "
    "time this year, halting the loading of grain ships bound for the southern coast."
)


def test_signatures_are_deterministic_across_processes() -> None:
    here = signature(WIRE)
    code = "import sys; from newsprism.stories.near_duplicates import signature; print(signature(sys.argv[1]).tolist())"
    there = subprocess.run([sys.executable, "-c", code, WIRE], capture_output=True, text=True, check=True).stdout
    assert list(here) == json.loads(there)
    assert here.shape == (PERMUTATIONS,) and here.dtype == np.uint32


def test_a_lightly_edited_copy_scores_high_and_an_unrelated_text_low() -> None:
    assert estimated_jaccard(signature(WIRE), signature(COPY)) >= 0.8
    assert estimated_jaccard(signature(WIRE), signature(OTHER)) < 0.1


def test_a_copy_shares_a_band_with_its_original() -> None:
    assert set(band_keys(signature(WIRE))) & set(band_keys(signature(COPY)))


def _ingest_json(cli: Callable[..., Result], *args: str) -> dict:
    result = cli("ingest", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _stored(tmp_path: Path) -> tuple[Path, Path, Path]:
    return (
        write(tmp_path / "wire.txt", f"Title: Ferry closes\nSource: Meridian Wire\n\n{WIRE}\n"),
        write(tmp_path / "star.txt", f"Title: Vaskor loses its ferry\nSource: Evening Star\n\n{COPY}\n"),
        write(tmp_path / "ledger.txt", f"Title: Dockers strike\nSource: Coastal Ledger\n\n{OTHER}\n"),
    )


def test_ingest_links_a_copy_to_its_original_and_keeps_it(cli: Callable[..., Result], tmp_path: Path) -> None:
    wire, star, ledger = _stored(tmp_path)
    report = _ingest_json(cli, str(wire), str(star), str(ledger))
    assert report["ingested"] == [1, 2, 3]
    assert report["near_duplicates"] == [{"id": 2, "duplicate_of": 1}]
    listed = {a["id"]: a["duplicate_of"] for a in json.loads(cli("articles", "--format", "json").stdout)}
    assert listed == {1: None, 2: 1, 3: None}


def test_the_threshold_is_configurable_and_the_check_can_be_skipped(cli: Callable[..., Result], tmp_path: Path) -> None:
    wire, star, _ = _stored(tmp_path)
    assert _ingest_json(cli, str(wire), str(star), "--copy-threshold", "1.0")["near_duplicates"] == []


def test_without_the_check_nothing_is_linked(cli: Callable[..., Result], tmp_path: Path) -> None:
    wire, star, _ = _stored(tmp_path)
    assert _ingest_json(cli, str(wire), str(star), "--no-find-copies")["near_duplicates"] == []


def test_after_a_migration_drops_the_index_the_next_ingest_rebuilds_it_and_still_finds_the_original(
    cli: Callable[..., Result], tmp_path: Path, db_path: Path
) -> None:
    wire, star, ledger = _stored(tmp_path)
    _ingest_json(cli, str(wire), str(ledger))
    with sqlite3.connect(db_path) as db:  # what a migration that changes the hashing does
        db.executescript(
            "DELETE FROM minhash_bands; DELETE FROM minhash_signatures; "
            "INSERT INTO maintenance (task) VALUES ('index_near_duplicates');"
        )
    assert _ingest_json(cli, str(star))["near_duplicates"] == [{"id": 3, "duplicate_of": 1}]
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT COUNT(*) FROM maintenance").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM minhash_signatures").fetchone() == (2,)  # the dockers text is short


def test_re_ingesting_keeps_the_link(cli: Callable[..., Result], tmp_path: Path) -> None:
    wire, star, _ = _stored(tmp_path)
    _ingest_json(cli, str(wire), str(star))
    again = _ingest_json(cli, str(wire), str(star))
    assert again["duplicates"] == [1, 2] and again["near_duplicates"] == []
    listed = {a["id"]: a["duplicate_of"] for a in json.loads(cli("articles", "--format", "json").stdout)}
    assert listed[2] == 1


@pytest.mark.slow
def test_the_planted_syndicated_copy_among_the_examples_is_the_only_copy(cli: Callable[..., Result]) -> None:
    planted = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))
    copies = [a for story in planted["stories"] for a in story["articles"] if a["syndicated_copy_of"]]
    report = _ingest_json(cli, str(EXAMPLES / "stories"))
    listed = {a["id"]: a for a in json.loads(cli("articles", "--format", "json").stdout)}
    found = [(listed[c["id"]], listed[c["duplicate_of"]]) for c in report["near_duplicates"]]
    assert len(found) == len(copies) == 1
    copy, original = found[0]
    assert copy["source"] == copies[0]["source"]
    assert original["source"] == "Meridian Wire"
