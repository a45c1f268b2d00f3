"""A Comparison as one self-contained HTML file (no scripts, no network); article text is escaped."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from newsprism.models import Claim, Comparison, Conflict, Quote, Story
from newsprism.present.stories import story_span

MARKS = {"shared": "●", "partial": "◐", "unique": "○"}
_environment = Environment(
    loader=PackageLoader("newsprism.present", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class QuoteTelling:
    """How one outlet gives a quotation: its words, those of the fullest version it leaves out, and the
    clauses of the speaker's sentence (as another outlet quotes it) that it leaves out."""

    source: str
    text: str
    omitted: str  # "" when the outlet quotes it in full
    dropped_clauses: str = ""  # joined by " … "; "" when it drops none


def quote_groups(
    quotes: Sequence[Quote], sources: dict[int, str], conflicts: Sequence[Conflict] = ()
) -> list[tuple[str, list[QuoteTelling]]]:
    """Quotations given by two or more outlets, each outlet's version beside the fullest one's cuts."""
    grouped: dict[int, list[Quote]] = defaultdict(list)
    for quote in quotes:
        if quote.group is not None:
            grouped[quote.group].append(quote)
    result = []
    for members in grouped.values():
        if len({quote.article for quote in members}) < 2:
            continue
        fullest = max(members, key=lambda quote: len(quote.text))
        speaker = next((quote.speaker for quote in members if quote.speaker), None) or "unattributed"
        tellings = [
            QuoteTelling(
                sources[quote.article],
                quote.text,
                _omitted_words(fullest.text, quote.text),
                " … ".join(_dropped_clauses(conflicts, members, quote.article)),
            )
            for quote in members
        ]
        result.append((speaker, tellings))
    return result


def _dropped_clauses(conflicts: Sequence[Conflict], members: Sequence[Quote], article: int) -> list[str]:
    """The clauses an article drops from a speaker's sentence that holds this quotation in another outlet."""
    texts = {quote.text for quote in members}
    dropped: list[str] = []
    for conflict in conflicts:
        clauses = conflict.values.get("clauses", {})
        if any(texts & set(given) for given in clauses.values()):
            dropped += conflict.values.get("dropped_clauses", {}).get(str(article), [])
    return dropped


def _omitted_words(fullest: str, given: str) -> str:
    """The runs of the fullest version's words that the given version does not have, joined by " … "."""
    full_words, given_words = fullest.split(), given.split()
    # Words are matched without their punctuation: "expected," in one version is "expected" in another.
    matcher = difflib.SequenceMatcher(
        a=[_bare(word) for word in full_words], b=[_bare(word) for word in given_words], autojunk=False
    )
    runs = [
        " ".join(full_words[first:last])
        for tag, first, last, _, _ in matcher.get_opcodes()
        if tag in ("delete", "replace")
    ]
    return " … ".join(runs)


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"'()[]").casefold()


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

    top_z = max((z for framing in comparison.framing for _, z in framing.distinctive_terms), default=1.0)

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
        quote_groups=quote_groups(comparison.quotes, sources, comparison.conflicts),
        entities=comparison.entities,
        framings=comparison.framing,
        timeline=comparison.timeline,
        sources=sources,
        marks=MARKS,
        sentence_of=sentence_of,
        top_z=top_z or 1.0,
        cite=cite,
        link=link,
    )
