"""The Markdown report shows article text as text: no HTML, no links or images an article could plant."""

from __future__ import annotations

import re

import pytest

from newsprism.models import (
    Article,
    Claim,
    ComparedArticle,
    Comparison,
    Conflict,
    Entity,
    Framing,
    Quote,
    SentenceRef,
    SummarySentence,
    TimelineEvent,
)
from newsprism.present.comparison_markdown import comparison_markdown

PAYLOADS = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "[click](javascript:alert(3))"]


def hostile_comparison(payload: str) -> Comparison:
    """Every kind of article-derived text in the report carries the payload."""
    article = Article(
        source=f"Outlet {payload}",
        title=f"Title {payload}",
        text=f"Said {payload}.",
        sentences=(f"Said {payload}.",),
        dateline=f"CITY {payload}",
    )
    ref = (SentenceRef(1, 0),)
    return Comparison(
        articles=(ComparedArticle(1, article), ComparedArticle(2, article)),
        claims=(Claim(1, "shared", f"Claim {payload}", ref),),
        conflicts=(Conflict("number", f"Outlets differ {payload}", ref),),
        quotes=(Quote(f"Speaker {payload}", f"Quote {payload}", 1, 0, group=1),),
        entities=(Entity(f"Name {payload}", "person", (f"Variant {payload}",), {1: 1}, {1: (f"label {payload}",)}),),
        framing=(Framing(1, ((f"term {payload}", 2.0),), dateline=f"CITY {payload}"),),
        summary=(SummarySentence(f"Summary {payload}", (1, 2)),),
        timeline=(TimelineEvent("2026-03-01", f"Event {payload}", (1,)),),
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_article_text_in_the_markdown_report_is_escaped(payload: str) -> None:
    report = comparison_markdown(hostile_comparison(payload))
    assert payload not in report
    assert "<script" not in report and "<img" not in report
    assert not re.search(r"(?<!\\)\]\(", report)  # no link or image: every "](" is escaped


def test_escaped_text_still_reads_as_the_article_wrote_it() -> None:
    report = comparison_markdown(hostile_comparison("<script>alert(1)</script>"))
    assert "- Claim &lt;script&gt;alert(1)&lt;/script&gt; [Outlet &lt;script&gt;" in report
    assert '"Quote &lt;script&gt;alert(1)&lt;/script&gt;"' in report  # quotation marks are left alone
