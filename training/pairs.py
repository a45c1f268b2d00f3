"""The labelled sentence pairs the same-claim model learns from, and the splits it never learns from.

Three sources under ../shared/data, each feeding one of the model's two outputs:
- MSRP train (news sentence pairs, paraphrase or not) -> the same-claim output. Split once, seeded, into
  fit / calibrate (the decision threshold is chosen there) / validation (figures only, never fitted).
- STS-B train (graded similarity 0-5) -> the similarity output. STS-B dev is kept for figures only; so are the
  STS-B pairs whose sentences are in MSRP's held-out parts (STS-B's MSRpar genre is drawn from MSRP).
- The GVA corpus of local reports of shootings -> hard negatives for the same-claim output: alike sentences
  about two different incidents, the "same kind of event, different happening" pairs that MSRP lacks. (ECB+ is
  not trained on: its documents here are bench/align_ecb.py's alignment dev set.)
"""

from __future__ import annotations

import csv
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

SEED = 20261207
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
Task = Literal["same_claim", "similarity"]

MSRP_CALIBRATE_SHARE = 0.10
MSRP_VALIDATION_SHARE = 0.15


@dataclass(frozen=True)
class LabelledPair:
    """Two sentences and a target in [0, 1] for one output of the model."""

    a: str
    b: str
    task: Task
    target: float


@dataclass(frozen=True)
class MsrpSplit:
    fit: list[LabelledPair]
    calibrate: list[LabelledPair]
    validation: list[LabelledPair]


def read_msrp(path: Path) -> list[LabelledPair]:
    """MSRP's tab-separated Quality, id1, id2, string1, string2 lines (a header line is skipped)."""
    pairs = []
    with path.open(encoding="utf-8-sig") as lines:
        for line in lines:
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) >= 5 and fields[0] in {"0", "1"}:
                pairs.append(LabelledPair(fields[3], fields[4], "same_claim", float(fields[0])))
    return pairs


def msrp_split(data: Path = DATA) -> MsrpSplit:
    """MSRP train in three seeded parts: fit, calibrate, validation."""
    pairs = read_msrp(data / "msrp" / "msr_paraphrase_train.txt")
    order = list(range(len(pairs)))
    random.Random(SEED).shuffle(order)
    validation_count = round(len(pairs) * MSRP_VALIDATION_SHARE)
    calibrate_count = round(len(pairs) * MSRP_CALIBRATE_SHARE)
    validation = [pairs[i] for i in order[:validation_count]]
    calibrate = [pairs[i] for i in order[validation_count : validation_count + calibrate_count]]
    fit = [pairs[i] for i in order[validation_count + calibrate_count :]]
    return MsrpSplit(fit, calibrate, validation)


def read_sts(path: Path) -> list[tuple[str, LabelledPair]]:
    """STS-B lines as (genre file, pair with target = score / 5); extra source columns are ignored."""
    pairs = []
    with path.open(encoding="utf-8") as lines:
        for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7:
                pairs.append((row[1], LabelledPair(row[5], row[6], "similarity", float(row[4]) / 5.0)))
    return pairs


def sts_train(data: Path, held_out_sentences: set[str]) -> list[LabelledPair]:
    """STS-B train, less the pairs that share a sentence with MSRP's held-out parts."""
    return [
        pair
        for _, pair in read_sts(data / "stsb" / "sts-train.csv")
        if pair.a not in held_out_sentences and pair.b not in held_out_sentences
    ]


def sts_dev(data: Path = DATA) -> list[LabelledPair]:
    return [pair for _, pair in read_sts(data / "stsb" / "sts-dev.csv")]


_WORD = re.compile(r"[a-z0-9]+")
_SPECIFIC = re.compile(r"\b(?:[A-Z][a-z]+|\d[\d,.]*)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])|\n+")
GVA_MIN_WORDS, GVA_MAX_WORDS = 10, 45
GVA_MIN_OVERLAP = 0.25
GVA_LEAD_SENTENCES = 2
GVA_NEGATIVES = 1000
GVA_CANDIDATE_MAX_HITS = 300


