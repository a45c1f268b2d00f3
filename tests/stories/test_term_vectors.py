"""Word vectors of whole articles: rare words weigh, common ones do not, and nothing depends on the corpus."""

from __future__ import annotations

import numpy as np

from newsprism.stories.term_vectors import TermVector, _hash, term_vector

FIRE_BANSTEAD = (
    "Fire destroys supermarket. A fire gutted the Waitrose supermarket on Banstead High Street overnight. "
    "Surrey Fire and Rescue sent ten engines; the store manager, Priya Okafor, said staff got out safely."
)
FIRE_BANSTEAD_AGAIN = (
    "Banstead Waitrose destroyed. Ten engines from Surrey Fire and Rescue fought the blaze at the Waitrose "
    "on Banstead High Street. Manager Priya Okafor said all staff were safe."
)
FIRE_WELLINGTON = (
    "Crews tackle blaze at supermarket. Six fire engines from Devon and Somerset Fire and Rescue were called "
    "to the Waitrose store in Wellington on Sunday night. Station manager Tomasz Lindqvist said nobody was hurt."
)


def test_a_vector_has_unit_length_and_sorted_unique_word_ids() -> None:
    vector = term_vector(FIRE_BANSTEAD)
    assert abs(vector.norm - 1.0) < 1e-5
    assert np.all(np.diff(vector.ids.astype(np.int64)) > 0)


def test_common_words_carry_no_weight() -> None:
    assert term_vector("The police said that it was there and they were there.").ids.size == 0


def test_reports_of_one_event_share_more_words_than_look_alike_events() -> None:
    banstead, again, wellington = map(term_vector, (FIRE_BANSTEAD, FIRE_BANSTEAD_AGAIN, FIRE_WELLINGTON))
    assert banstead.cosine(again) > banstead.cosine(wellington) + 0.2


def test_a_word_written_with_a_capital_weighs_more_as_a_name() -> None:
    def weights(text: str) -> dict[str, float]:
        vector = term_vector(text)
        return {word: float(vector.weights[vector.ids == _hash(word)][0]) for word in ("kestrel", "marzipan")}

    plain = weights("the kestrel ate marzipan")
    named = weights("the Kestrel ate marzipan")
    assert named["kestrel"] / named["marzipan"] > 1.5 * plain["kestrel"] / plain["marzipan"]


def test_a_vector_is_the_same_whatever_was_seen_before() -> None:
    first = term_vector(FIRE_WELLINGTON)
    term_vector(FIRE_BANSTEAD)
    again = term_vector(FIRE_WELLINGTON)
    assert np.array_equal(first.ids, again.ids) and np.array_equal(first.weights, again.weights)


def test_bytes_round_trip_and_empty_blobs_read_as_empty() -> None:
    vector = term_vector(FIRE_BANSTEAD)
    back = TermVector.from_bytes(vector.to_bytes())
    assert np.array_equal(back.ids, vector.ids) and np.array_equal(back.weights, vector.weights)
    assert TermVector.from_bytes(None).ids.size == 0 and TermVector.from_bytes(b"").norm == 0.0


def test_a_sum_adds_shared_words_and_keeps_only_the_heaviest() -> None:
    one = TermVector(np.array([1, 5, 9], dtype=np.uint32), np.array([1.0, 2.0, 0.5], dtype=np.float32))
    two = TermVector(np.array([5, 7], dtype=np.uint32), np.array([1.0, 3.0], dtype=np.float32))
    total = one.plus(two)
    assert total.ids.tolist() == [1, 5, 7, 9] and total.weights.tolist() == [1.0, 3.0, 3.0, 0.5]
    assert one.plus(two, keep=2).ids.tolist() == [5, 7]


def test_cosines_with_several_vectors_at_once_equal_each_cosine_computed_word_by_word() -> None:
    article = term_vector("Ferry operator Vaskor Lines cancels the Kessling crossing after a collision")
    stories = [
        term_vector("Vaskor Lines ferry collided with a trawler off Kessling"),
        term_vector("Council approves a reservoir in the Kessling valley"),
        TermVector.empty(),
        term_vector("Orchestra tours Brevik with a new conductor"),
        article,
    ]
    expected = [_dense_cosine(article, story) for story in stories]
    np.testing.assert_allclose(article.cosines(stories), expected, atol=1e-6)
    assert [article.cosine(story) for story in stories] == article.cosines(stories).tolist()
    assert expected[0] > expected[1] > 0.0 == expected[2] == expected[3]
    assert TermVector.empty().cosines(stories).tolist() == [0.0] * len(stories)
    assert article.cosines([]).shape == (0,)


def _dense_cosine(a: TermVector, b: TermVector) -> float:
    """The cosine the slow way: a dictionary of each vector's weights, word by word."""
    weights_a = dict(zip(a.ids.tolist(), a.weights.tolist(), strict=True))
    weights_b = dict(zip(b.ids.tolist(), b.weights.tolist(), strict=True))
    dot = sum(weight * weights_b.get(word, 0.0) for word, weight in weights_a.items())
    norms = np.sqrt(sum(w * w for w in weights_a.values()) * sum(w * w for w in weights_b.values()))
    return float(dot / norms) if norms > 0 else 0.0
