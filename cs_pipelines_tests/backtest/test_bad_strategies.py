"""Broken and hostile strategies: a clear status and message each, never an exception on the
host, and nothing of the host (secrets, files) reachable."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from cs_pipelines.backtest import BacktestConfig, run_backtest
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines_tests.backtest.conftest import FAKE_SECRET, SMA_CROSS, make_bars

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BARS = make_bars(120)

RAISES_IN_NEXT = """
import backtrader as bt


class Broken(bt.Strategy):
    def next(self):
        if len(self) == 50:
            ratio = self.data.close[0] / 0
"""

ENDLESS = """
import backtrader as bt


class Endless(bt.Strategy):
    def next(self):
        while True:
            pass
"""


@pytest.mark.parametrize(
    ("source", "name", "status", "expected"),
    [
        ("class Broken(bt.Strategy:\n    pass", None, "error", "SyntaxError"),
        ("x = 1", None, "error", "StrategyError: the strategy source defines no subclass"),
        (
            "import backtrader as bt\nclass A(bt.Strategy): pass\nclass B(bt.Strategy): pass",
            None,
            "error",
            "several bt.Strategy subclasses (A, B); name the one to run",
        ),
        (SMA_CROSS, "Missing", "error", "defines no bt.Strategy subclass 'Missing'"),
        ("import backtrader as bt\nMissing = 3", "Missing", "error", "subclass 'Missing'"),
        (RAISES_IN_NEXT, None, "error", "ZeroDivisionError: float division by zero"),
        ("import backtrader as bt\nassert False, 'nope'", None, "failed", "AssertionError"),
        ("import sys\nsys.exit(0)", None, "error", "exited before the end"),
    ],
)
def test_broken_strategies_report_a_clear_error(
    pool: SandboxPool, source: str, name: str | None, status: str, expected: str
) -> None:
    result = run_backtest(source, BARS, strategy_name=name, sandbox=pool)
    assert result.status == status, result
    assert expected in result.error
    assert result.metrics is None and result.equity_curve == [] and not result.ok


def test_error_names_the_strategy_line(pool: SandboxPool) -> None:
    result = run_backtest(RAISES_IN_NEXT, BARS, sandbox=pool)
    assert result.error.endswith("(strategy line 8, in next)"), result.error
    assert "ratio = self.data.close[0] / 0" in result.stderr  # the traceback shows the source


def test_endless_loop_times_out(pool: SandboxPool) -> None:
    result = run_backtest(ENDLESS, BARS, BacktestConfig(timeout_s=1.5), sandbox=pool)
    assert result.status == "timeout", result
    assert "limit" in result.error
    assert result.duration_s < 5


def test_memory_hog_is_stopped(pool: SandboxPool) -> None:
    hog = "import backtrader as bt\nclass Hog(bt.Strategy):\n    def next(self):\n"
    hog += "        self.keep = bytearray(2**33)\n"
    result = run_backtest(hog, BARS, BacktestConfig(memory_mb=256), sandbox=pool)
    assert result.status == "memory", result


def test_hostile_strategy_is_contained(pool: SandboxPool, tmp_path: Path) -> None:
    marker = f"backtest-escape-{uuid.uuid4().hex}"
    targets = [tmp_path / marker, PROJECT_ROOT / marker, Path("/tmp") / marker]
    hostile = f"""
import os
import backtrader as bt


def attempt(action):
    try:
        return repr(action())
    except OSError as exc:
        return type(exc).__name__


class Thief(bt.Strategy):
    def start(self):
        print("env", dict(os.environ))
        print("block", attempt(lambda: open("/proc/self/environ", "rb").read()))
        print("parent", attempt(lambda: open(f"/proc/{{os.getppid()}}/environ", "rb").read()))
        for target in {[str(t) for t in targets]!r}:
            print("write", attempt(lambda: open(target, "w").write("pwned")))
        open("inside.txt", "w").write("scratch is fine")
"""
    result = run_backtest(hostile, BARS, sandbox=pool)
    assert result.ok, (result.error, result.stderr)
    seen = result.stdout + result.stderr
    assert "env {" in seen
    assert FAKE_SECRET not in seen
    assert "SECRET_TOKEN" not in seen
    writes = [line for line in result.stdout.splitlines() if line.startswith("write")]
    assert writes[1] == "write PermissionError"  # the project tree
    for target in targets:  # /tmp may be writable, but it is the sandbox's own
        assert not target.exists(), target
