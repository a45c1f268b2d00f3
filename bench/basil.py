"""Unique facts on BASIL: do informational-bias spans land in sentences `compare` marks unique?

BASIL (Fan et al. 2019) tells one event in three outlets (Fox, NYT, HuffPost) and marks spans of
"informational bias": information one outlet chose to include, which the others usually leave out.
For each triplet the three articles (paragraph sentences joined with spaces, paragraphs kept)
are compared once, and the script prints:

(a) how many annotated informational-bias spans ("inf") lie in sentences whose claim is unique,
    partial or shared, and the share unique + partial (higher is better). The same share over all
    sentences is the chance level; lexical-bias spans ("lex", loaded words) are shown for contrast.
    A span is found in the cleaned article text (quotes normalised as newsprism does), the
    occurrence nearest to where its BASIL sentence stands is taken, and the span goes to the
    sentence it overlaps most.
(b) false omissions, by a proxy: a sentence marked unique although another article of the triplet
    has a sentence holding >= 60 % of its content words (the unique sentence having at least
    5 of them), or shares a run of >= 6 words quoted in it. The same proxy over shared and
    partial sentences shows how often it fires where an outlet's match was found (its recall).

    .venv/bin/python bench/basil.py                # all triplets
    .venv/bin/python bench/basil.py --limit 10 --examples 5
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsprism.comparison.pipeline import Comparer
from newsprism.errors import IngestError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.ingest.clean import normalise_text
from newsprism.models import Article, Comparison

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "basil"
STATUSES = ("unique", "partial", "shared")
UNIQUE_OR_PARTIAL = ("unique", "partial")
UNCLAIMED = "no claim"

# The false-omission proxy.
MIN_CONTENT_OVERLAP = 0.6
MIN_CONTENT_WORDS = 5
MIN_QUOTED_RUN = 6

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_QUOTED = re.compile(r'"([^"]+)"')
_STOP_WORDS = frozenset(
    """
    a an the of to in on at for by with from and or but as is are was were be been being has have had do does
    did that this these those it its he she they them his her their we our you your i me my us him who whom
    which what when where why how said says say told tell will would could should can may might must shall
    not no nor so than then there here about after before over under into out up down also just more most
    very all any some such only own other one s t mr mrs ms if while because against between during
    """.split()
)


@dataclass(frozen=True)
class BiasSpan:
    """An annotated span, normalised as newsprism normalises article text."""

    kind: str  # "inf" (informational) or "lex" (lexical)
    text: str
    sentence: str  # the BASIL sentence holding it
    sentence_number: int  # its position among the article's BASIL sentences
    speaker: str = ""  # who spoke a span inside a quotation ("Rick_Perry", "other_anti"); "" outside one


@dataclass(frozen=True)
class Outlet:
    """One outlet's article of a triplet and its annotated spans."""

    source: str
    article: Article
    spans: tuple[BiasSpan, ...]
    sentence_count: int  # BASIL's own sentence count, to place spans whose sentence is not found


@dataclass(frozen=True)
class Triplet:
    uuid: str
    outlets: tuple[Outlet, ...]
    year: str = ""  # the folder BASIL files the triplet under


@dataclass(frozen=True)
class ReadReport:
    triplets: list[Triplet]
    incomplete: int  # triplets without three readable articles
    spans_without_sentence: int  # annotations whose text is in no BASIL sentence


def read_triplets(root: Path, limit: int | None = None) -> ReadReport:
    """The triplets in year and uuid order, each with its three outlets' articles and spans."""
    files: dict[str, list[Path]] = {}
    for path in sorted((root / "articles").glob("*/*.json")):
        files.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)
    triplets, incomplete, lost = [], 0, 0
    for uuid, paths in files.items():
        if limit is not None and len(triplets) >= limit:
            break
        outlets = []
        for path in paths:
            annotation = root / "annotations" / path.parent.name / f"{path.stem}_ann.json"
            outlet, missing = _read_outlet(path, annotation)
            lost += missing
            if outlet:
                outlets.append(outlet)
        if len(outlets) == 3:
            triplets.append(Triplet(uuid, tuple(outlets), paths[0].parent.name))
        else:
            incomplete += 1
    return ReadReport(triplets, incomplete, lost)


