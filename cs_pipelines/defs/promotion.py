"""`model_promotion`: move the registry aliases when the CryptoEval evidence says so."""

import dagster as dg
import polars as pl

from cs_pipelines.cryptoeval.evaluate import compare_stored_versions
from cs_pipelines.defs.resources import MlflowResource, WarehouseResource
from cs_pipelines.gym.ab import BASE, GUARDED, guard_comparisons
from cs_pipelines.registry.promotion import (
    DEFAULT_TOLERANCE,
    HEADLINE,
    decide_promotion,
    scored_tasks,
)
from cs_pipelines.registry.versions import baseline_key, registered_version_key
from cs_pipelines.reporting import markdown_table
from cs_pipelines.stats import ALPHA, PairedComparison, mcnemar_exact
from cs_pipelines.warehouse.tables import (
    TRADING_AB_RESULTS,
    holdout_verified,
    read_cryptoeval_scores,
)

HOLDOUT_GUARD = "held-out SFT verified@1"


class PromotionConfig(dg.Config):
    """Which registered version to judge, how much a category may drop, and whether a win
    must be statistically significant (paired, on the tasks both versions were scored on)."""

    version: str = ""  # "" = the newest registered version
    tolerance: float = DEFAULT_TOLERANCE
    # False: a point-estimate win promotes, labelled "not significant" when p >= alpha.
    require_significance: bool = False
    alpha: float = ALPHA


@dg.asset(
    kinds={"mlflow"},
    group_name="training",
    deps=["cryptoeval_scores", "sft_holdout_scores", "trading_ab"],
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
    scored set, with no category falling by more than the tolerance, and no significant
    regression on the held-out SFT tasks (McNemar on verified@1) or in the trading A/B (mean
    reward and valid share, paired by task), where both versions were scored there. The
    metadata and the reasons give each paired per-task difference (McNemar for one greedy
    sample per task, a paired cluster bootstrap for several) with its 95% CI and p-value, and
    say "not significant" when it is not; with require_significance a CryptoEval win must be
    significant. Better: the version
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
    candidate_key = registered_version_key(version)
    paired = compare_stored_versions(warehouse.warehouse, candidate_key, baseline, config.alpha)
    holdout = _holdout_paired(warehouse, candidate_key, baseline, config.alpha)
    trading = _trading_guards(warehouse, candidate_key, baseline, config.alpha)
    guards = {**({HOLDOUT_GUARD: holdout} if holdout else {}), **trading}
    decision = decide_promotion(
        _flat(candidate_scores),
        _flat(baseline_scores),
        tolerance=config.tolerance,
        comparison=paired,
        require_significance=config.require_significance,
        guards=guards,
    )
    apply_promotion(settings, version, decision)
    verdict = CHAMPION if decision.promote else "challenger"
    context.log.info(f"version {version} is now {verdict}: {'; '.join(decision.reasons)}")
    return dg.MaterializeResult(
        metadata={
            **metadata,
            "decision": verdict,
            "require_significance": config.require_significance,
            **_paired_metadata("paired", paired),
            **_paired_metadata("holdout_paired", holdout),
            **_paired_metadata("trading_ab_reward", trading.get(GUARDED["reward"])),
            **_paired_metadata("trading_ab_valid", trading.get(GUARDED["valid"])),
            "reasons": dg.MetadataValue.md("\n".join(f"- {r}" for r in decision.reasons)),
            "comparison": dg.MetadataValue.md(
                markdown_table(_comparison(candidate_scores, baseline_scores), 20)
            ),
        },
        check_results=[evidence],
    )


def _holdout_paired(
    warehouse: WarehouseResource, candidate: str, baseline: str, alpha: float
) -> PairedComparison | None:
    """McNemar on verified@1 over the held-out SFT tasks both versions answered, if any."""
    new = holdout_verified(warehouse.warehouse, candidate)
    old = holdout_verified(warehouse.warehouse, baseline)
    shared = sorted(set(new) & set(old))
    if not shared:
        return None
    return mcnemar_exact([new[t] for t in shared], [old[t] for t in shared], alpha=alpha)


def _trading_guards(
    warehouse: WarehouseResource, candidate: str, baseline: str, alpha: float
) -> dict[str, PairedComparison]:
    """The trading A/B's comparisons of the candidate with the baseline, when both were in it
    (the base model's arm comes with every version's A/B)."""
    rows = TRADING_AB_RESULTS.rows_for(warehouse.warehouse, candidate)
    theirs = (
        rows if baseline == BASE else TRADING_AB_RESULTS.rows_for(warehouse.warehouse, baseline)
    )
    return guard_comparisons(rows, theirs, candidate, baseline, alpha)


def _paired_metadata(name: str, paired: PairedComparison | None) -> dict:
    """The comparison in plain words, and its numbers, under ``name``."""
    if paired is None:
        return {name: "not available: no per-task results shared by both versions"}
    return {
        name: paired.summary(),
        f"{name}_significant": paired.significant,
        f"{name}_difference": dg.MetadataValue.float(round(paired.difference, 4)),
        f"{name}_ci": f"[{paired.ci_low:+.4f}, {paired.ci_high:+.4f}]",
        f"{name}_p_value": dg.MetadataValue.float(round(paired.p_value, 4)),
        f"{name}_tasks": dg.MetadataValue.int(paired.n_tasks),
    }


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
