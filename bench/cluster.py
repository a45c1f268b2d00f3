"""Story clustering: B-cubed precision/recall/F1 against gold events on ECB+ and the GVA corpus.

By default each corpus goes through the CLI as a user runs it, in a fresh database: `newsprism ingest
FILE.jsonl`, then `newsprism stories --all --format json`; articles are matched to gold labels by their
external id (the corpus's doc_id) and the speed is articles stored per second of both commands together
(process start and model load included).

--grid instead clusters in memory, articles in publication-date order (ECB+ has no dates: file order), with
embeddings computed once and reused for each threshold: the quick way to tune ClusterOptions. It clusters
as one batch (ingest clusters 500 at a time, and cuts stories holding two events after each batch), so
its figures can differ a little from the CLI's on GVA; `--split-gap 99` leaves every story whole.

    .venv/bin/python bench/cluster.py                          # both corpora, through the CLI
    .venv/bin/python bench/cluster.py --data PATH
    .venv/bin/python bench/cluster.py --grid --threshold 1.0 --term-weight 1.75 --entity-weight 0.45
    .venv/bin/python bench/cluster.py --grid --threshold 1.0 --orders 12       # F1 over shuffled orders
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from newsprism.errors import NewsprismError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import Article
from newsprism.nlp.embeddings import clustering_embedder
from newsprism.stories.builder import reaches_test_size
from newsprism.stories.clusterer import ClusterOptions, StoryClusterer
from newsprism.stories.signals import story_signals, story_text

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ECBPLUS = DATA / "ecbplus" / "ecbplus_docs.jsonl"
GVA = DATA / "gva-violent-corpus" / "gva_violent_corpus_docs.jsonl"
GRID = (0.80, 0.90, 1.00, 1.10)


class CachedEmbedder:
    """Embeds each distinct text once, so a threshold grid costs one embedding pass."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}
        self.seconds = 0.0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in self._vectors]
        if missing:
            started = time.perf_counter()
            for text, vector in zip(missing, clustering_embedder().embed(missing), strict=True):
                self._vectors[text] = vector
            self.seconds += time.perf_counter() - started
        return np.stack([self._vectors[text] for text in texts])


def load_ecbplus(path: Path) -> tuple[list[Article], list[str], list[str]]:
    """Articles built from `text` as `newsprism ingest` builds them, gold events and topics, in file order."""
    articles, events, topics = [], [], []
    for number, line in enumerate(path.open(encoding="utf-8"), 1):
        record = json.loads(line)
        raw = RawArticle(
            origin=f"{path.name}:{number}",
            kind="jsonl",
            body=record["text"],
            url=record["source_url"],
            external_id=record["doc_id"],
        )
        articles.append(build_article(raw))
        events.append(record["subtopic"])
        topics.append(str(record["topic"]))
    # The store clusters undated articles in content-hash order; so does this, to score the same run.
    order = sorted(range(len(articles)), key=lambda index: articles[index].content_hash)
    return [articles[i] for i in order], [events[i] for i in order], [topics[i] for i in order]


