"""Related claims: different claims about one measured quantity are tied by the figure conflict between them."""

from __future__ import annotations

from newsprism.comparison.related import related_claims
from newsprism.models import Claim, Conflict, SentenceRef

FLED = Claim(1, "unique", "More than 8,000 residents have fled the northern districts.", (SentenceRef(1, 0),))
FORCED = Claim(
    2, "unique", "Tens of thousands of people have been forced from their homes.", (SentenceRef(2, 3),)
)
SCHOOLS = Claim(3, "partial", "Schools are closed.", (SentenceRef(1, 1), SentenceRef(2, 0)))


def test_a_figure_conflict_between_two_claims_relates_them_both_ways() -> None:
    conflict = Conflict("number", "8,000 vs tens of thousands", (SentenceRef(1, 0), SentenceRef(2, 3)))
    claims = related_claims([FLED, FORCED, SCHOOLS], [conflict])
    assert [(claim.id, claim.related) for claim in claims] == [(1, (2,)), (2, (1,)), (3, ())]


def test_a_figure_conflict_inside_one_claim_relates_nothing() -> None:
    conflict = Conflict("number", "inside one claim", (SentenceRef(1, 1), SentenceRef(2, 0)))
    assert all(claim.related == () for claim in related_claims([FLED, FORCED, SCHOOLS], [conflict]))


def test_other_kinds_of_conflict_relate_nothing() -> None:
    conflict = Conflict("date", "Monday vs Tuesday", (SentenceRef(1, 0), SentenceRef(2, 3)))
    assert all(claim.related == () for claim in related_claims([FLED, FORCED, SCHOOLS], [conflict]))
