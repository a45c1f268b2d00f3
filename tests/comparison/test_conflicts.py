"""Tests of figure and date conflicts between outlets, including the ones planted in the example stories."""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Any

import pytest

import newsprism
from newsprism.comparison.annotate import annotate, annotate_sentence
from newsprism.comparison.conflicts import (
    SentencePair,
    candidate_pairs,
    find_date_conflicts,
    find_figure_conflicts,
)
from newsprism.models import Article, ComparedArticle, SentenceRef
from tests.helpers import EXAMPLES

SOURCES = {1: "Meridian Wire", 2: "The Daily Clarion", 3: "Northfield Courier", 4: "The Harbor Gazette"}


def pair(
    text_a: str,
    text_b: str,
    *,
    aligned: bool = True,
    similarity: float = 0.9,
    articles: tuple[int, int] = (1, 2),
    published: tuple[date | None, date | None] = (None, None),
) -> SentencePair:
    first, second = articles
    return SentencePair(
        annotate_sentence(SentenceRef(first, 0), text_a, SOURCES[first], published[0]),
        annotate_sentence(SentenceRef(second, 0), text_b, SOURCES[second], published[1]),
        aligned,
        similarity,
    )


FIGURE_CONFLICTS: list[tuple[str, str]] = [
    ("More than 4,000 residents were evacuated.", "About 3,500 people were evacuated."),
    ("More than 4,000 residents of the north bank fled.", "Some 2,000 people on both banks fled."),
    ("62 people were arrested.", "More than 80 rioters were arrested."),
    ("14 officers had been injured.", "23 officers were injured."),
    ("The quake killed 12 people.", "The quake left 15 dead."),
    ("Some 12,000 farms depend on the river.", "More than 20,000 farmers rely on the river."),
    ("The government approved 15 million marks in emergency funding.", "The government promised 12 million marks in aid."),
    ("Kessaria would guarantee 45 cubic metres per second.", "Kessaria would guarantee 40 cubic metres per second."),
    ("More than 10,000 dockworkers and supporters marched.", "Thousands marched to the square."),
    ('"It is gone," sobbed Vera Kolar, 64, in the hall.', "Vera Kolar, 65, said everything was gone."),
    ("Turnout was 61 percent.", "Turnout was 55 percent."),
]


@pytest.mark.parametrize(("text_a", "text_b"), FIGURE_CONFLICTS)
def test_aligned_sentences_whose_figures_cannot_both_be_true_conflict(text_a: str, text_b: str) -> None:
    conflicts = find_figure_conflicts([pair(text_a, text_b)])
    assert len(conflicts) == 1
    assert conflicts[0].kind == "number"
    assert conflicts[0].sentences == (SentenceRef(1, 0), SentenceRef(2, 0))


NOT_FIGURE_CONFLICTS: list[tuple[str, str]] = [
    ("4,000 people were evacuated.", "Four thousand people were evacuated."),
    ("More than 4,000 residents were evacuated.", "About 4,200 people were evacuated."),
    ("More than 4,000 residents were evacuated.", "Nearly 4,000 residents were evacuated."),
    ("Thousands of people were evacuated.", "4,000 residents were evacuated."),
    ("Dozens of protesters were arrested.", "62 people were arrested."),
    ("A few thousand people took part in the march.", "About 5,000 people joined the march."),
    ("The quake left 12 dead.", "The quake left 12 injured."),
    ("12 people were killed in the blast.", "30 people were injured in the blast."),
    ("62 people were arrested.", "23 officers were injured."),
    ("At least 30 civilians were injured.", "23 officers were injured."),
    ("The fund holds 12 million marks.", "The fund holds 12 million crowns."),
    ("The river rose 6 metres.", "The river rose 6 feet."),
    ("12 children were killed.", "30 people were killed."),
    ("The quake killed 12 people in Qeshm.", "The quake killed 30 people in Bam."),
    ("The quake killed 12 people on 3 March 2026.", "The quake killed 30 people on 9 March 2026."),
    ("A quake in 2003 killed 31,000 people.", "A quake in 2005 killed 10 people."),
    ('"It is gone," sobbed Vera Kolar, 64, in the hall.', "Milan Ostrowski, 41, lost his car."),
    ("The army deployed 40 boats.", "The army deployed 300 troops."),
    ("Rain fell for four days.", "Rain fell for four days."),
]


