"""Retrieval: sentence embeddings of commit instructions in a versioned FAISS index.

Plain Python, no Dagster. Build with :func:`build_or_update`, read with :meth:`CommitIndex.load`
and :meth:`CommitIndex.search` on vectors from :class:`Embedder`.
"""

from cs_pipelines.retrieval.config import CommitIndexConfig
from cs_pipelines.retrieval.embedder import (
    Embedder,
    TextEmbedder,
    embedding_text,
    embedding_text_expr,
    resolve_model,
)
from cs_pipelines.retrieval.errors import (
    DimensionMismatchError,
    EmptyIndexError,
    EmptyQueryError,
    IndexCorruptError,
    IndexNotFoundError,
    ModelNotFoundError,
    RetrievalError,
)
from cs_pipelines.retrieval.index import (
    CommitIndex,
    IndexManifest,
    IndexUpdate,
    build_or_update,
    current_version,
    recall_at_k,
)

__all__ = [
    "CommitIndex",
    "CommitIndexConfig",
    "DimensionMismatchError",
    "Embedder",
    "EmptyIndexError",
    "EmptyQueryError",
    "IndexCorruptError",
    "IndexManifest",
    "IndexNotFoundError",
    "IndexUpdate",
    "ModelNotFoundError",
    "RetrievalError",
    "TextEmbedder",
    "build_or_update",
    "current_version",
    "embedding_text",
    "embedding_text_expr",
    "recall_at_k",
    "resolve_model",
]
