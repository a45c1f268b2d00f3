"""Tests of the claim scores: paraphrases are the same claim; other facts and changed figures are not.

Two scores: the trained pair model's probability (claim_similarity, same_claim, ClaimJudge: what decides a
link) and the quick score (ClaimScorer: cosine and lexical evidence, the alignment's candidate filter)."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from newsprism.comparison.link_model import StoryTfidf, link_features, link_model
from newsprism.comparison.options import LINK_THRESHOLD, QUICK_CLAIM_THRESHOLD
from newsprism.comparison.similarity import (
    CLAIM_THRESHOLD,
    ClaimJudge,
    ClaimScorer,
    claim_similarity,
    same_claim,
    sentence_evidence,
)
from newsprism.nlp.embeddings import default_embedder
from tests.helpers import EXAMPLES, read_planted, straight

PLANTED = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))

# Two outlets stating one fact in their own words.
PARAPHRASES = [
    (
        "Police fired tear gas and water cannon at protesters in Port Asha on Friday night.",
        "On Friday night police in Port Asha used tear gas and water cannon against the protesters.",
    ),
    (
        "More than 4,000 residents were evacuated from Lorvenne's north bank overnight.",
        "Over 4,000 people living on the north bank of Lorvenne had to leave their homes during the night.",
    ),
    (
        "The finance ministry said it would release 12 million marks from the emergency reserve.",
        "The government will release 12 million marks of emergency money, the finance ministry said.",
    ),
    (
        "Interior Minister Tariq Haddadi said those responsible for the violence would be prosecuted.",
        "Those behind the violence will be prosecuted, Interior Minister Tariq Haddadi said.",
    ),
    ("Two police vans and a car were set on fire.", "Protesters torched two police vans and a car."),
    (
        "The river burst its banks after four days of torrential rain.",
        "After four days of heavy rain the river broke over its embankment.",
    ),
]

PARAPHRASES.append(
    (
        "Vantolin proposed that negotiators meet again in Dunmere before the end of the month.",
        "The Kessarian foreign secretary suggested a new round of talks in Dunmere before the month is out.",
    )
)

# Paraphrases that share almost no words and that MiniLM places below cosine 0.55: a cosine-plus-lexical
# model cannot tell them from same-topic sentences stating another fact (which reach 0.65).
LOW_OVERLAP_PARAPHRASES = [
    (
        "the minister told her counterpart by phone that the window for a deal was closing",
        "in a call with the foreign secretary, Lind warned that time for an agreement was running out",
    ),
]

# Same story, same topic, different facts.
DIFFERENT_FACTS = [
    (
        "Police fired tear gas at protesters in Port Asha on Friday night.",
        "Two police vans were set on fire in Port Asha on Friday night.",
    ),
    (
        "The river peaked at 6 metres at the Lorvenne gauge, the highest reading since 1961.",
        "Evacuees were housed in three schools and the municipal sports hall.",
    ),
    (
        "Lind will brief the parliamentary foreign affairs committee on Thursday.",
        "Lind told Vantolin that the window for a deal was closing.",
    ),
    (
        "The container terminal handles about a third of Casmerra's seaborne trade.",
        "The union called the march to oppose the plan to lease the container terminal.",
    ),
    (
        "The government has promised emergency aid to the flooded town.",
        "The government was criticised for ignoring warnings about the embankment.",
    ),
]

# The same sentence with a changed figure: a conflict between outlets, not a shared claim.
DIFFERENT_FIGURES = [
    (
        "The government has promised 12 million marks in emergency aid.",
        "The government has promised 15 million marks in emergency aid.",
    ),
    ("Police said 62 people were arrested.", "Police said 80 people were arrested."),
    ("The river peaked at 6 metres on Tuesday.", "The river peaked at 5 metres on Tuesday."),
    ("14 officers were injured in the clashes.", "23 officers were injured in the clashes."),
    ("About 5,000 people joined the march.", "More than 10,000 people joined the march."),
    (
        "Kessaria would guarantee a minimum flow of 45 cubic metres per second.",
        "Kessaria would guarantee a minimum flow of 40 cubic metres per second.",
    ),
]

ALL_PAIRS = PARAPHRASES + LOW_OVERLAP_PARAPHRASES + DIFFERENT_FACTS + DIFFERENT_FIGURES


@pytest.fixture(scope="module")
def scorer() -> ClaimScorer:
    return ClaimScorer(default_embedder())


def _ids(pairs: list[tuple[str, str]]) -> list[str]:
    return [a[:40] for a, _ in pairs]


# Where the trained pair model (MSRP, STS-B) is known to be wrong on these invented sentences: kept as strict
# expected failures, so that a better model shows up as a passing test.
PAIR_MODEL_MISSES = {
    "More than 4,000 residents were evacuated",  # "had to leave their homes": 0.35
    "Police fired tear gas at protesters in P",  # vans set on fire: same place and night, read as one claim
}
PAIR_MODEL_REASON = "known limit of the pair model (trained on MSRP and STS-B) on this pair"


def _cases(pairs: list[tuple[str, str]]) -> list[Any]:
    return [
        pytest.param(a, b, id=a[:40], marks=pytest.mark.xfail(strict=True, reason=PAIR_MODEL_REASON))
        if a[:40] in PAIR_MODEL_MISSES
        else pytest.param(a, b, id=a[:40])
        for a, b in pairs
    ]


@pytest.mark.parametrize(("a", "b"), _cases(PARAPHRASES))
def test_paraphrases_are_the_same_claim(a: str, b: str) -> None:
    assert same_claim([(a, b)]) == [True]


@pytest.mark.xfail(strict=True, reason="known limit: low word overlap and a MiniLM cosine below 0.55")
@pytest.mark.parametrize(("a", "b"), LOW_OVERLAP_PARAPHRASES, ids=_ids(LOW_OVERLAP_PARAPHRASES))
def test_paraphrases_with_almost_no_shared_words_are_the_same_claim(a: str, b: str) -> None:
    assert same_claim([(a, b)]) == [True]


@pytest.mark.parametrize(("a", "b"), _cases(DIFFERENT_FACTS))
def test_same_topic_different_fact_is_not_the_same_claim(a: str, b: str) -> None:
    assert same_claim([(a, b)]) == [False]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_FIGURES, ids=_ids(DIFFERENT_FIGURES))
def test_a_changed_figure_is_not_the_same_claim(a: str, b: str) -> None:
    assert same_claim([(a, b)]) == [False]


@pytest.mark.parametrize(("a", "b"), DIFFERENT_FIGURES, ids=_ids(DIFFERENT_FIGURES))
def test_ignoring_figures_a_changed_figure_is_the_same_claim(a: str, b: str) -> None:
    assert ClaimJudge(figure_blind=True).score_texts([(a, b)])[0] >= CLAIM_THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT_FIGURES, ids=_ids(DIFFERENT_FIGURES))
def test_to_the_quick_score_ignoring_figures_a_changed_figure_is_the_same_claim(
    scorer: ClaimScorer, a: str, b: str
) -> None:
    assert scorer.score_matrix([a], [b], ignore_figures=True)[0, 0] >= QUICK_CLAIM_THRESHOLD


@pytest.mark.parametrize(("a", "b"), _cases(DIFFERENT_FACTS))
def test_ignoring_figures_a_different_fact_is_still_not_the_same_claim(a: str, b: str) -> None:
    assert ClaimJudge(figure_blind=True).score_texts([(a, b)])[0] < CLAIM_THRESHOLD


def test_scores_are_probabilities() -> None:
    scores = claim_similarity(ALL_PAIRS)
    assert len(scores) == len(ALL_PAIRS)
    assert all(0.0 <= score <= 1.0 for score in scores)


def test_same_claim_is_the_score_against_the_threshold() -> None:
    scores = claim_similarity(ALL_PAIRS)
    assert same_claim(ALL_PAIRS) == [score >= CLAIM_THRESHOLD for score in scores]


def test_the_score_is_symmetric() -> None:
    swapped = [(b, a) for a, b in ALL_PAIRS]
    np.testing.assert_allclose(claim_similarity(ALL_PAIRS), claim_similarity(swapped), atol=1e-6)


def test_a_sentence_is_the_same_claim_as_itself() -> None:
    sentence = PARAPHRASES[0][0]
    assert claim_similarity([(sentence, sentence)])[0] > 0.95


def test_the_score_is_graded_paraphrase_over_same_topic_over_unrelated() -> None:
    sentence = "Police fired tear gas and water cannon at protesters in Port Asha on Friday night."
    paraphrase = "On Friday night police in Port Asha used tear gas and water cannon against the protesters."
    same_topic = "Two police vans were set on fire in Port Asha on Friday night."
    unrelated = "The central bank left interest rates unchanged."
    close, related, far = claim_similarity(
        [(sentence, paraphrase), (sentence, same_topic), (sentence, unrelated)]
    )
    assert close > related > far


def test_no_pairs_give_no_scores() -> None:
    assert claim_similarity([]) == []
    assert same_claim([]) == []


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("More than 4,000 residents were evacuated.", {"4000"}),
        ("Petrol costs 2.50 marks a litre.", {"2.5"}),
        ("Two police vans were burned.", {"2"}),
        ("Prices last rose this fast in the 1990s.", {"1990"}),
        ("The deal is worth 12m marks, up from 9.", {"12", "9"}),
        ("One of the protesters was hurt.", set()),
    ],
)
def test_figures_are_read_one_way(sentence: str, numbers: set[str]) -> None:
    assert sentence_evidence(sentence).numbers == numbers


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Police in Port Asha fired tear gas.", {"port", "asha"}),
        ("Lind phoned Vantolin on Tuesday.", {"vantolin", "tuesday"}),
        ("NATO said nothing.", {"nato"}),
        ("The minister said nothing.", set()),
    ],
)
def test_names_are_capitalised_words_not_opening_the_sentence(sentence: str, names: set[str]) -> None:
    assert sentence_evidence(sentence).names == names


def test_content_words_are_stemmed_without_stopwords() -> None:
    evidence = sentence_evidence("The rivers flooded the villages and stopped the trains, officials said.")
    assert evidence.content == {"river", "flood", "village", "stop", "train", "official"}


def test_the_quick_score_matrix_agrees_with_its_pair_scores(scorer: ClaimScorer) -> None:
    sentences_a = [a for a, _ in ALL_PAIRS]
    sentences_b = [b for _, b in ALL_PAIRS]
    matrix = scorer.score_matrix(sentences_a, sentences_b)
    every_pair = [(a, b) for a in sentences_a for b in sentences_b]
    expected = scorer.score_pairs(every_pair).reshape(len(sentences_a), len(sentences_b))
    np.testing.assert_allclose(matrix, expected, atol=1e-6)


def test_score_matrix_uses_precomputed_embeddings(scorer: ClaimScorer) -> None:
    sentences_a = [a for a, _ in PARAPHRASES]
    sentences_b = [b for _, b in DIFFERENT_FACTS]
    embeddings_a = scorer.embedder.embed(sentences_a)
    embeddings_b = scorer.embedder.embed(sentences_b)
    with_vectors = scorer.score_matrix(sentences_a, sentences_b, embeddings_a, embeddings_b)
    np.testing.assert_allclose(with_vectors, scorer.score_matrix(sentences_a, sentences_b), atol=1e-6)


def test_score_matrix_rejects_embeddings_of_the_wrong_length(scorer: ClaimScorer) -> None:
    sentences = [a for a, _ in PARAPHRASES]
    embeddings = scorer.embedder.embed(sentences[:-1])
    with pytest.raises(ValueError, match="embedding rows"):
        scorer.score_matrix(sentences, sentences, embeddings_a=embeddings)


@pytest.mark.parametrize(("size_a", "size_b"), [(0, 3), (3, 0), (0, 0)])
def test_score_matrix_with_an_empty_side_has_the_right_shape(
    scorer: ClaimScorer, size_a: int, size_b: int
) -> None:
    sentences = [a for a, _ in PARAPHRASES]
    assert scorer.score_matrix(sentences[:size_a], sentences[:size_b]).shape == (size_a, size_b)


# The example stories, to the alignment's link model: a planted fact only one outlet reports matches nothing in
# the other outlets; a fact several report is linked in at least two of them.




def _other_outlets_sentences(story: dict[str, Any], source: str) -> list[str]:
    """Sentences of the story's other articles, leaving out syndicated copies of the source's article."""
    [own] = [a for a in story["articles"] if a["source"] == source]
    sentences: list[str] = []
    for planted in story["articles"]:
        copies = {planted["syndicated_copy_of"], own["syndicated_copy_of"]}
        if planted["source"] == source or own["file"] in copies or planted["file"] in copies - {None}:
            continue
        sentences.extend(read_planted(planted).sentences)
    return sentences


UNIQUE_FACTS = [(story, fact) for story in PLANTED["stories"] for fact in story["planted"]["unique_facts"]]


@pytest.mark.parametrize(
    ("story", "fact"), UNIQUE_FACTS, ids=[f"{s['slug']}/{f['source']}" for s, f in UNIQUE_FACTS]
)
def test_a_planted_unique_fact_is_no_other_outlets_claim(
    scorer: ClaimScorer, story: dict[str, Any], fact: dict[str, Any]
) -> None:
    others = _other_outlets_sentences(story, fact["source"])
    sentence = straight(fact["sentence"])
    candidates = _closest(scorer, sentence, others)
    probabilities = _link_probabilities(story, [(sentence, other) for other in candidates])
    assert probabilities.max() < LINK_THRESHOLD, candidates[int(probabilities.argmax())]


def _link_probabilities(story: dict[str, Any], pairs: list[tuple[str, str]]) -> np.ndarray:
    """What the alignment's link model says of the pairs, its TF-IDF counted over the story's sentences."""
    sentences = [s for planted in story["articles"] for s in read_planted(planted).sentences]
    tfidf = StoryTfidf(sentences)
    embedder = default_embedder()
    cosines = np.einsum("ij,ij->i", embedder.embed([a for a, _ in pairs]), embedder.embed([b for _, b in pairs]))
    features = link_features(
        [(sentence_evidence(a), sentence_evidence(b)) for a, b in pairs],
        cosines,
        np.array([tfidf.cosine(a, b) for a, b in pairs]),
    )
    return link_model().probabilities(features)


def _closest(scorer: ClaimScorer, sentence: str, others: list[str], count: int = 5) -> list[str]:
    """The others the quick score ranks closest to the sentence: the ones alignment would ask the model about."""
    quick = scorer.score_matrix([sentence], others)[0]
    return [others[i] for i in np.argsort(-quick, kind="stable")[:count]]


SHARED_FACTS = [(story, fact) for story in PLANTED["stories"] for fact in story["planted"]["shared_facts"]]
@pytest.mark.parametrize(
    ("story", "fact"), SHARED_FACTS, ids=[f["fact"][:40] for _, f in SHARED_FACTS]
)
def test_a_planted_shared_fact_is_found_in_at_least_two_outlets(
    scorer: ClaimScorer, story: dict[str, Any], fact: dict[str, Any]
) -> None:
    sentences = sorted({straight(sentence) for sentence in fact["sentences"].values()})
    pairs = [(a, b) for a in sentences for b in sentences if a < b]
    assert _link_probabilities(story, pairs).max() >= LINK_THRESHOLD
