"""A story that grew to hold two look-alike events is cut in two; one event told from several angles is not."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newsprism.corpus import Corpus
from newsprism.models import Article
from newsprism.nlp.embeddings import clustering_embedder
from newsprism.stories.builder import reaches_test_size
from newsprism.stories.options import ClusterOptions
from newsprism.stories.signals import StorySignals, story_signals
from newsprism.stories.split import split_events
from newsprism.stories.term_vectors import term_vector

# A join threshold no article misses: every article lands in one story, and only the split can part them.
JOIN_ANYTHING = ClusterOptions(threshold=-10.0)

OSTERVIK_FIRE = [
    (
        "Ostervik Courier",
        "Fire guts Larkmoor supermarket in Ostervik",
        "A fire gutted the Larkmoor supermarket on Brannock Street in Ostervik on Monday night. Ostervik fire "
        "chief Tomas Reyl said the blaze began in a bakery oven and no one was hurt.",
    ),
    (
        "Northline News",
        "Ostervik Larkmoor store destroyed by blaze",
        "The Larkmoor store on Brannock Street, Ostervik, was destroyed by fire late on Monday. Chief Tomas "
        "Reyl of the Ostervik fire service said the fire started at a bakery oven.",
    ),
    (
        "Radio Kell",
        "No injuries as Ostervik supermarket burns",
        "Nobody was injured when fire swept through the Larkmoor supermarket in Ostervik on Monday, fire chief "
        "Tomas Reyl said. Crews from Ostervik and Dunhallow fought the flames on Brannock Street.",
    ),
    (
        "The Fjord Post",
        "Bakery oven blamed for Ostervik Larkmoor fire",
        "An oven in the bakery of the Larkmoor supermarket on Brannock Street started Monday's fire in "
        "Ostervik, according to fire chief Tomas Reyl. The store will stay closed for months.",
    ),
    (
        "Kell Evening",
        "Larkmoor's Ostervik branch lost to fire",
        "Larkmoor lost its Ostervik branch on Brannock Street to a fire on Monday night. Fire chief Tomas Reyl "
        "said the bakery oven was the likely cause; staff had left an hour earlier.",
    ),
]
HALDEN_BAY_FIRE = [
    (
        "Halden Bay Herald",
        "Larkmoor store in Halden Bay burns down",
        "Fire destroyed the Larkmoor store on Quayside Road in Halden Bay in the early hours of Saturday. "
        "Station officer Mara Quist said an electrical fault in the freezer aisle was to blame.",
    ),
    (
        "Coast FM",
        "Freezer fault behind Halden Bay supermarket fire",
        "A faulty freezer caused the fire that burned down the Larkmoor supermarket on Quayside Road, Halden "
        "Bay, on Saturday, station officer Mara Quist said.",
    ),
    (
        "Southern Ledger",
        "Halden Bay loses its Larkmoor supermarket",
        "Halden Bay's only Larkmoor supermarket, on Quayside Road, burned down early on Saturday. Station "
        "officer Mara Quist said the fire began with an electrical fault in a freezer.",
    ),
    (
        "Bayside Voice",
        "Quayside Road fire: Larkmoor store a total loss",
        "The Larkmoor store on Quayside Road in Halden Bay is a total loss after Saturday's fire, according "
        "to station officer Mara Quist of the Halden Bay fire station.",
    ),
    (
        "Coastal Times",
        "Electrical fault sparks Halden Bay Larkmoor blaze",
        "An electrical fault in a freezer sparked the blaze that destroyed the Larkmoor supermarket in "
        "Halden Bay on Saturday, station officer Mara Quist said. Quayside Road was closed all morning.",
    ),
]
# One event, five outlets: every report names the mayor and the town, none names anyone the others do not.
VASKOR_FERRY = [
    (
        "Wire",
        "Mayor Ilse Brandt announces new ferry for Vaskor",
        "Vaskor mayor Ilse Brandt said on Tuesday the town will buy a new ferry. The vessel will cost 4 million "
        "crowns.",
    ),
    (
        "Star",
        "Vaskor to get a new ferry, Brandt says",
        "The town of Vaskor will replace its broken ferry, Mayor Ilse Brandt told the council on Tuesday. She "
        "put the cost at 4 million crowns.",
    ),
    (
        "Herald",
        "Brandt: Vaskor will pay 4 million crowns for a ferry",
        "Ilse Brandt, the mayor of Vaskor, promised a new ferry in a speech on Tuesday. The council must still "
        "approve it.",
    ),
    (
        "Post",
        "New ferry promised for Vaskor after breakdowns",
        "Vaskor's mayor, Ilse Brandt, announced on Tuesday that the town would buy a new ferry. The old one "
        "broke down twice this month.",
    ),
    (
        "Daily",
        "Vaskor mayor unveils ferry replacement plan",
        "Mayor Ilse Brandt on Tuesday unveiled a plan to replace the Vaskor ferry. It would cost 4 million "
        "crowns.",
    ),
]


def _signals(reports: list[tuple[str, str, str]]) -> list[StorySignals]:
    return [
        story_signals(
            Article(source=source, title=title, text=text, sentences=(text,), published="2026-04-06")
        )
        for source, title, text in reports
    ]


def _embedded(signals: list[StorySignals]) -> np.ndarray:
    return np.asarray(clustering_embedder().embed([item.text for item in signals]), dtype=np.float32)


def test_two_look_alike_fires_in_one_story_are_parted_into_their_events() -> None:
    signals = _signals(OSTERVIK_FIRE[:3] + HALDEN_BAY_FIRE + OSTERVIK_FIRE[3:])
    groups = split_events(_embedded(signals), signals, ClusterOptions())
    assert groups == [[0, 1, 2, 8, 9], [3, 4, 5, 6, 7]]


def test_one_event_in_five_outlets_is_not_parted() -> None:
    signals = _signals(VASKOR_FERRY)
    assert split_events(_embedded(signals), signals, ClusterOptions()) == [[0, 1, 2, 3, 4]]


def _far_apart_groups(first_names: set[str], second_names: set[str]) -> tuple[np.ndarray, list[StorySignals]]:
    """Six articles in two groups of three whose leads and words have nothing in common."""
    words = [
        "quarry collapse trapped miners rescued",
        "quarry collapse rescuers reached miners",
        "quarry collapse trapped miners freed",
        "orchestra premiere symphony conductor applause",
        "orchestra premiere symphony audience applause",
        "orchestra premiere conductor symphony ovation",
    ]
    signals = [
        StorySignals(
            title=text,
            text=text,
            entities=frozenset(first_names if index < 3 else second_names),
            published=None,
            terms=term_vector(text),
        )
        for index, text in enumerate(words)
    ]
    vectors = np.zeros((6, 384), dtype=np.float32)
    vectors[:3, 0] = 1.0
    vectors[3:, 1] = 1.0
    return vectors, signals


def test_far_apart_groups_are_two_events_only_when_each_has_a_name_of_its_own() -> None:
    vectors, signals = _far_apart_groups({"ilse brandt", "vaskor"}, {"ilse brandt", "tomas reyl"})
    assert split_events(vectors, signals, ClusterOptions()) == [[0, 1, 2], [3, 4, 5]]
    # The second group names nobody the first does not: the same event told from another angle.
    vectors, signals = _far_apart_groups({"ilse brandt", "vaskor"}, {"ilse brandt"})
    assert split_events(vectors, signals, ClusterOptions()) == [[0, 1, 2, 3, 4, 5]]


def test_stories_below_the_test_size_and_parts_below_the_minimum_are_left_whole() -> None:
    vectors, signals = _far_apart_groups({"vaskor"}, {"ostervik"})
    assert split_events(vectors[:4], signals[:4], ClusterOptions()) == [[0, 1, 2, 3]]
    assert split_events(vectors, signals, replace(ClusterOptions(), split_min_part=4)) == [[0, 1, 2, 3, 4, 5]]


@pytest.mark.parametrize(
    ("before", "after", "due"),
    [
        (0, 4, False),
        (0, 5, True),
        (4, 5, True),
        (5, 7, False),
        (7, 8, True),
        (3, 21, True),
        (8, 11, False),
        (11, 12, True),
        (140, 149, False),
        (100, 200, False),
    ],
)
def test_a_story_is_tested_at_five_articles_and_each_time_it_grows_by_half(
    before: int, after: int, due: bool
) -> None:
    assert reaches_test_size(before, after, ClusterOptions()) is due


def _write_records(path: Path, reports: list[tuple[str, str, str]], prefix: str) -> Path:
    lines = [
        json.dumps(
            {
                "id": f"{prefix}-{number}",
                "source": source,
                "title": title,
                "text": text,
                "published": "2026-04-06",
            }
        )
        for number, (source, title, text) in enumerate(reports)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_story_that_grows_into_two_events_is_cut_and_the_stored_articles_move(
    db_path: Path, tmp_path: Path
) -> None:
    """First run: four Ostervik reports and one Halden Bay report make one story (too few to part). Second run:
    four more Halden Bay reports; the story is tested at eight articles and the Halden Bay five, the stored
    one included, leave for a story of their own. The Ostervik story keeps its id and loses the other's names."""
    with Corpus(db_path) as corpus:
        corpus.ingest(
            [_write_records(tmp_path / "one.jsonl", OSTERVIK_FIRE[:4] + HALDEN_BAY_FIRE[:1], "a")],
            stories=JOIN_ANYTHING,
        )
        [story] = corpus.stories()
        corpus.ingest(
            [_write_records(tmp_path / "two.jsonl", HALDEN_BAY_FIRE[1:], "b")], stories=JOIN_ANYTHING
        )
        stories = {item.id: item for item in corpus.stories()}
    assert story.id in stories and len(stories) == 2
    [other] = [item for item in stories.values() if item.id != story.id]
    assert {member.external_id for member in stories[story.id].articles} == {"a-0", "a-1", "a-2", "a-3"}
    assert {member.external_id for member in other.articles} == {"a-4", "b-0", "b-1", "b-2", "b-3"}
    assert other.title == HALDEN_BAY_FIRE[0][1]
    assert stories[story.id].version > story.version
    with sqlite3.connect(db_path) as db:
        names = {
            name for (name,) in db.execute("SELECT value FROM story_facts WHERE story_id = ?", (story.id,))
        }
        sizes = dict(db.execute("SELECT id, size FROM stories"))
        zero = db.execute("SELECT COUNT(*) FROM story_facts WHERE articles <= 0").fetchone()[0]
    assert "ostervik" in names and "halden bay" not in names and "mara quist" not in names
    assert sizes == {story.id: 4, other.id: 5} and zero == 0
