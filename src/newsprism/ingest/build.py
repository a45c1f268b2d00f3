"""From what a reader found (RawArticle) to a clean, typed Article: the steps shared by every input kind."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from newsprism.errors import IngestError
from newsprism.ingest.clean import clean_text, normalise_text
from newsprism.ingest.dates import normalise_date
from newsprism.ingest.safe_text import without_surrogates
from newsprism.models import Article, InputKind
from newsprism.nlp.language import detect_language
from newsprism.nlp.sentences import split_sentences

_MAX_TITLE = 160


@dataclass(frozen=True)
class RawArticle:
    """Fields as an input kind found them, before cleaning."""

    origin: str
    kind: InputKind
    body: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: object = None
    language: str | None = None
    author: str | None = None
    external_id: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


def build_article(raw: RawArticle) -> Article:
    """Clean the body, split off the dateline, split sentences, detect the language."""
    raw = _without_surrogates(raw)
    cleaned = clean_text(raw.body)
    if not cleaned.text:
        raise IngestError(raw.origin, "no article text (empty, or only boilerplate)")
    sentences = tuple(split_sentences(cleaned.text))
    title = _single_line(raw.title) or _title_from_text(sentences)
    return Article(
        source=_single_line(raw.source) or source_from_url(raw.url) or "unknown",
        title=title,
        text=cleaned.text,
        sentences=sentences,
        url=_single_line(raw.url),
        published=normalise_date(raw.published),
        language=_language_code(raw.language) or detect_language(cleaned.text),
        dateline=cleaned.dateline,
        author=_single_line(raw.author),
        external_id=_single_line(raw.external_id),
        path=raw.origin,
        kind=raw.kind,
        metadata=dict(raw.metadata),
    )


def _without_surrogates(raw: RawArticle) -> RawArticle:
    """Every string of the input with its lone surrogates replaced, before anything hashes or stores it."""

    def clean(value: str | None) -> str | None:
        return without_surrogates(value) if isinstance(value, str) else value

    return replace(
        raw,
        origin=without_surrogates(raw.origin),
        body=without_surrogates(raw.body),
        title=clean(raw.title),
        source=clean(raw.source),
        url=clean(raw.url),
        published=clean(raw.published) if isinstance(raw.published, str) else raw.published,
        language=clean(raw.language),
        author=clean(raw.author),
        external_id=clean(raw.external_id),
        metadata={without_surrogates(key): without_surrogates(value) for key, value in raw.metadata.items()},
    )


def source_from_url(url: str | None) -> str | None:
    """The outlet's domain, looking through web-archive snapshot URLs to the original site."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if host.endswith("web.archive.org"):
        original = parts.path.split("/", 3)[-1] if parts.path.count("/") >= 3 else ""
        if "://" in original or original.startswith("www."):
            return source_from_url(original if "://" in original else "http://" + original)
    host = host.removeprefix("www.")
    return host or None


def _single_line(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(normalise_text(str(value)).split())
    return text or None


def _language_code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _title_from_text(sentences: tuple[str, ...]) -> str:
    first = sentences[0] if sentences else ""
    if len(first) <= _MAX_TITLE:
        return first
    return first[:_MAX_TITLE].rsplit(" ", 1)[0] + "…"
