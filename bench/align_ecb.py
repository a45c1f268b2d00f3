"""Claim alignment on ECB+: do the sentences `compare` puts in one claim report the same happening?

Each ECB+ topic pairs two similar but distinct events (two rehab stays, two Waitrose fires). The
documents of BOTH subtopics of a topic are compared together, one outlet per document, so the
alignment must link sentences of one event and keep the other event's sentences apart. Every pair of
sentences from different documents that one claim holds is a link; newsprism's sentences are mapped
back to the corpus's (doc_id, sid) by their text (letters and digits only, so quote normalisation and
re-splitting do not matter; a sentence split in two maps to the one it came from). A link is scored
against ../shared/data/ecbplus/align_dev.jsonl (see PROVENANCE.md, "Alignment pairs"): positive if
the pair is `same_chain` (6,029 pairs), negative if `other_event` (6,945), unscored otherwise.

Printed: micro link precision (positive / scored links) and recall (over all positives, and against
the cap of one-to-one links per article pair, which a claim holding one sentence per article
imposes), per-topic (macro) figures, counts, and a TF-IDF cosine baseline at equal recall: TF-IDF
fitted on the documents, the threshold on a labelled pair's cosine set so that it finds as many
positives as newsprism did; its precision is printed beside newsprism's.
Acceptance (issue #17): precision >= 0.95 and above TF-IDF's, recall no lower than today's.

    .venv/bin/python bench/align_ecb.py
    .venv/bin/python bench/align_ecb.py --topics 1 3 --show-errors 10

From another script (the data and models are read once per call):

    from align_ecb import evaluate
    scores = evaluate(topics=[1, 2])
    scores.precision, scores.recall, scores.tfidf_precision
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsprism import CompareOptions, Comparer
from newsprism.ingest.build import RawArticle, build_article
from newsprism.ingest.clean import normalise_text
from newsprism.models import Article, Comparison

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus"
DOCS_FILE = "align_dev_docs.jsonl"
PAIRS_FILE = "align_dev.jsonl"

Key = tuple[str, int]  # (doc_id, sid)
Link = tuple[Key, Key]  # sorted, so a pair has one spelling

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_WORD = re.compile(r"[0-9a-z]+")


@dataclass(frozen=True)
class Document:
    doc_id: str
    topic: int
    subtopic: str
    text: str
    sentences: tuple[tuple[int, str], ...]  # (sid, text)


@dataclass(frozen=True)
class LabelledPair:
    topic: int
    link: Link
    positive: bool


@dataclass(frozen=True)
class FalseLink:
    """An `other_event` pair that a claim joined, with the claim's representative text."""

    topic: int
    a: Key
    b: Key
    claim: str


@dataclass
class TopicScores:
    topic: int
    documents: int
    positives: int  # labelled same_chain pairs of the topic
    negatives: int
    links: int = 0
    true_links: int = 0
    false_links: int = 0
    seconds: float = 0.0
    tfidf_true: int = 0
    tfidf_false: int = 0
    sentences_unmapped: int = 0  # newsprism sentences with letters that match no corpus sentence

    @property
    def scored(self) -> int:
        return self.true_links + self.false_links

    @property
    def precision(self) -> float | None:
        return precision(self.true_links, self.false_links)

    @property
    def recall(self) -> float:
        return recall(self.true_links, self.positives)

    @property
    def tfidf_precision(self) -> float | None:
        return precision(self.tfidf_true, self.tfidf_false)


def precision(true: int, false: int) -> float | None:
    """The share of links that are right; None when nothing was scored."""
    return true / (true + false) if true + false else None


def recall(found: int, positives: int) -> float:
    return found / positives if positives else 0.0


