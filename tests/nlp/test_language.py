"""Tests of offline language identification."""

from __future__ import annotations

import pytest

from newsprism.nlp.language import LIKELY_LANGUAGES, _is_plainly_english, detect_language

PARAGRAPHS = {
    "en": (
        "Russian forces shelled the port city overnight, killing at least four people, "
        "the regional governor said on Monday. Rescue teams were searching the rubble."
    ),
    "fr": (
        "Le gouvernement a annoncé lundi une hausse des prix de l'énergie, provoquant la colère "
        "des syndicats. Les manifestations devraient se poursuivre toute la semaine."
    ),
    "de": (
        "Die Bundesregierung hat am Montag neue Hilfen für die Landwirte beschlossen. "
        "Die Opposition kritisierte das Paket als zu klein und zu spät."
    ),
    "es": (
        "El presidente anunció el lunes un nuevo plan de vivienda para los jóvenes. "
        "La oposición afirmó que las medidas llegan demasiado tarde."
    ),
    "ru": (
        "Власти города сообщили в понедельник, что восстановление моста займёт несколько месяцев. "
        "Жители жалуются на огромные пробки."
    ),
    "uk": (
        "У понеділок вночі російські війська обстріляли портове місто, "
        "загинули щонайменше четверо людей. "
        "Рятувальники продовжують розбирати завали."
    ),
}


@pytest.mark.parametrize(("code", "paragraph"), PARAGRAPHS.items())
def test_news_paragraphs_are_identified(code: str, paragraph: str) -> None:
    assert detect_language(paragraph) == code


def test_short_english_headline() -> None:
    assert detect_language("Floods force thousands from their homes") == "en"


@pytest.mark.parametrize("text", ["", "12 345 !!!", "   \n\t", "AB CD 2026"])
def test_too_few_letters_gives_none(text: str) -> None:
    assert detect_language(text) is None


def test_string_of_names_is_too_ambiguous_to_guess() -> None:
    assert detect_language("Emmanuel Macron Olaf Scholz Giorgia Meloni") is None


def test_detection_is_repeatable() -> None:
    results = {detect_language(PARAGRAPHS["de"]) for _ in range(5)}
    assert results == {"de"}


def test_only_the_start_of_a_long_text_decides() -> None:
    text = PARAGRAPHS["fr"] * 3 + " " + PARAGRAPHS["en"] * 40
    assert detect_language(text) == "fr"


def test_likely_languages_are_lowercase_iso_639_1_codes() -> None:
    assert len(LIKELY_LANGUAGES) == len(set(LIKELY_LANGUAGES)) == 15
    assert all(len(code) == 2 and code.islower() for code in LIKELY_LANGUAGES)
    assert set(PARAGRAPHS) <= set(LIKELY_LANGUAGES)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "De burgemeester zei dinsdag dat de veerpont in Vaskor was stilgelegd. Het is de derde keer deze "
            "maand dat de pont in de haven uitvalt, en de bewoners zijn boos. Volgens de gemeente was het een "
            "storing in de motor en is er nog geen datum voor het herstel.",
            "nl",
        ),
        (
            "The mayor said on Tuesday that the ferry in Vaskor was out of service. It is the third time this "
            "month that the ferry has broken down in the harbour, and residents are angry. The council said it "
            "was a fault in the engine and that there is no date for the repair.",
            "en",
        ),
    ],
)
def test_long_paragraphs_sharing_short_words_with_english_are_told_apart(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_a_name_heavy_english_report_is_known_by_its_function_words_without_lingua() -> None:
    report = (
        "Mayor Ilse Varga of Dunmore has named Petra Holm her deputy after a council vote by 7 to 2. Holm, who ran "
        "the Dunmore Harbour Trust from 2019, will take over the port budget. Councillors Aled Quist and Brannagh "
        "Ody had backed a rival candidate, Tomas Reil, but they accepted the result, a spokesman at City Hall said."
    )
    assert _is_plainly_english(report)
    assert not any(_is_plainly_english(paragraph * 3) for code, paragraph in PARAGRAPHS.items() if code != "en")
