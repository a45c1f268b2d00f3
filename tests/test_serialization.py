"""The JSON-ready form of a comparison, and back: what the store caches must read back as it was computed."""

from __future__ import annotations

import json

import pytest

from newsprism.models import (
    Article,
    Claim,
    ComparedArticle,
    Comparison,
    Conflict,
    Entity,
    Framing,
    Quote,
    SentenceRef,
    SummarySentence,
    TimelineEvent,
)
from newsprism.serialization import comparison_dict, comparison_from_dict

CLARION = Article(
    source="The Daily Clarion",
    title="Ostra floods Lorvenne",
    text="The Ostra rose on Monday. Mayor Mirela Sandor said 4,000 left.",
    sentences=("The Ostra rose on Monday.", "Mayor Mirela Sandor said 4,000 left."),
    published="2026-03-03",
    dateline="LORVENNE",
)
WIRE = Article(
    source="Meridian Wire",
    title="Ostra river forces 3,800 from homes",
    text="The Ostra burst its banks. About 3,800 people were moved, officials said.",
    sentences=("The Ostra burst its banks.", "About 3,800 people were moved, officials said."),
    published="2026-03-03T07:40:00+00:00",
    language="en",
    url="https://meridianwire.example/ostra",
)
ARTICLES = {1: CLARION, 2: WIRE}

FULL = Comparison(
    articles=(ComparedArticle(1, CLARION), ComparedArticle(2, WIRE)),
    claims=(
        Claim(1, "shared", "The Ostra rose on Monday.", (SentenceRef(1, 0), SentenceRef(2, 0))),
        Claim(2, "unique", "Mayor Mirela Sandor said 4,000 left.", (SentenceRef(1, 1),)),
    ),
    conflicts=(
        Conflict(
            "number",
            "The Daily Clarion says 4,000 left; Meridian Wire says 3,800.",
            (SentenceRef(1, 1), SentenceRef(2, 1)),
            {"1": 4000, "2": 3800},
        ),
    ),
    quotes=(
        Quote("Mirela Sandor", "4,000 left", 1, 1, group=3, attribution="said"),
        Quote(None, "were moved", 2, 1),
    ),
    entities=(
        Entity(
            "Mirela Sandor",
            "PERSON",
            ("Mirela Sandor", "Mayor Sandor"),
            {1: 2, 2: 1},
            {1: ("PERSON",), 2: ("PERSON", "ORG")},
        ),
        Entity("Ostra", "PLACE", ("Ostra",), {1: 1, 2: 1}, {}),
    ),
    framing=(Framing(1, (("terror", 2.5), ("raging", 1.75)), "LORVENNE"), Framing(2, (), None)),
    summary=(SummarySentence("The Ostra rose and thousands left.", (1, 2), 1),),
    timeline=(TimelineEvent("2026-03-02", "The Ostra rose.", (1, 2)),),
)
EMPTY = Comparison(articles=(), claims=(), conflicts=(), quotes=(), entities=(), framing=(), summary=(), timeline=())


def through_json(comparison: Comparison) -> Comparison:
    """What the store gives back: the dict written as JSON text, read again."""
    return comparison_from_dict(json.loads(json.dumps(comparison_dict(comparison))), ARTICLES)


@pytest.mark.parametrize("comparison", [FULL, EMPTY], ids=["full", "empty"])
def test_a_comparison_reads_back_equal_from_its_json(comparison: Comparison) -> None:
    assert through_json(comparison) == comparison


def test_the_fields_left_out_of_equality_read_back_too() -> None:
    # Conflict values and entity mentions and labels are not compared by ==, and JSON turns their int keys
    # into strings: the decoder must turn them back.
    decoded = through_json(FULL)
    assert [conflict.values for conflict in decoded.conflicts] == [{"1": 4000, "2": 3800}]
    assert [entity.mentions for entity in decoded.entities] == [{1: 2, 2: 1}, {1: 1, 2: 1}]
    assert [entity.labels for entity in decoded.entities] == [{1: ("PERSON",), 2: ("PERSON", "ORG")}, {}]


def test_a_summary_sentence_cached_before_it_named_its_claim_reads_back_without_one() -> None:
    data = json.loads(json.dumps(comparison_dict(FULL)))
    assert data["summary"][0]["claim"] == 1
    del data["summary"][0]["claim"]
    [line] = comparison_from_dict(data, ARTICLES).summary
    assert line == SummarySentence("The Ostra rose and thousands left.", (1, 2), None)


def test_framing_scores_are_written_to_two_decimals_and_reread_as_written() -> None:
    framing = (Framing(1, (("terror", 2.4567),), None),)
    comparison = Comparison((ComparedArticle(1, CLARION),), (), (), (), (), framing, (), ())
    data = comparison_dict(comparison)
    assert data["framing"]["1"]["scores"] == [{"term": "terror", "z": 2.46}]
    assert comparison_dict(through_json(comparison)) == data


def test_articles_are_written_as_their_sentences_and_taken_from_the_store_on_reading() -> None:
    data = comparison_dict(FULL)
    assert data["articles"][1]["sentences"] == [
        {"index": 0, "text": "The Ostra burst its banks."},
        {"index": 1, "text": "About 3,800 people were moved, officials said."},
    ]
    assert "text" not in data["articles"][1]
    assert through_json(FULL).articles[1].article is WIRE
