"""Backtest benchmark: verified backtests per second on 2 cores (the strategy deciding in the
sandbox, the host replaying and measuring) against backtests measured inside the strategy's own
process, in the sandbox's pool and in a fresh interpreter each; and how the bars should reach
the sandbox.

Sections (``--sections``, default both):

* throughput: ``--candidates`` (default 40) distinct SMA-crossover strategies (one (fast, slow)
  pair each) on two years of synthetic daily bars (730, fixed seed), default ``BacktestConfig``.
  verified: ``run_backtests(sources, bars, config, SandboxPool(workers=2))``: the strategy
  process gets the bars a step at a time through the sandbox's stream, the host replays its
  decisions and computes the metrics (tamper-proof; what every caller uses). in-process: the
  self-contained programs (``PreparedData.program``, what ``build_program`` returns, bars
  embedded, measured by the harness next to the strategy) through the same pool's ``run_many``
  (what ``run_backtests`` did before it was verified). fresh: the same programs, each run by
  ``subprocess.run([sys.executable, "-c", program])``, two at a time, its last stdout line
  parsed. A candidate counts as verified when its backtest came back ``ok``; all three must
  report the same metrics and equity curve for every candidate (checked). ``--repeat``
  (default 5) interleaved rounds; medians of backtests/s and of the ratios. Also CPU ms per
  backtest (this process, the fresh interpreters, the fork servers and their children, from
  getrusage and /proc): on a shared CPU the wall-clock ratio swings with other load, the CPU
  ratio much less.
* data: per-backtest wall time of ``Sandbox.run`` with the bars embedded in the program as one
  JSON string literal (what ``build_program`` does), against the same JSON written once to a
  file under a folder passed as ``readable_paths`` and read by the program, and against the
  feeds sent as parsed JSON in the request's ``args`` (harness as code, ``main`` as entry);
  for 730 daily and 17,520 hourly bars (two years each), for a program that only loads the
  feeds and for the full SMA backtest. ``--data-repeat`` (default 9) rounds, each variant once
  per round in a shuffled order; median and min (the min is the steadier estimate of a fixed
  cost difference on a shared CPU).

    .venv/bin/python benchmarks/bench_backtest.py                      # ~4-5 min on 2 cores
    .venv/bin/python benchmarks/bench_backtest.py --candidates 10 --repeat 1 --data-repeat 3
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from benchmarks.common import cpu_seconds, doc_parser, scratch_dir
from cs_pipelines.backtest import BacktestConfig, BacktestResult, run_backtests
from cs_pipelines.backtest.program import PreparedData, harness, program_text
from cs_pipelines.backtest.runner import interpret_program
from cs_pipelines.sandbox import ExecutionResult, Sandbox, SandboxPool, Status

SMA_TEMPLATE = """
import backtrader as bt


class SmaCross(bt.Strategy):
    params = (("fast", {fast}), ("slow", {slow}))

    def __init__(self):
        fast = bt.indicators.SMA(self.data.close, period=self.p.fast)
        slow = bt.indicators.SMA(self.data.close, period=self.p.slow)
        self.crossover = bt.indicators.CrossOver(fast, slow)

    def next(self):
        if not self.position and self.crossover > 0:
            self.buy()
        elif self.position and self.crossover < 0:
            self.close()
"""
VARIANTS = ("embedded", "file", "args")
SIZES = (("730 daily", 730, timedelta(days=1)), ("17,520 hourly", 17_520, timedelta(hours=1)))
LOAD_ONLY = """
def load_only(source, name, settings, feeds):
    return {"bars": sum(len(feed["t"]) for feed in feeds.values())}


if "FEEDS" in globals():
    publish(load_only(None, None, None, FEEDS))
