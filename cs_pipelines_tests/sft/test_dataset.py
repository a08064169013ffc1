"""The SFT dataset: filtering, dedup, decontamination, family splits, saving and the data card."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import datasets
import polars as pl
import pytest

from cs_pipelines.cryptoeval.taskset import load_tasks
from cs_pipelines.sft.dataset import (
    METRICS,
    REMOVAL_REASONS,
    SFT_DATASET_SCHEMA,
    SftDatasetBuild,
    SftDatasetConfig,
    SftDatasetError,
    build_sft_dataset,
    data_card_markdown,
    save_dataset,
    split_families,
    to_frame,
)
from cs_pipelines_tests.sft.test_decontam import RSI_STRATEGY

WORDS = [
    "alpha", "beta", "gamma", "delta", "kappa", "sigma", "omega", "lambda", "theta", "zeta",
    "vega", "rho", "vol", "spread", "basis", "funding", "carry", "drift", "skew", "tail",
    "hedge", "perp", "spot", "book", "depth", "slip", "fee", "maker", "taker", "grid",
]  # fmt: skip
METRIC_VALUES = {
    "total_return": 0.12, "cagr": 0.3, "sharpe": 1.1, "sortino": 1.4, "max_drawdown": -0.08,
    "n_trades": 7, "win_rate": 0.57, "exposure": 0.4, "final_value": 11_200.0, "n_bars": 500,
}  # fmt: skip
CONFIG = SftDatasetConfig(max_examples_per_task=None)


def strategy(key: str) -> str:
    """A strategy whose notes make it unlike any other key's (no near duplicates)."""
    rng = random.Random(key)
    notes = "\n".join(f"# {' '.join(rng.choices(WORDS, k=12))}" for _ in range(6))
    return (
        f"{notes}\n{RSI_STRATEGY.replace('RsiMeanReversion', f'Strategy_{rng.randrange(10**6)}')}"
    )


def row(task_id: str, candidate_id: str, code: str | None = None, **overrides: Any) -> dict:
    base = {
        "task_id": task_id,
        "candidate_id": candidate_id,
        "source": "teacher",
        "code": strategy(candidate_id) if code is None else code,
        "instruction": f"Write the strategy for {task_id}.",
        "rung": 4,
        "rung_name": "spec",
        "verified": True,
        "stop_reason": None,
        "metrics": dict(METRIC_VALUES),
        "duration_s": 0.5,
    }
    return base | overrides


def task(family: str, category: str = "mean_reversion", difficulty: int = 1) -> dict:
    labels = {1: "easy", 2: "medium", 3: "hard"}
    return {
        "family": family,
        "category": category,
        "difficulty": difficulty,
        "difficulty_label": labels[difficulty],
    }


def corpus(n_families: int, tasks_per_family: int = 2) -> tuple[list[dict], dict[str, dict]]:
    tasks, rows = {}, []
    for f in range(n_families):
        for t in range(tasks_per_family):
            task_id = f"fam{f}/task{t}"
            tasks[task_id] = task(f"fam{f}", category=f"cat{f % 3}", difficulty=1 + t % 3)
            rows.append(row(task_id, f"{task_id}/c0"))
    return rows, tasks


def kept_ids(build: SftDatasetBuild) -> set[str]:
    return {r["candidate_id"] for r in build.train + build.validation}


def test_records_are_chats_with_metadata_columns() -> None:
    rows, tasks = corpus(5)
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    record = build.train[0]
    source = next(r for r in rows if r["candidate_id"] == record["candidate_id"])
    assert [m["role"] for m in record["messages"]] == ["system", "user", "assistant"]
    assert record["messages"][0]["content"] == CONFIG.system_prompt
    assert record["messages"][1]["content"] == source["instruction"]
    assert record["messages"][2]["content"] == f"```python\n{source['code'].rstrip()}\n```"
    assert record["family"] == tasks[record["task_id"]]["family"]
    assert record["source"] == "teacher" and record["rung"] == 4 and record["rung_name"] == "spec"
    assert record["difficulty_label"] in ("easy", "medium", "hard")
    assert {f"metric_{m}": record[f"metric_{m}"] for m in METRICS} == {
        f"metric_{m}": v for m, v in METRIC_VALUES.items()
    }


def test_unverified_low_rung_and_unknown_rows_are_removed() -> None:
    rows, tasks = corpus(3)
    rows += [
        row("fam0/task0", "failed", verified=False, rung=1, rung_name="runs"),
        row("fam0/task0", "low", rung=1),
        row("nowhere/task", "orphan"),
    ]
    build = build_sft_dataset(rows, tasks, [], SftDatasetConfig(min_rung=2))
    assert {"failed", "low", "orphan"}.isdisjoint(kept_ids(build))
    removed = build.report.removed
    assert (removed["unverified"], removed["below_min_rung"], removed["unknown_task"]) == (1, 1, 1)
    unverified = SftDatasetConfig(require_verified=False, max_examples_per_task=None)
    assert "failed" in kept_ids(build_sft_dataset(rows, tasks, [], unverified))


