"""A temporary platform: CS_DATA_DIR, a repository list and real source repositories."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from cs_pipelines.defs.resources import (
    GymResource,
    MlflowResource,
    ReferenceReposResource,
    WarehouseResource,
)
from cs_pipelines.warehouse import Warehouse
from cs_pipelines_tests.gitrepos import GitRepoBuilder

STRATEGY_V1 = """import backtrader as bt


class Breakout(bt.Strategy):
    params = dict(period=20)

    def __init__(self):
        self.high = bt.indicators.Highest(self.data.high, period=self.p.period)

    def next(self):
        if not self.position and self.data.close[0] > self.high[-1]:
            self.buy()
"""

STRATEGY_V2 = (
    STRATEGY_V1
    + """
    def notify_order(self, order):
        if order.status == order.Completed and order.isbuy():
            self.sell(exectype=bt.Order.StopTrail, trailpercent=0.05)
"""
)


@dataclass
class Platform:
    data_dir: Path
    repos_file: Path
    sources: dict[str, GitRepoBuilder]

    @property
    def warehouse(self) -> Warehouse:
        return Warehouse(self.data_dir / "warehouse.duckdb")

    def resources(self) -> dict[str, object]:
        return {
            "warehouse": WarehouseResource(database=str(self.data_dir / "warehouse.duckdb")),
            "reference_repos": ReferenceReposResource(path=str(self.repos_file)),
            "mlflow": MlflowResource(),  # the local store under this test's CS_DATA_DIR
            "gym": GymResource(),
        }


def trading_repo(path: Path, n_extra: int = 0) -> GitRepoBuilder:
    """A small trading repository whose history holds commits CommitPackFT keeps and rejects."""
    repo = GitRepoBuilder(path)
    repo.write("strategies/breakout.py", STRATEGY_V1)
    repo.commit("Add breakout strategy with a rolling high")
    repo.write("strategies/breakout.py", STRATEGY_V2)
    repo.commit("Add a trailing stop after each long entry")
    repo.write("strategies/breakout.py", STRATEGY_V2.replace("0.05", "0.04"))
    repo.commit("wip")
    for index in range(n_extra):
        repo.write(f"notes/n{index}.txt", f"note {index}\n")
        repo.commit(f"Add note number {index} about position sizing")
    return repo


@pytest.fixture
def platform(tmp_path: Path, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Platform:
    data_dir = isolated_data_dir
    sources = {
        "alpha": trading_repo(tmp_path / "src" / "alpha"),
        "beta": trading_repo(tmp_path / "src" / "beta", n_extra=3),
    }
    repos_file = tmp_path / "repos.yaml"
    repos_file.write_text(
        "repositories:\n"
        f"  - {{name: alpha, path: '{sources['alpha'].path}', license: MIT}}\n"
        f"  - {{name: beta, path: '{sources['beta'].path}'}}\n"
        "  - {name: offline, url: 'https://unreachable.invalid/x/y.git'}\n"
    )
    monkeypatch.setenv("CS_REFERENCE_REPOS", str(repos_file))
    return Platform(data_dir, repos_file, sources)


@pytest.fixture
def instance(platform: Platform):
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("reference_repos", ["alpha", "beta", "offline"])
        yield instance
