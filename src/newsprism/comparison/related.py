"""Related claims: two claims that give different figures for one measured quantity.

"More than 8,000 residents have fled the northern districts" and "The fighting has forced tens of thousands
of people from their homes" are not one claim (their scope differs), but a reader wants them side by side:
a figure conflict between sentences of two different claims relates those claims.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsprism.models import Claim, Conflict


def related_claims(claims: Sequence[Claim], conflicts: Sequence[Conflict]) -> tuple[Claim, ...]:
    """The claims with `related` filled in from the figure conflicts that span two or more claims."""
    claim_of = {ref: claim.id for claim in claims for ref in claim.sentences}
    related: dict[int, set[int]] = {claim.id: set() for claim in claims}
    for conflict in conflicts:
        if conflict.kind != "number":
            continue
        involved = {claim_of[ref] for ref in conflict.sentences if ref in claim_of}
        for claim_id in involved:
            related[claim_id] |= involved - {claim_id}
    return tuple(dataclasses.replace(claim, related=tuple(sorted(related[claim.id]))) for claim in claims)
