"""Jobs, the nightly schedule and the sensors that keep the data fresh."""

from __future__ import annotations

import dagster as dg

from cs_pipelines.defs.curation import INSTRUCTIONS_SPEC, REPORT_SPEC
from cs_pipelines.defs.evaluation import base_model, cryptoeval_scores, cryptoeval_tasks
from cs_pipelines.defs.functions import function_candidates, function_tasks
from cs_pipelines.defs.gym import trading_ab
from cs_pipelines.defs.harvest import raw_commits
from cs_pipelines.defs.holdout import sft_holdout_scores
from cs_pipelines.defs.market import market_data
from cs_pipelines.defs.partitions import model_version_partitions, reference_repo_partitions
from cs_pipelines.defs.promotion import model_promotion
from cs_pipelines.defs.resources import ReferenceReposResource
from cs_pipelines.defs.retrieval import commit_index
from cs_pipelines.defs.rl import rl_policy
from cs_pipelines.defs.sft import sft_dataset, strategy_candidates, strategy_tasks
from cs_pipelines.defs.training import sft_adapter
from cs_pipelines.harvest.repos import ReferenceRepoConfigError
from cs_pipelines.registry.versions import registered_version

CURATION_ASSETS = dg.AssetSelection.assets(INSTRUCTIONS_SPEC.key, REPORT_SPEC.key)

MAIN_JOB_ASSETS = dg.AssetSelection.all() - dg.AssetSelection.assets(trading_ab)
"""What the main job (`cs-pipelines run`, `make run`) materializes, in the asset graph's order
(`cs_pipelines.main_job`): every asset, RL included (`rl_policy` after `sft_adapter`, so the
scoring step scores the versions both register), but `trading_ab`, whose three arms of
generated strategies per version do not fit the main job's time on a CPU. Leave one out here:
`- dg.AssetSelection.assets(x)`."""

rl_job = dg.define_asset_job(
    "rl_job",
    selection=dg.AssetSelection.assets(rl_policy),
    description="RL from the champion (or the launchpad's parent) on the SFT train split; "
    "registers a new version, which model_versions_sensor then scores and judges.",
)

harvest_job = dg.define_asset_job(
    "harvest_job",
    selection=dg.AssetSelection.assets(raw_commits),
    description="Harvest one reference repository (one run per partition).",
)

curation_job = dg.define_asset_job(
    "curation_job",
    selection=CURATION_ASSETS,
    description="Curate every harvested commit into instruction data and the filter report.",
)

index_job = dg.define_asset_job(
    "index_job",
    selection=dg.AssetSelection.assets(commit_index),
    description="Embed new and changed instructions into the commit index.",
)

evaluation_job = dg.define_asset_job(
    "evaluation_job",
    selection=dg.AssetSelection.assets(base_model, cryptoeval_tasks),
    description="Materialize the base model and the CryptoEval task set.",
)

sft_data_job = dg.define_asset_job(
    "sft_data_job",
    selection=dg.AssetSelection.assets(
        market_data,
        strategy_tasks,
        strategy_candidates,
        function_tasks,
        function_candidates,
        sft_dataset,
    ),
    description="Market data, strategy and function tasks, their verified candidates, the SFT set.",
)

training_job = dg.define_asset_job(
    "training_job",
    selection=dg.AssetSelection.assets(sft_adapter),
    description="Fine-tune a LoRA adapter on the SFT set and register it in MLflow.",
)

promotion_job = dg.define_asset_job(
    "promotion_job",
    selection=dg.AssetSelection.assets(model_promotion),
    description="Decide on a registered version: champion or challenger.",
)

scoring_job = dg.define_asset_job(
    "scoring_job",
    selection=dg.AssetSelection.assets(cryptoeval_scores, sft_holdout_scores, trading_ab),
    description="Score one model version (a partition of model_versions) on CryptoEval, on "
    "the held-out SFT tasks and in the trading A/B.",
)


@dg.schedule(
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    job=harvest_job,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Nightly at 02:00 UTC: fetch and harvest every registered repository. "
    "The curation follows by its automation condition once the harvest runs finish.",
)
def nightly_harvest(context: dg.ScheduleEvaluationContext) -> list[dg.RunRequest]:
    date = context.scheduled_execution_time.strftime("%Y-%m-%d")
    keys = context.instance.get_dynamic_partitions(reference_repo_partitions.name)
    return [dg.RunRequest(run_key=f"{key}-{date}", partition_key=key) for key in sorted(keys)]


@dg.sensor(
    job=harvest_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Registers a partition for each repository in the reference list, removes "
    "partitions of repositories taken off it, and harvests newly added repositories.",
)
def reference_repos_sensor(
    context: dg.SensorEvaluationContext, reference_repos: ReferenceReposResource
) -> dg.SensorResult | dg.SkipReason:
    try:
        wanted = {repo.name for repo in reference_repos.load()}
    except ReferenceRepoConfigError as exc:
        return dg.SkipReason(str(exc))
    registered = set(context.instance.get_dynamic_partitions(reference_repo_partitions.name))
    added, removed = sorted(wanted - registered), sorted(registered - wanted)
    if not added and not removed:
        return dg.SkipReason(f"{len(wanted)} repositories registered, nothing changed")
    requests = []
    if added:
        requests.append(reference_repo_partitions.build_add_request(added))
    if removed:
        requests.append(reference_repo_partitions.build_delete_request(removed))
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(run_key=f"register-{name}", partition_key=name) for name in added
        ],
        dynamic_partitions_requests=requests,
    )


data_automation = dg.AutomationConditionSensorDefinition(
    "data_automation",
    target=CURATION_ASSETS | dg.AssetSelection.assets(commit_index),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Curates nightly after the harvest, and re-indexes whenever the curated "
    "instructions change.",
)


@dg.sensor(
    jobs=[scoring_job, promotion_job],
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Scores every model version on what it lacks (the base model and each newly "
    "registered version): CryptoEval; once the SFT dataset exists, the held-out SFT tasks; "
    "once the market data exists too, the trading A/B. Asks for a promotion decision on each "
    "registered version once it has every one of those scores, which the decision weighs.",
)
def model_versions_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    instance = context.instance
    versions = instance.get_dynamic_partitions(model_version_partitions.name)
    wanted = _scores_wanted(instance)
    done = {key: instance.get_materialized_partitions(key) for key in wanted}
    requests = []
    for version in versions:
        missing = [key for key in wanted if version not in done[key]]
        if missing:  # a new run key per missing set: scores wanted later are asked for later
            names = "+".join(key.to_user_string() for key in missing)
            requests.append(
                dg.RunRequest(
                    run_key=f"score-{version}-{names}",
                    job_name="scoring_job",
                    partition_key=version,
                    asset_selection=missing,
                )
            )
        elif (number := registered_version(version)) is not None:
            requests.append(
                dg.RunRequest(
                    run_key=f"promote-{version}",
                    job_name="promotion_job",
                    run_config={"ops": {"model_promotion": {"config": {"version": number}}}},
                )
            )
    return dg.SensorResult(run_requests=requests)


def _scores_wanted(instance: dg.DagsterInstance) -> list[dg.AssetKey]:
    """CryptoEval always; the held-out SFT tasks need the SFT dataset, the trading A/B the
    dataset and the market data."""
    wanted = [cryptoeval_scores.key]
    if instance.get_latest_materialization_event(sft_dataset.key) is not None:
        wanted.append(sft_holdout_scores.key)
        if instance.get_latest_materialization_event(market_data.key) is not None:
            wanted.append(trading_ab.key)
    return wanted
