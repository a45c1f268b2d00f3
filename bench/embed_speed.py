"""Speed of the MiniLM embedder on story texts (title + lead, what story clustering embeds): the model as
shipped against its optimised copy (int8 activations, fused attention), in the same run, plus how far the
optimised vectors move from the shipped ones.

Texts come from the GVA corpus: articles built as ingest builds them, then `story_text` (150 characters).
The two embedders take turns, `--repeat` times each; the median texts/s of each is printed with their ratio.
The optimised copy is built in a temporary cache folder, so its first-use cost is printed too.

    .venv/bin/python bench/embed_speed.py
    .venv/bin/python bench/embed_speed.py --limit 500 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from newsprism.errors import NewsprismError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.nlp.embeddings import Embedder
from newsprism.stories.signals import story_text

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_GVA = DATA / "gva-violent-corpus" / "gva_violent_corpus_docs.jsonl"
# Story clustering must reach 200 articles/s including ingest (~600 articles/s alone): 1/200 - 1/600 = 1/300.
TARGET_TEXTS_PER_SECOND = 300


def story_texts(path: Path, limit: int) -> list[str]:
    """Title and lead of the first `limit` distinct articles with a body, in file order."""
    texts: list[str] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
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
                texts.append(story_text(build_article(raw)))
            except NewsprismError:
                continue
            if len(texts) == limit:
                break
    return texts


def texts_per_second(embedder: Embedder, texts: Sequence[str]) -> tuple[float, np.ndarray]:
    started = time.perf_counter()
    vectors = embedder.embed(texts)
    return len(texts) / (time.perf_counter() - started), vectors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_GVA, help="GVA corpus jsonl")
    parser.add_argument("--limit", type=int, default=2000, help="number of texts (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per embedder (default 3)")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data} not found: the GVA corpus lives under ../shared/data/")

    texts = story_texts(args.data, args.limit)
    shipped = Embedder(optimise=False)
    tokenizer = Tokenizer.from_file(str(shipped.tokenizer_path))
    tokenizer.no_padding()
    tokens = [len(encoding.ids) for encoding in tokenizer.encode_batch(texts)]
    print(
        f"{len(texts)} story texts from {args.data.name}: {np.mean([len(t) for t in texts]):.0f} characters, "
        f"{np.mean(tokens):.0f} tokens on average"
    )

    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        optimised = Embedder(cache_folder=Path(cache))
        built = time.perf_counter() - started
        started = time.perf_counter()
        Embedder(cache_folder=Path(cache))
        loaded = time.perf_counter() - started
        if optimised.session_path == optimised.model_path:
            sys.exit("the optimised copy could not be built (see the warning above)")
        print(
            f"optimised copy: built and checked in {built:.2f} s on first use, then loaded in {loaded:.2f} s"
        )

        speeds: dict[str, list[float]] = {"shipped": [], "optimised": []}
        vectors: dict[str, np.ndarray] = {}
        texts_per_second(optimised, texts[:64])  # warm-up
        for _ in range(args.repeat):
            for name, embedder in (("shipped", shipped), ("optimised", optimised)):
                speed, vectors[name] = texts_per_second(embedder, texts)
                speeds[name].append(speed)

    medians = {name: statistics.median(values) for name, values in speeds.items()}
    for name, median in medians.items():
        runs = ", ".join(f"{value:.0f}" for value in speeds[name])
        print(f"  {name:9s} {median:6.0f} texts/s  (median of {args.repeat}: {runs})")
    speed_up = medians["optimised"] / medians["shipped"]
    verdict = "met" if medians["optimised"] >= TARGET_TEXTS_PER_SECOND else "NOT met"
    print(f"  speed-up x{speed_up:.2f}; target >= {TARGET_TEXTS_PER_SECOND} texts/s {verdict}")
    cosines = np.sum(vectors["shipped"] * vectors["optimised"], axis=1)
    print(
        f"  cosine optimised vs shipped: mean {cosines.mean():.4f}, 1st percentile "
        f"{np.percentile(cosines, 1):.4f}, min {cosines.min():.4f}"
    )


if __name__ == "__main__":
    main()