@pytest.mark.parametrize(("text_a", "text_b"), NOT_FIGURE_CONFLICTS)
def test_compatible_or_different_figures_are_not_conflicts(text_a: str, text_b: str) -> None:
    assert find_figure_conflicts([pair(text_a, text_b)]) == []


@pytest.mark.parametrize(
    ("text_a", "text_b", "similarity", "found"),
    [
        # Related, not aligned: the figures must share an event, and something must tie the sentences:
        # a name, a same-claim score of at least 0.3, or the very same counted noun or scope.
        ("In Port Asha, 62 protesters were arrested.", "Police in Port Asha said 80 rioters were arrested.", 0.1, True),
        ("62 protesters were arrested.", "Police said 80 rioters were arrested.", 0.5, True),
        ("62 protesters were arrested.", "Police said 80 protesters were arrested.", 0.1, True),
        ("Some 12,000 farms in the south depend on it.", "About 15,000 farming families in the south depend on it.", 0.0, True),
        ("62 protesters were arrested.", "Police said 80 rioters were arrested.", 0.1, False),
        ("In Port Asha, 62 people were arrested.", "In Port Asha, 80 people were counted.", 0.5, False),
        ("The quake killed 12 people on Qeshm island.", "A quake in September killed 7 people on Qeshm island.", 0.5, False),
        ("The army sent 40 boats to Lorvenne.", "The army sent 60 boats to Lorvenne.", 0.5, False),
        ("Police said 62 people were arrested.", "Three of those detained were journalists.", 0.5, False),
    ],
)
def test_related_sentences_need_a_shared_event_and_something_tying_them(
    text_a: str, text_b: str, similarity: float, found: bool
) -> None:
    conflicts = find_figure_conflicts([pair(text_a, text_b, aligned=False, similarity=similarity)])
    assert bool(conflicts) is found


def test_sentences_from_the_same_article_are_never_in_conflict() -> None:
    same_article = pair("62 people were arrested.", "80 people were arrested.", articles=(1, 1))
    assert find_figure_conflicts([same_article]) == []


def evacuation_pairs() -> list[SentencePair]:
    texts = {
        1: "More than 4,000 residents of the north bank were evacuated overnight.",
        2: "Thousands of people on both banks fled their homes.",
        3: "Some 4,200 people were forced from their homes.",
        4: "About 3,500 people were evacuated.",
    }
    return [
        pair(texts[first], texts[second], articles=(first, second))
        for first, second in itertools.combinations(sorted(texts), 2)
    ]


def test_findings_about_one_quantity_across_outlets_merge_into_one_conflict() -> None:
    conflicts = find_figure_conflicts(evacuation_pairs())
    assert len(conflicts) == 1
    assert conflicts[0].sentences == tuple(SentenceRef(article, 0) for article in (1, 2, 3, 4))
    assert set(conflicts[0].values) == {"1", "2", "3", "4"}


def test_the_description_names_each_outlet_and_its_phrase() -> None:
    conflict = find_figure_conflicts(evacuation_pairs())[0]
    assert conflict.description == (
        "Displaced: Meridian Wire says more than 4,000 residents of the north bank; "
        "The Daily Clarion says thousands of people on both banks; "
        "Northfield Courier says some 4,200 people; The Harbor Gazette says about 3,500 people"
    )


