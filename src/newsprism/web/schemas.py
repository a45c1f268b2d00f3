"""What the JSON API accepts: validated before anything runs, so a bad request is a 4xx with the reason."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from newsprism.config import DEFAULT_SUMMARY_WORDS

MAX_TEXT_CHARS = 200_000
MAX_COMPARED_ARTICLES = 20


class ArticleIn(BaseModel):
    """One article to compare: its text, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The article's body, plain text.")
    title: str | None = Field(default=None, max_length=1_000)
    source: str | None = Field(default=None, max_length=200, description="The outlet.")
    published: str | None = Field(default=None, max_length=64, description="ISO date or date-time.")
    url: str | None = Field(default=None, max_length=2_000)


class CompareRequest(BaseModel):
    """Two or more articles about one event."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=2, max_length=MAX_COMPARED_ARTICLES)
    summary_words: int = Field(default=DEFAULT_SUMMARY_WORDS, ge=10, le=1_000)
