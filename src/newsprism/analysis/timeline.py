"""A timeline of the dated events a story's articles mention, each entry citing its outlets."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from newsprism.models import Claim, ComparedArticle, SentenceRef, TimelineEvent
from newsprism.nlp.temporal import dated_events

MAX_EVENTS = 20


def build_timeline(articles: Sequence[ComparedArticle], claims: Sequence[Claim]) -> list[TimelineEvent]:
    """One entry per (date, claim): the claim's text, dated as its outlets date it, oldest first."""
    claim_of = {ref: claim for claim in claims for ref in claim.sentences}
    dates_by_claim: dict[int, Counter[date]] = defaultdict(Counter)
    sources_by_claim_date: dict[tuple[int, date], set[int]] = defaultdict(set)
    for item in articles:
        for event_date, index in dated_events(item.id, item.article.sentences, item.article.published_date):
            claim = claim_of.get(SentenceRef(item.id, index))
            if claim is None:
                continue
            dates_by_claim[claim.id][event_date] += 1
            sources_by_claim_date[(claim.id, event_date)].add(item.id)
    by_id = {claim.id: claim for claim in claims}
    events = [
        TimelineEvent(
            date=event_date.isoformat(),
            text=by_id[claim_id].text,
            sources=tuple(sorted(sources_by_claim_date[(claim_id, event_date)])),
        )
        for claim_id, counts in dates_by_claim.items()
        for event_date in counts
    ]
    # Claims that most outlets report come first when the list must be cut.
    events.sort(key=lambda event: (-len(event.sources), event.date))
    kept = events[:MAX_EVENTS]
    kept.sort(key=lambda event: (event.date, -len(event.sources)))
    return kept
