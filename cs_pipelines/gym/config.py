"""Settings of the trading gym: which bars, how they split into windows, how a strategy is
scored there, and what failing the gate costs. One frozen dataclass of scalars, so every field
reaches Dagster's launchpad."""

from __future__ import annotations

from dataclasses import dataclass

OBJECTIVES = ("sharpe_dd", "sortino", "calmar", "diff_sharpe")


class GymError(ValueError):
    """Bars or settings the gym cannot score on; the message names what is wrong and where."""


@dataclass(frozen=True)
class GymConfig:
    """The defaults score two years of daily bars: the last quarter is held out (for evaluation
    only), the rest is cut into walk-forward windows of 90 scored bars, each backtested after 60
    bars of warm-up (indicators need a past). Fees, slippage and the sandbox's limits are the
    backtest's own settings (``BacktestConfig``), given to the gym beside this.

    A window's score is the strategy's objective minus buy-and-hold's on the same bars; a
    window where the strategy was in the market less than ``min_exposure`` of the time cannot
    score above 0 (one lucky trade is no strategy). Objectives (``objective``):

    * ``sharpe_dd``: Sharpe ratio clipped to ``[-clip, clip]`` minus ``drawdown_penalty`` x the
      maximum drawdown;
    * ``sortino``: Sortino ratio, clipped;
    * ``calmar``: annualised return over maximum drawdown, clipped;
    * ``diff_sharpe``: the mean differential Sharpe ratio (Moody and Saffell 1998) with
      adaptation rate 1 / window, annualised and clipped.

    The reward: a strategy that fails the gate gets ``rung_credit`` for each rung it passed
    (parses, runs, trades, meets the task's spec), one whose decisions the host rejected
    (tampering) gets ``-tamper_penalty``, and one that passes all gets ``4 x rung_credit +
    score_weight x`` its mean window score mapped from ``[-clip, clip]`` to ``[0, 1]``. So any
    strategy that passes beats any that does not, and tampering is worse than not trying.
    """

    symbol: str = "BTC/USDT"
    timeframe: str = "1d"
    window_bars: int = 90
    warmup_bars: int = 60
    step_bars: int = 90
    held_out_fraction: float = 0.25
    objective: str = "sharpe_dd"
    clip: float = 3.0
    drawdown_penalty: float = 2.0
    min_exposure: float = 0.1
    rung_credit: float = 0.1
    score_weight: float = 0.6
    tamper_penalty: float = 0.5

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in [
                (self.window_bars < 2, "window_bars must be at least 2"),
                (self.warmup_bars < 0, "warmup_bars must be >= 0"),
                (self.step_bars < 1, "step_bars must be at least 1"),
                (not 0 < self.held_out_fraction < 1, "held_out_fraction must be in (0, 1)"),
                (self.objective not in OBJECTIVES, f"objective must be one of {OBJECTIVES}"),
                (not self.clip > 0, "clip must be positive"),
                (self.drawdown_penalty < 0, "drawdown_penalty must be >= 0"),
                (not 0 <= self.min_exposure <= 1, "min_exposure must be in [0, 1]"),
                (self.rung_credit < 0 or self.score_weight < 0, "credits must be >= 0"),
                (self.tamper_penalty < 0, "tamper_penalty must be >= 0"),
            ]
            if failed
        ]
        if problems:
            raise GymError(f"invalid GymConfig: {', '.join(problems)}")