def _read_outlet(path: Path, annotation: Path) -> tuple[Outlet | None, int]:
    record = json.loads(path.read_text(encoding="utf-8"))
    paragraphs = [[sentence.strip() for sentence in paragraph] for paragraph in record["body-paragraphs"]]
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph]
    body = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)
    raw = RawArticle(
        origin=str(path),
        kind="text",
        body=body,
        title=record.get("title"),
        source=record["source"],
        url=record.get("url"),
        published=record.get("date"),
    )
    try:
        article = build_article(raw)
    except IngestError:
        return None, 0
    spans, missing = [], 0
    if annotation.is_file():
        for item in json.loads(annotation.read_text(encoding="utf-8"))["phrase-level-annotations"]:
            number = _sentence_of(sentences, item["txt"], item["start"], item["end"])
            if number is None:
                missing += 1
                continue
            text = normalise_text(item["txt"]).strip()
            speaker = item.get("speaker", "") if item.get("quote") == "yes" else ""
            spans.append(BiasSpan(item["bias"], text, normalise_text(sentences[number]), number, speaker))
    return Outlet(record["source"], article, tuple(spans), len(sentences)), missing


def _sentence_of(sentences: Sequence[str], text: str, start: int, end: int) -> int | None:
    """BASIL's offsets count within one sentence whose number is not stored: find the sentence."""
    for number, sentence in enumerate(sentences):
        if sentence[start:end] == text:
            return number
    for number, sentence in enumerate(sentences):
        if text.strip() and text.strip() in sentence:
            return number
    return None


def sentence_offsets(article: Article) -> list[tuple[int, int]]:
    """Where each sentence of the article stands in its text."""
    offsets, position = [], 0
    for sentence in article.sentences:
        start = article.text.find(sentence, position)
        if start < 0:
            offsets.append((-1, -1))
            continue
        offsets.append((start, start + len(sentence)))
        position = start + len(sentence)
    return offsets


def locate_span(outlet: Outlet, span: BiasSpan, offsets: Sequence[tuple[int, int]]) -> int | None:
    """Index of our sentence that holds most of the span, or None when the span is not in the text."""
    text = outlet.article.text
    occurrences = [match.start() for match in re.finditer(re.escape(span.text), text)] if span.text else []
    if not occurrences:
        return None
    expected = _expected_position(outlet, span)
    start = min(occurrences, key=lambda position: abs(position - expected))
    end = start + len(span.text)
    overlaps = [max(0, min(end, b) - max(start, a)) for a, b in offsets]
    best = max(range(len(overlaps)), key=overlaps.__getitem__, default=None)
    return best if best is not None and overlaps[best] > 0 else None


def _expected_position(outlet: Outlet, span: BiasSpan) -> float:
    text = outlet.article.text
    sentence_start = text.find(span.sentence)
    if sentence_start < 0:  # e.g. its dateline was split off: place it by its rank in the article
        return len(text) * span.sentence_number / max(outlet.sentence_count, 1)
    inside = span.sentence.find(span.text)
    return sentence_start + max(inside, 0)


def content_words(sentence: str) -> set[str]:
    return {word for word in _WORD.findall(sentence.lower()) if word not in _STOP_WORDS}


def quoted_runs(sentence: str, length: int = MIN_QUOTED_RUN) -> set[tuple[str, ...]]:
    """Every run of `length` words inside quotation marks."""
    runs = set()
    for quoted in _QUOTED.findall(sentence):
        words = _WORD.findall(quoted.lower())
        runs.update(tuple(words[i : i + length]) for i in range(len(words) - length + 1))
    return runs


def word_runs(text: str, length: int = MIN_QUOTED_RUN) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


@dataclass(frozen=True)
class ProxyMatch:
    """Why the proxy thinks another outlet reports a sentence's fact."""

    by_overlap: bool
    by_quote: bool
    other_sentence: str

    @property
    def kind(self) -> str:
        if self.by_overlap and self.by_quote:
            return "both"
        return "overlap" if self.by_overlap else "quote"


