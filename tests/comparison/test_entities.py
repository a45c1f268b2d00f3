"""Entities of a story: one per referent across outlets, with every spelling, title and descriptor."""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsprism
from newsprism.comparison.annotate import annotate
from newsprism.comparison.entities import core_title, descriptors, extract_entities, name_skeleton, same_name
from newsprism.models import Article, ComparedArticle, Entity, EntityType
from newsprism.nlp.ner import Mention
from newsprism.nlp.sentences import split_sentences
from tests.helpers import EXAMPLES


def entities_of(articles: list[ComparedArticle]) -> list[Entity]:
    return extract_entities(annotate(articles))

PLANTED = json.loads((EXAMPLES / "planted.json").read_text(encoding="utf-8"))


def _story(*texts: str) -> list[ComparedArticle]:
    return [
        ComparedArticle(index, Article(f"Outlet {index}", "", text, tuple(split_sentences(text))))
        for index, text in enumerate(texts)
    ]


def _entity(entities: list[Entity], variant: str) -> Entity:
    [entity] = [entity for entity in entities if variant in entity.variants]
    return entity


def _mention(sentence: str, name: str, label: EntityType = "PERSON") -> Mention:
    start = sentence.index(name)
    return Mention(name, label, start, start + len(name))


# --- spelling variants ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kyiv", "Kiev"),
        ("Qaddafi", "Gaddafi"),
        ("Gaddafi", "Kadhafi"),
        ("Qaddafi", "Kadhafi"),
        ("Tariq Haddadi", "Tareq Hadadi"),
        ("Ilya Varenko", "Ilja Varenko"),
        ("Sergei Vantolin", "Sergey Vantolin"),
        ("Qarvel Dam", "Karvel Dam"),
        ("Mohammed", "Muhammad"),
        ("Zelensky", "Zelenskyy"),
        ("Kim Jong Un", "Kim Jong-un"),
        ("Maria Lind", "maria lind"),
    ],
)
def test_spelling_variants_are_one_name(a: str, b: str) -> None:
    assert same_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Lind", "Lindqvist"),
        ("Port Asha", "Port Asha Dockworkers' Union"),
        ("Maria Lind", "Maria Berg"),
        ("Maria Lind", "Helena Lind"),
        ("Anna", "Hanna"),
        ("Sandor", "Sandberg"),
        ("Kessaria", "Kessarian"),
    ],
)
def test_different_names_are_not_one_name(a: str, b: str) -> None:
    assert not same_name(a, b)


@pytest.mark.parametrize(
    ("word", "skeleton"),
    [("Qaddafi", "kdf"), ("Gaddafi", "kdf"), ("Kadhafi", "kdf"), ("Kyiv", "kv"), ("Kiev", "kv"), ("Haddadi", "hd")],
)
def test_name_skeleton_folds_transliteration(word: str, skeleton: str) -> None:
    assert name_skeleton(word) == skeleton


def test_spellings_across_outlets_become_one_entity() -> None:
    entities = entities_of(
        _story(
            "Interior Minister Tariq Haddadi said the port would reopen.",
            "Interior Minister Tareq Hadadi defended the police operation on Saturday.",
        )
    )
    entity = _entity(entities, "Tariq Haddadi")
    assert entity.type == "PERSON"
    assert {"Tariq Haddadi", "Tareq Hadadi"} <= set(entity.variants)
    assert entity.mentions == {0: 1, 1: 1}


def test_a_middle_initial_does_not_make_another_person() -> None:
    entities = entities_of(
        _story(
            "Former adviser Michael T. Flynn pleaded guilty on Friday. Flynn met the judge.",
            "Michael Flynn, the former national security adviser, left the court.",
        )
    )
    assert {"Michael T. Flynn", "Michael Flynn", "Flynn"} <= set(_entity(entities, "Michael Flynn").variants)


