"""Run backtests in the sandbox and turn what comes back into a ``BacktestResult``.

Nothing a strategy does (a syntax error, an exception in ``next``, an endless loop, a hostile
act) raises here: it comes back as a result with ``status`` other than ``"ok"`` and a message.
Bad *bars* (missing columns, duplicates, NaN prices) and a bad config do raise ``ValueError``
before anything runs: they are the caller's mistakes, not the strategy's.

Limit: the strategy runs in the same process as the harness that records its equity, so a
deliberately hostile strategy can forge its own numbers (e.g. by patching the harness through
frames). Results are trustworthy against mistakes, not against adversarial code; whatever
rewards a model for a backtest's numbers should re-verify the winners.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import polars as pl

from cs_pipelines.backtest.bars import periods_per_year
from cs_pipelines.backtest.config import DEFAULT_CONFIG, BacktestConfig
from cs_pipelines.backtest.metrics import Metrics, compute_metrics
from cs_pipelines.backtest.program import PreparedData
from cs_pipelines.sandbox import ExecutionResult, Sandbox, SandboxPool, Status
from cs_pipelines.sandbox import run as run_in_shared_sandbox

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
OK = "ok"
TAIL = 4000  # characters of stdout/stderr kept on a result
_LOCATION = re.compile(r'File "<strategy>", line (\d+), in (\S+)')


@dataclass
class BacktestResult:
    """One backtest: ``status`` is ``"ok"`` or the sandbox's (error, failed, timeout, memory,
    killed); ``error`` says why in one line. Timestamps are UTC. ``trades`` are the closed
    trades (data, direction, size, open_ts, close_ts, bars, price, pnl, pnlcomm, commission);
    ``trade_counts`` is backtrader's TradeAnalyzer summary (total, open, closed, won, lost)."""

    status: str
    error: str | None = None
    metrics: Metrics | None = None
    equity_curve: list[tuple[datetime, float]] = field(default_factory=list)
    trades: list[dict[str, Any]] = field(default_factory=list)
    trade_counts: dict[str, int] = field(default_factory=dict)
    duration_s: float = 0.0
    stdout: str = ""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.status == OK

    def equity_frame(self) -> pl.DataFrame:
        """The equity curve as a Polars frame (``ts``, ``value``)."""
        ts, values = zip(*self.equity_curve, strict=True) if self.equity_curve else ((), ())
        return pl.DataFrame(
            {"ts": list(ts), "value": list(values)},
            schema={"ts": pl.Datetime("ms", "UTC"), "value": pl.Float64},
        )


def run_backtest(
    strategy_source: str,
    bars: Any,
    config: BacktestConfig = DEFAULT_CONFIG,
    *,
    strategy_name: str | None = None,
    sandbox: Sandbox | SandboxPool | None = None,
) -> BacktestResult:
    """Backtest ``strategy_source`` (Python defining a ``bt.Strategy`` subclass) on ``bars``
    (one frame, or ``name -> frame`` for several feeds) in ``sandbox`` (default: the shared
    single-worker sandbox of ``cs_pipelines.sandbox.run``)."""
    prepared = PreparedData.from_bars(bars, config)
    program = prepared.program(strategy_source, strategy_name)
    if sandbox is None:
        execution = run_in_shared_sandbox(program, **prepared.run_options())
    else:
        execution = sandbox.run(program, **prepared.run_options())
    return interpret(execution, prepared)


def run_backtests(
    sources: Sequence[str],
    bars: Any,
    config: BacktestConfig = DEFAULT_CONFIG,
    pool: SandboxPool | None = None,
    *,
    strategy_names: Sequence[str | None] | None = None,
) -> list[BacktestResult]:
    """Backtest every source on the same bars as one ``pool.run_many`` batch (results in the
    sources' order); without a pool, a temporary one with a worker per core."""
    prepared = PreparedData.from_bars(bars, config)
    names = list(strategy_names) if strategy_names is not None else [None] * len(sources)
    if len(names) != len(sources):
        raise ValueError(f"{len(sources)} sources but {len(names)} strategy names")
    programs = [prepared.program(s, n) for s, n in zip(sources, names, strict=True)]
    if pool is None:
        with SandboxPool() as own_pool:
            executions = own_pool.run_many(programs, **prepared.run_options())
    else:
        executions = pool.run_many(programs, **prepared.run_options())
    return [interpret(execution, prepared) for execution in executions]


def interpret(execution: ExecutionResult, prepared: PreparedData) -> BacktestResult:
    """A sandbox execution of a backtest program as a ``BacktestResult`` with metrics."""
    base = {
        "duration_s": execution.duration_s,
        "stdout": execution.stdout[-TAIL:],
        "stderr": execution.stderr[-TAIL:],
    }
    if execution.status is not Status.PASSED:
        return BacktestResult(execution.status.value, error=error_message(execution), **base)
    try:
        problem = _malformed(execution.result)
        if problem is None:
            return _ok_result(execution.result, prepared, base)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
        problem = f"malformed result: {exc!r}"
    return BacktestResult(Status.ERROR.value, error=problem, **base)


def _ok_result(report: dict[str, Any], prepared: PreparedData, base: dict) -> BacktestResult:
    timestamps = [to_datetime(ms) for ms in report["ts"]]
    ppy = prepared.config.periods_per_year or periods_per_year(_first_feed(prepared)["t"])
    trades = [_with_datetimes(trade) for trade in report["trades"]]
    metrics = compute_metrics(report["equity"], timestamps, trades, report["in_market"], ppy)
    curve = list(zip(timestamps, report["equity"], strict=True))
    counts = report.get("counts", {})
    return BacktestResult(
        OK, metrics=metrics, equity_curve=curve, trades=trades, trade_counts=counts, **base
    )


def _first_feed(prepared: PreparedData) -> dict[str, list[Any]]:
    return next(iter(prepared.feeds.values()))


def _malformed(report: Any) -> str | None:
    keys = ("ts", "equity", "in_market", "trades")
    if not isinstance(report, dict) or any(key not in report for key in keys):
        return "the backtest program returned no result (did the strategy exit early?)"
    if len(report["ts"]) != len(report["equity"]):
        return "malformed result: timestamps and equity values differ in length"
    return None


def error_message(execution: ExecutionResult) -> str:
    """One line: exception type and message, and where in the strategy source it was raised."""
    plain = execution.status in (Status.ERROR, Status.FAILED) and execution.exc_type
    kind = execution.exc_type if plain else execution.status.value
    message = f"{kind}: {execution.exc_message or 'no message'}"
    locations = _LOCATION.findall(execution.stderr)
    if locations:
        line, function = locations[-1]
        message += f" (strategy line {line}, in {function})"
    return message


def to_datetime(epoch_ms: int) -> datetime:
    return EPOCH + timedelta(milliseconds=epoch_ms)


def _with_datetimes(trade: dict[str, Any]) -> dict[str, Any]:
    return {
        **trade,
        "open_ts": to_datetime(trade["open_ts"]),
        "close_ts": to_datetime(trade["close_ts"]),
    }
