"""Ingest throughput of newsprism: articles per second, peak memory and database size.

Three parts, each measured in a fresh subprocess so that its peak RSS is its own:

* ``text``  - N synthetic plain-text articles (``Title:``/``Source:``/``URL:``/``Published:``
  header, blank line, body), one ``.txt`` file each, in folders of 1,000; ingested into a
  fresh SQLite file, then ingested again to time the all-duplicates path.
* ``jsonl`` - the same N articles as one JSONL file; same figures.
* ``gva``   - the GVA violent-incident corpus (3,063 records of real, messy web text),
  read with the field map ``text=content,published=dct,url=uri,id=doc_id``.

The synthetic articles come from a seeded ``random.Random``, so every run reads the same
corpus; generating it is not timed. Seconds cover opening the database, ingesting and closing
it. "articles/s" counts articles stored (new or already there); rejected records are counted
separately.

Run from the repository root with the project's virtualenv (``make install`` first)::

    .venv/bin/python bench/ingest.py                 # all parts, 20,000 articles
    .venv/bin/python bench/ingest.py --n 500         # a quick check
    .venv/bin/python bench/ingest.py --only gva --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

PARTS = ("text", "jsonl", "gva")
PART_TITLES = {"text": "plain text", "jsonl": "JSONL", "gva": "GVA corpus"}
DEFAULT_N = 20_000
# ../shared/data/... from the repository root
DEFAULT_GVA = (
    Path(__file__).resolve().parents[2] / "shared/data/gva-violent-corpus" / "gva_violent_corpus_docs.jsonl"
)
GVA_FIELD_MAP = "text=content,published=dct,url=uri,id=doc_id"
TARGET_LINE = "target: >= 300 articles/s for plain text on 2 cores"
TARGET_RATE = 300.0
SEED = 20260316
SHARD_SIZE = 1_000
MIB = 1024 * 1024


# --------------------------------------------------------------------------- synthetic corpus

OUTLETS = (
    ("Meridian Wire", "meridianwire.example"),
    ("Harbor Ledger", "harborledger.example"),
    ("Northgate Tribune", "northgatetribune.example"),
    ("Calder Post", "calderpost.example"),
    ("Valemont Herald", "valemontherald.example"),
    ("Eastline Dispatch", "eastline.example"),
    ("Riverbend Courier", "riverbendcourier.example"),
    ("Summit Daily", "summitdaily.example"),
    ("Ironwood Gazette", "ironwoodgazette.example"),
    ("Bluecrest Times", "bluecresttimes.example"),
    ("The Lantern Report", "lanternreport.example"),
    ("Coastal Standard", "coastal.example"),
    ("Pinefield Observer", "pinefield.example"),
    ("Granite Bulletin", "granitebulletin.example"),
    ("Westmark Journal", "westmarkjournal.example"),
    ("Saltmarsh Chronicle", "saltmarsh.example"),
    ("Highvale News", "highvalenews.example"),
    ("Copperline Record", "copperline.example"),
    ("Brightwater Sentinel", "brightwater.example"),
    ("Old Quay Examiner", "oldquay.example"),
)
PLACES = (
    "Lorvenne",
    "Vaskor",
    "Port Asha",
    "Mirel",
    "Kestrel Bay",
    "Dunmoor",
    "Halvik",
    "Sarren",
    "Tolbridge",
    "Amberlee",
    "Corvane",
    "Ellisport",
    "Brannock",
    "Quessant",
    "Ravelin",
    "Norhaven",
    "Zeltan",
    "Ostra Vale",
    "Grimsell",
    "Lake Fennow",
)
FIRST_NAMES = (
    "Mirela",
    "Tomas",
    "Ilya",
    "Amara",
    "Jonas",
    "Priya",
    "Mateo",
    "Leila",
    "Owen",
    "Sofia",
    "Kwame",
    "Hana",
    "Diego",
    "Ingrid",
    "Rafael",
    "Noor",
    "Elias",
    "Yuki",
    "Marta",
    "Samuel",
)
LAST_NAMES = (
    "Sandor",
    "Reyl",
    "Varenko",
    "Okafor",
    "Lindqvist",
    "Raman",
    "Quintero",
    "Haddad",
    "Brennan",
    "Castell",
    "Mensah",
    "Takeda",
    "Ibarra",
    "Solberg",
    "Duarte",
    "Karimi",
    "Voss",
    "Nakamura",
    "Petrova",
    "Adeyemi",
)
ROLES = (
    "Mayor",
    "Police Chief",
    "Health Minister",
    "Fire Chief",
    "Gov.",
    "Sen.",
    "Judge",
    "Transport Minister",
    "Dr.",
    "Councillor",
)
ORGS = (
    "the National Civil Protection Agency",
    "the finance ministry",
    "the Harbour Authority",
    "Tolbridge University",
    "the regional transport board",
    "the U.S. Geological Survey",
    "the national statistics office",
    "the Red Cross",
    "the U.N. refugee agency",
    "the Dockworkers' Union",
    "the state electricity company",
    "the hydrological service",
    "the Ministry of Health",
    "the Chamber of Commerce",
    "the city council",
    "the Supreme Court",
)
MONTHS_AP = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "flood": {
        "event": ("the flooding", "the floods", "the rising river", "the storm surge"),
        "title": (
            "Floods force {n} from homes in {place}",
            "{place} river bursts its banks after {k} days of rain",
            "Army boats reach stranded residents in {place}",
            "Flood waters recede slowly in {place}",
        ),
    },
    "wildfire": {
        "event": ("the wildfire", "the blaze", "the fires in the hills", "the brush fire"),
        "title": (
            "Wildfire near {place} burns {n} hectares",
            "Evacuation orders widen as {place} fire spreads",
            "Crews contain {pct}% of the {place} blaze",
            "Smoke closes schools across {place}",
        ),
    },
    "strike": {
        "event": ("the strike", "the walkout", "the dock strike", "the stoppage"),
        "title": (
            "Dock workers in {place} strike over pay",
            "Talks to end {place} port strike collapse",
            "{place} strike enters day {k}",
            "Union and employers reach deal in {place}",
        ),
    },
    "election": {
        "event": ("the election", "the vote", "the run-off", "the recount"),
        "title": (
            "{place} votes in tight mayoral race",
            "Turnout hits {pct}% in {place} election",
            "Recount ordered in {place} after narrow result",
            "{name} claims victory in {place}",
        ),
    },
    "economy": {
        "event": ("the price rises", "the slowdown", "the trade dispute", "the budget shortfall"),
        "title": (
            "Inflation in {place} rises to {pct}%",
            "{place} factory to cut {n} jobs",
            "Budget gap of ${k} million leaves {place} council with hard choices",
            "Exports through {place} fall for a {ordinal} month",
        ),
    },
    "court": {
        "event": ("the ruling", "the trial", "the appeal", "the inquiry"),
        "title": (
            "Court in {place} rules on water contract",
            "{name} goes on trial in {place}",
            "Appeal judges in {place} overturn {k}-year sentence",
            "Inquiry into {place} collapse opens",
        ),
    },
    "health": {
        "event": ("the outbreak", "the heat wave", "the vaccination drive", "the hospital backlog"),
        "title": (
            "Outbreak in {place} reaches {n} cases",
            "{place} hospitals under strain as heat wave lingers",
            "Vaccination drive in {place} passes {n} doses",
            "Clinics in {place} extend opening hours",
        ),
    },
    "transport": {
        "event": ("the rail closure", "the bridge repairs", "the derailment", "the airport delays"),
        "title": (
            "Train derails near {place}, {k} hurt",
            "{place} bridge closed for {k} weeks of repairs",
            "Flights from {place} delayed by fog",
            "New tram line opens in {place}",
        ),
    },
}

QUOTES = (
    "We will not rest until every family has a safe place to sleep tonight",
    "The situation is serious but it is under control",
    "Nobody expected it to happen this fast",
    "We have asked for help from the national government and we expect it to arrive soon",
    "This is the worst I have seen in 30 years of doing this job",
    "People are tired, they are angry, and they want answers",
    "We are doing everything we can, but we need patience",
    "The numbers are moving in the right direction, though it is too early to celebrate",
    "I lost everything in one night",
    "Our crews worked through the night and they will keep working",
    "There will be a full investigation, and those responsible will be held to account",
    "It is a good deal for workers and a good deal for the port",
    "We warned about this for years. Nobody listened",
    "The court has made its decision and we respect it",
    "Prices at the market have almost doubled since the spring",
)
CLAUSES = (
    "more than {n} people had been affected",
    "the damage would take months to repair",
    "talks would resume on {weekday}",
    "the figures were likely to rise",
    "emergency funds of ${money} million would be released",
    "about {pct} percent of households were still without power",
    "a second team had been sent from {place2}",
    "schools in the area would stay closed until {date}",
    "the main road to {place2} had reopened",
    "no decision had yet been taken",
    "the cost could reach ${money} million",
    "{k} people had been taken to hospital",
)

SENTENCES = (
    "{role} {name} said on {weekday} that {clause}.",
    '"{quote}," {name}, a spokesperson for {org}, told reporters in {place}.',
    '"{quote}," said {role} {last}.',
    "{org_cap} said {n} people had been affected by {event} as of {time} on {date}.",
    "Officials in the U.S. and the E.U. were following {event} closely, according to a statement"
    " released at {time}.",
    "Prices rose {pct} percent in {month}, the fastest pace since {year}, data from {org} showed.",
    "About {n} residents were moved to {k} shelters, {name} said.",
    "The figure was up from {n2} on {date}, when {clause}.",
    "Dr. {last} of Tolbridge University said the damage could cost as much as ${money} million.",
    "{name}, who is No. {k} on the party list, declined to comment on {event}.",
    "It was not immediately clear whether {clause}.",
    "By {time}, crews had cleared {k} of the {k2} roads into {place}, {org} said.",
    'A spokesperson for {org} said: "{quote}."',
    "Some {n} homes lost power, and {pct} percent of them were still without it on {weekday} evening.",
    'In a statement, {org} said it had "acted as quickly as possible" and would publish a full'
    " report by {date}.",
    "Mr. {last} and Ms. {last2} met at the town hall on {weekday} to discuss {event}.",
    "The last time {place} saw anything similar was in {year}, when {clause}.",
    "Residents of {place} described long queues, closed shops and empty shelves.",
    "{event_cap} is the {ordinal} this year, according to records kept by {org}.",
    "The U.S. embassy in {place2} advised its citizens to avoid the area until {date}.",
    "Police said a {age}-year-old man had been arrested and would appear in court on {weekday}.",
    "Traffic on the ring road was backed up for {k} km at {time}, the transport board said.",
    '{name} said the government would "look again" at the plans after {event}.',
    'Asked whether {clause}, {role} {last} said: "{quote}."',
    "The vote in the council was {k} to {k2}, with {k3} abstentions.",
    "Funding of ${money} million, or about {pct} percent of the annual budget, was approved on {date}.",
)
READ_MORE = (
    "Read more: {title}",
    "Read more: How {place} prepared for {event}",
    "Read more: {place} in pictures",
)
TRAILERS = (
    "Share this article",
    "Advertisement",
    "Sign up for our morning newsletter",
    "Follow us on Twitter",
)
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh")
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class SyntheticArticle:
    id: str
    title: str
    source: str
    url: str
    published: str
    body: str

    def as_text_file(self) -> str:
        header = f"Title: {self.title}\nSource: {self.source}\nURL: {self.url}\nPublished: {self.published}\n"
        return f"{header}\n{self.body}\n"

    def as_json_record(self) -> str:
        record = {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "text": self.body,
        }
        return json.dumps(record, ensure_ascii=False)


def _ap_date(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS_AP)} {rng.randint(1, 28)}"


def _clock(rng: random.Random) -> str:
    hour, minute = rng.randint(1, 12), rng.choice((0, 0, 15, 30, 45))
    clock = f"{hour}" if minute == 0 else f"{hour}:{minute:02d}"
    return f"{clock} {rng.choice(('a.m.', 'p.m.'))}"


def _slots(rng: random.Random, place: str, event: str) -> dict[str, str]:
    """Fresh values for every placeholder a sentence template may use."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    org = rng.choice(ORGS)
    slots = {
        "name": f"{first} {last}",
        "last": last,
        "last2": rng.choice(LAST_NAMES),
        "role": rng.choice(ROLES),
        "org": org,
        "org_cap": org[0].upper() + org[1:],
        "place": place,
        "place2": rng.choice(PLACES),
        "event": event,
        "event_cap": event[0].upper() + event[1:],
        "quote": rng.choice(QUOTES),
        "weekday": rng.choice(WEEKDAYS),
        "date": _ap_date(rng),
        "month": rng.choice(MONTHS_AP).rstrip("."),
        "time": _clock(rng),
        "year": str(rng.randint(1961, 2023)),
        "age": str(rng.randint(17, 71)),
        "n": f"{rng.randint(120, 48_000):,}",
        "n2": f"{rng.randint(40, 9_000):,}",
        "k": str(rng.randint(2, 40)),
        "k2": str(rng.randint(41, 90)),
        "k3": str(rng.randint(0, 9)),
        "pct": f"{rng.uniform(0.5, 60):.1f}",
        "money": f"{rng.uniform(1, 900):.1f}",
        "ordinal": rng.choice(ORDINALS),
    }
    slots["clause"] = rng.choice(CLAUSES).format(**slots)
    return slots


