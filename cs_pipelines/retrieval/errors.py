"""Retrieval errors; every message says what to do about it."""

from __future__ import annotations

REBUILD_HINT = "rebuild it with `make run` or materialize commit_index in the Dagster UI"
GET_DATA_HINT = (
    "add repositories to data/reference_repos.yaml (or CS_REFERENCE_REPOS) and run `make run`, "
    "or materialize raw_commits, commit_instructions and commit_index in the Dagster UI"
)


class RetrievalError(RuntimeError):
    """Base class of every retrieval failure."""


class IndexNotFoundError(RetrievalError):
    """No index has been built under the root yet."""


class IndexCorruptError(RetrievalError):
    """A file of the current index version is missing, unreadable or inconsistent."""


class DimensionMismatchError(RetrievalError):
    """Query vectors and the index come from models with different dimensions."""


class EmptyIndexError(RetrievalError):
    """The index holds no vectors: there were no commit instructions to index."""


class EmptyQueryError(RetrievalError, ValueError):
    """A query text is empty or only whitespace."""


class ModelNotFoundError(RetrievalError):
    """The embedding model is neither packaged, nor a local folder, nor allowed from the hub."""
