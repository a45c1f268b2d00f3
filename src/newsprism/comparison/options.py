"""The settings of a comparison, apart from the analysers so that the CLI and the web app can name them
without loading the models' code."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.config import DEFAULT_SUMMARY_WORDS

# The trained pair model's probability from which newsprism.same_claim says two sentences state one claim
# (nlp/pair_model.py); its F1 on MSRP's calibration split (training/pairs.py) is flat from 0.4 to 0.55.
CLAIM_THRESHOLD = 0.5
# The quick score's threshold (similarity.ClaimScorer, cosine and lexical evidence, fitted on MSRP): a pair
# of one claim below it is only loosely tied, so its figures are compared only when it names the same actors.
QUICK_CLAIM_THRESHOLD = 0.48
# The link model's probability (comparison/link_model.py) from which two sentences are one claim, for whole
# comparisons: bench/align_ecb.py --threshold over 0.70-0.88 on ECB+ dev, the lowest threshold whose link
# precision reaches 0.96 on the odd topics and on the even ones; both halves chose 0.75 (the other half then
# got 97.7 % / 96.8 % precision at 20.6 % / 23.2 % recall).
LINK_THRESHOLD = 0.75
DEFAULT_FRAMING_TERMS = 10
# One-sided 5 %: only "uses more" is asked. With ~300-word articles a word one outlet uses twice and four
# others never use scores z ~ 1.8, so the two-sided 1.96 would report almost nothing.
FRAMING_MIN_Z = 1.645
MAX_TIMELINE_EVENTS = 20


@dataclass(frozen=True)
class CompareOptions:
    """How sentences are aligned into claims, and how much of the findings is reported."""

    claim_threshold: float = LINK_THRESHOLD  # link probability from which two sentences are one claim
    summary_words: int = DEFAULT_SUMMARY_WORDS  # words in the neutral summary, at most
    framing_terms: int = DEFAULT_FRAMING_TERMS  # distinctive words and phrases per outlet, at most
    framing_min_z: float = FRAMING_MIN_Z  # log-odds z-score a word needs to be an outlet's own
    timeline_events: int = MAX_TIMELINE_EVENTS  # dated events in the timeline, at most
