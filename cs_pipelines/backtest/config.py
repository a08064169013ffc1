"""Settings of one backtest: broker, costs, position sizing, sandbox limits, annualisation."""

from __future__ import annotations

from dataclasses import dataclass

SIZERS = ("percent", "fixed")


@dataclass(frozen=True)
class BacktestConfig:
    """Every field is a scalar, so ``launchpad_config`` exposes all of them in Dagster.

    Costs are fractions: ``commission`` 0.001 is 0.1% of each fill's value, ``slippage_perc``
    0.0005 moves each market fill 0.05% against the order (backtrader's ``set_slippage_perc``,
    capped at the bar's high/low). Market orders fill at the next bar's open.

    Position sizing applies when the strategy calls ``buy()``/``sell()`` without a size:

    * ``"percent"`` (default): ``sizer_percent`` % of the broker's *cash* at the order, as a
      fractional size (crypto trades fractions); an order against an open position closes it
      (backtrader's ``PercentSizer``). 95% leaves room for commission, slippage and a gap up.
    * ``"fixed"``: ``stake`` units per order (backtrader's ``FixedSize``).

    ``periods_per_year`` annualises Sharpe and Sortino (``sqrt(periods_per_year)``). ``None``
    infers it from the first feed's median bar spacing on a 365-day year: 365 for daily bars,
    8760 for hourly ones. CAGR always uses calendar time (365-day years).
    """

    cash: float = 10_000.0
    commission: float = 0.001
    slippage_perc: float = 0.0005
    sizer: str = "percent"
    sizer_percent: float = 95.0
    stake: float = 1.0
    periods_per_year: float | None = None
    timeout_s: float = 60.0
    memory_mb: int = 1024

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in [
                (self.cash <= 0, "cash must be positive"),
                (self.commission < 0, "commission must be >= 0"),
                (self.slippage_perc < 0, "slippage_perc must be >= 0"),
                (self.sizer not in SIZERS, f"sizer must be one of {SIZERS}"),
                (not 0 < self.sizer_percent <= 100, "sizer_percent in (0, 100]"),
                (self.stake <= 0, "stake must be positive"),
                (
                    self.periods_per_year is not None and self.periods_per_year <= 0,
                    "periods_per_year must be positive",
                ),
                (self.timeout_s <= 0, "timeout_s must be positive"),
                (self.memory_mb <= 0, "memory_mb must be positive"),
            ]
            if failed
        ]
        if problems:
            raise ValueError(f"invalid BacktestConfig: {', '.join(problems)}")


DEFAULT_CONFIG = BacktestConfig()
