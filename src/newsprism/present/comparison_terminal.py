"""A Comparison for the terminal: a coverage matrix with colour for shared, unique and conflicting claims."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newsprism.models import Comparison, SentenceRef

STATUS_STYLES = {"shared": "green", "partial": "yellow", "unique": "magenta"}
MARKS = {"shared": "●", "partial": "◐", "unique": "○"}
MAX_CLAIM_CHARS = 180


def comparison_view(comparison: Comparison) -> RenderableType:
    sources = {item.id: item.article.source for item in comparison.articles}
    in_conflict: set[SentenceRef] = {ref for conflict in comparison.conflicts for ref in conflict.sentences}
    parts: list[RenderableType] = []

    outlets = Table(title="Articles", title_justify="left", header_style="bold")
    for column in ("id", "outlet", "published", "dateline", "title"):
        outlets.add_column(column)
    for item in comparison.articles:
        article = item.article
        outlets.add_row(
            str(item.id),
            Text(article.source),
            (article.published or "")[:10],
            Text(article.dateline or ""),
            Text(article.title),
        )
    parts.append(outlets)

    parts.append(Rule("Summary", align="left"))
    for line in comparison.summary:
        cited = ", ".join(sources[i] for i in line.sources)
        parts.append(Text.assemble("• ", line.text, (f"  [{cited}]", "dim")))

    parts.append(Rule("Conflicts", align="left"))
    if not comparison.conflicts:
        parts.append(Text("none found", style="dim"))
    for conflict in comparison.conflicts:
        parts.append(Text.assemble((f"⚠ {conflict.kind}: ", "bold red"), conflict.description))

    legend = "  ".join(f"{item.id} = {item.article.source}" for item in comparison.articles)
    matrix = Table(
        title="Claims: ● every outlet, ◐ some, ○ one; red: in a conflict",
        caption=f"columns: {legend}",
        title_justify="left",
        caption_justify="left",
        expand=True,
    )
    matrix.add_column("#", justify="right", style="dim", no_wrap=True)
    matrix.add_column("claim", ratio=1)
    for item in comparison.articles:
        matrix.add_column(str(item.id), justify="center", no_wrap=True, min_width=2)
    for claim in comparison.claims:
        covered = {ref.article for ref in claim.sentences}
        conflicted = any(ref in in_conflict for ref in claim.sentences)
        style = "red" if conflicted else STATUS_STYLES[claim.status]
        text = claim.text if len(claim.text) <= MAX_CLAIM_CHARS else claim.text[: MAX_CLAIM_CHARS - 1] + "…"
        marks = [
            Text(MARKS[claim.status], style=style) if item.id in covered else Text("")
            for item in comparison.articles
        ]
        row_text = Text(text, style=style if claim.status != "partial" else "")
        if claim.related:
            row_text.append(f"  ~ {', '.join(f'#{number}' for number in claim.related)}", style="dim")
        matrix.add_row(str(claim.id), row_text, *marks)
    parts += [Rule(), matrix]

    if comparison.quotes:
        quotes = Table(title="Quotes", title_justify="left", header_style="bold")
        for column in ("speaker", "outlet", "quote"):
            quotes.add_column(column)
        for quote in sorted(comparison.quotes, key=lambda q: (q.group is None, q.group or 0, q.article)):
            quotes.add_row(Text(quote.speaker or "?"), Text(sources[quote.article]), Text(f'"{quote.text}"'))
        parts.append(quotes)

    if comparison.entities:
        entities = Table(title="Entities", title_justify="left", header_style="bold")
        for column in ("entity", "type", "names used", "mentions"):
            entities.add_column(column)
        for entity in comparison.entities:
            mentions = ", ".join(f"{sources[a]} {n}" for a, n in sorted(entity.mentions.items()))
            entities.add_row(
                Text(entity.name), entity.type, Text(" / ".join(entity.variants)), Text(mentions)
            )
        parts.append(entities)

    parts.append(Rule("Framing: words each outlet uses markedly more", align="left"))
    for framing in comparison.framing:
        terms = ", ".join(term for term, _ in framing.distinctive_terms) or "—"
        parts.append(Text.assemble((sources[framing.article], "bold"), ": ", terms))

    if comparison.timeline:
        parts.append(Rule("Timeline", align="left"))
        for event in comparison.timeline:
            cited = ", ".join(sources[i] for i in event.sources)
            parts.append(Text.assemble((event.date, "cyan"), "  ", event.text, (f"  [{cited}]", "dim")))
    return Group(*parts)
