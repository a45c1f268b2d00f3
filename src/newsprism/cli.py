"""The `newsprism` command line: Typer commands that turn NewsprismError into one line and an exit code."""

from __future__ import annotations

import functools
import io
import json
import re
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec

import typer
from rich.console import Console, RenderableType
from rich.progress import BarColumn, DownloadColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from newsprism.config import DEFAULT_SUMMARY_WORDS, MAX_ID
from newsprism.corpus import Corpus
from newsprism.errors import NewsprismError
from newsprism.ingest.options import DEFAULT_MAX_BYTES, ReadOptions
from newsprism.listeners import IngestListener
from newsprism.models import Article, Rejected, StoredArticle
from newsprism.present.articles import (
    article_detail,
    article_view,
    articles_csv,
    articles_json,
    articles_table,
)
from newsprism.present.stories import stories_table, story_comparison_dict, story_heading, write_stories_json
from newsprism.store import ArticleQuery, StoredOutcome
from newsprism.store.connection import DB_ENV_VAR, DEFAULT_DB
from newsprism.store.stories import StoryQuery
from newsprism.stories.options import DEFAULT_COPY_THRESHOLD, ClusterOptions, NearDuplicateOptions
from newsprism.version import __version__

app = typer.Typer(
    name="newsprism",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
stdout = Console(highlight=False, soft_wrap=True)
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


class Verbosity:
    level = 1  # 0 quiet, 1 normal, 2 verbose


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class StoryListFormat(StrEnum):
    table = "table"
    json = "json"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


class CompareFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"


class ShowFormat(StrEnum):
    text = "text"
    json = "json"


DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar=DB_ENV_VAR,
        help=f"SQLite database file (created if missing). Env: {DB_ENV_VAR}.",
        show_default=True,
    ),
]
SummaryWordsOption = Annotated[
    int,
    typer.Option("--words", min=10, max=1_000, help="Words in the summary, at most."),
]


def _version(value: bool) -> None:
    if value:
        stdout.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Say more: one line per stored article.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="Say less: errors only, no progress bar.")
    ] = False,
) -> None:
    """See how different outlets report the same news: ingest articles, store them, compare coverage.

    [bold]Examples[/bold]

      newsprism ingest examples/            [dim]# store every article under examples/[/dim]
      newsprism articles --search flood     [dim]# list stored articles that mention floods[/dim]
      newsprism show 3                      [dim]# read article 3[/dim]
    """
    Verbosity.level = 0 if quiet else 2 if verbose else 1


def _fail(message: str, code: int = 1) -> NoReturn:
    stderr.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


_Params = ParamSpec("_Params")


