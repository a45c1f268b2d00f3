"""The settings of story making (near-duplicate detection and clustering), apart from the code that runs them
so that the CLI and the corpus can name them without loading numpy or the models' code."""

from __future__ import annotations

from dataclasses import dataclass

# Estimated Jaccard of shingle sets at or above which a text is a copy. On 300 copies planted in the
# GVA corpus (bench/dedup.py: own headline, a sentence dropped, one added), 0.6 finds 92 % of them with
# 99.6 % of links right; 0.8 finds 59 %.
DEFAULT_COPY_THRESHOLD = 0.6


@dataclass(frozen=True)
class NearDuplicateOptions:
    threshold: float = DEFAULT_COPY_THRESHOLD


@dataclass(frozen=True)
class ClusterOptions:
    """How alike an article must be to a story to join it, and how far back stories stay open."""

    threshold: float = 1.0  # minimum score (cosine to the centroid + bonuses - penalties) to join a story
    window_days: int = 3  # a story takes articles up to this many days after its latest one
    # ... and up to this many after its first: a story must not creep from one event to the next look-alike
    # day after day. Later articles join only through the shared names of the follow-up path below.
    span_days: int = 4
    entity_weight: float = 0.45  # score added when all of the article's weighted entities are in the story
    term_weight: float = 1.75  # times the cosine between the article's words and the story's (term_vectors)
    # Only the stories whose centroids are nearest the article's lead are scored in full.
    candidates: int = 24
    # Follow-ups (an arrest, a funeral, a trial) come weeks later; they may join an older story found through
    # a shared name, but only with this much more evidence.
    memory_days: int = 30
    late_margin: float = 0.2
    # A trial or sentencing may come a year on: a story this old is still reached through a full name (see
    # signals.full_name) that no other story has, with the same late margin.
    follow_up_days: int = 365
    # When both the article and the story state a fact of this kind and none agrees, the score drops by this;
    # when one agrees, ages and places add a little. Place words are noisier than ages (a district, a county,
    # the hospital's town), so they weigh less; a shared day proves nothing on a busy night and adds nothing.
    age_penalty: float = 0.30
    age_bonus: float = 0.10
    place_penalty: float = 0.20
    place_bonus: float = 0.10
    day_penalty: float = 0.15
    day_tolerance: int = 1  # days apart that still agree ("Saturday night" is Sunday's "overnight")
    # An article that names people or places, none of which the story has, is more likely a look-alike (the
    # same kind of event elsewhere) than another report: without this, same-template events of one day
    # snowball into one story per topic (bench/scale.py corpus, 10k: B-cubed precision 0.857 -> 0.927;
    # ECB+ and GVA F1 unchanged over shuffled orders).
    no_shared_name_penalty: float = 0.15
    # A story that grew to hold two look-alike events is cut in two (see stories/split.py); it is tested
    # when its size reaches split_min_size and each time it grows by half since, up to split_max_size
    # articles (the test costs the square of the size). Each part must keep split_min_part articles. ECB+
    # over shuffled orders: B-cubed F1 0.891 -> 0.919 (precision 0.82 -> 0.90); GVA 0.915 -> 0.915.
    split_min_size: int = 5
    split_min_part: int = 2
    split_gap: float = 0.3
    split_max_size: int = 150

    @property
    def reach_days(self) -> int:
        """How far back from an article's date a story is reached through any shared name."""
        return max(self.window_days, self.memory_days)
