"""The hostile suite (``hostile/``, one attack a file): strategies that read the future or alter
what is measured. In a verified backtest each is rejected with its reason or earns nothing; and
each attack is real: the self-contained program, which measures inside the strategy's own
process, falls for it (the future readers trade with perfect foresight there, the forgers
improve its numbers).

A file says what to expect in ``EXPECT``: ``no-foresight`` (Sharpe under 2 on a random walk,
where foresight makes over 5), ``same-as-honest`` (exactly the numbers of the same strategy with
``TAMPER = False``), or ``rejected``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from cs_pipelines.backtest import BacktestConfig, BacktestResult, run_backtest
from cs_pipelines.backtest.program import PreparedData
from cs_pipelines.backtest.runner import interpret_program
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines_tests.backtest.conftest import make_bars

HOSTILE = Path(__file__).with_name("hostile")
BARS = make_bars(300, seed=7)
CONFIG = BacktestConfig()


def expectation(source: str) -> str:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "EXPECT":
            return ast.literal_eval(node.value)
    raise AssertionError("a hostile strategy must say what to EXPECT")


def in_process(pool: SandboxPool, source: str) -> BacktestResult:
    """The same strategy in the self-contained program: measured in its own process."""
    prepared = PreparedData.from_bars(BARS, CONFIG)
    execution = pool.run(prepared.program(source), **prepared.run_options(streamed=False))
    return interpret_program(execution, prepared)


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.py")), ids=lambda path: path.stem)
def test_a_hostile_strategy_is_rejected_or_earns_nothing(pool: SandboxPool, path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    expect = expectation(source)
    verified = run_backtest(source, BARS, CONFIG, sandbox=pool)
    if expect == "rejected":
        assert verified.status == "rejected", verified
        assert verified.error.startswith("rejected decision: "), verified.error
        assert verified.metrics is None
    elif expect == "no-foresight":
        assert verified.ok, verified.error
        assert verified.metrics.sharpe < 2, verified.metrics
        if "exchange" not in source:  # the stream exists only in a verified backtest
            trusting = in_process(pool, source)
            assert trusting.ok and trusting.metrics.sharpe > 5, trusting.metrics
    elif expect == "same-as-honest":
        honest_source = source.replace("TAMPER = True", "TAMPER = False")
        honest = run_backtest(honest_source, BARS, CONFIG, sandbox=pool)
        assert verified.ok and honest.ok, (verified.error, honest.error)
        assert honest.metrics.n_trades > 0
        assert verified.metrics == honest.metrics
        assert verified.trades == honest.trades and verified.equity_curve == honest.equity_curve
        trusting = in_process(pool, source)
        assert trusting.ok, trusting.error
        gained = trusting.metrics.total_return > honest.metrics.total_return
        assert gained or trusting.metrics.sharpe > honest.metrics.sharpe, trusting.metrics
    else:
        raise AssertionError(f"unknown EXPECT {expect!r}")


def test_the_suite_covers_each_class_of_attack() -> None:
    expected = {expectation(path.read_text()) for path in HOSTILE.glob("*.py")}
    assert expected == {"no-foresight", "same-as-honest", "rejected"}
    assert len(list(HOSTILE.glob("*.py"))) >= 12
