"""The neutral summary: within a word budget, consensus first, then where outlets differ, then each outlet's
own facts, every sentence cited."""

from __future__ import annotations

from collections.abc import Sequence

from newsprism.comparison.annotate import annotate
from newsprism.comparison.summary import summarise, word_count
from newsprism.models import Article, Claim, ComparedArticle, Conflict, Framing, SentenceRef, SummarySentence


def summary_of(
    articles: list[ComparedArticle],
    claims: Sequence[Claim],
    framing: Sequence[Framing] = (),
    words: int = 60,
    conflicts: Sequence[Conflict] = (),
) -> list[SummarySentence]:
    return summarise(annotate(articles), claims, conflicts, framing, words)


def words_of(summary: list[SummarySentence]) -> int:
    return sum(word_count(line.text) for line in summary)

WIRE = (
    "The Ostra river flooded the north bank of Lorvenne on Tuesday after four days of rain.",
    "More than 4,000 residents were evacuated to schools and a sports hall.",
    "The regional government released 2 million crowns in emergency aid on Wednesday.",
    "Rail services were suspended until further notice.",
    "Forecasters expect more rain later in the week.",
)
TABLOID = (
    "The raging Ostra swallowed Lorvenne's north bank on Tuesday after days of rain.",
    "Thousands of terrified families fled to schools and a sports hall.",
    "Rescuers pulled a pensioner and her two cats from the roof of a bakery on Quay Street.",
    "The town's only cinema was left under water.",
    "Locals queued for blankets at the sports hall.",
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
    Claim(5, "unique", WIRE[3], (SentenceRef(1, 3),)),
    Claim(6, "unique", WIRE[4], (SentenceRef(1, 4),)),
    Claim(7, "unique", TABLOID[3], (SentenceRef(2, 3),)),
    Claim(8, "unique", TABLOID[4], (SentenceRef(2, 4),)),
]


def test_consensus_comes_first_and_cites_every_outlet() -> None:
    summary = summary_of(ARTICLES, CLAIMS, words=60)
    assert summary[0].sources == (1, 2)
    assert summary[1].sources == (1, 2)
    assert all(len(line.sources) == 1 for line in summary[2:])


def test_no_sentence_spends_words_naming_its_outlets_the_citations_do() -> None:
    for line in summary_of(ARTICLES, CLAIMS, words=60):
        assert line.text in WIRE + TABLOID


def test_every_sentence_has_sources_and_the_budget_holds() -> None:
    for words in (25, 40, 60):
        summary = summary_of(ARTICLES, CLAIMS, words=words)
        assert all(line.sources for line in summary)
        assert words_of(summary) <= words


def test_a_first_sentence_longer_than_the_budget_is_kept_whole() -> None:
    [line] = summary_of(ARTICLES, CLAIMS, words=5)
    assert line.text in (WIRE[0], TABLOID[0])


def test_each_sentence_names_the_claim_it_summarises_and_cites_that_claims_outlets() -> None:
    claims = {claim.id: claim for claim in CLAIMS}
    for line in summary_of(ARTICLES, CLAIMS, words=4):
        assert line.claim is not None
        assert line.sources == tuple(sorted({ref.article for ref in claims[line.claim].sentences}))


def test_the_least_loaded_wording_represents_a_shared_claim() -> None:
    framing = [Framing(2, (("raging", 3.1), ("swallowed", 2.5), ("terrified", 2.4)))]
    summary = summary_of(ARTICLES, CLAIMS, framing, words=30)
    assert summary[0].text == WIRE[0]
    assert "terrified" not in summary[1].text


def test_a_summary_is_never_longer_than_half_the_story() -> None:
    story_words = sum(word_count(sentence) for sentence in WIRE + TABLOID)
    assert words_of(summary_of(ARTICLES, CLAIMS, words=1_000)) <= story_words / 2


def test_no_claims_no_summary() -> None:
    assert summary_of(ARTICLES, [], words=5) == []


