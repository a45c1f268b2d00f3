"""Named-entity mentions: spaCy's labels mapped to four types, spans cleaned of titles and possessives."""

from __future__ import annotations

import pytest

from newsprism.nlp.ner import LABELS, Mention, is_title, mentions, strip_title


def _found(sentence: str) -> set[tuple[str, str]]:
    [found] = mentions([sentence])
    return {(mention.text, mention.label) for mention in found}


@pytest.mark.parametrize(
    ("spacy_label", "label"),
    [
        ("PERSON", "PERSON"),
        ("ORG", "ORG"),
        ("GPE", "PLACE"),
        ("LOC", "PLACE"),
        ("FAC", "PLACE"),
        ("NORP", "OTHER"),
        ("EVENT", "OTHER"),
        ("WORK_OF_ART", "OTHER"),
        ("LAW", "OTHER"),
    ],
)
def test_spacy_labels_map_to_four_types(spacy_label: str, label: str) -> None:
    assert LABELS[spacy_label] == label


@pytest.mark.parametrize("figure", ["DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"])
def test_figures_are_no_entities(figure: str) -> None:
    assert figure not in LABELS


@pytest.mark.parametrize(
    ("name", "title", "rest"),
    [
        ("Interior Minister Tariq Haddadi", "Interior Minister", "Tariq Haddadi"),
        ("President Anton Grevel", "President", "Anton Grevel"),
        ("Prime Minister Anton Grevel", "Prime Minister", "Anton Grevel"),
        ("Mayor Mirela Sandor", "Mayor", "Mirela Sandor"),
        ("Police Commissioner Bruno Kestel", "Police Commissioner", "Bruno Kestel"),
        ("Vice President Maria Lind", "Vice President", "Maria Lind"),
        ("Gen. Ivo Brandt", "Gen.", "Ivo Brandt"),
        ("Dr Ana Pinto", "Dr", "Ana Pinto"),
        ("Maria Lind", "", "Maria Lind"),
        # A modifier alone is no title: "Interior" of a name stays.
        ("Interior Maria Lind", "", "Interior Maria Lind"),
        # The last word is always kept as the name.
        ("Mayor", "", "Mayor"),
    ],
)
def test_strip_title_splits_a_leading_title_off(name: str, title: str, rest: str) -> None:
    assert strip_title(name) == (title, rest)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Interior", True),
        ("Defense", True),
        ("Interior Minister", True),
        ("Police Commissioner", True),
        ("Interior Ministry", False),
        ("Maria Lind", False),
        ("", False),
    ],
)
def test_is_title(words: str, expected: bool) -> None:
    assert is_title(words.split()) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Interior Minister Tariq Haddadi said on Saturday that the port would reopen.", {("Tariq Haddadi", "PERSON")}),
        ("Foreign minister Helena Lind's hardening tone drew sharp criticism in Vaskor.", {("Helena Lind", "PERSON"), ("Vaskor", "PLACE")}),
        ("The march had been called by the Dockworkers' Union to oppose the plan.", {("Dockworkers' Union", "ORG")}),
        ("Maria Lind flew to Paris on Monday with 300 euros.", {("Maria Lind", "PERSON"), ("Paris", "PLACE")}),
    ],
)
def test_mentions_are_cleaned_of_titles_articles_possessives_and_figures(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Interior Minister Tariq Haddadi said on Saturday that the port would reopen.",
        "Defense Secretary Ivo Brandt visited the base.",
    ],
)
def test_a_title_tagged_as_an_organisation_is_dropped(sentence: str) -> None:
    assert all(label != "ORG" for _, label in _found(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Secretary of Defense Lloyd Marsh visited the base.", {("Lloyd Marsh", "PERSON")}),
        ("Secretary of State Dana Lisk said talks would go on.", {("Dana Lisk", "PERSON")}),
        ("Secretary of Homeland Security Tomas Reyl spoke.", {("Tomas Reyl", "PERSON")}),
    ],
)
def test_a_name_after_an_office_of_a_portfolio_is_the_person_holding_it(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert _found(sentence) == expected


def test_a_first_name_the_model_leaves_out_is_taken_in() -> None:
    sentence = "Ilya Varenko, head of the National Civil Protection Agency, said the embankment had held."
    assert ("Ilya Varenko", "PERSON") in _found(sentence)


def test_mention_spans_point_into_the_text() -> None:
    sentence = "Police commissioner Bruno Kestel's officers cleared Customs Square."
    [found] = mentions([sentence])
    for mention in found:
        assert sentence[mention.start : mention.end] == mention.text
    assert Mention("Bruno Kestel", "PERSON", 20, 32) in found


def test_mentions_keep_the_order_and_number_of_texts() -> None:
    texts = ["Maria Lind spoke.", "", "Nothing here.", "Maria Lind spoke."]
    result = mentions(texts)
    assert len(result) == 4
    assert result[1] == [] and result[2] == []
    assert result[0] == result[3]
