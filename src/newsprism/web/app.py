"""`newsprism serve`: the report's pages rendered from the live database, search, upload and a JSON API.

Every request opens its own connection (SQLite in WAL mode lets readers and one writer share the file).
Article text reaches pages only through autoescaped templates, and the Content-Security-Policy forbids
scripts outright, so even a bug in escaping could not run an article's `<script>`.

Every response, errors included, carries SECURITY_HEADERS; an unexpected exception becomes a one-line 500
(a page, or JSON under /api/) and its traceback goes to the server's log only. Who may send requests is
decided in `security.py`: the Host and Origin checks, the upload form's CSRF token, the optional token.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from pydantic import AfterValidator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsprism.corpus import Corpus
from newsprism.errors import NewsprismError, NotFoundError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import StoredArticle, StoryComparison
from newsprism.present.articles import article_summary
from newsprism.present.comparison_html import comparison_html, render_template
from newsprism.present.report_site import IndexEntry, index_entry_from_json, index_html
from newsprism.present.stories import story_comparison_dict, story_dict
from newsprism.serialization import comparison_dict
from newsprism.store import ArticleQuery
from newsprism.store.stories import StoryQuery
from newsprism.version import __version__
from newsprism.web.computations import SharedComputations
from newsprism.web.schemas import CompareRequest
from newsprism.web.security import (
    CSRF_FIELD,
    SECURITY_HEADERS,
    HostCheck,
    PathScrubber,
    ServeOptions,
    bearer_token,
    cross_origin,
    same_secret,
    token_cookie_name,
)

MAX_UPLOAD_BYTES = 5_000_000
# An upload's file plus its multipart framing; an API request (20 articles of 200,000 characters) fits too.
MAX_REQUEST_BYTES = 20 * 200_000 * 4 + 100_000
UPLOAD_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".csv"})
INDEX_STORIES = 100
MAX_SEARCH_RESULTS = 100
MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger id names no row
MAX_MESSAGE_CHARS = 500
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Fields of stored articles the server keeps to itself: where a file was read from on its disk.
_PRIVATE_FIELDS = frozenset({"path"})
log = logging.getLogger("newsprism.web")


class BadRequest(NewsprismError):
    """The request itself is wrong; `status` is the HTTP status that says how."""

    status = 400


class Forbidden(BadRequest):
    status = 403


class UnsupportedUpload(BadRequest):
    status = 415


class UploadTooLarge(BadRequest):
    status = 413


def _printable(value: str | None) -> str | None:
    """Control characters (a NUL from `?q=%00`) are never part of a search or an outlet's name."""
    if value is not None and _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


SearchText = Annotated[str, AfterValidator(_printable)]


