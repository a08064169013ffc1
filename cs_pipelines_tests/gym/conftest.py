"""One sandbox pool for the gym tests, and two years of daily bars built in the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cs_pipelines.sandbox import SandboxPool
from cs_pipelines_tests.backtest.conftest import make_bars


@pytest.fixture(scope="package")
def pool() -> Iterator[SandboxPool]:
    with SandboxPool(workers=2) as sandbox_pool:
        yield sandbox_pool


@pytest.fixture(scope="package")
def bars():
    return make_bars(730, seed=11)
