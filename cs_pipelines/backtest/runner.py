"""Run verified backtests: the strategy decides in the sandbox, the host measures.

Each backtest runs the strategy process (``_decide.py``) in the sandbox, which gets the bars a
step at a time in exchange for its decisions, then replays those decisions on the host's own
bars and broker and computes the metrics from that replay (``replay.py``). So the strategy sees
no bar after the current one and cannot touch what is measured, however it tries (reading its
feed's buffers, patching the broker or the analyzers, forging records through ``gc`` or frames,
printing a fake report): it can only buy, sell and cancel.

Nothing a strategy does (a syntax error, an exception in ``next``, an endless loop, a hostile
act, a malformed decision) raises here: it comes back as a result with ``status`` other than
``"ok"`` and a message. Bad *bars* (missing columns, duplicates, NaN prices, several feeds on
different timestamps) and a bad config do raise ``ValueError`` before anything runs: they are
the caller's mistakes, not the strategy's.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import polars as pl

from cs_pipelines.backtest.bars import periods_per_year
from cs_pipelines.backtest.config import DEFAULT_CONFIG, BacktestConfig
from cs_pipelines.backtest.metrics import Metrics, compute_metrics
from cs_pipelines.backtest.program import PreparedData
from cs_pipelines.backtest.replay import DecisionError, parse_decisions, replay
from cs_pipelines.sandbox import ExecutionResult, Sandbox, SandboxPool, Status
from cs_pipelines.sandbox import run as run_in_shared_sandbox

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
OK = "ok"
REJECTED = "rejected"  # the strategy ran, but its decisions could not be replayed as sent
TAIL = 4000  # characters of stdout/stderr kept on a result
RECORDS_TAIL = 10  # values of ``self.records`` a strategy reports (``_decide.RECORDS_TAIL``)
_LOCATION = re.compile(r'File "<strategy>", line (\d+), in (\S+)')


@dataclass
class BacktestResult:
    """One backtest: ``status`` is ``"ok"``, ``"rejected"`` (a decision the host would not
    replay) or the sandbox's (error, failed, timeout, memory, killed); ``error`` says why in
    one line. Timestamps are UTC. ``trades`` are the closed
    trades (data, direction, size, open_ts, close_ts, bars, price, pnl, pnlcomm, commission);
    ``trade_counts`` is backtrader's TradeAnalyzer summary (total, open, closed, won, lost).
    ``activity`` is what the strategy did, as measured: ``changes`` (per feed, the bars on which
    its position changed, the first 600), ``n_changes``, ``short_bar`` (the first bar it was
    short, or None), ``max_fraction`` (its largest position opened or grown, as a share of the
    portfolio before it) and ``order_types`` (orders placed, by type). ``records`` is the
    strategy's own account of ``self.records`` (``n`` and the last 10 as floats), if it kept
    any: what it says, not what was measured."""

    status: str
    error: str | None = None
    metrics: Metrics | None = None
    equity_curve: list[tuple[datetime, float]] = field(default_factory=list)
    trades: list[dict[str, Any]] = field(default_factory=list)
    trade_counts: dict[str, int] = field(default_factory=dict)
    in_market: list[bool] = field(default_factory=list)  # per bar: any position open
    activity: dict[str, Any] = field(default_factory=dict)
    records: dict[str, Any] | None = None
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
    run = run_in_shared_sandbox if sandbox is None else sandbox.run
    return verified(prepared, strategy_source, strategy_name, run)


def run_backtests(
    sources: Sequence[str],
    bars: Any,
    config: BacktestConfig = DEFAULT_CONFIG,
    pool: SandboxPool | None = None,
    *,
    strategy_names: Sequence[str | None] | None = None,
) -> list[BacktestResult]:
    """Backtest every source on the same bars, as many at once as the pool has workers
    (results in the sources' order); without a pool, a temporary one with a worker per core."""
    prepared = PreparedData.from_bars(bars, config)
    prepared.stream_items  # noqa: B018 (built once, and bad feeds fail before anything runs)
    names = list(strategy_names) if strategy_names is not None else [None] * len(sources)
    if len(names) != len(sources):
        raise ValueError(f"{len(sources)} sources but {len(names)} strategy names")
    if pool is None:
        with SandboxPool() as own_pool:
            return _batch(prepared, sources, names, own_pool)
    return _batch(prepared, sources, names, pool)


def _batch(
    prepared: PreparedData, sources: Sequence[str], names: list[str | None], pool: SandboxPool
) -> list[BacktestResult]:
    """Each worker thread runs a strategy process, then replays it (the replays, which hold
    the GIL, overlap the other workers' sandboxed runs)."""
    with ThreadPoolExecutor(pool.workers) as executor:
        return list(
            executor.map(
                lambda job: verified(prepared, *job, pool.run), zip(sources, names, strict=True)
            )
        )


def verified(
    prepared: PreparedData,
    strategy_source: str,
    strategy_name: str | None,
    run: Callable[..., ExecutionResult],
) -> BacktestResult:
    """Run the strategy process with ``run`` (a sandbox's), then replay and measure."""
    program = prepared.strategy_program(strategy_source, strategy_name)
    return interpret(run(program, **prepared.run_options()), prepared)


def interpret(execution: ExecutionResult, prepared: PreparedData) -> BacktestResult:
    """A sandbox execution of the strategy process as a ``BacktestResult``: its decisions
    checked and replayed on the host, and the metrics of that replay."""
    base = _execution_fields(execution)
    if execution.exc_type == "StreamError":  # it wrote into the decision channel itself
        message = (
            f"rejected decision: the strategy broke the decision stream: {execution.exc_message}"
        )
        return BacktestResult(REJECTED, error=message, **base)
    if execution.status is not Status.PASSED:
        return BacktestResult(execution.status.value, error=error_message(execution), **base)
    started = time.perf_counter()
    try:
        decisions = parse_decisions(execution.messages or [], prepared.n_steps, len(prepared.feeds))
        report = replay(prepared, decisions)
    except DecisionError as exc:
        return BacktestResult(REJECTED, error=f"rejected decision: {exc}", **base)
    except Exception as exc:  # backtrader refused a combination the checks let through
        return BacktestResult(REJECTED, error=f"the decisions do not replay: {exc!r}", **base)
    base["duration_s"] += time.perf_counter() - started
    return measured(report, prepared, {**base, "records": reported_records(execution.result)})


def interpret_program(execution: ExecutionResult, prepared: PreparedData) -> BacktestResult:
    """A run of the self-contained program (``build_program``) as a ``BacktestResult``, from
    the report the program itself made (so only as honest as the strategy)."""
    base = _execution_fields(execution)
    if execution.status is not Status.PASSED:
        return BacktestResult(execution.status.value, error=error_message(execution), **base)
    try:
        problem = _malformed(execution.result)
        if problem is None:
            return measured(execution.result, prepared, base)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
        problem = f"malformed result: {exc!r}"
    return BacktestResult(Status.ERROR.value, error=problem, **base)


def measured(report: dict[str, Any], prepared: PreparedData, base: dict) -> BacktestResult:
    timestamps = [to_datetime(ms) for ms in report["ts"]]
    ppy = prepared.config.periods_per_year or periods_per_year(_first_feed(prepared)["t"])
    trades = [_with_datetimes(trade) for trade in report["trades"]]
    metrics = compute_metrics(report["equity"], timestamps, trades, report["in_market"], ppy)
    curve = list(zip(timestamps, report["equity"], strict=True))
    return BacktestResult(
        OK,
        metrics=metrics,
        equity_curve=curve,
        trades=trades,
        trade_counts=report.get("counts", {}),
        in_market=[bool(flag) for flag in report.get("exposed", [])],
        activity=report.get("activity", {}),
        **base,
    )


def _execution_fields(execution: ExecutionResult) -> dict[str, Any]:
    """What every result keeps of its execution: time and the tails of its output."""
    return {
        "duration_s": execution.duration_s,
        "stdout": execution.stdout[-TAIL:],
        "stderr": execution.stderr[-TAIL:],
    }


def reported_records(result: Any) -> dict[str, Any] | None:
    """The strategy process's account of ``self.records``, if it is well-formed."""
    records = result.get("records") if isinstance(result, dict) else None
    if not isinstance(records, dict) or set(records) != {"n", "tail"}:
        return None
    n, tail = records["n"], records["tail"]
    if isinstance(n, bool) or not isinstance(n, int) or n < 0 or not isinstance(tail, list):
        return None
    if len(tail) > RECORDS_TAIL or not all(_number_or_none(value) for value in tail):
        return None
    return {"n": n, "tail": [None if value is None else float(value) for value in tail]}


def _number_or_none(value: Any) -> bool:
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))


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
