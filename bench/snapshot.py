"""Comparison snapshots of real stories: one JSON file each, to diff what a change of code does to them.

Stories: GVA incidents of 2-8 articles (the first 60), ECB+ alignment-dev subtopics (the first 40, up to 6
documents each), NeuS val clusters (the first 120) and BASIL triplets (the first 40), from ../shared/data.
Article paths are written relative to the data folder, so snapshots taken from two checkouts compare.
Needs the bench extra (neus.py's readers import ROUGE and LexRank).

    .venv/bin/python bench/snapshot.py /tmp/before          # on the old code
    .venv/bin/python bench/snapshot.py /tmp/after           # on the new code
    diff -r /tmp/before /tmp/after && echo same              # 260 files
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import basil
import neus

from newsprism.comparison.pipeline import Comparer
from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import Article
from newsprism.serialization import comparison_dict

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def gva_stories(limit: int = 60) -> dict[str, list[Article]]:
    by_incident: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in (DATA / "gva-violent-corpus" / "gva_violent_corpus_docs.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        by_incident[record["incident_id"]].append(record)
    stories: dict[str, list[Article]] = {}
    for incident, records in by_incident.items():
        if not 2 <= len(records) <= 8:
            continue
        articles = []
        for number, record in enumerate(records):
            raw = RawArticle(
                origin=f"gva{number}",
                kind="jsonl",
                body=record["content"],
                title=record.get("title") or "",
                source=f"outlet{number}",
                published=record.get("dct"),
            )
            try:
                articles.append(build_article(raw))
            except IngestError:
                continue
        if len(articles) >= 2:
            stories[f"gva-{incident}"] = articles
        if len(stories) >= limit:
            break
    return stories


def ecbplus_stories(limit: int = 40) -> dict[str, list[Article]]:
    by_subtopic: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in (DATA / "ecbplus" / "align_dev_docs.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        by_subtopic[record["subtopic"]].append(record)
    stories = {}
    for subtopic, records in list(by_subtopic.items())[:limit]:
        raws = [
            RawArticle(origin=f"e{number}", kind="jsonl", body=record["text"], source=f"src{number}")
            for number, record in enumerate(records[:6])
        ]
        if len(raws) >= 2:
            stories[f"ecb-{subtopic}"] = [build_article(raw) for raw in raws]
    return stories


def all_stories() -> dict[str, list[Article]]:
    stories = gva_stories() | ecbplus_stories()
    clusters, _ = neus.read_clusters(neus.DEFAULT_DATA, "val", 120)
    stories.update({f"neus-{number}": list(cluster.articles) for number, cluster in enumerate(clusters)})
    triplets = basil.read_triplets(basil.DEFAULT_DATA, 40).triplets
    stories.update({f"basil-{n}": [outlet.article for outlet in t.outlets] for n, t in enumerate(triplets)})
    return stories


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where the JSON files go")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        sys.exit(f"no data at {DATA}")
    args.folder.mkdir(parents=True, exist_ok=True)
    comparer = Comparer()
    stories = all_stories()
    for name, articles in stories.items():
        data = comparison_dict(comparer.compare(articles))
        for article in data["articles"]:
            if article["path"]:
                article["path"] = article["path"].replace(str(DATA), "DATA")
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
        (args.folder / f"{name}.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(stories)} comparisons to {args.folder}")


if __name__ == "__main__":
    main()
