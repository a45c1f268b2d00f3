"""`make fuzz`: a long seeded run of hostile input through every reader, `compare` and the web app.

    .venv/bin/python -m fuzz.run                      # the full run (>= 10,000 inputs)
    .venv/bin/python -m fuzz.run --scale 0.05         # a quick one

Counts what the issue's acceptance names: tracebacks (any exception escaping `Corpus.ingest`, the
store's listings or `compare`), responses with status 500 or more, inputs that took over 30 s, peak
memory, good files of a mixed batch that were not stored, responses without the security headers or
holding a server path. Exits 1 when any of those is not zero (or memory is over 1 GiB).
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import random
import re
import resource
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from fuzz import hostile

SLOW_SECONDS = 30.0
MAX_MEMORY_BYTES = 1 << 30
MEMORY_STEP_BYTES = 100 << 20
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options")
_HIDDEN_FIELD = re.compile(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"')


@dataclass
class Tally:
    """What went wrong, by kind, with the first few examples of each."""

    inputs: Counter[str] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    slowest: float = 0.0

    def problem(self, kind: str, example: str, trace: str = "") -> None:
        self.problems[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < 5:
            # The label, then the end of the traceback, where the error is.
            shown.append(example[:400] + ("\n" + "\n".join(trace.splitlines()[-8:]) if trace else ""))

    def merge(self, other: Tally) -> None:
        self.inputs.update(other.inputs)
        self.problems.update(other.problems)
        for kind, shown in other.examples.items():
            self.examples[kind] = (self.examples.get(kind, []) + shown)[:5]
        self.slowest = max(self.slowest, other.slowest)

    @contextmanager
    def timed(self, label: str) -> Iterator[None]:
        started, peak_before = time.perf_counter(), _peak_memory()
        yield
        took = time.perf_counter() - started
        self.slowest = max(self.slowest, took)
        if took > SLOW_SECONDS:
            self.problem("over 30 s", f"{label}: {took:.1f} s")
        grown = _peak_memory() - peak_before
        if grown > MEMORY_STEP_BYTES:  # not a failure by itself: says which inputs make the peak
            shown = self.examples.setdefault("memory steps", [])
            if len(shown) < 5:
                shown.append(f"+{grown / 2**20:.0f} MiB: {label[:300]}")


def _peak_memory() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def fuzz_readers(rng: random.Random, batches: int, db: Path, tally: Tally) -> None:
    """Mixed batches through `Corpus.ingest`; every good file stored; the store keeps working."""
    from newsprism.corpus import Corpus
    from newsprism.ingest.reader import READER_BUG
    from newsprism.store.stories import StoryQuery

    for number in range(batches):
        batch = hostile.mixed_batch(rng, size=rng.randint(4, 12))
        tally.inputs["files"] += len(batch.files)
        with tempfile.TemporaryDirectory(prefix="newsprism-fuzz-") as folder:
            paths = []
            for item in batch.files:
                path = Path(folder) / item.name
                if path.exists():
                    path = Path(folder) / f"{len(paths)}-{item.name}"
                path.write_bytes(item.data)
                paths.append(path)
            label = f"batch {number}: " + ", ".join(f"{item.name} ({item.kind})" for item in batch.files)
            try:
                with tally.timed(label), Corpus(db) as corpus:
                    report = corpus.ingest(paths)
                    list(corpus.stories(StoryQuery(min_sources=1, limit=50)))
                for rejected in report.rejected:
                    if READER_BUG in rejected.reason:
                        tally.problem("reader bug", f"{rejected.origin}: {rejected.reason}")
            except Exception:  # noqa: BLE001 - the point is to count whatever escapes
                tally.problem("traceback (ingest)", label, traceback.format_exc())
                continue
            with sqlite3.connect(db) as check:
                for name in batch.good:
                    stored = check.execute(
                        "SELECT COUNT(*) FROM articles WHERE path LIKE ?", (f"%{folder}/%{name}",)
                    ).fetchone()[0]
                    # A good file whose text is already stored is a duplicate, not a loss.
                    if not stored and not _already_stored(check, Path(folder) / name):
                        tally.problem("good file not stored", f"{label}: {name}")


def _already_stored(check: sqlite3.Connection, path: Path) -> bool:
    title = next(
        (line[len("Title: ") :] for line in path.read_text().splitlines() if line.startswith("Title: ")), None
    )
    return bool(check.execute("SELECT 1 FROM articles WHERE title = ?", (title,)).fetchone())


def fuzz_compare(rng: random.Random, runs: int, tally: Tally) -> None:
    """Hostile texts through `compare`: a rejected article is fine, an exception is not."""
    from newsprism.comparison.pipeline import compare
    from newsprism.errors import NewsprismError
    from newsprism.ingest.build import RawArticle, build_article

    for number in range(runs):
        texts = hostile.compare_texts(rng)
        if rng.random() < 0.01:
            texts[0] = "word " * 260_000  # over spaCy's 1,000,000-character limit
        tally.inputs["compare"] += 1
        label = f"compare {number}: " + " | ".join(repr(text[:60]) for text in texts)
        try:
            with tally.timed(label):
                articles = []
                for index, text in enumerate(texts):
                    raw = RawArticle(origin=f"fuzz:{number}:{index}", kind="text", body=text, title="t")
                    try:
                        articles.append(build_article(raw))
                    except NewsprismError:
                        continue
                if len(articles) >= 2:
                    compare(articles)
        except Exception:  # noqa: BLE001
            tally.problem("traceback (compare)", label, traceback.format_exc())


def fuzz_web(rng: random.Random, requests: int, db: Path, tally: Tally) -> None:
    """Hostile requests to a real server on 127.0.0.1: never 5xx, always the security headers, no paths."""
    import uvicorn

    from newsprism.web.app import create_app

    logging.getLogger("newsprism.web").setLevel(logging.CRITICAL)  # each 5xx is counted, not logged
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    private = [str(db.parent), tempfile.gettempdir() + "/newsprism-"]
    with httpx.Client(base_url=base, timeout=SLOW_SECONDS * 2, headers={"Origin": base}) as client:
        for number in range(requests):
            request = hostile.hostile_request(rng)
            tally.inputs["requests"] += 1
            label = f"request {number}: {request.method} {request.path[:200]}"
            try:
                with tally.timed(label):
                    response = send(client, request)
            except httpx.HTTPError as error:
                tally.problem("no response", f"{label}: {error!r}")
                continue
            if response.status_code >= 500:
                tally.problem("status 5xx", f"{label}: {response.status_code} {response.text[:300]}")
            if any(header not in response.headers for header in SECURITY_HEADERS):
                tally.problem("no security headers", f"{label}: {response.status_code}")
            if any(folder in response.text for folder in private):
                tally.problem("server path in response", label)
    server.should_exit = True
    thread.join(timeout=10)


def send(client: httpx.Client, request: hostile.HostileRequest) -> httpx.Response:
    """The request as a browser or a program would send it; an upload carries the form's hidden fields."""
    if request.upload is not None:
        form = dict(_HIDDEN_FIELD.findall(client.get("/").text))  # the form's CSRF token, if it has one
        files = {"file": (request.upload.name, request.upload.data)}
        return client.post(request.path, data=form, files=files)
    if request.json_body is not None:
        headers = {"Content-Type": "application/json"}
        return client.post(request.path, content=request.json_body.encode("utf-8", "surrogatepass"), headers=headers)
    return client.request(request.method, request.path)


