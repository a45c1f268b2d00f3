"""`newsprism serve` response times on the GVA corpus (3,063 real articles): index, story pages, API, search.

Target (the issue): on a database of 3,000 real articles the index answers in under 300 ms and a story page
in under 1 s once its comparison is cached.

The database is built once with the real CLI (`newsprism ingest --db DB GVA.jsonl`) and reused by later
runs (`--rebuild` ingests again). The real `newsprism serve` then runs as a subprocess; the comparisons
of the N largest stories are computed once through `/api/stories/{id}` (timed: that is the first visit's
cost), and then rounds of requests alternate GET /, GET /stories/{id} (cycling through those stories),
GET /api/stories and GET /search?q=shooting. Medians and p90 of the rounds are printed with the targets.
Each request is a fresh urllib connection, as a browser's first visit would be.

    .venv/bin/python bench/serve.py                          # 20 stories, 20 rounds
    .venv/bin/python bench/serve.py --stories 5 --rounds 10  # a quick check
    .venv/bin/python bench/serve.py --db /tmp/gva.db --rebuild
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWSPRISM = REPO / ".venv" / "bin" / "newsprism"
DEFAULT_GVA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "gva-violent-corpus"
    / "gva_violent_corpus_docs.jsonl"
)
DEFAULT_DB = REPO / "build" / "bench" / "serve-gva.db"
SEARCH = "shooting"
STARTUP_TIMEOUT_S = 300.0
REQUEST_TIMEOUT_S = 600.0
# The largest stories are read from this many (the API's maximum page).
STORY_LISTING_LIMIT = 1_000


@dataclass(frozen=True)
class Endpoint:
    label: str
    target_ms: float | None
    path: Callable[[int], str]  # the path of round i


@dataclass(frozen=True)
class Timing:
    milliseconds: list[float]
    sizes: list[int]


def build_db(db: Path, gva: Path, rebuild: bool) -> None:
    """Ingest the corpus with the CLI into a scratch file, renamed to `db` only once ingest has finished."""
    if db.exists() and not rebuild:
        print(f"reusing {db} (--rebuild ingests again)")
        return
    scratch = db.with_name(db.name + ".partial")
    for path in (*db_files(db), *db_files(scratch)):
        path.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    print(f"ingesting {gva} into {db} ...", flush=True)
    start = time.perf_counter()
    run = subprocess.run(
        [str(NEWSPRISM), "ingest", "--db", str(scratch), "--format", "json", str(gva)],
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1):  # 1: some records were rejected (GVA has empty ones), the rest stored
        sys.exit(f"newsprism ingest failed ({run.returncode}):\n{run.stderr}")
    report = json.loads(run.stdout)
    print(
        f"  stored {len(report['ingested']):,} articles ({len(report['rejected'])} records rejected) "
        f"in {time.perf_counter() - start:.1f} s"
    )
    for source, target in zip(db_files(scratch), db_files(db), strict=True):
        if source.exists():
            source.rename(target)


def db_files(db: Path) -> tuple[Path, ...]:
    return (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"))


def database_counts(db: Path) -> str:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        [articles] = connection.execute("SELECT count(*) FROM articles").fetchone()
        [stories] = connection.execute("SELECT count(*) FROM stories").fetchone()
    return f"{articles:,} articles in {stories:,} stories"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[float, bytes]:
    """Milliseconds to receive the whole response, and its body; an error status raises."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT_S) as response:
        body = response.read()
    return (time.perf_counter() - start) * 1000, body


def wait_until_serving(base: str, server: subprocess.Popen[bytes], log: Path) -> float:
    """Seconds until the app answers (serve first clusters any pending articles)."""
    start = time.perf_counter()
    while time.perf_counter() - start < STARTUP_TIMEOUT_S:
        if server.poll() is not None:
            sys.exit(f"newsprism serve exited with {server.returncode}:\n{log.read_text()}")
        try:
            get(base + "/api/stories?limit=1")
            return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    sys.exit(f"newsprism serve did not answer within {STARTUP_TIMEOUT_S:.0f} s:\n{log.read_text()}")


def largest_stories(base: str, count: int) -> list[dict]:
    _, body = get(f"{base}/api/stories?min_sources=1&limit={STORY_LISTING_LIMIT}")
    stories = json.loads(body)
    return sorted(stories, key=lambda story: (-len(story["articles"]), story["id"]))[:count]


