"""Synthetic OHLCV bars: the offline, seeded default source of ``market_data``.

The generator is small enough to read in one sitting and reproduces the features of crypto
prices that trading code most often gets wrong when it is only tested on random walks:

* **Regimes.** A two-state Markov chain (calm, turbulent) common to all assets. The mean stay
  is ``calm_days`` and ``turbulent_days``; the turbulent regime multiplies every asset's
  volatility by ``turbulent_vol_multiplier``. Regime changes move all assets at once, as
  crypto sell-offs do.
* **Volatility clustering.** On top of the regime, each asset's variance follows a unit-mean
  GARCH(1,1) multiplier ``h[t] = (1 - a - b) + (a * z[t-1]**2 + b) * h[t-1]``. The parameters
  are given for daily steps and rescaled to the base step the way GARCH's diffusion limit
  scales them (``a`` with the square root of the step, ``1 - a - b`` with the step), so the
  variance's half-life in days does not depend on the timeframe.
* **Fat tails and tail dependence.** Shocks are multivariate Student-t (``student_df`` degrees
  of freedom, scaled to unit variance): correlated normals divided by one shared chi-square
  draw, so large moves tend to hit all assets in the same bar.
* **Correlation.** The normals are correlated through the Cholesky factor of a one-factor
  correlation matrix, ``corr(i, j) = loading[i] * loading[j]``; BTC and ETH get 0.95 * 0.84
  = 0.80. Each asset's own GARCH path lowers it a little: over two years of daily log returns
  it measures 0.69 to 0.82 across seeds (median 0.78; 0.785 for the default seed).
* **Cross pairs are consistent.** Every asset is priced in USDT; a pair between two assets
  (ETH/BTC) is the ratio of their USDT prices, so ETH/BTC's close equals ETH/USDT's close
  divided by BTC/USDT's close exactly, bar by bar and in every timeframe.
* **OHLC.** A bar opens at the previous close. Its high and low are drawn from the exact
  distribution of the maximum and minimum of a Brownian bridge from open to close with the
  bar's variance, so ``high >= max(open, close)`` and ``low <= min(open, close)`` by
  construction (and are clamped to that against rounding).
* **Volume.** Log-normal around the asset's typical daily volume scaled to the bar length, and
  higher when the absolute return is large (``volume_sensitivity`` per calm standard
  deviation), so volume spikes with volatility.
* **Timeframes.** Only the shortest requested timeframe (the base, at most one day) is
  simulated; longer ones are aggregated from it (first open, max high, min low, last close,
  summed volume) on epoch-aligned buckets (weeks start on Monday, as on exchanges), keeping
  only complete buckets. A daily bar is therefore exactly consistent with its six 4h bars.

All randomness comes from ``numpy.random.default_rng``: seeded with ``seed`` for the common
draws (regimes, shocks of all assets) and ``(seed, crc32(symbol))`` for each symbol's own
draws (high/low, volume noise), so a symbol's bars do not change when other symbols are added.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

import numpy as np
import polars as pl

from cs_pipelines.market.schema import (
    DAY_MS,
    MarketDataError,
    conform,
    timeframe_ms,
)

YEAR_MS = 365 * DAY_MS  # crypto trades every day
NUMERAIRE = "USDT"


@dataclass(frozen=True)
class AssetParams:
    """One asset, priced in USDT."""

    start_price: float
    calm_vol: float  # annualised volatility of log returns in the calm regime
    drift: float  # annualised log drift
    loading: float  # on the common crypto factor: corr(i, j) = loading_i * loading_j
    daily_volume: float  # typical daily volume, in units of the asset


# Order matters: the Cholesky factor is lower triangular, so an asset's shocks depend only on
# the assets listed before it (BTC's on nothing else).
ASSETS: dict[str, AssetParams] = {
    "BTC": AssetParams(42_000.0, 0.45, 0.15, 0.95, 25_000.0),
    "ETH": AssetParams(2_300.0, 0.55, 0.10, 0.84, 350_000.0),
    "SOL": AssetParams(100.0, 0.80, 0.05, 0.75, 3_000_000.0),
    "BNB": AssetParams(310.0, 0.45, 0.05, 0.70, 400_000.0),
    "XRP": AssetParams(0.60, 0.60, 0.00, 0.65, 300_000_000.0),
}


@dataclass(frozen=True)
class ModelParams:
    """Market-wide settings of the generator (see the module docstring)."""

    calm_days: float = 60.0  # mean stay in the calm regime
    turbulent_days: float = 20.0  # mean stay in the turbulent regime
    turbulent_vol_multiplier: float = 2.2
    garch_alpha_daily: float = 0.12  # weight of yesterday's squared shock
    garch_persistence_daily: float = 0.95  # alpha + beta for daily steps
    student_df: float = 6.0  # degrees of freedom of the shocks (> 4: finite kurtosis)
    volume_sensitivity: float = 0.5  # log-volume per calm standard deviation of |return|
    volume_noise: float = 0.3  # standard deviation of log-volume noise
    cross_volume_share: float = 0.03  # a cross pair's volume, as a share of its base's


DEFAULT_MODEL = ModelParams()


@dataclass
class _Paths:
    """Simulated base-step paths of the assets, indexed like ``names``."""

    names: list[str]
    close: np.ndarray  # (n, k) USDT prices at each bar's close
    log_returns: np.ndarray  # (n, k)
    sigma: np.ndarray  # (n, k) each bar's standard deviation of log return
    corr: np.ndarray  # (k, k)


def generate_bars(
    symbols: list[str],
    timeframes: list[str],
    start_ms: int,
    end_ms: int,
    seed: int,
    model: ModelParams = DEFAULT_MODEL,
) -> pl.DataFrame:
    """Bars for every symbol and timeframe over ``[start_ms, end_ms)`` (see module docstring)."""
    pairs = [_split_pair(symbol) for symbol in symbols]
    base_ms = _base_step_ms(timeframes)
    first_ms = -(-start_ms // base_ms) * base_ms  # the first bar boundary at or after start
    n = (end_ms - first_ms) // base_ms
    if n < 2:
        raise MarketDataError(f"range too short for {base_ms // 60_000} minute bars")
    paths = _simulate_assets(n, base_ms, seed, model)
    ts = first_ms + base_ms * np.arange(n, dtype=np.int64)
    base = [
        _pair_bars(symbol, base_q, quote, paths, ts, base_ms, seed, model)
        for symbol, (base_q, quote) in zip(symbols, pairs, strict=True)
    ]
    base_frame = pl.concat(base)
    frames = [_aggregate(base_frame, tf, base_ms) for tf in timeframes]
    return conform(pl.concat(frames))


def _split_pair(symbol: str) -> tuple[str, str]:
    base, _, quote = symbol.partition("/")
    known = sorted(ASSETS)
    if base not in ASSETS:
        raise MarketDataError(f"synthetic source: unknown base asset in {symbol!r}; know {known}")
    if quote != NUMERAIRE and quote not in ASSETS:
        raise MarketDataError(
            f"synthetic source: unknown quote in {symbol!r}; use {NUMERAIRE} or one of {known}"
        )
    if base == quote:
        raise MarketDataError(f"synthetic source: {symbol!r} prices an asset in itself")
    return base, quote


def _base_step_ms(timeframes: list[str]) -> int:
    """The simulated step: the shortest timeframe, at most a day; the others its multiples."""
    lengths = {tf: timeframe_ms(tf) for tf in timeframes}
    base_ms = min(min(lengths.values()), DAY_MS)
    if DAY_MS % base_ms:
        raise MarketDataError("synthetic source: the shortest timeframe must divide a day")
    odd = [tf for tf, ms in lengths.items() if ms % base_ms]
    if odd:
        raise MarketDataError(
            f"synthetic source: timeframes {odd} are not multiples of the shortest one"
        )
    return base_ms


def _simulate_assets(n: int, base_ms: int, seed: int, model: ModelParams) -> _Paths:
    names = list(ASSETS)
    params = [ASSETS[name] for name in names]
    rng = np.random.default_rng(seed)
    dt_days = base_ms / DAY_MS
    turbulent = _regimes(rng, n, dt_days, model)
    corr = _correlation(params)
    shocks = _student_shocks(rng, n, corr, model.student_df)
    calm = np.array([p.calm_vol for p in params]) * math.sqrt(base_ms / YEAR_MS)
    regime_scale = np.where(turbulent, model.turbulent_vol_multiplier, 1.0)[:, None]
    garch = np.column_stack(
        [_garch_multiplier(shocks[:, i], dt_days, model) for i in range(len(names))]
    )
    sigma = calm[None, :] * regime_scale * np.sqrt(garch)
    drift = np.array([p.drift for p in params]) * (base_ms / YEAR_MS)
    log_returns = drift[None, :] + sigma * shocks
    start = np.log([p.start_price for p in params])
    close = np.exp(start[None, :] + np.cumsum(log_returns, axis=0))
    return _Paths(names, close, log_returns, sigma, corr)


def _regimes(rng: np.random.Generator, n: int, dt_days: float, model: ModelParams) -> np.ndarray:
    """Turbulent flags of a two-state Markov chain, drawn as alternating geometric stays."""
    leave = {
        False: min(1.0, dt_days / model.calm_days),
        True: min(1.0, dt_days / model.turbulent_days),
    }
    share_turbulent = model.turbulent_days / (model.calm_days + model.turbulent_days)
    state = bool(rng.random() < share_turbulent)
    out = np.empty(n, dtype=bool)
    pos = 0
    while pos < n:
        stay = int(rng.geometric(leave[state]))
        out[pos : pos + stay] = state
        pos += stay
        state = not state
    return out


def _correlation(params: list[AssetParams]) -> np.ndarray:
    loadings = np.array([p.loading for p in params])
    corr = np.outer(loadings, loadings)
    np.fill_diagonal(corr, 1.0)
    return corr


def _student_shocks(rng: np.random.Generator, n: int, corr: np.ndarray, df: float) -> np.ndarray:
    """Unit-variance multivariate Student-t shocks with correlation ``corr``, shape (n, k)."""
    normals = rng.standard_normal((n, corr.shape[0])) @ np.linalg.cholesky(corr).T
    mixing = np.sqrt((df - 2.0) / rng.chisquare(df, size=n))
    return normals * mixing[:, None]


def _garch_multiplier(shocks: np.ndarray, dt_days: float, model: ModelParams) -> np.ndarray:
    """Unit-mean GARCH(1,1) variance multiplier driven by the standardised shocks."""
    alpha = model.garch_alpha_daily * math.sqrt(dt_days)
    persistence = 1.0 - (1.0 - model.garch_persistence_daily) * dt_days
    beta = persistence - alpha
    omega = 1.0 - persistence
    out = [1.0] * len(shocks)
    h = 1.0
    for t, z in enumerate(shocks[:-1].tolist(), start=1):  # a plain loop: ~1 µs a step
        h = omega + (alpha * z * z + beta) * h
        out[t] = h
    return np.asarray(out)


def _pair_bars(
    symbol: str,
    base: str,
    quote: str,
    paths: _Paths,
    ts: np.ndarray,
    base_ms: int,
    seed: int,
    model: ModelParams,
) -> pl.DataFrame:
    """Base-step bars of one pair: the ratio of two USDT paths (quote USDT: the path itself)."""
    rng = np.random.default_rng([seed, zlib.crc32(symbol.encode())])
    i = paths.names.index(base)
    close, ret, var = paths.close[:, i], paths.log_returns[:, i], paths.sigma[:, i] ** 2
    start = ASSETS[base].start_price
    if quote != NUMERAIRE:
        j = paths.names.index(quote)
        close = close / paths.close[:, j]
        ret = ret - paths.log_returns[:, j]
        cov = paths.corr[i, j] * paths.sigma[:, i] * paths.sigma[:, j]
        var = var + paths.sigma[:, j] ** 2 - 2.0 * cov
        start = start / ASSETS[quote].start_price
    open_ = np.concatenate([[start], close[:-1]])
    high, low = _bridge_extremes(rng, open_, close, ret, var)
    volume = _volume(rng, base, quote, ret, base_ms, model)
    return pl.DataFrame(
        {
            "symbol": symbol,
            "ts": pl.Series(ts).cast(pl.Datetime("ms")).dt.replace_time_zone("UTC"),
            "open": open_,
            "high": high,
            "low": low,
            "close": close,
            "volume": volume,
        }
    )


def _bridge_extremes(
    rng: np.random.Generator,
    open_: np.ndarray,
    close: np.ndarray,
    ret: np.ndarray,
    var: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """High and low from the max/min of a Brownian bridge from 0 to ``ret`` with variance ``var``.

    ``P(max > m) = exp(-2 m (m - r) / var)`` for ``m >= max(0, r)``; inverting it gives
    ``max = (r + sqrt(r**2 - 2 var log U)) / 2`` with ``U`` uniform, and the mirror image for the
    minimum.
    """
    u = 1.0 - rng.random((2, len(ret)))  # in (0, 1]: log is finite
    up = 0.5 * (ret + np.sqrt(ret**2 - 2.0 * var * np.log(u[0])))
    down = 0.5 * (ret - np.sqrt(ret**2 - 2.0 * var * np.log(u[1])))
    high = np.maximum(open_ * np.exp(up), np.maximum(open_, close))
    low = np.minimum(open_ * np.exp(down), np.minimum(open_, close))
    return high, low


def _volume(
    rng: np.random.Generator,
    base: str,
    quote: str,
    ret: np.ndarray,
    base_ms: int,
    model: ModelParams,
) -> np.ndarray:
    """Log-normal volume in units of ``base``, rising with the bar's absolute return."""
    params = ASSETS[base]
    calm_sigma = params.calm_vol * math.sqrt(base_ms / YEAR_MS)
    typical = params.daily_volume * base_ms / DAY_MS
    if quote != NUMERAIRE:
        typical *= model.cross_volume_share
    excess = np.abs(ret) / calm_sigma - math.sqrt(2.0 / math.pi)  # E|N(0,1)| = sqrt(2/pi)
    noise = model.volume_noise * rng.standard_normal(len(ret))
    return typical * np.exp(model.volume_sensitivity * excess + noise)


