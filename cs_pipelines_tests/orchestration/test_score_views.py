"""What the Dagster UI shows of CryptoEval scores: each value with its 95% interval, in the
tables and as error bars on the category chart; rows stored before intervals show bare values."""

from __future__ import annotations

import polars as pl

from cs_pipelines.defs.evaluation import _reusable, chart_path, score_metadata
from cs_pipelines.reporting import bar_chart_png


def scores(ci_low: list, ci_high: list) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "model_version": ["base"] * 4,
            "scope": ["all", "all", "category", "category"],
            "group": ["all", "all", "amm_dex", "indicators"],
            "metric": ["pass@1", "maj@1", "pass@1", "pass@1"],
            "value": [0.0833, 0.1, 0.2, 0.05],
            "ci_low": ci_low,
            "ci_high": ci_high,
            "n_tasks": [24, 24, 10, 14],
            "fingerprint": ["f"] * 4,
        },
        schema_overrides={"ci_low": pl.Float64, "ci_high": pl.Float64},
    )


def test_the_tables_and_the_headline_carry_the_interval():
    frame = scores([0.0231, 0.04, 0.0, 0.0], [0.2578, 0.2, 0.5, 0.15])
    meta = score_metadata(frame, "base")
    assert meta["pass@1"].value == 0.0833
    assert (meta["pass@1_ci_low"].value, meta["pass@1_ci_high"].value) == (0.0231, 0.2578)
    assert "0.083 [0.023, 0.258]" in meta["overall"].value
    assert "0.200 [0.000, 0.500]" in meta["by_category"].value
    assert meta["chart"].value.startswith("![pass@1 by category, 95% CI](data:image/png;base64,")
    assert chart_path("base").stat().st_size > 0
    assert _reusable(frame, "f") and not _reusable(frame, "other")


def test_rows_stored_before_intervals_show_bare_values_and_are_scored_again():
    frame = scores([None] * 4, [None] * 4)
    meta = score_metadata(frame, "base")
    assert "pass@1_ci_low" not in meta
    assert "| amm_dex | 10 | 0.200 |" in meta["by_category"].value
    assert not _reusable(frame, "f")


def test_the_bar_chart_draws_error_bars(tmp_path):
    plain = bar_chart_png(["a", "b"], [0.2, 0.4], "t", tmp_path / "plain.png", xlabel="x")
    with_bars = bar_chart_png(
        ["a", "b"], [0.2, 0.4], "t", tmp_path / "bars.png", "x", intervals=[(0.1, 0.3), None]
    )
    assert plain.read_bytes() != with_bars.read_bytes()
    assert with_bars.read_bytes().startswith(b"\x89PNG")
