"""The Dagster code location: every asset, check, job, schedule, sensor and resource."""

import dagster as dg

from cs_pipelines.defs import (
    automation,
    curation,
    evaluation,
    functions,
    gym,
    harvest,
    holdout,
    market,
    promotion,
    retrieval,
    rl,
    sft,
    training,
)
from cs_pipelines.defs.resources import (
    GymResource,
    MlflowResource,
    ReferenceReposResource,
    WarehouseResource,
)

defs = dg.Definitions(
    assets=[
        harvest.raw_commits,
        curation.curated_commits,
        retrieval.commit_index,
        market.market_data,
        sft.strategy_tasks,
        sft.strategy_candidates,
        functions.function_tasks,
        functions.function_candidates,
        sft.sft_dataset,
        training.sft_adapter,
        rl.rl_policy,
        promotion.model_promotion,
        evaluation.base_model,
        evaluation.cryptoeval_tasks,
        evaluation.cryptoeval_scores,
        holdout.sft_holdout_scores,
        gym.trading_ab,
    ],
    asset_checks=[
        harvest.raw_commits_unique_key,
        harvest.raw_commits_required_fields,
        harvest.raw_commits_timestamps_sane,
        curation.commit_instructions_no_duplicates,
        curation.commit_instructions_required_fields,
        evaluation.cryptoeval_tasks_valid,
    ],
    jobs=[
        automation.harvest_job,
        automation.curation_job,
        automation.index_job,
        automation.evaluation_job,
        automation.scoring_job,
        automation.sft_data_job,
        automation.training_job,
        automation.rl_job,
        automation.promotion_job,
    ],
    schedules=[automation.nightly_harvest],
    sensors=[
        automation.reference_repos_sensor,
        automation.data_automation,
        automation.model_versions_sensor,
    ],
    resources={
        "warehouse": WarehouseResource(),
        "reference_repos": ReferenceReposResource(),
        "mlflow": MlflowResource(),
        "gym": GymResource(),
    },
)
