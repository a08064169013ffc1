"""Shared by the SFT data assets: the metadata of task and candidate tables."""

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.reporting import bar_chart_png, markdown_image, markdown_table


def task_table_metadata(table: pl.DataFrame) -> dict:
    """Rows, families, and tasks per category and difficulty of a task table."""
    counts = table.pivot(
        on="difficulty_label", index="category", values="task_id", aggregate_function="len"
    ).fill_null(0)
    return {
        "dagster/row_count": dg.MetadataValue.int(table.height),
        "families": dg.MetadataValue.int(table["family"].n_unique()),
        "by_category_and_difficulty": dg.MetadataValue.md(
            markdown_table(counts.sort("category"), 20)
        ),
    }


def candidate_metadata(table: pl.DataFrame, rungs: tuple[str, ...], chart_name: str) -> dict:
    """Counts per source, why candidates stopped, and a chart of the highest rung reached."""
    by_source = (
        table.group_by("source")
        .agg(pl.len().alias("candidates"), pl.col("verified").sum().alias("verified"))
        .sort("source")
    )
    stops = (
        table.filter(~pl.col("verified"))
        .group_by("rung_name", "stop_reason")
        .len()
        .sort("len", descending=True)
    )
    reached = table.group_by("rung_name").len()
    counts = dict(reached.iter_rows())
    chart = bar_chart_png(
        list(rungs),
        [int(counts.get(name, 0)) for name in rungs],
        "Highest rung reached",
        paths.artifacts_dir() / "reports" / f"{chart_name}.png",
        xlabel="candidates",
    )
    return {
        "dagster/row_count": dg.MetadataValue.int(table.height),
        "verified": dg.MetadataValue.int(int(table["verified"].sum())),
        "by_source": dg.MetadataValue.md(markdown_table(by_source, 10)),
        "why_candidates_stopped": dg.MetadataValue.md(markdown_table(stops, 15, 120)),
        "rungs": dg.MetadataValue.md(markdown_image(chart, "highest rung reached")),
    }
