"""Citations of the neutral summary: does every sentence cite only outlets of the claim it summarises?

A summary sentence is a member sentence of one claim (`SummarySentence.claim`), printed with the
outlets it cites (`sources`, or an outlet its text opens with: "According to <outlet>, "), or says where
outlets differ (`SummarySentence.conflict`) and must cite exactly that conflict's outlets. It is miscited
when it cites an outlet that has no sentence in that claim, or whose sentence there gives another figure
("15,000 vehicles" cited for "About 12,000 vehicles ..."); it is also listed when it names no claim,
names one that does not exist, or its text is none of its claim's sentences (then the link itself is
wrong). Checked over every summary sentence of the example stories (examples/planted.json: the
articles of each story under examples/stories/) and of BASIL triplets (../shared/data/basil; each
triplet's three articles compared once). Prints the counts and lists every miscitation.
tests/comparison/test_compare_examples.py makes the same check on the example stories in CI.

    .venv/bin/python bench/citations.py                  # the examples and 50 BASIL triplets
    .venv/bin/python bench/citations.py --basil 10 --words 40
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import basil

from newsprism import CompareOptions, Comparer, read
from newsprism.comparison.similarity import figures_changed
from newsprism.config import DEFAULT_SUMMARY_WORDS
from newsprism.models import Article, Comparison, SummarySentence

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ACCORDING_TO = "According to "


@dataclass(frozen=True)
class Miscitation:
    story: str
    text: str
    problem: str


def miscitations(comparison: Comparison, story: str = "") -> list[Miscitation]:
    """Every summary sentence that cites an outlet without a sentence in its claim, or whose claim is lost."""
    claims = {claim.id: claim for claim in comparison.claims}
    sources = {item.id: item.article.source for item in comparison.articles}
    sentences = {
        (item.id, i): text for item in comparison.articles for i, text in enumerate(item.article.sentences)
    }
    found = []
    for line in comparison.summary:
        if line.conflict is not None:
            found += _conflict_miscitations(comparison, line, line.conflict, story)
            continue
        claim = claims.get(line.claim) if line.claim is not None else None
        if claim is None:
            problem = (
                "names no claim" if line.claim is None else f"names claim {line.claim}, which is not there"
            )
            found.append(Miscitation(story, line.text, problem))
            continue
        in_claim = {ref.article for ref in claim.sentences}
        members = {sentences[(ref.article, ref.index)] for ref in claim.sentences}
        problems = [
            f"cites {sources.get(article, article)}, which has no sentence in claim {claim.id}"
            for article in line.sources
            if article not in in_claim
        ]
        member_of = {ref.article: sentences[(ref.article, ref.index)] for ref in claim.sentences}
        problems += [
            f"cites {sources.get(article, article)}, whose sentence in claim {claim.id} gives another figure"
            for article in line.sources
            if article in member_of and figures_changed(line.text, member_of[article])
        ]
        named = _named_outlet(line.text, set(sources.values()))
        if named is not None and named not in {sources[article] for article in in_claim}:
            problems.append(f'says "according to {named}", which has no sentence in claim {claim.id}')
        if not line.sources:
            problems.append("cites no outlet")
        if not _is_member(line.text, named, members):
            problems.append(f"is none of the sentences of claim {claim.id}")
        found.extend(Miscitation(story, line.text, problem) for problem in problems)
    return found


def _conflict_miscitations(
    comparison: Comparison, line: SummarySentence, index: int, story: str
) -> list[Miscitation]:
    """A sentence saying where outlets differ cites exactly the outlets of its conflict."""
    if not 0 <= index < len(comparison.conflicts):
        return [Miscitation(story, line.text, f"names conflict {index}, which is not there")]
    conflict = comparison.conflicts[index]
    outlets = tuple(sorted(int(article) for article in conflict.values))
    if line.sources != outlets:
        return [Miscitation(story, line.text, f"cites {line.sources}, its conflict's outlets are {outlets}")]
    return []


def _named_outlet(text: str, outlets: set[str]) -> str | None:
    """The outlet an "According to <outlet>, " opening names, if it names one of the compared outlets."""
    named = [outlet for outlet in outlets if text.startswith(f"{ACCORDING_TO}{outlet}, ")]
    return max(named, key=len, default=None)


def _is_member(text: str, named: str | None, members: set[str]) -> bool:
    # The prefix may lower-case the sentence's first word ("According to X, the river ..."); an article's
    # own sentence may also open with "According to <an outlet>, ".
    candidates = {text}
    if named is not None:
        rest = text[len(ACCORDING_TO) + len(named) + 2 :]
        candidates |= {rest, rest[:1].upper() + rest[1:]}
    return bool(candidates & members)


def example_stories(root: Path = EXAMPLES) -> dict[str, list[Article]]:
    """The articles of each example story, as examples/planted.json lists them."""
    planted = json.loads((root / "planted.json").read_text(encoding="utf-8"))
    stories = {}
    for story in planted["stories"]:
        articles = []
        for spec in story["articles"]:
            found = read(root / spec["file"])
            articles += [a for a in found if spec["record"] is None or a.external_id == spec["record"]]
        stories[story["slug"]] = articles
    return stories


def basil_stories(data: Path, limit: int) -> dict[str, list[Article]]:
    report = basil.read_triplets(data, limit)
    return {f"basil {t.uuid[:8]}": [outlet.article for outlet in t.outlets] for t in report.triplets}


def check(
    stories: dict[str, list[Article]], options: CompareOptions, comparer: Comparer
) -> tuple[int, list[Miscitation]]:
    """Summary sentences checked and the miscitations found among them."""
    checked, found = 0, []
    for name, articles in stories.items():
        comparison = comparer.compare(articles, options)
        checked += len(comparison.summary)
        found += miscitations(comparison, name)
    return checked, found


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil-data", type=Path, default=basil.DEFAULT_DATA, help="BASIL folder")
    parser.add_argument("--basil", type=int, default=50, metavar="N", help="compare the first N triplets")
    parser.add_argument("--words", type=int, default=DEFAULT_SUMMARY_WORDS, help="summary word budget")
    args = parser.parse_args(argv)
    if not (args.basil_data / "articles").is_dir():
        sys.exit(f"BASIL data not found: {args.basil_data / 'articles'} (see its PROVENANCE.md)")
    started = time.perf_counter()
    comparer = Comparer()
    options = CompareOptions(summary_words=args.words)
    parts = {
        "examples": example_stories(),
        "BASIL": basil_stories(args.basil_data, args.basil),
    }
    total_checked, total_found = 0, []
    for part, stories in parts.items():
        checked, found = check(stories, options, comparer)
        miscited = len({(m.story, m.text) for m in found})
        print(f"{part}: {len(stories)} stories, {checked} summary sentences checked, {miscited} miscited")
        total_checked += checked
        total_found += found
    miscited = len({(m.story, m.text) for m in total_found})
    print(f"all: {total_checked} summary sentences checked, {miscited} miscited")
    for item in total_found:
        print(f"\n  [{item.story}] {item.problem}:\n    {item.text}")
    print(f"\ntime: {time.perf_counter() - started:.1f} s (summary budget {args.words} words)")


if __name__ == "__main__":
    main()
