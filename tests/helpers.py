"""Small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

import newsprism
from newsprism.models import Article

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def straight(text: str) -> str:
    """Curly quotes made straight, as newsprism's cleaning does, to compare planted strings with articles."""
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")


def read_planted(planted: dict) -> Article:
    """The article an entry of examples/planted.json describes (a record of a multi-record file by its id)."""
    articles = newsprism.read(EXAMPLES / planted["file"])
    if planted["record"] is not None:
        articles = [a for a in articles if a.external_id == planted["record"]]
    [article] = articles
    return article