def create_app(db: Path, options: ServeOptions | None = None) -> FastAPI:
    """The web app over the database at `db`."""
    options = options or ServeOptions()
    hosts = HostCheck(options.host)
    scrub = PathScrubber(db)
    comparisons: SharedComputations[StoryComparison] = SharedComputations()
    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="How different outlets report the same news: stories, comparisons, articles.",
        # The interactive docs pages load scripts from a CDN: offline and under the CSP they cannot work.
        docs_url=None,
        redoc_url=None,
    )
    app.state.serve_options = options
    app.state.comparisons = comparisons  # the tests look at it

    def fail(
        request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        return _error(request, status, scrub(message), headers)

    def refusal(request: Request) -> Response | None:
        """Why the request is refused before any route sees it, or None."""
        host = request.headers.get("host")
        if not hosts.allows(host):
            return fail(request, 400, "this server does not answer to that host name")
        if options.token:
            presented = request.query_params.get("token")
            if same_secret(presented, options.token) and request.method in ("GET", "HEAD"):
                return _token_accepted(request, options.token)
            cookie = request.cookies.get(token_cookie_name(request.url.port))
            header = bearer_token(request.headers.get("authorization"))
            if not any(same_secret(given, options.token) for given in (presented, cookie, header)):
                return fail(
                    request,
                    401,
                    "this server needs its token: send `Authorization: Bearer TOKEN`, "
                    "or open /?token=TOKEN once in the browser",
                    {"WWW-Authenticate": 'Bearer realm="newsprism"'},
                )
        if cross_origin(request.method, dict(request.headers), host):
            return fail(request, 403, "a request from another site's page is refused")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
            # Refused before the body is read, so a huge upload is never spooled to disk.
            return fail(request, 413, f"the request is larger than {MAX_REQUEST_BYTES:,} bytes")
        return None

    def internal_error(request: Request, error: Exception) -> Response:
        if isinstance(error, sqlite3.OperationalError) and re.search(r"locked|busy", str(error)):
            return fail(request, 503, "the database is busy: try again in a moment", {"Retry-After": "5"})
        log.error("%s %s failed", request.method, request.url.path, exc_info=error)
        return fail(
            request, 500, f"internal error ({type(error).__name__}): this request could not be answered"
        )

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        try:
            response: Response = refusal(request) or await call_next(request)
        except Exception as error:  # the handlers below took every error they know
            response = internal_error(request, error)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Response:
        return fail(request, 404, str(error))

    @app.exception_handler(NewsprismError)
    async def bad_request(request: Request, error: NewsprismError) -> Response:
        return fail(request, getattr(error, "status", 400), str(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return fail(request, error.status_code, str(error.detail), error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            "the body is not valid JSON"
            if problem["type"] == "json_invalid"
            else f"{'.'.join(str(part) for part in problem['loc'] if part != 'body')}: "
            + str(problem["msg"]).removeprefix("Value error, ")
            for problem in error.errors()
        )
        return fail(request, 422, problems or "invalid request")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        return internal_error(request, error)  # only for an error in the middleware itself

    async def story_comparison(story_id: int) -> StoryComparison:
        """One computation per story at a time: concurrent visitors of a story share it."""
        if not 1 <= story_id <= MAX_ID:
            raise NotFoundError(f"no story with id {story_id}")

        def compute() -> StoryComparison:
            with Corpus(db) as opened:
                return opened.compare_story(story_id)

        return await comparisons.run(story_id, compute)

    # --- pages ---------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        with Corpus(db) as opened:
            entries = []
            for story in opened.stories(StoryQuery(min_sources=2, limit=INDEX_STORIES)):
                data = opened.cached_comparison_data(story)
                entries.append(index_entry_from_json(story, data) if data else IndexEntry(story))
        return index_html(entries, href=lambda story_id: f"/stories/{story_id}", live=True, csrf=options.csrf)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: int) -> str:
        result = await story_comparison(story_id)
        return await run_in_threadpool(comparison_html, result.comparison, story=result.story, index="/")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[SearchText, Query(min_length=1, max_length=200)]) -> str:
        with Corpus(db) as opened:
            found = list(opened.articles(ArticleQuery(search=q, limit=MAX_SEARCH_RESULTS)))
            rows = _article_rows(opened, found)
        count = f"{len(rows)} article{'' if len(rows) == 1 else 's'}"
        return render_template(
            "message.html.j2", title=f"Search: {q}", lines=[f"{count} found."], articles=rows
        )

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(
        file: Annotated[UploadFile, File()], csrf: Annotated[str, Form(alias=CSRF_FIELD)] = ""
    ) -> str:
        if not same_secret(csrf, options.csrf):
            raise Forbidden(
                "the upload did not come from this server's form (or the server restarted): reload /"
            )
        with Corpus(db) as opened:
            stored, known, rejected = _ingest_upload(opened, file)
            rows = _article_rows(opened, stored)
        lines = [f"Stored {len(rows)} article{'' if len(rows) == 1 else 's'} from {file.filename}."]
        if known:
            lines.append(f"{known} {'was' if known == 1 else 'were'} already stored.")
        lines += [f"Rejected: {scrub(reason)}" for reason in rejected]
        return render_template("message.html.j2", title="Upload", lines=lines, articles=rows)

    # --- JSON API ------------------------------------------------------------------------------

    @app.get("/api/stories")
    def api_stories(
        since: Annotated[str | None, Query(pattern=_DATE.pattern, description="YYYY-MM-DD")] = None,
        min_sources: Annotated[int, Query(ge=1, le=1_000)] = 2,
        limit: Annotated[int, Query(ge=1, le=1_000)] = 100,
    ) -> list[dict[str, Any]]:
        """Stories, latest first: id, title, first_seen, last_seen, sources, articles."""
        with Corpus(db) as opened:
            return [
                story_dict(story)
                for story in opened.stories(StoryQuery(since=since, min_sources=min_sources, limit=limit))
            ]

    @app.get("/api/stories/{story_id}")
    async def api_story(story_id: int) -> dict[str, Any]:
        """The comparison of one story (computed once, then read from the cache)."""
        result = await story_comparison(story_id)
        data = await run_in_threadpool(comparison_dict, result.comparison)
        return story_comparison_dict(result, _without_private_fields(data))

    @app.get("/api/articles")
    def api_articles(
        search: Annotated[
            SearchText | None, Query(max_length=200, description='words or "a phrase" (FTS5)')
        ] = None,
        source: Annotated[SearchText | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(pattern=_DATE.pattern, description="YYYY-MM-DD")] = None,
        limit: Annotated[int, Query(ge=1, le=1_000)] = 100,
    ) -> list[dict[str, Any]]:
        """Stored articles, newest first, with their metadata (not their text)."""
        with Corpus(db) as opened:
            query = ArticleQuery(source=source, since=since, search=search, limit=limit)
            return [_public(article_summary(item)) for item in opened.articles(query)]

    @app.post("/api/compare")
    def api_compare(request: CompareRequest) -> dict[str, Any]:
        """Compare the given articles (nothing is stored): claims, conflicts, quotes, summary, ..."""
        from newsprism.comparison.options import CompareOptions
        from newsprism.comparison.pipeline import compare

        articles = [
            build_article(
                RawArticle(
                    origin=f"articles[{index}]",
                    kind="jsonl",
                    body=item.text,
                    title=item.title,
                    source=item.source or f"outlet {index + 1}",
                    published=item.published,
                    url=item.url,
                )
            )
            for index, item in enumerate(request.articles)
        ]
        result = compare(articles, CompareOptions(summary_words=request.summary_words))
        return _without_private_fields(comparison_dict(result))

    return app


def _public(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if key not in _PRIVATE_FIELDS}


def _without_private_fields(comparison: dict[str, Any]) -> dict[str, Any]:
    """A comparison's JSON without where its articles were read from on the server."""
    return {**comparison, "articles": [_public(article) for article in comparison["articles"]]}


def _token_accepted(request: Request, token: str) -> Response:
    """`?token=` once: the browser gets a cookie and the same address without the token in it."""
    url = request.url.remove_query_params("token")
    response = RedirectResponse(url.path + (f"?{url.query}" if url.query else ""), status_code=303)
    response.set_cookie(
        token_cookie_name(request.url.port), token, httponly=True, samesite="strict", path="/"
    )
    return response


def _article_rows(opened: Corpus, articles: list[StoredArticle]) -> list[dict[str, Any]]:
    """Title, outlet, date and story of each article, for a results table."""
    stories = opened.story_store.stories_of([item.id for item in articles])
    return [
        {
            "title": item.article.title,
            "source": item.article.source,
            "published": item.article.published,
            "story": stories.get(item.id),
        }
        for item in articles
    ]


def _ingest_upload(opened: Corpus, file: UploadFile) -> tuple[list[StoredArticle], int, list[str]]:
    """Check the upload's name and size, store it through the ordinary ingest.

    Returns the new articles, how many were stored already, and why the rest were rejected.
    """
    name = Path(file.filename or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        allowed = ", ".join(sorted(UPLOAD_SUFFIXES))
        raise UnsupportedUpload(f"{name or 'the file'}: not an article file; upload one of {allowed}")
    data = file.file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadTooLarge(f"{name}: larger than {MAX_UPLOAD_BYTES // 1_000_000} MB")
    if not data.strip():
        raise BadRequest(f"{name}: the file is empty")
    with tempfile.TemporaryDirectory(prefix="newsprism-upload-") as folder:
        path = Path(folder) / (_SAFE_NAME.sub("_", Path(name).stem)[:80] + suffix)
        path.write_bytes(data)
        report = opened.ingest([path])
    stored = [opened.get(article_id) for article_id in report.ingested]
    return stored, len(report.duplicates), [item.reason for item in report.rejected]


def _error(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None) -> Response:
    """JSON for the API, a page for a browser; one line, never a stack trace; the security headers always."""
    line = " ".join(message.split())[:MAX_MESSAGE_CHARS] or "error"
    all_headers = {**(headers or {}), **SECURITY_HEADERS}
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": line}, status_code=status, headers=all_headers)
    try:
        page = render_template("message.html.j2", title=f"Error {status}", lines=[line], error=True)
    except Exception:  # the error page itself failed: the reason still goes out, as plain text
        log.exception("the error page could not be rendered")
        return PlainTextResponse(line, status_code=status, headers=all_headers)
    return HTMLResponse(page, status_code=status, headers=all_headers)