def _errors_as_one_line(command: Callable[_Params, None]) -> Callable[_Params, None]:
    """Turn the command's NewsprismError into `error: <message>` on stderr and exit status 1."""

    @functools.wraps(command)
    def run(*args: _Params.args, **kwargs: _Params.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except NewsprismError as error:
            _fail(str(error))

    return run


def _parse_size(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", text.lower())
    if not match:
        raise typer.BadParameter(f"{text!r} is not a size; write e.g. 5000000, 500KB or 5MB")
    number, unit = float(match.group(1)), match.group(2)
    return int(number * {"": 1, "k": 1e3, "m": 1e6, "g": 1e9}[unit])


class _TerminalListener(IngestListener):
    """Progress bar and per-item lines on stderr."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.task: TaskID | None = None

    @property
    def console(self) -> Console:
        return self.progress.console if self.progress else stderr

    def started(self, inputs: int, total_bytes: int) -> None:
        if self.progress:
            self.task = self.progress.add_task("ingesting", total=total_bytes or None)

    def advanced(self, nbytes: int) -> None:
        if self.progress and self.task is not None:
            self.progress.advance(self.task, nbytes)

    def rejected(self, item: Rejected) -> None:
        self.console.print(f"rejected: {item.origin}: {item.reason}", markup=False)

    def clustering_started(self, pending: int) -> None:
        if self.progress:
            if self.task is not None:
                self.progress.update(self.task, visible=False)
            self.task = self.progress.add_task("finding stories", total=pending)

    def clustered(self, articles: int) -> None:
        if self.progress and self.task is not None:
            self.progress.advance(self.task, articles)

    def stored(self, article: Article, outcome: StoredOutcome) -> None:
        if Verbosity.level >= 2:
            status = "stored" if outcome.is_new else "duplicate"
            copy = f" (a copy of #{outcome.duplicate_of})" if outcome.duplicate_of else ""
            self.console.print(
                f"{status} #{outcome.id}{copy}: {article.source}: {article.title}", markup=False
            )


def _progress_bar(show: bool) -> Progress | None:
    if not show or Verbosity.level == 0 or not stderr.is_terminal:
        return None
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
    )


@app.command()
@_errors_as_one_line
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="Files, directories (read recursively), glob patterns, feed URLs, or - for stdin.",
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    max_bytes: Annotated[
        str,
        typer.Option(
            "--max-bytes",
            help="Reject larger files (for JSONL/CSV archives: larger records), e.g. 5MB.",
            show_default=True,
        ),
    ] = f"{DEFAULT_MAX_BYTES // 1_000_000}MB",
    field_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="Rename JSONL/CSV columns: FIELD=COLUMN[,...] with FIELD one of id, title, text, source, "
            "url, published, language, author.",
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text: a summary line; json: ids and rejections.")
    ] = ReportFormat.text,
    copy_threshold: Annotated[
        float,
        typer.Option(
            "--copy-threshold",
            min=0.0,
            max=1.0,
            help="Shingle overlap (estimated Jaccard) at which a new article counts as a syndicated copy "
            "of a stored one; it is kept and linked to the original.",
        ),
    ] = DEFAULT_COPY_THRESHOLD,
    find_copies: Annotated[
        bool,
        typer.Option("--find-copies/--no-find-copies", help="Look for syndicated copies while ingesting."),
    ] = True,
    cluster: Annotated[
        bool,
        typer.Option(
            "--cluster/--no-cluster",
            help="Group the new articles into stories after storing them (later: `newsprism cluster`).",
        ),
    ] = True,
) -> None:
    """Read articles and store them; already stored articles are reported as duplicates.

    Reads plain text (with an optional Title:/Source:/URL:/Published:/Language: header), saved
    HTML pages, RSS/Atom feeds (files or http:// URLs), JSONL and CSV exports. A bad input gets
    one line on stderr and the rest goes on; the exit status is 1 if anything was rejected.

    [bold]Examples[/bold]

      newsprism ingest examples/
      newsprism ingest 'archive/**/*.html' feed.xml
      newsprism ingest export.jsonl --map text=body,published=date
      newsprism ingest big-archive.jsonl --no-cluster && newsprism cluster
      curl -s http://127.0.0.1:8000/feed.xml | newsprism ingest -
    """
    from newsprism.ingest.records import parse_field_map

    try:
        options = ReadOptions(max_bytes=_parse_size(max_bytes), field_map=parse_field_map(field_map or []))
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--map") from None
    with Corpus(db) as corpus:
        progress = _progress_bar(show=len(paths) > 1 or any(Path(p).is_dir() for p in paths))
        listener = _TerminalListener(progress)
        copies = NearDuplicateOptions(copy_threshold) if find_copies else None
        stories = ClusterOptions() if cluster else None
        with progress or nullcontext():
            report = corpus.ingest(paths, options, listener, copies, stories)
    if output_format is ReportFormat.json:
        payload = {
            "ingested": list(report.ingested),
            "duplicates": list(report.duplicates),
            "rejected": [{"path": item.origin, "reason": item.reason} for item in report.rejected],
            "near_duplicates": [
                {"id": copy, "duplicate_of": original} for copy, original in report.near_duplicates
            ],
            "new_stories": report.new_stories,
        }
        stdout.print_json(json.dumps(payload))
    elif Verbosity.level >= 1:
        stdout.print(report.summary, markup=False)
    if report.rejected:
        raise typer.Exit(1)


@app.command()
@_errors_as_one_line
def articles(
    db: DbOption = Path(DEFAULT_DB),
    source: Annotated[str | None, typer.Option(help="Only this outlet (exact name, any case).")] = None,
    since: Annotated[
        str | None, typer.Option(help="Only articles published on or after this date (YYYY-MM-DD).")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help='Full-text search: words and "quoted phrases".')
    ] = None,
    limit: Annotated[
        int, typer.Option(min=0, max=MAX_ID, clamp=True, help="At most this many rows; 0 for all.")
    ] = 0,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List stored articles, newest first.

    [bold]Examples[/bold]

      newsprism articles
      newsprism articles --source "Meridian Wire" --since 2026-03-01
      newsprism articles --search '"north bank" flood' --format json
    """
    if since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", since):
        raise typer.BadParameter(f"{since!r} is not a date; write YYYY-MM-DD", param_hint="--since")
    query = ArticleQuery(source=source, since=since, search=search, limit=limit or None)
    with Corpus(db) as corpus:
        found = list(corpus.articles(query))
    if output_format is ListFormat.json:
        sys.stdout.write(articles_json(found) + "\n")
    elif output_format is ListFormat.csv:
        sys.stdout.write(articles_csv(found))
    elif found:
        stdout.print(articles_table(found))
    else:
        stderr.print("no articles match", markup=False)


@app.command()
@_errors_as_one_line
def show(
    article_id: Annotated[
        int, typer.Argument(metavar="ID", help="The article's id (see `newsprism articles`).")
    ],
    db: DbOption = Path(DEFAULT_DB),
    output_format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ShowFormat.text,
) -> None:
    """Show one stored article: metadata, dateline and clean text (json adds its sentences).

    [bold]Examples[/bold]

      newsprism show 3
      newsprism show 3 --format json
    """
    with Corpus(db) as corpus:
        stored = corpus.get(article_id)
    if output_format is ShowFormat.json:
        sys.stdout.write(json.dumps(article_detail(stored), ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.print(article_view(stored))


@app.command()
@_errors_as_one_line
def compare(
    items: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE_OR_ID...",
            help="Article files or directories (any input kind), and/or ids of stored articles.",
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    output_format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="text (terminal), json, md or html.")
    ] = CompareFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    words: SummaryWordsOption = DEFAULT_SUMMARY_WORDS,
) -> None:
    """Compare how several outlets report one event: shared and unique claims, conflicts, quotes,
    entities, framing, a cited summary and a timeline.

    Works on files directly (no database needed) and on stored article ids.

    [bold]Examples[/bold]

      newsprism compare examples/stories/lorvenne-flood
      newsprism compare report-a.txt page-b.html --format md -o comparison.md
      newsprism compare 3 7 12 --format html -o story.html
      newsprism compare examples/stories/mirel-water-call --format json
    """
    from newsprism.comparison.options import CompareOptions
    from newsprism.comparison.pipeline import compare as compare_articles
    from newsprism.present.comparison_html import comparison_html
    from newsprism.present.comparison_json import comparison_json
    from newsprism.present.comparison_markdown import comparison_markdown
    from newsprism.present.comparison_terminal import comparison_view

    articles = _articles_to_compare(items, db)
    if len(articles) < 2:
        _fail(f"compare needs at least two articles; found {len(articles)}")
    with _spinner("comparing"):
        comparison = compare_articles(articles, CompareOptions(summary_words=words))
    if output_format is CompareFormat.text and output is None:
        stdout.print(comparison_view(comparison))
        return
    rendered = {
        CompareFormat.json: comparison_json,
        CompareFormat.md: comparison_markdown,
        CompareFormat.html: comparison_html,
        CompareFormat.text: lambda c: _plain_text(comparison_view(c)),
    }[output_format](comparison)
    _write(rendered, output)


@app.command()
@_errors_as_one_line
def cluster(
    db: DbOption = Path(DEFAULT_DB),
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Forget all stories and cluster the whole corpus again in publication order "
            "(story ids are renumbered; cached comparisons are dropped).",
        ),
    ] = False,
) -> None:
    """Group stored articles that are not yet in a story (e.g. after `ingest --no-cluster`) into stories.

    Each article joins the story of the same event (same title-and-lead meaning, shared names, close
    dates) or opens a new one; existing stories keep their ids.

    [bold]Examples[/bold]

      newsprism cluster
      newsprism cluster --rebuild
    """
    with Corpus(db) as corpus:
        progress = _progress_bar(show=True)
        listener = _TerminalListener(progress)
        with progress or nullcontext():
            report = corpus.recluster(listener=listener) if rebuild else corpus.cluster(listener=listener)
    if Verbosity.level >= 1:
        stdout.print(f"placed {report.articles} articles, new stories {report.new_stories}", markup=False)


@app.command()
@_errors_as_one_line
def stories(
    db: DbOption = Path(DEFAULT_DB),
    since: Annotated[
        str | None, typer.Option(help="Only stories with an article on or after this date (YYYY-MM-DD).")
    ] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Only stories covered by at least this many outlets.")
    ] = 2,
    include_all: Annotated[
        bool,
        typer.Option("--all", help="Every story, single-outlet ones included (overrides --min-sources)."),
    ] = False,
    limit: Annotated[
        int, typer.Option(min=0, max=MAX_ID, clamp=True, help="At most this many stories; 0 for all.")
    ] = 0,
    output_format: Annotated[
        StoryListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = StoryListFormat.table,
) -> None:
    """List stories (the articles about one event), latest first.

    Articles still waiting for a story (after `ingest --no-cluster` or an interrupted run) are
    clustered first.

    [bold]Examples[/bold]

      newsprism stories
      newsprism stories --since 2026-03-01 --min-sources 3
      newsprism stories --all --format json
    """
    if since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", since):
        raise typer.BadParameter(f"{since!r} is not a date; write YYYY-MM-DD", param_hint="--since")
    query = StoryQuery(since=since, min_sources=1 if include_all else min_sources, limit=limit or None)
    with Corpus(db) as corpus:
        _cluster_pending(corpus)
        if output_format is StoryListFormat.json:
            write_stories_json(corpus.stories(query), sys.stdout)
            sys.stdout.write("\n")
            return
        found = list(corpus.stories(query))
    if found:
        stdout.print(stories_table(found))
    else:
        hint = "" if include_all else " (single-outlet stories are hidden: try --all)"
        stderr.print(f"no stories match{hint}", markup=False)


@app.command()
@_errors_as_one_line
def story(
    story_id: Annotated[int, typer.Argument(metavar="ID", help="The story's id (see `newsprism stories`).")],
    db: DbOption = Path(DEFAULT_DB),
    output_format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="text (terminal), json, md or html.")
    ] = CompareFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    words: SummaryWordsOption = DEFAULT_SUMMARY_WORDS,
) -> None:
    """Compare the coverage of one story (as `compare` does for its articles).

    The comparison is kept in the database and computed again only when an article joins the story.
    Syndicated copies are listed but compared once, through their original.

    [bold]Examples[/bold]

      newsprism story 12
      newsprism story 12 --format html -o story-12.html
      newsprism story 12 --format json
    """
    from newsprism.comparison.options import CompareOptions
    from newsprism.present.comparison_html import comparison_html
    from newsprism.present.comparison_markdown import comparison_markdown
    from newsprism.present.comparison_terminal import comparison_view
    from newsprism.serialization import comparison_dict

    with Corpus(db) as corpus:
        _cluster_pending(corpus)
        with _spinner("comparing"):
            result = corpus.compare_story(story_id, CompareOptions(summary_words=words))
    heading = story_heading(result)
    if output_format is CompareFormat.text and output is None:
        stdout.print(heading, "", comparison_view(result.comparison))
        return
    rendered = {
        CompareFormat.json: lambda: json.dumps(
            story_comparison_dict(result, comparison_dict(result.comparison)), ensure_ascii=False, indent=2
        ),
        CompareFormat.md: lambda: (
            f"{_markdown_quote(heading.plain)}\n\n{comparison_markdown(result.comparison)}"
        ),
        CompareFormat.html: lambda: comparison_html(result.comparison),
        CompareFormat.text: lambda: _plain_text(heading) + _plain_text(comparison_view(result.comparison)),
    }[output_format]()
    _write(rendered, output)


