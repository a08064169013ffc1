"""`market_data`: the OHLCV bars that backtests and strategy tasks run on."""

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.resources import WarehouseResource
from cs_pipelines.market import (
    RULES,
    MarketDataConfig,
    count_by_rule,
    load_market_data,
    validate_bars,
    violations_frame,
)
from cs_pipelines.reporting import line_chart_png, markdown_image, markdown_table
from cs_pipelines.warehouse.tables import MARKET_BARS

MarketDataRunConfig = launchpad_config(
    MarketDataConfig,
    "MarketDataRunConfig",
    "Where bars come from (synthetic, files or ccxt), which symbols and timeframes, and when.",
)


@dg.asset(
    kinds={"polars", "duckdb"},
    group_name="market",
    check_specs=[
        dg.AssetCheckSpec(
            "bars_valid",
            asset="market_data",
            blocking=True,
            description="Monotonic unique timestamps, no gap beyond the tolerance, high >= "
            "max(open, close), low <= min(open, close), positive prices, no NaN.",
        )
    ],
)
def market_data(
    context: dg.AssetExecutionContext, config: MarketDataRunConfig, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """OHLCV bars for several symbols and timeframes in the warehouse table market_bars: by
    default seeded synthetic data (regime-switching, volatility-clustered, fat-tailed,
    correlated BTC/USDT, ETH/USDT and ETH/BTC), or CSV/Parquet files, or an exchange via ccxt
    (incremental by timestamp)."""
    settings = to_stage_config(config, MarketDataConfig)
    store = warehouse.warehouse
    existing = MARKET_BARS.read_if_exists(store) if settings.source == "ccxt" else None
    bars = load_market_data(settings, existing)
    violations = validate_bars(bars, max_gap_bars=settings.max_gap_bars)
    if violations:
        # Blocking: keep what was stored; the check reports the offending rows.
        context.log.error(f"{len(violations)} bar violations: the stored bars are unchanged")
    else:
        MARKET_BARS.replace(store, bars)
    return dg.MaterializeResult(
        metadata=_bars_metadata(bars, settings),
        check_results=[_bars_check(violations)],
    )


def _bars_check(violations: list) -> dg.AssetCheckResult:
    counts = count_by_rule(violations)
    return dg.AssetCheckResult(
        check_name="bars_valid",
        passed=not violations,
        metadata={
            **{f"violations/{rule}": counts.get(rule, 0) for rule in RULES},
            "examples": dg.MetadataValue.md(markdown_table(violations_frame(violations[:10]), 10)),
        },
    )


def _bars_metadata(bars: pl.DataFrame, settings: MarketDataConfig) -> dict:
    summary = (
        bars.group_by("symbol", "timeframe")
        .agg(
            pl.len().alias("bars"),
            pl.col("ts").min().alias("first"),
            pl.col("ts").max().alias("last"),
            pl.col("close").last().alias("last_close"),
        )
        .sort("symbol", "timeframe")
    )
    daily = bars.filter(pl.col("timeframe") == settings.timeframe_list()[0]).sort("ts")
    chart = line_chart_png(
        {
            symbol: (group["ts"].to_list(), (group["close"] / group["close"][0]).to_list())
            for (symbol,), group in daily.group_by("symbol", maintain_order=True)
        },
        f"Close / first close ({settings.timeframe_list()[0]}, {settings.source})",
        paths.artifacts_dir() / "reports" / "market_data.png",
    )
    return {
        "dagster/row_count": dg.MetadataValue.int(bars.height),
        "source": settings.source,
        "series": dg.MetadataValue.md(markdown_table(summary, 30)),
        "chart": dg.MetadataValue.md(markdown_image(chart, "normalised closes")),
    }