def test_values_hold_the_phrase_and_a_machine_readable_range() -> None:
    conflict = find_figure_conflicts(evacuation_pairs())[0]
    assert conflict.values["1"] == {
        "text": "More than 4,000 residents of the north bank", "value": 4000.0, "low": 4000.0, "high": None,
        "unit": "residents", "qualifier": "more than", "scope": "of the north bank", "event": "displaced",
        "sentence": 0,
    }  # fmt: skip
    assert json.loads(json.dumps(conflict.values)) == conflict.values


def test_outlets_giving_the_same_figure_are_named_together() -> None:
    pairs = [
        pair("The ministry released 12 million marks in aid.", "The government approved 15 million marks in aid.", articles=(1, 4)),
        pair("The ministry released 12 million marks in aid.", "The government promised 12 million marks in aid.", articles=(1, 3)),
        pair("The government promised 12 million marks in aid.", "The government approved 15 million marks in aid.", articles=(3, 4)),
    ]
    [conflict] = find_figure_conflicts(pairs)
    assert conflict.description == (
        "Funding: Meridian Wire and Northfield Courier say 12 million marks; The Harbor Gazette says 15 million marks"
    )


def test_an_untagged_figure_does_not_join_two_different_counts() -> None:
    pairs = [
        pair("62 people were arrested.", "Forty people were inside.", articles=(1, 2)),
        pair("Forty people were inside.", "23 people were injured.", articles=(2, 3)),
        pair("62 people were arrested.", "80 people were arrested.", articles=(1, 4)),
    ]
    [conflict] = find_figure_conflicts(pairs)
    assert conflict.description.startswith("Arrested:")
    assert SentenceRef(3, 0) not in conflict.sentences


MIREL_PUBLISHED = {1: date(2026, 3, 10), 2: date(2026, 3, 11), 3: date(2026, 3, 11), 4: None}

DATE_CONFLICTS: list[tuple[str, str, tuple[date | None, date | None]]] = [
    ("Lind spoke to Vantolin by phone on Tuesday.", "Lind rang Vantolin late on Monday.", (date(2026, 3, 10), date(2026, 3, 11))),
    ("Lind spoke to Vantolin on Tuesday.", "Lind rang Vantolin late on Monday.", (date(2026, 3, 11), date(2026, 3, 11))),
    ("Lind spoke to Vantolin on March 10.", "Lind rang Vantolin on March 9.", (None, None)),
    ("Lind spoke to Vantolin on Tuesday.", "Lind rang Vantolin late on Monday.", (None, date(2026, 3, 11))),
]


@pytest.mark.parametrize(("text_a", "text_b", "published"), DATE_CONFLICTS)
def test_aligned_sentences_that_put_an_event_on_different_days_conflict(
    text_a: str, text_b: str, published: tuple[date | None, date | None]
) -> None:
    conflicts = find_date_conflicts([pair(text_a, text_b, published=published)])
    assert [conflict.kind for conflict in conflicts] == ["date"]


NOT_DATE_CONFLICTS: list[tuple[str, str, tuple[date | None, date | None], bool]] = [
    ("Lind spoke to Vantolin on Tuesday.", "Lind spoke to Vantolin on March 10.", (date(2026, 3, 11), None), True),
    ("Lind spoke to Vantolin on Tuesday.", "Lind rang Vantolin on Tuesday.", (date(2026, 3, 10), date(2026, 3, 11)), True),
    ("Police fired tear gas on Friday night.", "Thugs torched vans last night.", (date(2026, 3, 21), date(2026, 3, 21)), True),
    ("Residents were evacuated overnight.", "The wall broke in the early hours of Tuesday.", (date(2026, 3, 3), date(2026, 3, 3)), True),
    ("Residents were evacuated overnight.", "Residents woke up in shelters on Wednesday.", (date(2026, 3, 3), date(2026, 3, 4)), True),
    ("62 were arrested, police said on Saturday.", "64 were arrested, police said on Sunday.", (date(2026, 3, 21), date(2026, 3, 22)), True),
    ("Lind spoke to Vantolin on Tuesday.", "Lind rang Vantolin.", (date(2026, 3, 11), date(2026, 3, 11)), True),
    # the words around each date tell different happenings: a reaction on Wednesday, a call on Tuesday
    ("Lind's hardening tone drew criticism from opposition politicians on Wednesday, who warned of an ultimatum.",
     "Lind told her Kessarian counterpart by phone on Tuesday that the window for a deal was closing.",
     (date(2026, 3, 11), date(2026, 3, 10)), True),
]