@dataclass
class AlignScores:
    """The figures the bench prints; `evaluate` returns them."""

    topics: list[TopicScores]
    positives: int
    negatives: int
    recall_cap: int  # positives reachable with one-to-one links per article pair
    tfidf_threshold: float | None = None
    tfidf_true: int = 0
    tfidf_false: int = 0
    load_seconds: float = 0.0
    seconds: float = 0.0
    false_links: list[FalseLink] = field(default_factory=list, repr=False)
    texts: dict[Key, str] = field(default_factory=dict, repr=False)

    @property
    def links(self) -> int:
        return sum(topic.links for topic in self.topics)

    @property
    def true_links(self) -> int:
        return sum(topic.true_links for topic in self.topics)

    @property
    def false_link_count(self) -> int:
        return sum(topic.false_links for topic in self.topics)

    @property
    def precision(self) -> float | None:
        return precision(self.true_links, self.false_link_count)

    @property
    def recall(self) -> float:
        return recall(self.true_links, self.positives)

    @property
    def tfidf_precision(self) -> float | None:
        return precision(self.tfidf_true, self.tfidf_false)

    @property
    def tfidf_recall(self) -> float:
        return recall(self.tfidf_true, self.positives)

    @property
    def macro_precision(self) -> float | None:
        return _mean([topic.precision for topic in self.topics])

    @property
    def macro_recall(self) -> float | None:
        return _mean([topic.recall for topic in self.topics if topic.positives])

    @property
    def macro_tfidf_precision(self) -> float | None:
        return _mean([topic.tfidf_precision for topic in self.topics])

    @property
    def topics_with_false_links(self) -> int:
        return sum(1 for topic in self.topics if topic.false_links)


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None


def read_documents(path: Path) -> list[Document]:
    documents = []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        sentences = tuple((item["sid"], item["text"]) for item in record["sentences"])
        documents.append(
            Document(record["doc_id"], record["topic"], record["subtopic"], record["text"], sentences)
        )
    return documents


def read_pairs(path: Path) -> list[LabelledPair]:
    pairs = []
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        a = (record["a"]["doc_id"], record["a"]["sid"])
        b = (record["b"]["doc_id"], record["b"]["sid"])
        pairs.append(LabelledPair(record["topic"], _link(a, b), record["label"] == 1))
    return pairs


def _link(a: Key, b: Key) -> Link:
    return (a, b) if a <= b else (b, a)


def to_article(document: Document) -> Article:
    raw = RawArticle(origin=document.doc_id, kind="jsonl", body=document.text, source=document.doc_id)
    return build_article(raw)


def _letters(text: str) -> str:
    return _NOT_ALNUM.sub("", normalise_text(text).casefold())


def map_sentences(document: Document, article: Article) -> tuple[list[tuple[int, ...]], int]:
    """The corpus sids of each of the article's sentences, and how many sentences with letters found none.

    Both sides are reduced to letters and digits and placed along the document; a sentence maps to
    every corpus sentence holding at least half of it, or at least half of which it holds.
    """
    spans: list[tuple[int, int, int]] = []  # (start, end, sid) in the letters of the whole document
    position = 0
    for sid, text in document.sentences:
        letters = _letters(text)
        spans.append((position, position + len(letters), sid))
        position += len(letters)
    whole = "".join(_letters(text) for _, text in document.sentences)
    mapped, unmapped, cursor = [], 0, 0
    for sentence in article.sentences:
        letters = _letters(sentence)
        if not letters:
            mapped.append(())
            continue
        start = whole.find(letters, cursor)
        if start < 0:
            start = whole.find(letters)
        if start < 0:
            mapped.append(())
            unmapped += 1
            continue
        end = start + len(letters)
        cursor = end
        sids = []
        for span_start, span_end, sid in spans:
            overlap = min(end, span_end) - max(start, span_start)
            if overlap > 0 and (2 * overlap >= end - start or 2 * overlap >= span_end - span_start):
                sids.append(sid)
        mapped.append(tuple(sids))
    return mapped, unmapped


def claim_links(
    comparison: Comparison, doc_ids: dict[int, str], sids: dict[int, list[tuple[int, ...]]]
) -> dict[Link, str]:
    """Every pair of corpus sentences from different documents held by one claim, with the claim's text."""
    links: dict[Link, str] = {}
    for claim in comparison.claims:
        keys = [
            (ref.article, (doc_ids[ref.article], sid))
            for ref in claim.sentences
            for sid in sids[ref.article][ref.index]
        ]
        for i, (article_a, a) in enumerate(keys):
            for article_b, b in keys[i + 1 :]:
                if article_a != article_b:
                    links.setdefault(_link(a, b), claim.text)
    return links


def one_to_one_cap(positives: Iterable[Link]) -> int:
    """Positives reachable when each article pair may link each sentence once (maximum matchings)."""
    by_article_pair: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for a, b in positives:
        by_article_pair[(a[0], b[0])].append((a, b))
    return sum(_matching_size(links) for links in by_article_pair.values())


