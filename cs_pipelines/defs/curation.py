"""`commit_instructions` and `filter_report`: CommitPackFT-style curation of the harvest."""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.curate import CurationConfig, CurationResult, curate
from cs_pipelines.defs.checks import no_offending_rows
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.resources import WarehouseResource
from cs_pipelines.harvest.blobs import mirror_blob_texts
from cs_pipelines.reporting import bar_chart_png, markdown_image, markdown_table
from cs_pipelines.warehouse.tables import (
    COMMIT_INSTRUCTIONS,
    FILTER_REPORT,
    duplicate_instructions,
    incomplete_instructions,
    read_raw_commits,
    write_curation,
)

CurationRunConfig = launchpad_config(
    CurationConfig,
    "CurationRunConfig",
    "Thresholds of the CommitPackFT filters and of exact and near deduplication.",
)

# Curate once per nightly cycle, after the harvest runs have all finished.
NIGHTLY_AFTER_HARVEST = (
    dg.AutomationCondition.on_cron("0 2 * * *", "UTC")
    & ~dg.AutomationCondition.any_deps_in_progress()
)

INSTRUCTIONS_SPEC = dg.AssetSpec(
    "commit_instructions",
    deps=["raw_commits"],
    kinds={"duckdb", "polars"},
    group_name="curation",
    description=(
        "Instruction data from commits: the cleaned commit subject as the instruction, the code "
        "before and after, language, repo, sha and diff. Two kinds: `file`, CommitPackFT's "
        "single changed file whole; `units`, the functions, methods and classes a separable "
        "Python change touched (read from the mirrors), for commits too long or too wide for "
        "CommitPackFT. Only commits whose message passes every CommitPackFT filter, after "
        "exact and MinHash near dedup."
    ),
    metadata={"dagster/table_name": COMMIT_INSTRUCTIONS.name},
    automation_condition=NIGHTLY_AFTER_HARVEST,
)
REPORT_SPEC = dg.AssetSpec(
    "filter_report",
    deps=["raw_commits"],
    kinds={"duckdb", "polars"},
    group_name="curation",
    description="How many commits each curation rule removed, in application order.",
    metadata={"dagster/table_name": FILTER_REPORT.name},
    automation_condition=NIGHTLY_AFTER_HARVEST,
)


@dg.multi_asset(
    specs=[INSTRUCTIONS_SPEC, REPORT_SPEC],
    check_specs=[
        dg.AssetCheckSpec(
            "rejections_add_up",
            asset="filter_report",
            description="Input commits = kept + removed by each rule, and every removal is listed.",
            blocking=True,
        )
    ],
)
def curated_commits(
    context: dg.AssetExecutionContext, config: CurationRunConfig, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Apply the CommitPackFT filters and dedup to every harvested commit."""
    store = warehouse.warehouse
    commits = read_raw_commits(store)
    context.log.info(f"curating {commits.height} commits")
    settings = to_stage_config(config, CurationConfig)
    blob_texts = mirror_blob_texts(paths.mirrors_dir(), settings.max_unit_source_bytes)
    result = curate(commits, settings, blob_texts)
    write_curation(store, result.instructions, result.rejections, result.report)
    context.log.info(f"kept {result.instructions.height} of {result.n_input} commits")

    yield dg.MaterializeResult(
        asset_key="commit_instructions", metadata=_instructions_metadata(result)
    )
    yield dg.MaterializeResult(asset_key="filter_report", metadata=_report_metadata(result))
    yield _rejections_add_up(result)


def _instructions_metadata(result: CurationResult) -> dict[str, object]:
    kept = result.instructions
    by_language = (
        kept.group_by("language").len().sort("len", descending=True)
        if not kept.is_empty()
        else pl.DataFrame({"language": [], "len": []})
    )
    preview = kept.select("repo", pl.col("sha").str.head(10), "kind", "language", "instruction")
    by_kind = kept.group_by("kind").len().sort("kind") if not kept.is_empty() else None
    return {
        "dagster/row_count": dg.MetadataValue.int(kept.height),
        "input_commits": dg.MetadataValue.int(result.n_input),
        "kept_fraction": dg.MetadataValue.float(
            round(kept.height / result.n_input, 4) if result.n_input else 0.0
        ),
        "by_language": dg.MetadataValue.md(markdown_table(by_language, 20)),
        "by_kind": dg.MetadataValue.json(dict(by_kind.iter_rows()) if by_kind is not None else {}),
        "preview": dg.MetadataValue.md(markdown_table(preview, 10)),
    }


def _report_metadata(result: CurationResult) -> dict[str, object]:
    report = result.report
    chart = bar_chart_png(
        report["rule"].to_list(),
        report["removed"].to_list(),
        f"Commits removed per rule ({result.n_input} in, {result.instructions.height} kept)",
        paths.artifacts_dir() / "reports" / "filter_report.png",
    )
    return {
        "dagster/row_count": dg.MetadataValue.int(report.height),
        "input_commits": dg.MetadataValue.int(result.n_input),
        "kept": dg.MetadataValue.int(result.instructions.height),
        "removed": dg.MetadataValue.int(int(report["removed"].sum())),
        "rules": dg.MetadataValue.md(markdown_table(report, 100, max_chars=120)),
        "chart": dg.MetadataValue.md(markdown_image(chart, "commits removed per rule")),
        "chart_path": dg.MetadataValue.path(str(chart)),
    }


def _rejections_add_up(result: CurationResult) -> dg.AssetCheckResult:
    removed = int(result.report["removed"].sum())
    kept = result.instructions.height
    listed = result.rejections.height
    return dg.AssetCheckResult(
        asset_key="filter_report",
        check_name="rejections_add_up",
        passed=result.n_input == kept + removed and listed == removed,
        metadata={"input": result.n_input, "kept": kept, "removed": removed, "listed": listed},
    )


@dg.asset_check(
    asset=INSTRUCTIONS_SPEC.key,
    blocking=True,
    description="No two instructions share a content hash or (instruction, new contents).",
)
def commit_instructions_no_duplicates(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return no_offending_rows(duplicate_instructions(warehouse.warehouse), "duplicate_groups")


@dg.asset_check(
    asset=INSTRUCTIONS_SPEC.key,
    blocking=True,
    description="Every instruction has text, new contents, a language, a repo and a sha.",
)
def commit_instructions_required_fields(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    return no_offending_rows(incomplete_instructions(warehouse.warehouse), "bad_rows")
