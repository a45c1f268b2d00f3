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
    "compare",
    "Comparer",
    "CompareOptions",
    "same_claim",
    "claim_similarity",
]

# The comparison stack loads numpy, onnxruntime and spaCy: imported on first use only, so
# `newsprism ingest` and `import newsprism` stay fast.
_LAZY = {
    "compare": "newsprism.analysis.compare",
    "Comparer": "newsprism.analysis.compare",
    "CompareOptions": "newsprism.analysis.compare",
    "same_claim": "newsprism.analysis.similarity",
    "claim_similarity": "newsprism.analysis.similarity",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
