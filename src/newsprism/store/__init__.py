"""The embedded SQLite store: the only package that speaks SQL."""

from newsprism.store.articles import ArticleQuery, ArticleStore, StoredOutcome
from newsprism.store.connection import DEFAULT_DB, open_database, resolve_db_path

__all__ = [
    "DEFAULT_DB",
    "ArticleQuery",
    "ArticleStore",
    "StoredOutcome",
    "open_database",
    "resolve_db_path",
]
