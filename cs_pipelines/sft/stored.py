"""The SFT stage's inputs as the warehouse holds them: probe bars and the tasks examples answer."""

from __future__ import annotations

import polars as pl

from cs_pipelines.sft.function_tasks import FunctionTask, load_function_tasks
from cs_pipelines.sft.observe import probe_bars
from cs_pipelines.sft.tasks import StrategyTask
from cs_pipelines.warehouse import Warehouse
from cs_pipelines.warehouse.tables import MARKET_BARS, STRATEGY_TASKS


def probe_feeds(warehouse: Warehouse) -> dict[str, pl.DataFrame]:
    """The stored market bars cut into the probe feeds strategies are grounded and checked on."""
    return probe_bars(MARKET_BARS.read(warehouse))


def stored_strategy_tasks(warehouse: Warehouse) -> list[StrategyTask]:
    """The strategy tasks of the last `strategy_tasks` materialization."""
    return [StrategyTask.from_record(row) for row in STRATEGY_TASKS.read(warehouse).to_dicts()]


def sft_tasks_by_id(warehouse: Warehouse) -> dict[str, StrategyTask | FunctionTask]:
    """Every task an SFT example can answer: the stored strategy tasks and the function tasks."""
    return {t.task_id: t for t in [*stored_strategy_tasks(warehouse), *load_function_tasks()]}