def _story(*articles: tuple[str, tuple[str, ...]]) -> list[ComparedArticle]:
    return [
        ComparedArticle(number, Article(source=source, title="t", text=" ".join(texts), sentences=texts))
        for number, (source, texts) in enumerate(articles, start=1)
    ]


def test_a_direct_quote_does_not_represent_a_shared_claim() -> None:
    quoted = ('"The dam will hold," the mayor said of the Ostra dam on Tuesday night.',)
    plain = ("The mayor said on Tuesday night that the Ostra dam would hold.",)
    articles = _story(("Meridian Wire", quoted), ("The Daily Clarion", plain))
    claim = Claim(1, "shared", quoted[0], (SentenceRef(1, 0), SentenceRef(2, 0)))
    [line] = summary_of(articles, [claim], words=10)
    assert line.text == plain[0]
    assert line.sources == (1, 2)


def test_the_wording_that_says_more_of_what_the_outlets_share_represents_a_shared_claim() -> None:
    wire = (
        "The Ostra river flooded the north bank of Lorvenne on Tuesday.",
        "Residents of the north bank were evacuated as the Ostra river rose.",
    )
    clarion = (
        "Water covered streets in the north of the city on Tuesday afternoon.",
        "Officials evacuated residents of the north bank overnight.",
    )
    articles = _story(("Meridian Wire", wire), ("The Daily Clarion", clarion))
    claims = [
        Claim(1, "shared", clarion[0], (SentenceRef(1, 0), SentenceRef(2, 0))),
        Claim(2, "shared", wire[1], (SentenceRef(1, 1), SentenceRef(2, 1))),
    ]
    assert summary_of(articles, claims[:1], words=10)[0].text == wire[0]


def test_a_fact_every_outlet_reports_comes_before_one_only_some_report() -> None:
    a = (
        "The Ostra river burst its banks in Lorvenne on Tuesday.",
        "Police closed the old stone bridge to all traffic.",
    )
    b = (
        "The Ostra river burst its banks in Lorvenne on Tuesday morning.",
        "The old stone bridge was closed to traffic by police.",
    )
    c = (
        "The Ostra burst its banks in Lorvenne on Tuesday.",
        "Schools in Lorvenne stayed open as usual on Wednesday.",
    )
    articles = _story(("Meridian Wire", a), ("The Daily Clarion", b), ("Lorvenne Post", c))
    claims = [
        Claim(1, "partial", a[1], (SentenceRef(1, 1), SentenceRef(2, 1))),
        Claim(2, "shared", a[0], (SentenceRef(1, 0), SentenceRef(2, 0), SentenceRef(3, 0))),
        Claim(3, "unique", c[1], (SentenceRef(3, 1),)),
    ]
    summary = summary_of(articles, claims, words=60)
    assert [line.sources for line in summary][:2] == [(1, 2, 3), (1, 2)]


def test_an_outlets_facts_that_share_no_word_with_the_others_do_not_pad_the_summary() -> None:
    shared = "The Ostra river flooded Lorvenne on Tuesday after four days of rain."
    wire = (
        shared,
        "The regional government released 2 million crowns in emergency aid.",
        "A council meeting on flood defences was postponed to next month.",
        # In no claim here: only the story's length, of which a summary takes at most half.
        "The mayor thanked volunteers from three neighbouring towns for filling sandbags through the night.",
        "Insurers said they had received several hundred claims by Wednesday evening.",
    )
    clarion = (shared,)
    articles = _story(("Meridian Wire", wire), ("The Daily Clarion", clarion))
    claims = [
        Claim(1, "shared", shared, (SentenceRef(1, 0), SentenceRef(2, 0))),
        Claim(2, "unique", wire[1], (SentenceRef(1, 1),)),
        Claim(3, "unique", wire[2], (SentenceRef(1, 2),)),
    ]
    assert [line.text for line in summary_of(articles, claims, words=30)] == [shared]


