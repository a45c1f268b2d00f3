"""ROUGE of newsprism's cited summary against the AllSides editors' neutral roundups (NeuS).

Two sets, both read from ../shared/data/neus:
- val: the 307 NeuS validation clusters. Each holds a left, a centre and a right excerpt of one story
  (`TITLE=> … ARTICLE=> …` joined by ` [SEP] `); the reference is the ARTICLE part of the editors' roundup.
- crawled: the 506 AllSides story pages crawled on 2021-10-19 (`raw_crawled/`); each side's title and
  first paragraphs, the reference is the roundup's first paragraph (the later ones describe the coverage).

Per cluster the excerpts become Articles with sources "A", "B", "C" and `compare` runs once with the
product's default word budget (or `--words`). The summary, "According to A, …" attributions included, is
scored with ROUGE-1/2/L F1 (rouge-score, Porter stemmer) against baselines given exactly as many words in
that cluster (ROUGE F1 moves with length, so this is the fair comparison):

- LexRank (sumy) over exactly the sentences newsprism sees, its sentences in rank order, cut at the word;
- lead: the first sentence of each excerpt, then the second of each, …, cut at the word.

The gain over LexRank is given with a paired bootstrap 95 % interval over clusters (seeded). Also printed:
the share of summary sentences citing sources and the summary's share of `compare`'s time.

    .venv/bin/python bench/neus.py                       # val and crawled
    .venv/bin/python bench/neus.py --set val --limit 30 --words 40
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rouge_score.rouge_scorer import RougeScorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from newsprism.comparison import pipeline
from newsprism.comparison.options import CompareOptions
from newsprism.comparison.pipeline import Comparer
from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import Article
from newsprism.nlp.sentences import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "neus"
VAL_FOLDER = DATA / "naacl2022_lrc_roundup_random_order_probe"
CRAWLED_FILE = DATA / "raw_crawled" / "headline_11_2021-10-19_crawled_all.jsonl"
SIDE_NAMES = ("A", "B", "C")
CRAWLED_SIDES = ("left", "center", "right")
PRODUCT_WORDS = CompareOptions().summary_words
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
TARGET_GAIN = 3.0  # ROUGE-1 points over LexRank at the same words
TARGET_INTERVAL_LOW = 2.0  # the paired 95 % interval's lower end

_SIDE = re.compile(r"^\s*TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<body>.*?)\s*$", re.DOTALL)
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@dataclass(frozen=True)
class Cluster:
    """One NeuS story: its excerpts as newsprism Articles and the roundup text to score against."""

    line: int
    articles: tuple[Article, ...]
    roundup: str


@dataclass(frozen=True)
class Scores:
    rouge1: float
    rouge2: float
    rougeL: float


class NewsprismTokenizer:
    """sumy's tokenizer interface over newsprism's sentence splitter (no nltk data needed)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def split_side(side: str) -> tuple[str, str]:
    """Title and body of one `TITLE=> … ARTICLE=> …` block."""
    match = _SIDE.match(side)
    if not match:
        return "", side.strip()
    return match["title"], match["body"]


def _article(origin: str, title: str, body: str, source: str) -> Article | None:
    try:
        return build_article(RawArticle(origin=origin, kind="text", body=body, title=title, source=source))
    except IngestError:
        return None


def read_crawled(path: Path = CRAWLED_FILE, limit: int | None = None) -> tuple[list[Cluster], int]:
    """The crawled AllSides stories with a roundup: each side's title and paragraphs, the roundup's first
    paragraph as reference; and the number of sides that had no usable text."""
    clusters, empty_sides = [], 0
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if limit is not None and len(clusters) >= limit:
                break
            story = json.loads(line)
            if not story.get("roundup"):
                continue
            articles = []
            for side, name in zip(CRAWLED_SIDES, SIDE_NAMES, strict=True):
                news = story["news"].get(side) or {}
                body = "\n\n".join(news.get("newBody") or []).replace("\xa0", " ")
                article = _article(f"crawled:{number}:{name}", news.get("newsTitle") or "", body, name)
                if article is None:
                    empty_sides += 1
                else:
                    articles.append(article)
            clusters.append(Cluster(number, tuple(articles), story["roundup"][0].replace("\xa0", " ")))
    return clusters, empty_sides


