"""Speaker attribution on BASIL: is each annotated quotation given to the speaker BASIL names?

BASIL marks bias spans and, for a span inside a quotation, who spoke it: a person ("Rick_Perry"), a body
("NAACP", "Tea_Party"), a group ("Republican_Lawmakers", "Obama_campaign") or nobody named ("other_anti",
"other_pro", "other_neutral"). Only persons and bodies have a name to check; groups and unnamed speakers
are counted, not scored.

Each triplet's three articles go through `annotate`, as `compare` reads them, and an annotated span is
taken to be the newsprism quotation whose words hold the span's words (quote marks and case aside; when
several do, the one nearest the span's sentence; a span over two quotations, `"A," "B,"`, by its longer
part). Spans of one quotation count once. The speaker found
matches BASIL's leniently:
- a person: the found speaker holds BASIL's last name ("Netanyahu" for "Bibi_Netanyahu"), accents and
  case aside, or a word one letter from it when it has five letters or more (an outlet's "Cowen" for
  "William_Cowan");
- a body: the found speaker holds every word of BASIL's name ("Tea Party Express" for "Tea_Party").

Printed for all years and for the tuning and held-out years apart: the share of scored quotations given
to the annotated speaker end to end (a quotation newsprism does not extract counts as missed), and the
same share among the extracted ones.

    .venv/bin/python bench/basil_speakers.py
    .venv/bin/python bench/basil_speakers.py --years 2011 2012 --examples 20
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from basil import DEFAULT_DATA, Outlet, Triplet, locate_span, read_triplets, sentence_offsets

from newsprism.comparison.annotate import annotate
from newsprism.comparison.pipeline import as_compared
from newsprism.models import Quote
from newsprism.nlp.strings import edit_distance

# The years the attribution rules were tuned on; the others are held out.
TUNING_YEARS = ("2011", "2012")
# BASIL speakers that are bodies with a name of their own, not persons.
BODIES = frozenset({"NAACP", "Tea_Party", "Secure_America_Now"})
# Words that make a BASIL speaker a group of people, which no single speaker found can be checked against.
GROUP_WORDS = frozenset(
    "campaign lawmakers officials democrats republicans companies catholics plaintiffs protestors".split()
)
# A span not held word for word is taken by the quotation that holds this share of its words in order.
MIN_SHARED_WORDS = 0.8
# A last name this long may differ from the annotated one by a letter (a misspelling of the outlet's).
MIN_LETTERS_FOR_ONE_EDIT = 5
_WORD = re.compile(r"[a-z0-9]+")
_INNER_MARKS = re.compile(r"[\"“”]\W*[\"“”]|\"\s+and\s+\"")


@dataclass(frozen=True)
class Verdict:
    """One annotated quotation: BASIL's speaker, the quotation found and the speaker newsprism gives."""

    year: str
    source: str
    annotated: str
    kind: str  # "person", "body", "group" or "unnamed"
    span: str
    quote: Quote | None

    @property
    def found(self) -> str | None:
        return self.quote.speaker if self.quote else None

    @property
    def correct(self) -> bool:
        return self.found is not None and speaker_matches(self.annotated, self.kind, self.found)


def speaker_kind(annotated: str) -> str:
    if annotated.startswith("other_"):
        return "unnamed"
    if annotated in BODIES:
        return "body"
    words = annotated.split("_")
    if len(words) < 2 or any(word.casefold() in GROUP_WORDS for word in words):
        return "group"
    return "person"


def speaker_matches(annotated: str, kind: str, found: str) -> bool:
    """The lenient match: a person's last name, or every word of a body's name, in the speaker found."""
    found_words = set(words_of(found))
    wanted = words_of(annotated.replace("_", " "))
    if kind == "person":
        return bool(wanted) and any(_same_surname(wanted[-1], word) for word in found_words)
    return bool(wanted) and set(wanted) <= found_words


def _same_surname(annotated: str, found: str) -> bool:
    if annotated == found:
        return True
    return len(annotated) >= MIN_LETTERS_FOR_ONE_EDIT and edit_distance(annotated, found) <= 1


def span_words(text: str) -> list[str]:
    """The words of a span; of a span over two quotations (`"A," "B,"`), those of the longer."""
    return max((words_of(part) for part in _INNER_MARKS.split(text)), key=len)