def load_gva(path: Path) -> tuple[list[Article], list[str], list[str]]:
    """Articles sorted by date, their gold incidents; a doc listed under two incidents counts once."""
    seen: set[str] = set()
    rows: list[tuple[str, Article, str]] = []
    for number, line in enumerate(path.open(encoding="utf-8"), 1):
        record = json.loads(line)
        if not record["content"] or record["doc_id"] in seen:
            continue
        seen.add(record["doc_id"])
        raw = RawArticle(
            origin=f"{path.name}:{number}",
            kind="jsonl",
            body=record["content"],
            title=record["title"],
            url=record["uri"],
            published=record["dct"],
            external_id=record["doc_id"],
        )
        try:
            article = build_article(raw)
        except NewsprismError:
            continue
        rows.append((record["dct"] or "", article, record["incident_id"]))
    rows.sort(key=lambda row: row[0])
    return [row[1] for row in rows], [row[2] for row in rows], [row[2] for row in rows]


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1, averaged over items."""
    by_predicted: dict[Hashable, list[int]] = defaultdict(list)
    by_gold: dict[Hashable, list[int]] = defaultdict(list)
    for index, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_predicted[p].append(index)
        by_gold[g].append(index)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        same_gold = sum(1 for index in by_predicted[p] if gold[index] == g)
        precision += same_gold / len(by_predicted[p])
        recall += same_gold / len(by_gold[g])
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def run(
    name: str,
    articles: list[Article],
    gold: list[str],
    topics: list[str],
    options: ClusterOptions,
    thresholds: Sequence[float],
    orders: int = 0,
) -> None:
    """Print the figures of one corpus for each threshold (and over `orders` shuffled arrival orders)."""
    embedder = CachedEmbedder()
    embedder.embed([story_text(article) for article in articles])
    print(
        f"\n{name}: {len(articles)} articles, {len(set(gold))} gold stories; "
        f"embedding {embedder.seconds:.1f} s ({len(articles) / embedder.seconds:.0f} articles/s)"
    )
    if topics != gold:
        p, r, f = bcubed(topics, gold)
        print(
            f"  clustering by topic would score P {p:.3f} R {r:.3f} F1 {f:.3f} ({len(set(topics))} clusters)"
        )
    for threshold in thresholds:
        started = time.perf_counter()
        predicted = cluster_in_memory(articles, replace(options, threshold=threshold), embedder)
        seconds = time.perf_counter() - started
        p, r, f = bcubed(predicted, gold)
        end_to_end = len(articles) / (seconds + embedder.seconds)
        print(
            f"  threshold {threshold:.2f}: B3 P {p:.3f} R {r:.3f} F1 {f:.3f}  "
            f"{len(set(predicted))} stories  clustering {len(articles) / seconds:.0f} articles/s "
            f"without embedding, {end_to_end:.0f} with"
        )
        if orders:
            print_order_spread(articles, gold, replace(options, threshold=threshold), embedder, orders)


def cluster_in_memory(
    articles: list[Article], options: ClusterOptions, embedder: CachedEmbedder
) -> list[int]:
    """Story ids as ingest would give them if all the articles came in one clustering batch: each article
    joins or opens a story, then the stories that reached a test size are cut where they hold two events."""
    clusterer = StoryClusterer(options, embedder=embedder)
    signals = [story_signals(article) for article in articles]
    vectors = embedder.embed([item.text for item in signals])
    predicted = [clusterer.assign(vector, item) for vector, item in zip(vectors, signals, strict=True)]
    for story_id, size in sorted(Counter(predicted).items()):
        if not reaches_test_size(0, size, options):
            continue
        members = [index for index, owner in enumerate(predicted) if owner == story_id]
        owners = clusterer.cut_into_events(story_id, vectors[members], [signals[index] for index in members])
        for index, owner in zip(members, owners, strict=True):
            predicted[index] = owner
    return predicted


def print_order_spread(
    articles: list[Article], gold: list[str], options: ClusterOptions, embedder: CachedEmbedder, orders: int
) -> None:
    """B-cubed F1 over arrival orders shuffled within each publication date. Online clustering depends on
    order where dates do not fix it (ECB+ is undated: its order is content-hash order, so a one-character
    change in one document moves F1 by 0.02): the mean is what to expect on other data, the spread what
    one order can show."""
    scores = []
    for seed in range(orders):
        draw = random.Random(seed)
        ties = [draw.random() for _ in articles]
        order = sorted(range(len(articles)), key=lambda index: (articles[index].published or "", ties[index]))
        predicted = cluster_in_memory([articles[index] for index in order], options, embedder)
        scores.append(bcubed(predicted, [gold[index] for index in order])[2])
    print(
        f"    over {orders} shuffled orders: F1 mean {statistics.mean(scores):.3f} "
        f"sd {statistics.stdev(scores):.3f} min {min(scores):.3f} max {max(scores):.3f}"
    )


def gold_labels(path: Path) -> dict[str, str]:
    """doc_id -> gold event (ECB+ `subtopic`, GVA `incident_id`); a doc listed twice keeps its first."""
    labels: dict[str, str] = {}
    for line in path.open(encoding="utf-8"):
        record = json.loads(line)
        labels.setdefault(record["doc_id"], str(record.get("subtopic") or record.get("incident_id")))
    return labels


def newsprism(*args: str, allowed: tuple[int, ...] = (0,)) -> str:
    """Run the installed CLI and return its standard output; stop the benchmark if it fails."""
    command = [str(Path(sys.executable).with_name("newsprism")), *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode not in allowed:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return result.stdout


def run_cli(path: Path) -> None:
    """Ingest the corpus and list its stories through the CLI; print B-cubed scores and articles/s."""
    gold = gold_labels(path)
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        started = time.perf_counter()
        report = json.loads(newsprism("ingest", "--db", db, "--format", "json", str(path), allowed=(0, 1)))
        ingested = time.perf_counter() - started
        stories = json.loads(newsprism("stories", "--db", db, "--all", "--format", "json"))
        seconds = time.perf_counter() - started
    predicted = {article["external_id"]: story["id"] for story in stories for article in story["articles"]}
    scored = [doc_id for doc_id in predicted if doc_id in gold]
    p, r, f = bcubed([predicted[doc_id] for doc_id in scored], [gold[doc_id] for doc_id in scored])
    print(
        f"\n{path.name}: {len(scored)} of {len(gold)} docs stored and scored "
        f"({len(report['rejected'])} rejected), {len(set(gold[d] for d in scored))} gold stories, "
        f"{len(stories)} found\n"
        f"  B3 P {p:.3f} R {r:.3f} F1 {f:.3f}   {len(scored) / seconds:.0f} articles/s end to end "
        f"(ingest {ingested:.1f} s + stories {seconds - ingested:.1f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, action="append", help="ecbplus or GVA jsonl (default: both)")
    parser.add_argument("--grid", action="store_true", help="cluster in memory for each threshold")
    parser.add_argument("--threshold", type=float, action="append", help="--grid: default 0.80-1.10")
    parser.add_argument("--window-days", type=int, default=ClusterOptions().window_days)
    parser.add_argument("--entity-weight", type=float, default=ClusterOptions().entity_weight)
    parser.add_argument("--term-weight", type=float, default=ClusterOptions().term_weight)
    parser.add_argument("--memory-days", type=int, default=ClusterOptions().memory_days)
    parser.add_argument("--late-margin", type=float, default=ClusterOptions().late_margin)
    parser.add_argument("--split-gap", type=float, default=ClusterOptions().split_gap)
    parser.add_argument("--orders", type=int, default=0, help="--grid: also F1 over N shuffled orders")
    args = parser.parse_args()
    options = ClusterOptions(
        window_days=args.window_days,
        entity_weight=args.entity_weight,
        term_weight=args.term_weight,
        memory_days=args.memory_days,
        late_margin=args.late_margin,
        split_gap=args.split_gap,
    )
    thresholds = args.threshold or GRID
    for path in args.data or [ECBPLUS, GVA]:
        if not path.is_file():
            sys.exit(f"{path} not found: the benchmark data lives under ../shared/data/")
        if not args.grid:
            run_cli(path)
            continue
        started = time.perf_counter()
        articles, gold, topics = load_ecbplus(path) if "ecbplus" in path.name else load_gva(path)
        print(f"\nloaded {path.name} in {time.perf_counter() - started:.1f} s")
        run(path.name, articles, gold, topics, options, thresholds, args.orders)


if __name__ == "__main__":
    main()
