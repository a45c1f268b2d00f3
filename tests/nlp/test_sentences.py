"""Tests of the rule-based news sentence splitter."""

from __future__ import annotations

import re

import pytest

from newsprism.nlp.sentences import split_sentences

CASES: list[tuple[str, list[str]]] = [
    ("The dam held. Water levels fell.", ["The dam held.", "Water levels fell."]),
    (
        "Did it hold? Nobody knew! Then it broke.",
        ["Did it hold?", "Nobody knew!", "Then it broke."],
    ),
    ("The vote is on Sept. 16 in Nairobi.", ["The vote is on Sept. 16 in Nairobi."]),
    ("U.S. officials declined to comment.", ["U.S. officials declined to comment."]),
    (
        "He moved to the U.S. The next day he applied for asylum.",
        ["He moved to the U.S.", "The next day he applied for asylum."],
    ),
    ("The U.S. Secretary of State arrived.", ["The U.S. Secretary of State arrived."]),
    ("Talks at the U.N. and in the E.U. stalled.", ["Talks at the U.N. and in the E.U. stalled."]),
    (
        "Gov. Lind signed the bill. It takes effect in May.",
        ["Gov. Lind signed the bill.", "It takes effect in May."],
    ),
    ("Mr. Ortiz and Dr. Chen met Sen. Park.", ["Mr. Ortiz and Dr. Chen met Sen. Park."]),
    ("He lives at No. 10 Downing St. in London.", ["He lives at No. 10 Downing St. in London."]),
    ("She said no. Then she left.", ["She said no.", "Then she left."]),
    (
        "About 4.5 million people voted. Turnout was 61.2 percent.",
        ["About 4.5 million people voted.", "Turnout was 61.2 percent."],
    ),
    (
        "The meeting starts at 3 p.m. Monday in Geneva.",
        ["The meeting starts at 3 p.m. Monday in Geneva."],
    ),
    (
        "The meeting ended at 5 p.m. The talks resume today.",
        ["The meeting ended at 5 p.m.", "The talks resume today."],
    ),
    (
        "The train left at 10.30 and arrived at 11.45.",
        ["The train left at 10.30 and arrived at 11.45."],
    ),
    ("John F. Kennedy was killed in Dallas.", ["John F. Kennedy was killed in Dallas."]),
    ("J. R. R. Tolkien wrote it.", ["J. R. R. Tolkien wrote it."]),
    ("J. A. Smith and Vitamin C. A study followed.", ["J. A. Smith and Vitamin C.", "A study followed."]),
    ("Apple Inc. Chief Executive Tim Cook spoke.", ["Apple Inc. Chief Executive Tim Cook spoke."]),
    (
        "It was sold to Acme Corp. The deal closed.",
        ["It was sold to Acme Corp.", "The deal closed."],
    ),
    (
        "Roe v. Wade was overturned in 2022. Protests followed.",
        ["Roe v. Wade was overturned in 2022.", "Protests followed."],
    ),
    (
        "Fruit, e.g. apples, was banned. Prices rose.",
        ["Fruit, e.g. apples, was banned.", "Prices rose."],
    ),
    (
        'He said: "We will rebuild." The mayor left.',
        ['He said: "We will rebuild."', "The mayor left."],
    ),
    ('"Is this the end?" she asked.', ['"Is this the end?" she asked.']),
    ('"Is this the end?" Smith asked reporters.', ['"Is this the end?" Smith asked reporters.']),
    (
        '"Get out now!" Police Chief Ana Ruiz shouted.',
        ['"Get out now!" Police Chief Ana Ruiz shouted.'],
    ),
    (
        '"We will rebuild. We will not abandon the north bank," the mayor said.',
        ['"We will rebuild. We will not abandon the north bank," the mayor said.'],
    ),
    (
        "\u201cWe will rebuild. We will not leave,\u201d the mayor said. Crowds cheered.",
        ["\u201cWe will rebuild. We will not leave,\u201d the mayor said.", "Crowds cheered."],
    ),
    (
        "'We will fight on. We always have,' she said. The crowd roared.",
        ["'We will fight on. We always have,' she said.", "The crowd roared."],
    ),
    ('He asked, "Why now? Why here?" and left.', ['He asked, "Why now? Why here?" and left.']),
    (
        'The mayor said: "We will rebuild. We will not abandon',
        ['The mayor said: "We will rebuild.', "We will not abandon"],
    ),
    (
        "KYIV\nRussian forces advanced. The city held.",
        ["KYIV", "Russian forces advanced.", "The city held."],
    ),
    ("Floods Hit the North\nThousands fled.", ["Floods Hit the North", "Thousands fled."]),
    ("He paused... and then he spoke.", ["He paused... and then he spoke."]),
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("It was over\u2026 Nobody moved.", ["It was over\u2026", "Nobody moved."]),
    ("1. Cut taxes.\n2. Build roads.", ["1. Cut taxes.", "2. Build roads."]),
    ("The plan: 1. Cut taxes. 2. Build roads.", ["The plan: 1. Cut taxes.", "2. Build roads."]),
    (
        "See www.example.gov.uk for details. Email press@example.org. Lines open at 9.",
        ["See www.example.gov.uk for details.", "Email press@example.org.", "Lines open at 9."],
    ),
    ("The toll rose in 2024. 2025 was worse.", ["The toll rose in 2024.", "2025 was worse."]),
    ("Bring water (and food). Stay inside.", ["Bring water (and food).", "Stay inside."]),
    (
        "(It was the third attack.) Police arrived.",
        ["(It was the third attack.)", "Police arrived."],
    ),
    ("", []),
    ("  \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_long_quotation_is_split_normally() -> None:
    quoted = " ".join(f"This is quoted sentence number {n} about the flood." for n in range(12))
    text = f'"{quoted}" the mayor said.'
    assert len(quoted) > 400
    sentences = split_sentences(text)
    assert len(sentences) == 12
    assert sentences[-1].endswith('" the mayor said.')


def test_quotation_left_open_at_paragraph_end_does_not_stop_splitting() -> None:
    text = 'He said: "We will stay. We will fight.\n"We will win," he added.'
    expected = ['He said: "We will stay.', "We will fight.", '"We will win," he added.']
    assert split_sentences(text) == expected


ARTICLE = (
    "NAIROBI, Sept 16 (Reuters) - Kenya's president said on Monday the U.S. had agreed to help.\n\n"
    '"This is a historic day. We thank our partners," President Ruto told reporters '
    "at 3 p.m. Monday.\n\n"
    "About 4.5 million people live in the region... Most depend on farming. Gov. Lind, of No. 10 "
    "Rd., said: \"Is this enough?\" Officials in the U.K. and the E.U. did not comment! Dr. J. R. "
    "Smith Jr. wasn't reached. See https://example.com/a.b?c=1 or mail info@example.org. Done?\n"
    "Heading without a stop\n"
    "'Quoted with single marks,' she said. Rock 'n' roll and the '90s. The end."
)


def test_mixed_article_is_split_as_a_reader_would() -> None:
    assert split_sentences(ARTICLE) == [
        "NAIROBI, Sept 16 (Reuters) - Kenya's president said on Monday "
        "the U.S. had agreed to help.",
        '"This is a historic day. We thank our partners," President Ruto told reporters '
        "at 3 p.m. Monday.",
        "About 4.5 million people live in the region...",
        "Most depend on farming.",
        'Gov. Lind, of No. 10 Rd., said: "Is this enough?"',
        "Officials in the U.K. and the E.U. did not comment!",
        "Dr. J. R. Smith Jr. wasn't reached.",
        "See https://example.com/a.b?c=1 or mail info@example.org.",
        "Done?",
        "Heading without a stop",
        "'Quoted with single marks,' she said.",
        "Rock 'n' roll and the '90s.",
        "The end.",
    ]


def test_no_characters_other_than_whitespace_are_lost() -> None:
    sentences = split_sentences(ARTICLE)
    assert re.sub(r"\s+", "", "".join(sentences)) == re.sub(r"\s+", "", ARTICLE)


def test_sentences_are_stripped_and_non_empty() -> None:
    assert all(sentence and sentence == sentence.strip() for sentence in split_sentences(ARTICLE))


def test_sentence_never_spans_a_line_break() -> None:
    assert not any("\n" in sentence for sentence in split_sentences(ARTICLE))
