"""A timeline of the dated events a story's articles mention, each entry citing its outlets."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from newsprism.comparison.annotate import AnnotatedStory
from newsprism.comparison.options import MAX_TIMELINE_EVENTS
from newsprism.models import Claim, TimelineEvent
from newsprism.nlp.temporal import event_day


def build_timeline(
    story: AnnotatedStory, claims: Sequence[Claim], max_events: int = MAX_TIMELINE_EVENTS
) -> list[TimelineEvent]:
    """One entry per (date, claim): the claim's text, dated as its outlets date it, oldest first."""
    claim_of = {ref: claim for claim in claims for ref in claim.sentences}
    # (claim, date) -> the sentences that date that claim so, in article order
    dated: dict[tuple[int, date], list[tuple[int, str]]] = defaultdict(list)
    for sentence in story.sentences():
        day = event_day(sentence.dates)
        if day is None or day.date is None:
            continue
        claim = claim_of.get(sentence.ref)
        if claim is not None:
            dated[(claim.id, day.date)].append((sentence.ref.article, sentence.text))
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
    kept = events[:max_events]
    kept.sort(key=lambda event: (event.date, -len(event.sources)))
    return kept