"""


def synthetic_bars(n: int, step: timedelta, seed: int = 7) -> pl.DataFrame:
    """A geometric random walk with a small drift; OHLC consistent, volume random."""
    rng = np.random.default_rng(seed)
    close = 100.0 * np.exp(np.cumsum(rng.normal(0.0004, 0.02, n)))
    open_ = np.concatenate([[100.0], close[:-1]])
    high = np.maximum(open_, close) * (1 + rng.uniform(0, 0.01, n))
    low = np.minimum(open_, close) * (1 - rng.uniform(0, 0.01, n))
    ts = [datetime(2023, 1, 1) + i * step for i in range(n)]
    volume = rng.uniform(10, 100, n)
    return pl.DataFrame(
        {"ts": ts, "open": open_, "high": high, "low": low, "close": close, "volume": volume}
    )


def candidates(n: int) -> list[str]:
    pairs = [(fast, slow) for fast in range(5, 25) for slow in (30, 50, 80)]
    return [SMA_TEMPLATE.format(fast=f, slow=s) for f, s in pairs[:n]]


def run_fresh(programs: list[str], prepared: PreparedData) -> list[BacktestResult]:
    """Each program in its own ``python -c``, two at a time (no containment at all)."""

    def one(program: str) -> BacktestResult:
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
        lines = done.stdout.strip().splitlines()
        ok = done.returncode == 0 and bool(lines)
        execution = ExecutionResult(
            Status.PASSED if ok else Status.ERROR,
            exc_message=None if ok else done.stderr[-300:],
            result=json.loads(lines[-1]) if ok else None,
            duration_s=time.monotonic() - started,
        )
        return interpret_program(execution, prepared)

    with ThreadPoolExecutor(2) as executor:
        return list(executor.map(one, programs))


WAYS = {
    "verified": "verified: stream + host replay",
    "in-process": "in-process: measured by the harness",
    "fresh": "fresh python -c, 2 at a time",
}


def throughput(n: int, repeat: int) -> None:
    bars, config = synthetic_bars(730, timedelta(days=1)), BacktestConfig()
    sources = candidates(n)
    rates: dict[str, list[float]] = {how: [] for how in WAYS}
    cpu: dict[str, list[float]] = {how: [] for how in WAYS}
    with SandboxPool(workers=2) as pool:
        servers = [info["pid"] for info in pool.info]
        run_backtests(sources[:2], bars, config, pool)  # warm both servers
        for _ in range(repeat):
            rounds = {}
            for how in WAYS:
                start, cpu_start = time.perf_counter(), cpu_seconds(servers)
                rounds[how] = _one_round(how, sources, bars, config, pool)
                cpu[how].append((cpu_seconds(servers) - cpu_start) / n)
                rates[how].append(_verified(rounds[how]) / (time.perf_counter() - start))
            _same_numbers(rounds["verified"], rounds["in-process"])
            _same_numbers(rounds["verified"], rounds["fresh"])
    trades = statistics.median(r.metrics.n_trades for r in rounds["verified"])
    _print_throughput(n, repeat, rates, cpu, trades)


def _one_round(
    how: str, sources: list[str], bars: pl.DataFrame, config: BacktestConfig, pool: SandboxPool
) -> list[BacktestResult]:
    if how == "verified":
        return run_backtests(sources, bars, config, pool)
    prepared = PreparedData.from_bars(bars, config)
    programs = [prepared.program(s) for s in sources]
    if how == "fresh":
        return run_fresh(programs, prepared)
    executions = pool.run_many(programs, **prepared.run_options(streamed=False))
    return [interpret_program(execution, prepared) for execution in executions]


def _print_throughput(n: int, repeat: int, rates: dict, cpu: dict, trades: float) -> None:
    print(f"\nThroughput: {n} SMA-crossover candidates on 730 daily bars (median {trades:.0f}")
    print(f"trades each), 2 at a time; medians of {repeat} interleaved rounds")
    print(f"{'how':<38} {'backtests/s':>12} {'wall ms':>8} {'CPU ms':>7}")
    for how, label in WAYS.items():
        rate, cpu_s = statistics.median(rates[how]), statistics.median(cpu[how])
        print(f"{label:<38} {rate:>12.2f} {2000 / rate:>8.0f} {cpu_s * 1000:>7.0f}")
    for a, b in (("verified", "in-process"), ("in-process", "fresh"), ("verified", "fresh")):
        ratios = [x / y for x, y in zip(rates[a], rates[b], strict=True)]
        cpu_ratio = statistics.median(cpu[b]) / statistics.median(cpu[a])
        print(f"{a} / {b}: {statistics.median(ratios):.2f}x backtests/s (rounds: ", end="")
        print(", ".join(f"{r:.2f}" for r in ratios) + f"); CPU per backtest {cpu_ratio:.2f}x")
    print("identical metrics and equity curves on all three: yes")


def _verified(results: list[BacktestResult]) -> int:
    failed = [r.error for r in results if not r.ok]
    assert not failed, failed[:3]
    return len(results)


def _same_numbers(ours: list[BacktestResult], fresh: list[BacktestResult]) -> None:
    for a, b in zip(ours, fresh, strict=True):
        assert a.metrics == b.metrics, (a.metrics, b.metrics)
        assert a.equity_curve == b.equity_curve


def data_passing(repeat: int) -> None:
    folder = scratch_dir("backtest-data")
    folder.chmod(0o755)  # the sandbox's uid must be able to read it
    print(f"\nData passing: Sandbox.run wall ms per backtest, median / min of {repeat} runs")
    print(f"{'bars':<14} {'program':<10}", end="")
    print("".join(f"{how:>16}" for how in VARIANTS) + f" {'program KB':>11}")
    try:
        with Sandbox(readable_paths=[folder]) as sandbox:
            sandbox.wait_ready()
            for label, n, step in SIZES:
                _data_rows(sandbox, folder, label, synthetic_bars(n, step), repeat)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _data_rows(sandbox: Sandbox, folder: Path, label: str, bars: pl.DataFrame, repeat: int):
    prepared = PreparedData.from_bars(bars, BacktestConfig())
    path = folder / f"feeds-{bars.height}.json"
    path.write_text(prepared.feeds_json)
    path.chmod(0o644)
    for what in ("load only", "backtest"):
        jobs = _data_jobs(prepared, f"json.loads(open({str(path)!r}).read())", what)
        times = _interleaved(sandbox, jobs, prepared, repeat)
        cells = "".join(
            f"{statistics.median(times[how]) * 1e3:>9.1f} /{min(times[how]) * 1e3:>5.0f}"
            for how in VARIANTS
        )
        print(f"{label:<14} {what:<10}{cells} {len(jobs['embedded']['code']) / 1024:>11.0f}")


def _data_jobs(prepared: PreparedData, from_file: str, what: str) -> dict[str, dict]:
    """embedded: FEEDS as a JSON string literal (``build_program``); file: FEEDS read from a
    file; args: the harness as code, ``main`` as entry, the feeds as parsed JSON in ``args``."""
    source = candidates(1)[0]
    jobs = {
        how: {"code": program_text(source, None, prepared.settings, expr)}
        for how, expr in (("embedded", prepared.feeds_expr), ("file", from_file))
    }
    jobs["args"] = {
        "code": harness(),
        "entry": "main",
        "args": [source, None, prepared.settings, prepared.feeds],
    }
    if what == "load only":
        for job in jobs.values():
            job["code"] = job["code"].split("\npublish(main(")[0] + LOAD_ONLY
            job["entry"] = "load_only" if job.get("entry") else None
    return jobs


def _interleaved(
    sandbox: Sandbox, jobs: dict[str, dict], prepared: PreparedData, repeat: int
) -> dict[str, list[float]]:
    """Every variant once per round, in a shuffled order (a fixed order skews under load)."""
    times: dict[str, list[float]] = {how: [] for how in jobs}
    options, shuffler = prepared.run_options(), random.Random(0)
    for _ in range(repeat):
        for how in shuffler.sample(list(jobs), len(jobs)):
            start = time.perf_counter()
            result = sandbox.run(**jobs[how], **options)
            times[how].append(time.perf_counter() - start)
            assert result.status is Status.PASSED, (how, result)
    return times


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--sections", nargs="+", default=["throughput", "data"])
    parser.add_argument("--candidates", type=int, default=40, help="backtests per round")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved throughput rounds")
    parser.add_argument("--data-repeat", type=int, default=9, help="runs per data variant")
    args = parser.parse_args()
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    print(f"Backtest benchmark: {os.cpu_count()} CPUs; Python {sys.version.split()[0]}; {stamp}")
    if "throughput" in args.sections:
        throughput(args.candidates, args.repeat)
    if "data" in args.sections:
        data_passing(args.data_repeat)


if __name__ == "__main__":
    main()
