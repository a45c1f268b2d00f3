"""The bundled example stories read exactly as planted.json says: every input kind, cleaned."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.helpers import EXAMPLES, read_planted, straight

PLANTED = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))
CASES = [(story["slug"], article) for story in PLANTED["stories"] for article in story["articles"]]




def test_every_input_kind_is_among_the_examples() -> None:
    kinds = {article["kind"] for _, article in CASES}
    assert kinds >= {"text-header", "text-plain", "html", "rss", "atom", "jsonl", "csv"}


@pytest.mark.parametrize(("story", "planted"), CASES, ids=[f"{s}/{a['source']}" for s, a in CASES])
def test_example_article_reads_as_planted(story: str, planted: dict[str, Any]) -> None:
    article = read_planted(planted)
    assert article.source == planted["source"]
    assert article.title == straight(planted["title"])
    assert article.dateline == planted["dateline"]
    assert (article.published or "")[:10] == (planted["published"] or "")
    assert article.sentences[0] == straight(planted["first_sentence"])
    for line in planted["boilerplate"]:
        assert straight(line) not in article.text
    assert article.language == "en"


@pytest.mark.parametrize("story", PLANTED["stories"], ids=[s["slug"] for s in PLANTED["stories"]])
def test_planted_shared_sentences_come_out_of_the_splitter_whole(story: dict[str, Any]) -> None:
    sentences = {
        planted["source"]: set(read_planted(planted).sentences) for planted in story["articles"]
    }
    for fact in story["planted"]["shared_facts"]:
        for source, sentence in fact["sentences"].items():
            assert straight(sentence) in sentences[source], (source, sentence)
