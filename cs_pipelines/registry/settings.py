"""Where MLflow lives: one settings record, a local SQLite store under ``CS_DATA_DIR`` by default.

No mlflow import here: the settings are plain scalars (a Dagster resource can mirror them), and
the store is only touched by the functions in ``tracking.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from cs_pipelines import paths

EXPERIMENT_NAME = "cs-trader-coder"
REGISTERED_MODEL_NAME = "cs-trader-coder"

CHAMPION = "champion"
CHALLENGER = "challenger"
PREVIOUS_CHAMPION = "previous-champion"
"""Registry aliases (MLflow 3 has no stages): agents load ``champion``; the champion it replaced
keeps ``previous-champion`` so a rollback is one alias move; a version that lost its comparison
gets ``challenger``."""
BASE_MODEL_TAG = "base_model_dir"
"""Model version tag holding the base model's folder (the adapter's artifact does not hold it)."""


class RegistryError(RuntimeError):
    """The tracking store or the model registry cannot do what was asked; the message says why."""


@dataclass(frozen=True)
class MlflowSettings:
    """How to reach MLflow.

    Attributes:
        tracking_uri: an MLflow tracking URI (``http://host:5000``, ``sqlite:///path.db``,
            ``postgresql://...``); "" means the local store
            ``sqlite:///<CS_DATA_DIR>/mlflow/mlflow.db``. The model registry uses the same URI.
        artifact_location: where a newly created experiment stores artifacts; "" means
            ``<CS_DATA_DIR>/mlflow/artifacts`` for the local store, the folder ``artifacts``
            next to the database for another SQLite file, and the server's default otherwise.
        experiment_name: the experiment every training run is logged to.
        registered_model_name: the registered model every adapter becomes a version of.
        check_timeout_s: how long :func:`check_reachable` waits for an HTTP server (no retries).
    """

    tracking_uri: str = ""
    artifact_location: str = ""
    experiment_name: str = EXPERIMENT_NAME
    registered_model_name: str = REGISTERED_MODEL_NAME
    check_timeout_s: int = 5

    def resolved_tracking_uri(self) -> str:
        """The tracking URI with the local default filled in (``CS_DATA_DIR`` read now)."""
        if self.tracking_uri.strip():
            return self.tracking_uri.strip()
        return f"sqlite:///{local_store_dir() / 'mlflow.db'}"

    def resolved_artifact_location(self) -> str | None:
        """Artifact root for a new experiment (a ``file://`` URI), or None for the server's."""
        if self.artifact_location.strip():
            location = self.artifact_location.strip()
            return location if "://" in location else Path(location).resolve().as_uri()
        database = sqlite_path(self.resolved_tracking_uri())
        if database is None:
            return None
        return (database.parent / "artifacts").as_uri()

    @property
    def is_http(self) -> bool:
        return self.resolved_tracking_uri().startswith(("http://", "https://"))


def local_store_dir() -> Path:
    """``<CS_DATA_DIR>/mlflow``: the default store's database and artifacts."""
    return paths.data_dir() / "mlflow"


def sqlite_path(uri: str) -> Path | None:
    """The database file of a ``sqlite:///`` URI, None for any other scheme."""
    prefix = "sqlite:///"  # SQLAlchemy's form: sqlite:///relative.db, sqlite:////absolute.db
    if not uri.startswith(prefix):
        return None
    path = unquote(urlparse(uri).path[1:] if "?" in uri else uri[len(prefix) :])
    return Path(path).resolve() if path else None