def test_a_junior_is_not_his_father() -> None:
    entities = entities_of(
        _story("President Donald Trump spoke on Monday. The lawsuit names Donald Trump Jr. as a defendant.")
    )
    assert _entity(entities, "Donald Trump") is not _entity(entities, "Donald Trump Jr.")


def test_a_surname_in_an_article_naming_nobody_in_full_is_the_most_named_person() -> None:
    entities = entities_of(
        _story(
            "President Donald Trump spoke on Monday. The lawsuit names Donald Trump Jr. as a defendant.",
            "Donald Trump said the case was a hoax.",
            "Trump called it a witch hunt on Tuesday.",
        )
    )
    assert _entity(entities, "Donald Trump").mentions == {0: 1, 1: 1, 2: 1}


def test_an_acronym_with_and_without_dots_is_one_entity() -> None:
    entities = entities_of(
        _story("Agents of the F.B.I. searched the office.", "The FBI declined to comment on the search.")
    )
    assert _entity(entities, "FBI") is _entity(entities, "F.B.I.")


def test_two_spellings_inside_one_article_stay_two_people() -> None:
    entities = entities_of(
        _story("Maria Lind met Maria Land in Vaskor on Tuesday, and Maria Land thanked her.")
    )
    assert _entity(entities, "Maria Lind") is not _entity(entities, "Maria Land")


# --- surnames -------------------------------------------------------------------------------------


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    entities = entities_of(
        _story("Foreign Minister Maria Lind flew to Vaskor on Tuesday. Lind told reporters the talks had failed.")
    )
    entity = _entity(entities, "Maria Lind")
    assert entity.name == "Maria Lind"
    assert entity.variants == ("Lind", "Maria Lind")
    assert entity.mentions == {0: 2}


def test_two_people_sharing_a_surname_keep_their_own_mentions() -> None:
    entities = entities_of(
        _story(
            "Foreign Minister Maria Lind flew to Vaskor on Tuesday. Lind told reporters the talks had failed.",
            "The farmer Erik Lind said his fields were dry. Lind said he had not seen rain since March.",
        )
    )
    maria, erik = _entity(entities, "Maria Lind"), _entity(entities, "Erik Lind")
    assert maria is not erik
    assert maria.mentions == {0: 2}
    assert erik.mentions == {1: 2}


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        (
            "Maria Lind met Mayor Anders Lindqvist in Vaskor. Lindqvist said the meeting went well, and Lind agreed.",
            ("Maria Lind", "Lindqvist"),
        ),
        (
            "Police in Port Asha arrested 62 people. The Port Asha Dockworkers' Union said the march was peaceful.",
            ("Port Asha", "Port Asha Dockworkers' Union"),
        ),
        ("Maria Lind and Maria Berg met in Vaskor on Tuesday.", ("Maria Lind", "Maria Berg")),
    ],
)
def test_similar_names_of_different_referents_stay_apart(text: str, apart: tuple[str, str]) -> None:
    entities = entities_of(_story(text))
    first, second = (_entity(entities, name) for name in apart)
    assert first is not second


def test_a_family_name_written_first_is_the_person_named_in_full() -> None:
    entities = entities_of(
        _story("North Korean leader Kim Jong Un met the envoy in Pyongyang. Kim said the talks went well.")
    )
    assert "Kim" in _entity(entities, "Kim Jong Un").variants


def test_a_city_and_an_organisation_named_after_it_keep_their_types() -> None:
    entities = entities_of(
        _story("Police in Port Asha arrested 62 people. The Port Asha Dockworkers' Union said the march was peaceful.")
    )
    assert _entity(entities, "Port Asha").type == "PLACE"
    assert _entity(entities, "Port Asha Dockworkers' Union").type == "ORG"


def test_a_country_the_model_calls_a_person_is_a_place() -> None:
    # spaCy sm tags "Casmerra" PERSON here; the demonym and "into Casmerra" say otherwise.
    entities = entities_of(
        _story(
            "Casmerra has asked for talks. Casmerran officials say the flow of the Mirel into Casmerra has dropped.",
            "Casmerra has so far refused to accept any cut larger than a tenth.",
        )
    )
    assert _entity(entities, "Casmerra").type == "PLACE"


