"""newsprism: one event, many reports — see how outlets cover the same news.

import newsprism
articles = newsprism.read("examples/stories/lorvenne-flood/meridian-wire.txt")
with newsprism.Corpus("news.db") as corpus:
    report = corpus.ingest(["examples/"])
"""

from typing import TYPE_CHECKING

from newsprism.errors import IngestError, NewsprismError, NotFoundError, StoreError
from newsprism.ingest.options import ReadOptions
from newsprism.lazy import lazy_attributes
from newsprism.models import Article, IngestReport, Rejected, StoredArticle
from newsprism.version import __version__

if TYPE_CHECKING:
    from newsprism.comparison.options import CompareOptions
    from newsprism.comparison.pipeline import Comparer, compare
    from newsprism.comparison.similarity import claim_similarity, same_claim, sentence_similarity
    from newsprism.corpus import Corpus
    from newsprism.ingest import read
    from newsprism.listeners import IngestListener
    from newsprism.store import ArticleQuery

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
    "sentence_similarity",
]

# The comparison stack loads numpy, onnxruntime and spaCy, the corpus the readers and the clusterer:
# imported on first use only, so `import newsprism` and the commands that need little stay fast.
_LAZY = {
    "Corpus": "newsprism.corpus",
    "IngestListener": "newsprism.listeners",
    "read": "newsprism.ingest",
    "ArticleQuery": "newsprism.store",
    "compare": "newsprism.comparison.pipeline",
    "Comparer": "newsprism.comparison.pipeline",
    "CompareOptions": "newsprism.comparison.options",
    "same_claim": "newsprism.comparison.similarity",
    "claim_similarity": "newsprism.comparison.similarity",
    "sentence_similarity": "newsprism.comparison.similarity",
}

__getattr__ = lazy_attributes(__name__, _LAZY)