def warm(base: str, stories: Sequence[dict]) -> list[float]:
    """Compute (and cache) each story's comparison; the milliseconds each first visit took."""
    return [get(f"{base}/api/stories/{story['id']}")[0] for story in stories]


def timed_endpoints(ids: Sequence[int]) -> list[Endpoint]:
    """The index, story pages (cycling through `ids`, their comparisons cached), the API and search."""

    def story(index: int) -> int:
        return ids[index % len(ids)]

    return [
        Endpoint("GET /", 300, lambda _: "/"),
        Endpoint(f"GET /stories/ID ({len(ids)}, cached)", 1000, lambda i: f"/stories/{story(i)}"),
        Endpoint("GET /api/stories", None, lambda _: "/api/stories"),
        Endpoint("GET /api/stories/ID (cached)", None, lambda i: f"/api/stories/{story(i)}"),
        Endpoint(f"GET /search?q={SEARCH}", None, lambda _: f"/search?q={SEARCH}"),
    ]


def measure(base: str, endpoints: Sequence[Endpoint], rounds: int) -> dict[str, Timing]:
    """Rounds of one request per endpoint, interleaved so that a busy spell of the machine hits them all."""
    timings = {endpoint.label: Timing([], []) for endpoint in endpoints}
    for index in range(rounds):
        for endpoint in endpoints:
            milliseconds, body = get(base + endpoint.path(index))
            timings[endpoint.label].milliseconds.append(milliseconds)
            timings[endpoint.label].sizes.append(len(body))
    return timings


def p90(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]


def print_table(endpoints: Sequence[Endpoint], timings: dict[str, Timing]) -> None:
    print(f"\n{'request':<38} {'n':>3} {'median ms':>10} {'p90 ms':>8} {'max ms':>8} {'KiB':>6}  target")
    for endpoint in endpoints:
        timing = timings[endpoint.label]
        median = statistics.median(timing.milliseconds)
        if endpoint.target_ms is None:
            verdict = "-"
        else:
            met = "met" if median < endpoint.target_ms else "MISSED"
            verdict = f"< {endpoint.target_ms:.0f} ms (median): {met}"
        spread = f"{p90(timing.milliseconds):>8.1f} {max(timing.milliseconds):>8.1f}"
        size = f"{statistics.median(timing.sizes) / 1024:>6.0f}"
        count = len(timing.milliseconds)
        print(f"{endpoint.label:<38} {count:>3} {median:>10.1f} {spread} {size}  {verdict}")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly on Ctrl+C
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add("--gva", type=Path, default=DEFAULT_GVA, help="the GVA corpus JSONL (default %(default)s)")
    add("--db", type=Path, default=DEFAULT_DB, help="database, reused if present (default %(default)s)")
    add("--rebuild", action="store_true", help="ingest again even if --db exists")
    add("--stories", type=int, default=20, help="how many of the largest stories to visit")
    add("--rounds", type=int, default=20, help="timed requests per endpoint")
    add("--port", type=int, default=0, help="port for newsprism serve (default: a free one)")
    args = parser.parse_args()
    if not NEWSPRISM.is_file():
        sys.exit(f"{NEWSPRISM} is missing: run `make install` first")
    if not args.gva.is_file() and (args.rebuild or not args.db.exists()):
        sys.exit(f"{args.gva} is missing: this benchmark needs the GVA corpus under ../shared/data/")

    build_db(args.db, args.gva, args.rebuild)
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="newsprism-serve-bench-") as folder:
        log = Path(folder) / "serve.log"
        with log.open("wb") as log_file:
            server = subprocess.Popen(
                [str(NEWSPRISM), "serve", "--db", str(args.db), "--port", str(port)],
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        try:
            print(f"newsprism serve answered after {wait_until_serving(base, server, log):.1f} s")
            stories = largest_stories(base, args.stories)
            if not stories:
                sys.exit("the database holds no stories")
            print(f"{database_counts(args.db)}; the {len(stories)} largest stories hold", end=" ")
            print(f"{', '.join(str(len(story['articles'])) for story in stories)} articles")
            seconds = [milliseconds / 1000 for milliseconds in warm(base, stories)]
            print(
                "warming: GET /api/stories/ID once each (computes the comparison unless the database "
                f"already holds it): median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s, "
                f"total {sum(seconds):.1f} s"
            )
            endpoints = timed_endpoints([story["id"] for story in stories])
            print_table(endpoints, measure(base, endpoints, args.rounds))
        finally:
            stop(server)


if __name__ == "__main__":
    main()