# Each stage runs in a process of its own, as `ingest`, `compare` and `serve` do: a stage's peak memory is
# what one of those commands needs, not the sum of every model the three load.
STAGES: dict[str, tuple[int, Callable[[random.Random, int, Path, Tally], None]]] = {
    "readers": (800, lambda rng, count, db, tally: fuzz_readers(rng, count, db, tally)),  # ~7,000 files
    "compare": (400, lambda rng, count, db, tally: fuzz_compare(rng, count, tally)),
    "web": (3_000, lambda rng, count, db, tally: fuzz_web(rng, count, db, tally)),  # on what readers stored
}


def run_stage(name: str, seed: int, scale: float, db: Path) -> tuple[Tally, float]:
    """One stage with its own seeded generator; its tally and the process's peak memory in bytes."""
    tally = Tally()
    count, stage = STAGES[name]
    stage(random.Random(f"{seed}:{name}"), max(1, int(count * scale)), db, tally)
    return tally, _peak_memory()


def run(seed: int, scale: float, stages: list[str]) -> tuple[Tally, float]:
    """Every stage, one process each; the tallies summed and the largest peak."""
    total, peak = Tally(), 0.0
    context = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="newsprism-fuzz-db-") as folder:
        db = Path(folder) / "fuzz.db"
        # A cache of its own: no entity spans from earlier runs, so the entity model loads as for a new user.
        os.environ["NEWSPRISM_CACHE"] = str(Path(folder) / "cache")
        for name in stages:
            started = time.perf_counter()
            with context.Pool(1) as pool:
                tally, stage_peak = pool.apply(run_stage, (name, seed, scale, db))
            total.merge(tally)
            peak = max(peak, stage_peak)
            took = time.perf_counter() - started
            print(f"{name}: {took:.0f} s, peak {stage_peak / 2**20:.0f} MiB", file=sys.stderr, flush=True)
    return total, peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261208)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full run (1.0: >= 10,000 inputs)")
    parser.add_argument("--stage", choices=sorted(STAGES), action="append", help="only this stage (repeatable)")
    args = parser.parse_args(argv)
    tally, peak = run(args.seed, args.scale, args.stage or list(STAGES))
    print(f"seed {args.seed}: inputs " + ", ".join(f"{kind} {count:,}" for kind, count in tally.inputs.items()))
    print(f"total inputs {sum(tally.inputs.values()):,}; slowest {tally.slowest:.1f} s; peak memory of a stage {peak / 2**20:.0f} MiB")
    for kind in ("traceback (ingest)", "reader bug", "traceback (compare)", "status 5xx", "over 30 s", "good file not stored",
                 "no security headers", "server path in response", "no response"):
        print(f"{kind}: {tally.problems[kind]}")
    for kind, examples in tally.examples.items():
        print(f"\n--- {kind}, first {len(examples)}:")
        for example in examples:
            print(example)
    failed = bool(sum(tally.problems.values())) or peak > MAX_MEMORY_BYTES
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
