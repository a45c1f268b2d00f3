"""Plain-text articles, with and without a header block."""

from pathlib import Path

import newsprism
from tests.helpers import write

BODY = (
    "VASKOR — The council voted on Tuesday to close the old ferry crossing after a second "
    "engine failure this month.\n\n"
    "\"We cannot keep gambling with people's lives,\" said Mayor Ilse Brandt.\n\n"
    "Read more: Ferry operator fined in 2024\n\n"
    "The crossing carried about 1,200 passengers a day."
)


def test_header_block_fills_the_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path / "anything.txt",
        "Title: Vaskor shuts its ferry\nSource: Vaskor Post\nURL: https://post.example/ferry\n"
        "Published: 2026-04-07T09:30:00+02:00\nLanguage: en\nSection: Local\n\n" + BODY,
    )
    [article] = newsprism.read(path)
    assert article.title == "Vaskor shuts its ferry"
    assert article.source == "Vaskor Post"
    assert article.url == "https://post.example/ferry"
    assert article.published == "2026-04-07T09:30:00+02:00"
    assert article.language == "en"
    assert article.metadata == {"section": "Local"}
    assert article.kind == "text"


def test_without_header_the_source_is_the_file_stem_and_a_short_first_line_the_title(tmp_path: Path) -> None:
    path = write(tmp_path / "vaskor-post.txt", "Vaskor shuts its ferry\n\n" + BODY)
    [article] = newsprism.read(path)
    assert article.source == "vaskor-post"
    assert article.title == "Vaskor shuts its ferry"
    assert article.language == "en"


def test_without_header_or_headline_the_first_sentence_is_the_title(tmp_path: Path) -> None:
    path = write(tmp_path / "post.txt", BODY)
    [article] = newsprism.read(path)
    assert article.title.startswith("The council voted on Tuesday")


def test_dateline_and_boilerplate_are_taken_out_of_the_text(tmp_path: Path) -> None:
    [article] = newsprism.read(write(tmp_path / "post.txt", "Headline\n\n" + BODY))
    assert article.dateline == "VASKOR"
    assert article.text.startswith("The council voted")
    assert "Read more" not in article.text
    assert article.sentences[0].startswith("The council voted")
    assert article.sentences[1] == "\"We cannot keep gambling with people's lives,\" said Mayor Ilse Brandt."


def test_a_body_line_that_looks_like_a_key_is_not_a_header(tmp_path: Path) -> None:
    text = "Warning: the river is rising fast, officials said on Monday evening.\nMore text follows here.\n"
    [article] = newsprism.read(write(tmp_path / "note.txt", text))
    assert article.text.startswith("Warning: the river is rising")


def test_windows_line_endings_and_a_bom_are_fine(tmp_path: Path) -> None:
    content = ("Title: Ferry closes\r\nSource: Vaskor Post\r\n\r\n" + BODY.replace("\n", "\r\n")).encode("utf-8-sig")
    [article] = newsprism.read(write(tmp_path / "post.txt", content))
    assert article.title == "Ferry closes"
    assert "\r" not in article.text


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    text = "Title: Café owners protest\nSource: Le Petit Vaskor\n\n" + (
        "Les propriétaires de café ont manifesté mardi devant la mairie contre la hausse des loyers. "
        "Ils réclament un gel immédiat des prix pendant deux ans."
    )
    [article] = newsprism.read(write(tmp_path / "cafe.txt", text.encode("latin-1")))
    assert article.title == "Café owners protest"
    assert "propriétaires" in article.text
    assert article.language == "fr"