def _bucket_sums(bucketed: pl.DataFrame, n_buckets: int) -> np.ndarray:
    """Each bucket's summed volume, added in time order: Polars' grouped float sum may add a
    bucket's values in another order from one run to the next (last digits differ), and the
    same seed must give the same bars. Buckets are runs of rows (a symbol's bars in time order)."""
    new_bucket = (pl.col("symbol") != pl.col("symbol").shift()) | (
        pl.col("bucket") != pl.col("bucket").shift()
    )
    starts = np.flatnonzero(bucketed.select(new_bucket.fill_null(True)).to_series().to_numpy())
    if len(starts) != n_buckets:
        raise AssertionError("synthetic bars must come grouped by symbol, in time order")
    return np.add.reduceat(bucketed["volume"].to_numpy(), starts) if len(starts) else np.zeros(0)


def _aggregate(base: pl.DataFrame, timeframe: str, base_ms: int) -> pl.DataFrame:
    """Bars of ``timeframe`` from base-step bars: complete, epoch-aligned buckets only."""
    per_bucket = timeframe_ms(timeframe) // base_ms
    bucketed = base.with_columns(bucket=pl.col("ts").dt.truncate(timeframe))
    grouped = bucketed.group_by("symbol", "bucket", maintain_order=True).agg(
        pl.col("open").first(),
        pl.col("high").max(),
        pl.col("low").min(),
        pl.col("close").last(),
        pl.len().alias("n"),
    )
    grouped = grouped.with_columns(volume=_bucket_sums(bucketed, grouped.height))
    return grouped.filter(pl.col("n") == per_bucket).select(
        "symbol",
        pl.lit(timeframe).alias("timeframe"),
        pl.col("bucket").alias("ts"),
        "open",
        "high",
        "low",
        "close",
        "volume",
    )
