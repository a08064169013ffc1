"""`model_promotion`: move the registry aliases when the CryptoEval evidence says so."""

import dagster as dg
import polars as pl

from cs_pipelines.defs.resources import MlflowResource, WarehouseResource
from cs_pipelines.registry.promotion import (
    DEFAULT_TOLERANCE,
    HEADLINE,
    decide_promotion,
    scored_tasks,
)
from cs_pipelines.registry.versions import baseline_key, registered_version_key
from cs_pipelines.reporting import markdown_table
from cs_pipelines.warehouse.tables import read_cryptoeval_scores


class PromotionConfig(dg.Config):
    """Which registered version to judge, and how much a category may drop."""

    version: str = ""  # "" = the newest registered version
    tolerance: float = DEFAULT_TOLERANCE


@dg.asset(
    kinds={"mlflow"},
    group_name="training",
    deps=["cryptoeval_scores"],
    check_specs=[
        dg.AssetCheckSpec(
            "evidence_complete",
            asset="model_promotion",
            blocking=True,
            description="The version and what it is compared with were scored on the same "
            "CryptoEval tasks; without that, no alias moves.",
        )
    ],
)
def model_promotion(
    context: dg.AssetExecutionContext,
    config: PromotionConfig,
    warehouse: WarehouseResource,
    mlflow: MlflowResource,
) -> dg.MaterializeResult:
    """The promotion decision for a registered version of cs-trader-coder: compared with the
    current champion (or, before there is one, the base model) on CryptoEval pass@1 over the
    scored set, with no category falling by more than the tolerance. Better: the version
    becomes `champion` (the old one stays reachable as `previous-champion`); otherwise it gets
    `challenger`. Registry aliases only."""
    from cs_pipelines.registry import (
        CHAMPION,
        alias_version,
        apply_promotion,
        newest_registered_version,
    )

    settings = mlflow.settings
    version = config.version or newest_registered_version(settings)
    baseline = baseline_key(alias_version(settings, CHAMPION))
    candidate_scores = read_cryptoeval_scores(warehouse.warehouse, registered_version_key(version))
    baseline_scores = read_cryptoeval_scores(warehouse.warehouse, baseline)
    evidence = _evidence(candidate_scores, baseline_scores, version, baseline)
    metadata = {"version": version, "compared_with": baseline}
    if not evidence.passed:
        context.log.error(f"no promotion decision for version {version}: evidence incomplete")
        return dg.MaterializeResult(
            metadata={**metadata, "decision": "none"}, check_results=[evidence]
        )
    decision = decide_promotion(
        _flat(candidate_scores), _flat(baseline_scores), tolerance=config.tolerance
    )
    apply_promotion(settings, version, decision)
    verdict = CHAMPION if decision.promote else "challenger"
    context.log.info(f"version {version} is now {verdict}: {'; '.join(decision.reasons)}")
    return dg.MaterializeResult(
        metadata={
            **metadata,
            "decision": verdict,
            "reasons": dg.MetadataValue.md("\n".join(f"- {r}" for r in decision.reasons)),
            "comparison": dg.MetadataValue.md(
                markdown_table(_comparison(candidate_scores, baseline_scores), 20)
            ),
        },
        check_results=[evidence],
    )


def _flat(scores: pl.DataFrame) -> dict[str, float]:
    from cs_pipelines.registry import flatten_scores

    return flatten_scores(scores)


def _evidence(
    candidate: pl.DataFrame, baseline: pl.DataFrame, version: str, baseline_name: str
) -> dg.AssetCheckResult:
    missing = [name for name, frame in ((version, candidate), (baseline_name, baseline))
               if frame.is_empty()]  # fmt: skip
    same_tasks = not missing and scored_tasks(candidate) == scored_tasks(baseline)
    return dg.AssetCheckResult(
        check_name="evidence_complete",
        passed=same_tasks,
        metadata={
            "missing_scores": ", ".join(missing) or "none",
            "candidate_tasks": str(scored_tasks(candidate)) if not candidate.is_empty() else "",
            "baseline_tasks": str(scored_tasks(baseline)) if not baseline.is_empty() else "",
        },
    )


def _comparison(candidate: pl.DataFrame, baseline: pl.DataFrame) -> pl.DataFrame:
    def headline(frame: pl.DataFrame, name: str) -> pl.DataFrame:
        return frame.filter(pl.col("metric") == HEADLINE).select(
            "scope", "group", pl.col("value").round(3).alias(name)
        )

    return headline(candidate, "candidate").join(
        headline(baseline, "baseline"), on=["scope", "group"], how="full", coalesce=True
    )
