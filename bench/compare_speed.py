"""Speed of `compare`: seconds per story of 2, 5, 10, 20 and 50 real articles, peak memory, growth.

Stories are cut from the GVA corpus, real local-news reports of shootings grouped by incident:
the articles of the largest incidents come first, so stories of up to 12 articles tell one event
(as `compare` is meant for), and larger ones are topped up with the next incidents' articles.
BASIL (`--corpus basil`) has longer articles but only three per event. The models are loaded and a
warm-up comparison run before timing; each size is timed `--repeat` times and the median printed,
next to the time of embedding the same sentences alone (the model run, linear in sentences).
The growth exponent k in time ~ sentences^k is fitted between consecutive sizes and set against
n log n's; alignment compares every pair of articles, so the worst case is quadratic.

    .venv/bin/python bench/compare_speed.py
    .venv/bin/python bench/compare_speed.py --sizes 2 10 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from newsprism.comparison.pipeline import Comparer
from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_GVA = DATA / "gva-violent-corpus" / "gva_violent_corpus_docs.jsonl"
DEFAULT_BASIL = DATA / "basil"
DEFAULT_SIZES = (2, 5, 10, 20, 50)
TARGET_ARTICLES = 10
TARGET_SECONDS = 3.0


def gva_articles(path: Path, needed: int) -> list[Article]:
    """Articles of the largest incidents first, each incident's articles together."""
    incidents: dict[str, list[dict[str, str]]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            incidents.setdefault(record["incident_id"], []).append(record)
    ordered = sorted(incidents.values(), key=lambda records: -len(records))  # stable: file order breaks ties
    raws = (
        RawArticle(
            origin=f"{path.name}:{record['doc_id']}",
            kind="text",
            body=record["content"],
            title=record.get("title"),
            url=record.get("uri"),
            published=record.get("dct"),
        )
        for records in ordered
        for record in records
    )
    return list(islice(_built(raws), needed))


def basil_articles(root: Path, needed: int) -> list[Article]:
    """BASIL's triplets in year and uuid order, three outlets per event."""
    raws = []
    for path in sorted((root / "articles").glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(paragraph) for paragraph in record["body-paragraphs"])
        title, source = record.get("title"), record["source"]
        raws.append(RawArticle(origin=str(path), kind="text", body=body, title=title, source=source))
    return list(islice(_built(raws), needed))


def _built(raws: Iterable[RawArticle]) -> Iterator[Article]:
    for raw in raws:
        try:
            yield build_article(raw)
        except IngestError:  # a page with no article text left after cleaning
            continue


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def growth_exponent(sentences_a: int, seconds_a: float, sentences_b: int, seconds_b: float) -> float:
    """k in seconds ~ sentences^k between two measurements."""
    if min(seconds_a, seconds_b) <= 0 or sentences_a == sentences_b:
        return math.nan
    return math.log(seconds_b / seconds_a) / math.log(sentences_b / sentences_a)


def n_log_n_exponent(sentences_a: int, sentences_b: int) -> float:
    """The same exponent for time proportional to n log n."""
    return math.log(sentences_b * math.log(sentences_b) / (sentences_a * math.log(sentences_a))) / math.log(
        sentences_b / sentences_a
    )


def time_compare(
    comparer: Comparer, articles: Sequence[Article], repeat: int
) -> tuple[list[float], list[float]]:
    """Seconds of each full comparison, and of embedding the same sentences alone (its largest part)."""
    sentences = [sentence for article in articles for sentence in article.sentences]
    seconds, embedding = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        comparer.compare(articles)
        seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        comparer.embedder.embed(sentences)
        embedding.append(time.perf_counter() - started)
    return seconds, embedding


def run(articles: Sequence[Article], sizes: Sequence[int], repeat: int) -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"cores available: {cores}; load average {os.getloadavg()[0]:.1f} (other work slows the timings); "
        f"peak RSS before models: {peak_rss_mib():.0f} MiB"
    )
    started = time.perf_counter()
    comparer = Comparer()
    load_seconds = time.perf_counter() - started
    warm_up = list(articles[: min(5, len(articles))])
    started = time.perf_counter()
    comparer.compare(warm_up)
    warm_up_seconds = time.perf_counter() - started
    print(
        f"Comparer(): {load_seconds:.2f} s; "
        f"warm-up compare ({len(warm_up)} articles, loads the lazy models): {warm_up_seconds:.2f} s; "
        f"peak RSS after warm-up: {peak_rss_mib():.0f} MiB\n"
    )

    print(
        f"{'articles':>8} {'sentences':>9} {'words':>7} {'median s':>9} {'min s':>7} {'embed s':>7} "
        f"{'rest s':>6} {'s/100 sent':>10} "
        f"{'k vs prev':>9} {'nlogn k':>7} {'peak RSS MiB':>12}"
    )
    measured: list[tuple[int, int, float]] = []
    for size in sizes:
        story = list(articles[:size])
        if len(story) < size:
            print(f"{size:>8} skipped: only {len(articles)} articles available")
            continue
        sentences = sum(len(article.sentences) for article in story)
        words = sum(len(article.text.split()) for article in story)
        seconds, embedding = time_compare(comparer, story, repeat)
        median, embed_median = statistics.median(seconds), statistics.median(embedding)
        growth = nlogn = ""
        if measured:
            previous_sentences, _, previous_seconds = measured[-1]
            growth = f"{growth_exponent(previous_sentences, previous_seconds, sentences, median):.2f}"
            nlogn = f"{n_log_n_exponent(previous_sentences, sentences):.2f}"
        measured.append((sentences, size, median))
        print(
            f"{size:>8} {sentences:>9} {words:>7} {median:>9.3f} {min(seconds):>7.3f} {embed_median:>7.3f} "
            f"{median - embed_median:>6.3f} "
            f"{100 * median / sentences:>10.3f} {growth:>9} {nlogn:>7} {peak_rss_mib():>12.0f}"
        )

    print("embed s: the sentence embedding alone, timed apart; rest s: median minus that (alignment etc.)")
    if len(measured) >= 2:
        (first_sentences, _, first_seconds), (last_sentences, _, last_seconds) = measured[0], measured[-1]
        overall = growth_exponent(first_sentences, first_seconds, last_sentences, last_seconds)
        print(
            f"\noverall k ({first_sentences} -> {last_sentences} sentences): {overall:.2f}; "
            f"n log n would give {n_log_n_exponent(first_sentences, last_sentences):.2f}, n^2 gives 2.00"
        )
    print(f"load average after timing: {os.getloadavg()[0]:.1f}")
    print(f"\ntarget: {TARGET_ARTICLES}-article story < {TARGET_SECONDS:g} s on 2 cores")
    at_target = [row for row in measured if row[1] == TARGET_ARTICLES]
    if at_target:
        sentences, _, seconds = at_target[0]
        verdict = "met" if seconds < TARGET_SECONDS else "not met"
        print(
            f"  measured: {seconds:.3f} s for {sentences} sentences on {cores} cores -> {verdict}"
            f" (scaled linearly to 250 sentences: {250 * seconds / sentences:.2f} s)"
        )
    print("growth no worse than n log n in sentences")
    if len(measured) >= 2:
        worse = []
        for (sentences_a, size_a, seconds_a), (sentences_b, size_b, seconds_b) in zip(
            measured, measured[1:], strict=False
        ):
            k = growth_exponent(sentences_a, seconds_a, sentences_b, seconds_b)
            bound = n_log_n_exponent(sentences_a, sentences_b)
            if k > bound:
                worse.append(f"{size_a}->{size_b} articles (k {k:.2f} > {bound:.2f})")
        print(f"  measured: {'worse than n log n at ' + ', '.join(worse) if worse else 'met at every step'}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("gva", "basil"), default="gva", help="where articles come from")
    parser.add_argument("--data", type=Path, default=None, help="GVA jsonl file or BASIL folder")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="story sizes")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per size; the median is printed")
    args = parser.parse_args(argv)
    data = args.data or (DEFAULT_GVA if args.corpus == "gva" else DEFAULT_BASIL)
    if not data.exists():
        sys.exit(f"{args.corpus} data not found: {data} (see ../shared/data/README.md)")
    needed = max(args.sizes)
    articles = gva_articles(data, needed) if args.corpus == "gva" else basil_articles(data, needed)
    print(f"corpus: {args.corpus} ({data}), first {len(articles)} articles used")
    run(articles, sorted(args.sizes), args.repeat)


if __name__ == "__main__":
    main()