def _sentence(rng: random.Random, place: str, event: str) -> str:
    return rng.choice(SENTENCES).format(**_slots(rng, place, event)).replace("..", ".")


def _body(rng: random.Random, title: str, source: str, place: str, event: str) -> str:
    """Paragraphs of 1-3 sentences up to 250-600 words; maybe a dateline, maybe boilerplate."""
    target_words = rng.randint(250, 600)
    paragraphs: list[str] = []
    words = 0
    while words < target_words:
        paragraph = " ".join(_sentence(rng, place, event) for _ in range(rng.randint(1, 3)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    roll = rng.random()
    if roll < 0.35:
        paragraphs[0] = f"{place.upper()} — {paragraphs[0]}"
    elif roll < 0.5:
        paragraphs[0] = f"{place.upper()}, {_ap_date(rng)} ({source}) - {paragraphs[0]}"
    if rng.random() < 0.3:
        line = rng.choice(READ_MORE).format(title=title, place=place, event=event)
        paragraphs.insert(rng.randint(1, len(paragraphs)), line)
    if rng.random() < 0.2:
        paragraphs.append(rng.choice(TRAILERS))
    return "\n\n".join(paragraphs)


def _published(rng: random.Random) -> tuple[datetime, str]:
    """Mostly ISO 8601, sometimes a bare date or an RFC 2822 date, as feeds and exports have."""
    moment = EPOCH + timedelta(minutes=rng.randint(0, 800 * 24 * 60))
    roll = rng.random()
    if roll < 0.7:
        return moment, moment.isoformat()
    if roll < 0.85:
        return moment, moment.date().isoformat()
    return moment, moment.strftime("%a, %d %b %Y %H:%M:%S +0000")


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def synthetic_articles(count: int, seed: int = SEED) -> Iterator[SyntheticArticle]:
    """`count` distinct, deterministic, news-like articles."""
    rng = random.Random(seed)
    seen: set[bytes] = set()  # digests, not texts: see peak_rss_mib
    index = 0
    while index < count:
        source, domain = rng.choice(OUTLETS)
        place = rng.choice(PLACES)
        topic = TOPICS[rng.choice(sorted(TOPICS))]
        event = rng.choice(topic["event"])
        title = rng.choice(topic["title"]).format(**_slots(rng, place, event))
        body = _body(rng, title, source, place, event)
        digest = hashlib.sha256(f"{source}\0{title}\0{body}".encode()).digest()
        if digest in seen:
            continue
        seen.add(digest)
        moment, published = _published(rng)
        url = f"https://{domain}/{moment:%Y/%m/%d}/{_slug(title)}-{index}"
        yield SyntheticArticle(f"syn-{index:06d}", title, source, url, published, body)
        index += 1


def text_dir(workdir: Path) -> Path:
    return workdir / "text"


def jsonl_file(workdir: Path) -> Path:
    return workdir / "articles.jsonl"


def write_corpus(count: int, workdir: Path) -> None:
    """The same articles as `.txt` files in folders of SHARD_SIZE and as one JSONL file."""
    root = text_dir(workdir)
    if root.exists():
        for old in sorted(root.rglob("*.txt")):
            old.unlink()
    with open(jsonl_file(workdir), "w", encoding="utf-8") as jsonl:
        for index, article in enumerate(synthetic_articles(count)):
            _write_text_file(root, index, article)
            jsonl.write(article.as_json_record() + "\n")


def _write_text_file(root: Path, index: int, article: SyntheticArticle) -> None:
    shard = root / f"shard-{index // SHARD_SIZE:03d}"
    shard.mkdir(parents=True, exist_ok=True)
    (shard / f"article-{index:06d}.txt").write_text(article.as_text_file(), encoding="utf-8")


# --------------------------------------------------------------------------- measuring one part


@dataclass(frozen=True)
class PartResult:
    part: str
    articles: int
    seconds: float
    rate: float
    peak_rss_mib: float
    db_mib: float | None = None
    duplicate_rate: float | None = None
    rejected: int = 0


@dataclass(frozen=True)
class Timed:
    report: Any  # newsprism.IngestReport
    seconds: float

    @property
    def stored(self) -> int:
        return len(self.report.ingested) + len(self.report.duplicates)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else float("inf")


def timed_ingest(db_path: Path, paths: Sequence[Path], field_map: Sequence[str] = ()) -> Timed:
    """Open the corpus, ingest, close it; the wall-clock time of all three."""
    from newsprism import Corpus, ReadOptions
    from newsprism.ingest.records import parse_field_map

    options = ReadOptions(field_map=parse_field_map(list(field_map)))
    start = time.perf_counter()
    with Corpus(db_path) as corpus:
        report = corpus.ingest([str(path) for path in paths], options)
    return Timed(report, time.perf_counter() - start)


def fresh_db(workdir: Path, part: str) -> Path:
    db_path = workdir / f"{part}.db"
    for path in _db_files(db_path):
        path.unlink(missing_ok=True)
    return db_path


def _db_files(db_path: Path) -> list[Path]:
    return [db_path, *(db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm"))]


def db_size_mib(db_path: Path) -> float:
    return sum(path.stat().st_size for path in _db_files(db_path) if path.exists()) / MIB


def peak_rss_mib() -> float:
    """This process's peak resident set size; ru_maxrss is KiB on Linux (bytes on macOS).

    Linux carries the parent's peak over fork and exec into the child's ru_maxrss, so the parent
    process keeps little in memory (it streams the corpus to disk) to stay below any part's peak.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MIB if sys.platform == "darwin" else peak / 1024


def print_figure(label: str, value: object) -> None:
    print(f"  {label:<16} {value}")


def print_run(run: Timed) -> None:
    duplicates = len(run.report.duplicates)
    of_them = f" ({duplicates:,} of them duplicates)" if duplicates else ""
    print_figure("articles", f"{run.stored:,}{of_them}")
    if run.report.rejected:
        print_figure("rejected", f"{len(run.report.rejected):,}")
    print_figure("seconds", f"{run.seconds:.2f}")
    print_figure("articles/s", f"{run.rate:,.1f}")


def measure_synthetic(part: str, inputs: Path, workdir: Path, expected: int) -> PartResult:
    """Ingest into a fresh database, then again into the same one: every article a duplicate."""
    db_path = fresh_db(workdir, part)
    first = timed_ingest(db_path, [inputs])
    print_run(first)
    new = len(first.report.ingested)
    if new != expected:
        print_figure("note", f"expected {expected:,} new articles, got {new:,}")
    db_mib = db_size_mib(db_path)
    print_figure("database MiB", f"{db_mib:.1f}")
    again = timed_ingest(db_path, [inputs])
    duplicates, stored = len(again.report.duplicates), first.stored
    assert not again.report.ingested and duplicates == stored, (
        f"re-ingest stored {len(again.report.ingested)} new articles, "
        f"found {duplicates} of {stored} duplicates"
    )
    print_figure(
        "re-ingest",
        f"all {duplicates:,} duplicates, {again.seconds:.2f} s, {again.rate:,.1f} articles/s",
    )
    rejected = len(first.report.rejected)
    return PartResult(part, first.stored, first.seconds, first.rate, 0.0, db_mib, again.rate, rejected)


def rejection_reasons(report: Any, top: int = 5) -> list[tuple[str, int]]:
    """The commonest reasons, with numbers (line, column, size) folded together."""
    reasons = Counter(re.sub(r"\d[\d,.]*", "N", item.reason) for item in report.rejected)
    return reasons.most_common(top)


def measure_gva(gva: Path, workdir: Path) -> PartResult:
    db_path = fresh_db(workdir, "gva")
    run = timed_ingest(db_path, [gva], [GVA_FIELD_MAP])
    print_run(run)
    for reason, count in rejection_reasons(run.report):
        print(f"    {count:>6,}  {reason}")
    db_mib = db_size_mib(db_path)
    print_figure("database MiB", f"{db_mib:.1f}")
    rejected = len(run.report.rejected)
    return PartResult("gva", run.stored, run.seconds, run.rate, 0.0, db_mib, None, rejected)


def run_part(args: argparse.Namespace) -> int:
    """The subprocess: measure one part, print its figures, leave them as JSON in the workdir."""
    part, workdir = args.only, args.workdir
    if part is None or workdir is None:
        raise SystemExit("--measure needs --only and --workdir")
    if part == "text":
        result = measure_synthetic(part, text_dir(workdir), workdir, args.n)
    elif part == "jsonl":
        result = measure_synthetic(part, jsonl_file(workdir), workdir, args.n)
    else:
        result = measure_gva(args.gva, workdir)
    result = replace(result, peak_rss_mib=peak_rss_mib())
    print_figure("peak RSS MiB", f"{result.peak_rss_mib:.1f}")
    result_file(workdir, part).write_text(json.dumps(asdict(result)), encoding="utf-8")
    return 0


def result_file(workdir: Path, part: str) -> Path:
    return workdir / f"result-{part}.json"


# --------------------------------------------------------------------------- the parent process


def measure_in_subprocess(part: str, args: argparse.Namespace, workdir: Path) -> PartResult:
    output = result_file(workdir, part)
    output.unlink(missing_ok=True)
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--measure",
        "--only",
        part,
        "--n",
        str(args.n),
        "--gva",
        str(args.gva),
        "--workdir",
        str(workdir),
    ]
    sys.stdout.flush()
    completed = subprocess.run(command, check=False)
    if completed.returncode != 0 or not output.exists():
        failed = f"the measuring subprocess failed (exit {completed.returncode})"
        raise SystemExit(f"{PART_TITLES[part]}: {failed}")
    return PartResult(**json.loads(output.read_text(encoding="utf-8")))


def median_result(runs: Sequence[PartResult]) -> PartResult:
    """Each figure's median over the runs (the figures of a single run as they are)."""
    if len(runs) == 1:
        return runs[0]

    def median(name: str) -> Any:
        values = [getattr(run, name) for run in runs]
        return None if None in values else statistics.median(values)

    figures = [name for name in PartResult.__dataclass_fields__ if name != "part"]
    return PartResult(runs[0].part, **{name: median(name) for name in figures})


def print_table(results: Sequence[PartResult], repeat: int) -> None:
    print()
    print(f"summary{f' (median of {repeat} runs)' if repeat > 1 else ''}")
    print(f"{'part':<12} {'articles':>9} {'seconds':>9} {'articles/s':>11} {'peak RSS MiB':>13}")
    for result in results:
        print(
            f"{PART_TITLES[result.part]:<12} {result.articles:>9,.0f} {result.seconds:>9.2f} "
            f"{result.rate:>11,.1f} {result.peak_rss_mib:>13.1f}"
        )


def print_target(results: Sequence[PartResult]) -> None:
    print()
    print(TARGET_LINE)
    text = next((result for result in results if result.part == "text"), None)
    if text is not None:
        verdict = "met" if text.rate >= TARGET_RATE else "NOT met"
        print(f"plain text: {text.rate:,.1f} articles/s on {os.cpu_count()} cores ({verdict})")


@contextmanager
def workspace(workdir: Path | None) -> Iterator[Path]:
    if workdir is not None:
        workdir.mkdir(parents=True, exist_ok=True)
        yield workdir.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as temporary:
        yield Path(temporary)


def chosen_parts(args: argparse.Namespace) -> list[str]:
    parts = [args.only] if args.only else list(PARTS)
    if "gva" in parts and not args.gva.is_file():
        print(f"note: skipping the GVA part, {args.gva} is missing")
        parts.remove("gva")
    return parts


def run_all(args: argparse.Namespace) -> int:
    parts = chosen_parts(args)
    with workspace(args.workdir) as workdir:
        if {"text", "jsonl"} & set(parts):
            write_corpus(args.n, workdir)
        results = []
        for part in parts:
            runs = []
            for number in range(1, args.repeat + 1):
                suffix = f" (run {number} of {args.repeat})" if args.repeat > 1 else ""
                inputs = f"{args.n:,} articles" if part != "gva" else args.gva.name
                print(f"{PART_TITLES[part]}: {inputs}{suffix}")
                runs.append(measure_in_subprocess(part, args, workdir))
            results.append(median_result(runs))
        if results:
            print_table(results, args.repeat)
        print_target(results)
    return 0


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    add = parser.add_argument
    add("--n", type=positive_int, default=DEFAULT_N, help="articles to make (default %(default)s)")
    add("--gva", type=Path, default=DEFAULT_GVA, help="the GVA corpus JSONL (default %(default)s)")
    add("--workdir", type=Path, help="where to write files (default: a temporary directory)")
    add("--only", choices=PARTS, help="run one part only")
    add("--repeat", type=positive_int, default=1, help="runs per part; >1 prints the median")
    add("--measure", action="store_true", help=argparse.SUPPRESS)  # set in the subprocesses
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    return run_part(args) if args.measure else run_all(args)


if __name__ == "__main__":
    sys.exit(main())
