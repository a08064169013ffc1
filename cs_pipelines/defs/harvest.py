"""`raw_commits`: one partition per reference repository, harvested incrementally."""

import shutil
from typing import NoReturn

import dagster as dg

from cs_pipelines import paths
from cs_pipelines.defs.checks import no_offending_rows
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.partitions import reference_repo_partitions
from cs_pipelines.defs.resources import ReferenceReposResource, WarehouseResource
from cs_pipelines.harvest.harvester import HarvestConfig, HarvestResult, harvest_repository
from cs_pipelines.harvest.mirror import RepoUnavailableError, sync_mirror
from cs_pipelines.harvest.repos import ReferenceRepo
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA, REQUIRED_COLUMNS
from cs_pipelines.reporting import markdown_table
from cs_pipelines.warehouse import Warehouse
from cs_pipelines.warehouse.commits import (
    apply_harvest,
    known_shas,
    read_watermark,
    record_failure,
)
from cs_pipelines.warehouse.tables import (
    RAW_COMMITS,
    duplicate_raw_commit_keys,
    raw_commit_null_counts,
    raw_commits_with_bad_timestamps,
    recent_commits,
)


class HarvestRunConfig(
    launchpad_config(HarvestConfig, "HarvestRunConfigBase", "Settings of the commit harvest.")
):
    """Settings of the commit harvest (caps, batch size) and of the mirror fetch."""

    fetch_timeout_s: float = 600.0


RAW_COMMITS_COLUMNS = dg.TableSchema(
    columns=[dg.TableColumn(name, str(dtype)) for name, dtype in RAW_COMMITS_SCHEMA.items()]
)


@dg.asset(
    partitions_def=reference_repo_partitions,
    kinds={"git", "duckdb", "polars"},
    group_name="harvest",
    metadata={
        "dagster/column_schema": RAW_COMMITS_COLUMNS,
        "dagster/table_name": RAW_COMMITS.name,
    },
    tags={"cs_pipelines/stage": "harvest"},
)
def raw_commits(
    context: dg.AssetExecutionContext,
    config: HarvestRunConfig,
    warehouse: WarehouseResource,
    reference_repos: ReferenceReposResource,
) -> dg.MaterializeResult:
    """Every commit of one reference repository: message, authors, per-file changes with
    numstat and language, the capped patch, and old/new contents of single-file changes.

    Keeps a bare mirror per repository under CS_DATA_DIR, fetches it, and harvests only what is
    new since the repository's watermark (a rewritten history is reconciled). Rows are upserted
    on (repo, sha) in one transaction, so re-materializing changes nothing.
    """
    repo = reference_repos.get(context.partition_key)
    store = warehouse.warehouse
    staging = paths.staging_dir() / f"{repo.name}-{context.run.run_id}"
    try:
        context.log.info(f"{repo.name}: syncing mirror of {repo.url}")
        mirror = sync_mirror(repo, paths.mirrors_dir(), timeout_s=config.fetch_timeout_s)
        result = harvest_repository(
            repo,
            mirror,
            watermark=read_watermark(store, repo.name),
            known_shas=lambda: known_shas(store, repo.name),
            staging_dir=staging,
            config=to_stage_config(config, HarvestConfig),
            progress=lambda n: context.log.info(f"{repo.name}: {n} commits harvested"),
        )
        total = apply_harvest(store, result, run_id=context.run.run_id)
    except RepoUnavailableError as exc:  # expected offline: the message says it all
        _fail(store, repo, str(exc), exc, context.run.run_id, traceback=False)
    except Exception as exc:
        _fail(store, repo, f"{repo.name}: harvest failed: {exc}", exc, context.run.run_id)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return dg.MaterializeResult(metadata=_harvest_metadata(store, result, total))


def _fail(
    store: Warehouse,
    repo: ReferenceRepo,
    message: str,
    cause: Exception,
    run_id: str,
    traceback: bool = True,
) -> NoReturn:
    """Log the failure in the warehouse (stored rows untouched) and fail this partition."""
    record_failure(store, repo.name, message, run_id)
    failure = dg.Failure(
        description=message,
        metadata={"repo": repo.name, "url": repo.url, "cause": type(cause).__name__},
        allow_retries=False,
    )
    raise failure from (cause if traceback else None)


def _harvest_metadata(store: Warehouse, result: HarvestResult, total: int) -> dict[str, object]:
    rate = result.n_commits / result.duration_s if result.duration_s > 0 else 0.0
    recent = recent_commits(store, result.repo)
    return {
        "dagster/row_count": dg.MetadataValue.int(total),
        "mode": result.mode,
        "ref": result.ref or "(empty repository)",
        "head_sha": result.head_sha or "",
        "new_commits": dg.MetadataValue.int(result.n_commits),
        "removed_commits": dg.MetadataValue.int(len(result.removed_shas)),
        "commits_with_errors": dg.MetadataValue.int(result.n_errors),
        "duration_s": dg.MetadataValue.float(round(result.duration_s, 3)),
        "commits_per_s": dg.MetadataValue.float(round(rate, 1)),
        "notes": dg.MetadataValue.md("\n".join(f"- {n}" for n in result.notes) or "_none_"),
        "recent_commits": dg.MetadataValue.md(markdown_table(recent)),
    }


@dg.asset_check(asset=raw_commits, blocking=True, description="(repo, sha) is unique.")
def raw_commits_unique_key(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return no_offending_rows(duplicate_raw_commit_keys(warehouse.warehouse), "duplicate_keys")


@dg.asset_check(asset=raw_commits, blocking=True, description="Required fields are never null.")
def raw_commits_required_fields(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    counts = raw_commit_null_counts(warehouse.warehouse, REQUIRED_COLUMNS)
    missing = {column: n for column, n in counts.items() if n}
    return dg.AssetCheckResult(
        passed=not missing, metadata={"null_counts": dg.MetadataValue.json(counts)}
    )


@dg.asset_check(
    asset=raw_commits,
    description="Authored and committed times lie between 1970 and tomorrow (UTC).",
)
def raw_commits_timestamps_sane(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    bad = raw_commits_with_bad_timestamps(warehouse.warehouse)
    return no_offending_rows(bad, "insane_timestamps", dg.AssetCheckSeverity.WARN)
