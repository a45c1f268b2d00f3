"""A Comparison as one self-contained HTML file (no scripts, no network); article text is escaped."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.models import Claim, Comparison, Story
from newsprism.present.stories import story_span

MARKS = {"shared": "●", "partial": "◐", "unique": "○"}
_environment = Environment(
    loader=PackageLoader("newsprism.present", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_template(name: str, **context: Any) -> str:
    """Render one of the package's HTML templates, autoescaped."""
    return _environment.get_template(name).render(**context)


def comparison_html(comparison: Comparison, *, story: Story | None = None, index: str | None = None) -> str:
    """The comparison page; for a story, its dates and outlets head it and `index` links back to the list."""
    sources = {item.id: item.article.source for item in comparison.articles}
    conflicted = {
        claim.id
        for claim in comparison.claims
        for conflict in comparison.conflicts
        if set(claim.sentences) & set(conflict.sentences)
    }

    def sentence_of(claim: Claim, article_id: int) -> int | None:
        return next((ref.index for ref in claim.sentences if ref.article == article_id), None)

    def link(url: str | None) -> str | None:
        """Only web links: a javascript: or data: URL from an article never becomes an href."""
        return url if url and url.lower().startswith(("http://", "https://")) else None

    def cite(ids: tuple[int, ...]) -> str:
        return ", ".join(sources[i] for i in ids)

    if story is not None:
        title = story.title
    else:
        title = comparison.articles[0].article.title if comparison.articles else "No articles"
    return render_template(
        "comparison.html.j2",
        title=title,
        story=story,
        story_span=story_span,
        index=index,
        articles=comparison.articles,
        summary=comparison.summary,
        conflicts=comparison.conflicts,
        claims=comparison.claims,
        conflicted=conflicted,
        quotes=comparison.quotes,
        entities=comparison.entities,
        framings=comparison.framing,
        timeline=comparison.timeline,
        sources=sources,
        marks=MARKS,
        sentence_of=sentence_of,
        cite=cite,
        link=link,
    )