@dataclass(frozen=True)
class WordIndex:
    """An article's sentences as content-word sets and word runs, computed once."""

    sentences: tuple[str, ...]
    words: tuple[set[str], ...]
    runs: tuple[set[tuple[str, ...]], ...]
    article_runs: set[tuple[str, ...]]  # also catches a quote that crosses a sentence boundary

    @classmethod
    def of(cls, article: Article) -> WordIndex:
        return cls(
            article.sentences,
            tuple(content_words(sentence) for sentence in article.sentences),
            tuple(word_runs(sentence) for sentence in article.sentences),
            word_runs(article.text),
        )


def reported_elsewhere(sentence: str, others: Iterable[WordIndex]) -> ProxyMatch | None:
    """The false-omission proxy: a sentence of another article restating this one."""
    words = content_words(sentence)
    runs = quoted_runs(sentence)
    for other in others:
        shared_quote = bool(runs & other.article_runs)
        for candidate, candidate_words, candidate_runs in zip(
            other.sentences, other.words, other.runs, strict=True
        ):
            overlap = len(words & candidate_words) / len(words) if words else 0.0
            by_overlap = len(words) >= MIN_CONTENT_WORDS and overlap >= MIN_CONTENT_OVERLAP
            by_quote = shared_quote and bool(runs & candidate_runs)
            if by_overlap or by_quote:
                return ProxyMatch(by_overlap, by_quote, candidate)
        if shared_quote:
            return ProxyMatch(False, True, "(the quote crosses a sentence boundary there)")
    return None


def statuses(comparison: Comparison) -> dict[tuple[int, int], str]:
    """Status of every (article id, sentence index) that belongs to a claim."""
    return {(ref.article, ref.index): claim.status for claim in comparison.claims for ref in claim.sentences}


@dataclass
class Tally:
    """Running counts over all triplets."""

    sentences: Counter[str]
    inf_spans: Counter[str]
    lex_spans: Counter[str]
    claims: Counter[str]
    proxy_hits: Counter[str]  # by status
    proxy_kinds: Counter[str]  # overlap / quote / both, unique sentences only
    spans_not_in_text: int = 0
    examples: list[tuple[str, str, str, str]] | None = None


def evaluate(triplets: Sequence[Triplet], examples: int) -> None:
    started = time.perf_counter()
    comparer = Comparer()
    load_seconds = time.perf_counter() - started
    tally = Tally(Counter(), Counter(), Counter(), Counter(), Counter(), Counter(), examples=[])
    compare_seconds: list[float] = []
    failures: list[str] = []
    for triplet in triplets:
        articles = [outlet.article for outlet in triplet.outlets]
        started = time.perf_counter()
        try:
            comparison = comparer.compare(articles)
        except Exception as error:  # a crash is counted and the triplet left out of every figure
            failures.append(f"{triplet.uuid}: {type(error).__name__}: {error}")
            continue
        compare_seconds.append(time.perf_counter() - started)
        tally.claims.update(claim.status for claim in comparison.claims)
        status = statuses(comparison)
        ids = [item.id for item in comparison.articles]
        indexes = [WordIndex.of(outlet.article) for outlet in triplet.outlets]
        for article_id, outlet, own in zip(ids, triplet.outlets, indexes, strict=True):
            others = [index for index in indexes if index is not own]
            for index, sentence in enumerate(outlet.article.sentences):
                label = status.get((article_id, index), UNCLAIMED)
                tally.sentences[label] += 1
                match = reported_elsewhere(sentence, others)
                if match:
                    tally.proxy_hits[label] += 1
                    if label == "unique":
                        tally.proxy_kinds[match.kind] += 1
                        if len(tally.examples) < examples:
                            example = (triplet.uuid, outlet.source, sentence, match.other_sentence)
                            tally.examples.append(example)
            offsets = sentence_offsets(outlet.article)
            for span in outlet.spans:
                index = locate_span(outlet, span, offsets)
                if index is None:
                    tally.spans_not_in_text += 1
                    continue
                counter = tally.inf_spans if span.kind == "inf" else tally.lex_spans
                counter[status.get((article_id, index), UNCLAIMED)] += 1
    print(f"triplets compared: {len(compare_seconds)}; compare failed on {len(failures)} (left out)")
    for failure in failures:
        print(f"  {failure}")
    _print_report(tally, load_seconds, compare_seconds)


