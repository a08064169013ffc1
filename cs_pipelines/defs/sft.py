"""`strategy_tasks`, `strategy_candidates` and `sft_dataset`: execution-verified training data."""

import json

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.cryptoeval.taskset import load_tasks
from cs_pipelines.defs.candidates import candidate_metadata, task_table_metadata
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.resources import WarehouseResource
from cs_pipelines.reporting import markdown_table
from cs_pipelines.sft import (
    RUNGS,
    StrategyTask,
    StrategyTaskConfig,
    generate_tasks,
    ground_tasks,
    teacher_candidates,
    verify_candidates,
)
from cs_pipelines.sft.commit_candidates import scan_commit_strategies
from cs_pipelines.sft.config import CandidatesConfig
from cs_pipelines.sft.dataset import (
    SftDatasetConfig,
    build_sft_dataset,
    data_card_markdown,
    save_dataset,
    to_frame,
)
from cs_pipelines.sft.decontam import contaminated, ngram_index
from cs_pipelines.sft.model_candidates import model_candidates, open_prompt_builder
from cs_pipelines.sft.stored import probe_feeds, sft_tasks_by_id, stored_strategy_tasks
from cs_pipelines.warehouse.tables import (
    FUNCTION_CANDIDATES,
    SFT_DATASET,
    STRATEGY_CANDIDATES,
    STRATEGY_TASKS,
    candidates_frame,
    read_candidates,
    read_raw_commits,
)

StrategyTasksRunConfig = launchpad_config(
    StrategyTaskConfig, "StrategyTasksRunConfig", "How many strategy tasks, how hard, which seed."
)


CandidatesRunConfig = launchpad_config(
    CandidatesConfig,
    "CandidatesRunConfig",
    "Candidate sources (teacher, model, commit), model sampling, and the verification ladder.",
)
SftDatasetRunConfig = launchpad_config(
    SftDatasetConfig,
    "SftDatasetRunConfig",
    "Deduplication, decontamination and the train/validation split by task family.",
)
MAX_CATEGORY_SHARE = 0.6