def gva_negatives(data: Path = DATA) -> list[LabelledPair]:
    """Hard negatives: sentences of two different shootings that share many words but not their specifics
    (names, places, figures): "A 12-year-old was shot on a basketball court" vs "A 15-year-old was shot
    outside a store". At most one pair per two incidents, the most alike first."""
    incidents = _gva_incident_sentences(data / "gva-violent-corpus" / "gva_violent_corpus_docs.jsonl")
    words = [[_content_words(sentence) for sentence in sentences] for sentences in incidents]
    postings: dict[str, list[tuple[int, int]]] = {}
    for incident, sentence_words in enumerate(words):
        for position, bag in enumerate(sentence_words):
            for word in bag:
                postings.setdefault(word, []).append((incident, position))
    # Candidates come from the rarer words only ("police", "said" would pair every sentence with every other).
    rare = {word for word, hits in postings.items() if len(hits) <= GVA_CANDIDATE_MAX_HITS}
    best: dict[tuple[int, int], tuple[float, int, int]] = {}
    for incident, sentence_words in enumerate(words):
        for position, bag in enumerate(sentence_words):
            candidates = {other for word in bag & rare for other in postings[word] if other[0] > incident}
            for other_incident, other_position in candidates:
                other_bag = words[other_incident][other_position]
                overlap = len(bag & other_bag) / len(bag | other_bag)
                key = (incident, other_incident)
                if overlap >= GVA_MIN_OVERLAP and overlap > best.get(key, (0.0, 0, 0))[0]:
                    best[key] = (overlap, position, other_position)
    chosen = []
    for (incident, other_incident), (overlap, position, other_position) in best.items():
        sentence = incidents[incident][position]
        other = incidents[other_incident][other_position]
        if set(_SPECIFIC.findall(sentence)) != set(_SPECIFIC.findall(other)):
            chosen.append((overlap, sentence, other))
    chosen.sort(key=lambda item: (-item[0], item[1], item[2]))
    return [LabelledPair(a, b, "same_claim", 0.0) for _, a, b in chosen[:GVA_NEGATIVES]]


def _gva_incident_sentences(path: Path) -> list[list[str]]:
    """Per incident (in id order), the leads of its articles: the first sentences of a plain length, where
    a report states its own event (later ones drift into boilerplate every report shares: "Anyone with
    information is asked to call...", which is the same claim wherever it appears)."""
    incidents: dict[str, set[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            document = json.loads(line)
            sentences = [s.strip() for s in _SENTENCE_END.split(document["content"])]
            plain = [s for s in sentences if GVA_MIN_WORDS <= len(s.split()) <= GVA_MAX_WORDS]
            incidents.setdefault(document["incident_id"], set()).update(plain[:GVA_LEAD_SENTENCES])
    return [sorted(incidents[incident]) for incident in sorted(incidents)]


def _content_words(sentence: str) -> set[str]:
    return {word for word in _WORD.findall(sentence.lower()) if len(word) >= 4}


def training_pairs(data: Path = DATA) -> list[LabelledPair]:
    """Every pair the model is fitted on."""
    split = msrp_split(data)
    held_out = {s for pair in (*split.calibrate, *split.validation) for s in (pair.a, pair.b)}
    return [*split.fit, *sts_train(data, held_out), *gva_negatives(data)]


def summary(pairs: list[LabelledPair]) -> str:
    """Counts per output, for the training log."""
    targets = {
        task: np.array([p.target for p in pairs if p.task == task]) for task in ("same_claim", "similarity")
    }
    return ", ".join(
        f"{task}: {len(values)} pairs (mean target {values.mean():.2f})"
        for task, values in targets.items()
        if len(values)
    )
