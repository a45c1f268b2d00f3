"""The static HTML report: an index of stories and one page per story, plain files that open from disk.

No script, stylesheet or font is fetched from anywhere: the pages carry their own CSS, and every piece of
article text goes through Jinja's autoescaping, so a `<script>` in an article is shown, never run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsprism.files import replaced_atomically
from newsprism.models import Comparison, Story, StoryComparison
from newsprism.present.comparison_html import comparison_html, render_template
from newsprism.present.stories import story_span

INDEX = "index.html"


@dataclass(frozen=True)
class OutletCoverage:
    """How many of a story's claims one outlet reports."""

    source: str
    claims: int
    of: int

    @property
    def percent(self) -> int:
        return round(100 * self.claims / self.of) if self.of else 0


def story_file(story_id: int) -> str:
    return f"story-{story_id}.html"


@dataclass(frozen=True)
class IndexEntry:
    """A story on the index: its coverage bars and conflict count once it has been compared."""

    story: Story
    coverage: tuple[OutletCoverage, ...] | None = None
    conflicts: int | None = None


def outlet_coverage(comparison: Comparison) -> tuple[OutletCoverage, ...]:
    """Claims each compared article takes part in, most first."""
    counts = [
        (
            item.article.source,
            sum(1 for c in comparison.claims if any(r.article == item.id for r in c.sentences)),
        )
        for item in comparison.articles
    ]
    return _ranked(counts, len(comparison.claims))


def index_entry(result: StoryComparison) -> IndexEntry:
    return IndexEntry(result.story, outlet_coverage(result.comparison), len(result.comparison.conflicts))


def index_entry_from_json(story: Story, comparison: Mapping[str, Any]) -> IndexEntry:
    """The same entry read straight from a stored comparison's JSON, without rebuilding the comparison."""
    claims = comparison["claims"]
    counts = [
        (
            article["source"],
            sum(1 for c in claims if any(r["article"] == article["id"] for r in c["sentences"])),
        )
        for article in comparison["articles"]
    ]
    return IndexEntry(story, _ranked(counts, len(claims)), len(comparison["conflicts"]))


def _ranked(counts: Sequence[tuple[str, int]], total: int) -> tuple[OutletCoverage, ...]:
    """Outlets by claims reported, most first; nothing when there are no claims to report."""
    if not total:
        return ()
    coverage = (OutletCoverage(source, claims, total) for source, claims in counts)
    return tuple(sorted(coverage, key=lambda item: (-item.claims, item.source)))


def index_html(
    entries: Sequence[IndexEntry],
    title: str = "Stories",
    href: Callable[[int], str] = story_file,
    live: bool = False,
    csrf: str | None = None,
) -> str:
    """The list of stories; `live` adds the web app's search and upload forms (the upload's with `csrf`)."""
    return render_template(
        "report_index.html.j2",
        title=title,
        story_span=story_span,
        stories=[
            {
                "story": entry.story,
                "file": href(entry.story.id),
                "coverage": entry.coverage or (),
                "conflicts": entry.conflicts,
            }
            for entry in entries
        ],
        live=live,
        csrf=csrf,
    )


def write_report_site(results: Sequence[StoryComparison], folder: Path) -> Path:
    """Write index.html and a page per story into folder; return the index's path.

    Each file is written whole under a temporary name and then renamed, so an interrupted run never leaves
    a half-written page behind.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for result in results:
        page = comparison_html(result.comparison, story=result.story, index=INDEX)
        _write_atomically(folder / story_file(result.story.id), page)
    index = folder / INDEX
    _write_atomically(index, index_html([index_entry(result) for result in results]))
    return index


def _write_atomically(path: Path, text: str) -> None:
    with replaced_atomically(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
