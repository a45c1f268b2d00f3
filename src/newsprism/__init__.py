"""newsprism: one event, many reports — see how outlets cover the same news.

import newsprism
articles = newsprism.read("examples/stories/lorvenne-flood/meridian-wire.txt")
with newsprism.Corpus("news.db") as corpus:
    report = corpus.ingest(["examples/"])
"""

from newsprism.corpus import Corpus, IngestListener
from newsprism.errors import IngestError, NewsprismError, NotFoundError, StoreError
from newsprism.ingest import ReadOptions, read
from newsprism.models import Article, IngestReport, Rejected, StoredArticle
from newsprism.store import ArticleQuery
from newsprism.version import __version__

__all__ = [
    "Article",
    "ArticleQuery",
    "Corpus",
    "IngestError",
    "IngestListener",
    "IngestReport",
    "NewsprismError",
    "NotFoundError",
    "ReadOptions",
    "Rejected",
    "StoreError",
    "StoredArticle",
    "__version__",
    "read",
]