def _share(counter: Counter[str], keys: Iterable[str]) -> str:
    return _fraction(sum(counter[key] for key in keys), sum(counter.values()))


def _counts(counter: Counter[str]) -> str:
    labels = [*STATUSES, UNCLAIMED] if counter[UNCLAIMED] else list(STATUSES)
    return ", ".join(f"{label} {counter[label]}" for label in labels)


def _print_report(tally: Tally, load_seconds: float, compare_seconds: Sequence[float]) -> None:
    print(f"sentences: {sum(tally.sentences.values())} ({_counts(tally.sentences)})")
    print(f"claims: {sum(tally.claims.values())} ({_counts(tally.claims)})")
    print("\n(a) annotated spans by the status of the sentence holding them")
    print(f"  informational-bias spans: {_counts(tally.inf_spans)}")
    inf_share = _share(tally.inf_spans, UNIQUE_OR_PARTIAL)
    print(f"    in unique or partial sentences: {inf_share}   (higher is better)")
    print(f"    in unique sentences only:       {_share(tally.inf_spans, ('unique',))}")
    print(f"  chance level, all sentences unique or partial: {_share(tally.sentences, UNIQUE_OR_PARTIAL)}")
    print(f"  chance level, all sentences unique:            {_share(tally.sentences, ('unique',))}")
    print(f"  lexical-bias spans (contrast): {_counts(tally.lex_spans)}")
    print(f"    in unique or partial sentences: {_share(tally.lex_spans, UNIQUE_OR_PARTIAL)}")
    print(f"  spans not found in the cleaned text: {tally.spans_not_in_text}")
    print("\n(b) false omissions (proxy): unique sentences restated in another article of the triplet")
    print(
        f"  proxy: >= {MIN_CONTENT_OVERLAP:.0%} of the sentence's content words "
        f"(>= {MIN_CONTENT_WORDS} of them) in one sentence of another article,"
        f" or a quoted run of >= {MIN_QUOTED_RUN} words in another article"
    )
    kinds = ", ".join(f"{kind} {tally.proxy_kinds[kind]}" for kind in ("overlap", "quote", "both"))
    print(f"  unique sentences flagged: {_fraction(tally.proxy_hits['unique'], tally.sentences['unique'])}")
    print(f"    by {kinds}   (lower is better)")
    for label in ("partial", "shared"):
        flagged = _fraction(tally.proxy_hits[label], tally.sentences[label])
        print(f"  proxy recall check, {label} sentences flagged: {flagged}")
    flagged_unique = _fraction(tally.proxy_hits["unique"], sum(tally.proxy_hits[label] for label in STATUSES))
    print(f"  of all sentences the proxy flags, marked unique: {flagged_unique}")
    for uuid, source, sentence, other in tally.examples or []:
        print(f"\n  example [{uuid[:8]} {source}] unique: {sentence}\n    elsewhere: {other}")
    print(f"\nmodel load: {load_seconds:.1f} s")
    if compare_seconds:
        print(
            f"compare per triplet: median {1000 * statistics.median(compare_seconds):.0f} ms, "
            f"max {1000 * max(compare_seconds):.0f} ms, total {sum(compare_seconds):.1f} s"
        )


def _fraction(part: int, total: int) -> str:
    return f"{part}/{total} = {100 * part / total:.1f} %" if total else "n/a"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with articles/, annotations/")
    parser.add_argument("--limit", type=int, default=None, help="compare only the first N triplets")
    parser.add_argument("--examples", type=int, default=0, help="print N unique sentences the proxy flags")
    args = parser.parse_args(argv)
    if not (args.data / "articles").is_dir():
        sys.exit(f"BASIL data not found: {args.data / 'articles'} (see ../shared/data/basil/PROVENANCE.md)")
    report = read_triplets(args.data, args.limit)
    if report.incomplete or report.spans_without_sentence:
        print(
            f"skipped: {report.incomplete} incomplete triplets, "
            f"{report.spans_without_sentence} spans in no BASIL sentence"
        )
    evaluate(report.triplets, args.examples)


if __name__ == "__main__":
    main()