@app.command()
@_errors_as_one_line
def report(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the site into (made if missing).")
    ],
    db: DbOption = Path(DEFAULT_DB),
    story_id: Annotated[
        int | None, typer.Option("--story", metavar="ID", help="Only this story (see `newsprism stories`).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only stories with an article on or after this date (YYYY-MM-DD).")
    ] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Only stories covered by at least this many outlets.")
    ] = 2,
    words: SummaryWordsOption = DEFAULT_SUMMARY_WORDS,
) -> None:
    """Write a static HTML site: an index of stories and a comparison page for each.

    The pages are plain files with no scripts and nothing fetched from the network: open index.html
    from disk, copy the folder anywhere. Comparisons come from the database's cache when the story
    has not changed.

    [bold]Examples[/bold]

      newsprism report -o report
      newsprism report --since 2026-03-01 -o report
      newsprism report --story 12 -o story-12
    """
    from newsprism.comparison.options import CompareOptions
    from newsprism.present.report_site import write_report_site

    if since and not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", since):
        raise typer.BadParameter(f"{since!r} is not a date; write YYYY-MM-DD", param_hint="--since")
    options = CompareOptions(summary_words=words)
    try:
        with Corpus(db) as corpus:
            _cluster_pending(corpus)
            if story_id is not None:
                chosen = [corpus.story(story_id)]
            else:
                chosen = list(corpus.stories(StoryQuery(since=since, min_sources=min_sources)))
            progress = _progress_bar(show=len(chosen) > 1)
            results = []
            with progress or nullcontext():
                task = progress.add_task("comparing stories", total=len(chosen)) if progress else None
                for found in chosen:
                    results.append(corpus.compare_story(found.id, options))
                    if progress and task is not None:
                        progress.advance(task)
        index = write_report_site(results, output)
    except OSError as error:  # an output folder that cannot be written: one line too
        _fail(str(error))
    if Verbosity.level >= 1:
        pages = f"{len(results)} story page{'' if len(results) == 1 else 's'}"
        where = index.resolve().as_uri()
        stderr.print(f"wrote {index} and {pages}; open it in a browser: {where}", markup=False)


