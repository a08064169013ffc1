"""curate() end to end on a hand-made frame: accounting, output shape, dedup, determinism."""

from __future__ import annotations

import polars as pl
import pytest

from cs_pipelines.curate import RULES, CurationConfig, CurationResult, curate
from cs_pipelines.curate.pipeline import INSTRUCTIONS_SCHEMA, REJECTIONS_SCHEMA, REPORT_SCHEMA
from cs_pipelines.curate.unit_pairs import UNIT_RULES
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA
from cs_pipelines_tests.curate import NEW, file_change, frame, make_commit

BROKER_OLD = "class Broker:\n    def __init__(self):\n        self.orders = []\n" * 2
BROKER_NEW = (
    BROKER_OLD + "\n    def cancel(self, order_id):\n        self.orders.remove(order_id)\n"
)


def commits() -> pl.DataFrame:
    nothing = {name: None for name in RAW_COMMITS_SCHEMA}
    return frame(
        make_commit(0),  # kept
        make_commit(1, subject="Add order cancellation to the execution client",
                    path="exec/broker.py", old_contents=BROKER_OLD, new_contents=BROKER_NEW),
        make_commit(2, new_contents=NEW.replace("\n\n", "\n   \n")),  # exact dup of 0
        make_commit(3, new_contents=NEW + "# ema\n"),  # near dup of 0
        make_commit(4, is_merge=True, files=None, old_contents=None, new_contents=None),
        make_commit(5, error="missing blob", subject=None),
        make_commit(6, files=[file_change("alpha.py"), file_change("logo.png", language=None)]),
        make_commit(7, path="setup.copy"),
        make_commit(8, subject="Added the exponential moving average"),
        make_commit(9, subject="WIP add the exponential moving average"),
        make_commit(10, old_contents=NEW),
        make_commit(11, files=[file_change("alpha.py"), file_change("beta.py")]),  # unit form
        nothing,
    )  # fmt: skip


EXPECTED_RULE = {
    f"{2:08x}": "exact_duplicate",
    f"{3:08x}": "near_duplicate",
    f"{4:08x}": "merge_commit",
    f"{5:08x}": "harvest_error",
    f"{6:08x}": "multi_file",
    f"{7:08x}": "unknown_language",
    f"{8:08x}": "no_imperative_verb",
    f"{9:08x}": "wip",
    f"{10:08x}": "unchanged_contents",
    f"{11:08x}": "units_contents_unavailable",  # no mirror to read its files from
    None: "missing_key",
}


@pytest.fixture(scope="module")
def result() -> CurationResult:
    return curate(commits())


def test_every_commit_is_kept_or_rejected_once(result: CurationResult) -> None:
    assert result.n_input == 13
    assert result.instructions.height + result.rejections.height == result.n_input
    assert result.report["removed"].sum() == result.rejections.height
    assert result.instructions["sha"].str.slice(0, 8).to_list() == ["00000000", "00000001"]
    charged = {
        (sha[:8] if sha else None): rule
        for sha, rule in result.rejections.select("sha", "rule").rows()
    }
    assert charged == EXPECTED_RULE


def test_report_follows_rule_order(result: CurationResult) -> None:
    report = result.report
    assert report["rule"].to_list() == [r.name for r in RULES] + [
        *UNIT_RULES,
        "exact_duplicate",
        "near_duplicate",
    ]
    assert report["stage"].unique(maintain_order=True).to_list() == [
        "rules",
        "units",
        "exact_dedup",
        "near_dedup",
    ]
    by_rule = dict(report.select("rule", "removed").rows())
    assert by_rule["merge_commit"] == 1
    assert by_rule["near_duplicate"] == 1
    alone = dict(report.select("rule", "rejects_alone").rows())
    assert alone["wip"] >= 1  # also counts the rows it cannot judge (null subjects)


def test_output_columns_and_dtypes(result: CurationResult) -> None:
    assert result.instructions.schema == pl.Schema(INSTRUCTIONS_SCHEMA)
    assert result.rejections.schema == pl.Schema(REJECTIONS_SCHEMA)
    assert result.report.schema == pl.Schema(REPORT_SCHEMA)
    first = result.instructions.row(0, named=True)
    assert first["instruction"] == "Add an exponential moving average helper"
    assert first["language"] == "Python"
    assert first["old_path"] == first["new_path"] == "strategy/indicators.py"
    assert first["diff"] == "@@ -1 +1 @@"
    details = dict(result.rejections.select("rule", "detail").rows())
    assert details["near_duplicate"] == details["exact_duplicate"] == "acme/bot@" + "0" * 40
    assert details["multi_file"] == "2 files"
    assert details["units_contents_unavailable"] == "alpha.py"
    assert result.instructions["kind"].to_list() == ["file", "file"]
    assert details["unknown_language"] == "setup.copy"


def test_deterministic_whatever_the_input_order(result: CurationResult) -> None:
    shuffled = curate(commits().sample(fraction=1.0, shuffle=True, seed=7).lazy())
    assert shuffled.instructions.equals(result.instructions)
    key = ["stage", "rule", "repo", "sha"]
    assert shuffled.rejections.sort(key, nulls_last=True).equals(
        result.rejections.sort(key, nulls_last=True)
    )
    assert shuffled.report.equals(result.report)


def test_empty_input() -> None:
    empty = curate(frame())
    assert empty.n_input == 0
    assert empty.instructions.schema == pl.Schema(INSTRUCTIONS_SCHEMA)
    assert empty.rejections.height == 0
    assert empty.report["removed"].sum() == 0


def test_missing_columns_are_treated_as_null() -> None:
    partial = frame(make_commit(0)).drop("error", "contents_truncated", "license")
    assert curate(partial).instructions.height == 1


def test_config_loosens_and_tightens() -> None:
    loose = curate(commits(), CurationConfig(near_dup_threshold=0.97))
    assert loose.instructions.height == 3
    window = {"min_tokens": 10_000, "max_tokens": 20_000, "max_unit_tokens": 20_000}
    strict = curate(commits(), CurationConfig(**window))
    assert strict.instructions.height == 0


@pytest.mark.parametrize(
    "bad",
    [
        {"near_dup_threshold": 1.0},
        {"min_tokens": 10, "max_tokens": 5},
        {"token_estimator": "tiktoken"},
        {"version_bump_keep_fraction": 1.5},
    ],
)
def test_invalid_config_is_refused(bad: dict) -> None:
    with pytest.raises(ValueError, match="invalid CurationConfig"):
        CurationConfig(**bad)


def test_a_threshold_lsh_cannot_index_fails_before_any_work() -> None:
    with pytest.raises(ValueError, match="two bands"):
        curate(frame(), CurationConfig(near_dup_threshold=0.99))