def test_exact_duplicates_keep_the_best_verified_copy() -> None:
    rows, tasks = corpus(3)
    original = rows[0]
    reformatted = original["code"].replace("\n\n", "\n").replace("    ", "\t")
    rows += [row(original["task_id"], "copy", code=reformatted, rung=5, rung_name="stable")]
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    assert "copy" in kept_ids(build) and original["candidate_id"] not in kept_ids(build)
    assert build.report.removed["exact_duplicate"] == 1
    [removal] = build.report.removals
    assert removal["candidate_id"] == original["candidate_id"]
    assert removal["detail"] == "duplicate of copy"


def test_a_renamed_variable_copy_is_a_near_duplicate() -> None:
    rows, tasks = corpus(3)
    original = rows[0]
    renamed = original["code"].replace("stake", "units")
    rows.append(row(original["task_id"], "zz-renamed", code=renamed))
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    assert build.report.removed["near_duplicate"] == 1
    assert build.report.removals[0]["candidate_id"] == "zz-renamed"
    assert build.report.removals[0]["detail"] == f"near duplicate of {original['candidate_id']}"
    assert len(kept_ids(build)) == len(rows) - 1  # the distinct strategies all stay


def test_cryptoeval_solutions_are_removed_and_unrelated_strategies_stay() -> None:
    cryptoeval = load_tasks()
    texts = [t.prompt for t in cryptoeval] + [t.canonical_solution for t in cryptoeval]
    solution = next(t for t in cryptoeval if "bt.Strategy" in t.canonical_solution)
    rows, tasks = corpus(3)
    excerpt = " ".join(solution.canonical_solution.split()[-30:])
    rows += [
        row("fam0/task0", "leak-code", code=solution.canonical_solution),
        row("fam1/task0", "leak-text", instruction=f"Do this: {excerpt}", code=strategy("x")),
    ]
    build = build_sft_dataset(rows, tasks, texts, CONFIG)
    assert kept_ids(build) == {r["candidate_id"] for r in rows[:-2]}
    assert build.report.removed["contaminated"] == 2
    found = {c["candidate_id"]: c for c in build.report.contaminated}
    assert set(found) == {"leak-code", "leak-text"}
    assert found["leak-code"]["field"] == "code" and found["leak-text"]["field"] == "instruction"
    assert len(found["leak-code"]["ngram"].split()) == CONFIG.decontamination_n


def test_families_never_straddle_splits_and_the_fraction_holds() -> None:
    rows, tasks = corpus(20, tasks_per_family=3)
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    train_families = {r["family"] for r in build.train}
    validation_families = {r["family"] for r in build.validation}
    assert not train_families & validation_families
    assert len(validation_families) == 4  # 20% of 20 families
    assert len(build.train) == 48 and len(build.validation) == 12
    assert build.report.families == {
        "train": sorted(train_families),
        "validation": sorted(validation_families),
    }


def test_split_families_is_seeded_and_bounded() -> None:
    families = [f"f{i}" for i in range(10)]
    train, validation = split_families(families, 0.2, seed=0)
    assert split_families(list(reversed(families)), 0.2, seed=0) == (train, validation)
    assert len(validation) == 2 and sorted(train + validation) == sorted(families)
    assert split_families(families, 0.2, seed=1) != (train, validation)
    assert split_families(["a", "b"], 0.01)[1] != []  # at least one family held out
    assert len(split_families(["a", "b"], 0.99)[0]) == 1  # at least one family trained on
    assert split_families(["a"], 0.5) == (["a"], [])


def test_commit_candidates_form_one_family_per_repository() -> None:
    rows, tasks = corpus(4)
    rows += [
        row("commit:alpha:0123456789ab:s/a.py", "c1", source="commit", rung=2, rung_name="det"),
        row("commit:alpha:abcdefabcdef:s/b.py", "c2", source="commit", rung=2, rung_name="det"),
        row("commit:beta:0123456789ab:s/a.py", "c3", source="commit", meta={"repo": "beta"}),
    ]
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    commits = [r for r in build.train + build.validation if r["source"] == "commit"]
    assert {(r["candidate_id"], r["family"]) for r in commits} == {
        ("c1", "commit:alpha"),
        ("c2", "commit:alpha"),
        ("c3", "commit:beta"),
    }
    assert {(r["category"], r["difficulty"], r["difficulty_label"]) for r in commits} == {
        ("harvested", 0, "unknown")
    }


def test_examples_per_task_are_capped_best_first() -> None:
    rows, tasks = corpus(2)
    rows += [row("fam0/task0", f"extra{i}", rung=i) for i in range(5)]
    config = SftDatasetConfig(max_examples_per_task=2)
    build = build_sft_dataset(rows, tasks, [], config)
    kept = sorted(r["candidate_id"] for r in build.train + build.validation
                  if r["task_id"] == "fam0/task0")  # fmt: skip
    assert kept == ["extra4", "fam0/task0/c0"]  # rung 4 twice; the ids break the tie
    assert build.report.removed["over_task_limit"] == 4


