"""Resources shared by the assets: the warehouse and the reference repository list."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import Field

from cs_pipelines import paths
from cs_pipelines.harvest.repos import ReferenceRepo, load_reference_repos
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
