"""Resources shared by the assets: the warehouse, the reference repository list, MLflow, the
trading gym's settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import Field

from cs_pipelines import paths
from cs_pipelines.defs.config import launchpad_config
from cs_pipelines.gym.config import GymConfig
from cs_pipelines.harvest.repos import ReferenceRepo, load_reference_repos
from cs_pipelines.registry.settings import MlflowSettings
from cs_pipelines.warehouse import Warehouse


class WarehouseResource(DuckDBResource):
    """The DuckDB warehouse, with connections serialised across run processes.

    ``get_connection`` keeps the dagster-duckdb interface; ``warehouse`` gives the domain
    helpers (locked connections, atomic table replacement) the stages share.
    """

    database: str = Field(
        default="",
        description="Path to the DuckDB file; empty: $CS_DATA_DIR/warehouse.duckdb at run time.",
    )
    lock_timeout_s: float = Field(
        default=900.0, description="How long a writer waits for another process's transaction."
    )

    @property
    def warehouse(self) -> Warehouse:
        path = self.database or paths.warehouse_path()
        return Warehouse(path, lock_timeout_s=self.lock_timeout_s)

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.warehouse.connect() as conn:
            yield conn


class ReferenceReposResource(dg.ConfigurableResource):
    """The list of repositories to mine (``data/reference_repos.yaml`` or CS_REFERENCE_REPOS)."""

    path: str = Field(
        default="",
        description="YAML file listing the repositories; empty: CS_REFERENCE_REPOS or "
        "data/reference_repos.yaml at run time.",
    )

    @property
    def file(self) -> Path:
        return Path(self.path) if self.path else paths.reference_repos_file()

    def load(self) -> list[ReferenceRepo]:
        return load_reference_repos(self.file)

    def get(self, name: str) -> ReferenceRepo:
        for repo in self.load():
            if repo.name == name:
                return repo
        raise dg.Failure(
            description=(
                f"repository {name!r} is registered as a partition but is not in {self.file}; "
                "add it back to the file or delete the partition in the UI"
            )
        )


class MlflowResource(dg.ConfigurableResource):
    """MLflow tracking and the model registry: by default a local store under CS_DATA_DIR
    (SQLite plus an artifact folder; `make mlflow-ui` serves it), or any tracking server."""

    tracking_uri: str = Field(
        default="",
        description="MLflow tracking URI; empty: sqlite:///$CS_DATA_DIR/mlflow/mlflow.db.",
    )
    artifact_location: str = Field(
        default="", description="Artifact root for a new experiment; empty: the store's default."
    )

    @property
    def settings(self) -> MlflowSettings:
        return MlflowSettings(
            tracking_uri=self.tracking_uri, artifact_location=self.artifact_location
        )

    def ui_url(self, experiment_id: str, run_id: str) -> str:
        """The run's page: on the tracking server, or on `make mlflow-ui` for a local store."""
        root = self.settings.resolved_tracking_uri()
        root = root.rstrip("/") if self.settings.is_http else LOCAL_UI
        return f"{root}/#/experiments/{experiment_id}/runs/{run_id}"


LOCAL_UI = "http://127.0.0.1:5000"


# The trading gym's settings (``GymConfig``): one resource, so RL's rewards and the held-out
# evaluations read the same symbol, windows and objective.
GymResource = launchpad_config(
    GymConfig,
    "GymResource",
    "The trading gym: which bars (symbol, timeframe), how they split into walk-forward training "
    "and held-out windows, the objective a window is scored by, and the gate's credits.",
    base=dg.ConfigurableResource,
)
