"""Near-duplicate detection at ingest: precision and recall on planted syndicated copies, on real text.

Takes the GVA corpus (real local news), plants syndicated copies of a sample of its articles the way
republishers make them (own headline, own outlet, one sentence dropped, one sentence added, the
republisher's sign-up line), ingests everything into a fresh database with near-duplicate detection
on, and prints:
- precision and recall of the planted copy -> original links;
- the links found between GVA's own articles, and how many of those join articles of different
  GVA incidents (a proxy for false links: syndicated copies report the same incident);
- ingest throughput with and without the check.

    .venv/bin/python bench/dedup.py [--copies 300] [--threshold 0.8]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import newsprism
from newsprism import ReadOptions
from newsprism.ingest.records import parse_field_map
from newsprism.nlp.sentences import split_sentences
from newsprism.stories.options import NearDuplicateOptions

GVA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "gva-violent-corpus"
    / "gva_violent_corpus_docs.jsonl"
)
FIELDS = parse_field_map(["text=content,published=dct,url=uri,id=doc_id"])
ADDED = "The {outlet} has asked the police department for the incident report."
SIGN_UP = "Subscribe to the {outlet} newsletter for daily updates."


def planted_copy(record: dict, number: int, rng: random.Random) -> dict | None:
    """A republished version of the record, or None when the text is too short to republish."""
    sentences = split_sentences(record["content"])
    if len(sentences) < 6:
        return None
    dropped = rng.randrange(1, len(sentences))
    kept = sentences[:dropped] + sentences[dropped + 1 :]
    outlet = f"Republisher {number % 17}"
    body = " ".join(kept) + " " + ADDED.format(outlet=outlet) + "\n\n" + SIGN_UP.format(outlet=outlet)
    return {
        "doc_id": f"copy-{number}-of-{record['doc_id']}",
        "title": f"Republished: {record.get('title', '')}",
        "content": body,
        "dct": record.get("dct"),
        "uri": f"https://republisher{number % 17}.example/{number}",
    }


def ingest(
    path: Path, db: Path, options: NearDuplicateOptions | None
) -> tuple[float, newsprism.IngestReport]:
    started = time.perf_counter()
    with newsprism.Corpus(db) as corpus:
        report = corpus.ingest([path], ReadOptions(field_map=FIELDS), near_duplicates=options)
    return time.perf_counter() - started, report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=GVA)
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--threshold", type=float, default=NearDuplicateOptions().threshold)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    rng = random.Random(args.seed)
    copies: dict[str, str] = {}
    planted = []
    for number, record in enumerate(rng.sample(records, len(records))):
        if len(planted) >= args.copies:
            break
        copy = planted_copy(record, number, rng)
        if copy is not None:
            planted.append(copy)
            copies[copy["doc_id"]] = record["doc_id"]
    incidents: dict[str, set[str]] = {}
    for record in records:
        incidents.setdefault(record["doc_id"], set()).add(record["incident_id"])

    with tempfile.TemporaryDirectory() as work:
        corpus_path = Path(work) / "with-copies.jsonl"
        with corpus_path.open("w", encoding="utf-8") as out:
            for record in records + planted:  # originals first, as a live feed would see them
                out.write(json.dumps(record) + "\n")
        seconds_off, _ = ingest(corpus_path, Path(work) / "off.db", None)
        db = Path(work) / "on.db"
        seconds_on, report = ingest(corpus_path, db, NearDuplicateOptions(args.threshold))
        with sqlite3.connect(db) as connection:
            external = dict(connection.execute("SELECT id, external_id FROM articles"))

    links = [(external[copy], external[original]) for copy, original in report.near_duplicates]
    planted_links = {(copy, original) for copy, original in copies.items()}
    found_planted = [link for link in links if link[0] in copies]
    correct = sum(link in planted_links for link in found_planted)
    natural = [link for link in links if link[0] not in copies]
    across = sum(not incidents[a] & incidents[b] for a, b in natural if a in incidents and b in incidents)
    total = len(records) + len(planted)
    print(
        f"corpus: {len(records):,} GVA articles + {len(planted)} planted copies; threshold {args.threshold}"
    )
    print(
        f"planted copies: found {correct}/{len(planted)} (recall {correct / max(len(planted), 1):.1%}); "
        f"copy links to the wrong original {len(found_planted) - correct}"
    )
    print(
        f"links from GVA articles: {len(natural)}, of them across GVA incidents {across} "
        f"(precision proxy {1 - across / max(len(natural), 1):.1%})"
    )
    precision = correct / max(len(links) - (len(natural) - across), 1)
    print(f"precision on links (planted correct + natural same-incident counted right): {precision:.1%}")
    print(
        f"ingest {total:,} articles: {total / seconds_on:,.0f} articles/s with the check, "
        f"{total / seconds_off:,.0f} without ({seconds_on:.2f} s vs {seconds_off:.2f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