@pytest.mark.parametrize(("text_a", "text_b", "published", "aligned"), NOT_DATE_CONFLICTS)
def test_same_days_later_news_and_unaligned_sentences_are_not_date_conflicts(
    text_a: str, text_b: str, published: tuple[date | None, date | None], aligned: bool
) -> None:
    assert find_date_conflicts([pair(text_a, text_b, published=published, aligned=aligned)]) == []


def test_related_sentences_naming_the_same_actors_can_conflict_on_the_date() -> None:
    related = pair("Lind spoke on Tuesday to Sergey Vantolin, Kessaria's foreign secretary.",
                   "Lind rang Kessaria's foreign secretary Sergey Vantolin late on Monday.",
                   aligned=False, similarity=0.19, published=(date(2026, 3, 11), date(2026, 3, 11)))  # fmt: skip
    assert [conflict.kind for conflict in find_date_conflicts([related])] == ["date"]


def test_unrelated_sentences_are_never_compared_for_dates() -> None:
    unrelated = pair("Lind spoke to Vantolin on Tuesday.", "Lind rang Vantolin late on Monday.",
                     aligned=False, similarity=0.05, published=(date(2026, 3, 11), date(2026, 3, 11)))  # fmt: skip
    assert find_date_conflicts([unrelated]) == []


def test_a_date_conflict_gives_each_outlet_its_phrase_and_day() -> None:
    pairs = [
        pair("Lind spoke to Vantolin by phone on Tuesday.", "Lind rang Vantolin late on Monday.",
             articles=(1, 2), published=(MIREL_PUBLISHED[1], MIREL_PUBLISHED[2])),
        pair("Lind spoke to Vantolin on Tuesday.", "Lind rang Vantolin late on Monday.",
             articles=(3, 2), published=(MIREL_PUBLISHED[3], MIREL_PUBLISHED[2])),
    ]  # fmt: skip
    [conflict] = find_date_conflicts(pairs)
    assert conflict.description == (
        'Date: Meridian Wire and Northfield Courier say "on Tuesday" (Tuesday 10 March 2026); '
        'The Daily Clarion says "late on Monday" (Monday 9 March 2026)'
    )
    assert conflict.values["2"] == {"text": "late on Monday", "date": "2026-03-09", "weekday": "Monday", "sentence": 0}


def test_sentences_that_give_the_same_day_agree_even_when_one_also_dates_something_else() -> None:
    # Both give 15 December. The words around the two 15 Decembers differ ("elections ... planned" / "vote
    # ... scheduled"), while those around the Clarion's "on Friday" (the board drew the districts) share
    # "Kessaria" with the Wire's: the two sentences must not be found to disagree over the Friday.
    same_day = pair("Elections in Kessaria planned for December 15, 2026 will be held on a two-party basis, the election board said.",
                    "For the assembly vote, which is scheduled for December 15, 2026, the election board of the northern region of Kessaria drew the districts on Friday.")  # fmt: skip
    assert find_date_conflicts([same_day]) == []


