"""The per-sentence record: each sentence of a story read once, and every analyser reads it from there."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from newsprism.comparison.annotate import annotate, annotate_sentence
from newsprism.models import Article, ComparedArticle, SentenceRef

SOURCE = Path(__file__).resolve().parents[2] / "src" / "newsprism"


def _article(number: int, source: str, *sentences: str, published: str | None = "2026-03-10") -> ComparedArticle:
    text = "\n".join(sentences)
    return ComparedArticle(number, Article(source, "Title", text, sentences, published=published))


STORY = [
    _article(
        1,
        "Meridian Wire",
        "Interior Minister Tariq Haddadi visited Lorvenne on Monday.",
        '"We will rebuild," Haddadi said.',
        "More than 4,000 residents were evacuated.",
    ),
    _article(4, "The Harbor Gazette", "About 3,500 people fled the north bank of Lorvenne."),
]


def test_every_sentence_of_every_article_is_annotated_once_in_order() -> None:
    story = annotate(STORY)
    refs = [sentence.ref for sentence in story.sentences()]
    assert refs == [SentenceRef(1, 0), SentenceRef(1, 1), SentenceRef(1, 2), SentenceRef(4, 0)]
    assert story.sentence(SentenceRef(4, 0)).source == "The Harbor Gazette"
    assert story.sentence(SentenceRef(1, 2)).published == date(2026, 3, 10)


def test_a_sentence_carries_its_figures_and_resolved_dates() -> None:
    story = annotate(STORY)
    [figure] = story.sentence(SentenceRef(1, 2)).figures
    assert (figure.value, figure.unit, figure.qualifier) == (4000, "residents", "more than")
    [day] = story.sentence(SentenceRef(1, 0)).event_days
    assert day.date == date(2026, 3, 9)


def test_a_sentence_carries_its_named_entities_from_one_story_wide_pass() -> None:
    story = annotate(STORY)
    names = {mention.text for mention in story.sentence(SentenceRef(1, 0)).mentions}
    assert {"Tariq Haddadi", "Lorvenne"} <= names


def test_a_quotation_is_carried_by_the_sentence_it_opens_in_with_its_speaker() -> None:
    story = annotate(STORY)
    [quote] = story.sentence(SentenceRef(1, 1)).quotes
    assert (quote.text, quote.speaker) == ("We will rebuild", "Tariq Haddadi")
    assert story.sentence(SentenceRef(1, 0)).quotes == ()


@pytest.mark.parametrize(
    ("text", "names", "places"),
    [
        ("Floods hit homes in the town of Vask on Monday.", {"vask"}, {"vask"}),
        ("Police said the Mirel had risen in Kessaria's north.", {"mirel", "kessaria"}, {"kessaria"}),
        ("However, nothing happened.", set(), set()),
    ],
)
def test_names_are_capitalised_words_past_the_first_and_places_follow_in_or_near(
    text: str, names: set[str], places: set[str]
) -> None:
    sentence = annotate_sentence(SentenceRef(1, 0), text, "Wire", None)
    assert sentence.names == names
    assert sentence.places == places


def test_statement_terms_split_off_a_negation_and_keep_numbers_whole() -> None:
    sentence = annotate_sentence(SentenceRef(1, 0), "The dam wasn't breached by 12,000 tonnes.", "Wire", None)
    assert {"was", "n't", "12,000"} <= sentence.terms


# What the record reads; analysers must take it from the record, not call these again.
READERS = {"extract_figures", "extract_dates", "mentions", "sentence_evidence", "extract_quotes"}


@pytest.mark.parametrize(
    "module",
    sorted(path.relative_to(SOURCE).as_posix() for path in (SOURCE / "comparison").rglob("*.py")),
)
def test_no_analyser_reads_a_sentence_the_record_has_read(module: str) -> None:
    tree = ast.parse((SOURCE / module).read_text(encoding="utf-8"))
    called = {
        node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
    }
    allowed = {
        "comparison/annotate.py": READERS,
        # The public string API scores sentences it is given, outside any comparison.
        "comparison/similarity.py": {"sentence_evidence"},
        "comparison/quotes.py": {"extract_quotes"},
    }.get(module, set())
    assert called & READERS <= allowed