def words_of(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return _WORD.findall("".join(char for char in plain if not unicodedata.combining(char)))


def quote_holding(words: Sequence[str], quotes: Sequence[Quote], near: int | None) -> Quote | None:
    """The quotation whose words hold the span's words (or most of them), nearest the span's sentence."""
    holding = []
    for quote in quotes:
        quoted = words_of(quote.text)
        matcher = SequenceMatcher(None, list(words), quoted, autojunk=False)
        shared = max((block.size for block in matcher.get_matching_blocks()), default=0)
        in_order = sum(block.size for block in matcher.get_matching_blocks())
        if shared == len(words) or in_order >= MIN_SHARED_WORDS * len(words):
            distance = abs(quote.sentence - near) if near is not None else 0
            holding.append((shared < len(words), distance, quote))
    if not holding:
        return None
    return min(holding, key=lambda item: (item[0], item[1]))[2]


def judge(triplet: Triplet) -> list[Verdict]:
    """A verdict per annotated quotation of the triplet's articles."""
    compared = as_compared([outlet.article for outlet in triplet.outlets])
    story = annotate(compared)
    verdicts: list[Verdict] = []
    for item, outlet in zip(story.articles, triplet.outlets, strict=True):
        quotes = [quote for sentence in item.sentences for quote in sentence.quotes]
        verdicts += _judge_outlet(triplet.year, outlet, quotes)
    return verdicts


def _judge_outlet(year: str, outlet: Outlet, quotes: Sequence[Quote]) -> list[Verdict]:
    offsets = sentence_offsets(outlet.article)
    seen: set[tuple[str, object]] = set()
    verdicts = []
    for span in outlet.spans:
        words = span_words(span.text)
        if not span.speaker or not words:
            continue
        quote = quote_holding(words, quotes, locate_span(outlet, span, offsets))
        key = (span.speaker, (quote.sentence, quote.text) if quote else span.text)
        if key in seen:
            continue  # another span of a quotation already judged
        seen.add(key)
        verdicts.append(
            Verdict(year, outlet.source, span.speaker, speaker_kind(span.speaker), span.text, quote)
        )
    return verdicts


def report(title: str, verdicts: Sequence[Verdict]) -> None:
    kinds = Counter(verdict.kind for verdict in verdicts)
    scored = [verdict for verdict in verdicts if verdict.kind in ("person", "body")]
    extracted = [verdict for verdict in scored if verdict.quote is not None]
    correct = [verdict for verdict in extracted if verdict.correct]
    wrong = [verdict for verdict in extracted if verdict.found is not None and not verdict.correct]
    print(f"\n{title}")
    print("  annotated quotations: " + ", ".join(f"{kind} {kinds[kind]}" for kind in _KINDS))
    print(f"  scored (person or body): {len(scored)}; extracted by newsprism: {len(extracted)}")
    print(f"  given to the annotated speaker, end to end: {_fraction(len(correct), len(scored))}")
    print(f"  given to the annotated speaker, of the extracted: {_fraction(len(correct), len(extracted))}")
    print(f"  wrong speaker {len(wrong)}, no speaker {len(extracted) - len(correct) - len(wrong)}")
    for kind in ("person", "body"):
        of_kind = [verdict for verdict in scored if verdict.kind == kind]
        print(f"    {kind}: {_fraction(sum(verdict.correct for verdict in of_kind), len(of_kind))}")
    unscored = [verdict for verdict in verdicts if verdict.kind in ("group", "unnamed") and verdict.quote]
    given = sum(verdict.found is not None for verdict in unscored)
    print(f"  groups and unnamed speakers (not scored): {given}/{len(unscored)} extracted given a speaker")


_KINDS = ("person", "body", "group", "unnamed")


def print_examples(verdicts: Iterable[Verdict], limit: int) -> None:
    misses = [v for v in verdicts if v.kind in ("person", "body") and not v.correct]
    for verdict in misses[:limit]:
        found = verdict.found or ("no speaker" if verdict.quote else "not extracted")
        quoted = verdict.quote.text if verdict.quote else verdict.span
        print(f"  [{verdict.year} {verdict.source}] {verdict.annotated} -> {found}: {quoted[:110]!r}")


def _fraction(part: int, total: int) -> str:
    return f"{part}/{total} = {100 * part / total:.1f} %" if total else "n/a"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with articles/, annotations/")
    parser.add_argument("--years", nargs="*", default=None, help="only these years (default: all)")
    parser.add_argument("--examples", type=int, default=0, help="print N misses of the years compared")
    args = parser.parse_args(argv)
    if not (args.data / "articles").is_dir():
        sys.exit(f"BASIL data not found: {args.data / 'articles'} (see ../shared/data/basil/PROVENANCE.md)")
    triplets = [t for t in read_triplets(args.data).triplets if args.years is None or t.year in args.years]
    started = time.perf_counter()
    verdicts = [verdict for triplet in triplets for verdict in judge(triplet)]
    years = sorted({triplet.year for triplet in triplets})
    report(f"BASIL {', '.join(years)}: {len(triplets)} triplets", verdicts)
    tuning = [verdict for verdict in verdicts if verdict.year in TUNING_YEARS]
    held_out = [verdict for verdict in verdicts if verdict.year not in TUNING_YEARS]
    if tuning and held_out:
        report(f"tuning years {', '.join(TUNING_YEARS)}", tuning)
        report("held-out years " + ", ".join(y for y in years if y not in TUNING_YEARS), held_out)
    if args.examples:
        print("\nmisses:")
        print_examples(verdicts, args.examples)
    print(f"\n{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
