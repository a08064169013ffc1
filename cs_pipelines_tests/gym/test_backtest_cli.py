"""`cs-pipelines backtest STRATEGY.py --bars FILE [--json]`: a person's or a script's way into
the gym, from CSV or Parquet bars; bad input exits 2 with the reason."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from cs_pipelines.cli import main
from cs_pipelines_tests.backtest.conftest import SMA_CROSS, make_bars

HOSTILE = Path(__file__).parents[1] / "backtest" / "hostile"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    bars = make_bars(400, seed=5)
    csv = tmp_path / "bars.csv"
    bars.drop("volume").write_csv(csv)  # volume is optional
    parquet = tmp_path / "bars.parquet"
    bars.write_parquet(parquet)
    strategy = tmp_path / "sma.py"
    strategy.write_text(SMA_CROSS)
    return {"csv": csv, "parquet": parquet, "strategy": strategy, "dir": tmp_path}


def test_json_has_status_metrics_and_reward(files, capsys) -> None:
    assert main(["backtest", str(files["strategy"]), "--bars", str(files["csv"]), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "scored" and out["split"] == "held_out"
    assert {"total_return", "sharpe", "max_drawdown", "n_trades", "exposure"} <= set(out["metrics"])
    assert 0.4 <= out["reward"] <= 1.0
    assert len(out["windows"]) == 1 and out["windows"][0]["split"] == "held_out"


def test_text_output_and_parquet_bars_give_the_same_reward(files, capsys) -> None:
    argv = ["backtest", str(files["strategy"]), "--bars", str(files["parquet"])]
    assert main([*argv, "--json"]) == 0
    reward = json.loads(capsys.readouterr().out)["reward"]
    assert main([*argv, "--split", "train", "--window-bars", "60"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("status: scored  reward: ") and "split: train" in text
    assert "metrics: total_return" in text and "window  start" in text
    assert main(["backtest", str(files["strategy"]), "--bars", str(files["csv"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reward"] == reward


def test_a_tampering_strategy_is_reported_not_rewarded(files, capsys) -> None:
    path = HOSTILE / "forge_a_decision.py"
    assert main(["backtest", str(path), "--bars", str(files["csv"]), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["status"] == "tampered" and out["reward"] < 0 and out["metrics"] == {}
    assert "rejected decision" in out["gate"]["reason"]


@pytest.mark.parametrize(
    ("bars", "expected"),
    [
        (lambda b: b.filter(pl.int_range(pl.len()) != 50), "bar(s) missing after"),
        (lambda b: pl.concat([b.head(10), b.head(10)]), "timestamps must increase"),
        (lambda b: b.with_columns(close=pl.col("close") * 0), "is not a positive finite price"),
        (lambda b: b.head(100), "100 bars leave no train window"),
        (lambda b: b.drop("high"), "missing column 'high'"),
    ],
)
def test_bad_bars_exit_2_with_the_reason(files, capsys, bars, expected: str) -> None:
    path = files["dir"] / "bad.csv"
    bars(make_bars(400, seed=5)).write_csv(path)
    assert main(["backtest", str(files["strategy"]), "--bars", str(path)]) == 2
    assert expected in capsys.readouterr().err


def test_a_missing_strategy_file_exits_2(files, capsys) -> None:
    missing = files["dir"] / "nope.py"
    assert main(["backtest", str(missing), "--bars", str(files["csv"])]) == 2
    assert "nope.py" in capsys.readouterr().err
