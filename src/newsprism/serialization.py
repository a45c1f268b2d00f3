"""The JSON-ready form of the records and back, in the documented shape (extra keys allowed).

Comparisons are cached in the store in this form and served in it by the CLI and the web API; turning it into
text for people or machines is left to present/.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsprism.models import (
    Article,
    Claim,
    ComparedArticle,
    Comparison,
    Conflict,
    Entity,
    Framing,
    Quote,
    SentenceRef,
    SummarySentence,
    TimelineEvent,
)


def _refs(refs: tuple[SentenceRef, ...]) -> list[dict[str, int]]:
    return [{"article": ref.article, "index": ref.index} for ref in refs]


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "articles": [
            {
                "id": item.id,
                "source": item.article.source,
                "title": item.article.title,
                "published": item.article.published,
                "dateline": item.article.dateline,
                "language": item.article.language,
                "path": item.article.path,
                "url": item.article.url,
                "sentences": [{"index": i, "text": text} for i, text in enumerate(item.article.sentences)],
            }
            for item in comparison.articles
        ],
        "claims": [
            {
                "id": claim.id,
                "status": claim.status,
                "text": claim.text,
                "sentences": _refs(claim.sentences),
                "related": list(claim.related),
            }
            for claim in comparison.claims
        ],
        "conflicts": [
            {
                "kind": conflict.kind,
                "description": conflict.description,
                "sentences": _refs(conflict.sentences),
                "values": conflict.values,
            }
            for conflict in comparison.conflicts
        ],
        "quotes": [
            {
                "speaker": quote.speaker,
                "text": quote.text,
                "article": quote.article,
                "sentence": quote.sentence,
                "group": quote.group,
                "attribution": quote.attribution,
            }
            for quote in comparison.quotes
        ],
        "entities": [
            {
                "name": entity.name,
                "type": entity.type,
                "variants": list(entity.variants),
                "mentions": {str(article): count for article, count in entity.mentions.items()},
                "labels": {str(article): list(labels) for article, labels in entity.labels.items()},
            }
            for entity in comparison.entities
        ],
        "framing": {
            str(item.article): {
                "distinctive_terms": [term for term, _ in item.distinctive_terms],
                "scores": [{"term": term, "z": round(z, 2)} for term, z in item.distinctive_terms],
                "dateline": item.dateline,
            }
            for item in comparison.framing
        },
        "summary": [
            {"text": line.text, "sources": list(line.sources), "claim": line.claim, "conflict": line.conflict}
            for line in comparison.summary
        ],
        "timeline": [
            {"date": event.date, "text": event.text, "sources": list(event.sources)}
            for event in comparison.timeline
        ],
    }


def comparison_from_dict(data: Mapping[str, Any], articles: Mapping[int, Article]) -> Comparison:
    """The inverse of comparison_dict, given the compared articles by id (JSON holds only their sentences)."""

    def refs(items: list[dict[str, int]]) -> tuple[SentenceRef, ...]:
        return tuple(SentenceRef(item["article"], item["index"]) for item in items)

    return Comparison(
        articles=tuple(ComparedArticle(item["id"], articles[item["id"]]) for item in data["articles"]),
        claims=tuple(
            Claim(item["id"], item["status"], item["text"], refs(item["sentences"]), tuple(item["related"]))
            for item in data["claims"]
        ),
        conflicts=tuple(
            Conflict(item["kind"], item["description"], refs(item["sentences"]), dict(item["values"]))
            for item in data["conflicts"]
        ),
        quotes=tuple(
            Quote(
                item["speaker"],
                item["text"],
                item["article"],
                item["sentence"],
                item["group"],
                item["attribution"],
            )
            for item in data["quotes"]
        ),
        entities=tuple(
            Entity(
                item["name"],
                item["type"],
                tuple(item["variants"]),
                {int(key): count for key, count in item["mentions"].items()},
                {int(key): tuple(labels) for key, labels in item["labels"].items()},
            )
            for item in data["entities"]
        ),
        framing=tuple(
            Framing(
                int(article),
                tuple((score["term"], score["z"]) for score in item["scores"]),
                item["dateline"],
            )
            for article, item in data["framing"].items()
        ),
        # "claim" and "conflict" are absent from comparisons cached before summary sentences named them.
        summary=tuple(
            SummarySentence(item["text"], tuple(item["sources"]), item.get("claim"), item.get("conflict"))
            for item in data["summary"]
        ),
        timeline=tuple(
            TimelineEvent(item["date"], item["text"], tuple(item["sources"])) for item in data["timeline"]
        ),
    )
