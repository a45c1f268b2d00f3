"""Statement conflicts: the same claim stated with opposite polarity by two outlets."""

from __future__ import annotations

import pytest

from newsprism.comparison.annotate import annotate_sentence
from newsprism.comparison.conflicts import SentencePair
from newsprism.comparison.contradictions import find_statement_conflicts
from newsprism.models import SentenceRef


def Pair(text_a: str, text_b: str, aligned: bool = True) -> SentencePair:  # noqa: N802 (reads as a record)
    return SentencePair(
        annotate_sentence(SentenceRef(1, 0), text_a, "Meridian Wire", None),
        annotate_sentence(SentenceRef(2, 0), text_b, "The Harbor Gazette", None),
        aligned,
        0.9,
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The ministry confirmed that troops had crossed the border.", "The ministry denied that troops had crossed the border."),
        ("Police said the driver was arrested at the scene.", "Police said the driver was not arrested at the scene."),
        ("The council approved the new embankment budget on Monday.", "The council rejected the new embankment budget on Monday."),
        ("Officials said the dam wasn't damaged by the flood.", "Officials said the dam was damaged by the flood."),
    ],
)
def test_opposite_polarity_on_an_aligned_claim_is_a_conflict(first: str, second: str) -> None:
    [conflict] = find_statement_conflicts([Pair(first, second)])
    assert conflict.kind == "statement"
    assert conflict.sentences == (SentenceRef(1, 0), SentenceRef(2, 0))
    assert "Meridian Wire" in conflict.description and "The Harbor Gazette" in conflict.description


@pytest.mark.parametrize(
    ("first", "second", "aligned"),
    [
        # both negative: agreement
        ("No arrests have been made, police said.", "Police said nobody had been arrested yet.", True),
        # a paraphrase with the same polarity
        ("The council approved the budget on Monday.", "On Monday the council approved its budget.", True),
        # negation about something else entirely: too little in common
        ("The river rose over the embankment.", "The mayor did not attend the press conference.", True),
        # the negation denies something the other sentence does not say ("not reopen" / "stay shut")
        ('"We will not reopen it until it is safe," Mayor Ina Ferrow said.', 'Mayor Ina Ferrow said the bridge would stay shut "until it is safe".', True),
        # not aligned: never compared
        ("The ministry confirmed the crossing.", "The ministry denied the crossing.", False),
    ],
)
def test_agreement_and_unrelated_sentences_are_not_conflicts(first: str, second: str, aligned: bool) -> None:
    assert find_statement_conflicts([Pair(first, second, aligned)]) == []


def test_a_cut_quote_whose_dropped_half_holds_a_negation_is_not_a_statement_conflict() -> None:
    full = '"The water came up faster than anyone expected, and we will not rest until every family has a dry bed," the mayor said.'
    cut = '"The water came up faster than anyone expected," the mayor said.'
    assert find_statement_conflicts([Pair(full, cut)]) == []
