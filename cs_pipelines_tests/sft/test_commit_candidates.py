"""Strategies found in a real, harvested git history become commit candidates."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from cs_pipelines.harvest.harvester import harvest_repository
from cs_pipelines.harvest.mirror import sync_mirror
from cs_pipelines.harvest.repos import ReferenceRepo
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA
from cs_pipelines.sft.commit_candidates import (
    CommitStrategyScan,
    code_hash,
    commit_instruction,
    commit_strategy_candidates,
    parse_commit_task_id,
    scan_commit_strategies,
    strategy_classes,
)
from cs_pipelines_tests.gitrepos import GitRepoBuilder
from cs_pipelines_tests.orchestration.conftest import STRATEGY_V1, STRATEGY_V2

ALIASED = """from backtrader import Strategy as Base


class Common(Base):
    def log(self, text):
        print(text)


class Momentum(Common):
    def next(self):
        if self.data.close[0] > self.data.close[-5]:
            self.buy()
"""


def _harvest(builder: GitRepoBuilder, tmp_path: Path, name: str = "alpha") -> pl.DataFrame:
    repo = ReferenceRepo(name=name, url=str(builder.path))
    mirror = sync_mirror(repo, tmp_path / "mirrors")
    result = harvest_repository(repo, mirror, None, set, tmp_path / "staging")
    return pl.concat([pl.read_parquet(path) for path in result.batch_files])


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[pl.DataFrame, dict[str, str]]:
    """A trading repository whose history holds one commit per skip reason."""
    tmp_path = tmp_path_factory.mktemp("history")
    b = GitRepoBuilder(tmp_path / "source")
    shas = {}
    b.write("README.md", "# bot\n")
    shas["readme"] = b.commit("Add a readme for the trading bot")
    b.write("strategies/breakout.py", STRATEGY_V1)
    shas["v1"] = b.commit("[skip ci] strategies: Add breakout strategy with a rolling high")
    b.write("strategies/breakout.py", STRATEGY_V2)
    message = (
        "Add a trailing stop after each long entry\n\nTrail by 5%.\n\nSigned-off-by: A <a@x>\n"
    )
    shas["v2"] = b.commit(message)
    b.write("strategies/breakout.py", STRATEGY_V2 + "\n\n")
    shas["blank_lines"] = b.commit("Add blank lines at the end of the breakout file")
    b.write(
        "strategies/latin.py", STRATEGY_V1.replace("import", "# caf\xe9\nimport").encode("latin-1")
    )
    shas["latin1"] = b.commit("Add a strategy saved in latin-1")
    b.write("strategies/broken.py", "import backtrader as bt\nclass Broken(bt.Strategy)\n  pass\n")
    shas["broken"] = b.commit("Add a strategy that does not parse")
    b.write("strategies/util.py", "def size(cash, price):\n    return cash / price\n")
    shas["util"] = b.commit("Add a position sizing helper")
    b.write("strategies/momentum.py", ALIASED)
    shas["aliased"] = b.commit("Add a momentum strategy on an aliased base")
    b.write("strategies/rsi.py", STRATEGY_V1.replace("Breakout", "Rsi"))
    b.write("notes.txt", "rsi\n")
    shas["multi"] = b.commit("Add an RSI strategy and a note")
    b.delete("strategies/util.py")
    shas["delete"] = b.commit("Remove the sizing helper")
    return _harvest(b, tmp_path), shas


def test_finds_strategies_in_a_harvested_history(history) -> None:
    frame, shas = history
    scan = scan_commit_strategies(frame)
    assert isinstance(scan, CommitStrategyScan)
    by_sha = {c["meta"]["sha"]: c for c in scan.candidates}
    assert set(by_sha) == {shas["v1"], shas["v2"], shas["aliased"]}
    v1 = by_sha[shas["v1"]]
    assert v1["task_id"] == f"commit:alpha:{shas['v1'][:12]}:strategies/breakout.py"
    assert v1["source"] == "commit" and v1["code"] == STRATEGY_V1
    assert v1["instruction"] == "Add breakout strategy with a rolling high"
    assert v1["meta"] | {} == {
        "repo": "alpha",
        "sha": shas["v1"],
        "path": "strategies/breakout.py",
        "class_name": "Breakout",
        "class_names": ["Breakout"],
    }
    assert by_sha[shas["v2"]]["instruction"] == (
        "Add a trailing stop after each long entry\n\nTrail by 5%."
    )
    assert by_sha[shas["aliased"]]["meta"]["class_name"] == "Momentum"
    assert [c["meta"]["sha"] for c in scan.candidates] == [shas["v1"], shas["v2"], shas["aliased"]]


def test_skips_are_counted_per_reason(history) -> None:
    frame, _ = history
    scan = scan_commit_strategies(frame)
    assert scan.skipped == {
        "not_python": 2,  # the readme and the deletion
        "no_contents": 1,  # the two-file commit
        "not_utf8": 1,
        "syntax_error": 1,
        "no_strategy": 1,
        "duplicate": 1,  # v2 with blank lines appended
    }
    assert scan.n_commits == frame.height == len(scan.candidates) + sum(scan.skipped.values())


def test_candidate_ids_are_unique_and_stable(history) -> None:
    frame, _ = history
    first = commit_strategy_candidates(frame)
    again = commit_strategy_candidates(frame.reverse())
    assert [c["candidate_id"] for c in first] == [c["candidate_id"] for c in again]
    assert len({c["candidate_id"] for c in first}) == len(first)


def test_limit_stops_the_scan(history) -> None:
    frame, shas = history
    scan = scan_commit_strategies(frame, limit=1)
    assert [c["meta"]["sha"] for c in scan.candidates] == [shas["v1"]]
    assert scan.n_commits == 2  # the readme, then v1


def test_empty_and_column_poor_frames() -> None:
    assert commit_strategy_candidates(pl.DataFrame(schema=RAW_COMMITS_SCHEMA)) == []
    assert commit_strategy_candidates(pl.DataFrame({"repo": ["r"], "sha": ["a" * 40]})) == []


def test_parse_commit_task_id() -> None:
    assert parse_commit_task_id("commit:acme/bot:0123456789ab:src/a:b.py") == {
        "repo": "acme/bot",
        "sha": "0123456789ab",
        "path": "src/a:b.py",
    }
    assert parse_commit_task_id("sma_cross/003") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import backtrader as bt\nclass A(bt.Strategy): pass\n", ["A"]),
        ("import backtrader\nclass A(backtrader.SignalStrategy): pass\n", ["A"]),
        (
            "from backtrader import Strategy\nclass A(Strategy): pass\nclass B(A): pass\n",
            ["B", "A"],
        ),
        ("import bt\nclass A(bt.Strategy): pass\n", []),  # not backtrader
        ("class A(bt.Strategy): pass\n", []),  # no import: cannot run
        ("import backtrader as bt\nclass A(bt.Indicator): pass\n", []),
    ],
)
def test_strategy_classes(code: str, expected: list[str]) -> None:
    assert strategy_classes(code) == expected


def test_strategy_classes_rejects_non_python() -> None:
    with pytest.raises(SyntaxError):
        strategy_classes("class (:\n")
    with pytest.raises((SyntaxError, ValueError)):  # null bytes: ValueError before 3.11.4
        strategy_classes("x = 1\x00\n")


def test_commit_instruction_cleans_subject_and_trailers() -> None:
    body = (
        "\n\nWhy:\nit drifts.\n\n\n\nCo-authored-by: B <b@x>\n(cherry picked from commit abc123)\n"
    )
    assert (
        commit_instruction("[ci skip] core: Fix the drift", body)
        == "Fix the drift\n\nWhy:\nit drifts."
    )
    assert commit_instruction("   ", "Signed-off-by: A <a@x>") == ""


def test_code_hash_ignores_whitespace_only() -> None:
    assert code_hash("a = 1\n\nb = 2\n") == code_hash("a = 1\nb = 2")
    assert code_hash("a = 1") != code_hash("a = 2")
