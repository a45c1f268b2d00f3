"""A timeline of the dated events a story's articles mention, each entry citing its outlets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from newsprism.models import Claim, ComparedArticle, SentenceRef, TimelineEvent
from newsprism.nlp.temporal import dated_events

MAX_EVENTS = 20


def build_timeline(articles: Sequence[ComparedArticle], claims: Sequence[Claim]) -> list[TimelineEvent]:
    """One entry per (date, claim): the claim's text, dated as its outlets date it, oldest first."""
    claim_of = {ref: claim for claim in claims for ref in claim.sentences}
    # (claim, date) -> the sentences that date that claim so, in article order
    dated: dict[tuple[int, date], list[tuple[int, str]]] = defaultdict(list)
    for item in articles:
        for event_date, index in dated_events(item.id, item.article.sentences, item.article.published_date):
            claim = claim_of.get(SentenceRef(item.id, index))
            if claim is not None:
                dated[(claim.id, event_date)].append((item.id, item.article.sentences[index]))
    by_id = {claim.id: claim for claim in claims}
    events = []
    for (claim_id, event_date), sentences in dated.items():
        texts = [text for _, text in sentences]
        # The entry quotes a sentence that carries this date, the claim's own wording when it does.
        text = by_id[claim_id].text if by_id[claim_id].text in texts else texts[0]
        sources = tuple(sorted({article for article, _ in sentences}))
        events.append(TimelineEvent(date=event_date.isoformat(), text=text, sources=sources))
    # Claims that most outlets report come first when the list must be cut.
    events.sort(key=lambda event: (-len(event.sources), event.date))
    kept = events[:MAX_EVENTS]
    kept.sort(key=lambda event: (event.date, -len(event.sources)))
    return kept
