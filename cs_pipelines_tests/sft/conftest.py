"""Shared by the ladder and held-out tests: a sandbox pool and the probe bars, once per module."""

from __future__ import annotations

from collections.abc import Iterator

import polars as pl
import pytest

from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sft.observe import probe_bars


@pytest.fixture(scope="module")
def pool() -> Iterator[SandboxPool]:
    with SandboxPool(workers=2) as sandbox_pool:
        yield sandbox_pool


@pytest.fixture(scope="module")
def bars() -> dict[str, pl.DataFrame]:
    return probe_bars()
