"""Article lists and single articles as a Rich table, JSON, CSV or readable text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from newsprism.models import StoredArticle

LIST_FIELDS = (
    "id", "source", "published", "title", "language", "dateline", "url", "external_id", "path",
    "duplicate_of",
)  # fmt: skip


def article_summary(stored: StoredArticle) -> dict[str, Any]:
    """The fields of an article listing (no body text)."""
    article = stored.article
    return {
        "id": stored.id,
        "source": article.source,
        "published": article.published,
        "title": article.title,
        "language": article.language,
        "dateline": article.dateline,
        "url": article.url,
        "external_id": article.external_id,
        "path": article.path,
        "duplicate_of": stored.duplicate_of,
    }


def article_detail(stored: StoredArticle) -> dict[str, Any]:
    """Everything stored about an article, sentences included."""
    article = stored.article
    return {
        **article_summary(stored),
        "author": article.author,
        "kind": article.kind,
        "content_hash": stored.content_hash,
        "ingested_at": stored.ingested_at,
        "metadata": article.metadata,
        "text": article.text,
        "sentences": [{"index": i, "text": s} for i, s in enumerate(article.sentences)],
    }


def articles_json(articles: Iterable[StoredArticle]) -> str:
    return json.dumps([article_summary(a) for a in articles], ensure_ascii=False, indent=2)


def articles_csv(articles: Iterable[StoredArticle]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=LIST_FIELDS, lineterminator="\n")
    writer.writeheader()
    for stored in articles:
        writer.writerow(article_summary(stored))
    return buffer.getvalue()


def articles_table(articles: Iterable[StoredArticle]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    table.add_column("id", justify="right", style="cyan", no_wrap=True)
    table.add_column("source", style="magenta")
    table.add_column("published", no_wrap=True)
    table.add_column("title")
    table.add_column("lang", no_wrap=True)
    for stored in articles:
        article = stored.article
        table.add_row(
            str(stored.id),
            Text(article.source),
            (article.published or "")[:10],
            Text(article.title),
            article.language or "",
        )
    return table


def article_view(stored: StoredArticle) -> RenderableType:
    """A readable page: headline, a metadata line, the dateline, then the paragraphs."""
    article = stored.article
    facts = [f"#{stored.id}", article.source]
    if article.published:
        facts.append(article.published)
    if article.author:
        facts.append(f"by {article.author}")
    if article.language:
        facts.append(article.language)
    parts: list[RenderableType] = [
        Text(article.title, style="bold"),
        Text(" · ".join(facts), style="dim"),
    ]
    if article.url:
        parts.append(Text(article.url, style="blue underline"))
    paragraphs = article.text.split("\n\n")
    for number, paragraph in enumerate(paragraphs):
        parts.append(Text(""))
        if number == 0 and article.dateline:
            parts.append(Text.assemble((article.dateline + " — ", "bold"), paragraph))
        else:
            parts.append(Text(paragraph))
    return Group(*parts)