def test_dataclass_rows_and_tasks_are_read_too() -> None:
    @dataclass
    class Row:
        task_id: str
        candidate_id: str
        code: str
        instruction: str = "Write it."
        source: str = "model"
        rung: int = 3
        rung_name: str = "backtest"
        verified: bool = True
        metrics: dict = field(default_factory=dict)

    @dataclass
    class Task:
        family: str
        category: str = "trend"
        difficulty: int = 2
        difficulty_label: str = "medium"

    rows = [Row(f"t{i}", f"c{i}", strategy(f"c{i}")) for i in range(3)]
    tasks = {f"t{i}": Task(f"f{i}") for i in range(3)}
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    assert len(kept_ids(build)) == 3
    assert {r["metric_sharpe"] for r in build.train} == {None}


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    rows, tasks = corpus(6)
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    folder = save_dataset(build, tmp_path / "sft")
    loaded = datasets.load_from_disk(str(folder))
    assert set(loaded) == {"train", "validation"}
    assert loaded["train"].to_list() == build.train
    assert loaded["validation"].to_list() == build.validation
    assert loaded["train"].features["metric_n_trades"].dtype == "int64"
    assert (folder / "README.md").read_text() == data_card_markdown(build)


def test_the_warehouse_frame_has_one_row_per_example(tmp_path: Path) -> None:
    rows, tasks = corpus(6)
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    frame = to_frame(build)
    assert frame.schema == pl.Schema(SFT_DATASET_SCHEMA)
    assert frame.height == len(build.train) + len(build.validation)
    counts = dict(frame.group_by("split").len().iter_rows())
    assert counts == {"train": len(build.train), "validation": len(build.validation)}
    first = frame.filter(pl.col("split") == "train").row(0, named=True)
    assert json.loads(first["messages"]) == build.train[0]["messages"]
    assert to_frame(build_sft_dataset([], {}, [], CONFIG)).schema == frame.schema


def test_an_empty_train_split_cannot_be_saved(tmp_path: Path) -> None:
    rows, tasks = corpus(2)
    rows = [r | {"verified": False} for r in rows]
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    assert build.train == [] and build.report.removed["unverified"] == 4
    with pytest.raises(
        SftDatasetError, match="no training examples: 4 ladder rows in, removed: unverified 4"
    ):
        save_dataset(build, tmp_path / "sft")
    with pytest.raises(SftDatasetError, match="no training examples: 0 ladder rows"):
        save_dataset(build_sft_dataset([], {}, [], CONFIG), tmp_path / "sft")


def test_one_family_saves_with_an_empty_validation_split_and_a_warning(tmp_path: Path) -> None:
    rows, tasks = corpus(1, tasks_per_family=3)
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    assert len(build.train) == 3 and build.validation == []
    assert any("one family" in note for note in build.report.notes)
    with pytest.warns(UserWarning, match="validation split is empty"):
        folder = save_dataset(build, tmp_path / "sft")
    assert datasets.load_from_disk(str(folder))["validation"].num_rows == 0


def test_malformed_rows_and_configs_are_refused() -> None:
    with pytest.raises(SftDatasetError, match="row 0 has no code"):
        build_sft_dataset([{"task_id": "t"}], {}, [])
    with pytest.raises(SftDatasetError, match="validation_fraction"):
        SftDatasetConfig(validation_fraction=0)
    with pytest.raises(SftDatasetError, match="max_examples_per_task"):
        SftDatasetConfig(max_examples_per_task=0)


def test_the_data_card_counts_add_up() -> None:
    rows, tasks = corpus(10)
    rows += [
        row("fam0/task0", "failed", verified=False),
        row("fam1/task0", "twin", code=rows[2]["code"], instruction=rows[2]["instruction"]),
        row("commit:alpha:0123456789ab:a.py", "harvested", source="commit", rung=2),
    ]
    build = build_sft_dataset(rows, tasks, [], CONFIG)
    report = build.report
    total = len(build.train) + len(build.validation)
    assert report.n_rows == total + sum(report.removed.values()) == len(rows)
    assert list(report.removed) == list(REMOVAL_REASONS)
    for dimension, values in report.card.items():
        for split in ("train", "validation"):
            assert sum(v[split] for v in values.values()) == report.counts[split], dimension
    assert sum(report.card["source"]["commit"].values()) == 1
    card = data_card_markdown(build)
    for heading in ("## Splits", "## Removed", "## By category", "## By difficulty",
                    "## By source", "## By rung"):  # fmt: skip
        assert heading in card
    assert f"| total | {len(rows) - total} |" in card
    assert "| 4 spec |" in card and "| 1 (easy) |" in card
