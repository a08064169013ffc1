"""Strategy code + a task + a market split -> a reward: the gate, then the out-of-sample score.

The gate's rungs, in order: ``parses`` (the code parses, defines the task's class, imports only
what the SFT ladder allows), ``runs`` (its verified backtest finishes; see
``cs_pipelines.backtest``), ``trades`` (it changed a position and was in the market at least
``min_exposure`` of the scored bars), ``meets_spec`` (the task's rules: long only, order types,
position size, holding time). Then each window of the split is scored against buy-and-hold on
the same bars (``GymConfig`` says how), and the reward is computed from the mean.

Every backtest is verified: the strategy sees no bar after the current one and cannot alter
what is measured. A strategy whose decisions the host rejects (it wrote into the decision
channel, placed an impossible order) is ``tampered`` and earns ``-tamper_penalty``.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import polars as pl

from cs_pipelines.backtest import BacktestConfig, BacktestResult, run_backtests
from cs_pipelines.backtest.bars import periods_per_year
from cs_pipelines.backtest.runner import REJECTED
from cs_pipelines.gym.config import GymConfig, GymError
from cs_pipelines.gym.objectives import objective
from cs_pipelines.gym.windows import SPLITS, Window, make_windows
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sft.ladder import LadderConfig, behaviour_problems, check_imports, check_parses
from cs_pipelines.sft.observe import observe
from cs_pipelines.sft.tasks import StrategyTask

RUNGS = ("parses", "runs", "trades", "meets_spec")


@dataclass(frozen=True)
class WindowScore:
    """One window: the strategy's objective, buy-and-hold's, the excess that counts (capped at
    0 when the strategy was barely in the market), and what it did there."""

    split: str
    index: int
    start: datetime
    end: datetime
    objective: float
    benchmark: float
    excess: float
    exposure: float
    n_trades: int
    total_return: float
    benchmark_return: float
    max_drawdown: float


@dataclass
class GymResult:
    """``status``: ``scored`` (passed the gate), ``gated`` (stopped at a rung, ``reason`` says
    why) or ``tampered``. ``score`` is the mean window excess (None unless scored)."""

    reward: float
    status: str
    rungs_passed: int
    reason: str | None = None
    score: float | None = None
    windows: list[WindowScore] = field(default_factory=list)
    backtest: BacktestResult | None = None

    @property
    def rung(self) -> str:
        """The last rung passed ("" for none)."""
        return RUNGS[self.rungs_passed - 1] if self.rungs_passed else ""

    def summary(self) -> dict[str, Any]:
        """JSON-able: reward, status, gate, score, per-window scores, the backtest's metrics."""
        metrics = self.backtest.metrics.as_dict() if self.backtest and self.backtest.metrics else {}
        return {
            "status": self.status,
            "reward": self.reward,
            "gate": {"rungs_passed": self.rungs_passed, "rung": self.rung, "reason": self.reason},
            "score": self.score,
            "metrics": metrics,
            "windows": [
                {**asdict(w), "start": w.start.isoformat(), "end": w.end.isoformat()}
                for w in self.windows
            ],
        }


