"""The static HTML report: an index of stories and one page per story, plain files that open from disk.

No script, stylesheet or font is fetched from anywhere: the pages carry their own CSS, and every piece of
article text goes through Jinja's autoescaping, so a `<script>` in an article is shown, never run.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

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


def outlet_coverage(comparison: Comparison) -> list[OutletCoverage]:
    """Claims each compared article takes part in, most first."""
    total = len(comparison.claims)
    counts = [
        OutletCoverage(
            item.article.source,
            sum(1 for claim in comparison.claims if any(ref.article == item.id for ref in claim.sentences)),
            total,
        )
        for item in comparison.articles
    ]
    return sorted(counts, key=lambda coverage: (-coverage.claims, coverage.source))


def index_html(
    results: Sequence[StoryComparison | Story],
    title: str = "Stories",
    href: Callable[[int], str] = story_file,
    live: bool = False,
) -> str:
    """The list of stories; a story without its comparison yet (the web app's index) has no bars.

    `live` adds the web app's search and upload forms.
    """
    entries = []
    for item in results:
        story, comparison = (
            (item.story, item.comparison) if isinstance(item, StoryComparison) else (item, None)
        )
        entries.append(
            {
                "story": story,
                "file": href(story.id),
                "coverage": outlet_coverage(comparison) if comparison else [],
                "conflicts": len(comparison.conflicts) if comparison else None,
            }
        )
    return render_template(
        "report_index.html.j2", title=title, story_span=story_span, stories=entries, live=live
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
    _write_atomically(index, index_html(results))
    return index


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