@app.command()
@_errors_as_one_line
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default keeps the app to this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8765,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSPRISM_TOKEN",
            show_envvar=False,
            help="Require this token on every request: `Authorization: Bearer TOKEN` for the API; a "
            "browser opens /?token=TOKEN once (a cookie keeps it). Env: NEWSPRISM_TOKEN.",
        ),
    ] = None,
) -> None:
    """Serve the stories, comparisons, search and upload as a local web app (and a JSON API).

    Pages: / (stories), /stories/ID, /search?q=..., upload on /. API: /api/stories,
    /api/stories/ID, /api/articles, POST /api/compare; its OpenAPI schema is /openapi.json.
    There are no accounts: beyond 127.0.0.1, anyone who reaches the port can read and add articles
    unless --token is set.

    [bold]Examples[/bold]

      newsprism serve
      newsprism serve --db news.db --port 9000
      NEWSPRISM_TOKEN=$(openssl rand -hex 16) newsprism serve --host 0.0.0.0
    """
    import uvicorn

    from newsprism.web.app import create_app
    from newsprism.web.security import ServeOptions, is_loopback

    if token is not None and not token.strip():
        _fail("--token is empty: give a token, or leave the option (and NEWSPRISM_TOKEN) out")
    with Corpus(db) as corpus:
        _cluster_pending(corpus)
    if not is_loopback(host):
        # Said even with --quiet: the user should know who can reach the app.
        exposure = (
            "only with the token" if token else "with no password: set --token (or NEWSPRISM_TOKEN)"
        )
        stderr.print(
            f"warning: listening on {host}, beyond this machine: anyone who can reach port {port} "
            f"can read and add articles, {exposure}",
            markup=False,
        )
    if Verbosity.level >= 1:
        stderr.print(f"newsprism is serving {db} on http://{host}:{port}/ (Ctrl+C stops it)", markup=False)
    app = create_app(db, ServeOptions(host=host, token=token or None))
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _markdown_quote(text: str) -> str:
    from newsprism.present.comparison_markdown import markdown_text

    return "\n".join(f"> {markdown_text(line)}" if line else ">" for line in text.splitlines())