class TradingGym:
    """Scores strategies on one symbol's bars, split into training and held-out windows."""

    def __init__(
        self,
        bars: pl.DataFrame,
        config: GymConfig | None = None,
        pool: SandboxPool | None = None,
        backtest: BacktestConfig | None = None,
    ) -> None:
        """``bars``: checked bars (``windows.gym_bars`` or ``windows.market_bars``);
        ``backtest``: cash, fees, slippage and limits (default ``BacktestConfig()``)."""
        self.config = config or GymConfig()
        self.backtest_config = backtest or BacktestConfig()
        self.bars = bars
        self.pool = pool
        self.windows = make_windows(bars.height, self.config)
        epoch = bars["ts"].cast(pl.Datetime("ms")).dt.epoch("ms").to_list()
        self.periods_per_year = periods_per_year(epoch)
        self.ladder = LadderConfig()

    def score(
        self,
        codes: Sequence[str],
        split: str = "train",
        tasks: Sequence[StrategyTask | None] | None = None,
    ) -> list[GymResult]:
        """One result per code, in order; ``tasks[i]`` (if given) names the class to run and
        the spec to meet. ``split``: ``train`` for rewards, ``held_out`` for evaluation."""
        if split not in SPLITS:
            raise GymError(f"split must be one of {SPLITS}, not {split!r}")
        tasks = list(tasks) if tasks is not None else [None] * len(codes)
        if len(tasks) != len(codes):
            raise GymError(f"{len(codes)} strategies but {len(tasks)} tasks")
        results: list[GymResult | None] = [
            self._static(c, t) for c, t in zip(codes, tasks, strict=True)
        ]
        runnable = [i for i, r in enumerate(results) if r is None]
        if runnable:
            backtests = self._backtests(
                [codes[i] for i in runnable], split, [tasks[i] for i in runnable]
            )
            for i, backtest in zip(runnable, backtests, strict=True):
                results[i] = self._judge(backtest, split, tasks[i])
        return [r for r in results if r is not None]

    def _static(self, code: str, task: StrategyTask | None) -> GymResult | None:
        """The ``parses`` rung (None when passed)."""
        if task is None:
            try:
                ast.parse(code)
            except (SyntaxError, ValueError) as exc:
                return self._gated(0, f"parses: {type(exc).__name__}: {exc}")
            return None
        tree, problem = check_parses(code, task.class_name)
        if problem is None and tree is not None:
            problem = check_imports(tree, self.ladder)
        return None if problem is None else self._gated(0, f"parses: {problem}")

    def _backtests(
        self, codes: list[str], split: str, tasks: list[StrategyTask | None]
    ) -> list[BacktestResult]:
        windows = self.windows[split]
        first = windows[0].backtest_start(self.config.warmup_bars)
        bars = self.bars.slice(first, windows[-1].end - first)
        names = [task.class_name if task else None for task in tasks]
        config = self.backtest_config
        if self.pool is None:
            return run_backtests(codes, bars, config, strategy_names=names)
        return run_backtests(codes, bars, config, self.pool, strategy_names=names)

    def _judge(self, backtest: BacktestResult, split: str, task: StrategyTask | None) -> GymResult:
        if backtest.status == REJECTED:
            return GymResult(
                -self.config.tamper_penalty, "tampered", 1, backtest.error, backtest=backtest
            )
        if not backtest.ok:
            return self._gated(1, f"runs: {backtest.error or backtest.status}", backtest)
        windows = self._window_scores(backtest, split)
        exposure = float(np.mean([w.exposure for w in windows]))
        if not backtest.activity.get("n_changes"):
            return self._gated(2, "trades: never held a position", backtest, windows)
        if exposure < self.config.min_exposure:
            need = self.config.min_exposure
            reason = f"trades: in the market {exposure:.1%} of the scored bars (need {need:.0%})"
            return self._gated(2, reason, backtest, windows)
        problems = self._spec_problems(backtest, task)
        if problems:
            return self._gated(3, f"meets_spec: {'; '.join(problems)}", backtest, windows)
        score = float(np.mean([w.excess for w in windows]))
        clip = self.config.clip
        normalised = (max(-clip, min(clip, score)) + clip) / (2 * clip)
        reward = len(RUNGS) * self.config.rung_credit + self.config.score_weight * normalised
        return GymResult(reward, "scored", len(RUNGS), None, score, windows, backtest)

    def _gated(
        self,
        passed: int,
        reason: str,
        backtest: BacktestResult | None = None,
        windows: list[WindowScore] | None = None,
    ) -> GymResult:
        return GymResult(
            passed * self.config.rung_credit, "gated", passed, reason, None, windows or [], backtest
        )

    def _spec_problems(self, backtest: BacktestResult, task: StrategyTask | None) -> list[str]:
        if task is None or task.spec.get("free"):
            return []
        seen = observe(backtest)
        if seen is None:
            return ["no observation of what the strategy did"]
        return behaviour_problems(task.spec, backtest, seen, self.ladder)

    def _window_scores(self, backtest: BacktestResult, split: str) -> list[WindowScore]:
        windows = self.windows[split]
        offset = windows[0].backtest_start(self.config.warmup_bars)
        equity = np.array([value for _, value in backtest.equity_curve], dtype=np.float64)
        closes = self.bars["close"].to_numpy()[offset:]
        return [self._window(w, w.start - offset, equity, closes, backtest) for w in windows]

    def _window(
        self,
        window: Window,
        start: int,
        equity: np.ndarray,
        closes: np.ndarray,
        backtest: BacktestResult,
    ) -> WindowScore:
        end = start + (window.end - window.start)
        before = max(start - 1, 0)
        values = (
            equity[before:end]
            if start
            else np.concatenate([[self.backtest_config.cash], equity[:end]])
        )
        prices = closes[before:end] if start else np.concatenate([[closes[0]], closes[:end]])
        ppy = self.periods_per_year
        mine, benchmark = objective(values, ppy, self.config), objective(prices, ppy, self.config)
        exposure = float(np.mean(backtest.in_market[start:end]))
        excess = mine - benchmark
        if exposure < self.config.min_exposure:
            excess = min(excess, 0.0)
        first, last = backtest.equity_curve[start][0], backtest.equity_curve[end - 1][0]
        trades = sum(1 for trade in backtest.trades if first <= trade["close_ts"] <= last)
        return WindowScore(
            window.split,
            window.index,
            first,
            last,
            mine,
            benchmark,
            excess,
            exposure,
            trades,
            float(values[-1] / values[0] - 1),
            float(prices[-1] / prices[0] - 1),
            float(max(0.0, 1 - (values / np.maximum.accumulate(values)).min())),
        )
