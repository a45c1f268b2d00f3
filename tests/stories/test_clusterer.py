"""Story clustering: one story per event, online, with stable ids and a time window."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from newsprism.models import Article
from newsprism.stories.clusterer import EMBEDDING_DIM, ClusterOptions, StoryClusterer, StoryState
from newsprism.stories.signals import (
    ages_mentioned,
    days_mentioned,
    entity_candidates,
    full_name,
    place_words,
)


def article(source: str, title: str, lead: str, published: str | None = "2026-03-14") -> Article:
    """A short article whose sentences are its lead."""
    sentences = tuple(part.strip() + "." for part in lead.split(". ") if part.strip())
    return Article(source=source, title=title, text=lead, sentences=sentences, published=published)


SPEECH = [
    article(
        "wire",
        "Mayor Ilse Brandt announces new ferry for Vaskor",
        "Vaskor mayor Ilse Brandt said on Tuesday the town will buy a new ferry. "
        "The vessel will cost 4 million crowns.",
    ),
    article(
        "star",
        "Vaskor to get a new ferry, Brandt says",
        "The town of Vaskor will replace its broken ferry, Mayor Ilse Brandt told the council on Tuesday. "
        "She put the cost at 4 million crowns.",
    ),
    article(
        "herald",
        "Brandt: Vaskor will pay 4 million crowns for a ferry",
        "Ilse Brandt, the mayor of Vaskor, promised a new ferry in a speech on Tuesday. "
        "The council must still approve it.",
    ),
    article(
        "post",
        "New ferry promised for Vaskor after breakdowns",
        "Vaskor's mayor, Ilse Brandt, announced on Tuesday that the town would buy a new ferry. "
        "The old one broke down twice this month.",
    ),
    article(
        "daily",
        "Vaskor mayor unveils ferry replacement plan",
        "Mayor Ilse Brandt on Tuesday unveiled a plan to replace the Vaskor ferry. "
        "It would cost 4 million crowns.",
    ),
]
SHOOTING_DAYTON = article(
    "dayton-news",
    "Man, 24, shot dead outside Dayton gas station",
    "A 24-year-old man was shot and killed outside a gas station on Salem Avenue in Dayton on Saturday "
    "night. Dayton police said the gunman fled in a gray sedan.",
)
SHOOTING_DAYTON_AGAIN = article(
    "ohio-tv",
    "Police seek gunman after fatal Dayton gas station shooting",
    "Dayton police are looking for the driver of a gray sedan after a 24-year-old man was killed at a "
    "Salem Avenue gas station on Saturday. Officers found him dead at the pumps.",
)
SHOOTING_TOLEDO = article(
    "toledo-blade",
    "Woman, 31, wounded in Toledo drive-by shooting",
    "A 31-year-old woman was wounded on Saturday night when someone fired from a passing car on Dorr "
    "Street in Toledo. Toledo police said she is expected to survive.",
)


def test_one_event_in_five_outlets_wording_is_one_story() -> None:
    assert len(set(StoryClusterer().add(SPEECH))) == 1


def test_two_look_alike_shootings_in_different_towns_the_same_day_stay_apart() -> None:
    dayton, toledo = StoryClusterer().add([SHOOTING_DAYTON, SHOOTING_TOLEDO])
    assert dayton != toledo


def test_a_second_report_of_a_shooting_joins_it_and_not_the_other_town() -> None:
    dayton, toledo, again = StoryClusterer().add([SHOOTING_DAYTON, SHOOTING_TOLEDO, SHOOTING_DAYTON_AGAIN])
    assert again == dayton != toledo


def test_story_ids_are_stable_when_more_articles_arrive() -> None:
    clusterer = StoryClusterer()
    first = clusterer.add([SPEECH[0], SHOOTING_DAYTON])
    later = clusterer.add([SHOOTING_TOLEDO, SPEECH[1], SHOOTING_DAYTON_AGAIN])
    assert later[1] == first[0] and later[2] == first[1]
    assert clusterer.stories[first[0]].size == 2


def test_an_article_far_outside_the_time_window_opens_a_new_story() -> None:
    clusterer = StoryClusterer(ClusterOptions(window_days=3, memory_days=30, follow_up_days=30))
    old = clusterer.add(SPEECH[:2])
    months_later = article(SPEECH[2].source, SPEECH[2].title, SPEECH[2].text, published="2026-06-01")
    (new,) = clusterer.add([months_later])
    assert new != old[0]


def test_an_article_inside_the_time_window_still_joins() -> None:
    clusterer = StoryClusterer(ClusterOptions(window_days=3))
    old = clusterer.add(SPEECH[:2])
    two_days_later = article(SPEECH[2].source, SPEECH[2].title, SPEECH[2].text, published="2026-03-16")
    assert clusterer.add([two_days_later]) == [old[0]]


def test_a_look_alike_article_a_week_later_without_shared_names_opens_a_new_story() -> None:
    clusterer = StoryClusterer(ClusterOptions(window_days=3))
    (dayton,) = clusterer.add([SHOOTING_DAYTON])
    week_later = article(
        "ohio-tv",
        "Man, 24, shot dead outside gas station",
        "A 24-year-old man was shot and killed outside a gas station on Saturday night. "
        "Police said the gunman fled in a gray sedan.",
        published="2026-03-21",
    )
    assert clusterer.add([week_later]) != [dayton]


def test_a_story_does_not_creep_day_after_day_into_the_next_look_alike_event() -> None:
    def station_shooting(published: str) -> Article:
        return article(
            "ohio-tv",
            "Man shot dead outside gas station",
            "A man was shot and killed outside a gas station overnight. "
            "Police said the gunman fled in a gray sedan.",
            published=published,
        )

    days = [station_shooting(day) for day in ("2026-03-14", "2026-03-17", "2026-03-20")]
    assert len(set(StoryClusterer(ClusterOptions(span_days=1000)).add(days))) == 1
    first, second, third = StoryClusterer().add(days)
    assert first == second != third


def test_story_state_tracks_dates_and_size() -> None:
    clusterer = StoryClusterer()
    early = article(SPEECH[0].source, SPEECH[0].title, SPEECH[0].text, published="2026-03-13")
    (story,) = set(clusterer.add([early, SPEECH[1]]))
    state = clusterer.stories[story]
    assert (str(state.first_date), str(state.last_date), state.size) == ("2026-03-13", "2026-03-14", 2)


def test_no_articles_give_no_ids() -> None:
    assert StoryClusterer().add([]) == []


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("Police said Ilse Brandt spoke in Vaskor.", {"ilse brandt", "vaskor"}, {"police"}),
        (
            "The shooting happened on Salem Avenue in Dayton on Saturday.",
            {"salem avenue", "dayton"},
            {"the", "saturday"},
        ),
        ("He said it was cold.", set(), {"he"}),
    ],
)
def test_entity_candidates_are_names_not_sentence_initial_words(
    text: str, expected: set[str], absent: set[str]
) -> None:
    found = entity_candidates(text)
    assert expected <= found
    assert not absent & found


# Same town, same kind of crime, same week: short invented leads like these embed almost alike, so the tests
# use a threshold the pair clears on lead similarity and names alone (word vectors off) and check that the
# contradicting fact is what splits it.
NEAR_MISS = ClusterOptions(threshold=1.3, term_weight=0.0)
# Two reports of different days share fewer words, so the pair clears a lower threshold only.
NEAR_MISS_BY_DAY = replace(NEAR_MISS, threshold=1.15)
SHOOTING_DAYTON_OTHER_VICTIM = article(
    "dayton-radio",
    "Dayton man, 19, killed in shooting",
    "A 19-year-old man died after he was shot on Saturday night in Dayton, police said. "
    "Officers found him in a parking lot.",
)
SHOOTING_DAYTON_EARLIER = article(
    "dayton-news",
    "Man shot dead outside Dayton gas station",
    "A man was shot and killed outside a gas station in Dayton on Tuesday night. "
    "Dayton police said the gunman fled in a car.",
    published="2026-03-11",
)


@pytest.mark.parametrize(
    ("pair", "near_miss", "rule_off"),
    [
        ((SHOOTING_DAYTON, SHOOTING_DAYTON_OTHER_VICTIM), NEAR_MISS, replace(NEAR_MISS, age_penalty=0.0)),
        (
            (SHOOTING_DAYTON_EARLIER, SHOOTING_DAYTON),
            NEAR_MISS_BY_DAY,
            replace(NEAR_MISS_BY_DAY, day_penalty=0.0),
        ),
    ],
    ids=["different victim age", "different day"],
)
def test_a_contradicting_fact_keeps_apart_look_alikes_that_similarity_would_join(
    pair: tuple[Article, Article], near_miss: ClusterOptions, rule_off: ClusterOptions
) -> None:
    assert len(set(StoryClusterer(rule_off).add(list(pair)))) == 1
    assert len(set(StoryClusterer(near_miss).add(list(pair)))) == 2


WIND_FARM_KROHAVEN = article(
    "valley-news",
    "Krohaven council votes 6-3 for a wind farm",
    "The Krohaven council voted 6 to 3 on Tuesday night to approve a wind farm of twelve turbines with 60-metre "
    "blades, a plan costing $120 million. Councillor Ada Moreland led the campaign against the turbines, the "
    "substation and the pylons.",
)
WIND_FARM_TELSBY = article(
    "coast-post",
    "Councillors back a wind farm near Telsby",
    "Councillor Ivo Starck lost the vote on Tuesday: the council approved the wind farm and its turbines by 7 "
    "votes to 2. The twelve turbines, their blades, a substation and new pylons will cost $95 million.",
)


def test_a_look_alike_that_shares_no_name_with_the_story_is_kept_apart() -> None:
    pair = [WIND_FARM_KROHAVEN, WIND_FARM_TELSBY]
    assert len(set(StoryClusterer(replace(ClusterOptions(), no_shared_name_penalty=0.0)).add(pair))) == 1
    assert len(set(StoryClusterer().add(pair))) == 2


def test_a_follow_up_with_the_same_victim_age_town_and_day_still_joins_at_that_threshold() -> None:
    first, again = StoryClusterer(NEAR_MISS).add([SHOOTING_DAYTON, SHOOTING_DAYTON_AGAIN])
    assert first == again


def test_new_stories_numbered_provisionally_are_found_again_by_the_ids_the_store_gave_them() -> None:
    clusterer = StoryClusterer(provisional_ids=True)
    (story,) = set(clusterer.add(SPEECH[:1]))
    assert story < 0
    clusterer.renumber({story: 7})
    assert set(clusterer.stories) == {7} and clusterer.stories[7].id == 7
    assert clusterer.add(SPEECH[1:]) == [7] * (len(SPEECH) - 1)


def test_a_restored_story_keeps_the_facts_that_keep_look_alikes_out() -> None:
    clusterer = StoryClusterer(NEAR_MISS)
    (story,) = clusterer.add([SHOOTING_DAYTON])
    state = clusterer.stories[story]
    assert {"age:24", "place:dayton", "day:2026-03-14"} <= set(state.entities)
    resumed = StoryClusterer(NEAR_MISS, next_id=story + 1, articles_seen=1)
    resumed.restore(state)
    assert resumed.add([SHOOTING_DAYTON_OTHER_VICTIM]) != [story]
    assert resumed.add([SHOOTING_DAYTON_AGAIN]) == [story]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("A 24-year-old man was shot.", {24}),
        ("Boy, 3, shot by four-year-old brother", {3, 4}),
        ("Jane Roe, 31, and John Roe, aged 29, were hurt.", {31, 29}),
        ("The 2-1 win came in 2024, after 3 years.", set()),
    ],
)
def test_ages_are_read_from_the_usual_news_phrasings(text: str, ages: set[int]) -> None:
    assert ages_mentioned(text) == ages


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        ("He was shot on Saturday night.", date(2026, 3, 16), {date(2026, 3, 14)}),
        ("The shooting happened early today.", date(2026, 3, 16), {date(2026, 3, 16)}),
        ("Police said the Dec. 23 shooting was planned.", date(2027, 1, 2), {date(2026, 12, 23)}),
        ("May 03, 2013 Lohan checked in.", None, {date(2013, 5, 3)}),
        ("21 July 2013 Last updated at 11:11 GMT", None, {date(2013, 7, 21)}),
        ("The fire on 3rd March destroyed the store.", date(2026, 3, 5), {date(2026, 3, 3)}),
        ("It happened on Saturday.", None, set()),
    ],
)
def test_days_are_resolved_against_the_publication_date(
    text: str, published: date | None, days: set[date]
) -> None:
    assert days_mentioned(text, published) == days


def test_place_words_come_from_place_phrases_not_from_every_name() -> None:
    words = place_words("Ilse Brandt was shot in Vaskor, Hancock County police said.")
    assert {"vaskor", "hancock"} <= words
    assert not {"ilse", "brandt"} & words


def test_months_later_an_article_joins_the_story_that_alone_names_its_people() -> None:
    clusterer = StoryClusterer(ClusterOptions(window_days=3, memory_days=30, follow_up_days=365))
    old = clusterer.add(SPEECH[:2])
    months_later = article(SPEECH[2].source, SPEECH[2].title, SPEECH[2].text, published="2026-06-01")
    assert clusterer.add([months_later]) == [old[0]]


def test_a_full_name_is_matched_whatever_title_goes_before_it() -> None:
    """The story has "Ilse Brandt"; half a year on, "Governor Ilse Brandt" mid-sentence is one run of words."""
    clusterer = StoryClusterer(ClusterOptions(window_days=3, memory_days=30, follow_up_days=365))
    old = clusterer.add(SPEECH[:2])
    later = article(
        "wire",
        "New ferry delayed by a year",
        "The ferry that Governor Ilse Brandt ordered will come a year late. The vessel was to cost 4 million crowns.",
        published="2026-09-01",
    )
    assert clusterer.add([later]) == [old[0]]


@pytest.mark.parametrize(
    ("entity", "name"),
    [
        ("laprida shears", "laprida shears"),
        ("detective ilse marwood", "ilse marwood"),
        ("morgan park", None),
        ("digital d", None),
        ("stockton police department", None),
        ("brenmoor", None),
    ],
)
def test_a_full_name_is_two_or_more_uncommon_words_after_any_title(entity: str, name: str | None) -> None:
    assert full_name(entity) == name


@pytest.mark.parametrize("spread", ["side by side", "scattered"])
def test_candidate_cosines_are_read_right_whether_stories_sit_side_by_side_or_scattered(spread: str) -> None:
    # Candidates in a narrow span of slots are scored through a view of that span, scattered ones by copying
    # their rows: both must give each story its own centroid's cosine.
    rng = np.random.default_rng(7)
    clusterer = StoryClusterer()
    for story_id in range(200):
        vector = rng.normal(size=EMBEDDING_DIM).astype(np.float32)
        clusterer.restore(StoryState(story_id, f"story {story_id}", vector, size=1))
    wanted = range(40, 60) if spread == "side by side" else range(0, 200, 9)
    slots = np.sort([clusterer._slot_of[story_id] for story_id in wanted])
    vector = rng.normal(size=EMBEDDING_DIM).astype(np.float32)
    expected = [float(clusterer.stories[int(clusterer._slot_story[slot])].centroid @ vector) for slot in slots]
    np.testing.assert_allclose(clusterer._cosines(slots, vector), expected, rtol=1e-5, atol=1e-5)