@dg.asset(kinds={"python", "duckdb"}, group_name="sft", deps=["market_data"])
def strategy_tasks(
    context: dg.AssetExecutionContext, config: StrategyTasksRunConfig, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Graded backtrader strategy tasks: a taxonomy of components (signals, exits, stops,
    sizing, multi-asset, order types, rebalancing, analysis) composed recursively from easy to
    hard, each with natural language and a machine-checkable spec whose expected behaviour
    comes from running the teacher's solution on the probe bars in the sandbox."""
    from cs_pipelines.sandbox import SandboxPool

    tasks = generate_tasks(to_stage_config(config, StrategyTaskConfig))
    with SandboxPool() as pool:
        grounded = ground_tasks(tasks, probe_feeds(warehouse.warehouse), pool)
    ungrounded = [t.task_id for t in grounded if t.spec.get("expected") is None]
    if ungrounded:
        context.log.warning(f"{len(ungrounded)} tasks' teacher runs failed: {ungrounded[:5]}")
    table = pl.DataFrame([t.to_record() for t in grounded])
    STRATEGY_TASKS.replace(warehouse.warehouse, table)
    return dg.MaterializeResult(
        metadata={
            **task_table_metadata(table),
            "ungrounded": dg.MetadataValue.int(len(ungrounded)),
            "examples": dg.MetadataValue.md(
                markdown_table(table.select("task_id", "difficulty", "instruction"), 5, 160)
            ),
        }
    )


@dg.asset(
    kinds={"python", "duckdb"},
    group_name="sft",
    deps=["strategy_tasks", "market_data", "base_model", "raw_commits"],
)
def strategy_candidates(
    context: dg.AssetExecutionContext, config: CandidatesRunConfig, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Candidate strategies for every task, from the teacher, from the current model (few-shot
    from the commit index, n samples per task) and from backtrader strategies in harvested
    commits, each climbed up the verification ladder in sandboxed backtests; every row records
    the highest rung reached and why it stopped."""
    from cs_pipelines.sandbox import SandboxPool

    settings = to_stage_config(config, CandidatesConfig)
    sources = settings.source_set
    tasks = stored_strategy_tasks(warehouse.warehouse)
    candidates = teacher_candidates(tasks) if "teacher" in sources else []
    if "model" in sources:
        candidates += _model_candidates(context, tasks, settings)
    if "commit" in sources:
        scan = scan_commit_strategies(read_raw_commits(warehouse.warehouse))
        context.log.info(f"commit strategies: {len(scan.candidates)} found, skipped {scan.skipped}")
        candidates += scan.candidates
    with SandboxPool() as pool:
        verified = verify_candidates(
            candidates,
            {t.task_id: t for t in tasks},
            probe_feeds(warehouse.warehouse),
            pool,
            settings,
        )
    table = candidates_frame(row.to_record() for row in verified)
    STRATEGY_CANDIDATES.replace(warehouse.warehouse, table)
    return dg.MaterializeResult(metadata=candidate_metadata(table, RUNGS, "candidate_rungs"))


def _model_candidates(context, tasks: list[StrategyTask], settings: CandidatesConfig) -> list:
    from cs_pipelines.models.generation import make_generator

    chosen = tasks[: settings.model_tasks] if settings.model_tasks else tasks
    generator = make_generator(paths.base_model_dir(), settings)
    context.log.info(f"sampling {settings.n_samples} candidates for {len(chosen)} tasks")
    return model_candidates(chosen, generator, settings, open_prompt_builder())


@dg.asset(
    kinds={"huggingface", "duckdb"},
    group_name="sft",
    deps=["strategy_candidates", "function_candidates", "cryptoeval_tasks"],
    check_specs=[
        dg.AssetCheckSpec(name, asset="sft_dataset", blocking=True, description=description)
        for name, description in (
            ("no_contamination", "No example shares a 13-gram with a CryptoEval task."),
            ("no_duplicates", "No two examples hold the same code."),
            ("every_row_verified", "Every example climbed the whole verification ladder."),
            ("category_balance", f"No category holds more than {MAX_CATEGORY_SHARE:.0%}."),
        )
    ],
)
def sft_dataset(
    context: dg.AssetExecutionContext, config: SftDatasetRunConfig, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """The SFT set: verified (task, code) pairs in chat format (strategies with their backtest
    outcome, and functions), exact and near duplicates removed, decontaminated against
    CryptoEval, split into train and validation by task family; saved as a Hugging Face
    datasets folder and the warehouse table sft_dataset, with a data card."""
    settings = to_stage_config(config, SftDatasetConfig)
    rows = read_candidates(warehouse.warehouse, (STRATEGY_CANDIDATES, FUNCTION_CANDIDATES))
    tasks = sft_tasks_by_id(warehouse.warehouse)
    benchmark = [text for t in load_tasks() for text in (t.prompt, t.canonical_solution)]
    build = build_sft_dataset(rows, tasks, benchmark, settings)
    folder = save_dataset(build, paths.sft_dataset_dir())
    frame = to_frame(build)
    SFT_DATASET.replace(warehouse.warehouse, frame)
    context.log.info(f"sft_dataset: {len(build.train)} train, {len(build.validation)} validation")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": dg.MetadataValue.int(frame.height),
            "train": dg.MetadataValue.int(len(build.train)),
            "validation": dg.MetadataValue.int(len(build.validation)),
            "removed": dg.MetadataValue.json(build.report.removed),
            "data_card": dg.MetadataValue.md(data_card_markdown(build)),
            "path": dg.MetadataValue.path(str(folder)),
        },
        check_results=_dataset_checks(frame, ngram_index(benchmark)),
    )


def _dataset_checks(frame: pl.DataFrame, benchmark_index: frozenset[str]) -> list:
    """The blocking checks, recomputed from the stored rows rather than trusted from the build."""
    chats = [json.loads(m) for m in frame["messages"]]
    answers = [chat[-1]["content"] for chat in chats]
    leaks = [
        task_id
        for task_id, chat in zip(frame["task_id"], chats, strict=True)
        if contaminated(chat[1]["content"] + "\n" + chat[-1]["content"], benchmark_index)
    ]
    duplicates = len(answers) - len(set(answers))
    unverified = int((frame["rung_name"] != RUNGS[-1]).sum()) if frame.height else 0
    shares = frame["category"].value_counts(normalize=True) if frame.height else None
    top_share = float(shares["proportion"].max()) if shares is not None else 0.0
    return [
        dg.AssetCheckResult(
            check_name="no_contamination", passed=not leaks, metadata={"examples": leaks[:10]}
        ),
        dg.AssetCheckResult(
            check_name="no_duplicates", passed=duplicates == 0, metadata={"count": duplicates}
        ),
        dg.AssetCheckResult(
            check_name="every_row_verified", passed=unverified == 0, metadata={"count": unverified}
        ),
        dg.AssetCheckResult(
            check_name="category_balance",
            passed=top_share <= MAX_CATEGORY_SHARE,
            metadata={"largest_share": round(top_share, 3)},
        ),
    ]
