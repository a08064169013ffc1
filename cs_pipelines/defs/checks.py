"""The shape most asset checks share: a query for offending rows, which must come back empty."""

import dagster as dg
import polars as pl

from cs_pipelines.reporting import markdown_table


def no_offending_rows(
    rows: pl.DataFrame,
    count_label: str,
    severity: dg.AssetCheckSeverity = dg.AssetCheckSeverity.ERROR,
) -> dg.AssetCheckResult:
    """Pass when ``rows`` is empty; show how many offend and a few examples otherwise."""
    return dg.AssetCheckResult(
        passed=rows.is_empty(),
        severity=severity,
        metadata={
            count_label: dg.MetadataValue.int(rows.height),
            "examples": dg.MetadataValue.md(markdown_table(rows, 5)),
        },
    )