def test_a_single_outlet_fact_joins_for_what_it_shares_and_a_restated_fact_is_not_repeated() -> None:
    wire = (
        "The Ostra river flooded the north bank of Lorvenne on Tuesday.",
        # In no claim: the other outlet's words the volunteers sentence below shares.
        "The mayor thanked volunteers from three neighbouring towns for filling sandbags through the night.",
        "Insurers said they had received several hundred claims by Wednesday evening.",
    )
    clarion = (
        "The Ostra river flooded the north bank of Lorvenne on Tuesday night.",
        "Volunteers from neighbouring towns filled sandbags.",
    )
    articles = _story(("Meridian Wire", wire), ("The Daily Clarion", clarion))
    claims = [
        Claim(1, "partial", wire[0], (SentenceRef(1, 0), SentenceRef(2, 0))),
        Claim(2, "unique", clarion[0], (SentenceRef(2, 0),)),  # an unaligned restatement
        Claim(3, "unique", clarion[1], (SentenceRef(2, 1),)),
    ]
    summary = summary_of(articles, claims, words=30)
    assert [line.sources for line in summary] == [(1, 2), (2,)]
    assert summary[1].text == clarion[1]


def test_a_sentence_opening_on_a_pronoun_does_not_represent_a_claim_when_another_wording_names_the_actor() -> None:
    first = ("He said the ferry would stay closed until the engines were replaced.",)
    second = ("Mayor Ilse Brandt said the ferry would stay closed until its engines were replaced.",)
    articles = [
        ComparedArticle(1, Article(source="Vaskor Post", title="t", text=first[0], sentences=first)),
        ComparedArticle(2, Article(source="Evening Star", title="t", text=second[0], sentences=second)),
    ]
    [line] = summary_of(articles, [Claim(1, "shared", first[0], (SentenceRef(1, 0), SentenceRef(2, 0)))], words=10)
    assert line.text == second[0]


def test_an_outlet_giving_the_claim_another_figure_is_not_cited_for_the_sentence_shown() -> None:
    first = ("About 12,000 vehicles cross the Harlan Street bridge each day, the transport department said.",)
    second = ("The transport department says 15,000 vehicles cross the Harlan Street bridge each day.",)
    articles = [
        ComparedArticle(1, Article(source="Valley Courier", title="Bridge", text=first[0], sentences=first)),
        ComparedArticle(2, Article(source="Lakeside Post", title="Bridge", text=second[0], sentences=second)),
    ]
    claims = [Claim(1, "shared", first[0], (SentenceRef(1, 0), SentenceRef(2, 0)))]
    [line] = summary_of(articles, claims, words=10)
    assert len(line.sources) == 1
    assert line.text == (first + second)[line.sources[0] - 1]


def test_where_outlets_differ_on_a_figure_the_summary_says_so_after_the_consensus() -> None:
    conflict = Conflict(
        "number",
        "Displaced: Meridian Wire says more than 4,000 residents; The Daily Clarion says thousands of families",
        (SentenceRef(1, 1), SentenceRef(2, 1)),
        {"1": {"text": "More than 4,000 residents"}, "2": {"text": "Thousands of terrified families"}},
    )
    summary = summary_of(ARTICLES, CLAIMS, words=60, conflicts=[conflict])
    [line] = [line for line in summary if line.conflict is not None]
    assert line.text == (
        "Outlets differ on the number displaced: Meridian Wire says more than 4,000 residents; "
        "The Daily Clarion says thousands of families."
    )
    assert line.sources == (1, 2) and line.conflict == 0 and line.claim is None
    position = summary.index(line)
    assert all(len(other.sources) > 1 for other in summary[:position])
    assert all(len(other.sources) == 1 for other in summary[position + 1 :])


def test_quote_and_statement_conflicts_are_not_stated_in_the_summary() -> None:
    conflict = Conflict("quote", "Meridian Wire quotes Lind in full; The Daily Clarion cuts \"and more\"", ())
    summary = summary_of(ARTICLES, CLAIMS, words=60, conflicts=[conflict])
    assert all(line.conflict is None for line in summary)
