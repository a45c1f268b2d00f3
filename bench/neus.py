"""ROUGE of newsprism's cited summary against the AllSides editors' neutral roundups (NeuS val).

Each NeuS cluster holds a left, a centre and a right excerpt of one story (`TITLE=> … ARTICLE=> …`
joined by ` [SEP] `); the reference is the ARTICLE part of the editors' roundup (its TITLE part is
left out: our summary has no headline). Per cluster the three excerpts become Articles with sources
"A", "B", "C"; `compare` runs once per summary length and the summary sentences, joined with spaces,
are scored with ROUGE-1/2/L F1 (rouge-score, Porter stemmer). Compared in the same run:

- LexRank (sumy) over exactly the sentences newsprism sees, asked for as many sentences as our
  summary has in that cluster, so every comparison is at equal length (ROUGE F1 moves with length);
  LexRank with a fixed 3 sentences is printed too;
- lead-3: the first sentence of each excerpt.

The headline figure scores the summary as the product prints it, "According to A, …" included; the
same summary with those prefixes taken off is printed as a labelled diagnostic.

    .venv/bin/python bench/neus.py                    # all 307 val clusters
    .venv/bin/python bench/neus.py --limit 30 --length 3
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rouge_score.rouge_scorer import RougeScorer
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from newsprism.comparison.options import CompareOptions
from newsprism.comparison.pipeline import Comparer
from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import Article, Comparison
from newsprism.nlp.sentences import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "neus"
DEFAULT_DATA = DATA / "naacl2022_lrc_roundup_random_order_probe"
SIDE_NAMES = ("A", "B", "C")
PRODUCT_LENGTH = CompareOptions().summary_length
EXTRA_LENGTHS = (2, 3, 4)  # the roundups run to about three sentences
LEXRANK_FIXED = 3
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
TARGET_GAIN = 3.0  # ROUGE-1 points over LexRank

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
            title, body = split_side(side)
            origin = f"{split}.source:{number}:{name}"
            raw = RawArticle(origin=origin, kind="text", body=body, title=title, source=name)
            try:
                articles.append(build_article(raw))
            except IngestError:
                empty_sides += 1
        clusters.append(Cluster(number, tuple(articles), split_side(target)[1]))
    return clusters, empty_sides


def lexrank_summary(articles: Sequence[Article], sentences_count: int) -> list[str]:
    """LexRank's pick among the articles' own sentences, in document order."""
    tokenizer = NewsprismTokenizer()
    document = ObjectDocumentModel(
        [Paragraph([Sentence(text, tokenizer) for text in article.sentences]) for article in articles]
    )
    return [str(sentence) for sentence in _lexrank()(document, sentences_count)]


_LEXRANK: LexRankSummarizer | None = None


def _lexrank() -> LexRankSummarizer:
    global _LEXRANK
    if _LEXRANK is None:
        _LEXRANK = LexRankSummarizer(Stemmer("english"))
        _LEXRANK.stop_words = get_stop_words("english")
    return _LEXRANK


def lead_summary(articles: Sequence[Article]) -> list[str]:
    """The first sentence of each article."""
    return [article.sentences[0] for article in articles if article.sentences]


def without_attribution(comparison: Comparison) -> list[str]:
    """Summary sentences with the "According to <outlet>, " prefix taken off (a diagnostic)."""
    sources = {item.id: item.article.source for item in comparison.articles}
    texts = []
    for sentence in comparison.summary:
        text = sentence.text
        if len(sentence.sources) == 1:
            prefix = f"According to {sources[sentence.sources[0]]}, "
            if text.startswith(prefix):
                text = text[len(prefix) :]
                text = text[:1].upper() + text[1:]
        texts.append(text)
    return texts


class Scorer:
    """ROUGE-1/2/L F1 in points (0-100) against one reference."""

    def __init__(self) -> None:
        self._rouge = RougeScorer(list(ROUGE_TYPES), use_stemmer=True)

    def score(self, reference: str, sentences: Sequence[str]) -> Scores:
        result = self._rouge.score(reference, " ".join(sentences))
        return Scores(*(100 * result[name].fmeasure for name in ROUGE_TYPES))


@dataclass
class System:
    """One row of the report: a system's per-cluster scores and summary sizes."""

    name: str
    scores: list[Scores]
    sentences: list[int]

    def add(self, scores: Scores, sentences: int) -> None:
        self.scores.append(scores)
        self.sentences.append(sentences)