def read_clusters(folder: Path, split: str = "val", limit: int | None = None) -> tuple[list[Cluster], int]:
    """The clusters of one split and the number of sides that had no usable text."""
    sources = (folder / f"{split}.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / f"{split}.target").read_text(encoding="utf-8").splitlines()
    if len(sources) != len(targets):
        sys.exit(f"{folder}: {split}.source has {len(sources)} lines, {split}.target {len(targets)}")
    clusters, empty_sides = [], 0
    for number, (source, target) in enumerate(zip(sources, targets, strict=True), start=1):
        if limit is not None and len(clusters) >= limit:
            break
        articles = []
        for name, side in zip(SIDE_NAMES, source.split(" [SEP] "), strict=False):
            article = _article(f"{split}.source:{number}:{name}", *split_side(side), name)
            if article is None:
                empty_sides += 1
            else:
                articles.append(article)
        clusters.append(Cluster(number, tuple(articles), split_side(target)[1]))
    return clusters, empty_sides


def lexrank_ranking(articles: Sequence[Article]) -> list[str]:
    """All the articles' sentences, most central first (LexRank)."""
    tokenizer = NewsprismTokenizer()
    document = ObjectDocumentModel(
        [Paragraph([Sentence(text, tokenizer) for text in article.sentences]) for article in articles]
    )
    ranked: list[str] = []

    def keep_rank_order(infos: list[Any]) -> list[Any]:  # sumy hands the count the sentences best first
        ranked.extend(str(info.sentence) for info in infos)
        return infos

    _lexrank()(document, keep_rank_order)
    return ranked


_LEXRANK: LexRankSummarizer | None = None


def _lexrank() -> LexRankSummarizer:
    global _LEXRANK
    if _LEXRANK is None:
        _LEXRANK = LexRankSummarizer(Stemmer("english"))
        _LEXRANK.stop_words = get_stop_words("english")
    return _LEXRANK


def lead_ranking(articles: Sequence[Article]) -> list[str]:
    """The first sentence of each article, then the second of each, and so on."""
    depth = max((len(article.sentences) for article in articles), default=0)
    return [article.sentences[i] for i in range(depth) for article in articles if i < len(article.sentences)]


def first_words(sentences: Sequence[str], count: int) -> str:
    """The sentences joined, cut after `count` words (words as the summary's budget counts them)."""
    return " ".join(" ".join(sentences).split()[:count])


class Scorer:
    """ROUGE-1/2/L F1 in points (0-100) against one reference."""

    def __init__(self) -> None:
        self._rouge = RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def score(self, reference: str, text: str) -> Scores:
        result = self._rouge.score(reference, text)
        return Scores(*(100 * result[name].fmeasure for name in ROUGE_TYPES))


@dataclass
class System:
    """One row of the report: a system's per-cluster scores and summary sizes in words."""

    name: str
    scores: list[Scores] = field(default_factory=list)
    words: list[int] = field(default_factory=list)

    def add(self, scores: Scores, words: int) -> None:
        self.scores.append(scores)
        self.words.append(words)


class _TimedSummary:
    """The comparison pipeline's summarise, timed (the bench swaps it in to measure the summary's share)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._summarise = pipeline.summarise

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return self._summarise(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started


def run(name: str, clusters: Sequence[Cluster], words: int, comparer: Comparer) -> None:
    scorer = Scorer()
    ours = System(f"newsprism (budget {words} words)")
    lexrank = System("LexRank, same words")
    lead = System("lead, same words")
    timed = _TimedSummary()
    pipeline.summarise = timed
    compare_seconds = 0.0
    summary_sentences = cited_sentences = 0
    failures: list[str] = []
    for cluster in clusters:
        articles = list(cluster.articles)
        if not articles:
            continue
        started = time.perf_counter()
        try:
            comparison = comparer.compare(articles, CompareOptions(summary_words=words))
        except Exception as error:  # a crash is counted and the cluster left out of every system's mean
            failures.append(f"line {cluster.line}: {type(error).__name__}: {error}")
            continue
        compare_seconds += time.perf_counter() - started
        summary_sentences += len(comparison.summary)
        cited_sentences += sum(bool(sentence.sources) for sentence in comparison.summary)
        text = " ".join(sentence.text for sentence in comparison.summary)
        count = len(text.split())
        ours.add(scorer.score(cluster.roundup, text), count)
        lexrank.add(scorer.score(cluster.roundup, first_words(lexrank_ranking(articles), count)), count)
        lead.add(scorer.score(cluster.roundup, first_words(lead_ranking(articles), count)), count)
    pipeline.summarise = timed._summarise

    print(f"{name}: {len(ours.scores)} clusters scored; compare failed on {len(failures)} (left out of all)")
    for failure in failures:
        print(f"  {failure}")
    print(f"{'system':<36} {'words':>6} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for system in (ours, lexrank, lead):
        _print_row(system)
    gains = [mine.rouge1 - theirs.rouge1 for mine, theirs in zip(ours.scores, lexrank.scores, strict=True)]
    low, high = bootstrap_interval(gains)
    share = 100 * cited_sentences / summary_sentences if summary_sentences else 0.0
    gain = statistics.fmean(gains) if gains else 0.0
    met = low > TARGET_INTERVAL_LOW and gain >= TARGET_GAIN and share == 100
    print(
        f"ROUGE-1 over LexRank: {gain:+.2f} (paired bootstrap 95 % interval {low:+.2f} to {high:+.2f}); "
        f"{share:.1f} % of summary sentences cite sources ({cited_sentences}/{summary_sentences}); target "
        f">= +{TARGET_GAIN:g} with the interval above +{TARGET_INTERVAL_LOW:g}: {'met' if met else 'not met'}"
    )
    if compare_seconds:
        print(
            f"compare {compare_seconds:.1f} s in all, of which the summary {timed.seconds:.2f} s "
            f"({100 * timed.seconds / compare_seconds:.1f} %; target <= 5 %)"
        )
    print()


def bootstrap_interval(
    values: Sequence[float], resamples: int = 10_000, seed: int = 1
) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of the mean over resampled clusters."""
    if not values:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    array = np.asarray(values)
    means = array[rng.integers(0, len(array), size=(resamples, len(array)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def _mean(system: System) -> Scores:
    return Scores(*(statistics.fmean(getattr(item, name) for item in system.scores) for name in ROUGE_TYPES))


def _print_row(system: System) -> None:
    if not system.scores:
        return
    mean = _mean(system)
    words = statistics.fmean(system.words)
    print(f"{system.name:<36} {words:6.1f} {mean.rouge1:6.2f} {mean.rouge2:6.2f} {mean.rougeL:6.2f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("val", "crawled", "both"), default="both", help="which stories")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N clusters of each set")
    parser.add_argument("--words", type=int, default=PRODUCT_WORDS, help="the summary's word budget")
    args = parser.parse_args(argv)
    if not (VAL_FOLDER / "val.source").is_file() or not CRAWLED_FILE.is_file():
        sys.exit(f"NeuS data not found under {DATA} (see ../shared/data/neus/PROVENANCE.md)")
    print("ROUGE F1 x 100, Porter stemmer; the baselines get as many words as our summary, per cluster\n")
    comparer = Comparer()
    readers = {
        "val": lambda: read_clusters(VAL_FOLDER, "val", args.limit),
        "crawled": lambda: read_crawled(CRAWLED_FILE, args.limit),
    }
    for name in ("val", "crawled") if args.set == "both" else (args.set,):
        clusters, empty_sides = readers[name]()
        sentences = sum(len(article.sentences) for cluster in clusters for article in cluster.articles)
        print(f"NeuS {name}: {len(clusters)} clusters ({empty_sides} sides without text),"
              f" {sentences} sentences")
        run(f"NeuS {name}", clusters, args.words, comparer)


if __name__ == "__main__":
    main()
