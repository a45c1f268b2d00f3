"""`newsprism serve`: the report's pages rendered from the live database, search, upload and a JSON API.

Every request opens its own connection (SQLite in WAL mode lets readers and one writer share the file).
Article text reaches pages only through autoescaped templates, and the Content-Security-Policy forbids
scripts outright, so even a bug in escaping could not run an article's `<script>`.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response

from newsprism.corpus import Corpus
from newsprism.errors import NewsprismError, NotFoundError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import StoredArticle
from newsprism.present.articles import article_summary
from newsprism.present.comparison_html import comparison_html, render_template
from newsprism.present.report_site import IndexEntry, index_entry_from_json, index_html
from newsprism.present.stories import story_comparison_dict, story_dict
from newsprism.serialization import comparison_dict
from newsprism.store import ArticleQuery
from newsprism.store.stories import StoryQuery
from newsprism.version import __version__
from newsprism.web.schemas import CompareRequest

MAX_UPLOAD_BYTES = 5_000_000
# An upload's file plus its multipart framing; an API request (20 articles of 200,000 characters) fits too.
MAX_REQUEST_BYTES = 20 * 200_000 * 4 + 100_000
UPLOAD_SUFFIXES = frozenset({".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl", ".csv"})
INDEX_STORIES = 100
MAX_SEARCH_RESULTS = 100
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
SECURITY_HEADERS = {
    # No scripts at all; the pages' own CSS is inline; forms post only here.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class BadRequest(NewsprismError):
    """The request itself is wrong; `status` is the HTTP status that says how."""

    status = 400


class UnsupportedUpload(BadRequest):
    status = 415


class UploadTooLarge(BadRequest):
    status = 413


def create_app(db: Path) -> FastAPI:
    """The web app over the database at `db`."""
    app = FastAPI(
        title="newsprism",
        version=__version__,
        description="How different outlets report the same news: stories, comparisons, articles.",
        # The interactive docs pages load scripts from a CDN: offline and under the CSP they cannot work.
        docs_url=None,
        redoc_url=None,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_REQUEST_BYTES:
            # Refused before the body is read, so a huge upload is never spooled to disk.
            response: Response = _error(
                request, 413, f"the request is larger than {MAX_REQUEST_BYTES:,} bytes"
            )
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Response:
        return _error(request, 404, str(error))

    @app.exception_handler(NewsprismError)
    async def bad_request(request: Request, error: NewsprismError) -> Response:
        return _error(request, getattr(error, "status", 400), str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            "the body is not valid JSON"
            if problem["type"] == "json_invalid"
            else f"{'.'.join(str(part) for part in problem['loc'] if part != 'body')}: {problem['msg']}"
            for problem in error.errors()
        )
        return _error(request, 422, problems or "invalid request")

    # --- pages ---------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        with Corpus(db) as opened:
            entries = []
            for story in opened.stories(StoryQuery(min_sources=2, limit=INDEX_STORIES)):
                data = opened.cached_comparison_data(story)
                entries.append(index_entry_from_json(story, data) if data else IndexEntry(story))
        return index_html(entries, href=lambda story_id: f"/stories/{story_id}", live=True)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: int) -> str:
        with Corpus(db) as opened:
            result = opened.compare_story(story_id)
        return comparison_html(result.comparison, story=result.story, index="/")

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(min_length=1, max_length=200)]) -> str:
        with Corpus(db) as opened:
            found = list(opened.articles(ArticleQuery(search=q, limit=MAX_SEARCH_RESULTS)))
            rows = _article_rows(opened, found)
        count = f"{len(rows)} article{'' if len(rows) == 1 else 's'}"
        return render_template(
            "message.html.j2", title=f"Search: {q}", lines=[f"{count} found."], articles=rows
        )

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_page(file: Annotated[UploadFile, File()]) -> str:
        with Corpus(db) as opened:
            stored, rejected = _ingest_upload(opened, file)
            rows = _article_rows(opened, stored)
        lines = [f"Stored {len(rows)} article{'' if len(rows) == 1 else 's'} from {file.filename}."]
        lines += [f"Rejected: {reason}" for reason in rejected]
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
    def api_story(story_id: int) -> dict[str, Any]:
        """The comparison of one story (computed once, then read from the cache)."""
        with Corpus(db) as opened:
            result = opened.compare_story(story_id)
        return story_comparison_dict(result, comparison_dict(result.comparison))

    @app.get("/api/articles")
    def api_articles(
        search: Annotated[str | None, Query(max_length=200, description='words or "a phrase" (FTS5)')] = None,
        source: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(pattern=_DATE.pattern, description="YYYY-MM-DD")] = None,
        limit: Annotated[int, Query(ge=1, le=1_000)] = 100,
    ) -> list[dict[str, Any]]:
        """Stored articles, newest first, with their metadata (not their text)."""
        with Corpus(db) as opened:
            query = ArticleQuery(source=source, since=since, search=search, limit=limit)
            return [article_summary(item) for item in opened.articles(query)]

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
        return comparison_dict(compare(articles, CompareOptions(summary_words=request.summary_words)))

    return app


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


def _ingest_upload(opened: Corpus, file: UploadFile) -> tuple[list[StoredArticle], list[str]]:
    """Check the upload's name and size, store it through the ordinary ingest; return stored and rejected."""
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
    return stored, [item.reason for item in report.rejected]


def _error(request: Request, status: int, message: str) -> Response:
    """JSON for the API, a page for a browser; never a stack trace."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    page = render_template("message.html.j2", title=f"Error {status}", lines=[message], error=True)
    return HTMLResponse(page, status_code=status)