def _cluster_pending(corpus: Corpus) -> None:
    """Cluster articles left without a story, with a progress bar when there are many."""
    pending = corpus.story_store.pending_count()
    if not pending:
        return
    if Verbosity.level >= 1:
        stderr.print(f"{pending} stored articles are not in a story yet: clustering them", markup=False)
    progress = _progress_bar(show=pending > 100)
    with progress or nullcontext():
        corpus.cluster(listener=_TerminalListener(progress))


def _write(rendered: str, output: Path | None) -> None:
    """Print a rendered report, or write it to a file and say so."""
    if output is None:
        sys.stdout.write(rendered if rendered.endswith("\n") else rendered + "\n")
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(rendered, encoding="utf-8")
    if Verbosity.level >= 1:
        stderr.print(f"wrote {output}", markup=False)


def _articles_to_compare(items: list[str], db: Path) -> list[Article | StoredArticle]:
    """Files are read directly (rejections reported, the rest goes on); numbers are stored ids."""
    from newsprism.ingest import discover_inputs, read_input

    articles: list[Article | StoredArticle] = []
    ids = [item for item in items if item.isdigit() and not Path(item).exists()]
    paths = [item for item in items if item not in ids]
    for found in discover_inputs(paths):
        if isinstance(found, Rejected):
            stderr.print(f"rejected: {found.origin}: {found.reason}", markup=False)
            continue
        for read in read_input(found):
            if isinstance(read, Rejected):
                stderr.print(f"rejected: {read.origin}: {read.reason}", markup=False)
            else:
                articles.append(read)
    if ids:
        with Corpus(db) as corpus:
            articles.extend(corpus.get(int(article_id)) for article_id in ids)
    return articles


def _spinner(message: str) -> AbstractContextManager[object]:
    if Verbosity.level == 0 or not stderr.is_terminal:
        return nullcontext()
    return stderr.status(message)


def _plain_text(renderable: RenderableType) -> str:
    console = Console(width=120, no_color=True, highlight=False, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def main() -> None:
    app()
