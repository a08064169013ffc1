"""The main job's steps come from the asset graph: planned here without running anything."""

from __future__ import annotations

import dagster as dg

from cs_pipelines.definitions import defs
from cs_pipelines.defs.automation import MAIN_JOB_ASSETS
from cs_pipelines.defs.partitions import model_version_partitions, reference_repo_partitions
from cs_pipelines.main_job import Step, StepRunner, main_job_plan


def assert_follows_the_graph(plan: list[Step], definitions: dg.Definitions) -> None:
    """Each asset once; its upstream in the plan runs before it, in an earlier step or earlier
    in its own; a step holds one partitions definition."""
    graph = definitions.resolve_asset_graph()
    planned = [key for step in plan for key in step.assets]
    assert len(planned) == len(set(planned))
    position = {key: index for index, key in enumerate(planned)}
    for step in plan:
        assert {graph.get(key).partitions_def for key in step.assets} == {step.partitions_def}
        for key in step.assets:
            for parent in graph.get(key).parent_keys & position.keys():
                assert position[parent] < position[key], (parent, key)


def names(plan: list[Step]) -> list[list[str]]:
    return [step.asset_names for step in plan]


def test_the_plan_runs_every_selected_asset_in_the_graphs_order():
    plan = main_job_plan(defs)
    assert_follows_the_graph(plan, defs)
    graph = defs.resolve_asset_graph()
    assert {key for step in plan for key in step.assets} == MAIN_JOB_ASSETS.resolve(graph)
    # trading_ab is defined (materialize it from the UI) but too slow for the main job
    assert dg.AssetKey("trading_ab") in graph.get_all_asset_keys()
    assert "trading_ab" not in {name for step in names(plan) for name in step}
    harvest, unpartitioned, scores, promotion = plan
    assert (harvest.partitions_def, harvest.source) == (reference_repo_partitions, True)
    assert harvest.asset_names == ["raw_commits"]
    assert unpartitioned.partitions_def is None and not unpartitioned.source
    # RL continues the SFT version: both train before the step that scores their versions
    assert unpartitioned.asset_names[-3:] == ["sft_dataset", "sft_adapter", "rl_policy"]
    assert {"commit_instructions", "commit_index", "base_model"} <= set(unpartitioned.asset_names)
    assert scores.partitions_def == model_version_partitions
    assert scores.asset_names == ["cryptoeval_scores", "sft_holdout_scores"]
    assert promotion.asset_names == ["model_promotion"]
    assert [harvest.label("alpha"), scores.label("base"), scores.label("cs-trader-coder/2")] == [
        "harvest alpha",
        "score the base model",
        "score cs-trader-coder/2",
    ]
    assert harvest.nothing_done == "no repository harvested"


def test_an_asset_added_to_the_graph_joins_the_plan_where_its_upstream_puts_it():
    @dg.asset(deps=["sft_adapter"])
    def distilled_policy() -> None: ...

    @dg.asset(deps=["sft_dataset"], partitions_def=model_version_partitions)
    def consensus_scores() -> None: ...

    @dg.asset(deps=["consensus_scores", "model_promotion"])
    def consensus_report() -> None: ...

    grown = dg.Definitions.merge(
        defs, dg.Definitions(assets=[distilled_policy, consensus_scores, consensus_report])
    )
    plan = main_job_plan(grown)
    assert_follows_the_graph(plan, grown)
    assert set(names(plan)[1][-2:]) == {"distilled_policy", "rl_policy"}  # after sft_adapter
    assert set(names(plan)[2]) == {"cryptoeval_scores", "sft_holdout_scores", "consensus_scores"}
    assert names(plan)[3] == ["model_promotion", "consensus_report"]


def test_an_asset_left_out_of_the_selection_is_left_out_of_the_plan():
    plan = main_job_plan(defs, MAIN_JOB_ASSETS - dg.AssetSelection.assets("model_promotion"))
    assert_follows_the_graph(plan, defs)
    assert "model_promotion" not in {name for step in names(plan) for name in step}
    assert len(plan) == 3


def test_a_partitioned_step_runs_the_partitions_asked_for_then_those_added_since():
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(model_version_partitions.name, ["cs-trader-coder/1"])
    runner = StepRunner(
        defs,
        instance,
        {
            reference_repo_partitions.name: ["alpha", "beta"],
            model_version_partitions.name: ["base"],
        },
    )
    harvest, unpartitioned, scores, _ = main_job_plan(defs)
    assert runner.partition_keys(harvest) == ["alpha", "beta"]
    assert runner.partition_keys(unpartitioned) == [None]
    assert runner.partition_keys(scores) == ["base"]  # not an older version
    instance.add_dynamic_partitions(model_version_partitions.name, ["cs-trader-coder/2"])
    assert runner.partition_keys(scores) == ["base", "cs-trader-coder/2"]