def _matching_size(links: Sequence[Link]) -> int:
    neighbours: dict[Key, list[Key]] = defaultdict(list)
    for a, b in links:
        neighbours[a].append(b)
    match: dict[Key, Key] = {}

    def augment(a: Key, seen: set[Key]) -> bool:
        for b in neighbours[a]:
            if b not in seen:
                seen.add(b)
                if b not in match or augment(match[b], seen):
                    match[b] = a
                    return True
        return False

    return sum(augment(a, set()) for a in neighbours)


class TfidfCosine:
    """Sentence cosines in a TF-IDF space fitted on whole documents (sklearn's smooth idf, l2 norm)."""

    def __init__(self, documents: Sequence[str]) -> None:
        frequency: Counter[str] = Counter()
        for text in documents:
            frequency.update(set(_WORD.findall(text.casefold())))
        count = len(documents)
        self.idf = {word: math.log((1 + count) / (1 + df)) + 1 for word, df in frequency.items()}

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(word for word in _WORD.findall(text.casefold()) if word in self.idf)
        weights = {word: n * self.idf[word] for word, n in counts.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        return {word: weight / norm for word, weight in weights.items()}

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(weight * b.get(word, 0.0) for word, weight in a.items())


def evaluate(
    topics: Sequence[int] | None = None,
    data: Path = DEFAULT_DATA,
    comparer: Comparer | None = None,
    progress: bool = False,
    options: CompareOptions | None = None,
) -> AlignScores:
    """Compare each topic's documents, score the claim links and the TF-IDF baseline at equal recall."""
    started = time.perf_counter()
    documents = read_documents(data / DOCS_FILE)
    pairs = read_pairs(data / PAIRS_FILE)
    if topics:
        wanted = set(topics)
        documents = [document for document in documents if document.topic in wanted]
        pairs = [pair for pair in pairs if pair.topic in wanted]
    labels = {pair.link: pair.positive for pair in pairs}
    texts = {(document.doc_id, sid): text for document in documents for sid, text in document.sentences}
    by_topic: dict[int, list[Document]] = defaultdict(list)
    for document in documents:
        by_topic[document.topic].append(document)
    pair_counts: dict[int, Counter[bool]] = defaultdict(Counter)
    for pair in pairs:
        pair_counts[pair.topic][pair.positive] += 1
    loading = time.perf_counter()
    comparer = comparer or Comparer()
    scores = AlignScores(
        topics=[],
        positives=sum(pair.positive for pair in pairs),
        negatives=sum(not pair.positive for pair in pairs),
        recall_cap=one_to_one_cap(pair.link for pair in pairs if pair.positive),
        load_seconds=time.perf_counter() - loading,
        texts=texts,
    )
    for topic, members in sorted(by_topic.items()):
        result = TopicScores(topic, len(members), pair_counts[topic][True], pair_counts[topic][False])
        articles = [to_article(document) for document in members]
        doc_ids, sids = {}, {}
        topic_started = time.perf_counter()
        comparison = comparer.compare(articles, options or CompareOptions())
        result.seconds = time.perf_counter() - topic_started
        for compared, document in zip(comparison.articles, members, strict=True):
            doc_ids[compared.id] = document.doc_id
            sids[compared.id], unmapped = map_sentences(document, compared.article)
            result.sentences_unmapped += unmapped
        links = claim_links(comparison, doc_ids, sids)
        result.links = len(links)
        for link, claim in links.items():
            label = labels.get(link)
            if label is True:
                result.true_links += 1
            elif label is False:
                result.false_links += 1
                scores.false_links.append(FalseLink(topic, *link, claim))
        scores.topics.append(result)
        if progress:
            print(f"topic {topic}: {len(members)} documents in {result.seconds:.1f} s", file=sys.stderr)
    _score_tfidf(scores, documents, pairs)
    scores.seconds = time.perf_counter() - started
    return scores


def _score_tfidf(scores: AlignScores, documents: Sequence[Document], pairs: Sequence[LabelledPair]) -> None:
    """Threshold the labelled pairs' cosines so that TF-IDF finds as many positives as newsprism."""
    wanted = scores.true_links
    if not wanted:
        return
    tfidf = TfidfCosine([document.text for document in documents])
    vectors = {key: tfidf.vector(text) for key, text in scores.texts.items()}
    cosines = np.array([tfidf.cosine(vectors[pair.link[0]], vectors[pair.link[1]]) for pair in pairs])
    positive = np.array([pair.positive for pair in pairs])
    threshold = float(np.sort(cosines[positive])[::-1][wanted - 1])
    scores.tfidf_threshold = threshold
    found = cosines >= threshold
    by_topic = {topic.topic: topic for topic in scores.topics}
    for pair, hit in zip(pairs, found, strict=True):
        if hit:
            topic = by_topic[pair.topic]
            if pair.positive:
                topic.tfidf_true += 1
                scores.tfidf_true += 1
            else:
                topic.tfidf_false += 1
                scores.tfidf_false += 1


def _percent(value: float | None) -> str:
    return "  n/a" if value is None else f"{100 * value:5.1f}"


def _topic_line(topic: TopicScores) -> str:
    return (
        f"  {topic.topic:>5} {topic.documents:>4} {topic.positives:>5}/{topic.negatives:<5} {topic.links:>6} "
        f"{topic.true_links:>5} {topic.false_links:>5} {_percent(topic.precision):>6} "
        f"{_percent(topic.recall):>6} {_percent(topic.tfidf_precision):>6} {topic.seconds:>6.1f}"
    )


def print_report(scores: AlignScores, show_errors: int = 0) -> None:
    print(
        f"  {'topic':>5} {'docs':>4} {'pos/neg':>11} {'links':>6} {'true':>5} {'false':>5} "
        f"{'P %':>6} {'R %':>6} {'tfidfP':>6} {'s':>6}"
    )
    for topic in scores.topics:
        print(_topic_line(topic))
    scored = scores.true_links + scores.false_link_count
    print(
        f"\nlinks: {scores.links} ({scores.true_links} same_chain, {scores.false_link_count} other_event, "
        f"{scores.links - scored} unscored); labelled pairs: {scores.positives} positive, "
        f"{scores.negatives} negative"
    )
    unmapped = sum(topic.sentences_unmapped for topic in scores.topics)
    if unmapped:
        print(f"newsprism sentences not found among the corpus sentences: {unmapped}")
    cap = scores.recall_cap
    print(
        f"newsprism micro: precision {_percent(scores.precision)} %, recall {_percent(scores.recall)} % "
        f"({scores.true_links}/{scores.positives}; {_percent(scores.true_links / cap if cap else None)} % "
        f"of the {cap} reachable with one-to-one links per article pair)"
    )
    print(
        f"newsprism macro over {len(scores.topics)} topics: precision {_percent(scores.macro_precision)} %, "
        f"recall {_percent(scores.macro_recall)} %; topics with an other_event link: "
        f"{scores.topics_with_false_links}"
    )
    if scores.tfidf_threshold is None:
        print("TF-IDF baseline: n/a (newsprism found no positive)")
    else:
        print(
            f"TF-IDF cosine >= {scores.tfidf_threshold:.3f} (equal recall): precision "
            f"{_percent(scores.tfidf_precision)} %, recall {_percent(scores.tfidf_recall)} % "
            f"({scores.tfidf_true} same_chain, {scores.tfidf_false} other_event); macro precision "
            f"{_percent(scores.macro_tfidf_precision)} %"
        )
    # Spread over the list, so that topic 1 (a third of the negatives) does not fill the sample.
    step = max(1, len(scores.false_links) // show_errors) if show_errors else 0
    for error in scores.false_links[::step][:show_errors] if step else []:
        print(f"\nfalse link, topic {error.topic} (claim: {error.claim})")
        for key in (error.a, error.b):
            print(f"  {key[0]}:{key[1]}  {scores.texts[key]}")
    compared = sum(topic.seconds for topic in scores.topics)
    print(
        f"\ntime: {scores.seconds:.1f} s (model load {scores.load_seconds:.1f} s, compare {compared:.1f} s)"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"folder with {DOCS_FILE}")
    parser.add_argument("--topics", type=int, nargs="+", help="only these topics (default: all 20)")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N other_event links")
    parser.add_argument(
        "--threshold", type=float, help="link threshold (default: the link model's own, link_model.json)"
    )
    args = parser.parse_args(argv)
    if not (args.data / DOCS_FILE).is_file() or not (args.data / PAIRS_FILE).is_file():
        sys.exit(f"ECB+ alignment pairs not found in {args.data} (see ../shared/data/ecbplus/PROVENANCE.md)")
    options = CompareOptions() if args.threshold is None else CompareOptions(claim_threshold=args.threshold)
    scores = evaluate(args.topics, args.data, progress=True, options=options)
    print_report(scores, args.show_errors)


if __name__ == "__main__":
    main()