# --- titles ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Interior Minister Maria Lind visited the port on Saturday. The interior minister said the damage was severe.",
        "Maria Lind, the interior minister, visited the port on Saturday. Later the interior minister said the damage was severe.",
    ],
)
def test_a_title_bound_to_a_person_counts_as_her_mention(text: str) -> None:
    entity = _entity(entities_of(_story(text)), "Maria Lind")
    assert entity.mentions == {0: 2}
    assert "the interior minister" in entity.variants


def test_a_title_counts_only_in_the_article_that_binds_it() -> None:
    entities = entities_of(
        _story(
            "Interior Minister Maria Lind visited the port on Saturday.",
            "The interior minister said the damage was severe.",
        )
    )
    assert _entity(entities, "Maria Lind").mentions == {0: 1}


def test_a_title_held_by_two_people_in_one_article_counts_for_neither() -> None:
    entities = entities_of(
        _story(
            "Foreign Minister Maria Lind met Foreign Minister Erik Berg in Vaskor. The foreign minister said talks would go on."
        )
    )
    assert _entity(entities, "Maria Lind").mentions == {0: 1}
    assert _entity(entities, "Erik Berg").mentions == {0: 1}


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("interior minister", "interior minister"),
        ("Casmerra's foreign minister", "foreign minister"),
        ("tough-talking foreign minister", "foreign minister"),
        ("the union's leader", "leader"),
        ("Port Asha police commissioner", "police commissioner"),
        ("head of the National Civil Protection Agency", "head of the National Civil Protection Agency"),
        ("the chairman of the Democratic Party", "chairman of the Democratic Party"),
        ("campaign manager of Donald J. Trump for president", None),
        ("secretary of state", "secretary of state"),
        ("Varnia's deputy secretary of state", "deputy secretary of state"),
        ("Mr.", None),
        ("restaurant owner", None),
        ("a nurse", None),
        ("raging", None),
    ],
)
def test_core_title_is_the_office_a_descriptor_names(label: str, title: str | None) -> None:
    assert core_title(label) == title


# --- descriptors ----------------------------------------------------------------------------------

