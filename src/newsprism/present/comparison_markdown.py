"""A Comparison as a Markdown report.

Markdown passes HTML through, so every piece of article text is escaped: a `<script>` or `<img>` in an
article is shown as text wherever the report is rendered, and `[` `]` are escaped so that an article cannot
make a link or an image (which a renderer would fetch) either.
"""

from __future__ import annotations

import html
from collections import defaultdict

from newsprism.models import Comparison, Quote

STATUS_HEADINGS = {
    "shared": "Reported by every outlet",
    "partial": "Reported by some",
    "unique": "Reported by one",
}


def markdown_text(text: str) -> str:
    """Article text as Markdown that shows it literally: no HTML, no links."""
    return html.escape(text, quote=False).replace("[", "\\[").replace("]", "\\]")


def _cell(text: str) -> str:
    return markdown_text(text).replace("|", "\\|").replace("\n", " ")


def comparison_markdown(comparison: Comparison) -> str:
    sources = {item.id: markdown_text(item.article.source) for item in comparison.articles}

    def cite(ids: tuple[int, ...] | list[int]) -> str:
        return ", ".join(sources[i] for i in ids)

    title = markdown_text(comparison.articles[0].article.title) if comparison.articles else "(no articles)"
    lines = [f"# How {len(sources)} outlets covered: {title}", ""]
    lines += ["| id | outlet | title | published | dateline |", "|---|---|---|---|---|"]
    for item in comparison.articles:
        article = item.article
        lines.append(
            f"| {item.id} | {_cell(article.source)} | {_cell(article.title)} | "
            f"{(article.published or '')[:10]} | {_cell(article.dateline or '')} |"
        )

    lines += ["", "## Summary", ""]
    lines += [f"- {markdown_text(line.text)} [{cite(line.sources)}]" for line in comparison.summary]

    lines += ["", "## Conflicts", ""]
    if not comparison.conflicts:
        lines.append("No conflicting figures, dates, attributions or quotes found.")
    lines += [
        f"- **{conflict.kind}**: {markdown_text(conflict.description)}" for conflict in comparison.conflicts
    ]

    lines += ["", "## Claims"]
    for status, heading in STATUS_HEADINGS.items():
        claims = [claim for claim in comparison.claims if claim.status == status]
        if not claims:
            continue
        lines += ["", f"### {heading} ({len(claims)})", ""]
        for claim in claims:
            outlets = sorted({ref.article for ref in claim.sentences})
            related = (
                f" (related: {', '.join(f'claim {number}' for number in claim.related)})"
                if claim.related
                else ""
            )
            lines.append(f"- {markdown_text(claim.text)} [{cite(outlets)}]{related}")

    lines += ["", "## Quotes", ""]
    lines += _quote_lines(comparison.quotes, sources)

    lines += ["", "## Entities", "", "| entity | type | names used | mentions |", "|---|---|---|---|"]
    for entity in comparison.entities:
        mentions = ", ".join(f"{sources[a]}: {n}" for a, n in sorted(entity.mentions.items()))
        lines.append(
            f"| {_cell(entity.name)} | {entity.type} | {_cell(' / '.join(entity.variants))} | {mentions} |"
        )
    labelled = [
        (entity, a, labels) for entity in comparison.entities for a, labels in entity.labels.items() if labels
    ]
    if labelled:
        lines += ["", "Labels outlets attach:", ""]
        lines += [
            f"- {markdown_text(entity.name)} — {sources[a]}: {markdown_text(', '.join(labels))}"
            for entity, a, labels in labelled
        ]

    lines += ["", "## Framing: words each outlet uses markedly more", ""]
    for framing in comparison.framing:
        terms = markdown_text(", ".join(term for term, _ in framing.distinctive_terms))
        terms = terms or "(nothing distinctive)"
        dateline = f" (dateline: {markdown_text(framing.dateline)})" if framing.dateline else ""
        lines.append(f"- **{sources[framing.article]}**{dateline}: {terms}")

    lines += ["", "## Timeline", ""]
    lines += [
        f"- {markdown_text(event.date)}: {markdown_text(event.text)} [{cite(event.sources)}]"
        for event in comparison.timeline
    ]
    return "\n".join(lines).rstrip() + "\n"


def _quote_lines(quotes: tuple[Quote, ...], sources: dict[int, str]) -> list[str]:
    grouped: dict[object, list[Quote]] = defaultdict(list)
    for number, quote in enumerate(quotes):
        grouped[quote.group if quote.group is not None else f"single-{number}"].append(quote)
    lines = []
    for group in grouped.values():
        speaker = next((quote.speaker for quote in group if quote.speaker), None) or "unattributed"
        lines.append(f"- **{markdown_text(speaker)}**")
        lines += [f'  - {sources[quote.article]}: "{markdown_text(quote.text)}"' for quote in group]
    return lines
