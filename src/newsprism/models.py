"""Typed records that pass between the stages: ingest -> store -> analyse -> present."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

InputKind = Literal["text", "html", "feed", "jsonl", "csv"]


@dataclass(frozen=True)
class Article:
    """One outlet's report, cleaned: body text without boilerplate or dateline, split into sentences."""

    source: str
    title: str
    text: str
    sentences: tuple[str, ...]
    url: str | None = None
    published: str | None = None  # ISO 8601: "2026-03-14" or "2026-03-14T09:30:00+00:00"
    language: str | None = None  # ISO 639-1 code
    dateline: str | None = None  # e.g. "KYIV" or "NAIROBI, Sept 16 (Reuters)"
    author: str | None = None
    external_id: str | None = None
    path: str | None = None  # where it was read from: file path, "file.jsonl:12", a feed URL, "<stdin>"
    kind: InputKind = "text"
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def content_hash(self) -> str:
        """Identity of the article: same outlet, same title, same text means the same article."""
        digest = hashlib.sha256()
        for part in (self.source.strip().casefold(), self.title.strip(), self.text.strip()):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return datetime.fromisoformat(self.published).date()
        except ValueError:
            return None


@dataclass(frozen=True)
class StoredArticle:
    """An article as it sits in the store, with its database id."""

    id: int
    article: Article
    content_hash: str
    ingested_at: str
    duplicate_of: int | None = None  # the article this one is a syndicated copy of


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read, and why. Stored and counted, never silently dropped."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class IngestReport:
    """What one `ingest` run did."""

    ingested: tuple[int, ...] = ()  # ids of newly stored articles
    duplicates: tuple[int, ...] = ()  # ids of articles that were already stored
    rejected: tuple[Rejected, ...] = ()
    near_duplicates: tuple[tuple[int, int], ...] = ()  # (new article id, id of the article it copies)
    new_stories: int = 0  # stories opened by the clustering that followed

    @property
    def summary(self) -> str:
        return (
            f"ingested {len(self.ingested)}, duplicates {len(self.duplicates)}, rejected {len(self.rejected)}"
        )


@dataclass(frozen=True)
class ClusterReport:
    """What one clustering pass did."""

    articles: int = 0  # articles placed in stories
    new_stories: int = 0


# --- Stories: the articles about one event ---------------------------------------------------


@dataclass(frozen=True)
class StoryMember:
    """One article of a story, as story listings show it."""

    id: int
    source: str
    title: str
    published: str | None
    external_id: str | None = None
    duplicate_of: int | None = None  # set when the article is a syndicated copy


@dataclass(frozen=True)
class Story:
    """The articles about one event, from one or more outlets; `id` never changes once given."""

    id: int
    title: str
    first_seen: str | None  # earliest publication date of its articles (ingest time when undated)
    last_seen: str | None
    sources: tuple[str, ...]
    articles: tuple[StoryMember, ...]
    version: int = 1  # grows whenever an article joins, so cached comparisons know they are stale


# --- Comparison of one story's coverage -------------------------------------------------------

ClaimStatus = Literal["shared", "partial", "unique"]
ConflictKind = Literal["number", "date", "attribution", "quote", "statement"]
EntityType = Literal["PERSON", "ORG", "PLACE", "OTHER"]


@dataclass(frozen=True)
class ComparedArticle:
    """An article taking part in a comparison, under the id the comparison refers to it by."""

    id: int
    article: Article


@dataclass(frozen=True, order=True)
class SentenceRef:
    """Sentence `index` (0-based, in Article.sentences) of the article with id `article`."""

    article: int
    index: int


@dataclass(frozen=True)
class Claim:
    """Sentences from different articles that state the same fact (one sentence per article at most)."""

    id: int
    status: ClaimStatus
    text: str  # the most representative of its sentences
    sentences: tuple[SentenceRef, ...]
    # Other claims about the same measured quantity (people displaced, deaths, money) that are not the same
    # claim: their figures and scope differ, and a figure conflict between them says how.
    related: tuple[int, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """Where outlets disagree: a figure, a date, who said it, or how a quote was cut."""

    kind: ConflictKind
    description: str  # one line a reader understands, naming the outlets
    sentences: tuple[SentenceRef, ...]
    values: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)  # article id -> value


@dataclass(frozen=True)
class Quote:
    """A direct quotation, its speaker when the text says who it is, where it stands."""

    speaker: str | None
    text: str  # the quoted words, without quote marks
    article: int
    sentence: int  # index of the sentence the quotation starts in
    group: int | None = None  # quotes with the same group id are the same quotation across outlets
    # How the text names the speaker: "named" (next to the quote), "title" ("the mayor said"),
    # "pronoun" ("she said") or "continued" (a follow-on paragraph of the same speaker's quote).
    attribution: str | None = None


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with every name the outlets use for it."""

    name: str
    type: EntityType
    variants: tuple[str, ...]
    mentions: dict[int, int] = field(default_factory=dict, hash=False, compare=False)  # article id -> n
    labels: dict[int, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Framing:
    """What marks one outlet's telling: its distinctive words (log-odds z-scores) and dateline."""

    article: int
    distinctive_terms: tuple[tuple[str, float], ...]
    dateline: str | None = None


@dataclass(frozen=True)
class SummarySentence:
    """One sentence of the neutral summary: a member sentence of one claim, citing the claim's outlets that
    say it, or where outlets differ on a figure or a date, citing the outlets in that conflict."""

    text: str
    sources: tuple[int, ...]  # article ids that support the sentence
    claim: int | None = None  # id of the claim it summarises (None when read from an older cached comparison)
    conflict: int | None = None  # for "Outlets differ on ...": its index in the comparison's conflicts


@dataclass(frozen=True)
class TimelineEvent:
    date: str  # ISO date (or datetime) of the event, resolved against the publication date
    text: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class Comparison:
    """Everything `compare` finds about one story's coverage."""

    articles: tuple[ComparedArticle, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    quotes: tuple[Quote, ...]
    entities: tuple[Entity, ...]
    framing: tuple[Framing, ...]
    summary: tuple[SummarySentence, ...]
    timeline: tuple[TimelineEvent, ...]


@dataclass(frozen=True)
class StoryComparison:
    """A story and the comparison of its coverage; syndicated copies are listed, not compared again."""

    story: Story
    comparison: Comparison
    copies: tuple[StoryMember, ...] = ()
    cached: bool = False  # read from the store rather than computed now
