"""The files source: a folder of CSV or Parquet files round-trips, and bad files are named."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from cs_pipelines.market import (
    MarketDataConfig,
    MarketDataError,
    load_market_data,
    write_bars_files,
)

SYMBOLS = "BTC/USDT,ETH/BTC"
CSV_HEADER = "timestamp,Open,High,Low,Close,Volume\n"
ROWS = [  # 2024-01-01 00:00, 01:00, 02:00 UTC in epoch milliseconds
    "1704067200000,100,102,99,101,5",
    "1704070800000,101,103,100,102,6",
    "1704074400000,102,104,101,103,7",
]


@pytest.fixture(scope="module")
def synthetic() -> pl.DataFrame:
    return load_market_data(MarketDataConfig(symbols=SYMBOLS, end="2024-03-31"))


def files_config(folder: Path, **overrides: str) -> MarketDataConfig:
    settings = {"symbols": SYMBOLS, "end": "2024-03-31", **overrides}
    return MarketDataConfig(source="files", files_dir=str(folder), **settings)


def write_csv(folder: Path, name: str, rows: list[str], header: str = CSV_HEADER) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(header + "\n".join(rows) + "\n")
    return path


def load_one(folder: Path) -> pl.DataFrame:
    config = MarketDataConfig(
        source="files", files_dir=str(folder), symbols="BTC/USDT", timeframes="1h"
    )
    return load_market_data(config)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_round_trip(tmp_path: Path, synthetic: pl.DataFrame, fmt: str) -> None:
    paths = write_bars_files(synthetic, tmp_path, fmt)
    assert sorted(p.name for p in paths) == sorted(
        f"{stem}.{fmt}" for stem in ("BTC-USDT_1d", "BTC-USDT_4h", "ETH-BTC_1d", "ETH-BTC_4h")
    )
    assert load_market_data(files_config(tmp_path)).equals(synthetic)


def test_default_folder_is_under_the_data_dir(
    isolated_data_dir: Path, synthetic: pl.DataFrame
) -> None:
    write_bars_files(synthetic, isolated_data_dir / "market")
    config = MarketDataConfig(source="files", symbols=SYMBOLS, end="2024-03-31")
    assert load_market_data(config).height == synthetic.height


def test_the_configured_range_is_applied(tmp_path: Path, synthetic: pl.DataFrame) -> None:
    write_bars_files(synthetic, tmp_path)
    january = load_market_data(files_config(tmp_path, end="2024-01-31", timeframes="1d"))
    assert january.height == 2 * 31
    with pytest.raises(MarketDataError, match=r"BTC-USDT_4h\.csv: no bars in the configured"):
        load_market_data(files_config(tmp_path, start="2023-01-01", end="2023-12-31"))


@pytest.mark.parametrize(
    ("header", "stamps"),
    [
        ("ts,o,h,l,c,v", ["1704067200000", "1704070800000", "1704074400000"]),
        ("time,open,high,low,close,vol", ["1704067200", "1704070800", "1704074400"]),
        ("date,open,high,low,close,volume", ["2024-01-01", "2024-01-01T01:00", "2024-01-01 02:00"]),
        (
            "datetime,open,high,low,close,volume",
            ["2024-01-01T00:00:00Z", "2024-01-01T02:00:00+01:00", "2024-01-01T02:00:00+00:00"],
        ),
    ],
)
def test_column_aliases_and_timestamp_formats(
    tmp_path: Path, header: str, stamps: list[str]
) -> None:
    """Epoch ms, epoch seconds, naive ISO (UTC) and ISO with offsets all mean the same bars."""
    rows = [f"{stamp},{row.split(',', 1)[1]}" for stamp, row in zip(stamps, ROWS, strict=True)]
    write_csv(tmp_path, "BTC-USDT_1h.csv", rows, header=header + "\n")
    bars = load_one(tmp_path)
    assert bars["ts"].dt.epoch("ms").to_list() == [1704067200000, 1704070800000, 1704074400000]
    assert bars["close"].to_list() == [101.0, 102.0, 103.0]


BAD_FILES = [
    ("missing column", CSV_HEADER.replace(",Volume", ""), None, r"missing column 'volume'"),
    ("NaN", CSV_HEADER, (1, "1704070800000,101,103,100,NaN,6"), r"1 missing or NaN .* 'close'"),
    ("empty field", CSV_HEADER, (2, "1704074400000,102,104,101,103,"), r"'volume', first at"),
    ("unsorted", CSV_HEADER, (2, "1704067300000,102,104,101,103,7"), r"row 3 .* is before"),
    ("duplicate", CSV_HEADER, (2, "1704070800000,102,104,101,103,7"), r"row 3 .* repeats"),
    ("text price", CSV_HEADER, (0, "1704067200000,abc,102,99,101,5"), r"non-numeric .* 'Open'"),
    ("bad timestamp", CSV_HEADER, (0, "yesterday,100,102,99,101,5"), r"unreadable timestamps"),
]


@pytest.mark.parametrize(("case", "header", "change", "message"), BAD_FILES)
def test_bad_files_are_named(
    tmp_path: Path, case: str, header: str, change: tuple[int, str] | None, message: str
) -> None:
    rows = list(ROWS)
    if change is not None:
        rows[change[0]] = change[1]
    if case == "missing column":
        rows = [row.rsplit(",", 1)[0] for row in rows]
    path = write_csv(tmp_path, "BTC-USDT_1h.csv", rows, header=header)
    with pytest.raises(MarketDataError, match=message) as error:
        load_one(tmp_path)
    assert str(path) in str(error.value)


def test_missing_ambiguous_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(MarketDataError, match="does not exist"):
        load_one(tmp_path / "nowhere")
    with pytest.raises(MarketDataError, match=r"no file for BTC/USDT 1h: expected .*BTC-USDT_1h"):
        load_one(tmp_path)
    write_csv(tmp_path, "BTC-USDT_1h.csv", ROWS)
    (tmp_path / "BTC-USDT_1h.parquet").write_bytes(b"not parquet")
    with pytest.raises(MarketDataError, match="keep one"):
        load_one(tmp_path)
    (tmp_path / "BTC-USDT_1h.csv").unlink()
    with pytest.raises(MarketDataError, match=r"BTC-USDT_1h\.parquet: cannot be read"):
        load_one(tmp_path)