# (sentence, the entity, other names in the sentence, expected descriptors)
DESCRIPTOR_CASES: list[tuple[str, str, tuple[str, ...], list[str]]] = [
    ("Interior Minister Maria Lind said the port would reopen.", "Maria Lind", (), ["interior minister"]),
    ("Tough-talking foreign minister Helena Lind has told Kessaria to stop.", "Helena Lind", ("Kessaria",), ["tough-talking foreign minister"]),
    ("Artillery pounded rebel-held Donetsk overnight.", "Donetsk", (), ["rebel-held"]),
    ("Moscow has long backed separatist Transnistria.", "Transnistria", (), ["separatist"]),
    ("Talks with the separatist Transnistria leadership stalled.", "Transnistria", (), []),
    ("Crowds cheered hardline cleric Ali Rezaei outside the mosque.", "Ali Rezaei", (), ["hardline cleric"]),
    ("Voters turned on the embattled Mayor Jon Berg.", "Jon Berg", (), ["embattled mayor"]),
    ("Veteran lawmaker Ana Pinto resigned.", "Ana Pinto", (), ["veteran lawmaker"]),
    ("Maria Lind, the country's interior minister, said the port would reopen.", "Maria Lind", (), ["the country's interior minister"]),
    ("Maria Lind, a former union organiser, said the port would reopen.", "Maria Lind", (), ["a former union organiser"]),
    (
        "Ilya Varenko, head of the National Civil Protection Agency, said the embankment held.",
        "Ilya Varenko",
        ("National Civil Protection Agency",),
        ["head of the National Civil Protection Agency"],
    ),
    ("Its leader, Pavla Renner, accused the police of attacking a peaceful crowd.", "Pavla Renner", (), ["its leader"]),
    ("Lind rang Kessaria's foreign secretary Sergey Vantolin late on Monday.", "Sergey Vantolin", ("Lind", "Kessaria"), ["Kessaria's foreign secretary"]),
    ("Port Asha police commissioner Bruno Kestel told a news conference.", "Bruno Kestel", ("Port Asha",), ["Port Asha police commissioner"]),
    ('"We saw it," said restaurant owner Teodora Vell, 47.', "Teodora Vell", (), ["restaurant owner"]),
    ("Families fled as the raging Ostra smashed through flood defences.", "Ostra", (), ["raging"]),
    ("The reservoir behind Kessaria's new Qarvel Dam continued to fill.", "Qarvel Dam", ("Kessaria",), ["new"]),
    ("Negotiators will meet in Dunmere, the Kessarian capital, before the end of the month.", "Dunmere", ("Kessarian",), ["the Kessarian capital"]),
    # Negatives: verbs, other clauses, lists and reported speech are no descriptors.
    ('"Everything is gone," sobbed Vera Kolar, 64, as she queued for a blanket.', "Vera Kolar", (), []),
    ("The river reaching Casmerra has shrunk to a trickle.", "Casmerra", (), []),
    ("In a call with the foreign secretary, Lind warned that time was running out.", "Lind", (), []),
    ("It was Kessaria, not Casmerra, that began filling the reservoir.", "Kessaria", ("Casmerra",), []),
    ("They will meet in Dunmere, the statement said.", "Dunmere", (), []),
    ("Lind told reporters in Vaskor after the call.", "Vaskor", ("Lind",), []),
    ("Officials in Lorvenne, where residents were evacuated, asked for help.", "Lorvenne", (), []),
    ("It joined a trading bloc that includes Japan.", "Japan", (), []),
    ("Kudlow expected Abe to petition Mr. Trump for an exemption.", "Trump", (), []),
    ("Challenges from North Korea, could affect Mr. Abe's standing.", "North Korea", (), []),
    ("Kim vowed to disarm the North, a longstanding condition U.S. diplomats have set.", "North", (), []),
    ("Trump welcomed visiting Japanese prime minister Shinzo Abe.", "Shinzo Abe", ("Japanese",), ["Japanese prime minister"]),
    ("Could the president fire special counsel Robert Mueller?", "Robert Mueller", (), ["special counsel"]),
    ("The suit names Trump's son, Donald Trump Jr., as a defendant.", "Donald Trump Jr.", ("Trump",), ["Trump's son"]),
    ("He met former Trump campaign chairman Paul Manafort.", "Trump", (), []),
    ("It named Roger Stone, former Trump campaign volunteer George Papadopoulos and others.", "Roger Stone", ("Trump", "George Papadopoulos"), []),
    ("Mr. Kudlow spoke to reporters.", "Kudlow", (), []),
    ("Secretary of State Dana Lisk flew to Varna.", "Dana Lisk", (), ["secretary of state"]),
    ("Deputy Secretary of Health and Human Services Ana Pinto resigned.", "Ana Pinto", (), ["deputy secretary of health and human services"]),
]


@pytest.mark.parametrize(
    ("sentence", "name", "others", "expected"), DESCRIPTOR_CASES, ids=[case[0][:40] for case in DESCRIPTOR_CASES]
)
def test_descriptors_of_a_name(sentence: str, name: str, others: tuple[str, ...], expected: list[str]) -> None:
    mention = _mention(sentence, name)
    names = [mention, *(_mention(sentence, other, "PLACE") for other in others)]
    assert descriptors(sentence, mention, names) == expected


def test_a_person_after_an_office_of_a_portfolio_is_a_person_labelled_with_the_whole_office() -> None:
    entities = entities_of(_story("Secretary of Defense Lloyd Marsh visited the base on Monday."))
    marsh = _entity(entities, "Lloyd Marsh")
    assert (marsh.type, marsh.labels) == ("PERSON", {0: ("secretary of defense",)})
    assert all("Defense" not in variant for entity in entities for variant in entity.variants)


