"""`function_tasks` and `function_candidates`: CryptoEval-style function problems for SFT."""

import dagster as dg
import polars as pl

from cs_pipelines.defs.candidates import candidate_metadata, task_table_metadata
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.resources import WarehouseResource
from cs_pipelines.reporting import markdown_table
from cs_pipelines.sft.function_tasks import (
    FUNCTION_RUNGS,
    load_function_tasks,
    teacher_function_candidates,
    verify_function_candidates,
)
from cs_pipelines.sft.ladder import LadderConfig
from cs_pipelines.warehouse.tables import (
    FUNCTION_CANDIDATES,
    FUNCTION_TASKS,
    candidates_frame,
    function_task_ids,
)

FunctionLadderRunConfig = launchpad_config(
    LadderConfig,
    "FunctionLadderRunConfig",
    "The verification ladder's allow-list, forbidden calls and time limits.",
)


@dg.asset(kinds={"python", "duckdb"}, group_name="sft")
def function_tasks(warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Function problems in CryptoEval's format (signature and docstring in, whole function
    out) on trading maths that CryptoEval does not ask for, in families of related skills,
    each with tests and a wrong solution those tests reject; stored as the table
    function_tasks."""
    tasks = load_function_tasks()
    table = pl.DataFrame([t.to_record() for t in tasks])
    FUNCTION_TASKS.replace(warehouse.warehouse, table)
    return dg.MaterializeResult(
        metadata={
            **task_table_metadata(table),
            "examples": dg.MetadataValue.md(
                markdown_table(table.select("task_id", "family", "prompt"), 5, 160)
            ),
        }
    )


@dg.asset(kinds={"python", "duckdb"}, group_name="sft", deps=[function_tasks])
def function_candidates(
    config: FunctionLadderRunConfig, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """The teacher's answer to every function task, climbed up the function ladder in the
    sandbox (parses, allowed imports, passes the task's tests, same outputs on a re-run);
    every row records the highest rung reached and why it stopped."""
    from cs_pipelines.sandbox import SandboxPool

    tasks = {t.task_id: t for t in load_function_tasks()}
    stored = function_task_ids(warehouse.warehouse)
    if stored != set(tasks):
        raise ValueError(
            "function_tasks is out of step with the code's function tasks "
            f"({len(stored ^ set(tasks))} ids differ): rematerialize function_tasks"
        )
    candidates = teacher_function_candidates(list(tasks.values()))
    with SandboxPool() as pool:
        rows = verify_function_candidates(
            candidates, tasks, pool, to_stage_config(config, LadderConfig)
        )
    table = candidates_frame(row.to_record() for row in rows)
    FUNCTION_CANDIDATES.replace(warehouse.warehouse, table)
    return dg.MaterializeResult(
        metadata=candidate_metadata(table, FUNCTION_RUNGS, "function_candidate_rungs")
    )
