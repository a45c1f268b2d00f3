"""One Entity per person, organisation or place of a story: the steps of the package's docstring, in order."""

from __future__ import annotations

from collections import Counter, defaultdict

from newsprism.comparison.annotate import AnnotatedStory
from newsprism.comparison.entities.grouping import group_occurrences
from newsprism.comparison.entities.labels import collect_labels, count_title_mentions
from newsprism.comparison.entities.occurrences import (
    EntityDraft,
    drop_capitalised_common_words,
    find_occurrences,
    mentions_by_sentence,
    missed_occurrences,
)
from newsprism.comparison.entities.types import StoryContext, entity_type_of
from newsprism.models import Entity


def extract_entities(story: AnnotatedStory) -> list[Entity]:
    """One Entity per person, organisation or place of the story, most mentioned first."""
    articles = story.compared
    occurrences = drop_capitalised_common_words(find_occurrences(story))
    if not occurrences:
        return []
    occurrences += missed_occurrences(articles, occurrences)
    context = StoryContext(occurrences, articles)
    entities = [
        EntityDraft(occurrences=group, type=entity_type_of(group, context))
        for group in group_occurrences(occurrences, context)
    ]
    collect_labels(entities, mentions_by_sentence(occurrences))
    count_title_mentions(entities, {article.id: article.article.sentences for article in articles})
    built = [_build(entity) for entity in entities]
    return sorted(built, key=lambda entity: (-sum(entity.mentions.values()), entity.name))


def _build(entity: EntityDraft) -> Entity:
    """Freeze an assembled entity: name, sorted variants, mention counts and labels per article."""
    surfaces: Counter[str] = Counter()
    casings: dict[str, Counter[str]] = defaultdict(Counter)
    for occurrence in entity.occurrences:
        surface = " ".join(occurrence.tokens)
        surfaces[occurrence.key] += 1
        casings[occurrence.key][surface] += 1
    forms = {key: casings[key].most_common(1)[0][0] for key in surfaces}
    full_forms = [key for key in surfaces if len(key.split()) > 1] or list(surfaces)
    name_key = min(full_forms, key=lambda key: (-surfaces[key], -len(key.split()), key))
    mentions_per_article: Counter[int] = Counter(o.article for o in entity.occurrences)
    mentions_per_article.update(entity.title_mentions)
    variants = sorted(set(forms.values()) | entity.title_variants)
    return Entity(
        name=forms[name_key],
        type=entity.type,
        variants=tuple(variants),
        mentions=dict(sorted(mentions_per_article.items())),
        labels={article: tuple(labels) for article, labels in sorted(entity.labels.items()) if labels},
    )
