"""The trading gym: strategy code + a task + a market split -> a reward an optimiser cannot game.

``TradingGym(bars, GymConfig(), pool).score(codes, split, tasks)`` gates each strategy (parses,
runs, trades, meets the task's spec; tampering earns a penalty), then scores it out of sample on
walk-forward windows against buy-and-hold, after fees and slippage. Every backtest is verified
(``cs_pipelines.backtest``): the strategy sees no future bar and cannot alter what is measured.
Training windows give RL its rewards; held-out windows (the last part of the bars, never
overlapping them) are for evaluation only.
"""

from cs_pipelines.gym.config import OBJECTIVES, GymConfig, GymError
from cs_pipelines.gym.reward import RUNGS, GymResult, TradingGym, WindowScore
from cs_pipelines.gym.windows import SPLITS, Window, gym_bars, make_windows, market_bars

__all__ = [
    "OBJECTIVES",
    "RUNGS",
    "SPLITS",
    "GymConfig",
    "GymError",
    "GymResult",
    "TradingGym",
    "Window",
    "WindowScore",
    "gym_bars",
    "make_windows",
    "market_bars",
]
