"""The settings of a comparison, apart from the analysers so that the CLI and the web app can name them
without loading the models' code."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.config import DEFAULT_SUMMARY_LENGTH

# The calibrated same-claim score from which two sentences state one claim: the score that maximises
# accuracy on MSRP (bench/align_msrp.py). Aligned pairs scoring below it were linked as mutual best
# matches only, so their figures are compared only when they name the same actors.
CLAIM_THRESHOLD = 0.48
# Mutual best matches at or above this score are the same claim. On the example stories' planted facts
# (examples/stories/planted.json, tests/comparison/test_similarity.py and test_compare_examples.py), 0.15
# links 59 % of the pairs that state one fact in different words and 1 of 60 planted unique facts; 0.10
# links 65 % and 3 of 60.
MUTUAL_THRESHOLD = 0.15
DEFAULT_FRAMING_TERMS = 10
# One-sided 5 %: only "uses more" is asked. With ~300-word articles a word one outlet uses twice and four
# others never use scores z ~ 1.8, so the two-sided 1.96 would report almost nothing.
FRAMING_MIN_Z = 1.645
MAX_TIMELINE_EVENTS = 20


@dataclass(frozen=True)
class CompareOptions:
    """How sentences are aligned into claims, and how much of the findings is reported."""

    claim_threshold: float = CLAIM_THRESHOLD  # same-claim score that links two sentences on its own
    mutual_threshold: float = MUTUAL_THRESHOLD  # ... and that links two sentences that are each other's best
    summary_length: int = DEFAULT_SUMMARY_LENGTH  # sentences in the neutral summary
    framing_terms: int = DEFAULT_FRAMING_TERMS  # distinctive words and phrases per outlet, at most
    framing_min_z: float = FRAMING_MIN_Z  # log-odds z-score a word needs to be an outlet's own
    timeline_events: int = MAX_TIMELINE_EVENTS  # dated events in the timeline, at most
