"""Backtests of backtrader strategies given as source code, run inside the sandbox.

``run_backtest(source, bars, config)`` builds a self-contained program (``build_program``),
runs it in ``cs_pipelines.sandbox`` and computes the metrics on the host from the equity curve
it returns (``compute_metrics``). ``run_backtests`` batches many sources on the same bars
through ``SandboxPool.run_many``. Same code and same bars give the same numbers.
"""

from cs_pipelines.backtest.config import BacktestConfig
from cs_pipelines.backtest.metrics import Metrics, compute_metrics
from cs_pipelines.backtest.program import build_program
from cs_pipelines.backtest.runner import BacktestResult, run_backtest, run_backtests

__all__ = [
    "BacktestConfig",
    "BacktestResult",
    "Metrics",
    "build_program",
    "compute_metrics",
    "run_backtest",
    "run_backtests",
]
