"""Framing: each outlet's distinctive words by weighted log-odds with an informative Dirichlet prior."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pytest

import newsprism
from newsprism.comparison.framing import (
    MIN_PSEUDO_COUNT,
    distinctive_terms,
    informative_prior,
    log_odds_z,
)
from newsprism.comparison.options import FRAMING_MIN_Z
from newsprism.models import Article, ComparedArticle, Framing
from newsprism.nlp.sentences import split_sentences
from tests.helpers import EXAMPLES

PLANTED = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))
FILLER = (
    "The council met on Monday to discuss the budget. Officials reviewed the plans for the harbour. "
    "Residents asked questions about the schedule. The meeting ended in the evening."
)


def _article(text: str, source: str = "Outlet", dateline: str | None = None) -> Article:
    return Article(source, "", text, tuple(split_sentences(text)), dateline=dateline)


def _story(*texts: str) -> list[ComparedArticle]:
    return [ComparedArticle(index, _article(text, f"Outlet {index}")) for index, text in enumerate(texts)]


def _terms(framing: Framing) -> list[str]:
    return [term for term, _ in framing.distinctive_terms]


# --- the statistic --------------------------------------------------------------------------------


def test_log_odds_z_of_two_equal_groups_by_hand() -> None:
    # Prior 1 each, A = 2; both groups of size 4, so neither prior is scaled.
    # z(A, "a") = [ln((3+1)/(4+2-3-1)) - ln((1+1)/(4+2-1-1))] / sqrt(1/4 + 1/2) = 2 ln 2 / sqrt(0.75)
    scores = log_odds_z([{"a": 3, "b": 1}, {"a": 1, "b": 3}], {"a": 1.0, "b": 1.0})
    expected = 2 * math.log(2) / math.sqrt(0.75)
    assert scores[0]["a"] == pytest.approx(expected) == pytest.approx(1.60075, abs=1e-5)
    assert scores[0]["b"] == pytest.approx(-expected)
    assert scores[1]["b"] == pytest.approx(expected)


def test_log_odds_z_scales_each_side_prior_by_its_size() -> None:
    # Sizes 2 and 6, mean 4: the small side gets half the prior, the large side one and a half.
    # z(A, "a") = [ln((2+0.5)/(2+1-2-0.5)) - ln((2+1.5)/(6+3-2-1.5))] / sqrt(1/2.5 + 1/3.5)
    scores = log_odds_z([{"a": 2}, {"a": 2, "b": 4}], {"a": 1.0, "b": 1.0})
    expected = (math.log(2.5 / 0.5) - math.log(3.5 / 5.5)) / math.sqrt(1 / 2.5 + 1 / 3.5)
    assert scores[0]["a"] == pytest.approx(expected) == pytest.approx(2.48940, abs=1e-5)
    assert "b" not in scores[0]


def test_informative_prior_spreads_the_total_by_background_frequency() -> None:
    prior = informative_prior(["police", "yobs"], {"police": 3e-4, "yobs": 1e-7}.__getitem__, total=500.0)
    assert sum(prior.values()) == pytest.approx(500.0 + 2 * MIN_PSEUDO_COUNT)
    assert prior["police"] == pytest.approx(500.0 * 3e-4 / (3e-4 + 1e-7) + MIN_PSEUDO_COUNT)
    assert prior["yobs"] == pytest.approx(500.0 * 1e-7 / (3e-4 + 1e-7) + MIN_PSEUDO_COUNT)


def test_informative_prior_without_background_is_the_floor() -> None:
    assert informative_prior(["casmerra"], lambda term: 0.0, total=500.0) == {"casmerra": MIN_PSEUDO_COUNT}


# --- what counts as a term ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "term", "counted"),
    [
        ("Shelling hit the rebel-held town. Shelling hit the rebel-held port.", "rebel-held", True),
        ("Rioters set vans alight. More rioters came.", "rioters", True),
        ("The union's leader spoke. The union's members cheered.", "union", True),
        ("Some 70 people were held. Some 70 more were freed.", "70", False),
        ("They were there and they were angry. They were there.", "there", False),
        ("Helena Lind spoke at length. Helena Lind spoke again.", "lind", False),
        ("Helena Lind spoke at length. Helena Lind spoke again.", "helena lind", False),
    ],
)
def test_terms_are_lowercase_content_words_without_numbers_or_names(sentence: str, term: str, counted: bool) -> None:
    story = _story(sentence, FILLER, FILLER.replace("Monday", "Tuesday"))
    framings = distinctive_terms(story, min_z=-math.inf, top=1000)
    assert (term in _terms(framings[0])) is counted


def test_an_outlet_s_own_name_is_no_term() -> None:
    own = ComparedArticle(0, _article("The Gazette asked readers. Gazette readers answered the Gazette.", "The Harbor Gazette"))
    others = [ComparedArticle(index, _article(FILLER, f"Outlet {index}")) for index in (1, 2)]
    [framing, *_] = distinctive_terms([own, *others], min_z=-math.inf, top=1000)
    assert "gazette" not in _terms(framing)
    assert "readers" in _terms(framing)


def test_a_reported_phrase_replaces_the_words_only_found_inside_it() -> None:
    text = "A violent mob attacked the gates. The violent mob fled. " + FILLER
    framing = distinctive_terms(_story(text, FILLER, FILLER, FILLER, FILLER), min_z=-math.inf)[0]
    assert "violent mob" in _terms(framing)
    assert "violent" not in _terms(framing) and "mob" not in _terms(framing)


# --- which terms are distinctive ------------------------------------------------------------------


def test_a_word_one_outlet_uses_twice_and_no_other_outlet_uses_is_distinctive() -> None:
    story = _story("Rioters gathered at dusk. The rioters left. " + FILLER, FILLER, FILLER, FILLER, FILLER)
    assert "rioters" in _terms(distinctive_terms(story)[0])


@pytest.mark.parametrize(
    "texts",
    [
        # Used once only: no evidence of a habit.
        ("The thugs gathered at dusk. " + FILLER, FILLER, FILLER, FILLER, FILLER),
        # Used as much by everyone.
        tuple(f"The protesters gathered at dusk. The protesters left. {FILLER}" for _ in range(5)),
    ],
    ids=["once", "everyone"],
)
def test_words_without_a_marked_difference_are_not_distinctive(texts: tuple[str, ...]) -> None:
    assert _terms(distinctive_terms(_story(*texts))[0]) == []


def test_a_background_where_the_word_is_common_shrinks_its_score() -> None:
    texts = ("Rioters gathered at dusk. The rioters left. " + FILLER, FILLER, FILLER, FILLER, FILLER)
    story = _story(*texts)
    vocabulary = {word.lower() for text in texts for word in re.findall(r"[\w'-]+", text)}
    rare = {word: 1e-5 for word in vocabulary}
    common = {**rare, "rioters": 1e-3}
    as_rare = dict(distinctive_terms(story, background=rare, min_z=-math.inf)[0].distinctive_terms)
    as_common = dict(distinctive_terms(story, background=common, min_z=-math.inf)[0].distinctive_terms)
    assert as_common["rioters"] < as_rare["rioters"]


def test_one_framing_per_article_in_order_with_its_dateline_and_ranked_terms() -> None:
    articles = [
        ComparedArticle(7, _article("Rioters came. Rioters left. " + FILLER, "A", dateline="PORT ASHA")),
        *(ComparedArticle(index, _article(FILLER, f"Outlet {index}")) for index in (3, 4, 5)),
    ]
    framings = distinctive_terms(articles, min_z=-math.inf, top=3)
    assert [framing.article for framing in framings] == [7, 3, 4, 5]
    assert framings[0].dateline == "PORT ASHA"
    assert all(len(framing.distinctive_terms) <= 3 for framing in framings)
    scores = [z for _, z in framings[0].distinctive_terms]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("texts", [("Rioters came. Rioters left.",), ("Rioters came. Rioters left.", ""), ("", "")])
def test_a_story_with_one_article_of_words_has_nothing_to_compare(texts: tuple[str, ...]) -> None:
    framings = distinctive_terms(_story(*texts))
    assert [framing.distinctive_terms for framing in framings] == [()] * len(texts)


# --- the example stories --------------------------------------------------------------------------

# Planted framing terms that occur at least twice in their article but cannot be told apart
# from chance, and why. Everything else used twice or more must come out as distinctive.
NOT_DISTINCTIVE = {
    ("port-asha-clashes", "Meridian Wire", "protesters"): "the Northfield Courier uses it too: 2 against 1",
    ("lorvenne-flood", "Meridian Wire", "officials said"): "a stock phrase of English news, discounted by the prior",
}


def _example(slug: str) -> list[ComparedArticle]:
    articles = [article for path in sorted((EXAMPLES / "stories" / slug).glob("*")) for article in newsprism.read(path)]
    return [ComparedArticle(index, article) for index, article in enumerate(articles)]


def _repeated_planted_terms() -> list[tuple[str, str, str]]:
    cases = []
    for story in PLANTED["stories"]:
        texts = {article.article.source: article.article.text for article in _example(story["slug"])}
        for planted in story["planted"]["framing"]:
            for term in planted["terms"]:
                pattern = rf"(?<![\w-]){re.escape(term)}(?![\w-])"
                if len(re.findall(pattern, texts[planted["source"]], re.IGNORECASE)) >= 2:
                    cases.append((story["slug"], planted["source"], term.lower()))
    return cases


REPEATED = _repeated_planted_terms()


def test_the_list_of_planted_terms_that_cannot_be_found_is_accurate() -> None:
    assert set(NOT_DISTINCTIVE) <= set(REPEATED)
    assert len(REPEATED) > len(NOT_DISTINCTIVE)


@pytest.mark.parametrize(
    ("slug", "source", "term"),
    [case for case in REPEATED if case not in NOT_DISTINCTIVE],
    ids=lambda value: str(value),
)
def test_planted_framing_terms_used_twice_are_distinctive(slug: str, source: str, term: str) -> None:
    story = _example(slug)
    [framing] = [f for f, a in zip(distinctive_terms(story), story, strict=True) if a.article.source == source]
    assert term in _terms(framing)


@pytest.mark.parametrize("story", PLANTED["stories"], ids=[s["slug"] for s in PLANTED["stories"]])
def test_example_framings_carry_the_datelines(story: dict[str, Any]) -> None:
    compared = _example(story["slug"])
    for framing, article in zip(distinctive_terms(compared), compared, strict=True):
        assert framing.article == article.id
        assert framing.dateline == article.article.dateline
        for term, z in framing.distinctive_terms:
            assert term == term.lower() and z > FRAMING_MIN_Z


def test_no_articles_no_framings() -> None:
    assert distinctive_terms([]) == []


def test_a_term_with_no_prior_weight_used_by_one_side_only_gets_no_score_and_no_error() -> None:
    scores = log_odds_z([{"flood": 2}, {"rain": 1}], {"flood": 0.0, "rain": 0.5})
    assert "flood" not in scores[0]
    assert set(scores[1]) <= {"rain"}
