"""`market_data` through Dagster: bars in the warehouse, a blocking validity check, and bad input
that leaves the stored bars as they were."""

from __future__ import annotations

import dagster as dg
import polars as pl

from cs_pipelines.defs.market import market_data
from cs_pipelines.market import MarketDataConfig, load_market_data, write_bars_files
from cs_pipelines.warehouse.tables import MARKET_BARS
from cs_pipelines_tests.orchestration.conftest import Platform


def materialize(platform: Platform, instance: dg.DagsterInstance, **config):
    return dg.materialize(
        [market_data],
        instance=instance,
        resources=platform.resources(),
        run_config={"ops": {"market_data": {"config": config}}},
        raise_on_error=False,
    )


def test_default_bars_land_in_the_warehouse_and_pass_the_check(platform, instance):
    result = materialize(platform, instance)
    assert result.success
    (check,) = result.get_asset_check_evaluations()
    assert check.passed
    stored = platform.warehouse.query(
        f"SELECT symbol, timeframe, count(*) AS n FROM {MARKET_BARS.name} "
        "GROUP BY 1, 2 ORDER BY 1, 2"
    )
    assert stored["symbol"].unique().sort().to_list() == ["BTC/USDT", "ETH/BTC", "ETH/USDT"]
    assert set(stored["timeframe"]) == {"1d", "4h"}
    daily = stored.filter(pl.col("timeframe") == "1d")["n"].to_list()
    assert daily == [731, 731, 731]  # 2024-01-01 .. 2025-12-31, a leap year included


def test_invalid_file_bars_fail_the_check_and_keep_the_stored_bars(platform, instance, tmp_path):
    assert materialize(platform, instance).success
    before = platform.warehouse.query(f"SELECT count(*) AS n FROM {MARKET_BARS.name}")["n"][0]
    bars = load_market_data(MarketDataConfig(symbols="BTC/USDT", timeframes="1d"))
    broken = bars.with_columns(
        high=pl.when(pl.int_range(pl.len()) == 5).then(pl.col("low") - 1).otherwise("high")
    )
    folder = tmp_path / "bars"
    write_bars_files(broken, folder)
    result = materialize(
        platform,
        instance,
        source="files",
        files_dir=str(folder),
        symbols="BTC/USDT",
        timeframes="1d",
    )
    (check,) = result.get_asset_check_evaluations()
    assert not check.passed
    assert check.metadata["violations/high_ge_open_close"].value == 1
    after = platform.warehouse.query(f"SELECT count(*) AS n FROM {MARKET_BARS.name}")["n"][0]
    assert after == before
