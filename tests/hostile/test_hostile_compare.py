"""`compare` on hostile texts: an article may be rejected with a reason, the comparison never crashes."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz import hostile
from newsprism.comparison.pipeline import compare
from newsprism.errors import NewsprismError
from newsprism.ingest.build import RawArticle, build_article
from newsprism.models import Article

CI = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _articles(texts: list[str]) -> list[Article]:
    built = []
    for number, text in enumerate(texts):
        raw = RawArticle(origin=f"text {number}", kind="text", body=text, title=f"t{number}", source=f"S{number}")
        try:
            built.append(build_article(raw))
        except NewsprismError as rejection:
            assert "\n" not in str(rejection)
    return built


@CI
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_compare_survives_generated_hostile_texts(seed: int) -> None:
    articles = _articles(hostile.compare_texts(random.Random(seed)))
    if len(articles) >= 2:
        comparison = compare(articles)
        assert all(line.sources for line in comparison.summary)


@CI
@given(texts=st.lists(st.text(min_size=1, max_size=3_000), min_size=2, max_size=3))
def test_compare_survives_any_unicode(texts: list[str]) -> None:
    articles = _articles(texts)
    if len(articles) >= 2:
        compare(articles)


def test_two_articles_repeating_one_word_compare() -> None:
    articles = _articles(["spam " * 400, "spam " * 50])
    assert len(compare(articles).articles) == 2


def test_a_text_beyond_a_million_characters_compares() -> None:
    articles = _articles(["word " * 260_000 + "The end.", "The Varna river broke its banks in Oskel on Tuesday."])
    assert len(compare(articles).articles) == 2