def test_an_outlet_giving_the_others_day_does_not_contradict_them_with_the_day_of_another_happening() -> None:
    published = date(2026, 6, 9)
    wire = annotate_sentence(SentenceRef(1, 0), "Karl Mabry was sentenced on Monday for the death of Ilse Varn.", SOURCES[1], published)
    clarion = [
        annotate_sentence(SentenceRef(2, 0), "Karl Mabry received the sentence on Monday and must serve seven years.", SOURCES[2], published),
        # The shooting months before, in a sentence naming the same people as the Wire's.
        annotate_sentence(SentenceRef(2, 3), "Mabry pleaded guilty in April to killing Ilse Varn in the Jan. 1 shooting.", SOURCES[2], published),
    ]  # fmt: skip
    pairs = [SentencePair(wire, clarion[0], True, 0.8), SentencePair(wire, clarion[1], False, 0.4)]
    assert find_date_conflicts(pairs) == []


def test_a_date_conflict_shows_the_days_that_disagree() -> None:
    # The Clarion's sentence first dates the log's publication; the outlets disagree on the call.
    pairs = [pair("Lind spoke to Vantolin by phone on Tuesday.", "On Wednesday the foreign ministry published a call log showing Lind rang Vantolin late on Monday.",
                  published=(date(2026, 3, 11), date(2026, 3, 11)))]  # fmt: skip
    [conflict] = find_date_conflicts(pairs)
    assert {value["text"] for value in conflict.values.values()} == {"on Tuesday", "late on Monday"}


DAYS_FROM_THE_DAY_OF_WRITING = ["this morning", "today", "yesterday", "last night", "three days ago"]


@pytest.mark.parametrize("words", DAYS_FROM_THE_DAY_OF_WRITING)
def test_a_day_named_from_the_day_of_writing_is_not_set_against_another_claims_day(words: str) -> None:
    # Related sentences naming the same people: the Clarion's news of its own day is another happening.
    related = pair("Lind met Vantolin in Arvel on Monday.", f"Lind and Vantolin spoke in Arvel {words}.",
                   aligned=False, similarity=0.25, published=(date(2026, 3, 11), date(2026, 3, 11)))  # fmt: skip
    assert find_date_conflicts([related]) == []


@pytest.mark.parametrize("words", DAYS_FROM_THE_DAY_OF_WRITING)
def test_a_day_named_from_the_day_of_writing_conflicts_within_one_claim(words: str) -> None:
    aligned = pair("Lind met Vantolin in Arvel on Monday.", f"Lind and Vantolin met in Arvel {words}.",
                   published=(date(2026, 3, 11), date(2026, 3, 11)))  # fmt: skip
    [conflict] = find_date_conflicts([aligned])
    assert conflict.values["1"]["date"] == "2026-03-09" and conflict.values["2"]["text"] == words


# --- The planted differences of the example stories ---------------------------------------------

PLANTED = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))


def story_articles(story: dict[str, Any]) -> dict[str, tuple[int, Article]]:
    """Source name -> (article id, article) for one example story."""
    articles: dict[str, tuple[int, Article]] = {}
    for article_id, spec in enumerate(story["articles"], start=1):
        for article in newsprism.read(EXAMPLES / spec["file"]):
            if spec["record"] is None or article.external_id == spec["record"]:
                articles[article.source] = (article_id, article)
    return articles


def planted_pairs(story: dict[str, Any], planted: dict[str, Any]) -> list[SentencePair]:
    """The sentences that carry a planted difference, paired with one another as one claim group."""
    articles = story_articles(story)
    refs = []
    for source, phrase in planted["values"].items():
        article_id, article = articles[source]
        index = next(i for i, sentence in enumerate(article.sentences) if phrase in sentence)
        refs.append((article_id, index, article))
    sentences = [
        annotate_sentence(SentenceRef(article_id, index), article.sentences[index], article.source, article.published_date)
        for article_id, index, article in refs
    ]
    return [SentencePair(a, b, True, 0.9) for a, b in itertools.combinations(sentences, 2)]


PLANTED_FIGURES = [
    pytest.param(story, planted, id=f"{story['slug']}: {planted['what']}")
    for story in PLANTED["stories"]
    for planted in story["planted"]["figure_conflicts"]
]