def test_labels_are_kept_per_article() -> None:
    entities = entities_of(
        _story(
            "Interior Minister Maria Lind visited the port on Saturday.",
            "Maria Lind, a former union organiser, visited the port on Saturday.",
        )
    )
    assert _entity(entities, "Maria Lind").labels == {0: ("interior minister",), 1: ("a former union organiser",)}


def test_entities_come_most_mentioned_first() -> None:
    entities = entities_of(
        _story("Maria Lind flew to Vaskor. Lind met farmers in Vaskor. Lind left Vaskor on Friday.")
    )
    totals = [sum(entity.mentions.values()) for entity in entities]
    assert totals == sorted(totals, reverse=True)


def test_a_story_without_names_has_no_entities() -> None:
    assert entities_of(_story("It rained all night and the river rose.")) == []


# --- the example stories --------------------------------------------------------------------------


def _example_story(slug: str) -> tuple[list[ComparedArticle], dict[str, int]]:
    articles = [article for path in sorted((EXAMPLES / "stories" / slug).glob("*")) for article in newsprism.read(path)]
    compared = [ComparedArticle(index, article) for index, article in enumerate(articles)]
    return compared, {article.source: index for index, article in enumerate(articles)}


VARIANT_CASES = [
    (story["slug"], planted) for story in PLANTED["stories"] for planted in story["planted"]["spelling_variants"]
]


@pytest.mark.parametrize(("slug", "planted"), VARIANT_CASES, ids=[p["entity"] for _, p in VARIANT_CASES])
def test_every_planted_spelling_ends_up_in_one_entity(slug: str, planted: dict[str, Any]) -> None:
    compared, ids = _example_story(slug)
    entity = _entity(entities_of(compared), planted["entity"])
    assert set(planted["variants"].values()) <= set(entity.variants)
    assert entity.name == planted["entity"]
    assert set(entity.mentions) == {ids[source] for source in planted["variants"]}


def test_the_example_interior_minister_is_counted_by_title_too() -> None:
    compared, ids = _example_story("port-asha-clashes")
    entity = _entity(entities_of(compared), "Tariq Haddadi")
    assert "the interior minister" in entity.variants
    assert entity.mentions[ids["The Harbor Gazette"]] == 2  # "Interior Minister Tariq Haddadi", "the interior minister"
    assert all("interior minister" in labels for labels in entity.labels.values())


@pytest.mark.parametrize(
    ("slug", "name", "entity_type"),
    [
        ("mirel-water-call", "Kessaria", "PLACE"),
        ("mirel-water-call", "Casmerra", "PLACE"),
        ("mirel-water-call", "Mirel", "PLACE"),
        ("mirel-water-call", "Qarvel Dam", "PLACE"),
        ("mirel-water-call", "Helena Lind", "PERSON"),
        ("lorvenne-flood", "Lorvenne", "PLACE"),
        ("lorvenne-flood", "National Civil Protection Agency", "ORG"),
        ("port-asha-clashes", "Dockworkers' Union", "ORG"),
        ("port-asha-clashes", "Pavla Renner", "PERSON"),
    ],
)
def test_example_entities_get_their_type(slug: str, name: str, entity_type: str) -> None:
    compared, _ = _example_story(slug)
    assert _entity(entities_of(compared), name).type == entity_type


def test_the_example_outlets_label_the_foreign_minister_their_own_way() -> None:
    compared, ids = _example_story("mirel-water-call")
    labels = _entity(entities_of(compared), "Helena Lind").labels
    assert labels[ids["The Daily Clarion"]] == ("tough-talking foreign minister",)
    assert labels[ids["Meridian Wire"]] == ("Casmerra's foreign minister",)


def test_no_articles_no_entities() -> None:
    assert entities_of([]) == []
