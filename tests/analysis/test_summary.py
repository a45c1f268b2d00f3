"""The neutral summary: consensus first, then each outlet's own facts, every sentence cited."""

from __future__ import annotations

from newsprism.analysis.summary import summarise
from newsprism.models import Article, Claim, ComparedArticle, Framing, SentenceRef

WIRE = (
    "The Ostra river flooded the north bank of Lorvenne on Tuesday after four days of rain.",
    "More than 4,000 residents were evacuated to schools and a sports hall.",
    "The regional government released 2 million crowns in emergency aid on Wednesday.",
)
TABLOID = (
    "The raging Ostra swallowed Lorvenne's north bank on Tuesday after days of rain.",
    "Thousands of terrified families fled to schools and a sports hall.",
    "Rescuers pulled a pensioner and her two cats from the roof of a bakery on Quay Street.",
)
ARTICLES = [
    ComparedArticle(1, Article(source="Meridian Wire", title="Flood", text=" ".join(WIRE), sentences=WIRE)),
    ComparedArticle(2, Article(source="The Daily Clarion", title="Flood", text=" ".join(TABLOID), sentences=TABLOID)),
]
CLAIMS = [
    Claim(1, "shared", WIRE[0], (SentenceRef(1, 0), SentenceRef(2, 0))),
    Claim(2, "shared", WIRE[1], (SentenceRef(1, 1), SentenceRef(2, 1))),
    Claim(3, "unique", WIRE[2], (SentenceRef(1, 2),)),
    Claim(4, "unique", TABLOID[2], (SentenceRef(2, 2),)),
]


def test_consensus_comes_first_and_cites_every_outlet() -> None:
    summary = summarise(ARTICLES, CLAIMS, length=4)
    assert summary[0].sources == (1, 2)
    assert summary[1].sources == (1, 2)


def test_unique_facts_are_attributed_to_their_outlet() -> None:
    summary = summarise(ARTICLES, CLAIMS, length=4)
    unique_lines = [line for line in summary if len(line.sources) == 1]
    assert {line.text for line in unique_lines} == {
        "According to Meridian Wire, the regional government released 2 million crowns in emergency aid on Wednesday.",
        "According to The Daily Clarion, rescuers pulled a pensioner and her two cats from the roof of a bakery on Quay Street.",
    }


def test_every_sentence_has_sources_and_the_length_is_respected() -> None:
    for length in (1, 2, 3, 4):
        summary = summarise(ARTICLES, CLAIMS, length=length)
        assert len(summary) == length
        assert all(line.sources for line in summary)


def test_the_least_loaded_wording_represents_a_shared_claim() -> None:
    framing = [Framing(2, (("raging", 3.1), ("swallowed", 2.5), ("terrified", 2.4)))]
    summary = summarise(ARTICLES, CLAIMS, framing, length=2)
    assert summary[0].text == WIRE[0]
    assert "terrified" not in summary[1].text


def test_names_keep_their_capital_after_according_to() -> None:
    sentences = ("Lind warned that time was running out.", "The call was made by Foreign Minister Maria Lind.")
    articles = [ComparedArticle(1, Article(source="Meridian Wire", title="t", text=sentences[0], sentences=sentences))]
    [line] = summarise(articles, [Claim(1, "unique", sentences[0], (SentenceRef(1, 0),))], length=1)
    assert line.text == "According to Meridian Wire, Lind warned that time was running out."


def test_no_claims_no_summary() -> None:
    assert summarise(ARTICLES, [], length=5) == []