@pytest.mark.parametrize(("story", "planted"), PLANTED_FIGURES)
def test_each_planted_figure_conflict_is_found_as_one_conflict(story: dict[str, Any], planted: dict[str, Any]) -> None:
    pairs = planted_pairs(story, planted)
    conflicts = find_figure_conflicts(pairs)
    assert len(conflicts) == 1
    expected = {sentence.ref for each in pairs for sentence in (each.a, each.b)}
    assert set(conflicts[0].sentences) == expected
    assert len(conflicts[0].values) == len(planted["values"])


def test_all_planted_figure_conflicts_of_a_story_stay_apart() -> None:
    story = next(story for story in PLANTED["stories"] if story["slug"] == "port-asha-clashes")
    pairs = [each for planted in story["planted"]["figure_conflicts"] for each in planted_pairs(story, planted)]
    labels = sorted(conflict.description.split(":")[0] for conflict in find_figure_conflicts(pairs))
    assert labels == ["Arrested", "Injured", "Turnout"]


def test_the_planted_date_conflict_is_found() -> None:
    story = next(story for story in PLANTED["stories"] if story["slug"] == "mirel-water-call")
    [planted] = story["planted"]["date_conflicts"]
    [conflict] = find_date_conflicts(planted_pairs(story, planted))
    days = {value["text"]: value["date"] for value in conflict.values.values()}
    assert days == {"on Tuesday": "2026-03-10", "late on Monday": "2026-03-09"}
    assert "The Daily Clarion says \"late on Monday\"" in conflict.description


@pytest.mark.parametrize("story", PLANTED["stories"], ids=lambda story: story["slug"])
def test_planted_figure_sentences_raise_no_date_conflict(story: dict[str, Any]) -> None:
    pairs = [each for planted in story["planted"]["figure_conflicts"] for each in planted_pairs(story, planted)]
    assert find_date_conflicts(pairs) == []


def compared(*articles: tuple[str, ...]) -> list[ComparedArticle]:
    return [
        ComparedArticle(number, Article(SOURCES[number], "", " ".join(sentences), sentences))
        for number, sentences in enumerate(articles, start=1)
    ]


def test_candidate_pairs_join_sentences_that_count_the_same_kind_of_thing() -> None:
    articles = compared(
        ("Police said 62 people were arrested.", "The army sent 40 boats."),
        ("About 5,000 people joined the march.", "More than 80 rioters were arrested."),
        ("Dozens of protesters were arrested.", "Rain fell for four days."),
    )
    assert candidate_pairs(annotate(articles)) == [
        (SentenceRef(1, 0), SentenceRef(2, 1)),
        (SentenceRef(1, 0), SentenceRef(3, 0)),
        (SentenceRef(2, 1), SentenceRef(3, 0)),
    ]


def test_candidate_pairs_passed_as_related_find_conflicts_a_same_claim_score_would_miss() -> None:
    articles = compared(("Police said 14 officers had been injured.",), ("Rioters hurt 23 officers, police said.",))
    story = annotate(articles)
    pairs = [
        SentencePair(story.sentence(a), story.sentence(b), aligned=False, similarity=0.02)
        for a, b in candidate_pairs(story)
    ]
    assert [conflict.description for conflict in find_figure_conflicts(pairs)] == [
        "Injured: Meridian Wire says 14 officers; The Daily Clarion says 23 officers"
    ]


def test_figures_of_weakly_tied_sentences_about_different_actors_are_not_compared() -> None:
    weak = pair("Senator McCain would cut $882 billion from Medicare.", "In the ad, Obama has cut $716 billion from Medicare.",
                aligned=True, similarity=0.2)  # fmt: skip
    assert find_figure_conflicts([weak]) == []
    strong = pair("Obama has cut $716 billion from Medicare.", "Obama cut $882 billion from Medicare.", similarity=0.9)
    assert [c.kind for c in find_figure_conflicts([strong])] == ["number"]
