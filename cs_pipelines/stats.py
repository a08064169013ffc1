"""Uncertainty for benchmark scores: cluster bootstrap intervals and paired comparisons.

Pure numpy/scipy; no Dagster, no SQL. The unit of resampling is a *cluster* of tasks that share
a base problem (CryptoEval's fix and explain variants of one problem sit in one cluster with its
generate variant): their outcomes are correlated, so resampling tasks independently would make
an interval look narrower than the evidence allows.

* :func:`cluster_bootstrap_ci`: a 95% percentile interval for the mean of per-task values
  (per-task pass@k from the unbiased estimator, per-task maj@k), resampling clusters.
* :func:`mcnemar_exact`: two versions, one greedy sample per task: McNemar's exact test.
* :func:`paired_cluster_bootstrap`: two versions, several samples per task: the paired
  difference's interval and a two-sided p-value from resampling clusters.

``scipy.stats.bootstrap`` resamples observations independently and has no notion of clusters,
and scipy has no McNemar test (statsmodels does, but it is not a dependency): the bootstrap is
written here, vectorised over resamples, and McNemar is ``scipy.stats.binomtest`` on the
discordant pairs, with scipy's Clopper-Pearson interval for its CI.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy.stats import binomtest

DEFAULT_RESAMPLES = 2000
DEFAULT_SEED = 0
ALPHA = 0.05


@dataclass(frozen=True)
class Interval:
    """A mean and its bootstrap interval: ``low <= estimate <= high`` (up to resampling)."""

    estimate: float
    low: float
    high: float
    n_units: int  # tasks
    n_clusters: int  # base problems
    level: float = 1 - ALPHA

    def __str__(self) -> str:
        return f"{self.estimate:.3f} [{self.low:.3f}, {self.high:.3f}]"


@dataclass(frozen=True)
class PairedComparison:
    """Candidate minus baseline on the same tasks: the mean per-task difference, its interval,
    a two-sided p-value, and how many tasks went each way.

    ``wins``: tasks where the candidate scored higher; ``losses``: lower; ``ties``: equal (for
    one greedy sample, wins and losses are McNemar's discordant pairs).
    """

    method: str  # "mcnemar" or "paired cluster bootstrap"
    difference: float
    ci_low: float
    ci_high: float
    p_value: float
    n_tasks: int
    n_clusters: int
    wins: int
    losses: int
    ties: int
    alpha: float = ALPHA

    @property
    def significant(self) -> bool:
        """Whether the difference is significant at ``alpha`` (two-sided)."""
        return self.p_value < self.alpha

    def summary(self) -> str:
        """One line, e.g. ``+0.031 [-0.012, 0.074], McNemar p=0.210 (9 wins, 4 losses of 163
        tasks): not significant``."""
        verdict = "significant" if self.significant else "not significant"
        name = "McNemar" if self.method == "mcnemar" else "paired cluster bootstrap"
        return (
            f"{self.difference:+.3f} [{self.ci_low:+.3f}, {self.ci_high:+.3f}], {name} "
            f"p={self.p_value:.3f} ({self.wins} wins, {self.losses} losses of {self.n_tasks} "
            f"tasks): {verdict} at alpha {self.alpha:g}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "significant": self.significant}


def cluster_bootstrap_ci(
    values: Sequence[float],
    clusters: Sequence[Hashable],
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    level: float = 1 - ALPHA,
) -> Interval:
    """Percentile interval for the mean of ``values`` (one per task), resampling ``clusters``.

    Each resample draws as many clusters as there are, with replacement, and takes the mean
    over every task of the drawn clusters (a cluster drawn twice counts twice). Deterministic
    for a given ``seed``. One cluster (or none varying) gives a zero-width interval: the data
    hold no evidence of spread, not certainty.
    """
    values_arr = np.asarray(values, dtype=float)
    means, n_clusters = _resampled_means(values_arr, clusters, resamples, seed)
    estimate = float(values_arr.mean())
    low, high = _percentiles(means, level)
    return Interval(
        estimate, min(low, estimate), max(high, estimate), len(values_arr), n_clusters, level
    )


def mcnemar_exact(
    candidate: Sequence[bool],
    baseline: Sequence[bool],
    clusters: Sequence[Hashable] | None = None,
    alpha: float = ALPHA,
) -> PairedComparison:
    """McNemar's exact test on paired pass/fail outcomes (one greedy sample per task).

    The p-value is ``binomtest(wins, wins + losses, 0.5)`` (two-sided). The interval of the
    difference in pass rates, ``(wins - losses) / n``, is conditional on the number of
    discordant tasks ``d``: the Clopper-Pearson interval ``[lo, hi]`` of ``wins / d`` maps to
    ``d / n * (2 lo - 1) .. d / n * (2 hi - 1)``; it excludes 0 exactly when ``p < alpha``.
    McNemar treats tasks as independent; ``clusters`` only counts base problems.
    """
    cand = np.asarray(candidate, dtype=bool)
    base = np.asarray(baseline, dtype=bool)
    _check_paired(cand, base, clusters)
    n = len(cand)
    wins = int((cand & ~base).sum())
    losses = int((~cand & base).sum())
    discordant = wins + losses
    if discordant == 0:
        p_value, low, high = 1.0, 0.0, 0.0
    else:
        test = binomtest(wins, discordant, 0.5)
        p_value = float(test.pvalue)
        ci = test.proportion_ci(confidence_level=1 - alpha, method="exact")
        low = discordant / n * (2 * ci.low - 1)
        high = discordant / n * (2 * ci.high - 1)
    return PairedComparison(
        method="mcnemar",
        difference=(wins - losses) / n,
        ci_low=float(low),
        ci_high=float(high),
        p_value=min(1.0, p_value),
        n_tasks=n,
        n_clusters=len(set(clusters)) if clusters is not None else n,
        wins=wins,
        losses=losses,
        ties=n - discordant,
        alpha=alpha,
    )


def paired_cluster_bootstrap(
    candidate: Sequence[float],
    baseline: Sequence[float],
    clusters: Sequence[Hashable],
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    alpha: float = ALPHA,
) -> PairedComparison:
    """Paired comparison of per-task scores (e.g. pass@1 over several samples) by resampling
    clusters of the per-task differences ``candidate - baseline``.

    The interval is the percentile interval of the resampled mean difference; the two-sided
    p-value is ``2 * min(P*(D <= 0), P*(D >= 0))`` with the usual ``(count + 1) / (B + 1)``
    correction, so it is below ``alpha`` when the interval excludes 0. All differences zero
    give p = 1.
    """
    cand = np.asarray(candidate, dtype=float)
    base = np.asarray(baseline, dtype=float)
    _check_paired(cand, base, clusters)
    diffs = cand - base
    means, n_clusters = _resampled_means(diffs, clusters, resamples, seed)
    difference = float(diffs.mean())
    low, high = _percentiles(means, 1 - alpha)
    if np.all(diffs == 0):
        p_value = 1.0
    else:
        below = (np.count_nonzero(means <= 0) + 1) / (resamples + 1)
        above = (np.count_nonzero(means >= 0) + 1) / (resamples + 1)
        p_value = min(1.0, 2 * min(below, above))
    return PairedComparison(
        method="paired cluster bootstrap",
        difference=difference,
        ci_low=min(low, difference),
        ci_high=max(high, difference),
        p_value=float(p_value),
        n_tasks=len(diffs),
        n_clusters=n_clusters,
        wins=int((diffs > 0).sum()),
        losses=int((diffs < 0).sum()),
        ties=int((diffs == 0).sum()),
        alpha=alpha,
    )


def _resampled_means(
    values: np.ndarray, clusters: Sequence[Hashable], resamples: int, seed: int
) -> tuple[np.ndarray, int]:
    """The mean of ``values`` in each of ``resamples`` cluster resamples (every task of a drawn
    cluster counts, as often as the cluster is drawn), and the number of clusters."""
    sizes, sums = _cluster_sums(values, clusters)
    counts = _draw_counts(len(sizes), resamples, seed)
    return (counts @ sums) / (counts @ sizes), len(sizes)


def _cluster_sums(arr: np.ndarray, clusters: Sequence[Hashable]) -> tuple[np.ndarray, np.ndarray]:
    """Each cluster's size and sum of ``arr`` (clusters in first-seen order)."""
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError("need at least one value, as a flat sequence")
    if len(clusters) != arr.size:
        raise ValueError(f"{arr.size} values but {len(clusters)} cluster labels")
    if not np.all(np.isfinite(arr)):
        raise ValueError("values must be finite")
    index: dict[Hashable, int] = {}
    labels = np.array([index.setdefault(c, len(index)) for c in clusters], dtype=np.int64)
    sizes = np.bincount(labels).astype(float)
    sums = np.bincount(labels, weights=arr)
    return sizes, sums


def _draw_counts(n_clusters: int, resamples: int, seed: int) -> np.ndarray:
    """``(resamples, n_clusters)``: how often each cluster is drawn in each resample."""
    if resamples < 1:
        raise ValueError(f"resamples must be >= 1, got {resamples}")
    rng = np.random.default_rng(seed)
    return rng.multinomial(n_clusters, np.full(n_clusters, 1.0 / n_clusters), size=resamples)


def _percentiles(samples: np.ndarray, level: float) -> tuple[float, float]:
    if not 0 < level < 1:
        raise ValueError(f"level must be in (0, 1), got {level}")
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail])
    return float(low), float(high)


def _check_paired(
    candidate: np.ndarray, baseline: np.ndarray, clusters: Sequence[Hashable] | None
) -> None:
    if candidate.shape != baseline.shape or candidate.ndim != 1 or candidate.size == 0:
        raise ValueError(
            f"paired outcomes need two equally long, non-empty sequences, got "
            f"{candidate.shape} and {baseline.shape}"
        )
    if clusters is not None and len(clusters) != candidate.size:
        raise ValueError(f"{candidate.size} paired tasks but {len(clusters)} cluster labels")


def format_interval(value: float, low: float | None, high: float | None) -> str:
    """``0.083 [0.023, 0.258]``, or the bare value when the bounds are missing (old rows)."""
    if low is None or high is None or not (math.isfinite(low) and math.isfinite(high)):
        return f"{value:.3f}"
    return f"{value:.3f} [{low:.3f}, {high:.3f}]"
