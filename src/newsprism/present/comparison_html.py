"""A Comparison as one self-contained HTML file (no scripts, no network); article text is escaped."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.models import Claim, Comparison

MARKS = {"shared": "●", "partial": "◐", "unique": "○"}
_environment = Environment(
    loader=PackageLoader("newsprism.present", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def comparison_html(comparison: Comparison) -> str:
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

    title = comparison.articles[0].article.title if comparison.articles else "No articles"
    return _environment.get_template("comparison.html.j2").render(
        title=title,
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
