"""Story listings as a Rich table or JSON, and the header of one story's comparison."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from newsprism.models import Story, StoryComparison, StoryMember


def story_dict(story: Story) -> dict[str, Any]:
    """A story in the documented JSON shape (`version` and copies' `duplicate_of` are extra keys)."""
    return {
        "id": story.id,
        "title": story.title,
        "first_seen": story.first_seen,
        "last_seen": story.last_seen,
        "sources": list(story.sources),
        "articles": [_member_dict(member) for member in story.articles],
        "version": story.version,
    }


def _member_dict(member: StoryMember) -> dict[str, Any]:
    return {
        "id": member.id,
        "external_id": member.external_id,
        "source": member.source,
        "title": member.title,
        "published": member.published,
        "duplicate_of": member.duplicate_of,
    }


def write_stories_json(stories: Iterable[Story], out: TextIO) -> None:
    """The stories as a JSON list (indent 2), written one by one: a long listing never sits in memory."""
    opened = False
    for story in stories:
        out.write(",\n  " if opened else "[\n  ")
        out.write(json.dumps(story_dict(story), ensure_ascii=False, indent=2).replace("\n", "\n  "))
        opened = True
    out.write("\n]" if opened else "[]")


def stories_table(stories: Iterable[Story]) -> Table:
    table = Table(show_lines=False, header_style="bold", expand=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=3, min_width=24)
    table.add_column("dates", no_wrap=True)
    table.add_column("outlets", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("sources", overflow="fold", ratio=2, min_width=18)
    for story in stories:
        table.add_row(
            str(story.id),
            Text(story.title),
            story_span(story),
            str(len(story.sources)),
            str(len(story.articles)),
            Text(_first_sources(story.sources)),
        )
    return table


def _first_sources(sources: tuple[str, ...], shown: int = 2) -> str:
    more = len(sources) - shown
    return ", ".join(sources[:shown]) + (f" +{more}" if more > 0 else "")


def story_span(story: Story) -> str:
    """ "2026-03-03", or "2026-03-03 – 03-04" for a story over several days."""
    first, last = (story.first_seen or "")[:10], (story.last_seen or "")[:10]
    if first == last:
        return first
    # Within one year the second date drops it: "2026-03-03 – 03-04" keeps the table narrow.
    return f"{first} – {last[5:] if first[:4] == last[:4] else last}"


def story_comparison_dict(result: StoryComparison, comparison: dict[str, Any]) -> dict[str, Any]:
    """The comparison JSON of issue 2 with the story and its left-out copies added."""
    return {
        "story": story_dict(result.story),
        "copies": [_member_dict(m) for m in result.copies],
        **comparison,
    }


def story_heading(result: StoryComparison) -> Text:
    """Story id, title, dates and outlets, and which articles were copies, for the terminal."""
    story = result.story
    heading = Text()
    heading.append(f"Story {story.id}: ", style="bold")
    heading.append(story.title, style="bold")
    heading.append(f"\n{story_span(story)} · {len(story.sources)} outlets · {len(story.articles)} articles")
    for copy in result.copies:
        heading.append(f"\n#{copy.id} ({copy.source}) is a copy of #{copy.duplicate_of}; compared once.")
    return heading