def run(clusters: Sequence[Cluster], headline_length: int) -> None:
    scorer = Scorer()
    started = time.perf_counter()
    comparer = Comparer()
    load_seconds = time.perf_counter() - started
    lengths = sorted({headline_length, *EXTRA_LENGTHS})
    ours = {length: System(f"newsprism, summary_length {length}", [], []) for length in lengths}
    bare = {
        length: System(f"newsprism, summary_length {length}, prefixes removed", [], []) for length in lengths
    }
    lexrank = {length: System("  LexRank, same sentence count", [], []) for length in lengths}
    lexrank_fixed = System(f"LexRank, fixed {LEXRANK_FIXED} sentences", [], [])
    lead = System("lead-3 (first sentence of each article)", [], [])
    compare_seconds: list[float] = []
    lexrank_seconds: list[float] = []
    summary_sentences = cited_sentences = 0

    def score(system: System, cluster: Cluster, sentences: Sequence[str]) -> None:
        system.add(scorer.score(cluster.roundup, sentences), len(sentences))

    failures: list[str] = []
    for cluster in clusters:
        articles = list(cluster.articles)
        if not articles:
            continue
        comparisons, seconds = {}, 0.0
        try:
            for length in lengths:
                started = time.perf_counter()
                comparisons[length] = comparer.compare(articles, CompareOptions(summary_length=length))
                if length == headline_length:
                    seconds = time.perf_counter() - started
        except Exception as error:  # a crash is counted and the cluster left out of every system's mean
            failures.append(f"line {cluster.line}: {type(error).__name__}: {error}")
            continue
        compare_seconds.append(seconds)
        summary_sentences += len(comparisons[headline_length].summary)
        cited_sentences += sum(bool(sentence.sources) for sentence in comparisons[headline_length].summary)
        for length, comparison in comparisons.items():
            summary = [sentence.text for sentence in comparison.summary]
            score(ours[length], cluster, summary)
            score(bare[length], cluster, without_attribution(comparison))
            started = time.perf_counter()
            # Asked for at least one sentence, so an empty summary of ours is not matched by an empty one.
            score(lexrank[length], cluster, lexrank_summary(articles, max(len(summary), 1)))
            lexrank_seconds.append(time.perf_counter() - started)
        score(lexrank_fixed, cluster, lexrank_summary(articles, LEXRANK_FIXED))
        score(lead, cluster, lead_summary(articles))

    print(f"clusters scored: {len(compare_seconds)}; compare failed on {len(failures)} (left out of all)")
    for failure in failures:
        print(f"  {failure}")
    print()
    print(f"{'system':<48} {'sents':>5} {'R-1':>6} {'R-2':>6} {'R-L':>6}   R-1 vs LexRank")
    for length in lengths:
        _print_row(ours[length], lexrank[length], headline=length == headline_length)
        _print_row(lexrank[length])
    _print_row(lexrank_fixed)
    _print_row(lead)
    print('diagnostic only: the same summaries with "According to <outlet>, " taken off')
    for length in lengths:
        _print_row(bare[length], lexrank[length])

    gain = _mean(ours[headline_length]).rouge1 - _mean(lexrank[headline_length]).rouge1
    paired = [
        mine.rouge1 - theirs.rouge1
        for mine, theirs in zip(ours[headline_length].scores, lexrank[headline_length].scores, strict=True)
    ]
    standard_error = statistics.stdev(paired) / len(paired) ** 0.5 if len(paired) > 1 else 0.0
    share = 100 * cited_sentences / summary_sentences if summary_sentences else 0.0
    print(f"\ntarget: ROUGE-1 >= LexRank + {TARGET_GAIN:g} while citing sources")
    print(
        f"  measured (summary_length {headline_length}): {gain:+.2f} (paired standard error "
        f"{standard_error:.2f}) ROUGE-1 over LexRank at equal length, "
        f"{share:.1f} % of summary sentences cite sources ({cited_sentences}/{summary_sentences}) -> "
        f"{'met' if gain >= TARGET_GAIN and share == 100 else 'not met'}"
    )
    print(f"\nmodel load: {load_seconds:.1f} s")
    if compare_seconds:
        print(
            f"compare per cluster (summary_length {headline_length}): "
            f"median {1000 * statistics.median(compare_seconds):.0f} ms, "
            f"mean {1000 * statistics.fmean(compare_seconds):.0f} ms, total {sum(compare_seconds):.1f} s"
        )
    if lexrank_seconds:
        print(f"LexRank per call: median {1000 * statistics.median(lexrank_seconds):.1f} ms")


def _mean(system: System) -> Scores:
    return Scores(*(statistics.fmean(getattr(item, name) for item in system.scores) for name in ROUGE_TYPES))


def _print_row(system: System, baseline: System | None = None, headline: bool = False) -> None:
    if not system.scores:
        return
    mean = _mean(system)
    sentences = statistics.fmean(system.sentences)
    versus = f"   {mean.rouge1 - _mean(baseline).rouge1:+6.2f}" if baseline else ""
    name = system.name + (" (headline)" if headline else "")
    print(f"{name:<48} {sentences:5.2f} {mean.rouge1:6.2f} {mean.rouge2:6.2f} {mean.rougeL:6.2f}{versus}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with val.source, val.target")
    parser.add_argument("--split", default="val", help="file stem (test is kept for independent evaluation)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N clusters")
    parser.add_argument("--length", type=int, default=PRODUCT_LENGTH, help="summary_length of the headline")
    args = parser.parse_args(argv)
    if not (args.data / f"{args.split}.source").is_file():
        missing = args.data / f"{args.split}.source"
        sys.exit(f"NeuS data not found: {missing} (see ../shared/data/neus/PROVENANCE.md)")
    clusters, empty_sides = read_clusters(args.data, args.split, args.limit)
    articles = sum(len(cluster.articles) for cluster in clusters)
    sentences = sum(len(article.sentences) for cluster in clusters for article in cluster.articles)
    print(
        f"NeuS {args.split}: {len(clusters)} clusters, {articles} articles "
        f"({empty_sides} sides without text), {sentences} sentences"
    )
    print("reference: the ARTICLE part of the editors' roundup (its TITLE left out)")
    print("ROUGE F1 x 100 with the Porter stemmer")
    print("LexRank picks from the same sentences as newsprism, as many as our summary has in each cluster\n")
    run(clusters, args.length)


if __name__ == "__main__":
    main()
