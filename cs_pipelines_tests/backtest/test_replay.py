"""An honest strategy's verified backtest (its decisions replayed and measured on the host)
equals backtrader itself running it on the same bars with the same broker: for every order
type the strategies in ``order_types/`` use, and for several feeds. And the host refuses
decisions it cannot take as sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_pipelines.backtest import BacktestConfig, run_backtest
from cs_pipelines.backtest._harness import main as run_in_backtrader
from cs_pipelines.backtest.program import PreparedData
from cs_pipelines.backtest.replay import CancelOrder, DecisionError, PlaceOrder, parse_decisions
from cs_pipelines.backtest.runner import measured
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines_tests.backtest.conftest import make_bars
from cs_pipelines_tests.backtest.test_runner import PAIRS

ORDER_TYPES = Path(__file__).with_name("order_types")
BARS = make_bars(400, seed=3)
ORDER = {
    "side": "buy", "ref": 1, "feed": 0, "size": 1.0, "price": None, "plimit": None,
    "exectype": None, "valid": None, "tradeid": 0, "oco": None, "trailamount": None,
    "trailpercent": None, "parent": None, "transmit": True,
}  # fmt: skip


def in_backtrader(source: str, bars, config: BacktestConfig):
    """The strategy run by backtrader in this process, bars preloaded, measured as usual."""
    prepared = PreparedData.from_bars(bars, config)
    report = run_in_backtrader(source, None, prepared.settings, prepared.feeds)
    return measured(report, prepared, {})


@pytest.mark.parametrize("path", sorted(ORDER_TYPES.glob("*.py")), ids=lambda path: path.stem)
@pytest.mark.parametrize("config", [BacktestConfig(), BacktestConfig(sizer="fixed", stake=3)])
def test_the_replay_equals_backtrader_for_every_order_type(
    pool: SandboxPool, path: Path, config: BacktestConfig
) -> None:
    source = path.read_text(encoding="utf-8")
    verified = run_backtest(source, BARS, config, sandbox=pool)
    direct = in_backtrader(source, BARS, config)
    assert verified.ok, verified.error
    assert verified.metrics.n_trades >= 3, verified.metrics
    assert verified.metrics == direct.metrics
    assert verified.trades == direct.trades
    assert verified.equity_curve == direct.equity_curve
    assert verified.trade_counts == direct.trade_counts


def test_the_replay_equals_backtrader_on_two_feeds(pool: SandboxPool) -> None:
    bars = {"A": make_bars(300, seed=1), "B": make_bars(300, seed=2)}
    verified = run_backtest(PAIRS, bars, sandbox=pool)
    direct = in_backtrader(PAIRS, bars, BacktestConfig())
    assert verified.ok and verified.metrics.n_trades > 5
    assert verified.metrics == direct.metrics and verified.trades == direct.trades


def test_feeds_on_different_timestamps_are_refused_before_running(pool: SandboxPool) -> None:
    bars = {"A": make_bars(300), "B": make_bars(299)}
    with pytest.raises(ValueError, match="'B' and 'A' do not share their timestamps"):
        run_backtest(PAIRS, bars, sandbox=pool)


def test_message_k_acts_at_step_k_minus_1() -> None:
    """Message k was sent before step k's bars: it acts at step k - 1 (message 0 at step 0)."""
    steps = parse_decisions([[ORDER], [], [{**ORDER, "ref": 2}], [{"cancel": 2}]], 3, 1)
    assert steps == [
        [PlaceOrder("buy", 1, 0, 1.0)],
        [PlaceOrder("buy", 2, 0, 1.0)],
        [CancelOrder(2)],
    ]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("buy", "the decisions are not a list"),
        (["buy"], "not an order or a cancel"),
        ([{**ORDER, "extra": 1}], "unexpected fields ['extra']"),
        ([{**ORDER, "side": "hold"}], "neither buy nor sell"),
        ([{**ORDER, "feed": 1}], "an order on feed 1, not one of the 1 given"),
        ([{**ORDER, "size": -1.0}], "size -1.0 is not in (0, 1e+15]"),
        ([{**ORDER, "size": True}], "size True is not a finite number"),
        ([{**ORDER, "price": float("inf")}], "price inf is not a finite number"),
        ([{**ORDER, "exectype": 99}], "unknown exectype 99"),
        ([{**ORDER, "oco": 7}], "oco names order 7, which was never placed"),
        ([{**ORDER, "transmit": 1}], "transmit 1 is not true or false"),
        ([ORDER, ORDER], "order ref 1 used twice"),
        ([{"cancel": 3}], "cancel names order 3, which was never placed"),
        ([{**ORDER, "ref": i} for i in range(101)], "101 decisions, over 100"),
    ],
)
def test_decisions_the_host_cannot_take_are_named(message, expected: str) -> None:
    with pytest.raises(DecisionError) as caught:
        parse_decisions([[], message], 5, 1)
    assert str(caught.value).startswith("step 0")
    assert expected in str(caught.value)
